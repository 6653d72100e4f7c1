// Which model a model was made from: model cards, adapters and GGUF metadata, merged into one lineage.
export { adapterLineage } from "./adapter-lineage.ts";
export { cardDataLineage } from "./card-data-lineage.ts";
export { fineTuneBase, firstBase, firstHubBase, isHubId } from "./first-base.ts";
export { isOrgHubId } from "./is-org-hub-id.ts";
export { mergeLineage } from "./merge-lineage.ts";
export { readFrontMatter } from "./read-front-matter.ts";
