/** What a WebGPU adapter says about itself (the fields heavytail reads). */
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

interface NavigatorGpu {
  requestAdapter(options?: { powerPreference?: "high-performance" | "low-power" }): Promise<AdapterLike | null>;
}

export type DawnWebGpu = { ok: true; adapter: string; release: () => void } | { ok: false; reason: string };

/** Software adapters answer WebGPU too; they are the CPU, not a GPU. */
const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;

/**
 * WebGPU in Node through Dawn (the `webgpu` package gpu.js depends on): loads its native module,
 * asks for an adapter and, when it is a hardware one, puts it where gpu.js's 'webgpu' backend
 * looks (`navigator.gpu`) until `release()`. Node has no WebGPU of its own, and headless-gl is not
 * built, so this is the device check's one way onto a GPU from Node. Any failure is a reason, never
 * a throw: the check then reports it.
 */
export async function openDawnWebGpu(): Promise<DawnWebGpu> {
  let gpu: NavigatorGpu;
  try {
    const dawn = (await import("webgpu")) as unknown as { create: (flags: string[]) => NavigatorGpu };
    gpu = dawn.create([]);
  } catch (error) {
    return { ok: false, reason: `WebGPU for Node (Dawn) did not load: ${firstLine(error)}` };
  }
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: "high-performance" });
  } catch (error) {
    return { ok: false, reason: `Dawn found no WebGPU adapter: ${firstLine(error)}` };
  }
  if (!adapter) return { ok: false, reason: "Dawn found no WebGPU adapter (no Vulkan driver for a GPU?)" };
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.device, info.description].filter((s) => s).join(" ") || "unnamed adapter";
  if (adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(name)) {
    return { ok: false, reason: `the only WebGPU adapter is a software one (${name})` };
  }

  const host = globalThis as { navigator?: object };
  const target: object = host.navigator ?? host;
  const key = host.navigator ? "gpu" : "navigator";
  const previous = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value: key === "gpu" ? gpu : { gpu }, configurable: true, writable: true });
  return {
    ok: true,
    adapter: name,
    release: () => {
      // Dawn keeps Node alive while anything references its GPU object
      if (previous) Object.defineProperty(target, key, previous);
      else delete (target as Record<string, unknown>)[key];
    },
  };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0];
}
