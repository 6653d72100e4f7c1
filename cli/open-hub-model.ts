import { parseModelId, resolveModelRevision } from "#shared/hub";
import { ADAPTER_CONFIG, readAdapterConfig } from "#shared/analyze";
import { chooseOrExplain, type OpenedModel, type OpenModelOptions } from "./open-local-model.ts";
import { openModelFile, type ModelLocation } from "./open-model-file.ts";
import { adapterLineage, mergeLineage } from "#shared/lineage";

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
 * GGUF files needs `file`, or a `…/blob/main/<file>` URL), read by range requests; a PEFT adapter
 * repo's adapter_config.json goes into the description.
 */
export async function openHubModel(target: string, revision: string, env: HubEnvironment, options: OpenModelOptions = {}): Promise<OpenedModel> {
  const ref = parseModelId(target);
  const hubUrl = env.endpoint.replace(/\/+$/, "");
  const resolved = await resolveModelRevision(ref.id, ref.revision ?? revision, { hubUrl, accessToken: env.token });
  const file = options.file ?? fileInUrl(target);
  const location: ModelLocation = { kind: "hub", hubUrl, id: ref.id, sha: resolved.sha, token: env.token };
  const choice = chooseOrExplain(resolved.files.map((f) => f.name), ref.id, { file });
  const open = openModelFile(location);
  const adapter = choice.adapter ? await readAdapterConfig(open(ADAPTER_CONFIG)) : undefined;
  // the card's bases (the Hub's cardData), then the adapter config's; a GGUF file's are added by analyzeModel
  const lineage = mergeLineage(resolved.baseModels, adapterLineage(adapter));
  return {
    model: { files: choice.files, open },
    location,
    description: {
      id: ref.id,
      source: "hub",
      revision: resolved.revision,
      sha: resolved.sha,
      family: resolved.family,
      ...(adapter && { adapter }),
      ...(lineage && { lineage }),
    },
  };
}
