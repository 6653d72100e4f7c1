import { halfToFloat } from "./half-to-float.ts";

/** Every binary16 code's exact value as a float32 (each is exactly representable): index by the 16 bits. */
export const F16_VALUES = Float32Array.from({ length: 1 << 16 }, (_, bits) => halfToFloat(bits));
