import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

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
 * Serves a built site on 127.0.0.1 the way a static host does: `/a/b/` → `a/b/index.html`,
 * `/a/b` → a redirect to `/a/b/` when that folder has an index, 404.html for anything else.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const base = normalize(root);
  const server = createServer((request, response) => {
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
      response.writeHead(status, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(response);
    };
    if (path.endsWith("/") && isFile(join(target, "index.html"))) return send(join(target, "index.html"));
    if (!path.endsWith("/") && isFile(target)) return send(target);
    if (!path.endsWith("/") && isFile(join(target, "index.html"))) {
      response.writeHead(308, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (isFile(join(base, "404.html"))) return send(join(base, "404.html"), 404);
    response.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
