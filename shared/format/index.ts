// How every front end (CLI table, site, badge) prints numbers and reads α: one rule each.
export { type AlphaReading, alphaVerdict, type AlphaVerdict, OVER_TRAINED_BELOW, SPURIOUS_ABOVE, UNDER_TRAINED_ABOVE } from "./alpha-verdict.ts";
export { describeProgress, type ProgressFacts } from "./describe-progress.ts";
export { formatBytes } from "./format-bytes.ts";
export { formatDelta, formatMetric } from "./format-metric.ts";
export { formatParameters } from "./format-parameters.ts";
