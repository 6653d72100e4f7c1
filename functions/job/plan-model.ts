import { describeWeightFormat, listWeightTensors, summarizeTensors } from "#shared/analyze";
import { planLayers, type LayerPlan } from "#shared/plan";
import type { BaseModelRef, WeightFormat } from "#shared/report";
import type { ByteSource } from "#shared/safetensors";
import type { JobLimits } from "../config.ts";
import { ApiError } from "../http/api-error.ts";
import { planAgainstBase, type BasePlanInput } from "./plan-against-base.ts";

/**
 * The most a header (or index) read may ask for at once. The format allows 100 MB; a Worker with
 * 128 MB cannot hold that and parse it, and real headers are kilobytes (a few MB for the largest
 * models), so anything above this is refused as a header bomb.
 */
export const MAX_HEADER_READ_BYTES = 16 << 20;

export interface ModelPlan {
  plans: LayerPlan[];
  parameters: number;
  dtypes: string[];
  /** how the weights were stored (absent for safetensors) and what the report must note of it */
  format?: WeightFormat;
  notes: string[];
  /** the architecture the files name themselves (GGUF), when the Hub's config named none */
  family: string | null;
  /** the bases a GGUF file's metadata names (general.base_model.*), empty otherwise */
  baseModels: BaseModelRef[];
}

export type PlanLimits = Pick<JobLimits, "maxTensors" | "maxLayers" | "maxNameLength" | "headerConcurrency"> & { maxModelBytes: number };

/**
 * Reads the weight files' headers (range requests, a few at a time; the index for sharded models;
 * safetensors, PyTorch or GGUF), plans the layers (docs/metrics.md §1–2) and enforces the
 * service's limits — bytes, tensors, layers, name lengths — before any weight is streamed.
 */
export async function planModel(files: string[], open: (file: string) => ByteSource, limits: PlanLimits, base?: BasePlanInput): Promise<ModelPlan> {
  const capped = (file: string) => capReads(open(file), MAX_HEADER_READ_BYTES);
  const listing = await listWeightTensors({ files, open: capped, concurrency: limits.headerConcurrency });
  // the base's headers are read as the model's, under the same caps
  const baseListing = base
    ? await listWeightTensors({ files: base.files, open: (file) => capReads(base.open(file), MAX_HEADER_READ_BYTES), concurrency: limits.headerConcurrency })
    : null;
  const { tensors } = listing;
  if (tensors.length > limits.maxTensors) {
    throw new ApiError(413, "too_many_tensors", `the model's files list ${tensors.length} tensors; this service reads at most ${limits.maxTensors}`);
  }
  const long = tensors.find((t) => t.name.length > limits.maxNameLength);
  if (long) throw new ApiError(422, "invalid_weights", `${long.file} names a tensor of ${long.name.length} characters; this service reads names of at most ${limits.maxNameLength}`);
  const baseTensors = baseListing?.tensors ?? [];
  if (baseTensors.length > limits.maxTensors) {
    throw new ApiError(413, "too_many_tensors", `the base's files list ${baseTensors.length} tensors; this service reads at most ${limits.maxTensors}`);
  }
  const baseLong = baseTensors.find((t) => t.name.length > limits.maxNameLength);
  if (baseLong) throw new ApiError(422, "invalid_weights", `the base's ${baseLong.file} names a tensor of ${baseLong.name.length} characters; this service reads names of at most ${limits.maxNameLength}`);
  // a delta streams both models: the limit is of the two together
  const tensorBytes = [...tensors, ...baseTensors].reduce((sum, t) => sum + (t.end - t.begin), 0);
  if (tensorBytes > limits.maxModelBytes) {
    throw new ApiError(413, "model_too_large", `the ${base ? "model's and base's" : "model's"} tensors hold ${tensorBytes} bytes, more than this service's limit of ${limits.maxModelBytes}`);
  }
  const plans = base && baseListing ? planAgainstBase(listing, baseListing, base.mode) : planLayers(tensors);
  const analysed = plans.filter((p) => p.skip_reason === undefined).length;
  if (analysed > limits.maxLayers) {
    throw new ApiError(413, "too_many_layers", `the model has ${analysed} layers to analyse; one report of this service holds at most ${limits.maxLayers}`);
  }
  const { format, notes } = describeWeightFormat(listing, plans.filter((p) => p.skip_reason === undefined));
  const baseModels = listing.baseModels ?? [];
  return { plans, ...summarizeTensors(tensors), ...(format ? { format } : {}), notes, family: listing.family, baseModels };
}

function capReads(source: ByteSource, maxBytes: number): ByteSource {
  return {
    name: source.name,
    size: () => source.size(),
    async read(offset, length) {
      if (length > maxBytes) {
        throw new ApiError(422, "invalid_safetensors", `${source.name}: a header of ${length} bytes is larger than this service reads (${maxBytes})`);
      }
      return source.read(offset, length);
    },
    stream: (offset, length) => source.stream(offset, length),
  };
}
