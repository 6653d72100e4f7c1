/**
 * Bad input, end to end through the real pieces a local analysis uses (fileByteSource →
 * listModelTensors → planLayers → tensorValueReader): every broken file gives a typed error that
 * names the file (and the tensor where one is at fault), never a crash of another kind or a hang.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileByteSource } from "../cli/file-byte-source.ts";
import { listModelTensors, tensorValueReader, SafetensorsError, NonFiniteWeightError, ByteRangeError, memoryByteSource } from "#shared/safetensors";
import { planLayers } from "#shared/plan";
import { encodeSafetensors, encodeSafetensorsRaw } from "./helpers/write-safetensors.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "heavytail-bad-input-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` as a one-file model folder and runs the reading pipeline over it. */
async function analyseReading(bytes: Uint8Array) {
  const folder = mkdtempSync(join(dir, "m-"));
  writeFileSync(join(folder, "model.safetensors"), bytes);
  const model = { files: ["model.safetensors"], open: (f: string) => fileByteSource(join(folder, f)) };
  const { tensors } = await listModelTensors(model);
  const plans = planLayers(tensors);
  for (const plan of plans.filter((p) => p.skip_reason === undefined)) {
    const read = tensorValueReader(model.open(plan.tensor.file), plan.tensor, { chunkBytes: 64 });
    for await (const chunk of read(0, chunk0(plan.tensor.shape))) void chunk;
  }
  return plans;
}
const chunk0 = (shape: number[]) => shape.reduce((p, d) => p * d, 1);

const good = () =>
  encodeSafetensors([
    { name: "fc.weight", dtype: "F32", shape: [12, 10], data: Float32Array.from({ length: 120 }, (_, i) => Math.sin(i)) },
    { name: "fc.bias", dtype: "F32", shape: [12], data: new Float32Array(12) },
  ]);

describe("bad safetensors input", () => {
  it("reads a good file", async () => {
    const plans = await analyseReading(good());
    expect(plans.map((p) => [p.name, p.skip_reason])).toEqual([["fc", undefined]]);
  });

  it.each([
    ["truncated mid-data", () => good().slice(0, -7), "data_past_end", "fc.bias"],
    ["truncated mid-header", () => good().slice(0, 40), "header_past_end", undefined],
    ["truncated to 5 bytes", () => good().slice(0, 5), "file_too_short", undefined],
    ["a header length larger than the file", () => encodeSafetensorsRaw({}, new Uint8Array(0), { headerLength: 4096n }), "header_past_end", undefined],
    ["an absurd header length", () => encodeSafetensorsRaw({}, new Uint8Array(0), { headerLength: 0xffffffffffffn }), "header_too_large", undefined],
    ["invalid JSON", () => encodeSafetensorsRaw("{not json}", new Uint8Array(0)), "invalid_header_json", undefined],
    [
      "overlapping offsets",
      () => encodeSafetensorsRaw({ a: { dtype: "F32", shape: [2], data_offsets: [0, 8] }, b: { dtype: "F32", shape: [1], data_offsets: [4, 8] } }, new Uint8Array(8)),
      "overlapping_offsets",
      "b",
    ],
    [
      "a gap in the offsets",
      () => encodeSafetensorsRaw({ a: { dtype: "F32", shape: [1], data_offsets: [0, 4] }, b: { dtype: "F32", shape: [1], data_offsets: [6, 10] } }, new Uint8Array(10)),
      "gap_in_offsets",
      "b",
    ],
    ["offsets past the end", () => encodeSafetensorsRaw({ a: { dtype: "F32", shape: [3], data_offsets: [0, 12] } }, new Uint8Array(8)), "data_past_end", "a"],
    [
      "a shape that disagrees with the byte length",
      () => encodeSafetensorsRaw({ "w.weight": { dtype: "F16", shape: [4, 4], data_offsets: [0, 64] } }, new Uint8Array(64)),
      "size_mismatch",
      "w.weight",
    ],
    ["an unknown dtype", () => encodeSafetensorsRaw({ "w.weight": { dtype: "Q4_K", shape: [4], data_offsets: [0, 4] } }, new Uint8Array(4)), "unknown_dtype", "w.weight"],
  ])("%s → %s", async (_label, make, code, tensor) => {
    const error = await analyseReading(make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SafetensorsError);
    expect(error).toMatchObject({ code, file: "model.safetensors", tensor });
    expect((error as Error).message).toMatch(/^model\.safetensors: /);
  });

  it.each([
    ["NaN", NaN, 17],
    ["+Inf", Infinity, 0],
    ["-Inf", -Infinity, 119],
  ])("a %s weight fails its layer with NonFiniteWeightError naming tensor and element", async (_label, value, index) => {
    const data = Float32Array.from({ length: 120 }, (_, i) => (i === index ? value : 1 / (i + 1)));
    const error = await analyseReading(encodeSafetensors([{ name: "fc.weight", dtype: "F32", shape: [12, 10], data }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteWeightError);
    expect(error).toMatchObject({ tensor: "fc.weight", index, file: "model.safetensors" });
  });

  it("parses a 0-D .weight tensor and plans it as skipped", async () => {
    const plans = await analyseReading(
      encodeSafetensors([
        { name: "gain.weight", dtype: "F32", shape: [], data: new Float32Array([2]) },
        { name: "fc.weight", dtype: "F32", shape: [12, 10], data: new Float32Array(120).fill(0.5) },
      ]),
    );
    expect(plans.map((p) => [p.layer_id, p.name, p.layer_type])).toEqual([
      [0, "fc", "dense"],
      [1, "gain", "other"],
    ]);
    expect(plans[1].skip_reason).toMatch(/0-D/);
  });

  it("survives random corruption of a real file's header: only typed errors, no hang", async () => {
    const real = new Uint8Array(readFileSync(new URL("./fixtures/tesseract_eng_lstm/model.safetensors", import.meta.url)));
    const headerEnd = 8 + Number(new DataView(real.buffer).getBigUint64(0, true));
    const header = real.slice(0, headerEnd);
    let state = 12345;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const seen = new Set<string>();
    // the real header followed by zeros of the right length: the offsets still have to line up
    const file = new Uint8Array(real.byteLength);
    for (let trial = 0; trial < 300; trial++) {
      file.set(header);
      const flips = 1 + Math.floor(random() * 4);
      for (let k = 0; k < flips; k++) file[Math.floor(random() * headerEnd)] = Math.floor(random() * 256);
      const model = { files: ["model.safetensors"], open: () => memoryByteSource("model.safetensors", file) };
      const error = await listModelTensors(model).then(
        ({ tensors }) => void planLayers(tensors),
        (e: unknown) => e,
      );
      if (error === undefined) continue;
      expect([SafetensorsError, NonFiniteWeightError, ByteRangeError].some((type) => error instanceof type), String(error)).toBe(true);
      seen.add((error as { code: string }).code);
    }
    expect(seen.size).toBeGreaterThan(2);
  });
});
