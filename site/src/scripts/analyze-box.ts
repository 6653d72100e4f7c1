import { describeProgress, progressFraction, safeLink, type JobStatus } from "./analyze-status.ts";
import { followJob } from "./follow-job.ts";
import { requestAnalysis } from "./request-analysis.ts";

/**
 * The analyse box: posts the pasted model to the service (`POST /api/analyze`), follows the
 * job's progress (Server-Sent Events, or polling where they fail), then links to the report.
 * The service is `data-service` on the box, or the page's own origin when that is empty.
 */
export function mountAnalyzeBox(root: HTMLElement): void {
  const form = root.querySelector("form")!;
  const input = form.querySelector<HTMLInputElement>("input[name=model]")!;
  const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
  const status = root.querySelector<HTMLElement>("[data-status]")!;
  const bar = root.querySelector<HTMLProgressElement>("progress")!;
  const result = root.querySelector<HTMLElement>("[data-result]")!;
  const service = root.dataset.service || location.origin;
  let stop: (() => void) | null = null;

  const say = (text: string, isError = false) => {
    status.textContent = text;
    status.classList.toggle("error", isError);
  };
  const showProgress = (s: JobStatus) => {
    say(describeProgress(s));
    const fraction = progressFraction(s);
    bar.hidden = false;
    if (fraction === null) bar.removeAttribute("value");
    else bar.value = fraction;
  };
  const link = (href: string, text: string) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  };
  const finish = (s: JobStatus, fallbackPage: string | null) => {
    button.disabled = false;
    if (s.state === "failed") {
      bar.hidden = true;
      say(`The analysis failed: ${s.error ?? "no reason given"}`, true);
      return;
    }
    bar.hidden = false;
    bar.value = 1;
    say(describeProgress({ ...s, state: "done" }));
    const page = safeLink(s.page_url, service) ?? fallbackPage;
    const json = safeLink(s.report_url, service);
    result.replaceChildren();
    if (page) result.append(link(page, "Open the report"));
    if (page && json) result.append(" · ");
    if (json) result.append(link(json, "raw JSON"));
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    stop?.();
    result.replaceChildren();
    bar.hidden = true;
    const model = input.value.trim();
    if (model === "") return say("Paste a model id or a huggingface.co URL first.", true);
    button.disabled = true;
    say("Asking the service…");
    const start = await requestAnalysis(service, { model });
    if (start.kind === "error") {
      button.disabled = false;
      return say(start.message, true);
    }
    const fallbackPage = typeof start.status.key === "string" ? safeLink(`/${start.status.key.split("@")[0]}`, service) : null;
    if (start.kind === "done") return finish(start.status, fallbackPage);
    showProgress(start.status);
    stop = followJob(start.statusUrl, { progress: showProgress, finish: (s) => finish(s, fallbackPage) });
  });
}
