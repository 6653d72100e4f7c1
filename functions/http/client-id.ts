/**
 * Who is asking, for rate limits: the client address Cloudflare puts in front of every request
 * (on the platform it overwrites any value a client sends). An IPv6 client owns at least a /64,
 * so it counts as its /64, not as 2^64 clients. Without the header (only locally, under
 * wrangler dev) every client shares one bucket, and the global budget still holds.
 */
export function clientId(request: Request): string {
  const address = request.headers.get("cf-connecting-ip")?.trim() ?? "";
  if (address === "") return "unknown-client";
  const mapped = /^(?:::ffff:|\[::ffff:)(\d+\.\d+\.\d+\.\d+)\]?$/i.exec(address);
  if (!address.includes(":") || mapped) return `ip4:${mapped ? mapped[1] : address}`;
  return `ip6:${ipv6Prefix64(address) ?? address.toLowerCase()}`;
}

/** The first four 16-bit groups of an IPv6 address, normalised (`2001:db8::1` → `2001:db8:0:0`); null when it is not one. */
function ipv6Prefix64(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "").toLowerCase();
  // an embedded IPv4 tail (::ffff:1.2.3.4) is in the last 32 bits, outside the /64
  const halves = bare.replace(/:\d+\.\d+\.\d+\.\d+$/, ":0:0").split("::");
  if (halves.length > 2) return null;
  const head = halves[0] === "" ? [] : halves[0]!.split(":");
  const tail = halves.length === 2 && halves[1] !== "" ? halves[1]!.split(":") : [];
  const groups = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill("0"), ...tail] : head;
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "")).join(":");
}
