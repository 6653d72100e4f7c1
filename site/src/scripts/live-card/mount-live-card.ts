import type { Report } from "#shared/report";
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
import { liveOffer } from "./live-offer.ts";
import { parseModelPagePath } from "#shared/hub";

/**
 * The live card (pages/[live].astro, served by the service at a model's path when the static site
 * has no page for it): reads the model from the address, shows its report with the static cards'
 * renderer, or offers to analyse it, and once asked, shows the analysis's progress and renders the
 * card in place when done. Opening the page never starts work: a link or a crawler must not
 * spend the service's time, so the POST waits for the button. A branch or tag (`/tree/…`) is
 * resolved to a commit only by that POST, so its page always offers it.
 * `data-service` on the root is the service's base URL; empty for the page's own origin.
 * Everything shown from the address, the API or a report is text, with invisible marks revealed.
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
  const offer = root.querySelector<HTMLElement>("[data-live-start]")!;
  const button = offer.querySelector<HTMLButtonElement>("[data-live-start-button]")!;
  const parsed = parseModelPagePath(location.pathname);
  const state = (value: "loading" | "not-analysed" | "analysing" | "card" | "error") => (root.dataset.state = value);

  const fail = (message: string) => {
    panel.hidden = true;
    problem.textContent = revealInvisible(message);
    problem.hidden = false;
    state("error");
  };
  if (!parsed.ok) {
    heading.textContent = "Not a model's address";
    document.title = "Not a model's address · heavytail";
    return fail(parsed.message);
  }
  const id = revealInvisible(parsed.id);
  heading.textContent = id;
  document.title = `${id} · heavytail`;

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
    status.textContent = revealInvisible(describeProgress(s));
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
    button.disabled = true;
    problem.hidden = true;
    state("analysing");
    panel.hidden = false;
    status.textContent = "Asking the service to start…";
    const revision = parsed.revision ?? parsed.sha;
    const start = await requestAnalysis(service, revision ? { model: parsed.id, revision } : { model: parsed.id });
    if (start.kind === "error") {
      fail(start.message);
      // the service may only be busy ("try again in 20 s"), so the button stays
      button.disabled = false;
      return;
    }
    offer.hidden = true;
    if (start.kind === "done") return start.status.report === undefined ? finished(start.status) : show(checkedReport(start.status.report));
    showProgress(start.status);
    followJob(start.statusUrl, { progress: showProgress, finish: (s) => void finished(s) });
  };
  const offerAnalysis = () => {
    const said = liveOffer(id, parsed.revision === null ? null : revealInvisible(parsed.revision), parsed.sha);
    offer.querySelector<HTMLElement>("[data-live-start-title]")!.textContent = said.title;
    offer.querySelector<HTMLElement>("[data-live-start-why]")!.textContent = said.why;
    button.textContent = said.button;
    button.addEventListener("click", () => void analyse());
    offer.hidden = false;
    state("not-analysed");
  };

  state("loading");
  // a branch or tag is resolved to a commit only by the trigger, so there is no report to ask for
  if (parsed.revision !== null) return offerAnalysis();
  void fetchReport(reportUrl(service, parsed.id, parsed.sha)).then((fetched) => (fetched.kind === "missing" ? offerAnalysis() : show(fetched)));
}
