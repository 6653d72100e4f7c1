import { describe, expect, it } from "vitest";
import { sizeBracket } from "./size-bracket.ts";

describe("sizeBracket", () => {
  it("puts a model in the bracket of its parameter count", () => {
    expect(sizeBracket(0).key).toBe("lt10m");
    expect(sizeBracket(9_999_999).key).toBe("lt10m");
    expect(sizeBracket(10_000_000).key).toBe("10m-100m");
    expect(sizeBracket(124_000_000).key).toBe("100m-1b");
    expect(sizeBracket(6_738_415_616).key).toBe("1b-10b");
    expect(sizeBracket(70e9).key).toBe("10b-100b");
    expect(sizeBracket(405e9).key).toBe("ge100b");
  });
});
