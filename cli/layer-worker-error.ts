import { HeavytailError, reviveHeavytailError } from "#shared/errors";

/**
 * A worker thread stopped while analysing a layer (crashed, ran out of memory, failed to load):
 * the run ends with this. An error the thread threw reaches here cloned, its prototype lost but
 * its fields kept, so `cause` is that error revived by its code (a HeavytailError again), or the
 * clone as it came when it was none of ours.
 */
export class LayerWorkerError extends HeavytailError {
  declare readonly code: "layer_worker";

  constructor(
    readonly layer: { layer_id: number; name: string },
    readonly reason: string,
    thrown?: unknown,
  ) {
    super("layer_worker", 500, `the worker thread analysing layer ${layer.layer_id} (${layer.name}) stopped: ${reason}`, {
      cause: thrown === undefined ? undefined : (reviveHeavytailError(thrown) ?? thrown),
    });
    this.name = "LayerWorkerError";
  }
}
