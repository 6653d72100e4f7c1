import type { TensorInfo } from "../safetensors/types.ts";
import type { QuantizationConfig } from "./parse-quantization-config.ts";
import { planGptqWeight } from "./plan-gptq-weight.ts";
import { planAwqWeight } from "./plan-awq-weight.ts";
import { planFp8BlockWeight } from "./plan-fp8-block-weight.ts";
import { planMxfp4Weights } from "./plan-mxfp4-weights.ts";
import { skippedWeight } from "./quantized-weight.ts";

/** A model's tensors with each quantized weight's parts made one TensorInfo, and the scheme found. */
export interface GroupedTensors {
  tensors: TensorInfo[];
  /** quantization_config.quant_method, else the scheme the names say ("gptq", "awq", "fp8", "mxfp4", "bitsandbytes", "compressed-tensors"); null when none */
  method: string | null;
}

const F8 = new Set(["F8_E4M3", "F8_E5M2"]);
/** tensors beside a `.weight` that mark another tool's quantized layout (compressed-tensors, fbgemm, …) */
const OTHER_PARTS = ["_scale", "_zero_point", "_packed", "_shape", "_g_idx", "_global_scale"];
const prefixOf = (name: string, suffix: string) => name.slice(0, name.length - suffix.length);

/**
 * Groups quantized weights (docs/metrics.md §9): GPTQ/AWQ `qweight` + `qzeros` + `scales` (+ `g_idx`),
 * FP8 `weight` + `weight_scale_inv`, MXFP4 `*_blocks` + `*_scales` become one TensorInfo named
 * `….weight` at the place of their packed tensor; their parts leave the listing. bitsandbytes and
 * other schemes' weights stay, listed unreadable with the reason, their parts left out too. The
 * scheme is the config's quant_method when there is one, else told by the names and shapes.
 * `shapes` gives the float shape of weights whose stored shape hides it (bitsandbytes 4-bit's quant_state).
 */
export function groupQuantizedTensors(tensors: readonly TensorInfo[], config: QuantizationConfig | null, shapes: ReadonlyMap<string, number[]> = new Map()): GroupedTensors {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const parts = new Set<string>();
  const found = new Set<string>();
  const take = (name: string) => {
    const t = byName.get(name);
    if (t) parts.add(name);
    return t;
  };
  const replaced = new Map<string, TensorInfo[]>();

  for (const t of tensors) {
    if (t.name.endsWith(".qweight")) {
      const p = prefixOf(t.name, ".qweight");
      const qzeros = take(`${p}.qzeros`);
      const scales = take(`${p}.scales`);
      const gIdx = take(`${p}.g_idx`);
      const awq = config?.method === "awq" || (config?.method !== "gptq" && !gIdx && scales?.shape.length === 2 && t.shape.length === 2 && scales.shape[1] === 8 * t.shape[1]);
      found.add(awq ? "awq" : "gptq");
      replaced.set(t.name, [awq ? planAwqWeight(`${p}.weight`, t, qzeros, scales, config) : planGptqWeight(`${p}.weight`, t, qzeros, scales, gIdx, config)]);
      continue;
    }
    const mx = /(_|\.)blocks$/.exec(t.name);
    if (mx) {
      const p = t.name.slice(0, mx.index);
      const scales = take(`${p}${mx[1]}scales`);
      if (scales) {
        found.add("mxfp4");
        replaced.set(t.name, planMxfp4Weights(p, t, scales));
        continue;
      }
    }
    if (!t.name.endsWith(".weight")) continue;
    const p = prefixOf(t.name, ".weight");
    const scaleInv = take(`${t.name}_scale_inv`);
    if (scaleInv && F8.has(t.dtype)) {
      found.add("fp8");
      replaced.set(t.name, [planFp8BlockWeight(t, scaleInv, config)]);
      continue;
    }
    const bnb4 = tensors.some((o) => o.name.startsWith(`${t.name}.`) && /\.(absmax|quant_map|quant_state\.)/.test(o.name.slice(t.name.length)));
    const bnb8 = byName.has(`${p}.SCB`);
    if (bnb4 || bnb8) {
      for (const o of tensors) if (o.name.startsWith(`${t.name}.`)) parts.add(o.name);
      take(`${p}.SCB`);
      take(`${t.name}_format`);
      found.add("bitsandbytes");
      const kind = bnb4 ? `4-bit (${(tensors.find((o) => o.name.startsWith(`${t.name}.quant_state.bitsandbytes__`))?.name.split("__").pop() ?? config?.bitsandbytes ?? "nf4").toLowerCase()})` : "8-bit (LLM.int8)";
      replaced.set(t.name, [skippedWeight(t.name, t, shapes.get(t.name) ?? t.shape, `bitsandbytes ${kind} weights are not dequantized; analyse the original model`)]);
      continue;
    }
    const other = OTHER_PARTS.map((s) => take(`${t.name}${s}`)).filter((o) => o !== undefined);
    if (scaleInv || other.length > 0) {
      const method = config?.method ?? (F8.has(t.dtype) ? "fp8" : "compressed-tensors");
      found.add(method);
      replaced.set(t.name, [skippedWeight(t.name, t, t.shape, `${method} weights stored as ${t.dtype} with ${[scaleInv, ...other].filter((o) => o).map((o) => o!.name.slice(p.length + 1)).join(", ")} are not dequantized by heavytail; analyse the original model`)]);
    }
  }
  // compressed-tensors' pack-quantized weights have no `.weight` at all: `P.weight_packed` [out, in·bits/32]
  for (const t of tensors) {
    if (!t.name.endsWith(".weight_packed") || byName.has(`${prefixOf(t.name, "_packed")}`)) continue;
    const name = prefixOf(t.name, "_packed");
    for (const s of OTHER_PARTS) take(`${name}${s}`);
    const method = config?.method ?? "compressed-tensors";
    found.add(method);
    const bits = config?.bits ?? 4;
    const shape = t.shape.length === 2 ? [t.shape[0], (t.shape[1] * 32) / bits] : t.shape;
    replaced.set(t.name, [skippedWeight(name, t, shape, `${method} packed ${bits}-bit weights are not dequantized by heavytail; analyse the original model`)]);
  }

  if (replaced.size === 0) return { tensors: [...tensors], method: null };
  const out = tensors.flatMap((t) => replaced.get(t.name) ?? (parts.has(t.name) ? [] : [t]));
  return { tensors: out, method: config?.method ?? ([...found].sort()[0] ?? null) };
}

/** True when some tensor name says the model is quantized, so config.json is worth reading. */
export function looksQuantized(tensors: readonly TensorInfo[]): boolean {
  return tensors.some((t) => /\.(qweight|SCB|absmax)$|(_|\.)blocks$|\.weight_(scale_inv|scale|packed|zero_point)$|\.quant_state\./.test(t.name));
}
