// A delta analysis (`--base`, docs/metrics.md §11) on a pair built from a real model
// (test/helpers/ppocr-delta-pair.ts). Parity is shown two ways: the delta
// report's spectra are exactly those of an ordinary analysis of the materialized difference file
// W − W_base, and a numpy float64 computation agrees on a few layers' eigenvalues and distances.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chooseEngine } from "../cli/choose-engine.ts";
import { createLayerPool } from "../cli/create-layer-pool.ts";
import { openLocalModel } from "../cli/open-local-model.ts";
import { formatReportCsv } from "../cli/format-report-csv.ts";
import { analyzeModel, type AnalyzeModelOptions } from "#shared/analyze";
import { type AnalysedLayer, type Report, validateReport } from "#shared/report";
import { encodeSafetensors } from "./helpers/write-safetensors.ts";
import { NEW_LAYER, RESIZED, f32Spec, writePpocrDeltaPair } from "./helpers/ppocr-delta-pair.ts";

let dir: string;
let delta: Report;
let difference: Report;

const options = { randomize: false, seed: 0, engine: "js", now: () => new Date(0) } satisfies AnalyzeModelOptions;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "heavytail-delta-"));
  const { base, tuned } = writePpocrDeltaPair(dir);
  const byName = new Map(base.map((t) => [t.name, t]));
  // the difference file: fl32(w' − w) where the base has the tensor in that shape, else w' itself
  const diff = tuned.map((t) => {
    const b = byName.get(t.name);
    if (!b || b.values.length !== t.values.length) return t;
    return { ...t, values: t.values.map((v, i) => v - b.values[i]) };
  });
  mkdirSync(join(dir, "diff"));
  writeFileSync(join(dir, "diff", "model.safetensors"), encodeSafetensors(diff.map(f32Spec)));
  const opened = openLocalModel(join(dir, "tuned"));
  const baseOpened = openLocalModel(join(dir, "base"));
  delta = await analyzeModel(opened.model, opened.description, {
    ...options,
    base: { model: baseOpened.model, description: { id: "base", source: "local", revision: null, sha: null } },
  });
  const diffOpened = openLocalModel(join(dir, "diff"));
  difference = await analyzeModel(diffOpened.model, diffOpened.description, options);
}, 120_000);

const withoutDistances = ({ delta_W: _w, delta_b: _b, ...rest }: AnalysedLayer) => rest;

describe("a delta analysis of a perturbed copy of ppocrv4_rec against the original", () => {
  it("is a valid report that records its base and lists the resized and the new layer as skipped", () => {
    expect(validateReport(JSON.parse(JSON.stringify(delta)))).toEqual({ ok: true, report: expect.anything() });
    expect(delta.method.base).toEqual({ id: "base", source: "local", revision: null, sha: null, files: [{ name: "model.safetensors", size: expect.any(Number) }] });
    const skipped = new Map(delta.skipped.map((s) => [s.name, s.reason]));
    expect(skipped.get(RESIZED)).toBe("its shape [6630, 120] differs from the base's [6625, 120] (resized, or a new layer): no delta W − W_base");
    expect(skipped.get("linear_84")).toMatch(/^not in the base model/);
    expect(delta.summary.notes.some((n) => n.startsWith("A delta analysis against base"))).toBe(true);
    expect(formatReportCsv(delta).split("\n")[0]).toContain(",bulk_min,delta_W,delta_b,entropy,");
  });

  it("has, layer for layer, exactly the numbers of an ordinary analysis of the materialized W − W_base", () => {
    expect(delta.layers.length).toBe(difference.layers.length - 2);
    const plain = new Map(difference.layers.map((l) => [l.layer_id, l]));
    for (const layer of delta.layers) {
      const same = plain.get(layer.layer_id)!;
      expect(same.name).toBe(layer.name);
      expect(withoutDistances(layer)).toEqual(same);
      // Σ of a dense layer's eigenvalues is ‖ΔW‖²_F; a conv2d layer's slices were scaled by √½ first
      const squared = layer.layer_type === "dense" ? layer.norm! : 2 * layer.norm!;
      expect(Math.abs(layer.delta_W! ** 2 - squared) / squared).toBeLessThan(layer.layer_type === "dense" ? 1e-12 : 1e-6);
    }
    expect(difference.layers.find((l) => l.name === RESIZED)).toBeDefined();
  });

  it("gives the same report from worker threads that open both models' files themselves", async () => {
    const engine = await chooseEngine(null);
    const run = (runner?: ReturnType<typeof createLayerPool>) => {
      const opened = openLocalModel(join(dir, "tuned"));
      const base = openLocalModel(join(dir, "base"));
      return analyzeModel(opened.model, opened.description, {
        ...options,
        engine: engine.name,
        eigvalsh: engine.eigvalsh,
        grams: engine.grams,
        runner,
        base: { model: base.model, description: { id: "base", source: "local", revision: null, sha: null } },
      });
    };
    const here = await run();
    const pool = createLayerPool({ threads: 2, memoryBytes: Infinity, location: { kind: "local", folder: join(dir, "tuned") }, baseLocation: { kind: "local", folder: join(dir, "base") }, module: engine.module ?? null });
    try {
      expect(await run(pool)).toEqual(here);
    } finally {
      await pool.close();
    }
  }, 120_000);

  const hasNumpy = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" }).status === 0;
  it.skipIf(!hasNumpy)(`agrees with numpy float64 on delta eigenvalues and distances${hasNumpy ? "" : " (SKIPPED: python3 with numpy not found)"}`, () => {
    const names = ["linear_78", "conv2d_106", "conv2d_10"];
    const result = spawnSync("python3", ["-c", NUMPY_CHECK, join(dir, "tuned", "model.safetensors"), join(dir, "base", "model.safetensors"), ...names], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    const numpy = JSON.parse(result.stdout) as Record<string, { evals: number[]; delta_W: number; delta_W_f32: number; delta_b: number }>;
    for (const name of names) {
      const layer = delta.layers.find((l) => l.name === name);
      expect(layer, name).toBeDefined();
      const want = numpy[name];
      expect(layer!.num_evals).toBe(want.evals.length);
      const top = want.evals[0];
      expect(Math.abs(layer!.lambda_max! - top) / top).toBeLessThan(1e-12);
      layer!.esd.tail.slice(0, 8).forEach((v, i) => expect(Math.abs(v - want.evals[i]) / top).toBeLessThan(1e-11));
      expect(Math.abs(layer!.delta_W! - want.delta_W) / want.delta_W).toBeLessThan(1e-13);
      // the reference's own arithmetic, a float32 norm: agreement to its rounding
      expect(Math.abs(layer!.delta_W! - want.delta_W_f32) / want.delta_W).toBeLessThan(1e-5);
      expect(layer!.delta_b).toBeCloseTo(want.delta_b, 12);
    }
    expect(numpy.linear_78.delta_b).toBeGreaterThan(0);
  });
});

// numpy: the reference's semantics spelled out. D = W − W_base in float32; a conv2d's slices
// D[:, :, i, j], each scaled by float32(√½) in float32; eigenvalues = squared singular values in
// float64, all slices pooled, descending. delta_W = ‖D‖ in float64 (and float32, as numpy does on
// float32 arrays), delta_b = ‖b − b_base‖ or 0.
const NUMPY_CHECK = `
import json, struct, sys
import numpy as np
def load(path):
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, t in header.items():
        if name == "__metadata__": continue
        a, b = t["data_offsets"]
        out[name] = np.frombuffer(raw[8 + n + a:8 + n + b], dtype=np.float32).reshape(t["shape"])
    return out
model, base = load(sys.argv[1]), load(sys.argv[2])
result = {}
for name in sys.argv[3:]:
    D = model[name + ".weight"] - base[name + ".weight"]
    assert D.dtype == np.float32
    if D.ndim == 4:
        mats = [D[:, :, i, j] * np.float32(np.sqrt(0.5)) for i in range(D.shape[2]) for j in range(D.shape[3])]
    else:
        mats = [D]
    evals = np.concatenate([np.linalg.svd(m.astype(np.float64), compute_uv=False) ** 2 for m in mats])
    bias = name + ".bias"
    db = float(np.linalg.norm((model[bias] - base[bias]).astype(np.float64))) if bias in model and bias in base else 0.0
    result[name] = {
        "evals": sorted(evals.tolist(), reverse=True),
        "delta_W": float(np.linalg.norm(D.astype(np.float64).ravel())),
        "delta_W_f32": float(np.linalg.norm(D)),
        "delta_b": db,
    }
print(json.dumps(result))
`;
