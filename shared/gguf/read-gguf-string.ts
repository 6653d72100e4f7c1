import type { ByteCursor } from "./byte-cursor.ts";
import { GgufError } from "./gguf-error.ts";

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

/**
 * A GGUF string (u64 length, then that many UTF-8 bytes), refused when longer than `maxBytes` or
 * than the file holds. Keys and tensor names must be valid UTF-8 (`fatal`); metadata values are
 * decoded leniently. `what` names the string in errors.
 */
export async function readGgufString(cursor: ByteCursor, maxBytes: number, what: string, fatal: boolean): Promise<string> {
  if (!cursor.has(8)) await cursor.fill(8, `the length of ${what}`);
  const length = cursor.u64();
  if (length > BigInt(maxBytes)) {
    throw new GgufError("string_too_long", cursor.file, `${what} at byte ${cursor.position - 8} claims ${length} bytes, more than the ${maxBytes} allowed`);
  }
  const n = Number(length);
  if (!cursor.has(n)) await cursor.fill(n, what);
  const bytes = cursor.bytes(n);
  if (!fatal) return lenient.decode(bytes);
  try {
    return strict.decode(bytes);
  } catch {
    throw new GgufError("invalid_utf8", cursor.file, `${what} at byte ${cursor.position - n} is not valid UTF-8`);
  }
}
