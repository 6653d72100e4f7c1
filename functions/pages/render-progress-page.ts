import { escapeXml as e } from "../../shared/badge/escape-xml.ts";
import type { JobStatus } from "../job/job-types.ts";
import { htmlPage } from "./html-page.ts";

/**
 * The page shown while a model is analysed: live progress from the job's event stream, then a
 * reload that shows the report. The key travels in a data attribute, never inside the script.
 */
export function renderProgressPage(status: JobStatus, pageUrl: string): Response {
  const body = `
<h1>Analysing ${e(status.id)}</h1>
<p class="muted">commit ${e(status.sha)} (${e(status.revision)})</p>
<section id="job" data-status-url="/api/jobs/${e(status.key)}" data-page-url="${e(pageUrl)}">
<p id="state">${e(status.state)}: ${status.layers.done} of ${status.layers.total} layers</p>
<progress id="bar" max="1" value="0"></progress>
<p id="detail" class="muted"></p>
</section>
<script>
(() => {
  const job = document.getElementById("job");
  const show = (s) => {
    const finished = s.layers.done + s.layers.failed;
    document.getElementById("state").textContent = s.state + ": " + finished + " of " + s.layers.total + " layers" + (s.layers.failed ? " (" + s.layers.failed + " failed)" : "");
    document.getElementById("bar").value = s.bytes_total ? s.bytes_streamed / s.bytes_total : 0;
    document.getElementById("detail").textContent = s.error ? s.error : s.eta_seconds == null ? "" : "about " + s.eta_seconds + " s left";
    if (s.state === "done") location.assign(job.dataset.pageUrl);
  };
  const events = new EventSource(job.dataset.statusUrl);
  events.addEventListener("status", (m) => show(JSON.parse(m.data)));
  events.onerror = () => { events.close(); setTimeout(() => location.reload(), 5000); };
})();
</script>`;
  return htmlPage(`Analysing ${status.id}`, body, 202);
}
