#!/usr/bin/env bash
# The gpu.js Gram on a real GPU (docs/gpu.md, "Checking on a GPU machine"): times the Gram of a
# 768×3072 (wide) and a 4096×1024 (tall) layer on the GPU against the float64 CPU paths (JS and
# WASM), and prints the largest eigenvalue difference and the α / log α-norm differences.
#
# Node reaches the GPU through WebGPU with Dawn (the `webgpu` package, a gpu.js dependency; Dawn
# then uses the NVIDIA Vulkan driver). headless-gl is not built and there is no Chromium there.
#
#   scripts/device-gpu-check.sh pack   here, after npm ci: fills .device-gpu/ (kept out of git by
#                                      .git/info/exclude) with the bundled check, Dawn, the WASM
#                                      module, a Vulkan loader and, unless NO_NODE=1, this Node
#   scripts/device-gpu-check.sh run    there, with .device-gpu carried: writes $OUT/gpu-check.json
#                                      and $OUT/gpu-check.log
#
# On the GPU machine, with the repository and .device-gpu/ copied over and OUT naming a folder for
# the results: OUT=/tmp/gpu-check bash scripts/device-gpu-check.sh run (about 6 minutes at most).
set -euo pipefail
cd "$(dirname "$0")/.."
PACK=.device-gpu

pack() {
  # start clean: what a local `run` unpacked (Dawn, the Vulkan loader) must not travel twice
  rm -rf "$PACK"
  mkdir -p "$PACK/node_modules/webgpu/dist" "$PACK/debs"
  grep -qxF "/$PACK/" .git/info/exclude 2>/dev/null || echo "/$PACK/" >>.git/info/exclude
  # one ESM file with gpu.js and the shared code inside; Dawn stays a native module beside it
  node_modules/.bin/esbuild scripts/device-gpu-check.ts --bundle --platform=node --format=esm --target=node20 \
    --external:webgpu --external:gl --log-level=warning --outfile="$PACK/check.mjs" \
    --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
  cp node_modules/webgpu/package.json node_modules/webgpu/index.js "$PACK/node_modules/webgpu/"
  xz -T2 -6 -c node_modules/webgpu/dist/linux-x64.dawn.node >"$PACK/dawn.node.xz"
  if [ -f build/heavytail-linalg.wasm ]; then cp build/heavytail-linalg.wasm "$PACK/"; else echo "no build/heavytail-linalg.wasm (npm run build:wasm): the check will skip the WASM path"; fi
  (cd "$PACK/debs" && rm -f ./*.deb && apt-get download libvulkan1 libglvnd0 libglx0 libegl1 libgl1 libopengl0 libgles2 >/dev/null)
  if [ "${NO_NODE:-0}" != 1 ]; then xz -T2 -6 -c "$(command -v node)" >"$PACK/node.xz"; fi
  du -sh "$PACK"
}

unxz_to() { # file.xz → path, with xz or, where it is missing, Python's lzma
  if command -v xz >/dev/null; then xz -dc "$1" >"$2"; else python3 -c 'import lzma,shutil,sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"; fi
}

run() {
  : "${OUT:?OUT must name the folder for results}"
  exec > >(tee "$OUT/gpu-check.log") 2>&1
  [ -f "$PACK/check.mjs" ] || { echo "no $PACK/check.mjs: run 'scripts/device-gpu-check.sh pack' here and carry $PACK"; exit 2; }
  echo "== machine"
  nvidia-smi -L || echo "nvidia-smi: none"
  (ldd --version | head -1) || true
  grep -aq GLIBCXX_3.4.32 "$(ldconfig -p | awk '/libstdc\+\+\.so\.6 /{print $NF; exit}')" 2>/dev/null && echo "libstdc++ has GLIBCXX_3.4.32 (Dawn needs it)" || echo "libstdc++ lacks GLIBCXX_3.4.32: Dawn will not load"
  if ldconfig -p | grep libvulkan.so.1 >/dev/null; then
    echo "Vulkan loader: $(ldconfig -p | grep -m1 libvulkan.so.1)"
  else
    # the carried loader, unpacked beside the check rather than into / (Dawn dlopens libvulkan.so.1)
    for f in "$PACK"/debs/*.deb; do dpkg -x "$f" "$PACK/root"; done
    export LD_LIBRARY_PATH="$PWD/$PACK/root/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    echo "Vulkan loader: carried, $(ls "$PACK"/root/usr/lib/x86_64-linux-gnu/libvulkan.so.1 2>/dev/null || echo missing)"
  fi
  for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
    if [ -f "$icd" ]; then export VK_DRIVER_FILES="$icd"; echo "Vulkan ICD: $icd"; break; fi
  done
  [ -f "$PACK/node_modules/webgpu/dist/linux-x64.dawn.node" ] || unxz_to "$PACK/dawn.node.xz" "$PACK/node_modules/webgpu/dist/linux-x64.dawn.node"
  NODE=node
  if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    [ -f "$PACK/node.xz" ] || { echo "no Node ≥ 20 here and none carried (pack without NO_NODE=1)"; exit 2; }
    unxz_to "$PACK/node.xz" /tmp/node && chmod +x /tmp/node
    NODE=/tmp/node
  fi
  echo "node $($NODE --version)"
  echo "== check"
  local wasm=()
  [ -f "$PACK/heavytail-linalg.wasm" ] && wasm=(--wasm "$PACK/heavytail-linalg.wasm")
  # CHECK_ARGS: more flags for check.mjs, e.g. --cpu-stand-in to try the script where there is no GPU
  # shellcheck disable=SC2206
  local extra=(${CHECK_ARGS:-})
  timeout 360 "$NODE" "$PACK/check.mjs" --out "$OUT" --shapes 768x3072,4096x1024 --repeat 3 "${wasm[@]}" "${extra[@]}"
}

case "${1:-}" in
  pack) pack ;;
  run) run ;;
  *) echo "usage: scripts/device-gpu-check.sh pack|run" >&2; exit 2 ;;
esac
