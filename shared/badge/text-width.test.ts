import { expect, it } from "vitest";
import { textWidth } from "./text-width.ts";

it("measures wide letters wider than narrow ones and counts code points, not UTF-16 units", () => {
  expect(textWidth("")).toBe(0);
  expect(textWidth("W")).toBeGreaterThan(textWidth("i"));
  expect(textWidth("well-trained")).toBeGreaterThan(60);
  expect(textWidth("well-trained")).toBeLessThan(90);
  expect(textWidth("😀")).toBe(textWidth("α"));
});
