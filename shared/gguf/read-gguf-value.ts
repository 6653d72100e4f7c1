import type { ByteCursor } from "./byte-cursor.ts";
import { GgufError } from "./gguf-error.ts";
import { GGUF_VALUE_TYPES, type GgufValue } from "./gguf-value.ts";
import { readGgufString } from "./read-gguf-string.ts";

/** Longest metadata string accepted (chat templates are tens of kB). */
export const MAX_VALUE_STRING_BYTES = 16 << 20;
/** Arrays up to this length keep their values; longer ones (vocabularies, merges) are read past. */
export const MAX_KEPT_ARRAY = 256;
/** Arrays of arrays nest at most this deep. */
export const MAX_ARRAY_DEPTH = 4;

// bytes of one item: fixed for scalars; the least a string (its length) or an array (type + length) takes
const ITEM_BYTES = [1, 1, 2, 2, 4, 4, 4, 1, 8, 12, 8, 8, 8];
const FIXED = [true, true, true, true, true, true, true, true, false, false, true, true, true];

function integer(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
}

function scalar(cursor: ByteCursor, type: number, what: string): GgufValue {
  switch (type) {
    case 0:
      return cursor.u8();
    case 1:
      return cursor.i8();
    case 2:
      return cursor.u16();
    case 3:
      return cursor.i16();
    case 4:
      return cursor.u32();
    case 5:
      return cursor.i32();
    case 6:
      return cursor.f32();
    case 7: {
      const byte = cursor.u8();
      if (byte > 1) throw new GgufError("invalid_bool", cursor.file, `${what} is a bool of value ${byte} (must be 0 or 1)`);
      return byte === 1;
    }
    case 10:
      return integer(cursor.u64());
    case 11:
      return integer(cursor.i64());
    default:
      return cursor.f64();
  }
}

/**
 * One metadata value of type id `type` (GGUF_VALUE_TYPES), nested arrays included. Every count is
 * checked against the bytes the file still holds before anything is allocated for it.
 */
export async function readGgufValue(cursor: ByteCursor, type: number, what: string, depth = 0): Promise<GgufValue> {
  if (!Number.isInteger(type) || type < 0 || type >= GGUF_VALUE_TYPES.length) {
    throw new GgufError("invalid_value_type", cursor.file, `${what} has value type ${type}, which GGUF does not define`);
  }
  if (type === 8) return readGgufString(cursor, MAX_VALUE_STRING_BYTES, what, false);
  if (type !== 9) {
    if (!cursor.has(ITEM_BYTES[type])) await cursor.fill(ITEM_BYTES[type], what);
    return scalar(cursor, type, what);
  }
  if (!cursor.has(12)) await cursor.fill(12, `the item type and length of ${what}`);
  const itemType = cursor.u32();
  const length = cursor.u64();
  if (itemType >= GGUF_VALUE_TYPES.length) throw new GgufError("invalid_value_type", cursor.file, `${what} is an array of value type ${itemType}, which GGUF does not define`);
  if (itemType === 9 && depth + 1 >= MAX_ARRAY_DEPTH) throw new GgufError("nesting_too_deep", cursor.file, `${what} nests arrays more than ${MAX_ARRAY_DEPTH} deep`);
  if (length > BigInt(Math.floor(cursor.remaining() / ITEM_BYTES[itemType]))) {
    throw new GgufError("truncated", cursor.file, `${what} claims ${length} items of ${GGUF_VALUE_TYPES[itemType]}, more than the ${cursor.remaining()} bytes left in the file can hold`);
  }
  const n = Number(length);
  const keep = n <= MAX_KEPT_ARRAY;
  if (!keep && FIXED[itemType] && itemType !== 7) {
    cursor.skip(n * ITEM_BYTES[itemType], what);
    return { itemType: GGUF_VALUE_TYPES[itemType], length: n, values: null };
  }
  const values: GgufValue[] | null = keep ? [] : null;
  for (let i = 0; i < n; i++) {
    const item = await readGgufValue(cursor, itemType, `${what}[${i}]`, depth + 1);
    values?.push(item);
  }
  return { itemType: GGUF_VALUE_TYPES[itemType], length: n, values };
}
