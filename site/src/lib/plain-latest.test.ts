import { describe, expect, it } from "vitest";
import type { ModelEntry, StagedReport } from "./catalog-types.ts";
import { plainLatest } from "./plain-latest.ts";

const staged = (file: string, base: boolean) => ({ file, head: { method: base ? { base: { id: "o/base" } } : {} } }) as unknown as StagedReport;

describe("plainLatest", () => {
  it("skips delta analyses, unless the model has nothing else", () => {
    const delta = staged("d", true);
    const plain = staged("p", false);
    expect(plainLatest({ latest: delta, revisions: [delta, plain] } as ModelEntry)).toBe(plain);
    expect(plainLatest({ latest: delta, revisions: [delta] } as ModelEntry)).toBe(delta);
  });
});
