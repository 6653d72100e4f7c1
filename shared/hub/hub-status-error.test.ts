import { describe, expect, it } from "vitest";
import { hubStatusError } from "./hub-status-error.ts";

describe("hubStatusError", () => {
  it("maps statuses and the Hub's X-Error-Code to codes and plain messages", () => {
    const error = (status: number, headers: Record<string, string> = {}) => hubStatusError(new Response(null, { status, headers }), "https://hub/x");
    expect(error(401)).toMatchObject({ code: "unauthorized", status: 401 });
    expect(error(401).message).toMatch(/^https:\/\/hub\/x: 401 Unauthorized: .*needs a token with access/);
    expect(error(403)).toMatchObject({ code: "forbidden", status: 403 });
    expect(error(404, { "x-error-code": "EntryNotFound" })).toMatchObject({ code: "entry_not_found" });
    expect(error(404, { "x-error-code": "RevisionNotFound" })).toMatchObject({ code: "revision_not_found" });
    expect(error(404, { "x-error-code": "RepoNotFound" })).toMatchObject({ code: "repo_not_found" });
    expect(error(404)).toMatchObject({ code: "not_found" });
    expect(error(405)).toMatchObject({ code: "http_error", status: 405 });
    expect(error(404, { "x-error-message": "x".repeat(1000) }).message.length).toBeLessThan(300);
  });
});
