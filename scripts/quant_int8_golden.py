"""Golden vectors for test/quant-numerics.test.ts (development time only).

Re-states onnxruntime.quantization's numpy numerics (quant_utils.py: get_qmin_qmax_for_qType,
compute_scale_zp, quantize_nparray, quantize_data) so the TypeScript port is checked against an
independent computation. Run with Debian's numpy: /usr/bin/python3 scripts/quant_int8_golden.py
and paste the printed JSON into the test.
"""
import json

import numpy as np

RANGES = {  # (type, reduce_range, symmetric) -> (qmin, qmax), as ORT picks them
    ("int8", True): (-64, 64), ("uint8", True): (0, 127),
}


def qrange(qtype, reduce_range, symmetric):
    if reduce_range:
        return RANGES[(qtype, True)]
    if qtype == "int8":
        return (-127, 127) if symmetric else (-128, 127)
    return (0, 255)


def compute_scale_zp(rmin, rmax, qmin, qmax, symmetric):
    qdtype = np.int8 if qmin < 0 else np.uint8
    qmin = np.array(qmin, dtype=qdtype)
    qmax = np.array(qmax, dtype=qdtype)
    rmin = np.minimum(rmin, np.array(0, dtype=rmin.dtype))
    rmax = np.maximum(rmax, np.array(0, dtype=rmax.dtype))
    if symmetric:
        absmax = np.maximum(np.abs(rmin), np.abs(rmax))
        rmin, rmax = -absmax, +absmax
    dr = np.array(rmax - rmin, dtype=np.float64)
    dq = np.array(qmax, dtype=np.float64) - np.array(qmin, dtype=np.float64)
    scale = np.array(dr / dq)
    if scale < np.finfo(rmax.dtype).tiny:
        return np.array(0, dtype=qdtype), np.array(1.0, dtype=rmax.dtype)
    if symmetric:
        zp = np.array(np.round((qmin.astype(np.float64) + qmax) / np.array(2.0, dtype=rmin.dtype)), dtype=qdtype)
    else:
        zp = np.array(np.round(qmin - rmin / scale), dtype=qdtype)
    return zp, scale.astype(rmax.dtype)


def quantize(data, qtype, symmetric, reduce_range):
    data = np.asarray(data, dtype=np.float32)
    rmin, rmax = data.min(), data.max()
    qmin, qmax = qrange(qtype, reduce_range, symmetric)
    zp, scale = compute_scale_zp(rmin, rmax, qmin, qmax, symmetric)
    lo, hi = (-127, 127) if qtype == "int8" else (0, 255)
    q = np.asarray((data.astype(np.float32) / scale).round() + zp)
    np.clip(q, lo, hi, out=q)
    return {"scale": float(scale), "zeroPoint": int(zp), "q": q.astype(np.int8 if qtype == "int8" else np.uint8).tolist()}


def main():
    rng = np.random.default_rng(0)
    cases = []
    vectors = {
        "normal16": (rng.standard_normal(16) * 0.05).astype(np.float32),
        "skewed12": (rng.random(12) * 3.0 - 0.4).astype(np.float32),
        "allpositive8": (rng.random(8) * 0.7 + 0.1).astype(np.float32),
        "ties": np.array([-127.0, 63.5, 64.5, -0.5, 0.5, 1.5, -2.5, 127.0], dtype=np.float32),
        "zeros": np.zeros(4, dtype=np.float32),
    }
    for name, v in vectors.items():
        for qtype, symmetric in (("int8", True), ("uint8", False)):
            for reduce_range in (False, True):
                cases.append({"name": name, "type": qtype, "symmetric": symmetric, "reduceRange": reduce_range,
                              "data": [float(x) for x in v], **quantize(v, qtype, symmetric, reduce_range)})
    # Per channel (ORT's quantize_weight_per_channel: quantize_data on each weights.take(c, axis)).
    w = (rng.standard_normal((3, 4)) * 0.2).astype(np.float32)
    per_channel = []
    for axis in (0, 1):
        for qtype, symmetric in (("int8", True), ("uint8", False)):
            parts = [quantize(w.take(c, axis).flatten(), qtype, symmetric, False) for c in range(w.shape[axis])]
            q = np.stack([np.array(p["q"]) for p in parts], axis=axis)
            per_channel.append({"axis": axis, "type": qtype, "dims": list(w.shape), "data": [float(x) for x in w.flatten()],
                                "scales": [p["scale"] for p in parts], "zeroPoints": [p["zeroPoint"] for p in parts],
                                "q": q.flatten().tolist()})
    print(json.dumps({"perTensor": cases, "perChannel": per_channel}))


if __name__ == "__main__":
    main()
