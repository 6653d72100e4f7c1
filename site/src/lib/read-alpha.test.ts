import { describe, expect, it } from "vitest";
import { readAlpha } from "./read-alpha.ts";

describe("readAlpha", () => {
  it("reads α as the method does", () => {
    expect(readAlpha(1.5).verdict).toBe("over-trained");
    expect(readAlpha(2).verdict).toBe("well-trained");
    expect(readAlpha(4.2).verdict).toBe("well-trained");
    expect(readAlpha(6).verdict).toBe("well-trained");
    expect(readAlpha(6.5).verdict).toBe("under-trained");
    expect(readAlpha(12).verdict).toBe("spurious");
  });

  it("says the fit failed for the reference's α = −1 and for missing values", () => {
    expect(readAlpha(-1).label).toBe("fit failed");
    expect(readAlpha(null).verdict).toBe("fit-failed");
  });
});
