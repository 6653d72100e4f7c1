import { describe, expect, it } from "vitest";
import { DeltaError } from "#shared/delta";
import { EsdError } from "#shared/esd";
import { HeavytailError } from "#shared/errors";
import { HubError, ModelIdError, ModelLookupError } from "#shared/hub";
import { NonFiniteWeightError, SafetensorsError } from "#shared/safetensors";
import { TaskNotWantedError } from "../task/renewing-byte-source.ts";
import { ApiError } from "./api-error.ts";
import { toApiError } from "./to-api-error.ts";

const answer = (error: unknown) => {
  const { status, code, message, retryAfter } = toApiError(error);
  return { status, code, message, retryAfter };
};
const INTERNAL = { status: 500, code: "internal_error", message: "the service failed unexpectedly; try again later", retryAfter: undefined };

describe("toApiError", () => {
  it("answers an ApiError as it is, and is one itself", () => {
    const error = new ApiError(429, "rate_limited", "too many", 12);
    expect(toApiError(error)).toBe(error);
    expect(error).toBeInstanceOf(HeavytailError);
  });

  it("answers any HeavytailError with its status, code, message and Retry-After", () => {
    expect(answer(new ModelIdError("invalid_model_id", "a model id looks like org/name"))).toEqual({ status: 400, code: "invalid_model_id", message: "a model id looks like org/name", retryAfter: undefined });
    expect(answer(new ModelLookupError("hub_rate_limited", 503, "slow down", 60))).toEqual({ status: 503, code: "hub_rate_limited", message: "slow down", retryAfter: 60 });
    expect(answer(new SafetensorsError("header_too_large", "m.safetensors", "too large"))).toMatchObject({ status: 422, code: "header_too_large", message: "m.safetensors: too large" });
    expect(answer(new DeltaError("adapter_delta", "an adapter"))).toMatchObject({ status: 422, code: "adapter_delta" });
    expect(answer(new NonFiniteWeightError("m.safetensors", "w", 3, NaN))).toMatchObject({ status: 422, code: "non_finite_weight" });
    expect(answer(new TaskNotWantedError("000001"))).toMatchObject({ status: 409, code: "task_not_wanted" });
  });

  it("answers a HubError by the Hub's status: 401, 403, 404 by what was missing, else 502", () => {
    const hub = (code: HubError["code"], status: number) => answer(new HubError(code, status, "https://hub/x", "said no"));
    expect(hub("unauthorized", 401)).toEqual({ status: 401, code: "hub_unauthorized", message: "https://hub/x: said no", retryAfter: undefined });
    expect(hub("forbidden", 403)).toMatchObject({ status: 403, code: "hub_forbidden" });
    expect(hub("repo_not_found", 404)).toMatchObject({ status: 404, code: "model_not_found" });
    expect(hub("revision_not_found", 404)).toMatchObject({ status: 404, code: "revision_not_found" });
    expect(hub("entry_not_found", 404)).toMatchObject({ status: 404, code: "not_found" });
    expect(hub("retries_exhausted", 503)).toMatchObject({ status: 502, code: "hub_error" });
    expect(hub("bad_redirect", 302)).toMatchObject({ status: 502, code: "hub_error" });
  });

  it("hides what broke inside: a 500 HeavytailError, any other error, and look-alikes of ours by name", () => {
    expect(answer(new EsdError("invalid_gram", "layer x needs 2 Grams"))).toEqual(INTERNAL);
    expect(answer(new Error("secret detail"))).toEqual(INTERNAL);
    expect(answer(new TypeError("fetch failed"))).toEqual(INTERNAL);
    // classified by prototype, never by name: a plain object named like ours says nothing
    expect(answer({ name: "HubError", status: 401, code: "unauthorized", message: "x" })).toEqual(INTERNAL);
    expect(answer({ name: "ModelIdError", status: 400, code: "invalid_model_id", message: "x" })).toEqual(INTERNAL);
    expect(answer(undefined)).toEqual(INTERNAL);
  });
});
