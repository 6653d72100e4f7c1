// Regenerates eigvalsh-reference.json: numpy.linalg.eigvalsh of every test matrix, computed once
// with python3 + numpy (`npx tsx test/wasm/make-eigvalsh-reference.ts`). The tests only read it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testMatrices } from "./test-matrices.ts";

const dir = mkdtempSync(join(tmpdir(), "eigvalsh-ref-"));
try {
  const reference: Record<string, number[]> = {};
  for (const { name, n, a } of testMatrices()) {
    writeFileSync(join(dir, "a.bin"), a);
    const script = `import numpy as np; a = np.fromfile(${JSON.stringify(join(dir, "a.bin"))}).reshape(${n}, ${n}); np.linalg.eigvalsh(a).tofile(${JSON.stringify(join(dir, "w.bin"))})`;
    execFileSync("python3", ["-c", script], { env: { ...process.env, OPENBLAS_NUM_THREADS: "1" } });
    const bytes = readFileSync(join(dir, "w.bin"));
    reference[name] = Array.from(new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
  }
  const numpy = execFileSync("python3", ["-c", "import numpy; print(numpy.__version__)"]).toString().trim();
  writeFileSync(new URL("./eigvalsh-reference.json", import.meta.url), `${JSON.stringify({ numpy, reference }, null, 0)}\n`);
  console.log(`wrote eigvalsh-reference.json (numpy ${numpy}, ${Object.keys(reference).length} matrices)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
