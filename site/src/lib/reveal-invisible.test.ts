import { describe, expect, it } from "vitest";
import { revealInvisible } from "./reveal-invisible.ts";

describe("revealInvisible", () => {
  it("shows bidi controls and zero-width marks, and leaves other text alone", () => {
    expect(revealInvisible("\u202Eexe.fdp\u202C")).toBe("⟨U+202E⟩exe.fdp⟨U+202C⟩");
    expect(revealInvisible("zero\u200Bwidth\u200Djoin")).toBe("zero⟨U+200B⟩width⟨U+200D⟩join");
    expect(revealInvisible("\uFEFFbom")).toBe("⟨U+FEFF⟩bom");
    expect(revealInvisible("Qwen/Qwen2.5-7B α̂ 日本語 עברית")).toBe("Qwen/Qwen2.5-7B α̂ 日本語 עברית");
  });
});
