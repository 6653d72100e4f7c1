import { describe, expect, it } from "vitest";
import { alphaVerdict } from "./alpha-verdict.ts";

describe("alphaVerdict", () => {
  it("reads α as docs/metrics.md does: < 2 over-trained, 2–6 (ends included) well-trained, > 6 under-trained", () => {
    expect(alphaVerdict(1.5).verdict).toBe("over-trained");
    expect(alphaVerdict(1.9999).verdict).toBe("over-trained");
    expect(alphaVerdict(2).verdict).toBe("well-trained");
    expect(alphaVerdict(4.2).verdict).toBe("well-trained");
    expect(alphaVerdict(6).verdict).toBe("well-trained");
    expect(alphaVerdict(6.0001).verdict).toBe("under-trained");
    expect(alphaVerdict(7).verdict).toBe("under-trained");
    expect(alphaVerdict(8).verdict).toBe("under-trained");
  });

  it("calls a fit above 8 probably spurious", () => {
    expect(alphaVerdict(8.01)).toMatchObject({ verdict: "spurious", label: "spurious fit?" });
    expect(alphaVerdict(12).verdict).toBe("spurious");
  });

  it("says the fit failed for the reference's α = −1 and for missing or non-finite values", () => {
    expect(alphaVerdict(-1).label).toBe("fit failed");
    expect(alphaVerdict(0).verdict).toBe("fit-failed");
    expect(alphaVerdict(null).verdict).toBe("fit-failed");
    expect(alphaVerdict(undefined).verdict).toBe("fit-failed");
    expect(alphaVerdict(Number.NaN).verdict).toBe("fit-failed");
    expect(alphaVerdict(Number.POSITIVE_INFINITY).verdict).toBe("fit-failed");
  });

  it("gives a label and a sentence for every verdict, the label naming the verdict", () => {
    for (const alpha of [1, 3, 7, 9, -1]) {
      const reading = alphaVerdict(alpha);
      expect(reading.sentence.length).toBeGreaterThan(10);
      expect(reading.label).toBe({ "fit-failed": "fit failed", spurious: "spurious fit?" }[reading.verdict as string] ?? reading.verdict);
    }
  });

  it("hands out a copy, so no caller can change another's reading", () => {
    alphaVerdict(3).label = "changed";
    expect(alphaVerdict(3).label).toBe("well-trained");
  });
});
