import { gramLayout } from "#shared/esd";
import { randomReplicaCount } from "#shared/metrics";
import type { LayerPlan } from "#shared/plan";
import type { TaskWork } from "./task-message.ts";
import { taskReadBytes } from "./task-read-bytes.ts";

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
    return OVERHEAD_SECONDS + multiplyAdds / MULTIPLY_ADDS_PER_SECOND + taskReadBytes(plan, work) / BYTES_PER_SECOND;
  }
  const { rows, cols, order, rf } = gramLayout(plan);
  const gram = rows * cols * order * rf;
  const solve = order ** 3 * rf;
  const shuffles = randomReplicaCount(plan);
  let multiplyAdds: number;
  switch (work.kind) {
    case "layer":
      multiplyAdds = (1 + shuffles) * (gram + solve);
      break;
    case "packed":
      multiplyAdds = gram + solve;
      break;
    case "tall-part":
      multiplyAdds = (gram * (work.rowEnd - work.rowStart)) / rows;
      break;
    case "wide-block":
      multiplyAdds = work.panelRows * work.panelRows * cols * rf;
      break;
    case "wide-band": {
      // the band's columns against every row from its start: its rectangle below it and its own triangle
      const [start, end] = [work.rowStart, work.rowEnd];
      multiplyAdds = ((end - start) * (rows - end) + ((end - start) * (end - start + 1)) / 2) * cols;
      break;
    }
    case "combine":
      multiplyAdds = work.randomize ? shuffles * gram + (1 + shuffles) * solve : solve;
      break;
  }
  return OVERHEAD_SECONDS + multiplyAdds / MULTIPLY_ADDS_PER_SECOND + taskReadBytes(plan, work) / BYTES_PER_SECOND;
}
