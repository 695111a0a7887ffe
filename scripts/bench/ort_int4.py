"""onnxruntime's own 4-bit weight-only quantizer on a model, for the side-by-side of `npm run bench -- int4`.

  ort-rtn  DefaultWeightOnlyQuantConfig (MLAS round-to-nearest), symmetric, MatMul only
  ort-rtn asymmetric  the same with is_symmetric=False, the quantizer's default
  ort-hqq  HQQWeightOnlyQuantConfig (half-quadratic, asymmetric, float zero points), MatMul only

Needs onnxruntime 1.30 with onnx_ir, and torch for HQQ: a venv made from /usr/bin/python3 with
--system-site-packages (Debian's torch 1.13) plus `pip install onnxruntime==1.30.0 onnx-ir onnx==1.17.0
numpy==1.24.2`. Usage: python ort_int4.py IN OUT_DIR BLOCK; prints one JSON line {name: {file, ms}}.
"""
import json
import logging
import os
import sys
import time

import onnx
from onnxruntime.quantization import matmul_nbits_quantizer as mnq

logging.disable(logging.WARNING)
src, out_dir, block = sys.argv[1], sys.argv[2], int(sys.argv[3])
stem = os.path.splitext(os.path.basename(src))[0]
result = {}
for name, cfg in [
    ("ort-rtn", mnq.DefaultWeightOnlyQuantConfig(block_size=block, is_symmetric=True, op_types_to_quantize=("MatMul",))),
    ("ort-rtn asymmetric", mnq.DefaultWeightOnlyQuantConfig(block_size=block, is_symmetric=False, op_types_to_quantize=("MatMul",))),
    ("ort-hqq", mnq.HQQWeightOnlyQuantConfig(block_size=block, bits=4, op_types_to_quantize=("MatMul",))),
]:
    model = onnx.load(src)
    t0 = time.perf_counter()
    q = mnq.MatMulNBitsQuantizer(model, algo_config=cfg)
    q.process()
    ms = (time.perf_counter() - t0) * 1000
    file = os.path.join(out_dir, f"{stem}.{name.replace(' ', '-')}.onnx")
    onnx.save_model(q.model.model, file, save_as_external_data=False) if q.model.model.ByteSize() < 2**31 - 1 else onnx.save_model(q.model.model, file, save_as_external_data=True)
    result[name] = {"file": file, "ms": round(ms)}
print(json.dumps(result))
