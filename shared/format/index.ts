// How every front end (CLI table, site, badge) prints numbers and reads α: one rule each.
export { formatMetric } from "./format-metric.ts";
export { formatParameters } from "./format-parameters.ts";
export { alphaVerdict, OVER_TRAINED_BELOW, UNDER_TRAINED_ABOVE, SPURIOUS_ABOVE, type AlphaReading, type AlphaVerdict } from "./alpha-verdict.ts";
