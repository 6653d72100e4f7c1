import type { TensorInfo } from "../safetensors/types.ts";
import { dtypeByteSize } from "../safetensors/dtype-byte-size.ts";
import { elementCount } from "../safetensors/element-count.ts";
import { PytorchError } from "./pytorch-error.ts";
import type { PyTensor } from "./pickle-values.ts";

/** True when `stride` is the row-major stride of `size` (dimensions of length 1 may have any stride, as in torch). */
export function isContiguous(size: readonly number[], stride: readonly number[]): boolean {
  let expected = 1;
  for (let d = size.length - 1; d >= 0; d--) {
    if (size[d] !== 1 && stride[d] !== expected) return false;
    expected *= size[d];
  }
  return true;
}

/**
 * A pickled tensor as a TensorInfo over its storage's bytes (`storage` = the absolute byte range of
 * its ZIP entry), exactly as a safetensors file would describe it. A view that is not row-major
 * contiguous (a transpose, a slice with a step, an expanded tensor) is listed unreadable.
 */
export function torchTensorInfo(name: string, tensor: PyTensor, storage: { begin: number; end: number }, file: string): TensorInfo {
  const { size, stride, offset } = tensor;
  const dtype = tensor.storage.dtype;
  const element = dtypeByteSize(dtype);
  const fail = (detail: string): never => {
    throw new PytorchError("invalid_tensor", file, detail, name);
  };
  if (!size.every((d) => d >= 0)) fail(`has a negative size [${size.join(", ")}]`);
  const count = elementCount(size);
  if (count === null) return fail(`size [${size.join(", ")}] has too many elements`);
  if (offset < 0) fail(`has a negative storage offset ${offset}`);
  const storageBytes = storage.end - storage.begin;
  const storageElements = storageBytes / element;
  const shape = [...size];
  if (!isContiguous(size, stride)) {
    return {
      name,
      dtype,
      shape,
      begin: storage.begin,
      end: storage.begin,
      file,
      unreadable: `not stored contiguously (size [${size.join(", ")}], stride [${stride.join(", ")}]): a transposed, strided or expanded view, which heavytail does not read`,
    };
  }
  if (count > 0 && offset + count > storageElements) {
    fail(`elements ${offset}..${offset + count} lie outside its storage ${tensor.storage.key} of ${storageElements} ${dtype} values`);
  }
  const begin = storage.begin + offset * element;
  return { name, dtype, shape, begin, end: begin + count * element, file };
}
