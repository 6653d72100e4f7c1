import { modelSlug } from "../lib/model-slug.ts";

/** The static compare page of two models the build knows: `/compare/{a}/vs/{b}/`, each by its site path. */
export function comparePath(a: { id: string; source: "hub" | "local" }, b: { id: string; source: "hub" | "local" }): string {
  return `/compare/${modelSlug(a.id, a.source)}/vs/${modelSlug(b.id, b.source)}/`;
}

/** The live compare page of any two Hub models (both reports fetched from the service): `/compare/?a=…&b=…`. */
export function liveComparePath(a: string, b: string): string {
  return `/compare/?${new URLSearchParams({ a, b }).toString()}`;
}
