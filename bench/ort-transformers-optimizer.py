"""onnxruntime's own transformer optimizer on a model, for bench/fuse.ts to compare `fuse` with:
optimize_model(IN, 'bert'|'gpt2', num_heads, hidden_size) (the heads and hidden size the user must
give it), then optionally quantize_dynamic (onnxruntime's int8, which turns Attention into QAttention).

    python bench/ort-transformers-optimizer.py IN OUT MODEL_TYPE HEADS HIDDEN [--int8 OUT_INT8]

Prints one JSON line: seconds taken and onnxruntime's fused-operator statistics.
"""
import json
import sys
import time

import onnx

from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model


def main():
    src, dst, model_type, heads, hidden = sys.argv[1:6]
    t = time.time()
    m = optimize_model(src, model_type=model_type, num_heads=int(heads), hidden_size=int(hidden), opt_level=0)
    m.save_model_to_file(dst)
    out = {'seconds': round(time.time() - t, 2), 'fused': {k: v for k, v in m.get_fused_operator_statistics().items() if v}}
    if '--int8' in sys.argv:
        q = sys.argv[sys.argv.index('--int8') + 1]
        t = time.time()
        # Fused contrib ops defeat its shape inference; it asks for the default type then (its own message).
        quantize_dynamic(dst, q, weight_type=QuantType.QInt8, extra_options={'DefaultTensorType': onnx.TensorProto.FLOAT})
        out['int8Seconds'] = round(time.time() - t, 2)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
