import { signCdnPath } from "./cdn-signature.ts";
import { cdnPath } from "./cdn-path.ts";
import type { Exchange, HubContext } from "./hub-context.ts";
import type { RepoRoute } from "./match-hub-route.ts";
import { sendHubError } from "./send-hub-error.ts";
import { serveBytes } from "./serve-bytes.ts";
import type { RepoSnapshot } from "./snapshot-repo.ts";

function contentType(path: string): string {
  if (path.endsWith(".json")) return "application/json; charset=utf-8";
  if (/\.(txt|md|py|yaml|yml|model|gitattributes)$/.test(path)) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

/**
 * `GET|HEAD /{repo}/resolve/{rev}/{file}` and `/{repo}/raw/{rev}/{file}`. resolve sends an LFS file
 * as a 302 to a signed CDN URL with the Hub's `X-Linked-*` and `X-Xet-Hash` headers; small files,
 * and everything under raw (an LFS file's pointer text), are answered directly, with ranges. The
 * `redirectTo` fault sends every resolve to its URL instead.
 */
export async function handleResolve(ctx: HubContext, ex: Exchange, snapshot: RepoSnapshot, route: RepoRoute): Promise<void> {
  const { res } = ex;
  const common = { "X-Repo-Commit": snapshot.sha };
  const file = snapshot.byPath.get(route.path);
  if (file === undefined) {
    sendHubError(res, 404, "EntryNotFound", "Entry not found", common);
    return;
  }
  const { redirectTo } = ctx.faults.of(snapshot.id);
  if (route.kind === "resolve" && redirectTo !== undefined) {
    ex.log.fault = "redirectTo";
    res.writeHead(302, { ...common, Location: redirectTo, "Content-Length": "0" });
    res.end();
    return;
  }
  if (route.kind === "resolve" && file.lfs) {
    const ttl = ctx.faults.of(snapshot.id).expireSignaturesAfterMs ?? ctx.signatureTtlMs;
    const path = cdnPath(snapshot.id, file.sha256, file.path);
    const location = `${ex.origin}${path}?${signCdnPath(ctx.signingKey, path, ctx.now() + ttl)}`;
    const body = `Found. Redirecting to ${location}`;
    res.writeHead(302, {
      ...common,
      Location: location,
      ETag: `"${file.oid}"`,
      "X-Linked-Size": String(file.size),
      "X-Linked-ETag": `"${file.sha256}"`,
      "X-Xet-Hash": file.xetHash,
      "Accept-Ranges": "bytes",
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(body)),
    });
    res.end(body);
    return;
  }
  const pointer = route.kind === "raw" && file.pointer !== undefined ? Buffer.from(file.pointer, "utf8") : undefined;
  const headers = { ...common, ETag: `"${file.oid}"`, "Content-Type": pointer ? "text/plain; charset=utf-8" : contentType(file.path) };
  await serveBytes(ctx, ex, snapshot.id, pointer ? { bytes: pointer } : { absPath: file.absPath }, pointer?.length ?? file.size, headers);
}
