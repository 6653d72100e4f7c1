/**
 * The root of a model's tree: follow each model's parent (`parentOf`, null for a model that names
 * no base or is not known) until there is none. A model with no base is its own root; a base the
 * site has no report of is still the root its descendants share. A cycle (two cards naming each
 * other) stops at the last model before it repeats, so every member of it gets a root.
 */
export function rootBase(id: string, parentOf: (id: string) => string | null): string {
  const seen = new Set([id.toLowerCase()]);
  let current = id;
  for (let parent = parentOf(current); parent !== null && !seen.has(parent.toLowerCase()); parent = parentOf(current)) {
    seen.add(parent.toLowerCase());
    current = parent;
  }
  return current;
}
