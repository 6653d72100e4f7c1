/** GGUF metadata value types, indexed by their id in the file. */
export const GGUF_VALUE_TYPES = ["uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "bool", "string", "array", "uint64", "int64", "float64"] as const;
export type GgufValueType = (typeof GGUF_VALUE_TYPES)[number];

/** A 64-bit integer is a number when it is a safe integer, else a bigint. */
export type GgufScalar = number | bigint | boolean | string;

/** An array value; `values` is null for arrays longer than heavytail keeps (token lists), which are read past. */
export interface GgufArray {
  itemType: GgufValueType;
  length: number;
  values: GgufValue[] | null;
}

export type GgufValue = GgufScalar | GgufArray;

/** One metadata key's type (as written) and value. */
export interface GgufEntry {
  type: GgufValueType;
  value: GgufValue;
}
