import { httpByteSource } from "../../shared/hub/http-byte-source.ts";
import { hubAuthHeaders, hubFileUrl } from "../../shared/hub/hub-file-url.ts";
import type { ByteSource } from "../../shared/safetensors/types.ts";
import type { ServiceConfig } from "../config.ts";

/**
 * A file of a model at a commit, read with range requests from the configured Hub. Its redirects
 * are followed only to the Hub's own origin and the file hosts the configuration allows.
 */
export function hubFileSource(config: ServiceConfig, id: string, sha: string, file: string): ByteSource {
  return httpByteSource(hubFileUrl(config.hubUrl, id, sha, file), { headers: hubAuthHeaders(config.hubToken), ...(config.redirectHosts ? { redirectHosts: config.redirectHosts } : {}) });
}
