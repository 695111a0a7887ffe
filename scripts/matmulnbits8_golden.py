"""Golden vectors for test/int4-mixed.test.ts (development time only).

Runs onnxruntime's own 8-bit MatMulNBits quantizer (the MLAS kernel behind
matmul_nbits_quantizer.py's DefaultWeightOnlyQuantizer, `quantize_matmul_8bits`) on a fixed weight, so
our 8-bit packing and numerics are checked against ORT, not against themselves.
Run: /work/cache/venv/bin/python scripts/matmulnbits8_golden.py  (onnxruntime 1.30.0), paste the JSON.
"""
import json

import numpy as np
from onnxruntime.capi._pybind_state import quantize_matmul_8bits

K, N, BS = 40, 3, 16
rng = np.random.default_rng(1)
w = rng.standard_normal((K, N)).astype(np.float32).round(3)
w[3, 0] = 5.0  # an outlier
w[16:32, 2] = 0.0  # an all-zero block
kb = (K + BS - 1) // BS
out = {"K": K, "N": N, "blockSize": BS, "w": [float(x) for x in w.ravel()]}
for sym in (True, False):
    packed = np.zeros((N, kb, BS), np.uint8)
    zp = np.zeros((N, kb), np.uint8)
    sc = np.zeros((N, kb), np.float32)
    quantize_matmul_8bits(packed, np.pad(w, ((0, kb * BS - K), (0, 0))), sc, zp, BS, N, kb * BS, sym)
    out["symmetric" if sym else "asymmetric"] = {
        "data": packed.ravel().tolist(), "scales": [float(x) for x in sc.ravel()], "zeroPoints": zp.ravel().tolist(),
    }
print(json.dumps(out))
