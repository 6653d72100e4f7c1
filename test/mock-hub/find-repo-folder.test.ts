import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRepoFolder } from "./find-repo-folder.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "heavytail-find-repo-"));
  await mkdir(join(dir, "org", "model"), { recursive: true });
  await mkdir(join(dir, "Org2", "Mixed-Case"), { recursive: true });
  await mkdir(join(dir, "legacy", "sub"), { recursive: true });
  await writeFile(join(dir, "legacy", "config.json"), "{}");
  await mkdir(join(dir, "elsewhere"), { recursive: true });
  await symlink(join(dir, "elsewhere"), join(dir, "org", "linked"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("findRepoFolder", () => {
  const sources = () => ({ dir, repos: new Map([["mount/here", "/somewhere/else"]]) });

  it("finds org/name folders, legacy folders holding files, and mounts", async () => {
    expect(await findRepoFolder("org/model", sources())).toEqual({ id: "org/model", folder: join(dir, "org", "model") });
    expect(await findRepoFolder("legacy", sources())).toEqual({ id: "legacy", folder: join(dir, "legacy") });
    expect(await findRepoFolder("mount/here", sources())).toEqual({ id: "mount/here", folder: "/somewhere/else" });
  });

  it("matches ids whatever their case, as the Hub does, and answers the repo's own spelling", async () => {
    expect(await findRepoFolder("ORG/Model", sources())).toEqual({ id: "org/model", folder: join(dir, "org", "model") });
    expect(await findRepoFolder("org2/mixed-case", sources())).toEqual({ id: "Org2/Mixed-Case", folder: join(dir, "Org2", "Mixed-Case") });
    expect(await findRepoFolder("LEGACY", sources())).toEqual({ id: "legacy", folder: join(dir, "legacy") });
    expect(await findRepoFolder("Mount/HERE", sources())).toEqual({ id: "mount/here", folder: "/somewhere/else" });
  });

  it("does not take an org folder for a legacy repo, a legacy repo's subfolder for a repo, or a symlink", async () => {
    expect(await findRepoFolder("org", sources())).toBeNull();
    expect(await findRepoFolder("legacy/sub", sources())).toBeNull();
    expect(await findRepoFolder("org/linked", sources())).toBeNull();
    expect(await findRepoFolder("org/absent", sources())).toBeNull();
  });

  it("refuses ids outside the Hub grammar before touching the disk", async () => {
    for (const id of ["..", "org/..", "../org", "org/model/extra", "", "org//model"]) {
      expect(await findRepoFolder(id, sources()), id).toBeNull();
    }
    expect(await findRepoFolder("org/model", { repos: new Map() })).toBeNull();
  });
});
