import { LEADERBOARD_COLUMNS, type LeaderboardColumn } from "../leaderboard/leaderboard-row.ts";

/** A leaderboard column as the family view shows it too. */
const shared = (key: string): LeaderboardColumn => LEADERBOARD_COLUMNS.find((c) => c.key === key)!;

/** The family view's columns: Δ is a descendant's value less its root base's (the reference row). */
export const LINEAGE_COLUMNS: readonly LeaderboardColumn[] = [
  { key: "rank", label: "#", title: "rank among the base's descendants in this view", type: "num" },
  { key: "model", label: "model", type: "text" },
  { key: "relation", label: "relation", title: "how the model says it was made from its base", type: "text" },
  shared("log_alpha_norm"),
  { key: "delta_log_alpha_norm", label: `Δ ${shared("log_alpha_norm").label}`, title: "log α-norm less the base's: below 0 ranks above the base", type: "num" },
  shared("alpha"),
  { key: "delta_alpha", label: `Δ ${shared("alpha").label}`, title: "mean α less the base's", type: "num" },
  shared("parameters"),
  { key: "compare", label: "compare", title: "side by side with the base", type: "text" },
];
