import { describe, expect, it } from "vitest";
import { runInOrder } from "./run-in-order.ts";

/** runs items that each wait for a tick; records start order and the most running at once, and their cost */
function recorder(costs: number[]) {
  const started: number[] = [];
  let running = 0;
  let cost = 0;
  let mostRunning = 0;
  let mostCost = 0;
  const run = async (i: number) => {
    started.push(i);
    running++;
    cost += costs[i];
    mostRunning = Math.max(mostRunning, running);
    mostCost = Math.max(mostCost, cost);
    await new Promise((r) => setTimeout(r, 1 + (i % 3)));
    running--;
    cost -= costs[i];
  };
  return { run, started, most: () => ({ running: mostRunning, cost: mostCost }) };
}

describe("runInOrder", () => {
  it("starts every item in order with at most `concurrency` running", async () => {
    const r = recorder(Array(10).fill(1));
    await runInOrder(10, { concurrency: 3, budget: Infinity, cost: () => 1 }, r.run);
    expect(r.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.most().running).toBe(3);
  });

  it("keeps the running items' cost within the budget; an item over it runs alone", async () => {
    const costs = [4, 4, 4, 9, 12, 1, 1, 1, 1];
    const r = recorder(costs);
    await runInOrder(costs.length, { concurrency: 4, budget: 10, cost: (i) => costs[i] }, r.run);
    expect(r.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // 12 alone is the only time the budget is passed
    expect(r.most().cost).toBe(12);
    const r2 = recorder(costs.map((c) => Math.min(c, 10)));
    await runInOrder(costs.length, { concurrency: 4, budget: 10, cost: (i) => Math.min(costs[i], 10) }, r2.run);
    expect(r2.most().cost).toBeLessThanOrEqual(10);
  });

  it("rejects with the first failure and starts nothing after it", async () => {
    const started: number[] = [];
    const run = async (i: number) => {
      started.push(i);
      if (i === 2) throw new Error("layer 2 broke");
      await new Promise((r) => setTimeout(r, 5));
    };
    await expect(runInOrder(8, { concurrency: 2, budget: Infinity, cost: () => 0 }, run)).rejects.toThrow("layer 2 broke");
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toEqual([0, 1, 2]);
  });

  it("resolves at once for no items and refuses a concurrency below 1", async () => {
    await expect(runInOrder(0, { concurrency: 1, budget: 0, cost: () => 0 }, async () => undefined)).resolves.toBeUndefined();
    expect(() => runInOrder(1, { concurrency: 0, budget: 0, cost: () => 0 }, async () => undefined)).toThrow(/concurrency/);
  });
});
