import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { BaseModelRef } from "#shared/report";
import { makeReport } from "../../test/helpers/make-report.ts";
import type { Env } from "../env.ts";
import { putReport } from "../kv/report-store.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";

const get = (path: string, headers: Record<string, string> = {}) => workerFetch(path, { headers });

describe("badges of models not analysed", () => {
  it("answers a neutral SVG linking to the trigger page", async () => {
    const response = await get("/badge/nobody/nothing.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const svg = await response.text();
    expect(svg).toContain('aria-label="heavytail α: not analysed"');
    expect(svg).toContain('<a href="/nobody/nothing"');
  });
  it("answers shields.io endpoint JSON", async () => {
    const response = await get("/badge/nobody/nothing.json");
    expect(await response.json()).toEqual({ schemaVersion: 1, label: "heavytail α", message: "not analysed", color: "lightgrey", cacheSeconds: 300 });
  });
  it("answers 304 to a matching ETag", async () => {
    const first = await get("/badge/nobody/nothing.svg");
    const second = await get("/badge/nobody/nothing.svg", { "if-none-match": first.headers.get("etag")! });
    expect(second.status).toBe(304);
  });
  it("refuses hostile ids with a JSON 400", async () => {
    for (const path of ["/badge/org%2F..%2Fx/name.svg", "/badge/org/<script>.svg", `/badge/org/${"n".repeat(200)}.svg`]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(await response.json(), path).toMatchObject({ error: "invalid_model_id" });
    }
  });
});

describe("badges with the base's α (?base=1)", () => {
  const kv = (env as unknown as Env).REPORTS;
  const sha = (n: number) => n.toString(16).padStart(40, "b");
  const stored = async (id: string, n: number, alpha: number, lineage?: BaseModelRef[]) => {
    const report = makeReport({ id, family: "tinylm", sha: sha(n), createdAt: `2026-11-1${n}T00:00:00.000Z`, seed: n, layers: [0, 1, 2].map((i) => ({ name: `h.${i}.mlp`, shape: [64, 32], alpha })), lineage });
    await putReport(kv, report, { latest: true });
    return report;
  };
  const message = async (path: string) => ((await (await workerFetch(path)).json()) as { message: string }).message;
  const shown = (r: { summary: { successful_fits: { alpha: number | null } } }) => r.summary.successful_fits.alpha!.toFixed(2);

  it("adds the latest α of the base the model's report names first, in the SVG and the shields endpoint", async () => {
    const base = await stored("tree/base", 1, 3.6);
    const chat = await stored("tree/chat", 2, 3.1, [
      { id: "tree/base", relation: "finetune", source: "card" },
      { id: "tree/other", relation: null, source: "gguf" },
    ]);
    const json = await (await workerFetch("/badge/tree/chat.json?base=1")).json();
    expect(json).toMatchObject({ label: "heavytail α", message: `${shown(chat)} well-trained (base ${shown(base)})`, cacheSeconds: 300 });
    const svg = await workerFetch("/badge/tree/chat.svg?base=1");
    expect(svg.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await svg.text()).toContain(`(base ${shown(base)})`);
    const plain = await workerFetch("/badge/tree/chat.svg");
    expect(await plain.text()).not.toContain("(base");
    expect(plain.headers.get("etag")).not.toBe(svg.headers.get("etag"));
    expect((await workerFetch("/badge/tree/chat.svg?base=1", { headers: { "if-none-match": svg.headers.get("etag")! } })).status).toBe(304);
  });

  it("is cached as a latest badge even when pinned, since the base's report may change", async () => {
    const pinned = await workerFetch(`/badge/tree/chat@${sha(2)}.svg?base=1`);
    expect(pinned.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await pinned.text()).toContain("(base ");
    expect((await workerFetch(`/badge/tree/chat@${sha(2)}.svg`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("is the plain badge when the base has no report, the model names no base, or names a path", async () => {
    const orphan = await stored("tree/orphan", 3, 3.2, [{ id: "gone/base", relation: "finetune", source: "card" }]);
    const local = await stored("tree/local", 4, 3.3, [{ id: "./checkpoints/base", relation: null, source: "readme" }]);
    for (const [path, report] of [["tree/orphan", orphan], ["tree/local", local]] as const) {
      expect((await workerFetch(`/badge/${path}.json?base=1`)).status).toBe(200);
      expect(await message(`/badge/${path}.json?base=1`)).toBe(`${shown(report)} well-trained`);
    }
    expect(await message("/badge/tree/base.json?base=1")).not.toContain("(base");
    expect(await message("/badge/nobody/nothing.json?base=1")).toBe("not analysed");
  });
});
