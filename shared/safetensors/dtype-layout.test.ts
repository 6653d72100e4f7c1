import { describe, expect, it } from "vitest";
import { dtypeLayout } from "./dtype-layout.ts";

describe("dtypeLayout", () => {
  it("describes element dtypes as one-value blocks, block types by their ggml layout, opaque types without a decoder", () => {
    expect(dtypeLayout("BF16")).toMatchObject({ valuesPerBlock: 1, bytesPerBlock: 2 });
    expect(dtypeLayout("Q4_K")).toMatchObject({ valuesPerBlock: 256, bytesPerBlock: 144 });
    expect(dtypeLayout("Q8_0")).toMatchObject({ valuesPerBlock: 32, bytesPerBlock: 34 });
    expect(dtypeLayout("IQ4_XS")).toEqual({ valuesPerBlock: 256, bytesPerBlock: 136, decode: null });
    const out = new Float32Array(2);
    expect(dtypeLayout("F32").decode!(new Uint8Array(new Float32Array([1.5, -2]).buffer), out)).toBe(2);
    expect(Array.from(out)).toEqual([1.5, -2]);
  });
});
