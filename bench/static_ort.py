"""onnxruntime's quantize_static on the same model and calibration files, for `npm run bench -- static`.

  /work/cache/venv/bin/python bench/static_ort.py MODEL OUT CALIB_DIR SAMPLES METHOD [PER_CHANNEL [REDUCE_RANGE]]

QDQ format, uint8 activations and int8 weights (ORT's defaults), per-channel unless PER_CHANNEL is 0,
8-bit weights (ORT's default) unless REDUCE_RANGE is 1 (7-bit, ORT's advice for CPUs without VNNI).
Prints one JSON line: seconds to produce the model and the process's peak RSS (ru_maxrss).
"""
import json
import os
import resource
import sys
import time

import numpy as np
from onnxruntime.quantization import CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType, quantize_static

model, out, calib, samples, method = sys.argv[1:6]
per_channel = len(sys.argv) < 7 or sys.argv[6] != "0"
reduce_range = len(sys.argv) >= 8 and sys.argv[7] == "1"
METHODS = {"minmax": CalibrationMethod.MinMax, "percentile": CalibrationMethod.Percentile, "entropy": CalibrationMethod.Entropy}


class Files(CalibrationDataReader):
    def __init__(self):
        files = sorted(f for f in os.listdir(calib) if f.endswith(".npz"))[: int(samples)]
        self.it = iter(files)

    def get_next(self):
        f = next(self.it, None)
        if f is None:
            return None
        with np.load(os.path.join(calib, f)) as z:
            return {k: z[k] for k in z.files}


t0 = time.perf_counter()
quantize_static(model, out, Files(), quant_format=QuantFormat.QDQ, activation_type=QuantType.QUInt8,
                weight_type=QuantType.QInt8, per_channel=per_channel, reduce_range=reduce_range,
                calibrate_method=METHODS[method])
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))
