import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { SETTINGS_FILE } from "./read-repo-settings.ts";

export interface WalkedFile {
  /** repo-relative path with `/` separators */
  path: string;
  absPath: string;
  size: number;
  mtimeMs: number;
}

export interface WalkedRepo {
  files: WalkedFile[];
  /** repo-relative folder paths */
  directories: string[];
}

/**
 * Regular files and folders of a repo folder, sorted by path. Symlinks and special files are left
 * out (a link could point outside the mount), as are `.git/` and the mock's own `.mockhub.json`.
 */
export async function walkRepoFiles(folder: string): Promise<WalkedRepo> {
  const files: WalkedFile[] = [];
  const directories: string[] = [];
  async function visit(absDir: string, relDir: string): Promise<void> {
    const entries = await readdir(absDir, { withFileTypes: true });
    for (const entry of entries) {
      const rel = relDir === "" ? entry.name : `${relDir}/${entry.name}`;
      const abs = join(absDir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === ".git") continue;
        directories.push(rel);
        await visit(abs, rel);
      } else if (entry.isFile()) {
        if (rel === SETTINGS_FILE) continue;
        const stat = await lstat(abs);
        files.push({ path: rel, absPath: abs, size: stat.size, mtimeMs: stat.mtimeMs });
      }
    }
  }
  await visit(folder, "");
  const byPath = (a: { path: string } | string, b: { path: string } | string) => {
    const x = typeof a === "string" ? a : a.path;
    const y = typeof b === "string" ? b : b.path;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  files.sort(byPath);
  directories.sort(byPath);
  return { files, directories };
}
