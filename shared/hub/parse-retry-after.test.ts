import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./parse-retry-after.ts";

const NOW = Date.parse("2025-01-01T00:00:00Z");

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates, capped and never negative", () => {
    expect(parseRetryAfter("3", NOW, 60_000)).toBe(3000);
    expect(parseRetryAfter(" 0 ", NOW, 60_000)).toBe(0);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", NOW, 60_000)).toBe(30_000);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", NOW, 60_000)).toBe(0);
    expect(parseRetryAfter("86400", NOW, 60_000)).toBe(60_000);
  });

  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, NOW, 60_000)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW, 60_000)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW, 60_000)).toBeUndefined();
  });
});
