import { describe, expect, it } from "vitest";
import { looksLikeLocalPath } from "./looks-like-local-path.ts";

describe("looksLikeLocalPath", () => {
  it("takes paths for paths", () => {
    for (const path of ["./models/gpt2", "../gpt2", "/data/m", "~/m", "models\\gpt2", "C:models", "model.safetensors", "gpt2/model.gguf", "runs/2024/ckpt", "out/model.safetensors.index.json"]) {
      expect(looksLikeLocalPath(path), path).toBe(true);
    }
  });
  it("leaves Hub ids and URLs to the Hub", () => {
    for (const id of ["gpt2", "openai-community/gpt2", "org/name/tree/main", "org/name/blob/main/model.gguf", "https://huggingface.co/org/name", "hf.co/org/name/blob/main/x.gguf", "bert-base-uncased"]) {
      expect(looksLikeLocalPath(id), id).toBe(false);
    }
  });
});
