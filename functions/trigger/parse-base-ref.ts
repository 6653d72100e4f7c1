import { checkRevision, ModelIdError, parseModelId } from "#shared/hub";

/** A base model as a request or an adapter config names it: a Hub id and the revision named, if any. */
export interface BaseRef {
  id: string;
  revision: string | null;
}

/**
 * `org/name`, `org/name@rev` (as the CLI's `--base`) or a huggingface.co URL (`…/tree/<rev>`),
 * checked against the Hub's grammar before anything is fetched; a ModelIdError (400) otherwise.
 */
export function parseBaseRef(text: string, options: { ownHosts?: string[] } = {}): BaseRef {
  // a Hub id holds no '@'; what follows the first one is the revision (which may hold '/': refs/pr/1)
  const at = text.indexOf("@");
  if (at < 0 || text.includes("://")) {
    const ref = parseModelId(text, options);
    return { id: ref.id, revision: ref.revision };
  }
  const ref = parseModelId(text.slice(0, at), options);
  if (ref.revision !== null) throw new ModelIdError("invalid_revision", "a base names its revision once: org/name@rev or …/tree/rev, not both");
  return { id: ref.id, revision: checkRevision(text.slice(at + 1)) };
}
