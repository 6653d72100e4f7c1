import { describe, expect, it } from "vitest";
import { AdapterConfigError } from "../analyze/parse-adapter-config.ts";
import { WeightFilesError } from "../analyze/weight-files-error.ts";
import { DeltaError } from "../delta/delta-error.ts";
import { EsdError } from "../esd/esd-error.ts";
import { GpuGramError } from "../esd/gpu/gpu-gram-error.ts";
import { GgufError } from "../gguf/gguf-error.ts";
import { HubError } from "../hub/hub-error.ts";
import { ModelIdError } from "../hub/model-id-error.ts";
import { ModelLookupError } from "../hub/model-lookup-error.ts";
import { LinalgError } from "../linalg/linalg-error.ts";
import { WasmLinalgError } from "../linalg/wasm/wasm-linalg-error.ts";
import { MetricsError } from "../metrics/measure-layer.ts";
import { PytorchError } from "../pytorch/pytorch-error.ts";
import { QuantizedError } from "../quantized/quantized-error.ts";
import { ByteRangeError } from "../safetensors/byte-range-error.ts";
import { NonFiniteWeightError } from "../safetensors/non-finite-weight-error.ts";
import { SafetensorsError } from "../safetensors/safetensors-error.ts";
import { TrendsCsvError } from "../trends/parse-trends-csv.ts";
import { HeavytailError } from "./heavytail-error.ts";

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

describe("HeavytailError", () => {
  it("carries a code, an HTTP status, and whether to try again", () => {
    const cause = new Error("inner");
    const error = new HeavytailError("hub_rate_limited", 503, "slow down", { transient: true, retryAfter: 30, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "HeavytailError", code: "hub_rate_limited", status: 503, message: "slow down", transient: true, retryAfter: 30, cause });
    expect(new HeavytailError("bad", 422, "no")).toMatchObject({ transient: false, retryAfter: undefined });
    expect("cause" in new HeavytailError("bad", 422, "no")).toBe(false);
  });

  it("is the base of every error class of shared/, each with a snake_case code, an HTTP status and its own name", () => {
    const errors: [HeavytailError, string, number][] = [
      [new GgufError("not_gguf", "m.gguf", "no magic"), "GgufError", 422],
      [new SafetensorsError("file_too_short", "m.safetensors", "3 bytes"), "SafetensorsError", 422],
      [new PytorchError("not_zip", "m.bin", "no zip"), "PytorchError", 422],
      [new QuantizedError("invalid_layout", "m.safetensors", "not 2-D", "w"), "QuantizedError", 422],
      [new NonFiniteWeightError("m.safetensors", "w", 3, NaN), "NonFiniteWeightError", 422],
      [new WeightFilesError("no_weight_files", "none"), "WeightFilesError", 422],
      [new DeltaError("adapter_delta", "an adapter"), "DeltaError", 422],
      [new AdapterConfigError("not JSON"), "AdapterConfigError", 422],
      [new TrendsCsvError("no rows"), "TrendsCsvError", 422],
      [new ModelIdError("invalid_model_id", "a/../b"), "ModelIdError", 400],
      [new ModelLookupError("model_not_found", 404, "none"), "ModelLookupError", 404],
      [new HubError("unauthorized", 401, "https://hub/x", "401"), "HubError", 401],
      [new EsdError("invalid_plan", "not a pair"), "EsdError", 500],
      [new GpuGramError("kernel_failed", "no kernel"), "GpuGramError", 500],
      [new LinalgError("no_convergence", "stuck"), "LinalgError", 500],
      [new WasmLinalgError("out_of_memory", "no room"), "WasmLinalgError", 500],
      [new MetricsError("empty"), "MetricsError", 500],
      [new ByteRangeError("short_read", "m.safetensors", "ended"), "ByteRangeError", 500],
    ];
    for (const [error, name, status] of errors) {
      expect(error, name).toBeInstanceOf(HeavytailError);
      expect(error.code, name).toMatch(SNAKE_CASE);
      expect({ name: error.name, status: error.status }).toEqual({ name, status });
    }
  });

  it("makes a Hub that rate-limits, fails or does not answer worth asking again, and nothing else", () => {
    const hub = (status: number) => new HubError("http_error", status, "https://hub/x", "failed").transient;
    expect([429, 500, 502, 503, 504, 0].map(hub)).toEqual([true, true, true, true, true, true]);
    expect([200, 302, 401, 403, 404, 409, 410, 416].map(hub)).toEqual([false, false, false, false, false, false, false, false]);
    expect(new ModelLookupError("hub_rate_limited", 503, "slow down", 60)).toMatchObject({ transient: true, retryAfter: 60 });
    expect(new ModelLookupError("hub_error", 504, "timeout").transient).toBe(true);
    expect(new ModelLookupError("too_many_files", 422, "many").transient).toBe(false);
    expect(new SafetensorsError("file_too_short", "m.safetensors", "3 bytes").transient).toBe(false);
  });
});
