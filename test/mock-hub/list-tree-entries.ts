import { gitBlobOid } from "./hash-file.ts";
import type { RepoSnapshot } from "./snapshot-repo.ts";

export interface TreeEntry {
  type: "file" | "directory";
  oid: string;
  size: number;
  path: string;
  lfs?: { oid: string; size: number; pointerSize: number };
  xetHash?: string;
  lastCommit?: { id: string; title: string; date: string };
}

/**
 * Entries of `GET /api/models/{repo}/tree/{rev}/{path}` in the Hub's shape: files with their git
 * blob id and, for LFS files, the `lfs` block and `xetHash`; folders with size 0. Null when `path`
 * is not a folder of the repo.
 */
export function listTreeEntries(snapshot: RepoSnapshot, path: string, recursive: boolean, expand: boolean): TreeEntry[] | null {
  if (path !== "" && !snapshot.directories.includes(path)) return null;
  const prefix = path === "" ? "" : `${path}/`;
  const inScope = (p: string) => p.startsWith(prefix) && (recursive || !p.slice(prefix.length).includes("/"));
  const lastCommit = expand ? { id: snapshot.sha, title: "mock hub snapshot", date: snapshot.lastModified.toISOString() } : undefined;
  const entries: TreeEntry[] = [];
  for (const dir of snapshot.directories.filter(inScope)) {
    const children = snapshot.files.filter((f) => f.path.startsWith(`${dir}/`)).map((f) => `${f.path}\0${f.oid}`);
    entries.push({ type: "directory", oid: gitBlobOid(children.join("\n")), size: 0, path: dir, ...(lastCommit && { lastCommit }) });
  }
  for (const file of snapshot.files.filter((f) => inScope(f.path))) {
    entries.push({
      type: "file",
      oid: file.oid,
      size: file.size,
      path: file.path,
      ...(file.lfs && { lfs: { oid: file.sha256, size: file.size, pointerSize: Buffer.byteLength(file.pointer ?? "") }, xetHash: file.xetHash }),
      ...(lastCommit && { lastCommit }),
    });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return entries;
}
