import type { RepoSettings } from "./types.ts";

export interface AccessRefusal {
  status: 401 | 403 | 404;
  code: "RepoNotFound" | "GatedRepo";
  message: string;
}

function bearerToken(authorization: string | undefined): string | undefined {
  const match = authorization === undefined ? null : /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  return match === null ? undefined : match[1];
}

/**
 * Whether a request may see a repo, answered as the Hub does. Private: 401 RepoNotFound without a
 * token and 404 RepoNotFound with one that does not open it (the Hub never confirms a private repo
 * exists). Gated: model info and the file tree stay public; files need the token, 401 GatedRepo
 * without one and 403 GatedRepo with another.
 */
export function checkRepoAccess(
  settings: RepoSettings,
  authorization: string | undefined,
  kind: "info" | "tree" | "resolve" | "raw",
  repo: string,
): AccessRefusal | null {
  const token = bearerToken(authorization);
  const opens = settings.token !== undefined && token === settings.token;
  if (settings.private === true && !opens) {
    return { status: authorization === undefined ? 401 : 404, code: "RepoNotFound", message: "Repository not found" };
  }
  const gated = settings.gated !== undefined && settings.gated !== false;
  if (gated && (kind === "resolve" || kind === "raw") && !opens) {
    return authorization === undefined
      ? { status: 401, code: "GatedRepo", message: `Access to model ${repo} is restricted. You must have access to it and be authenticated to access it. Please log in.` }
      : { status: 403, code: "GatedRepo", message: `Access to model ${repo} is restricted and you are not in the authorized list.` };
  }
  return null;
}
