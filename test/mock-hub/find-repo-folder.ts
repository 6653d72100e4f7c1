import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { isHubId } from "#shared/lineage";

export interface RepoSources {
  /** folder whose `org/name/` subfolders (and legacy `name/` folders holding files) are repos */
  dir?: string;
  /** explicit mounts by id */
  repos: ReadonlyMap<string, string>;
}

export interface FoundRepo {
  /** the repo's own spelling of its id: the mount's, or the folders' */
  id: string;
  folder: string;
}

// ids and the folder names taken for them are ASCII by the Hub grammar, so lower case is the whole of case folding
const fold = (name: string) => name.toLowerCase();

/** The subfolder of `parent` called `name`: that exact spelling, else the first in sorted order spelled so in another case. */
async function subfolder(parent: string, name: string): Promise<string | null> {
  let names: string[];
  try {
    // Dirent.isDirectory() is false for a symlink: a symlinked folder could lead outside the served tree, so it is not a repo
    names = (await readdir(parent, { withFileTypes: true })).filter((e) => e.isDirectory() && isHubId(e.name)).map((e) => e.name);
  } catch {
    return null;
  }
  return names.includes(name) ? name : (names.sort().find((n) => fold(n) === fold(name)) ?? null);
}

async function holdsFiles(path: string): Promise<boolean> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.some((entry) => entry.isFile());
}

/**
 * The repo serving `id`, or null. As on the Hub, ids match whatever their letters' case, and the
 * answer carries the repo's own spelling. Ids are checked against the Hub grammar first, so no id
 * can reach outside the mounts. Folders are looked up on every call: repos may appear while it runs.
 */
export async function findRepoFolder(id: string, sources: RepoSources): Promise<FoundRepo | null> {
  if (!isHubId(id)) return null;
  const mounted = sources.repos.has(id) ? id : [...sources.repos.keys()].find((key) => fold(key) === fold(id));
  if (mounted !== undefined) return { id: mounted, folder: sources.repos.get(mounted)! };
  if (sources.dir === undefined) return null;
  const parts = id.split("/");
  const org = await subfolder(sources.dir, parts[0]);
  if (org === null) return null;
  const top = join(sources.dir, org);
  const legacy = await holdsFiles(top);
  if (parts.length === 1) return legacy ? { id: org, folder: top } : null;
  // a folder holding files is a legacy repo, so its subfolders are the repo's own folders, not repos
  if (legacy) return null;
  const name = await subfolder(top, parts[1]);
  return name === null ? null : { id: `${org}/${name}`, folder: join(top, name) };
}
