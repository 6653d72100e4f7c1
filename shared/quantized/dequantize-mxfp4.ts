/** The sixteen e2m1 (FP4) values by nibble, as transformers' FP4_VALUES (integrations/mxfp4.py) and the OCP MX spec list them. */
export const E2M1_VALUES = [0, 0.5, 1, 1.5, 2, 3, 4, 6, -0, -0.5, -1, -1.5, -2, -3, -4, -6] as const;

/**
 * MXFP4 values of a run of whole bytes of `blocks` (each block: 16 bytes, 32 values, sharing one
 * E8M0 scale), as transformers' `convert_moe_packed_tensors` computes them: byte b holds value 2b in
 * its low nibble and 2b+1 in its high one, each e2m1(nibble) · 2^(e − 127), e the block's scale byte.
 * `bytes` start at byte `start` of the matrix's blocks; `scales` hold the scale bytes from block `scale0`.
 * An exponent of 255 (E8M0's NaN) gives a non-finite value, refused by the reader.
 */
export function dequantizeMxfp4(bytes: Uint8Array, start: number, scales: Uint8Array, scale0: number, out: Float32Array): void {
  for (let k = 0; k < bytes.length; k++) {
    const e = scales[Math.floor((start + k) / 16) - scale0];
    const factor = e === 255 ? NaN : 2 ** (e - 127);
    const byte = bytes[k];
    out[2 * k] = E2M1_VALUES[byte & 15] * factor;
    out[2 * k + 1] = E2M1_VALUES[byte >> 4] * factor;
  }
}
