import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import type { StagedIndex } from "../lib/catalog-types.ts";
import { siteComparePairs } from "./site-compare-pairs.ts";

const dir = join(import.meta.dirname, "../../../test/fixtures/reports");
const index: StagedIndex = {
  accuracies: [],
  reports: readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((file) => {
      const { layers: _l, skipped: _s, failed: _f, ...head } = JSON.parse(readFileSync(join(dir, file), "utf8")) as Report;
      return { file, head };
    }),
};

describe("siteComparePairs", () => {
  it("gives every model whose base the build knows a static page, with the delta report between them", () => {
    const pairs = siteComparePairs(index);
    expect(pairs.map((p) => p.path).sort()).toEqual([
      "/compare/tiny/base-lm-chat/vs/tiny/base-lm/",
      "/compare/tiny/base-lm-code/vs/tiny/base-lm/",
      "/compare/tiny/base-lm-lora/vs/tiny/base-lm/",
      "/compare/tiny/base-lm-q4/vs/tiny/base-lm/",
    ]);
    const chat = pairs.find((p) => p.a.model.id === "tiny/base-lm-chat")!;
    expect(chat.a.staged.file).toBe("tree-chat.json");
    expect(chat.delta?.file).toBe("tree-chat-delta.json");
    expect(chat.delta?.href).toMatch(/^\/tiny\/base-lm-chat\/@[0-9a-f]{40}\/$/);
    expect(pairs.find((p) => p.a.model.id === "tiny/base-lm-code")!.delta).toBeNull();
  });
});
