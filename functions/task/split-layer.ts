import { randomReplicaCount } from "#shared/metrics";
import { gramLayout, PACKED_PANEL_BYTES } from "#shared/esd";
import type { LayerPlan } from "#shared/plan";
import { loraLayerBytes } from "#shared/analyze";
import { quantizedReadBytes } from "#shared/quantized";
import { BAND_PANEL_BYTES } from "#shared/linalg";
import type { TaskWork } from "./task-message.ts";
import { baseReadBytes } from "./base-read-bytes.ts";

export interface EdgeLimits {
  /** multiply-adds one task may spend on a Gram (≈ rows·cols·order·rf for a whole layer) */
  maxTaskFlops: number;
  /** bytes of memory one task may use for its Grams and buffers (a Worker has 128 MB in all) */
  maxTaskBytes: number;
  /** the engine can take a dense layer's eigenvalues with its Gram packed in place (LayerEngine.packed) */
  packed?: boolean;
}

/** What one task may spend by default (docs/edge-limits.md): EDGE_TASK_FLOPS and EDGE_TASK_BYTES override these. */
export const DEFAULT_EDGE_LIMITS: EdgeLimits = { maxTaskFlops: 2e10, maxTaskBytes: 96 * 2 ** 20 };

export type LayerTasks =
  | { ok: true; tasks: { id: string; work: TaskWork }[] }
  | { ok: false; reason: string };

// Grams are float64; randomization holds the layer's values as float32
const BYTES_PER_VALUE = 8;
const BYTES_PER_WEIGHT = 4;
// the WASM engine accumulates into a packed copy (half a Gram) beside the JS Grams it hands back,
// and solves a packed copy again; it stages rows in 8 MiB (docs/edge-limits.md, measured)
const WASM_COPY = 0.5;
const STAGING_BYTES = 8 * 2 ** 20;
// the packed path's two float32 row panels (wide layers) and the stream's chunks
const PACKED_BUFFERS = 2 * PACKED_PANEL_BYTES + 2 * 2 ** 20;
/** bytes of the chunks a band's task writes its part to KV in (it holds two: the first, and the one it fills) */
export const BAND_CHUNK_BYTES = 4 << 20;

/** A layer's own task id (its whole task, or the combine of its parts): the layer id, zero-padded so ids sort by layer. */
export const layerTaskId = (layerId: number): string => String(layerId).padStart(6, "0");

/**
 * A LoRA pair's lora_BA layer is always one task: it holds A and B and r-wide products, never
 * B·A (docs/metrics.md §10). Its randomization streams the shuffled B·A into an M × M Gram
 * (M = min(out, in)), once per shuffle: it runs where that Gram and its products fit one task,
 * as a whole dense layer's does; elsewhere the layer is measured without it.
 */
function loraTask(plan: LayerPlan, limits: EdgeLimits): LayerTasks {
  const id = layerTaskId(plan.layer_id);
  const lora = plan.lora!;
  const bytes = loraLayerBytes(lora) + STAGING_BYTES;
  if (bytes > limits.maxTaskBytes) {
    return { ok: false, reason: `too large for the edge lane: its LoRA pair needs ${mb(bytes)} MB, more than the ${mb(limits.maxTaskBytes)} MB a task may use (docs/edge-limits.md)` };
  }
  const order = Math.min(lora.out, lora.in);
  const shuffleFlops = (randomReplicaCount(plan) * lora.out * lora.in * order) / 2;
  const randomize = loraLayerBytes(lora, true) + STAGING_BYTES <= limits.maxTaskBytes && shuffleFlops <= limits.maxTaskFlops;
  return { ok: true, tasks: [{ id, work: randomize ? { kind: "layer" } : { kind: "layer", randomize: false } }] };
}

/**
 * How one layer is computed on Workers: as one task when its Gram product and memory fit one
 * invocation, else as parts plus a combine task (see TaskWork). Randomization needs the whole
 * matrix in memory, so it runs only where the matrix and the Grams fit together. A layer whose
 * Grams alone exceed the memory budget cannot be done on the edge and says so.
 */
export function splitLayer(plan: LayerPlan, edge: EdgeLimits): LayerTasks {
  if (plan.lora) return loraTask(plan, edge);
  // against a base a task also holds the base's stream (or the adapter's lora_A and lora_B)
  const limits = { ...edge, maxTaskBytes: edge.maxTaskBytes - baseReadBytes(plan) };
  const layout = gramLayout(plan);
  const { rows, cols, rf, order } = layout;
  const id = layerTaskId(plan.layer_id);
  const gramBytes = rf * order * order * BYTES_PER_VALUE;
  // a quantized weight's reader holds its packed words while it dequantizes (float32 values count as any layer's)
  const packedHeld = quantizedReadBytes(plan.tensor, 0, rows)?.held ?? 0;
  // a combine task holds the Grams and one more part of the same size while adding them up
  if (2 * gramBytes > limits.maxTaskBytes) {
    const packedBytes = ((order * (order + 1)) / 2) * BYTES_PER_VALUE + STAGING_BYTES + PACKED_BUFFERS + packedHeld;
    if (limits.packed && plan.layer_type === "dense" && packedBytes <= limits.maxTaskBytes) {
      // a wide one by bands, which read it ≤ 2×, rather than by pairs of panels, which re-read it (≈ 11× for 4096 × 11008)
      const bands = layout.side === "rows" ? wideBands(rows, cols, limits.maxTaskBytes - packedHeld) : null;
      if (!bands) return { ok: true, tasks: [{ id, work: { kind: "packed" } }] };
      const parts = bands.map(([rowStart, rowEnd], k) => ({ task: `${id}:w${String(k).padStart(3, "0")}`, work: { kind: "wide-band", rowStart, rowEnd } as const }));
      return { ok: true, tasks: [...parts.map((p) => ({ id: p.task, work: p.work })), { id, work: { kind: "combine", parts, randomize: false, packed: true } }] };
    }
    return {
      ok: false,
      reason: `too large for the edge lane: its ${rf}×${order}² float64 Gram needs ${mb(gramBytes)} MB, twice that while combining, more than the ${mb(limits.maxTaskBytes)} MB a task may use (docs/edge-limits.md)`,
    };
  }
  // a whole randomized layer holds its values (read once) beside its Grams and the engine's packed copy
  const wholeBytes = (1 + WASM_COPY) * gramBytes + rows * cols * rf * BYTES_PER_WEIGHT + STAGING_BYTES + packedHeld;
  const randomize = wholeBytes <= limits.maxTaskBytes;
  const flops = rows * cols * order * rf;
  // the limit is for a layer and one shuffle; a small layer's pooled shuffles (the reference's five) count too
  const wholeFlops = (flops * (1 + randomReplicaCount(plan))) / 2;
  if (randomize && wholeFlops <= limits.maxTaskFlops) return { ok: true, tasks: [{ id, work: { kind: "layer" } }] };

  const parts: { task: string; work: TaskWork }[] = [];
  if (layout.side === "columns") {
    const count = Math.max(1, Math.min(rows, Math.ceil(flops / limits.maxTaskFlops)));
    for (let k = 0; k < count; k++) {
      const rowStart = Math.floor((k * rows) / count);
      const rowEnd = Math.floor(((k + 1) * rows) / count);
      parts.push({ task: `${id}:p${String(k).padStart(4, "0")}`, work: { kind: "tall-part", rowStart, rowEnd } });
    }
  } else {
    // a block of p rows by p rows costs p·p·cols·rf; its panels (2·p·cols·rf values) must fit too
    const byFlops = Math.floor(Math.sqrt(limits.maxTaskFlops / (cols * rf)));
    const byMemory = Math.floor(limits.maxTaskBytes / (3 * cols * rf * BYTES_PER_VALUE));
    const panelRows = Math.max(1, Math.min(rows, byFlops, byMemory));
    const panels = Math.ceil(rows / panelRows);
    for (let i = 0; i < panels; i++) {
      for (let j = 0; j <= i; j++) {
        parts.push({ task: `${id}:b${String(i).padStart(3, "0")}-${String(j).padStart(3, "0")}`, work: { kind: "wide-block", i, j, panelRows } });
      }
    }
  }
  return { ok: true, tasks: [...parts.map((p) => ({ id: p.task, work: p.work })), { id, work: { kind: "combine", parts, randomize } }] };
}

/**
 * The lower bands a wide layer's packed Gram is built in, one task each (wasmLowerBand): each task
 * holds its band's rows of W as float32 beside a streamed panel, its rows of the Gram's scratch,
 * the kernel's micro-panels and the two chunks of its part, and reads W from its band's start on.
 * Bands are as tall as that memory allows, from the top, so the reads add up to
 * rows · (1 + (1 − h) + (1 − 2h) + …) for a band of h · rows (1.85× the layer for 4096 × 11008).
 * Null when not even a one-row band fits.
 */
function wideBands(rows: number, cols: number, maxBytes: number): [number, number][] | null {
  const panelRows = Math.max(1, Math.floor(BAND_PANEL_BYTES / (4 * cols)));
  const fixed = 2 * panelRows * cols * 4 + panelRows * (rows + 1) * BYTES_PER_VALUE + STAGING_BYTES + 2 * BAND_CHUNK_BYTES + 2 * 2 ** 20;
  const bandRows = Math.min(rows, Math.floor((maxBytes - fixed) / (cols * BYTES_PER_WEIGHT + panelRows * BYTES_PER_VALUE)));
  if (!(bandRows >= 1)) return null;
  const bands: [number, number][] = [];
  for (let start = 0; start < rows; start += bandRows) bands.push([start, Math.min(rows, start + bandRows)]);
  return bands;
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0);
}
