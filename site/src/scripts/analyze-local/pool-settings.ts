/** The most Web Workers the local analysis starts, whatever the machine or the page asks. */
export const MAX_POOL_WORKERS = 8;

const GIB = 2 ** 30;
/** The budget where the browser does not say how much memory the device has (navigator.deviceMemory is Chromium's). */
export const FALLBACK_MEMORY_BYTES = GIB;
/** The most a page's layers in flight may take together, on any device: one tab shares the machine. */
export const MAX_MEMORY_BYTES = 4 * GIB;

/** One worker per logical core (`navigator.hardwareConcurrency`), at least 1 and at most MAX_POOL_WORKERS. */
export function defaultPoolSize(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency!) : 1;
  return Math.max(1, Math.min(MAX_POOL_WORKERS, cores));
}

/**
 * The memory the layers in flight may take together, by their estimates (layerMemoryBytes): half of
 * the device's memory where the browser tells it (`navigator.deviceMemory`, in GiB, rounded and
 * capped by the browser), at most MAX_MEMORY_BYTES; FALLBACK_MEMORY_BYTES where it does not.
 */
export function poolMemoryBudget(deviceMemoryGiB: number | undefined): number {
  if (deviceMemoryGiB === undefined || !Number.isFinite(deviceMemoryGiB) || deviceMemoryGiB <= 0) return FALLBACK_MEMORY_BYTES;
  return Math.min(MAX_MEMORY_BYTES, Math.floor((deviceMemoryGiB * GIB) / 2));
}

/**
 * The pool size a page asks for (`?workers=N` in its URL, else `data-workers` on the analysis'
 * root): a whole number from 1 to MAX_POOL_WORKERS, or null (the default) for anything else.
 */
export function requestedPoolSize(...asked: (string | null | undefined)[]): number | null {
  for (const value of asked) {
    if (value === null || value === undefined || value === "") continue;
    const n = Number(value);
    return /^\d+$/.test(value) && n >= 1 && n <= MAX_POOL_WORKERS ? n : null;
  }
  return null;
}
