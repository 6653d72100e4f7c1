/** Number of elements of a tensor of this shape (1 for a 0-D scalar); null when it is not a safe integer. */
export function elementCount(shape: readonly number[]): number | null {
  let count = 1;
  for (const dim of shape) {
    count *= dim;
    if (!Number.isSafeInteger(count)) return null;
  }
  return count;
}
