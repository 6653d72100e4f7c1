import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acceptReports } from "./accept-reports.ts";
import { readReportFolder } from "./read-report-folder.ts";
import { makeReport } from "../../test/helpers/make-report.ts";

describe("readReportFolder and acceptReports", () => {
  it("reads JSON files recursively and sets aside what is not a valid report", () => {
    const dir = mkdtempSync(join(tmpdir(), "heavytail-reports-"));
    mkdirSync(join(dir, "nested"));
    const report = makeReport({ id: "a/b", family: "x", createdAt: "2026-01-01T00:00:00Z", seed: 1, layers: [{ name: "l.0", shape: [32, 16] }] });
    writeFileSync(join(dir, "nested", "good.json"), JSON.stringify(report));
    writeFileSync(join(dir, "broken.json"), "{");
    writeFileSync(join(dir, "other.json"), JSON.stringify({ hello: "world" }));
    writeFileSync(join(dir, "notes.txt"), "not a report");
    const inputs = readReportFolder(dir);
    expect(inputs.map((i) => i.source.split("/").pop())).toEqual(["broken.json", "good.json", "other.json"]);
    const { accepted, rejected } = acceptReports(inputs);
    expect(accepted.map((a) => a.report.model.id)).toEqual(["a/b"]);
    expect(rejected.map((r) => r.source.split("/").pop())).toEqual(["broken.json", "other.json"]);
    expect(rejected[0].errors[0]).toMatch(/^not JSON/);
    expect(rejected[1].errors.length).toBeGreaterThan(3);
  });

  it("says clearly when the folder is missing", () => {
    expect(() => readReportFolder("/nonexistent/heavytail")).toThrow(/no such folder/);
  });
});
