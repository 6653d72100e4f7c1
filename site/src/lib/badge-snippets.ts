import { idPath } from "./id-path.ts";

export interface BadgeSnippet {
  label: string;
  text: string;
}

export interface BadgeUrls {
  svg: string;
  endpoint: string;
  pinnedSvg: string | null;
  /** the badge with the base's α beside the model's (`?base=1`), when the model names a base */
  withBaseSvg: string | null;
  card: string;
}

/** The service's badge URLs for a model (docs/api.md: `/badge/{org}/{name}.svg`, `.json`, `@{sha}`, `?base=1`). */
export function badgeUrls(id: string, sha: string | null, serviceOrigin: string, cardUrl: string, namesBase = false): BadgeUrls {
  const base = `${serviceOrigin}/badge/${idPath(id)}`;
  return {
    svg: `${base}.svg`,
    endpoint: `${base}.json`,
    pinnedSvg: sha ? `${base}@${encodeURIComponent(sha)}.svg` : null,
    withBaseSvg: namesBase ? `${base}.svg?base=1` : null,
    card: cardUrl,
  };
}

/** Copy-ready embeds of a model's badge: Markdown, HTML, shields.io endpoint, one pinned to a commit, one with the base's α. */
export function badgeSnippets(urls: BadgeUrls): BadgeSnippet[] {
  const alt = "heavytail α";
  const shields = `https://img.shields.io/endpoint?url=${encodeURIComponent(urls.endpoint)}`;
  const snippets: BadgeSnippet[] = [
    { label: "Markdown", text: `[![${alt}](${urls.svg})](${urls.card})` },
    { label: "HTML", text: `<a href="${urls.card}"><img src="${urls.svg}" alt="${alt}"></a>` },
    { label: "shields.io endpoint (Markdown)", text: `[![${alt}](${shields})](${urls.card})` },
    { label: "shields.io endpoint JSON", text: urls.endpoint },
  ];
  if (urls.pinnedSvg) snippets.push({ label: "Markdown, pinned to this revision", text: `[![${alt}](${urls.pinnedSvg})](${urls.card})` });
  if (urls.withBaseSvg) snippets.push({ label: "Markdown, with its base's α", text: `[![${alt}](${urls.withBaseSvg})](${urls.card})` });
  return snippets;
}
