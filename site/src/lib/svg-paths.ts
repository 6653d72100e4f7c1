/** SVG path data, rounded to 0.1 px: plots are drawn at build time and must stay small. */
const r = (v: number) => Math.round(v * 10) / 10;

/** A polyline through the points. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r(x)} ${r(y)}`).join("");
}

/** Closed bars from a baseline, one rectangle per [x0, x1, y] (histograms). */
export function barsPath(bars: readonly (readonly [number, number, number])[], baseline: number): string {
  return bars.map(([x0, x1, y]) => `M${r(x0)} ${r(baseline)}V${r(y)}H${r(x1)}V${r(baseline)}Z`).join("");
}

/** A step outline over consecutive bins [x0, x1, y] (a histogram drawn as one line). */
export function stepPath(steps: readonly (readonly [number, number, number])[]): string {
  return steps.map(([x0, x1, y], i) => `${i === 0 ? "M" : "L"}${r(x0)} ${r(y)}H${r(x1)}`).join("");
}

/** Round dots of radius `radius`, as one path of arcs (hundreds of layers stay one element). */
export function dotsPath(points: readonly (readonly [number, number])[], radius: number): string {
  const d = r(2 * radius);
  return points.map(([x, y]) => `M${r(x - radius)} ${r(y)}a${radius} ${radius} 0 1 0 ${d} 0a${radius} ${radius} 0 1 0 ${-d} 0`).join("");
}

/** Upward triangles (values above the plotted range), as one path. */
export function trianglesPath(points: readonly (readonly [number, number])[], size: number): string {
  return points.map(([x, y]) => `M${r(x)} ${r(y)}l${size} ${r(size * 1.6)}h${-2 * size}Z`).join("");
}
