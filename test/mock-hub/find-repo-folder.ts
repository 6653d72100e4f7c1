import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { isValidRepoId } from "./is-valid-repo-id.ts";

export interface RepoSources {
  /** folder whose `org/name/` subfolders (and legacy `name/` folders holding files) are repos */
  dir?: string;
  /** explicit mounts by id */
  repos: ReadonlyMap<string, string>;
}

async function isRealDirectory(path: string): Promise<boolean> {
  try {
    // lstat: a symlinked folder could lead outside the served tree, so it is not a repo
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function holdsFiles(path: string): Promise<boolean> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.some((entry) => entry.isFile());
}

/**
 * The folder serving repo `id`, or null. Ids are checked against the Hub grammar first, so no id
 * can reach outside the mounts. Folders are looked up on every call: repos may appear while it runs.
 */
export async function findRepoFolder(id: string, sources: RepoSources): Promise<string | null> {
  if (!isValidRepoId(id)) return null;
  const mounted = sources.repos.get(id);
  if (mounted !== undefined) return mounted;
  if (sources.dir === undefined) return null;
  const parts = id.split("/");
  const top = join(sources.dir, parts[0]);
  if (!(await isRealDirectory(top))) return null;
  const legacy = await holdsFiles(top);
  if (parts.length === 1) return legacy ? top : null;
  // a folder holding files is a legacy repo, so its subfolders are the repo's own folders, not repos
  if (legacy) return null;
  const folder = join(top, parts[1]);
  return (await isRealDirectory(folder)) ? folder : null;
}
