import { describe, expect, it } from "vitest";
import { arrayValueReader } from "../esd/array-value-reader.ts";
import { planLayers } from "../plan/plan-layers.ts";
import { measureLayer } from "../metrics/measure-layer.ts";
import { loraEigenvalues } from "../linalg/lora-eigenvalues.ts";
import { analyzeLayer } from "./analyze-layer.ts";
import { seededRandom } from "../../test/helpers/seeded-random.ts";

const random = seededRandom(5);
const [r, inDim, out] = [12, 30, 20];
const a = Float32Array.from({ length: r * inDim }, () => random() - 0.5);
const b = Float32Array.from({ length: out * r }, () => random() - 0.5);
const f32 = (name: string, shape: number[], begin: number) => ({ name, dtype: "F32" as const, shape, begin, end: begin + 4 * shape[0] * shape[1], file: "adapter_model.safetensors" });
const A = f32("m.q_proj.lora_A.weight", [r, inDim], 64);
const B = f32("m.q_proj.lora_B.weight", [out, r], A.end);

describe("analyzeLayer on a lora_BA plan", () => {
  it("measures the pair's r eigenvalues with the layer's N and M, whichever half is stored first", async () => {
    const [plan] = planLayers([A, B]);
    const layer = await analyzeLayer(plan, arrayValueReader(Float32Array.of(...a, ...b)), { randomize: true, seed: 1 });
    const E = loraEigenvalues(r, inDim, out, Float64Array.from(a), Float64Array.from(b));
    const expected = measureLayer(plan, { slices: [E], numericallyZero: [new Uint8Array(r)] });
    expect(layer).toMatchObject({ ...expected, shape: [out, inDim], dtype: "F32" });
    expect(layer).toMatchObject({ N: 30, M: 20, Q: 1.5, rf: 1, num_evals: r });

    // B stored before A: the plan's offsets say where each half lies in the range
    const B0 = f32(B.name, B.shape, 64);
    const A1 = f32(A.name, A.shape, B0.end);
    const [swapped] = planLayers([A1, B0]);
    const again = await analyzeLayer(swapped, arrayValueReader(Float32Array.of(...b, ...a)), { randomize: false, seed: 1 });
    expect(again.lambda_max).toBe(layer.lambda_max);
    expect(again.alpha).toBe(layer.alpha);
  });
});
