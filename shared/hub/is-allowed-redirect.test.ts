import { describe, expect, it } from "vitest";
import { DEFAULT_REDIRECT_HOSTS, isAllowedRedirect } from "./is-allowed-redirect.ts";

const HUB = "https://huggingface.co/org/m/resolve/main/model.safetensors";
const allowed = (target: string, original = HUB, hosts = DEFAULT_REDIRECT_HOSTS) => isAllowedRedirect(original, target, hosts);

describe("isAllowedRedirect", () => {
  it("follows the real Hub's CDN and Xet bridge, and its own hosts", () => {
    for (const target of [
      "https://cdn-lfs.hf.co/repos/ab/cd/file?X-Amz-Signature=s",
      "https://cdn-lfs-us-1.hf.co/x",
      "https://cas-bridge.xethub.hf.co/xet-bridge-us/abc?X-Amz-Expires=3600",
      "https://huggingface.co/api/resolve-cache/x",
      "https://HF.CO/x",
      "https://cdn-lfs.huggingface.co./x",
    ]) {
      expect(allowed(target), target).toBe(true);
    }
  });

  it("always follows the original's own origin, even over http or to an address", () => {
    expect(allowed("http://127.0.0.1:8080/cdn/org%2Fm/abc/f?Signature=s", "http://127.0.0.1:8080/org/m/resolve/main/f")).toBe(true);
    expect(allowed("http://localhost:3000/cdn/x", "http://localhost:3000/org/m/resolve/main/f")).toBe(true);
  });

  it("refuses a scheme downgrade, another scheme, or an origin that differs only in port or scheme", () => {
    expect(allowed("http://cdn-lfs.hf.co/x")).toBe(false);
    expect(allowed("file:///etc/passwd")).toBe(false);
    expect(allowed("blob:https://huggingface.co/0b0f7a1e-1111-4a4a-9a9a-123456789abc")).toBe(false);
    expect(allowed("http://huggingface.co/org/m/resolve/main/model.safetensors")).toBe(false);
    expect(allowed("https://huggingface.co:8443/x", HUB, [])).toBe(false);
  });

  it("refuses hosts off the list, and look-alikes of listed ones", () => {
    for (const target of ["https://evil.example/x", "https://evilhf.co/x", "https://hf.co.evil.example/x", "https://huggingface.com/x", "https://xhuggingface.co/x"]) {
      expect(allowed(target), target).toBe(false);
    }
    expect(allowed("https://files.example.org/x", HUB, ["files.example.org"])).toBe(true);
    expect(allowed("https://a.b.example.org/x", HUB, ["*.example.org"])).toBe(true);
    expect(allowed("https://example.org/x", HUB, ["*.example.org"])).toBe(false);
  });

  it("never follows an IP literal in any spelling, or a loopback name, even when listed", () => {
    const listed = [...DEFAULT_REDIRECT_HOSTS, "127.0.0.1", "[::1]", "localhost", "*.localhost", "*.1", "*.0.0.1"];
    for (const target of [
      "https://127.0.0.1/x",
      "https://0x7f.1/x",
      "https://2130706433/x",
      "https://0177.0.0.1/x",
      "https://127.1/x",
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.1/x",
      "https://[::1]/x",
      "https://[0:0:0:0:0:0:0:1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://localhost/x",
      "https://LOCALHOST./x",
      "https://hub.localhost/x",
      "https://ip6-localhost/x",
    ]) {
      expect(allowed(target, HUB, listed), target).toBe(false);
    }
  });
});
