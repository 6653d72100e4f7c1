import { httpByteSource } from "../shared/hub/http-byte-source.ts";
import { parseModelId } from "../shared/hub/parse-model-id.ts";
import { resolveModelRevision } from "../shared/hub/resolve-model-revision.ts";
import { chooseOrExplain, type OpenedModel, type OpenModelOptions } from "./open-local-model.ts";

export interface HubEnvironment {
  /** HF_ENDPOINT, as the Python client reads it */
  endpoint: string;
  /** HF_TOKEN; sent to the Hub only, never printed */
  token: string | undefined;
}

/** The file a `…/blob/<rev>/<path>` or `…/resolve/<rev>/<path>` URL names, if any. */
export function fileInUrl(target: string): string | undefined {
  const match = /\/(?:blob|resolve)\/[^/]+\/([^?#]+)/.exec(target);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/**
 * A Hub model id or huggingface.co URL, resolved to a commit, its weight files chosen as the
 * service chooses them (`chooseWeightFiles`: safetensors, then `.bin`, then GGUF; a repo of several
 * GGUF files needs `file`, or a `…/blob/main/<file>` URL), read by range requests.
 */
export async function openHubModel(target: string, revision: string, env: HubEnvironment, options: OpenModelOptions = {}): Promise<OpenedModel> {
  const ref = parseModelId(target);
  const hubUrl = env.endpoint.replace(/\/+$/, "");
  const resolved = await resolveModelRevision(ref.id, ref.revision ?? revision, { hubUrl, accessToken: env.token });
  const headers: Record<string, string> = env.token ? { Authorization: `Bearer ${env.token}` } : {};
  const file = options.file ?? fileInUrl(target);
  return {
    model: {
      files: chooseOrExplain(resolved.files.map((f) => f.name), ref.id, { file }),
      open: (name) => httpByteSource(`${hubUrl}/${ref.id}/resolve/${resolved.sha}/${name.split("/").map(encodeURIComponent).join("/")}`, { headers }),
    },
    description: { id: ref.id, source: "hub", revision: resolved.revision, sha: resolved.sha, family: resolved.family },
  };
}
