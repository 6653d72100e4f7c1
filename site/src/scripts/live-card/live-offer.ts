/** What the live card says when it has no report to show, and what its button says it will do. */
export interface LiveOffer {
  title: string;
  why: string;
  button: string;
}

/**
 * The live card's offer to analyse a model (or one commit of it) the service has no report of, or
 * to look up a branch or tag, which only the trigger resolves to a commit. `id` and `revision` are
 * shown as they come: the caller has revealed their invisible marks.
 */
export function liveOffer(id: string, revision: string | null, sha: string | null): LiveOffer {
  if (revision !== null) {
    return {
      title: "Look up this revision",
      why: `This address names ${revision}, a branch, tag or commit of ${id} on the Hugging Face Hub. The service can look it up, show the report of that commit if it has one, and analyse it if not.`,
      button: `Look up / analyse ${id} at ${revision}`,
    };
  }
  const what = sha === null ? "this model" : `commit ${sha.slice(0, 12)}`;
  return {
    title: "Not analysed yet",
    why: `The service has no report of ${what} yet. It can stream the weights from the Hugging Face Hub and analyse them layer by layer, which takes from seconds to many minutes; the report card then appears here.`,
    button: sha === null ? `Analyse ${id}` : `Analyse ${id} at ${sha.slice(0, 12)}`,
  };
}
