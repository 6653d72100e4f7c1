/** Something with an id and the id of the base it names (a site lineage entry). */
export interface PairCandidate {
  member: { row: { id: string }; parent: string | null };
}

/**
 * The pairs the build gives a static compare page: every model whose named base the build also
 * knows, with that base (ids compare without case, as the Hub's do). Model first, base second.
 */
export function comparePairs<T extends PairCandidate>(entries: readonly T[]): { a: T; b: T }[] {
  const byId = new Map(entries.map((e) => [e.member.row.id.toLowerCase(), e]));
  return entries.flatMap((a) => {
    const b = a.member.parent === null ? undefined : byId.get(a.member.parent.toLowerCase());
    return b && b !== a ? [{ a, b }] : [];
  });
}
