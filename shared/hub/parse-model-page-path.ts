import { parseModelId } from "./parse-model-id.ts";

/** The model (and revision or commit) a model page's address on the service names. */
export type ModelPagePath =
  | { ok: true; id: string; revision: string | null; sha: string | null; page: "card" | "spectra" }
  | { ok: false; message: string };

const SHA = /^[0-9a-f]{40}$/;
const EXPECTED = "expected /org/name, /name, /org/name/tree/<revision>, /org/name/blob/<revision>/<file> or /org/name/@<commit sha>/";

const fail = (why: string): ModelPagePath => ({ ok: false, message: `This address does not name a model: ${why}.` });

/**
 * Reads a model page's path (the Worker routes these to the site's live card, which reads the
 * same path in the browser): a model's Hugging Face path on this host (`/{org}/{name}`, `/{name}`, `…/tree/{revision}`, `…/blob/{revision}/{file}`),
 * or a report of one commit (`/{id}/@{sha}/`, and its `spectra/`). Ids and revisions follow the
 * Hub's grammar (shared/hub/parse-model-id.ts); anything else is refused with a reason.
 */
export function parseModelPagePath(pathname: string): ModelPagePath {
  const path = pathname.replace(/^\//, "").replace(/\/$/, "");
  if (path === "") return fail(`the path is empty; ${EXPECTED}`);
  // a path, not a URL: parseModelId would also take `https:/…` and `huggingface.co/…` apart
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || /^(?:www\.)?(?:huggingface\.co|hf\.co)(?:\/|$)/i.test(path)) return fail(`a URL inside the path; ${EXPECTED}`);
  const segments = path.split("/");
  if (segments[0] === "_live") return fail("this is the page the service shows at a model's own address, /org/name");
  const at = segments.findIndex((s) => s.startsWith("@"));
  try {
    if (at < 0) {
      const ref = parseModelId(path);
      return { ok: true, id: ref.id, revision: ref.revision, sha: null, page: "card" };
    }
    const sha = segments[at].slice(1);
    const rest = segments.slice(at + 1);
    if (!SHA.test(sha)) return fail("a pinned address ends in /@ and a 40-hex commit sha");
    if (at < 1 || at > 2 || !(rest.length === 0 || (rest.length === 1 && rest[0] === "spectra"))) return fail(EXPECTED);
    const ref = parseModelId(segments.slice(0, at).join("/"));
    if (ref.revision !== null) return fail(EXPECTED);
    return { ok: true, id: ref.id, revision: null, sha, page: rest.length === 0 ? "card" : "spectra" };
  } catch (error) {
    return fail((error as Error).message.replace(/^the model id or URL /, "it ").replace(/; expected .*$/, `; ${EXPECTED}`));
  }
}
