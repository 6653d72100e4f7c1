import { checkRevision } from "./check-revision.ts";
import { ModelIdError } from "./model-id-error.ts";

/** A Hub model named by a user: its id (`org/name`, or `name` for legacy ids) and an optional revision. */
export interface ModelRef {
  id: string;
  org: string | null;
  name: string;
  /** the revision the input named (`/tree/<rev>`, `/blob/<rev>/…`), null when it named none */
  revision: string | null;
}

export interface ParseModelIdOptions {
  /** hosts besides the Hub's that may appear in a URL (the service's own host, so users can swap hosts) */
  ownHosts?: string[];
}

const HUB_HOSTS = ["huggingface.co", "www.huggingface.co", "hf.co"];
const MAX_INPUT_LENGTH = 2048;
// the Hub's limit on each part of a repo id
const MAX_PART_LENGTH = 96;
// letters, digits, '_', '.', '-'; starting and ending with a letter, digit or '_' (the Hub's `\b…\b`)
const ID_PART = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
// first path segments of huggingface.co that are not model owners
const NOT_MODELS = new Set([
  "api", "datasets", "spaces", "models", "docs", "blog", "papers", "collections", "organizations",
  "settings", "login", "join", "pricing", "tasks", "learn", "new", "buckets", "posts", "search",
]);

/**
 * Parses what a user pastes — `org/name`, `gpt2`, `https://huggingface.co/org/name`,
 * `…/tree/<rev>`, `…/blob/<rev>/<file>`, `hf.co/org/name`, or the same URL on the service's host —
 * into a model id, checked against the Hub's grammar before anything is fetched.
 */
export function parseModelId(input: string, options: ParseModelIdOptions = {}): ModelRef {
  const text = input.trim();
  if (text.length === 0) invalid("is empty");
  if (text.length > MAX_INPUT_LENGTH) invalid(`is longer than ${MAX_INPUT_LENGTH} characters`);
  if (text.includes("%")) invalid("must not contain percent-encoded characters");
  if (text.includes("\\")) invalid("must not contain '\\'");
  if (/[\u0000-\u0020\u007f]/.test(text)) invalid("must not contain spaces or control characters");
  return parsePath(splitUrlPath(text, options.ownHosts ?? []));
}

/** The path segments of a URL on an accepted host, or of a plain `org/name[/tree/rev]` id. */
function splitUrlPath(text: string, ownHosts: string[]): string[] {
  const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text);
  const hostFirst = /^(?:www\.)?(?:huggingface\.co|hf\.co)(?:\/|$)/i.test(text);
  if (!hasScheme && !hostFirst) return text.split("/");
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return invalid("is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") invalid("must be an http(s) URL");
  if (url.username || url.password) invalid("must not carry credentials");
  const host = url.host.toLowerCase();
  const allowed = HUB_HOSTS.includes(host) || ownHosts.some((h) => h.toLowerCase() === host);
  if (!allowed) invalid(`is on ${host}, not huggingface.co`);
  // the raw path, since URL() would already have resolved '..' segments away
  const rawPath = text.replace(/^[^/]*\/\/[^/]*/, "").replace(/^[^/]*/, "").replace(/[?#].*$/, "");
  return rawPath.replace(/^\//, "").replace(/\/$/, "").split("/");
}

function parsePath(segments: string[]): ModelRef {
  if (segments.some((s) => s === ".." || s === ".")) invalid("must not contain '.' or '..' segments");
  const [first, second, kind, ...rest] = segments;
  if (!first) invalid("names no model");
  if (NOT_MODELS.has(first.toLowerCase())) invalid(`is a huggingface.co/${first} page, not a model`);
  if (segments.length === 1) return ref(null, first, null);
  if (second === "tree" || second === "blob" || second === "resolve") {
    return ref(null, first, revisionOf(second, [kind, ...rest].filter((s) => s !== undefined)));
  }
  if (segments.length === 2) return ref(first, second, null);
  if (kind === "tree" || kind === "blob" || kind === "resolve") return ref(first, second, revisionOf(kind, rest));
  return invalid("has more path segments than org/name");
}

function revisionOf(kind: string, rest: string[]): string {
  // /tree/<rev> may hold a slash (refs/pr/1); /blob/<rev>/<file> names a file after the revision
  const revision = kind === "tree" ? rest.join("/") : rest[0];
  if (!revision) invalid(`has /${kind}/ without a revision`);
  return checkRevision(revision);
}

function ref(org: string | null, name: string, revision: string | null): ModelRef {
  if (org !== null) checkPart(org, "organisation");
  checkPart(name, "name");
  return { id: org === null ? name : `${org}/${name}`, org, name, revision };
}

function checkPart(part: string, what: string): void {
  if (part.length > MAX_PART_LENGTH) invalid(`has a ${what} longer than ${MAX_PART_LENGTH} characters`);
  if (!ID_PART.test(part)) {
    invalid(`has a ${what} that is not letters, digits, '_', '.', '-' (starting and ending with a letter or digit)`);
  }
  if (part.includes("--") || part.includes("..")) invalid(`has a ${what} containing '--' or '..'`);
  if (part.toLowerCase().endsWith(".git")) invalid(`has a ${what} ending in .git`);
}

function invalid(why: string): never {
  throw new ModelIdError("invalid_model_id", `the model id or URL ${why}; expected org/name or https://huggingface.co/org/name`);
}
