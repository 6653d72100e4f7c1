import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateReport } from "#shared/report";
import { fixtureReportSpecs } from "./fixture-report-specs.ts";
import { makeReport } from "./make-report.ts";
import { gpt2Layout } from "./model-layouts.ts";
import { roundTo12 } from "./round-to-12.ts";

describe("makeReport", () => {
  it("makes schema-valid, deterministic reports with the reference's layer ids", () => {
    const spec = { id: "a/b", family: "gpt2", createdAt: "2026-01-01T00:00:00Z", seed: 9, layers: gpt2Layout(12, 16) };
    const report = makeReport(spec);
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toMatchObject({ ok: true });
    expect(makeReport(spec)).toEqual(report);
    // ids count names in sorted order, as the reference enumerates them: h.10 before h.2
    const id = (name: string) => report.layers.find((l) => l.name === name)!.layer_id;
    expect(id("transformer.h.10.attn.c_attn")).toBeLessThan(id("transformer.h.2.attn.c_attn"));
  });

  it("matches the committed fixture reports (regenerate them with write-fixture-reports.ts)", () => {
    for (const { file, spec } of fixtureReportSpecs()) {
      const committed = JSON.parse(readFileSync(join(import.meta.dirname, "..", "fixtures", "reports", file), "utf8"));
      const made = JSON.parse(JSON.stringify(makeReport(spec), roundTo12));
      expect(made, file).toEqual(committed);
    }
  });
});
