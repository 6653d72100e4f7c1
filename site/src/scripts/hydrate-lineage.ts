import { fetchLeaderboard } from "../leaderboard/fetch-leaderboard.ts";
import type { PageMember } from "../lineage/lineage-sections.ts";
import { lineageSections } from "../lineage/lineage-sections.ts";
import { memberFromEntry } from "../lineage/member-from-entry.ts";
import { revealInvisible } from "../lib/reveal-invisible.ts";
import { mountLineage } from "./lineage-view.ts";

/**
 * The members the page was built with, joined by the service's (`GET /api/leaderboard`, each row
 * naming its base): a model only the service knows joins its family, or makes one, and a newer
 * report of a model the build had takes its place. Null when the service adds nothing.
 */
export function joinServiceMembers(built: readonly PageMember[], entries: readonly unknown[]): PageMember[] | null {
  const members = [...built];
  let changed = false;
  for (const entry of entries) {
    const member = memberFromEntry(entry);
    if (member === null) continue;
    const at = members.findIndex((m) => m.row.source === "hub" && m.row.id.toLowerCase() === member.row.id.toLowerCase());
    if (at >= 0 && !(Date.parse(member.row.created_at) > Date.parse(members[at].row.created_at))) continue;
    // the build's static compare page is of the report it had; a newer one is compared live
    const fresh: PageMember = { ...member, staticCompare: null };
    if (at >= 0) members[at] = fresh;
    else members.push(fresh);
    changed = true;
  }
  return changed ? members : null;
}

/**
 * The family view (pages/lineage.astro): its controls wired at once on the tables the build drew,
 * then drawn again, with the same renderer, when the service (`data-service`, "" for the page's
 * own origin) knows models or reports the build did not.
 */
export async function hydrateLineage(root: HTMLElement, fetchImpl: typeof fetch = fetch): Promise<void> {
  const unmount = mountLineage(root);
  let built: PageMember[];
  try {
    built = JSON.parse(root.dataset.members ?? "[]") as PageMember[];
  } catch {
    return;
  }
  const entries = await fetchLeaderboard(root.dataset.service || location.origin, fetchImpl);
  const members = entries === null ? null : joinServiceMembers(built, entries);
  if (members === null) return;
  const { families, markup } = lineageSections(members);
  unmount();
  root.querySelector<HTMLElement>("[data-lineage-families]")!.innerHTML = markup.markup;
  root.querySelector<HTMLElement>("[data-no-families]")!.hidden = families.length > 0;
  const base = root.querySelector<HTMLSelectElement>("select[name=base]")!;
  base.replaceChildren(base.options[0], ...families.map((f) => new Option(revealInvisible(f.root), f.root)));
  mountLineage(root);
}
