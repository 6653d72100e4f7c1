import { describe, expect, it } from "vitest";
import { MemoryCache } from "./memory-cache.ts";

describe("MemoryCache", () => {
  it("answers from memory within the time to live, and reads again after", async () => {
    const cache = new MemoryCache<string>(10, 1000);
    let reads = 0;
    const read = async () => `v${++reads}`;
    expect(await cache.get("k", 50, read)).toBe("v1");
    expect(await cache.get("k", 50, read)).toBe("v1");
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get("k", 50, read)).toBe("v2");
  });

  it("lets the least recently used go past its entry and byte bounds, and never keeps a value too large", async () => {
    const cache = new MemoryCache<string>(2, 1000);
    const reads: string[] = [];
    const read = (v: string) => async () => (reads.push(v), v);
    await cache.get("a", Infinity, read("a"));
    await cache.get("b", Infinity, read("b"));
    await cache.get("a", Infinity, read("a"));
    await cache.get("c", Infinity, read("c"));
    await cache.get("a", Infinity, read("a"));
    await cache.get("b", Infinity, read("b"));
    expect(reads).toEqual(["a", "b", "c", "b"]);
    await cache.get("big", Infinity, read("big"), () => 300);
    await cache.get("big", Infinity, read("big"), () => 300);
    expect(reads.filter((r) => r === "big")).toHaveLength(2);
  });
});
