/**
 * Path of a file's bytes on the mock's CDN: content-addressed like the Hub's Xet bridge, so a URL
 * handed out before the file changed stops serving instead of serving other bytes.
 */
export function cdnPath(repo: string, sha256: string, filePath: string): string {
  return `/cdn/${encodeURIComponent(repo)}/${sha256}/${filePath.split("/").map(encodeURIComponent).join("/")}`;
}
