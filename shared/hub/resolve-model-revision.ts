import { listFiles, modelInfo } from "@huggingface/hub";
import { fetchWithTimeout } from "./fetch-with-timeout.ts";
import { hubOnlyFetch } from "./hub-only-fetch.ts";
import { ModelLookupError } from "./model-lookup-error.ts";
import { readModelInfo } from "./read-model-info.ts";
import type { BaseModelRef } from "../report/schema.ts";
import { MAX_COMPONENT_FOLDERS, wantsComponentFolders } from "../analyze/choose-component-files.ts";

export interface HubAccess {
  /** the Hub's base URL, e.g. https://huggingface.co (HF_ENDPOINT) */
  hubUrl: string;
  /** sent as a bearer token; never part of a message or a result */
  accessToken?: string;
  fetch?: typeof fetch;
  /** each request to the Hub API, body included, is given up after this long (default 30 000) */
  timeoutMs?: number;
  /** the most entries at the repo's root that are listed before the lookup fails (default 10 000) */
  maxFiles?: number;
}

export interface ResolvedModel {
  /** the id as the Hub spells it (it matches ids case-insensitively), else as asked */
  id: string;
  /** the revision asked for */
  revision: string;
  /** the 40-hex commit it points at now */
  sha: string;
  /** config.json's model_type (or first architecture), when the Hub knows it */
  family: string | null;
  /** the bases the model card names (the Hub's cardData), empty when none */
  baseModels: BaseModelRef[];
  /**
   * every file at the root of the repo at that commit, with its size; for a repo whose weights lie
   * in folders (a diffusers pipeline) the files of its first-level folders too
   */
  files: { name: string; size: number }[];
  private: boolean;
  gated: false | "auto" | "manual";
  /** ISO date of the revision's last commit, as model info gives it */
  lastModified: string | null;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_FILES = 10_000;

type Stage = "model info" | "file listing";

function isListedEntry(entry: unknown): entry is { type: string; path: string; size: number; lfs?: { size: number } } {
  if (typeof entry !== "object" || entry === null) return false;
  const { path, size, lfs } = entry as Record<string, unknown>;
  const isSize = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  return typeof path === "string" && isSize(size) && (lfs === undefined || (typeof lfs === "object" && lfs !== null && isSize((lfs as { size?: unknown }).size)));
}

/**
 * Resolves a revision (branch, tag or sha) of a model to its commit sha and lists the files at
 * that commit, through the Hub API (@huggingface/hub's modelInfo and listFiles), talking to the
 * configured Hub's origin only. Hub answers, and Hub bodies that are not what the API promises,
 * become typed `ModelLookupError`s with the status a service should answer.
 */
export async function resolveModelRevision(id: string, revision: string, hub: HubAccess): Promise<ResolvedModel> {
  const timeoutMs = hub.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxFiles = hub.maxFiles ?? DEFAULT_MAX_FILES;
  let errorCode: string | null = null;
  let retryAfter: string | null = null;
  let stage: Stage = "model info";
  // a 2xx answer is being read: what fails now is its body, not the connection
  let answered = false;
  let listed = 0;
  let listedBeforePage: number | null = null;
  const apiFetch = hubOnlyFetch(hub.hubUrl, fetchWithTimeout(hub.fetch ?? fetch, timeoutMs));
  // @huggingface/hub keeps only the status of a failed answer; the Hub's X-Error-Code tells a missing repo from a missing revision
  const watchedFetch: typeof fetch = async (input, init) => {
    if (stage === "file listing") {
      // a page that adds nothing yet links on would have the listing go round forever
      if (listedBeforePage === listed) throw new ModelLookupError("hub_error", 502, `the Hub answered an unexpected file listing for ${id}: an empty page linking to another`);
      listedBeforePage = listed;
    }
    answered = false;
    const response = await apiFetch(input, init);
    errorCode = response.headers.get("x-error-code");
    retryAfter = response.headers.get("retry-after");
    answered = response.ok;
    return response;
  };
  const access = { hubUrl: hub.hubUrl, fetch: watchedFetch, ...(hub.accessToken ? { accessToken: hub.accessToken } : {}) };
  try {
    const info = readModelInfo(await modelInfo({ ...access, name: id, revision, additionalFields: ["sha", "config", "cardData"] }), id);
    stage = "file listing";
    const files: { name: string; size: number }[] = [];
    const folders: string[] = [];
    const list = async (path?: string) => {
      for await (const entry of listFiles({ ...access, repo: { type: "model", name: info.id }, revision: info.sha, ...(path !== undefined && { path }) })) {
        // leaving the loop ends the listing: no further page is asked for
        if (++listed > maxFiles) throw new ModelLookupError("too_many_files", 422, `${info.id} has more than ${maxFiles} files at its root and first-level folders; the listing stopped at ${maxFiles}`);
        if (!isListedEntry(entry)) throw new ModelLookupError("hub_error", 502, `the Hub answered an unexpected file listing for ${id}: an entry without path or size`);
        if (entry.type === "file") files.push({ name: entry.path, size: entry.lfs?.size ?? entry.size });
        if (entry.type === "directory" && path === undefined) folders.push(entry.path);
      }
    };
    await list();
    if (wantsComponentFolders(files.map((f) => f.name))) {
      for (const folder of folders.sort().slice(0, MAX_COMPONENT_FOLDERS)) {
        listedBeforePage = null;
        await list(folder);
      }
    }
    return { id: info.id, revision, sha: info.sha, family: info.family, baseModels: info.baseModels, files, private: info.private, gated: info.gated, lastModified: info.lastModified };
  } catch (error) {
    throw lookupError(error, { id, revision, hubUrl: hub.hubUrl, withToken: Boolean(hub.accessToken), timeoutMs, stage, answered }, errorCode, retryAfter);
  }
}

function lookupError(
  error: unknown,
  {
    id,
    revision,
    hubUrl,
    withToken,
    timeoutMs,
    stage,
    answered,
  }: { id: string; revision: string; hubUrl: string; withToken: boolean; timeoutMs: number; stage: Stage; answered: boolean },
  errorCode: string | null,
  retryAfter: string | null,
): Error {
  if (error instanceof ModelLookupError) return error;
  // the platform's DOMException, by its name: what AbortSignal.timeout (fetchWithTimeout) rejects with
  if ((error as Error | undefined)?.name === "TimeoutError") {
    return new ModelLookupError("hub_error", 504, `the Hub at ${hubUrl} did not answer the ${stage} of ${id} within ${timeoutMs / 1000} s (timeout)`);
  }
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status !== "number") {
    // the body of a 2xx answer did not parse, or was not the shape @huggingface/hub reads
    if (answered) return new ModelLookupError("hub_error", 502, `the Hub answered an unexpected ${stage} for ${id}`);
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
