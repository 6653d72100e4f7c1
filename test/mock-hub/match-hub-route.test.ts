import { describe, expect, it } from "vitest";
import { matchHubRoute } from "./match-hub-route.ts";

describe("matchHubRoute", () => {
  it("offers both readings of an ambiguous API path, the namespaced one first", () => {
    expect(matchHubRoute("/api/models/gpt2/revision/main")).toEqual([{ kind: "info", repo: "gpt2", revision: "main", path: "" }]);
    expect(matchHubRoute("/api/models/org/name")).toEqual([{ kind: "info", repo: "org/name", path: "" }]);
    expect(matchHubRoute("/api/models/org/name/revision/v1%2E0")).toEqual([{ kind: "info", repo: "org/name", revision: "v1.0", path: "" }]);
    expect(matchHubRoute("/api/models/org/name/tree/main/a/b")).toEqual([{ kind: "tree", repo: "org/name", revision: "main", path: "a/b" }]);
    expect(matchHubRoute("/api/models/gpt2/tree/main")).toEqual([{ kind: "tree", repo: "gpt2", revision: "main", path: "" }]);
    expect(matchHubRoute("/api/models/org/tree/tree/main")).toEqual([
      { kind: "tree", repo: "org/tree", revision: "main", path: "" },
      { kind: "tree", repo: "org", revision: "tree", path: "main" },
    ]);
  });

  it("reads resolve and raw paths for namespaced and legacy ids", () => {
    expect(matchHubRoute("/org/name/resolve/main/sub/model.safetensors")).toEqual([
      { kind: "resolve", repo: "org/name", revision: "main", path: "sub/model.safetensors" },
    ]);
    expect(matchHubRoute("/gpt2/raw/main/config.json")).toEqual([{ kind: "raw", repo: "gpt2", revision: "main", path: "config.json" }]);
    expect(matchHubRoute("/org/raw/resolve/main/x")).toEqual([
      { kind: "resolve", repo: "org/raw", revision: "main", path: "x" },
      { kind: "raw", repo: "org", revision: "resolve", path: "main/x" },
    ]);
  });

  it("reads CDN and control paths", () => {
    expect(matchHubRoute("/cdn/org%2Fname/abc/a%20b.bin")).toEqual([{ kind: "cdn", repo: "org/name", sha256: "abc", path: "a b.bin" }]);
    expect(matchHubRoute("/__mock/faults")).toEqual([{ kind: "control", name: "faults" }]);
    expect(matchHubRoute("/__mock/other")).toEqual([]);
    expect(matchHubRoute("/")).toEqual([]);
    expect(matchHubRoute("/org/name/blob/main/x")).toEqual([]);
  });

  it("throws a 400 for file paths that could leave the repo", () => {
    for (const path of [
      "/org/name/resolve/main/../x",
      "/org/name/resolve/main/%2E%2E/x",
      "/org/name/resolve/main/a%2Fb",
      "/org/name/resolve/main/a%5Cb",
      "/org/name/resolve/main//x",
      "/org/name/resolve/main/x/",
      "/org/name/resolve/main/%00",
      "/org/name/resolve/main/%E0%A4%A",
      "/api/models/org/name/tree/main/..",
      "/cdn/org%2Fname/abc/../../x",
      "org/name/resolve/main/x",
    ]) {
      expect(() => matchHubRoute(path), path).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});
