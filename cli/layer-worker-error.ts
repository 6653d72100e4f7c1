/** A worker thread stopped while analysing a layer (crashed, ran out of memory, failed to load): the run ends with this. */
export class LayerWorkerError extends Error {
  readonly code = "LAYER_WORKER";

  constructor(
    readonly layer: { layer_id: number; name: string },
    readonly reason: string,
  ) {
    super(`the worker thread analysing layer ${layer.layer_id} (${layer.name}) stopped: ${reason}`);
  }
}
