import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, paramsFromView, viewFromParams } from "./leaderboard-view.ts";

const allowed = { families: ["llama", "gpt2"], sizes: ["lt10m", "1b-10b"], sorts: ["log_alpha_norm", "alpha"] };

describe("leaderboard view in the URL", () => {
  it("reads the issue's example URL", () => {
    expect(viewFromParams(new URLSearchParams("family=llama&sort=alpha"), allowed)).toEqual({
      ...DEFAULT_VIEW,
      family: "llama",
      sort: "alpha",
    });
  });

  it("ranks within each family unless asked for one ranking of all models", () => {
    expect(DEFAULT_VIEW.group).toBe("family");
    expect(viewFromParams(new URLSearchParams("group=all"), allowed).group).toBe("all");
    expect(viewFromParams(new URLSearchParams("group=anything"), allowed).group).toBe("family");
  });

  it("ignores values the page does not offer", () => {
    const view = viewFromParams(new URLSearchParams("family=<script>&sort=evil&size=huge&dir=sideways&sort=rank"), allowed);
    expect(view).toEqual(DEFAULT_VIEW);
  });

  it("writes only what differs from the default, and reads it back", () => {
    expect(paramsFromView(DEFAULT_VIEW).toString()).toBe("");
    const view = { q: "chat", family: "gpt2", size: "1b-10b", group: "all" as const, sort: "alpha", dir: "desc" as const };
    const params = paramsFromView(view);
    expect(params.toString()).toBe("q=chat&family=gpt2&size=1b-10b&group=all&sort=alpha&dir=desc");
    expect(viewFromParams(params, allowed)).toEqual(view);
  });
});
