import { describe, expect, it } from "vitest";
import { parseKeyPath } from "./parse-key-path.ts";

const sha = "0123456789abcdef0123456789abcdef01234567";

describe("parseKeyPath", () => {
  it("reads ids with and without a pinned sha", () => {
    expect(parseKeyPath("org/name")).toEqual({ id: "org/name", sha: null });
    expect(parseKeyPath(`org/name@${sha}`)).toEqual({ id: "org/name", sha });
    expect(parseKeyPath(`gpt2@${sha}`)).toEqual({ id: "gpt2", sha });
  });
  it.each(["org/name@main", `org/name@${sha.toUpperCase()}`, "org%2Fname", "org/../name", "org/name/tree/main", "https://huggingface.co/org/name", ""])(
    "refuses %j",
    (rest) => {
      expect(() => parseKeyPath(rest)).toThrow(expect.objectContaining({ status: 400 }));
    },
  );
});
