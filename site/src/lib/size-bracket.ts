export interface SizeBracket {
  key: string;
  label: string;
  /** inclusive lower bound in parameters */
  min: number;
}

/** The leaderboard's size filter, by parameter count. */
export const SIZE_BRACKETS: readonly SizeBracket[] = [
  { key: "lt10m", label: "< 10M", min: 0 },
  { key: "10m-100m", label: "10M – 100M", min: 1e7 },
  { key: "100m-1b", label: "100M – 1B", min: 1e8 },
  { key: "1b-10b", label: "1B – 10B", min: 1e9 },
  { key: "10b-100b", label: "10B – 100B", min: 1e10 },
  { key: "ge100b", label: "≥ 100B", min: 1e11 },
];

export function sizeBracket(parameters: number): SizeBracket {
  return [...SIZE_BRACKETS].reverse().find((b) => parameters >= b.min) ?? SIZE_BRACKETS[0];
}
