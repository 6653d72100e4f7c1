import { buildModelInfo } from "./build-model-info.ts";
import { checkRepoAccess } from "./check-repo-access.ts";
import { findRepoFolder } from "./find-repo-folder.ts";
import { handleCdn } from "./handle-cdn.ts";
import { handleMockControl } from "./handle-mock-control.ts";
import { handleResolve } from "./handle-resolve.ts";
import { handleTree } from "./handle-tree.ts";
import type { Exchange, HubContext } from "./hub-context.ts";
import { matchHubRoute, type RepoRoute } from "./match-hub-route.ts";
import { MockHubError } from "./mock-hub-error.ts";
import { readRepoSettings } from "./read-repo-settings.ts";
import { sendHubError } from "./send-hub-error.ts";
import { sendJson } from "./send-json.ts";
import { snapshotRepo } from "./snapshot-repo.ts";
import type { RequestLogEntry } from "./types.ts";

/** The first route naming a repo that exists, its `repo` in the repo's own spelling. */
async function firstExistingRepo(ctx: HubContext, routes: RepoRoute[]): Promise<{ route: RepoRoute; folder: string } | null> {
  for (const route of routes) {
    const found = await findRepoFolder(route.repo, ctx.sources);
    if (found !== null) return { route: { ...route, repo: found.id }, folder: found.folder };
  }
  return null;
}

/** Routes one request: control, CDN, or a repo route through faults, access and revision checks. */
export async function handleRequest(ctx: HubContext, ex: Exchange, requests: RequestLogEntry[]): Promise<void> {
  const { req, res } = ex;
  const routes = matchHubRoute(ex.pathname);
  const first = routes[0];
  if (first === undefined) return sendHubError(res, 404, undefined, `no route for ${ex.pathname}`);
  if (first.kind === "control") return handleMockControl(ex, first.name, ctx.faults, requests);
  if (req.method !== "GET" && req.method !== "HEAD") {
    throw new MockHubError("MethodNotAllowed", `${req.method} is not allowed on ${ex.pathname}`, 405);
  }
  if (first.kind === "cdn") return handleCdn(ctx, ex, first);

  const found = await firstExistingRepo(ctx, routes as RepoRoute[]);
  if (found === null) {
    // the Hub answers 401 to anonymous requests for missing repos, so it never confirms a private one exists
    return sendHubError(res, req.headers.authorization === undefined ? 401 : 404, "RepoNotFound", "Repository not found");
  }
  const { route, folder } = found;
  ex.log.repo = route.repo;
  const settings = await readRepoSettings(folder);
  ctx.faults.seed(route.repo, settings.faults);
  const fault = ctx.faults.takeRequestFault(route.repo);
  if (fault !== undefined) {
    ex.log.fault = fault.fault;
    return sendHubError(res, fault.status, undefined, `mock hub fault: ${fault.fault}`, fault.headers);
  }
  const refusal = checkRepoAccess(settings, req.headers.authorization, route.kind, route.repo);
  if (refusal !== null) return sendHubError(res, refusal.status, refusal.code, refusal.message);

  const snapshot = await snapshotRepo(route.repo, folder, ctx.lfsThreshold, ctx.hashCache);
  const revision = route.revision ?? "main";
  if (revision !== "main" && revision !== "HEAD" && revision !== snapshot.sha) {
    return sendHubError(res, 404, "RevisionNotFound", `Invalid rev id: ${revision}`);
  }
  if (route.kind === "info") {
    const { infoBody } = ctx.faults.of(route.repo);
    if (infoBody !== undefined) {
      ex.log.fault = "infoBody";
      res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(infoBody) });
      res.end(infoBody);
      return;
    }
    return sendJson(res, 200, await buildModelInfo(snapshot, settings, ex.query));
  }
  if (route.kind === "tree") return handleTree(ctx, ex, snapshot, route.path, revision);
  return handleResolve(ctx, ex, snapshot, route);
}
