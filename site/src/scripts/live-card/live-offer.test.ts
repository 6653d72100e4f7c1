import { describe, expect, it } from "vitest";
import { liveOffer } from "./live-offer.ts";

describe("the live card's offer", () => {
  it("offers to analyse a model without a report", () => {
    expect(liveOffer("org/name", null, null)).toMatchObject({ title: "Not analysed yet", button: "Analyse org/name" });
  });
  it("offers to analyse one commit, named by its short sha", () => {
    const offer = liveOffer("org/name", null, "0123456789abcdef0123456789abcdef01234567");
    expect(offer.button).toBe("Analyse org/name at 0123456789ab");
    expect(offer.why).toContain("no report of commit 0123456789ab");
  });
  it("offers to look up a branch or tag, which may have a report already", () => {
    const offer = liveOffer("org/name", "v1.0", null);
    expect(offer).toMatchObject({ title: "Look up this revision", button: "Look up / analyse org/name at v1.0" });
    expect(offer.why).toContain("names v1.0, a branch, tag or commit of org/name");
  });
});
