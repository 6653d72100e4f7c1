/** N, M, rf of a conv2d weight `[out, in, kh, kw]` as the reference reports them, and each slice's stored shape. */
export interface Conv2dDimensions {
  /** each slice `T[:, :, i, j]` is out × in as stored */
  rows: number;
  cols: number;
  rf: number;
  N: number;
  M: number;
}

/**
 * Follows the reference (weightwatcher 0.7.5.5, channels-last tensors as in a PyTorch state dict):
 * N = out, M = in, then N and M are swapped once per slice whenever out < in, so an even number of
 * slices leaves them swapped (N < M). A tensor with out + in < kh + kw looks channels-first to the
 * reference, which then keeps N = out, M = in unswapped.
 */
export function conv2dDimensions(shape: readonly [number, number, number, number]): Conv2dDimensions {
  const [out, inputs, kh, kw] = shape;
  const rf = kh * kw;
  const looksChannelsFirst = out + inputs < kh + kw;
  const swapped = !looksChannelsFirst && out < inputs && rf % 2 === 1;
  return { rows: out, cols: inputs, rf, N: swapped ? inputs : out, M: swapped ? out : inputs };
}
