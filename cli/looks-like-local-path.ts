/** names a weight file or a folder's index, not a Hub repo */
const FILE_NAME = /\.(safetensors|gguf|bin|pt|pth|json)$/i;
/** `org/name/tree/<rev>`, `…/blob/<rev>/<file>`: a Hub page's path, pasted without its host */
const HUB_PAGES = new Set(["tree", "blob", "resolve"]);

/**
 * Whether a target that does not exist on disk was meant as a local path: then it is an error to
 * report ("no such file"), not a Hub id to send over the network. `org/name` and `name` stay Hub
 * ids; a path that starts with `.`, `/` or `~`, holds a backslash or a drive letter, names a
 * weight file, or has more segments than an id (without being a URL) is a path.
 */
export function looksLikeLocalPath(target: string): boolean {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target) || /^(?:www\.)?(?:huggingface\.co|hf\.co)\//i.test(target)) return false;
  if (/^[.~/]/.test(target) || target.includes("\\") || /^[A-Za-z]:/.test(target)) return true;
  const segments = target.split("/");
  if (HUB_PAGES.has(segments[1]) || HUB_PAGES.has(segments[2])) return false;
  return FILE_NAME.test(target) || segments.length > 2;
}
