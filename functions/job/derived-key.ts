import { ApiError } from "../http/api-error.ts";
import { parseKeyPath } from "../http/parse-key-path.ts";

/** How a model is analysed against another: the delta W − W_base, or an adapter's W + B·A (peft with_base). */
export type BaseMode = "delta" | "with_base";

/** The base of a derived analysis, pinned to its commit. */
export interface BaseKey {
  id: string;
  sha: string;
  mode: BaseMode;
}

const MODES: readonly string[] = ["delta", "with_base"];

/**
 * The key of an analysis against a base, `{id}@{sha}/{mode}/{base id}@{base sha}`: both commits
 * are in it, so a delta report is immutable like any report, and it never shares a key (or a job,
 * or a KV value) with the model's own report.
 */
export const derivedKey = (id: string, sha: string, base: BaseKey): string => `${id}@${sha}/${base.mode}/${base.id}@${base.sha}`;

/**
 * A key path as it follows a route prefix: `org/name[@sha]`, or a derived key
 * `org/name@sha/{delta|with_base}/base-org/base-name@sha`. A Hub id never holds `@`, so the first
 * `@` ends the model's id, and a `/` after its sha starts the base part.
 */
export function parseAnalysisKey(rest: string): { id: string; sha: string | null; base: BaseKey | null } {
  const at = rest.indexOf("@");
  const slash = at < 0 ? -1 : rest.indexOf("/", at);
  if (slash < 0) return { ...parseKeyPath(rest), base: null };
  const model = parseKeyPath(rest.slice(0, slash));
  const tail = rest.slice(slash + 1);
  const cut = tail.indexOf("/");
  const mode = cut < 0 ? tail : tail.slice(0, cut);
  if (!MODES.includes(mode) || cut < 0) {
    throw new ApiError(400, "invalid_request", "an analysis against a base is named org/name@<sha>/delta/base-org/base-name@<sha> (or …/with_base/…)");
  }
  const base = parseKeyPath(tail.slice(cut + 1));
  if (model.sha === null || base.sha === null) throw new ApiError(400, "invalid_revision", "both halves of a delta key end in @ and a 40-hex commit sha");
  return { id: model.id, sha: model.sha, base: { id: base.id, sha: base.sha, mode: mode as BaseMode } };
}
