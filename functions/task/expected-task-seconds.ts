import { gramLayout } from "../../shared/esd/gram-layout.ts";
import { randomReplicaCount } from "../../shared/metrics/randomized-spectrum.ts";
import type { LayerPlan } from "../../shared/plan/types.ts";
import type { TaskWork } from "./task-message.ts";
import { quantizedReadBytes } from "../../shared/quantized/quantized-read-bytes.ts";

// Multiply-adds per second the WASM engine sustains on one core, taken below what was measured
// (docs/edge-limits.md: 2.5·10⁹ for a randomized whole layer, 4.7·10⁹ for a packed one) so the
// estimate errs long; and bytes per second a task streams from the Hub, likewise low.
const MULTIPLY_ADDS_PER_SECOND = 2e9;
const BYTES_PER_SECOND = 50e6;
const OVERHEAD_SECONDS = 1;

/**
 * What one task is expected to cost, in seconds: its Gram products (rows·cols·order per matrix),
 * its eigensolves (order³ per matrix), again for each shuffle when it randomizes (five for a layer
 * of fewer than 100 eigenvalues, as the reference pools them), and the bytes it streams.
 * The job's watchdog gives a task this long (times a margin) before sending it again.
 */
export function expectedTaskSeconds(plan: LayerPlan, work: TaskWork): number {
  if (plan.lora) {
    // a LoRA pair: the Grams A·Aᵀ and BᵀB (r²·in and r²·out), their pivoted Cholesky and the
    // r × r eigensolves (the rare QR fallback costs about as much again); randomized, per shuffle
    // each of B·A's out·in entries (r products) into the Gram of order M, and its eigensolve
    const { r, in: inDim, out } = plan.lora;
    const order = Math.min(inDim, out);
    const shuffles = work.kind === "layer" && work.randomize !== false ? randomReplicaCount(plan) : 0;
    const multiplyAdds = r * r * (inDim + out) + 4 * r ** 3 + shuffles * (out * inDim * (r + order) + order ** 3);
    return OVERHEAD_SECONDS + multiplyAdds / MULTIPLY_ADDS_PER_SECOND + (plan.tensor.end - plan.tensor.begin) / BYTES_PER_SECOND;
  }
  const { rows, cols, order, rf } = gramLayout(plan);
  const gram = rows * cols * order * rf;
  const solve = order ** 3 * rf;
  // stored bytes a read of rows r0 … r1−1 streams: its share, or for a quantized weight what its reader fetches
  // (GPTQ/AWQ are packed along the inputs, so any row range streams about all of the packed tensor)
  const rowBytes = (r0: number, r1: number) => quantizedReadBytes(plan.tensor, r0, r1)?.streamed ?? ((plan.tensor.end - plan.tensor.begin) * (r1 - r0)) / rows;
  const bytes = rowBytes(0, rows);
  const shuffles = randomReplicaCount(plan);
  let multiplyAdds: number;
  let streamed = bytes;
  switch (work.kind) {
    case "layer":
      multiplyAdds = (1 + shuffles) * (gram + solve);
      break;
    case "packed":
      multiplyAdds = gram + solve;
      break;
    case "tall-part":
      multiplyAdds = (gram * (work.rowEnd - work.rowStart)) / rows;
      streamed = rowBytes(work.rowStart, work.rowEnd);
      break;
    case "wide-block":
      multiplyAdds = work.panelRows * work.panelRows * cols * rf;
      streamed = 2 * rowBytes(0, Math.min(rows, work.panelRows));
      break;
    case "combine":
      multiplyAdds = work.randomize ? shuffles * gram + (1 + shuffles) * solve : solve;
      streamed = work.randomize ? bytes : 0;
      break;
  }
  // against a base every read streams the base's rows too (a W + B·A layer streams only the base's W)
  const streams = plan.base && !plan.merge ? 2 : 1;
  return OVERHEAD_SECONDS + multiplyAdds / MULTIPLY_ADDS_PER_SECOND + (streams * streamed) / BYTES_PER_SECOND;
}
