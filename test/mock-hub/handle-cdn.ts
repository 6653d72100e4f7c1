import { checkCdnSignature } from "./cdn-signature.ts";
import { findRepoFolder } from "./find-repo-folder.ts";
import type { Exchange, HubContext } from "./hub-context.ts";
import type { CdnRoute } from "./match-hub-route.ts";
import { readRepoSettings } from "./read-repo-settings.ts";
import { sendHubError } from "./send-hub-error.ts";
import { serveBytes } from "./serve-bytes.ts";
import { snapshotRepo } from "./snapshot-repo.ts";

// the CDN answers like an object store: XML errors, no X-Error-Code
function sendStoreError(ex: Exchange, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
  ex.res.writeHead(status, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body) });
  ex.res.end(body);
}

/**
 * `GET|HEAD /cdn/{repo}/{sha256}/{file}?Expires=&Signature=`: the target of resolve's redirects.
 * 403 once the signature has expired (the client must resolve again) or when it does not match the
 * path; otherwise the file's bytes, with ranges and the repo's faults.
 */
export async function handleCdn(ctx: HubContext, ex: Exchange, route: CdnRoute): Promise<void> {
  const verdict = checkCdnSignature(ctx.signingKey, ex.pathname, ex.query, ctx.now());
  if (verdict === "invalid") return sendStoreError(ex, 403, "SignatureDoesNotMatch", "The request signature does not match this path.");
  if (verdict === "expired") return sendStoreError(ex, 403, "AccessDenied", "Request has expired");
  const found = await findRepoFolder(route.repo, ctx.sources);
  if (found === null) return sendStoreError(ex, 404, "NoSuchKey", "The specified key does not exist.");
  const { id: repo, folder } = found;
  ex.log.repo = repo;
  ctx.faults.seed(repo, (await readRepoSettings(folder)).faults);
  const fault = ctx.faults.takeRequestFault(repo);
  if (fault !== undefined) {
    ex.log.fault = fault.fault;
    return sendHubError(ex.res, fault.status, undefined, `mock hub fault: ${fault.fault}`, fault.headers);
  }
  const snapshot = await snapshotRepo(repo, folder, ctx.lfsThreshold, ctx.hashCache);
  const file = snapshot.byPath.get(route.path);
  if (file === undefined || file.sha256 !== route.sha256) return sendStoreError(ex, 404, "NoSuchKey", "The specified key does not exist.");
  await serveBytes(ctx, ex, repo, { absPath: file.absPath }, file.size, {
    ETag: `"${file.sha256}"`,
    "Content-Type": "application/octet-stream",
    "Last-Modified": new Date(file.mtimeMs).toUTCString(),
    "Cache-Control": "public, max-age=604800, immutable",
  });
}
