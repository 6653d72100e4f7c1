import type { Exchange, HubContext } from "./hub-context.ts";
import { parseRangeHeader } from "./parse-range-header.ts";
import { sendFileBody } from "./send-file-body.ts";

/**
 * Answers a file body with byte-range support: 206 with `Content-Range` for one satisfiable range,
 * 416 (with `Content-Range` naming only the total size) otherwise, 200 without a range. The repo's drop and
 * slow-down faults shape the body.
 */
export async function serveBytes(
  ctx: HubContext,
  ex: Exchange,
  repo: string,
  source: { absPath: string } | { bytes: Uint8Array },
  size: number,
  headers: Record<string, string>,
): Promise<void> {
  const { req, res } = ex;
  const range = parseRangeHeader(req.headers.range, size);
  if (range.kind === "unsatisfiable") {
    res.writeHead(416, { ...headers, "Content-Range": `bytes */${size}`, "Content-Length": 0 });
    res.end();
    return;
  }
  const start = range.kind === "range" ? range.start : 0;
  const end = range.kind === "range" ? range.end : size - 1;
  res.writeHead(range.kind === "range" ? 206 : 200, {
    ...headers,
    "Accept-Ranges": "bytes",
    "Content-Length": end - start + 1,
    ...(range.kind === "range" && { "Content-Range": `bytes ${start}-${end}/${size}` }),
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const dropAfterBytes = ctx.faults.takeDrop(repo);
  const bytesPerSecond = ctx.faults.of(repo).slowBytesPerSecond;
  if (dropAfterBytes !== undefined) ex.log.fault = "dropAfterBytes";
  else if (bytesPerSecond !== undefined) ex.log.fault = "slowBytesPerSecond";
  await sendFileBody(res, source, start, end, { dropAfterBytes, bytesPerSecond });
}
