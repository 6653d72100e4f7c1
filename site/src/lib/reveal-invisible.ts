/** Characters that change how text is displayed without being seen: zero-width marks and bidi controls. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Text from a report as the site shows it: invisible and bidirectional control characters made
 * visible as ⟨U+XXXX⟩. A right-to-left override in a model or layer name would otherwise make
 * `\u202Eexe.fdp` read as `pdf.exe` ("Trojan Source"); the raw JSON keeps the original.
 */
export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
}
