import type { Exchange, HubContext } from "./hub-context.ts";
import { listTreeEntries } from "./list-tree-entries.ts";
import { sendHubError } from "./send-hub-error.ts";
import { sendJson } from "./send-json.ts";
import type { RepoSnapshot } from "./snapshot-repo.ts";

/**
 * `GET /api/models/{repo}/tree/{rev}[/{path}]?recursive=&expand=`, paged as the Hub pages it:
 * at most `treePageSize` entries, then `Link: <…&cursor=…>; rel="next"` (which listFiles follows),
 * or the `treeLinkTo` fault's URL on every page.
 */
export function handleTree(ctx: HubContext, ex: Exchange, snapshot: RepoSnapshot, path: string, revision: string): void {
  const recursive = ex.query.get("recursive") === "true" || ex.query.get("recursive") === "1";
  const expand = ex.query.get("expand") === "true" || ex.query.get("expand") === "1";
  const entries = listTreeEntries(snapshot, path, recursive, expand);
  if (entries === null) {
    sendHubError(ex.res, 404, "EntryNotFound", `"${path}" does not exist on "${revision}"`, { "X-Repo-Commit": snapshot.sha });
    return;
  }
  const cursor = ex.query.get("cursor");
  const offset = cursor === null ? 0 : Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isSafeInteger(offset) || offset < 0 || offset > entries.length) {
    sendHubError(ex.res, 400, "BadRequest", `invalid cursor ${JSON.stringify(cursor)}`);
    return;
  }
  const end = offset + ctx.treePageSize;
  const headers: Record<string, string> = { "X-Repo-Commit": snapshot.sha };
  if (end < entries.length) {
    const next = new URLSearchParams(ex.query);
    next.set("cursor", Buffer.from(String(end), "utf8").toString("base64url"));
    headers.Link = `<${ex.origin}${ex.pathname}?${next}>; rel="next"`;
  }
  const { treeLinkTo } = ctx.faults.of(snapshot.id);
  if (treeLinkTo !== undefined) {
    ex.log.fault = "treeLinkTo";
    headers.Link = `<${treeLinkTo}>; rel="next"`;
  }
  sendJson(ex.res, 200, entries.slice(offset, end), headers);
}
