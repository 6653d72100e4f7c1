import { describe, expect, it } from "vitest";
import { type Report, validateReport } from "#shared/report";
import { waitForJob } from "../../test/workers/wait-for-job.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";

describe("a diffusers pipeline, end to end inside workerd (test/helpers/write-diffusers-pipeline.ts)", () => {
  it("lists the component folders, reads each component's index and weights, and reports layers by component", async () => {
    const started = await workerFetch("/api/analyze", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "formats/diffusers" }) });
    expect(started.status, await started.clone().text()).toBe(202);
    const { key, report_url } = (await started.json()) as { key: string; report_url: string };
    expect(await waitForJob(key)).toMatchObject({ state: "done", layers: { failed: 0 } });
    const report = (await (await workerFetch(report_url)).json()) as Report;
    const validation = validateReport(report);
    expect(validation.ok, validation.ok ? "" : validation.errors.join("\n")).toBe(true);
    expect(report.model.family).toBe("StableDiffusionPipeline");
    expect(report.model.files.map((f) => f.name)).toEqual([
      "text_encoder/model.safetensors",
      "text_encoder_2/model-00001-of-00002.safetensors",
      "text_encoder_2/model-00002-of-00002.safetensors",
      "unet/diffusion_pytorch_model.safetensors",
      "vae/diffusion_pytorch_model.fp16.safetensors",
    ]);
    expect(report.summary.components?.map((c) => c.name)).toEqual(["text_encoder", "text_encoder_2", "unet", "vae"]);
    expect(report.layers.every((l) => l.component !== undefined && l.name.startsWith(`${l.component}/`))).toBe(true);
    expect(report.layers.find((l) => l.name === "unet/conv_in")).toMatchObject({ component: "unet", layer_type: "conv2d" });
  });
});
