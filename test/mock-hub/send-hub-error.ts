import type { ServerResponse } from "node:http";

/**
 * An error the way the Hub sends it: JSON `{"error": message}` plus `X-Error-Code` and
 * `X-Error-Message`, which @huggingface/hub and huggingface_hub read.
 */
export function sendHubError(res: ServerResponse, status: number, code: string | undefined, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, {
    ...headers,
    ...(code !== undefined && { "X-Error-Code": code }),
    // header values must be latin-1 without line breaks
    "X-Error-Message": message.replace(/[^\x20-\x7e]/g, "?"),
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}
