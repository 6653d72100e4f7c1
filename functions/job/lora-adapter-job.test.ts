import { describe, expect, it } from "vitest";
import { type Report, validateReport } from "#shared/report";
import { waitForJob } from "../../test/workers/wait-for-job.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";
import { LORA_R } from "../../test/helpers/write-lora-adapter.ts";

describe("a PEFT LoRA adapter repo, end to end inside workerd", () => {
  it("reports its lora_BA layers, each one task, and records adapter_config.json", async () => {
    const started = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "formats/lora" }) });
    expect(started.status, await started.clone().text()).toBe(202);
    const { key, report_url } = (await started.json()) as { key: string; report_url: string };
    const status = await waitForJob(key);
    expect(status, JSON.stringify(status)).toMatchObject({ state: "done", layers: { total: 2, done: 2, failed: 0 } });
    const report = (await (await workerFetch(report_url)).json()) as Report;
    const validation = validateReport(report);
    expect(validation.ok, validation.ok ? "" : validation.errors.join("\n")).toBe(true);
    expect(report.model.files.map((f) => f.name)).toEqual(["adapter_model.safetensors"]);
    expect(report.model.adapter).toMatchObject({ peft_type: "LORA", r: LORA_R, lora_alpha: 24, target_modules: ["q_proj", "v_proj"] });
    // the card's base, then the adapter config's
    expect(report.model.lineage).toEqual({
      base_models: [
        { id: "TinyLlama/TinyLlama-1.1B", relation: "adapter", source: "card" },
        { id: 'TinyLlama/<tiny>&"llama"', relation: "adapter", source: "adapter" },
      ],
    });
    expect(report.layers.map((l) => [l.name, l.N, l.M, l.num_evals])).toEqual([
      ["base_model.model.model.layers.0.self_attn.q_proj.lora_BA", 40, 40, LORA_R],
      ["base_model.model.model.layers.0.self_attn.v_proj.lora_BA", 40, 24, LORA_R],
    ]);
    expect(report.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/lora_B half/), expect.stringMatching(/lora_B half/)]);
  });

  it("refuses an adapter repo whose adapter_config.json is not JSON, before any weight is read", async () => {
    const answer = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "formats/lora-bad-config" }) });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toMatchObject({ error: "invalid_adapter_config", message: expect.stringMatching(/^adapter_config\.json: not JSON/) });
  });
});
