import { describe, expect, it } from "vitest";
import { hubAuthHeaders, hubFileUrl } from "./hub-file-url.ts";

describe("hubFileUrl", () => {
  it("names a file at a commit, each path segment escaped", () => {
    expect(hubFileUrl("https://hub.example/", "org/m", "abc", "sub dir/m#1.gguf")).toBe("https://hub.example/org/m/resolve/abc/sub%20dir/m%231.gguf");
    expect(hubFileUrl("https://hub.example", "gpt2", "abc", "model.safetensors")).toBe("https://hub.example/gpt2/resolve/abc/model.safetensors");
  });

  it("sends a token only as a header", () => {
    expect(hubAuthHeaders("hf_x")).toEqual({ authorization: "Bearer hf_x" });
    expect(hubAuthHeaders(undefined)).toEqual({});
  });
});
