import { httpByteSource } from "../shared/hub/http-byte-source.ts";
import { parseModelId } from "../shared/hub/parse-model-id.ts";
import { resolveModelRevision } from "../shared/hub/resolve-model-revision.ts";
import type { OpenedModel } from "./open-local-model.ts";

export interface HubEnvironment {
  /** HF_ENDPOINT, as the Python client reads it */
  endpoint: string;
  /** HF_TOKEN; sent to the Hub only, never printed */
  token: string | undefined;
}

/** A Hub model id or huggingface.co URL, resolved to a commit, its files read by range requests. */
export async function openHubModel(target: string, revision: string, env: HubEnvironment): Promise<OpenedModel> {
  const ref = parseModelId(target);
  const hubUrl = env.endpoint.replace(/\/+$/, "");
  const resolved = await resolveModelRevision(ref.id, ref.revision ?? revision, { hubUrl, accessToken: env.token });
  const headers: Record<string, string> = env.token ? { Authorization: `Bearer ${env.token}` } : {};
  return {
    model: {
      files: resolved.files.map((f) => f.name).filter((f) => f.endsWith(".safetensors") || f === "model.safetensors.index.json"),
      open: (file) => httpByteSource(`${hubUrl}/${ref.id}/resolve/${resolved.sha}/${file.split("/").map(encodeURIComponent).join("/")}`, { headers }),
    },
    description: { id: ref.id, source: "hub", revision: resolved.revision, sha: resolved.sha, family: resolved.family },
  };
}
