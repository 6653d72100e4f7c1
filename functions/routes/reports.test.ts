import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { makeReport } from "../../test/helpers/make-report.ts";
import { createApp } from "../app.ts";
import type { Env } from "../env.ts";
import { putReport } from "../kv/report-store.ts";
import { publishReport } from "../leaderboard/publish-report.ts";
import { workerFetch } from "../../test/workers/worker-fetch.ts";

const bindings = env as unknown as Env;
const kv = bindings.REPORTS;
const sha = (n: number) => n.toString(16).padStart(40, "0");

function report(id: string, n: number, family: string, alphas: number[]): Report {
  return makeReport({
    id,
    family,
    sha: sha(n),
    revision: "main",
    createdAt: `2026-11-0${n}T00:00:00.000Z`,
    seed: 1,
    layers: alphas.map((alpha, i) => ({ name: `h.${i}.mlp`, shape: [64, 32], alpha })),
  });
}

describe("reports, leaderboard and badges from KV", () => {
  it("serves latest and pinned reports with the right caching", async () => {
    const old = report("lb/model-a", 1, "gpt2", [3, 4]);
    const current = report("lb/model-a", 2, "gpt2", [3.5, 4.5]);
    await putReport(kv, old, { latest: true });
    await putReport(kv, current, { latest: true });

    const latest = await workerFetch("/api/reports/lb/model-a");
    expect(latest.status).toBe(200);
    expect(latest.headers.get("cache-control")).toBe("public, max-age=60");
    expect(((await latest.json()) as Report).model.sha).toBe(sha(2));
    const again = await workerFetch("/api/reports/lb/model-a", { headers: { "if-none-match": latest.headers.get("etag")! } });
    expect(again.status).toBe(304);

    const pinned = await workerFetch(`/api/reports/lb/model-a@${sha(1)}`);
    expect(pinned.headers.get("cache-control")).toContain("immutable");
    expect(((await pinned.json()) as Report).model.sha).toBe(sha(1));

    const missing = await workerFetch(`/api/reports/lb/model-a@${sha(9)}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "report_not_found" });
  });

  it("lists every report with a cursor, marking the latest", async () => {
    for (let i = 1; i <= 3; i++) await putReport(kv, report(`pages/m${i}`, i, "llama", [3]), { latest: true });
    await putReport(kv, report("pages/m1", 4, "llama", [3]), { latest: false });
    const seen: { key: string; latest: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const response = await workerFetch(`/api/reports?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      const page = (await response.json()) as { reports: { key: string; latest: boolean; id: string }[]; next_cursor: string | null };
      seen.push(...page.reports.filter((r) => r.id.startsWith("pages/")));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toContainEqual(expect.objectContaining({ key: `pages/m1@${sha(1)}`, latest: true }));
    expect(seen).toContainEqual(expect.objectContaining({ key: `pages/m1@${sha(4)}`, latest: false }));
    expect(seen.filter((r) => r.key.startsWith("pages/"))).toHaveLength(4);
    expect((await workerFetch("/api/reports?limit=0")).status).toBe(400);
  });

  it("ranks the latest reports by log α-norm, filters by family and text, sorts and pages on request", async () => {
    await publishReport(bindings, report("rank/low", 1, "rankfam", [2.5, 2.5]), { latest: true });
    await publishReport(bindings, report("rank/high", 2, "rankfam", [5.5, 5.9]), { latest: true });
    await publishReport(bindings, report("rank/other", 3, "otherfam", [3]), { latest: true });
    // a newer report of a model replaces its row
    await publishReport(bindings, report("rank/low", 4, "rankfam", [2.4, 2.6]), { latest: true });
    type Board = { sort: string; total: number; next_cursor: string | null; entries: { rank: number; id: string; sha: string; summary: { log_alpha_norm: number } }[] };
    const board = (await (await workerFetch("/api/leaderboard?family=rankfam")).json()) as Board;
    expect(board.sort).toBe("log_alpha_norm");
    expect(board.total).toBe(2);
    expect(board.entries.map((e) => e.id)).toEqual(
      [...board.entries].sort((a, b) => a.summary.log_alpha_norm - b.summary.log_alpha_norm).map((e) => e.id),
    );
    expect(board.entries.map((e) => e.rank)).toEqual([1, 2]);
    expect(board.entries.find((e) => e.id === "rank/low")!.sha).toBe(sha(4));
    const byAlpha = (await (await workerFetch("/api/leaderboard?family=rankfam&sort=alpha&order=desc")).json()) as Board;
    expect(byAlpha.entries.map((e) => e.id)).toEqual(["rank/high", "rank/low"]);

    const first = (await (await workerFetch("/api/leaderboard?q=RANK/&limit=2")).json()) as Board;
    expect(first.total).toBe(3);
    expect(first.entries).toHaveLength(2);
    const second = (await (await workerFetch(`/api/leaderboard?q=RANK/&limit=2&cursor=${first.next_cursor}`)).json()) as Board;
    expect(second.entries.map((e) => e.rank)).toEqual([3]);
    expect(second.next_cursor).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((e) => e.id))).toEqual(new Set(["rank/low", "rank/high", "rank/other"]));
    // LIKE's wildcards in the text are matched as text
    expect(((await (await workerFetch("/api/leaderboard?q=%25")).json()) as Board).total).toBe(0);

    const families = (await (await workerFetch("/api/leaderboard/families")).json()) as { families: { family: string; models: number }[] };
    expect(families.families).toEqual(expect.arrayContaining([{ family: "rankfam", models: 2 }, { family: "otherfam", models: 1 }]));
    for (const bad of ["sort=__proto__", "order=sideways", "cursor=-1", "cursor=abc", `q=${"x".repeat(101)}`]) {
      expect((await workerFetch(`/api/leaderboard?${bad}`)).status, bad).toBe(400);
    }
  });

  it("carries each row's base (the report's first Hub base, with its relation) and lists a base's descendants", async () => {
    const child = (id: string, n: number, alpha: number, bases: { id: string; relation: string | null }[]): Report => {
      const r = report(id, n, "treefam", [alpha]);
      return { ...r, model: { ...r.model, lineage: { base_models: bases.map((b) => ({ ...b, source: "card" as const })) } } };
    };
    await publishReport(bindings, report("tree/Root", 1, "treefam", [3]), { latest: true });
    await publishReport(bindings, child("tree/tuned-a", 2, 2.5, [{ id: "tree/Root", relation: "finetune" }]), { latest: true });
    await publishReport(bindings, child("tree/tuned-b", 3, 4.5, [{ id: "tree/Root", relation: "finetune" }]), { latest: true });
    await publishReport(bindings, child("tree/merged", 4, 3.5, [{ id: "tree/Root", relation: "merge" }, { id: "tree/tuned-a", relation: "merge" }]), { latest: true });
    // a path the card wrote is no Hub base: no row can link to it
    await publishReport(bindings, child("tree/local", 5, 3, [{ id: "./checkpoints/root", relation: "finetune" }]), { latest: true });
    type Board = { base: string | null; total: number; entries: { id: string; base: { id: string; relation: string | null } | null; summary: { log_alpha_norm: number } }[] };
    const family = (await (await workerFetch("/api/leaderboard?base=TREE/root")).json()) as Board;
    expect(family.base).toBe("TREE/root");
    expect(new Set(family.entries.map((e) => e.id))).toEqual(new Set(["tree/tuned-a", "tree/merged", "tree/tuned-b"]));
    expect(family.entries.map((e) => e.summary.log_alpha_norm)).toEqual(family.entries.map((e) => e.summary.log_alpha_norm).sort((a, b) => a - b));
    expect(family.entries.find((e) => e.id === "tree/merged")!.base).toEqual({ id: "tree/Root", relation: "merge" });
    const all = (await (await workerFetch("/api/leaderboard?family=treefam")).json()) as Board;
    expect(all.entries.find((e) => e.id === "tree/Root")!.base).toBeNull();
    expect(all.entries.find((e) => e.id === "tree/local")!.base).toBeNull();
    const listed = (await (await workerFetch("/api/reports?limit=1000")).json()) as { reports: { id: string; base: unknown }[] };
    expect(listed.reports.find((r) => r.id === "tree/tuned-b")!.base).toEqual({ id: "tree/Root", relation: "finetune" });
    expect((await workerFetch(`/api/leaderboard?base=${"x".repeat(200)}`)).status).toBe(400);
  });

  it("builds the leaderboard once from the latest pointers of a store that had none", async () => {
    // reports stored before the index existed: KV only
    await putReport(kv, report("legacy/kv-only", 8, "legacyfam", [3]), { latest: true });
    const index = bindings.LEADERBOARD.get(bindings.LEADERBOARD.newUniqueId());
    const page = await index.query({ family: "legacyfam", base: null, q: null, sort: "log_alpha_norm", order: "asc", limit: 10, offset: 0 });
    expect(page.entries.map((e) => e.id)).toEqual(["legacy/kv-only"]);
  });

  it("draws badges from the stored summary: latest cached briefly with ETag, pinned immutable", async () => {
    const r = report("badge/model", 5, "gpt2", [3, 4]);
    await putReport(kv, r, { latest: true });
    const latest = await workerFetch("/badge/badge/model.svg");
    expect(latest.headers.get("cache-control")).toBe("public, max-age=300");
    const svg = await latest.text();
    expect(svg).toMatch(/aria-label="heavytail α: \d\.\d\d (well|over|under)-trained"/);
    expect(svg).not.toContain("<a ");
    expect((await workerFetch("/badge/badge/model.svg", { headers: { "if-none-match": latest.headers.get("etag")! } })).status).toBe(304);
    const pinned = await workerFetch(`/badge/badge/model@${sha(5)}.json`);
    expect(pinned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await pinned.json()).toMatchObject({ schemaVersion: 1, label: "heavytail α", message: expect.stringMatching(/trained$/) });
    expect((await workerFetch(`/badge/badge/model@${sha(6)}.svg`)).status).toBe(404);
  });

  it("answers a model's page with the site's live card, never starting an analysis", async () => {
    const served: string[] = [];
    const assets = {
      fetch: async (request: Request) => {
        const path = new URL(request.url).pathname;
        served.push(`${request.method} ${path}`);
        if (path === "/_live/") return new Response("<!doctype html><title>live card</title>");
        if (path === "/404.html") return new Response("<!doctype html><title>not found</title>");
        if (path === "/has/card/") return new Response("<!doctype html><title>card</title>");
        return new Response(null, { status: 404 });
      },
    } as unknown as Fetcher;
    const page = (path: string) => createApp().request(path, {}, { ...bindings, ASSETS: assets });

    for (const path of ["/html/evil-model", "/gpt2", "/org/name/tree/v1.0", "/org/name/blob/main/config.json", `/org/name/@${sha(1)}/`, `/org/name/@${sha(1)}/spectra/`]) {
      const response = await page(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("live card");
    }
    // the default branch of a model the site has a card for goes to the card
    const tree = await page("/has/card/tree/main");
    expect(tree.status).toBe(302);
    expect(tree.headers.get("location")).toBe("/has/card/");
    for (const path of ["/favicon.ico", "/org%2Fname", "/datasets/x/y", `/org/name/@${"z".repeat(40)}`]) expect((await page(path)).status, path).toBe(404);
    expect(await bindings.JOBS.get(bindings.JOBS.idFromName(`html/evil-model@${sha(7)}`)).status()).toBeNull();

    const unbuilt = await createApp().request("/org/name", {}, { ...bindings, ASSETS: { fetch: async () => new Response(null, { status: 404 }) } as unknown as Fetcher });
    expect(unbuilt.status).toBe(503);
    expect(await unbuilt.json()).toMatchObject({ error: "site_not_built" });
  });
});
