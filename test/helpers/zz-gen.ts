import { writeGpt2LikeModel } from "/work/main/test/helpers/generate-models.ts";
const t0 = performance.now();
const m = await writeGpt2LikeModel("/tmp/mh/big/openai-community/gpt2");
console.log("gpt2 written in", ((performance.now() - t0) / 1000).toFixed(1), "s", m.tensors.length, "tensors", process.memoryUsage().rss / 1e6, "MB rss");
