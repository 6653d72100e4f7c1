/**
 * Number of whole blocks in `bytes` for a dequantizer; throws RangeError when `bytes` holds a
 * partial block or `out` is too short for the values.
 */
export function checkBlocks(type: string, bytes: Uint8Array, out: Float32Array, bytesPerBlock: number, valuesPerBlock: number): number {
  if (bytes.byteLength % bytesPerBlock !== 0) throw new RangeError(`${bytes.byteLength} bytes do not hold whole ${type} blocks of ${bytesPerBlock} bytes`);
  const blocks = bytes.byteLength / bytesPerBlock;
  if (out.length < blocks * valuesPerBlock) throw new RangeError(`output holds ${out.length} values, ${blocks * valuesPerBlock} needed`);
  return blocks;
}
