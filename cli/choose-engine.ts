import { eigvalsh as eigvalshJs, type Eigvalsh } from "../shared/linalg/eigvalsh.ts";

export interface Engine {
  /** recorded in the report's method.engine */
  name: string;
  eigvalsh: Eigvalsh;
}

/** The JavaScript float64 eigensolver; the WASM one replaces it once built. */
export async function chooseEngine(preference: "wasm" | "js" | null): Promise<Engine> {
  void preference;
  return { name: "js-f64", eigvalsh: eigvalshJs };
}
