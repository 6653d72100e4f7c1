import { env } from "cloudflare:workers";
import { expect, inject, it } from "vitest";
import { resolveModelRevision } from "#shared/hub";
import { readConfig } from "../config.ts";
import { workerEngine } from "../engine.ts";
import type { Env } from "../env.ts";
import { hubFileSource } from "../hub/hub-file-source.ts";
import { planModel } from "../job/plan-model.ts";
import { runTaskWork } from "./run-task-work.ts";
import type { TaskMessage, TaskWork } from "./task-message.ts";

const bindings = env as unknown as Env;
const config = readConfig(bindings);

it("measures a layer the same whether it runs whole, packed, split into parts and combined, or packed from bands", async () => {
  const id = "tesseract/eng_lstm";
  const { sha } = await resolveModelRevision(id, "main", { hubUrl: inject("hubUrl") });
  const source = () => hubFileSource(config, id, sha, "model.safetensors");
  const { plans } = await planModel(["model.safetensors"], () => source(), { maxModelBytes: config.maxModelBytes, ...config.limits });
  // the first 512 × 608 gate matrix: wide
  const plan = plans.find((p) => p.skip_reason === undefined && p.rows < p.cols)!;
  const task = (work: TaskWork, name: string): TaskMessage => ({ key: `${id}@${sha}`, id, sha, task: name, plan, work, seed: 1 });
  const run = (work: TaskWork, name = "000000") => runTaskWork(task(work, name), source(), workerEngine, bindings.REPORTS);

  const whole = (await run({ kind: "layer" }))!;
  const packed = (await run({ kind: "packed" }))!;
  const blocks: { task: string; work: TaskWork }[] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j <= i; j++) blocks.push({ task: `000000:b${i}${j}`, work: { kind: "wide-block", i, j, panelRows: 200 } });
  for (const block of blocks) expect(await run(block.work, block.task)).toBeNull();
  const combined = (await run({ kind: "combine", parts: blocks, randomize: true }))!;
  const bands: { task: string; work: TaskWork }[] = [[0, 200], [200, 400], [400, 512]].map(([rowStart, rowEnd], k) => ({ task: `000000:w${k}`, work: { kind: "wide-band", rowStart, rowEnd } }));
  for (const band of bands) expect(await run(band.work, band.task)).toBeNull();
  const banded = (await run({ kind: "combine", parts: bands, randomize: false, packed: true }))!;

  const close = (a: number | null, b: number | null) => a === b || Math.abs(a! - b!) <= 1e-9 * Math.max(Math.abs(a!), Math.abs(b!));
  for (const column of ["alpha", "D", "xmin", "lambda_max", "log_norm", "log_alpha_norm", "stable_rank", "mp_softrank"] as const) {
    expect(close(packed[column], whole[column]), `packed ${column}: ${packed[column]} vs ${whole[column]}`).toBe(true);
    expect(close(combined[column], whole[column]), `combined ${column}: ${combined[column]} vs ${whole[column]}`).toBe(true);
    expect(close(banded[column], whole[column]), `banded ${column}: ${banded[column]} vs ${whole[column]}`).toBe(true);
  }
  expect(packed.matrix_rank).toBe(whole.matrix_rank);
  expect(banded.matrix_rank).toBe(whole.matrix_rank);
  expect(banded.rand_distance).toBeUndefined();
  // a packed layer is not randomized: its matrix does not fit beside the Gram
  expect(packed.rand_distance).toBeUndefined();
  expect(close(combined.rand_distance!, whole.rand_distance!)).toBe(true);
});
