import { createReadStream, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { headersFileRules } from "./headers-file-rules.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * Answers a request from a built site the way a static host does: `/a/b/` → `a/b/index.html`,
 * `/a/b` → a redirect to `/a/b/` when that folder has an index; anything else gets the file
 * `missing(path)` names with status 200 (as the service serves the live card), or 404.html.
 * Every file carries the headers the site's `_headers` gives the path asked for (its security
 * headers, as Workers assets and the Worker send them).
 */
export function staticHandler(root: string, missing: (path: string) => string | null = () => null): (request: IncomingMessage, response: ServerResponse) => void {
  const base = normalize(root);
  const headersFor = headersFileRules(base);
  return (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end("bad path");
      return;
    }
    const target = normalize(join(base, path));
    if (target !== base && !target.startsWith(base + sep)) {
      response.writeHead(403).end("outside the site");
      return;
    }
    const send = (file: string, status = 200) => {
      response.writeHead(status, { ...headersFor(url.pathname), "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(response);
    };
    if (path.endsWith("/") && isFile(join(target, "index.html"))) return send(join(target, "index.html"));
    if (!path.endsWith("/") && isFile(target)) return send(target);
    if (!path.endsWith("/") && isFile(join(target, "index.html"))) {
      response.writeHead(308, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    const instead = missing(url.pathname);
    if (instead !== null) return send(join(base, instead));
    if (isFile(join(base, "404.html"))) return send(join(base, "404.html"), 404);
    response.writeHead(404).end("not found");
  };
}

/** Listens on 127.0.0.1 with `handler`; `url` is the origin. */
export async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** Serves a built site on 127.0.0.1 the way a static host does (staticHandler), with no service behind it. */
export function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  return listen(staticHandler(root));
}
