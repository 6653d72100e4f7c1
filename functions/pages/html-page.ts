import { escapeXml } from "../../shared/badge/escape-xml.ts";

/** A complete, self-contained HTML page; `title` is escaped here, `body` must already be. */
export function htmlPage(title: string, body: string, status = 200): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)} · heavytail</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>
:root{color-scheme:light dark;--fg:#1b1f24;--bg:#fff;--muted:#5b6470;--line:#d8dde3;--accent:#1a6fd1}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ed;--bg:#111418;--muted:#9aa4ae;--line:#2c333b;--accent:#6aaaf5}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:70rem;padding:1rem}
a{color:var(--accent)}h1{font-size:1.5rem;overflow-wrap:anywhere}.muted{color:var(--muted)}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere;min-width:12rem}
.scroll{overflow-x:auto}progress{width:100%;height:1rem}
.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.75rem;margin:1rem 0}
.metrics div{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
.metrics dt{color:var(--muted);font-size:.85rem}.metrics dd{margin:0;font-size:1.3rem;font-variant-numeric:tabular-nums}
</style></head>
<body><header><a href="/">heavytail</a></header>
<main>${body}</main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
