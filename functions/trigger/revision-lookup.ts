import { DurableObject } from "cloudflare:workers";
import { ModelLookupError, type ModelLookupErrorCode, resolveModelRevision, type ResolvedModel } from "#shared/hub";
import { readConfig, type ServiceConfig } from "../config.ts";
import type { Env } from "../env.ts";

// a branch moved on the Hub is seen here at most this late
const TTL_MS = 60_000;

type LookupAnswer =
  | { ok: true; model: ResolvedModel }
  | { ok: false; error: { code: ModelLookupErrorCode; status: number; message: string; retryAfter?: number } };

/**
 * One model revision's Hub lookup (an object per `id@revision`, the id in lower case as the Hub
 * matches it): concurrent triggers share one pair of Hub API calls, and its answer serves every
 * trigger for a minute, so a burst of triggers costs the Hub two requests, not two each. Failures
 * are shared only while in flight, never kept.
 */
export class RevisionLookup extends DurableObject<Env> {
  private cached: { at: number; answer: Promise<LookupAnswer> } | null = null;

  async lookup(id: string, revision: string): Promise<LookupAnswer> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < TTL_MS) return this.cached.answer;
    const config = readConfig(this.env);
    const entry = { at: now, answer: resolve(config, id, revision) };
    this.cached = entry;
    void entry.answer.then((answer) => {
      if (!answer.ok && this.cached === entry) this.cached = null;
    });
    return entry.answer;
  }
}

async function resolve(config: ServiceConfig, id: string, revision: string): Promise<LookupAnswer> {
  try {
    return { ok: true, model: await resolveModelRevision(id, revision, { hubUrl: config.hubUrl, accessToken: config.hubToken }) };
  } catch (error) {
    if (!(error instanceof ModelLookupError)) throw error;
    // RPC carries an error's message but not its fields, so the typed error travels as data
    return { ok: false, error: { code: error.code, status: error.status, message: error.message, ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }) } };
  }
}

/** The revision resolved through its lookup object (RevisionLookup): a ModelLookupError when the Hub says no. */
export async function lookupRevision(env: Pick<Env, "REVISIONS">, id: string, revision: string): Promise<ResolvedModel> {
  const stub = env.REVISIONS.get(env.REVISIONS.idFromName(`${id.toLowerCase()}@${revision}`));
  const answer = await stub.lookup(id, revision);
  if (answer.ok) return answer.model;
  const { code, status, message, retryAfter } = answer.error;
  throw new ModelLookupError(code, status, message, retryAfter);
}
