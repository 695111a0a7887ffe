import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/check/ort-worker.ts
import { performance } from "node:perf_hooks";
import * as ort from "onnxruntime-node";

// src/onnx/dtype.ts
var DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
  FLOAT4E2M1: 23,
  FLOAT8E8M0: 24,
  UINT2: 25,
  INT2: 26
};
var NAMES = [];
for (const [k, v] of Object.entries(DataType)) NAMES[v] = k.toLowerCase();
var ORT_TYPE = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  21: "uint4",
  22: "int4"
};

// src/onnx/float16.ts
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);

// src/check/named-tensor.ts
var ONNX_TYPE_OF_ORT = Object.fromEntries(
  Object.entries(ORT_TYPE).map(([code, name]) => [name, Number(code)])
);
var FEEDABLE = /* @__PURE__ */ new Set([
  DataType.FLOAT,
  DataType.UINT8,
  DataType.INT8,
  DataType.UINT16,
  DataType.INT16,
  DataType.INT32,
  DataType.INT64,
  DataType.STRING,
  DataType.BOOL,
  DataType.FLOAT16,
  DataType.DOUBLE,
  DataType.UINT32,
  DataType.UINT64
]);
var utf8 = new TextDecoder("utf-8");
function ownedBytes(bytes) {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}

// src/check/ort-worker.ts
var sessions = /* @__PURE__ */ new Map();
var nextId = 1;
var ARRAY_OF = {
  float32: Float32Array,
  float64: Float64Array,
  int8: Int8Array,
  uint8: Uint8Array,
  bool: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  float16: Uint16Array
};
function toOrt(t) {
  if (Array.isArray(t.data)) return new ort.Tensor("string", t.data, t.dims);
  const Ctor = ARRAY_OF[t.type];
  if (!Ctor) throw new Error(`input '${t.name}': onnxruntime-node cannot take ${t.type} tensors`);
  const data = new Ctor(ownedBytes(t.data).buffer);
  return new ort.Tensor(t.type, data, t.dims);
}
function fromOrt(name, v) {
  if (!(v instanceof ort.Tensor)) throw new Error(`output '${name}' is not a tensor; onnxruntime-node cannot return it`);
  const dims = [...v.dims];
  if (v.type === "string") return { name, type: "string", dims, data: [...v.data] };
  const d = v.data;
  return { name, type: v.type, dims, data: ownedBytes(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)) };
}
function metadata(list) {
  return list.map((m) => m.isTensor ? { name: m.name, isTensor: true, type: String(m.type), dims: [...m.shape] } : { name: m.name, isTensor: false, type: "non-tensor", dims: [] });
}
async function load(modelPath, opts) {
  const t0 = performance.now();
  const session = await ort.InferenceSession.create(modelPath, {
    intraOpNumThreads: opts.threads ?? 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: opts.graphOptimizationLevel ?? "all",
    // The binding rejects an explicit `undefined` here.
    ...opts.optimizedModelFilePath !== void 0 ? { optimizedModelFilePath: opts.optimizedModelFilePath } : {},
    // Warnings (e.g. unused initializers) are the parent's business to report, not stderr noise.
    logSeverityLevel: 3
  });
  const loadMs = performance.now() - t0;
  const id = nextId++;
  sessions.set(id, session);
  return { id, loadMs, inputs: metadata(session.inputMetadata), outputs: metadata(session.outputMetadata) };
}
async function run(id, feeds, outputNames) {
  const session = sessions.get(id);
  if (!session) throw new Error(`no session ${id} (released, or lost in an earlier crash)`);
  const ortFeeds = {};
  for (const f of feeds) ortFeeds[f.name] = toOrt(f);
  const names = outputNames ?? session.outputNames;
  const t0 = performance.now();
  const result = await session.run(ortFeeds, [...names]);
  const ms = performance.now() - t0;
  const outputs = names.map((n) => fromOrt(n, result[n]));
  for (const t of Object.values(ortFeeds)) t.dispose();
  return { outputs, ms };
}
async function handle(req) {
  switch (req.op) {
    case "load":
      return load(req.modelPath, req.options);
    case "run":
      return run(req.id, req.feeds, req.outputNames);
    case "release": {
      const s = sessions.get(req.id);
      sessions.delete(req.id);
      await s?.release();
      return null;
    }
  }
}
process.on("message", (req) => {
  handle(req).then(
    (result) => process.send({ seq: req.seq, ok: true, result }),
    (e) => process.send({ seq: req.seq, ok: false, error: e instanceof Error ? e.message : String(e) })
  );
});
process.on("disconnect", () => process.exit(0));
