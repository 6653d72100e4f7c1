import { describe, expect, it } from "vitest";
import { HubError } from "../hub/hub-error.ts";
import { HeavytailError } from "./heavytail-error.ts";
import { reviveHeavytailError } from "./revive-heavytail-error.ts";

describe("reviveHeavytailError", () => {
  it("gives a HeavytailError back as it is", () => {
    const error = new HubError("forbidden", 403, "https://hub/x", "403");
    expect(reviveHeavytailError(error)).toBe(error);
  });

  it("rebuilds one whose prototype a clone dropped, from the fields the clone kept", () => {
    // what a worker thread's uncaught HubError 503 looks like to its parent
    const clone = Object.assign(new Error("https://hub/x: unexpected HTTP 503"), { name: "HubError", code: "http_error", status: 503, transient: true, url: "https://hub/x" });
    const revived = reviveHeavytailError(clone);
    expect(revived).toBeInstanceOf(HeavytailError);
    expect(revived).toMatchObject({ name: "HubError", code: "http_error", status: 503, transient: true, message: "https://hub/x: unexpected HTTP 503" });
    expect(reviveHeavytailError({ code: "hub_rate_limited", status: 503, message: "slow down", retryAfter: 30 })).toMatchObject({ retryAfter: 30, transient: false });
  });

  it("refuses what is none of ours: platform codes, missing fields, no error at all", () => {
    expect(reviveHeavytailError(Object.assign(new Error("no such file"), { code: "ENOENT", status: 404 }))).toBeNull();
    expect(reviveHeavytailError(Object.assign(new Error("no status"), { code: "short_read" }))).toBeNull();
    expect(reviveHeavytailError(new TypeError("fetch failed"))).toBeNull();
    expect(reviveHeavytailError(null)).toBeNull();
    expect(reviveHeavytailError("short_read")).toBeNull();
  });
});
