/**
 * The worker thread's entry, found beside this code rather than from the working directory, so an
 * installed CLI (`npm install -g`) finds it: build/heavytail-layer-worker.mjs next to the bundle's
 * chunks, or, from the TypeScript sources, cli/layer-worker-boot.mjs (tsx, then cli/layer-worker.ts).
 */
export function layerWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith(".ts") ? "./layer-worker-boot.mjs" : "./heavytail-layer-worker.mjs", import.meta.url);
}
