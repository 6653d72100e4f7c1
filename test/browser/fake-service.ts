import type { IncomingMessage, ServerResponse } from "node:http";
import { rowMetadata, type Report } from "#shared/report";
import { listen, staticHandler } from "./serve-static.ts";

/** A job the fake service runs when a model without a report is triggered: these states, then `report` is published. */
export interface ScriptedJob {
  report: Report;
  /** layers done at each step before `done`; one status event per step */
  steps: number[];
  stepMs: number;
}

export interface FakeService {
  url: string;
  /** every API request, `METHOD path?query` */
  requests: string[];
  close: () => Promise<void>;
}

const keyOf = (r: Report) => `${r.model.id}@${r.model.sha}`;

/**
 * The built site behind a small stand-in for the service's API (docs/api.md) on 127.0.0.1:
 * `GET /api/reports/{id}[@sha]` (ETag, `x-report-key`, 304), `GET /api/leaderboard` (two pages,
 * joined by `next_cursor`), `POST /api/analyze` and `GET /api/jobs/{key}` (SSE or JSON) for the
 * scripted jobs, `GET /api/comparisons/{id}@{sha}` from `comparisons` (by key). Paths with no static page get `/_live/index.html` with 200, as the Worker
 * serves them; `?live` forces that, so a report's live card can be put beside its static one.
 */
export async function startFakeService(
  dist: string,
  options: { reports: Report[]; jobs?: Record<string, ScriptedJob>; comparisons?: Record<string, object> },
): Promise<FakeService> {
  const reports = [...options.reports];
  const requests: string[] = [];
  const started = new Map<string, { job: ScriptedJob; at: number }>();
  const site = staticHandler(dist, () => "_live/index.html");
  const latest = (id: string) =>
    reports.filter((r) => r.model.id === id).sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];

  const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
  };
  const jobStatus = (key: string) => {
    const { job, at } = started.get(key)!;
    const step = Math.floor((Date.now() - at) / job.stepMs);
    const total = job.report.layers.length;
    if (step >= job.steps.length) {
      if (!reports.includes(job.report)) reports.push(job.report);
      return { key, state: "done", layers: { total, done: total, failed: 0, skipped: 0 }, bytes_streamed: 4096 * total, bytes_total: 4096 * total, eta_seconds: 0, report_url: `/api/reports/${key}` };
    }
    const done = job.steps[step];
    return {
      key,
      state: done === 0 ? "planning" : "running",
      layers: { total, done, failed: 0, skipped: 0 },
      bytes_streamed: 4096 * done,
      bytes_total: 4096 * total,
      eta_seconds: done === 0 ? null : (job.steps.length - step) * (job.stepMs / 1000),
      report_url: `/api/reports/${key}`,
    };
  };

  const api = async (request: IncomingMessage, response: ServerResponse, url: URL) => {
    const path = url.pathname;
    if (request.method === "GET" && path.startsWith("/api/reports/")) {
      const rest = path.slice("/api/reports/".length);
      const at = rest.lastIndexOf("@");
      const id = at < 0 ? rest : rest.slice(0, at);
      const report = at < 0 ? latest(id) : reports.find((r) => keyOf(r) === rest);
      if (!report) return json(response, 404, { error: "report_not_found", message: `no report of ${rest} yet; POST /api/analyze to start one` });
      const headers = { etag: `"${report.model.sha}"`, "x-report-key": keyOf(report) };
      if (at < 0 && request.headers["if-none-match"] === headers.etag) return void response.writeHead(304, headers).end();
      return json(response, 200, report, headers);
    }
    if (request.method === "GET" && path.startsWith("/api/comparisons/")) {
      const comparison = options.comparisons?.[decodeURIComponent(path.slice("/api/comparisons/".length))];
      return comparison ? json(response, 200, comparison) : json(response, 404, { error: "comparison_not_found", message: "no comparison with a base" });
    }
    if (request.method === "GET" && path === "/api/leaderboard") {
      const ids = [...new Set(reports.filter((r) => r.model.source === "hub").map((r) => r.model.id))];
      const entries = ids
        .map((id) => latest(id))
        .sort((a, b) => (a.summary.reference.log_alpha_norm ?? Infinity) - (b.summary.reference.log_alpha_norm ?? Infinity))
        .map((r, i) => ({ rank: i + 1, key: keyOf(r), id: r.model.id, sha: r.model.sha, latest: true, ...rowMetadata(r) }));
      const half = Math.ceil(entries.length / 2);
      const second = url.searchParams.get("cursor") === "page-2";
      return json(response, 200, { sort: "log_alpha_norm", order: "asc", family: null, entries: second ? entries.slice(half) : entries.slice(0, half), next_cursor: second ? null : "page-2" });
    }
    if (request.method === "POST" && path === "/api/analyze") {
      let body: { model?: string; revision?: string };
      try {
        body = JSON.parse(await new Promise<string>((resolve) => {
          let text = "";
          request.on("data", (c) => (text += c));
          request.on("end", () => resolve(text));
        }));
      } catch {
        return json(response, 400, { error: "invalid_request", message: "the body must be JSON" });
      }
      const model = body.model ?? "";
      const job = options.jobs?.[model];
      const existing = latest(model);
      if (existing && (!job || reports.includes(job.report))) {
        return json(response, 200, { state: "done", key: keyOf(existing), report_url: `/api/reports/${keyOf(existing)}`, page_url: `/${model}`, report: existing });
      }
      if (!job) return json(response, 404, { error: "model_not_found", message: `${model} is not a model on the Hub` });
      const key = keyOf(job.report);
      if (!started.has(key)) started.set(key, { job, at: Date.now() });
      return json(response, 202, { ...jobStatus(key), status_url: `/api/jobs/${key}`, page_url: `/${model}` });
    }
    if (request.method === "GET" && path.startsWith("/api/jobs/")) {
      const key = path.slice("/api/jobs/".length);
      if (!started.has(key)) return json(response, 404, { error: "job_not_found", message: `no job for ${key}` });
      if (!(request.headers.accept ?? "").includes("text/event-stream")) return json(response, 200, jobStatus(key));
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
      const tick = () => {
        const status = jobStatus(key);
        response.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`);
        if (status.state === "done") response.end();
        else setTimeout(tick, started.get(key)!.job.stepMs / 2);
      };
      return tick();
    }
    json(response, 404, { error: "not_found", message: "no such API route; see docs/api.md" });
  };

  const server = await listen((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/api/")) {
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      void api(request, response, url);
      return;
    }
    if (url.searchParams.has("live")) {
      request.url = "/_live/";
      return site(request, response);
    }
    site(request, response);
  });
  return { url: server.url, requests, close: server.close };
}
