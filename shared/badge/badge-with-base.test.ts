import { describe, expect, it } from "vitest";
import { badgeContent } from "./badge-content.ts";
import { badgeWithBase } from "./badge-with-base.ts";
import { renderBadgeSvg } from "./render-badge-svg.ts";
import { shieldsEndpoint } from "./shields-endpoint.ts";

describe("badgeWithBase", () => {
  it("adds the base's α to the model's own reading, keeping its colour", () => {
    const own = badgeContent({ successfulFitAlpha: 3.1 });
    expect(badgeWithBase(own, { successfulFitAlpha: 3.4 })).toEqual({ label: "heavytail α", message: "3.10 well-trained (base 3.40)", color: "brightgreen" });
    expect(badgeWithBase(badgeContent({ successfulFitAlpha: 1.7 }), { successfulFitAlpha: 3.4 }).color).toBe("orange");
    expect(badgeWithBase(own, { successfulFitAlpha: null }).message).toBe("3.10 well-trained (base fit failed)");
  });

  it("is drawn and served as shields.io's endpoint like any badge", () => {
    const content = badgeWithBase(badgeContent({ successfulFitAlpha: 3.1, layersFailed: 1 }), { successfulFitAlpha: 3.4 });
    expect(content.message).toBe("3.10 well-trained · 1 layer failed (base 3.40)");
    expect(shieldsEndpoint(content, 300).message).toBe(content.message);
    expect(renderBadgeSvg(content)).toContain('aria-label="heavytail α: 3.10 well-trained · 1 layer failed (base 3.40)"');
  });
});
