import { randomBytes } from "node:crypto";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve as resolvePath } from "node:path";
import { createFaultBook } from "./create-fault-book.ts";
import { handleRequest } from "./handle-request.ts";
import type { Exchange, HubContext } from "./hub-context.ts";
import { isHubId } from "#shared/lineage";
import { MockHubError } from "./mock-hub-error.ts";
import { sendHubError } from "./send-hub-error.ts";
import type { HashCache } from "./snapshot-repo.ts";
import type { MockHub, MockHubOptions, RequestLogEntry } from "./types.ts";
import { validateRepoFaults } from "./validate-repo-faults.ts";

const EXPOSED_HEADERS = [
  "X-Repo-Commit", "X-Request-Id", "X-Error-Code", "X-Error-Message", "ETag", "Link", "Accept-Ranges", "Content-Range",
  "X-Linked-Size", "X-Linked-ETag", "X-Xet-Hash", "Retry-After",
].join(",");

function splitRequestTarget(target: string): { pathname: string; query: URLSearchParams } {
  // not `new URL()`: it would resolve `..` and `%2e%2e` before the traversal check could see them
  const q = target.indexOf("?");
  return q < 0 ? { pathname: target, query: new URLSearchParams() } : { pathname: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

/**
 * Starts a mock of the Hugging Face Hub on 127.0.0.1 serving model repos from folders, with the
 * Hub's URL shapes, headers, signed expiring CDN redirects, error answers and injectable faults.
 * See docs/mock-hub.md.
 */
export async function createMockHub(options: MockHubOptions = {}): Promise<MockHub> {
  const repos = new Map<string, string>();
  for (const [id, folder] of Object.entries(options.repos ?? {})) {
    if (!isHubId(id)) throw new MockHubError("BadRepoId", `mount ${JSON.stringify(id)} is not a Hub model id (org/name or name)`);
    // the Hub matches ids whatever their case, so these would be one repo
    const twin = [...repos.keys()].find((other) => other.toLowerCase() === id.toLowerCase());
    if (twin !== undefined) throw new MockHubError("BadRepoId", `mounts ${JSON.stringify(twin)} and ${JSON.stringify(id)} differ only in case`);
    repos.set(id, resolvePath(folder));
  }
  if (options.dir === undefined && repos.size === 0) throw new MockHubError("NoRepos", "give `dir`, `repos`, or both");
  const folders = [...repos].map(([id, folder]) => ({ what: `mount ${id}`, folder }));
  if (options.dir !== undefined) folders.push({ what: "dir", folder: options.dir });
  for (const { what, folder } of folders) {
    const isFolder = await stat(folder).then((s) => s.isDirectory(), () => false);
    if (!isFolder) throw new MockHubError("BadFolder", `${what}: ${folder} is not a folder`);
  }
  const ctx: HubContext = {
    sources: { dir: options.dir === undefined ? undefined : resolvePath(options.dir), repos },
    faults: createFaultBook(),
    hashCache: new Map() as HashCache,
    lfsThreshold: options.lfsThreshold ?? 10 * 1024,
    signatureTtlMs: options.signatureTtlMs ?? 3600 * 1000,
    treePageSize: options.treePageSize ?? 1000,
    now: options.now ?? Date.now,
    signingKey: options.signingKey ?? randomBytes(32).toString("hex"),
  };
  if (!Number.isInteger(ctx.treePageSize) || ctx.treePageSize < 1) throw new MockHubError("BadOption", "treePageSize must be a positive integer");
  const requests: RequestLogEntry[] = [];
  let requestCount = 0;
  let origin = "";

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname, query } = splitRequestTarget(req.url ?? "/");
    const log: RequestLogEntry = { method: req.method ?? "GET", path: pathname, status: 0 };
    if (req.headers.range !== undefined) log.range = req.headers.range;
    const control = pathname.startsWith("/__mock/");
    res.on("close", () => {
      log.status = res.statusCode;
      if (!control) requests.push(log);
    });
    requestCount += 1;
    res.setHeader("X-Request-Id", `mock-${requestCount}`);
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "GET, HEAD, POST, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": "Authorization, Range, Content-Type, Accept",
        "Access-Control-Max-Age": "86400",
      });
      res.end();
      return;
    }
    const host = req.headers.host;
    const ex: Exchange = { req, res, pathname, query, origin: host !== undefined && /^[\w.-]+(:\d+)?$/.test(host) ? `http://${host}` : origin, log };
    try {
      await handleRequest(ctx, ex, requests);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof MockHubError) sendHubError(res, error.status, error.code, error.message);
      else sendHubError(res, 500, "MockHubInternal", `mock hub internal error: ${(error as Error).message}`);
    }
  }

  const server = createServer((req, res) => {
    void onRequest(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    requests,
    setFaults(repo, faults) {
      if (!isHubId(repo)) throw new MockHubError("BadRepoId", `${JSON.stringify(repo)} is not a Hub model id`);
      ctx.faults.set(repo, validateRepoFaults(faults));
    },
    close() {
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // slow or half-read bodies would otherwise keep close() waiting
        server.closeAllConnections();
      });
    },
  };
}
