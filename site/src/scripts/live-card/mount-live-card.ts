import type { Report } from "../../../../shared/report/schema.ts";
import { cardDescription, cardTitle, spectraTitle } from "../../card/card-meta.ts";
import { liveCardContext } from "../../card/card-context.ts";
import { mountCard } from "../../card/mount-card.ts";
import { renderReportCard } from "../../card/report-card.ts";
import { renderSpectraPage } from "../../card/spectra-list.ts";
import { revealInvisible } from "../../lib/reveal-invisible.ts";
import { describeProgress, progressFraction, safeLink, type JobStatus } from "../analyze-status.ts";
import { followJob } from "../follow-job.ts";
import { requestAnalysis } from "../request-analysis.ts";
import { showCardMeta } from "../show-card-meta.ts";
import { checkedReport, fetchReport, reportUrl, type FetchedReport } from "./fetch-report.ts";
import { parseModelPagePath } from "../../../../shared/hub/parse-model-page-path.ts";

/**
 * The live card (pages/[live].astro, served by the service at a model's path when the static site
 * has no page for it): reads the model from the address, shows its report with the static cards'
 * renderer, or starts the analysis, shows its progress, and renders the card in place when done.
 * `data-service` on the root is the service's base URL; empty for the page's own origin.
 */
export function mountLiveCard(root: HTMLElement): void {
  const serviceBase = root.dataset.service ?? "";
  const service = serviceBase || location.origin;
  const heading = root.querySelector<HTMLElement>("[data-live-title]")!;
  const panel = root.querySelector<HTMLElement>("[data-live-progress]")!;
  const bar = panel.querySelector("progress")!;
  const status = panel.querySelector<HTMLElement>("[data-live-status]")!;
  const problem = root.querySelector<HTMLElement>("[data-live-error]")!;
  const card = root.querySelector<HTMLElement>("[data-live-card]")!;
  const parsed = parseModelPagePath(location.pathname);
  const state = (value: "loading" | "analysing" | "card" | "error") => (root.dataset.state = value);

  const fail = (message: string) => {
    panel.hidden = true;
    problem.textContent = message;
    problem.hidden = false;
    state("error");
  };
  if (!parsed.ok) {
    heading.textContent = "Not a model's address";
    document.title = "Not a model's address · heavytail";
    return fail(parsed.message);
  }
  heading.textContent = revealInvisible(parsed.id);
  document.title = `${revealInvisible(parsed.id)} · heavytail`;

  const show = (fetched: FetchedReport) => {
    if (fetched.kind === "error") return fail(fetched.message);
    if (fetched.kind === "missing") return fail("The analysis finished, but the service has no report for it.");
    const report: Report = fetched.report;
    const ctx = liveCardContext(report, { origin: location.origin, serviceBase, pinned: parsed.sha !== null || parsed.revision !== null });
    card.innerHTML = parsed.page === "spectra" ? renderSpectraPage(report, ctx) : renderReportCard(report, ctx);
    mountCard(card);
    heading.hidden = true;
    panel.hidden = true;
    showCardMeta(parsed.page === "spectra" ? spectraTitle(report) : cardTitle(report, ctx.pinned), cardDescription(report));
    state("card");
  };
  const showProgress = (s: JobStatus) => {
    status.textContent = describeProgress(s);
    const fraction = progressFraction(s);
    if (fraction === null) bar.removeAttribute("value");
    else bar.value = fraction;
  };
  const finished = async (s: JobStatus) => {
    if (s.state === "failed") return fail(`The analysis failed: ${s.error ?? "no reason given"}`);
    showProgress(s);
    const key = typeof s.key === "string" ? s.key : null;
    const url = safeLink(s.report_url, service) ?? (key ? reportUrl(service, key.slice(0, key.lastIndexOf("@")), key.slice(key.lastIndexOf("@") + 1)) : null);
    show(url ? await fetchReport(url) : { kind: "error", message: "The service did not say where the report is." });
  };
  const analyse = async () => {
    state("analysing");
    panel.hidden = false;
    status.textContent = "Not analysed yet: asking the service to start…";
    const revision = parsed.revision ?? parsed.sha;
    const start = await requestAnalysis(service, revision ? { model: parsed.id, revision } : { model: parsed.id });
    if (start.kind === "error") return fail(start.message);
    if (start.kind === "done") return start.status.report === undefined ? finished(start.status) : show(checkedReport(start.status.report));
    showProgress(start.status);
    followJob(start.statusUrl, { progress: showProgress, finish: (s) => void finished(s) });
  };

  state("loading");
  // a branch or tag must be resolved to a commit first, which only the trigger does
  if (parsed.revision !== null) {
    void analyse();
    return;
  }
  void fetchReport(reportUrl(service, parsed.id, parsed.sha)).then((fetched) => (fetched.kind === "missing" ? analyse() : show(fetched)));
}
