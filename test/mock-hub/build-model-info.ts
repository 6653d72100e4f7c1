import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { countSafetensorsParameters } from "./count-safetensors-parameters.ts";
import type { RepoSnapshot } from "./snapshot-repo.ts";
import type { RepoSettings } from "./types.ts";
import { readFrontMatter } from "#shared/lineage";

const MAX_CONFIG_BYTES = 1024 * 1024;

async function readModelConfig(snapshot: RepoSnapshot): Promise<Record<string, unknown> | undefined> {
  const file = snapshot.byPath.get("config.json");
  if (file === undefined) return readPipelineConfig(snapshot);
  if (file.size > MAX_CONFIG_BYTES) return undefined;
  try {
    const config = JSON.parse(await readFile(file.absPath, "utf8")) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (Array.isArray(config.architectures)) out.architectures = config.architectures;
    if (typeof config.model_type === "string") out.model_type = config.model_type;
    return Object.keys(out).length > 0 ? out : undefined;
  } catch {
    // the Hub shows a model whose config.json does not parse, without `config`
    return undefined;
  }
}

/** A diffusers pipeline's config, as the Hub shows it: `{ diffusers: { _class_name } }` from model_index.json. */
async function readPipelineConfig(snapshot: RepoSnapshot): Promise<Record<string, unknown> | undefined> {
  const file = snapshot.byPath.get("model_index.json");
  if (file === undefined || file.size > MAX_CONFIG_BYTES) return undefined;
  try {
    const index = JSON.parse(await readFile(file.absPath, "utf8")) as Record<string, unknown>;
    return typeof index._class_name === "string" ? { diffusers: { _class_name: index._class_name } } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The Hub's `cardData` is the README's YAML front matter; the mock reads only the lineage keys
 * (base_model, base_model_relation), and answers none when the README has neither.
 */
async function readCardData(snapshot: RepoSnapshot): Promise<Record<string, unknown> | undefined> {
  const file = snapshot.byPath.get("README.md");
  if (file === undefined || file.size > MAX_CONFIG_BYTES) return undefined;
  const keys = readFrontMatter(await readFile(file.absPath, "utf8"));
  return Object.keys(keys).length > 0 ? { ...keys } : undefined;
}

async function safetensorsSummary(snapshot: RepoSnapshot): Promise<{ parameters: Record<string, number>; total: number } | undefined> {
  const files = snapshot.files.filter((f) => f.path.endsWith(".safetensors"));
  if (files.length === 0) return undefined;
  const parameters: Record<string, number> = {};
  for (const file of files) {
    const counts = await countSafetensorsParameters(file.absPath, file.size);
    if (counts === null) return undefined;
    for (const [dtype, n] of Object.entries(counts)) parameters[dtype] = (parameters[dtype] ?? 0) + n;
  }
  return { parameters, total: Object.values(parameters).reduce((a, b) => a + b, 0) };
}

/**
 * `GET /api/models/{repo}[/revision/{rev}]` as the Hub answers it. With `expand=` keys (as
 * @huggingface/hub's modelInfo always sends) only `_id`, `id` and those keys come back, as on the
 * Hub; `blobs=true` adds size, blob id and LFS details to `siblings`.
 */
export async function buildModelInfo(snapshot: RepoSnapshot, settings: RepoSettings, query: URLSearchParams): Promise<Record<string, unknown>> {
  const expand = [...query.getAll("expand"), ...query.getAll("expand[]")];
  const wants = (key: string) => expand.length === 0 || expand.includes(key);
  const blobs = query.get("blobs") === "true" || query.get("blobs") === "1";
  const config = wants("config") || wants("tags") ? await readModelConfig(snapshot) : undefined;
  const hasSafetensors = snapshot.files.some((f) => f.path.endsWith(".safetensors"));
  const tags =
    settings.tags ??
    [...new Set([settings.library_name, hasSafetensors ? "safetensors" : undefined, config?.model_type, settings.pipeline_tag, "region:us"])].filter(
      (t): t is string => typeof t === "string",
    );
  const slash = snapshot.id.indexOf("/");
  const full: Record<string, unknown> = {
    _id: createHash("sha1").update(`mockhub repo\0${snapshot.id}`).digest("hex").slice(0, 24),
    id: snapshot.id,
    modelId: snapshot.id,
    author: slash > 0 ? snapshot.id.slice(0, slash) : undefined,
    sha: snapshot.sha,
    lastModified: snapshot.lastModified.toISOString(),
    createdAt: snapshot.createdAt.toISOString(),
    private: settings.private === true,
    disabled: false,
    gated: settings.gated === true ? "manual" : (settings.gated ?? false),
    downloads: settings.downloads ?? 0,
    likes: settings.likes ?? 0,
    library_name: settings.library_name,
    tags,
    pipeline_tag: settings.pipeline_tag,
    config,
    cardData: wants("cardData") ? await readCardData(snapshot) : undefined,
    siblings: snapshot.files.map((f) =>
      blobs ? { rfilename: f.path, blobId: f.oid, size: f.size, ...(f.lfs && { lfs: { sha256: f.sha256, size: f.size, pointerSize: Buffer.byteLength(f.pointer ?? "") } }) } : { rfilename: f.path },
    ),
    spaces: [],
    safetensors: wants("safetensors") ? await safetensorsSummary(snapshot) : undefined,
    usedStorage: snapshot.files.reduce((sum, f) => sum + f.size, 0),
  };
  const picked = expand.length === 0 ? full : Object.fromEntries(Object.entries(full).filter(([key]) => key === "_id" || key === "id" || expand.includes(key)));
  // undefined fields are absent on the Hub, not null
  return JSON.parse(JSON.stringify(picked)) as Record<string, unknown>;
}
