import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./parse-cli-args.ts";

describe("parseCliArgs", () => {
  it("reads every option", () => {
    expect(parseCliArgs(["--port", "8080", "--dir", "models", "--repo", "a/b=/x/y", "--repo", "c=z=w", "--lfs-threshold", "0", "--signature-ttl-ms", "2000", "--tree-page-size", "5"])).toEqual({
      port: 8080,
      dir: "models",
      repos: { "a/b": "/x/y", c: "z=w" },
      lfsThreshold: 0,
      signatureTtlMs: 2000,
      treePageSize: 5,
    });
    expect(parseCliArgs(["--help"])).toBeNull();
  });

  it("explains what is wrong", () => {
    for (const [argv, message] of [
      [[], /--dir, --repo/],
      [["--dir"], /--dir needs a folder/],
      [["--dir", "d", "--port", "x"], /--port needs an integer/],
      [["--dir", "d", "--port", "70000"], /at most 65535/],
      [["--repo", "a/b"], /org\/name=path/],
      [["--repo", "=x"], /org\/name=path/],
      [["--dir", "d", "--tree-page-size", "0"], /--tree-page-size/],
      [["--dri", "d"], /unknown argument "--dri"/],
    ] as const) {
      expect(() => parseCliArgs([...argv]), argv.join(" ")).toThrow(message);
    }
  });
});
