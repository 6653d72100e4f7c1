import { ADAPTER_CONFIG, chooseWeightFiles, AdapterConfigError, readAdapterConfig, WeightFilesError } from "#shared/analyze";
import { isSafetensorsIndex, parseSafetensorsIndex, type SafetensorsIndex } from "#shared/safetensors";
import { isPytorchIndex, parsePytorchIndex } from "#shared/pytorch";
import type { AdapterInfo, Lineage } from "#shared/report";
import { adapterLineage, mergeLineage } from "#shared/lineage";
import { ModelLookupError, type ResolvedModel } from "#shared/hub";
import type { BaseComparison } from "../comparison/base-comparison.ts";
import type { JobLimits, ServiceConfig } from "../config.ts";
import type { Env } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import type { JobStatus } from "../job/job-types.ts";
import { getReportText, reportKey } from "../kv/report-store.ts";
import { pointLatest } from "../leaderboard/publish-report.ts";
import { checkGlobalTriggerRate } from "../rate-limit/check-trigger-rate.ts";
import { lookupRevision } from "./revision-lookup.ts";

export const DEFAULT_REVISION = "main";
// an index of a very large model is a few hundred KB; more is not an index
const MAX_INDEX_BYTES = 16 << 20;

export type TriggerOutcome = (
  | { kind: "report"; key: string; id: string; sha: string; reportText: string }
  | { kind: "job"; key: string; id: string; sha: string; status: JobStatus }
) & {
  /** the bases the model's card names (the Hub's cardData), for its comparison with a base */
  cardLineage?: Lineage;
  /** the comparison with the base the card names, when one was started (startBaseComparison) */
  comparison?: BaseComparison;
};

/**
 * Resolves the revision to a commit through the Hub API (one shared lookup a minute per revision),
 * refuses what the service may not publish (private repos, gated ones the operator did not allow),
 * answers the stored report when the key has one, else chooses the weight files (the CLI's policy,
 * chooseWeightFiles), checks their count and size before any weight is read, and starts — or joins
 * — the key's job. Keys use the Hub's own spelling of the id, so every spelling is one model.
 */
export async function startAnalysis(env: Env, config: ServiceConfig, askedId: string, revision: string | null): Promise<TriggerOutcome> {
  const asked = revision ?? DEFAULT_REVISION;
  const defaultBranch = revision === null || revision === DEFAULT_REVISION;
  const resolved = publishable(await lookupPublic(env, askedId, asked), config);
  const { id, sha } = resolved;
  const key = reportKey(id, sha);
  // a lookup cached before cardData was asked for has no baseModels
  const cardLineage = mergeLineage(resolved.baseModels ?? []);
  const reportText = await getReportText(env.REPORTS, id, sha);
  if (reportText !== null) {
    // this is the branch's head now: a pointer left behind by jobs finishing out of order catches up
    if (defaultBranch) await pointLatest(env, id, sha, resolved.lastModified);
    return { kind: "report", key, id, sha, reportText, cardLineage };
  }
  await checkGlobalTriggerRate(env, config.globalTriggersPerMinute);

  const weights = chooseWeightFiles(resolved.files);
  if (weights instanceof WeightFilesError) throw weights;
  const sizes = new Map(resolved.files.map((f) => [f.name, f.size]));
  const weightFiles = await indexedWeightFiles(weights.files, (indexFile) => readIndex(config, id, sha, indexFile), sizes, config.limits);
  const files = weightFiles.filter((name) => !isIndex(name)).map((name) => ({ name, size: sizes.get(name) ?? 0 }));
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > config.maxModelBytes) {
    throw new ApiError(413, "model_too_large", `${id} holds ${total} bytes of weights, more than this service's limit of ${config.maxModelBytes}`);
  }
  const adapter = weights.adapter ? await readAdapter(config, id, sha) : undefined;
  const lineage = mergeLineage(cardLineage?.base_models ?? [], adapterLineage(adapter));
  const job = env.JOBS.get(env.JOBS.idFromName(key));
  const status = await job.start({
    key,
    id,
    sha,
    revision: asked,
    family: resolved.family,
    weightFiles,
    files,
    defaultBranch,
    committed_at: resolved.lastModified,
    ...(adapter && { adapter }),
    ...(lineage && { lineage }),
  });
  return { kind: "job", key, id, sha, status, cardLineage };
}

/**
 * The Hub's answer, with a private repo answered exactly as a missing one: the service's token may
 * open it, but what it reads would be published, and telling "private" from "missing" would make
 * the trigger an oracle for private repo names.
 */
export async function lookupPublic(env: Env, id: string, revision: string): Promise<ResolvedModel> {
  const missing = () => new ApiError(404, "model_not_found", `there is no public model ${id} on the Hub`);
  let resolved: ResolvedModel;
  try {
    resolved = await lookupRevision(env, id, revision);
  } catch (error) {
    if (error instanceof ModelLookupError && (error.code === "model_not_found" || error.code === "hub_unauthorized")) throw missing();
    throw error;
  }
  if (resolved.private) throw missing();
  return resolved;
}

/** Gated repos are analysed (and their reports published) only when the operator named them. */
export function publishable(resolved: ResolvedModel, config: ServiceConfig): ResolvedModel {
  if (resolved.gated !== false && !config.gatedRepos.has(resolved.id)) {
    throw new ApiError(
      403,
      "gated_model",
      `${resolved.id} is gated on the Hub: its weights are shared only with the people its authors accept, so this service does not analyse and publish it (an operator may allow it with GATED_REPOS)`,
    );
  }
  return resolved;
}

/** A PEFT adapter repo's config, read here so the job's report records it; a bad one refuses the repo. */
export async function readAdapter(config: ServiceConfig, id: string, sha: string): Promise<AdapterInfo> {
  try {
    return await readAdapterConfig(hubFileSource(config, id, sha, ADAPTER_CONFIG));
  } catch (error) {
    if (error instanceof AdapterConfigError) throw new ApiError(422, error.code, error.message);
    throw error;
  }
}

export async function readIndex(config: ServiceConfig, id: string, sha: string, file: string): Promise<SafetensorsIndex> {
  const source = hubFileSource(config, id, sha, file);
  const size = await source.size();
  if (size > MAX_INDEX_BYTES) throw new ApiError(422, "invalid_index", `${file} is ${size} bytes, too large for an index`);
  const text = new TextDecoder().decode(await source.read(0, size));
  return isPytorchIndex(file) ? parsePytorchIndex(text, file) : parseSafetensorsIndex(text, file);
}

const isIndex = (file: string) => isSafetensorsIndex(file) || isPytorchIndex(file);
const folderOf = (file: string) => file.slice(0, file.lastIndexOf("/") + 1);

/**
 * The files the job reads: each index (the model's, or each component's in a diffusers pipeline)
 * followed by only the shards it names, once it is known to name few enough that the repo has;
 * files of a folder without an index as chosen.
 */
export async function indexedWeightFiles(
  chosen: readonly string[],
  read: (indexFile: string) => Promise<SafetensorsIndex>,
  sizes: ReadonlyMap<string, number>,
  limits: JobLimits,
): Promise<string[]> {
  const indexed = new Set(chosen.filter(isIndex).map(folderOf));
  const out: string[] = [];
  for (const file of chosen) {
    const folder = folderOf(file);
    if (isIndex(file)) out.push(file, ...checkIndex(await read(file), file, sizes, limits, folder).map((shard) => folder + shard));
    else if (!indexed.has(folder)) out.push(file);
  }
  return out;
}

/** The index's shards, once it is known to name few enough of them, and only files the repo has. */
export function checkIndex(index: SafetensorsIndex, file: string, sizes: ReadonlyMap<string, number>, limits: JobLimits, folder: string): string[] {
  if (index.files.length > limits.maxShards) {
    throw new ApiError(413, "too_many_shards", `${file} names ${index.files.length} shards; this service reads at most ${limits.maxShards}`);
  }
  if (index.weight_map.length > limits.maxTensors) {
    throw new ApiError(413, "too_many_tensors", `${file} names ${index.weight_map.length} tensors; this service reads at most ${limits.maxTensors}`);
  }
  const long = index.weight_map.find(([tensor]) => tensor.length > limits.maxNameLength);
  if (long) throw new ApiError(422, "invalid_index", `${file} names a tensor of ${long[0].length} characters; this service reads names of at most ${limits.maxNameLength}`);
  const absent = index.files.find((shard) => !sizes.has(folder + shard));
  if (absent !== undefined) throw new ApiError(422, "invalid_index", `${file} names the shard ${JSON.stringify(absent.slice(0, 200))}, which the repo does not have`);
  return index.files;
}
