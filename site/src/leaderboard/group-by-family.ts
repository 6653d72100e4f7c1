export interface FamilyGroup<T> {
  /** null for the models without a family ("other") */
  family: string | null;
  rows: T[];
}

/**
 * The leaderboard's default view: one group per family, the largest first (ties by name), the
 * models without a family last; rows keep their order within a group.
 */
export function groupByFamily<T>(rows: readonly T[], familyOf: (row: T) => string | null): FamilyGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const row of rows) {
    const family = familyOf(row);
    groups.set(family, [...(groups.get(family) ?? []), row]);
  }
  return [...groups]
    .map(([family, members]) => ({ family, rows: members }))
    .sort((a, b) => {
      if ((a.family === null) !== (b.family === null)) return a.family === null ? 1 : -1;
      return b.rows.length - a.rows.length || ((a.family ?? "") < (b.family ?? "") ? -1 : (a.family ?? "") > (b.family ?? "") ? 1 : 0);
    });
}
