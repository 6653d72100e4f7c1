import type { Report } from "#shared/report";
import { localCardContext } from "../../card/card-context.ts";
import { html } from "../../card/html.ts";
import { mountCard } from "../../card/mount-card.ts";
import { renderReportCard } from "../../card/report-card.ts";
import { spectraGrid, spectraLede } from "../../card/spectra-list.ts";
import type { EnginePreference } from "./choose-browser-gram.ts";
import { describeLocalProgress } from "./describe-local-progress.ts";
import { droppedFiles } from "./dropped-files.ts";
import { type LocalFile, pickedFiles } from "./local-file.ts";
import { defaultPoolSize, poolMemoryBudget, requestedPoolSize } from "./pool-settings.ts";
import { reportFileName } from "./report-file-name.ts";
import type { AnalysisMessage, StartAnalysis, StopAnalysis } from "./worker-messages.ts";

/** how long a replaced analysis may take to end its layer workers before it is terminated as it stands */
const STOP_GRACE_MS = 3000;

/**
 * The local-analysis page: a person drops or picks a model's files or its folder, the analysis runs in a worker
 * on this machine (nothing is uploaded), progress shows as it goes, and the report appears as the
 * site's report card, every layer's spectrum folded below it, with a download of its JSON. A new drop stops the
 * analysis under way. Layers are analysed on a pool of Web Workers, one per core (at most 8) by default, their
 * estimated memory within a budget (pool-settings.ts); `?workers=N` in the page's URL, or `data-workers="N"` on
 * the root, asks for N (1: one layer at a time in the analysis worker). The report is the same at any N.
 */
export function mountLocalAnalysis(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("form[data-local-form]")!;
  const zone = root.querySelector<HTMLElement>("[data-drop-zone]")!;
  const pickers = [...form.querySelectorAll<HTMLInputElement>("input[type=file]")];
  const engine = form.querySelector<HTMLSelectElement>("select[name=engine]")!;
  const randomize = form.querySelector<HTMLInputElement>("input[name=randomize]")!;
  const seed = form.querySelector<HTMLInputElement>("input[name=seed]")!;
  const status = root.querySelector<HTMLElement>("[data-local-status]")!;
  const engineLine = root.querySelector<HTMLElement>("[data-local-engine]")!;
  const bar = root.querySelector<HTMLProgressElement>("progress")!;
  const result = root.querySelector<HTMLElement>("[data-local-result]")!;
  const workers = requestedPoolSize(new URLSearchParams(location.search).get("workers"), root.dataset.workers) ?? defaultPoolSize(navigator.hardwareConcurrency);
  const memoryBytes = poolMemoryBudget((navigator as Navigator & { deviceMemory?: number }).deviceMemory);
  // how many layers may run at once, for people and tests to read
  root.dataset.poolSize = String(workers);
  let worker: Worker | null = null;
  let download: string | null = null;
  /** what was chosen or dropped last, for "Analyse again" */
  let chosen: LocalFile[] = [];

  /** Ends a replaced analysis: it ends its layer workers and closes itself, or is terminated as it stands after a grace period. */
  const stop = (old: Worker) => {
    const end = () => old.terminate();
    old.onmessage = null;
    old.onerror = end;
    old.postMessage({ type: "stop" } satisfies StopAnalysis);
    setTimeout(end, STOP_GRACE_MS);
  };

  const say = (text: string, isError = false) => {
    status.textContent = text;
    status.classList.toggle("error", isError);
  };

  const show = (report: Report, seconds: number) => {
    if (download) URL.revokeObjectURL(download);
    download = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2) + "\n"], { type: "application/json" }));
    result.innerHTML =
      html`<p><a href="${download}" download="${reportFileName(report)}" class="button" data-local-download>Download the report (JSON)</a></p>`.markup +
      renderReportCard(report, localCardContext(report, download)) +
      html`<details class="panel" id="spectra"><summary><h2>All ${report.layers.length} spectra</h2></summary>${spectraLede(report)}${spectraGrid(report)}</details>`.markup;
    mountCard(result);
    // the spectra are folded away: a link to one of them opens them
    const spectra = result.querySelector<HTMLDetailsElement>("details#spectra")!;
    for (const link of result.querySelectorAll<HTMLAnchorElement>('a[href^="#layer-"], a[href="#spectra"]')) link.addEventListener("click", () => (spectra.open = true));
    say(`Done in ${seconds.toFixed(1)} s: ${report.summary.layers_analysed} layers analysed, ${report.summary.layers_skipped} skipped, ${report.summary.layers_failed} failed.`);
    root.dataset.state = "done";
  };

  const start = (files: LocalFile[]) => {
    if (files.length === 0) return;
    chosen = files;
    if (worker) stop(worker);
    worker = null;
    result.replaceChildren();
    engineLine.textContent = "";
    bar.hidden = false;
    bar.removeAttribute("value");
    root.dataset.state = "running";
    say(`Reading ${files.length === 1 ? files[0].file.name : `${files.length} files`} …`);
    const seedValue = Number(seed.value);
    if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > 0xffffffff) {
      bar.hidden = true;
      root.dataset.state = "error";
      say("The seed must be a whole number from 0 to 4294967295.", true);
      return;
    }
    worker = new Worker(new URL("./analysis-worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<AnalysisMessage>) => {
      const message = event.data;
      if (message.type === "engine") {
        engineLine.textContent = `Engine: ${message.engine} — ${message.note}`;
        root.dataset.engine = message.engine;
      } else if (message.type === "progress") {
        const { text, fraction } = describeLocalProgress(message.progress);
        say(text);
        bar.value = fraction;
      } else {
        worker?.terminate();
        worker = null;
        bar.hidden = message.type === "error";
        if (message.type === "done") {
          bar.value = 1;
          show(message.report, message.seconds);
        } else {
          root.dataset.state = "error";
          say(`The analysis stopped: ${message.message}`, true);
        }
      }
    };
    worker.onerror = (event) => {
      root.dataset.state = "error";
      bar.hidden = true;
      say(`The analysis could not run in this browser: ${event.message || "the worker failed to start"}`, true);
    };
    const request: StartAnalysis = { type: "start", files, engine: engine.value as EnginePreference, randomize: randomize.checked, seed: seedValue, workers, memoryBytes };
    worker.postMessage(request);
  };

  for (const picker of pickers) picker.addEventListener("change", () => start(pickedFiles(picker.files ?? [])));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    start(chosen);
  });
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    if (!event.dataTransfer) return;
    droppedFiles(event.dataTransfer).then(start, (error: unknown) => {
      root.dataset.state = "error";
      say(`The dropped files could not be read: ${error instanceof Error ? error.message : String(error)}`, true);
    });
  });
  root.dataset.state = "ready";
}
