import { HeavytailError } from "../errors/heavytail-error.ts";

/** A CSV text that is not well formed (RFC 4180): says on which line. */
export class CsvSyntaxError extends HeavytailError {
  declare readonly code: "csv_syntax";
  constructor(message: string) {
    super("csv_syntax", 422, message);
    this.name = "CsvSyntaxError";
  }
}

/** One record of a CSV text: its fields, and the line it starts on (1-based), for messages. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * The records of a CSV text as RFC 4180 writes them: fields split by commas, a field in double
 * quotes may hold commas, line breaks and `""` for a quote; CRLF or LF line ends. Blank lines are
 * skipped; fields are not trimmed (the formats that read them decide).
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    fields.push(field);
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === "" && !wasQuoted;
    endField();
    if (!blank) records.push({ line: start, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
        const next = text[i + 1];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") throw new CsvSyntaxError(`line ${line}: text after a closing quote`);
      } else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') {
      if (field !== "") throw new CsvSyntaxError(`line ${line}: a quote inside an unquoted field`);
      quoted = true;
      wasQuoted = true;
    } else if (c === ",") {
      endField();
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvSyntaxError(`line ${start}: a quoted field is not closed`);
  endRecord();
  return records;
}
