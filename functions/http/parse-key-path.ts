import { parseModelId } from "#shared/hub";
import { ApiError } from "./api-error.ts";

const SHA = /^[0-9a-f]{40}$/;

/**
 * `org/name`, `org/name@sha`, `name` or `name@sha` as they follow a route prefix, checked against
 * the Hub's grammar. Never decoded first: percent-encoding is refused, as ids never need it.
 */
export function parseKeyPath(rest: string): { id: string; sha: string | null } {
  const at = rest.lastIndexOf("@");
  const idPart = at < 0 ? rest : rest.slice(0, at);
  const sha = at < 0 ? null : rest.slice(at + 1);
  if (sha !== null && !SHA.test(sha)) throw new ApiError(400, "invalid_revision", "a pinned key ends in @ and a 40-hex commit sha");
  const ref = parseModelId(idPart);
  if (ref.revision !== null || idPart.includes("://")) throw new ApiError(400, "invalid_model_id", "expected org/name or org/name@sha");
  return { id: ref.id, sha };
}
