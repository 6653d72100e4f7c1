import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { reportFileName } from "./report-file-name.ts";

const named = (id: string) => ({ model: { id } }) as Report;

describe("reportFileName", () => {
  it("names the file after the model", () => {
    expect(reportFileName(named("ppocrv4_rec"))).toBe("ppocrv4_rec.heavytail.json");
  });

  it("keeps path separators, dots at the start and odd characters out", () => {
    expect(reportFileName(named("../../etc/passwd"))).toBe("etc-passwd.heavytail.json");
    expect(reportFileName(named("my model ✓"))).toBe("my-model.heavytail.json");
    expect(reportFileName(named("…"))).toBe("model.heavytail.json");
  });
});
