import { describe, expect, it } from "vitest";
import { DEFAULT_LINEAGE_VIEW, lineageViewFromParams, paramsFromLineageView } from "./lineage-view.ts";

const allowed = { bases: ["org/base", "x/y"], sorts: ["log_alpha_norm", "delta_alpha", "alpha"] };

describe("the family view's URL state", () => {
  it("reads a shared view back, and drops what it does not know", () => {
    const params = new URLSearchParams("base=org/base&relation=adapter&sort=delta_alpha&dir=desc");
    expect(lineageViewFromParams(params, allowed)).toEqual({ base: "org/base", relation: "adapter", sort: "delta_alpha", dir: "desc" });
    expect(lineageViewFromParams(new URLSearchParams("base=nope&relation=<x>&sort=evil"), allowed)).toEqual(DEFAULT_LINEAGE_VIEW);
  });

  it("writes only what differs from the default, and round-trips", () => {
    expect(paramsFromLineageView(DEFAULT_LINEAGE_VIEW).toString()).toBe("");
    const view = { base: "x/y", relation: "finetune", sort: "alpha", dir: "asc" as const };
    expect(paramsFromLineageView(view).toString()).toBe("base=x%2Fy&relation=finetune&sort=alpha");
    expect(lineageViewFromParams(paramsFromLineageView(view), allowed)).toEqual(view);
  });
});
