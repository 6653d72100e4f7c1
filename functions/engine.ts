import type { Eigvalsh } from "../shared/linalg/eigvalsh.ts";

/** The code that computes each layer's spectrum on the Worker. */
export interface LayerEngine {
  /** recorded in the report's `method.engine` */
  name: string;
  /** the symmetric eigensolver; the shared JS one when absent */
  eigvalsh?: Eigvalsh;
}

/**
 * The Worker's engine. Workers cannot compile WASM at run time, so a precompiled eigensolver
 * (build/*.wasm, imported as a module by the Worker entry) is injected here as `eigvalsh`, with
 * its name; until then the JS float64 path runs.
 */
export const workerEngine: LayerEngine = { name: "js-f64" };
