import type { ByteSource, SafetensorsHeader, TensorInfo } from "./types.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import { parseTensorEntry } from "./parse-tensor-entry.ts";
import { checkTensorLayout } from "./check-tensor-layout.ts";

/** Largest header accepted, as the safetensors crate caps it: a longer one is hostile or broken. */
export const MAX_HEADER_BYTES = 100_000_000;

const METADATA_KEY = "__metadata__";

function parseMetadata(file: string, value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SafetensorsError("invalid_metadata", file, `${METADATA_KEY} is not an object of strings`);
  }
  const entries = Object.entries(value);
  for (const [key, text] of entries) {
    if (typeof text !== "string") {
      throw new SafetensorsError("invalid_metadata", file, `${METADATA_KEY} value of ${JSON.stringify(key.slice(0, 120))} is not a string`);
    }
  }
  // fromEntries defines own properties, so a hostile "__proto__" key stays a plain key
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * Reads and validates the header of one safetensors file: 8-byte little-endian length, then that
 * many bytes of JSON. Reads nothing beyond the header.
 */
export async function parseSafetensorsHeader(source: ByteSource, file: string): Promise<SafetensorsHeader> {
  const fileSize = await source.size();
  if (fileSize < 8) {
    throw new SafetensorsError("file_too_short", file, `file has ${fileSize} bytes, fewer than the 8-byte header length`);
  }
  const prefix = await source.read(0, 8);
  const view = new DataView(prefix.buffer, prefix.byteOffset, 8);
  const high = view.getUint32(4, true);
  const headerLength = high * 2 ** 32 + view.getUint32(0, true);
  if (high !== 0 || headerLength > MAX_HEADER_BYTES) {
    throw new SafetensorsError("header_too_large", file, `header length ${headerLength} exceeds the ${MAX_HEADER_BYTES}-byte limit`);
  }
  if (8 + headerLength > fileSize) {
    throw new SafetensorsError("header_past_end", file, `header length ${headerLength} runs past the end of the ${fileSize}-byte file`);
  }

  const headerBytes = await source.read(8, headerLength);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(headerBytes));
  } catch (error) {
    throw new SafetensorsError("invalid_header_json", file, `header is not valid UTF-8 JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SafetensorsError("header_not_object", file, "header JSON is not an object of tensors");
  }

  const dataStart = 8 + headerLength;
  let metadata: Record<string, string> = {};
  const tensors: TensorInfo[] = [];
  for (const [name, entry] of Object.entries(parsed)) {
    if (name === METADATA_KEY) metadata = parseMetadata(file, entry);
    else tensors.push(parseTensorEntry(file, name, entry, dataStart));
  }
  checkTensorLayout(file, tensors, dataStart, fileSize);
  return { file, headerLength, metadata, tensors };
}
