import { chooseWeightFiles, PYTORCH_INDEX, SAFETENSORS_INDEX } from "../../shared/analyze/choose-weight-files.ts";
import { WeightFilesError } from "../../shared/analyze/weight-files-error.ts";
import { resolveModelRevision } from "../../shared/hub/resolve-model-revision.ts";
import { parsePytorchIndex } from "../../shared/pytorch/parse-pytorch-index.ts";
import { parseSafetensorsIndex } from "../../shared/safetensors/parse-safetensors-index.ts";
import type { ServiceConfig } from "../config.ts";
import type { Env } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import type { JobStatus } from "../job/job-types.ts";
import { getReportText, reportKey } from "../kv/report-store.ts";

export const DEFAULT_REVISION = "main";
// an index of a very large model is a few hundred KB; more is not an index
const MAX_INDEX_BYTES = 16 << 20;

export type TriggerOutcome =
  | { kind: "report"; key: string; id: string; sha: string; reportText: string }
  | { kind: "job"; key: string; id: string; sha: string; status: JobStatus };

/**
 * Resolves the revision to a commit through the Hub API, answers the stored report when the key
 * has one, else chooses the weight files (safetensors, else PyTorch, else GGUF: the CLI's policy,
 * chooseWeightFiles), checks their total size before any weight is read, and starts — or joins —
 * the key's job.
 */
export async function startAnalysis(env: Env, config: ServiceConfig, id: string, revision: string | null): Promise<TriggerOutcome> {
  const asked = revision ?? DEFAULT_REVISION;
  const resolved = await resolveModelRevision(id, asked, { hubUrl: config.hubUrl, accessToken: config.hubToken });
  const key = reportKey(id, resolved.sha);
  const reportText = await getReportText(env.REPORTS, id, resolved.sha);
  if (reportText !== null) return { kind: "report", key, id, sha: resolved.sha, reportText };

  const weights = chooseWeightFiles(resolved.files);
  if (weights instanceof WeightFilesError) throw weights;
  const index = weights.files.find((f) => f === SAFETENSORS_INDEX || f === PYTORCH_INDEX) ?? null;
  const shards = index === null ? weights.files : await readShardNames(config, id, resolved.sha, index);
  const sizes = new Map(resolved.files.map((f) => [f.name, f.size]));
  const files = shards.map((name) => ({ name, size: sizes.get(name) ?? 0 }));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > config.maxModelBytes) {
    throw new ApiError(413, "model_too_large", `${id} holds ${total} bytes of weights, more than this service's limit of ${config.maxModelBytes}`);
  }
  const job = env.JOBS.get(env.JOBS.idFromName(key));
  const status = await job.start({
    key,
    id,
    sha: resolved.sha,
    revision: asked,
    family: resolved.family,
    weightFiles: index === null ? shards : [index, ...shards],
    files,
    defaultBranch: revision === null || revision === DEFAULT_REVISION,
  });
  return { kind: "job", key, id, sha: resolved.sha, status };
}

async function readShardNames(config: ServiceConfig, id: string, sha: string, index: string): Promise<string[]> {
  const source = hubFileSource(config, id, sha, index);
  const size = await source.size();
  if (size > MAX_INDEX_BYTES) throw new ApiError(422, "invalid_index", `${index} is ${size} bytes, too large for an index`);
  const text = new TextDecoder().decode(await source.read(0, size));
  return (index === PYTORCH_INDEX ? parsePytorchIndex(text, index) : parseSafetensorsIndex(text, index)).files;
}
