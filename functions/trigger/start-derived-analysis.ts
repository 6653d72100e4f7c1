import { chooseWeightFiles, WeightFilesError } from "#shared/analyze";
import type { ResolvedModel } from "#shared/hub";
import { adapterLineage, mergeLineage } from "#shared/lineage";
import { isPytorchIndex } from "#shared/pytorch";
import { isSafetensorsIndex } from "#shared/safetensors";
import type { ServiceConfig } from "../config.ts";
import type { Env } from "../env.ts";
import { ApiError } from "../http/api-error.ts";
import { derivedKey } from "../job/derived-key.ts";
import { getDerivedReportText } from "../job/derived-report-store.ts";
import { checkGlobalTriggerRate } from "../rate-limit/check-trigger-rate.ts";
import { adapterBaseRef } from "./adapter-base-ref.ts";
import type { BaseRef } from "./parse-base-ref.ts";
import { DEFAULT_REVISION, indexedWeightFiles, lookupPublic, publishable, readAdapter, readIndex, type TriggerOutcome } from "./start-analysis.ts";

/** What the analyze request asks of a base: a delta against `base`, or an adapter's with_base (base from the request or its config). */
export interface BaseRequest {
  base: BaseRef | null;
  peft: "with_base" | null;
}

const isIndex = (file: string) => isSafetensorsIndex(file) || isPytorchIndex(file);

/**
 * A trigger of an analysis against a base (docs/api.md, POST /api/analyze with `base` or
 * `peft: "with_base"`): the model and the base are each resolved to a commit with the model's own
 * trust checks (a private or missing base answers 404 as missing, a gated one 403 unless allowed),
 * their weight files chosen and sized before any weight is read (the byte limit is of both
 * together, as the job streams both), and the job keyed by both commits (derivedKey), so its
 * report never replaces the model's own, nor reaches `latest`, the badge or the leaderboard.
 */
export async function startDerivedAnalysis(env: Env, config: ServiceConfig, askedId: string, revision: string | null, request: BaseRequest): Promise<TriggerOutcome> {
  const asked = revision ?? DEFAULT_REVISION;
  const resolved = publishable(await lookupPublic(env, askedId, asked), config);
  const { id, sha } = resolved;
  const model = await weightFilesOf(config, resolved);
  const withBase = request.peft === "with_base";
  if (withBase && !model.adapter) {
    throw new ApiError(422, "not_an_adapter", `${id} is not a PEFT LoRA adapter repo: "peft": "with_base" analyses an adapter with its base; for a fine-tune give only "base"`);
  }
  if (!withBase && model.adapter) {
    throw new ApiError(422, "adapter_delta", `${id} is a LoRA adapter, itself an update of its base: analyse it alone, or with "peft": "with_base"`);
  }
  const adapter = model.adapter ? await readAdapter(config, id, sha) : undefined;
  const baseRef = request.base ?? adapterBaseRef(adapter, id);
  const baseResolved = await resolveBase(env, config, baseRef);
  const base = await weightFilesOf(config, baseResolved);
  if (base.adapter) throw new ApiError(422, "adapter_delta", `the base ${baseResolved.id} is a LoRA adapter: a base must be a full model`);
  const total = model.bytes + base.bytes;
  if (total > config.maxModelBytes) {
    throw new ApiError(413, "model_too_large", `${id} and its base ${baseResolved.id} hold ${total} bytes of weights together, more than this service's limit of ${config.maxModelBytes}`);
  }
  const mode = withBase ? "with_base" : "delta";
  const key = derivedKey(id, sha, { id: baseResolved.id, sha: baseResolved.sha, mode });
  const reportText = await getDerivedReportText(env.REPORTS, key);
  if (reportText !== null) return { kind: "report", key, id, sha, reportText };
  await checkGlobalTriggerRate(env, config.globalTriggersPerMinute);
  const lineage = mergeLineage(resolved.baseModels ?? [], adapterLineage(adapter));
  const job = env.JOBS.get(env.JOBS.idFromName(key));
  const status = await job.start({
    key,
    id,
    sha,
    revision: asked,
    family: resolved.family,
    weightFiles: model.weightFiles,
    files: model.files,
    // never the model's latest: a report against a base is stored apart
    defaultBranch: false,
    committed_at: resolved.lastModified,
    ...(adapter && { adapter }),
    ...(lineage && { lineage }),
    base: { mode, id: baseResolved.id, sha: baseResolved.sha, revision: baseRef.revision ?? DEFAULT_REVISION, weightFiles: base.weightFiles, files: base.files },
  });
  return { kind: "job", key, id, sha, status };
}

/** The base, resolved as a model is and refused as a model would be, the answer saying it is the base. */
async function resolveBase(env: Env, config: ServiceConfig, ref: BaseRef): Promise<ResolvedModel> {
  try {
    return publishable(await lookupPublic(env, ref.id, ref.revision ?? DEFAULT_REVISION), config);
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError(error.status, error.code, `the base: ${error.message}`, error.retryAfter);
    throw error;
  }
}

/** A repo's weight files as the job reads them (indexes first, then their shards), with their sizes. */
async function weightFilesOf(config: ServiceConfig, resolved: ResolvedModel) {
  const weights = chooseWeightFiles(resolved.files);
  if (weights instanceof WeightFilesError) throw weights;
  const sizes = new Map(resolved.files.map((f) => [f.name, f.size]));
  const weightFiles = await indexedWeightFiles(weights.files, (indexFile) => readIndex(config, resolved.id, resolved.sha, indexFile), sizes, config.limits);
  const files = weightFiles.filter((name) => !isIndex(name)).map((name) => ({ name, size: sizes.get(name) ?? 0 }));
  return { weightFiles, files, bytes: files.reduce((sum, f) => sum + f.size, 0), adapter: weights.adapter === true };
}
