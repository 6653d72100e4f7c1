// The web-standard APIs shared/ may use, and only the members it uses: Workers, Node and browsers all
// provide them. shared/tsconfig.json compiles shared/ against this file alone (no DOM, no Node, no
// Worker types), so a use of anything else (document, process, a binding) fails the typecheck; the
// programs that also check shared/ against the platforms' full types (tsconfig.json,
// functions/tsconfig.json) exclude this file, so every member here is checked against the real ones.

type BufferSource = ArrayBufferView | ArrayBuffer;

interface TextDecoderOptions {
  fatal?: boolean;
}
declare class TextDecoder {
  constructor(label?: string, options?: TextDecoderOptions);
  decode(input?: BufferSource): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class URL {
  constructor(url: string | URL, base?: string | URL);
  readonly origin: string;
  href: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  pathname: string;
}

declare class AbortSignal {
  static timeout(milliseconds: number): AbortSignal;
  static any(signals: AbortSignal[]): AbortSignal;
  readonly aborted: boolean;
}
declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

type HeadersInit = [string, string][] | Record<string, string> | Headers;
declare class Headers {
  constructor(init?: HeadersInit);
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

type ReadableStreamReadResult<T> = { done: false; value: T } | { done: true; value?: undefined };
interface ReadableStreamDefaultReader<R> {
  read(): Promise<ReadableStreamReadResult<R>>;
  cancel(reason?: unknown): Promise<void>;
}
interface ReadableStream<R> {
  getReader(): ReadableStreamDefaultReader<R>;
  cancel(reason?: unknown): Promise<void>;
}

type RequestRedirect = "error" | "follow" | "manual";
interface RequestInit {
  method?: string;
  headers?: HeadersInit;
  redirect?: RequestRedirect;
  signal?: AbortSignal | null;
}
declare class Request {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
}
type RequestInfo = Request | string;

type ResponseType = "basic" | "cors" | "default" | "error" | "opaque" | "opaqueredirect";
declare class Response {
  readonly ok: boolean;
  readonly status: number;
  readonly type: ResponseType;
  readonly redirected: boolean;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
}

declare function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;

// Opaque handles: Workers, Node and browsers each return their own (a number or a Timeout object).
interface TimeoutHandle {}
declare function setTimeout(callback: () => void, ms?: number): TimeoutHandle;
declare function clearTimeout(handle: TimeoutHandle | undefined): void;

declare namespace WebAssembly {
  class Module {}
  class Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  type Exports = Record<string, unknown>;
  class Instance {
    constructor(module: Module, importObject?: Record<string, Record<string, unknown>>);
    readonly exports: Exports;
  }
}
