export interface HtmlTag {
  name: string;
  attributes: [string, string][];
  /** text inside <script> and <style>, which the HTML parser does not read as markup */
  rawText?: string;
}

const RAW_TEXT = new Set(["script", "style"]);

/**
 * The start tags of an HTML document, read the way a browser's tokenizer reads them (quoted and
 * unquoted attribute values, comments, raw-text elements): enough to tell markup from text, so a
 * test can prove that hostile strings in reports never became markup.
 */
export function scanHtmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (!/[A-Za-z]/.test(html[lt + 1] ?? "")) {
      i = lt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < html.length && !/[\s/>]/.test(html[j])) j++;
    const tag: HtmlTag = { name: html.slice(lt + 1, j).toLowerCase(), attributes: [] };
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j])) j++;
      if (j >= html.length || html[j] === ">") break;
      let k = j;
      while (k < html.length && !/[\s/>=]/.test(html[k])) k++;
      const name = html.slice(j, k).toLowerCase();
      let value = "";
      while (k < html.length && /\s/.test(html[k])) k++;
      if (html[k] === "=") {
        k++;
        while (k < html.length && /\s/.test(html[k])) k++;
        const quote = html[k];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, k + 1);
          value = html.slice(k + 1, end < 0 ? html.length : end);
          k = end < 0 ? html.length : end + 1;
        } else {
          const start = k;
          while (k < html.length && !/[\s>]/.test(html[k])) k++;
          value = html.slice(start, k);
        }
      }
      tag.attributes.push([name, value]);
      j = k;
    }
    i = j + 1;
    if (RAW_TEXT.has(tag.name)) {
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      tag.rawText = html.slice(i, close < 0 ? html.length : close);
      i = close < 0 ? html.length : close;
    }
    tags.push(tag);
  }
  return tags;
}
