// `Content-Range: bytes first-last/total` (total may be "*"), or "bytes */total" of a 416; null when malformed
export function parseContentRange(value: string | null): { first: number; last: number; total: number | null } | { unsatisfied: true; total: number } | null {
  if (value === null) return null;
  const unsatisfied = /^bytes \*\/(\d+)$/.exec(value.trim());
  if (unsatisfied) return { unsatisfied: true, total: Number(unsatisfied[1]) };
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value.trim());
  if (!match) return null;
  const [first, last] = [Number(match[1]), Number(match[2])];
  const total = match[3] === "*" ? null : Number(match[3]);
  if (last < first || (total !== null && last >= total)) return null;
  return { first, last, total };
}
