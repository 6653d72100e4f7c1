import { decodeFilePath, decodePathSegment } from "./decode-file-path.ts";
import { MockHubError } from "./mock-hub-error.ts";

export interface RepoRoute {
  kind: "info" | "tree" | "resolve" | "raw";
  repo: string;
  /** undefined for `/api/models/{repo}` (the default branch) */
  revision?: string;
  /** repo-relative file or folder path ("" for a tree listing of the root) */
  path: string;
}

export interface CdnRoute {
  kind: "cdn";
  repo: string;
  sha256: string;
  path: string;
}

export interface ControlRoute {
  kind: "control";
  name: "faults" | "requests";
}

export type HubRoute = RepoRoute | CdnRoute | ControlRoute;

function repoPart(segments: string[]): string {
  return segments.map(decodePathSegment).join("/");
}

/**
 * The routes a request path can mean, most specific first. `/api/models/gpt2/revision/main` could
 * be the repo `gpt2` or `gpt2/revision`, as on the Hub: the caller takes the first whose repo exists.
 * Throws a 400 `MockHubError` for paths that try to leave the repo.
 */
export function matchHubRoute(pathname: string): HubRoute[] {
  if (!pathname.startsWith("/")) throw new MockHubError("BadPath", "path must start with /");
  const segs = pathname.slice(1).split("/");
  if (segs[0] === "__mock") {
    return segs.length === 2 && (segs[1] === "faults" || segs[1] === "requests") ? [{ kind: "control", name: segs[1] }] : [];
  }
  if (segs[0] === "cdn") {
    if (segs.length < 4) return [];
    return [{ kind: "cdn", repo: decodePathSegment(segs[1]), sha256: decodePathSegment(segs[2]), path: decodeFilePath(segs.slice(3)) }];
  }
  const routes: HubRoute[] = [];
  if (segs[0] === "api" && segs[1] === "models") {
    const rest = segs.slice(2);
    for (const n of [2, 1]) {
      if (rest.length < n) continue;
      const repo = repoPart(rest.slice(0, n));
      const tail = rest.slice(n);
      if (tail.length === 0) routes.push({ kind: "info", repo, path: "" });
      else if (tail[0] === "revision" && tail.length === 2) routes.push({ kind: "info", repo, revision: decodePathSegment(tail[1]), path: "" });
      else if (tail[0] === "tree" && tail.length >= 2) {
        const sub = tail.slice(2);
        routes.push({ kind: "tree", repo, revision: decodePathSegment(tail[1]), path: sub.length === 0 ? "" : decodeFilePath(sub) });
      }
    }
    return routes;
  }
  for (const n of [2, 1]) {
    const tail = segs.slice(n);
    if (segs.length >= n && (tail[0] === "resolve" || tail[0] === "raw") && tail.length >= 3) {
      routes.push({ kind: tail[0], repo: repoPart(segs.slice(0, n)), revision: decodePathSegment(tail[1]), path: decodeFilePath(tail.slice(2)) });
    }
  }
  return routes;
}
