import { liveComparePath } from "../compare/compare-path.ts";
import { html, type Html } from "../card/html.ts";
import { lineageFamilies, type LineageFamily, type LineageMember } from "./lineage-families.ts";
import { lineageTable } from "./lineage-table.ts";

/** A member of the family view as the page keeps it: its static compare page beside its base, when the build made one. */
export interface PageMember extends LineageMember {
  /** `/compare/{a}/vs/{b}/` of the member and its parent, null where the build has no such page */
  staticCompare: string | null;
}

/**
 * Every family's table, the page's and the live view's one renderer: a direct descendant links to
 * its static compare page beside the base where the build made one, any other to the live compare
 * page (both reports fetched from the service).
 */
export function lineageSections(members: readonly PageMember[]): { families: LineageFamily[]; markup: Html } {
  const families = lineageFamilies(members);
  const compareHref = (family: LineageFamily) => (member: LineageMember) => {
    if (family.base === null) return null;
    const page = member as PageMember;
    return page.staticCompare !== null && member.parent?.toLowerCase() === family.root.toLowerCase() ? page.staticCompare : liveComparePath(member.row.id, family.root);
  };
  return { families, markup: html`${families.map((family) => lineageTable(family, compareHref(family)))}` };
}
