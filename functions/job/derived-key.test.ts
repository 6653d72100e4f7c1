import { describe, expect, it } from "vitest";
import { derivedKey, parseAnalysisKey } from "./derived-key.ts";

const A = "a".repeat(40);
const B = "b".repeat(40);

describe("derived analysis keys", () => {
  it("round-trips a delta and a with_base key", () => {
    for (const mode of ["delta", "with_base"] as const) {
      const key = derivedKey("org/tuned", A, { id: "org/base", sha: B, mode });
      expect(key).toBe(`org/tuned@${A}/${mode}/org/base@${B}`);
      expect(parseAnalysisKey(key)).toEqual({ id: "org/tuned", sha: A, base: { id: "org/base", sha: B, mode } });
    }
    expect(parseAnalysisKey(`gpt2@${A}/delta/distilgpt2@${B}`).base).toEqual({ id: "distilgpt2", sha: B, mode: "delta" });
  });

  it("leaves plain keys to parseKeyPath", () => {
    expect(parseAnalysisKey(`org/name@${A}`)).toEqual({ id: "org/name", sha: A, base: null });
    expect(parseAnalysisKey("org/name")).toEqual({ id: "org/name", sha: null, base: null });
  });

  it("refuses other modes, unpinned bases and bad ids", () => {
    expect(() => parseAnalysisKey(`org/a@${A}/merge/org/b@${B}`)).toThrow(/delta/);
    expect(() => parseAnalysisKey(`org/a@${A}/delta/org/b`)).toThrow(/40-hex/);
    expect(() => parseAnalysisKey(`org/a@${A}/delta`)).toThrow(/delta/);
    expect(() => parseAnalysisKey(`org/a@${A}/delta/../b@${B}`)).toThrow();
  });
});
