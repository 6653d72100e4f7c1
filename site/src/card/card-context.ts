import type { Report } from "#shared/report";
import type { ModelEntry } from "../lib/catalog-types.ts";
import type { CompareCandidate } from "./compare-picker.ts";
import { reportPaths, type ReportPaths } from "../lib/report-paths.ts";
import { idPath } from "../lib/id-path.ts";

/** Where the card's links go: its model's card, this report's folder, spectra page and raw JSON. */
export type CardLinks = Omit<ReportPaths, "spectra"> & {
  /** the spectra page; "" when the spectra are on the card's own page */
  spectra: string;
};

/** Another analysed revision of the model, for Provenance. */
export interface RevisionLink {
  sha: string | null;
  revision: string | null;
  created_at: string;
  href: string;
}

/** What the card needs besides the report, which only the page knows (the build, or the browser). */
export interface CardContext {
  links: CardLinks;
  /** public origin of the site, for the card URL in copy-ready badge snippets */
  siteUrl: string;
  /** public origin of the service that serves live badges */
  serviceOrigin: string;
  /** where the page's scripts call the API; "" is the page's own origin */
  api: string;
  /** a revision's own page rather than the model's card */
  pinned: boolean;
  /** the model's latest report, when known: an earlier one is marked as such */
  latest: { sha: string | null; created_at: string } | null;
  /** the model's analysed revisions, newest first; null where they are not known (a live card) */
  revisions: RevisionLink[] | null;
  /** a line above the card, e.g. that it was updated since the build */
  notice: string | null;
  /** inside another page (the local analysis): no breadcrumbs, an h2 title */
  embedded: boolean;
  /** models the build knows to be related (base, same base, same family), for the compare picker; absent where not known */
  compareWith?: CompareCandidate[];
}

/**
 * Links for a Hub report the static site does not hold: the service serves the live card at the
 * model's Hub path (`/{id}`, `/{id}/@{sha}/`, `/{id}/@{sha}/spectra/`), and its JSON from the API.
 */
export function liveLinks(id: string, sha: string | null, api: string): CardLinks {
  const card = `/${idPath(id)}`;
  const base = sha ? `${card}/@${sha}/` : `${card}/`;
  return { card, base, spectra: `${base}spectra/`, rawJson: `${api}/api/reports/${idPath(id)}${sha ? `@${sha}` : ""}` };
}

/** The context of a card the build renders. */
export function staticCardContext(options: {
  model: ModelEntry;
  report: Report;
  pinned: boolean;
  siteUrl: string;
  serviceBase: string;
  compareWith?: CompareCandidate[];
}): CardContext {
  const { model, report, pinned, siteUrl, serviceBase, compareWith } = options;
  return {
    links: reportPaths(model.slug, report.model.sha),
    siteUrl,
    serviceOrigin: serviceBase || siteUrl,
    api: serviceBase,
    pinned,
    latest: { sha: model.latest.head.model.sha, created_at: model.latest.head.created_at },
    revisions: model.revisions.map((r) => ({
      sha: r.head.model.sha,
      revision: r.head.model.revision,
      created_at: r.head.created_at,
      href: reportPaths(model.slug, r.head.model.sha).base,
    })),
    notice: null,
    embedded: false,
    ...(compareWith && { compareWith }),
  };
}

/** The context of a card rendered in the browser from the service's report (the live page). */
export function liveCardContext(report: Report, options: { origin: string; serviceBase: string; pinned: boolean }): CardContext {
  return {
    links: liveLinks(report.model.id, report.model.sha, options.serviceBase),
    siteUrl: options.origin,
    serviceOrigin: options.serviceBase || options.origin,
    api: options.serviceBase,
    pinned: options.pinned,
    latest: null,
    revisions: null,
    notice: null,
    embedded: false,
  };
}

/** A static card's context once the service has a newer latest report than the build had. */
export function refreshedCardContext(built: CardContext, report: Report, notice: string): CardContext {
  const live = liveLinks(report.model.id, report.model.sha, built.api);
  const current: RevisionLink = { sha: report.model.sha, revision: report.model.revision, created_at: report.created_at, href: live.base };
  return {
    ...built,
    links: { ...live, card: built.links.card },
    pinned: false,
    latest: { sha: report.model.sha, created_at: report.created_at },
    revisions: built.revisions && [current, ...built.revisions.filter((r) => r.sha !== report.model.sha)],
    notice,
  };
}

/** The context of a report made in this browser: its spectra on the same page, its JSON a download. */
export function localCardContext(report: Report, downloadHref: string): CardContext {
  return {
    links: { card: "", base: "", spectra: "", rawJson: downloadHref },
    siteUrl: "",
    serviceOrigin: "",
    api: "",
    pinned: false,
    latest: null,
    revisions: [{ sha: report.model.sha, revision: report.model.revision, created_at: report.created_at, href: "" }],
    notice: null,
    embedded: true,
  };
}
