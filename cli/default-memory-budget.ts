import os from "node:os";

/** Half the memory this process may use: the machine's, or its container's limit when that is lower. */
export function defaultMemoryBudget(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  const total = os.totalmem();
  return Math.floor((limit > 0 && limit < total ? limit : total) / 2);
}
