import { describe, expect, it } from "vitest";
import { modelSlug } from "./model-slug.ts";

describe("modelSlug", () => {
  it("keeps Hub ids as they are", () => {
    expect(modelSlug("meta-llama/Llama-2-7b-hf", "hub")).toBe("meta-llama/Llama-2-7b-hf");
    expect(modelSlug("Qwen/Qwen2.5-0.5B", "hub")).toBe("Qwen/Qwen2.5-0.5B");
    expect(modelSlug("gpt2", "hub")).toBe("gpt2");
  });

  it("moves legacy ids that would take a page of the site", () => {
    expect(modelSlug("method", "hub")).toBe("~/method");
    expect(modelSlug("api", "hub")).toBe("~/api");
    expect(modelSlug("_live", "hub")).toBe("~/_live");
    expect(modelSlug("analyze-local", "hub")).toBe("~/analyze-local");
  });

  it("puts local reports under ~local", () => {
    expect(modelSlug("ppocrv4_rec", "local")).toBe("~local/ppocrv4_rec");
  });

  it("turns hostile ids into safe, distinct segments", () => {
    const a = modelSlug('"><img src=x onerror=alert(1)>', "local");
    const b = modelSlug('"><img src=x onerror=alert(2)>', "local");
    expect(a).toMatch(/^~local\/[A-Za-z0-9._-]+$/);
    expect(a).not.toBe(b);
    expect(modelSlug("org/..", "hub")).toMatch(/^org\/x-[0-9a-f]{8}$/);
    expect(modelSlug("org/\u202Eevil\u200B", "hub")).toMatch(/^org\/evil-[0-9a-f]{8}$/);
  });

  it("never yields more than two segments for a Hub id", () => {
    expect(modelSlug("a/b/c", "hub").split("/")).toHaveLength(2);
  });
});
