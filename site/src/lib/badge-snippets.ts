export interface BadgeSnippet {
  label: string;
  text: string;
}

export interface BadgeUrls {
  svg: string;
  endpoint: string;
  pinnedSvg: string | null;
  card: string;
}

/** A Hub id as URL path segments (each escaped, the slash kept). */
const idPath = (id: string) => id.split("/").map(encodeURIComponent).join("/");

/** The service's badge URLs for a model (docs/api.md: `/badge/{org}/{name}.svg`, `.json`, `@{sha}`). */
export function badgeUrls(id: string, sha: string | null, serviceOrigin: string, cardUrl: string): BadgeUrls {
  const base = `${serviceOrigin}/badge/${idPath(id)}`;
  return {
    svg: `${base}.svg`,
    endpoint: `${base}.json`,
    pinnedSvg: sha ? `${base}@${encodeURIComponent(sha)}.svg` : null,
    card: cardUrl,
  };
}

/** Copy-ready embeds of a model's badge: Markdown, HTML, shields.io endpoint, and one pinned to a commit. */
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
  return snippets;
}
