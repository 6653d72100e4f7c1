import { httpByteSource } from "../../shared/hub/http-byte-source.ts";
import type { ByteSource } from "../../shared/safetensors/types.ts";
import type { ServiceConfig } from "../config.ts";

/**
 * A file of a model at a commit, read with range requests from the configured Hub. Its redirects
 * are followed only to the Hub's own origin and the file hosts the configuration allows.
 */
export function hubFileSource(config: ServiceConfig, id: string, sha: string, file: string): ByteSource {
  const path = file.split("/").map(encodeURIComponent).join("/");
  const headers: Record<string, string> = config.hubToken ? { authorization: `Bearer ${config.hubToken}` } : {};
  return httpByteSource(`${config.hubUrl}/${id}/resolve/${sha}/${path}`, { headers, ...(config.redirectHosts ? { redirectHosts: config.redirectHosts } : {}) });
}
