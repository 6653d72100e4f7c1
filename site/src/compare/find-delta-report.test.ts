import { describe, expect, it } from "vitest";
import type { StagedReport } from "../lib/catalog-types.ts";
import { findDeltaReport } from "./find-delta-report.ts";

const staged = (file: string, id: string, base: string | null, created: string) =>
  ({ file, head: { model: { id, source: "hub" }, created_at: created, method: base ? { base: { id: base, source: "hub" } } : {} } }) as unknown as StagedReport;

describe("findDeltaReport", () => {
  it("finds the newest delta analysis of either model against the other", () => {
    const reports = [
      staged("plain", "o/chat", null, "2026-01-03T00:00:00Z"),
      staged("old", "o/chat", "o/base", "2026-01-01T00:00:00Z"),
      staged("new", "o/chat", "O/Base", "2026-01-02T00:00:00Z"),
      staged("other", "o/code", "o/base", "2026-01-04T00:00:00Z"),
    ];
    expect(findDeltaReport(reports, "o/base", "o/chat")?.file).toBe("new");
    expect(findDeltaReport(reports, "o/chat", "o/base")?.file).toBe("new");
    expect(findDeltaReport(reports, "o/chat", "o/code")).toBeNull();
  });
});
