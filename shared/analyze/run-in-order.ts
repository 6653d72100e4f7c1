export interface InOrderLimits {
  /** items running at once */
  concurrency: number;
  /** the costs of the items running at once add up to at most this, except an item that starts alone */
  budget: number;
  cost: (index: number) => number;
}

/**
 * Runs run(0) … run(count − 1), starting them in order: item i starts once i − 1 has, fewer than
 * `concurrency` items run and its cost fits in the budget beside theirs. An item that does not fit
 * waits (later, smaller items do not overtake it, so none waits for ever) and starts alone when it
 * exceeds the budget by itself. Resolves when every item has; the first rejection rejects at once
 * and starts nothing more.
 */
export function runInOrder(count: number, limits: InOrderLimits, run: (index: number) => Promise<void>): Promise<void> {
  if (!Number.isSafeInteger(limits.concurrency) || limits.concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${limits.concurrency}`);
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let used = 0;
    let finished = 0;
    let failed = false;
    const pump = () => {
      while (!failed && next < count && running < limits.concurrency) {
        const cost = limits.cost(next);
        if (running > 0 && used + cost > limits.budget) return;
        const index = next++;
        running++;
        used += cost;
        Promise.resolve()
          .then(() => run(index))
          .then(
            () => {
              running--;
              used -= cost;
              if (++finished === count) resolve();
              else pump();
            },
            (error: unknown) => {
              if (!failed) reject(error);
              failed = true;
            },
          );
      }
    };
    if (count === 0) resolve();
    else pump();
  });
}
