import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { HeavytailError } from "#shared/errors";
import { LayerWorkerError } from "./layer-worker-error.ts";

const layer = { layer_id: 4, name: "fc1" };

/** The error a worker thread running `code` throws, as its parent's "error" event hands it over. */
function crossed(code: string): Promise<Error> {
  return new Promise((resolve) => new Worker(code, { eval: true }).once("error", resolve));
}

describe("LayerWorkerError", () => {
  it("is a HeavytailError naming the layer and why its thread stopped", () => {
    const error = new LayerWorkerError(layer, "it exited with code 3");
    expect(error).toBeInstanceOf(HeavytailError);
    expect(error).toMatchObject({ name: "LayerWorkerError", code: "layer_worker", status: 500, message: "the worker thread analysing layer 4 (fc1) stopped: it exited with code 3" });
    expect(error.cause).toBeUndefined();
  });

  it("revives by its code a HeavytailError that crossed the thread boundary without its prototype", async () => {
    // a HeavytailError subclass as the bundled worker holds it: its own class, not this realm's
    const thrown = await crossed(`
      class HubError extends Error {
        constructor() { super("https://hub/x: 401 Unauthorized"); this.name = "HubError"; this.code = "unauthorized"; this.status = 401; this.transient = false; }
      }
      throw new HubError();`);
    expect(thrown).not.toBeInstanceOf(HeavytailError);
    const error = new LayerWorkerError(layer, thrown.message, thrown);
    expect(error.cause).toBeInstanceOf(HeavytailError);
    expect(error.cause).toMatchObject({ name: "HubError", code: "unauthorized", status: 401, transient: false, message: "https://hub/x: 401 Unauthorized" });
  });

  it("keeps as it came an error that is none of ours", async () => {
    const thrown = await crossed(`throw Object.assign(new Error("no such file"), { code: "ENOENT" });`);
    expect(new LayerWorkerError(layer, thrown.message, thrown).cause).toBe(thrown);
  });
});
