import { createHash } from "node:crypto";
import { gitBlobOid, hashFile, type FileHashes } from "./hash-file.ts";
import { walkRepoFiles } from "./walk-repo-files.ts";

export interface RepoFile {
  path: string;
  absPath: string;
  size: number;
  mtimeMs: number;
  sha256: string;
  /** stored through LFS (larger than the threshold): resolve redirects to the CDN, raw answers the pointer */
  lfs: boolean;
  /** the git blob id of what git stores: the file itself, or its LFS pointer */
  oid: string;
  /** the LFS pointer text, for LFS files */
  pointer?: string;
  /** an opaque 64-hex content id in the `X-Xet-Hash` role */
  xetHash: string;
}

export interface RepoSnapshot {
  id: string;
  folder: string;
  /** 40-hex fake commit id, a function of the paths and contents only */
  sha: string;
  files: RepoFile[];
  byPath: Map<string, RepoFile>;
  directories: string[];
  lastModified: Date;
  createdAt: Date;
}

const CACHE_ABOVE_BYTES = 1 << 20;

/** Hash results of large files by `absPath size mtime`, so unchanged weights are hashed once per server. */
export type HashCache = Map<string, Promise<FileHashes>>;

function lfsPointer(sha256: string, size: number): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256}\nsize ${size}\n`;
}

/** What the repo looks like now: every file with its hashes and the commit id derived from them. */
export async function snapshotRepo(id: string, folder: string, lfsThreshold: number, cache: HashCache): Promise<RepoSnapshot> {
  const walked = await walkRepoFiles(folder);
  const files: RepoFile[] = [];
  for (const file of walked.files) {
    const key = `${file.absPath}\0${file.size}\0${file.mtimeMs}`;
    let hashes = cache.get(key);
    if (hashes === undefined) {
      hashes = hashFile(file.absPath, file.size);
      // small files are rehashed every time: a same-size rewrite within the file system's mtime
      // granularity must still change the sha
      if (file.size > CACHE_ABOVE_BYTES) {
        cache.set(key, hashes);
        hashes.catch(() => cache.delete(key));
      }
    }
    const { sha256, gitBlobOid: contentOid } = await hashes;
    const lfs = file.size > lfsThreshold;
    const pointer = lfs ? lfsPointer(sha256, file.size) : undefined;
    files.push({
      ...file,
      sha256,
      lfs,
      oid: pointer === undefined ? contentOid : gitBlobOid(pointer),
      pointer,
      xetHash: createHash("sha256").update(`xet\0${sha256}`).digest("hex"),
    });
  }
  const commit = createHash("sha1").update("mockhub commit\n");
  for (const file of files) commit.update(`${file.path}\0${file.size}\0${file.sha256}\n`);
  const times = walked.files.map((f) => f.mtimeMs);
  return {
    id,
    folder,
    sha: commit.digest("hex"),
    files,
    byPath: new Map(files.map((f) => [f.path, f])),
    directories: walked.directories,
    lastModified: new Date(times.length > 0 ? Math.max(...times) : 0),
    createdAt: new Date(times.length > 0 ? Math.min(...times) : 0),
  };
}
