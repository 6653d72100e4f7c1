import { expect, it } from "vitest";
import { escapeMarkup } from "./escape-markup.ts";

it("escapes every character that can open markup or close an attribute, with entities HTML and XML both know", () => {
  expect(escapeMarkup(`<script>"a" & 'b'</script>`)).toBe("&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  expect(escapeMarkup("α 3.42 well-trained")).toBe("α 3.42 well-trained");
});
