import { describe, expect, it } from "vitest";
import { ggufSplitName } from "./gguf-split-name.ts";

describe("ggufSplitName", () => {
  it("reads gguf-split shard names and ignores others", () => {
    expect(ggufSplitName("Q4_K_M/Llama-3-70B-Q4_K_M-00002-of-00003.gguf")).toEqual({ prefix: "Q4_K_M/Llama-3-70B-Q4_K_M", shard: 2, count: 3 });
    expect(ggufSplitName("model-Q4_K_M.gguf")).toBeNull();
    expect(ggufSplitName("m-00000-of-00002.gguf")).toBeNull();
    expect(ggufSplitName("m-00003-of-00002.gguf")).toBeNull();
    expect(ggufSplitName("m-1-of-2.gguf")).toBeNull();
  });
});
