/**
 * The URL of a file of a Hub repo at a commit, `{hub}/{org}/{name}/resolve/{sha}/{path}`, each
 * path segment escaped (a file may be named `sub dir/m#1.gguf`), and the header that carries the
 * token to the Hub (never put in the URL, so it stays out of every name and log).
 */
export function hubFileUrl(hubUrl: string, id: string, sha: string, file: string): string {
  return `${hubUrl.replace(/\/+$/, "")}/${id}/resolve/${sha}/${file.split("/").map(encodeURIComponent).join("/")}`;
}

export function hubAuthHeaders(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
