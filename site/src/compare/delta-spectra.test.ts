import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { deltaSpectra } from "./delta-spectra.ts";

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../test/fixtures/reports", name), "utf8")) as Report;

describe("deltaSpectra", () => {
  it("plots every layer's spectrum of W − W_base, with its distance", () => {
    const delta = fixture("tree-chat-delta.json");
    const markup = deltaSpectra(delta, "/tiny/base-lm-chat/@x/").markup;
    expect(markup.match(/<h3 class="layer-name">/g)).toHaveLength(delta.layers.length);
    expect(markup).toContain("‖W − W_base‖");
    expect(markup).toContain('href="/tiny/base-lm-chat/@x/"');
    expect(markup).toContain("tiny/base-lm");
    expect(markup).toContain(`Mean ‖W − W_base‖ over the layers: ${delta.summary.avg_dW!.toFixed(3)}`);
  });
});
