/** Faults the mock Hub injects into the requests for one repo (API, resolve, raw and CDN alike). */
export interface RepoFaults {
  /** the next `count` requests answer 429 with `Retry-After: retryAfter` (seconds) */
  rate429?: { count: number; retryAfter: number };
  /** the next `count` requests answer `status` (500 when left out) */
  error5xx?: { count: number; status?: number };
  /** the next `count` file bodies are cut off: the socket closes after `bytes` bytes of body */
  dropAfterBytes?: { count: number; bytes: number };
  /** file bodies trickle out at this rate while the fault is set */
  slowBytesPerSecond?: number;
  /** lifetime of the signed CDN URLs handed out for this repo, replacing the server's default */
  expireSignaturesAfterMs?: number;
  /** every tree listing page answers `Link: <treeLinkTo>; rel="next"` (an absolute http(s) URL): a hostile Hub sending the client elsewhere */
  treeLinkTo?: string;
  /** model info answers 200 with exactly this body, as JSON: a broken Hub */
  infoBody?: string;
  /** resolve answers every file that exists with a 302 to this absolute http(s) URL instead of the file or the CDN */
  redirectTo?: string;
}

/** `.mockhub.json` in a repo folder: how the repo presents itself. Every key is optional. */
export interface RepoSettings {
  /** `true` is `"manual"`; files need the token, model info stays public as on the Hub */
  gated?: boolean | "auto" | "manual";
  /** everything needs the token; without it the repo looks missing */
  private?: boolean;
  /** the one bearer token that opens a gated or private repo (starts with `hf_`) */
  token?: string;
  faults?: RepoFaults;
  pipeline_tag?: string;
  library_name?: string;
  tags?: string[];
  downloads?: number;
  likes?: number;
}

export interface MockHubOptions {
  /** serve every `dir/org/name/` folder as `org/name`, and a `dir/name/` folder holding files as the legacy id `name` */
  dir?: string;
  /** explicit mounts, `{ "org/name": "/path/to/folder" }`; they win over folders found under `dir` */
  repos?: Record<string, string>;
  /** 127.0.0.1 port; 0 (the default) takes any free one */
  port?: number;
  /** files larger than this many bytes are LFS files: resolve redirects them to the CDN (default 10 KB) */
  lfsThreshold?: number;
  /** lifetime of signed CDN URLs in ms (default one hour, as the Hub's `X-Amz-Expires=3600`) */
  signatureTtlMs?: number;
  /** entries per page of the tree listing before a `Link: rel="next"` (default 1000, as the Hub) */
  treePageSize?: number;
  /** clock in ms since the epoch, for tests that move time instead of waiting (default `Date.now`) */
  now?: () => number;
  /** HMAC key for CDN signatures (default: 32 random bytes per server) */
  signingKey?: string;
}

export interface RequestLogEntry {
  method: string;
  /** the path as sent, without the query */
  path: string;
  /** the `Range` header, when there was one */
  range?: string;
  status: number;
  /** the repo the request was about, when it named a known one */
  repo?: string;
  /** the fault that shaped the answer */
  fault?: "rate429" | "error5xx" | "dropAfterBytes" | "slowBytesPerSecond" | "treeLinkTo" | "infoBody" | "redirectTo";
}

export interface MockHub {
  /** `http://127.0.0.1:PORT`, without a trailing slash: pass it as `hubUrl` / `HF_ENDPOINT` */
  url: string;
  close(): Promise<void>;
  /** replace the faults of `repo` (an empty object clears them) */
  setFaults(repo: string, faults: RepoFaults): void;
  /** every request except the `/__mock/` control routes, in arrival order; it is live, and `length = 0` clears it */
  requests: RequestLogEntry[];
}
