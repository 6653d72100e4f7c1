import type { LayerColumns } from "#shared/report";
import { GPU_COLUMN_TOLERANCES } from "./gpu-column-tolerances.ts";

/**
 * The columns of a layer computed with the GPU Gram that are further from the float64 path's
 * than GPU_COLUMN_TOLERANCES allows, each as a sentence; empty when all are within. Strings
 * (labels) must be equal; columns absent from the table (randomization) must be equal too,
 * since they never go through the GPU. Values that are not columns (shape, the compact ESD) are
 * left out.
 */
export function gpuColumnDifferences(gpu: LayerColumns, exact: LayerColumns): string[] {
  const problems: string[] = [];
  const lambdaMax = typeof exact.lambda_max === "number" ? exact.lambda_max : 0;
  for (const key of Object.keys(exact) as (keyof LayerColumns)[]) {
    const b = exact[key];
    const a = gpu[key];
    if (typeof b === "object" && b !== null) continue;
    if (typeof b !== "number" || typeof a !== "number") {
      if (a !== b) problems.push(`${exact.name} ${key}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
      continue;
    }
    const tolerance = GPU_COLUMN_TOLERANCES[key] ?? { kind: "exact" };
    let within: boolean;
    let bound = 0;
    if (tolerance.kind === "exact") within = a === b;
    else if (tolerance.kind === "eigenvalue") within = Math.abs(a * a - b * b) <= (bound = tolerance.tol * lambdaMax + tolerance.relative * b * b);
    else within = Math.abs(a - b) <= (bound = tolerance.tol * (tolerance.kind === "log" ? Math.max(1, Math.abs(b)) : Math.abs(b)));
    if (!within) problems.push(`${exact.name} ${key}: ${a} vs ${b} (${tolerance.kind}${bound ? `, bound ${bound.toExponential(2)}` : ""})`);
  }
  return problems;
}
