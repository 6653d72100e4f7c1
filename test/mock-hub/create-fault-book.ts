import type { RepoFaults } from "./types.ts";

export interface RequestFault {
  status: number;
  fault: "rate429" | "error5xx";
  headers: Record<string, string>;
}

export interface FaultBook {
  /** faults now in force for `repo` (a live object: counts go down as faults are used) */
  of(repo: string): RepoFaults;
  set(repo: string, faults: RepoFaults): void;
  /** take the faults of `.mockhub.json` the first time a repo is seen; later edits of the file are not reread */
  seed(repo: string, faults: RepoFaults | undefined): void;
  clear(repo?: string): void;
  /** by repo id in lower case */
  all(): Record<string, RepoFaults>;
  /** a 429 or 5xx this request must get instead of its answer, using one count up */
  takeRequestFault(repo: string): RequestFault | undefined;
  /** after how many body bytes this response must be cut, using one count up */
  takeDrop(repo: string): number | undefined;
}

/**
 * Per-server fault state. Rate limits come before server errors, as a front proxy would answer.
 * Repos are told apart without regard to case, as the Hub tells ids apart, so faults set under
 * any spelling reach the repo.
 */
export function createFaultBook(): FaultBook {
  const faults = new Map<string, RepoFaults>();
  const seeded = new Set<string>();
  const key = (repo: string) => repo.toLowerCase();
  const of = (repo: string): RepoFaults => {
    let f = faults.get(key(repo));
    if (f === undefined) {
      f = {};
      faults.set(key(repo), f);
    }
    return f;
  };
  return {
    of,
    set(repo, next) {
      seeded.add(key(repo));
      faults.set(key(repo), structuredClone(next));
    },
    seed(repo, initial) {
      if (seeded.has(key(repo))) return;
      seeded.add(key(repo));
      if (initial !== undefined) faults.set(key(repo), structuredClone(initial));
    },
    clear(repo) {
      if (repo === undefined) {
        for (const k of faults.keys()) seeded.add(k);
        faults.clear();
      } else {
        seeded.add(key(repo));
        faults.delete(key(repo));
      }
    },
    all() {
      return Object.fromEntries([...faults].filter(([, f]) => Object.keys(f).length > 0));
    },
    takeRequestFault(repo): RequestFault | undefined {
      const f = of(repo);
      if (f.rate429 !== undefined && f.rate429.count > 0) {
        f.rate429.count -= 1;
        return { status: 429, fault: "rate429", headers: { "Retry-After": String(f.rate429.retryAfter) } };
      }
      if (f.error5xx !== undefined && f.error5xx.count > 0) {
        f.error5xx.count -= 1;
        return { status: f.error5xx.status ?? 500, fault: "error5xx", headers: {} };
      }
      return undefined;
    },
    takeDrop(repo) {
      const f = of(repo);
      if (f.dropAfterBytes === undefined || f.dropAfterBytes.count <= 0) return undefined;
      f.dropAfterBytes.count -= 1;
      return f.dropAfterBytes.bytes;
    },
  };
}
