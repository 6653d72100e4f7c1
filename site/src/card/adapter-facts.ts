import type { AdapterInfo } from "#shared/report";
import { isOrgHubId } from "#shared/lineage";
import { html, type Html } from "./html.ts";

/**
 * The provenance rows of a PEFT adapter (adapter_config.json): what it adapts and how, and that
 * its layers are the lora_BA products, each with its r eigenvalues (docs/metrics.md §10).
 */
export function adapterFacts(adapter: AdapterInfo): Html {
  const base = adapter.base_model_name_or_path;
  const targets = adapter.target_modules;
  return html`<dt>adapter</dt> <dd>${adapter.peft_type ?? "PEFT"} adapter, r ${adapter.r ?? "?"}, lora_alpha ${adapter.lora_alpha ?? "?"}; its layers are the products B·A of its lora_A/lora_B pairs (lora_BA), each with its r nonzero eigenvalues</dd><dt>base model</dt> <dd>${
    base === null ? "not named" : isOrgHubId(base) ? html`<a href="https://huggingface.co/${base}" rel="noopener">${base}</a>` : html`<span class="mono">${base}</span>`
  }</dd><dt>target modules</dt> <dd class="mono">${targets === null ? "—" : Array.isArray(targets) ? targets.join(", ") : targets}</dd>`;
}
