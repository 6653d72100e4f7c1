import { linearScale } from "./linear-scale.ts";

export interface Tick {
  value: number;
  label: string;
  /** position in SVG units */
  at: number;
}

export interface PlotLayout {
  width: number;
  height: number;
  /** the data area: x from left to right, y from top to bottom (SVG units) */
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: (v: number) => number;
  y: (v: number) => number;
  xTicks: Tick[];
  yTicks: Tick[];
}

export interface PlotSpec {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  xDomain: [number, number];
  yDomain: [number, number];
  xTicks: number[];
  yTicks: number[];
  xTickLabel?: (v: number) => string;
  yTickLabel?: (v: number) => string;
}

/** Scales and ticks of a plot: what the frame draws and what the marks are placed with. */
export function plotLayout(spec: PlotSpec): PlotLayout {
  const left = spec.margin.left;
  const right = spec.width - spec.margin.right;
  const top = spec.margin.top;
  const bottom = spec.height - spec.margin.bottom;
  const x = linearScale(spec.xDomain, [left, right]);
  const y = linearScale(spec.yDomain, [bottom, top]);
  const inside = (v: number, [a, b]: [number, number]) => v >= Math.min(a, b) - 1e-9 && v <= Math.max(a, b) + 1e-9;
  const xLabel = spec.xTickLabel ?? String;
  const yLabel = spec.yTickLabel ?? String;
  return {
    width: spec.width,
    height: spec.height,
    left,
    right,
    top,
    bottom,
    x,
    y,
    xTicks: spec.xTicks.filter((v) => inside(v, spec.xDomain)).map((v) => ({ value: v, label: xLabel(v), at: x(v) })),
    yTicks: spec.yTicks.filter((v) => inside(v, spec.yDomain)).map((v) => ({ value: v, label: yLabel(v), at: y(v) })),
  };
}
