import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./parse-csv.ts";

describe("parseCsv", () => {
  it("reads fields, quoted ones with commas, quotes and line breaks, and blank lines away", () => {
    expect(parseCsv('a,b,c\r\n1,"x, y",""\n\n2,"say ""hi""","two\nlines"\n')).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "x, y", ""] },
      { line: 4, fields: ["2", 'say "hi"', "two\nlines"] },
    ]);
    expect(parseCsv("a, b ,c")).toEqual([{ line: 1, fields: ["a", " b ", "c"] }]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv('""')).toEqual([{ line: 1, fields: [""] }]);
  });

  it("says where a text is not CSV", () => {
    expect(() => parseCsv('a\n"open')).toThrow(new CsvSyntaxError("line 2: a quoted field is not closed"));
    expect(() => parseCsv('a\nx"y')).toThrow(/line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('"a"b')).toThrow(/line 1: text after a closing quote/);
  });
});
