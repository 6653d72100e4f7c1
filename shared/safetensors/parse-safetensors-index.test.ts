import { describe, expect, it } from "vitest";
import { parseSafetensorsIndex } from "./parse-safetensors-index.ts";
import { SafetensorsError } from "./safetensors-error.ts";
import { encodeSafetensorsIndex } from "../../test/helpers/write-safetensors.ts";

const FILE = "model.safetensors.index.json";

describe("parseSafetensorsIndex", () => {
  it("keeps weight_map order and lists the shards sorted", () => {
    const index = parseSafetensorsIndex(
      encodeSafetensorsIndex([
        ["z.weight", "model-00002-of-00002.safetensors"],
        ["a.weight", "model-00001-of-00002.safetensors"],
        ["m.weight", "model-00002-of-00002.safetensors"],
      ]),
      FILE,
    );
    expect(index.weight_map).toEqual([
      ["z.weight", "model-00002-of-00002.safetensors"],
      ["a.weight", "model-00001-of-00002.safetensors"],
      ["m.weight", "model-00002-of-00002.safetensors"],
    ]);
    expect(index.files).toEqual(["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]);
  });

  it.each([
    ["not JSON", "{", "invalid_index"],
    ["no weight_map", JSON.stringify({ metadata: {} }), "invalid_index"],
    ["a weight_map array", JSON.stringify({ weight_map: ["a"] }), "invalid_index"],
    ["an empty weight_map", JSON.stringify({ weight_map: {} }), "invalid_index"],
    ["a non-string shard", JSON.stringify({ weight_map: { w: 3 } }), "invalid_index"],
    ["path traversal", JSON.stringify({ weight_map: { w: "../../etc/passwd.safetensors" } }), "unsafe_shard_name"],
    ["an absolute path", JSON.stringify({ weight_map: { w: "/tmp/x.safetensors" } }), "unsafe_shard_name"],
    ["a subfolder", JSON.stringify({ weight_map: { w: "sub/x.safetensors" } }), "unsafe_shard_name"],
    ["a backslash path", JSON.stringify({ weight_map: { w: "..\\x.safetensors" } }), "unsafe_shard_name"],
    ["another extension", JSON.stringify({ weight_map: { w: "pytorch_model.bin" } }), "unsafe_shard_name"],
    ["a URL", JSON.stringify({ weight_map: { w: "https://evil.example/x.safetensors" } }), "unsafe_shard_name"],
    ["a control character", JSON.stringify({ weight_map: { w: "a\nb.safetensors" } }), "unsafe_shard_name"],
  ])("rejects %s", (_label, json, code) => {
    let error: unknown;
    try {
      parseSafetensorsIndex(json, FILE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SafetensorsError);
    expect(error).toMatchObject({ code, file: FILE });
  });

  it("keeps a hostile __proto__ tensor name as a plain entry", () => {
    const index = parseSafetensorsIndex('{"weight_map": {"__proto__": "a.safetensors", "b": "a.safetensors"}}', FILE);
    expect(index.weight_map.map(([t]) => t)).toEqual(["__proto__", "b"]);
  });
});
