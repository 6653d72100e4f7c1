import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeReport } from "../../test/helpers/make-report.ts";
import { readStagedIndex, readStagedReport } from "../src/lib/read-staged.ts";
import { publishRawReports } from "./publish-raw-reports.ts";
import { stageSiteData } from "./stage-site-data.ts";

describe("stageSiteData and publishRawReports", () => {
  it("stages heads and whole reports, then publishes each revision's raw JSON next to its pages", () => {
    const spec = { id: "org/m", family: "x", seed: 3, layers: [{ name: "l.0", shape: [32, 16] }] };
    const a = makeReport({ ...spec, sha: "a".repeat(40), createdAt: "2026-01-01T00:00:00Z" });
    const b = makeReport({ ...spec, sha: "b".repeat(40), createdAt: "2026-02-01T00:00:00Z" });
    const accepted = [a, b].map((report, i) => ({ source: `${i}.json`, text: JSON.stringify(report, null, 1), report }));
    const data = mkdtempSync(join(tmpdir(), "heavytail-stage-"));
    const index = stageSiteData(accepted, [{ model: "org/m", series: "S", accuracy: 70, source: "x" }], data);
    expect(readStagedIndex(data)).toEqual(index);
    expect(index.reports[0].head).not.toHaveProperty("layers");
    expect(readStagedReport(data, index.reports[1].file)).toEqual(b);

    const out = mkdtempSync(join(tmpdir(), "heavytail-out-"));
    expect(publishRawReports(index, data, out)).toBe(2);
    expect(readFileSync(join(out, "org", "m", `@${"b".repeat(40)}`, "report.json"), "utf8")).toBe(accepted[1].text);
    expect(existsSync(join(out, "org", "m", `@${"a".repeat(40)}`, "report.json"))).toBe(true);
  });
});
