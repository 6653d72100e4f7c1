import { httpByteSource, hubAuthHeaders, hubFileUrl } from "#shared/hub";
import type { ByteSource } from "#shared/safetensors";
import type { ServiceConfig } from "../config.ts";

/**
 * A file of a model at a commit, read with range requests from the configured Hub. Its redirects
 * are followed only to the Hub's own origin and the file hosts the configuration allows.
 */
export function hubFileSource(config: ServiceConfig, id: string, sha: string, file: string): ByteSource {
  return httpByteSource(hubFileUrl(config.hubUrl, id, sha, file), { headers: hubAuthHeaders(config.hubToken), ...(config.redirectHosts ? { redirectHosts: config.redirectHosts } : {}) });
}
