import { describe, expect, it } from "vitest";
import { badgeContent } from "./badge-content.ts";

const summary = (alpha: number | null) => ({ successfulFitAlpha: alpha });

describe("badgeContent", () => {
  it("reads the mean α over successful fits, not the reference mean with α = −1", () => {
    expect(badgeContent(summary(3.4166))).toEqual({ label: "heavytail α", message: "3.42 well-trained", color: "brightgreen" });
  });
  it.each([
    [1.5, "1.50 over-trained", "orange"],
    [2, "2 well-trained", "brightgreen"],
    [1.999, "2.00 over-trained", "orange"],
    [6, "6 well-trained", "brightgreen"],
    [7, "7 under-trained", "yellow"],
    [7.25, "7.25 under-trained", "yellow"],
    [9.5, "9.50 spurious fit?", "yellow"],
  ])("α %f → %s", (alpha, message, color) => {
    expect(badgeContent(summary(alpha))).toMatchObject({ message, color });
  });
  it("says when no fit succeeded and when nothing was analysed", () => {
    expect(badgeContent(summary(null))).toMatchObject({ message: "fit failed", color: "red" });
    expect(badgeContent(summary(-1))).toMatchObject({ message: "fit failed", color: "red" });
    expect(badgeContent(null)).toMatchObject({ message: "not analysed", color: "lightgrey" });
  });
  it("names failed layers, so a partial α never passes for the whole model's", () => {
    expect(badgeContent({ successfulFitAlpha: 3.4166, layersFailed: 1 })).toEqual({ label: "heavytail α", message: "3.42 well-trained · 1 layer failed", color: "yellow" });
    expect(badgeContent({ successfulFitAlpha: 1.5, layersFailed: 2 })).toMatchObject({ message: "1.50 over-trained · 2 layers failed", color: "orange" });
    expect(badgeContent({ successfulFitAlpha: 3, layersFailed: 0 })).toMatchObject({ message: "3 well-trained", color: "brightgreen" });
  });
});
