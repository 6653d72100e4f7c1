import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHubModel } from "../cli/open-hub-model.ts";
import { openLocalModel } from "../cli/open-local-model.ts";
import { analyzeModel } from "#shared/analyze";
import { type Report, validateReport } from "#shared/report";
import { createMockHub } from "./mock-hub/create-mock-hub.ts";
import type { MockHub } from "./mock-hub/types.ts";
import { writeQuantizedModels } from "./helpers/write-quantized-models.ts";

const options = { randomize: true, seed: 3, engine: "js", now: () => new Date(0) };
/** a layer's columns without the stored type, which is the one thing a quantized model and its float twin differ in */
const columns = (report: Report) => report.layers.map(({ dtype: _dtype, ...rest }) => rest);

describe("quantized safetensors checkpoints through the CLI, from a folder and from the Hub", () => {
  let dir: string;
  let hub: MockHub;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "heavytail-quantized-"));
    const names = await writeQuantizedModels(dir);
    hub = await createMockHub({ repos: Object.fromEntries(names.map((n) => [`quantized/${n}`, join(dir, n)])) });
  });
  afterAll(() => hub?.close());

  const schemes: [string, string, string[]][] = [
    ["gptq", "GPTQ_INT4", ["model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj"]],
    ["gptq-v2", "GPTQ_INT4", ["model.layers.0.self_attn.q_proj", "model.layers.0.self_attn.v_proj"]],
    ["awq", "AWQ_INT4", ["model.layers.0.mlp.down_proj"]],
    ["fp8", "F8_E4M3_BLOCK", ["model.layers.0.self_attn.o_proj"]],
    ["mxfp4", "MXFP4_E2M1", ["model.layers.0.mlp.experts.0.down_proj", "model.layers.0.mlp.experts.1.down_proj"]],
  ];
  for (const [scheme, dtype, layers] of schemes) {
    it(`${scheme}: the report of its float twin, dequantized layers typed ${dtype}, the same from the Hub`, async () => {
      const local = openLocalModel(join(dir, scheme));
      const report = await analyzeModel(local.model, local.description, options);
      expect(validateReport(JSON.parse(JSON.stringify(report))).ok).toBe(true);
      const twinOpened = openLocalModel(join(dir, `${scheme}-float`));
      const twin = await analyzeModel(twinOpened.model, twinOpened.description, options);
      expect(report.layers.map((l) => l.name).sort()).toEqual(["lm_head", ...layers].sort());
      expect(report.layers.filter((l) => l.name !== "lm_head").every((l) => l.dtype === dtype)).toBe(true);
      expect(columns(report)).toEqual(columns(twin));
      expect(report.skipped).toEqual(twin.skipped);
      expect(report.model.format).toMatchObject({ kind: "safetensors", file_type: scheme.replace("-v2", ""), dequantized: true, tensor_types: { [dtype]: layers.length } });
      expect(report.summary.notes.join(" ")).toMatch(new RegExp(`${dtype}.*dequantized to float32`));
      expect(twin.model.format).toBeUndefined();

      const opened = await openHubModel(`quantized/${scheme}`, "main", { endpoint: hub.url, token: undefined });
      const fromHub = await analyzeModel(opened.model, opened.description, options);
      expect(fromHub.layers).toEqual(report.layers);
    });
  }

  it("bitsandbytes: the 4-bit layer listed skipped in its float shape with the reason, never read", async () => {
    const local = openLocalModel(join(dir, "bitsandbytes"));
    const report = await analyzeModel(local.model, local.description, options);
    expect(report.layers.map((l) => l.name)).toEqual(["lm_head"]);
    expect(report.skipped).toContainEqual(expect.objectContaining({ name: "model.layers.0.self_attn.q_proj", reason: "bitsandbytes 4-bit (nf4) weights are not dequantized; analyse the original model" }));
    // no part of the layout shows up as a tensor of its own
    expect(report.skipped.map((s) => s.name).filter((n) => /absmax|quant_map|quant_state/.test(n))).toEqual([]);
    expect(report.model.format).toMatchObject({ kind: "safetensors", file_type: "bitsandbytes", dequantized: false });
  });
});
