import { expect, it } from "vitest";
import { retryDelaySeconds } from "./retry-delay-seconds.ts";

it("honours Retry-After, else backs off exponentially, within five minutes", () => {
  expect(retryDelaySeconds(1, 7)).toBe(7);
  expect(retryDelaySeconds(1, 0.2)).toBe(1);
  expect(retryDelaySeconds(1, 10_000)).toBe(300);
  expect([1, 2, 3, 4].map((a) => retryDelaySeconds(a))).toEqual([5, 10, 20, 40]);
  expect(retryDelaySeconds(20)).toBe(300);
});
