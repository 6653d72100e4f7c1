import { describe, expect, it } from "vitest";
import { type Report, validateReport } from "#shared/report";
import { waitForJob } from "../../test/workers/wait-for-job.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";

async function analyse(model: string): Promise<Report> {
  const started = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model }) });
  expect(started.status, await started.clone().text()).toBe(202);
  const { key, report_url } = (await started.json()) as { key: string; report_url: string };
  const status = await waitForJob(key);
  expect(status, JSON.stringify(status)).toMatchObject({ state: "done", layers: { failed: 0 } });
  const report = (await (await workerFetch(report_url)).json()) as Report;
  const validation = validateReport(report);
  expect(validation.ok, validation.ok ? "" : validation.errors.join("\n")).toBe(true);
  return report;
}

/** a layer's columns without the stored type, the one thing a quantized model and its float twin differ in */
const columns = (report: Report) => report.layers.map(({ dtype: _dtype, ...rest }) => rest);

describe("quantized safetensors checkpoints, end to end inside workerd (test/helpers/write-quantized-models.ts)", () => {
  for (const [scheme, dtype] of [["gptq", "GPTQ_INT4"], ["awq", "AWQ_INT4"], ["fp8", "F8_E4M3_BLOCK"], ["mxfp4", "MXFP4_E2M1"]] as const) {
    it(`${scheme}: dequantized as the CLI does, the report of its float twin`, async () => {
      const [report, twin] = await Promise.all([analyse(`quantized/${scheme}`), analyse(`quantized/${scheme}-float`)]);
      expect(report.layers.filter((l) => l.name !== "lm_head").map((l) => l.dtype)).toEqual(expect.arrayContaining([dtype]));
      expect(report.layers.filter((l) => l.name !== "lm_head").every((l) => l.dtype === dtype)).toBe(true);
      expect(columns(report)).toEqual(columns(twin));
      expect(report.skipped).toEqual(twin.skipped);
      expect(report.model.format).toMatchObject({ kind: "safetensors", file_type: scheme, dequantized: true });
      expect(report.summary.notes.join(" ")).toMatch(/dequantized to float32/);
    });
  }

  it("bitsandbytes: its 4-bit layer listed skipped with the reason", async () => {
    const report = await analyse("quantized/bitsandbytes");
    expect(report.layers.map((l) => l.name)).toEqual(["lm_head"]);
    expect(report.skipped).toContainEqual(expect.objectContaining({ name: "model.layers.0.self_attn.q_proj", reason: expect.stringMatching(/^bitsandbytes 4-bit \(nf4\)/) }));
  });
});
