import { describe, expect, it } from "vitest";
import { workerFetch } from "../test/worker-fetch.ts";

const get = (path: string, headers: Record<string, string> = {}) => workerFetch(path, { headers });

describe("badges of models not analysed", () => {
  it("answers a neutral SVG linking to the trigger page", async () => {
    const response = await get("/badge/nobody/nothing.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("image/svg+xml");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const svg = await response.text();
    expect(svg).toContain('aria-label="heavytail α: not analysed"');
    expect(svg).toContain('<a href="/nobody/nothing"');
  });
  it("answers shields.io endpoint JSON", async () => {
    const response = await get("/badge/nobody/nothing.json");
    expect(await response.json()).toEqual({ schemaVersion: 1, label: "heavytail α", message: "not analysed", color: "lightgrey", cacheSeconds: 300 });
  });
  it("answers 304 to a matching ETag", async () => {
    const first = await get("/badge/nobody/nothing.svg");
    const second = await get("/badge/nobody/nothing.svg", { "if-none-match": first.headers.get("etag")! });
    expect(second.status).toBe(304);
  });
  it("refuses hostile ids with a JSON 400", async () => {
    for (const path of ["/badge/org%2F..%2Fx/name.svg", "/badge/org/<script>.svg", `/badge/org/${"n".repeat(200)}.svg`]) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect(await response.json(), path).toMatchObject({ error: "invalid_model_id" });
    }
  });
});
