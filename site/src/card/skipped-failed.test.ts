import { describe, expect, it } from "vitest";
import type { SkippedLayer } from "#shared/report";
import { groupSkipped, skippedAndFailed } from "./skipped-failed.ts";

const skip = (name: string, reason: string): SkippedLayer => ({ layer_id: 0, name, shape: [8], dtype: "F32", reason });

describe("the layers a report left out", () => {
  const skipped = [skip("b.1.bias", "a 1-D vector"), skip("b.10.bias", "a 1-D vector"), skip("emb", "N > 50000"), skip("b.2.bias", "a 1-D vector")];

  it("groups skipped tensors by reason, most common first, names in depth order", () => {
    expect(groupSkipped(skipped).map((g) => [g.reason, g.tensors.map((t) => t.name)])).toEqual([
      ["a 1-D vector", ["b.1.bias", "b.2.bias", "b.10.bias"]],
      ["N > 50000", ["emb"]],
    ]);
  });

  it("shows one line per reason with its count, and the names folded in a <details>", () => {
    const out = skippedAndFailed(skipped, []).markup;
    expect(out).toContain("Skipped tensors (4)");
    expect(out.match(/<details>/g)).toHaveLength(2);
    expect(out).toContain('<summary><span class="chip neutral">3</span> <span class="small">a 1-D vector</span></summary>');
    expect(out).toContain("N &gt; 50000");
    expect(out).not.toContain("Failed layers");
    expect(out).not.toContain("grid-2");
  });

  it("puts failed layers and skipped tensors side by side, and renders nothing when there are neither", () => {
    const failed = [{ layer_id: 1, name: "h.7.mlp", shape: [4, 4], dtype: "F32", error: "NaN <at> 3" }];
    const both = skippedAndFailed(skipped, failed).markup;
    expect(both).toContain('class="grid-2 exclusions"');
    expect(both).toContain("Failed layers (1)");
    expect(both).toContain("NaN &lt;at&gt; 3");
    expect(skippedAndFailed([], failed).markup).not.toContain("Skipped");
    expect(skippedAndFailed([], []).markup).toBe("");
  });
});
