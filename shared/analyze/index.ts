// What runs a model's analysis end to end: choosing its weight files, planning and analysing each layer (in order or on a pool), and assembling the report.
export { type DeltaSources } from "./analyze-layer-outcome.ts";
export { analyzeLayer, type AnalyzeLayerOptions } from "./analyze-layer.ts";
export { type AnalysisProgress, analyzeModel, type AnalyzeModelOptions, type ModelDescription } from "./analyze-model.ts";
export { answerLayerJobs } from "./answer-layer-jobs.ts";
export { assembleReport } from "./assemble-report.ts";
export { MAX_COMPONENT_FOLDERS, PIPELINE_INDEX, wantsComponentFolders } from "./choose-component-files.ts";
export { ADAPTER_CONFIG, chooseWeightFiles, type WeightFileChoice } from "./choose-weight-files.ts";
export { describeWeightFormat } from "./describe-weight-format.ts";
export { createLayerWorkerPool, type LayerWorkerAnswer, type LayerWorkerJob, type LayerWorkerPool } from "./layer-worker-pool.ts";
export { listWeightTensors, type WeightListing } from "./list-weight-tensors.ts";
export { loraLayerBytes } from "./lora-layer-bytes.ts";
export { AdapterConfigError, parseAdapterConfig } from "./parse-adapter-config.ts";
export { readAdapterConfig } from "./read-adapter-config.ts";
export { summarizeTensors } from "./summarize-tensors.ts";
export { WeightFilesError } from "./weight-files-error.ts";
