import type { TensorInfo } from "./types.ts";
import { DTYPES, PART_DTYPES, type PartDtype } from "./types.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import { isDtype } from "./is-dtype.ts";
import { dtypeByteSize } from "./dtype-byte-size.ts";
import { elementCount } from "./element-count.ts";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/**
 * Checks one tensor entry of a safetensors header (`{dtype, shape, data_offsets}`) and turns its
 * offsets, relative to the data section, into absolute file offsets (`dataStart` = 8 + header length).
 */
export function parseTensorEntry(file: string, name: string, entry: unknown, dataStart: number): TensorInfo {
  const fail = (code: ConstructorParameters<typeof SafetensorsError>[0], detail: string): never => {
    throw new SafetensorsError(code, file, detail, name);
  };
  if (!isPlainObject(entry)) return fail("invalid_tensor_entry", `entry is ${describe(entry)}, not an object with dtype, shape and data_offsets`);
  const { dtype, shape, data_offsets: offsets } = entry;
  const part = (PART_DTYPES as readonly unknown[]).includes(dtype);
  if (!isDtype(dtype) && !part) {
    return fail("unknown_dtype", `dtype ${describe(dtype)} is not one heavytail reads (${DTYPES.join(", ")})`);
  }
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    return fail("invalid_shape", `shape ${describe(shape)} is not a list of non-negative integers`);
  }
  const count = elementCount(shape);
  if (count === null) return fail("invalid_shape", `shape ${describe(shape)} has too many elements`);
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) ||
    offsets[0] > offsets[1]
  ) {
    return fail("invalid_offsets", `data_offsets ${describe(offsets)} is not a pair [begin, end] of integers with 0 ≤ begin ≤ end`);
  }
  const [begin, end] = offsets as [number, number];
  // a part dtype (F8_E8M0, MXFP4's scales) is one byte per element
  const needed = count * (part ? 1 : dtypeByteSize(dtype as Parameters<typeof dtypeByteSize>[0]));
  if (end - begin !== needed) {
    return fail(
      "size_mismatch",
      `shape ${describe(shape)} of ${dtype} needs ${needed} bytes, but data_offsets [${begin}, ${end}] span ${end - begin}`,
    );
  }
  const info: TensorInfo = { name, dtype: dtype as TensorInfo["dtype"], shape: [...shape], begin: dataStart + begin, end: dataStart + end, file };
  if (part) info.unreadable = `its type ${dtype as PartDtype} holds the scales of a quantized weight (MXFP4), read only with that weight`;
  return info;
}
