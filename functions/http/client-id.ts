/** Who is asking, for rate limits: the client address Cloudflare puts in front of every request. */
export function clientId(request: Request): string {
  return request.headers.get("cf-connecting-ip") ?? "unknown-client";
}
