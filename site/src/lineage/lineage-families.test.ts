import { describe, expect, it } from "vitest";
import type { LeaderboardRow } from "../leaderboard/leaderboard-row.ts";
import { lineageFamilies, type LineageMember } from "./lineage-families.ts";

const member = (id: string, logAlphaNorm: number | null, parent: string | null = null, relation: string | null = null): LineageMember => ({
  row: { id, log_alpha_norm: logAlphaNorm } as LeaderboardRow,
  parent,
  relation,
});

describe("lineageFamilies", () => {
  it("groups every descendant under its root base, ranked by log α-norm", () => {
    const families = lineageFamilies([
      member("o/base", 3),
      member("o/chat", 2.5, "o/base", "finetune"),
      member("o/chat-q4", 2.1, "O/Chat", "quantized"),
      member("o/lora", null, "o/base", "adapter"),
      member("o/alone", 1),
    ]);
    expect(families).toHaveLength(1);
    expect(families[0].root).toBe("o/base");
    expect(families[0].base?.row.id).toBe("o/base");
    expect(families[0].members.map((m) => m.row.id)).toEqual(["o/chat-q4", "o/chat", "o/lora"]);
  });

  it("keeps a family whose base has no report, the largest family first", () => {
    const families = lineageFamilies([
      member("a/ft1", 2, "gone/base", "finetune"),
      member("a/ft2", 3, "gone/base", "finetune"),
      member("b/base", 3),
      member("b/ft", 2, "b/base", "finetune"),
    ]);
    expect(families.map((f) => [f.root, f.base?.row.id ?? null, f.members.length])).toEqual([
      ["gone/base", null, 2],
      ["b/base", "b/base", 1],
    ]);
  });
});
