import type { ByteSource, TensorInfo } from "../safetensors/types.ts";
import { dtypeByteSize } from "../safetensors/dtype-byte-size.ts";
import { openTorchArchive } from "./open-torch-archive.ts";
import { unpickle } from "./unpickle.ts";
import { stateDictTensors } from "./state-dict-tensors.ts";
import { torchTensorInfo } from "./torch-tensor-info.ts";
import { zipEntryRange } from "./zip-entry-range.ts";
import { PytorchError } from "./pytorch-error.ts";
import type { PyStorage } from "./pickle-values.ts";

const PARALLEL_READS = 8;

/**
 * Every tensor of one torch ≥ 1.6 checkpoint (`pytorch_model.bin`), in its state dict's order, as
 * TensorInfos over the stored ZIP entries of their storages: the directory, data.pkl and one small
 * local header per storage are read, never the weights.
 */
export async function listTorchFileTensors(source: ByteSource, file: string): Promise<TensorInfo[]> {
  const { archive, pickle } = await openTorchArchive(source, file);
  const tensors = stateDictTensors(unpickle(pickle, file), file);
  const storages = [...new Map(tensors.map(([, t]) => [t.storage.key, t.storage])).values()];
  const ranges = new Map<string, { begin: number; end: number }>();
  const resolve = async (storage: PyStorage) => {
    const entry = archive.entries.get(`${archive.prefix}/data/${storage.key}`);
    if (!entry) throw new PytorchError("invalid_storage", file, `storage ${storage.key} has no entry ${archive.prefix}/data/${storage.key}`);
    const range = await zipEntryRange(source, file, entry, archive.directoryOffset);
    const expected = storage.numel * dtypeByteSize(storage.dtype);
    if (range.end - range.begin !== expected) {
      throw new PytorchError("invalid_storage", file, `storage ${storage.key} claims ${storage.numel} ${storage.type} elements (${expected} bytes), but its entry holds ${range.end - range.begin} bytes`);
    }
    ranges.set(storage.key, range);
  };
  for (let i = 0; i < storages.length; i += PARALLEL_READS) await Promise.all(storages.slice(i, i + PARALLEL_READS).map(resolve));
  return tensors.map(([name, tensor]) => torchTensorInfo(name, tensor, ranges.get(tensor.storage.key)!, file));
}
