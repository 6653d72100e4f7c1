import { describe, expect, it } from "vitest";
import { parseBaseRef } from "./parse-base-ref.ts";
import { adapterBaseRef } from "./adapter-base-ref.ts";

describe("a base as a request names it", () => {
  it("takes org/name, org/name@rev and huggingface.co URLs", () => {
    expect(parseBaseRef("org/base")).toEqual({ id: "org/base", revision: null });
    expect(parseBaseRef("org/base@v1.0")).toEqual({ id: "org/base", revision: "v1.0" });
    expect(parseBaseRef("org/base@refs/pr/1")).toEqual({ id: "org/base", revision: "refs/pr/1" });
    expect(parseBaseRef("https://huggingface.co/org/base/tree/dev")).toEqual({ id: "org/base", revision: "dev" });
  });

  it("refuses what is not a Hub id", () => {
    expect(() => parseBaseRef("../etc@main")).toThrow();
    expect(() => parseBaseRef("org/base@")).toThrow(/empty/);
    expect(() => parseBaseRef("https://example.com/org/base")).toThrow();
  });

  it("takes an adapter config's base_model_name_or_path, or says to give a base", () => {
    const adapter = { peft_type: "LORA", r: 8, lora_alpha: 16, target_modules: null, base_model_name_or_path: "org/base" };
    expect(adapterBaseRef(adapter, "org/lora")).toEqual({ id: "org/base", revision: null });
    expect(() => adapterBaseRef({ ...adapter, base_model_name_or_path: "/home/me/base" }, "org/lora")).toThrow(/not a Hub model id/);
    expect(() => adapterBaseRef({ ...adapter, base_model_name_or_path: null }, "org/lora")).toThrow(/names no base/);
  });
});
