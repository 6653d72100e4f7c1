import { describe, expect, it } from "vitest";
import { smuggledMarkup } from "../../../test/helpers/inert-html.ts";
import { trendScatter } from "./trend-scatter.ts";

describe("trendScatter", () => {
  const points = [{ label: "<b>a</b>", x: 1, y: 70 }, { label: "b\u202E", x: 2, y: 72 }, { label: "c", x: 3, y: 75 }];
  const fit = { n: 3, slope: 2.5, intercept: 67.3, r2: 0.98, rmse: 0.4, kendall_tau: 1 };

  it("draws the points, the fitted line and its statistics, labels as text", () => {
    const svg = trendScatter("t", points, fit, "log α-norm", "accuracy (%)");
    expect(svg).toContain('<path class="trend-line" d="M');
    expect(svg).toContain("<figcaption>R² 0.98 · RMSE 0.40 · Kendall τ 1 · n 3</figcaption>");
    expect(svg).toContain("&lt;b&gt;a&lt;/b&gt;");
    expect(svg).toContain("b⟨U+202E⟩");
    expect(smuggledMarkup(svg)).toEqual([]);
  });

  it("says when there is no regression", () => {
    expect(trendScatter("t", points, null, "x", "y")).toContain("fewer than 3 usable models: no regression");
  });
});
