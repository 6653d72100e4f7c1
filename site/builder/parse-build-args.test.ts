import { describe, expect, it } from "vitest";
import { parseBuildArgs } from "./parse-build-args.ts";

const defaults = { out: "/repo/site/dist", accuracies: "/repo/site/data/accuracies.csv" };

describe("parseBuildArgs", () => {
  it("reads a folder source with defaults", () => {
    expect(parseBuildArgs(["--from", "test/fixtures/reports"], "/repo", defaults)).toEqual({
      from: { kind: "folder", path: "/repo/test/fixtures/reports" },
      out: "/repo/site/dist",
      siteUrl: "http://127.0.0.1:8787",
      serviceBase: "",
      exampleModel: "openai-community/gpt2",
      accuracies: "/repo/site/data/accuracies.csv",
    });
    expect(parseBuildArgs(["--from", "x", "--example", "demo/gpt2-small-shaped"], "/repo", defaults).exampleModel).toBe("demo/gpt2-small-shaped");
  });

  it("reads a service source and takes the site origin from it", () => {
    const options = parseBuildArgs(["--from=https://ht.example.org/", "--out", "/tmp/x", "--service", "http://127.0.0.1:9000/"], "/repo", defaults);
    expect(options.from).toEqual({ kind: "service", url: "https://ht.example.org" });
    expect(options.siteUrl).toBe("https://ht.example.org");
    expect(options.serviceBase).toBe("http://127.0.0.1:9000");
    expect(options.out).toBe("/tmp/x");
  });

  it("refuses missing, unknown and malformed arguments with a usage message", () => {
    expect(() => parseBuildArgs([], "/repo", defaults)).toThrow(/--from is required/);
    expect(() => parseBuildArgs(["--from"], "/repo", defaults)).toThrow(/needs a value/);
    expect(() => parseBuildArgs(["--from", "x", "--colour", "red"], "/repo", defaults)).toThrow(/unknown argument/);
    expect(() => parseBuildArgs(["--from", "x", "--site", "javascript:alert(1)"], "/repo", defaults)).toThrow(/only http/);
    expect(() => parseBuildArgs(["--from", "x", "--example", "<script>"], "/repo", defaults)).toThrow(/not a Hub model id/);
    try {
      parseBuildArgs([], "/repo", defaults);
    } catch (error) {
      expect((error as { code: string }).code).toBe("BUILD_ARGS");
    }
  });
});
