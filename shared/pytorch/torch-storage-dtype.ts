import type { Dtype } from "../safetensors/types.ts";

/** The storage types a state dict's tensors may use, by their `torch.<name>` global, with the dtype of their elements. */
export const TORCH_STORAGE_DTYPES: Record<string, Dtype> = {
  FloatStorage: "F32",
  DoubleStorage: "F64",
  HalfStorage: "F16",
  BFloat16Storage: "BF16",
  Float8_e4m3fnStorage: "F8_E4M3",
  Float8_e5m2Storage: "F8_E5M2",
  LongStorage: "I64",
  IntStorage: "I32",
  ShortStorage: "I16",
  CharStorage: "I8",
  ByteStorage: "U8",
  BoolStorage: "BOOL",
  UInt16Storage: "U16",
  UInt32Storage: "U32",
  UInt64Storage: "U64",
  // bytes, as torch pickles an untyped storage
  UntypedStorage: "U8",
};

/** The dtype of a storage global (`torch.FloatStorage` → F32), or undefined for a global that is not a storage heavytail reads. */
export function torchStorageDtype(module: string, name: string): Dtype | undefined {
  if (module === "torch.storage" && name === "UntypedStorage") return "U8";
  if (module !== "torch" || !Object.hasOwn(TORCH_STORAGE_DTYPES, name)) return undefined;
  return TORCH_STORAGE_DTYPES[name];
}
