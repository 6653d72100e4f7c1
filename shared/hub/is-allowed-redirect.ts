/** Where the real Hub sends file downloads: its own hosts, the LFS CDN (cdn-lfs*.hf.co) and the Xet bridge (cas-bridge.xethub.hf.co). */
export const DEFAULT_REDIRECT_HOSTS: readonly string[] = ["huggingface.co", "*.huggingface.co", "hf.co", "*.hf.co"];

// names that resolve to this machine without being IP literals (/etc/hosts on most systems)
const LOOPBACK_NAMES = ["localhost", "ip6-localhost", "ip6-loopback"];

/** `hostname` as `URL` writes it, which has already turned every IPv4 spelling (`0x7f.1`, `2130706433`) into dotted form and bracketed IPv6. */
function isAddressOrLoopbackName(hostname: string): boolean {
  return hostname.startsWith("[") || /^\d+\.\d+\.\d+\.\d+$/.test(hostname) || LOOPBACK_NAMES.includes(hostname) || hostname.endsWith(".localhost");
}

function matchesHostPattern(hostname: string, pattern: string): boolean {
  const wanted = pattern.toLowerCase();
  if (!wanted.startsWith("*.")) return hostname === wanted;
  const suffix = wanted.slice(1);
  return hostname.endsWith(suffix) && hostname.length > suffix.length;
}

/**
 * Whether a file reader may follow a redirect from `original` to `target`. The original's own
 * origin is always fine. Anywhere else must be https on a host of `hosts` (exact names or
 * `*.suffix`), and never an IP address or a loopback name, whatever `hosts` says: a signed
 * download URL that the Hub hands out cannot be one, and one that is could reach the
 * service's own network.
 */
export function isAllowedRedirect(original: string | URL, target: string | URL, hosts: readonly string[]): boolean {
  const from = new URL(original);
  const to = new URL(target);
  // blob: URLs share their inner URL's origin, so the scheme is compared too
  if (to.protocol === from.protocol && to.origin === from.origin) return true;
  if (to.protocol !== "https:") return false;
  // `huggingface.co.` is huggingface.co to DNS
  const hostname = to.hostname.replace(/\.$/, "");
  if (isAddressOrLoopbackName(hostname)) return false;
  return hosts.some((pattern) => matchesHostPattern(hostname, pattern));
}
