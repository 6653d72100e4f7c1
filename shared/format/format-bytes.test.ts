import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes.ts";

describe("formatBytes", () => {
  it("picks a binary unit", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(497_758_208)).toBe("475 MiB");
    expect(formatBytes(13.5 * 1024 ** 3)).toBe("13.5 GiB");
  });
});
