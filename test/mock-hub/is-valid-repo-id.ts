// The Hub's id grammar: `name` (legacy) or `org/name`; letters, digits, `-`, `_`, `.`,
// no leading or trailing `-`/`.`, no `--` or `..`, at most 96 characters per part.
const PART = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?$/;

/** Whether `id` is a model id the Hub could hold. It never names a folder outside a mount. */
export function isValidRepoId(id: string): boolean {
  const parts = id.split("/");
  if (parts.length > 2) return false;
  return parts.every((part) => PART.test(part) && !part.includes("--") && !part.includes(".."));
}
