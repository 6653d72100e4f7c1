// headers read at once while listing a model: enough to hide latency, few enough that an index naming thousands of shards is no burst
export const HEADER_CONCURRENCY = 8;

/**
 * `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in the items' order.
 * After the first rejection no further call starts, and that rejection is the answer: a model
 * naming thousands of shards costs a handful of requests once one of them fails for good.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  // every worker settles before the answer, so no call is left running unobserved
  const settled = await Promise.allSettled(workers);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return results;
}
