// Shared by the mock Hub's tests: a folder of repos of every kind, and an HTTP client that sends
// paths exactly as written (fetch would resolve `..` before sending) and never follows redirects.
import { request } from "node:http";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeGpt2LikeModel } from "../helpers/generate-models.ts";

export const GATED_TOKEN = "hf_gated_secret";
export const PRIVATE_TOKEN = "hf_private_secret";

/**
 * `root/hub/` holds: `org/tiny-gpt2` (a small generated GPT-2, over the LFS threshold, plus a
 * nested file), the legacy id `gpt2-legacy`, `org/gated` and `org/private`; `root/outside/secret.txt`
 * lies beside the hub folder, and `org/tiny-gpt2/link.txt` is a symlink to it.
 */
export async function makeTestRepos(): Promise<{ root: string; hubDir: string }> {
  const root = await mkdtemp(join(tmpdir(), "heavytail-mock-hub-"));
  const hubDir = join(root, "hub");
  const tiny = join(hubDir, "org", "tiny-gpt2");
  await writeGpt2LikeModel(tiny, { layers: 1, hidden: 32, vocab: 100, positions: 16, seed: 1 });
  await mkdir(join(tiny, "nested", "deeper"), { recursive: true });
  await writeFile(join(tiny, "nested", "deeper", "notes.txt"), "nested file\n");
  await writeFile(join(tiny, "README.md"), "# tiny gpt2\n");
  await mkdir(join(root, "outside"), { recursive: true });
  await writeFile(join(root, "outside", "secret.txt"), "top secret\n");
  await symlink(join(root, "outside", "secret.txt"), join(tiny, "link.txt"));

  const legacy = join(hubDir, "gpt2-legacy");
  await mkdir(legacy, { recursive: true });
  await writeFile(join(legacy, "config.json"), JSON.stringify({ model_type: "gpt2" }));

  for (const [name, settings] of [
    ["gated", { gated: true, token: GATED_TOKEN }],
    ["private", { private: true, token: PRIVATE_TOKEN }],
  ] as const) {
    const dir = join(hubDir, "org", name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "config.json"), JSON.stringify({ model_type: "llama" }));
    await writeFile(join(dir, "weights.bin"), Buffer.alloc(20_000, 7));
    await writeFile(join(dir, ".mockhub.json"), JSON.stringify(settings));
  }
  return { root, hubDir };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with the path sent verbatim; resolves with what arrived, or rejects when the connection is cut mid-body. */
export function rawRequest(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
      res.on("aborted", () => reject(new Error(`connection cut after ${Buffer.concat(chunks).length} bytes of body`)));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
