import { describe, expect, it } from "vitest";
import { checkCdnSignature, signCdnPath } from "./cdn-signature.ts";

describe("CDN signatures", () => {
  const query = (q: string) => new URLSearchParams(q);

  it("hold for their own path until they expire", () => {
    const q = signCdnPath("key", "/cdn/a/b", 1000);
    expect(q).toMatch(/^Expires=1000&Signature=[0-9a-f]{64}$/);
    expect(checkCdnSignature("key", "/cdn/a/b", query(q), 999)).toBe("valid");
    expect(checkCdnSignature("key", "/cdn/a/b", query(q), 1000)).toBe("expired");
  });

  it("fail for another path, key, expiry or a malformed query", () => {
    const q = signCdnPath("key", "/cdn/a/b", 1000);
    expect(checkCdnSignature("key", "/cdn/a/c", query(q), 0)).toBe("invalid");
    expect(checkCdnSignature("other", "/cdn/a/b", query(q), 0)).toBe("invalid");
    expect(checkCdnSignature("key", "/cdn/a/b", query(q.replace("Expires=1000", "Expires=2000")), 0)).toBe("invalid");
    for (const bad of ["", "Expires=1000", "Expires=abc&Signature=00", `Expires=1000&Signature=${"z".repeat(64)}`]) {
      expect(checkCdnSignature("key", "/cdn/a/b", query(bad), 0)).toBe("invalid");
    }
  });
});
