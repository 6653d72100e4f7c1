import { describe, expect, it } from "vitest";
import { staticPairLink } from "./static-pair-link.ts";

describe("staticPairLink", () => {
  it("finds the build's page for a pair either way round", () => {
    const links = [{ a: "o/chat", b: "o/base", href: "/compare/o/chat/vs/o/base/" }];
    expect(staticPairLink(links, "O/Base", "o/chat")).toBe("/compare/o/chat/vs/o/base/");
    expect(staticPairLink(links, "o/chat", "o/base")).toBe("/compare/o/chat/vs/o/base/");
    expect(staticPairLink(links, "o/chat", "o/code")).toBeNull();
  });
});
