import { describe, expect, it } from "vitest";
import { compareRequest } from "./compare-request.ts";

const ask = (query: string) => compareRequest(new URLSearchParams(query));

describe("compareRequest", () => {
  it("reads two Hub ids, or a Hub URL", () => {
    expect(ask("a=org/x&b=https://huggingface.co/org/y")).toEqual({ kind: "pair", a: "org/x", b: "org/y" });
    expect(ask("")).toEqual({ kind: "none" });
  });

  it("refuses one id, the same id twice, and ids that are not the Hub's", () => {
    expect(ask("a=org/x").kind).toBe("invalid");
    expect(ask("a=org/x&b=ORG/X").kind).toBe("invalid");
    expect(ask("a=org/x&b=../../etc").kind).toBe("invalid");
    expect(ask("a=org/x&b=<script>").kind).toBe("invalid");
  });
});
