import { describe, expect, it } from "vitest";
import { ggufFileTypeName } from "./gguf-file-type.ts";

describe("ggufFileTypeName", () => {
  it("names llama.cpp's file types", () => {
    expect([15, 17, 18, 7, 1, 0, 32, 30].map(ggufFileTypeName)).toEqual(["Q4_K_M", "Q5_K_M", "Q6_K", "Q8_0", "F16", "F32", "BF16", "IQ4_XS"]);
    expect(ggufFileTypeName(99)).toBe("file type 99");
    expect(ggufFileTypeName(undefined)).toBeNull();
    expect(ggufFileTypeName("15")).toBeNull();
  });
});
