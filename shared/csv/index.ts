// The one CSV reader (RFC 4180 quoting) used by every front end.
export { parseCsv } from "./parse-csv.ts";
