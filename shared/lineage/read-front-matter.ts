/** The keys of a README's front matter that lineage reads. */
export interface FrontMatterLineageKeys {
  base_model?: string | string[];
  base_model_relation?: string;
}

const KEYS = new Set(["base_model", "base_model_relation"]);

/**
 * `base_model` and `base_model_relation` from a model card's YAML front matter (between a first
 * line `---` and the next `---`), without a YAML library: only top-level `key: value`, a flow list
 * `[a, b]` and a block list of `- item` lines below the key are read, quotes stripped; every other
 * key, and any YAML beyond that, is ignored.
 */
export function readFrontMatter(readme: string): FrontMatterLineageKeys {
  const lines = readme.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return {};
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (end < 0) return {};
  const out: FrontMatterLineageKeys = {};
  for (let i = 1; i < end; i++) {
    const match = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(lines[i]);
    if (!match || !KEYS.has(match[1])) continue;
    const key = match[1] as keyof FrontMatterLineageKeys;
    const rest = stripComment(match[2]).trim();
    let value: string | string[];
    if (rest === "") {
      const items: string[] = [];
      while (i + 1 < end && /^\s*-\s/.test(lines[i + 1])) items.push(scalar(lines[++i].replace(/^\s*-\s/, "")));
      value = items;
    } else if (rest.startsWith("[") && rest.endsWith("]")) {
      value = rest.slice(1, -1).split(",").map(scalar);
    } else value = scalar(rest);
    const items = (Array.isArray(value) ? value : [value]).filter((v) => v !== "");
    if (key === "base_model_relation") {
      if (typeof value === "string" && value !== "") out.base_model_relation = value;
    } else if (items.length > 0) out.base_model = Array.isArray(value) ? items : items[0];
  }
  return out;
}

function stripComment(text: string): string {
  // a '#' after whitespace starts a comment, outside quotes (ids hold no '#')
  const quoted = /^\s*(["']).*\1\s*$/.test(text);
  return quoted ? text : text.replace(/\s#.*$/, "");
}

function scalar(text: string): string {
  const t = stripComment(text).trim();
  const quoted = /^"(.*)"$/.exec(t) ?? /^'(.*)'$/.exec(t);
  return quoted ? quoted[1] : t;
}
