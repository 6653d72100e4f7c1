import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { SiteBuildError } from "./build-error.ts";

export interface ReportText {
  /** where the document came from, for messages */
  source: string;
  text: string;
}

/** Every `*.json` file under `dir` (recursively, in path order), as text. */
export function readReportFolder(dir: string): ReportText[] {
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new SiteBuildError("READ_REPORTS", `no such folder: ${dir}`);
  }
  if (!isDir) throw new SiteBuildError("READ_REPORTS", `not a folder: ${dir}`);
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return files.map((file) => ({ source: relative(process.cwd(), file) || file, text: readFileSync(file, "utf8") }));
}
