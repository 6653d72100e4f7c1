import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { MockHubError } from "./mock-hub-error.ts";
import type { RepoSettings } from "./types.ts";
import { validateRepoFaults } from "./validate-repo-faults.ts";

export const SETTINGS_FILE = ".mockhub.json";

/** Reads `.mockhub.json` from a repo folder; `{}` when there is none. A malformed one is an error, not a silent default. */
export async function readRepoSettings(folder: string): Promise<RepoSettings> {
  let text: string;
  try {
    text = await readFile(join(folder, SETTINGS_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new MockHubError("BadSettings", `${join(folder, SETTINGS_FILE)} is not JSON: ${(error as Error).message}`, 500);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new MockHubError("BadSettings", `${join(folder, SETTINGS_FILE)} must hold a JSON object`, 500);
  }
  const settings = raw as Record<string, unknown>;
  const bad = (key: string, want: string) =>
    new MockHubError("BadSettings", `${join(folder, SETTINGS_FILE)}: "${key}" must be ${want}`, 500);
  const known = ["gated", "private", "token", "faults", "pipeline_tag", "library_name", "tags", "downloads", "likes"];
  const unknown = Object.keys(settings).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new MockHubError("BadSettings", `${join(folder, SETTINGS_FILE)}: unknown key(s) ${unknown.join(", ")}; known: ${known.join(", ")}`, 500);
  }
  if (settings.gated !== undefined && ![true, false, "auto", "manual"].includes(settings.gated as never)) throw bad("gated", 'true, false, "auto" or "manual"');
  if (settings.private !== undefined && typeof settings.private !== "boolean") throw bad("private", "a boolean");
  if (settings.token !== undefined && (typeof settings.token !== "string" || !settings.token.startsWith("hf_"))) throw bad("token", 'a string starting with "hf_"');
  if ((settings.gated || settings.private) && settings.token === undefined) throw bad("token", "set for a gated or private repo");
  for (const key of ["pipeline_tag", "library_name"]) {
    if (settings[key] !== undefined && typeof settings[key] !== "string") throw bad(key, "a string");
  }
  for (const key of ["downloads", "likes"]) {
    if (settings[key] !== undefined && !Number.isInteger(settings[key])) throw bad(key, "an integer");
  }
  if (settings.tags !== undefined && !(Array.isArray(settings.tags) && settings.tags.every((t) => typeof t === "string"))) throw bad("tags", "an array of strings");
  if (settings.faults !== undefined) {
    try {
      settings.faults = validateRepoFaults(settings.faults);
    } catch (error) {
      throw new MockHubError("BadSettings", `${join(folder, SETTINGS_FILE)}: ${(error as Error).message}`, 500);
    }
  }
  return settings as RepoSettings;
}
