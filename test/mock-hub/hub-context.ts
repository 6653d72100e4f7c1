import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultBook } from "./create-fault-book.ts";
import type { RepoSources } from "./find-repo-folder.ts";
import type { HashCache } from "./snapshot-repo.ts";
import type { RequestLogEntry } from "./types.ts";

/** What every handler of one server shares. Nothing here is global: each server has its own. */
export interface HubContext {
  sources: RepoSources;
  faults: FaultBook;
  hashCache: HashCache;
  lfsThreshold: number;
  signatureTtlMs: number;
  treePageSize: number;
  now: () => number;
  signingKey: string;
}

/** One request being answered. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** the path exactly as sent (not normalised: `..` stays visible) */
  pathname: string;
  query: URLSearchParams;
  /** `http://host:port` as the client addressed this server, for `Location` and `Link` */
  origin: string;
  /** this request's log entry; handlers note the repo and any fault */
  log: RequestLogEntry;
}
