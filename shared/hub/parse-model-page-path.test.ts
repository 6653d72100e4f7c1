import { describe, expect, it } from "vitest";
import { parseModelPagePath } from "./parse-model-page-path.ts";

const sha = "0123456789abcdef0123456789abcdef01234567";
const ok = (id: string, revision: string | null = null, s: string | null = null, page = "card") => ({ ok: true, id, revision, sha: s, page });

describe("parseModelPagePath", () => {
  it("reads the Hub's model paths on this host", () => {
    expect(parseModelPagePath("/openai-community/gpt2")).toEqual(ok("openai-community/gpt2"));
    expect(parseModelPagePath("/openai-community/gpt2/")).toEqual(ok("openai-community/gpt2"));
    expect(parseModelPagePath("/gpt2")).toEqual(ok("gpt2"));
    expect(parseModelPagePath("/org/name/tree/v1.0")).toEqual(ok("org/name", "v1.0"));
    expect(parseModelPagePath("/org/name/tree/refs/pr/1")).toEqual(ok("org/name", "refs/pr/1"));
    expect(parseModelPagePath("/org/name/blob/main/config.json")).toEqual(ok("org/name", "main"));
    expect(parseModelPagePath("/gpt2/tree/main")).toEqual(ok("gpt2", "main"));
  });

  it("reads a pinned report and its spectra", () => {
    expect(parseModelPagePath(`/org/name/@${sha}/`)).toEqual(ok("org/name", null, sha));
    expect(parseModelPagePath(`/org/name/@${sha}`)).toEqual(ok("org/name", null, sha));
    expect(parseModelPagePath(`/gpt2/@${sha}/spectra/`)).toEqual(ok("gpt2", null, sha, "spectra"));
  });

  it("refuses anything else, saying why", () => {
    const refused = (path: string) => {
      const parsed = parseModelPagePath(path);
      expect(parsed.ok, path).toBe(false);
      return parsed.ok ? "" : parsed.message;
    };
    expect(refused("/")).toMatch(/^This address does not name a model: the path is empty; expected \/org\/name/);
    expect(refused("/org/name/@abc/")).toContain("40-hex commit sha");
    expect(refused(`/org/name/@${sha.toUpperCase()}/`)).toContain("40-hex commit sha");
    expect(refused(`/org/name/@${sha}/report.json`)).toContain("expected /org/name");
    expect(refused(`/org/name/tree/main/@${sha}/`)).toContain("expected /org/name");
    expect(refused(`/@${sha}/`)).toContain("expected /org/name");
    expect(refused("/org/name/extra")).toContain("more path segments than org/name");
    expect(refused("/org/na%20me")).toContain("percent-encoded");
    expect(refused("/org/..")).toContain("'..'");
    expect(refused("/datasets/squad")).toContain("not a model");
    expect(refused("/org/-bad-")).toContain("letters, digits");
    expect(refused("/a/b/c/d")).toContain("more path segments");
    expect(refused("/https://huggingface.co/org/name")).toContain("a URL inside the path");
    expect(refused("/huggingface.co/org/name")).toContain("a URL inside the path");
    expect(refused("/_live/")).toContain("the page the service shows");
    expect(refused(`/org/<script>`)).toContain("letters, digits");
  });
});
