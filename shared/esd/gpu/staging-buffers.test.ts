import { describe, expect, it } from "vitest";
import { stagingBuffers } from "./staging-buffers.ts";

describe("stagingBuffers", () => {
  it("reuses one array per role and length, and keeps roles apart", () => {
    const buffer = stagingBuffers();
    const x = buffer("x", 6);
    expect(x).toHaveLength(6);
    expect(buffer("x", 6)).toBe(x);
    expect(buffer("y", 6)).not.toBe(x);
    expect(buffer("x", 4)).toHaveLength(4);
  });
});
