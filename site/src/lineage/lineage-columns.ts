import type { LeaderboardColumn } from "../leaderboard/leaderboard-row.ts";

/** The family view's columns: Δ is a descendant's value less its root base's (the reference row). */
export const LINEAGE_COLUMNS: readonly LeaderboardColumn[] = [
  { key: "rank", label: "#", title: "rank among the base's descendants in this view", type: "num" },
  { key: "model", label: "model", type: "text" },
  { key: "relation", label: "relation", title: "how the model says it was made from its base", type: "text" },
  { key: "log_alpha_norm", label: "log α-norm", title: "mean log10 Σλ^α over layers; lower is better within a series", type: "num" },
  { key: "delta_log_alpha_norm", label: "Δ log α-norm", title: "log α-norm less the base's: below 0 ranks above the base", type: "num" },
  { key: "alpha", label: "mean α", title: "mean power-law exponent (the reference's mean)", type: "num" },
  { key: "delta_alpha", label: "Δ α", title: "mean α less the base's", type: "num" },
  { key: "parameters", label: "params", type: "num", order: "desc" },
  { key: "compare", label: "compare", title: "side by side with the base", type: "text" },
];
