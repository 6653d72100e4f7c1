import { existsSync } from "node:fs";
import { openHubModel, type HubEnvironment } from "./open-hub-model.ts";
import { openLocalModel, type OpenedModel } from "./open-local-model.ts";
import { looksLikeLocalPath } from "./looks-like-local-path.ts";
import { UsageError } from "./parse-args.ts";

/**
 * The base of a delta analysis (`--base`): a local file or folder, else a Hub model named
 * `org/name[@revision]` (or by a huggingface.co URL, `…/tree/<rev>` included), resolved to the
 * commit the report records. Its weight files are chosen as any model's are.
 */
export async function openBaseModel(target: string, env: HubEnvironment): Promise<OpenedModel> {
  if (existsSync(target)) return openLocalModel(target);
  if (looksLikeLocalPath(target)) throw new UsageError(`--base ${target}: no such file or folder (a Hub model is named org/name[@revision])`);
  // a Hub id holds no '@'; what follows the first one is the revision (which may hold '/': refs/pr/1)
  const at = target.indexOf("@");
  const id = at < 0 ? target : target.slice(0, at);
  const revision = at < 0 ? "main" : target.slice(at + 1);
  if (at >= 0 && revision === "") throw new UsageError(`--base ${target}: no revision after '@'`);
  return openHubModel(id, revision, env);
}
