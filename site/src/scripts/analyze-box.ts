import { describeProgress, progressFraction, safeLink, type JobStatus } from "./analyze-status.ts";

const POLL_MS = 2000;

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
    stop?.();
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
  const follow = (statusUrl: string, fallbackPage: string | null) => {
    const onStatus = (s: JobStatus) => (s.state === "done" || s.state === "failed" ? finish(s, fallbackPage) : showProgress(s));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(statusUrl, { headers: { accept: "application/json" } });
        const body = await response.json();
        if (!response.ok) return finish({ state: "failed", error: body.message ?? `the service answered ${response.status}` }, null);
        onStatus(body);
        if (body.state !== "done" && body.state !== "failed") timer = setTimeout(poll, POLL_MS);
      } catch {
        timer = setTimeout(poll, POLL_MS * 2);
      }
    };
    if (typeof EventSource === "function") {
      const events = new EventSource(statusUrl);
      stop = () => events.close();
      events.addEventListener("status", (e) => onStatus(JSON.parse((e as MessageEvent).data)));
      // a refused or broken stream: fall back to asking every few seconds
      events.onerror = () => {
        if (events.readyState === EventSource.CLOSED || events.readyState === EventSource.CONNECTING) {
          events.close();
          stop = () => clearTimeout(timer);
          void poll();
        }
      };
    } else {
      stop = () => clearTimeout(timer);
      void poll();
    }
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
    try {
      const response = await fetch(new URL("/api/analyze", service), {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ model }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        const retry = response.headers.get("retry-after");
        button.disabled = false;
        return say(`${body.message ?? body.error ?? `The service answered ${response.status}.`}${retry ? ` Try again in ${retry} s.` : ""}`, true);
      }
      const fallbackPage = typeof body.key === "string" ? safeLink(`/${body.key.split("@")[0]}`, service) : null;
      if (response.status === 200 || body.state === "done") return finish(body, fallbackPage);
      const statusUrl = safeLink(body.status_url, service);
      if (!statusUrl) {
        button.disabled = false;
        return say("The service did not say where to follow the job.", true);
      }
      showProgress(body);
      follow(statusUrl, fallbackPage);
    } catch (error) {
      button.disabled = false;
      say(`Could not reach the service at ${service}: ${(error as Error).message}`, true);
    }
  });
}
