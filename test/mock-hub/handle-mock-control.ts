import type { FaultBook } from "./create-fault-book.ts";
import type { Exchange } from "./hub-context.ts";
import { isHubId } from "#shared/lineage";
import { MockHubError } from "./mock-hub-error.ts";
import { sendJson } from "./send-json.ts";
import type { RequestLogEntry } from "./types.ts";
import { validateRepoFaults } from "./validate-repo-faults.ts";

const MAX_BODY = 64 * 1024;

async function readJsonBody(ex: Exchange): Promise<unknown> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of ex.req) {
    length += (chunk as Buffer).length;
    if (length > MAX_BODY) throw new MockHubError("BadRequest", `body over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new MockHubError("BadRequest", "body is not JSON");
  }
}

/**
 * The test controls: `POST /__mock/faults` `{ repo, faults }` replaces a repo's faults,
 * `GET` lists them, `DELETE [?repo=]` clears them; `GET|DELETE /__mock/requests` reads or clears the log.
 */
export async function handleMockControl(ex: Exchange, name: "faults" | "requests", faults: FaultBook, requests: RequestLogEntry[]): Promise<void> {
  const method = ex.req.method;
  if (name === "requests") {
    if (method === "GET") return sendJson(ex.res, 200, requests);
    if (method === "DELETE") {
      requests.length = 0;
      return sendJson(ex.res, 200, { ok: true });
    }
  } else {
    if (method === "GET") return sendJson(ex.res, 200, faults.all());
    if (method === "DELETE") {
      const repo = ex.query.get("repo");
      faults.clear(repo ?? undefined);
      return sendJson(ex.res, 200, { ok: true });
    }
    if (method === "POST") {
      const body = await readJsonBody(ex);
      const { repo, faults: given } = (body ?? {}) as { repo?: unknown; faults?: unknown };
      if (typeof repo !== "string" || !isHubId(repo)) throw new MockHubError("BadRequest", `"repo" must be a model id, got ${JSON.stringify(repo)}`);
      faults.set(repo, validateRepoFaults(given));
      return sendJson(ex.res, 200, { ok: true, repo, faults: faults.of(repo) });
    }
  }
  throw new MockHubError("MethodNotAllowed", `${method} is not allowed on /__mock/${name}`, 405);
}
