import type { GPU } from "gpu.js";
import type { AnalyzeModelOptions } from "#shared/analyze";
import { computeLayerGramsGpu, createGpuCrossProduct, DEFAULT_DEPTH } from "#shared/esd";

export type EnginePreference = "auto" | "webgpu" | "webgl2" | "cpu";

export interface BrowserGram {
  /** for the report's method.engine, e.g. "gpu.js-webgl2-f32x256" */
  engine: string;
  /** the gpu.js backend */
  mode: "webgpu" | "webgl2";
  /** what the products run on, for people */
  device: string;
  grams: NonNullable<AnalyzeModelOptions["grams"]>;
  dispose(): void;
}

export interface GramChoice {
  gram: BrowserGram | null;
  /** one sentence on what was chosen and why */
  note: string;
}

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

type GpuClass = typeof GPU;

/** Renderers and adapters that are the CPU pretending to be a GPU. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;

/**
 * Where the Gram products of an in-browser analysis run: WebGPU (compute shaders, raw float32
 * buffers) where the browser has a hardware adapter, else WebGL2, else nowhere (the float64 path
 * on the CPU). "auto" passes over software renderers (SwiftShader, llvmpipe): on those gpu.js is
 * slower than the float64 path and no more a GPU than gpu.js's CPU fallback; naming a backend
 * uses it even there (tests do). A first tiny product is run before the GPU is offered.
 */
export async function chooseBrowserGram(Gpu: GpuClass, preference: EnginePreference, depth = DEFAULT_DEPTH): Promise<GramChoice> {
  if (preference === "cpu") return { gram: null, note: "float64 on the CPU, as asked" };
  const skipped: string[] = [];

  if (preference === "auto" || preference === "webgpu") {
    const adapter = await webGpuAdapter();
    if (!adapter) skipped.push("no WebGPU adapter");
    else if (preference === "auto" && adapter.software) skipped.push(`WebGPU adapter is software (${adapter.name})`);
    else {
      const gram = await tryBackend(Gpu, "webgpu", adapter.name, depth);
      if (typeof gram !== "string") return { gram, note: `GPU: gpu.js on WebGPU (${adapter.name})` };
      skipped.push(gram);
    }
  }
  if (preference === "auto" || preference === "webgl2") {
    const renderer = webGl2Renderer();
    if (!renderer) skipped.push("no WebGL2");
    else if (preference === "auto" && SOFTWARE.test(renderer)) skipped.push(`WebGL2 renders in software (${renderer})`);
    else {
      const gram = await tryBackend(Gpu, "webgl2", renderer, depth);
      if (typeof gram !== "string") return { gram, note: `GPU: gpu.js on WebGL2 (${renderer})` };
      skipped.push(gram);
    }
  }
  return { gram: null, note: `float64 on the CPU: ${skipped.join("; ")}` };
}

async function webGpuAdapter(): Promise<{ name: string; software: boolean } | null> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: { requestAdapter(o?: object): Promise<GpuAdapterLike | null> } }) | undefined)?.gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter({ powerPreference: "high-performance" }).catch(() => null);
  if (!adapter) return null;
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter((s) => s).join(" ") || "unnamed adapter";
  return { name, software: Boolean(adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(name)) };
}

function webGl2Renderer(): string | null {
  const canvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(1, 1) : typeof document !== "undefined" ? document.createElement("canvas") : null;
  const gl = canvas?.getContext("webgl2") as WebGL2RenderingContext | null | undefined;
  if (!gl) return null;
  const debug = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return renderer;
}

/** The products on one gpu.js backend, checked on a tiny product; a reason when that fails. */
async function tryBackend(Gpu: GpuClass, mode: "webgpu" | "webgl2", device: string, depth: number): Promise<BrowserGram | string> {
  let gpu: InstanceType<GpuClass>;
  try {
    gpu = new Gpu({ mode });
  } catch (error) {
    return `gpu.js could not start ${mode}: ${message(error)}`;
  }
  const product = createGpuCrossProduct(gpu, { depth });
  const dispose = () => {
    product.dispose();
    void gpu.destroy();
  };
  try {
    const ones = new Float32Array(depth).fill(1);
    const [[sum]] = await product.product(ones, ones, 1, 1);
    if (sum !== depth) throw new Error(`a test product gave ${sum} instead of ${depth}`);
  } catch (error) {
    dispose();
    return `${mode} could not run the Gram kernel: ${message(error)}`;
  }
  return { engine: `gpu.js-${mode}-f32x${depth}`, mode, device, grams: (plan, read) => computeLayerGramsGpu(plan, read, product), dispose };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
