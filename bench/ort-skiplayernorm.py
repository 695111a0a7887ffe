"""Why `fuse` leaves residual Add + LayerNormalization alone on CPU: one-node models of onnxruntime's
com.microsoft SkipLayerNormalization in each form the fusion could write (with / without the Linear
bias, without beta, another epsilon, symbolic or static shapes, 2-D or 3-D input), against
SkipSimplifiedLayerNormalization and against the Add (+ Add) + LayerNormalization it replaces, timed
interleaved on the CPU provider (1 thread, level all).

    python bench/ort-skiplayernorm.py [SEQ] [HIDDEN] [ROUNDS]

Prints one line per form: p50 µs and the ratio to Add + Add + LayerNormalization.
"""
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper

SEQ = int(sys.argv[1]) if len(sys.argv) > 1 else 128
HIDDEN = int(sys.argv[2]) if len(sys.argv) > 2 else 768
ROUNDS = int(sys.argv[3]) if len(sys.argv) > 3 else 300
rng = np.random.default_rng(0)


def model(kind, shape):
    inits = [helper.make_tensor(n, TensorProto.FLOAT, [HIDDEN], rng.standard_normal(HIDDEN).astype(np.float32).tolist()) for n in ('g', 'b', 'bias')]
    sln = lambda inputs, eps=1e-12, op='SkipLayerNormalization': [helper.make_node(op, inputs, ['y'], domain='com.microsoft', epsilon=eps)]
    nodes = {
        'SkipLayerNormalization (input, skip, gamma, beta, bias)': sln(['x', 'skip', 'g', 'b', 'bias']),
        'SkipLayerNormalization without bias': sln(['x', 'skip', 'g', 'b']),
        'SkipLayerNormalization without beta': sln(['x', 'skip', 'g', '', 'bias']),
        'SkipLayerNormalization epsilon 1e-5': sln(['x', 'skip', 'g', 'b', 'bias'], 1e-5),
        'SkipSimplifiedLayerNormalization (RMS, other numerics)': sln(['x', 'skip', 'g'], op='SkipSimplifiedLayerNormalization'),
        'Add + Add + LayerNormalization': [helper.make_node('Add', ['x', 'skip'], ['s']), helper.make_node('Add', ['s', 'bias'], ['t']),
                                           helper.make_node('LayerNormalization', ['t', 'g', 'b'], ['y'], epsilon=1e-12, axis=-1)],
    }[kind]
    io = lambda n: helper.make_tensor_value_info(n, TensorProto.FLOAT, shape)
    g = helper.make_graph(nodes, 'g', [io('x'), io('skip')], [io('y')], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid('', 17), helper.make_opsetid('com.microsoft', 1)])
    m.ir_version = 8
    return m.SerializeToString()


def session(b):
    o = ort.SessionOptions()
    o.intra_op_num_threads = 1
    o.inter_op_num_threads = 1
    o.log_severity_level = 3
    return ort.InferenceSession(b, o, providers=['CPUExecutionProvider'])


KINDS = ['Add + Add + LayerNormalization', 'SkipLayerNormalization (input, skip, gamma, beta, bias)', 'SkipLayerNormalization without bias',
         'SkipLayerNormalization without beta', 'SkipLayerNormalization epsilon 1e-5', 'SkipSimplifiedLayerNormalization (RMS, other numerics)']
cases = [(k, [1, SEQ, HIDDEN], 'static [1, s, h]') for k in KINDS]
cases += [('SkipLayerNormalization (input, skip, gamma, beta, bias)', ['batch', 'seq', HIDDEN], 'symbolic [b, s, h]'),
          ('SkipLayerNormalization (input, skip, gamma, beta, bias)', [SEQ, HIDDEN], '2-D [s, h]')]
runs = []
for kind, shape, label in cases:
    s = session(model(kind, shape))
    dims = [SEQ, HIDDEN] if len(shape) == 2 else [1, SEQ, HIDDEN]
    feed = {'x': rng.standard_normal(dims).astype(np.float32), 'skip': rng.standard_normal(dims).astype(np.float32)}
    s.run(None, feed)
    runs.append((f'{kind}, {label}', s, feed, []))
for _ in range(ROUNDS):
    for _, s, feed, t in runs:
        a = time.perf_counter()
        s.run(None, feed)
        t.append(time.perf_counter() - a)
base = np.median(runs[0][3])
print(f'onnxruntime {ort.__version__}, CPU, 1 thread, [{SEQ}, {HIDDEN}], {ROUNDS} rounds interleaved')
for name, _, _, t in runs:
    print(f'{name:<85} {1e6 * np.median(t):8.1f} µs  {np.median(t) / base:5.2f}×')
