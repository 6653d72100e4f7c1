import { listFiles, modelInfo } from "@huggingface/hub";
import { familyFromConfig } from "./family-from-config.ts";
import { ModelLookupError } from "./model-lookup-error.ts";

export interface HubAccess {
  /** the Hub's base URL, e.g. https://huggingface.co (HF_ENDPOINT) */
  hubUrl: string;
  /** sent as a bearer token; never part of a message or a result */
  accessToken?: string;
  fetch?: typeof fetch;
}

export interface ResolvedModel {
  id: string;
  /** the revision asked for */
  revision: string;
  /** the 40-hex commit it points at now */
  sha: string;
  /** config.json's model_type (or first architecture), when the Hub knows it */
  family: string | null;
  /** every file at the root of the repo at that commit, with its size */
  files: { name: string; size: number }[];
}

const SHA = /^[0-9a-f]{40}$/;
const MAX_FAMILY_LENGTH = 64;

/**
 * Resolves a revision (branch, tag or sha) of a model to its commit sha and lists the files at
 * that commit, through the Hub API (@huggingface/hub's modelInfo and listFiles). Hub answers
 * become typed `ModelLookupError`s with the status a service should answer.
 */
export async function resolveModelRevision(id: string, revision: string, hub: HubAccess): Promise<ResolvedModel> {
  let errorCode: string | null = null;
  let retryAfter: string | null = null;
  const baseFetch = hub.fetch ?? fetch;
  // @huggingface/hub keeps only the status of a failed answer; the Hub's X-Error-Code tells a missing repo from a missing revision
  const watchedFetch: typeof fetch = async (input, init) => {
    const response = await baseFetch(input, init);
    errorCode = response.headers.get("x-error-code");
    retryAfter = response.headers.get("retry-after");
    return response;
  };
  const access = { hubUrl: hub.hubUrl, fetch: watchedFetch, ...(hub.accessToken ? { accessToken: hub.accessToken } : {}) };
  try {
    const info = await modelInfo({ ...access, name: id, revision, additionalFields: ["sha", "config"] });
    const sha = typeof info.sha === "string" ? info.sha : "";
    if (!SHA.test(sha)) throw new ModelLookupError("hub_error", 502, `the Hub answered no commit sha for ${id}@${revision}`);
    const files: { name: string; size: number }[] = [];
    for await (const entry of listFiles({ ...access, repo: { type: "model", name: id }, revision: sha })) {
      if (entry.type === "file") files.push({ name: entry.path, size: entry.lfs?.size ?? entry.size });
    }
    return { id, revision, sha, family: familyFromConfig(info.config), files };
  } catch (error) {
    throw lookupError(error, { id, revision, hubUrl: hub.hubUrl, withToken: Boolean(hub.accessToken) }, errorCode, retryAfter);
  }
}

function lookupError(
  error: unknown,
  { id, revision, hubUrl, withToken }: { id: string; revision: string; hubUrl: string; withToken: boolean },
  errorCode: string | null,
  retryAfter: string | null,
): Error {
  if (error instanceof ModelLookupError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status !== "number") {
    return new ModelLookupError("hub_error", 502, `the Hub at ${hubUrl} could not be reached for ${id}: ${(error as Error).message}`);
  }
  if (status === 404 && errorCode === "RevisionNotFound") {
    return new ModelLookupError("revision_not_found", 404, `${id} has no revision ${JSON.stringify(revision)}`);
  }
  if (status === 404) return new ModelLookupError("model_not_found", 404, `there is no model ${id} on the Hub`);
  // the Hub answers 401 for private repos and for repos that do not exist, when no token is sent
  if (status === 401) {
    return new ModelLookupError(
      "hub_unauthorized",
      401,
      withToken ? `${id} does not exist, or is private or gated and the Hub token in use has no access to it` : `there is no public model ${id} on the Hub (it does not exist, or is private or gated, and no Hub token is set)`,
    );
  }
  if (status === 403) return new ModelLookupError("hub_forbidden", 403, `${id} is gated: the service needs a token with access`);
  if (status === 429) {
    const seconds = Number(retryAfter);
    return new ModelLookupError("hub_rate_limited", 503, "the Hub is rate-limiting the service; try again later", Number.isFinite(seconds) && seconds > 0 ? seconds : 60);
  }
  return new ModelLookupError("hub_error", 502, `the Hub answered ${status} for ${id}`);
}
