import type { TensorInfo } from "./types.ts";
import { SafetensorsError, quoteName } from "./safetensors-error.ts";

/**
 * The data section must be covered exactly: tensors back to back from `dataStart` to `fileSize`,
 * no overlaps, no gaps, nothing past the end (as the safetensors crate requires).
 */
export function checkTensorLayout(file: string, tensors: readonly TensorInfo[], dataStart: number, fileSize: number): void {
  const ordered = [...tensors].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let expected = dataStart;
  let previous: TensorInfo | undefined;
  for (const tensor of ordered) {
    if (tensor.end > fileSize) {
      throw new SafetensorsError(
        "data_past_end",
        file,
        `data_offsets [${tensor.begin - dataStart}, ${tensor.end - dataStart}] run past the end of the file (data section has ${fileSize - dataStart} bytes)`,
        tensor.name,
      );
    }
    if (tensor.begin < expected) {
      throw new SafetensorsError(
        "overlapping_offsets",
        file,
        `data_offsets [${tensor.begin - dataStart}, ${tensor.end - dataStart}] overlap those of tensor ${quoteName(previous!.name)}`,
        tensor.name,
      );
    }
    if (tensor.begin > expected) {
      throw new SafetensorsError(
        "gap_in_offsets",
        file,
        `data bytes ${expected - dataStart}..${tensor.begin - dataStart} before this tensor belong to no tensor`,
        tensor.name,
      );
    }
    expected = tensor.end;
    previous = tensor;
  }
  if (expected < fileSize) {
    throw new SafetensorsError(
      "trailing_data",
      file,
      `${fileSize - expected} bytes after the last tensor's data belong to no tensor`,
      previous?.name,
    );
  }
}
