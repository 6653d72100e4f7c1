import { describe, expect, it } from "vitest";
import { mapBounded } from "./map-bounded.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("mapBounded", () => {
  it("keeps the items' order and at most `limit` calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 6, 7], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 60, 70]);
    expect(most).toBe(3);
  });

  it("starts nothing after the first failure and answers with it", async () => {
    const started: number[] = [];
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    await expect(
      mapBounded(items, 8, async (i) => {
        started.push(i);
        await tick();
        if (i === 3) throw new Error("shard 3 is missing");
        return i;
      }),
    ).rejects.toThrow("shard 3 is missing");
    expect(started.length).toBeLessThanOrEqual(16);
  });

  it("answers an empty list at once", async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
