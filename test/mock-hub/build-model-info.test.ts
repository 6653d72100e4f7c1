import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSafetensors } from "../helpers/write-safetensors.ts";
import { buildModelInfo } from "./build-model-info.ts";
import { snapshotRepo, type RepoSnapshot } from "./snapshot-repo.ts";

let dir: string;
let snapshot: RepoSnapshot;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-model-info-"));
  await mkdir(join(dir, "sub"));
  await writeFile(join(dir, "config.json"), JSON.stringify({ model_type: "llama", architectures: ["LlamaForCausalLM"], hidden_size: 8 }));
  await writeFile(join(dir, "sub", "a.safetensors"), encodeSafetensors([{ name: "w", dtype: "F32", shape: [3, 4], data: new Float32Array(12) }]));
  await writeFile(join(dir, "b.safetensors"), encodeSafetensors([{ name: "v", dtype: "BF16", shape: [5], data: new Float32Array(5) }]));
  snapshot = await snapshotRepo("org/model", dir, 100, new Map());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("buildModelInfo", () => {
  it("gives the full answer without expand", async () => {
    const info = await buildModelInfo(snapshot, { likes: 3 }, new URLSearchParams());
    expect(info).toMatchObject({
      id: "org/model",
      modelId: "org/model",
      author: "org",
      sha: snapshot.sha,
      private: false,
      gated: false,
      likes: 3,
      downloads: 0,
      config: { model_type: "llama", architectures: ["LlamaForCausalLM"] },
      tags: ["safetensors", "llama", "region:us"],
      siblings: [{ rfilename: "b.safetensors" }, { rfilename: "config.json" }, { rfilename: "sub/a.safetensors" }],
      safetensors: { parameters: { F32: 12, BF16: 5 }, total: 17 },
    });
    expect(info._id).toMatch(/^[0-9a-f]{24}$/);
    expect(Date.parse(info.lastModified as string)).toBeGreaterThan(0);
    expect("pipeline_tag" in info).toBe(false);
  });

  it("gives only _id, id and the expanded keys with expand, as the Hub does", async () => {
    const info = await buildModelInfo(snapshot, {}, new URLSearchParams([["expand", "sha"], ["expand", "gated"], ["expand", "unknownKey"]]));
    expect(Object.keys(info).sort()).toEqual(["_id", "gated", "id", "sha"]);
  });

  it("adds sizes, blob ids and LFS details to siblings with blobs=true", async () => {
    const info = await buildModelInfo(snapshot, {}, new URLSearchParams("blobs=true"));
    const siblings = info.siblings as { rfilename: string; size: number; blobId: string; lfs?: { sha256: string; size: number } }[];
    const config = siblings.find((s) => s.rfilename === "config.json")!;
    expect(config.lfs).toBeUndefined();
    expect(config.blobId).toMatch(/^[0-9a-f]{40}$/);
    const big = siblings.find((s) => s.rfilename === "sub/a.safetensors")!;
    expect(big.size).toBeGreaterThan(100);
    expect(big.lfs).toMatchObject({ size: big.size, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
