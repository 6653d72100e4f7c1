import type { AnalysisProgress } from "#shared/analyze";
import { describeProgress } from "#shared/format";

/** The status line: the one progress sentence, with a time left from the byte rate so far. */
export function progressLine(p: AnalysisProgress, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? p.bytesRead / elapsedSeconds : 0;
  const secondsLeft = rate > 0 ? Math.max(0, p.bytesTotal - p.bytesRead) / rate : null;
  return describeProgress({ ...p, layersEnded: p.layersDone, secondsLeft });
}
