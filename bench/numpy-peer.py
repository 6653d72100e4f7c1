"""The numpy peer of bench/run.ts: same matrices (read from the files the bench writes), one thread.

  numpy-peer.py eig W.bin N M OUT.bin   -> eigvalsh(W64.T @ W64) into OUT.bin, timings as JSON
  numpy-peer.py model FILE.safetensors  -> Gram + eigvalsh + power-law fit of every analysed layer
  numpy-peer.py sv FILE.safetensors     -> the first 2-D layer's smallest singular value, independently of
                                           any Gram: an SVD of W (min side <= 1500), else for a square W
                                           inverse iteration with its LU factors (scipy); not timed
  numpy-peer.py lora FILE.safetensors   -> every lora_A/lora_B pair: the r nonzero eigenvalues of (BA)^T(BA) from
                                           the r x r problem (Cholesky of A A^T, eigvalsh of L^T B^T B L) and a
                                           power-law fit; lambda_max per pair in name order
  numpy-peer.py lora-dense FILE.safetensors -> one pair of each shape with B.A formed: eigvalsh of its smaller
                                           Gram, timed per pair (what a tool forming W = B.A pays)
  numpy-peer.py delta MODEL.safetensors BASE.safetensors -> every analysed layer's delta D = fl32(W - W_base)
                                           (the reference's float32 subtraction), eigvalsh of its float64 Gram:
                                           lambda_max and ||D||_F per tensor name; not timed
"""
import json, resource, struct, sys, time
import numpy as np


def kernel():
    try:
        from threadpoolctl import threadpool_info
        return ", ".join(f"{i.get('internal_api')} {i.get('architecture')} threads={i.get('num_threads')}" for i in threadpool_info())
    except ImportError:
        pass
    import ctypes, glob, os
    for lib in glob.glob(os.path.join(os.path.dirname(np.__file__) + ".libs", "*openblas*")):
        dll = ctypes.CDLL(lib)
        for prefix in ("scipy_openblas", "openblas"):
            for suffix in ("64_", ""):
                f = getattr(dll, f"{prefix}_get_corename{suffix}", None)
                if f is not None:
                    f.restype = ctypes.c_char_p
                    return f"openblas core {f().decode()} (threadpoolctl not installed; read through ctypes)"
    return "unknown"


def fit_power_law(evals):
    x = np.sort(evals[evals > 1e-5])
    n = len(x)
    if n < 2:
        return None
    logx = np.log(x)
    suffix = np.cumsum(logx[::-1])[::-1]
    best = (np.inf, 0, 0.0)
    for i in range(n - 1):
        k = n - i
        alpha = 1 + k / (suffix[i] - k * logx[i])
        if alpha > 1:
            t = np.arange(k)
            d = np.max(np.abs(1 - (x[i:] / x[i]) ** (1 - alpha) - t / k))
        else:
            d = 1.0
        if d < best[0]:
            best = (d, i, alpha)
    return best[2]


def timed(f):
    w0, c0 = time.perf_counter(), time.process_time()
    out = f()
    return out, time.perf_counter() - w0, time.process_time() - c0


def eig(path, n, m, out):
    w = np.fromfile(path, dtype=np.float32).reshape(n, m)
    def run():
        w64 = w.astype(np.float64)
        return np.linalg.eigvalsh(w64.T @ w64)
    run_small = np.linalg.eigvalsh(np.eye(4))  # load LAPACK before timing
    ev, wall, cpu = timed(run)
    ev.tofile(out)
    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "kernel": kernel()}))


def model(path):
    with open(path, "rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(size))
        base = 8 + size

    def run():
        layers = 0
        with open(path, "rb") as f:
            for name in sorted(k for k in header if k != "__metadata__"):
                info = header[name]
                shape = info["shape"]
                if not name.endswith(".weight") or len(shape) != 2 or shape[0] < 2 or info["dtype"] != "F32":
                    continue
                n, m = max(shape), min(shape)
                if n > 50000 or m < 10 or m > 15000:
                    continue
                start, end = info["data_offsets"]
                f.seek(base + start)
                w = np.frombuffer(f.read(end - start), dtype=np.float32).reshape(shape).astype(np.float64)
                g = w.T @ w if shape[0] >= shape[1] else w @ w.T
                fit_power_law(np.linalg.eigvalsh(g))
                layers += 1
        return layers

    layers, wall, cpu = timed(run)
    # ru_maxrss is in KiB on Linux: the process's peak, numpy's import included
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "layers": layers, "max_rss_bytes": max_rss, "kernel": kernel()}))


def read_tensors(path):
    """name -> (info, float64 loader) of a safetensors file holding F32 or BF16 tensors"""
    with open(path, "rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(size))
    base = 8 + size

    def load(info):
        start, end = info["data_offsets"]
        with open(path, "rb") as f:
            f.seek(base + start)
            raw = f.read(end - start)
        if info["dtype"] == "BF16":
            w = (np.frombuffer(raw, dtype=np.uint16).astype(np.uint32) << 16).view(np.float32)
        else:
            w = np.frombuffer(raw, dtype=np.float32)
        return w.reshape(info["shape"]).astype(np.float64)

    return {k: v for k, v in header.items() if k != "__metadata__"}, load


def lora_pairs(header):
    return sorted(k[: -len(".lora_A.weight")] for k in header if k.endswith(".lora_A.weight"))


def lora(path):
    header, load = read_tensors(path)

    def run():
        maxima = []
        for prefix in lora_pairs(header):
            a = load(header[prefix + ".lora_A.weight"])
            b = load(header[prefix + ".lora_B.weight"])
            l = np.linalg.cholesky(a @ a.T)
            evals = np.linalg.eigvalsh(l.T @ (b.T @ b) @ l)
            fit_power_law(evals)
            maxima.append(float(evals[-1]))
        return maxima

    maxima, wall, cpu = timed(run)
    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "layers": len(maxima), "lambda_max": maxima, "kernel": kernel()}))


def lora_dense(path):
    header, load = read_tensors(path)
    seen = {}
    for prefix in lora_pairs(header):
        shape = (header[prefix + ".lora_B.weight"]["shape"][0], header[prefix + ".lora_A.weight"]["shape"][1])
        seen.setdefault(shape, []).append(prefix)
    per_shape = []
    for shape, prefixes in seen.items():
        a = load(header[prefixes[0] + ".lora_A.weight"])
        b = load(header[prefixes[0] + ".lora_B.weight"])

        def run():
            w = b @ a
            return np.linalg.eigvalsh(w.T @ w if w.shape[0] >= w.shape[1] else w @ w.T)

        _, wall, cpu = timed(run)
        per_shape.append({"shape": list(shape), "count": len(prefixes), "wall_s": wall, "cpu_s": cpu})
    print(json.dumps({"per_shape": per_shape, "wall_s": sum(p["wall_s"] * p["count"] for p in per_shape), "cpu_s": sum(p["cpu_s"] * p["count"] for p in per_shape)}))


def smallest_singular_value(path):
    with open(path, "rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(size))
        name = next(k for k in sorted(header) if k != "__metadata__" and len(header[k]["shape"]) == 2)
        info = header[name]
        start, end = info["data_offsets"]
        f.seek(8 + size + start)
        w = np.frombuffer(f.read(end - start), dtype=np.float32).reshape(info["shape"]).astype(np.float64)
    rows, cols = w.shape
    eps = np.finfo(np.float64).eps
    if min(rows, cols) <= 1500:
        sv = np.linalg.svd(w, compute_uv=False)
        out = {"method": "svd", "sv_min": float(sv.min()), "sv_max": float(sv.max()), "rank_loss": int(np.sum(sv <= sv.max() * max(rows, cols) * eps))}
    elif rows == cols:
        import scipy.linalg
        lu = scipy.linalg.lu_factor(w, check_finite=False)
        x = np.random.default_rng(0).standard_normal(cols)
        x /= np.linalg.norm(x)
        sigma = np.inf
        for _ in range(200):
            # x <- (W^T W)^-1 x = W^-1 W^-T x, normalised; then sigma_min = ||W x||, accurate to eps*cond
            x = scipy.linalg.lu_solve(lu, scipy.linalg.lu_solve(lu, x, trans=1, check_finite=False), check_finite=False)
            x /= np.linalg.norm(x)
            previous, sigma = sigma, float(np.linalg.norm(w @ x))
            if abs(previous - sigma) <= 1e-15 * sigma:
                break
        out = {"method": "lu inverse iteration", "sv_min": sigma}
    else:
        out = {"method": "none"}
    print(json.dumps(out))


def delta(path, base_path):
    def header_of(p):
        with open(p, "rb") as f:
            (size,) = struct.unpack("<Q", f.read(8))
            return json.loads(f.read(size)), 8 + size

    header, base = header_of(path)
    base_header, base_base = header_of(base_path)
    out = {}
    with open(path, "rb") as f, open(base_path, "rb") as g:
        for name in sorted(k for k in header if k != "__metadata__"):
            info = header[name]
            shape = info["shape"]
            if not name.endswith(".weight") or len(shape) != 2 or shape[0] < 2 or info["dtype"] != "F32":
                continue
            n, m = max(shape), min(shape)
            if n > 50000 or m < 10 or m > 15000 or name not in base_header or base_header[name]["shape"] != shape:
                continue

            def load(handle, offset, entry):
                start, end = entry["data_offsets"]
                handle.seek(offset + start)
                return np.frombuffer(handle.read(end - start), dtype=np.float32).reshape(shape)

            d = (load(f, base, info) - load(g, base_base, base_header[name])).astype(np.float64)
            gram = d.T @ d if shape[0] >= shape[1] else d @ d.T
            out[name] = {"lambda_max": float(np.linalg.eigvalsh(gram)[-1]), "delta_W": float(np.sqrt(np.sum(d * d)))}
    print(json.dumps({"layers": out}))


if __name__ == "__main__":
    if sys.argv[1] == "eig":
        eig(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif sys.argv[1] == "sv":
        smallest_singular_value(sys.argv[2])
    elif sys.argv[1] == "lora":
        lora(sys.argv[2])
    elif sys.argv[1] == "lora-dense":
        lora_dense(sys.argv[2])
    elif sys.argv[1] == "delta":
        delta(sys.argv[2], sys.argv[3])
    else:
        model(sys.argv[2])
