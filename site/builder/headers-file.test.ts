import { describe, expect, it } from "vitest";
import { headersFile } from "./headers-file.ts";

const rules = (text: string) => text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));

describe("the build's _headers", () => {
  it("gives every path the pages' policy, nosniff and the referrer policy", () => {
    const [path, ...headers] = rules(headersFile(""));
    expect(path).toBe("/*");
    expect(headers).toEqual([
      "  Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "  X-Content-Type-Options: nosniff",
      "  Referrer-Policy: strict-origin-when-cross-origin",
    ]);
  });

  it("lets the pages reach a service on another origin, and only its origin", () => {
    const csp = rules(headersFile("https://api.heavytail.example/base")).find((line) => line.includes("Content-Security-Policy"))!;
    expect(csp).toContain("; connect-src 'self' https://api.heavytail.example;");
    expect(csp).not.toContain("/base");
  });
});
