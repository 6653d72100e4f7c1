import { gramLayout, PACKED_PANEL_BYTES } from "#shared/esd";
import type { LayerPlan } from "#shared/plan";
import { quantizedReadBytes } from "#shared/quantized";
import type { TaskWork } from "./task-message.ts";

/**
 * The stored bytes one task fetches from the Hub: its share of the layer's rows, re-reads
 * included, and against a base the base's rows too. What the cost model charges for streaming and
 * what the bench adds up per model; test/e2e/service.test.ts checks it against the mock Hub's log.
 */
export function taskReadBytes(plan: LayerPlan, work: TaskWork): number {
  // against a base every read streams the base's rows too (a W + B·A layer streams only the base's W)
  const streams = plan.base && !plan.merge ? 2 : 1;
  if (plan.lora) return plan.tensor.end - plan.tensor.begin;
  const { rows, cols, side } = gramLayout(plan);
  // stored bytes a read of rows r0 … r1−1 streams: its share, or for a quantized weight what its reader fetches
  // (GPTQ/AWQ are packed along the inputs, so any row range streams about all of the packed tensor)
  const rowBytes = (r0: number, r1: number) => quantizedReadBytes(plan.tensor, r0, r1)?.streamed ?? ((plan.tensor.end - plan.tensor.begin) * (r1 - r0)) / rows;
  const all = rowBytes(0, rows);
  switch (work.kind) {
    case "layer":
      return streams * all;
    case "packed": {
      // a wide layer's panel J is read as panel I once and again for every later I; delta_W reads once more
      const panel = Math.max(1, Math.min(rows, Math.floor(PACKED_PANEL_BYTES / (cols * 4))));
      const panels = Math.ceil(rows / panel);
      let gram = all;
      if (side === "rows") {
        gram = 0;
        for (let j = 0; j < panels; j++) gram += (panels - j) * rowBytes(j * panel, Math.min(rows, (j + 1) * panel));
      }
      return streams * gram + (plan.base ? streams * all : 0);
    }
    case "tall-part":
      return streams * rowBytes(work.rowStart, work.rowEnd);
    case "wide-block":
      return streams * 2 * rowBytes(0, Math.min(rows, work.panelRows));
    case "wide-band":
      return streams * rowBytes(work.rowStart, rows);
    case "combine":
      // a packed combine reads the layer only for delta_W; another reads it to randomize
      return (work.packed ? plan.base !== undefined : work.randomize) ? streams * all : 0;
  }
}
