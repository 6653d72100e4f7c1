/**
 * A JSON.stringify replacer keeping 12 significant digits of non-integer numbers: fixture files
 * stay small and still hold every digit the site prints.
 */
export function roundTo12(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(12)) : value;
}
