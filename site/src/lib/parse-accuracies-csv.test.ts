import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AccuraciesCsvError, parseAccuraciesCsv } from "./parse-accuracies-csv.ts";

describe("parseAccuraciesCsv", () => {
  it("reads rows, keeping commas inside the source", () => {
    const rows = parseAccuraciesCsv("model,series,accuracy,source\n# a comment\na/b,S,71.5,paper, table 2\n");
    expect(rows).toEqual([{ model: "a/b", series: "S", accuracy: 71.5, source: "paper, table 2" }]);
  });

  it("rejects a bad header, a bad number and a repeated model", () => {
    expect(() => parseAccuraciesCsv("model,accuracy\n")).toThrow(AccuraciesCsvError);
    expect(() => parseAccuraciesCsv("model,series,accuracy,source\na/b,S,abc,x\n")).toThrow(/not a percentage/);
    expect(() => parseAccuraciesCsv("model,series,accuracy,source\na/b,S,1,x\na/b,S,2,x\n")).toThrow(/twice/);
  });

  it("reads the site's curated table", () => {
    const rows = parseAccuraciesCsv(readFileSync(new URL("../../data/accuracies.csv", import.meta.url), "utf8"));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.series)).size).toBeGreaterThan(0);
  });
});
