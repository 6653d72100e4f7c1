import type { ReportSpec } from "./make-report.ts";
import { convnetLayout, gpt2Layout, llamaLayout } from "./model-layouts.ts";

const sha = (seed: number) => Array.from({ length: 40 }, (_, i) => "0123456789abcdef"[(seed * 7 + i * 13) % 16]).join("");

/** Hostile strings the site must show as text, never as markup. */
export const HOSTILE = {
  script: "<script>alert('xss')</script>",
  attribute: '"><img src=x onerror=alert(1)>',
  mustache: "{{constructor.constructor('alert(2)')()}}",
  rtl: "\u202Eexe.fdp\u202C",
  zeroWidth: "zero\u200Bwidth\u200Djoin",
};

const convnetSeries = [
  { id: "example/convnet-s", stages: [32, 64, 64], alpha: 4.6, created: "2026-01-03T10:00:00.000Z" },
  { id: "example/convnet-m", stages: [32, 64, 128, 128], alpha: 4.0, created: "2026-01-04T10:00:00.000Z" },
  { id: "example/convnet-l", stages: [64, 128, 128, 256, 256], alpha: 3.4, created: "2026-01-05T10:00:00.000Z" },
  { id: "example/convnet-xl", stages: [64, 128, 256, 256, 256, 256], alpha: 3.0, created: "2026-01-06T10:00:00.000Z" },
];

/**
 * A model tree (model.lineage): a base, two fine-tunes, a LoRA adapter and a quantized copy, each
 * naming the base as its card would, plus a delta analysis of the chat fine-tune against the base
 * (an earlier report at its own commit, so the plain report stays the model's latest).
 */
export const TREE = {
  base: "tiny/base-lm",
  chat: "tiny/base-lm-chat",
  code: "tiny/base-lm-code",
  lora: "tiny/base-lm-lora",
  q4: "tiny/base-lm-q4",
};

function treeSpecs(): { file: string; spec: ReportSpec }[] {
  const layout = llamaLayout(2, 64, 176, 1000).filter((l) => l.name !== "model.embed_tokens" && l.name !== "lm_head");
  const at = (alpha: number, moved: Record<number, number> = {}) => layout.map((l, i) => ({ ...l, alpha: moved[i] ?? alpha + (i % 3) * 0.15 }));
  const parent = (relation: string, source: "card" | "adapter" = "card") => [{ id: TREE.base, relation, source }];
  const adapter = layout
    .filter((l) => /q_proj|v_proj/.test(l.name))
    .map((l) => ({ name: `base_model.model.${l.name}.lora_BA`, shape: [64, 64], dtype: "F32", alpha: 2.6 }));
  return [
    { file: "tree-base.json", spec: { id: TREE.base, family: "tinylm", sha: sha(30), createdAt: "2026-02-01T10:00:00.000Z", seed: 130, layers: at(3.6) } },
    {
      file: "tree-chat.json",
      spec: { id: TREE.chat, family: "tinylm", sha: sha(31), createdAt: "2026-02-03T10:00:00.000Z", seed: 131, layers: at(3.2, { 2: 2.1, 9: 5.4 }), lineage: parent("finetune") },
    },
    {
      file: "tree-code.json",
      spec: { id: TREE.code, family: "tinylm", sha: sha(32), createdAt: "2026-02-04T10:00:00.000Z", seed: 132, layers: at(4.3), lineage: parent("finetune") },
    },
    {
      file: "tree-lora.json",
      spec: { id: TREE.lora, family: "tinylm", sha: sha(33), createdAt: "2026-02-05T10:00:00.000Z", seed: 133, layers: adapter, lineage: parent("adapter", "adapter") },
    },
    {
      file: "tree-q4.json",
      spec: {
        id: TREE.q4,
        family: "tinylm",
        sha: sha(34),
        createdAt: "2026-02-06T10:00:00.000Z",
        seed: 134,
        layers: at(3.7).map((l) => ({ ...l, dtype: "Q4_K" })),
        lineage: parent("quantized"),
      },
    },
    {
      file: "tree-chat-delta.json",
      spec: {
        id: TREE.chat,
        family: "tinylm",
        sha: sha(35),
        createdAt: "2026-02-02T10:00:00.000Z",
        seed: 135,
        layers: at(2.4),
        lineage: parent("finetune"),
        deltaBase: { id: TREE.base, source: "hub", revision: "main", sha: sha(30), files: [{ name: "model.safetensors", size: 1234567 }] },
      },
    },
  ];
}

/** The fixture reports the site is built from in tests (written by write-fixture-reports.ts). */
export function fixtureReportSpecs(): { file: string; spec: ReportSpec }[] {
  const llamaMini = llamaLayout(4, 256, 688, 32000);
  const gpt2 = gpt2Layout(12, 96);
  return [
    ...treeSpecs(),
    {
      file: "llama-mini-new.json",
      spec: {
        id: "example/llama-mini",
        family: "llama",
        sha: sha(1),
        createdAt: "2026-02-10T12:00:00.000Z",
        seed: 101,
        layers: llamaMini.map((l, i) => ({ ...l, trap: i === 9, alpha: i === 5 ? 1.6 : undefined })),
      },
    },
    {
      file: "llama-mini-old.json",
      spec: {
        id: "example/llama-mini",
        family: "llama",
        revision: "v0.1",
        sha: sha(2),
        createdAt: "2025-12-01T08:30:00.000Z",
        seed: 102,
        layers: llamaMini,
      },
    },
    {
      file: "llama-deep.json",
      spec: {
        id: "example/llama-deep",
        family: "llama",
        sha: sha(3),
        createdAt: "2026-02-11T09:00:00.000Z",
        seed: 103,
        layers: llamaLayout(40, 48, 128, 4000),
      },
    },
    {
      file: "llama-big.json",
      spec: {
        id: "example/llama-big",
        family: "llama",
        sha: sha(4),
        createdAt: "2026-02-12T09:00:00.000Z",
        seed: 104,
        randomize: false,
        layers: [0, 1].flatMap((b) => [
          { name: `model.layers.${b}.mlp.up_proj`, shape: [28672, 8192], dtype: "BF16" },
          { name: `model.layers.${b}.mlp.down_proj`, shape: [8192, 28672], dtype: "BF16" },
        ]),
      },
    },
    {
      file: "gpt2-like-failures.json",
      spec: {
        id: "example/gpt2-like",
        family: "gpt2",
        sha: sha(5),
        createdAt: "2026-01-20T16:45:00.000Z",
        seed: 105,
        layers: gpt2
          .filter((l) => !l.name.startsWith("transformer.h.7.mlp"))
          .map((l, i) => ({ ...l, fitFails: i === 3 || i === 17, alpha: i === 8 ? 7.5 : undefined })),
        skipped: [
          { name: "transformer.wte", shape: [50257, 96], reason: "N > 50000 (N = 50257)" },
          { name: "transformer.h.0.ln_1", shape: [96], reason: "not a 2-D or 4-D weight" },
        ],
        failed: [
          { name: "transformer.h.7.mlp.c_fc", shape: [96, 384], error: "HubError 502: upstream answered 502 three times" },
          { name: "transformer.h.7.mlp.c_proj", shape: [384, 96], error: "NonFiniteWeightError: NaN at element 1234" },
        ],
        notes: ["2 layers failed; their metrics are missing from the means."],
      },
    },
    ...convnetSeries.map((c, i) => ({
      file: `${c.id.split("/")[1]}.json`,
      spec: {
        id: c.id,
        family: "convnet",
        sha: sha(10 + i),
        createdAt: c.created,
        seed: 110 + i,
        layers: convnetLayout(c.stages, 100).map((l) => ({ ...l, alpha: c.alpha + (l.name.length % 3) * 0.2 })),
      },
    })),
    {
      file: "hostile-local.json",
      spec: {
        id: HOSTILE.attribute,
        source: "local",
        family: HOSTILE.script,
        revision: null,
        createdAt: "2026-01-15T00:00:00.000Z",
        seed: 120,
        layers: [
          { name: `blocks.0.${HOSTILE.script}`, shape: [64, 32] },
          { name: `blocks.0.${HOSTILE.attribute}`, shape: [64, 64] },
          { name: `blocks.1.${HOSTILE.mustache}`, shape: [48, 64] },
          { name: `blocks.1.${HOSTILE.rtl}`, shape: [64, 48] },
          { name: `blocks.2.${HOSTILE.zeroWidth}`, shape: [32, 64] },
        ],
        skipped: [{ name: `norm.${HOSTILE.script}`, shape: [64], reason: `skipped: ${HOSTILE.attribute}` }],
        failed: [{ name: `head.${HOSTILE.mustache}`, shape: [10, 64], error: `${HOSTILE.script} ${HOSTILE.rtl}` }],
        files: [{ name: `${HOSTILE.zeroWidth}.safetensors`, size: 123456 }],
        dtypes: [`F32${HOSTILE.attribute}`],
        notes: [`${HOSTILE.mustache} ${HOSTILE.script}`],
      },
    },
    {
      file: "hostile-hub.json",
      spec: {
        id: `rtl-org/${HOSTILE.rtl}${HOSTILE.zeroWidth}`,
        family: HOSTILE.mustache,
        revision: `main${HOSTILE.attribute}`,
        sha: sha(21),
        createdAt: "2026-01-16T00:00:00.000Z",
        seed: 121,
        layers: gpt2Layout(1, 32).map((l) => ({ ...l, name: `${l.name}${HOSTILE.zeroWidth}` })),
      },
    },
  ];
}
