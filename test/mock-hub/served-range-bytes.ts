import type { RequestLogEntry } from "./types.ts";

/** Bytes the mock Hub served in ranges (206 answers; a range's size, whether or not the reader kept it), of `repo` when given. */
export function servedRangeBytes(requests: readonly RequestLogEntry[], repo?: string): number {
  let bytes = 0;
  for (const r of requests) {
    const m = (repo === undefined || r.repo === repo) && r.status === 206 ? /^bytes=(\d+)-(\d+)$/.exec(r.range ?? "") : null;
    if (m !== null) bytes += Number(m[2]) - Number(m[1]) + 1;
  }
  return bytes;
}
