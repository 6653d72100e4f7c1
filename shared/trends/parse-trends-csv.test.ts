import { describe, expect, it } from "vitest";
import { parseTrendsCsv, TrendsCsvError } from "./parse-trends-csv.ts";

describe("parseTrendsCsv", () => {
  it("reads quoted fields as CSV writes them, and top1_error as 100 − accuracy", () => {
    const rows = parseTrendsCsv('series,model,top1_error,alpha\r\nVGG,"vgg16, bn",26.5,3.1\n\nVGG,vgg19,25.8,3.0\n');
    expect(rows).toEqual([
      { series: "VGG", model: "vgg16, bn", accuracy: 73.5, metrics: { alpha: 3.1 } },
      { series: "VGG", model: "vgg19", accuracy: 74.2, metrics: { alpha: 3 } },
    ]);
  });

  it("says on which line of the file a row is wrong", () => {
    const text = 'series,model,accuracy,alpha\nA,"two\nlines",70,3\nA,b,70\n';
    expect(() => parseTrendsCsv(text, "t.csv")).toThrow(new TrendsCsvError("t.csv: line 4 has 3 fields, the header has 4"));
    expect(() => parseTrendsCsv("series,model,accuracy,alpha\nA,b,70,x\n", "t.csv")).toThrow(/t\.csv: line 2: alpha 'x' is not a number/);
    expect(() => parseTrendsCsv('series,model,accuracy,alpha\nA,"b,70,3\n', "t.csv")).toThrow(/t\.csv: line 2: a quoted field is not closed/);
  });
});
