import type { Report } from "#shared/report";
import { formatMetric, alphaVerdict } from "#shared/format";
import { revealInvisible } from "../lib/reveal-invisible.ts";

// Plain text (the page escapes it): <title> and the description meta, the same on static and live pages

export function cardTitle(report: Report, pinned: boolean): string {
  return `${revealInvisible(report.model.id)}${pinned && report.model.sha ? ` @ ${report.model.sha.slice(0, 7)}` : ""} · heavytail report card`;
}

export function spectraTitle(report: Report): string {
  return `Spectra of ${revealInvisible(report.model.id)} · heavytail`;
}

export function cardDescription(report: Report): string {
  const s = report.summary;
  const reading = alphaVerdict(s.successful_fits.alpha);
  return `${revealInvisible(report.model.id)}: mean α ${formatMetric(s.successful_fits.alpha, 2)} (${reading.label}) over ${s.successful_fits.layers} layers, log α-norm ${formatMetric(s.reference.log_alpha_norm, 3)}.`;
}
