import type { TensorInfo } from "../safetensors/types.ts";
import { elementCount } from "../safetensors/element-count.ts";
import { dtypeLayout } from "../safetensors/dtype-layout.ts";
import { quoteName } from "../safetensors/safetensors-error.ts";
import { GgufError } from "./gguf-error.ts";
import { ggmlType } from "./ggml-types.ts";
import type { GgufHeader } from "./parse-gguf-header.ts";

/**
 * The header's tensors as TensorInfos, in header order, names as written. GGUF lists dimensions
 * fastest-varying first (ne[0] = columns), so the shape is ne reversed: a 2-D tensor with
 * ne = [cols, rows] is the row-major rows × cols matrix, as a safetensors file of the same weights
 * has it. Checks each tensor's type, that its rows are whole blocks, and that its bytes are aligned,
 * inside the file and overlap no other tensor's. Types heavytail does not decode (i-quants …) are
 * listed as unreadable: "unsupported quantization IQ2_XS".
 */
export function ggufTensorInfos(header: GgufHeader): TensorInfo[] {
  const { file, dataStart, fileSize, alignment } = header;
  const tensors = header.tensors.map((entry): TensorInfo => {
    const { name, ne, typeId, offset } = entry;
    const type = ggmlType(typeId);
    if (!type) throw new GgufError("unknown_tensor_type", file, `has ggml type id ${typeId}, which this version of heavytail does not know`, name);
    const count = elementCount(ne);
    if (count === null) throw new GgufError("invalid_dimensions", file, `dimensions [${ne.join(", ")}] have too many elements`, name);
    if (ne.length > 0 && ne[0] % type.valuesPerBlock !== 0) {
      throw new GgufError("partial_block", file, `rows of ${ne[0]} values are not whole ${type.dtype} blocks of ${type.valuesPerBlock}`, name);
    }
    if (count % type.valuesPerBlock !== 0) throw new GgufError("partial_block", file, `${count} values are not whole ${type.dtype} blocks`, name);
    const bytes = (count / type.valuesPerBlock) * type.bytesPerBlock;
    if (offset % alignment !== 0) throw new GgufError("misaligned_offset", file, `data offset ${offset} is not a multiple of the alignment ${alignment}`, name);
    const begin = dataStart + offset;
    const end = begin + bytes;
    if (!Number.isSafeInteger(end) || end > fileSize) {
      throw new GgufError("data_past_end", file, `its ${bytes} bytes at data offset ${offset} run past the end of the file (the data section has ${fileSize - dataStart} bytes)`, name);
    }
    const info: TensorInfo = { name, dtype: type.dtype, shape: [...ne].reverse(), begin, end, file };
    if (dtypeLayout(type.dtype).decode === null) info.unreadable = `unsupported quantization ${type.dtype}`;
    return info;
  });
  const ordered = tensors.filter((t) => t.end > t.begin).sort((a, b) => a.begin - b.begin);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].begin < ordered[i - 1].end) {
      throw new GgufError("overlapping_data", file, `its bytes overlap those of tensor ${quoteName(ordered[i - 1].name)}`, ordered[i].name);
    }
  }
  return tensors;
}
