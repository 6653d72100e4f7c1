import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface Rule {
  pattern: RegExp;
  set: [string, string][];
  unset: string[];
}

/**
 * The headers a built site's `_headers` gives each path, applied the way Workers static assets
 * apply them: every matching rule in order, `*` matching anything and `:name` one segment, a
 * header set again by a later rule joined with a comma, `! Name` removing one. No file: none.
 */
export function headersFileRules(root: string): (pathname: string) => Record<string, string> {
  const file = join(root, "_headers");
  const rules: Rule[] = [];
  if (existsSync(file)) {
    for (const raw of readFileSync(file, "utf8").split("\n")) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      if (line.startsWith("/")) {
        const source = line.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/:\w+/g, "[^/]+");
        rules.push({ pattern: new RegExp(`^${source}$`), set: [], unset: [] });
      } else if (line.startsWith("!")) rules.at(-1)!.unset.push(line.slice(1).trim().toLowerCase());
      else {
        const colon = line.indexOf(":");
        rules.at(-1)!.set.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
      }
    }
  }
  return (pathname) => {
    const headers: Record<string, string> = {};
    for (const rule of rules.filter((r) => r.pattern.test(pathname))) {
      for (const name of rule.unset) delete headers[name];
      for (const [name, value] of rule.set) headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    return headers;
  };
}
