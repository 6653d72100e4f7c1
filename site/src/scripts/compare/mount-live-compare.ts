import { revealInvisible } from "../../lib/reveal-invisible.ts";
import { renderCompare } from "../../compare/render-compare.ts";
import { fetchReport, reportUrl, type FetchedReport } from "../live-card/fetch-report.ts";
import { compareRequest } from "./compare-request.ts";
import { fetchDeltaReport } from "./fetch-delta-report.ts";
import { staticPairLink } from "./static-pair-link.ts";
import { idPath } from "../../lib/id-path.ts";

/**
 * The live compare page (pages/compare/index.astro): reads `?a=&b=`, moves on to the static page
 * when the build made one for the pair, else fetches both latest reports from the service (the
 * live card's fetch), and the service's delta analysis of one against the other at those commits
 * when it has one, and renders them with the static pages' renderer. Messages are text only.
 * `data-service` on the root is the service's base URL; empty for the page's own origin.
 */
export async function mountLiveCompare(root: HTMLElement): Promise<void> {
  const service = root.dataset.service || location.origin;
  const title = root.querySelector<HTMLElement>("[data-compare-title]")!;
  const status = root.querySelector<HTMLElement>("[data-compare-status]")!;
  const problem = root.querySelector<HTMLElement>("[data-compare-error]")!;
  const result = root.querySelector<HTMLElement>("[data-compare-result]")!;
  const form = root.querySelector<HTMLFormElement>("form[data-compare-form]")!;
  const state = (value: "idle" | "loading" | "compare" | "error") => (root.dataset.state = value);
  const fail = (message: string) => {
    status.hidden = true;
    problem.textContent = revealInvisible(message);
    problem.hidden = false;
    state("error");
  };

  const params = new URLSearchParams(location.search);
  for (const name of ["a", "b"]) {
    const input = form.querySelector<HTMLInputElement>(`input[name=${name}]`);
    if (input) input.value = params.get(name) ?? "";
  }
  const request = compareRequest(params);
  if (request.kind === "none") return;
  if (request.kind === "invalid") return fail(request.message);
  const links = [...root.querySelectorAll<HTMLAnchorElement>("[data-compare-pairs] a[data-a][data-b]")].map((l) => ({
    a: l.dataset.a ?? "",
    b: l.dataset.b ?? "",
    href: l.getAttribute("href") ?? "",
  }));
  const built = staticPairLink(links, request.a, request.b);
  if (built) {
    location.replace(built);
    return;
  }

  state("loading");
  title.textContent = revealInvisible(`${request.a} vs ${request.b}`);
  document.title = `${revealInvisible(`${request.a} vs ${request.b}`)} · heavytail`;
  status.textContent = "Fetching both reports from the service…";
  status.hidden = false;
  const [a, b] = await Promise.all([request.a, request.b].map((id) => fetchReport(reportUrl(service, id, null))));
  const check = (fetched: FetchedReport, id: string) =>
    fetched.kind === "missing" ? `${id} has not been analysed yet: open /${id} to analyse it.` : fetched.kind === "error" ? `${id}: ${fetched.message}` : null;
  const trouble = check(a, request.a) ?? check(b, request.b);
  if (trouble !== null || a.kind !== "report" || b.kind !== "report") return fail(trouble ?? "The service gave no report.");
  status.textContent = "Looking for a delta analysis of the pair…";
  const delta = await fetchDeltaReport(service, a.report, b.report);
  result.innerHTML = renderCompare(a.report, b.report, delta, { a: `/${idPath(a.report.model.id)}`, b: `/${idPath(b.report.model.id)}`, delta: null });
  title.hidden = true;
  status.hidden = true;
  root.querySelector<HTMLElement>("[data-compare-pairs-panel]")?.setAttribute("hidden", "");
  state("compare");
}
