import { expect, it } from "vitest";
import { etagMatches } from "./etag-matches.ts";

it("matches ETags weakly, in lists and with W/ prefixes", () => {
  expect(etagMatches('"a"', '"a"')).toBe(true);
  expect(etagMatches('W/"a"', '"a"')).toBe(true);
  expect(etagMatches('"x", W/"a"', '"a"')).toBe(true);
  expect(etagMatches("*", '"a"')).toBe(true);
  expect(etagMatches('"b"', '"a"')).toBe(false);
  expect(etagMatches('"a', '"a"')).toBe(false);
  expect(etagMatches(undefined, '"a"')).toBe(false);
});
