import { expect, it } from "vitest";
import { escapeXml } from "./escape-xml.ts";

it("escapes every character that can open markup or close an attribute", () => {
  expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe("&#60;script&#62;&#34;a&#34; &#38; &#39;b&#39;&#60;/script&#62;");
  expect(escapeXml("α 3.42 well-trained")).toBe("α 3.42 well-trained");
});
