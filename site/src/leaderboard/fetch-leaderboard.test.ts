import { describe, expect, it } from "vitest";
import { fetchLeaderboard } from "./fetch-leaderboard.ts";

const service = (pages: Record<string, () => Response>) => {
  const asked: string[] = [];
  const fetch = (async (url: string) => {
    asked.push(url);
    const page = pages[url];
    if (!page) throw new TypeError("Failed to fetch");
    return page();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
};
const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status });

describe("fetchLeaderboard", () => {
  it("follows next_cursor until the last page", async () => {
    const s = service({
      "https://s/api/leaderboard": json({ entries: [1, 2], next_cursor: "p/2" }),
      "https://s/api/leaderboard?cursor=p%2F2": json({ entries: [3], next_cursor: null }),
    });
    expect(await fetchLeaderboard("https://s", s.fetch)).toEqual([1, 2, 3]);
    expect(s.asked).toHaveLength(2);
  });

  it("answers without a cursor are one page (the API as it is today)", async () => {
    expect(await fetchLeaderboard("", service({ "/api/leaderboard": json({ sort: "log_alpha_norm", entries: [1] }) }).fetch)).toEqual([1]);
  });

  it("keeps what it has when a later page fails or a cursor repeats, and stops at the cap", async () => {
    expect(await fetchLeaderboard("", service({ "/api/leaderboard": json({ entries: [1], next_cursor: "x" }) }).fetch)).toEqual([1]);
    const loop = service({ "/api/leaderboard": json({ entries: [1], next_cursor: "x" }), "/api/leaderboard?cursor=x": json({ entries: [2], next_cursor: "x" }) });
    expect(await fetchLeaderboard("", loop.fetch)).toEqual([1, 2]);
    let n = 0;
    const endless = (async () => new Response(JSON.stringify({ entries: [n], next_cursor: `c${++n}` }))) as unknown as typeof fetch;
    expect(await fetchLeaderboard("", endless)).toHaveLength(20);
  });

  it("is null where no service answers: a static host's 404 page, no network, not the API's shape", async () => {
    expect(await fetchLeaderboard("", service({ "/api/leaderboard": () => new Response("<html>404</html>", { status: 404 }) }).fetch)).toBeNull();
    expect(await fetchLeaderboard("", service({}).fetch)).toBeNull();
    expect(await fetchLeaderboard("", service({ "/api/leaderboard": json({ reports: [] }) }).fetch)).toBeNull();
    expect(await fetchLeaderboard("", service({ "/api/leaderboard": () => new Response("<html>fallback</html>") }).fetch)).toBeNull();
  });
});
