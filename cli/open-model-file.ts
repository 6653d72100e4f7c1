import { httpByteSource, hubAuthHeaders, hubFileUrl } from "#shared/hub";
import type { ByteSource } from "#shared/safetensors";
import { fileByteSource } from "./file-byte-source.ts";
import { join } from "node:path";

/**
 * Where a model's files are, as plain data: what a worker thread is handed to open the same files
 * itself. A Hub location carries the user's token for the worker's requests; it is never printed.
 */
export type ModelLocation =
  | { kind: "local"; folder: string }
  | { kind: "hub"; hubUrl: string; id: string; sha: string; token?: string };

/** Opens a model's file by its name in the model (a path inside the folder, or inside the Hub commit). */
export function openModelFile(location: ModelLocation): (file: string) => ByteSource {
  if (location.kind === "local") return (file) => fileByteSource(join(location.folder, file));
  const { hubUrl, id, sha, token } = location;
  return (file) => httpByteSource(hubFileUrl(hubUrl, id, sha, file), { headers: hubAuthHeaders(token) });
}
