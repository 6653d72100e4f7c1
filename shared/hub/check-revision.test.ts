import { describe, expect, it } from "vitest";
import { checkRevision } from "./check-revision.ts";

describe("checkRevision", () => {
  it.each(["main", "v1.0", "refs/pr/1", "0123456789abcdef0123456789abcdef01234567", "feature_x-2"])("accepts %s", (rev) => {
    expect(checkRevision(rev)).toBe(rev);
  });
  it.each(["", "..", "a..b", "/main", "main/", "a//b", ".hidden", "x.lock", "a b", "a:b", "a%2Fb", "r".repeat(201)])(
    "rejects %j",
    (rev) => {
      expect(() => checkRevision(rev)).toThrow(expect.objectContaining({ code: "invalid_revision", status: 400 }));
    },
  );
});
