import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Report } from "../../shared/report/schema.ts";
import { makeReport } from "../../test/helpers/make-report.ts";
import type { Env } from "../env.ts";
import { putReport } from "../kv/report-store.ts";
import { workerFetch } from "../test/worker-fetch.ts";

const kv = (env as unknown as Env).REPORTS;
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

  it("ranks the latest reports by log α-norm, filters by family, sorts on request", async () => {
    await putReport(kv, report("rank/low", 1, "rankfam", [2.5, 2.5]), { latest: true });
    await putReport(kv, report("rank/high", 2, "rankfam", [5.5, 5.9]), { latest: true });
    await putReport(kv, report("rank/other", 3, "otherfam", [3]), { latest: true });
    const board = (await (await workerFetch("/api/leaderboard?family=rankfam")).json()) as {
      sort: string;
      entries: { rank: number; id: string; summary: { log_alpha_norm: number; alpha: number } }[];
    };
    expect(board.sort).toBe("log_alpha_norm");
    expect(board.entries.map((e) => e.id)).toEqual(
      [...board.entries].sort((a, b) => a.summary.log_alpha_norm - b.summary.log_alpha_norm).map((e) => e.id),
    );
    expect(board.entries.map((e) => e.rank)).toEqual([1, 2]);
    const byAlpha = (await (await workerFetch("/api/leaderboard?family=rankfam&sort=alpha&order=desc")).json()) as { entries: { id: string }[] };
    expect(byAlpha.entries.map((e) => e.id)).toEqual(["rank/high", "rank/low"]);
    expect((await workerFetch("/api/leaderboard?sort=__proto__")).status).toBe(400);
    expect((await workerFetch("/api/leaderboard?order=sideways")).status).toBe(400);
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

  it("shows a stored report as an escaped HTML page at the model's Hub path", async () => {
    const hostile = report("html/evil-model", 7, `<script>alert(1)</script>`, [3]);
    hostile.layers[0].name = `"><img src=x onerror=alert(1)>`;
    await putReport(kv, hostile, { latest: true });
    const page = await workerFetch("/html/evil-model");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
  });
});
