"""How much of a model's onnxruntime kernel time a graph rewrite can touch at all, for bench/fuse.ts.

Fusion rewrites the ops around the weight GEMMs (attention core, LayerNorm, GELU, bias adds, shape
chains); it cannot make the projections' and feed-forward GEMMs themselves faster. This runs each model
under onnxruntime's profiler (CPU provider, 1 thread, level all, the bench's inputs) and splits the kernel
time into the GEMM-like nodes whose B is a constant (MatMul, FusedMatMul, Gemm, DynamicQuantizeMatMul,
MatMulIntegerToFloat, MatMulNBits read off the optimized graph) and everything else. If everything else
vanished the model would run (weight + rest) / weight times faster: the ceiling of any fusion.

    python bench/ort-kernel-share.py SEQ MODEL...

Prints one JSON line: {model: {weightMs, restMs, ceiling}}.
"""
import json
import os
import sys
import tempfile

import numpy as np
import onnx
import onnxruntime as ort

GEMM = {'MatMul', 'FusedMatMul', 'Gemm', 'DynamicQuantizeMatMul', 'MatMulIntegerToFloat', 'MatMulNBits'}
RUNS = 5


def feeds(sess, seq):
    """The bench's inputs: ids, a mask with the last 8 positions padded, token types 0."""
    rng = np.random.default_rng(12345)
    out = {}
    for i in sess.get_inputs():
        if 'mask' in i.name:
            v = np.ones((1, seq), np.int64)
            v[0, -8:] = 0
        elif 'type' in i.name:
            v = np.zeros((1, seq), np.int64)
        else:
            v = rng.integers(1000, 30000, (1, seq)).astype(np.int64)
        out[i.name] = v
    return out


def share(path, seq, tmp):
    optimized = os.path.join(tmp, 'optimized.onnx')
    o = ort.SessionOptions()
    o.intra_op_num_threads = 1
    o.inter_op_num_threads = 1
    o.log_severity_level = 3
    o.enable_profiling = True
    o.profile_file_prefix = os.path.join(tmp, 'profile')
    o.optimized_model_filepath = optimized
    sess = ort.InferenceSession(path, o, providers=['CPUExecutionProvider'])
    f = feeds(sess, seq)
    sess.run(None, f)  # warm-up, counted out below
    for _ in range(RUNS):
        sess.run(None, f)
    profile = sess.end_profiling()
    g = onnx.load(optimized, load_external_data=False).graph
    constants = {t.name for t in g.initializer}
    weight_nodes = {n.name for n in g.node if n.op_type in GEMM and len(n.input) > 1 and n.input[1] in constants}
    with open(profile) as fh:
        events = json.load(fh)
    weight = rest = 0.0
    for e in events:
        if e.get('cat') == 'Node' and e['name'].endswith('_kernel_time'):
            if e['name'][: -len('_kernel_time')] in weight_nodes:
                weight += e['dur']
            else:
                rest += e['dur']
    n = (RUNS + 1) * 1000.0
    return {'weightMs': round(weight / n, 1), 'restMs': round(rest / n, 1), 'ceiling': round((weight + rest) / weight, 3)}


def main():
    seq = int(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps({os.path.basename(p): share(p, seq, tmp) for p in sys.argv[2:]}))


if __name__ == '__main__':
    main()
