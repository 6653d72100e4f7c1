import { GPU } from "gpu.js";
import { describe, expect, it } from "vitest";
import { chooseBrowserGram } from "./choose-browser-gram.ts";

// Node has neither WebGPU nor WebGL2: every GPU choice must fall back to the float64 path, with
// the reason, rather than run gpu.js's CPU backends as if they were a GPU. The choices that find
// a GPU run in Chromium (test/browser/analyze-local.test.ts).
describe("chooseBrowserGram without a GPU", () => {
  it("stays on the CPU when asked to", async () => {
    expect(await chooseBrowserGram(GPU, "cpu")).toEqual({ gram: null, note: "float64 on the CPU, as asked" });
  });

  it("says why it found no GPU", async () => {
    expect(await chooseBrowserGram(GPU, "auto")).toEqual({ gram: null, note: "float64 on the CPU: no WebGPU adapter; no WebGL2" });
    expect((await chooseBrowserGram(GPU, "webgl2")).note).toBe("float64 on the CPU: no WebGL2");
    expect((await chooseBrowserGram(GPU, "webgpu")).gram).toBeNull();
  });
});
