export type RangeRequest =
  | { kind: "none" }
  | { kind: "range"; start: number; end: number /* inclusive */ }
  | { kind: "unsatisfiable" };

/**
 * One `bytes=a-b`, `bytes=a-` or `bytes=-n` range against a file of `size` bytes. The mock is
 * strict: several ranges, other units, `b < a`, or a start at or past the end are all answered 416,
 * so a client bug shows at once instead of as a silently full body.
 */
export function parseRangeHeader(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: "none" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null || (match[1] === "" && match[2] === "")) return { kind: "unsatisfiable" };
  if (match[1] === "") {
    // suffix range: the last n bytes
    const n = Number(match[2]);
    if (n === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "range", start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || (match[2] !== "" && Number(match[2]) < start)) return { kind: "unsatisfiable" };
  return { kind: "range", start, end };
}
