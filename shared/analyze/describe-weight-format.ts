import type { LayerPlan } from "../plan/types.ts";
import type { WeightFormat } from "../report/schema.ts";
import { isBlockDtype } from "../safetensors/is-block-dtype.ts";
import { isQuantizedDtype } from "../quantized/is-quantized-dtype.ts";
import type { WeightListing } from "./list-weight-tensors.ts";

/**
 * What a report says of how a model's weights were stored: `model.format` (absent for
 * unquantized safetensors) with whether any analysed layer was dequantized, and the note a reader must see
 * when one was. The CLI's analyzeModel and the service's job both report it this way.
 */
export function describeWeightFormat(listing: Pick<WeightListing, "format">, analysed: LayerPlan[]): { format?: WeightFormat; notes: string[] } {
  if (!listing.format) return { notes: [] };
  const quantized = [...new Set(analysed.map((p) => p.tensor.dtype).filter((d) => isBlockDtype(d) || isQuantizedDtype(d)))].sort();
  const format = { ...listing.format, dequantized: quantized.length > 0 };
  if (quantized.length === 0) return { format, notes: [] };
  if (format.kind === "safetensors") {
    const scheme = format.file_type ? ` (${format.file_type})` : "";
    return {
      format,
      notes: [`Layers stored as ${quantized.join(", ")}${scheme} were dequantized to float32 as the scheme's reference dequantizer does: their metrics describe the quantized weights, not the original model's.`],
    };
  }
  const fileType = format.file_type ? ` (file type ${format.file_type})` : "";
  return {
    format,
    notes: [`Layers stored as ${quantized.join(", ")}${fileType} were dequantized to float32 as llama.cpp does: their metrics describe the quantized weights, not the original model's.`],
  };
}
