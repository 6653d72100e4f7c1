// The per-layer metrics of docs/metrics.md (norms, α-derived, randomization, ranks) and the model's summary.
export { allEigenvalues } from "./all-eigenvalues.ts";
export { compactEsd } from "./compact-esd.ts";
export { createRng } from "./create-rng.ts";
export { measureLayer } from "./measure-layer.ts";
export { pooledEigenvalues } from "./randomization-columns.ts";
export { randomizedSpectra, randomReplicaCount } from "./randomized-spectrum.ts";
export { summarizeLayers } from "./summarize-layers.ts";
