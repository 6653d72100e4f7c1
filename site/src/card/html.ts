import { escapeMarkup } from "#shared/web";
import { revealInvisible } from "../lib/reveal-invisible.ts";

/**
 * Markup made by the card's renderers. Only `html` and `exact` make one, so every string inside
 * went through `escapeMarkup` (shared/web): the card runs on report data (model ids, layer names, reasons) that
 * anyone who can publish a model controls.
 */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** What a template accepts: markup, text, numbers, and nothing (`null`, `undefined`, `false`, `true`) for conditionals. */
export type Part = Html | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part instanceof Html) return part.markup;
  if (Array.isArray(part)) return (part as readonly Part[]).map(render).join("");
  if (typeof part === "string") return escapeMarkup(revealInvisible(part));
  if (typeof part === "number") return String(part);
  return "";
}

/**
 * A template of markup: strings interpolated into it are text for people, so they are escaped and
 * their bidi controls and zero-width marks shown as ⟨U+XXXX⟩ (revealInvisible). Attribute values
 * must be double-quoted in the template.
 */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < parts.length; i++) out += render(parts[i]) + strings[i + 1];
  return new Html(out);
}

/**
 * A value that scripts and tests read back exactly (`data-value` for sorting and search, the
 * raw model id): escaped, but with invisible characters kept, since revealing them would change it.
 */
export function exact(text: string): Html {
  return new Html(escapeMarkup(text));
}
