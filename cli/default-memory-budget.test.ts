import os from "node:os";
import { describe, expect, it } from "vitest";
import { defaultMemoryBudget } from "./default-memory-budget.ts";

describe("defaultMemoryBudget", () => {
  it("is half the memory available, at most half the machine's", () => {
    const budget = defaultMemoryBudget();
    expect(budget).toBeGreaterThan(0);
    expect(budget).toBeLessThanOrEqual(os.totalmem() / 2);
  });
});
