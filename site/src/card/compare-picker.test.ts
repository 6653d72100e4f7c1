import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "#shared/report";
import { comparePicker } from "./compare-picker.ts";

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../test/fixtures/reports", name), "utf8")) as Report;

describe("comparePicker", () => {
  it("posts the model and the one chosen to the compare page, and links the related ones", () => {
    const markup = comparePicker(fixture("tree-chat.json"), [{ id: "tiny/base-lm", href: "/compare/tiny/base-lm-chat/vs/tiny/base-lm/", note: "its base" }]).markup;
    expect(markup).toContain('action="/compare/" method="get"');
    expect(markup).toContain('name="a" value="tiny/base-lm-chat"');
    expect(markup).toContain('<option value="tiny/base-lm">its base</option>');
    expect(markup).toContain('href="/compare/tiny/base-lm-chat/vs/tiny/base-lm/"');
  });

  it("is left out for local reports, and escapes ids", () => {
    expect(comparePicker(fixture("hostile-local.json"), []).markup).toBe("");
    const hub = fixture("hostile-hub.json");
    expect(comparePicker({ ...hub, model: { ...hub.model, id: 'a/"><b>' } }, []).markup).not.toContain("<b>");
  });
});
