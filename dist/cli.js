import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/onnx/errors.ts
function oneLine(message) {
  return message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
var OnnxFormatError, UsageError;
var init_errors = __esm({
  "src/onnx/errors.ts"() {
    "use strict";
    OnnxFormatError = class extends Error {
      name = "OnnxFormatError";
      constructor(message) {
        super(oneLine(message));
      }
    };
    UsageError = class extends Error {
      name = "UsageError";
    };
  }
});

// src/report/json.ts
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
function summary(d) {
  if (d.sha256 === void 0) throw new Error("report needs the sha256 of every model file (compress with digest on)");
  const s = { bytes: d.bytes, sha256: d.sha256 };
  if (d.files.length > 1) s.files = d.files.map((f) => ({ path: f.path, bytes: f.bytes }));
  return s;
}
function modelName(file) {
  return path.basename(file).replace(/\.onnx$/i, "");
}
function modelReport(result, name = modelName(result.source)) {
  return {
    name,
    source: result.source,
    output: result.output,
    original: summary(result.original),
    compressed: summary(result.compressed),
    stages: result.stages,
    ...result.auto ? { auto: result.auto } : {},
    passed: true
  };
}
function modelPassed(m) {
  return (m.parity?.passed ?? true) && (m.budgets ?? []).every((b) => b.passed);
}
function buildReport(models) {
  return { tool: TOOL, version: TOOL_VERSION, passed: models.every((m) => m.passed), models };
}
function writeTextFile(file, text) {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
function writeJsonFile(file, value) {
  writeTextFile(file, `${JSON.stringify(value, null, 2)}
`);
}
var TOOL, TOOL_VERSION;
var init_json = __esm({
  "src/report/json.ts"() {
    "use strict";
    TOOL = "onnx-diet";
    TOOL_VERSION = "0.1.0";
  }
});

// src/onnx/dtype.ts
function dataTypeName(code) {
  return code !== void 0 && NAMES[code] || `dtype(${code})`;
}
function bitsOf(code) {
  return code !== void 0 && BITS[code] || 0;
}
function isKnownDataType(code) {
  return code !== void 0 && (BITS[code] !== void 0 || code === DataType.STRING);
}
function rawByteLength(code, count) {
  const bits = bitsOf(code);
  return Math.ceil(bits * count / 8);
}
var DataType, NAMES, BITS, ORT_TYPE;
var init_dtype = __esm({
  "src/onnx/dtype.ts"() {
    "use strict";
    DataType = {
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
    NAMES = [];
    for (const [k, v] of Object.entries(DataType)) NAMES[v] = k.toLowerCase();
    BITS = {
      1: 32,
      2: 8,
      3: 8,
      4: 16,
      5: 16,
      6: 32,
      7: 64,
      9: 8,
      10: 16,
      11: 64,
      12: 32,
      13: 64,
      14: 64,
      15: 128,
      16: 16,
      17: 8,
      18: 8,
      19: 8,
      20: 8,
      21: 4,
      22: 4,
      23: 4,
      24: 8,
      25: 2,
      26: 2
    };
    ORT_TYPE = {
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
  }
});

// src/onnx/graph.ts
function subgraphsOf(node) {
  const out = [];
  for (const a of node.attribute) {
    if (a.g) out.push({ graph: a.g, attribute: a });
    for (const g of a.graphs) out.push({ graph: g, attribute: a });
  }
  return out;
}
function walkScope(root2, cb) {
  const stack = [root2];
  while (stack.length) {
    const scope = stack.pop();
    cb(scope);
    const children = [];
    for (const node of scope.graph.node) {
      for (const { graph, attribute: attribute2 } of subgraphsOf(node)) {
        children.push({ graph, parent: scope, owner: node, attribute: attribute2, depth: scope.depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
function rootScopes(model) {
  const roots = [];
  if (model.graph) roots.push({ graph: model.graph, depth: 0 });
  for (const ti of model.trainingInfo) {
    if (ti.initialization) roots.push({ graph: ti.initialization, depth: 0 });
    if (ti.algorithm) roots.push({ graph: ti.algorithm, depth: 0 });
  }
  return roots;
}
function forEachGraph(model, cb) {
  for (const root2 of rootScopes(model)) walkScope(root2, cb);
}
function mainScopes(model) {
  const out = [];
  if (model.graph) walkScope({ graph: model.graph, depth: 0 }, (s) => out.push(s));
  return out;
}
function attributeTensors(node, site) {
  for (const a of node.attribute) {
    if (a.t) site(a.t, a);
    for (const t of a.tensors) site(t, a);
    if (a.sparseTensor?.values) site(a.sparseTensor.values, a);
    if (a.sparseTensor?.indices) site(a.sparseTensor.indices, a);
    for (const s of a.sparseTensors) {
      if (s.values) site(s.values, a);
      if (s.indices) site(s.indices, a);
    }
  }
}
function forEachTensor(model, cb) {
  forEachGraph(model, (scope) => {
    scope.graph.initializer.forEach((t, index) => cb(t, { kind: "initializer", scope, index }));
    for (const s of scope.graph.sparseInitializer) {
      if (s.values) cb(s.values, { kind: "sparse-initializer", scope, part: "values" });
      if (s.indices) cb(s.indices, { kind: "sparse-initializer", scope, part: "indices" });
    }
    for (const node of scope.graph.node) attributeTensors(node, (t, attribute2) => cb(t, { kind: "attribute", node, attribute: attribute2, scope }));
  });
  for (const fn of model.functions) {
    const visit2 = (nodes) => {
      for (const node of nodes) {
        attributeTensors(node, (t, attribute2) => cb(t, { kind: "attribute", node, attribute: attribute2, fn }));
        for (const { graph } of subgraphsOf(node)) visit2(graph.node);
      }
    };
    visit2(fn.node);
  }
}
function defines(graph, name) {
  if (!name) return false;
  return graph.input.some((v) => v.name === name) || graph.initializer.some((t) => t.name === name) || graph.sparseInitializer.some((s) => s.values?.name === name) || graph.node.some((n) => n.output.includes(name));
}
function definedNames(graph) {
  const names = /* @__PURE__ */ new Set();
  for (const v of graph.input) if (v.name) names.add(v.name);
  for (const t of graph.initializer) if (t.name) names.add(t.name);
  for (const s of graph.sparseInitializer) if (s.values?.name) names.add(s.values.name);
  for (const n of graph.node) for (const o of n.output) if (o) names.add(o);
  return names;
}
function outerReferences(graph, memo = /* @__PURE__ */ new Map()) {
  const known = memo.get(graph);
  if (known) return known;
  const defined = definedNames(graph);
  const free = /* @__PURE__ */ new Set();
  memo.set(graph, free);
  const consider = (name) => {
    if (name && !defined.has(name)) free.add(name);
  };
  for (const n of graph.node) {
    for (const i of n.input) consider(i);
    for (const { graph: g } of subgraphsOf(n)) for (const name of outerReferences(g, memo)) consider(name);
  }
  for (const o of graph.output) if (o.name) consider(o.name);
  return free;
}
function nodeReads(n, memo = /* @__PURE__ */ new Map()) {
  const reads = /* @__PURE__ */ new Set();
  for (const i of n.input) if (i) reads.add(i);
  for (const { graph } of subgraphsOf(n)) for (const name of outerReferences(graph, memo)) reads.add(name);
  return reads;
}
function usesOfAll(scope, names) {
  const uses = /* @__PURE__ */ new Map();
  for (const n of names) uses.set(n, []);
  const visit2 = (s, visible) => {
    for (const node of s.graph.node) {
      node.input.forEach((input, inputIndex) => {
        if (visible.has(input)) uses.get(input).push({ node, scope: s, inputIndex });
      });
      for (const { graph, attribute: attribute2 } of subgraphsOf(node)) {
        const own = definedNames(graph);
        let still = visible;
        for (const n of own) if (visible.has(n)) {
          still = new Set([...visible].filter((v) => !own.has(v)));
          break;
        }
        if (still.size) visit2({ graph, parent: s, owner: node, attribute: attribute2, depth: s.depth + 1 }, still);
      }
    }
  };
  visit2(scope, new Set(uses.keys()));
  return uses;
}
function replaceAllUses(scope, from, to) {
  let count = 0;
  const visit2 = (graph, isRoot) => {
    for (const node of graph.node) {
      for (let i = 0; i < node.input.length; i++) {
        if (node.input[i] === from) {
          node.input[i] = to;
          count++;
        }
      }
      for (const { graph: g } of subgraphsOf(node)) if (!defines(g, from)) visit2(g, false);
    }
    if (!isRoot) {
      for (const o of graph.output) if (o.name === from) {
        o.name = to;
        count++;
      }
    }
  };
  visit2(scope.graph, true);
  return count;
}
function allNames(model) {
  const names = /* @__PURE__ */ new Set();
  forEachGraph(model, ({ graph }) => {
    for (const n of definedNames(graph)) names.add(n);
    for (const n of graph.node) {
      for (const i of n.input) names.add(i);
      if (n.name) names.add(n.name);
    }
    for (const v of graph.output) if (v.name) names.add(v.name);
    for (const v of graph.valueInfo) if (v.name) names.add(v.name);
  });
  return names;
}
function freshName(taken, base) {
  let next = nextSuffix.get(taken);
  if (!next) nextSuffix.set(taken, next = /* @__PURE__ */ new Map());
  let name = base;
  let k = next.get(base) ?? 1;
  if (taken.has(name)) {
    while (taken.has(name = `${base}_${k}`)) k++;
    next.set(base, k + 1);
  }
  taken.add(name);
  return name;
}
function attr(node, name) {
  return node.attribute.find((a) => a.name === name);
}
var nextSuffix;
var init_graph = __esm({
  "src/onnx/graph.ts"() {
    "use strict";
    nextSuffix = /* @__PURE__ */ new WeakMap();
  }
});

// node_modules/protobufjs/src/util/aspromise.js
var require_aspromise = __commonJS({
  "node_modules/protobufjs/src/util/aspromise.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err) {
          if (pending) {
            pending = false;
            reject(err);
          }
        }
      });
    }
  }
});

// node_modules/protobufjs/src/util/base64.js
var require_base64 = __commonJS({
  "node_modules/protobufjs/src/util/base64.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string) {
      var p = string.length;
      if (!p)
        return 0;
      while (p > 0 && string.charAt(p - 1) === "=")
        --p;
      return Math.floor(p * 3 / 4);
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    s64[45] = 62;
    s64[95] = 63;
    base64.encode = function encode2(buffer, start, end) {
      var parts = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts) {
        if (i2)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode2(string, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string.length; ) {
        var c = string.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    var base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    var base64UrlRe = /[-_]/;
    var base64UrlNoPaddingRe = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
    base64.test = function test(string) {
      return base64Re.test(string) || base64UrlRe.test(string) && base64UrlNoPaddingRe.test(string);
    };
  }
});

// node_modules/protobufjs/src/util/eventemitter.js
var require_eventemitter = __commonJS({
  "node_modules/protobufjs/src/util/eventemitter.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/util/float.js
var require_float = __commonJS({
  "node_modules/protobufjs/src/util/float.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f323 = new Float32Array([-0]), f8b = new Uint8Array(f323.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f323[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f323[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f323[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f323[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/protobufjs/src/util/utf8.js
var require_utf8 = __commonJS({
  "node_modules/protobufjs/src/util/utf8.js"(exports) {
    "use strict";
    var utf82 = exports;
    var looseDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    var strictDecoder;
    var TEXT_DECODER_MIN_LENGTH = 64;
    try {
      strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch (err) {
      strictDecoder = looseDecoder;
    }
    utf82.length = function utf8_length(string) {
      var len = 0, c = 0;
      for (var i = 0; i < string.length; ++i) {
        c = string.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    function utf8_read_decoder(decoder, buffer, start, end) {
      var source = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
      return decoder.decode(source);
    }
    utf82.read = function utf8_read_loose(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(looseDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.readStrict = function utf8_read_strict(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(strictDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.write = function utf8_write(string, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string.length; ++i) {
        c1 = string.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/protobufjs/src/util/pool.js
var require_pool = __commonJS({
  "node_modules/protobufjs/src/util/pool.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice2, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice2.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var Long;
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (typeof value === "string" || value instanceof String) {
        if (Long)
          value = Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return Long ? new Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash) {
      if (hash === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash, 0) | charCodeAt.call(hash, 1) << 8 | charCodeAt.call(hash, 2) << 16 | charCodeAt.call(hash, 3) << 24) >>> 0,
        (charCodeAt.call(hash, 4) | charCodeAt.call(hash, 5) << 8 | charCodeAt.call(hash, 6) << 16 | charCodeAt.call(hash, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
    LongBits._configure = function(Long_) {
      Long = Long_;
    };
  }
});

// node_modules/long/umd/index.js
var require_umd = __commonJS({
  "node_modules/long/umd/index.js"(exports, module) {
    (function(global2, factory) {
      function preferDefault(exports2) {
        return exports2.default || exports2;
      }
      if (typeof define === "function" && define.amd) {
        define([], function() {
          var exports2 = {};
          factory(exports2);
          return preferDefault(exports2);
        });
      } else if (typeof exports === "object") {
        factory(exports);
        if (typeof module === "object") module.exports = preferDefault(exports);
      } else {
        (function() {
          var exports2 = {};
          factory(exports2);
          global2.Long = preferDefault(exports2);
        })();
      }
    })(
      typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : exports,
      function(_exports) {
        "use strict";
        Object.defineProperty(_exports, "__esModule", {
          value: true
        });
        _exports.default = void 0;
        var wasm = null;
        try {
          wasm = new WebAssembly.Instance(
            new WebAssembly.Module(
              new Uint8Array([
                // \0asm
                0,
                97,
                115,
                109,
                // version 1
                1,
                0,
                0,
                0,
                // section "type"
                1,
                13,
                2,
                // 0, () => i32
                96,
                0,
                1,
                127,
                // 1, (i32, i32, i32, i32) => i32
                96,
                4,
                127,
                127,
                127,
                127,
                1,
                127,
                // section "function"
                3,
                7,
                6,
                // 0, type 0
                0,
                // 1, type 1
                1,
                // 2, type 1
                1,
                // 3, type 1
                1,
                // 4, type 1
                1,
                // 5, type 1
                1,
                // section "global"
                6,
                6,
                1,
                // 0, "high", mutable i32
                127,
                1,
                65,
                0,
                11,
                // section "export"
                7,
                50,
                6,
                // 0, "mul"
                3,
                109,
                117,
                108,
                0,
                1,
                // 1, "div_s"
                5,
                100,
                105,
                118,
                95,
                115,
                0,
                2,
                // 2, "div_u"
                5,
                100,
                105,
                118,
                95,
                117,
                0,
                3,
                // 3, "rem_s"
                5,
                114,
                101,
                109,
                95,
                115,
                0,
                4,
                // 4, "rem_u"
                5,
                114,
                101,
                109,
                95,
                117,
                0,
                5,
                // 5, "get_high"
                8,
                103,
                101,
                116,
                95,
                104,
                105,
                103,
                104,
                0,
                0,
                // section "code"
                10,
                191,
                1,
                6,
                // 0, "get_high"
                4,
                0,
                35,
                0,
                11,
                // 1, "mul"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                126,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 2, "div_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                127,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 3, "div_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                128,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 4, "rem_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                129,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 5, "rem_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                130,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11
              ])
            ),
            {}
          ).exports;
        } catch {
        }
        function Long(low, high, unsigned) {
          this.low = low | 0;
          this.high = high | 0;
          this.unsigned = !!unsigned;
        }
        Long.prototype.__isLong__;
        Object.defineProperty(Long.prototype, "__isLong__", {
          value: true
        });
        function isLong(obj) {
          return (obj && obj["__isLong__"]) === true;
        }
        function ctz32(value) {
          var c = Math.clz32(value & -value);
          return value ? 31 - c : c;
        }
        Long.isLong = isLong;
        var INT_CACHE = {};
        var UINT_CACHE = {};
        function fromInt(value, unsigned) {
          var obj, cachedObj, cache;
          if (unsigned) {
            value >>>= 0;
            if (cache = 0 <= value && value < 256) {
              cachedObj = UINT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, 0, true);
            if (cache) UINT_CACHE[value] = obj;
            return obj;
          } else {
            value |= 0;
            if (cache = -128 <= value && value < 128) {
              cachedObj = INT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, value < 0 ? -1 : 0, false);
            if (cache) INT_CACHE[value] = obj;
            return obj;
          }
        }
        Long.fromInt = fromInt;
        function fromNumber(value, unsigned) {
          if (isNaN(value)) return unsigned ? UZERO : ZERO;
          if (unsigned) {
            if (value < 0) return UZERO;
            if (value >= TWO_PWR_64_DBL) return MAX_UNSIGNED_VALUE;
          } else {
            if (value <= -TWO_PWR_63_DBL) return MIN_VALUE;
            if (value + 1 >= TWO_PWR_63_DBL) return MAX_VALUE;
          }
          if (value < 0) return fromNumber(-value, unsigned).neg();
          return fromBits(
            value % TWO_PWR_32_DBL | 0,
            value / TWO_PWR_32_DBL | 0,
            unsigned
          );
        }
        Long.fromNumber = fromNumber;
        function fromBits(lowBits, highBits, unsigned) {
          return new Long(lowBits, highBits, unsigned);
        }
        Long.fromBits = fromBits;
        var pow_dbl = Math.pow;
        function fromString(str, unsigned, radix) {
          if (str.length === 0) throw Error("empty string");
          if (typeof unsigned === "number") {
            radix = unsigned;
            unsigned = false;
          } else {
            unsigned = !!unsigned;
          }
          if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
            return unsigned ? UZERO : ZERO;
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          var p;
          if ((p = str.indexOf("-")) > 0) throw Error("interior hyphen");
          else if (p === 0) {
            return fromString(str.substring(1), unsigned, radix).neg();
          }
          var radixToPower = fromNumber(pow_dbl(radix, 8));
          var result = ZERO;
          for (var i = 0; i < str.length; i += 8) {
            var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
            if (size < 8) {
              var power = fromNumber(pow_dbl(radix, size));
              result = result.mul(power).add(fromNumber(value));
            } else {
              result = result.mul(radixToPower);
              result = result.add(fromNumber(value));
            }
          }
          result.unsigned = unsigned;
          return result;
        }
        Long.fromString = fromString;
        function fromValue(val, unsigned) {
          if (typeof val === "number") return fromNumber(val, unsigned);
          if (typeof val === "string") return fromString(val, unsigned);
          return fromBits(
            val.low,
            val.high,
            typeof unsigned === "boolean" ? unsigned : val.unsigned
          );
        }
        Long.fromValue = fromValue;
        var TWO_PWR_16_DBL = 1 << 16;
        var TWO_PWR_24_DBL = 1 << 24;
        var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
        var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
        var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
        var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
        var ZERO = fromInt(0);
        Long.ZERO = ZERO;
        var UZERO = fromInt(0, true);
        Long.UZERO = UZERO;
        var ONE = fromInt(1);
        Long.ONE = ONE;
        var UONE = fromInt(1, true);
        Long.UONE = UONE;
        var NEG_ONE = fromInt(-1);
        Long.NEG_ONE = NEG_ONE;
        var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
        Long.MAX_VALUE = MAX_VALUE;
        var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
        Long.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
        var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
        Long.MIN_VALUE = MIN_VALUE;
        var LongPrototype = Long.prototype;
        LongPrototype.toInt = function toInt() {
          return this.unsigned ? this.low >>> 0 : this.low;
        };
        LongPrototype.toNumber = function toNumber() {
          if (this.unsigned)
            return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
          return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
        };
        LongPrototype.toString = function toString(radix) {
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          if (this.isZero()) return "0";
          if (this.isNegative()) {
            if (this.eq(MIN_VALUE)) {
              var radixLong = fromNumber(radix), div = this.div(radixLong), rem1 = div.mul(radixLong).sub(this);
              return div.toString(radix) + rem1.toInt().toString(radix);
            } else return "-" + this.neg().toString(radix);
          }
          var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
          var result = "";
          while (true) {
            var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
            rem = remDiv;
            if (rem.isZero()) return digits + result;
            else {
              while (digits.length < 6) digits = "0" + digits;
              result = "" + digits + result;
            }
          }
        };
        LongPrototype.getHighBits = function getHighBits() {
          return this.high;
        };
        LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
          return this.high >>> 0;
        };
        LongPrototype.getLowBits = function getLowBits() {
          return this.low;
        };
        LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
          return this.low >>> 0;
        };
        LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
          if (this.isNegative())
            return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
          var val = this.high != 0 ? this.high : this.low;
          for (var bit = 31; bit > 0; bit--) if ((val & 1 << bit) != 0) break;
          return this.high != 0 ? bit + 33 : bit + 1;
        };
        LongPrototype.isSafeInteger = function isSafeInteger() {
          var top11Bits = this.high >> 21;
          if (!top11Bits) return true;
          if (this.unsigned) return false;
          return top11Bits === -1 && !(this.low === 0 && this.high === -2097152);
        };
        LongPrototype.isZero = function isZero() {
          return this.high === 0 && this.low === 0;
        };
        LongPrototype.eqz = LongPrototype.isZero;
        LongPrototype.isNegative = function isNegative() {
          return !this.unsigned && this.high < 0;
        };
        LongPrototype.isPositive = function isPositive() {
          return this.unsigned || this.high >= 0;
        };
        LongPrototype.isOdd = function isOdd() {
          return (this.low & 1) === 1;
        };
        LongPrototype.isEven = function isEven() {
          return (this.low & 1) === 0;
        };
        LongPrototype.equals = function equals(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
            return false;
          return this.high === other.high && this.low === other.low;
        };
        LongPrototype.eq = LongPrototype.equals;
        LongPrototype.notEquals = function notEquals(other) {
          return !this.eq(
            /* validates */
            other
          );
        };
        LongPrototype.neq = LongPrototype.notEquals;
        LongPrototype.ne = LongPrototype.notEquals;
        LongPrototype.lessThan = function lessThan(other) {
          return this.comp(
            /* validates */
            other
          ) < 0;
        };
        LongPrototype.lt = LongPrototype.lessThan;
        LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) <= 0;
        };
        LongPrototype.lte = LongPrototype.lessThanOrEqual;
        LongPrototype.le = LongPrototype.lessThanOrEqual;
        LongPrototype.greaterThan = function greaterThan(other) {
          return this.comp(
            /* validates */
            other
          ) > 0;
        };
        LongPrototype.gt = LongPrototype.greaterThan;
        LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) >= 0;
        };
        LongPrototype.gte = LongPrototype.greaterThanOrEqual;
        LongPrototype.ge = LongPrototype.greaterThanOrEqual;
        LongPrototype.compare = function compare(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.eq(other)) return 0;
          var thisNeg = this.isNegative(), otherNeg = other.isNegative();
          if (thisNeg && !otherNeg) return -1;
          if (!thisNeg && otherNeg) return 1;
          if (!this.unsigned) return this.sub(other).isNegative() ? -1 : 1;
          return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
        };
        LongPrototype.comp = LongPrototype.compare;
        LongPrototype.negate = function negate() {
          if (!this.unsigned && this.eq(MIN_VALUE)) return MIN_VALUE;
          return this.not().add(ONE);
        };
        LongPrototype.neg = LongPrototype.negate;
        LongPrototype.add = function add(addend) {
          if (!isLong(addend)) addend = fromValue(addend);
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = addend.high >>> 16;
          var b32 = addend.high & 65535;
          var b16 = addend.low >>> 16;
          var b00 = addend.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 + b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 + b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 + b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 + b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.subtract = function subtract(subtrahend) {
          if (!isLong(subtrahend)) subtrahend = fromValue(subtrahend);
          return this.add(subtrahend.neg());
        };
        LongPrototype.sub = LongPrototype.subtract;
        LongPrototype.multiply = function multiply(multiplier) {
          if (this.isZero()) return this;
          if (!isLong(multiplier)) multiplier = fromValue(multiplier);
          if (wasm) {
            var low = wasm["mul"](
              this.low,
              this.high,
              multiplier.low,
              multiplier.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (multiplier.isZero()) return this.unsigned ? UZERO : ZERO;
          if (this.eq(MIN_VALUE)) return multiplier.isOdd() ? MIN_VALUE : ZERO;
          if (multiplier.eq(MIN_VALUE)) return this.isOdd() ? MIN_VALUE : ZERO;
          if (this.isNegative()) {
            if (multiplier.isNegative()) return this.neg().mul(multiplier.neg());
            else return this.neg().mul(multiplier).neg();
          } else if (multiplier.isNegative())
            return this.mul(multiplier.neg()).neg();
          if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
            return fromNumber(
              this.toNumber() * multiplier.toNumber(),
              this.unsigned
            );
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = multiplier.high >>> 16;
          var b32 = multiplier.high & 65535;
          var b16 = multiplier.low >>> 16;
          var b00 = multiplier.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 * b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 * b00;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c16 += a00 * b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 * b00;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a16 * b16;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a00 * b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.mul = LongPrototype.multiply;
        LongPrototype.divide = function divide(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (divisor.isZero()) throw Error("division by zero");
          if (wasm) {
            if (!this.unsigned && this.high === -2147483648 && divisor.low === -1 && divisor.high === -1) {
              return this;
            }
            var low = (this.unsigned ? wasm["div_u"] : wasm["div_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (this.isZero()) return this.unsigned ? UZERO : ZERO;
          var approx, rem, res;
          if (!this.unsigned) {
            if (this.eq(MIN_VALUE)) {
              if (divisor.eq(ONE) || divisor.eq(NEG_ONE))
                return MIN_VALUE;
              else if (divisor.eq(MIN_VALUE)) return ONE;
              else {
                var halfThis = this.shr(1);
                approx = halfThis.div(divisor).shl(1);
                if (approx.eq(ZERO)) {
                  return divisor.isNegative() ? ONE : NEG_ONE;
                } else {
                  rem = this.sub(divisor.mul(approx));
                  res = approx.add(rem.div(divisor));
                  return res;
                }
              }
            } else if (divisor.eq(MIN_VALUE)) return this.unsigned ? UZERO : ZERO;
            if (this.isNegative()) {
              if (divisor.isNegative()) return this.neg().div(divisor.neg());
              return this.neg().div(divisor).neg();
            } else if (divisor.isNegative()) return this.div(divisor.neg()).neg();
            res = ZERO;
          } else {
            if (!divisor.unsigned) divisor = divisor.toUnsigned();
            if (divisor.gt(this)) return UZERO;
            if (divisor.gt(this.shru(1)))
              return UONE;
            res = UZERO;
          }
          rem = this;
          while (rem.gte(divisor)) {
            approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
            var log2 = Math.ceil(Math.log(approx) / Math.LN2), delta = log2 <= 48 ? 1 : pow_dbl(2, log2 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
            while (approxRem.isNegative() || approxRem.gt(rem)) {
              approx -= delta;
              approxRes = fromNumber(approx, this.unsigned);
              approxRem = approxRes.mul(divisor);
            }
            if (approxRes.isZero()) approxRes = ONE;
            res = res.add(approxRes);
            rem = rem.sub(approxRem);
          }
          return res;
        };
        LongPrototype.div = LongPrototype.divide;
        LongPrototype.modulo = function modulo(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (wasm) {
            var low = (this.unsigned ? wasm["rem_u"] : wasm["rem_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          return this.sub(this.div(divisor).mul(divisor));
        };
        LongPrototype.mod = LongPrototype.modulo;
        LongPrototype.rem = LongPrototype.modulo;
        LongPrototype.not = function not() {
          return fromBits(~this.low, ~this.high, this.unsigned);
        };
        LongPrototype.countLeadingZeros = function countLeadingZeros() {
          return this.high ? Math.clz32(this.high) : Math.clz32(this.low) + 32;
        };
        LongPrototype.clz = LongPrototype.countLeadingZeros;
        LongPrototype.countTrailingZeros = function countTrailingZeros() {
          return this.low ? ctz32(this.low) : ctz32(this.high) + 32;
        };
        LongPrototype.ctz = LongPrototype.countTrailingZeros;
        LongPrototype.and = function and(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low & other.low,
            this.high & other.high,
            this.unsigned
          );
        };
        LongPrototype.or = function or(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low | other.low,
            this.high | other.high,
            this.unsigned
          );
        };
        LongPrototype.xor = function xor(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low ^ other.low,
            this.high ^ other.high,
            this.unsigned
          );
        };
        LongPrototype.shiftLeft = function shiftLeft(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low << numBits,
              this.high << numBits | this.low >>> 32 - numBits,
              this.unsigned
            );
          else return fromBits(0, this.low << numBits - 32, this.unsigned);
        };
        LongPrototype.shl = LongPrototype.shiftLeft;
        LongPrototype.shiftRight = function shiftRight(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >> numBits,
              this.unsigned
            );
          else
            return fromBits(
              this.high >> numBits - 32,
              this.high >= 0 ? 0 : -1,
              this.unsigned
            );
        };
        LongPrototype.shr = LongPrototype.shiftRight;
        LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >>> numBits,
              this.unsigned
            );
          if (numBits === 32) return fromBits(this.high, 0, this.unsigned);
          return fromBits(this.high >>> numBits - 32, 0, this.unsigned);
        };
        LongPrototype.shru = LongPrototype.shiftRightUnsigned;
        LongPrototype.shr_u = LongPrototype.shiftRightUnsigned;
        LongPrototype.rotateLeft = function rotateLeft(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.low << numBits | this.high >>> b,
              this.high << numBits | this.low >>> b,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.high << numBits | this.low >>> b,
            this.low << numBits | this.high >>> b,
            this.unsigned
          );
        };
        LongPrototype.rotl = LongPrototype.rotateLeft;
        LongPrototype.rotateRight = function rotateRight(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.high << b | this.low >>> numBits,
              this.low << b | this.high >>> numBits,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.low << b | this.high >>> numBits,
            this.high << b | this.low >>> numBits,
            this.unsigned
          );
        };
        LongPrototype.rotr = LongPrototype.rotateRight;
        LongPrototype.toSigned = function toSigned() {
          if (!this.unsigned) return this;
          return fromBits(this.low, this.high, false);
        };
        LongPrototype.toUnsigned = function toUnsigned() {
          if (this.unsigned) return this;
          return fromBits(this.low, this.high, true);
        };
        LongPrototype.toBytes = function toBytes(le) {
          return le ? this.toBytesLE() : this.toBytesBE();
        };
        LongPrototype.toBytesLE = function toBytesLE() {
          var hi = this.high, lo = this.low;
          return [
            lo & 255,
            lo >>> 8 & 255,
            lo >>> 16 & 255,
            lo >>> 24,
            hi & 255,
            hi >>> 8 & 255,
            hi >>> 16 & 255,
            hi >>> 24
          ];
        };
        LongPrototype.toBytesBE = function toBytesBE() {
          var hi = this.high, lo = this.low;
          return [
            hi >>> 24,
            hi >>> 16 & 255,
            hi >>> 8 & 255,
            hi & 255,
            lo >>> 24,
            lo >>> 16 & 255,
            lo >>> 8 & 255,
            lo & 255
          ];
        };
        Long.fromBytes = function fromBytes(bytes, unsigned, le) {
          return le ? Long.fromBytesLE(bytes, unsigned) : Long.fromBytesBE(bytes, unsigned);
        };
        Long.fromBytesLE = function fromBytesLE(bytes, unsigned) {
          return new Long(
            bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24,
            bytes[4] | bytes[5] << 8 | bytes[6] << 16 | bytes[7] << 24,
            unsigned
          );
        };
        Long.fromBytesBE = function fromBytesBE(bytes, unsigned) {
          return new Long(
            bytes[4] << 24 | bytes[5] << 16 | bytes[6] << 8 | bytes[7],
            bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3],
            unsigned
          );
        };
        if (typeof BigInt === "function") {
          Long.fromBigInt = function fromBigInt(value, unsigned) {
            var lowBits = Number(BigInt.asIntN(32, value));
            var highBits = Number(BigInt.asIntN(32, value >> BigInt(32)));
            return fromBits(lowBits, highBits, unsigned);
          };
          Long.fromValue = function fromValueWithBigInt(value, unsigned) {
            if (typeof value === "bigint") return Long.fromBigInt(value, unsigned);
            return fromValue(value, unsigned);
          };
          LongPrototype.toBigInt = function toBigInt2() {
            var lowBigInt = BigInt(this.low >>> 0);
            var highBigInt = BigInt(this.unsigned ? this.high >>> 0 : this.high);
            return highBigInt << BigInt(32) | lowBigInt;
          };
        }
        var _default = _exports.default = Long;
      }
    );
  }
});

// node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    function isUnsafeProperty(key) {
      return key === "__proto__" || key === "prototype" || key === "constructor";
    }
    util.isUnsafeProperty = isUnsafeProperty;
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || typeof globalThis !== "undefined" && globalThis || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && Object.hasOwnProperty.call(obj, prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer2 = util.global.Buffer;
        return Buffer2.prototype.utf8Write || util.isNode ? Buffer2 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util.newBuffer = function newBuffer(sizeOrArray) {
      var Buffer2 = util.Buffer;
      return typeof sizeOrArray === "number" ? Buffer2 ? Buffer2.allocUnsafe(sizeOrArray) : new Uint8Array(sizeOrArray) : Buffer2 ? Buffer2.from(sizeOrArray) : new Uint8Array(sizeOrArray);
    };
    util.rawField = function rawField(id, wireType, data) {
      var out = [], tag = id << 3 | wireType;
      tag >>>= 0;
      while (tag > 127) {
        out.push(tag & 127 | 128);
        tag >>>= 7;
      }
      out.push(tag);
      for (var i = 0; i < data.length; ++i)
        out.push(data[i]);
      return util.newBuffer(out);
    };
    util.Array = Uint8Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || (function() {
      try {
        var Long = require_umd();
        return Long && Long.isLong ? Long : null;
      } catch (e) {
        return null;
      }
    })();
    util.key2Re = /^(?:true|false|0|1)$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\x00-\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash, unsigned) {
      var bits = util.LongBits.fromHash(hash);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    util.longFromKey = function longFromKey(key, unsigned) {
      return util.key64Re.test(key) && !util.key32Re.test(key) ? util.longFromHash(key, unsigned) : key;
    };
    util.boolFromKey = function boolFromKey(key) {
      return key === "true" || key === "1";
    };
    function merge(dst) {
      var ifNotSet = typeof arguments[arguments.length - 1] === "boolean", limit = ifNotSet ? arguments.length - 1 : arguments.length;
      ifNotSet = ifNotSet && arguments[arguments.length - 1];
      for (var a = 1; a < limit; ++a) {
        var src = arguments[a];
        if (!src)
          continue;
        for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
          if (!isUnsafeProperty(keys[i]) && (!ifNotSet || !Object.prototype.hasOwnProperty.call(dst, keys[i]) || dst[keys[i]] === void 0))
            dst[keys[i]] = src[keys[i]];
      }
      return dst;
    }
    util.merge = merge;
    util.nestingLimit = 32;
    util.recursionLimit = 100;
    util.makeProp = function makeProp(obj, key, enumerable) {
      if (Object.prototype.hasOwnProperty.call(obj, key))
        return;
      Object.defineProperty(obj, key, {
        enumerable: enumerable === void 0 ? true : enumerable,
        configurable: true,
        writable: true
      });
    };
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      CustomError.prototype = Object.create(Error.prototype, {
        constructor: {
          value: CustomError,
          writable: true,
          enumerable: false,
          configurable: true
        },
        name: {
          get: function get2() {
            return name;
          },
          set: void 0,
          enumerable: false,
          // configurable: false would accurately preserve the behavior of
          // the original, but I'm guessing that was not intentional.
          // For an actual error subclass, this property would
          // be configurable.
          configurable: true
        },
        toString: {
          value: function value() {
            return this.name + ": " + this.message;
          },
          writable: true,
          enumerable: false,
          configurable: true
        }
      });
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames.length; ++i)
        fieldMap[fieldNames[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames) {
      return function(name) {
        for (var i = 0; i < fieldNames.length; ++i)
          if (fieldNames[i] !== name)
            delete this[fieldNames[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
  }
});

// node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf82 = util.utf8;
    function Writer() {
      this.pos = 0;
      this.buf = this.constructor.alloc(Writer.initialBufferSize);
      this.view = null;
      this.states = null;
    }
    Writer.initialBufferSize = 128;
    Object.defineProperty(Writer.prototype, "len", {
      configurable: true,
      enumerable: true,
      get: function get_len() {
        return this.pos;
      }
    });
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new Uint8Array(size);
    };
    Writer.alloc = util.pool(Writer.alloc, Uint8Array.prototype.subarray);
    function sizeVarint32(value) {
      return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;
    }
    Writer.prototype._reserve = function _reserve(n) {
      var need = this.pos + n;
      if (need > this.buf.length) {
        var size = this.buf.length << 1;
        if (size < need)
          size = need;
        var buf = this.constructor.alloc(size);
        buf.set(this.buf.subarray(0, this.pos), 0);
        this.buf = buf;
        this.view = null;
      }
    };
    function writeStringAscii(val, buf, pos) {
      for (var i = 0; i < val.length; )
        buf[pos++] = val.charCodeAt(i++);
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
      return pos + 1;
    }
    Writer.prototype.uint32 = function write_uint32(value) {
      value = value >>> 0;
      this._reserve(5);
      var pos = this.pos;
      this.pos = writeVarint32(value, this.buf, pos);
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      if ((value |= 0) < 0) {
        this._reserve(10);
        writeVarint64(LongBits.fromNumber(value), this.buf, this.pos);
        this.pos += 10;
        return this;
      }
      return this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      var lo = val.lo, hi = val.hi;
      while (hi) {
        buf[pos++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
      }
      while (lo > 127) {
        buf[pos++] = lo & 127 | 128;
        lo = lo >>> 7;
      }
      buf[pos] = lo;
      return pos + 1;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.bool = function write_bool(value) {
      this._reserve(1);
      this.buf[this.pos++] = value ? 1 : 0;
      return this;
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      this._reserve(4);
      writeFixed32(value >>> 0, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      this._reserve(8);
      writeFixed32(bits.lo, this.buf, this.pos);
      writeFixed32(bits.hi, this.buf, this.pos + 4);
      this.pos += 8;
      return this;
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      this._reserve(4);
      util.float.writeFloatLE(value, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.double = function write_double(value) {
      this._reserve(8);
      util.float.writeDoubleLE(value, this.buf, this.pos);
      this.pos += 8;
      return this;
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      this.uint32(len);
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.raw = function write_raw(value) {
      var len = value.length >>> 0;
      if (!len)
        return this;
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype._delim = function _delim(pos, len) {
      var n = sizeVarint32(len);
      if (n > 1)
        this.buf.copyWithin(pos + n, pos + 1, pos + 1 + len);
      writeVarint32(len, this.buf, pos);
      this.pos = pos + n + len;
      return this;
    };
    Writer.prototype.string = function write_string(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var lenPos = this.pos;
        return this._delim(lenPos, utf82.write(value, this.buf, lenPos + 1));
      }
      var len = utf82.length(value);
      this.uint32(len);
      this._reserve(len);
      if (len === value.length)
        writeStringAscii(value, this.buf, this.pos);
      else
        utf82.write(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.uint32s = function write_uint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, p = lenPos + 1;
      for (var i = 0; i < n; ++i)
        p = writeVarint32(value[i] >>> 0, buf, p);
      return this._delim(lenPos, p - lenPos - 1);
    };
    Writer.prototype.int32s = function write_int32s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1, val;
      for (var i = 0; i < n; ++i) {
        if ((val = value[i] | 0) < 0) {
          pos = writeVarint64(LongBits.fromNumber(val), buf, pos);
        } else {
          pos = writeVarint32(val, buf, pos);
        }
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.sint32s = function write_sint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i)
        pos = writeVarint32((value[i] << 1 ^ value[i] >> 31) >>> 0, buf, pos);
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.uint64s = function write_uint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.int64s = Writer.prototype.uint64s;
    Writer.prototype.sint64s = function write_sint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]).zzEncode(), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.bools = function write_bools(value) {
      var n = value.length;
      this.uint32(n);
      this._reserve(n);
      var buf = this.buf, p = this.pos;
      for (var i = 0; i < n; ++i)
        buf[p++] = value[i] ? 1 : 0;
      this.pos += n;
      return this;
    };
    var VIEW_THRESHOLD_FLOAT = 16;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(writer, count, threshold) {
      var view2 = writer.view;
      if (view2 || count < threshold)
        return view2;
      var buf = writer.buf;
      return writer.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Writer.prototype.fixed32s = function write_fixed32s(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setUint32(p, value[i] >>> 0, true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          writeFixed32(value[i] >>> 0, buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed32s = Writer.prototype.fixed32s;
    Writer.prototype.fixed64s = function write_fixed64s(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, bits, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          dv.setUint32(p, bits.lo, true);
          dv.setUint32(p + 4, bits.hi, true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          writeFixed32(bits.lo, buf, p);
          writeFixed32(bits.hi, buf, p + 4);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed64s = Writer.prototype.fixed64s;
    Writer.prototype.floats = function write_floats(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat32(p, value[i], true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeFloatLE(value[i], buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.doubles = function write_doubles(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat64(p, value[i], true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeDoubleLE(value[i], buf, p);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.fork = function fork2() {
      this._reserve(1);
      (this.states || (this.states = [])).push(this.pos);
      this.pos += 1;
      return this;
    };
    Writer.prototype.reset = function reset() {
      var states = this.states;
      if (states && states.length) {
        this.pos = states.pop();
      } else {
        this.pos = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var states = this.states, len, vlen;
      if (states && states.length) {
        var lenPos = states.pop();
        len = this.pos - lenPos - 1;
        vlen = sizeVarint32(len);
        if (vlen > 1) {
          this._reserve(vlen - 1);
          this.buf.copyWithin(lenPos + vlen, lenPos + 1, lenPos + 1 + len);
          this.pos += vlen - 1;
          writeVarint32(len, this.buf, lenPos);
        } else {
          this.buf[lenPos] = len;
        }
      } else {
        len = this.pos;
        vlen = sizeVarint32(len);
        this._reserve(vlen);
        this.buf.copyWithin(vlen, 0, len);
        writeVarint32(len, this.buf, 0);
        this.pos += vlen;
      }
      return this;
    };
    Writer.prototype.finish = function finish(shared) {
      if (shared)
        return this.buf.subarray(0, this.pos);
      var buf = this.constructor.alloc(this.pos);
      buf.set(this.buf.subarray(0, this.pos), 0);
      return buf;
    };
    Writer.prototype.finishInto = function finishInto(buf, offset) {
      if (offset === void 0)
        offset = 0;
      buf.set(this.buf.subarray(0, this.pos), offset);
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    BufferWriter.prototype = Object.create(Writer.prototype, {
      constructor: {
        value: BufferWriter,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    var writeStringBuffer;
    BufferWriter._configure = function() {
      BufferWriter.alloc = util.Buffer && util.Buffer.allocUnsafe;
      writeStringBuffer = util.Buffer && util.Buffer.prototype.utf8Write ? function writeStringBuffer_utf8Write(val, buf, pos) {
        return buf.utf8Write(val, pos);
      } : function writeStringBuffer_write(val, buf, pos) {
        return buf.write(val, pos);
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util.Buffer.from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len) {
        this._reserve(len);
        this.buf.set(value, this.pos);
        this.pos += len;
      }
      return this;
    };
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var pos = this.pos, buf = this.buf;
        return this._delim(
          pos,
          n < 40 ? util.utf8.write(value, buf, pos + 1) : writeStringBuffer(value, buf, pos + 1)
        );
      }
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      this._reserve(len);
      writeStringBuffer(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf82 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
      this.view = null;
      this.discardUnknown = Reader.discardUnknown;
    }
    function create_array(buffer) {
      if (Array.isArray(buffer))
        buffer = new Uint8Array(buffer);
      if (buffer instanceof Uint8Array)
        return new Reader(buffer);
      throw Error("illegal buffer");
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype.raw = function read_raw(start, end) {
      return this.buf.subarray(start, end);
    };
    function readVarint32NearEnd(reader) {
      var value = 0;
      for (var i = 0; i < 4; ++i) {
        if (reader.pos >= reader.len)
          throw indexOutOfRange(reader);
        var b = reader.buf[reader.pos++];
        value = (value | (b & 127) << i * 7) >>> 0;
        if (b < 128)
          return value;
      }
      throw indexOutOfRange(reader);
    }
    Reader.prototype.uint32 = function read_uint32() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      for (var i = 0; i < 5; ++i) {
        if (pos >= this.len) {
          this.pos = pos;
          throw indexOutOfRange(this);
        }
        if (buf[pos++] < 128) {
          this.pos = pos;
          return value;
        }
      }
      this.pos = pos;
      throw Error("invalid varint encoding");
    };
    Reader.prototype.tag = function read_tag() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos] < 128 && (buf[pos] & 112) === 0) {
        this.pos = pos + 1;
        return value;
      }
      this.pos = pos + 1;
      throw Error("invalid tag encoding");
    };
    Reader.prototype.size = function read_size() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      this.pos = pos + 1;
      if (buf[pos] > 7)
        throw Error("invalid length encoding");
      return (value | buf[pos] << 28) >>> 0;
    };
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 4; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        throw indexOutOfRange(this);
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      var value = false, b;
      for (var i = 0; i < 10; ++i) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        b = this.buf[this.pos++];
        if (b & 127)
          value = true;
        if (b < 128)
          return value;
      }
      throw Error("invalid varint encoding");
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.uint32s = function read_uint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.uint32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int32s = function read_int32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.int32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint32s = function read_sint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint32());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.bools = function read_bools(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value !== 0);
        else {
          this.pos = pos - 1;
          array.push(this.bool());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    var VIEW_THRESHOLD_FLOAT = 8;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(reader, count, threshold) {
      var view2 = reader.view;
      if (view2 || count < threshold)
        return view2;
      var buf = reader.buf;
      return reader.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Reader.prototype.fixed32s = function read_fixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getUint32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.sfixed32s = function read_sfixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getInt32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4) | 0;
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.floats = function read_floats(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getFloat32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = util.float.readFloatLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.doubles = function read_doubles(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 8) array[i++] = dv.getFloat64(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 8) array[i++] = util.float.readDoubleLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.uint64s = function read_uint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.uint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int64s = function read_int64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.int64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint64s = function read_sint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.fixed64s = function read_fixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.fixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.sfixed64s = function read_sfixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.sfixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return this.raw(start, end);
    };
    Reader.prototype.string = function read_string() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.read(this.buf, start, end);
    };
    Reader.prototype.stringVerify = function read_string_verify() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.readStrict(this.buf, start, end);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.recursionLimit = util.recursionLimit;
    Reader.discardUnknown = true;
    Reader.prototype.skipType = function(wireType, depth, fieldNumber) {
      if (depth === void 0) depth = 0;
      if (depth > Reader.recursionLimit)
        throw Error("max depth exceeded");
      if (fieldNumber === 0)
        throw Error("illegal tag: field number 0");
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.size());
          break;
        case 3:
          while (true) {
            var tag = this.tag();
            var nestedField = tag >>> 3;
            wireType = tag & 7;
            if (!nestedField)
              throw Error("illegal tag: field number 0");
            if (wireType === 4) {
              if (fieldNumber !== void 0 && nestedField !== fieldNumber)
                throw Error("invalid end group tag");
              break;
            }
            this.skipType(wireType, depth + 1, nestedField);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    BufferReader.prototype = Object.create(Reader.prototype, {
      constructor: {
        value: BufferReader,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.raw = function read_raw_buffer(start, end) {
      return this._slice.call(this.buf, start, end);
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.size(), start = this.pos, end = this.pos + len;
      if (end > this.len)
        throw RangeError("index out of range: " + this.pos + " + " + len + " > " + this.len);
      this.pos = end;
      return this.buf.utf8Slice ? this.buf.utf8Slice(start, end) : this.buf.toString("utf-8", start, end);
    };
    BufferReader._configure();
  }
});

// node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    Service.prototype = Object.create(util.EventEmitter.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err, response) {
            if (err) {
              self2.emit("error", err, method);
              return callback(err);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err2) {
                self2.emit("error", err2, method);
                return callback(err2);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err) {
        self2.emit("error", err, method);
        setTimeout(function() {
          callback(err);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ Object.create(null);
  }
});

// node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    exports.build = "minimal";
    exports.Writer = require_writer();
    exports.BufferWriter = require_writer_buffer();
    exports.Reader = require_reader();
    exports.BufferReader = require_reader_buffer();
    exports.util = require_minimal();
    exports.rpc = require_rpc();
    exports.roots = require_roots();
    exports.configure = configure;
    function configure() {
      exports.util.LongBits._configure(exports.util.Long);
      exports.Writer._configure(exports.BufferWriter);
      exports.Reader._configure(exports.BufferReader);
    }
    configure();
  }
});

// node_modules/protobufjs/src/util/patterns.js
var require_patterns = __commonJS({
  "node_modules/protobufjs/src/util/patterns.js"(exports) {
    "use strict";
    var patterns = exports;
    patterns.numberRe = /^(?![eE])[0-9]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?$/;
    patterns.typeRefRe = /^(?:\.?[a-zA-Z_][a-zA-Z_0-9]*)(?:\.[a-zA-Z_][a-zA-Z_0-9]*)*$/;
    patterns.reservedRe = /^(?:do|if|in|for|let|new|try|var|case|else|enum|eval|false|null|this|true|void|with|break|catch|class|const|super|throw|while|yield|delete|export|import|public|return|static|switch|typeof|default|extends|finally|package|private|continue|debugger|function|arguments|interface|protected|implements|instanceof)$/;
  }
});

// node_modules/protobufjs/src/util/codegen.js
var require_codegen = __commonJS({
  "node_modules/protobufjs/src/util/codegen.js"(exports, module) {
    "use strict";
    module.exports = codegen;
    var patterns = require_patterns();
    var reservedRe = patterns.reservedRe;
    function codegen(functionParams, functionName) {
      if (typeof functionParams === "string") {
        functionName = functionParams;
        functionParams = void 0;
      }
      var body = [];
      function Codegen(formatStringOrScope) {
        if (typeof formatStringOrScope !== "string") {
          var source = toString();
          if (codegen.verbose)
            console.log("codegen: " + source);
          source = "return " + source;
          if (formatStringOrScope) {
            var scopeKeys = Object.keys(formatStringOrScope), scopeParams = new Array(scopeKeys.length + 1), scopeValues = new Array(scopeKeys.length), scopeOffset = 0;
            while (scopeOffset < scopeKeys.length) {
              scopeParams[scopeOffset] = scopeKeys[scopeOffset];
              scopeValues[scopeOffset] = formatStringOrScope[scopeKeys[scopeOffset++]];
            }
            scopeParams[scopeOffset] = source;
            return Function.apply(null, scopeParams).apply(null, scopeValues);
          }
          return Function(source)();
        }
        var formatParams = new Array(arguments.length - 1), formatOffset = 0;
        while (formatOffset < formatParams.length)
          formatParams[formatOffset] = arguments[++formatOffset];
        formatOffset = 0;
        formatStringOrScope = formatStringOrScope.replace(/%([%dfijs])/g, function replace($0, $1) {
          var value = formatParams[formatOffset++];
          switch ($1) {
            case "d":
            case "f":
              value = Number(value);
              return Object.is(value, -0) ? "-0" : String(value);
            case "i":
              return String(Math.floor(value));
            case "j":
              return JSON.stringify(value);
            case "s":
              return String(value);
          }
          return "%";
        });
        if (formatOffset !== formatParams.length)
          throw Error("parameter count mismatch");
        body.push(formatStringOrScope);
        return Codegen;
      }
      function toString(functionNameOverride) {
        return "function " + safeFunctionName(functionNameOverride || functionName) + "(" + (functionParams && functionParams.join(",") || "") + "){\n  " + body.join("\n  ") + "\n}";
      }
      Object.defineProperty(Codegen, "toString", {
        value: toString,
        writable: true,
        enumerable: true,
        configurable: true
      });
      return Codegen;
    }
    codegen.verbose = false;
    function safeFunctionName(name) {
      if (!name)
        return "";
      name = String(name).replace(/[^\w$]/g, "");
      if (!name)
        return "";
      if (/^\d/.test(name))
        name = "_" + name;
      return reservedRe.test(name) ? name + "_" : name;
    }
  }
});

// node_modules/protobufjs/src/util/fs.js
var require_fs = __commonJS({
  "node_modules/protobufjs/src/util/fs.js"(exports, module) {
    "use strict";
    var fs = null;
    try {
      fs = __require(
        /* webpackIgnore: true */
        "fs"
      );
      if (!fs || !fs.readFile || !fs.readFileSync)
        fs = null;
    } catch (e) {
    }
    module.exports = fs;
  }
});

// node_modules/protobufjs/src/util/fetch.js
var require_fetch = __commonJS({
  "node_modules/protobufjs/src/util/fetch.js"(exports, module) {
    "use strict";
    module.exports = fetch;
    var asPromise = require_aspromise();
    var fs = require_fs();
    function fetch(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = {};
      } else if (!options)
        options = {};
      if (!callback)
        return asPromise(fetch, this, filename, options);
      if (!options.xhr && fs && fs.readFile)
        return fs.readFile(filename, function fetchReadFileCallback(err, contents) {
          return err && typeof XMLHttpRequest !== "undefined" ? fetch.xhr(filename, options, callback) : err ? callback(err) : callback(null, options.binary ? contents : contents.toString("utf8"));
        });
      return fetch.xhr(filename, options, callback);
    }
    fetch.xhr = function fetch_xhr(filename, options, callback) {
      var xhr = new XMLHttpRequest();
      xhr.onreadystatechange = function fetchOnReadyStateChange() {
        if (xhr.readyState !== 4)
          return void 0;
        if (xhr.status !== 0 && xhr.status !== 200)
          return callback(Error("status " + xhr.status));
        if (options.binary) {
          var buffer = xhr.response;
          if (!buffer) {
            buffer = [];
            for (var i = 0; i < xhr.responseText.length; ++i)
              buffer.push(xhr.responseText.charCodeAt(i) & 255);
          }
          return callback(null, typeof Uint8Array !== "undefined" ? new Uint8Array(buffer) : buffer);
        }
        return callback(null, xhr.responseText);
      };
      if (options.binary) {
        if ("overrideMimeType" in xhr)
          xhr.overrideMimeType("text/plain; charset=x-user-defined");
        xhr.responseType = "arraybuffer";
      }
      xhr.open("GET", filename);
      xhr.send();
    };
  }
});

// node_modules/protobufjs/src/util/path.js
var require_path = __commonJS({
  "node_modules/protobufjs/src/util/path.js"(exports) {
    "use strict";
    var path17 = exports;
    var urlRe = /^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//;
    function normalizeUrl(path18) {
      if (typeof URL === "undefined" || !urlRe.test(path18))
        return null;
      try {
        return new URL(path18).href;
      } catch (e) {
        return null;
      }
    }
    function resolveUrl(originPath, includePath) {
      if (typeof URL === "undefined" || !urlRe.test(originPath) || urlRe.test(includePath))
        return null;
      try {
        return new URL(includePath, originPath).href;
      } catch (e) {
        return null;
      }
    }
    var isAbsolute = (
      /**
       * Tests if the specified path is absolute.
       * @param {string} path Path to test
       * @returns {boolean} `true` if path is absolute
       */
      path17.isAbsolute = function isAbsolute2(path18) {
        return /^(?:\/|\w+:|\\\\\w+)/.test(path18);
      }
    );
    var normalize2 = (
      /**
       * Normalizes the specified path.
       * @param {string} path Path to normalize
       * @returns {string} Normalized path
       */
      path17.normalize = function normalize3(path18) {
        var normalizedUrl = normalizeUrl(path18);
        if (normalizedUrl)
          return normalizedUrl;
        var firstTwoCharacters = path18.substring(0, 2);
        var uncPrefix = "";
        if (firstTwoCharacters === "\\\\") {
          uncPrefix = firstTwoCharacters;
          path18 = path18.substring(2);
        }
        path18 = path18.replace(/\\/g, "/").replace(/\/{2,}/g, "/");
        var parts = path18.split("/"), absolute = isAbsolute(path18), prefix = "";
        if (absolute)
          prefix = parts.shift() + "/";
        for (var i = 0; i < parts.length; ) {
          if (parts[i] === "..") {
            if (i > 0 && parts[i - 1] !== "..")
              parts.splice(--i, 2);
            else if (absolute)
              parts.splice(i, 1);
            else
              ++i;
          } else if (parts[i] === ".")
            parts.splice(i, 1);
          else
            ++i;
        }
        return uncPrefix + prefix + parts.join("/");
      }
    );
    path17.resolve = function resolve(originPath, includePath, alreadyNormalized) {
      var resolvedUrl = resolveUrl(originPath, includePath);
      if (resolvedUrl)
        return resolvedUrl;
      if (!alreadyNormalized)
        includePath = normalize2(includePath);
      if (isAbsolute(includePath))
        return includePath;
      if (!alreadyNormalized)
        originPath = normalize2(originPath);
      return (originPath = originPath.replace(/(?:\/|^)[^/]+$/, "")).length ? normalize2(originPath + "/" + includePath) : includePath;
    };
  }
});

// node_modules/protobufjs/src/namespace.js
var require_namespace = __commonJS({
  "node_modules/protobufjs/src/namespace.js"(exports, module) {
    "use strict";
    module.exports = Namespace;
    var ReflectionObject = require_object();
    Namespace.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Namespace,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Namespace.className = "Namespace";
    var Field = require_field();
    var util = require_util();
    var OneOf = require_oneof();
    var Type;
    var Service;
    var Enum;
    Namespace.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      return new Namespace(name, json.options).addJSON(json.nested, depth);
    };
    function arrayToJSON(array, toJSONOptions) {
      if (!(array && array.length))
        return void 0;
      var obj = {};
      for (var i = 0; i < array.length; ++i)
        obj[array[i].name] = array[i].toJSON(toJSONOptions);
      return obj;
    }
    Namespace.arrayToJSON = arrayToJSON;
    Namespace.isReservedId = function isReservedId(reserved, id) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (typeof reserved[i] !== "string" && reserved[i][0] <= id && reserved[i][1] >= id)
            return true;
      }
      return false;
    };
    Namespace.isReservedName = function isReservedName(reserved, name) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (reserved[i] === name)
            return true;
      }
      return false;
    };
    function Namespace(name, options) {
      ReflectionObject.call(this, name, options);
      this.nested = void 0;
      this._nestedArray = null;
      this._lookupCache = /* @__PURE__ */ Object.create(null);
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
    }
    function clearCache(namespace) {
      namespace._nestedArray = null;
      namespace._lookupCache = /* @__PURE__ */ Object.create(null);
      var parent = namespace;
      while (parent = parent.parent) {
        parent._lookupCache = /* @__PURE__ */ Object.create(null);
      }
      return namespace;
    }
    Object.defineProperty(Namespace.prototype, "nestedArray", {
      get: function() {
        return this._nestedArray || (this._nestedArray = util.toArray(this.nested));
      }
    });
    Namespace.prototype.toJSON = function toJSON(toJSONOptions) {
      return util.toObject([
        "options",
        this.options,
        "nested",
        arrayToJSON(this.nestedArray, toJSONOptions)
      ]);
    };
    Namespace.prototype.addJSON = function addJSON(nestedJson, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var ns = this;
      if (nestedJson) {
        for (var names = Object.keys(nestedJson), i = 0, nested; i < names.length; ++i) {
          nested = nestedJson[names[i]];
          ns.add(
            // most to least likely
            (nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : nested.id !== void 0 ? Field.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      }
      return this;
    };
    Namespace.prototype.get = function get2(name) {
      return this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) ? this.nested[name] : null;
    };
    Namespace.prototype.getEnum = function getEnum(name) {
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) && this.nested[name] instanceof Enum)
        return this.nested[name].values;
      throw Error("no such enum: " + name);
    };
    Namespace.prototype.add = function add(object) {
      if (!(object instanceof Field && object.extend !== void 0 || object instanceof Type || object instanceof OneOf || object instanceof Enum || object instanceof Service || object instanceof Namespace))
        throw TypeError("object must be a valid nested object");
      if (object.name === "__proto__")
        return this;
      if (!this.nested)
        this.nested = {};
      else {
        var prev = this.get(object.name);
        if (prev) {
          if (prev instanceof Namespace && object instanceof Namespace && !(prev instanceof Type || prev instanceof Service)) {
            var nested = prev.nestedArray;
            for (var i = 0; i < nested.length; ++i)
              object.add(nested[i]);
            this.remove(prev);
            if (!this.nested)
              this.nested = {};
            object.setOptions(prev.options, true);
          } else
            throw Error("duplicate name '" + object.name + "' in " + this);
        }
      }
      this.nested[object.name] = object;
      if (!(this instanceof Type || this instanceof Service || this instanceof Enum || this instanceof Field)) {
        if (!object._edition) {
          object._edition = object._defaultEdition;
        }
      }
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
      var parent = this;
      while (parent = parent.parent) {
        parent._needsRecursiveFeatureResolution = true;
        parent._needsRecursiveResolve = true;
      }
      object.onAdd(this);
      return clearCache(this);
    };
    Namespace.prototype.remove = function remove(object) {
      if (!(object instanceof ReflectionObject))
        throw TypeError("object must be a ReflectionObject");
      if (object.parent !== this)
        throw Error(object + " is not a member of " + this);
      if (!util.remove(this.nested, object, object.name))
        throw Error(object + " is not a member of " + this);
      if (!Object.keys(this.nested).length)
        this.nested = void 0;
      object.onRemove(this);
      return clearCache(this);
    };
    Namespace.prototype.define = function define2(path17, json) {
      if (util.isString(path17))
        path17 = path17.split(".");
      else if (!Array.isArray(path17))
        throw TypeError("illegal path");
      if (path17 && path17.length && path17[0] === "")
        throw Error("path must be relative");
      if (path17.length > util.recursionLimit)
        throw Error("max depth exceeded");
      var ptr = this;
      while (path17.length > 0) {
        var part = path17.shift();
        if (ptr.nested && ptr.nested[part]) {
          ptr = ptr.nested[part];
          if (!(ptr instanceof Namespace))
            throw Error("path conflicts with non-namespace objects");
        } else
          ptr.add(ptr = new Namespace(part));
      }
      if (json)
        ptr.addJSON(json);
      return ptr;
    };
    Namespace.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this._needsRecursiveFeatureResolution)
        this._resolveFeaturesRecursive(this._edition);
      var nested = this.nestedArray, i = 0;
      this.resolve();
      while (i < nested.length)
        if (nested[i] instanceof Namespace)
          nested[i++].resolveAll();
        else
          nested[i++].resolve();
      this._needsRecursiveResolve = false;
      return this;
    };
    Namespace.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      this._needsRecursiveFeatureResolution = false;
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeaturesRecursive.call(this, edition);
      this.nestedArray.forEach((nested) => {
        nested._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Namespace.prototype.lookup = function lookup(path17, filterTypes, parentAlreadyChecked) {
      if (typeof filterTypes === "boolean") {
        parentAlreadyChecked = filterTypes;
        filterTypes = void 0;
      } else if (filterTypes && !Array.isArray(filterTypes))
        filterTypes = [filterTypes];
      if (util.isString(path17) && path17.length) {
        if (path17 === ".")
          return this.root;
        path17 = path17.split(".");
      } else if (!path17.length)
        return this;
      var flatPath = path17.join(".");
      if (path17[0] === "")
        return this.root.lookup(path17.slice(1), filterTypes);
      var found = this._lookupImpl(path17, flatPath);
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      found = this.root._fullyQualifiedObjects && this.root._fullyQualifiedObjects["." + flatPath];
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      if (parentAlreadyChecked)
        return null;
      var current = this;
      while (current.parent) {
        found = current.parent._lookupImpl(path17, flatPath);
        if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
          return found;
        }
        current = current.parent;
      }
      return null;
    };
    Namespace.prototype._lookupImpl = function lookup(path17, flatPath) {
      if (Object.prototype.hasOwnProperty.call(this._lookupCache, flatPath)) {
        return this._lookupCache[flatPath];
      }
      var found = this.get(path17[0]);
      var exact = null;
      if (found) {
        if (path17.length === 1) {
          exact = found;
        } else if (found instanceof Namespace) {
          path17 = path17.slice(1);
          exact = found._lookupImpl(path17, path17.join("."));
        }
      } else {
        for (var i = 0; i < this.nestedArray.length; ++i)
          if (this._nestedArray[i] instanceof Namespace && (found = this._nestedArray[i]._lookupImpl(path17, flatPath))) {
            exact = found;
            break;
          }
      }
      this._lookupCache[flatPath] = exact;
      return exact;
    };
    Namespace.prototype.lookupType = function lookupType(path17) {
      var found = this.lookup(path17, [Type]);
      if (!found)
        throw Error("no such type: " + path17);
      return found;
    };
    Namespace.prototype.lookupEnum = function lookupEnum(path17) {
      var found = this.lookup(path17, [Enum]);
      if (!found)
        throw Error("no such Enum '" + path17 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupTypeOrEnum = function lookupTypeOrEnum(path17) {
      var found = this.lookup(path17, [Type, Enum]);
      if (!found)
        throw Error("no such Type or Enum '" + path17 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupService = function lookupService(path17) {
      var found = this.lookup(path17, [Service]);
      if (!found)
        throw Error("no such Service '" + path17 + "' in " + this);
      return found;
    };
    Namespace._configure = function(Type_, Service_, Enum_) {
      Type = Type_;
      Service = Service_;
      Enum = Enum_;
    };
  }
});

// node_modules/protobufjs/src/mapfield.js
var require_mapfield = __commonJS({
  "node_modules/protobufjs/src/mapfield.js"(exports, module) {
    "use strict";
    module.exports = MapField;
    var Field = require_field();
    MapField.prototype = Object.create(Field.prototype, {
      constructor: {
        value: MapField,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    MapField.className = "MapField";
    var types2 = require_types();
    var util = require_util();
    function MapField(name, id, keyType, type, options, comment) {
      Field.call(this, name, id, type, void 0, void 0, options, comment);
      if (!util.isString(keyType))
        throw TypeError("keyType must be a string");
      this.keyType = keyType;
      this.resolvedKeyType = null;
      this.map = true;
    }
    MapField.fromJSON = function fromJSON(name, json) {
      var field = new MapField(name, json.id, json.keyType, json.type, json.options, json.comment);
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      return field;
    };
    MapField.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "keyType",
        this.keyType,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    MapField.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (types2.mapKey[this.keyType] === void 0)
        throw Error("invalid key type: " + this.keyType);
      return Field.prototype.resolve.call(this);
    };
    MapField.d = function decorateMapField(fieldId, fieldKeyType, fieldValueType) {
      if (typeof fieldValueType === "function")
        fieldValueType = util.decorateType(fieldValueType).name;
      else if (fieldValueType && typeof fieldValueType === "object")
        fieldValueType = util.decorateEnum(fieldValueType).name;
      return function mapFieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new MapField(fieldName, fieldId, fieldKeyType, fieldValueType));
      };
    };
  }
});

// node_modules/protobufjs/src/method.js
var require_method = __commonJS({
  "node_modules/protobufjs/src/method.js"(exports, module) {
    "use strict";
    module.exports = Method;
    var ReflectionObject = require_object();
    Method.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Method,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Method.className = "Method";
    var util = require_util();
    function Method(name, type, requestType, responseType, requestStream, responseStream, options, comment, parsedOptions) {
      if (util.isObject(requestStream)) {
        options = requestStream;
        requestStream = responseStream = void 0;
      } else if (util.isObject(responseStream)) {
        options = responseStream;
        responseStream = void 0;
      }
      if (!(type === void 0 || util.isString(type)))
        throw TypeError("type must be a string");
      if (!util.isString(requestType))
        throw TypeError("requestType must be a string");
      if (!util.isString(responseType))
        throw TypeError("responseType must be a string");
      ReflectionObject.call(this, name, options);
      this.type = type || "rpc";
      this.requestType = requestType;
      this.requestStream = requestStream ? true : void 0;
      this.responseType = responseType;
      this.responseStream = responseStream ? true : void 0;
      this.path = "/" + this.name;
      this.resolvedRequestType = null;
      this.resolvedResponseType = null;
      this.comment = comment;
      this.parsedOptions = parsedOptions;
    }
    Method.fromJSON = function fromJSON(name, json) {
      return new Method(name, json.type, json.requestType, json.responseType, json.requestStream, json.responseStream, json.options, json.comment, json.parsedOptions);
    };
    Method.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "type",
        this.type !== "rpc" && /* istanbul ignore next */
        this.type || void 0,
        "requestType",
        this.requestType,
        "requestStream",
        this.requestStream,
        "responseType",
        this.responseType,
        "responseStream",
        this.responseStream,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0,
        "parsedOptions",
        this.parsedOptions
      ]);
    };
    Method.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (this.parent) {
        var serviceName = this.parent.fullName;
        if (serviceName.charAt(0) === ".")
          serviceName = serviceName.substring(1);
        this.path = "/" + serviceName + "/" + this.name;
      } else
        this.path = "/" + this.name;
      this.resolvedRequestType = this.parent.lookupType(this.requestType);
      this.resolvedResponseType = this.parent.lookupType(this.responseType);
      return ReflectionObject.prototype.resolve.call(this);
    };
  }
});

// node_modules/protobufjs/src/service.js
var require_service2 = __commonJS({
  "node_modules/protobufjs/src/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var Namespace = require_namespace();
    Service.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Service.className = "Service";
    var Method = require_method();
    var util = require_util();
    var rpc = require_rpc();
    function Service(name, options) {
      Namespace.call(this, name, options);
      this.methods = {};
      this._methodsArray = null;
    }
    Service.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var service = new Service(name, json.options);
      if (json.methods)
        for (var names = Object.keys(json.methods), i = 0; i < names.length; ++i)
          service.add(Method.fromJSON(names[i], json.methods[names[i]]));
      if (json.nested)
        service.addJSON(json.nested, depth);
      if (json.edition)
        service._edition = json.edition;
      service.comment = json.comment;
      service._defaultEdition = "proto3";
      return service;
    };
    Service.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "methods",
        Namespace.arrayToJSON(this.methodsArray, toJSONOptions) || /* istanbul ignore next */
        {},
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Object.defineProperty(Service.prototype, "methodsArray", {
      get: function() {
        return this._methodsArray || (this._methodsArray = util.toArray(this.methods));
      }
    });
    function clearCache(service) {
      service._methodsArray = null;
      return service;
    }
    Service.prototype.get = function get2(name) {
      return Object.prototype.hasOwnProperty.call(this.methods, name) ? this.methods[name] : Namespace.prototype.get.call(this, name);
    };
    Service.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolve.call(this);
      var methods = this.methodsArray;
      for (var i = 0; i < methods.length; ++i)
        methods[i].resolve();
      return this;
    };
    Service.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.methodsArray.forEach((method) => {
        method._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Service.prototype.add = function add(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Method) {
        if (object.name === "__proto__")
          return this;
        this.methods[object.name] = object;
        object.parent = this;
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Service.prototype.remove = function remove(object) {
      if (object instanceof Method) {
        if (this.methods[object.name] !== object)
          throw Error(object + " is not a member of " + this);
        delete this.methods[object.name];
        object.parent = null;
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Service.prototype.create = function create(rpcImpl, requestDelimited, responseDelimited) {
      var rpcService = new rpc.Service(rpcImpl, requestDelimited, responseDelimited);
      for (var i = 0, method; i < /* initializes */
      this.methodsArray.length; ++i) {
        var methodName = util.lcFirst((method = this._methodsArray[i]).resolve().name).replace(/[^$\w_]/g, "");
        rpcService[methodName] = /* @__PURE__ */ (function(method2, requestType, responseType) {
          return function rpcMethod(request, callback) {
            return rpc.Service.prototype.rpcCall.call(this, method2, requestType, responseType, request, callback);
          };
        })(method, method.resolvedRequestType.ctor, method.resolvedResponseType.ctor);
      }
      return rpcService;
    };
  }
});

// node_modules/protobufjs/src/message.js
var require_message = __commonJS({
  "node_modules/protobufjs/src/message.js"(exports, module) {
    "use strict";
    module.exports = Message;
    var util = require_minimal();
    function Message(properties) {
      if (properties) {
        for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
      }
    }
    Message.create = function create(properties) {
      return this.$type.create(properties);
    };
    Message.encode = function encode2(message, writer) {
      return this.$type.encode(message, writer);
    };
    Message.encodeDelimited = function encodeDelimited(message, writer) {
      return this.$type.encodeDelimited(message, writer);
    };
    Message.decode = function decode2(reader) {
      return this.$type.decode(reader);
    };
    Message.decodeDelimited = function decodeDelimited(reader) {
      return this.$type.decodeDelimited(reader);
    };
    Message.verify = function verify(message) {
      return this.$type.verify(message);
    };
    Message.fromObject = function fromObject(object) {
      return this.$type.fromObject(object);
    };
    Message.toObject = function toObject(message, options) {
      return this.$type.toObject(message, options);
    };
    Message.prototype.toJSON = function toJSON() {
      return this.$type.toObject(this, util.toJSONOptions);
    };
  }
});

// node_modules/protobufjs/src/decoder.js
var require_decoder = __commonJS({
  "node_modules/protobufjs/src/decoder.js"(exports, module) {
    "use strict";
    module.exports = decoder;
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    function missing(field) {
      return "missing required '" + field.name + "'";
    }
    function stringMethod(field) {
      return field._features.utf8_validation === "VERIFY" ? "stringVerify" : "string";
    }
    function genPreserveUnknown(gen, ref) {
      return gen("if(!r.discardUnknown){")('util.makeProp(m,"$unknowns",false);')("(m.$unknowns||(m.$unknowns=[])).push(%s)", ref)("}");
    }
    function decoder(mtype) {
      var hasMapField = false, needsValueVar = false, i = 0;
      for (; i < mtype.fieldsArray.length; ++i) {
        var pfield = mtype._fieldsArray[i];
        if (pfield.map)
          hasMapField = true;
        if (pfield.resolvedType instanceof Enum || !pfield.repeated && !pfield.map && !pfield.hasPresence)
          needsValueVar = true;
      }
      var gen = util.codegen(["r", "l", "z", "q", "g"])("if(!(r instanceof Reader))")("r=Reader.create(r)")("if(q===undefined)q=0")("if(q>Reader.recursionLimit)")('throw Error("max depth exceeded")')("var c,m" + (hasMapField ? ",k,v" : needsValueVar ? ",v" : ""))("if(l===undefined)")("c=r.len")("else{")("c=r.pos+l")("if(c>r.len)")('throw RangeError("index out of range")')("l=r.len")("r.len=c")("}")("m=g||new C")("while(r.pos<c){")("var s=r.pos")("var t=r.tag()")("if(t===z){")("z=undefined")("break")("}");
      if (mtype.fieldsArray.length) gen("var u=t&7")("switch(t>>>=3){");
      for (i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), type = field.resolvedType instanceof Enum ? "int32" : field.type, ref = "m" + util.safeProp(field.name), closed = field.resolvedType instanceof Enum && field.resolvedType._features.enum_type === "CLOSED";
        if (field.map) {
          gen("case %i:{", field.id)("if(u!==2)")("break");
          if (!closed) gen("if(%s===util.emptyObject)", ref)("%s={}", ref);
          gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2");
          if (types2.defaults[field.keyType] !== void 0) gen("k=%j", types2.defaults[field.keyType]);
          else gen("k=null");
          if (types2.long[type] !== void 0) gen("v=util.Long?util.Long.fromNumber(0,%j):0", type === "uint64" || type === "fixed64");
          else if (types2.defaults[type] !== void 0) gen("v=%j", types2.defaults[type]);
          else gen("v=null");
          gen("while(r.pos<c2){")("var t2=r.tag()")("u=t2&7")("switch(t2>>>=3){")("case 1:")("if(u!==%i)", types2.mapKey[field.keyType])("break")("k=r.%s()", field.keyType === "string" ? stringMethod(field) : field.keyType)("continue")("case 2:")("if(u!==%i)", types2.basic[type] === void 0 ? 2 : types2.basic[type])("break");
          if (types2.basic[type] === void 0) gen("v=types[%i].decode(r,r.size(),undefined,q+1,v)", i);
          else gen("v=r.%s()", type === "string" ? stringMethod(field) : type);
          gen("continue")("}")("r.skipType(u,q,t2)")("}");
          gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
          if (closed) {
            gen("if(types[%i].valuesById[v]===undefined){", i);
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("continue")("}")("if(%s===util.emptyObject)", ref)("%s={}", ref);
          }
          var val = types2.basic[type] === void 0 ? "v||new types[" + i + "].ctor" : "v";
          if (types2.long[field.keyType] !== void 0) gen('%s[typeof k==="object"?util.longToHash(k):k]=%s', ref, val);
          else {
            if (field.keyType === "string") gen('if(k==="__proto__")')("util.makeProp(%s,k)", ref);
            gen("%s[k]=%s", ref, val);
          }
        } else if (field.repeated) {
          gen("case %i:", field.id)("{");
          if (types2.packed[type] !== void 0) {
            gen("if(u===2){");
            if (closed) {
              gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2")("while(r.pos<c2){")("s=r.pos")("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
              genPreserveUnknown(gen, "util.rawField(" + field.id + ",0,r.raw(s,r.pos))")("}");
              gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
            } else gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("r.%ss(%s)", type, ref);
            gen("continue")("}");
          }
          gen("if(u!==%i)", types2.basic[type] === void 0 ? field.delimited ? 3 : 2 : types2.basic[type])("break");
          if (!closed) gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref);
          if (types2.basic[type] === void 0) {
            if (field.delimited) gen("%s.push(types[%i].decode(r,undefined,%i,q+1))", ref, i, field.id * 8 + 4);
            else gen("%s.push(types[%i].decode(r,r.size(),undefined,q+1))", ref, i);
          } else if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s.push(r.%s())", ref, type === "string" ? stringMethod(field) : type);
        } else if (types2.basic[type] === void 0) {
          gen("case %i:{", field.id)("if(u!==%i)", field.delimited ? 3 : 2)("break");
          if (field.delimited) gen("%s=types[%i].decode(r,undefined,%i,q+1,%s)", ref, i, field.id * 8 + 4, ref);
          else gen("%s=types[%i].decode(r,r.size(),undefined,q+1,%s)", ref, i, ref);
        } else if (field.hasPresence) {
          gen("case %i:{", field.id)("if(u!==%i)", types2.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("%s=v", ref);
            if (field.partOf) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
            gen("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s=r.%s()", ref, type === "string" ? stringMethod(field) : type);
        } else {
          gen("case %i:{", field.id)("if(u!==%i)", types2.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(v!==%j)", field.typeDefault)("%s=v", ref)("else")("delete %s", ref)("}else{");
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("}");
          } else {
            if (field.resolvedType instanceof Enum && field.typeDefault !== 0) gen("if((v=r.%s())!==%j)", type, field.typeDefault);
            else if (type === "string") gen("if((v=r.%s()).length)", stringMethod(field));
            else if (type === "bytes") gen("if((v=r.%s()).length)", type);
            else if (types2.long[type] !== void 0) gen('if(typeof(v=r.%s())==="object"?v.low||v.high:v!==0)', type);
            else if (type === "double" || type === "float") gen("if(!Object.is(v=r.%s(),0))", type);
            else gen("if(v=r.%s())", type);
            gen("%s=v", ref)("else")("delete %s", ref);
          }
        }
        if (field.partOf && !closed) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
        gen("continue")("}");
      }
      if (i) gen("}");
      gen("r.skipType(%s,q,t)", i ? "u" : "t&7");
      genPreserveUnknown(gen, "r.raw(s,r.pos)")("}")("if(l!==undefined){")("if(r.pos!==c)")('throw RangeError("index out of range")')("r.len=l")("}")("if(z!==undefined)")('throw Error("missing end group")');
      for (i = 0; i < mtype._fieldsArray.length; ++i) {
        var rfield = mtype._fieldsArray[i];
        if (rfield.required) gen("if(!Object.hasOwnProperty.call(m,%j))", rfield.name)("throw util.ProtocolError(%j,{instance:m})", missing(rfield));
      }
      return gen("return m");
    }
  }
});

// node_modules/protobufjs/src/verifier.js
var require_verifier = __commonJS({
  "node_modules/protobufjs/src/verifier.js"(exports, module) {
    "use strict";
    module.exports = verifier;
    var Enum = require_enum();
    var util = require_util();
    function invalid(field, expected) {
      return field.name + ": " + expected + (field.repeated && expected !== "array" ? "[]" : field.map && expected !== "object" ? "{k:" + field.keyType + "}" : "") + " expected";
    }
    function genVerifyValue(gen, field, fieldIndex, ref) {
      var resolvedType = field.resolvedType;
      if (resolvedType) {
        if (resolvedType instanceof Enum) {
          if (resolvedType._features.enum_type === "CLOSED") {
            gen("switch(%s){", ref)("default:")("return%j", invalid(field, "enum value"));
            for (var keys = Object.keys(resolvedType.values), j = 0; j < keys.length; ++j) gen("case %i:", resolvedType.values[keys[j]]);
            gen("break")("}");
          } else gen('if(typeof %s!=="number"||(%s|0)!==%s)', ref, ref, ref)("return%j", invalid(field, "enum value"));
        } else {
          gen("{")("var e=types[%i].verify(%s,q+1);", fieldIndex, ref)("if(e)")("return%j+e", field.name + ".")("}");
        }
      } else {
        switch (field.type) {
          case "int32":
          case "uint32":
          case "sint32":
          case "fixed32":
          case "sfixed32":
            gen("if(!util.isInteger(%s))", ref)("return%j", invalid(field, "integer"));
            break;
          case "int64":
          case "uint64":
          case "sint64":
          case "fixed64":
          case "sfixed64":
            gen("if(!util.isInteger(%s)&&!(%s&&util.isInteger(%s.low)&&util.isInteger(%s.high)))", ref, ref, ref, ref)("return%j", invalid(field, "integer|Long"));
            break;
          case "float":
          case "double":
            gen('if(typeof %s!=="number")', ref)("return%j", invalid(field, "number"));
            break;
          case "bool":
            gen('if(typeof %s!=="boolean")', ref)("return%j", invalid(field, "boolean"));
            break;
          case "string":
            gen("if(!util.isString(%s))", ref)("return%j", invalid(field, "string"));
            break;
          case "bytes":
            gen('if(!(%s&&typeof %s.length==="number"||util.isString(%s)))', ref, ref, ref)("return%j", invalid(field, "buffer"));
            break;
        }
      }
      return gen;
    }
    function genVerifyKey(gen, field, ref) {
      switch (field.keyType) {
        case "int32":
        case "uint32":
        case "sint32":
        case "fixed32":
        case "sfixed32":
          gen("if(!util.key32Re.test(%s))", ref)("return%j", invalid(field, "integer key"));
          break;
        case "int64":
        case "uint64":
        case "sint64":
        case "fixed64":
        case "sfixed64":
          gen("if(!util.key64Re.test(%s))", ref)("return%j", invalid(field, "integer|Long key"));
          break;
        case "bool":
          gen("if(!util.key2Re.test(%s))", ref)("return%j", invalid(field, "boolean key"));
          break;
      }
      return gen;
    }
    function verifier(mtype) {
      var gen = util.codegen(["m", "q"])('if(typeof m!=="object"||m===null)')("return%j", "object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")("return%j", "max depth exceeded");
      var oneofs = mtype.oneofsArray, seenFirstField = {};
      if (oneofs.length) gen("var p={}");
      for (var i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), ref = "m" + util.safeProp(field.name);
        if (field.optional) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name);
        if (field.map) {
          gen("if(!util.isObject(%s))", ref)("return%j", invalid(field, "object"))("var k=Object.keys(%s)", ref)("for(var i=0;i<k.length;++i){");
          genVerifyKey(gen, field, "k[i]");
          genVerifyValue(gen, field, i, ref + "[k[i]]")("}");
        } else if (field.repeated) {
          gen("if(!Array.isArray(%s))", ref)("return%j", invalid(field, "array"))("for(var i=0;i<%s.length;++i){", ref);
          genVerifyValue(gen, field, i, ref + "[i]")("}");
        } else {
          if (field.partOf) {
            var oneofProp = util.safeProp(field.partOf.name);
            if (seenFirstField[field.partOf.name] === 1) gen("if(p%s===1)", oneofProp)("return%j", field.partOf.name + ": multiple values");
            seenFirstField[field.partOf.name] = 1;
            gen("p%s=1", oneofProp);
          }
          genVerifyValue(gen, field, i, ref);
        }
        if (field.optional) gen("}");
      }
      return gen("return null");
    }
  }
});

// node_modules/protobufjs/src/converter.js
var require_converter = __commonJS({
  "node_modules/protobufjs/src/converter.js"(exports) {
    "use strict";
    var converter = exports;
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    function genValuePartial_fromObject(gen, field, fieldIndex, prop, dstProp) {
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) {
          var dst = dstProp ? "m" + dstProp + "[m" + dstProp + ".length]" : "m" + prop;
          gen("switch(d%s){", prop);
          for (var values2 = field.resolvedType.values, keys = Object.keys(values2), i = 0; i < keys.length; ++i) {
            gen("case%j:", keys[i])("case %i:", values2[keys[i]])("%s=%j", dst, values2[keys[i]])("break");
          }
          gen("default:");
          if (field.resolvedType._features.enum_type !== "CLOSED") {
            gen('if(typeof d%s==="number"&&(d%s|0)===d%s)', prop, prop, prop)("%s=d%s", dst, prop);
          }
          gen("}");
        } else gen("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s=types[%i].fromObject(d%s,q+1)", prop, fieldIndex, prop);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("m%s=Number(d%s)", prop, prop);
            break;
          case "uint32":
          case "fixed32":
            gen("m%s=d%s>>>0", prop, prop);
            break;
          case "int32":
          case "sint32":
          case "sfixed32":
            gen("m%s=d%s|0", prop, prop);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen("if(util.Long)")("m%s=util.Long.fromValue(d%s,%j)", prop, prop, isUnsigned)('else if(typeof d%s==="string")', prop)("m%s=parseInt(d%s,10)", prop, prop)('else if(typeof d%s==="number")', prop)("m%s=d%s", prop, prop)('else if(typeof d%s==="object")', prop)("m%s=new util.LongBits(d%s.low>>>0,d%s.high>>>0).toNumber(%s)", prop, prop, prop, isUnsigned ? "true" : "");
            break;
          case "bytes":
            gen('if(typeof d%s==="string")', prop)("util.base64.decode(d%s,m%s=util.newBuffer(util.base64.length(d%s)),0)", prop, prop, prop)("else if(d%s.length>=0)", prop)("m%s=d%s", prop, prop);
            break;
          case "string":
            gen("m%s=String(d%s)", prop, prop);
            break;
          case "bool":
            gen("m%s=Boolean(d%s)", prop, prop);
            break;
        }
      }
      return gen;
    }
    converter.fromObject = function fromObject(mtype) {
      var fields = mtype.fieldsArray;
      var gen = util.codegen(["d", "q"])("if(d instanceof C)")("return d")("if(!util.isObject(d))")("throw TypeError(%j)", mtype.fullName + ": object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      if (!fields.length) return gen("return new C");
      gen("var m=new C");
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), prop = util.safeProp(field.name), implicitPresence = !field.hasPresence && !field.repeated && !field.map && (field.resolvedType instanceof Enum || types2.basic[field.type] !== void 0);
        if (field.map) {
          gen("if(d%s){", prop)("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s={}", prop)("for(var ks=Object.keys(d%s),i=0;i<ks.length;++i){", prop);
          gen('if(ks[i]==="__proto__")')("util.makeProp(m%s,ks[i])", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[ks[i]]"
          )("}")("}");
        } else if (field.repeated) {
          gen("if(d%s){", prop)("if(!Array.isArray(d%s))", prop)("throw TypeError(%j)", field.fullName + ": array expected");
          if (field.resolvedType instanceof Enum) gen("m%s=[]", prop);
          else gen("m%s=Array(d%s.length)", prop, prop);
          gen("for(var i=0;i<d%s.length;++i){", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[i]",
            field.resolvedType instanceof Enum ? prop : void 0
          )("}")("}");
        } else {
          if (!(field.resolvedType instanceof Enum)) gen("if(d%s!=null){", prop);
          if (implicitPresence) {
            if (field.resolvedType instanceof Enum) gen('if(d%s!==%j&&(typeof d%s!=="string"||types[%i].values[d%s]!==%j)){', prop, field.typeDefault, prop, i, prop, field.typeDefault);
            else if (field.type === "string") gen('if(typeof d%s!=="string"||d%s.length){', prop, prop);
            else if (field.type === "bytes") gen("if(d%s.length){", prop);
            else if (field.type === "bool") gen("if(d%s){", prop);
            else if (field.type === "double" || field.type === "float") gen("if(!Object.is(Number(d%s),0)){", prop);
            else if (types2.long[field.type] !== void 0) gen('if(typeof d%s==="object"?d%s.low||d%s.high:Number(d%s)!==0){', prop, prop, prop, prop);
            else gen("if(Number(d%s)!==0){", prop);
          }
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop
          );
          if (implicitPresence) gen("}");
          if (!(field.resolvedType instanceof Enum)) gen("}");
        }
      }
      return gen("return m");
    };
    function genValuePartial_toObject(gen, field, fieldIndex, dstProp, srcProp) {
      if (!srcProp)
        srcProp = dstProp;
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?(types[%i].values[m%s]===undefined?m%s:types[%i].values[m%s]):m%s", dstProp, fieldIndex, srcProp, srcProp, fieldIndex, srcProp, srcProp);
        else gen("d%s=types[%i].toObject(m%s,o,q+1)", dstProp, fieldIndex, srcProp);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("d%s=o.json&&!isFinite(m%s)?String(m%s):m%s", dstProp, srcProp, srcProp, srcProp);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen('if(typeof BigInt!=="undefined"&&o.longs===BigInt)')('d%s=typeof m%s==="number"?BigInt(m%s):util.Long.fromBits(m%s.low>>>0,m%s.high>>>0,%j).toBigInt()', dstProp, srcProp, srcProp, srcProp, srcProp, isUnsigned)('else if(typeof m%s==="number")', srcProp)("d%s=o.longs===String?String(m%s):m%s", dstProp, srcProp, srcProp)("else")("d%s=o.longs===String?util.Long.prototype.toString.call(m%s):o.longs===Number?new util.LongBits(m%s.low>>>0,m%s.high>>>0).toNumber(%s):m%s", dstProp, srcProp, srcProp, srcProp, isUnsigned ? "true" : "", srcProp);
            break;
          case "bytes":
            gen("d%s=o.bytes===String?util.base64.encode(m%s,0,m%s.length):o.bytes===Array?Array.prototype.slice.call(m%s):m%s", dstProp, srcProp, srcProp, srcProp, srcProp);
            break;
          default:
            gen("d%s=m%s", dstProp, srcProp);
            break;
        }
      }
      return gen;
    }
    converter.toObject = function toObject(mtype) {
      var fields = mtype.fieldsArray.slice().sort(util.compareFieldsById);
      if (!fields.length)
        return util.codegen()("return {}");
      var gen = util.codegen(["m", "o", "q"])("if(!o)")("o={}")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")')("var d={}");
      var repeatedFields = [], mapFields = [], normalFields = [], i = 0;
      for (; i < fields.length; ++i)
        if (!fields[i].partOf)
          (fields[i].resolve().repeated ? repeatedFields : fields[i].map ? mapFields : normalFields).push(fields[i]);
      if (repeatedFields.length) {
        gen("if(o.arrays||o.defaults){");
        for (i = 0; i < repeatedFields.length; ++i) gen("d%s=[]", util.safeProp(repeatedFields[i].name));
        gen("}");
      }
      if (mapFields.length) {
        gen("if(o.objects||o.defaults){");
        for (i = 0; i < mapFields.length; ++i) gen("d%s={}", util.safeProp(mapFields[i].name));
        gen("}");
      }
      if (normalFields.length) {
        gen("if(o.defaults){");
        for (i = 0; i < normalFields.length; ++i) {
          var field = normalFields[i], prop = util.safeProp(field.name);
          if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?%j:%j", prop, field.resolvedType.valuesById[field.typeDefault], field.typeDefault);
          else if (field.long) gen("if(util.Long){")("var n=new util.Long(%i,%i,%j)", field.typeDefault.low, field.typeDefault.high, field.typeDefault.unsigned)('d%s=o.longs===String?n.toString():o.longs===Number?n.toNumber():typeof BigInt!=="undefined"&&o.longs===BigInt?n.toBigInt():n', prop)("}else")('d%s=o.longs===String?%j:typeof BigInt!=="undefined"&&o.longs===BigInt?BigInt(%j):%i', prop, field.typeDefault.toString(), field.typeDefault.toString(), field.typeDefault.toNumber());
          else if (field.bytes) {
            var arrayDefault = Array.prototype.slice.call(field.typeDefault);
            gen("if(o.bytes===String)d%s=%j", prop, util.base64.encode(field.typeDefault, 0, field.typeDefault.length))("else{")("d%s=%j", prop, arrayDefault)("if(o.bytes!==Array)d%s=util.newBuffer(d%s)", prop, prop)("}");
          } else if ((field.type === "double" || field.type === "float") && typeof field.typeDefault === "number" && (!isFinite(field.typeDefault) || Object.is(field.typeDefault, -0))) gen("d%s=%f", prop, field.typeDefault)("if(o.json&&!isFinite(d%s))d%s=String(d%s)", prop, prop, prop);
          else gen("d%s=%j", prop, field.typeDefault);
        }
        gen("}");
      }
      var hasKs2 = false;
      for (i = 0; i < fields.length; ++i) {
        var field = fields[i], index = mtype._fieldsArray.indexOf(field), prop = util.safeProp(field.name);
        if (field.map) {
          if (!hasKs2) {
            hasKs2 = true;
            gen("var ks2");
          }
          gen("if(m%s&&(ks2=Object.keys(m%s)).length){", prop, prop)("d%s={}", prop);
          var longKey = types2.long[field.keyType] !== void 0, srcProp = prop + "[ks2[j]]";
          gen("for(var j=0;j<ks2.length;++j){");
          if (longKey) gen("var k2=util.longFromKey(ks2[j],%j).toString()", field.keyType === "uint64" || field.keyType === "fixed64");
          gen('if(ks2[j]==="__proto__")')("util.makeProp(d%s,ks2[j])", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            longKey ? prop + "[k2]" : srcProp,
            srcProp
          )("}");
        } else if (field.repeated) {
          gen("if(m%s&&m%s.length){", prop, prop)("d%s=Array(m%s.length)", prop, prop)("for(var j=0;j<m%s.length;++j){", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop + "[j]"
          )("}");
        } else {
          gen("if(m%s!=null&&Object.hasOwnProperty.call(m,%j)){", prop, field.name);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop
          );
          if (field.partOf && !field.partOf.isProto3Optional) gen("if(o.oneofs)")("d%s=%j", util.safeProp(field.partOf.name), field.name);
        }
        gen("}");
      }
      return gen("return d");
    };
  }
});

// node_modules/protobufjs/src/wrappers.js
var require_wrappers = __commonJS({
  "node_modules/protobufjs/src/wrappers.js"(exports) {
    "use strict";
    var wrappers = exports;
    var Message = require_message();
    var util = require_minimal();
    wrappers[".google.protobuf.Any"] = {
      fromObject: function(object, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if (object && object["@type"]) {
          var name = object["@type"].substring(object["@type"].lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type) {
            var type_url = object["@type"].charAt(0) === "." ? object["@type"].slice(1) : object["@type"];
            if (type_url.indexOf("/") === -1) {
              type_url = "/" + type_url;
            }
            return this.create({
              type_url,
              value: type.encode(type.fromObject(object, depth + 1)).finish()
            });
          }
        }
        return this.fromObject(object, depth);
      },
      toObject: function(message, options, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        var googleApi = "type.googleapis.com/";
        var prefix = "";
        var name = "";
        if (options && options.json && message.type_url && message.value) {
          name = message.type_url.substring(message.type_url.lastIndexOf("/") + 1);
          prefix = message.type_url.substring(0, message.type_url.lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type)
            message = type.decode(message.value, void 0, void 0, depth + 1);
        }
        if (!(message instanceof this.ctor) && message instanceof Message) {
          var object = message.$type.toObject(message, options, depth + 1);
          var messageName = message.$type.fullName[0] === "." ? message.$type.fullName.slice(1) : message.$type.fullName;
          if (prefix === "") {
            prefix = googleApi;
          }
          name = prefix + messageName;
          object["@type"] = name;
          return object;
        }
        return this.toObject(message, options, depth);
      }
    };
  }
});

// node_modules/protobufjs/src/type.js
var require_type = __commonJS({
  "node_modules/protobufjs/src/type.js"(exports, module) {
    "use strict";
    module.exports = Type;
    var Namespace = require_namespace();
    Type.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Type,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Type.className = "Type";
    var Enum = require_enum();
    var OneOf = require_oneof();
    var Field = require_field();
    var MapField = require_mapfield();
    var Service = require_service2();
    var Message = require_message();
    var Reader = require_reader();
    var Writer = require_writer();
    var util = require_util();
    var encoder = require_encoder();
    var decoder = require_decoder();
    var verifier = require_verifier();
    var converter = require_converter();
    var wrappers = require_wrappers();
    function Type(name, options) {
      name = name.replace(/\W/g, "");
      Namespace.call(this, name, options);
      this.fields = {};
      this.oneofs = void 0;
      this.extensions = void 0;
      this.reserved = void 0;
      this.group = void 0;
      this.visibility = void 0;
      this._fieldsById = null;
      this._fieldsArray = null;
      this._oneofsArray = null;
      this._ctor = null;
      this._fieldsByJsonName = null;
    }
    Object.defineProperties(Type.prototype, {
      /**
       * Message fields by id.
       * @name Type#fieldsById
       * @type {Object.<number,Field>}
       * @readonly
       */
      fieldsById: {
        get: function() {
          if (this._fieldsById)
            return this._fieldsById;
          this._fieldsById = {};
          for (var names = Object.keys(this.fields), i = 0; i < names.length; ++i) {
            var field = this.fields[names[i]], id = field.id;
            if (this._fieldsById[id])
              throw Error("duplicate id " + id + " in " + this);
            this._fieldsById[id] = field;
          }
          return this._fieldsById;
        }
      },
      /**
       * Fields of this message as an array for iteration.
       * @name Type#fieldsArray
       * @type {Field[]}
       * @readonly
       */
      fieldsArray: {
        get: function() {
          return this._fieldsArray || (this._fieldsArray = util.toArray(this.fields));
        }
      },
      /**
       * Oneofs of this message as an array for iteration.
       * @name Type#oneofsArray
       * @type {OneOf[]}
       * @readonly
       */
      oneofsArray: {
        get: function() {
          return this._oneofsArray || (this._oneofsArray = util.toArray(this.oneofs));
        }
      },
      /**
       * The registered constructor, if any registered, otherwise a generic constructor.
       * Assigning a function replaces the internal constructor. If the function does not extend {@link Message} yet, its prototype will be setup accordingly and static methods will be populated. If it already extends {@link Message}, it will just replace the internal constructor.
       * When assigning manually, add the type to its parent namespace/root first if fields reference other reflected types, because constructor setup resolves field defaults.
       * @name Type#ctor
       * @type {Constructor<{}>}
       */
      ctor: {
        get: function() {
          return this._ctor || (this.ctor = Type.generateConstructor(this)());
        },
        set: function(ctor) {
          var prototype = ctor.prototype;
          if (!(prototype instanceof Message)) {
            ctor.prototype = new Message();
            Object.defineProperty(ctor.prototype, "constructor", {
              value: ctor,
              writable: true,
              enumerable: false,
              configurable: true
            });
            util.merge(ctor.prototype, prototype);
          }
          ctor.$type = ctor.prototype.$type = this;
          util.merge(ctor, Message, true);
          this._ctor = ctor;
          delete this.decode;
          delete this.fromObject;
          var i = 0;
          for (var field; i < /* initializes */
          this.fieldsArray.length; ++i) {
            field = this._fieldsArray[i].resolve();
            ctor.prototype[field.name] = field.defaultValue;
          }
          var ctorProperties = {};
          for (i = 0; i < /* initializes */
          this.oneofsArray.length; ++i)
            ctorProperties[this._oneofsArray[i].resolve().name] = {
              get: util.oneOfGetter(this._oneofsArray[i].oneof),
              set: util.oneOfSetter(this._oneofsArray[i].oneof)
            };
          if (i)
            Object.defineProperties(ctor.prototype, ctorProperties);
        }
      }
    });
    Type.generateConstructor = function generateConstructor(mtype) {
      var gen = util.codegen(["p"]);
      for (var i = 0, field; i < mtype.fieldsArray.length; ++i)
        if ((field = mtype._fieldsArray[i]).map) gen("this%s={}", util.safeProp(field.name));
        else if (field.repeated) gen("this%s=[]", util.safeProp(field.name));
      return gen('if(p)for(var ks=Object.keys(p),i=0;i<ks.length;++i)if(p[ks[i]]!=null&&ks[i]!=="__proto__")')("this[ks[i]]=p[ks[i]]");
    };
    function clearCache(type) {
      type._fieldsById = type._fieldsArray = type._oneofsArray = type._fieldsByJsonName = null;
      delete type.encode;
      delete type.decode;
      delete type.verify;
      return type;
    }
    Type.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.nestingLimit)
        throw Error("max depth exceeded");
      var type = new Type(name, json.options);
      type.extensions = json.extensions;
      type.reserved = json.reserved;
      var names = Object.keys(json.fields), i = 0;
      for (; i < names.length; ++i)
        type.add(
          (typeof json.fields[names[i]].keyType !== "undefined" ? MapField.fromJSON : Field.fromJSON)(names[i], json.fields[names[i]])
        );
      if (json.oneofs)
        for (names = Object.keys(json.oneofs), i = 0; i < names.length; ++i)
          type.add(OneOf.fromJSON(names[i], json.oneofs[names[i]]));
      if (json.nested)
        for (names = Object.keys(json.nested), i = 0; i < names.length; ++i) {
          var nested = json.nested[names[i]];
          type.add(
            // most to least likely
            (nested.id !== void 0 ? Field.fromJSON : nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      if (json.extensions && json.extensions.length)
        type.extensions = json.extensions;
      if (json.reserved && json.reserved.length)
        type.reserved = json.reserved;
      if (json.group)
        type.group = true;
      if (json.visibility)
        type.visibility = json.visibility;
      if (json.comment)
        type.comment = json.comment;
      if (json.edition)
        type._edition = json.edition;
      type._defaultEdition = "proto3";
      return type;
    };
    Type.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "oneofs",
        Namespace.arrayToJSON(this.oneofsArray, toJSONOptions),
        "fields",
        Namespace.arrayToJSON(this.fieldsArray.filter(function(obj) {
          return !obj.declaringField;
        }), toJSONOptions) || {},
        "extensions",
        this.extensions && this.extensions.length ? this.extensions : void 0,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "group",
        this.group || void 0,
        "visibility",
        this.visibility,
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Type.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolveAll.call(this);
      var oneofs = this.oneofsArray;
      i = 0;
      while (i < oneofs.length)
        oneofs[i++].resolve();
      var fields = this.fieldsArray, i = 0;
      while (i < fields.length)
        fields[i++].resolve();
      return this;
    };
    Type.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.oneofsArray.forEach((oneof) => {
        oneof._resolveFeatures(edition);
      });
      this.fieldsArray.forEach((field) => {
        field._resolveFeatures(edition);
      });
      return this;
    };
    Type.prototype.get = function get2(name) {
      if (Object.prototype.hasOwnProperty.call(this.fields, name))
        return this.fields[name];
      if (this.oneofs && Object.prototype.hasOwnProperty.call(this.oneofs, name))
        return this.oneofs[name];
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name))
        return this.nested[name];
      return null;
    };
    Type.prototype.add = function add(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Field && object.extend === void 0) {
        if (this._fieldsById ? (
          /* istanbul ignore next */
          this._fieldsById[object.id]
        ) : this.fieldsById[object.id])
          throw Error("duplicate id " + object.id + " in " + this);
        if (this.isReservedId(object.id))
          throw Error("id " + object.id + " is reserved in " + this);
        if (this.isReservedName(object.name) || object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (object.parent)
          object.parent.remove(object);
        this.fields[object.name] = object;
        object.message = this;
        object.onAdd(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (!this.oneofs)
          this.oneofs = {};
        this.oneofs[object.name] = object;
        object.onAdd(this);
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Type.prototype.remove = function remove(object) {
      if (object instanceof Field && object.extend === void 0) {
        if (!util.remove(this.fields, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (!util.remove(this.oneofs, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Type.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Type.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
    Type.prototype.create = function create(properties) {
      return new this.ctor(properties);
    };
    Type.prototype.setup = function setup() {
      var root2 = this.root;
      if (root2 && root2._needsRecursiveFeatureResolution) {
        var edition = root2._edition || this._edition;
        if (edition)
          root2._resolveFeaturesRecursive(edition);
      }
      var fullName = this.fullName, types2 = [];
      for (var i = 0; i < /* initializes */
      this.fieldsArray.length; ++i)
        types2.push(this._fieldsArray[i].resolve().resolvedType);
      this.encode = encoder(this)({
        Writer,
        types: types2,
        util
      });
      this.decode = decoder(this)({
        Reader,
        types: types2,
        util,
        C: this.ctor
      });
      this.verify = verifier(this)({
        types: types2,
        util
      });
      this.fromObject = converter.fromObject(this)({
        types: types2,
        util,
        C: this.ctor
      });
      this.toObject = converter.toObject(this)({
        types: types2,
        util
      });
      var wrapper = wrappers[fullName];
      if (wrapper) {
        var wrapperThis = Object.create(this);
        wrapperThis._ctor = this.ctor;
        wrapperThis.fromObject = this.fromObject;
        this.fromObject = wrapper.fromObject.bind(wrapperThis);
        wrapperThis.toObject = this.toObject;
        this.toObject = wrapper.toObject.bind(wrapperThis);
      }
      return this;
    };
    Type.prototype.encode = function encode_setup(message, writer) {
      return this.setup().encode.apply(this, arguments);
    };
    Type.prototype.encodeDelimited = function encodeDelimited(message, writer) {
      return this.encode(message, (writer || Writer.create()).fork()).ldelim();
    };
    Type.prototype.decode = function decode_setup(reader, length) {
      return this.setup().decode.apply(this, arguments);
    };
    Type.prototype.decodeDelimited = function decodeDelimited(reader) {
      if (!(reader instanceof Reader))
        reader = Reader.create(reader);
      return this.decode(reader, reader.size());
    };
    Type.prototype.verify = function verify_setup(message) {
      return this.setup().verify.apply(this, arguments);
    };
    Type.prototype.fromObject = function fromObject(object) {
      return this.setup().fromObject.apply(this, arguments);
    };
    Type.prototype.toObject = function toObject(message, options) {
      return this.setup().toObject.apply(this, arguments);
    };
    Type.prototype.getTypeUrl = function getTypeUrl(prefix) {
      if (prefix === void 0)
        prefix = "type.googleapis.com";
      var fullName = this.fullName;
      return prefix + "/" + (fullName.charAt(0) === "." ? fullName.substring(1) : fullName);
    };
    Type.d = function decorateType(typeName) {
      return function typeDecorator(target) {
        util.decorateType(target, typeName);
      };
    };
  }
});

// node_modules/protobufjs/src/root.js
var require_root = __commonJS({
  "node_modules/protobufjs/src/root.js"(exports, module) {
    "use strict";
    module.exports = Root;
    var Namespace = require_namespace();
    Root.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Root,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Root.className = "Root";
    var Field = require_field();
    var Enum = require_enum();
    var OneOf = require_oneof();
    var util = require_util();
    var Type;
    var parse;
    var common;
    function Root(options) {
      Namespace.call(this, "", options);
      this.deferred = [];
      this.files = [];
      this._edition = "proto2";
      this._fullyQualifiedObjects = {};
    }
    Root.fromJSON = function fromJSON(json, root2, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      if (!root2)
        root2 = new Root();
      if (json.options)
        root2.setOptions(json.options);
      return root2.addJSON(json.nested, depth).resolveAll();
    };
    Root.prototype.resolvePath = util.path.resolve;
    Root.prototype.fetch = util.fetch;
    function SYNC() {
    }
    Root.prototype.load = function load(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = void 0;
      }
      var self2 = this;
      if (!callback) {
        return util.asPromise(load, self2, filename, options);
      }
      var sync = callback === SYNC;
      function finish(err, root2) {
        if (!callback) {
          return;
        }
        if (sync) {
          throw err;
        }
        if (root2) {
          root2.resolveAll();
        }
        var cb = callback;
        callback = null;
        cb(err, root2);
      }
      function getBundledFileName(filename2) {
        var idx = filename2.lastIndexOf("google/protobuf/");
        if (idx > -1) {
          var altname = filename2.substring(idx);
          if (Object.prototype.hasOwnProperty.call(common, altname)) return altname;
        }
        if (Object.prototype.hasOwnProperty.call(common, filename2)) return filename2;
        return null;
      }
      function process2(filename2, source, depth) {
        if (depth === void 0)
          depth = 0;
        try {
          if (depth > util.recursionLimit)
            throw Error("max depth exceeded");
          if (util.isString(source) && source.charAt(0) === "{")
            source = JSON.parse(source);
          if (!util.isString(source))
            self2.setOptions(source.options).addJSON(source.nested);
          else {
            parse.filename = filename2;
            var parsed = parse(source, self2, options), resolved2, i2 = 0;
            if (parsed.imports) {
              for (; i2 < parsed.imports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.imports[i2]) || self2.resolvePath(filename2, parsed.imports[i2]))
                  fetch(resolved2, false, depth + 1);
            }
            if (parsed.weakImports) {
              for (i2 = 0; i2 < parsed.weakImports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.weakImports[i2]) || self2.resolvePath(filename2, parsed.weakImports[i2]))
                  fetch(resolved2, true, depth + 1);
            }
          }
        } catch (err) {
          finish(err);
        }
        if (!sync && !queued) {
          finish(null, self2);
        }
      }
      function fetch(filename2, weak, depth) {
        if (depth === void 0)
          depth = 0;
        filename2 = getBundledFileName(filename2) || filename2;
        if (self2.files.indexOf(filename2) > -1) {
          return;
        }
        self2.files.push(filename2);
        if (Object.prototype.hasOwnProperty.call(common, filename2)) {
          if (sync) {
            process2(filename2, common[filename2], depth);
          } else {
            ++queued;
            setTimeout(function() {
              --queued;
              process2(filename2, common[filename2], depth);
            });
          }
          return;
        }
        if (sync) {
          var source;
          try {
            source = util.fs.readFileSync(filename2).toString("utf8");
          } catch (err) {
            if (!weak)
              finish(err);
            return;
          }
          process2(filename2, source, depth);
        } else {
          ++queued;
          self2.fetch(filename2, function(err, source2) {
            --queued;
            if (!callback) {
              return;
            }
            if (err) {
              if (!weak)
                finish(err);
              else if (!queued)
                finish(null, self2);
              return;
            }
            process2(filename2, source2, depth);
          });
        }
      }
      var queued = 0;
      if (util.isString(filename)) {
        filename = [filename];
      }
      for (var i = 0, resolved; i < filename.length; ++i)
        if (resolved = self2.resolvePath("", filename[i]))
          fetch(resolved);
      if (sync) {
        self2.resolveAll();
        return self2;
      }
      if (!queued) {
        finish(null, self2);
      }
      return self2;
    };
    Root.prototype.loadSync = function loadSync(filename, options) {
      if (!util.isNode)
        throw Error("not supported");
      return this.load(filename, options, SYNC);
    };
    Root.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this.deferred.length)
        throw Error("unresolvable extensions: " + this.deferred.map(function(field) {
          return "'extend " + field.extend + "' in " + field.parent.fullName;
        }).join(", "));
      return Namespace.prototype.resolveAll.call(this);
    };
    var exposeRe = /^[A-Z]/;
    function tryHandleExtension(root2, field) {
      var extendedType = field.parent.lookup(field.extend);
      if (extendedType) {
        var sisterField = new Field(field.fullName, field.id, field.type, field.rule, void 0, field.options);
        if (extendedType.get(sisterField.name)) {
          return true;
        }
        sisterField.declaringField = field;
        field.extensionField = sisterField;
        extendedType.add(sisterField);
        return true;
      }
      return false;
    }
    Root.prototype._handleAdd = function _handleAdd(object) {
      if (object instanceof Field) {
        if (
          /* an extension field (implies not part of a oneof) */
          object.extend !== void 0 && /* not already handled */
          !object.extensionField
        ) {
          if (!tryHandleExtension(this, object))
            this.deferred.push(object);
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          object.parent[object.name] = object.values;
      } else if (!(object instanceof OneOf)) {
        if (object instanceof Type)
          for (var i = 0; i < this.deferred.length; )
            if (tryHandleExtension(this, this.deferred[i]))
              this.deferred.splice(i, 1);
            else
              ++i;
        for (var j = 0; j < /* initializes */
        object.nestedArray.length; ++j)
          this._handleAdd(object._nestedArray[j]);
        if (exposeRe.test(object.name))
          object.parent[object.name] = object;
      }
      if (object instanceof Type || object instanceof Enum || object instanceof Field) {
        this._fullyQualifiedObjects[object.fullName] = object;
      }
    };
    Root.prototype._handleRemove = function _handleRemove(object) {
      if (object instanceof Field) {
        if (
          /* an extension field */
          object.extend !== void 0
        ) {
          if (
            /* already handled */
            object.extensionField
          ) {
            object.extensionField.parent.remove(object.extensionField);
            object.extensionField = null;
          } else {
            var index = this.deferred.indexOf(object);
            if (index > -1)
              this.deferred.splice(index, 1);
          }
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      } else if (object instanceof Namespace) {
        for (var i = 0; i < /* initializes */
        object.nestedArray.length; ++i)
          this._handleRemove(object._nestedArray[i]);
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      }
      delete this._fullyQualifiedObjects[object.fullName];
    };
    Root._configure = function(Type_, parse_, common_) {
      Type = Type_;
      parse = parse_;
      common = common_;
    };
  }
});

// node_modules/protobufjs/src/util.js
var require_util = __commonJS({
  "node_modules/protobufjs/src/util.js"(exports, module) {
    "use strict";
    var util = module.exports = require_minimal();
    var roots = require_roots();
    var Type;
    var Enum;
    util.codegen = require_codegen();
    util.fetch = require_fetch();
    util.path = require_path();
    util.patterns = require_patterns();
    var reservedRe = util.patterns.reservedRe;
    util.fs = require_fs();
    util.toArray = function toArray(object) {
      if (object) {
        var keys = Object.keys(object), array = new Array(keys.length), index = 0;
        while (index < keys.length)
          array[index] = object[keys[index++]];
        return array;
      }
      return [];
    };
    util.toObject = function toObject(array) {
      var object = {}, index = 0;
      while (index < array.length) {
        var key = array[index++], val = array[index++];
        if (val !== void 0)
          object[key] = val;
      }
      return object;
    };
    util.remove = function remove(object, value, key) {
      if (!object)
        return false;
      if (key !== void 0 && Object.prototype.hasOwnProperty.call(object, key) && object[key] === value) {
        delete object[key];
        return true;
      }
      for (var names = Object.keys(object), i = 0; i < names.length; ++i)
        if (object[names[i]] === value) {
          delete object[names[i]];
          return true;
        }
      return false;
    };
    util.isReserved = function isReserved(name) {
      return reservedRe.test(name);
    };
    util.safeProp = function safeProp(prop) {
      if (!/^[$\w_]+$/.test(prop) || reservedRe.test(prop))
        return "[" + JSON.stringify(prop) + "]";
      return "." + prop;
    };
    util.ucFirst = function ucFirst(str) {
      return str.charAt(0).toUpperCase() + str.substring(1);
    };
    var camelCaseRe = /_([a-z])/g;
    util.camelCase = function camelCase(str) {
      return str.substring(0, 1) + str.substring(1).replace(camelCaseRe, function($0, $1) {
        return $1.toUpperCase();
      });
    };
    util.jsonName = function jsonName(str) {
      var result = "", upperNext = false, i = 0;
      for (; i < str.length; ++i) {
        var ch = str.charAt(i);
        if (ch === "_")
          upperNext = true;
        else if (upperNext) {
          result += ch.toUpperCase();
          upperNext = false;
        } else
          result += ch;
      }
      return result;
    };
    util.compareFieldsById = function compareFieldsById(a, b) {
      return a.id - b.id;
    };
    util.decorateType = function decorateType(ctor, typeName) {
      if (ctor.$type) {
        if (typeName && ctor.$type.name !== typeName) {
          util.decorateRoot.remove(ctor.$type);
          ctor.$type.name = typeName;
          util.decorateRoot.add(ctor.$type);
        }
        return ctor.$type;
      }
      if (!Type)
        Type = require_type();
      var type = new Type(typeName || ctor.name);
      util.decorateRoot.add(type);
      type.ctor = ctor;
      Object.defineProperty(ctor, "$type", { value: type, enumerable: false });
      Object.defineProperty(ctor.prototype, "$type", { value: type, enumerable: false });
      return type;
    };
    var decorateEnumIndex = 0;
    util.decorateEnum = function decorateEnum(object) {
      if (object.$type)
        return object.$type;
      if (!Enum)
        Enum = require_enum();
      var enm = new Enum("Enum" + decorateEnumIndex++, object);
      util.decorateRoot.add(enm);
      Object.defineProperty(object, "$type", { value: enm, enumerable: false });
      return enm;
    };
    util.setProperty = function setProperty(dst, path17, value, ifNotSet) {
      function setProp(dst2, path18, value2) {
        var part = path18.shift();
        if (util.isUnsafeProperty(part))
          return dst2;
        if (path18.length > 0) {
          dst2[part] = setProp(dst2[part] || {}, path18, value2);
        } else {
          var prevValue = dst2[part];
          if (prevValue && ifNotSet)
            return dst2;
          if (prevValue)
            value2 = [].concat(prevValue).concat(value2);
          dst2[part] = value2;
        }
        return dst2;
      }
      if (typeof dst !== "object")
        throw TypeError("dst must be an object");
      if (!path17)
        throw TypeError("path must be specified");
      path17 = path17.split(".");
      if (path17.length > util.recursionLimit)
        throw Error("max depth exceeded");
      return setProp(dst, path17, value);
    };
    Object.defineProperty(util, "decorateRoot", {
      get: function() {
        return roots["decorated"] || (roots["decorated"] = new (require_root())());
      }
    });
  }
});

// node_modules/protobufjs/src/types.js
var require_types = __commonJS({
  "node_modules/protobufjs/src/types.js"(exports) {
    "use strict";
    var types2 = exports;
    var util = require_util();
    var s = [
      "double",
      // 0
      "float",
      // 1
      "int32",
      // 2
      "uint32",
      // 3
      "sint32",
      // 4
      "fixed32",
      // 5
      "sfixed32",
      // 6
      "int64",
      // 7
      "uint64",
      // 8
      "sint64",
      // 9
      "fixed64",
      // 10
      "sfixed64",
      // 11
      "bool",
      // 12
      "string",
      // 13
      "bytes"
      // 14
    ];
    function bake(values2, offset) {
      var i = 0, o = /* @__PURE__ */ Object.create(null);
      offset |= 0;
      while (i < values2.length) o[s[i + offset]] = values2[i++];
      return o;
    }
    types2.basic = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2,
      /* bytes    */
      2
    ]);
    types2.defaults = bake([
      /* double   */
      0,
      /* float    */
      0,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      0,
      /* sfixed32 */
      0,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      0,
      /* sfixed64 */
      0,
      /* bool     */
      false,
      /* string   */
      "",
      /* bytes    */
      util.emptyArray,
      /* message  */
      null
    ]);
    types2.long = bake([
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1
    ], 7);
    types2.mapKey = bake([
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2
    ], 2);
    types2.packed = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0
    ]);
  }
});

// node_modules/protobufjs/src/field.js
var require_field = __commonJS({
  "node_modules/protobufjs/src/field.js"(exports, module) {
    "use strict";
    module.exports = Field;
    var ReflectionObject = require_object();
    Field.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Field,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Field.className = "Field";
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    var Type;
    var ruleRe = /^(?:required|optional|repeated)$/;
    Field.fromJSON = function fromJSON(name, json) {
      var field = new Field(name, json.id, json.type, json.rule, json.extend, json.options, json.comment);
      if (json.edition)
        field._edition = json.edition;
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      field._defaultEdition = "proto3";
      return field;
    };
    function Field(name, id, type, rule, extend, options, comment) {
      if (util.isObject(rule)) {
        comment = extend;
        options = rule;
        rule = extend = void 0;
      } else if (util.isObject(extend)) {
        comment = options;
        options = extend;
        extend = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!util.isInteger(id) || id < 0)
        throw TypeError("id must be a non-negative integer");
      if (!util.isString(type))
        throw TypeError("type must be a string");
      if (rule !== void 0 && !ruleRe.test(rule = rule.toString().toLowerCase()))
        throw TypeError("rule must be a string rule");
      if (extend !== void 0 && !util.isString(extend))
        throw TypeError("extend must be a string");
      this.rule = rule && rule !== "optional" ? rule : void 0;
      this.type = type;
      this.id = id;
      this.extend = extend || void 0;
      this.repeated = rule === "repeated";
      this.map = false;
      this.message = null;
      this.partOf = null;
      this.typeDefault = null;
      this.defaultValue = null;
      this.long = util.Long ? types2.long[type] !== void 0 : (
        /* istanbul ignore next */
        false
      );
      this.bytes = type === "bytes";
      this.resolvedType = null;
      this.extensionField = null;
      this.declaringField = null;
      this.comment = comment;
      this.protoName = void 0;
      this.jsonName = void 0;
    }
    Object.defineProperty(Field.prototype, "required", {
      get: function() {
        return this._features.field_presence === "LEGACY_REQUIRED";
      }
    });
    Object.defineProperty(Field.prototype, "optional", {
      get: function() {
        return !this.required;
      }
    });
    Object.defineProperty(Field.prototype, "delimited", {
      get: function() {
        return this.resolvedType instanceof Type && this._features.message_encoding === "DELIMITED";
      }
    });
    Object.defineProperty(Field.prototype, "packed", {
      get: function() {
        return this._features.repeated_field_encoding === "PACKED";
      }
    });
    Object.defineProperty(Field.prototype, "hasPresence", {
      get: function() {
        if (this.repeated || this.map) {
          return false;
        }
        return this.partOf || // oneofs
        this.declaringField || this.extensionField || // extensions
        this._features.field_presence !== "IMPLICIT";
      }
    });
    Field.prototype.setOption = function setOption(name, value, ifNotSet) {
      return ReflectionObject.prototype.setOption.call(this, name, value, ifNotSet);
    };
    Field.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "rule",
        this.rule !== "optional" && this.rule || void 0,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Field.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if ((this.typeDefault = types2.defaults[this.type]) === void 0) {
        this.resolvedType = (this.declaringField ? this.declaringField.parent : this.parent).lookupTypeOrEnum(this.type);
        if (this.resolvedType instanceof Type)
          this.typeDefault = null;
        else
          this.typeDefault = this.resolvedType.values[Object.keys(this.resolvedType.values)[0]];
      } else if (this.options && this.options.proto3_optional) {
        this.typeDefault = null;
      }
      if (this.options && this.options["default"] != null) {
        this.typeDefault = this.options["default"];
        if (this.resolvedType instanceof Enum && typeof this.typeDefault === "string")
          this.typeDefault = this.resolvedType.values[this.typeDefault];
      }
      if (this.options) {
        if (this.options.packed !== void 0 && this.resolvedType && !(this.resolvedType instanceof Enum))
          delete this.options.packed;
        if (!Object.keys(this.options).length)
          this.options = void 0;
      }
      if (this.long) {
        var unsigned = this.type === "uint64" || this.type === "fixed64";
        this.typeDefault = typeof this.typeDefault === "string" ? util.Long.fromString(this.typeDefault, unsigned) : util.Long.fromNumber(this.typeDefault, unsigned);
        if (Object.freeze)
          Object.freeze(this.typeDefault);
      } else if (types2.long[this.type] !== void 0 && typeof this.typeDefault === "string") {
        this.typeDefault = parseInt(this.typeDefault, 10);
      } else if (this.bytes && typeof this.typeDefault === "string") {
        var buf;
        if (util.base64.test(this.typeDefault))
          util.base64.decode(this.typeDefault, buf = util.newBuffer(util.base64.length(this.typeDefault)), 0);
        else
          util.utf8.write(this.typeDefault, buf = util.newBuffer(util.utf8.length(this.typeDefault)), 0);
        this.typeDefault = buf;
      }
      if (this.map)
        this.defaultValue = util.emptyObject;
      else if (this.repeated)
        this.defaultValue = util.emptyArray;
      else
        this.defaultValue = this.typeDefault;
      if (this.parent instanceof Type && this.parent._ctor)
        this.parent._ctor.prototype[this.name] = this.defaultValue;
      if (this.protoName === void 0)
        this.protoName = this.name;
      if (this.jsonName === void 0)
        this.jsonName = util.jsonName(this.protoName);
      return ReflectionObject.prototype.resolve.call(this);
    };
    Field.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures(edition) {
      if (edition !== "proto2" && edition !== "proto3") {
        return {};
      }
      var features = {};
      if (this.rule === "required") {
        features.field_presence = "LEGACY_REQUIRED";
      }
      if (this.parent && types2.defaults[this.type] === void 0) {
        var type = this.parent.get(this.type.split(".").pop());
        if (type && type instanceof Type && type.group) {
          features.message_encoding = "DELIMITED";
        }
      }
      if (this.getOption("packed") === true) {
        features.repeated_field_encoding = "PACKED";
      } else if (this.getOption("packed") === false) {
        features.repeated_field_encoding = "EXPANDED";
      }
      return features;
    };
    Field.prototype._resolveFeatures = function _resolveFeatures(edition) {
      return ReflectionObject.prototype._resolveFeatures.call(this, this._edition || edition);
    };
    Field.d = function decorateField(fieldId, fieldType, fieldRule, defaultValue) {
      if (typeof fieldType === "function")
        fieldType = util.decorateType(fieldType).name;
      else if (fieldType && typeof fieldType === "object")
        fieldType = util.decorateEnum(fieldType).name;
      return function fieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new Field(fieldName, fieldId, fieldType, fieldRule, { "default": defaultValue }));
      };
    };
    Field._configure = function configure(Type_) {
      Type = Type_;
    };
  }
});

// node_modules/protobufjs/src/oneof.js
var require_oneof = __commonJS({
  "node_modules/protobufjs/src/oneof.js"(exports, module) {
    "use strict";
    module.exports = OneOf;
    var ReflectionObject = require_object();
    OneOf.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: OneOf,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    OneOf.className = "OneOf";
    var Field = require_field();
    var util = require_util();
    function OneOf(name, fieldNames, options, comment) {
      if (!Array.isArray(fieldNames)) {
        options = fieldNames;
        fieldNames = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!(fieldNames === void 0 || Array.isArray(fieldNames)))
        throw TypeError("fieldNames must be an Array");
      this.oneof = fieldNames || [];
      this.fieldsArray = [];
      this.comment = comment;
    }
    OneOf.fromJSON = function fromJSON(name, json) {
      return new OneOf(name, json.oneof, json.options, json.comment);
    };
    OneOf.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "options",
        this.options,
        "oneof",
        this.oneof,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    function addFieldsToParent(oneof) {
      if (oneof.parent) {
        for (var i = 0; i < oneof.fieldsArray.length; ++i)
          if (!oneof.fieldsArray[i].parent)
            oneof.parent.add(oneof.fieldsArray[i]);
      }
    }
    OneOf.prototype.add = function add(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      if (field.parent && field.parent !== this.parent)
        field.parent.remove(field);
      this.oneof.push(field.name);
      this.fieldsArray.push(field);
      field.partOf = this;
      addFieldsToParent(this);
      return this;
    };
    OneOf.prototype.remove = function remove(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      var index = this.fieldsArray.indexOf(field);
      if (index < 0)
        throw Error(field + " is not a member of " + this);
      this.fieldsArray.splice(index, 1);
      index = this.oneof.indexOf(field.name);
      if (index > -1)
        this.oneof.splice(index, 1);
      field.partOf = null;
      return this;
    };
    OneOf.prototype.onAdd = function onAdd(parent) {
      ReflectionObject.prototype.onAdd.call(this, parent);
      var self2 = this;
      for (var i = 0; i < this.oneof.length; ++i) {
        var field = parent.get(this.oneof[i]);
        if (field && !field.partOf) {
          field.partOf = self2;
          self2.fieldsArray.push(field);
        }
      }
      addFieldsToParent(this);
    };
    OneOf.prototype.onRemove = function onRemove(parent) {
      for (var i = 0, field; i < this.fieldsArray.length; ++i)
        if ((field = this.fieldsArray[i]).parent)
          field.parent.remove(field);
      ReflectionObject.prototype.onRemove.call(this, parent);
    };
    Object.defineProperty(OneOf.prototype, "isProto3Optional", {
      get: function() {
        if (this.fieldsArray == null || this.fieldsArray.length !== 1) {
          return false;
        }
        var field = this.fieldsArray[0];
        return field.options != null && field.options["proto3_optional"] === true;
      }
    });
    OneOf.d = function decorateOneOf() {
      var fieldNames = new Array(arguments.length), index = 0;
      while (index < arguments.length)
        fieldNames[index] = arguments[index++];
      return function oneOfDecorator(prototype, oneofName) {
        util.decorateType(prototype.constructor).add(new OneOf(oneofName, fieldNames));
        Object.defineProperty(prototype, oneofName, {
          get: util.oneOfGetter(fieldNames),
          set: util.oneOfSetter(fieldNames)
        });
      };
    };
  }
});

// node_modules/protobufjs/src/object.js
var require_object = __commonJS({
  "node_modules/protobufjs/src/object.js"(exports, module) {
    "use strict";
    module.exports = ReflectionObject;
    ReflectionObject.className = "ReflectionObject";
    var OneOf = require_oneof();
    var util = require_util();
    var Root;
    var proto2Defaults = { enum_type: "CLOSED", field_presence: "EXPLICIT", json_format: "LEGACY_BEST_EFFORT", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "EXPANDED", utf8_validation: "NONE", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var proto3Defaults = { enum_type: "OPEN", field_presence: "IMPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2023Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2024Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2024", default_symbol_visibility: "EXPORT_TOP_LEVEL" };
    var editions2026Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2026", default_symbol_visibility: "STRICT", enforce_proto_limits: "PROTO_LIMITS2026" };
    function ReflectionObject(name, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (options && !util.isObject(options))
        throw TypeError("options must be an object");
      this.options = options;
      this.parsedOptions = null;
      this.name = name;
      this._edition = null;
      this._defaultEdition = "proto2";
      this._features = {};
      this._featuresResolved = false;
      this.parent = null;
      this.resolved = false;
      this.comment = null;
      this.filename = null;
    }
    Object.defineProperties(ReflectionObject.prototype, {
      /**
       * Reference to the root namespace.
       * @name ReflectionObject#root
       * @type {Root}
       * @readonly
       */
      root: {
        get: function() {
          var ptr = this;
          while (ptr.parent !== null)
            ptr = ptr.parent;
          return ptr;
        }
      },
      /**
       * Full name including leading dot.
       * @name ReflectionObject#fullName
       * @type {string}
       * @readonly
       */
      fullName: {
        get: function() {
          var path17 = [this.name], ptr = this.parent;
          while (ptr) {
            path17.unshift(ptr.name);
            ptr = ptr.parent;
          }
          return path17.join(".");
        }
      }
    });
    ReflectionObject.prototype.toJSON = /* istanbul ignore next */
    function toJSON() {
      throw Error();
    };
    ReflectionObject.prototype.onAdd = function onAdd(parent) {
      if (this.parent && this.parent !== parent)
        this.parent.remove(this);
      this.parent = parent;
      this.resolved = false;
      var root2 = parent.root;
      if (root2 instanceof Root)
        root2._handleAdd(this);
    };
    ReflectionObject.prototype.onRemove = function onRemove(parent) {
      var root2 = parent.root;
      if (root2 instanceof Root)
        root2._handleRemove(this);
      this.parent = null;
      this.resolved = false;
    };
    ReflectionObject.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (this.root instanceof Root)
        this.resolved = true;
      return this;
    };
    ReflectionObject.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      return this._resolveFeatures(this._edition || edition);
    };
    ReflectionObject.prototype._resolveFeatures = function _resolveFeatures(edition) {
      if (this._featuresResolved) {
        return;
      }
      var defaults = {};
      if (!edition) {
        throw new Error("Unknown edition for " + this.fullName);
      }
      var protoFeatures = util.merge(
        {},
        this.options && this.options.features,
        this._inferLegacyProtoFeatures(edition)
      );
      if (this._edition) {
        if (edition === "proto2") {
          defaults = Object.assign({}, proto2Defaults);
        } else if (edition === "proto3") {
          defaults = Object.assign({}, proto3Defaults);
        } else if (edition === "2023") {
          defaults = Object.assign({}, editions2023Defaults);
        } else if (edition === "2024") {
          defaults = Object.assign({}, editions2024Defaults);
        } else if (edition === "2026") {
          defaults = Object.assign({}, editions2026Defaults);
        } else {
          throw new Error("Unknown edition: " + edition);
        }
        this._features = util.merge(defaults, protoFeatures);
      } else {
        if (this.partOf instanceof OneOf) {
          var lexicalParentFeaturesCopy = util.merge({}, this.partOf._features);
          this._features = util.merge(lexicalParentFeaturesCopy, protoFeatures);
        } else if (this.declaringField) {
        } else if (this.parent) {
          var parentFeaturesCopy = util.merge({}, this.parent._features);
          this._features = util.merge(parentFeaturesCopy, protoFeatures);
        } else {
          throw new Error("Unable to find a parent for " + this.fullName);
        }
      }
      if (this.extensionField) {
        this.extensionField._features = this._features;
      }
      this._featuresResolved = true;
    };
    ReflectionObject.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures() {
      return {};
    };
    ReflectionObject.prototype.getOption = function getOption(name) {
      if (this.options && Object.prototype.hasOwnProperty.call(this.options, name))
        return this.options[name];
      return void 0;
    };
    ReflectionObject.prototype.setOption = function setOption(name, value, ifNotSet) {
      if (name === "__proto__")
        return this;
      if (!this.options)
        this.options = {};
      if (/^features\./.test(name)) {
        util.setProperty(this.options, name, value, ifNotSet);
      } else {
        var prev = this.getOption(name);
        if (!ifNotSet || prev === void 0) {
          if (prev !== value) this.resolved = false;
          this.options[name] = value;
        }
      }
      return this;
    };
    ReflectionObject.prototype.setParsedOption = function setParsedOption(name, value, propName) {
      if (name === "__proto__")
        return this;
      if (!this.parsedOptions) {
        this.parsedOptions = [];
      }
      var parsedOptions = this.parsedOptions;
      if (propName) {
        var opt = parsedOptions.find(function(opt2) {
          return Object.prototype.hasOwnProperty.call(opt2, name);
        });
        if (opt) {
          var newValue = opt[name];
          util.setProperty(newValue, propName, value);
        } else {
          opt = {};
          opt[name] = util.setProperty({}, propName, value);
          parsedOptions.push(opt);
        }
      } else {
        var newOpt = {};
        newOpt[name] = value;
        parsedOptions.push(newOpt);
      }
      return this;
    };
    ReflectionObject.prototype.setOptions = function setOptions(options, ifNotSet) {
      if (options)
        for (var keys = Object.keys(options), i = 0; i < keys.length; ++i)
          this.setOption(keys[i], options[keys[i]], ifNotSet);
      return this;
    };
    Object.defineProperty(ReflectionObject.prototype, "toString", {
      value: function toString() {
        var className2 = this.constructor.className, fullName = this.fullName;
        if (fullName.length)
          return className2 + " " + fullName;
        return className2;
      },
      writable: true,
      enumerable: false,
      configurable: true
    });
    ReflectionObject.prototype._editionToJSON = function _editionToJSON() {
      if (!this._edition || this._edition === "proto3") {
        return void 0;
      }
      return this._edition;
    };
    ReflectionObject._configure = function(Root_) {
      Root = Root_;
    };
  }
});

// node_modules/protobufjs/src/enum.js
var require_enum = __commonJS({
  "node_modules/protobufjs/src/enum.js"(exports, module) {
    "use strict";
    module.exports = Enum;
    var ReflectionObject = require_object();
    Enum.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Enum,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Enum.className = "Enum";
    var Namespace = require_namespace();
    var util = require_util();
    function Enum(name, values2, options, comment, comments, valuesOptions) {
      ReflectionObject.call(this, name, options);
      if (values2 && typeof values2 !== "object")
        throw TypeError("values must be an object");
      this.valuesById = /* @__PURE__ */ Object.create(null);
      this.values = Object.create(this.valuesById);
      this.comment = comment;
      this.comments = comments || {};
      this.valuesOptions = valuesOptions;
      this._valuesFeatures = {};
      this.reserved = void 0;
      this.visibility = void 0;
      if (values2) {
        for (var keys = Object.keys(values2), i = 0; i < keys.length; ++i)
          if (keys[i] !== "__proto__" && typeof values2[keys[i]] === "number") {
            this.values[keys[i]] = values2[keys[i]];
            if (this.valuesById[values2[keys[i]]] === void 0)
              this.valuesById[values2[keys[i]]] = keys[i];
          }
      }
    }
    Enum.prototype._resolveFeatures = function _resolveFeatures(edition) {
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeatures.call(this, edition);
      Object.keys(this.values).forEach((key) => {
        var parentFeaturesCopy = util.merge({}, this._features);
        this._valuesFeatures[key] = util.merge(parentFeaturesCopy, this.valuesOptions && this.valuesOptions[key] && this.valuesOptions[key].features || {});
      });
      return this;
    };
    Enum.fromJSON = function fromJSON(name, json) {
      var enm = new Enum(name, json.values, json.options, json.comment, json.comments, json.valuesOptions);
      enm.reserved = json.reserved;
      if (json.visibility)
        enm.visibility = json.visibility;
      if (json.edition)
        enm._edition = json.edition;
      enm._defaultEdition = "proto3";
      return enm;
    };
    Enum.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        this.options,
        "valuesOptions",
        this.valuesOptions,
        "values",
        this.values,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "visibility",
        this.visibility,
        "comment",
        keepComments ? this.comment : void 0,
        "comments",
        keepComments ? this.comments : void 0
      ]);
    };
    Enum.prototype.add = function add(name, id, comment, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (!util.isInteger(id))
        throw TypeError("id must be an integer");
      if (name === "__proto__")
        return this;
      if (this.values[name] !== void 0)
        throw Error("duplicate name '" + name + "' in " + this);
      if (this.isReservedId(id))
        throw Error("id " + id + " is reserved in " + this);
      if (this.isReservedName(name))
        throw Error("name '" + name + "' is reserved in " + this);
      if (this.valuesById[id] !== void 0) {
        if (!(this.options && this.options.allow_alias))
          throw Error("duplicate id " + id + " in " + this);
        this.values[name] = id;
      } else
        this.valuesById[this.values[name] = id] = name;
      if (options) {
        if (this.valuesOptions === void 0)
          this.valuesOptions = {};
        this.valuesOptions[name] = options || null;
      }
      this.comments[name] = comment || null;
      return this;
    };
    Enum.prototype.remove = function remove(name) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      var val = this.values[name];
      if (val == null)
        throw Error("name '" + name + "' does not exist in " + this);
      delete this.valuesById[val];
      delete this.values[name];
      delete this.comments[name];
      if (this.valuesOptions)
        delete this.valuesOptions[name];
      return this;
    };
    Enum.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Enum.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
  }
});

// node_modules/protobufjs/src/encoder.js
var require_encoder = __commonJS({
  "node_modules/protobufjs/src/encoder.js"(exports, module) {
    "use strict";
    module.exports = encoder;
    var Enum = require_enum();
    var types2 = require_types();
    var util = require_util();
    function genTypePartial(gen, field, fieldIndex, ref) {
      return field.delimited ? gen("types[%i].encode(%s,w.uint32(%i),q+1).uint32(%i)", fieldIndex, ref, (field.id << 3 | 3) >>> 0, (field.id << 3 | 4) >>> 0) : gen("types[%i].encode(%s,w.uint32(%i).fork(),q+1).ldelim()", fieldIndex, ref, (field.id << 3 | 2) >>> 0);
    }
    function encoder(mtype) {
      var gen = util.codegen(["m", "w", "q"])("if(!w)")("w=Writer.create()")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      var i, ref;
      var fields = (
        /* initializes */
        mtype.fieldsArray.slice().sort(util.compareFieldsById)
      );
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), index = mtype._fieldsArray.indexOf(field), type = field.resolvedType instanceof Enum ? "int32" : field.type, wireType = types2.basic[type];
        ref = "m" + util.safeProp(field.name);
        if (field.map) {
          gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name)("for(var ks=Object.keys(%s),i=0;i<ks.length;++i){", ref);
          if (field.keyType === "bool") gen("w.uint32(%i).fork().uint32(%i).bool(util.boolFromKey(ks[i]))", (field.id << 3 | 2) >>> 0, 8 | types2.mapKey[field.keyType]);
          else if (types2.long[field.keyType] !== void 0) gen("w.uint32(%i).fork().uint32(%i).%s(util.longFromKey(ks[i],%j))", (field.id << 3 | 2) >>> 0, 8 | types2.mapKey[field.keyType], field.keyType, field.keyType === "uint64" || field.keyType === "fixed64");
          else gen("w.uint32(%i).fork().uint32(%i).%s(ks[i])", (field.id << 3 | 2) >>> 0, 8 | types2.mapKey[field.keyType], field.keyType);
          if (wireType === void 0) gen("types[%i].encode(%s[ks[i]],w.uint32(18).fork(),q+1).ldelim().ldelim()", index, ref);
          else gen(".uint32(%i).%s(%s[ks[i]]).ldelim()", 16 | wireType, type, ref);
          gen("}")("}");
        } else if (field.repeated) {
          gen("if(%s!=null&&%s.length){", ref, ref);
          if (field.packed && types2.packed[type] !== void 0) {
            gen("w.uint32(%i).%ss(%s)", (field.id << 3 | 2) >>> 0, type, ref);
          } else {
            gen("for(var i=0;i<%s.length;++i)", ref);
            if (wireType === void 0)
              genTypePartial(gen, field, index, ref + "[i]");
            else gen("w.uint32(%i).%s(%s[i])", (field.id << 3 | wireType) >>> 0, type, ref);
          }
          gen("}");
        } else {
          if (!field.required)
            if (field.hasPresence || !(field.resolvedType instanceof Enum || types2.basic[type] !== void 0)) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j))", ref, field.name);
            else if (field.resolvedType instanceof Enum) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==%j)", ref, field.name, ref, field.typeDefault);
            else if (type === "bool") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==false)", ref, field.name, ref);
            else if (type === "string") gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!=="")', ref, field.name, ref);
            else if (type === "bytes") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s.length)", ref, field.name, ref);
            else if (type === "double" || type === "float") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&!Object.is(%s,0))", ref, field.name, ref);
            else if (types2.long[type] !== void 0) gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&(typeof %s==="object"?%s.low||%s.high:%s!==0))', ref, field.name, ref, ref, ref, ref);
            else gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==0)", ref, field.name, ref);
          if (wireType === void 0)
            genTypePartial(gen, field, index, ref);
          else gen("w.uint32(%i).%s(%s)", (field.id << 3 | wireType) >>> 0, type, ref);
        }
      }
      return gen('if(m.$unknowns!=null&&Object.hasOwnProperty.call(m,"$unknowns"))')("for(var i=0;i<m.$unknowns.length;++i)")("w.raw(m.$unknowns[i])")("return w");
    }
  }
});

// node_modules/protobufjs/src/index-light.js
var require_index_light = __commonJS({
  "node_modules/protobufjs/src/index-light.js"(exports, module) {
    "use strict";
    exports = module.exports = require_index_minimal();
    exports.build = "light";
    function load(filename, root2, callback) {
      if (typeof root2 === "function") {
        callback = root2;
        root2 = new exports.Root();
      } else if (!root2)
        root2 = new exports.Root();
      return root2.load(filename, callback);
    }
    exports.load = load;
    function loadSync(filename, root2) {
      if (!root2)
        root2 = new exports.Root();
      return root2.loadSync(filename);
    }
    exports.loadSync = loadSync;
    exports.encoder = require_encoder();
    exports.decoder = require_decoder();
    exports.verifier = require_verifier();
    exports.converter = require_converter();
    exports.ReflectionObject = require_object();
    exports.Namespace = require_namespace();
    exports.Root = require_root();
    exports.Enum = require_enum();
    exports.Type = require_type();
    exports.Field = require_field();
    exports.OneOf = require_oneof();
    exports.MapField = require_mapfield();
    exports.Service = require_service2();
    exports.Method = require_method();
    exports.Message = require_message();
    exports.wrappers = require_wrappers();
    exports.types = require_types();
    exports.util = require_util();
    exports.ReflectionObject._configure(exports.Root);
    exports.Namespace._configure(exports.Type, exports.Service, exports.Enum);
    exports.Root._configure(exports.Type, void 0, {});
    exports.Field._configure(exports.Type);
  }
});

// node_modules/protobufjs/src/tokenize.js
var require_tokenize = __commonJS({
  "node_modules/protobufjs/src/tokenize.js"(exports, module) {
    "use strict";
    module.exports = tokenize;
    var delimRe = /[\s{}=;:[\],'"()<>]/g;
    var stringDoubleRe = /(?:"([^"\\]*(?:\\.[^"\\]*)*)")/g;
    var stringSingleRe = /(?:'([^'\\]*(?:\\.[^'\\]*)*)')/g;
    var setCommentRe = /^ *[*/]+ */;
    var setCommentAltRe = /^\s*\*?\/*/;
    var setCommentSplitRe = /\n/g;
    var whitespaceRe = /\s/;
    var unescapeRe = /\\([0-7]{1,3}|[xX][0-9a-fA-F]{1,2}|.?)/g;
    var unescapeMap = {
      "a": "\x07",
      "b": "\b",
      "f": "\f",
      "r": "\r",
      "n": "\n",
      "t": "	",
      "v": "\v",
      "?": "?",
      "'": "'",
      '"': '"'
    };
    function unescape(str) {
      return str.replace(unescapeRe, function($0, $1) {
        var first = $1.charAt(0);
        if (first >= "0" && first <= "7")
          return String.fromCharCode(parseInt($1, 8) & 255);
        if (first === "x" || first === "X")
          return String.fromCharCode(parseInt($1.substring(1), 16));
        switch ($1) {
          case "\\":
          case "":
            return $1;
          default:
            return unescapeMap[$1] || "";
        }
      });
    }
    tokenize.unescape = unescape;
    function tokenize(source, alternateCommentMode) {
      source = source.toString();
      var offset = 0, length = source.length, line = 1, lastCommentLine = 0, comments = {};
      var stack = [];
      var stringDelim = null;
      function illegal(subject) {
        return Error("illegal " + subject + " (line " + line + ")");
      }
      function readString() {
        var re = stringDelim === "'" ? stringSingleRe : stringDoubleRe;
        re.lastIndex = offset - 1;
        var match = re.exec(source);
        if (!match)
          throw illegal("string");
        offset = re.lastIndex;
        push(stringDelim);
        stringDelim = null;
        return unescape(match[1]);
      }
      function charAt(pos) {
        return source.charAt(pos);
      }
      function setComment(start, end, isLeading) {
        var comment = {
          type: source.charAt(start++),
          lineEmpty: false,
          leading: isLeading
        };
        var lookback;
        if (alternateCommentMode) {
          lookback = 2;
        } else {
          lookback = 3;
        }
        var commentOffset = start - lookback, c;
        do {
          if (--commentOffset < 0 || (c = source.charAt(commentOffset)) === "\n") {
            comment.lineEmpty = true;
            break;
          }
        } while (c === " " || c === "	");
        var lines = source.substring(start, end).split(setCommentSplitRe);
        for (var i = 0; i < lines.length; ++i)
          lines[i] = lines[i].replace(alternateCommentMode ? setCommentAltRe : setCommentRe, "").trim();
        comment.text = lines.join("\n").trim();
        comments[line] = comment;
        lastCommentLine = line;
      }
      function isDoubleSlashCommentLine(startOffset) {
        var endOffset = findEndOfLine(startOffset);
        var lineText = source.substring(startOffset, endOffset);
        var isComment = /^\s*\/\//.test(lineText);
        return isComment;
      }
      function findEndOfLine(cursor) {
        var endOffset = cursor;
        while (endOffset < length && charAt(endOffset) !== "\n") {
          endOffset++;
        }
        return endOffset;
      }
      function next() {
        if (stack.length > 0)
          return stack.shift();
        if (stringDelim)
          return readString();
        var repeat, prev, curr, start, isDoc, nextLineIsComment, isLeadingComment = offset === 0;
        do {
          if (offset === length)
            return null;
          repeat = false;
          while (whitespaceRe.test(curr = charAt(offset))) {
            if (curr === "\n") {
              isLeadingComment = true;
              ++line;
            }
            if (++offset === length)
              return null;
          }
          if (charAt(offset) === "/") {
            if (++offset === length) {
              throw illegal("comment");
            }
            if (charAt(offset) === "/") {
              if (!alternateCommentMode) {
                isDoc = charAt(start = offset + 1) === "/";
                while (charAt(++offset) !== "\n") {
                  if (offset === length) {
                    return null;
                  }
                }
                ++offset;
                if (isDoc) {
                  setComment(start, offset - 1, isLeadingComment);
                  isLeadingComment = true;
                }
                ++line;
                repeat = true;
              } else {
                start = offset;
                isDoc = false;
                if (isDoubleSlashCommentLine(offset - 1)) {
                  isDoc = true;
                  do {
                    offset = findEndOfLine(offset);
                    if (offset === length) {
                      break;
                    }
                    offset++;
                    if (!isLeadingComment) {
                      break;
                    }
                    nextLineIsComment = isDoubleSlashCommentLine(offset);
                    if (nextLineIsComment) {
                      line++;
                    }
                  } while (nextLineIsComment);
                } else {
                  offset = Math.min(length, findEndOfLine(offset) + 1);
                }
                if (isDoc) {
                  setComment(start, offset, isLeadingComment);
                  isLeadingComment = true;
                }
                line++;
                repeat = true;
              }
            } else if ((curr = charAt(offset)) === "*") {
              start = offset + 1;
              isDoc = alternateCommentMode || charAt(start) === "*";
              do {
                if (curr === "\n") {
                  ++line;
                }
                if (++offset === length) {
                  throw illegal("comment");
                }
                prev = curr;
                curr = charAt(offset);
              } while (prev !== "*" || curr !== "/");
              ++offset;
              if (isDoc) {
                setComment(start, offset - 2, isLeadingComment);
                isLeadingComment = true;
              }
              repeat = true;
            } else {
              return "/";
            }
          }
        } while (repeat);
        var end = offset;
        delimRe.lastIndex = 0;
        var delim = delimRe.test(charAt(end++));
        if (!delim)
          while (end < length && !delimRe.test(charAt(end)))
            ++end;
        var token = source.substring(offset, offset = end);
        if (token === '"' || token === "'")
          stringDelim = token;
        return token;
      }
      function push(token) {
        stack.push(token);
      }
      function peek() {
        if (!stack.length) {
          var token = next();
          if (token === null)
            return null;
          push(token);
        }
        return stack[0];
      }
      function skip(expected, optional) {
        var actual = peek(), equals = actual === expected;
        if (equals) {
          next();
          return true;
        }
        if (!optional)
          throw illegal("token '" + actual + "', '" + expected + "' expected");
        return false;
      }
      function cmnt(trailingLine) {
        var ret = null;
        var comment;
        if (trailingLine === void 0) {
          comment = comments[line - 1];
          delete comments[line - 1];
          if (comment && (alternateCommentMode || comment.type === "*" || comment.lineEmpty)) {
            ret = comment.leading ? comment.text : null;
          }
        } else {
          if (lastCommentLine < trailingLine) {
            peek();
          }
          comment = comments[trailingLine];
          delete comments[trailingLine];
          if (comment && !comment.lineEmpty && (alternateCommentMode || comment.type === "/")) {
            ret = comment.leading ? null : comment.text;
          }
        }
        return ret;
      }
      return Object.defineProperty({
        next,
        peek,
        push,
        skip,
        cmnt
      }, "line", {
        get: function() {
          return line;
        }
      });
    }
  }
});

// node_modules/protobufjs/src/parse.js
var require_parse = __commonJS({
  "node_modules/protobufjs/src/parse.js"(exports, module) {
    "use strict";
    module.exports = parse;
    parse.filename = null;
    parse.defaults = { keepCase: false };
    var tokenize = require_tokenize();
    var Root = require_root();
    var Type = require_type();
    var Field = require_field();
    var MapField = require_mapfield();
    var OneOf = require_oneof();
    var Enum = require_enum();
    var Service = require_service2();
    var Method = require_method();
    var ReflectionObject = require_object();
    var types2 = require_types();
    var util = require_util();
    var base10Re = /^[1-9][0-9]*$/;
    var base10NegRe = /^-?[1-9][0-9]*$/;
    var base16Re = /^0[x][0-9a-fA-F]+$/;
    var base16NegRe = /^-?0[x][0-9a-fA-F]+$/;
    var base8Re = /^0[0-7]+$/;
    var base8NegRe = /^-?0[0-7]+$/;
    var integerTypeRe = /^(?:u?int|sint|s?fixed)(?:32|64)$/;
    var unsignedTypeRe = /^(?:uint|fixed)(?:32|64)$/;
    var numberRe = util.patterns.numberRe;
    var nameRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
    var typeRefRe = util.patterns.typeRefRe;
    var maxFieldId = 536870911;
    var maxEnumId = 2147483647;
    function parse(source, root2, options) {
      if (!(root2 instanceof Root)) {
        options = root2;
        root2 = new Root();
      }
      if (!options)
        options = parse.defaults;
      var preferTrailingComment = options.preferTrailingComment || false;
      var tn = tokenize(source, options.alternateCommentMode || false), next = tn.next, push = tn.push, peek = tn.peek, skip = tn.skip, cmnt = tn.cmnt;
      var head = true, pkg, imports, weakImports, edition = "proto2";
      var ptr = root2;
      var topLevelObjects = [];
      var topLevelOptions = {};
      var applyCase = options.keepCase ? function(name) {
        return name;
      } : util.camelCase;
      function resolveFileFeatures() {
        topLevelObjects.forEach((obj) => {
          obj._edition = edition;
          Object.keys(topLevelOptions).forEach((opt) => {
            if (obj.getOption(opt) !== void 0) return;
            obj.setOption(opt, topLevelOptions[opt], true);
          });
        });
      }
      function illegal(token2, name, insideTryCatch) {
        var filename = parse.filename;
        if (!insideTryCatch)
          parse.filename = null;
        return Error("illegal " + (name || "token") + " '" + token2 + "' (" + (filename ? filename + ", " : "") + "line " + tn.line + ")");
      }
      function readString() {
        var values2 = [], token2;
        do {
          if ((token2 = next()) !== '"' && token2 !== "'")
            throw illegal(token2);
          values2.push(next());
          skip(token2);
          token2 = peek();
        } while (token2 === '"' || token2 === "'");
        return values2.join("");
      }
      function readValue2(acceptTypeRef) {
        var token2 = next();
        switch (token2) {
          case "'":
          case '"':
            push(token2);
            return readString();
          case "true":
          case "TRUE":
            return true;
          case "false":
          case "FALSE":
            return false;
        }
        try {
          return parseNumber(
            token2,
            /* insideTryCatch */
            true
          );
        } catch (e) {
          if (acceptTypeRef && typeRefRe.test(token2))
            return token2;
          throw illegal(token2, "value");
        }
      }
      function readRanges(target, acceptStrings, max, acceptNegative) {
        var token2, start;
        do {
          if (acceptStrings && ((token2 = peek()) === '"' || token2 === "'")) {
            var str = readString();
            target.push(str);
            if (edition >= 2023) {
              throw illegal(str, "id");
            }
          } else {
            try {
              target.push([start = parseId(next(), acceptNegative, max), skip("to", true) ? parseId(next(), acceptNegative, max) : start]);
            } catch (err) {
              if (acceptStrings && typeRefRe.test(token2) && edition >= 2023) {
                target.push(token2);
              } else {
                throw err;
              }
            }
          }
        } while (skip(",", true));
        var dummy = { options: void 0 };
        dummy.setOption = function(name, value) {
          if (this.options === void 0) this.options = {};
          this.options[name] = value;
        };
        ifBlock(
          dummy,
          function parseRange_block(token3) {
            if (token3 === "option") {
              parseOption(dummy, token3);
              skip(";");
            } else
              throw illegal(token3);
          },
          function parseRange_line() {
            parseInlineOptions(dummy);
          }
        );
      }
      function parseNumber(token2, insideTryCatch) {
        var sign = 1;
        if (token2.charAt(0) === "-") {
          sign = -1;
          token2 = token2.substring(1);
        }
        switch (token2) {
          case "inf":
          case "INF":
          case "Inf":
            return sign * Infinity;
          case "nan":
          case "NAN":
          case "Nan":
          case "NaN":
            return NaN;
          case "0":
            return sign * 0;
        }
        if (base10Re.test(token2))
          return sign * parseInt(token2, 10);
        if (base16Re.test(token2))
          return sign * parseInt(token2, 16);
        if (base8Re.test(token2))
          return sign * parseInt(token2, 8);
        if (numberRe.test(token2))
          return sign * parseFloat(token2);
        throw illegal(token2, "number", insideTryCatch);
      }
      function parseInteger(token2, acceptNegative, name) {
        if (token2 === null)
          throw illegal(token2, "end of input");
        if (!acceptNegative && token2.charAt(0) === "-")
          throw illegal(token2, name || "integer");
        if (token2 === "0" || token2 === "-0")
          return 0;
        var value;
        if (base10NegRe.test(token2))
          value = parseInt(token2, 10);
        else if (base16NegRe.test(token2))
          value = parseInt(token2, 16);
        else if (base8NegRe.test(token2))
          value = parseInt(token2, 8);
        else
          throw illegal(token2, name || "integer");
        return value || 0;
      }
      function parseId(token2, acceptNegative, max) {
        switch (token2) {
          case "max":
          case "MAX":
          case "Max":
            return max || maxFieldId;
        }
        return parseInteger(token2, acceptNegative, "id");
      }
      function parsePackage() {
        if (pkg !== void 0)
          throw illegal("package");
        pkg = next();
        if (pkg === null || !typeRefRe.test(pkg))
          throw illegal(pkg, "name");
        ptr = ptr.define(pkg);
        skip(";");
      }
      function parseImport() {
        var token2 = peek();
        var whichImports;
        switch (token2) {
          case "option":
            if (edition < "2024") {
              throw illegal("option");
            }
            next();
            readString();
            skip(";");
            return;
          case "weak":
            whichImports = weakImports || (weakImports = []);
            next();
            break;
          case "public":
            next();
          // eslint-disable-next-line no-fallthrough
          default:
            whichImports = imports || (imports = []);
            break;
        }
        token2 = readString();
        skip(";");
        whichImports.push(token2);
      }
      function parseSyntax() {
        skip("=");
        edition = readString();
        if (edition < 2023)
          throw illegal(edition, "syntax");
        skip(";");
      }
      function parseEdition() {
        skip("=");
        edition = readString();
        const supportedEditions = ["2023", "2024", "2026"];
        if (!supportedEditions.includes(edition))
          throw illegal(edition, "edition");
        skip(";");
      }
      function parseCommon(parent, token2, depth) {
        if (depth === void 0)
          depth = 0;
        switch (token2) {
          case "option":
            parseOption(parent, token2);
            skip(";");
            return true;
          case "message":
            parseType(parent, token2, depth + 1);
            return true;
          case "enum":
            parseEnum(parent, token2);
            return true;
          case "export":
          case "local":
            if (edition < "2024") {
              return false;
            }
            var visibility = token2;
            token2 = next();
            if (token2 === "export" || token2 === "local") {
              return false;
            }
            if (token2 !== "message" && token2 !== "enum") {
              return false;
            }
            (token2 === "message" ? parseType(parent, token2, depth + 1) : parseEnum(parent, token2)).visibility = visibility;
            return true;
          case "service":
            parseService(parent, token2, depth + 1);
            return true;
          case "extend":
            parseExtension(parent, token2, depth);
            return true;
        }
        return false;
      }
      function ifBlock(obj, fnIf, fnElse) {
        var trailingLine = tn.line;
        if (obj) {
          if (typeof obj.comment !== "string") {
            obj.comment = cmnt();
          }
          obj.filename = parse.filename;
        }
        if (skip("{", true)) {
          var token2;
          while ((token2 = next()) !== "}")
            fnIf(token2);
          skip(";", true);
        } else {
          if (fnElse)
            fnElse();
          skip(";");
          if (obj && (typeof obj.comment !== "string" || preferTrailingComment))
            obj.comment = cmnt(trailingLine) || obj.comment;
        }
      }
      function parseType(parent, token2, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.nestingLimit)
          throw Error("max depth exceeded");
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "type name");
        var type = new Type(token2);
        ifBlock(type, function parseType_block(token3) {
          if (parseCommon(type, token3, depth))
            return;
          switch (token3) {
            case ";":
              break;
            case "map":
              parseMapField(type, token3);
              break;
            case "required":
              if (edition !== "proto2")
                throw illegal(token3);
            /* eslint-disable no-fallthrough */
            case "repeated":
              parseField(type, token3, void 0, depth + 1);
              break;
            case "optional":
              if (edition === "proto3") {
                parseField(type, "proto3_optional", void 0, depth + 1);
              } else if (edition !== "proto2") {
                throw illegal(token3);
              } else {
                parseField(type, "optional", void 0, depth + 1);
              }
              break;
            case "oneof":
              parseOneOf(type, token3, depth + 1);
              break;
            case "extensions":
              readRanges(type.extensions || (type.extensions = []));
              break;
            case "reserved":
              readRanges(type.reserved || (type.reserved = []), true);
              break;
            default:
              if (edition === "proto2" || !typeRefRe.test(token3)) {
                throw illegal(token3);
              }
              push(token3);
              parseField(type, "optional", void 0, depth + 1);
              break;
          }
        });
        parent.add(type);
        if (parent === ptr) {
          topLevelObjects.push(type);
        }
        return type;
      }
      function parseField(parent, rule, extend, depth) {
        var type = next();
        if (type === null) {
          throw illegal(type, "end of input");
        }
        if (type === "group") {
          parseGroup(parent, rule, extend, depth);
          return;
        }
        while (type.endsWith(".") || (peek() || "").startsWith(".")) {
          var part = next();
          if (part === null) {
            throw illegal(part, "end of input");
          }
          type += part;
        }
        if (!typeRefRe.test(type))
          throw illegal(type, "type");
        var name = next();
        if (name === null) {
          throw illegal(name, "end of input");
        }
        if (!nameRe.test(name))
          throw illegal(name, "name");
        var protoName = name;
        name = applyCase(name);
        skip("=");
        var field = new Field(name, parseId(next()), type, rule === "proto3_optional" ? "optional" : rule, extend);
        if (protoName !== name)
          field.protoName = protoName;
        ifBlock(field, function parseField_block(token2) {
          if (token2 === "option") {
            parseOption(field, token2);
            skip(";");
          } else
            throw illegal(token2);
        }, function parseField_line() {
          parseInlineOptions(field);
        });
        if (rule === "proto3_optional") {
          var oneof = new OneOf("_" + name);
          field.setOption("proto3_optional", true);
          oneof.add(field);
          parent.add(oneof);
        } else {
          parent.add(field);
        }
        if (parent === ptr) {
          topLevelObjects.push(field);
        }
      }
      function parseGroup(parent, rule, extend, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.nestingLimit)
          throw Error("max depth exceeded");
        if (edition >= 2023) {
          throw illegal("group");
        }
        var name = next();
        if (name === null || !nameRe.test(name))
          throw illegal(name, "name");
        var fieldName = util.lcFirst(name);
        if (name === fieldName)
          name = util.ucFirst(name);
        skip("=");
        var id = parseId(next());
        var type = new Type(name);
        type.group = true;
        var field = new Field(fieldName, id, name, rule, extend);
        field.filename = parse.filename;
        ifBlock(type, function parseGroup_block(token2) {
          switch (token2) {
            case ";":
              break;
            case "map":
              parseMapField(type);
              break;
            case "option":
              parseOption(type, token2);
              skip(";");
              break;
            case "required":
            case "repeated":
              parseField(type, token2, void 0, depth + 1);
              break;
            case "optional":
              if (edition === "proto3") {
                parseField(type, "proto3_optional", void 0, depth + 1);
              } else {
                parseField(type, "optional", void 0, depth + 1);
              }
              break;
            case "message":
              parseType(type, token2, depth + 1);
              break;
            case "enum":
              parseEnum(type, token2);
              break;
            case "reserved":
              readRanges(type.reserved || (type.reserved = []), true);
              break;
            case "export":
            case "local":
              if (edition < "2024") {
                throw illegal(token2);
              }
              token2 = next();
              switch (token2) {
                case "message":
                  parseType(type, token2, depth + 1);
                  break;
                case "enum":
                  parseType(type, token2, depth + 1);
                  break;
                default:
                  throw illegal(token2);
              }
              break;
            /* istanbul ignore next */
            default:
              throw illegal(token2);
          }
        });
        parent.add(type).add(field);
        if (parent === ptr) {
          topLevelObjects.push(type);
          topLevelObjects.push(field);
        }
      }
      function parseMapField(parent) {
        skip("<");
        var keyType = next();
        if (types2.mapKey[keyType] === void 0)
          throw illegal(keyType, "type");
        skip(",");
        var valueType = next();
        if (!typeRefRe.test(valueType))
          throw illegal(valueType, "type");
        skip(">");
        var name = next();
        if (name === null || !nameRe.test(name))
          throw illegal(name, "name");
        skip("=");
        var protoName = name;
        name = applyCase(name);
        var field = new MapField(name, parseId(next()), keyType, valueType);
        if (protoName !== name)
          field.protoName = protoName;
        ifBlock(field, function parseMapField_block(token2) {
          if (token2 === "option") {
            parseOption(field, token2);
            skip(";");
          } else
            throw illegal(token2);
        }, function parseMapField_line() {
          parseInlineOptions(field);
        });
        parent.add(field);
      }
      function parseOneOf(parent, token2, depth) {
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "name");
        var oneof = new OneOf(applyCase(token2));
        ifBlock(oneof, function parseOneOf_block(token3) {
          if (token3 === "option") {
            parseOption(oneof, token3);
            skip(";");
          } else {
            push(token3);
            parseField(oneof, "optional", void 0, depth);
          }
        });
        parent.add(oneof);
      }
      function parseEnum(parent, token2) {
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "name");
        var enm = new Enum(token2), values2 = [];
        ifBlock(enm, function parseEnum_block(token3) {
          switch (token3) {
            case ";":
              break;
            case "option":
              parseOption(enm, token3);
              skip(";");
              break;
            case "reserved":
              readRanges(enm.reserved || (enm.reserved = []), true, maxEnumId, true);
              if (enm.reserved === void 0) enm.reserved = [];
              break;
            default:
              values2.push(parseEnumValue(token3));
          }
        });
        for (var i = 0; i < values2.length; ++i)
          enm.add(values2[i].name, values2[i].id, values2[i].comment, values2[i].options);
        parent.add(enm);
        if (parent === ptr) {
          topLevelObjects.push(enm);
        }
        return enm;
      }
      function parseEnumValue(token2) {
        if (!nameRe.test(token2))
          throw illegal(token2, "name");
        skip("=");
        var value = parseId(next(), true), dummy = {
          options: void 0
        };
        dummy.getOption = function(name) {
          return this.options[name];
        };
        dummy.setOption = function(name, value2) {
          ReflectionObject.prototype.setOption.call(dummy, name, value2);
        };
        dummy.setParsedOption = function() {
          return void 0;
        };
        ifBlock(dummy, function parseEnumValue_block(token3) {
          if (token3 === "option") {
            parseOption(dummy, token3);
            skip(";");
          } else
            throw illegal(token3);
        }, function parseEnumValue_line() {
          parseInlineOptions(dummy);
        });
        return {
          name: token2,
          id: value,
          comment: dummy.comment,
          options: dummy.parsedOptions || dummy.options
        };
      }
      function parseOption(parent, token2) {
        var option;
        var propName;
        var isOption = true;
        if (token2 === "option") {
          token2 = next();
        }
        while (token2 !== "=") {
          if (token2 === null) {
            throw illegal(token2, "end of input");
          }
          if (token2 === "(") {
            var parensValue = next();
            skip(")");
            token2 = "(" + parensValue + ")";
          }
          if (isOption) {
            isOption = false;
            if (token2.includes(".") && !token2.includes("(")) {
              var tokens = token2.split(".");
              option = tokens[0] + ".";
              token2 = tokens[1];
              continue;
            }
            option = token2;
          } else {
            propName = propName ? propName += token2 : token2;
          }
          token2 = next();
        }
        var name = propName ? option.concat(propName) : option;
        var optionValue = parseOptionValue(parent, name);
        propName = propName && propName[0] === "." ? propName.slice(1) : propName;
        option = option && option[option.length - 1] === "." ? option.slice(0, -1) : option;
        setParsedOption(parent, option, optionValue, propName);
      }
      function parseOptionValue(parent, name, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if (skip("{", true)) {
          var objectResult = {};
          while (!skip("}", true)) {
            token = next();
            var propName;
            if (token === null)
              throw illegal(token, "end of input");
            if (token === "[") {
              token = next();
              var slash = token === null ? -1 : token.lastIndexOf("/");
              if (token === null || !typeRefRe.test(slash < 0 ? token : token.slice(slash + 1)))
                throw illegal(token, "name");
              propName = "[" + token + "]";
              skip("]");
            } else {
              if (!nameRe.test(token)) {
                throw illegal(token, "name");
              }
              propName = token;
            }
            var value;
            skip(":", true);
            if (peek() === "{") {
              value = parseOptionValue(parent, name + "." + propName, depth + 1);
            } else if (peek() === "[") {
              value = [];
              var lastValue, lastValueIsAggregate;
              if (skip("[", true)) {
                if (!skip("]", true)) {
                  do {
                    lastValueIsAggregate = peek() === "{";
                    lastValue = lastValueIsAggregate ? parseOptionValue(parent, name + "." + propName, depth + 1) : readValue2(true);
                    value.push(lastValue);
                  } while (skip(",", true));
                  skip("]");
                  if (typeof lastValue !== "undefined") {
                    if (!lastValueIsAggregate)
                      setOption(parent, name + "." + propName, lastValue);
                  }
                }
              }
            } else {
              value = readValue2(true);
              setOption(parent, name + "." + propName, value);
            }
            var prevValue = Object.prototype.hasOwnProperty.call(objectResult, propName) ? objectResult[propName] : void 0;
            if (prevValue)
              value = [].concat(prevValue).concat(value);
            if (propName !== "__proto__")
              objectResult[propName] = value;
            skip(",", true);
            skip(";", true);
          }
          return objectResult;
        }
        var simpleValue = name === "default" && parent instanceof Field && integerTypeRe.test(parent.type) ? parseInteger(next(), !unsignedTypeRe.test(parent.type)) : readValue2(true);
        setOption(parent, name, simpleValue);
        return simpleValue;
      }
      function setOption(parent, name, value) {
        if (ptr === parent && /^features\./.test(name)) {
          topLevelOptions[name] = value;
          return;
        }
        if (name === "json_name" && parent instanceof Field) {
          parent.jsonName = value;
        }
        if (parent.setOption)
          parent.setOption(name, value);
      }
      function setParsedOption(parent, name, value, propName) {
        if (parent.setParsedOption)
          parent.setParsedOption(name, value, propName);
      }
      function parseInlineOptions(parent) {
        if (skip("[", true)) {
          do {
            parseOption(parent, "option");
          } while (skip(",", true));
          skip("]");
        }
        return parent;
      }
      function parseService(parent, token2, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if ((token2 = next()) === null || !nameRe.test(token2))
          throw illegal(token2, "service name");
        var service = new Service(token2);
        ifBlock(service, function parseService_block(token3) {
          if (parseCommon(service, token3, depth)) {
            return;
          }
          if (token3 === ";")
            return;
          if (token3 === "rpc")
            parseMethod(service, token3);
          else
            throw illegal(token3);
        });
        parent.add(service);
        if (parent === ptr) {
          topLevelObjects.push(service);
        }
      }
      function parseMethod(parent, token2) {
        var commentText = cmnt();
        var type = token2;
        if (!nameRe.test(token2 = next()))
          throw illegal(token2, "name");
        var name = token2, requestType, requestStream, responseType, responseStream;
        skip("(");
        if (skip("stream", true))
          requestStream = true;
        if (!typeRefRe.test(token2 = next()))
          throw illegal(token2);
        requestType = token2;
        skip(")");
        skip("returns");
        skip("(");
        if (skip("stream", true))
          responseStream = true;
        if (!typeRefRe.test(token2 = next()))
          throw illegal(token2);
        responseType = token2;
        skip(")");
        var method = new Method(name, type, requestType, responseType, requestStream, responseStream);
        method.comment = commentText;
        ifBlock(method, function parseMethod_block(token3) {
          if (token3 === ";")
            return;
          if (token3 === "option") {
            parseOption(method, token3);
            skip(";");
          } else
            throw illegal(token3);
        });
        parent.add(method);
      }
      function parseExtension(parent, token2, depth) {
        if ((token2 = next()) === null || !typeRefRe.test(token2))
          throw illegal(token2, "reference");
        var reference = token2;
        ifBlock(null, function parseExtension_block(token3) {
          switch (token3) {
            case "required":
            case "repeated":
              parseField(parent, token3, reference, depth + 1);
              break;
            case "optional":
              if (edition === "proto3") {
                parseField(parent, "proto3_optional", reference, depth + 1);
              } else {
                parseField(parent, "optional", reference, depth + 1);
              }
              break;
            default:
              if (edition === "proto2" || !typeRefRe.test(token3))
                throw illegal(token3);
              push(token3);
              parseField(parent, "optional", reference, depth + 1);
              break;
          }
        });
      }
      var token;
      while ((token = next()) !== null) {
        switch (token) {
          case ";":
            break;
          case "package":
            if (!head)
              throw illegal(token);
            parsePackage();
            break;
          case "import":
            parseImport();
            break;
          case "syntax":
            if (!head)
              throw illegal(token);
            parseSyntax();
            break;
          case "edition":
            if (!head)
              throw illegal(token);
            parseEdition();
            break;
          case "option":
            parseOption(ptr, token);
            skip(";", true);
            break;
          default:
            if (parseCommon(ptr, token, 0)) {
              head = false;
              continue;
            }
            throw illegal(token);
        }
      }
      resolveFileFeatures();
      parse.filename = null;
      return {
        "package": pkg,
        "imports": imports,
        weakImports,
        root: root2
      };
    }
  }
});

// node_modules/protobufjs/src/common.js
var require_common = __commonJS({
  "node_modules/protobufjs/src/common.js"(exports, module) {
    "use strict";
    module.exports = common;
    var commonRe = /\/|\./;
    function common(name, json) {
      if (!commonRe.test(name)) {
        name = "google/protobuf/" + name + ".proto";
        json = { nested: { google: { nested: { protobuf: { nested: json } } } } };
      }
      common[name] = json;
    }
    common("any", {
      /**
       * Properties of a google.protobuf.Any message.
       * @interface IAny
       * @type {Object}
       * @property {string} [typeUrl]
       * @property {Uint8Array} [bytes]
       * @memberof common
       */
      Any: {
        fields: {
          type_url: {
            type: "string",
            id: 1
          },
          value: {
            type: "bytes",
            id: 2
          }
        }
      }
    });
    var timeType;
    common("duration", {
      /**
       * Properties of a google.protobuf.Duration message.
       * @interface IDuration
       * @type {Object}
       * @property {number|Long} [seconds]
       * @property {number} [nanos]
       * @memberof common
       */
      Duration: timeType = {
        fields: {
          seconds: {
            type: "int64",
            id: 1
          },
          nanos: {
            type: "int32",
            id: 2
          }
        }
      }
    });
    common("timestamp", {
      /**
       * Properties of a google.protobuf.Timestamp message.
       * @interface ITimestamp
       * @type {Object}
       * @property {number|Long} [seconds]
       * @property {number} [nanos]
       * @memberof common
       */
      Timestamp: timeType
    });
    common("empty", {
      /**
       * Properties of a google.protobuf.Empty message.
       * @interface IEmpty
       * @memberof common
       */
      Empty: {
        fields: {}
      }
    });
    common("struct", {
      /**
       * Properties of a google.protobuf.Struct message.
       * @interface IStruct
       * @type {Object}
       * @property {Object.<string,IValue>} [fields]
       * @memberof common
       */
      Struct: {
        fields: {
          fields: {
            keyType: "string",
            type: "Value",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.Value message.
       * @interface IValue
       * @type {Object}
       * @property {string} [kind]
       * @property {0} [nullValue]
       * @property {number} [numberValue]
       * @property {string} [stringValue]
       * @property {boolean} [boolValue]
       * @property {IStruct} [structValue]
       * @property {IListValue} [listValue]
       * @memberof common
       */
      Value: {
        oneofs: {
          kind: {
            oneof: [
              "nullValue",
              "numberValue",
              "stringValue",
              "boolValue",
              "structValue",
              "listValue"
            ]
          }
        },
        fields: {
          nullValue: {
            type: "NullValue",
            id: 1,
            protoName: "null_value"
          },
          numberValue: {
            type: "double",
            id: 2,
            protoName: "number_value"
          },
          stringValue: {
            type: "string",
            id: 3,
            protoName: "string_value"
          },
          boolValue: {
            type: "bool",
            id: 4,
            protoName: "bool_value"
          },
          structValue: {
            type: "Struct",
            id: 5,
            protoName: "struct_value"
          },
          listValue: {
            type: "ListValue",
            id: 6,
            protoName: "list_value"
          }
        }
      },
      NullValue: {
        values: {
          NULL_VALUE: 0
        }
      },
      /**
       * Properties of a google.protobuf.ListValue message.
       * @interface IListValue
       * @type {Object}
       * @property {Array.<IValue>} [values]
       * @memberof common
       */
      ListValue: {
        fields: {
          values: {
            rule: "repeated",
            type: "Value",
            id: 1
          }
        }
      }
    });
    common("wrappers", {
      /**
       * Properties of a google.protobuf.DoubleValue message.
       * @interface IDoubleValue
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      DoubleValue: {
        fields: {
          value: {
            type: "double",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.FloatValue message.
       * @interface IFloatValue
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      FloatValue: {
        fields: {
          value: {
            type: "float",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.Int64Value message.
       * @interface IInt64Value
       * @type {Object}
       * @property {number|Long} [value]
       * @memberof common
       */
      Int64Value: {
        fields: {
          value: {
            type: "int64",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.UInt64Value message.
       * @interface IUInt64Value
       * @type {Object}
       * @property {number|Long} [value]
       * @memberof common
       */
      UInt64Value: {
        fields: {
          value: {
            type: "uint64",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.Int32Value message.
       * @interface IInt32Value
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      Int32Value: {
        fields: {
          value: {
            type: "int32",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.UInt32Value message.
       * @interface IUInt32Value
       * @type {Object}
       * @property {number} [value]
       * @memberof common
       */
      UInt32Value: {
        fields: {
          value: {
            type: "uint32",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.BoolValue message.
       * @interface IBoolValue
       * @type {Object}
       * @property {boolean} [value]
       * @memberof common
       */
      BoolValue: {
        fields: {
          value: {
            type: "bool",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.StringValue message.
       * @interface IStringValue
       * @type {Object}
       * @property {string} [value]
       * @memberof common
       */
      StringValue: {
        fields: {
          value: {
            type: "string",
            id: 1
          }
        }
      },
      /**
       * Properties of a google.protobuf.BytesValue message.
       * @interface IBytesValue
       * @type {Object}
       * @property {Uint8Array} [value]
       * @memberof common
       */
      BytesValue: {
        fields: {
          value: {
            type: "bytes",
            id: 1
          }
        }
      }
    });
    common("field_mask", {
      /**
       * Properties of a google.protobuf.FieldMask message.
       * @interface IFieldMask
       * @type {Object}
       * @property {string[]} [paths]
       * @memberof common
       */
      FieldMask: {
        fields: {
          paths: {
            rule: "repeated",
            type: "string",
            id: 1
          }
        }
      }
    });
    common.get = function get2(file) {
      return common[file] || null;
    };
  }
});

// node_modules/protobufjs/src/index.js
var require_src = __commonJS({
  "node_modules/protobufjs/src/index.js"(exports, module) {
    "use strict";
    exports = module.exports = require_index_light();
    exports.build = "full";
    exports.tokenize = require_tokenize();
    exports.parse = require_parse();
    exports.common = require_common();
    exports.Root._configure(exports.Type, exports.parse, exports.common);
  }
});

// node_modules/protobufjs/index.js
var require_protobufjs = __commonJS({
  "node_modules/protobufjs/index.js"(exports, module) {
    "use strict";
    module.exports = require_src();
  }
});

// src/onnx/schema.ts
function onnxRoot() {
  if (!root) {
    root = import_protobufjs.default.parse(ONNX_PROTO, { keepCase: true }).root;
    root.resolveAll();
  }
  return root;
}
var import_protobufjs, ONNX_PROTO, root;
var init_schema = __esm({
  "src/onnx/schema.ts"() {
    "use strict";
    import_protobufjs = __toESM(require_protobufjs(), 1);
    ONNX_PROTO = `
syntax = "proto2";
package onnx;

message AttributeProto {
  enum AttributeType {
    UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5; SPARSE_TENSOR = 11; TYPE_PROTO = 13;
    FLOATS = 6; INTS = 7; STRINGS = 8; TENSORS = 9; GRAPHS = 10; SPARSE_TENSORS = 12; TYPE_PROTOS = 14;
  }
  optional string name = 1;
  optional string ref_attr_name = 21;
  optional string doc_string = 13;
  optional AttributeType type = 20;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  optional TensorProto t = 5;
  optional GraphProto g = 6;
  optional SparseTensorProto sparse_tensor = 22;
  optional TypeProto tp = 14;
  repeated float floats = 7;
  repeated int64 ints = 8;
  repeated bytes strings = 9;
  repeated TensorProto tensors = 10;
  repeated GraphProto graphs = 11;
  repeated SparseTensorProto sparse_tensors = 23;
  repeated TypeProto type_protos = 15;
}

message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
  optional string doc_string = 3;
  repeated StringStringEntryProto metadata_props = 4;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  optional string domain = 7;
  optional string overload = 8;
  repeated AttributeProto attribute = 5;
  optional string doc_string = 6;
  repeated StringStringEntryProto metadata_props = 9;
  repeated NodeDeviceConfigurationProto device_configurations = 10;
}

message IntIntListEntryProto {
  optional int64 key = 1;
  repeated int64 value = 2;
}

message NodeDeviceConfigurationProto {
  optional string configuration_id = 1;
  repeated ShardingSpecProto sharding_spec = 2;
  optional int32 pipeline_stage = 3;
}

message ShardingSpecProto {
  optional string tensor_name = 1;
  repeated int64 device = 2;
  repeated IntIntListEntryProto index_to_device_group_map = 3;
  repeated ShardedDimProto sharded_dim = 4;
}

message ShardedDimProto {
  optional int64 axis = 1;
  repeated SimpleShardedDimProto simple_sharding = 2;
}

message SimpleShardedDimProto {
  oneof dim {
    int64 dim_value = 1;
    string dim_param = 2;
  }
  optional int64 num_shards = 3;
}

message TrainingInfoProto {
  optional GraphProto initialization = 1;
  optional GraphProto algorithm = 2;
  repeated StringStringEntryProto initialization_binding = 3;
  repeated StringStringEntryProto update_binding = 4;
}

message ModelProto {
  optional int64 ir_version = 1;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional string domain = 4;
  optional int64 model_version = 5;
  optional string doc_string = 6;
  optional GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
  repeated StringStringEntryProto metadata_props = 14;
  repeated TrainingInfoProto training_info = 20;
  repeated FunctionProto functions = 25;
  repeated DeviceConfigurationProto configuration = 26;
}

message DeviceConfigurationProto {
  optional string name = 1;
  optional int32 num_devices = 2;
  repeated string device = 3;
}

message StringStringEntryProto {
  optional string key = 1;
  optional string value = 2;
}

message TensorAnnotation {
  optional string tensor_name = 1;
  repeated StringStringEntryProto quant_parameter_tensor_names = 2;
}

message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  optional string doc_string = 10;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
  repeated ValueInfoProto value_info = 13;
  repeated TensorAnnotation quantization_annotation = 14;
  repeated SparseTensorProto sparse_initializer = 15;
  repeated StringStringEntryProto metadata_props = 16;
}

message TensorProto {
  enum DataType {
    UNDEFINED = 0; FLOAT = 1; UINT8 = 2; INT8 = 3; UINT16 = 4; INT16 = 5; INT32 = 6; INT64 = 7; STRING = 8;
    BOOL = 9; FLOAT16 = 10; DOUBLE = 11; UINT32 = 12; UINT64 = 13; COMPLEX64 = 14; COMPLEX128 = 15;
    BFLOAT16 = 16; FLOAT8E4M3FN = 17; FLOAT8E4M3FNUZ = 18; FLOAT8E5M2 = 19; FLOAT8E5M2FNUZ = 20;
    UINT4 = 21; INT4 = 22; FLOAT4E2M1 = 23; FLOAT8E8M0 = 24; UINT2 = 25; INT2 = 26;
  }
  message Segment {
    optional int64 begin = 1;
    optional int64 end = 2;
  }
  enum DataLocation { DEFAULT = 0; EXTERNAL = 1; }
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  optional Segment segment = 3;
  repeated float float_data = 4 [packed = true];
  repeated int32 int32_data = 5 [packed = true];
  repeated bytes string_data = 6;
  repeated int64 int64_data = 7 [packed = true];
  optional string name = 8;
  optional bytes raw_data = 9;
  repeated double double_data = 10 [packed = true];
  repeated uint64 uint64_data = 11 [packed = true];
  optional string doc_string = 12;
  repeated StringStringEntryProto external_data = 13;
  optional DataLocation data_location = 14;
  repeated StringStringEntryProto metadata_props = 16;
}

message SparseTensorProto {
  optional TensorProto values = 1;
  optional TensorProto indices = 2;
  repeated int64 dims = 3;
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
    optional string denotation = 3;
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  message Sequence {
    optional TypeProto elem_type = 1;
  }
  message Map {
    optional int32 key_type = 1;
    optional TypeProto value_type = 2;
  }
  message Optional {
    optional TypeProto elem_type = 1;
  }
  message SparseTensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  message Opaque {
    optional string domain = 1;
    optional string name = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
    Sequence sequence_type = 4;
    Map map_type = 5;
    Opaque opaque_type = 7;
    SparseTensor sparse_tensor_type = 8;
    Optional optional_type = 9;
  }
  optional string denotation = 6;
}

message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}

message FunctionProto {
  optional string name = 1;
  repeated string input = 4;
  repeated string output = 5;
  repeated string attribute = 6;
  repeated NodeProto node = 7;
  optional string doc_string = 8;
  repeated OperatorSetIdProto opset_import = 9;
  optional string domain = 10;
  repeated AttributeProto attribute_proto = 11;
  repeated ValueInfoProto value_info = 12;
  optional string overload = 13;
  repeated StringStringEntryProto metadata_props = 14;
}
`;
  }
});

// src/onnx/codec.ts
function wireOf(kind) {
  switch (kind) {
    case "float":
      return 5;
    case "double":
      return 1;
    case "string":
    case "bytes":
    case "message":
      return 2;
    default:
      return 0;
  }
}
function tagBytes(id, wire) {
  const out = [];
  let v = id << 3 | wire;
  while (v > 127) {
    out.push(v & 127 | 128);
    v >>>= 7;
  }
  out.push(v);
  return Uint8Array.from(out);
}
function typeInfo(fullName) {
  const known = types.get(fullName);
  if (known) return known;
  const t = onnxRoot().lookupType(fullName);
  const info = { name: fullName, fields: [], byId: /* @__PURE__ */ new Map(), repeatedKeys: [] };
  types.set(fullName, info);
  for (const f of t.fieldsArray) {
    f.resolve();
    const qualified = `${fullName}.${f.name}`;
    let kind;
    let msg;
    if (f.resolvedType instanceof import_protobufjs2.default.Type) {
      kind = "message";
      msg = typeInfo(f.resolvedType.fullName.replace(/^\./, ""));
    } else if (f.resolvedType instanceof import_protobufjs2.default.Enum) {
      kind = "enum";
    } else {
      switch (f.type) {
        case "int32":
          kind = "int32";
          break;
        case "int64":
          kind = BIGINT_FIELDS.has(qualified) || TYPED_FIELDS[qualified] ? "int64b" : "int64n";
          break;
        case "uint64":
          kind = "uint64b";
          break;
        case "float":
          kind = "float";
          break;
        case "double":
          kind = "double";
          break;
        case "string":
          kind = "string";
          break;
        case "bytes":
          kind = "bytes";
          break;
        default:
          throw new Error(`schema: unsupported field type ${f.type} in ${qualified}`);
      }
    }
    const packed = f.repeated && f.packed && wireOf(kind) !== 2;
    const field = {
      id: f.id,
      key: camel(f.name),
      kind,
      repeated: f.repeated,
      packed,
      msg,
      typed: TYPED_FIELDS[qualified],
      tag: tagBytes(f.id, packed ? 2 : wireOf(kind))
    };
    info.fields.push(field);
    info.byId.set(f.id, field);
    if (f.repeated && !field.typed) info.repeatedKeys.push(field.key);
  }
  info.fields.sort((a, b) => a.id - b.id);
  return info;
}
function readVarint64(r) {
  const buf = r.buf;
  let lo = 0, hi = 0, shift = 0, i = 0;
  for (; ; ) {
    if (r.pos >= r.len) throw new RangeError("index out of range");
    const b = buf[r.pos++];
    if (i < 4) lo |= (b & 127) << shift;
    else if (i === 4) {
      lo |= (b & 15) << 28;
      hi |= (b & 127) >> 4;
    } else hi |= (b & 127) << shift - 32;
    shift += 7;
    i++;
    if (b < 128) break;
    if (i >= 10) throw new OnnxFormatError("varint longer than 10 bytes");
  }
  return [lo >>> 0, hi >>> 0];
}
function toBigInt(lo, hi, signed) {
  const v = BigInt(hi) << 32n | BigInt(lo);
  return signed ? BigInt.asIntN(64, v) : v;
}
function toSafeNumber(lo, hi, where) {
  if (hi & 2147483648) {
    const nlo = ~lo + 1 >>> 0;
    const nhi = ~hi + (nlo === 0 ? 1 : 0) >>> 0;
    const v2 = nhi * TWO32 + nlo;
    if (v2 > Number.MAX_SAFE_INTEGER) throw new OnnxFormatError(`${where}: int64 value beyond \xB12^53`);
    return -v2;
  }
  const v = hi * TWO32 + lo;
  if (v > Number.MAX_SAFE_INTEGER) throw new OnnxFormatError(`${where}: int64 value beyond \xB12^53`);
  return v;
}
function readScalar(r, f, where) {
  switch (f.kind) {
    case "int32":
    case "enum":
      return r.int32();
    case "int64n": {
      const [lo, hi] = readVarint64(r);
      return toSafeNumber(lo, hi, where);
    }
    case "int64b": {
      const [lo, hi] = readVarint64(r);
      return toBigInt(lo, hi, true);
    }
    case "uint64b": {
      const [lo, hi] = readVarint64(r);
      return toBigInt(lo, hi, false);
    }
    case "float":
      return r.float();
    case "double":
      return r.double();
    case "string":
      return r.string();
    case "bytes":
      return r.bytes();
    default:
      throw new Error("unreachable");
  }
}
function countVarints(buf, start, end) {
  let n = 0;
  for (let i = start; i < end; i++) if (buf[i] < 128) n++;
  return n;
}
function readPackedTyped(r, f, len, where) {
  const start = r.pos;
  const end = start + len;
  const buf = r.buf;
  switch (f.typed ?? f.kind) {
    case "f32":
    case "float":
    case "f64":
    case "double": {
      const width = f.typed === "f64" || f.kind === "double" ? 8 : 4;
      if (len % width) throw new OnnxFormatError(`${where}: packed length ${len} not a multiple of ${width}`);
      const out = width === 4 ? new Float32Array(len / 4) : new Float64Array(len / 8);
      new Uint8Array(out.buffer).set(buf.subarray(start, end));
      r.pos = end;
      return out;
    }
    default: {
      const n = countVarints(buf, start, end);
      let out;
      if (f.typed === "i32") out = new Int32Array(n);
      else if (f.typed === "i64") out = new BigInt64Array(n);
      else if (f.typed === "u64") out = new BigUint64Array(n);
      else out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = readScalar(r, f, where);
      if (r.pos !== end) throw new OnnxFormatError(`${where}: packed field overruns its length`);
      return out;
    }
  }
}
function named(e, t, buf, start, end) {
  if (!(e instanceof OnnxFormatError) || NAMED.has(e)) return e;
  const nameField = t.fields.find((f) => f.key === "name" && f.kind === "string" && !f.repeated);
  if (!nameField) return e;
  let name;
  try {
    const r = import_protobufjs2.default.Reader.create(buf.subarray(0, end));
    r.pos = start;
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag >>> 3 === nameField.id && (tag & 7) === 2) {
        name = r.string();
        break;
      }
      r.skipType(tag & 7);
    }
  } catch {
    return e;
  }
  if (!name) return e;
  const own = `${t.name}.`;
  const message = e.message.startsWith(own) ? e.message.slice(own.length) : e.message;
  const out = new OnnxFormatError(`${t.name.replace(/^onnx\./, "")} '${name}': ${message}`);
  NAMED.add(out);
  return out;
}
function decodeInto(r, end, t, depth) {
  if (depth > MAX_MESSAGE_DEPTH) throw new OnnxFormatError(`messages nested deeper than ${MAX_MESSAGE_DEPTH} levels`);
  const obj = {};
  for (const k of t.repeatedKeys) obj[k] = [];
  let pendingTyped;
  while (r.pos < end) {
    const start = r.pos;
    const tag = r.uint32();
    const id = tag >>> 3;
    const wire = tag & 7;
    const f = t.byId.get(id);
    if (id === 0) throw new OnnxFormatError(`invalid field number 0 in ${t.name} at byte ${start}`);
    if (!f || !wireCompatible(f, wire)) {
      r.skipType(wire);
      if (r.pos > end) throw new RangeError("index out of range");
      (obj.$unknown ??= []).push(r.buf.subarray(start, r.pos));
      continue;
    }
    const where = `${t.name}.${f.key}`;
    if (f.kind === "message") {
      const len = r.uint32();
      const subEnd = r.pos + len;
      if (subEnd > end) throw new OnnxFormatError(`${where}: length ${len} runs past the end of its parent at byte ${start}`);
      const subStart = r.pos;
      let value;
      try {
        value = decodeInto(r, subEnd, f.msg, depth + 1);
      } catch (e) {
        throw named(e, f.msg, r.buf, subStart, subEnd);
      }
      if (f.repeated) obj[f.key].push(value);
      else obj[f.key] = value;
      continue;
    }
    if (f.repeated) {
      if (wire === 2 && f.kind !== "string" && f.kind !== "bytes") {
        const len = r.uint32();
        if (r.pos + len > end) throw new OnnxFormatError(`${where}: length ${len} runs past the end at byte ${start}`);
        const arr = readPackedTyped(r, f, len, where);
        if (f.typed) {
          const list = (pendingTyped ??= /* @__PURE__ */ new Map()).get(f);
          if (list) list.push(...Array.from(arr));
          else pendingTyped.set(f, [arr]);
        } else {
          const target = obj[f.key];
          for (let i = 0; i < arr.length; i++) target.push(arr[i]);
        }
      } else {
        const v = readScalar(r, f, where);
        if (f.typed) {
          const list = (pendingTyped ??= /* @__PURE__ */ new Map()).get(f);
          if (list) list.push(v);
          else pendingTyped.set(f, [v]);
        } else obj[f.key].push(v);
      }
      if (r.pos > end) throw new RangeError("index out of range");
      continue;
    }
    obj[f.key] = readScalar(r, f, where);
    if (r.pos > end) throw new OnnxFormatError(`${where}: value runs past the end of its message at byte ${start}`);
  }
  if (r.pos !== end) throw new OnnxFormatError(`${t.name}: message overruns its length`);
  if (pendingTyped) {
    for (const [f, parts] of pendingTyped) obj[f.key] = joinTyped(f.typed, parts);
  }
  return obj;
}
function joinTyped(typed, parts) {
  if (parts.length === 1 && ArrayBuffer.isView(parts[0])) return parts[0];
  const flat = [];
  for (const p of parts) {
    if (ArrayBuffer.isView(p)) flat.push(...Array.from(p));
    else flat.push(p);
  }
  switch (typed) {
    case "f32":
      return Float32Array.from(flat);
    case "f64":
      return Float64Array.from(flat);
    case "i32":
      return Int32Array.from(flat);
    case "i64":
      return BigInt64Array.from(flat);
    case "u64":
      return BigUint64Array.from(flat);
  }
}
function wireCompatible(f, wire) {
  const expected = wireOf(f.kind);
  if (wire === expected) return true;
  return f.repeated && f.kind !== "string" && f.kind !== "bytes" && f.kind !== "message" && wire === 2;
}
function decodeType(bytes, typeName) {
  const r = import_protobufjs2.default.Reader.create(bytes);
  try {
    return decodeInto(r, r.len, typeInfo(typeName), 0);
  } catch (e) {
    if (e instanceof OnnxFormatError) throw e;
    if (e instanceof RangeError) {
      throw new OnnxFormatError(`truncated or corrupt protobuf (read past the end near byte ${r.pos} of ${r.len})`);
    }
    if (e instanceof Error && /invalid (wire type|tag|varint|length|end group)|illegal|index out of range|max depth exceeded/i.test(e.message)) {
      throw new OnnxFormatError(`corrupt protobuf near byte ${r.pos}: ${e.message}`);
    }
    throw e;
  }
}
function decodeModel(bytes) {
  return decodeType(bytes, "onnx.ModelProto");
}
function decodeTensor(bytes) {
  return decodeType(bytes, "onnx.TensorProto");
}
function varintSize(v) {
  if (v < 0) return 10;
  if (v < 128) return 1;
  if (v < 16384) return 2;
  if (v < 2097152) return 3;
  if (v < 268435456) return 4;
  let n = 4;
  let x = Math.floor(v / 268435456);
  while (x > 0) {
    n++;
    x = Math.floor(x / 128);
  }
  return n;
}
function bigVarintSize(v) {
  let x = BigInt.asUintN(64, v);
  let n = 1;
  while (x >= 0x80n) {
    x >>= 7n;
    n++;
  }
  return n;
}
function scalarSize(f, v) {
  switch (f.kind) {
    case "int32":
    case "enum":
    case "int64n":
      return varintSize(v);
    case "int64b":
    case "uint64b":
      return bigVarintSize(v);
    case "float":
      return 4;
    case "double":
      return 8;
    case "string": {
      const n = Buffer.byteLength(v, "utf8");
      return varintSize(n) + n;
    }
    case "bytes": {
      const n = v.length;
      return varintSize(n) + n;
    }
    default:
      throw new Error("unreachable");
  }
}
function packedPayloadSize(f, arr) {
  if (f.kind === "float") return arr.length * 4;
  if (f.kind === "double") return arr.length * 8;
  let n = 0;
  for (let i = 0; i < arr.length; i++) n += scalarSize(f, arr[i]);
  return n;
}
function messageSize(obj, t, cache) {
  let size = 0;
  for (const f of t.fields) {
    const v = obj[f.key];
    if (v === void 0 || v === null) continue;
    if (f.repeated) {
      const arr = v;
      if (arr.length === 0) continue;
      if (f.packed) {
        const n = packedPayloadSize(f, arr);
        cache.set(arr, n);
        size += f.tag.length + varintSize(n) + n;
      } else if (f.kind === "message") {
        for (let i = 0; i < arr.length; i++) {
          const n = messageSize(sub(arr[i]), f.msg, cache);
          size += f.tag.length + varintSize(n) + n;
        }
      } else {
        for (let i = 0; i < arr.length; i++) size += f.tag.length + scalarSize(f, arr[i]);
      }
    } else if (f.kind === "message") {
      const n = messageSize(sub(v), f.msg, cache);
      size += f.tag.length + varintSize(n) + n;
    } else {
      size += f.tag.length + scalarSize(f, v);
    }
  }
  const unknown = obj.$unknown;
  if (unknown) for (const u of unknown) size += u.length;
  cache.set(obj, size);
  return size;
}
function writeScalar(w, f, v) {
  switch (f.kind) {
    case "int32":
    case "enum":
    case "int64n":
      w.varint(v);
      break;
    case "int64b":
    case "uint64b":
      w.bigVarint(v);
      break;
    case "float":
      w.float(v);
      break;
    case "double":
      w.double(v);
      break;
    case "string": {
      const s = v;
      w.string(s, Buffer.byteLength(s, "utf8"));
      break;
    }
    case "bytes": {
      const b = v;
      w.varint(b.length);
      w.bytes(b);
      break;
    }
    default:
      throw new Error("unreachable");
  }
}
function writeMessage(w, obj, t, cache) {
  for (const f of t.fields) {
    const v = obj[f.key];
    if (v === void 0 || v === null) continue;
    if (f.repeated) {
      const arr = v;
      if (arr.length === 0) continue;
      if (f.packed) {
        w.bytes(f.tag);
        w.varint(cache.get(arr));
        if ((f.kind === "float" || f.kind === "double") && ArrayBuffer.isView(arr)) {
          const view2 = arr;
          w.bytes(new Uint8Array(view2.buffer, view2.byteOffset, view2.byteLength));
        } else if (f.kind === "float" || f.kind === "double") {
          const typed = f.kind === "float" ? Float32Array.from(arr) : Float64Array.from(arr);
          w.bytes(new Uint8Array(typed.buffer));
        } else {
          for (let i = 0; i < arr.length; i++) writeScalar(w, f, arr[i]);
        }
      } else if (f.kind === "message") {
        for (let i = 0; i < arr.length; i++) {
          const m = sub(arr[i]);
          w.bytes(f.tag);
          w.varint(cache.get(m));
          writeMessage(w, m, f.msg, cache);
        }
      } else {
        for (let i = 0; i < arr.length; i++) {
          w.bytes(f.tag);
          writeScalar(w, f, arr[i]);
        }
      }
    } else if (f.kind === "message") {
      const m = sub(v);
      w.bytes(f.tag);
      w.varint(cache.get(m));
      writeMessage(w, m, f.msg, cache);
    } else {
      w.bytes(f.tag);
      writeScalar(w, f, v);
    }
  }
  const unknown = obj.$unknown;
  if (unknown) for (const u of unknown) w.bytes(u);
}
function encodedModelSize(model, substitutions) {
  subst = substitutions;
  try {
    return messageSize(model, typeInfo("onnx.ModelProto"), /* @__PURE__ */ new WeakMap());
  } finally {
    subst = void 0;
  }
}
function encodeType(obj, typeName, sink, substitutions) {
  subst = substitutions;
  try {
    return encodeWith(obj, typeName, sink);
  } finally {
    subst = void 0;
  }
}
function encodeWith(obj, typeName, sink) {
  const t = typeInfo(typeName);
  const cache = /* @__PURE__ */ new WeakMap();
  const size = messageSize(obj, t, cache);
  if (sink) {
    const w2 = new ChunkedWriter(sink);
    writeMessage(w2, obj, t, cache);
    w2.flush();
    return size;
  }
  const out = new Uint8Array(size);
  let pos = 0;
  const w = new ChunkedWriter({ write(b) {
    out.set(b, pos);
    pos += b.length;
  } }, Math.min(1 << 20, Math.max(size, 16)));
  writeMessage(w, obj, t, cache);
  w.flush();
  if (pos !== size) throw new Error(`internal: encoded ${pos} bytes, expected ${size}`);
  return out;
}
function encodeModel(model, substitutions) {
  return encodeType(model, "onnx.ModelProto", void 0, substitutions);
}
function encodeModelTo(model, sink, substitutions) {
  return encodeType(model, "onnx.ModelProto", sink, substitutions);
}
var import_protobufjs2, BIGINT_FIELDS, TYPED_FIELDS, MAX_MESSAGE_DEPTH, camel, types, TWO32, NAMED, subst, sub, PASS_THROUGH_BYTES, ChunkedWriter;
var init_codec = __esm({
  "src/onnx/codec.ts"() {
    "use strict";
    import_protobufjs2 = __toESM(require_protobufjs(), 1);
    init_schema();
    init_errors();
    BIGINT_FIELDS = /* @__PURE__ */ new Set(["onnx.AttributeProto.i", "onnx.AttributeProto.ints"]);
    TYPED_FIELDS = {
      "onnx.TensorProto.float_data": "f32",
      "onnx.TensorProto.int32_data": "i32",
      "onnx.TensorProto.int64_data": "i64",
      "onnx.TensorProto.double_data": "f64",
      "onnx.TensorProto.uint64_data": "u64"
    };
    MAX_MESSAGE_DEPTH = 1024;
    camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
    types = /* @__PURE__ */ new Map();
    TWO32 = 4294967296;
    NAMED = /* @__PURE__ */ new WeakSet();
    sub = (m) => subst ? subst.get(m) ?? m : m;
    PASS_THROUGH_BYTES = 65536;
    ChunkedWriter = class {
      constructor(sink, chunkSize = 1 << 20) {
        this.sink = sink;
        this.chunk = Buffer.allocUnsafe(chunkSize);
      }
      sink;
      chunk;
      pos = 0;
      ensure(n) {
        if (this.pos + n > this.chunk.length) this.flush();
      }
      flush() {
        if (this.pos > 0) {
          this.sink.write(this.chunk.subarray(0, this.pos));
          this.chunk = Buffer.allocUnsafe(this.chunk.length);
          this.pos = 0;
        }
      }
      bytes(b) {
        if (b.length >= PASS_THROUGH_BYTES) {
          this.flush();
          this.sink.write(b);
          return;
        }
        this.ensure(b.length);
        this.chunk.set(b, this.pos);
        this.pos += b.length;
      }
      varint(v) {
        this.ensure(10);
        if (v < 0) {
          this.bigVarint(BigInt(v));
          return;
        }
        while (v > 127) {
          this.chunk[this.pos++] = v % 128 | 128;
          v = Math.floor(v / 128);
        }
        this.chunk[this.pos++] = v;
      }
      bigVarint(v) {
        this.ensure(10);
        let x = BigInt.asUintN(64, v);
        while (x >= 0x80n) {
          this.chunk[this.pos++] = Number(x & 0x7fn) | 128;
          x >>= 7n;
        }
        this.chunk[this.pos++] = Number(x);
      }
      float(v) {
        this.ensure(4);
        this.chunk.writeFloatLE(v, this.pos);
        this.pos += 4;
      }
      double(v) {
        this.ensure(8);
        this.chunk.writeDoubleLE(v, this.pos);
        this.pos += 8;
      }
      string(s, n) {
        this.varint(n);
        if (n > 65536) {
          this.bytes(Buffer.from(s, "utf8"));
          return;
        }
        this.ensure(n);
        this.chunk.write(s, this.pos, "utf8");
        this.pos += n;
      }
    };
  }
});

// src/onnx/types.ts
var AttributeType, DataLocation;
var init_types = __esm({
  "src/onnx/types.ts"() {
    "use strict";
    AttributeType = {
      UNDEFINED: 0,
      FLOAT: 1,
      INT: 2,
      STRING: 3,
      TENSOR: 4,
      GRAPH: 5,
      FLOATS: 6,
      INTS: 7,
      STRINGS: 8,
      TENSORS: 9,
      GRAPHS: 10,
      SPARSE_TENSOR: 11,
      SPARSE_TENSORS: 12,
      TYPE_PROTO: 13,
      TYPE_PROTOS: 14
    };
    DataLocation = { DEFAULT: 0, EXTERNAL: 1 };
  }
});

// src/onnx/tensor.ts
function elementCount(dims) {
  let n = 1;
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new OnnxFormatError(`invalid dimension ${d}`);
    n *= d;
    if (!Number.isSafeInteger(n)) throw new OnnxFormatError(`element count of dims [${dims.join(", ")}] overflows`);
  }
  return n;
}
function isExternal(t) {
  return t.dataLocation === DataLocation.EXTERNAL;
}
function externalInfo(t) {
  let location;
  let offset = 0;
  let length;
  let checksum;
  for (const e of t.externalData) {
    const v = e.value ?? "";
    if (e.key === "location") location = v;
    else if (e.key === "offset" || e.key === "length") {
      if (!/^\d+$/.test(v)) throw new OnnxFormatError(`tensor '${t.name}': external_data ${e.key} '${v}' is not a whole number`);
      const n = Number(v);
      if (!Number.isSafeInteger(n)) throw new OnnxFormatError(`tensor '${t.name}': external_data ${e.key} ${v} is too large`);
      if (e.key === "offset") offset = n;
      else length = n;
    } else if (e.key === "checksum") checksum = v;
  }
  if (location === void 0 || location === "") {
    throw new OnnxFormatError(`tensor '${t.name}': external data without a location`);
  }
  return { location, offset, length, checksum };
}
function view(a) {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
function stringPayload(t) {
  let n = 0;
  for (const s of t.stringData) n += 4 + s.length;
  const out = new Uint8Array(n);
  const dv = new DataView(out.buffer);
  let p = 0;
  for (const s of t.stringData) {
    dv.setUint32(p, s.length, true);
    out.set(s, p + 4);
    p += 4 + s.length;
  }
  return out;
}
function packInt32Data(dtype, src, count) {
  const bits = bitsOf(dtype);
  if (bits === 32) return view(src);
  if (bits === 16) {
    const out2 = new Uint16Array(src.length);
    for (let i = 0; i < src.length; i++) out2[i] = src[i] & 65535;
    return view(out2);
  }
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i] & 255;
  if (bits < 8 && out.length !== rawByteLength(dtype, count)) {
    throw new OnnxFormatError(`int32_data holds ${out.length} bytes for ${count} ${dataTypeName(dtype)} elements`);
  }
  return out;
}
function tensorBytes(t, external) {
  if (isExternal(t)) {
    if (!external) throw new OnnxFormatError(`tensor '${t.name}' has external data but no model folder to read it from`);
    return external.read(t);
  }
  const dtype = t.dataType ?? 0;
  if (dtype === DataType.STRING) return stringPayload(t);
  if (t.rawData) return t.rawData;
  const count = elementCount(t.dims);
  switch (dtype) {
    case DataType.FLOAT:
    case DataType.COMPLEX64:
      return t.floatData ? view(t.floatData) : new Uint8Array(0);
    case DataType.DOUBLE:
    case DataType.COMPLEX128:
      return t.doubleData ? view(t.doubleData) : new Uint8Array(0);
    case DataType.INT64:
      return t.int64Data ? view(t.int64Data) : new Uint8Array(0);
    case DataType.UINT64:
      return t.uint64Data ? view(t.uint64Data) : new Uint8Array(0);
    case DataType.UINT32: {
      const src = t.uint64Data ?? new BigUint64Array(0);
      const out = new Uint32Array(src.length);
      for (let i = 0; i < src.length; i++) out[i] = Number(src[i] & 0xffffffffn);
      return view(out);
    }
    default:
      if (bitsOf(dtype) === 0) throw new OnnxFormatError(`tensor '${t.name}': unknown data type ${dtype}`);
      return t.int32Data ? packInt32Data(dtype, t.int32Data, count) : new Uint8Array(0);
  }
}
function tensorByteLength(t) {
  if (isExternal(t)) {
    const info = externalInfo(t);
    return info.length ?? rawByteLength(t.dataType, elementCount(t.dims));
  }
  if (t.dataType === DataType.STRING) return t.stringData.reduce((n, s) => n + s.length, 0);
  return rawByteLength(t.dataType, elementCount(t.dims));
}
function checkTensorSize(t, external, name = t.name) {
  if (t.dataType === DataType.STRING) {
    if (t.stringData.length !== elementCount(t.dims)) {
      throw new OnnxFormatError(`tensor '${name}': ${t.stringData.length} strings for dims [${t.dims.join(",")}]`);
    }
    return;
  }
  const expected = rawByteLength(t.dataType, elementCount(t.dims));
  const actual = tensorBytes(t, external).length;
  if (actual !== expected) {
    throw new OnnxFormatError(
      `tensor '${name}': ${actual} bytes of data for dims [${t.dims.join(",")}] of ${dataTypeName(t.dataType)} (expected ${expected})`
    );
  }
}
function setTensorRaw(t, bytes) {
  t.rawData = bytes;
  t.floatData = void 0;
  t.int32Data = void 0;
  t.int64Data = void 0;
  t.doubleData = void 0;
  t.uint64Data = void 0;
  t.stringData = [];
  t.externalData = [];
  t.dataLocation = void 0;
}
function makeTensor(name, dataType, dims, raw) {
  return { name, dataType, dims, rawData: raw, stringData: [], externalData: [], metadataProps: [] };
}
function tensorFloat32(t, external) {
  if (t.dataType !== DataType.FLOAT) throw new OnnxFormatError(`tensor '${t.name}' is ${dataTypeName(t.dataType)}, not float`);
  const b = tensorBytes(t, external);
  const out = new Float32Array(b.length / 4);
  new Uint8Array(out.buffer).set(b);
  return out;
}
function isConstantNode(n) {
  return n.opType === "Constant" && (n.domain ?? "") === "";
}
function constantValueAttr(n) {
  return n.attribute.find((a) => a.name !== void 0 && CONSTANT_VALUE_ATTRS.has(a.name));
}
function constantNodeTensor(n, external) {
  const a = constantValueAttr(n);
  if (!a) return void 0;
  const name = n.output[0];
  switch (a.name) {
    case "value":
      return a.t;
    case "value_float":
      return makeTensor(name ?? "", DataType.FLOAT, [], view(Float32Array.of(a.f ?? 0)));
    case "value_floats":
      return makeTensor(name ?? "", DataType.FLOAT, [a.floats.length], view(Float32Array.from(a.floats)));
    case "value_int":
      return makeTensor(name ?? "", DataType.INT64, [], view(BigInt64Array.of(a.i ?? 0n)));
    case "value_ints":
      return makeTensor(name ?? "", DataType.INT64, [a.ints.length], view(BigInt64Array.from(a.ints)));
    case "value_string":
      return { ...makeTensor(name ?? "", DataType.STRING, [], new Uint8Array(0)), rawData: void 0, stringData: [a.s ?? new Uint8Array(0)] };
    case "value_strings":
      return { ...makeTensor(name ?? "", DataType.STRING, [a.strings.length], new Uint8Array(0)), rawData: void 0, stringData: a.strings };
    case "sparse_value":
      return a.sparseTensor ? { ...densify(a.sparseTensor, external), name: name ?? "" } : void 0;
    default:
      return void 0;
  }
}
function densify(s, external) {
  const values2 = s.values;
  const indices = s.indices;
  if (!values2 || !indices) throw new OnnxFormatError("sparse tensor without values or indices");
  const dtype = values2.dataType ?? 0;
  const bits = bitsOf(dtype);
  if (bits < 8) throw new OnnxFormatError(`sparse tensor of ${dataTypeName(dtype)} is not supported`);
  const width = bits / 8;
  const total2 = elementCount(s.dims);
  const out = new Uint8Array(total2 * width);
  const vals = tensorBytes(values2, external);
  const nnz = elementCount(values2.dims);
  const idxBytes = tensorBytes(indices, external);
  if (indices.dataType !== DataType.INT64) throw new OnnxFormatError("sparse tensor indices must be int64");
  const idx = new BigInt64Array(idxBytes.length / 8);
  new Uint8Array(idx.buffer).set(idxBytes);
  const rank = s.dims.length;
  const coords = indices.dims.length === 2;
  const perValue = coords ? rank : 1;
  if (idx.length !== nnz * perValue || coords && indices.dims[1] !== rank) {
    throw new OnnxFormatError(`sparse tensor: indices of dims [${indices.dims.join(",")}] do not fit ${nnz} values of rank ${rank}`);
  }
  for (let k = 0; k < nnz; k++) {
    let lin = 0;
    if (coords) {
      for (let d = 0; d < rank; d++) {
        const c = Number(idx[k * rank + d]);
        if (c < 0 || c >= s.dims[d]) throw new OnnxFormatError(`sparse index ${c} outside dimension ${d} of dims [${s.dims.join(",")}]`);
        lin = lin * s.dims[d] + c;
      }
    } else lin = Number(idx[k]);
    if (lin < 0 || lin >= total2) throw new OnnxFormatError(`sparse index ${lin} outside dims [${s.dims.join(",")}]`);
    out.set(vals.subarray(k * width, (k + 1) * width), lin * width);
  }
  return makeTensor(values2.name ?? "", dtype, [...s.dims], out);
}
var CONSTANT_VALUE_ATTRS;
var init_tensor = __esm({
  "src/onnx/tensor.ts"() {
    "use strict";
    init_dtype();
    init_errors();
    init_types();
    CONSTANT_VALUE_ATTRS = /* @__PURE__ */ new Set([
      "value",
      "value_float",
      "value_floats",
      "value_int",
      "value_ints",
      "value_string",
      "value_strings",
      "sparse_value"
    ]);
  }
});

// src/onnx/external.ts
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import path2 from "node:path";
function readFully(fd, offset, length, shortRead) {
  const out = Buffer.allocUnsafe(length);
  for (let done = 0; done < length; ) {
    const n = readSync(fd, out, done, length - done, offset + done);
    if (n <= 0) throw new OnnxFormatError(shortRead);
    done += n;
  }
  return out;
}
function isInside(dir, p) {
  const rel = path2.relative(dir, p);
  return !path2.isAbsolute(rel) && rel !== ".." && !rel.startsWith(`..${path2.sep}`);
}
var ExternalDataReader;
var init_external = __esm({
  "src/onnx/external.ts"() {
    "use strict";
    init_errors();
    init_dtype();
    init_tensor();
    ExternalDataReader = class {
      /** `modelPath` names the .onnx file whose folder holds the data files. */
      constructor(modelPath) {
        this.modelPath = modelPath;
        this.realDir = realpathSync(path2.dirname(path2.resolve(modelPath)));
      }
      modelPath;
      files = /* @__PURE__ */ new Map();
      realDir;
      /** Resolves a location safely: relative, inside the model folder after following symlinks. */
      resolve(location, tensorName) {
        const what = `${this.modelPath}: tensor '${tensorName}' external data location '${location}'`;
        if (location.includes("\0")) throw new OnnxFormatError(`${what} contains a NUL byte`);
        if (path2.isAbsolute(location) || path2.win32.isAbsolute(location) || /^[a-zA-Z]:/.test(location)) {
          throw new OnnxFormatError(`${what} is absolute; external data must be relative to the model's folder`);
        }
        const candidate = path2.resolve(this.realDir, location);
        if (!isInside(this.realDir, candidate)) throw new OnnxFormatError(`${what} points outside the model's folder`);
        let real;
        try {
          real = realpathSync(candidate);
        } catch {
          throw new OnnxFormatError(`${what}: file not found`);
        }
        if (!isInside(this.realDir, real)) throw new OnnxFormatError(`${what} resolves (through a link) outside the model's folder`);
        return real;
      }
      open(location, tensorName) {
        const known = this.files.get(location);
        if (known) return known;
        const real = this.resolve(location, tensorName);
        const fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
        const st = fstatSync(fd);
        if (!st.isFile()) {
          closeSync(fd);
          throw new OnnxFormatError(`${this.modelPath}: external data '${location}' is not a regular file`);
        }
        const f = { fd, size: st.size };
        this.files.set(location, f);
        return f;
      }
      /** Byte range of a tensor's payload, checked against the file. */
      range(t) {
        const info = externalInfo(t);
        const f = this.open(info.location, t.name);
        const length = info.length ?? rawByteLength(t.dataType, elementCount(t.dims));
        if (info.offset + length > f.size) {
          throw new OnnxFormatError(
            `${this.modelPath}: tensor '${t.name}' external data [${info.offset}, ${info.offset + length}) runs past the end of '${info.location}' (${f.size} bytes)`
          );
        }
        return { location: info.location, offset: info.offset, length };
      }
      read(t) {
        const { location, offset, length } = this.range(t);
        const f = this.open(location, t.name);
        return readFully(f.fd, offset, length, `${this.modelPath}: short read of external data '${location}'`);
      }
      /** Closes the data files opened so far. */
      close() {
        for (const f of this.files.values()) closeSync(f.fd);
        this.files.clear();
      }
    };
  }
});

// src/onnx/validate.ts
function checkTensor(t, external) {
  const name = t.name ?? "(unnamed)";
  for (const d of t.dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new OnnxFormatError(`tensor '${name}' has invalid dimension ${d}`);
  }
  if (!isKnownDataType(t.dataType)) throw new OnnxFormatError(`tensor '${name}' has unknown data type ${t.dataType}`);
  if (!isExternal(t)) {
    checkTensorSize(t, void 0, name);
    return;
  }
  const count = elementCount(t.dims);
  if (t.dataType === DataType.STRING) return;
  const expected = rawByteLength(t.dataType, count);
  if (external?.range) {
    const { length } = external.range(t);
    if (length !== expected) {
      throw new OnnxFormatError(`tensor '${name}': external data length ${length} does not match dims [${t.dims.join(",")}] of ${dataTypeName(t.dataType)} (${expected} bytes)`);
    }
  } else if (tensorByteLength(t) !== expected) {
    throw new OnnxFormatError(`tensor '${name}': external data length does not match its dims`);
  }
}
function checkNames(graph, where) {
  const defined = /* @__PURE__ */ new Set();
  const define2 = (n, what) => {
    if (!n) return;
    if (defined.has(n) && what !== "initializer") throw new OnnxFormatError(`${where}: name '${n}' is defined twice (${what})`);
    defined.add(n);
  };
  const inputs = new Set(graph.input.map((v) => v.name ?? ""));
  for (const v of graph.input) define2(v.name, "graph input");
  for (const t of graph.initializer) {
    if (t.name && !inputs.has(t.name) && defined.has(t.name)) throw new OnnxFormatError(`${where}: initializer '${t.name}' is defined twice`);
    if (t.name) defined.add(t.name);
  }
  for (const n of graph.node) for (const o of n.output) define2(o, `output of node '${n.name ?? n.opType}'`);
}
function checkAcyclic(graph, where) {
  const producer = /* @__PURE__ */ new Map();
  graph.node.forEach((n, i) => n.output.forEach((o) => {
    if (o) producer.set(o, i);
  }));
  const indegree = new Array(graph.node.length).fill(0);
  const consumers = graph.node.map(() => []);
  graph.node.forEach((n, i) => {
    const deps = /* @__PURE__ */ new Set();
    for (const input of n.input) {
      const p = producer.get(input);
      if (p !== void 0) deps.add(p);
    }
    for (const p of deps) {
      consumers[p].push(i);
      indegree[i]++;
    }
  });
  const ready = [];
  indegree.forEach((d, i) => {
    if (d === 0) ready.push(i);
  });
  let seen = 0;
  while (ready.length) {
    const i = ready.pop();
    seen++;
    for (const c of consumers[i]) if (--indegree[c] === 0) ready.push(c);
  }
  if (seen !== graph.node.length) {
    const stuck = graph.node.find((_, i) => indegree[i] > 0);
    throw new OnnxFormatError(`${where}: the graph has a cycle (through node '${stuck?.name ?? stuck?.opType}')`);
  }
}
function scopeName(scope) {
  const parts = [];
  for (let s = scope; s; s = s.parent) {
    parts.unshift(s.owner ? `${s.owner.name || s.owner.opType}.${s.attribute?.name}` : s.graph.name || "graph");
  }
  return parts.join(" > ");
}
function validateModel(model, external) {
  if (!model.graph) throw new OnnxFormatError("model has no graph");
  forEachGraph(model, (scope) => {
    if (scope.depth > MAX_GRAPH_DEPTH) {
      throw new OnnxFormatError(`subgraphs nested ${scope.depth} levels deep (limit ${MAX_GRAPH_DEPTH})`);
    }
    const where = scopeName(scope);
    checkNames(scope.graph, where);
    checkAcyclic(scope.graph, where);
    for (const n of scope.graph.node) {
      if (!n.opType) throw new OnnxFormatError(`${where}: node '${n.name ?? ""}' has no op_type`);
    }
  });
  forEachTensor(model, (t) => checkTensor(t, external));
}
var MAX_GRAPH_DEPTH;
var init_validate = __esm({
  "src/onnx/validate.ts"() {
    "use strict";
    init_dtype();
    init_errors();
    init_graph();
    init_tensor();
    MAX_GRAPH_DEPTH = 64;
  }
});

// src/onnx/model-io.ts
import { closeSync as closeSync2, existsSync, fstatSync as fstatSync2, fsyncSync, openSync as openSync2, readdirSync, readFileSync, realpathSync as realpathSync2, renameSync as renameSync2, rmSync as rmSync2, statSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path3 from "node:path";
function loadModel(file) {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (!st.isFile()) throw new UsageError(`${file}: not a file`);
  if (st.size === 0) throw new OnnxFormatError(`${file}: empty file, not an ONNX model`);
  if (st.size > PROTOBUF_LIMIT) throw new OnnxFormatError(`${file}: ${st.size} bytes, larger than protobuf's 2 GiB limit; not a valid ONNX file`);
  const bytes = readFileSync(file);
  let model;
  try {
    model = decodeModel(bytes);
  } catch (e) {
    if (e instanceof OnnxFormatError) throw new OnnxFormatError(`${file}: not a valid ONNX model (${e.message})`);
    throw e;
  }
  if (!model.graph) throw new OnnxFormatError(`${file}: not a valid ONNX model (no graph)`);
  const external = new ExternalDataReader(file);
  try {
    validateModel(model, external);
  } catch (e) {
    external.close();
    if (e instanceof OnnxFormatError) throw new OnnxFormatError(`${file}: ${e.message}`);
    throw e;
  }
  return { model, path: file, fileBytes: st.size, external };
}
function tempBeside(target) {
  return path3.join(path3.dirname(target), `.${path3.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
function removeStaleTemps(target) {
  const dir = path3.dirname(target);
  const prefix = `.${path3.basename(target)}.`;
  const started = Date.now() - process.uptime() * 1e3;
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    const file = path3.join(dir, name);
    try {
      if (statSync(file).mtimeMs < started) rmSync2(file, { force: true });
    } catch {
    }
  }
}
function writeAtomically(target, write) {
  removeStaleTemps(target);
  const tmp = tempBeside(target);
  const fd = openSync2(tmp, "wx", 420);
  try {
    const sink = new FileSink(fd);
    write(sink);
    fsyncSync(fd);
    closeSync2(fd);
    renameSync2(tmp, target);
    return sink.written;
  } catch (e) {
    try {
      closeSync2(fd);
    } catch {
    }
    rmSync2(tmp, { force: true });
    throw e;
  }
}
function inlined(t, source) {
  const length = tensorByteLength(t);
  const raw = length >= PASS_THROUGH_BYTES && t.dataType !== 8 ? new DeferredPayload(length, () => tensorBytes(t, source)) : tensorBytes(t, source);
  return { ...t, rawData: raw, externalData: [], dataLocation: void 0 };
}
function saveModel(model, file, opts = {}) {
  const out = path3.resolve(file);
  const dir = path3.dirname(out);
  try {
    if (!statSync(dir).isDirectory()) throw new Error();
  } catch {
    throw new UsageError(`${file}: output folder ${dir} does not exist`);
  }
  if (opts.source && path3.resolve(opts.source.modelPath) === out) {
    throw new UsageError(`${file}: refusing to overwrite the input model; choose another output path`);
  }
  const threshold = opts.sizeThreshold ?? 1024;
  const tensors = [];
  const inlineOnly = /* @__PURE__ */ new Set();
  forEachTensor(model, (t, site) => {
    tensors.push(t);
    if (site.kind === "attribute" && tensorByteLength(t) <= SHAPE_DATA_BYTES) inlineOnly.add(t);
  });
  let allInline;
  const inlineAll = () => {
    allInline ??= new Map(tensors.filter(isExternal).map((t) => [t, inlined(t, opts.source)]));
    return allInline;
  };
  let external = opts.externalData ?? "auto";
  if (external === "auto") external = encodedModelSize(model, inlineAll()) > PROTOBUF_LIMIT;
  if (!external) {
    const written = writeAtomically(out, (sink) => encodeModelTo(model, sink, inlineAll()));
    return { path: out, bytes: written, modelBytes: written, dataBytes: 0 };
  }
  const subs = /* @__PURE__ */ new Map();
  const location = opts.location ?? `${path3.basename(out)}.data`;
  if (path3.isAbsolute(location) || location.split(/[\\/]/).includes("..")) {
    throw new UsageError(`external data location '${location}' must be a plain relative name`);
  }
  const dataPath = path3.join(dir, location);
  if (opts.source && existsSync(dataPath)) {
    const target = realpathSync2(dataPath);
    for (const t of tensors) {
      if (isExternal(t) && opts.source.resolve(externalInfo(t).location, t.name) === target) {
        throw new UsageError(`${file}: external data '${location}' is the input model's data file; choose another location or output folder`);
      }
    }
  }
  let offset = 0;
  const dataBytes = writeAtomically(dataPath, (sink) => {
    const pad2 = new Uint8Array(EXTERNAL_ALIGNMENT);
    for (const t of tensors) {
      if (tensorByteLength(t) < threshold || t.dataType === 8 || inlineOnly.has(t)) {
        if (isExternal(t)) subs.set(t, allInline?.get(t) ?? inlined(t, opts.source));
        continue;
      }
      const raw = tensorBytes(t, opts.source);
      const aligned = Math.ceil(offset / EXTERNAL_ALIGNMENT) * EXTERNAL_ALIGNMENT;
      if (aligned > offset) sink.write(pad2.subarray(0, aligned - offset));
      sink.write(raw);
      subs.set(t, {
        ...t,
        rawData: void 0,
        floatData: void 0,
        int32Data: void 0,
        int64Data: void 0,
        doubleData: void 0,
        uint64Data: void 0,
        dataLocation: 1,
        externalData: [
          { key: "location", value: location },
          { key: "offset", value: String(aligned) },
          { key: "length", value: String(raw.length) }
        ]
      });
      offset = aligned + raw.length;
    }
  });
  const modelBytes = writeAtomically(out, (sink) => encodeModelTo(model, sink, subs));
  return { path: out, bytes: modelBytes + dataBytes, modelBytes, dataBytes, dataPath };
}
function modelFileBytes(loaded) {
  const seen = /* @__PURE__ */ new Set();
  let n = loaded.fileBytes;
  forEachTensor(loaded.model, (t) => {
    if (!isExternal(t)) return;
    const { location } = loaded.external.range(t);
    if (seen.has(location)) return;
    seen.add(location);
    const fd = openSync2(loaded.external.resolve(location, t.name), "r");
    try {
      n += fstatSync2(fd).size;
    } finally {
      closeSync2(fd);
    }
  });
  return n;
}
var PROTOBUF_LIMIT, EXTERNAL_ALIGNMENT, DeferredPayload, FileSink, SHAPE_DATA_BYTES;
var init_model_io = __esm({
  "src/onnx/model-io.ts"() {
    "use strict";
    init_codec();
    init_errors();
    init_external();
    init_graph();
    init_validate();
    init_tensor();
    PROTOBUF_LIMIT = 2 ** 31 - 1;
    EXTERNAL_ALIGNMENT = 65536;
    DeferredPayload = class extends Uint8Array {
      constructor(size, fetch) {
        super(0);
        this.fetch = fetch;
        Object.defineProperty(this, "length", { value: size });
      }
      fetch;
    };
    FileSink = class {
      constructor(fd) {
        this.fd = fd;
      }
      fd;
      written = 0;
      write(chunk) {
        let b = chunk;
        if (chunk instanceof DeferredPayload) {
          b = chunk.fetch();
          if (b.length !== chunk.length) throw new OnnxFormatError(`external payload is ${b.length} bytes, expected ${chunk.length}`);
        }
        let off = 0;
        while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
        this.written += b.length;
      }
    };
    SHAPE_DATA_BYTES = 64 * 1024;
  }
});

// src/onnx/size.ts
function modelByteSize(model) {
  let n = encodedModelSize(model);
  forEachTensor(model, (t) => {
    if (isExternal(t)) n += tensorByteLength(t);
  });
  return n;
}
var init_size = __esm({
  "src/onnx/size.ts"() {
    "use strict";
    init_codec();
    init_graph();
    init_tensor();
  }
});

// src/stages/dedup-identical.ts
import { createHash } from "node:crypto";
function pushTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function sameBytes(a, b) {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
function fingerprint(b) {
  const n = Math.min(FINGERPRINT_SAMPLES, b.length);
  const samples = new Uint8Array(n);
  for (let k = 0; k < n; k++) samples[k] = b[Math.floor(k * (b.length - 1) / Math.max(1, n - 1))];
  return Buffer.from(samples.buffer).toString("latin1");
}
function place(classes, item, bytesOf2) {
  const bytes = bytesOf2(item);
  const same = classes.find((c) => sameBytes(bytesOf2(c[0]), bytes));
  if (same) {
    same.push(item);
    return void 0;
  }
  const created = [item];
  classes.push(created);
  return created;
}
function compareOrHash(items, bytesOf2) {
  const classes = [];
  let i = 0;
  for (; i < items.length && classes.length <= DIRECT_CLASSES; i++) place(classes, items[i], bytesOf2);
  if (i === items.length) return classes;
  const digest = (item) => createHash("sha256").update(bytesOf2(item)).digest("base64");
  const byDigest = /* @__PURE__ */ new Map();
  for (const c of classes) pushTo(byDigest, digest(c[0]), c);
  for (; i < items.length; i++) {
    const key = digest(items[i]);
    const bucket = byDigest.get(key) ?? [];
    byDigest.set(key, bucket);
    const created = place(bucket, items[i], bytesOf2);
    if (created) classes.push(created);
  }
  return classes;
}
function identicalClasses(items, bytesOf2) {
  if (items.length < 2) return items.length ? [items] : [];
  const byFingerprint = /* @__PURE__ */ new Map();
  for (const item of items) pushTo(byFingerprint, fingerprint(bytesOf2(item)), item);
  return [...byFingerprint.values()].flatMap((bucket) => compareOrHash(bucket, bytesOf2));
}
var DIRECT_CLASSES, FINGERPRINT_SAMPLES;
var init_dedup_identical = __esm({
  "src/stages/dedup-identical.ts"() {
    "use strict";
    DIRECT_CLASSES = 8;
    FINGERPRINT_SAMPLES = 64;
  }
});

// src/stages/dedup-transpose.ts
function samplePosition(k, n) {
  return Math.floor(k * (n - 1) / (SAMPLES - 1));
}
function elementWidth(dataType) {
  const bits = bitsOf(dataType);
  return dataType === DataType.STRING || bits < 8 || bits % 8 !== 0 ? 0 : bits / 8;
}
function sameElement(x, xi, y, yi, width) {
  for (let k = 0; k < width; k++) if (x[xi + k] !== y[yi + k]) return false;
  return true;
}
function transposeSamples(bytes, dims, width) {
  const [a, b] = dims;
  const n = a * b;
  const count = Math.min(SAMPLES, n);
  const own = new Uint8Array(count * width);
  const dual = new Uint8Array(count * width);
  for (let k = 0; k < count; k++) {
    const p = samplePosition(k, n);
    own.set(bytes.subarray(p * width, (p + 1) * width), k * width);
    const q = p % a * b + Math.floor(p / a);
    dual.set(bytes.subarray(q * width, (q + 1) * width), k * width);
  }
  return { own, dual };
}
function alignedWords(x, y, width) {
  for (const u of [4, 2]) {
    if (width % u === 0 && x.byteOffset % u === 0 && y.byteOffset % u === 0) {
      const view2 = (b) => u === 4 ? new Uint32Array(b.buffer, b.byteOffset, b.length / 4) : new Uint16Array(b.buffer, b.byteOffset, b.length / 2);
      return [view2(x), view2(y), width / u];
    }
  }
  return [x, y, width];
}
function everyTileRun(rows, cols, run) {
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(rows, i0 + TILE);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(cols, j0 + TILE);
      for (let i = i0; i < i1; i++) if (!run(i, j0, j1)) return false;
    }
  }
  return true;
}
function fullCheck(x, y, rows, cols, width) {
  const [xw, yw, per] = alignedWords(x, y, width);
  if (per === 1) {
    return everyTileRun(rows, cols, (i, j0, j1) => {
      for (let j = j0, xi = i * cols + j0, yi = j0 * rows + i; j < j1; j++, xi++, yi += rows) if (xw[xi] !== yw[yi]) return false;
      return true;
    });
  }
  if (width === 4) {
    const xv = new DataView(x.buffer, x.byteOffset, x.length);
    const yv = new DataView(y.buffer, y.byteOffset, y.length);
    return everyTileRun(rows, cols, (i, j0, j1) => {
      for (let j = j0, xi = (i * cols + j0) * 4, yi = (j0 * rows + i) * 4; j < j1; j++, xi += 4, yi += rows * 4) {
        if (xv.getUint32(xi, true) !== yv.getUint32(yi, true)) return false;
      }
      return true;
    });
  }
  return everyTileRun(rows, cols, (i, j0, j1) => {
    for (let j = j0; j < j1; j++) {
      const xi = (i * cols + j) * per;
      const yi = (j * rows + i) * per;
      for (let k = 0; k < per; k++) if (xw[xi + k] !== yw[yi + k]) return false;
    }
    return true;
  });
}
function isTransposeOf(x, y, rows, cols, width) {
  const n = rows * cols;
  if (x.length !== n * width || y.length !== n * width) return false;
  for (let k = 0; k < Math.min(SAMPLES, n); k++) {
    const p = samplePosition(k, n);
    const i = Math.floor(p / cols);
    const j = p % cols;
    if (!sameElement(x, p * width, y, (j * rows + i) * width, width)) return false;
  }
  return fullCheck(x, y, rows, cols, width);
}
function findTransposedPairs(items, tensorOf, bytesOf2, orient, samplesOf = (t) => transposeSamples(bytesOf2(t), t.dims, elementWidth(t.dataType))) {
  const shapeKey = (t, swap) => `${t.dataType}|${t.dims[swap ? 1 : 0]}|${t.dims[swap ? 0 : 1]}`;
  const byShape = /* @__PURE__ */ new Map();
  for (const item of items) {
    const t = tensorOf(item);
    if (t.dims.length !== 2 || elementWidth(t.dataType) === 0) continue;
    if (t.dims[0] * t.dims[1] * elementWidth(t.dataType) < MIN_TIE_BYTES) continue;
    pushTo(byShape, shapeKey(t, false), item);
  }
  const sampleKey2 = (shape, sample) => `${shape}|${Buffer.from(sample.buffer, sample.byteOffset, sample.length).toString("latin1")}`;
  const byOwn = /* @__PURE__ */ new Map();
  const eligible = [];
  for (const [shape, group] of byShape) {
    const t0 = tensorOf(group[0]);
    const partners = byShape.get(shapeKey(t0, true))?.length ?? 0;
    if (partners === 0 || partners === 1 && t0.dims[0] === t0.dims[1]) continue;
    for (const item of group) {
      const s = samplesOf(tensorOf(item));
      if (!s) continue;
      eligible.push([item, s]);
      pushTo(byOwn, sampleKey2(shape, s.own), item);
    }
  }
  const paired = /* @__PURE__ */ new Set();
  const out = [];
  const order = new Map(items.map((item, i) => [item, i]));
  eligible.sort(([a], [b]) => order.get(a) - order.get(b));
  for (const [x, s] of eligible) {
    if (paired.has(x)) continue;
    const tx = tensorOf(x);
    const [rows, cols] = tx.dims;
    for (const y of byOwn.get(sampleKey2(shapeKey(tx, true), s.dual)) ?? []) {
      if (y === x || paired.has(y)) continue;
      if (!isTransposeOf(bytesOf2(tx), bytesOf2(tensorOf(y)), rows, cols, elementWidth(tx.dataType))) continue;
      const pair = orient(x, y);
      if (!pair) continue;
      paired.add(x).add(y);
      out.push(pair);
      break;
    }
  }
  return out;
}
var MIN_TIE_BYTES, SAMPLES, TILE;
var init_dedup_transpose = __esm({
  "src/stages/dedup-transpose.ts"() {
    "use strict";
    init_dtype();
    init_dedup_identical();
    MIN_TIE_BYTES = 64;
    SAMPLES = 16;
    TILE = 64;
  }
});

// src/stages/dedup-stream.ts
import { createHash as createHash2 } from "node:crypto";
function identicalByDigest(items, tensorOf, summaries, bytesOf2) {
  if (items.length < 2) return items.length ? [items] : [];
  const byDigest = /* @__PURE__ */ new Map();
  for (const item of items) pushTo(byDigest, summaries.of(tensorOf(item)).digest, item);
  const classes = [];
  for (const same of byDigest.values()) {
    if (same.length === 1) {
      classes.push(same);
      continue;
    }
    const first = bytesOf2(tensorOf(same[0]));
    const confirmed = [same[0]];
    const differ = [];
    for (const item of same.slice(1)) (Buffer.compare(bytesOf2(tensorOf(item)), first) === 0 ? confirmed : differ).push(item);
    classes.push(confirmed);
    classes.push(...identicalClasses(differ, (item) => bytesOf2(tensorOf(item))));
  }
  return classes;
}
var PayloadSummaries;
var init_dedup_stream = __esm({
  "src/stages/dedup-stream.ts"() {
    "use strict";
    init_tensor();
    init_dedup_identical();
    init_dedup_transpose();
    PayloadSummaries = class {
      constructor(bytesOf2) {
        this.bytesOf = bytesOf2;
      }
      bytesOf;
      memo = /* @__PURE__ */ new Map();
      of(t) {
        let s = this.memo.get(t);
        if (s) return s;
        const bytes = this.bytesOf(t);
        s = { digest: createHash2("sha256").update(bytes).digest("base64") };
        const width = elementWidth(t.dataType);
        if (t.dims.length === 2 && width > 0 && bytes.length === elementCount(t.dims) * width) s.samples = transposeSamples(bytes, t.dims, width);
        this.memo.set(t, s);
        return s;
      }
    };
  }
});

// src/stages/dedup-analysis.ts
function constantSiteTensor(n) {
  const a = constantValueAttr(n);
  if (n.output.length !== 1 || n.attribute.length !== 1 || !a || a.name === "sparse_value" || a.refAttrName !== void 0) return void 0;
  return constantNodeTensor(n);
}
function comparable(t) {
  return t.dataType !== void 0 && t.dataType !== DataType.UNDEFINED && isKnownDataType(t.dataType) && t.segment === void 0 && t.dims.every((d) => Number.isSafeInteger(d) && d >= 0);
}
function definitionCounts(g) {
  const counts = /* @__PURE__ */ new Map();
  const add = (name) => {
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  };
  for (const v of g.input) add(v.name);
  for (const t of g.initializer) add(t.name);
  for (const s of g.sparseInitializer) add(s.values?.name);
  for (const n of g.node) for (const o of n.output) add(o);
  return counts;
}
function shadowed(name, scope, env) {
  return (env.definers.get(name) ?? []).some((d) => d !== scope && (isWithin(d, scope) || isWithin(scope, d)));
}
function collectSites(model, env, scopes) {
  const sites = [];
  const training = model.trainingInfo.length > 0;
  for (const scope of scopes) {
    if (training && scope.depth === 0) continue;
    const g = scope.graph;
    const counts = definitionCounts(g);
    const outputs = new Set(g.output.map((v) => v.name));
    const inputs = new Set(g.input.map((v) => v.name));
    const add = (name, tensor, kind, node) => {
      if (!name || !tensor || counts.get(name) !== 1 || inputs.has(name) || !comparable(tensor)) return;
      if (shadowed(name, scope, env)) return;
      const pinned = outputs.has(name);
      if (pinned && (scope.depth > 0 || !env.canAddNodes)) return;
      sites.push({ kind, scope, name, tensor, node, pinned, order: sites.length });
    };
    for (const t of g.initializer) add(t.name, t, scope.depth === 0 ? "initializer" : "subgraph");
    for (const n of g.node) if (isConstantNode(n)) add(n.output[0], constantSiteTensor(n), "constant", n);
  }
  return sites;
}
function isWithin(inner, outer) {
  for (let s = inner; s; s = s.parent) if (s === outer) return true;
  return false;
}
function commonScope(scopes) {
  let chain = [];
  for (let s = scopes[0]; s; s = s.parent) chain.push(s);
  for (const other of scopes.slice(1)) {
    const i = chain.findIndex((c) => isWithin(other, c));
    chain = chain.slice(i);
  }
  return chain[0];
}
function keepRank(s) {
  return (s.pinned ? 0 : 2) + (s.kind === "constant" ? 1 : 0);
}
function byPreference(sites) {
  return [...sites].sort((a, b) => keepRank(a) - keepRank(b) || a.order - b.order);
}
function bestSite(sites) {
  return byPreference(sites)[0];
}
function chooseKeep(sites, home2) {
  return byPreference(sites.filter((s) => s.scope === home2))[0];
}
function planClass(sites, bytes, env) {
  const home2 = commonScope(sites.map((s) => s.scope));
  const keep = chooseKeep(sites, home2);
  if (keep || env.canAddInitializers) return [{ sites, home: home2, keep, bytes }];
  const byScope = /* @__PURE__ */ new Map();
  for (const s of sites) pushTo(byScope, s.scope, s);
  return [...byScope].filter(([, part]) => part.length > 1).map(([scope, part]) => ({ sites: part, home: scope, keep: chooseKeep(part, scope), bytes }));
}
function makeEnv(model, scopes) {
  const definers = /* @__PURE__ */ new Map();
  for (const scope of scopes) for (const n of definedNames(scope.graph)) pushTo(definers, n, scope);
  const canAddNodes = model.opsetImport.some((o) => (o.domain ?? "") === "" || o.domain === "ai.onnx");
  return { definers, canAddInitializers: (model.irVersion ?? 0) >= 4, canAddNodes };
}
function planDedup(model, external, opts = {}) {
  const scopes = mainScopes(model);
  const env = makeEnv(model, scopes);
  const cache = /* @__PURE__ */ new Map();
  const bytesOf2 = (t) => {
    if (isExternal(t)) return tensorBytes(t, external);
    let b = cache.get(t);
    if (!b) {
      b = tensorBytes(t, external);
      cache.set(t, b);
    }
    return b;
  };
  const summaries = new PayloadSummaries(bytesOf2);
  const byKey = /* @__PURE__ */ new Map();
  for (const s of collectSites(model, env, scopes)) {
    pushTo(byKey, `${s.tensor.dataType}|${s.tensor.dims.join(",")}|${tensorByteLength(s.tensor)}`, s);
  }
  const merges = [];
  const singles = [];
  for (const group of byKey.values()) {
    const bytes = tensorByteLength(group[0].tensor);
    const classes = group.some((s) => isExternal(s.tensor)) ? identicalByDigest(group, (s) => s.tensor, summaries, bytesOf2) : identicalClasses(group, (s) => bytesOf2(s.tensor));
    for (const same of classes) {
      const planned = same.length > 1 ? planClass(same, bytes, env) : [];
      merges.push(...planned);
      const merged = new Set(planned.flatMap((c) => c.sites));
      for (const s of same) if (!merged.has(s)) singles.push({ sites: [s], home: s.scope, keep: s, bytes });
    }
  }
  const ties = [];
  if ((opts.transposed ?? true) && env.canAddNodes) {
    const orient = (a, b) => {
      if (isWithin(b.home, a.home)) return { kept: a, transposed: b };
      if (isWithin(a.home, b.home)) return { kept: b, transposed: a };
      return void 0;
    };
    const candidates = [...merges, ...singles].sort((a, b) => a.sites[0].order - b.sites[0].order);
    const samplesOf = (t) => isExternal(t) ? summaries.of(t).samples : transposeSamples(bytesOf2(t), t.dims, elementWidth(t.dataType));
    ties.push(...findTransposedPairs(candidates, (c) => c.sites[0].tensor, bytesOf2, orient, samplesOf));
  }
  merges.sort((a, b) => a.sites[0].order - b.sites[0].order);
  return { merges, ties };
}
function describePlan(plan) {
  const groups = plan.merges.map((c) => {
    const t = c.sites[0].tensor;
    return {
      dtype: dataTypeName(t.dataType),
      dims: [...t.dims],
      bytes: c.bytes,
      count: c.sites.length,
      names: c.sites.map((s) => s.name),
      sites: c.sites.map((s) => ({ name: s.name, kind: s.kind, graph: graphName(s.scope), depth: s.scope.depth })),
      kept: c.keep?.name ?? null,
      ...c.keep ? {} : { liftedTo: graphName(c.home) },
      reclaimableBytes: (c.sites.length - 1) * c.bytes
    };
  }).sort((a, b) => b.reclaimableBytes - a.reclaimableBytes);
  const transposedTies = plan.ties.map(({ kept, transposed }) => ({
    dtype: dataTypeName(kept.sites[0].tensor.dataType),
    kept: className(kept),
    keptDims: [...kept.sites[0].tensor.dims],
    transposed: className(transposed),
    transposedDims: [...transposed.sites[0].tensor.dims],
    bytes: transposed.bytes
  }));
  const reclaimableBytes = groups.reduce((n, g) => n + g.reclaimableBytes, 0) + transposedTies.reduce((n, t) => n + t.bytes, 0);
  return { groups, transposedTies, reclaimableBytes };
}
function analyzeDuplicates(model, external) {
  return describePlan(planDedup(model, external));
}
var graphName, className;
var init_dedup_analysis = __esm({
  "src/stages/dedup-analysis.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_tensor();
    init_dedup_identical();
    init_dedup_stream();
    init_dedup_transpose();
    graphName = (s) => s.graph.name ?? (s.depth === 0 ? "main" : `subgraph@${s.depth}`);
    className = (c) => c.keep?.name ?? c.sites[0].name;
  }
});

// src/report/inspect.ts
function int8Estimate(elements) {
  return elements + 4;
}
function int4Estimate(elements, block = INT4_BLOCK_SIZE) {
  return Math.ceil(elements / 2) + 4 * Math.ceil(elements / block);
}
function allScopes(model) {
  const scopes = [];
  forEachGraph(model, (s) => scopes.push(s));
  for (const fn of model.functions) {
    const body = {
      node: fn.node,
      name: `function ${fn.domain ? `${fn.domain}.` : ""}${fn.name}`,
      initializer: [],
      input: [],
      output: [],
      valueInfo: [],
      quantizationAnnotation: [],
      sparseInitializer: [],
      metadataProps: []
    };
    walkScope({ graph: body, depth: 0 }, (s) => scopes.push(s));
  }
  return scopes;
}
function sparseWeight(s) {
  const values2 = s.values;
  const bytes = (values2 ? tensorByteLength(values2) : 0) + (s.indices ? tensorByteLength(s.indices) : 0);
  return { dataType: values2?.dataType ?? 0, dims: [...s.dims], elements: values2 ? elementCount(values2.dims) : 0, bytes };
}
function denseWeight(t) {
  return { dataType: t.dataType ?? 0, dims: [...t.dims], elements: elementCount(t.dims), bytes: tensorByteLength(t) };
}
function attributeWeights(node, a) {
  const parts = [...a.t ? [a.t] : [], ...a.tensors].map(denseWeight);
  for (const s of [...a.sparseTensor ? [a.sparseTensor] : [], ...a.sparseTensors]) parts.push(sparseWeight(s));
  return parts;
}
function collectWeights(scopes, external) {
  const weights = [];
  for (const scope of scopes) {
    const g = scope.graph;
    const add = (name, kind, w, holder) => weights.push({ name, kind, graph: g.name ?? "", dtype: dataTypeName(w.dataType), ...w, scope, holder });
    for (const t of g.initializer) add(t.name ?? "", "initializer", denseWeight(t));
    for (const s of g.sparseInitializer) add(s.values?.name ?? "", "sparse-initializer", sparseWeight(s));
    for (const node of g.node) {
      if (isConstantNode(node)) {
        const a = constantValueAttr(node);
        const name = node.output[0] ?? "";
        if (a?.sparseTensor) add(name, "constant", sparseWeight(a.sparseTensor));
        else {
          const t = constantNodeTensor(node, external);
          if (t) add(name, "constant", denseWeight(t));
        }
        continue;
      }
      for (const a of node.attribute) {
        attributeWeights(node, a).forEach((w, k) => add(`${node.name || node.opType}/${a.name}${k ? `[${k}]` : ""}`, "attribute", w, node));
      }
    }
  }
  return weights;
}
function countBy(map, key, bytes) {
  const e = map.get(key) ?? { bytes: 0, count: 0 };
  e.bytes += bytes;
  e.count += 1;
  map.set(key, e);
}
function byBytes(a, b) {
  return b.bytes - a.bytes;
}
function analyzeModel(model, opts = {}) {
  const scopes = allScopes(model);
  const weights = collectWeights(scopes, opts.external);
  const index = new UseIndex(scopes);
  const modelBytes = opts.modelBytes ?? modelByteSize(model);
  const dtypes = /* @__PURE__ */ new Map();
  for (const w of weights) countBy(dtypes, w.dtype, w.bytes);
  const nodesPerOp = /* @__PURE__ */ new Map();
  let nodes = 0;
  for (const s of scopes) {
    for (const n of s.graph.node) {
      nodes++;
      nodesPerOp.set(opLabel(n), (nodesPerOp.get(opLabel(n)) ?? 0) + 1);
    }
  }
  const ops = /* @__PURE__ */ new Map();
  const quant = { tensors: 0, elements: 0, bytes: 0, int8Bytes: 0, int4Bytes: 0 };
  for (const w of weights) {
    const readers = w.holder ? [{ node: w.holder, inputIndex: -1, scope: w.scope }] : index.readers(w.scope, w.name);
    const labels = [...new Set(readers.map((u) => opLabel(u.node)))].sort();
    if (labels.length === 0) labels.push(UNUSED_OP);
    const share = Math.floor(w.bytes / labels.length);
    labels.forEach((label, k) => countBy(ops, label, share + (k === 0 ? w.bytes - share * labels.length : 0)));
    const quantizable = (w.kind === "initializer" || w.kind === "constant") && w.dataType === DataType.FLOAT && w.elements >= QUANTIZE_MIN_ELEMENTS && readers.length > 0 && readers.every((u) => !u.node.domain && QUANTIZABLE_SLOTS[u.node.opType ?? ""] === u.inputIndex);
    if (quantizable) {
      quant.tensors++;
      quant.elements += w.elements;
      quant.bytes += w.bytes;
      quant.int8Bytes += int8Estimate(w.elements);
      quant.int4Bytes += int4Estimate(w.elements);
    }
  }
  const entry = ({ scope: _s, dataType: _d, holder: _h, ...rest }) => rest;
  return {
    modelBytes,
    graphs: scopes.length,
    nodes,
    weights: { count: weights.length, bytes: weights.reduce((n, w) => n + w.bytes, 0) },
    byDtype: [...dtypes].map(([dtype, e]) => ({ dtype, tensors: e.count, bytes: e.bytes })).sort(byBytes),
    byOp: [...ops].map(([op, e]) => ({ op, nodes: nodesPerOp.get(op) ?? 0, weights: e.count, bytes: e.bytes })).sort(byBytes),
    largest: [...weights].sort(byBytes).slice(0, opts.top ?? 10).map(entry),
    duplicates: analyzeDuplicates(model, opts.external),
    quantizable: {
      ops: Object.keys(QUANTIZABLE_SLOTS),
      minElements: QUANTIZE_MIN_ELEMENTS,
      int4BlockSize: INT4_BLOCK_SIZE,
      ...quant,
      modelBytesInt8: modelBytes - quant.bytes + quant.int8Bytes,
      modelBytesInt4: modelBytes - quant.bytes + quant.int4Bytes
    }
  };
}
function inspectModel(file, opts = {}) {
  const loaded = loadModel(file);
  try {
    return { source: file, ...analyzeModel(loaded.model, { external: loaded.external, modelBytes: modelFileBytes(loaded), top: opts.top }) };
  } finally {
    loaded.external.close();
  }
}
var PASS_THROUGH, QUANTIZABLE_SLOTS, QUANTIZE_MIN_ELEMENTS, INT4_BLOCK_SIZE, UNUSED_OP, opLabel, UseIndex;
var init_inspect = __esm({
  "src/report/inspect.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_model_io();
    init_size();
    init_tensor();
    init_dedup_analysis();
    PASS_THROUGH = /* @__PURE__ */ new Set(["Identity", "Transpose"]);
    QUANTIZABLE_SLOTS = { MatMul: 1, Gemm: 1, Gather: 0 };
    QUANTIZE_MIN_ELEMENTS = 1024;
    INT4_BLOCK_SIZE = 32;
    UNUSED_OP = "(unused)";
    opLabel = (n) => n.domain && n.domain !== "ai.onnx" ? `${n.domain}.${n.opType}` : n.opType ?? "?";
    UseIndex = class {
      defined = /* @__PURE__ */ new Map();
      uses = /* @__PURE__ */ new Map();
      constructor(scopes) {
        for (const s of scopes) this.defined.set(s.graph, definedNames(s.graph));
        for (const scope of scopes) {
          for (const node of scope.graph.node) {
            node.input.forEach((name, inputIndex) => {
              if (!name) return;
              let owner = scope;
              while (owner && !this.defined.get(owner.graph)?.has(name)) owner = owner.parent;
              if (!owner) return;
              let byName = this.uses.get(owner.graph);
              if (!byName) this.uses.set(owner.graph, byName = /* @__PURE__ */ new Map());
              let list = byName.get(name);
              if (!list) byName.set(name, list = []);
              list.push({ node, inputIndex, scope });
            });
          }
        }
      }
      /** Readers of `name` defined in `scope`, looking through Identity/Transpose to the ops behind them. */
      readers(scope, name, seen = /* @__PURE__ */ new Set()) {
        const out = [];
        for (const u of this.uses.get(scope.graph)?.get(name) ?? []) {
          const through = PASS_THROUGH.has(u.node.opType ?? "") && !u.node.domain && u.inputIndex === 0 && u.node.output[0];
          if (!through) {
            out.push(u);
            continue;
          }
          if (seen.has(u.node)) continue;
          seen.add(u.node);
          out.push(...this.readers(u.scope, u.node.output[0], seen));
        }
        return out;
      }
    };
  }
});

// src/report/table.ts
function formatBytes(n) {
  const abs = Math.abs(n);
  if (abs < 1e3) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let v = abs / 1e3;
  let u = 0;
  while (v >= 1e3 && u < units.length - 1) {
    v /= 1e3;
    u++;
  }
  const digits = v < 10 ? 2 : 1;
  return `${n < 0 ? "-" : ""}${v.toFixed(digits)} ${units[u]}`;
}
function formatSignedBytes(n) {
  return n > 0 ? `+${formatBytes(n)}` : formatBytes(n);
}
function formatCount(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
function formatPercent(part, whole2, signed = false) {
  if (whole2 === 0) return "";
  const p = 100 * part / whole2;
  return `${signed && p > 0 ? "+" : ""}${p.toFixed(1)}%`;
}
function formatTable(header, rows, align) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...r[c] ?? ""].length)));
  const line = (r) => r.map((cell2, c) => {
    const pad2 = " ".repeat(widths[c] - [...cell2].length);
    return (align?.[c] ?? (c === 0 ? "l" : "r")) === "l" ? cell2 + pad2 : pad2 + cell2;
  }).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
function compressTable(r) {
  const rows = [["original", formatBytes(r.original.bytes), formatCount(r.original.bytes), "", "", ""]];
  for (const s of r.stages) {
    const delta = s.bytesAfter - s.bytesBefore;
    rows.push([
      `after ${s.name}`,
      formatBytes(s.bytesAfter),
      formatCount(s.bytesAfter),
      formatSignedBytes(delta),
      formatPercent(delta, s.bytesBefore, true),
      `${formatCount(s.ms)} ms`
    ]);
  }
  const total2 = r.compressed.bytes - r.original.bytes;
  rows.push([
    "final (saved)",
    formatBytes(r.compressed.bytes),
    formatCount(r.compressed.bytes),
    formatSignedBytes(total2),
    formatPercent(total2, r.original.bytes, true),
    ""
  ]);
  const table = formatTable(["step", "size", "bytes", "change", "%", "time"], rows);
  const ratio = r.compressed.bytes > 0 ? (r.original.bytes / r.compressed.bytes).toFixed(2) : "\u221E";
  return `${table}

${r.source} \u2192 ${r.output}: ${ratio}\xD7 smaller`;
}
function firstOf(items, n = 3) {
  return items.length <= n ? items.join(", ") : `${items.slice(0, n).join(", ")} +${items.length - n} more`;
}
function inspectTables(r, maxGroups = 10) {
  const out = [];
  const w = r.weights.bytes;
  out.push(`${r.source ?? "model"}: ${formatBytes(r.modelBytes)}, ${formatCount(r.nodes)} nodes in ${plural(r.graphs, "graph")}, weights ${formatBytes(w)} in ${formatCount(r.weights.count)} tensors`);
  out.push("", "bytes by dtype");
  out.push(formatTable(
    ["dtype", "tensors", "size", "% of weights"],
    r.byDtype.map((d2) => [d2.dtype, formatCount(d2.tensors), formatBytes(d2.bytes), formatPercent(d2.bytes, w)])
  ));
  out.push("", "bytes by op (weights split evenly among the op types that read them, through Identity/Transpose)");
  out.push(formatTable(
    ["op", "nodes", "weights", "size", "% of weights"],
    r.byOp.map((o) => [o.op, formatCount(o.nodes), formatCount(o.weights), formatBytes(o.bytes), formatPercent(o.bytes, w)])
  ));
  out.push("", `largest tensors (top ${r.largest.length})`);
  out.push(formatTable(
    ["name", "kind", "dtype", "dims", "size"],
    r.largest.map((t) => [t.name, t.kind, t.dtype, dimsText(t.dims), formatBytes(t.bytes)]),
    ["l", "l", "l", "l", "r"]
  ));
  const d = r.duplicates;
  const copies = d.groups.reduce((n, g) => n + g.count, 0);
  out.push("", `duplicates: ${plural(d.groups.length, "group")} (${copies} copies), ${plural(d.transposedTies.length, "transposed tie")}; dedup reclaims ${formatBytes(d.reclaimableBytes)} (${formatPercent(d.reclaimableBytes, r.modelBytes)} of the model)`);
  if (d.groups.length) {
    const shown2 = d.groups.slice(0, maxGroups);
    out.push(formatTable(
      ["dtype", "dims", "copies", "each", "reclaimable", "names"],
      shown2.map((g) => [g.dtype, dimsText(g.dims), String(g.count), formatBytes(g.bytes), formatBytes(g.reclaimableBytes), firstOf(g.names)]),
      ["l", "l", "r", "r", "r", "l"]
    ));
    if (d.groups.length > shown2.length) out.push(`\u2026 ${d.groups.length - shown2.length} more groups (see --json)`);
  }
  if (d.transposedTies.length) {
    out.push(formatTable(
      ["kept", "dims", "transposed copy", "dims", "reclaimable"],
      d.transposedTies.map((t) => [t.kept, dimsText(t.keptDims), t.transposed, dimsText(t.transposedDims), formatBytes(t.bytes)]),
      ["l", "l", "l", "l", "r"]
    ));
  }
  const q = r.quantizable;
  out.push("", `quantizable: ${plural(q.tensors, "float weight")} of \u2265 ${q.minElements} elements read only by ${q.ops.join("/")} (${formatBytes(q.bytes)}, ${formatPercent(q.bytes, r.modelBytes)} of the model)`);
  out.push(formatTable(["as", "those weights", "model (estimate)"], [
    ["now", formatBytes(q.bytes), formatBytes(r.modelBytes)],
    ["int8", formatBytes(q.int8Bytes), formatBytes(q.modelBytesInt8)],
    [`int4, block ${q.int4BlockSize}`, formatBytes(q.int4Bytes), formatBytes(q.modelBytesInt4)]
  ]));
  return out.join("\n");
}
var plural, dimsText;
var init_table = __esm({
  "src/report/table.ts"() {
    "use strict";
    plural = (n, what) => `${n} ${what}${n === 1 ? "" : "s"}`;
    dimsText = (dims) => `[${dims.join(", ")}]`;
  }
});

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(command, argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split(/\.\s/)[0].replace(/\.$/, "") : String(e);
    throw new UsageError(`${command}: ${message.charAt(0).toLowerCase()}${message.slice(1)}; see 'onnx-diet ${command} --help'`);
  }
}
function defineCommand(spec) {
  const usage2 = `usage: onnx-diet ${COMMANDS[spec.name].synopsis}

${spec.help}`;
  return {
    usage: usage2,
    async run(argv) {
      const { values: values2, positionals: given } = parseCommandArgs(spec.name, argv, { ...HELP_OPTION, ...spec.options });
      if (values2.help) {
        process.stdout.write(`${usage2}
`);
        return 0;
      }
      return spec.run(values2, positionals(spec.name, given, spec.args));
    }
  };
}
function positionals(command, given, names) {
  if (given.length < names.length) {
    throw new UsageError(`${command}: missing ${names[given.length]}; see 'onnx-diet ${command} --help'`);
  }
  if (given.length > names.length) {
    throw new UsageError(`${command}: unexpected argument '${given[names.length]}'; see 'onnx-diet ${command} --help'`);
  }
  return given;
}
var HELP_OPTION;
var init_args = __esm({
  "src/cli/args.ts"() {
    "use strict";
    init_errors();
    init_commands();
    HELP_OPTION = { help: { type: "boolean", short: "h" } };
  }
});

// src/cli/progress.ts
import { performance } from "node:perf_hooks";
function seconds(ms2) {
  return `${(ms2 / 1e3).toFixed(2)} s`;
}
function lineProgress(out) {
  const stamp = () => (/* @__PURE__ */ new Date()).toISOString().slice(11, 19);
  return {
    async step(label, work) {
      out.write(`[${stamp()}] ${label}
`);
      const t0 = performance.now();
      const result = await work();
      out.write(`[${stamp()}] ${label}: done in ${seconds(performance.now() - t0)}
`);
      return result;
    },
    note(message) {
      out.write(`[${stamp()}]   ${message}
`);
    }
  };
}
function spinnerProgress(out) {
  const clear = "\r\x1B[2K";
  return {
    async step(label, work) {
      const t0 = performance.now();
      let frame = 0;
      const draw = () => out.write(`${clear}${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds(performance.now() - t0)}`);
      draw();
      const timer = setInterval(draw, 100);
      timer.unref();
      try {
        const result = await work();
        out.write(`${clear}\u2713 ${label} ${seconds(performance.now() - t0)}
`);
        return result;
      } catch (e) {
        out.write(clear);
        throw e;
      } finally {
        clearInterval(timer);
      }
    },
    note(message) {
      out.write(`${clear}  ${message}
`);
    }
  };
}
function createProgress(out = process.stderr) {
  return out.isTTY ? spinnerProgress(out) : lineProgress(out);
}
var FRAMES;
var init_progress = __esm({
  "src/cli/progress.ts"() {
    "use strict";
    FRAMES = ["\u280B", "\u2819", "\u2839", "\u2838", "\u283C", "\u2834", "\u2826", "\u2827", "\u2807", "\u280F"];
  }
});

// src/cli/inspect.ts
var inspect_exports = {};
__export(inspect_exports, {
  inspectCommand: () => inspectCommand
});
var help, inspectCommand;
var init_inspect2 = __esm({
  "src/cli/inspect.ts"() {
    "use strict";
    init_inspect();
    init_json();
    init_table();
    init_args();
    init_progress();
    help = `Shows what the model's bytes are: by dtype, by the ops that read the weights, the largest
tensors, duplicate weights (also transposed copies) that dedup would merge, and how much
int8 / int4 weight quantization would leave. Reads the model; never changes it.

  --json FILE    also write the analysis as JSON
  -h, --help     show this help`;
    inspectCommand = defineCommand({
      name: "inspect",
      help,
      options: { json: { type: "string" } },
      args: ["the model to inspect (MODEL)"],
      async run(values2, [file]) {
        const report = await createProgress().step(`inspect ${file}`, () => inspectModel(file));
        process.stdout.write(`${inspectTables(report)}
`);
        if (values2.json !== void 0) writeJsonFile(values2.json, { tool: TOOL, version: TOOL_VERSION, ...report });
        return 0;
      }
    });
  }
});

// src/onnx/float16.ts
function toFloat16Bits(x) {
  f32[0] = x;
  const b = u32[0];
  const sign = b >>> 16 & 32768;
  const exp = b >>> 23 & 255;
  let mant = b & 8388607;
  if (exp === 255) return sign | 31744 | (mant ? 512 : 0);
  let e = exp - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 8388608;
    const shift = 14 - e;
    const half = 1 << shift - 1;
    let m2 = mant >>> shift;
    const rest2 = mant & (1 << shift) - 1;
    if (rest2 > half || rest2 === half && m2 & 1) m2++;
    return sign | m2;
  }
  let m = mant >>> 13;
  const rest = mant & 8191;
  if (rest > 4096 || rest === 4096 && m & 1) {
    m++;
    if (m === 1024) {
      m = 0;
      e++;
      if (e >= 31) return sign | 31744;
    }
  }
  return sign | e << 10 | m;
}
function fromFloat16Bits(h) {
  const sign = h & 32768 ? -1 : 1;
  const e = h >>> 10 & 31;
  const m = h & 1023;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
var f32, u32;
var init_float16 = __esm({
  "src/onnx/float16.ts"() {
    "use strict";
    f32 = new Float32Array(1);
    u32 = new Uint32Array(f32.buffer);
  }
});

// src/check/named-tensor.ts
function isOrtTensorType(dataType) {
  return dataType !== void 0 && FEEDABLE.has(dataType);
}
function ortTypeOf(dataType) {
  const name = isOrtTensorType(dataType) ? ORT_TYPE[dataType] : void 0;
  if (!name) throw new UnsupportedTensorTypeError(`${dataTypeName(dataType)} tensors cannot pass through onnxruntime-node`);
  return name;
}
function namedFromTensorProto(t, name = t.name ?? "", external) {
  const type = ortTypeOf(t.dataType);
  const dims = [...t.dims];
  if (t.dataType === DataType.STRING) return { name, type, dims, data: t.stringData.map((s) => utf8.decode(s)) };
  const bytes = tensorBytes(t, external);
  const expected = rawByteLength(t.dataType, elementCount(dims));
  if (bytes.length !== expected) {
    throw new OnnxFormatError(`tensor '${name}': ${bytes.length} bytes for dims [${dims.join(",")}] of ${type} (expected ${expected})`);
  }
  return { name, type, dims, data: bytes };
}
function ownedBytes(bytes) {
  const out = new Uint8Array(bytes.byteLength);
  out.set(bytes);
  return out;
}
function tensorValues(n) {
  if (Array.isArray(n.data)) return n.data;
  const copy = ownedBytes(n.data);
  const buf = copy.buffer;
  switch (n.type) {
    case "float32":
      return new Float32Array(buf);
    case "float64":
      return new Float64Array(buf);
    case "int8":
      return new Int8Array(buf);
    case "uint8":
    case "bool":
      return copy;
    case "int16":
      return new Int16Array(buf);
    case "uint16":
      return new Uint16Array(buf);
    case "int32":
      return new Int32Array(buf);
    case "uint32":
      return new Uint32Array(buf);
    case "int64":
      return new BigInt64Array(buf);
    case "uint64":
      return new BigUint64Array(buf);
    // A typed array, not number[]: callers tell strings from numbers by Array.isArray.
    case "float16":
      return Float32Array.from(new Uint16Array(buf), fromFloat16Bits);
    default:
      throw new UnsupportedTensorTypeError(`cannot read values of ${n.type} tensor '${n.name}'`);
  }
}
var FLOAT_TYPES, isFloatType, comparableTypes, ONNX_TYPE_OF_ORT, UnsupportedTensorTypeError, FEEDABLE, utf8;
var init_named_tensor = __esm({
  "src/check/named-tensor.ts"() {
    "use strict";
    init_dtype();
    init_errors();
    init_float16();
    init_tensor();
    FLOAT_TYPES = /* @__PURE__ */ new Set(["float16", "float32", "float64"]);
    isFloatType = (type) => FLOAT_TYPES.has(type);
    comparableTypes = (a, b) => a === b || isFloatType(a) && isFloatType(b);
    ONNX_TYPE_OF_ORT = Object.fromEntries(
      Object.entries(ORT_TYPE).map(([code, name]) => [name, Number(code)])
    );
    UnsupportedTensorTypeError = class extends Error {
      name = "UnsupportedTensorTypeError";
    };
    FEEDABLE = /* @__PURE__ */ new Set([
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
    utf8 = new TextDecoder("utf-8");
  }
});

// src/check/input-meta.ts
function defaultDim(name) {
  return DEFAULT_DIMS.find(([re]) => re.test(name))?.[1];
}
function modelInputs(model) {
  const graph = model.graph;
  if (!graph) return [];
  const initialized = new Set(graph.initializer.map((t) => t.name));
  return graph.input.filter((v) => v.name && !initialized.has(v.name)).map((v) => {
    const tt = v.type?.tensorType;
    if (!tt) throw new UsageError(`input '${v.name}' is not a tensor; parity checks feed tensors only`);
    let type;
    try {
      type = ortTypeOf(tt.elemType);
    } catch (e) {
      if (e instanceof UnsupportedTensorTypeError) throw new UsageError(`input '${v.name}': ${e.message}`);
      throw e;
    }
    const dims = (tt.shape?.dim ?? []).map((d) => d.dimValue ?? (d.dimParam || void 0));
    return { name: v.name, type, dims };
  });
}
function resolveDims(input, dims) {
  return input.dims.map((d, axis) => {
    if (typeof d === "number") return d;
    const byAxis = dims[`${input.name}[${axis}]`];
    if (byAxis !== void 0) return byAxis;
    if (d === void 0) {
      throw new UsageError(`input '${input.name}' axis ${axis} has no size and no name; set parity.dims."${input.name}[${axis}]" in the config`);
    }
    const given = dims[d] ?? defaultDim(d);
    if (given === void 0) {
      throw new UsageError(`input '${input.name}' axis ${axis} is the symbolic dim '${d}' with no default; set parity.dims.${d} in the config`);
    }
    return given;
  });
}
function encodeValues(type, values2) {
  const n = values2.length;
  const num = (i) => Number(values2[i]);
  const big = (i) => {
    const v = values2[i];
    return typeof v === "bigint" ? v : BigInt(Math.trunc(Number(v)));
  };
  const fill = (arr, get2) => {
    for (let i = 0; i < n; i++) arr[i] = get2(i);
    return new Uint8Array(arr.buffer);
  };
  switch (type) {
    case "float32":
      return fill(new Float32Array(n), num);
    case "float64":
      return fill(new Float64Array(n), num);
    case "float16":
      return fill(new Uint16Array(n), (i) => toFloat16Bits(num(i)));
    case "int8":
      return fill(new Int8Array(n), num);
    case "uint8":
      return fill(new Uint8Array(n), num);
    case "bool":
      return fill(new Uint8Array(n), (i) => num(i) ? 1 : 0);
    case "int16":
      return fill(new Int16Array(n), num);
    case "uint16":
      return fill(new Uint16Array(n), num);
    case "int32":
      return fill(new Int32Array(n), num);
    case "uint32":
      return fill(new Uint32Array(n), num);
    case "int64":
      return fill(new BigInt64Array(n), big);
    case "uint64":
      return fill(new BigUint64Array(n), big);
    default:
      throw new UsageError(`cannot make ${type} tensors from numbers`);
  }
}
var BATCH_DIM, SEQUENCE_DIM, DEFAULT_SEQUENCE, DEFAULT_DIMS;
var init_input_meta = __esm({
  "src/check/input-meta.ts"() {
    "use strict";
    init_errors();
    init_float16();
    init_named_tensor();
    BATCH_DIM = /batch|^n$|^b$/i;
    SEQUENCE_DIM = /seq|sequence|length|^len$|token|time|^t$/i;
    DEFAULT_SEQUENCE = 128;
    DEFAULT_DIMS = [
      [BATCH_DIM, 1],
      [SEQUENCE_DIM, DEFAULT_SEQUENCE]
    ];
  }
});

// src/check/feed-types.ts
function convertFloatTensor(t, to) {
  return { name: t.name, type: to, dims: [...t.dims], data: encodeValues(to, tensorValues(t)) };
}
function inputTypes(inputs) {
  return new Map(inputs.map((m) => [m.name, m.type]));
}
function feedsFor(feeds, declared2) {
  return feeds.map((t) => {
    const want = declared2.get(t.name);
    if (!want || want === t.type || !isFloatType(want) || !isFloatType(t.type)) return t;
    let byType = converted.get(t);
    if (!byType) converted.set(t, byType = /* @__PURE__ */ new Map());
    let c = byType.get(want);
    if (!c) byType.set(want, c = convertFloatTensor(t, want));
    return c;
  });
}
var converted;
var init_feed_types = __esm({
  "src/check/feed-types.ts"() {
    "use strict";
    init_input_meta();
    init_named_tensor();
    converted = /* @__PURE__ */ new WeakMap();
  }
});

// src/check/ort-runner.ts
import { fork } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath } from "node:url";
function ortSaid(e) {
  return (e instanceof OrtCallError ? e.said : e instanceof Error ? e.message : String(e)).split("\n")[0];
}
function workerEntry() {
  const js = fileURLToPath(new URL("./ort-worker.js", import.meta.url));
  if (existsSync2(js)) return { file: js, execArgv: [] };
  const ts = fileURLToPath(new URL("./ort-worker.ts", import.meta.url));
  if (existsSync2(ts)) return { file: ts, execArgv: ["--import", import.meta.resolve("tsx")] };
  throw new Error(`onnxruntime worker not found next to ${fileURLToPath(import.meta.url)} (expected ort-worker.js); rebuild the bundle`);
}
function startOrtHost(options = {}) {
  return new ForkedOrtHost(options);
}
var OrtCallError, OrtCrashError, STDERR_TAIL, ForkedOrtHost;
var init_ort_runner = __esm({
  "src/check/ort-runner.ts"() {
    "use strict";
    init_feed_types();
    OrtCallError = class extends Error {
      constructor(what, said) {
        super(`onnxruntime failed while ${what}: ${said}`);
        this.said = said;
      }
      said;
      name = "OrtCallError";
    };
    OrtCrashError = class extends Error {
      constructor(message, stderr = "") {
        super(message);
        this.stderr = stderr;
      }
      stderr;
      name = "OrtCrashError";
    };
    STDERR_TAIL = 4096;
    ForkedOrtHost = class {
      constructor(options) {
        this.options = options;
      }
      options;
      child;
      pending = /* @__PURE__ */ new Map();
      sessions = /* @__PURE__ */ new Map();
      seq = 0;
      nextSession = 1;
      stderr = "";
      get pid() {
        return this.child?.pid;
      }
      spawn() {
        const { file, execArgv } = workerEntry();
        const child = fork(file, [], { serialization: "advanced", execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"] });
        this.child = child;
        this.stderr = "";
        child.stderr?.setEncoding("utf8");
        child.stderr?.on("data", (s) => {
          if (this.child === child) this.stderr = (this.stderr + s).slice(-STDERR_TAIL);
        });
        child.on("message", (m) => this.settle(m));
        child.on("error", (e) => this.failAll(child, `onnxruntime worker failed: ${e.message}`));
        child.on("exit", (code, signal) => this.failAll(child, `onnxruntime crashed (${signal ?? `exit code ${code}`})`));
        return child;
      }
      failAll(child, message) {
        if (this.child !== child) return;
        this.child = void 0;
        const stderr = this.stderr.trim();
        for (const [seq, p] of this.pending) {
          clearTimeout(p.timer);
          this.pending.delete(seq);
          p.reject(new OrtCrashError(`${message} while ${p.what}`, stderr));
        }
      }
      settle(m) {
        const p = this.pending.get(m.seq);
        if (!p) return;
        this.pending.delete(m.seq);
        clearTimeout(p.timer);
        if (this.pending.size === 0) this.idle(true);
        if (m.ok) p.resolve(m.result);
        else p.reject(new OrtCallError(p.what, m.error));
      }
      /** An idle child must not keep the parent's event loop alive (a CLI that forgot close() still exits). */
      idle(yes) {
        const c = this.child;
        if (!c) return;
        const pipe = c.stderr;
        if (yes) {
          c.unref();
          c.channel?.unref();
          pipe?.unref?.();
        } else {
          c.ref();
          c.channel?.ref();
          pipe?.ref?.();
        }
      }
      call(child, req, what, timeoutMs) {
        const seq = ++this.seq;
        return new Promise((resolve, reject) => {
          const p = { resolve, reject, what };
          const limit = timeoutMs ?? this.options.timeoutMs;
          if (limit !== void 0) {
            p.timer = setTimeout(() => this.stop(child, `timed out after ${limit >= 1e3 ? `${(limit / 1e3).toFixed(1)} s` : `${limit} ms`}`), limit);
          }
          this.pending.set(seq, p);
          this.idle(false);
          child.send({ ...req, seq }, (e) => {
            if (e) this.failAll(child, `onnxruntime worker unreachable (${e.message})`);
          });
        });
      }
      /** Detaches the child (pending calls reject with `reason`) and kills it: native code cannot be interrupted. */
      stop(child, reason) {
        if (this.child !== child) return;
        this.failAll(child, `onnxruntime ${reason}`);
        child.kill("SIGKILL");
      }
      async load(modelPath, options = {}) {
        const child = this.child ?? this.spawn();
        const { timeoutMs, ...loadOptions } = options;
        const r = await this.call(child, { op: "load", modelPath, options: loadOptions }, `loading ${modelPath}`, timeoutMs);
        const id = this.nextSession++;
        this.sessions.set(id, { child, workerId: r.id, modelPath, inputTypes: inputTypes(r.inputs) });
        return { ...r, id };
      }
      session(id) {
        const s = this.sessions.get(id);
        if (!s) throw new Error(`onnxruntime session ${id} does not exist (already released?)`);
        if (s.child !== this.child) {
          throw new OrtCrashError(`onnxruntime session for ${s.modelPath} was lost when its process stopped; load the model again`);
        }
        return s;
      }
      async run(id, feeds, outputNames, options = {}) {
        const s = this.session(id);
        return this.call(s.child, { op: "run", id: s.workerId, feeds: feedsFor(feeds, s.inputTypes), outputNames }, `running ${s.modelPath}`, options.timeoutMs);
      }
      async release(id) {
        const s = this.sessions.get(id);
        this.sessions.delete(id);
        if (!s || s.child !== this.child) return;
        await this.call(s.child, { op: "release", id: s.workerId }, `releasing ${s.modelPath}`);
      }
      restart() {
        if (this.child) this.stop(this.child, "was restarted");
        this.sessions.clear();
      }
      async close() {
        const child = this.child;
        this.sessions.clear();
        if (!child) return;
        const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
        this.idle(false);
        this.failAll(child, "onnxruntime was closed");
        if (child.connected) child.disconnect();
        const timer = setTimeout(() => child.kill("SIGKILL"), 2e3);
        await exited;
        clearTimeout(timer);
      }
    };
  }
});

// src/config/types.ts
function formatWhere(w) {
  return w ? `${w.file}:${w.line}:${w.col}` : "";
}
var ConfigError, DEFAULT_PARITY, DEFAULT_LATENCY, DEFAULT_MAX_SEARCH_TIME_S;
var init_types2 = __esm({
  "src/config/types.ts"() {
    "use strict";
    init_errors();
    ConfigError = class extends UsageError {
      constructor(issues) {
        super(issues.map((i) => `${formatWhere(i)}: ${oneLine(i.message)}`).join("\n"));
        this.issues = issues;
      }
      issues;
      name = "ConfigError";
    };
    DEFAULT_PARITY = { inputs: "auto", samples: 4, seed: 0 };
    DEFAULT_LATENCY = { runs: 20, warmup: 3, threads: 1 };
    DEFAULT_MAX_SEARCH_TIME_S = 600;
  }
});

// src/check/npy.ts
function parseNpy(bytes, name, where) {
  const fail = (what) => new UsageError(`${where}: ${what}`);
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw fail("not a .npy file (no \\x93NUMPY magic)");
  const major = bytes[6];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [headerLen, start] = major === 1 ? [dv.getUint16(8, true), 10] : [dv.getUint32(8, true), 12];
  if (major < 1 || major > 3 || start + headerLen > bytes.length) throw fail(`unsupported or truncated .npy header (version ${major})`);
  const header = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr'\s*:\s*'([<>|=])([a-z]\d+)'/.exec(header);
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header);
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(header);
  if (!descr || !fortran || !shape) throw fail(`cannot read the .npy header ${JSON.stringify(header.trim())}`);
  const known = DTYPES[descr[2]];
  if (!known) throw fail(`dtype '${descr[1]}${descr[2]}' is not supported (use float32/16/64, int8\u201364, uint8\u201364 or bool)`);
  const [type, width] = known;
  const dims = shape[1].split(",").map((s) => s.trim()).filter(Boolean).map(Number);
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) throw fail(`bad shape (${shape[1]})`);
  if (fortran[1] === "True" && dims.filter((d) => d > 1).length > 1) {
    throw fail("array is in Fortran order; save it with np.save(f, np.ascontiguousarray(a))");
  }
  const count = dims.reduce((a, b) => a * b, 1);
  const begin = start + headerLen;
  if (bytes.length - begin < count * width) throw fail(`holds ${bytes.length - begin} data bytes, shape needs ${count * width}`);
  const data = bytes.slice(begin, begin + count * width);
  if (descr[1] === ">" && width > 1) {
    for (let i = 0; i < data.length; i += width) data.subarray(i, i + width).reverse();
  }
  return { name, type, dims, data };
}
var DTYPES, MAGIC;
var init_npy = __esm({
  "src/check/npy.ts"() {
    "use strict";
    init_errors();
    DTYPES = {
      f4: ["float32", 4],
      f8: ["float64", 8],
      f2: ["float16", 2],
      i8: ["int64", 8],
      i4: ["int32", 4],
      i2: ["int16", 2],
      i1: ["int8", 1],
      u1: ["uint8", 1],
      u2: ["uint16", 2],
      u4: ["uint32", 4],
      u8: ["uint64", 8],
      b1: ["bool", 1]
    };
    MAGIC = [147, 78, 85, 77, 80, 89];
  }
});

// src/check/npz.ts
import { inflateRawSync } from "node:zlib";
import * as zlib from "node:zlib";
function centralDirectory(dv, fail) {
  const min = Math.max(0, dv.byteLength - 22 - 65535);
  for (let p = dv.byteLength - 22; p >= min; p--) {
    if (dv.getUint32(p, true) !== EOCD_SIG) continue;
    let count = dv.getUint16(p + 10, true);
    let offset = dv.getUint32(p + 16, true);
    const loc = p - 20;
    if ((offset === 4294967295 || count === 65535) && loc >= 0 && dv.getUint32(loc, true) === ZIP64_EOCD_LOCATOR_SIG) {
      const z = Number(dv.getBigUint64(loc + 8, true));
      if (z + 56 > dv.byteLength || dv.getUint32(z, true) !== ZIP64_EOCD_SIG) throw fail("broken ZIP64 end record");
      count = Number(dv.getBigUint64(z + 32, true));
      offset = Number(dv.getBigUint64(z + 48, true));
    }
    return { offset, count };
  }
  throw fail("not a zip archive (no end-of-central-directory record)");
}
function readEntries(bytes, fail) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { offset, count } = centralDirectory(dv, fail);
  const entries = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CD_SIG) throw fail(`broken central directory entry ${i}`);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const e = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: dv.getUint16(p + 10, true),
      crc: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true)
    };
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = dv.getUint16(x, true);
      const len = dv.getUint16(x + 2, true);
      if (id === 1) {
        let q = x + 4;
        const next = () => {
          const v = Number(dv.getBigUint64(q, true));
          q += 8;
          return v;
        };
        if (e.size === 4294967295) e.size = next();
        if (e.compressedSize === 4294967295) e.compressedSize = next();
        if (e.localOffset === 4294967295) e.localOffset = next();
      }
      x += 4 + len;
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}
function entryBytes(bytes, e, fail) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = e.localOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL_SIG) throw fail(`entry ${e.name}: broken local header`);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  if (start + e.compressedSize > bytes.length) throw fail(`entry ${e.name}: truncated`);
  if (e.size > MAX_ENTRY_BYTES) throw fail(`entry ${e.name}: ${e.size} bytes uncompressed, more than we read`);
  const raw = bytes.subarray(start, start + e.compressedSize);
  let data;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      throw fail(`entry ${e.name}: cannot inflate (${err.message})`);
    }
  } else throw fail(`entry ${e.name}: compression method ${e.method} is not supported (use np.savez or np.savez_compressed)`);
  if (data.length !== e.size) throw fail(`entry ${e.name}: ${data.length} bytes, the directory says ${e.size}`);
  const crc322 = zlib.crc32;
  if (crc322 && crc322(data) >>> 0 !== e.crc) throw fail(`entry ${e.name}: CRC mismatch (corrupt archive)`);
  return data;
}
function parseNpz(bytes, where) {
  const fail = (what) => new UsageError(`${where}: ${what}`);
  return readEntries(bytes, fail).filter((e) => !e.name.endsWith("/")).map((e) => parseNpy(entryBytes(bytes, e, fail), e.name.replace(/\.npy$/, ""), `${where}: ${e.name}`));
}
var EOCD_SIG, CD_SIG, LOCAL_SIG, ZIP64_EOCD_LOCATOR_SIG, ZIP64_EOCD_SIG, MAX_ENTRY_BYTES;
var init_npz = __esm({
  "src/check/npz.ts"() {
    "use strict";
    init_errors();
    init_npy();
    EOCD_SIG = 101010256;
    CD_SIG = 33639248;
    LOCAL_SIG = 67324752;
    ZIP64_EOCD_LOCATOR_SIG = 117853008;
    ZIP64_EOCD_SIG = 101075792;
    MAX_ENTRY_BYTES = 2 ** 31 - 1;
  }
});

// src/check/test-data.ts
import { existsSync as existsSync3, readdirSync as readdirSync2, readFileSync as readFileSync2 } from "node:fs";
import path4 from "node:path";
function testDataSetDirs(modelDir) {
  if (!existsSync3(modelDir)) return [];
  return readdirSync2(modelDir, { withFileTypes: true }).filter((e) => e.isDirectory() && /^test_data_set_\d+$/.test(e.name)).map((e) => e.name).sort(byIndex("test_data_set_")).map((n) => path4.join(modelDir, n));
}
function nonTensorKind(type) {
  if (!type) return "value of unknown type";
  if (type.tensorType) return void 0;
  if (type.sequenceType) return "sequence";
  if (type.optionalType) return "optional";
  if (type.mapType) return "map";
  if (type.sparseTensorType) return "sparse tensor";
  return "opaque value";
}
function readValue(file, info, fallbackName) {
  const name = info?.name ?? fallbackName;
  const kind = nonTensorKind(info?.type);
  if (info && kind) return { name, file, unsupported: `${kind} values` };
  const declared2 = info?.type?.tensorType?.elemType;
  if (declared2 !== void 0 && !isOrtTensorType(declared2)) return { name, file, unsupported: `${dataTypeName(declared2)} tensors` };
  let bytes;
  try {
    bytes = readFileSync2(file);
  } catch {
    throw new OnnxFormatError(`${file}: cannot read test data file`);
  }
  try {
    return { name, file, tensor: namedFromTensorProto(decodeTensor(bytes), name) };
  } catch (e) {
    if (e instanceof UnsupportedTensorTypeError) return { name, file, unsupported: e.message.replace(/ tensors .*/, " tensors") };
    if (e instanceof OnnxFormatError) throw new OnnxFormatError(`${file}: not a TensorProto (${e.message})`);
    throw e;
  }
}
function readValues(dir, prefix, infos) {
  const files = readdirSync2(dir).filter((f) => f.startsWith(prefix) && f.endsWith(".pb")).sort(byIndex(prefix));
  return files.map((f) => {
    const k = Number(f.slice(prefix.length, -3));
    return readValue(path4.join(dir, f), infos[k], f.slice(0, -3));
  });
}
function readTestDataSet(dir, graph) {
  return { dir, inputs: readValues(dir, "input_", graph.input), outputs: readValues(dir, "output_", graph.output) };
}
var byIndex;
var init_test_data = __esm({
  "src/check/test-data.ts"() {
    "use strict";
    init_codec();
    init_errors();
    init_dtype();
    init_named_tensor();
    byIndex = (prefix) => (a, b) => Number(a.slice(prefix.length).split(".")[0]) - Number(b.slice(prefix.length).split(".")[0]);
  }
});

// src/check/input-files.ts
import { existsSync as existsSync4, readdirSync as readdirSync3, readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import path5 from "node:path";
function readBounded(file) {
  const size = statSync2(file).size;
  if (size > MAX_SAMPLE_FILE_BYTES) throw new UsageError(`${file}: ${size} bytes is too large for a sample input file (limit 1 GiB)`);
  return readFileSync3(file);
}
function flattenJson(v, where) {
  const dims = [];
  for (let x = v; Array.isArray(x); x = x[0]) dims.push(x.length);
  const flat = [];
  const walk = (x, depth) => {
    if (depth === dims.length) {
      if (Array.isArray(x)) throw new UsageError(`${where}: nested lists are not rectangular`);
      flat.push(x);
      return;
    }
    if (!Array.isArray(x) || x.length !== dims[depth]) throw new UsageError(`${where}: nested lists are not rectangular`);
    for (const y of x) walk(y, depth + 1);
  };
  walk(v, 0);
  return { dims, flat };
}
function jsonTensor(value, input, where) {
  const { dims, flat } = flattenJson(value, where);
  if (input.type === "string") {
    if (!flat.every((x) => typeof x === "string")) throw new UsageError(`${where}: input '${input.name}' takes strings`);
    return { name: input.name, type: input.type, dims, data: flat };
  }
  const bad = flat.findIndex((x) => typeof x !== "number" && typeof x !== "boolean");
  if (bad >= 0) throw new UsageError(`${where}: element ${bad} of '${input.name}' is ${JSON.stringify(flat[bad])}, not a number`);
  return { name: input.name, type: input.type, dims, data: encodeValues(input.type, flat) };
}
function jsonSamples(file, inputs) {
  let doc;
  try {
    doc = JSON.parse(readBounded(file).toString("utf8"));
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${e.message})`);
  }
  const list = Array.isArray(doc) ? doc : [doc];
  return list.map((entry, k) => {
    const where = Array.isArray(doc) ? `${file}[${k}]` : file;
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) {
      throw new UsageError(`${where}: expected an object of input name \u2192 nested list`);
    }
    return Object.entries(entry).map(([name, value]) => {
      const input = inputs.find((i) => i.name === name);
      if (!input) throw new UsageError(`${where}: '${name}' is not an input of the model (inputs: ${inputs.map((i) => i.name).join(", ")})`);
      return jsonTensor(value, input, `${where}: ${name}`);
    });
  });
}
function toInputType(t, inputs) {
  const input = inputs.find((i) => i.name === t.name);
  if (!input || input.type === t.type || Array.isArray(t.data) || input.type === "string") return t;
  const values2 = tensorValues(t);
  return { ...t, type: input.type, data: encodeValues(input.type, values2) };
}
function npyTensor(file, inputs) {
  const stem = path5.basename(file, ".npy");
  const name = inputs.length === 1 && !inputs.some((i) => i.name === stem) ? inputs[0].name : stem;
  return toInputType(parseNpy(readBounded(file), name, file), inputs);
}
function testSetSample(dir, model) {
  const set = readTestDataSet(dir, model.graph);
  return set.inputs.map((v) => {
    if ("unsupported" in v) throw new UsageError(`${v.file}: ${v.unsupported} cannot be fed to onnxruntime-node`);
    return v.tensor;
  });
}
function folderSamples(dir, model, inputs) {
  const sets = testDataSetDirs(dir);
  if (sets.length) return sets.map((d) => testSetSample(d, model));
  const files = readdirSync3(dir).sort();
  if (files.some((f) => /^input_\d+\.pb$/.test(f))) return [testSetSample(dir, model)];
  const many = files.filter((f) => f.endsWith(".npz") || f.endsWith(".json"));
  if (many.length) return many.flatMap((f) => fileSamples(path5.join(dir, f), model, inputs));
  const npys = files.filter((f) => f.endsWith(".npy"));
  if (npys.length) return [npys.map((f) => npyTensor(path5.join(dir, f), inputs))];
  throw new UsageError(`${dir}: no sample inputs here (expected test_data_set_N/, input_K.pb, .npz, .json or .npy files)`);
}
function fileSamples(spec, model, inputs) {
  if (!existsSync4(spec)) throw new UsageError(`${spec}: no such file or folder for parity inputs`);
  if (statSync2(spec).isDirectory()) return folderSamples(spec, model, inputs);
  const ext = path5.extname(spec).toLowerCase();
  if (ext === ".npy") return [[npyTensor(spec, inputs)]];
  if (ext === ".npz") return [parseNpz(readBounded(spec), spec).map((t) => toInputType(t, inputs))];
  if (ext === ".json") return jsonSamples(spec, inputs);
  throw new UsageError(`${spec}: unknown input file type '${ext}' (use .npy, .npz, .json or a test_data_set folder)`);
}
function readLabels(file) {
  if (!existsSync4(file)) throw new UsageError(`${file}: no such labels file`);
  let values2;
  if (file.toLowerCase().endsWith(".npy")) {
    values2 = Array.from(tensorValues(parseNpy(readBounded(file), "labels", file)), Number);
  } else {
    let doc;
    try {
      doc = JSON.parse(readBounded(file).toString("utf8"));
    } catch (e) {
      throw new UsageError(`${file}: not valid JSON (${e.message})`);
    }
    values2 = Array.isArray(doc) ? doc.flat(Infinity) : [];
  }
  if (!values2.length || !values2.every((v) => Number.isInteger(v))) {
    throw new UsageError(`${file}: labels must be a non-empty list of whole numbers (class ids)`);
  }
  return values2;
}
var MAX_SAMPLE_FILE_BYTES;
var init_input_files = __esm({
  "src/check/input-files.ts"() {
    "use strict";
    init_errors();
    init_input_meta();
    init_named_tensor();
    init_npy();
    init_npz();
    init_test_data();
    MAX_SAMPLE_FILE_BYTES = 1 << 30;
  }
});

// src/check/dim-limits.ts
function intValues(t) {
  if (isExternal(t) || t.dims.reduce((a, b) => a * b, 1) > 1 << 16) return void 0;
  const bytes = tensorBytes(t);
  const buf = Uint8Array.from(bytes).buffer;
  if (t.dataType === DataType.INT64) return Array.from(new BigInt64Array(buf), Number);
  if (t.dataType === DataType.INT32) return Array.from(new Int32Array(buf));
  return void 0;
}
function dimLimits(model, maskLike = (n) => /mask/i.test(n)) {
  const g = model.graph;
  const limits = /* @__PURE__ */ new Map();
  if (!g) return limits;
  const consts = /* @__PURE__ */ new Map();
  for (const t of g.initializer) if (t.name) consts.set(t.name, t);
  const shapes = /* @__PURE__ */ new Map();
  for (const v of [...g.input, ...g.valueInfo]) {
    const dims = v.type?.tensorType?.shape?.dim;
    if (v.name && dims) shapes.set(v.name, dims.map((d) => d.dimValue ?? (d.dimParam || void 0)));
  }
  const inputs = new Set(g.input.filter((v) => !consts.has(v.name ?? "")).map((v) => v.name));
  const shapeOf = /* @__PURE__ */ new Map();
  const exact = /* @__PURE__ */ new Map();
  const atMost = /* @__PURE__ */ new Map();
  const ones = /* @__PURE__ */ new Set();
  for (const name of inputs) {
    if (!name) continue;
    const dims = shapes.get(name) ?? [];
    if (maskLike(name)) ones.add(name);
    const last = dims[dims.length - 1];
    if (/position/i.test(name) && typeof last === "string") atMost.set(name, { dim: last, offset: -1 });
  }
  const limit = (dim, max, table, rows, node) => {
    const known = limits.get(dim);
    if (!known || max < known.max) limits.set(dim, { dim, max, table, rows, node: node.name ?? node.opType ?? "" });
  };
  const scalar = (name) => {
    const t = name ? consts.get(name) : void 0;
    const v = t && intValues(t);
    return v && v.length === 1 ? v[0] : void 0;
  };
  for (const n of g.node) {
    const [in0 = "", in1 = "", in2 = ""] = n.input;
    const out = n.output[0];
    if (!out) continue;
    if (isConstantNode(n)) {
      const t = constantNodeTensor(n);
      if (t) consts.set(out, t);
      continue;
    }
    const op = n.opType ?? "";
    if ((n.domain ?? "") !== "") continue;
    if (op === "Shape") {
      const dims = shapes.get(in0);
      if (!dims) continue;
      const rank = dims.length;
      const at = (a, d) => a === void 0 ? d : Number(a) < 0 ? Number(a) + rank : Number(a);
      shapeOf.set(out, dims.slice(at(attr(n, "start")?.i, 0), at(attr(n, "end")?.i, rank)));
      continue;
    }
    if (op === "Gather" && shapeOf.has(in0)) {
      const k = scalar(in1);
      const dims = shapeOf.get(in0);
      const d = k === void 0 ? void 0 : dims[k < 0 ? k + dims.length : k];
      if (typeof d === "string") exact.set(out, { dim: d, offset: 0 });
      continue;
    }
    if (op === "Slice" && shapeOf.has(in0)) {
      const s = scalar(in1);
      const e = scalar(in2);
      const dims = shapeOf.get(in0);
      const d = s === void 0 || e === void 0 ? void 0 : dims.slice(s, e);
      if (d?.length === 1 && typeof d[0] === "string") exact.set(out, { dim: d[0], offset: 0 });
      continue;
    }
    if (SAME_VALUE.has(op) && exact.has(in0)) exact.set(out, exact.get(in0));
    if (op === "Cast" && ones.has(in0)) ones.add(out);
    if (op === "Add" || op === "Sub") {
      const sign = op === "Add" ? 1 : -1;
      for (const [x, c] of op === "Add" ? [[in0, in1], [in1, in0]] : [[in0, in1]]) {
        const k = scalar(c);
        if (k === void 0) continue;
        const e = exact.get(x);
        if (e) exact.set(out, { dim: e.dim, offset: e.offset + sign * k });
        const m = atMost.get(x);
        if (m) atMost.set(out, { dim: m.dim, offset: m.offset + sign * k });
      }
      continue;
    }
    if (op === "Mul" && (ones.has(in0) || ones.has(in1))) {
      const m = atMost.get(ones.has(in0) ? in1 : in0);
      if (m) atMost.set(out, m);
      continue;
    }
    if (op === "Range") {
      const limitValue = exact.get(in1);
      const step = scalar(in2);
      if (limitValue && scalar(in0) !== void 0 && step !== void 0 && step > 0) {
        atMost.set(out, { dim: limitValue.dim, offset: limitValue.offset - 1 });
      }
      continue;
    }
    if (op === "CumSum" && ones.has(in0)) {
      const axis = scalar(in1);
      const dims = shapes.get(n.input[0]) ?? findShape(in0, g.node, shapes);
      const d = axis === void 0 || !dims ? void 0 : dims[axis < 0 ? axis + dims.length : axis];
      if (typeof d === "string" && !attr(n, "exclusive")?.i && !attr(n, "reverse")?.i) atMost.set(out, { dim: d, offset: 0 });
      continue;
    }
    if (op === "Slice" && consts.has(in0)) {
      sliceOfBuffer(n, consts.get(in0));
      continue;
    }
    if (op === "Gather" && consts.has(in0) && atMost.has(in1)) {
      const table = consts.get(in0);
      const axis = Number(attr(n, "axis")?.i ?? 0n);
      const rows = table.dims[axis < 0 ? axis + table.dims.length : axis];
      const m = atMost.get(in1);
      if (rows !== void 0) limit(m.dim, rows - 1 - m.offset, in0, rows, n);
      continue;
    }
    if (SAME_VALUES.has(op) && atMost.has(in0)) atMost.set(out, atMost.get(in0));
  }
  return limits;
  function sliceOfBuffer(n, buffer) {
    const [, starts = "", ends = "", axes = "", steps = ""] = n.input;
    const end = exact.get(ends);
    if (!end || steps && scalar(steps) !== 1) return;
    const axisValue = axes ? scalar(axes) : 0;
    if (axisValue === void 0 || scalar(starts) === void 0) return;
    const axis = axisValue < 0 ? axisValue + buffer.dims.length : axisValue;
    const length = buffer.dims[axis];
    if (length === void 0) return;
    limit(end.dim, length - end.offset, buffer.name || n.input[0], length, n);
    const values2 = buffer.dims.every((d, i) => i === axis || d === 1) ? intValues(buffer) : void 0;
    const b0 = values2?.[0];
    if (b0 !== void 0 && values2.every((v, i) => v === i + b0)) {
      atMost.set(n.output[0], { dim: end.dim, offset: end.offset - 1 + b0 });
    }
  }
}
function findShape(name, nodes, shapes) {
  const producer = nodes.find((n) => n.output[0] === name);
  return producer?.opType === "Cast" ? shapes.get(producer.input[0] ?? "") : void 0;
}
var SAME_VALUES, SAME_VALUE;
var init_dim_limits = __esm({
  "src/check/dim-limits.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_tensor();
    SAME_VALUES = /* @__PURE__ */ new Set(["Cast", "Identity", "Unsqueeze", "Squeeze", "Reshape", "Flatten", "Expand", "Tile", "Transpose", "Slice", "Gather"]);
    SAME_VALUE = /* @__PURE__ */ new Set(["Cast", "Identity", "Unsqueeze", "Squeeze", "Reshape", "Flatten"]);
  }
});

// src/check/dim-defaults.ts
function facts(model, inputs) {
  const g = model.graph;
  const readers = /* @__PURE__ */ new Map();
  const constants2 = /* @__PURE__ */ new Map();
  for (const t of g.initializer) if (t.name) constants2.set(t.name, t);
  for (const n of g.node) {
    if (isConstantNode(n) && n.output[0]) {
      const t = constantNodeTensor(n);
      if (t) constants2.set(n.output[0], t);
    }
    for (const i of n.input) if (i) readers.set(i, [...readers.get(i) ?? [], n]);
  }
  const strides = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    const k = input.dims.length - 2;
    if (k < 1 || k > 3 || !isFloatType(input.type)) continue;
    const s = spatialStride(g.node, input.name, k);
    if (s) strides.set(input.name, s);
  }
  return { readers, constants: constants2, strides };
}
function spatialStride(nodes, input, k) {
  const at = /* @__PURE__ */ new Map([[input, Array(k).fill(1)]]);
  const best = Array(k).fill(1);
  let spatial = false;
  for (const n of nodes) {
    const ins = n.input.map((i) => at.get(i)).filter((s2) => !!s2);
    if (!ins.length) continue;
    let s = ins.reduce((a, b) => a.map((v, i) => Math.max(v, b[i])));
    if (SPATIAL_OPS.has(n.opType ?? "")) {
      spatial = true;
      const st = attr(n, "strides")?.ints.map(Number) ?? [];
      s = s.map((v, i) => n.opType === "ConvTranspose" ? v / (st[i] ?? 1) : v * (st[i] ?? 1));
    }
    s.forEach((v, i) => {
      best[i] = Math.max(best[i], v);
    });
    for (const o of n.output) if (o) at.set(o, s);
  }
  return spatial ? best.map((v) => Math.max(1, Math.round(v))) : void 0;
}
function fromReaders(input, axis, f) {
  const rank = input.dims.length;
  for (const n of f.readers.get(input.name) ?? []) {
    const w = n.input[1] ? f.constants.get(n.input[1]) : void 0;
    if (!w || n.input[0] !== input.name) continue;
    const wd = w.dims.map(Number);
    if ((n.opType === "MatMul" || n.opType === "Gemm") && axis === rank - 1 && wd.length === 2) {
      const transB = n.opType === "Gemm" && attr(n, "transB")?.i === 1n;
      return { value: transB ? wd[1] : wd[0], why: `the weight '${n.input[1]}' of ${n.opType} '${n.name || n.output[0]}' is [${wd.join(", ")}]` };
    }
    if (n.opType === "Conv" && axis === 1 && wd.length >= 3) {
      const group = Number(attr(n, "group")?.i ?? 1n);
      return { value: wd[1] * group, why: `the weight '${n.input[1]}' of Conv '${n.name || n.output[0]}' takes ${wd[1] * group} channels` };
    }
  }
  return void 0;
}
function guessDim(model, inputs, input, axis, sequence, memo = {}) {
  const rank = input.dims.length;
  if (axis === 0 && rank >= 2) return { value: 1, why: "the batch axis (axis 0)" };
  const f = memo.facts ??= facts(model, inputs);
  const told = fromReaders(input, axis, f);
  if (told) return told;
  const stride = f.strides.get(input.name);
  if (stride && axis >= 2) {
    const fixed = input.dims.slice(2).filter((d) => typeof d === "number");
    const base = Math.max(DEFAULT_SPATIAL, ...fixed);
    const s = stride[axis - 2];
    const value = Math.ceil(base / s) * s;
    const from = base === DEFAULT_SPATIAL ? `the default ${DEFAULT_SPATIAL}` : `its fixed side ${base}`;
    return { value, why: `a spatial axis of an image input: ${from}${value === base ? "" : " rounded up"}, a multiple of the model's total stride ${s} along it` };
  }
  if (!isFloatType(input.type) && axis >= 1) {
    const seq = sequence();
    if (seq) return { value: seq.value, why: seq.why };
  }
  return { value: 1, why: "no size in the model; 1, which every broadcast accepts" };
}
function askForDims(model, error, dims) {
  const guessed = dims.filter((d) => d.inferred);
  if (!guessed.length) return void 0;
  const chosen = guessed.map((d) => `${d.name} = ${d.value} (${d.why})`).join("; ");
  const example = guessed.map((d) => `${d.name}=<size>`).join(",");
  return `${model}: the original model does not run on the sizes chosen for its open input axes: ${chosen}; set them with --dims ${example} (config: parity.dims) \u2014 onnxruntime said: ${error}`;
}
var DEFAULT_SPATIAL, SPATIAL_OPS;
var init_dim_defaults = __esm({
  "src/check/dim-defaults.ts"() {
    "use strict";
    init_graph();
    init_tensor();
    init_named_tensor();
    DEFAULT_SPATIAL = 224;
    SPATIAL_OPS = /* @__PURE__ */ new Set(["Conv", "ConvInteger", "MaxPool", "AveragePool", "LpPool", "ConvTranspose", "QLinearConv"]);
  }
});

// src/check/auto-images.ts
function isImageShape(dims) {
  return dims.length === 4 && [1, 3, 4].includes(dims[1]) && dims[2] >= 16 && dims[3] >= 16;
}
function imageValues(dims, rand) {
  const [n, c, h, w] = dims;
  const out = new Array(n * c * h * w);
  const colour = () => Array.from({ length: c }, () => rand() * 4 - 2);
  for (let b = 0; b < n; b++) {
    const plane = Array.from({ length: c }, () => new Float32Array(h * w));
    const level = colour();
    const [gx, gy] = [rand() * 2 - 1, rand() * 2 - 1];
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) plane[ch][y * w + x] = level[ch] * 0.5 + 0.5 * (gx * x / w + gy * y / h);
    }
    const fill = (x0, y0, x1, y1, col) => {
      for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) {
        for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) for (let ch = 0; ch < c; ch++) plane[ch][y * w + x] = col[ch];
      }
    };
    const shapes = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < shapes; k++) {
      const [x0, y0] = [Math.floor(rand() * w), Math.floor(rand() * h)];
      fill(x0, y0, x0 + 2 + Math.floor(rand() * w / 3), y0 + 2 + Math.floor(rand() * h / 3), colour());
    }
    const line = w >= 3 * h;
    const rows = line ? 1 : 1 + Math.floor(rand() * 4);
    for (let r = 0; r < rows; r++) {
      const cell2 = Math.max(4, Math.floor(line ? h * (0.45 + rand() * 0.25) : Math.min(h, w) * (0.06 + rand() * 0.2)));
      const y0 = line ? Math.floor((h - cell2) / 2) : Math.floor(rand() * Math.max(1, h - cell2));
      const col = colour();
      const thick = Math.max(1, Math.round(cell2 / 7));
      for (let x0 = Math.floor(rand() * cell2); x0 + cell2 <= w; x0 += Math.ceil(cell2 * (1.1 + rand() * 0.4))) {
        if (rand() < 0.15) continue;
        const strokes = 2 + Math.floor(rand() * 3);
        for (let k = 0; k < strokes; k++) {
          if (rand() < 0.5) {
            const yy = y0 + Math.floor(rand() * (cell2 - thick));
            fill(x0, yy, x0 + cell2 - Math.floor(rand() * cell2 / 2), yy + thick, col);
          } else {
            const xx = x0 + Math.floor(rand() * (cell2 - thick));
            fill(xx, y0, xx + thick, y0 + cell2 - Math.floor(rand() * cell2 / 2), col);
          }
        }
      }
    }
    for (let ch = 0; ch < c; ch++) {
      const base = (b * c + ch) * h * w;
      for (let i = 0; i < h * w; i++) out[base + i] = plane[ch][i] + (rand() - 0.5) * 0.1;
    }
  }
  return out;
}
var init_auto_images = __esm({
  "src/check/auto-images.ts"() {
    "use strict";
  }
});

// src/check/auto-inputs.ts
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function hashName(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
function normal(rand) {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}
function indexRange(n, kind, dims, indexDims) {
  if (kind === "leading") {
    const k = indexDims?.[indexDims.length - 1] ?? dims.length;
    const batch = Number(attr(n, "batch_dims")?.i ?? 0n);
    const addressed = dims.slice(batch, batch + k);
    return addressed.length ? Math.min(...addressed) : void 0;
  }
  const axis = kind === 1 ? 1 : Number(attr(n, "axis")?.i ?? 0n);
  return dims[axis < 0 ? axis + dims.length : axis];
}
function gatherBounds(model, inputDims = /* @__PURE__ */ new Map()) {
  const tableDims = new Map(inputDims);
  const consumers = /* @__PURE__ */ new Map();
  forEachGraph(model, ({ graph }) => {
    for (const t of graph.initializer) if (t.name) tableDims.set(t.name, t.dims);
    for (const n of graph.node) {
      if (isConstantNode(n) && n.output[0]) {
        const a = constantValueAttr(n);
        if (a?.t) tableDims.set(n.output[0], a.t.dims);
      }
      for (const i of n.input) if (i) consumers.set(i, [...consumers.get(i) ?? [], n]);
    }
  });
  const bounds = /* @__PURE__ */ new Map();
  const rowsReached = (name, seen) => {
    if (seen.has(name)) return void 0;
    seen.add(name);
    let best;
    for (const n of consumers.get(name) ?? []) {
      let rows;
      const indexing = INDEXING[n.opType ?? ""];
      if (indexing && n.input[indexing[0]] === name) {
        const dims = tableDims.get(n.input[indexing[1]] ?? "");
        rows = dims ? indexRange(n, indexing[2], dims, tableDims.get(name)) : void 0;
      } else if (PASS_THROUGH2.has(n.opType ?? "") && n.input[0] === name && n.output[0]) {
        rows = rowsReached(n.output[0], seen);
      }
      if (rows !== void 0 && rows > 0 && (best === void 0 || rows < best)) best = rows;
    }
    return best;
  };
  for (const name of consumers.keys()) {
    const rows = rowsReached(name, /* @__PURE__ */ new Set());
    if (rows !== void 0) bounds.set(name, rows);
  }
  return bounds;
}
function values(input, dims, rand, rows) {
  const count = dims.reduce((a, b) => a * b, 1);
  const name = input.name.toLowerCase();
  const out = new Array(count);
  const isInt = INT_TYPES.has(input.type);
  const last = dims[dims.length - 1] ?? 1;
  if (isFloatType(input.type) && isImageShape(dims)) return imageValues(dims, rand);
  for (let i = 0; i < count; i++) {
    if (isFloatType(input.type)) out[i] = normal(rand);
    else if (input.type === "bool") out[i] = /mask/.test(name) ? 1 : rand() < 0.5 ? 1 : 0;
    else if (/mask/.test(name)) out[i] = 1;
    else if (/token_type|segment/.test(name)) out[i] = 0;
    else if (isInt && /position/.test(name)) out[i] = rows ? i % last % rows : i % last;
    else out[i] = Math.floor(rand() * (rows ?? 10));
  }
  return out;
}
function autoDims(model, inputs, given) {
  const names = [...new Set(inputs.flatMap((i) => i.dims.filter((d) => typeof d === "string")))];
  let limits;
  const limitOf = (name) => (limits ??= dimLimits(model)).get(name);
  const sequence = (name) => {
    const limit = name ? limitOf(name) : void 0;
    if (limit && limit.max >= 1 && limit.max <= DEFAULT_SEQUENCE) return { name, value: limit.max, why: `'${limit.table}' has ${limit.rows} rows, read by node '${limit.node}'` };
    return { name: name ?? "", value: DEFAULT_SEQUENCE, why: `the default sequence length ${DEFAULT_SEQUENCE}` };
  };
  const memo = {};
  const seen = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    input.dims.forEach((d, axis) => {
      if (typeof d === "number") return;
      const byAxis = `${input.name}[${axis}]`;
      if (given[byAxis] !== void 0) {
        if (!seen.has(byAxis)) seen.set(byAxis, { name: byAxis, value: given[byAxis], why: "dims:" });
        return;
      }
      const key = d ?? byAxis;
      if (seen.has(key)) return;
      if (d !== void 0 && given[d] !== void 0) {
        seen.set(d, { name: d, value: given[d], why: "dims:" });
        return;
      }
      if (d !== void 0 && SEQUENCE_DIM.test(d) && !BATCH_DIM.test(d)) {
        const limit = limitOf(d);
        if (limit && limit.max >= 1 && limit.max <= DEFAULT_SEQUENCE) {
          seen.set(d, { name: d, value: limit.max, why: `'${limit.table}' has ${limit.rows} rows, read by node '${limit.node}'` });
          return;
        }
      }
      const fallback = d === void 0 ? void 0 : defaultDim(d);
      if (fallback !== void 0) {
        seen.set(key, { name: key, value: fallback, why: "default" });
        return;
      }
      const guess = guessDim(model, inputs, input, axis, () => sequence(d), memo);
      seen.set(key, { name: key, value: guess.value, why: guess.why, inferred: true });
    });
  }
  const ordered = names.map((n) => seen.get(n)).filter((x) => !!x);
  return [...ordered, ...[...seen.values()].filter((x) => !ordered.includes(x))];
}
function withDimHint(error, dims) {
  if (!dims.length || !INDEX_OUT_OF_RANGE.test(error)) return error;
  const ordered = [...dims].sort((a, b) => Number(SEQUENCE_DIM.test(b.name)) - Number(SEQUENCE_DIM.test(a.name)));
  const used = ordered.map((d) => `${d.name} = ${d.value} (${d.why})`).join(", ");
  const first = ordered[0].name;
  return `${error} \u2014 the auto inputs used ${used}; set a smaller ${first} in dims: (config parity.dims.${first}, or compare --dims ${first}=N)`;
}
function autoSamples(model, inputs, opts) {
  const used = autoDims(model, inputs, opts.dims);
  for (const d of used) opts.onDim?.(d);
  const sizes = { ...Object.fromEntries(used.map((d) => [d.name, d.value])), ...opts.dims };
  const inputDims = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    try {
      inputDims.set(input.name, resolveDims(input, sizes));
    } catch {
    }
  }
  const bounds = gatherBounds(model, inputDims);
  const samples = [];
  for (let s = 0; s < opts.samples; s++) {
    samples.push(inputs.map((input) => {
      const dims = resolveDims(input, sizes);
      const rand = seededRandom(opts.seed * 1000003 + s * 7919 ^ hashName(input.name));
      if (input.type === "string") {
        const count = dims.reduce((a, b) => a * b, 1);
        return { name: input.name, type: "string", dims, data: Array.from({ length: count }, () => `s${Math.floor(rand() * 100)}`) };
      }
      return { name: input.name, type: input.type, dims, data: encodeValues(input.type, values(input, dims, rand, bounds.get(input.name))) };
    }));
  }
  return samples;
}
var PASS_THROUGH2, INDEXING, INT_TYPES, INDEX_OUT_OF_RANGE;
var init_auto_inputs = __esm({
  "src/check/auto-inputs.ts"() {
    "use strict";
    init_graph();
    init_tensor();
    init_dim_limits();
    init_dim_defaults();
    init_auto_images();
    init_named_tensor();
    init_input_meta();
    PASS_THROUGH2 = /* @__PURE__ */ new Set(["Cast", "Unsqueeze", "Squeeze", "Reshape", "Flatten", "Identity"]);
    INDEXING = {
      Gather: [1, 0, "axis"],
      GatherElements: [1, 0, "axis"],
      ScatterElements: [1, 0, "axis"],
      Scatter: [1, 0, "axis"],
      GatherND: [1, 0, "leading"],
      ScatterND: [1, 0, "leading"],
      NegativeLogLikelihoodLoss: [1, 0, 1],
      SoftmaxCrossEntropyLoss: [1, 0, 1]
    };
    INT_TYPES = /* @__PURE__ */ new Set(["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]);
    INDEX_OUT_OF_RANGE = /out of (data )?bounds|out of range/i;
  }
});

// src/check/inputs.ts
function loadSamples(spec, model, opts) {
  const inputs = modelInputs(model);
  const samples = spec === "auto" ? autoSamples(model, inputs, opts) : fileSamples(spec, model, inputs);
  for (const sample of samples) checkSample(sample, inputs, spec);
  return samples;
}
function loadSamplesFor(file, spec, opts) {
  const loaded = loadModel(file);
  try {
    return loadSamples(spec, loaded.model, opts);
  } finally {
    loaded.external.close();
  }
}
function checkSample(sample, inputs, from) {
  for (const input of inputs) {
    const t = sample.find((s) => s.name === input.name);
    if (!t) throw new UsageError(`${from}: no value for the model input '${input.name}'`);
    if (t.type !== input.type) throw new UsageError(`${from}: '${input.name}' is ${t.type}, the model takes ${input.type}`);
    const fixedMismatch = input.dims.length !== t.dims.length || input.dims.some((d, i) => typeof d === "number" && d !== t.dims[i]);
    if (fixedMismatch) {
      throw new UsageError(`${from}: '${input.name}' has dims [${t.dims.join(",")}], the model takes [${input.dims.map((d) => d ?? "?").join(",")}]`);
    }
  }
  const extra = sample.find((s) => !inputs.some((i) => i.name === s.name));
  if (extra) throw new UsageError(`${from}: '${extra.name}' is not an input of the model (inputs: ${inputs.map((i) => i.name).join(", ")})`);
}
var init_inputs = __esm({
  "src/check/inputs.ts"() {
    "use strict";
    init_errors();
    init_model_io();
    init_auto_inputs();
    init_input_files();
    init_input_meta();
    init_input_meta();
  }
});

// src/onnx/spill.ts
import { closeSync as closeSync3, openSync as openSync3, rmSync as rmSync3, writeSync as writeSync2 } from "node:fs";
import { randomBytes as randomBytes2 } from "node:crypto";
import path6 from "node:path";
function canSpill(source) {
  return typeof source?.spill === "function";
}
function newTensor(source, name, dataType, dims, raw) {
  const t = makeTensor(name, dataType, dims, raw);
  if (canSpill(source) && raw.length >= SPILL_MIN_BYTES) source.spill(t, raw);
  return t;
}
function replacePayload(source, t, raw) {
  if (canSpill(source) && raw.length >= SPILL_MIN_BYTES) source.spill(t, raw);
  else setTensorRaw(t, raw);
}
var SPILL_MIN_BYTES, SpillingReader;
var init_spill = __esm({
  "src/onnx/spill.ts"() {
    "use strict";
    init_external();
    init_errors();
    init_tensor();
    init_types();
    SPILL_MIN_BYTES = 64 * 1024;
    SpillingReader = class extends ExternalDataReader {
      /** The scratch file's location name as written into tensors. */
      location = `onnx-diet-scratch-${randomBytes2(8).toString("hex")}.data`;
      file;
      fd;
      size = 0;
      /** Payload bytes written to scratch so far. */
      spilledBytes = 0;
      spilledTensors = 0;
      /** `modelPath` as for ExternalDataReader; `scratchDir` is a private temporary folder of this run. */
      constructor(modelPath, scratchDir) {
        super(modelPath);
        this.file = path6.join(scratchDir, this.location);
      }
      isScratch(t) {
        return isExternal(t) && externalInfo(t).location === this.location;
      }
      resolve(location, tensorName) {
        return location === this.location ? this.file : super.resolve(location, tensorName);
      }
      range(t) {
        if (!this.isScratch(t)) return super.range(t);
        const { offset, length } = externalInfo(t);
        if (length === void 0 || offset + length > this.size) {
          throw new OnnxFormatError(`tensor '${t.name}': scratch reference [${offset}, +${length}) is outside the scratch file`);
        }
        return { location: this.location, offset, length };
      }
      read(t) {
        if (!this.isScratch(t)) return super.read(t);
        const { offset, length } = this.range(t);
        return readFully(this.fd, offset, length, `short read of scratch file ${this.file}`);
      }
      spill(t, raw) {
        this.fd ??= openSync3(this.file, "wx+", 384);
        const offset = this.size;
        for (let done = 0; done < raw.length; ) done += writeSync2(this.fd, raw, done, raw.length - done, offset + done);
        this.size += raw.length;
        this.spilledBytes += raw.length;
        this.spilledTensors++;
        setTensorRaw(t, new Uint8Array(0));
        t.rawData = void 0;
        t.dataLocation = DataLocation.EXTERNAL;
        t.externalData = [
          { key: "location", value: this.location },
          { key: "offset", value: String(offset) },
          { key: "length", value: String(raw.length) }
        ];
      }
      close() {
        super.close();
        if (this.fd !== void 0) {
          closeSync3(this.fd);
          this.fd = void 0;
          rmSync3(this.file, { force: true });
        }
      }
    };
  }
});

// src/stages/quant/constant-weight.ts
function isTranspose2d(node, rank) {
  if (rank !== 2) return false;
  const perm = attr(node, "perm")?.ints;
  return !perm || perm.length === 0 || perm.length === 2 && perm[0] === 1n && perm[1] === 0n;
}
function resolveConstant(scope, name, index) {
  const path17 = [];
  const transposed = false;
  let current = scope;
  let wanted = name;
  for (let steps = 0; current && steps < 64; steps++) {
    const def = index.of(current.graph).get(wanted);
    if (!def) {
      current = current.parent;
      continue;
    }
    path17.push({ scope: current, name: wanted });
    if (def.kind === "input") return void 0;
    if (def.kind === "initializer") return { tensor: def.tensor, transposed, path: path17 };
    const node = def.node;
    if ((node.domain ?? "") !== "") return void 0;
    if (isConstantNode(node)) {
      const tensor = constantNodeTensor(node);
      return tensor && tensor === attr(node, "value")?.t ? { tensor, transposed, path: path17 } : void 0;
    }
    if (node.opType === "Identity" && node.input[0]) {
      wanted = node.input[0];
      continue;
    }
    if (node.opType === "Transpose" && node.input[0]) {
      const inner = resolveConstant(current, node.input[0], index);
      if (!inner || !isTranspose2d(node, inner.tensor.dims.length)) return void 0;
      return { tensor: inner.tensor, transposed: !inner.transposed, path: [...path17, ...inner.path] };
    }
    return void 0;
  }
  return void 0;
}
function removeUnused(paths, index) {
  const reads = /* @__PURE__ */ new Map();
  const byScope = /* @__PURE__ */ new Map();
  for (const path17 of paths) {
    for (const { scope, name } of path17) {
      const entry = byScope.get(scope.graph) ?? { scope, names: /* @__PURE__ */ new Set() };
      entry.names.add(name);
      byScope.set(scope.graph, entry);
    }
  }
  for (const [graph, { scope, names }] of byScope) {
    const counts = /* @__PURE__ */ new Map();
    for (const [name, uses] of usesOfAll(scope, names)) counts.set(name, uses.length);
    for (const o of graph.output) if (o.name && counts.has(o.name)) counts.set(o.name, counts.get(o.name) + 1);
    reads.set(graph, counts);
  }
  const unread = (scope, name) => {
    for (let s = scope; s; s = s.parent) {
      const counts = reads.get(s.graph);
      if (counts?.has(name)) {
        counts.set(name, counts.get(name) - 1);
        return;
      }
      if (index.of(s.graph).has(name)) return;
    }
  };
  const dead = /* @__PURE__ */ new Set();
  const droppedInputs = /* @__PURE__ */ new Map();
  let removed = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const path17 of paths) {
      for (const { scope, name } of path17) {
        const g = scope.graph;
        const defs = index.of(g);
        const def = defs.get(name);
        if (!def || def.kind === "input") break;
        if ((reads.get(g).get(name) ?? 0) > 0) break;
        if (def.kind === "initializer") {
          dead.add(def.tensor);
          const inputs = droppedInputs.get(g) ?? /* @__PURE__ */ new Set();
          droppedInputs.set(g, inputs.add(name));
        } else {
          dead.add(def.node);
          for (const input of def.node.input) if (input) unread(scope, input);
        }
        defs.delete(name);
        removed++;
        changed = true;
      }
    }
  }
  for (const g of byScope.keys()) {
    g.initializer = g.initializer.filter((t) => !dead.has(t));
    g.node = g.node.filter((n) => !dead.has(n));
    const inputs = droppedInputs.get(g);
    if (inputs) g.input = g.input.filter((v) => !inputs.has(v.name ?? ""));
  }
  return removed;
}
var DefinitionIndex;
var init_constant_weight = __esm({
  "src/stages/quant/constant-weight.ts"() {
    "use strict";
    init_graph();
    init_tensor();
    DefinitionIndex = class {
      byGraph = /* @__PURE__ */ new WeakMap();
      of(graph) {
        let defs = this.byGraph.get(graph);
        if (defs) return defs;
        defs = /* @__PURE__ */ new Map();
        for (const v of graph.input) if (v.name) defs.set(v.name, { kind: "input" });
        for (const t of graph.initializer) if (t.name) defs.set(t.name, { kind: "initializer", tensor: t });
        for (const n of graph.node) for (const o of n.output) if (o) defs.set(o, { kind: "node", node: n });
        this.byGraph.set(graph, defs);
        return defs;
      }
    };
  }
});

// src/stages/nodes.ts
function attribute(name) {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}
function intAttr(name, value) {
  return { ...attribute(name), type: AttributeType.INT, i: BigInt(value) };
}
function intsAttr(name, values2) {
  return { ...attribute(name), type: AttributeType.INTS, ints: values2.map((v) => BigInt(v)) };
}
function tensorAttr(name, t) {
  return { ...attribute(name), type: AttributeType.TENSOR, t };
}
function nodeId(n) {
  return n.name || n.output[0] || "";
}
function makeNode(opType, name, inputs, outputs, attrs = [], domain) {
  return { opType, ...domain === void 0 ? {} : { domain }, name, input: inputs, output: outputs, attribute: attrs, metadataProps: [], deviceConfigurations: [] };
}
var init_nodes = __esm({
  "src/stages/nodes.ts"() {
    "use strict";
    init_types();
  }
});

// src/stages/options.ts
function rejectUnknownOptions(stage, o, known) {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new UsageError(`${stage}: unknown option '${k}'; known: ${known.join(", ")}`);
  }
}
function booleanOption(stage, o, key, fallback) {
  const v = o[key];
  if (v === void 0) return fallback;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new UsageError(`${stage}: '${key}' must be true or false, got ${JSON.stringify(v)}`);
}
function stringListOption(stage, o, key) {
  const v = o[key];
  if (v === void 0) return void 0;
  if (typeof v === "string") return v.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((s) => typeof s === "string")) return v;
  throw new UsageError(`${stage}: '${key}' must be a list of names`);
}
function choiceOption(stage, o, key, choices) {
  const v = o[key] ?? choices[0];
  if (choices.includes(v)) return v;
  const list = `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`;
  throw new UsageError(`${stage}: ${key} must be ${list}, got ${JSON.stringify(v)}`);
}
var init_options = __esm({
  "src/stages/options.ts"() {
    "use strict";
    init_errors();
  }
});

// src/stages/fold-batchnorm.ts
function floatConstant(scope, name, index) {
  if (!name) return void 0;
  const c = resolveConstant(scope, name, index);
  return c && !c.transposed && c.tensor.dataType === DataType.FLOAT ? c : void 0;
}
function bnAffine(bn, scope, index, external) {
  if (attr(bn, "training_mode")?.i) return "training_mode is set";
  const spatial = attr(bn, "spatial");
  if (spatial && spatial.i === 0n) return "spatial = 0 (per-activation statistics)";
  const params = [1, 2, 3, 4].map((i) => floatConstant(scope, bn.input[i], index));
  if (params.some((p) => !p)) return "scale, B, mean or var is not a float32 constant";
  const [scale, bias, mean, variance] = params.map((p) => tensorFloat32(p.tensor, external));
  const c = scale.length;
  if ([bias, mean, variance].some((a) => a.length !== c) || params.some((p) => p.tensor.dims.length !== 1)) return "parameters are not four vectors of one length";
  const eps = attr(bn, "epsilon")?.f ?? 1e-5;
  const s = new Float64Array(c);
  const t = new Float64Array(c);
  for (let i = 0; i < c; i++) {
    s[i] = scale[i] / Math.sqrt(variance[i] + Math.fround(eps));
    t[i] = bias[i] - mean[i] * s[i];
    if (!Number.isFinite(s[i]) || !Number.isFinite(t[i])) return `channel ${i} has a non-finite scale (var + \u03B5 \u2264 0 or NaN)`;
  }
  return { s, t, used: params };
}
function foldInto(p, bn, scope, index, external) {
  const w = floatConstant(scope, p.input[1], index);
  if (!w) return `${p.opType}'s weight is not a float32 constant`;
  const b = p.input[2] ? floatConstant(scope, p.input[2], index) : void 0;
  if (p.input[2] && !b) return `${p.opType}'s bias is not a float32 constant`;
  const c = bn.s.length;
  const dims = w.tensor.dims.map(Number);
  const weight = tensorFloat32(w.tensor, external);
  const bias = new Float32Array(c);
  const used = [w, ...b ? [b] : []];
  const biasIn = b ? tensorFloat32(b.tensor, external) : void 0;
  const channel = new Int32Array(weight.length);
  let beta1 = false;
  if (p.opType === "Conv") {
    if (dims.length < 3 || dims[0] !== c) return `Conv weight [${dims.join(", ")}] has not ${c} output channels first`;
    const per = weight.length / c;
    for (let i = 0; i < weight.length; i++) channel[i] = Math.floor(i / per);
  } else if (p.opType === "ConvTranspose") {
    const group = Number(attr(p, "group")?.i ?? 1n);
    if (dims.length < 3 || dims[1] * group !== c || dims[0] % group !== 0) return `ConvTranspose weight [${dims.join(", ")}] \xD7 group ${group} has not ${c} output channels`;
    const kernel = elementCount(dims.slice(2));
    const inPerGroup = dims[0] / group;
    for (let i = 0; i < weight.length; i++) {
      const ci = Math.floor(i / (dims[1] * kernel));
      const j = Math.floor(i / kernel) % dims[1];
      channel[i] = Math.floor(ci / inPerGroup) * dims[1] + j;
    }
  } else {
    if (dims.length !== 2) return "Gemm weight is not 2-D";
    const transB = attr(p, "transB")?.i === 1n;
    const m = transB ? dims[0] : dims[1];
    if (m !== c) return `Gemm has ${m} output columns, the BN ${c} channels`;
    for (let i = 0; i < weight.length; i++) channel[i] = transB ? Math.floor(i / dims[1]) : i % dims[1];
    if (biasIn && !(biasIn.length === c || biasIn.length === 1)) return "Gemm C is not one value per output column";
    if (biasIn && b.tensor.dims.length === 2 && b.tensor.dims[0] !== 1) return "Gemm C is not one value per output column";
    const beta = attr(p, "beta")?.f ?? 1;
    if (biasIn) for (let i = 0; i < biasIn.length; i++) biasIn[i] = biasIn[i] * beta;
    beta1 = true;
  }
  if (biasIn && biasIn.length !== c && biasIn.length !== 1) return `bias has ${biasIn.length} values for ${c} channels`;
  for (let i = 0; i < weight.length; i++) weight[i] = weight[i] * bn.s[channel[i]];
  for (let k = 0; k < c; k++) {
    const b0 = biasIn ? biasIn[biasIn.length === 1 ? 0 : k] : 0;
    bias[k] = b0 * bn.s[k] + bn.t[k];
  }
  return { weight, bias, dims: { weight: dims, bias: [c] }, used, beta1 };
}
function readOnlyBy(name, reader, uses, graph) {
  const u = uses.get(name) ?? [];
  return u.length === 1 && u[0].node === reader && u[0].inputIndex === 0 && !graph.output.some((o) => o.name === name);
}
function foldScope(scope, index, names, external, out) {
  const g = scope.graph;
  const bns = g.node.filter((n) => n.opType === "BatchNormalization" && isDefaultDomain(n));
  if (!bns.length) return;
  const producer = /* @__PURE__ */ new Map();
  for (const n of g.node) for (const o of n.output) if (o) producer.set(o, n);
  const watched = /* @__PURE__ */ new Set();
  for (const bn of bns) {
    if (bn.input[0]) watched.add(bn.input[0]);
    for (const o of bn.output.slice(1)) if (o) watched.add(o);
  }
  const uses = usesOfAll(scope, watched);
  const gone = /* @__PURE__ */ new Set();
  for (const bn of bns) {
    const skip = (reason) => out.skipped.push({ node: nodeId(bn), reason });
    const x = bn.input[0] ?? "";
    const p = producer.get(x);
    if (!p || !isDefaultDomain(p) || !FOLDABLE_PRODUCERS.has(p.opType ?? "")) {
      skip(`its input is ${p ? `computed by ${p.opType}` : "not computed by a node"}, not by Conv, ConvTranspose or Gemm`);
      continue;
    }
    if (p.output.length !== 1 || !readOnlyBy(x, bn, uses, g)) {
      skip(`${p.opType} '${nodeId(p)}' output is read by more than this BatchNormalization`);
      continue;
    }
    if (bn.output.slice(1).some((o) => o && ((uses.get(o)?.length ?? 0) > 0 || g.output.some((v) => v.name === o)))) {
      skip("its running mean/var outputs are read (training form)");
      continue;
    }
    const affine = bnAffine(bn, scope, index, external);
    if (typeof affine === "string") {
      skip(affine);
      continue;
    }
    const folded = foldInto(p, affine, scope, index, external);
    if (typeof folded === "string") {
      skip(folded);
      continue;
    }
    const base = nodeId(p);
    const wName = freshName(names, `${base}_weight_bnfolded`);
    const bName = freshName(names, `${base}_bias_bnfolded`);
    const tensor = (name, dims, values2) => newTensor(external, name, DataType.FLOAT, dims, new Uint8Array(values2.buffer));
    g.initializer.push(tensor(wName, folded.dims.weight, folded.weight), tensor(bName, folded.dims.bias, folded.bias));
    p.input = [p.input[0], wName, bName];
    if (folded.beta1) p.attribute = p.attribute.filter((a) => a.name !== "beta");
    p.output = [bn.output[0]];
    g.valueInfo = g.valueInfo.filter((v) => v.name !== x);
    gone.add(bn);
    out.used.push(...[...folded.used, ...affine.used].map((c) => c.path));
    out.byOp[p.opType] = (out.byOp[p.opType] ?? 0) + 1;
  }
  g.node = g.node.filter((n) => !gone.has(n));
}
function foldBatchNorm(model, ctx) {
  const index = new DefinitionIndex();
  const names = allNames(model);
  const out = { byOp: {}, skipped: [], used: [] };
  for (const scope of mainScopes(model)) foldScope(scope, index, names, ctx?.external, out);
  const removed = removeUnused(out.used, new DefinitionIndex());
  const folded = Object.values(out.byOp).reduce((a, b) => a + b, 0);
  ctx?.log(`fold-batchnorm: ${folded} BatchNormalization folded, ${out.skipped.length} left`);
  return { model, details: { folded, foldedInto: out.byOp, constantsRemoved: removed, skipped: out.skipped } };
}
function foldBatchNormStage(options = {}) {
  rejectUnknownOptions("fold-batchnorm", options, []);
  return { name: "fold-batchnorm", run: (model, ctx) => foldBatchNorm(model, ctx) };
}
function hasFoldableBatchNorm(model) {
  for (const { graph } of mainScopes(model)) {
    const producer = /* @__PURE__ */ new Map();
    for (const n of graph.node) for (const o of n.output) if (o) producer.set(o, n);
    for (const n of graph.node) {
      if (n.opType !== "BatchNormalization" || !isDefaultDomain(n)) continue;
      const p = producer.get(n.input[0] ?? "");
      if (p && FOLDABLE_PRODUCERS.has(p.opType ?? "")) return true;
    }
  }
  return false;
}
var FOLDABLE_PRODUCERS, isDefaultDomain;
var init_fold_batchnorm = __esm({
  "src/stages/fold-batchnorm.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_spill();
    init_tensor();
    init_constant_weight();
    init_nodes();
    init_options();
    FOLDABLE_PRODUCERS = /* @__PURE__ */ new Set(["Conv", "ConvTranspose", "Gemm"]);
    isDefaultDomain = (n) => (n.domain ?? "") === "" || n.domain === "ai.onnx";
  }
});

// src/pipeline/auto-candidates.ts
function recipesFor(base) {
  const constants2 = /* @__PURE__ */ new Set();
  let conv = false;
  forEachGraph(base, ({ graph }) => {
    for (const t of graph.initializer) if (t.name) constants2.add(t.name);
    for (const n of graph.node) {
      if (n.opType === "Constant" && n.output[0]) constants2.add(n.output[0]);
      conv ||= (n.domain ?? "") === "" && n.opType === "Conv" && constants2.has(n.input[1] ?? "");
    }
  });
  const recipes = conv ? [...RECIPES.slice(0, -1), ...CONV_RECIPES, RECIPES[RECIPES.length - 1]] : RECIPES;
  if (!hasFoldableBatchNorm(base)) return recipes;
  return recipes.map((r) => r.stage ? { ...r, label: `fold-batchnorm, ${r.label}`, prep: ["fold-batchnorm"] } : r);
}
function recipeStages(recipe, floatNodes = []) {
  if (!recipe.stage) return [...BASE_STAGES];
  const options = { ...recipe.options, ...floatNodes.length ? { exclude: [...floatNodes] } : {} };
  return [...BASE_STAGES, ...recipe.prep ?? [], Object.keys(options).length ? { [recipe.stage]: options } : recipe.stage];
}
function lossyStages(recipe, floatNodes = []) {
  return recipe.stage ? recipeStages(recipe, floatNodes).slice(BASE_STAGES.length) : [];
}
function quantizedLayers(base, candidate) {
  const kept = /* @__PURE__ */ new Set();
  forEachGraph(candidate, ({ graph }) => {
    const dequantized = new Set(graph.node.filter((n) => n.opType === "DequantizeLinear").map((n) => n.output[0]));
    for (const n of graph.node) {
      const at = (n.domain ?? "") === "" ? WEIGHT_INPUT[n.opType ?? ""] : void 0;
      if (at === void 0 || !dequantized.has(n.input[at])) kept.add(nodeKey(n));
    }
  });
  const byWeight = /* @__PURE__ */ new Map();
  forEachGraph(base, ({ graph }) => {
    for (const n of graph.node) {
      const at = (n.domain ?? "") === "" ? WEIGHT_INPUT[n.opType ?? ""] : void 0;
      const weight = at === void 0 ? void 0 : n.input[at];
      const id = nodeId(n);
      if (!weight || !id || kept.has(nodeKey(n))) continue;
      const nodes = byWeight.get(weight) ?? [];
      if (!nodes.includes(id)) nodes.push(id);
      byWeight.set(weight, nodes);
    }
  });
  return { layers: [...byWeight].map(([weight, nodes]) => ({ weight, nodes })) };
}
var BASE_STAGES, int8, int4, RECIPES, CONV_RECIPES, WEIGHT_INPUT, nodeKey;
var init_auto_candidates = __esm({
  "src/pipeline/auto-candidates.ts"() {
    "use strict";
    init_graph();
    init_fold_batchnorm();
    init_nodes();
    BASE_STAGES = ["dedup", "prune"];
    int8 = (label, options) => ({ label: `int8 ${label}`, stage: "quantize-int8", options, excludable: true });
    int4 = (block, embeddings) => ({
      label: `int4 block ${block}${embeddings === "int8" ? ", int8 embeddings" : ""}`,
      stage: "quantize-int4",
      options: { "block-size": block, embeddings },
      excludable: true
    });
    RECIPES = [
      { label: "dedup+prune", excludable: false },
      int8("per-tensor", {}),
      int8("per-tensor, reduce-range", { "reduce-range": true }),
      int8("per-channel", { "per-channel": true }),
      int8("per-channel, reduce-range", { "per-channel": true, "reduce-range": true }),
      int4(128, "int4"),
      int4(64, "int4"),
      int4(32, "int4"),
      int4(128, "int8"),
      int4(64, "int8"),
      int4(32, "int8"),
      // overflow-check: ops whose outputs overflow float16 on auto inputs stay float32 (stages/fp16-overflow.ts).
      { label: "fp16", stage: "fp16", options: { "overflow-check": true }, excludable: false }
    ];
    CONV_RECIPES = [
      // Conv per-channel is quantize-int8's default (per-tensor on BN-folded weights collapses: PP-OCRv4 det
      // cosine 0.79); MatMul and Gemm per-tensor here, per-channel in the next one.
      int8("per-tensor, Conv weight-only per-channel", { ops: ["MatMul", "Gemm", "Gather", "Conv"], "conv-mode": "weight-only" }),
      int8("per-channel, Conv weight-only", { ops: ["MatMul", "Gemm", "Gather", "Conv"], "conv-mode": "weight-only", "per-channel": true }),
      // Every Conv, however small (min-elements 0): weight-only adds no DynamicQuantizeLinear, so a small
      // Conv costs only its DequantizeLinear; on a small CNN the many depthwise kernels are a large share
      // (PP-OCR cls: 212 → 192 kB). Conv only, since small MatMuls would take the dynamic-quantization cost.
      int8("Conv weight-only per-channel, every Conv", { ops: ["Conv"], "conv-mode": "weight-only", "min-elements": 0 })
    ];
    WEIGHT_INPUT = { MatMul: 1, Gemm: 1, Conv: 1, Gather: 0 };
    nodeKey = (n) => `${n.domain ?? ""}|${n.opType ?? ""}|${nodeId(n)}`;
  }
});

// src/check/latency.ts
function percentile(values2, q) {
  if (!values2.length) return NaN;
  const sorted = [...values2].sort((x, y) => x - y);
  const pos = q / 100 * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function summarize(times, loadMs) {
  return {
    p50Ms: percentile(times, 50),
    p90Ms: percentile(times, 90),
    meanMs: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    loadMs
  };
}
async function measureLatency(r) {
  for (let i = 0; i < r.warmup; i++) {
    await r.host.run(r.original.id, r.feeds);
    await r.host.run(r.compressed.id, r.feeds);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < r.runs; i++) {
    a.push((await r.host.run(r.original.id, r.feeds)).ms);
    b.push((await r.host.run(r.compressed.id, r.feeds)).ms);
    r.onRun?.(i + 1, r.runs);
  }
  const original = summarize(a, r.original.loadMs);
  const compressed = summarize(b, r.compressed.loadMs);
  return {
    runs: r.runs,
    warmup: r.warmup,
    threads: r.threads,
    original,
    compressed,
    speedup: compressed.p50Ms > 0 ? original.p50Ms / compressed.p50Ms : Infinity
  };
}
var init_latency = __esm({
  "src/check/latency.ts"() {
    "use strict";
  }
});

// src/check/parity-metrics.ts
function isClassLike(t) {
  if (!/^float/.test(t.type) || t.dims.length < 2 || (t.dims[t.dims.length - 1] ?? 0) < 2) return false;
  return t.dims.length === 2 || /logit|prob|score|class/i.test(t.name);
}
function argmaxRows(values2, rowLength) {
  const out = [];
  for (let r = 0; r + rowLength <= values2.length; r += rowLength) {
    let best = 0;
    let bestValue = -Infinity;
    for (let k = 0; k < rowLength; k++) {
      const v = values2[r + k];
      if (v > bestValue) [best, bestValue] = [k, v];
    }
    out.push(best);
  }
  return out;
}
var OutputComparison;
var init_parity_metrics = __esm({
  "src/check/parity-metrics.ts"() {
    "use strict";
    init_named_tensor();
    OutputComparison = class {
      constructor(name) {
        this.name = name;
      }
      name;
      sumAbs = 0;
      maxAbs = 0;
      dot = 0;
      normA = 0;
      normB = 0;
      finitePairs = 0;
      elements = 0;
      rows = 0;
      agree = 0;
      nonFiniteA = 0;
      nonFiniteB = 0;
      newNonFinite = 0;
      incomparable;
      classLike = true;
      add(a, b) {
        if (this.incomparable) return;
        if (!a || !b) {
          this.incomparable = `output '${this.name}' is missing from the ${a ? "compressed" : "original"} model's results`;
          return;
        }
        if (!comparableTypes(a.type, b.type) || a.dims.length !== b.dims.length || a.dims.some((d, i) => d !== b.dims[i])) {
          this.incomparable = `'${this.name}': original is ${a.type} [${a.dims.join(",")}], compressed is ${b.type} [${b.dims.join(",")}]`;
          return;
        }
        const va = tensorValues(a);
        const vb = tensorValues(b);
        if (Array.isArray(va) || Array.isArray(vb)) {
          const sa = va;
          const sb = vb;
          this.classLike = false;
          for (let i = 0; i < sa.length; i++) this.addPair(0, sa[i] === sb[i] ? 0 : 1);
          return;
        }
        const xs = Float64Array.from(va, Number);
        const ys = Float64Array.from(vb, Number);
        for (let i = 0; i < xs.length; i++) this.addPair(xs[i], ys[i]);
        this.classLike &&= isClassLike(a);
        if (this.classLike) {
          const row = a.dims[a.dims.length - 1];
          const ra = argmaxRows(xs, row);
          const rb = argmaxRows(ys, row);
          for (let r = 0; r < ra.length; r++) if (ra[r] === rb[r]) this.agree++;
          this.rows += ra.length;
        }
      }
      addPair(x, y) {
        this.elements++;
        const fx = Number.isFinite(x);
        const fy = Number.isFinite(y);
        if (!fx) this.nonFiniteA++;
        if (!fy) this.nonFiniteB++;
        if (!fx || !fy) {
          const same = Object.is(x, y) || Number.isNaN(x) && Number.isNaN(y);
          if (!fy && !same) this.newNonFinite++;
          return;
        }
        const d = Math.abs(x - y);
        this.sumAbs += d;
        if (d > this.maxAbs) this.maxAbs = d;
        this.dot += x * y;
        this.normA += x * x;
        this.normB += y * y;
        this.finitePairs++;
      }
      result() {
        const denom = Math.sqrt(this.normA) * Math.sqrt(this.normB);
        const identical = this.maxAbs === 0 && this.newNonFinite === 0;
        const cosine = identical || this.normA === 0 && this.normB === 0 ? 1 : denom === 0 ? 0 : Math.min(1, this.dot / denom);
        const m = {
          name: this.name,
          maxAbs: this.maxAbs,
          meanAbs: this.finitePairs ? this.sumAbs / this.finitePairs : 0,
          cosine,
          ...this.classLike && this.rows > 0 ? { top1: this.agree / this.rows } : {},
          elements: this.elements,
          nonFinite: { original: this.nonFiniteA, compressed: this.nonFiniteB },
          newNonFinite: this.newNonFinite
        };
        if (this.incomparable) m.incomparable = this.incomparable;
        return m;
      }
    };
  }
});

// src/check/parity.ts
function judgeOutput(m, config = {}) {
  const own = config.outputs?.[m.name];
  const pick = (key, field) => {
    for (const t of [own, config.thresholds]) {
      const v = t?.[field];
      if (v !== void 0) return { limit: v, where: t.where[key] };
    }
    return void 0;
  };
  const checks = [];
  for (const [key, field] of Object.entries(MAX_KEYS)) {
    const t = pick(key, field);
    if (t) checks.push({ metric: key, limit: t.limit, actual: m[field], passed: m[field] <= t.limit, where: t.where });
  }
  for (const [key, field] of Object.entries(MIN_KEYS)) {
    const actual = m[field];
    if (actual === void 0) continue;
    const t = pick(key, field) ?? { limit: DEFAULT_THRESHOLDS[field], where: void 0 };
    checks.push({ metric: key, limit: t.limit, actual, passed: actual >= t.limit, where: t.where });
  }
  const allow = pick("allow-non-finite", "allowNonFinite");
  if (!allow?.limit) {
    checks.push({ metric: "non-finite", limit: 0, actual: m.newNonFinite, passed: m.newNonFinite === 0 });
  }
  const passed = !m.incomparable && checks.every((c) => c.passed);
  return { ...m, passed, checks };
}
function compareResults(original, compressed, config = {}) {
  const names = [...new Set(original.flatMap((r) => r.map((t) => t.name)))];
  const comparisons = names.map((n) => new OutputComparison(n));
  original.forEach((outs, s) => {
    for (const c of comparisons) c.add(outs.find((t) => t.name === c.name), compressed[s]?.find((t) => t.name === c.name));
  });
  return comparisons.map((c) => judgeOutput(c.result(), config));
}
function predictions(results, output) {
  return results.flatMap((outs) => {
    const t = outs.find((o) => o.name === output);
    if (!t) return [];
    const values2 = Float64Array.from(tensorValues(t), Number);
    return argmaxRows(values2, t.dims[t.dims.length - 1] ?? 1);
  });
}
function accuracyOf(original, compressed, labels) {
  if (original.length !== labels.length) {
    throw new UsageError(`parity labels: ${labels.length} labels for ${original.length} predicted rows; give one label per row of every sample`);
  }
  const hits = (p) => p.reduce((n, c, i) => n + (c === labels[i] ? 1 : 0), 0) / labels.length;
  const a = hits(original);
  const b = hits(compressed);
  return { rows: labels.length, original: a, compressed: b, drop: a - b };
}
function judgeResults(original, compressed, thresholds, labels) {
  const outputs = compareResults(original, compressed, thresholds);
  const report = { passed: outputs.every((o) => o.passed), samples: compressed.length, outputs };
  if (labels) {
    const output = labels.output ?? outputs[0]?.name ?? "";
    report.accuracy = accuracyOf(predictions(original, output), predictions(compressed, output), labels.values);
  }
  return report;
}
async function checkParity(run) {
  const a = [];
  const b = [];
  for (const [i, sample] of run.samples.entries()) {
    a.push((await run.host.run(run.original, sample)).outputs);
    b.push((await run.host.run(run.compressed, sample)).outputs);
    run.onSample?.(i + 1, run.samples.length);
  }
  return judgeResults(a, b, run.thresholds, run.labels);
}
var DEFAULT_THRESHOLDS, MAX_KEYS, MIN_KEYS;
var init_parity = __esm({
  "src/check/parity.ts"() {
    "use strict";
    init_errors();
    init_parity_metrics();
    init_named_tensor();
    DEFAULT_THRESHOLDS = { cosine: 0.99, top1: 0.98 };
    MAX_KEYS = { "max-abs": "maxAbs", "mean-abs": "meanAbs" };
    MIN_KEYS = { cosine: "cosine", top1: "top1" };
  }
});

// src/pipeline/auto-judge.ts
function violation(c) {
  const ratio = (miss, room) => room > 0 ? Math.max(0, miss) / room : miss > 0 ? Infinity : 0;
  if (c.metric === "non-finite") return c.actual > 0 ? Infinity : 0;
  if (c.metric === "cosine" || c.metric === "top1") return ratio(1 - c.actual, 1 - c.limit);
  return ratio(c.actual, c.limit);
}
function scoreOf(parity, maxDrop) {
  if (parity.error) return { score: Infinity, drift: Infinity };
  let score = 0;
  let drift = 0;
  for (const o of parity.outputs) {
    if (o.incomparable) score = Infinity;
    for (const c of o.checks) score = Math.max(score, violation(c));
    drift += 1 - o.cosine;
  }
  if (maxDrop !== void 0 && parity.accuracy) score = Math.max(score, (parity.accuracy.drop > 0 ? parity.accuracy.drop : 0) / maxDrop);
  return { score, drift };
}
function compareVerdicts(a, b) {
  return a.score === b.score ? a.drift - b.drift : a.score - b.score;
}
async function timeRuns(host, id, settings, stop = () => {
}) {
  const feeds = settings.samples[0];
  const { runs, warmup } = settings.latency;
  for (let i = 0; i < warmup; i++) await host.run(id, feeds);
  const times = [];
  for (let i = 0; i < runs; i++) {
    stop();
    times.push((await host.run(id, feeds)).ms);
  }
  const { p50Ms, p90Ms } = summarize(times, 0);
  return { p50Ms, p90Ms };
}
var SearchTimeUp, CandidateJudge;
var init_auto_judge = __esm({
  "src/pipeline/auto-judge.ts"() {
    "use strict";
    init_errors();
    init_dim_defaults();
    init_latency();
    init_ort_runner();
    init_parity();
    SearchTimeUp = class extends Error {
      name = "SearchTimeUp";
    };
    CandidateJudge = class _CandidateJudge {
      constructor(host, settings, reference, originalP50Ms) {
        this.host = host;
        this.settings = settings;
        this.reference = reference;
        this.originalP50Ms = originalP50Ms;
      }
      host;
      settings;
      reference;
      originalP50Ms;
      /** Runs the original once per sample; its session is released right after (its outputs are all we need). */
      static async open(host, source, settings) {
        const session = await host.load(source, { threads: settings.threads }).catch((e) => {
          throw new OnnxFormatError(`${source}: auto: onnxruntime cannot load the model (${ortSaid(e)}); auto mode checks every candidate against it in onnxruntime: give the model explicit stages instead`);
        });
        try {
          const reference = [];
          for (const sample of settings.samples) {
            const r = await host.run(session.id, sample).catch((e) => {
              throw new UsageError(askForDims(source, ortSaid(e), settings.autoDims ?? []) ?? `${source}: auto: onnxruntime cannot run the model on the parity samples (${ortSaid(e)}); set parity inputs or dims it accepts, or give the model explicit stages`);
            });
            reference.push(r.outputs);
          }
          const original = settings.speed?.minSpeedup !== void 0 ? (await timeRuns(host, session.id, settings)).p50Ms : void 0;
          return new _CandidateJudge(host, settings, reference, original);
        } finally {
          await host.release(session.id).catch(() => {
          });
        }
      }
      /**
       * Parity of the model at `file` against the original, and its latency when asked and it passed.
       * `timeUp` is polled between runs; when it says so the check stops with SearchTimeUp.
       * onnxruntime failures (load, run) reject: the caller records them on the candidate.
       */
      async judge(file, opts = {}) {
        const stop = () => {
          if (opts.timeUp?.()) throw new SearchTimeUp(`max-search-time ran out while checking ${file}`);
        };
        const session = await this.host.load(file, { threads: this.settings.threads });
        try {
          const results = [];
          for (const sample of this.settings.samples) {
            stop();
            results.push((await this.host.run(session.id, sample)).outputs);
          }
          const labels = this.settings.labels;
          const parity = judgeResults(this.reference, results, this.settings.thresholds, labels);
          const { score, drift } = scoreOf(parity, labels?.maxDrop);
          const passed = parity.passed && (labels?.maxDrop === void 0 || (parity.accuracy?.drop ?? 0) <= labels.maxDrop);
          const verdict = { passed, parity, score, drift };
          const speed = this.settings.speed;
          if (passed && (opts.latency || speed)) verdict.latency = await timeRuns(this.host, session.id, this.settings, stop);
          if (passed && speed && verdict.latency) {
            verdict.slow = this.speedFailure(verdict.latency.p50Ms, speed);
            if (verdict.slow) verdict.passed = false;
          }
          return verdict;
        } finally {
          await this.host.release(session.id).catch(() => {
          });
        }
      }
      /** The speed budget a p50 of `p50Ms` breaks, said for the report; undefined when it keeps them all. */
      speedFailure(p50Ms, speed) {
        if (speed.maxLatencyMs !== void 0 && p50Ms > speed.maxLatencyMs) {
          return `parity passed, but p50 ${p50Ms.toFixed(3)} ms breaks max-latency-ms ${speed.maxLatencyMs}`;
        }
        if (speed.minSpeedup !== void 0 && this.originalP50Ms !== void 0) {
          const speedup = this.originalP50Ms / p50Ms;
          if (speedup < speed.minSpeedup) return `parity passed, but its speed-up ${speedup.toFixed(2)}\xD7 (p50 ${p50Ms.toFixed(3)} vs ${this.originalP50Ms.toFixed(3)} ms) breaks min-speedup ${speed.minSpeedup}`;
        }
        return void 0;
      }
    };
  }
});

// src/pipeline/auto-report.ts
function parityOf(v) {
  const p = {
    score: finite(v.score),
    outputs: v.parity.outputs.map((o) => ({
      name: o.name,
      maxAbs: o.maxAbs,
      meanAbs: o.meanAbs,
      cosine: o.cosine,
      ...o.top1 === void 0 ? {} : { top1: o.top1 },
      passed: o.passed
    }))
  };
  if (v.parity.accuracy) p.accuracyDrop = v.parity.accuracy.drop;
  return p;
}
function candidateLabel(c) {
  const n = c.floatLayers.length;
  return n ? `${c.recipe} + ${n} float layer${n === 1 ? "" : "s"}` : c.recipe;
}
var finite;
var init_auto_report = __esm({
  "src/pipeline/auto-report.ts"() {
    "use strict";
    finite = (x) => Number.isFinite(x) ? Number(x.toPrecision(6)) : null;
  }
});

// src/pipeline/auto-sensitivity.ts
function sensitivityMethod(layers) {
  return layers <= ALL_BUT_ONE_MAX_LAYERS ? { method: "all-but-one", why: `${layers} layers (\u2264 ${ALL_BUT_ONE_MAX_LAYERS}): each probe puts one layer back in float, measuring exactly what the greedy step gains; ${layers}\xB2 layer quantizations are cheap at this count` } : { method: "one-at-a-time", why: `${layers} layers (> ${ALL_BUT_ONE_MAX_LAYERS}): each probe quantizes one layer, so building costs grow linearly, not as ${layers}\xB2, and each layer is seen against a clean float background` };
}
async function rankLayers(layers, method, attempt) {
  const measured = [];
  const unmeasured = [];
  for (const layer of layers) {
    if (unmeasured.length) {
      unmeasured.push({ ...layer });
      continue;
    }
    const floatNodes = method === "all-but-one" ? layer.nodes : allNodes(layers.filter((l) => l !== layer));
    const probe = await attempt(floatNodes);
    if (probe) measured.push({ ...layer, probe });
    else unmeasured.push({ ...layer });
  }
  const sign = method === "all-but-one" ? 1 : -1;
  measured.sort((a, b) => sign * compareVerdicts(a.probe, b.probe));
  return { layers: [...measured, ...unmeasured], complete: unmeasured.length === 0 };
}
async function fewestFloatLayers(ranked, attempt, maxBytes = Infinity) {
  const top = (k) => allNodes(ranked.slice(0, k));
  let failing = 0;
  let passing;
  for (let k = 1; k < ranked.length; k = Math.min(2 * k, ranked.length - 1)) {
    const a = await attempt(top(k));
    if (!a) return { stoppedBy: "time" };
    if (a.passed && a.bytes < maxBytes) {
      passing = { k, attempt: a };
      break;
    }
    if (a.bytes >= maxBytes) return { stoppedBy: "size" };
    failing = k;
    if (k === ranked.length - 1) break;
  }
  if (!passing) return { stoppedBy: "no-pass" };
  while (passing.k - failing > 1) {
    const k = Math.floor((failing + passing.k) / 2);
    const a = await attempt(top(k));
    if (!a) return { found: passing.attempt, stoppedBy: "time" };
    if (a.passed) passing = { k, attempt: a };
    else failing = k;
  }
  return { found: passing.attempt };
}
var ALL_BUT_ONE_MAX_LAYERS, allNodes;
var init_auto_sensitivity = __esm({
  "src/pipeline/auto-sensitivity.ts"() {
    "use strict";
    init_auto_judge();
    ALL_BUT_ONE_MAX_LAYERS = 12;
    allNodes = (layers) => layers.flatMap((l) => l.nodes);
  }
});

// src/stages/pipeline.ts
import { performance as performance2 } from "node:perf_hooks";
async function runStages(model, stages, ctx) {
  const results = [];
  let current = model;
  let bytes = modelByteSize(current);
  for (const stage of stages) {
    const t0 = performance2.now();
    const { model: next, details } = await stage.run(current, ctx);
    const ms2 = Math.round(performance2.now() - t0);
    const after = modelByteSize(next);
    results.push({ name: stage.name, bytesBefore: bytes, bytesAfter: after, ms: ms2, details });
    current = next;
    bytes = after;
  }
  return { model: current, results };
}
var init_pipeline = __esm({
  "src/stages/pipeline.ts"() {
    "use strict";
    init_size();
  }
});

// src/stages/dedup.ts
function dedupTotals(plan) {
  const zero = () => ({ merged: 0, bytes: 0 });
  const byKind = { initializer: zero(), constant: zero(), subgraph: zero(), lifted: zero(), transposed: zero() };
  const count = (k, copies, bytes) => {
    k.merged += copies;
    k.bytes += copies * bytes;
  };
  let identities = 0;
  for (const c of plan.merges) {
    if (!c.keep) count(byKind.lifted, c.sites.length - 1, c.bytes);
    else for (const s of c.sites) if (s !== c.keep) count(byKind[s.kind], 1, c.bytes);
    identities += c.sites.filter((s) => s.pinned && s !== c.keep).length;
  }
  for (const t of plan.ties) count(byKind.transposed, 1, t.transposed.bytes);
  const kinds = Object.values(byKind);
  return {
    merged: kinds.reduce((n, k) => n + k.merged, 0) - byKind.transposed.merged,
    transposedTies: plan.ties.length,
    bytesSaved: kinds.reduce((n, k) => n + k.bytes, 0),
    groups: plan.merges.length,
    liftedTensors: plan.merges.filter((c) => !c.keep).length,
    identities,
    byKind
  };
}
function newNode(opType, input, output, name, attribute2 = []) {
  return { opType, input: [input], output: [output], name, attribute: attribute2, metadataProps: [], deviceConfigurations: [] };
}
function permAttribute() {
  return {
    name: "perm",
    type: AttributeType.INTS,
    ints: [1n, 0n],
    floats: [],
    strings: [],
    tensors: [],
    graphs: [],
    sparseTensors: [],
    typeProtos: []
  };
}
function renameReads(graph, renames, root2, defined) {
  for (const node of graph.node) {
    for (let i = 0; i < node.input.length; i++) {
      const to = renames.get(node.input[i]);
      if (to !== void 0) node.input[i] = to;
    }
    for (const { graph: sub2 } of subgraphsOf(node)) {
      const shadowed2 = defined(sub2);
      const inner = new Map([...renames].filter(([from]) => !shadowed2.has(from)));
      if (inner.size) renameReads(sub2, inner, false, defined);
    }
  }
  if (!root2) {
    for (const o of graph.output) {
      const to = o.name === void 0 ? void 0 : renames.get(o.name);
      if (to !== void 0) o.name = to;
    }
  }
  graph.valueInfo = graph.valueInfo.filter((v) => v.name === void 0 || !renames.has(v.name));
  for (const q of graph.quantizationAnnotation) {
    const to = q.tensorName === void 0 ? void 0 : renames.get(q.tensorName);
    if (to !== void 0) q.tensorName = to;
  }
}
function applyEdits(graph, e) {
  if (e.dropInitializers.size) graph.initializer = graph.initializer.filter((t) => !e.dropInitializers.has(t));
  graph.initializer.push(...e.addInitializers);
  const rest = e.dropNodes.size ? graph.node.filter((n) => !e.dropNodes.has(n)) : graph.node;
  graph.node = [...e.constants, ...e.transposes, ...e.identities, ...rest];
}
function applyDedupPlan(model, plan) {
  const taken = allNames(model);
  const edits = /* @__PURE__ */ new Map();
  const at = (scope) => {
    let e = edits.get(scope);
    if (!e) {
      e = { renames: /* @__PURE__ */ new Map(), dropInitializers: /* @__PURE__ */ new Set(), dropNodes: /* @__PURE__ */ new Set(), addInitializers: [], constants: [], transposes: [], identities: [] };
      edits.set(scope, e);
    }
    return e;
  };
  const drop = (s) => {
    if (s.node) at(s.scope).dropNodes.add(s.node);
    else at(s.scope).dropInitializers.add(s.tensor);
  };
  const transposeOf = new Map(plan.ties.map((t) => [t.transposed, t.kept]));
  const keptInTie = new Set(plan.ties.map((t) => t.kept));
  const classes = [.../* @__PURE__ */ new Set([...plan.merges, ...plan.ties.flatMap((t) => [t.kept, t.transposed])])];
  const nameOf = new Map(classes.map((c) => [c, c.keep?.name ?? freshName(taken, `${bestSite(c.sites).name}_shared`)]));
  for (const c of classes) {
    const home2 = at(c.home);
    const name = nameOf.get(c);
    const source = transposeOf.get(c);
    if (source) {
      if (c.keep) drop(c.keep);
      home2.transposes.push(newNode("Transpose", nameOf.get(source), name, freshName(taken, `${name}_transpose`), [permAttribute()]));
    } else if (!c.keep) {
      const t = c.sites[0].tensor;
      home2.addInitializers.push({ ...t, name, dims: [...t.dims] });
    } else if (c.keep.node && (c.sites.length > 1 || keptInTie.has(c))) {
      home2.dropNodes.add(c.keep.node);
      home2.constants.push(c.keep.node);
    }
    for (const s of c.sites) {
      if (s === c.keep) continue;
      drop(s);
      if (s.pinned) at(s.scope).identities.push(newNode("Identity", name, s.name, freshName(taken, `${s.name}_identity`)));
      else if (s.name !== name) at(s.scope).renames.set(s.name, name);
    }
  }
  const memo = /* @__PURE__ */ new Map();
  const defined = (g) => {
    let d = memo.get(g);
    if (!d) {
      d = definedNames(g);
      memo.set(g, d);
    }
    return d;
  };
  for (const [scope, e] of edits) if (e.renames.size) renameReads(scope.graph, e.renames, true, defined);
  for (const [scope, e] of edits) applyEdits(scope.graph, e);
}
function dedupStage(options = {}) {
  for (const key of Object.keys(options)) {
    if (!OPTIONS.includes(key)) throw new UsageError(`stage dedup: unknown option '${key}'; known options: ${OPTIONS.join(", ")}`);
  }
  if (options.transposed !== void 0 && typeof options.transposed !== "boolean") {
    throw new UsageError(`stage dedup: option 'transposed' must be true or false`);
  }
  const transposed = options.transposed;
  return {
    name: "dedup",
    run(model, ctx) {
      const plan = planDedup(model, ctx.external, { transposed });
      applyDedupPlan(model, plan);
      return { model, details: { ...dedupTotals(plan) } };
    }
  };
}
var OPTIONS;
var init_dedup = __esm({
  "src/stages/dedup.ts"() {
    "use strict";
    init_errors();
    init_graph();
    init_types();
    init_dedup_analysis();
    init_dedup_analysis();
    OPTIONS = ["transposed"];
  }
});

// src/stages/prune.ts
function pruneNodes(graph, roots, memo, counts) {
  const producer = /* @__PURE__ */ new Map();
  graph.node.forEach((n, i) => {
    for (const o of n.output) if (o) producer.set(o, i);
  });
  const live = new Uint8Array(graph.node.length);
  const read = /* @__PURE__ */ new Set();
  const work = [];
  const need = (name) => {
    if (name && !read.has(name)) {
      read.add(name);
      work.push(name);
    }
  };
  for (const r of roots) need(r);
  while (work.length) {
    const i = producer.get(work.pop());
    if (i === void 0 || live[i]) continue;
    live[i] = 1;
    for (const name of nodeReads(graph.node[i], memo)) need(name);
  }
  const before = graph.node.length;
  graph.node = graph.node.filter((_, i) => live[i]);
  counts.nodes += before - graph.node.length;
  return read;
}
function pruneStorage(graph, read, protect, counts, weightsAreInputs) {
  const keep = /* @__PURE__ */ new Set([...read, ...protect]);
  const weights = new Set(weightsAreInputs ? graph.initializer.map((t) => t.name ?? "") : []);
  for (const v of graph.input) if (v.name && !weights.has(v.name)) keep.add(v.name);
  for (const v of graph.output) if (v.name) keep.add(v.name);
  const alive2 = new Set(keep);
  for (const n of graph.node) for (const o of n.output) if (o) alive2.add(o);
  const annotations = graph.quantizationAnnotation.filter((a) => alive2.has(a.tensorName ?? ""));
  for (const a of annotations) for (const e of a.quantParameterTensorNames) if (e.value) keep.add(e.value);
  const initializers = graph.initializer.filter((t) => keep.has(t.name ?? ""));
  for (const t of graph.initializer) if (!keep.has(t.name ?? "")) counts.initializerBytes += tensorByteLength(t);
  counts.initializers += graph.initializer.length - initializers.length;
  graph.initializer = initializers;
  if (weights.size) graph.input = graph.input.filter((v) => !weights.has(v.name ?? "") || keep.has(v.name ?? ""));
  const sparse = graph.sparseInitializer.filter((s) => keep.has(s.values?.name ?? ""));
  counts.sparseInitializers += graph.sparseInitializer.length - sparse.length;
  graph.sparseInitializer = sparse;
  counts.quantizationAnnotations += graph.quantizationAnnotation.length - annotations.length;
  graph.quantizationAnnotation = annotations;
}
function trainingReferences(model) {
  const names = /* @__PURE__ */ new Set();
  for (const ti of model.trainingInfo) {
    for (const g of [ti.initialization, ti.algorithm]) if (g) for (const n of outerReferences(g)) names.add(n);
    for (const b of [...ti.initializationBinding, ...ti.updateBinding]) if (b.key) names.add(b.key);
  }
  return names;
}
function pruneGraphs(model, counts) {
  const training = trainingReferences(model);
  const weightsAreInputs = (model.irVersion ?? 0) < 4;
  const memo = /* @__PURE__ */ new Map();
  const scopes = mainScopes(model).reverse();
  for (const scope of scopes) {
    const { graph } = scope;
    const isMain = scope.parent === void 0;
    const roots = graph.output.map((v) => v.name ?? "");
    if (isMain) roots.push(...training);
    const read = pruneNodes(graph, roots, memo, counts);
    pruneStorage(graph, read, isMain ? training : /* @__PURE__ */ new Set(), counts, isMain && weightsAreInputs);
  }
}
function pruneValueInfo(model, counts) {
  const defined = /* @__PURE__ */ new Map();
  const visible = (name, scope) => {
    for (let s = scope; s; s = s.parent) if (defined.get(s.graph).has(name)) return true;
    return false;
  };
  for (const scope of mainScopes(model)) {
    defined.set(scope.graph, definedNames(scope.graph));
    const kept = scope.graph.valueInfo.filter((v) => visible(v.name ?? "", scope));
    counts.valueInfo += scope.graph.valueInfo.length - kept.length;
    scope.graph.valueInfo = kept;
  }
}
function pruneFunctions(model, counts) {
  if (model.functions.length === 0) return;
  const byKey = /* @__PURE__ */ new Map();
  for (const f of model.functions) byKey.set(functionKey(f.domain, f.name, f.overload), f);
  const used = /* @__PURE__ */ new Set();
  const pending = [];
  const visitNodes = (nodes) => {
    const stack = [...nodes];
    while (stack.length) {
      const n = stack.pop();
      const f = byKey.get(functionKey(n.domain, n.opType, n.overload));
      if (f && !used.has(f)) {
        used.add(f);
        pending.push(f);
      }
      for (const { graph } of subgraphsOf(n)) stack.push(...graph.node);
    }
  };
  forEachGraph(model, ({ graph }) => visitNodes(graph.node));
  while (pending.length) visitNodes(pending.pop().node);
  const kept = model.functions.filter((f) => used.has(f));
  counts.functions += model.functions.length - kept.length;
  model.functions = kept;
}
function stripDocStrings(model, counts) {
  const stack = [model];
  while (stack.length) {
    const obj = stack.pop();
    if (Array.isArray(obj)) {
      for (const v of obj) if (v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) stack.push(v);
      continue;
    }
    const rec = obj;
    if (rec.docString !== void 0) {
      rec.docString = void 0;
      counts.docStrings++;
    }
    for (const [k, v] of Object.entries(rec)) {
      if (k !== "$unknown" && v !== null && typeof v === "object" && !ArrayBuffer.isView(v)) stack.push(v);
    }
  }
}
function pruneModel(model, opts = {}) {
  const counts = {
    nodes: 0,
    initializers: 0,
    initializerBytes: 0,
    sparseInitializers: 0,
    valueInfo: 0,
    quantizationAnnotations: 0,
    functions: 0,
    docStrings: 0
  };
  pruneGraphs(model, counts);
  pruneValueInfo(model, counts);
  pruneFunctions(model, counts);
  if (opts.docStrings) stripDocStrings(model, counts);
  return counts;
}
function pruneStage(options) {
  for (const key of Object.keys(options)) {
    if (key !== "doc-strings") throw new UsageError(`prune: unknown option '${key}'; known options: doc-strings`);
  }
  const docStrings = options["doc-strings"] ?? false;
  if (typeof docStrings !== "boolean") throw new UsageError(`prune: option doc-strings must be true or false, not ${JSON.stringify(docStrings)}`);
  return {
    name: "prune",
    run(model) {
      const before = modelByteSize(model);
      const counts = pruneModel(model, { docStrings });
      return { model, details: { ...counts, bytesSaved: before - modelByteSize(model) } };
    }
  };
}
var functionKey;
var init_prune = __esm({
  "src/stages/prune.ts"() {
    "use strict";
    init_errors();
    init_graph();
    init_size();
    init_tensor();
    functionKey = (domain, name, overload) => `${domain ?? ""}\0${name ?? ""}\0${overload ?? ""}`;
  }
});

// src/stages/quant/opset.ts
function defaultOpset(model) {
  return model.opsetImport.find((o) => isDefaultDomain2(o.domain))?.version ?? 1;
}
function planOpset(model) {
  const version = defaultOpset(model);
  if (version >= REQUIRED_OPSET) return { action: "keep", version };
  const unsafe = /* @__PURE__ */ new Set();
  for (const scope of mainScopes(model)) {
    for (const n of scope.graph.node) {
      if (!isDefaultDomain2(n.domain)) continue;
      const from = SAFE_FROM[n.opType ?? ""];
      if (from === void 0 || version < from) unsafe.add(n.opType ?? "?");
    }
  }
  if (unsafe.size > 0) {
    return {
      action: "refuse",
      reason: `opset ${version} < ${REQUIRED_OPSET} and ${[...unsafe].sort().join(", ")} changed meaning by opset ${REQUIRED_OPSET}; re-export with opset \u2265 ${REQUIRED_OPSET}`
    };
  }
  return { action: "bump", from: version, to: REQUIRED_OPSET };
}
function setDefaultOpset(model, to) {
  const entry = model.opsetImport.find((o) => isDefaultDomain2(o.domain));
  if (entry) entry.version = to;
  else model.opsetImport.push({ domain: "", version: to });
}
function importDomain(model, domain, version) {
  if (!model.opsetImport.some((o) => o.domain === domain)) model.opsetImport.push({ domain, version });
}
var REQUIRED_OPSET, SAFE_FROM, isDefaultDomain2;
var init_opset = __esm({
  "src/stages/quant/opset.ts"() {
    "use strict";
    init_graph();
    REQUIRED_OPSET = 11;
    SAFE_FROM = {
      Abs: 6,
      Add: 7,
      And: 7,
      ArgMax: 1,
      ArgMin: 1,
      AveragePool: 7,
      BatchNormalization: 9,
      Cast: 6,
      Ceil: 6,
      Concat: 4,
      Constant: 9,
      ConstantOfShape: 9,
      Conv: 1,
      ConvTranspose: 1,
      DequantizeLinear: 10,
      Div: 7,
      Dropout: 7,
      DynamicQuantizeLinear: 11,
      Elu: 6,
      Equal: 7,
      Erf: 9,
      Exp: 6,
      Expand: 8,
      Flatten: 9,
      Floor: 6,
      GRU: 7,
      Gather: 1,
      Gemm: 7,
      GlobalAveragePool: 1,
      GlobalMaxPool: 1,
      Greater: 9,
      HardSigmoid: 6,
      Identity: 1,
      If: 1,
      InstanceNormalization: 6,
      LRN: 1,
      LSTM: 7,
      LeakyRelu: 6,
      Less: 9,
      Log: 6,
      LogSoftmax: 1,
      Loop: 1,
      MatMul: 1,
      MatMulInteger: 10,
      Max: 8,
      MaxPool: 8,
      Mean: 8,
      Min: 8,
      Mul: 7,
      Neg: 6,
      Not: 1,
      Or: 7,
      PRelu: 9,
      Pow: 7,
      RNN: 7,
      Reciprocal: 6,
      ReduceL2: 1,
      ReduceMax: 1,
      ReduceMean: 1,
      ReduceMin: 1,
      ReduceProd: 1,
      ReduceSum: 1,
      ReduceSumSquare: 1,
      Relu: 6,
      Reshape: 5,
      Scan: 9,
      Selu: 6,
      Shape: 1,
      Sigmoid: 6,
      Sign: 9,
      Size: 1,
      Softmax: 1,
      Softplus: 1,
      Softsign: 1,
      Split: 2,
      Sqrt: 6,
      Squeeze: 1,
      Sub: 7,
      Sum: 8,
      Tanh: 6,
      Tile: 6,
      Transpose: 1,
      Unsqueeze: 1,
      Where: 9,
      Xor: 7
    };
    isDefaultDomain2 = (d) => d === void 0 || d === "" || d === "ai.onnx";
  }
});

// src/stages/opset/context.ts
function encode(dataType, values2) {
  switch (dataType) {
    case DataType.FLOAT:
      return new Uint8Array(Float32Array.from(values2).buffer);
    case DataType.DOUBLE:
      return new Uint8Array(Float64Array.from(values2).buffer);
    case DataType.FLOAT16: {
      const out = new Uint16Array(values2.length);
      values2.forEach((v, i) => {
        out[i] = toFloat16Bits(v);
      });
      return new Uint8Array(out.buffer);
    }
    case DataType.INT32:
      return new Uint8Array(Int32Array.from(values2).buffer);
    case DataType.INT64:
      return new Uint8Array(BigInt64Array.from(values2, (v) => BigInt(Math.trunc(v))).buffer);
    case DataType.INT8:
      return new Uint8Array(Int8Array.from(values2).buffer);
    case DataType.UINT8:
      return Uint8Array.from(values2);
    case DataType.INT16:
      return new Uint8Array(Int16Array.from(values2).buffer);
    case DataType.UINT16:
      return new Uint8Array(Uint16Array.from(values2).buffer);
    case DataType.UINT32:
      return new Uint8Array(Uint32Array.from(values2).buffer);
    default:
      throw new Error(`no encoder for data type ${dataType}`);
  }
}
function decode(dataType, b) {
  const copy = Uint8Array.from(b).buffer;
  switch (dataType) {
    case DataType.FLOAT:
      return [...new Float32Array(copy)];
    case DataType.DOUBLE:
      return [...new Float64Array(copy)];
    case DataType.INT32:
      return [...new Int32Array(copy)];
    case DataType.INT64:
      return [...new BigInt64Array(copy)].map(Number);
    case DataType.FLOAT16:
      return [...new Uint16Array(copy)].map(fromFloat16Bits);
    default:
      return void 0;
  }
}
function getAttr(node, name) {
  return node.attribute.find((a) => a.name === name);
}
function withAttrs(node, drop, add = []) {
  const gone = /* @__PURE__ */ new Set([...drop, ...add.map((a) => a.name ?? "")]);
  return { ...node, input: [...node.input], output: [...node.output], attribute: [...node.attribute.filter((a) => !gone.has(a.name ?? "")), ...add] };
}
function trimInputs(inputs) {
  const out = [...inputs];
  while (out.length && !out[out.length - 1]) out.pop();
  return out;
}
function blank(name) {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}
var ConvertContext, stringAttr, floatAttr, floatsAttr, attrString, attrInts, attrInt, crosses, nodeLabel, refuse, baseName;
var init_context = __esm({
  "src/stages/opset/context.ts"() {
    "use strict";
    init_dtype();
    init_float16();
    init_graph();
    init_tensor();
    init_types();
    ConvertContext = class {
      constructor(scope, target, facts2) {
        this.scope = scope;
        this.target = target;
        this.facts = facts2;
      }
      scope;
      target;
      facts;
      /** Initializers to add to this scope's graph once the whole model converted. */
      added = [];
      fresh(base) {
        return freshName(this.facts.names, base);
      }
      /** Constants made so far in this graph by content: 18 Clip(0, 6) share one min and one max. */
      made = /* @__PURE__ */ new Map();
      /** An initializer of this graph holding `values` (1-D unless `dims` says otherwise); its name. */
      constant(base, dataType, values2, dims = [values2.length]) {
        return this.tensor(base, dataType, dims, encode(dataType, values2));
      }
      int64(base, values2, dims = [values2.length]) {
        return this.tensor(base, DataType.INT64, dims, new Uint8Array(BigInt64Array.from(values2, (v) => BigInt(v)).buffer));
      }
      tensor(base, dataType, dims, raw) {
        const key = `${dataType}|${dims.join(",")}|${Buffer.from(raw).toString("hex")}`;
        const known = this.made.get(key);
        if (known) return known;
        const name = this.fresh(base);
        this.added.push(makeTensor(name, dataType, dims, raw));
        this.made.set(key, name);
        return name;
      }
      elemType(name) {
        return this.facts.elemTypes.get(name);
      }
      rank(name) {
        return this.facts.ranks.get(name);
      }
      /** Whether output `name` is read by any node or is a graph output (an empty name is never read). */
      isRead(name) {
        return !!name && this.facts.read.has(name);
      }
      /** Dims of a constant (initializer or Constant node) input. */
      constantDims(name) {
        const t = name ? this.facts.constants.get(name) : void 0;
        return t ? [...t.dims] : void 0;
      }
      /** Numeric values of a constant input (initializer or Constant node), as numbers. */
      constantValues(name) {
        const t = name ? this.facts.constants.get(name) : void 0;
        if (!t) return void 0;
        try {
          return decode(t.dataType ?? 0, tensorBytes(t));
        } catch {
          return void 0;
        }
      }
    };
    stringAttr = (name, s) => ({ ...blank(name), type: AttributeType.STRING, s: new TextEncoder().encode(s) });
    floatAttr = (name, f) => ({ ...blank(name), type: AttributeType.FLOAT, f });
    floatsAttr = (name, floats) => ({ ...blank(name), type: AttributeType.FLOATS, floats });
    attrString = (a) => a?.s ? new TextDecoder().decode(a.s) : void 0;
    attrInts = (a) => a ? a.ints : void 0;
    attrInt = (a) => a?.i !== void 0 ? Number(a.i) : void 0;
    crosses = (step, v) => step.from < v && step.to >= v;
    nodeLabel = (n) => `${n.opType} '${n.name || n.output[0] || "?"}'`;
    refuse = (node, why) => ({ refuse: `${nodeLabel(node)}: ${why}` });
    baseName = (n, what) => `${n.name || n.output[0] || n.opType}_${what}`;
  }
});

// src/stages/opset/facts.ts
function declared(v, types2, ranks) {
  const t = v.type?.tensorType;
  if (!v.name || !t) return;
  if (t.elemType) types2.set(v.name, t.elemType);
  if (t.shape) ranks.set(v.name, t.shape.dim.length);
}
function outputTypes(n, types2) {
  const op = n.opType ?? "";
  if (op === "Cast") {
    const to = n.attribute.find((a) => a.name === "to");
    return [to?.i !== void 0 ? Number(to.i) : void 0];
  }
  if (BOOL_OUT.has(op)) return n.output.map(() => DataType.BOOL);
  if (INT64_OUT.has(op)) return n.output.map(() => DataType.INT64);
  if (op === "TopK") return [types2.get(n.input[0] ?? ""), DataType.INT64];
  if (op === "Where") return [types2.get(n.input[1] ?? "") ?? types2.get(n.input[2] ?? "")];
  if (SAME_TYPE.has(op)) {
    const t = types2.get(n.input[0] ?? "");
    return n.output.map((_, i) => op === "Dropout" && i > 0 ? void 0 : t);
  }
  return [];
}
function outputRank(n, ranks, constants2) {
  const op = n.opType ?? "";
  const r0 = ranks.get(n.input[0] ?? "");
  const axes = n.attribute.find((a) => a.name === "axes")?.ints;
  if (SAME_RANK.has(op)) return r0;
  if (BROADCASTING.has(op)) {
    const rs = n.input.map((i) => ranks.get(i));
    return rs.every((r) => r !== void 0) ? Math.max(...rs) : void 0;
  }
  if (op === "Flatten") return 2;
  if (op === "MatMul") {
    const [a, b] = [r0, ranks.get(n.input[1] ?? "")];
    return a !== void 0 && b !== void 0 && a >= 2 && b >= 2 ? Math.max(a, b) : void 0;
  }
  if (op === "Gemm") return 2;
  if (op === "Reshape") return constants2.get(n.input[1] ?? "")?.dims[0] ?? n.attribute.find((a) => a.name === "shape")?.ints.length;
  if (r0 === void 0) return void 0;
  if (op === "Unsqueeze" && axes) return r0 + axes.length;
  if (op === "Squeeze" && axes) return r0 - axes.length;
  if (op.startsWith("Reduce")) {
    const keep = n.attribute.find((a) => a.name === "keepdims")?.i ?? 1n;
    return keep ? r0 : axes ? r0 - axes.length : void 0;
  }
  return void 0;
}
function modelFacts(model) {
  const elemTypes = /* @__PURE__ */ new Map();
  const ranks = /* @__PURE__ */ new Map();
  const read = /* @__PURE__ */ new Set();
  const constants2 = /* @__PURE__ */ new Map();
  const nodes = [];
  forEachGraph(model, ({ graph }) => {
    for (const v of [...graph.input, ...graph.output, ...graph.valueInfo]) declared(v, elemTypes, ranks);
    for (const t of graph.initializer) {
      if (!t.name) continue;
      elemTypes.set(t.name, t.dataType ?? 0);
      ranks.set(t.name, t.dims.length);
      constants2.set(t.name, t);
    }
    for (const o of graph.output) if (o.name) read.add(o.name);
    for (const n of graph.node) {
      nodes.push(n);
      for (const i of n.input) if (i) read.add(i);
      if (isConstantNode(n) && n.output[0]) {
        const t = constantNodeTensor(n);
        if (t) {
          elemTypes.set(n.output[0], t.dataType ?? 0);
          ranks.set(n.output[0], t.dims.length);
          constants2.set(n.output[0], t);
        }
      }
    }
  });
  for (let sweep = 0, changed = true; changed && sweep < 8; sweep++) {
    changed = false;
    for (const n of nodes) {
      outputTypes(n, elemTypes).forEach((t, i) => {
        const o2 = n.output[i];
        if (t && o2 && !elemTypes.has(o2)) {
          elemTypes.set(o2, t);
          changed = true;
        }
      });
      const o = n.output[0];
      if (o && !ranks.has(o) && (n.domain ?? "") === "") {
        const r = outputRank(n, ranks, constants2);
        if (r !== void 0) {
          ranks.set(o, r);
          changed = true;
        }
      }
    }
  }
  return { elemTypes, ranks, read, constants: constants2, names: allNames(model) };
}
var SAME_TYPE, BOOL_OUT, INT64_OUT, SAME_RANK, BROADCASTING;
var init_facts = __esm({
  "src/stages/opset/facts.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_tensor();
    SAME_TYPE = /* @__PURE__ */ new Set([
      "Abs",
      "Add",
      "AveragePool",
      "BatchNormalization",
      "Ceil",
      "Clip",
      "Concat",
      "Conv",
      "ConvTranspose",
      "DepthToSpace",
      "Div",
      "Dropout",
      "Elu",
      "Exp",
      "Expand",
      "Flatten",
      "Floor",
      "Gather",
      "GatherElements",
      "Gemm",
      "GlobalAveragePool",
      "GlobalMaxPool",
      "HardSigmoid",
      "HardSwish",
      "Hardmax",
      "Identity",
      "InstanceNormalization",
      "LRN",
      "LeakyRelu",
      "Log",
      "LogSoftmax",
      "MatMul",
      "Max",
      "MaxPool",
      "Mean",
      "Min",
      "Mish",
      "Mul",
      "Neg",
      "PRelu",
      "Pad",
      "Pow",
      "Reciprocal",
      "ReduceL1",
      "ReduceL2",
      "ReduceLogSum",
      "ReduceLogSumExp",
      "ReduceMax",
      "ReduceMean",
      "ReduceMin",
      "ReduceProd",
      "ReduceSum",
      "ReduceSumSquare",
      "Relu",
      "Reshape",
      "Resize",
      "Round",
      "Selu",
      "Sigmoid",
      "Sign",
      "Sin",
      "Cos",
      "Slice",
      "Softmax",
      "Softplus",
      "Softsign",
      "SpaceToDepth",
      "Split",
      "Sqrt",
      "Squeeze",
      "Sub",
      "Sum",
      "Tanh",
      "Tile",
      "TopK",
      "Transpose",
      "Unsqueeze",
      "Upsample",
      "Erf",
      "Gelu",
      "ThresholdedRelu",
      "Shrink",
      "Celu",
      "Einsum",
      "ReverseSequence"
    ]);
    BOOL_OUT = /* @__PURE__ */ new Set(["Equal", "Greater", "Less", "GreaterOrEqual", "LessOrEqual", "Not", "And", "Or", "Xor", "IsNaN", "IsInf"]);
    INT64_OUT = /* @__PURE__ */ new Set(["Shape", "Size", "ArgMax", "ArgMin", "NonZero", "NonMaxSuppression"]);
    SAME_RANK = /* @__PURE__ */ new Set([
      "Abs",
      "BatchNormalization",
      "Cast",
      "Ceil",
      "Clip",
      "Conv",
      "ConvTranspose",
      "Dropout",
      "Elu",
      "Erf",
      "Exp",
      "Floor",
      "HardSigmoid",
      "HardSwish",
      "Identity",
      "InstanceNormalization",
      "LRN",
      "LeakyRelu",
      "Log",
      "LogSoftmax",
      "MaxPool",
      "AveragePool",
      "GlobalAveragePool",
      "GlobalMaxPool",
      "Neg",
      "PRelu",
      "Reciprocal",
      "Relu",
      "Selu",
      "Sigmoid",
      "Softmax",
      "Softplus",
      "Softsign",
      "Sqrt",
      "Tanh",
      "Transpose",
      "Concat",
      "Pad",
      "Resize",
      "Upsample",
      "Slice",
      "Split",
      "Hardmax",
      "LayerNormalization",
      "Mish",
      "Gelu",
      "Sin",
      "Cos",
      "Sign",
      "Round",
      "Not",
      "IsNaN"
    ]);
    BROADCASTING = /* @__PURE__ */ new Set(["Add", "Sub", "Mul", "Div", "Pow", "Max", "Min", "Sum", "Mean", "Where", "Equal", "Less", "Greater", "And", "Or"]);
  }
});

// src/stages/opset/legacy.ts
var dropConsumedInputs, legacyBroadcast, gemm, concat, TYPE_CODES, cast, selu, recurrent, roiAlign, gridSample, dft, scatter, refuseAcross;
var init_legacy = __esm({
  "src/stages/opset/legacy.ts"() {
    "use strict";
    init_dtype();
    init_nodes();
    init_context();
    dropConsumedInputs = (node) => getAttr(node, "consumed_inputs") ? withAttrs(node, ["consumed_inputs"]) : node;
    legacyBroadcast = (node, step, ctx) => {
      if (!crosses(step, 7)) return [node];
      const broadcast = getAttr(node, "broadcast")?.i ?? 0n;
      const axis = attrInt(getAttr(node, "axis"));
      const plain = withAttrs(node, ["broadcast", "axis"]);
      if (broadcast === 0n || axis === void 0) return [plain];
      const [a, b] = [node.input[0] ?? "", node.input[1] ?? ""];
      const rankA = ctx.rank(a);
      const dimsB = ctx.constantDims(b);
      if (rankA === void 0 || !dimsB) return refuse(node, "broadcast=1 with an axis needs the rank of A and a constant B to rewrite as numpy broadcasting");
      const start = axis < 0 ? axis + rankA : axis;
      const trailing = rankA - start - dimsB.length;
      if (trailing < 0) return refuse(node, `B of rank ${dimsB.length} does not fit at axis ${axis} of A of rank ${rankA}`);
      if (trailing === 0) return [plain];
      const reshaped = ctx.fresh(baseName(node, "B_aligned"));
      const shape = ctx.int64(baseName(node, "B_shape"), [...dimsB, ...Array(trailing).fill(1)]);
      return [makeNode("Reshape", ctx.fresh(`${reshaped}_node`), [b, shape], [reshaped]), { ...plain, input: [a, reshaped] }];
    };
    gemm = (node, step) => [crosses(step, 7) ? withAttrs(node, ["broadcast"]) : node];
    concat = (node, step) => [crosses(step, 4) && !getAttr(node, "axis") ? withAttrs(node, [], [intAttr("axis", 1)]) : node];
    TYPE_CODES = Object.fromEntries(Object.entries(DataType).map(([k, v]) => [k, v]));
    cast = (node, step) => {
      const to = getAttr(node, "to");
      if (!crosses(step, 6) || !to || to.i !== void 0) return [node];
      const code = TYPE_CODES[(attrString(to) ?? "").toUpperCase()];
      if (code === void 0) return refuse(node, `unknown type name '${attrString(to)}' in Cast-1's 'to'`);
      return [withAttrs(node, ["to"], [intAttr("to", code)])];
    };
    selu = (node, step) => {
      if (!crosses(step, 6)) return [node];
      const add = [];
      if (!getAttr(node, "alpha")) add.push(floatAttr("alpha", 1.6732));
      if (!getAttr(node, "gamma")) add.push(floatAttr("gamma", 1.0507));
      return [withAttrs(node, [], add)];
    };
    recurrent = (node, step) => [crosses(step, 7) ? withAttrs(node, ["output_sequence"]) : node];
    roiAlign = (node, step) => [crosses(step, 16) && !getAttr(node, "coordinate_transformation_mode") ? withAttrs(node, [], [stringAttr("coordinate_transformation_mode", "output_half_pixel")]) : node];
    gridSample = (node, step) => {
      const mode = attrString(getAttr(node, "mode"));
      const renamed = mode === "bilinear" ? "linear" : mode === "bicubic" ? "cubic" : void 0;
      return [crosses(step, 20) && renamed ? withAttrs(node, ["mode"], [stringAttr("mode", renamed)]) : node];
    };
    dft = (node, step, ctx) => {
      if (!crosses(step, 20)) return [node];
      const axis = attrInt(getAttr(node, "axis")) ?? 1;
      const inputs = [node.input[0] ?? "", node.input[1] ?? "", ctx.int64(baseName(node, "axis"), [axis], [])];
      return [{ ...withAttrs(node, ["axis"]), input: inputs }];
    };
    scatter = (node, step) => [step.to >= 11 ? { ...node, opType: "ScatterElements" } : node];
    refuseAcross = (at, why) => (node, step) => crosses(step, at) ? refuse(node, why) : [node];
  }
});

// src/stages/opset/op-versions.ts
var MAX_OPSET, OP_VERSIONS, NO_ORT_KERNEL, LATEST_ORT_OPSET;
var init_op_versions = __esm({
  "src/stages/opset/op-versions.ts"() {
    "use strict";
    MAX_OPSET = 26;
    OP_VERSIONS = {
      Abs: { versions: [1, 6, 13] },
      Acos: { versions: [7, 22] },
      Acosh: { versions: [9, 22] },
      Add: { versions: [1, 6, 7, 13, 14] },
      AffineGrid: { versions: [20] },
      And: { versions: [1, 7] },
      ArgMax: { versions: [1, 11, 12, 13] },
      ArgMin: { versions: [1, 11, 12, 13] },
      Asin: { versions: [7, 22] },
      Asinh: { versions: [9, 22] },
      Atan: { versions: [7, 22] },
      Atanh: { versions: [9, 22] },
      Attention: { versions: [23, 24, 25] },
      AveragePool: { versions: [1, 7, 10, 11, 19, 22] },
      BatchNormalization: { versions: [1, 6, 7, 9, 14, 15] },
      Bernoulli: { versions: [15, 22] },
      BitCast: { versions: [26] },
      BitShift: { versions: [11] },
      BitwiseAnd: { versions: [18] },
      BitwiseNot: { versions: [18] },
      BitwiseOr: { versions: [18] },
      BitwiseXor: { versions: [18] },
      BlackmanWindow: { versions: [17] },
      Cast: { versions: [1, 6, 9, 13, 19, 21, 23, 24, 25] },
      CastLike: { versions: [15, 19, 21, 23, 24, 25] },
      Ceil: { versions: [1, 6, 13] },
      Celu: { versions: [12] },
      CenterCropPad: { versions: [18] },
      Clip: { versions: [1, 6, 11, 12, 13] },
      Col2Im: { versions: [18] },
      Compress: { versions: [9, 11] },
      Concat: { versions: [1, 4, 11, 13] },
      ConcatFromSequence: { versions: [11] },
      Constant: { versions: [1, 9, 11, 12, 13, 19, 21, 23, 24, 25] },
      ConstantOfShape: { versions: [9, 20, 21, 23, 24, 25] },
      Conv: { versions: [1, 11, 22] },
      ConvInteger: { versions: [10] },
      ConvTranspose: { versions: [1, 11, 22] },
      Cos: { versions: [7, 22] },
      Cosh: { versions: [9, 22] },
      CumProd: { versions: [26] },
      CumSum: { versions: [11, 14] },
      DFT: { versions: [17, 20] },
      DeformConv: { versions: [19, 22] },
      DepthToSpace: { versions: [1, 11, 13] },
      DequantizeLinear: { versions: [10, 13, 19, 21, 23, 24, 25] },
      Det: { versions: [11, 22] },
      Div: { versions: [1, 6, 7, 13, 14] },
      Dropout: { versions: [1, 6, 7, 10, 12, 13, 22] },
      DynamicQuantizeLinear: { versions: [11] },
      Einsum: { versions: [12] },
      Elu: { versions: [1, 6, 22] },
      Equal: { versions: [1, 7, 11, 13, 19] },
      Erf: { versions: [9, 13] },
      Exp: { versions: [1, 6, 13] },
      Expand: { versions: [8, 13] },
      EyeLike: { versions: [9, 22] },
      Flatten: { versions: [1, 9, 11, 13, 21, 23, 24, 25] },
      Floor: { versions: [1, 6, 13] },
      GRU: { versions: [1, 3, 7, 14, 22] },
      Gather: { versions: [1, 11, 13] },
      GatherElements: { versions: [11, 13] },
      GatherND: { versions: [11, 12, 13] },
      Gelu: { versions: [20] },
      Gemm: { versions: [1, 6, 7, 9, 11, 13] },
      GlobalAveragePool: { versions: [1, 22] },
      GlobalLpPool: { versions: [1, 2, 22] },
      GlobalMaxPool: { versions: [1, 22] },
      Greater: { versions: [1, 7, 9, 13] },
      GreaterOrEqual: { versions: [12, 16] },
      GridSample: { versions: [16, 20, 22] },
      GroupNormalization: { versions: [18, 21] },
      HammingWindow: { versions: [17] },
      HannWindow: { versions: [17] },
      HardSigmoid: { versions: [1, 6, 22] },
      HardSwish: { versions: [14, 22] },
      Hardmax: { versions: [1, 11, 13] },
      Identity: { versions: [1, 13, 14, 16, 19, 21, 23, 24, 25] },
      If: { versions: [1, 11, 13, 16, 19, 21, 23, 24, 25] },
      ImageDecoder: { versions: [20] },
      InstanceNormalization: { versions: [1, 6, 22] },
      IsInf: { versions: [10, 20] },
      IsNaN: { versions: [9, 13, 20] },
      LRN: { versions: [1, 13] },
      LSTM: { versions: [1, 7, 14, 22] },
      LayerNormalization: { versions: [17] },
      LeakyRelu: { versions: [1, 6, 16] },
      Less: { versions: [1, 7, 9, 13] },
      LessOrEqual: { versions: [12, 16] },
      Log: { versions: [1, 6, 13] },
      LogSoftmax: { versions: [1, 11, 13] },
      Loop: { versions: [1, 11, 13, 16, 19, 21, 23, 24, 25] },
      LpNormalization: { versions: [1, 22] },
      LpPool: { versions: [1, 2, 11, 18, 22] },
      MatMul: { versions: [1, 9, 13] },
      MatMulInteger: { versions: [10] },
      Max: { versions: [1, 6, 8, 12, 13] },
      MaxPool: { versions: [1, 8, 10, 11, 12, 22] },
      MaxRoiPool: { versions: [1, 22] },
      MaxUnpool: { versions: [9, 11, 22] },
      Mean: { versions: [1, 6, 8, 13] },
      MeanVarianceNormalization: { versions: [9, 13] },
      MelWeightMatrix: { versions: [17] },
      Min: { versions: [1, 6, 8, 12, 13] },
      Mish: { versions: [18, 22] },
      Mod: { versions: [10, 13] },
      Mul: { versions: [1, 6, 7, 13, 14] },
      Multinomial: { versions: [7, 22] },
      Neg: { versions: [1, 6, 13] },
      NegativeLogLikelihoodLoss: { versions: [12, 13, 22] },
      NonMaxSuppression: { versions: [10, 11] },
      NonZero: { versions: [9, 13] },
      Not: { versions: [1] },
      OneHot: { versions: [9, 11] },
      Optional: { versions: [15] },
      OptionalGetElement: { versions: [15, 18] },
      OptionalHasElement: { versions: [15, 18] },
      Or: { versions: [1, 7] },
      PRelu: { versions: [1, 6, 7, 9, 16] },
      Pad: { versions: [1, 2, 11, 13, 18, 19, 21, 23, 24, 25] },
      Pow: { versions: [1, 7, 12, 13, 15] },
      QLinearConv: { versions: [10] },
      QLinearMatMul: { versions: [10, 21] },
      QuantizeLinear: { versions: [10, 13, 19, 21, 23, 24, 25] },
      RMSNormalization: { versions: [23] },
      RNN: { versions: [1, 7, 14, 22] },
      RandomNormal: { versions: [1, 22] },
      RandomNormalLike: { versions: [1, 22] },
      RandomUniform: { versions: [1, 22] },
      RandomUniformLike: { versions: [1, 22] },
      Range: { versions: [11] },
      Reciprocal: { versions: [1, 6, 13] },
      ReduceL1: { versions: [1, 11, 13, 18] },
      ReduceL2: { versions: [1, 11, 13, 18] },
      ReduceLogSum: { versions: [1, 11, 13, 18] },
      ReduceLogSumExp: { versions: [1, 11, 13, 18] },
      ReduceMax: { versions: [1, 11, 12, 13, 18, 20] },
      ReduceMean: { versions: [1, 11, 13, 18] },
      ReduceMin: { versions: [1, 11, 12, 13, 18, 20] },
      ReduceProd: { versions: [1, 11, 13, 18] },
      ReduceSum: { versions: [1, 11, 13] },
      ReduceSumSquare: { versions: [1, 11, 13, 18] },
      RegexFullMatch: { versions: [20] },
      Relu: { versions: [1, 6, 13, 14] },
      Reshape: { versions: [1, 5, 13, 14, 19, 21, 23, 24, 25] },
      Resize: { versions: [10, 11, 13, 18, 19] },
      ReverseSequence: { versions: [10] },
      RoiAlign: { versions: [10, 16, 22] },
      RotaryEmbedding: { versions: [23] },
      Round: { versions: [11, 22] },
      STFT: { versions: [17] },
      Scan: { versions: [8, 9, 11, 16, 19, 21, 23, 24, 25] },
      Scatter: { versions: [9, 11], deprecated: 11 },
      ScatterElements: { versions: [11, 13, 16, 18] },
      ScatterND: { versions: [11, 13, 16, 18] },
      Selu: { versions: [1, 6, 22] },
      SequenceAt: { versions: [11] },
      SequenceConstruct: { versions: [11] },
      SequenceEmpty: { versions: [11] },
      SequenceErase: { versions: [11] },
      SequenceInsert: { versions: [11] },
      SequenceLength: { versions: [11] },
      SequenceMap: { versions: [17] },
      Shape: { versions: [1, 13, 15, 19, 21, 23, 24, 25] },
      Shrink: { versions: [9] },
      Sigmoid: { versions: [1, 6, 13] },
      Sign: { versions: [9, 13] },
      Sin: { versions: [7, 22] },
      Sinh: { versions: [9, 22] },
      Size: { versions: [1, 13, 19, 21, 23, 24, 25] },
      Slice: { versions: [1, 10, 11, 13] },
      Softmax: { versions: [1, 11, 13] },
      SoftmaxCrossEntropyLoss: { versions: [12, 13] },
      Softplus: { versions: [1, 22] },
      Softsign: { versions: [1, 22] },
      SpaceToDepth: { versions: [1, 13] },
      Split: { versions: [1, 2, 11, 13, 18] },
      SplitToSequence: { versions: [11, 24] },
      Sqrt: { versions: [1, 6, 13] },
      Squeeze: { versions: [1, 11, 13, 21, 23, 24, 25] },
      StringConcat: { versions: [20] },
      StringNormalizer: { versions: [10] },
      StringSplit: { versions: [20] },
      Sub: { versions: [1, 6, 7, 13, 14] },
      Sum: { versions: [1, 6, 8, 13] },
      Swish: { versions: [24] },
      Tan: { versions: [7, 22] },
      Tanh: { versions: [1, 6, 13] },
      TensorScatter: { versions: [24] },
      TfIdfVectorizer: { versions: [9] },
      ThresholdedRelu: { versions: [10, 22] },
      Tile: { versions: [1, 6, 13] },
      TopK: { versions: [1, 10, 11, 24] },
      Transpose: { versions: [1, 13, 21, 23, 24, 25] },
      Trilu: { versions: [14] },
      Unique: { versions: [11] },
      Unsqueeze: { versions: [1, 11, 13, 21, 23, 24, 25] },
      Upsample: { versions: [1, 7, 9, 10], deprecated: 10 },
      Where: { versions: [9, 16] },
      Xor: { versions: [1, 7] }
    };
    NO_ORT_KERNEL = {
      Abs: [1],
      Add: [1, 6],
      And: [1],
      Attention: [25],
      AveragePool: [1],
      BatchNormalization: [1, 6],
      Cast: [1],
      Ceil: [1],
      Clip: [1],
      Concat: [1],
      Div: [1, 6],
      Dropout: [1, 6],
      Elu: [1],
      Equal: [1],
      Exp: [1],
      Floor: [1],
      GRU: [1, 3],
      Gemm: [1, 6],
      GlobalLpPool: [1, 22],
      Greater: [1],
      HardSigmoid: [1],
      InstanceNormalization: [1],
      LSTM: [1],
      LeakyRelu: [1],
      Less: [1],
      Log: [1],
      LpPool: [1],
      Max: [1],
      MaxRoiPool: [22],
      Mean: [1],
      Min: [1],
      Mul: [1, 6],
      Multinomial: [22],
      Neg: [1],
      Or: [1],
      PRelu: [1, 6],
      Pad: [1],
      Pow: [1],
      RNN: [1],
      RandomNormal: [22],
      RandomNormalLike: [22],
      RandomUniform: [22],
      RandomUniformLike: [22],
      Reciprocal: [1],
      Relu: [1],
      RoiAlign: [22],
      Scatter: [11],
      Selu: [1],
      Sigmoid: [1],
      Split: [1],
      Sqrt: [1],
      Sub: [1, 6],
      Sum: [1],
      Tanh: [1],
      Tile: [1],
      Upsample: [1, 10],
      Xor: [1]
    };
    LATEST_ORT_OPSET = 21;
  }
});

// src/stages/opset/axes-inputs.ts
var axesToInput, topk, reshape;
var init_axes_inputs = __esm({
  "src/stages/opset/axes-inputs.ts"() {
    "use strict";
    init_context();
    axesToInput = (at) => (node, step, ctx) => {
      if (!crosses(step, at)) return [node];
      const axes = attrInts(getAttr(node, "axes"));
      if (!axes) {
        if (node.opType === "Unsqueeze") return refuse(node, "Unsqueeze without axes is not a valid node");
        return [node];
      }
      return [{ ...withAttrs(node, ["axes"]), input: [node.input[0] ?? "", ctx.int64(baseName(node, "axes"), axes)] }];
    };
    topk = (node, step, ctx) => {
      if (!crosses(step, 10)) return [node];
      const k = getAttr(node, "k")?.i;
      if (k === void 0) return refuse(node, "TopK-1 without k is not a valid node");
      return [{ ...withAttrs(node, ["k"]), input: [node.input[0] ?? "", ctx.int64(baseName(node, "k"), [k])] }];
    };
    reshape = (node, step, ctx) => {
      if (!crosses(step, 5)) return [node];
      const shape = attrInts(getAttr(node, "shape"));
      if (!shape) return refuse(node, "Reshape-1 without shape is not a valid node");
      return [{ ...withAttrs(node, ["shape", "consumed_inputs"]), input: [node.input[0] ?? "", ctx.int64(baseName(node, "shape"), shape)] }];
    };
  }
});

// src/stages/opset/clip.ts
var FLOATS, clip;
var init_clip = __esm({
  "src/stages/opset/clip.ts"() {
    "use strict";
    init_dtype();
    init_nodes();
    init_context();
    FLOATS = [DataType.FLOAT, DataType.FLOAT16, DataType.DOUBLE];
    clip = (node, step, ctx) => {
      if (!crosses(step, 11)) return [node];
      const bounds = ["min", "max"].map((k) => getAttr(node, k));
      const out = withAttrs(node, ["min", "max"]);
      if (!bounds.some(Boolean)) return [out];
      const type = ctx.elemType(node.input[0] ?? "");
      if (type !== void 0 && !FLOATS.includes(type)) return refuse(node, `Clip before opset 11 takes float inputs, this one is type ${type}`);
      const extra = [];
      const inputs = bounds.map((a, i) => {
        if (!a) return "";
        const key = i ? "max" : "min";
        if (type !== void 0) return ctx.constant(baseName(node, key), type, [a.f ?? 0], []);
        const f = ctx.constant(baseName(node, `${key}_f32`), DataType.FLOAT, [a.f ?? 0], []);
        const like = ctx.fresh(baseName(node, key));
        extra.push(makeNode("CastLike", ctx.fresh(`${like}_castlike`), [f, node.input[0] ?? ""], [like]));
        return like;
      });
      if (type === void 0 && ctx.target < 15) {
        return refuse(node, `the model does not state the input's element type, which Clip-11's min/max inputs must have (or upgrade to opset \u2265 15, where CastLike supplies it)`);
      }
      return [...extra, { ...out, input: trimInputs([node.input[0] ?? "", ...inputs]) }];
    };
  }
});

// src/stages/opset/normalization.ts
function dropOutputs(node, first, ctx) {
  if (node.output.slice(first).some((o) => ctx.isRead(o))) return void 0;
  return { ...node, output: node.output.slice(0, first) };
}
var batchNormalization, dropout;
var init_normalization = __esm({
  "src/stages/opset/normalization.ts"() {
    "use strict";
    init_dtype();
    init_context();
    batchNormalization = (node, step, ctx) => {
      let n = node;
      if (crosses(step, 7)) {
        if (getAttr(node, "is_test")?.i !== 1n) return refuse(node, "is_test=0 normalises with batch statistics (training), which later versions express only with training_mode");
        n = withAttrs(n, ["is_test"]);
      }
      if (crosses(step, 9)) {
        const spatial = getAttr(n, "spatial")?.i;
        if (spatial !== void 0 && spatial !== 1n) return refuse(node, "spatial=0 (statistics per activation, not per channel) has no form from opset 9 on");
        n = withAttrs(n, ["spatial"]);
      }
      if (crosses(step, 14) && n.output.length > 1) {
        const kept = dropOutputs(n, 1, ctx);
        if (!kept) return refuse(node, "its training outputs (mean, var, saved_mean, saved_var) are read; from opset 14 only training_mode=1 has outputs beyond Y, and they mean something else");
        n = kept;
      }
      return [n];
    };
    dropout = (node, step, ctx) => {
      let n = node;
      if (crosses(step, 7)) {
        if (getAttr(node, "is_test")?.i !== 1n) return refuse(node, "is_test=0 drops values at random (training); only the inference form has a later version that means the same");
        n = withAttrs(n, ["is_test"]);
      }
      if (crosses(step, 10) && n.output.length > 1) {
        const kept = dropOutputs(n, 1, ctx);
        if (!kept) return refuse(node, "its mask output is read; the mask is the input type before opset 10 and bool after");
        n = kept;
      }
      if (crosses(step, 12)) {
        const ratio = getAttr(n, "ratio");
        n = withAttrs(n, ["ratio"]);
        if (ratio?.f !== void 0) n = { ...n, input: [n.input[0] ?? "", ctx.constant(baseName(node, "ratio"), DataType.FLOAT, [ratio.f], [])] };
      }
      return [n];
    };
  }
});

// src/stages/opset/pad.ts
var pad;
var init_pad = __esm({
  "src/stages/opset/pad.ts"() {
    "use strict";
    init_dtype();
    init_nodes();
    init_context();
    pad = (node, step, ctx) => {
      let n = node;
      if (crosses(step, 2)) {
        const paddings = getAttr(node, "paddings");
        n = withAttrs(node, ["paddings"], paddings ? [{ ...paddings, name: "pads" }] : []);
      }
      if (!crosses(step, 11)) return [n];
      const pads = attrInts(getAttr(n, "pads"));
      if (!pads) return refuse(node, "Pad without pads is not a valid node");
      const value = getAttr(n, "value")?.f ?? 0;
      const inputs = [n.input[0] ?? "", ctx.int64(baseName(node, "pads"), pads)];
      const extra = [];
      if (value !== 0) {
        const type = ctx.elemType(node.input[0] ?? "");
        if (type !== void 0) inputs.push(ctx.constant(baseName(node, "value"), type, [value], []));
        else if (ctx.target >= 15) {
          const f = ctx.constant(baseName(node, "value_f32"), DataType.FLOAT, [value], []);
          const like = ctx.fresh(baseName(node, "value"));
          extra.push(makeNode("CastLike", ctx.fresh(`${like}_castlike`), [f, node.input[0] ?? ""], [like]));
          inputs.push(like);
        } else return refuse(node, "the model does not state the data's element type, which Pad-11's constant_value input must have (or upgrade to opset \u2265 15)");
      }
      return [...extra, { ...withAttrs(n, ["pads", "value"]), input: inputs }];
    };
  }
});

// src/stages/opset/resize.ts
function versionAt(op, opset) {
  return Math.max(...(OP_VERSIONS[op]?.versions ?? [1]).filter((v) => v <= opset));
}
function resize10to11(node, ctx, to, upsampleOnly) {
  const mode = attrString(getAttr(node, "mode")) ?? "nearest";
  const attrs = [stringAttr("coordinate_transformation_mode", "asymmetric")];
  if (mode === "nearest" && upsampleOnly) attrs.push(stringAttr("nearest_mode", "floor"));
  else if (mode === "nearest") {
    const scales = ctx.constantValues(node.input[1]);
    if (!scales) return refusal(node, "nearest Resize-10 rounds up when an axis shrinks and down when it grows; its scales are not a constant, so no single nearest_mode of Resize-11 matches");
    const grows = scales.some((s) => s > 1);
    const shrinks = scales.some((s) => s < 1);
    if (grows && shrinks) return refusal(node, "nearest Resize-10 with scales that both grow and shrink axes rounds differently per axis; Resize-11 has one nearest_mode");
    attrs.push(stringAttr("nearest_mode", shrinks ? "ceil" : "floor"));
  }
  const roi = to >= 13 ? "" : ctx.constant(baseName(node, "roi"), DataType.FLOAT, []);
  return { ...withAttrs(node, ["coordinate_transformation_mode", "nearest_mode"], attrs), input: [node.input[0] ?? "", roi, node.input[1] ?? ""] };
}
function resizeFrom(node, step, ctx, upsampleOnly) {
  let n = node;
  if (crosses(step, 11)) {
    const r = resize10to11(node, ctx, step.to, upsampleOnly);
    if ("refuse" in r) return r;
    n = r;
  }
  if (crosses(step, 13) && attrString(getAttr(n, "coordinate_transformation_mode")) === "tf_half_pixel_for_nn") {
    const mode = attrString(getAttr(n, "mode")) ?? "nearest";
    const rounding = attrString(getAttr(n, "nearest_mode")) ?? "round_prefer_floor";
    const twin = TF_NN_TWIN[rounding];
    if (mode !== "nearest" || !twin) return refuse(node, `coordinate_transformation_mode tf_half_pixel_for_nn (removed at opset 13) with ${mode === "nearest" ? `nearest_mode ${rounding}` : `mode ${mode}`} has no equal in Resize-13`);
    n = withAttrs(n, ["coordinate_transformation_mode", "nearest_mode"], [stringAttr("coordinate_transformation_mode", "half_pixel"), stringAttr("nearest_mode", twin)]);
  }
  if (step.to >= 13) n = { ...n, input: trimInputs(n.input) };
  return [n];
}
var refusal, upsample, TF_NN_TWIN, resize;
var init_resize = __esm({
  "src/stages/opset/resize.ts"() {
    "use strict";
    init_dtype();
    init_context();
    init_op_versions();
    refusal = (node, why) => refuse(node, why);
    upsample = (node, step, ctx) => {
      let n = node;
      if (crosses(step, 7)) {
        const h = getAttr(node, "height_scale")?.f;
        const w = getAttr(node, "width_scale")?.f;
        if (h === void 0 || w === void 0) return refuse(node, "Upsample-1 needs height_scale and width_scale");
        n = withAttrs(node, ["height_scale", "width_scale"], [floatsAttr("scales", [1, 1, h, w])]);
        if (attrString(getAttr(node, "mode")) === "bilinear") n = withAttrs(n, ["mode"], [stringAttr("mode", "linear")]);
      }
      if (crosses(step, 9)) {
        const scales = getAttr(n, "scales")?.floats;
        if (!scales) return refuse(node, "Upsample-7 without scales is not a valid node");
        n = { ...withAttrs(n, ["scales"]), input: [n.input[0] ?? "", ctx.constant(baseName(node, "scales"), DataType.FLOAT, scales)] };
      }
      if (step.to < 10) return [n];
      return resizeFrom({ ...n, opType: "Resize" }, { from: 10, to: versionAt("Resize", ctx.target) }, ctx, true);
    };
    TF_NN_TWIN = { floor: "round_prefer_ceil", round_prefer_floor: "ceil" };
    resize = (node, step, ctx) => resizeFrom(node, step, ctx, false);
  }
});

// src/stages/opset/scan.ts
function elementOnly(name, type) {
  const elemType = type?.tensorType?.elemType;
  return { name, type: elemType ? { tensorType: { elemType } } : void 0, metadataProps: [] };
}
var scan;
var init_scan = __esm({
  "src/stages/opset/scan.ts"() {
    "use strict";
    init_nodes();
    init_context();
    init_types();
    scan = (node, step, ctx) => {
      if (!crosses(step, 9)) return [node];
      if (node.input[0]) return refuse(node, "Scan-8 with sequence_lens (per-batch lengths) has no exact Scan-9 form");
      const body = getAttr(node, "body")?.g;
      const m = Number(getAttr(node, "num_scan_inputs")?.i ?? 0);
      if (!body || m < 1) return refuse(node, "Scan-8 without a body or num_scan_inputs is not a valid node");
      const loopInputs = node.input.slice(1);
      const n = loopInputs.length - m;
      const k = body.output.length - n;
      if (n < 0 || k < 0 || body.input.length !== n + m) return refuse(node, "its body does not match its inputs");
      const sliced = loopInputs.map((_, i) => ctx.fresh(`${body.name || "scan"}_${i < n ? "state" : "seq"}${i}_slice`));
      const results = body.output.map((o, i) => ctx.fresh(`${o.name || "out"}_${i < n ? "final" : "seq"}_per_batch`));
      const directions = getAttr(node, "directions")?.ints;
      const inner = makeNode("Scan", ctx.fresh(`${node.name || "scan"}_inner`), sliced, results, [
        { name: "body", type: AttributeType.GRAPH, g: body, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] },
        intAttr("num_scan_inputs", m),
        ...directions?.length ? [intsAttr("scan_input_directions", directions)] : []
      ]);
      const outerBody = {
        name: `${body.name || "scan"}_over_batch`,
        node: [inner],
        initializer: [],
        valueInfo: [],
        quantizationAnnotation: [],
        sparseInitializer: [],
        metadataProps: [],
        // A state slice has the state's shape; a sequence slice is [seq, …] of the body's element shape.
        input: sliced.map((s, i) => i < n ? { ...body.input[i], name: s } : elementOnly(s, body.input[i]?.type)),
        output: results.map((r, i) => i < n ? { ...body.output[i], name: r } : elementOnly(r, body.output[i]?.type))
      };
      return [makeNode("Scan", node.name ?? "", loopInputs, [...node.output], [
        { name: "body", type: AttributeType.GRAPH, g: outerBody, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] },
        intAttr("num_scan_inputs", n + m)
      ])];
    };
  }
});

// src/stages/opset/slice.ts
var slice;
var init_slice = __esm({
  "src/stages/opset/slice.ts"() {
    "use strict";
    init_context();
    slice = (node, step, ctx) => {
      if (!crosses(step, 10)) return [node];
      const starts = attrInts(getAttr(node, "starts"));
      const ends = attrInts(getAttr(node, "ends"));
      if (!starts || !ends) return refuse(node, "Slice-1 without starts or ends is not a valid node");
      const axes = attrInts(getAttr(node, "axes"));
      const inputs = [node.input[0] ?? "", ctx.int64(baseName(node, "starts"), starts), ctx.int64(baseName(node, "ends"), ends)];
      if (axes) inputs.push(ctx.int64(baseName(node, "axes"), axes));
      return [{ ...withAttrs(node, ["starts", "ends", "axes"]), input: inputs }];
    };
  }
});

// src/stages/opset/softmax.ts
var coercedSoftmax;
var init_softmax = __esm({
  "src/stages/opset/softmax.ts"() {
    "use strict";
    init_nodes();
    init_context();
    coercedSoftmax = (node, step, ctx) => {
      if (!crosses(step, 13)) return [node];
      const axis = attrInt(getAttr(node, "axis")) ?? 1;
      const x = node.input[0] ?? "";
      const rank = ctx.rank(x);
      if (rank !== void 0 && rank > 0 && (axis === rank - 1 || axis === -1)) {
        return [withAttrs(node, ["axis"], [intAttr("axis", -1)])];
      }
      const y = node.output[0] ?? "";
      const flat = ctx.fresh(baseName(node, "flat"));
      const normalised = ctx.fresh(baseName(node, "2d"));
      const shape = ctx.fresh(baseName(node, "shape"));
      return [
        makeNode("Flatten", ctx.fresh(`${flat}_node`), [x], [flat], [intAttr("axis", axis)]),
        { ...withAttrs(node, ["axis"], [intAttr("axis", 1)]), input: [flat], output: [normalised] },
        makeNode("Shape", ctx.fresh(`${shape}_node`), [x], [shape]),
        makeNode("Reshape", ctx.fresh(`${y}_reshape`), [normalised, shape], [y])
      ];
    };
  }
});

// src/stages/opset/split.ts
var split;
var init_split = __esm({
  "src/stages/opset/split.ts"() {
    "use strict";
    init_nodes();
    init_context();
    split = (node, step, ctx) => {
      let n = node;
      if (crosses(step, 2) && node.input[1]) {
        const sizes = ctx.constantValues(node.input[1]);
        if (!sizes) return refuse(node, "Split-1 with a computed split input has no Split-2 form");
        n = { ...withAttrs(node, ["split"], [intsAttr("split", sizes)]), input: [node.input[0] ?? ""] };
      }
      if (crosses(step, 13)) {
        const sizes = getAttr(n, "split")?.ints;
        n = { ...withAttrs(n, ["split"]), input: sizes ? [n.input[0] ?? "", ctx.int64(baseName(node, "split"), sizes)] : [n.input[0] ?? ""] };
      }
      if (crosses(step, 18) && !n.input[1]) n = withAttrs(n, ["num_outputs"], [intAttr("num_outputs", n.output.length)]);
      return [n];
    };
  }
});

// src/stages/opset/rules.ts
var BROADCAST_OPS, REDUCE_18, RULES;
var init_rules = __esm({
  "src/stages/opset/rules.ts"() {
    "use strict";
    init_axes_inputs();
    init_clip();
    init_legacy();
    init_normalization();
    init_pad();
    init_resize();
    init_scan();
    init_slice();
    init_softmax();
    init_split();
    BROADCAST_OPS = ["Add", "Sub", "Mul", "Div", "Pow", "And", "Or", "Xor", "Equal", "Greater", "Less"];
    REDUCE_18 = ["ReduceL1", "ReduceL2", "ReduceLogSum", "ReduceLogSumExp", "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSumSquare"];
    RULES = {
      ...Object.fromEntries(BROADCAST_OPS.map((op) => [op, { breaks: [7], convert: legacyBroadcast }])),
      ...Object.fromEntries(REDUCE_18.map((op) => [op, { breaks: [18], convert: axesToInput(18) }])),
      ReduceSum: { breaks: [13], convert: axesToInput(13) },
      Squeeze: { breaks: [13], convert: axesToInput(13) },
      Unsqueeze: { breaks: [13], convert: axesToInput(13) },
      Softmax: { breaks: [13], convert: coercedSoftmax },
      LogSoftmax: { breaks: [13], convert: coercedSoftmax },
      Hardmax: { breaks: [13], convert: coercedSoftmax },
      Clip: { breaks: [11], convert: clip },
      Slice: { breaks: [10], convert: slice },
      Pad: { breaks: [2, 11], convert: pad },
      Split: { breaks: [2, 13, 18], convert: split },
      TopK: { breaks: [10], convert: topk },
      Reshape: { breaks: [5], convert: reshape },
      BatchNormalization: { breaks: [7, 9, 14], convert: batchNormalization },
      Dropout: { breaks: [7, 10, 12], convert: dropout },
      Upsample: { breaks: [7, 9, 10], convert: upsample },
      Resize: { breaks: [11, 13], convert: resize },
      Gemm: { breaks: [7], convert: gemm },
      Concat: { breaks: [4], convert: concat },
      Cast: { breaks: [6], convert: cast },
      Selu: { breaks: [6], convert: selu },
      RNN: { breaks: [7], convert: recurrent },
      GRU: { breaks: [7], convert: recurrent },
      LSTM: { breaks: [7], convert: recurrent },
      RoiAlign: { breaks: [16], convert: roiAlign },
      GridSample: { breaks: [20], convert: gridSample },
      DFT: { breaks: [20], convert: dft },
      Scatter: { breaks: [11], convert: scatter },
      Scan: { breaks: [9], convert: scan },
      Tile: { breaks: [6], convert: refuseAcross(6, "Tile-1 (tiles and axis inputs) has no exact single-node Tile-6 form implemented") },
      LpPool: { breaks: [2], convert: refuseAcross(2, "LpPool-1 (float p, optional kernel_shape) is not converted") },
      GroupNormalization: { breaks: [21], convert: refuseAcross(21, "GroupNormalization-18's scale and bias are per group, -21's per channel; not converted") }
    };
  }
});

// src/stages/opset/upgrade.ts
function opVersionAt(op, opset) {
  const vs = OP_VERSIONS[op]?.versions.filter((v) => v <= opset);
  return vs?.length ? vs[vs.length - 1] : void 0;
}
function convertNode(node, from, target, ctx) {
  const op = node.opType ?? "";
  const info = OP_VERSIONS[op];
  if (!info) return `${op} '${node.name || node.output[0]}': not an op of the ONNX default domain at any opset \u2264 ${MAX_OPSET} (an experimental op since removed?)`;
  const vFrom = opVersionAt(op, from);
  const vTo = opVersionAt(op, target);
  if (vFrom === void 0) return `${op} '${node.name || node.output[0]}': does not exist at opset ${from}, the model's own`;
  if (vFrom === vTo) return [node];
  const n = from < 6 && target >= 6 ? dropConsumedInputs(node) : node;
  const rule = RULES[op];
  let out = [n];
  if (rule && rule.breaks.some((b) => vFrom < b && vTo >= b)) {
    const r = rule.convert(n, { from: vFrom, to: vTo }, ctx);
    if ("refuse" in r) return r.refuse;
    out = r;
  } else if (info.deprecated !== void 0 && vTo >= info.deprecated) return `${op} '${node.name || node.output[0]}': removed at opset ${info.deprecated} and not converted`;
  for (const m of out) {
    const v = opVersionAt(m.opType ?? "", target);
    if (v !== void 0 && NO_ORT_KERNEL[m.opType ?? ""]?.includes(v)) {
      return `${m.opType} '${node.name || node.output[0]}': onnxruntime 1.30 has no CPU kernel for ${m.opType}-${v}; choose a target \u2264 ${LATEST_ORT_OPSET}`;
    }
  }
  return out;
}
function upgradeOpset(model, target) {
  if (!Number.isInteger(target) || target < 1 || target > MAX_OPSET) {
    throw new UsageError(`opset target ${target} is outside 1\u2026${MAX_OPSET} (the newest opset onnxruntime 1.30 loads)`);
  }
  const from = defaultOpset(model);
  const ir = model.irVersion ?? 0;
  const details = { from, to: Math.max(from, target), irVersion: { from: ir, to: ir }, nodes: 0, rewritten: {}, constantsAdded: 0, nodesAdded: 0 };
  if (from >= target) return { model, details };
  if (model.functions.some((f) => f.opsetImport.some((o) => isDefaultDomain3(o.domain) && (o.version ?? 0) < target))) {
    throw new OpsetUpgradeError(from, target, ["the model has local functions importing the default domain; their bodies are not upgraded"]);
  }
  const facts2 = modelFacts(model);
  const refusals = [];
  const plans = [];
  forEachGraph(model, (scope) => {
    const ctx = new ConvertContext(scope, target, facts2);
    const nodes = [];
    for (const node of scope.graph.node) {
      if (!isDefaultDomain3(node.domain)) {
        nodes.push(node);
        continue;
      }
      details.nodes++;
      const out = convertNode(node, from, target, ctx);
      if (typeof out === "string") {
        refusals.push(out);
        continue;
      }
      if (out.length !== 1 || out[0] !== node) {
        details.rewritten[node.opType ?? ""] = (details.rewritten[node.opType ?? ""] ?? 0) + 1;
        details.nodesAdded += out.length - 1;
      }
      nodes.push(...out);
    }
    plans.push({ scope, nodes, ctx });
  });
  if (refusals.length) throw new OpsetUpgradeError(from, target, refusals);
  for (const { scope, nodes, ctx } of plans) {
    scope.graph.node = nodes;
    scope.graph.initializer.push(...ctx.added);
    details.constantsAdded += ctx.added.length;
  }
  setDefaultOpset(model, target);
  const needed = IR_FOR_OPSET.filter(([o]) => o <= target).pop()?.[1] ?? 3;
  if (ir < needed) model.irVersion = needed;
  details.irVersion.to = model.irVersion ?? ir;
  return { model, details };
}
var IR_FOR_OPSET, OpsetUpgradeError, isDefaultDomain3;
var init_upgrade = __esm({
  "src/stages/opset/upgrade.ts"() {
    "use strict";
    init_errors();
    init_graph();
    init_opset();
    init_context();
    init_facts();
    init_legacy();
    init_op_versions();
    init_rules();
    IR_FOR_OPSET = [[9, 4], [10, 5], [11, 6], [12, 7], [15, 8], [19, 9], [21, 10], [23, 11], [24, 12], [25, 13]];
    OpsetUpgradeError = class extends OnnxFormatError {
      constructor(from, to, refusals) {
        const shown2 = refusals.slice(0, 3).join("; ");
        super(`cannot upgrade the default-domain opset ${from} \u2192 ${to}: ${shown2}${refusals.length > 3 ? `; and ${refusals.length - 3} more` : ""}`);
        this.from = from;
        this.to = to;
        this.refusals = refusals;
      }
      from;
      to;
      refusals;
      name = "OpsetUpgradeError";
    };
    isDefaultDomain3 = (d) => d === void 0 || d === "" || d === "ai.onnx";
  }
});

// src/stages/quant/int8-conv.ts
var convQuantizer;
var init_int8_conv = __esm({
  "src/stages/quant/int8-conv.ts"() {
    "use strict";
    init_dtype();
    init_tensor();
    init_constant_weight();
    init_nodes();
    convQuantizer = {
      weightOf(node, scope, s) {
        return node.input[1] ? resolveConstant(scope, node.input[1], s.index) : void 0;
      },
      check(node, weight, scope, s) {
        if (weight.transposed || weight.tensor.dims.length < 3) return "weight is not an [M, C/group, k\u2026] tensor";
        const b = node.input[2];
        if (b) {
          const bias = resolveConstant(scope, b, s.index);
          if (!bias || bias.transposed || bias.tensor.dataType !== DataType.FLOAT) return "bias is not a float constant";
          if (elementCount(bias.tensor.dims) !== weight.tensor.dims[0]) return "bias length differs from the output channels";
        }
        if (s.options.convMode === "weight-only") {
          return s.options.convPerChannel && s.opset < 13 ? `per-channel weight-only Conv needs DequantizeLinear's axis (opset 13); the model imports opset ${s.opset}` : void 0;
        }
        if (s.options.convPerChannel && s.options.weightType === "uint8") {
          return "per-channel uint8 Conv needs per-channel zero points, which ORT ConvInteger does not take";
        }
        return void 0;
      },
      rewrite(node, weight, scope, s, out) {
        const base = s.baseOf(node, scope);
        if (s.options.convMode === "weight-only") {
          const perChannel = s.options.convPerChannel;
          const w2 = s.weight({ weight, axis: perChannel ? 0 : void 0 }, scope.graph, out);
          const dequantized = s.fresh(`${base}_weight_dequantized`);
          out.push(makeNode("DequantizeLinear", s.fresh(`${base}_DequantizeLinear`), [w2.q, w2.scale, w2.zeroPoint], [dequantized], perChannel ? [intAttr("axis", 0)] : []));
          out.push({ ...node, input: node.input.map((name, i) => i === 1 ? dequantized : name) });
          return;
        }
        const m = weight.tensor.dims[0];
        const spatialOnes = weight.tensor.dims.slice(2).map(() => 1);
        const x = s.activation(scope.graph, node.input[0], out);
        const axis = s.options.convPerChannel ? 0 : void 0;
        const w = s.weight({ weight, axis, paramDims: [m, ...spatialOnes], scalarZeroPoint: true }, scope.graph, out);
        const integer = s.fresh(`${base}_output_quantized`);
        out.push(makeNode("ConvInteger", s.fresh(`${base}_quant`), [x.q, w.q, x.zeroPoint, w.zeroPoint], [integer], node.attribute));
        const b = node.input[2];
        const output = node.output[0];
        if (!b) {
          out.push(...s.rescale(integer, x.scale, w.scale, output, base));
          return;
        }
        const scaled = s.fresh(`${base}_output_unbiased`);
        out.push(...s.rescale(integer, x.scale, w.scale, scaled, base));
        const bias = resolveConstant(scope, b, s.index);
        const biasName = s.pool.intern(`${base}_bias`, DataType.FLOAT, [m, ...spatialOnes], tensorBytes(bias.tensor, s.external));
        out.push(makeNode("Add", s.fresh(`${base}_bias_add`), [scaled, biasName], [output]));
        return [bias.path];
      }
    };
  }
});

// src/stages/quant/int8-gather.ts
var gatherQuantizer;
var init_int8_gather = __esm({
  "src/stages/quant/int8-gather.ts"() {
    "use strict";
    init_constant_weight();
    init_nodes();
    gatherQuantizer = {
      weightOf(node, scope, s) {
        return node.input[0] ? resolveConstant(scope, node.input[0], s.index) : void 0;
      },
      check(node) {
        return node.input[1] ? void 0 : "no indices input";
      },
      rewrite(node, weight, scope, s, out) {
        const base = s.baseOf(node, scope);
        const w = s.weight({ weight }, scope.graph, out);
        const gathered = s.fresh(`${node.output[0]}_quantized`);
        out.push(makeNode("Gather", s.fresh(`${base}_quant`), [w.q, node.input[1]], [gathered], node.attribute));
        out.push(makeNode("DequantizeLinear", s.fresh(`${base}_DequantizeLinear`), [gathered, w.scale, w.zeroPoint], [node.output[0]]));
      }
    };
  }
});

// src/stages/quant/int8-matmul.ts
function outputChannelAxis(weight) {
  return weight.transposed ? 0 : 1;
}
function putBiasSecond(output, scope, s) {
  const readers = s.readersOf(scope.graph, output);
  if (readers.length !== 1) return;
  const add = readers[0];
  if (add.opType !== "Add" || (add.domain ?? "") !== "" || add.input.length !== 2 || add.input[1] !== output) return;
  const bias = resolveConstant(scope, add.input[0], s.index);
  if (bias && bias.tensor.dims.length === 1) add.input = [add.input[1], add.input[0]];
}
function integerMatMul(activation, weight, output, base, scope, s, out, alpha = 1) {
  const a = s.activation(scope.graph, activation, out);
  const axis = s.options.perChannel ? outputChannelAxis(weight) : void 0;
  const w = s.weight({ weight, axis, scaleFactor: alpha }, scope.graph, out);
  const integer = s.fresh(`${base}_output_quantized`);
  out.push(makeNode("MatMulInteger", s.fresh(`${base}_quant`), [a.q, w.q, a.zeroPoint, w.zeroPoint], [integer]));
  out.push(...s.rescale(integer, a.scale, w.scale, output, base));
}
var matMulQuantizer;
var init_int8_matmul = __esm({
  "src/stages/quant/int8-matmul.ts"() {
    "use strict";
    init_constant_weight();
    init_nodes();
    matMulQuantizer = {
      weightOf(node, scope, s) {
        return node.input[1] ? resolveConstant(scope, node.input[1], s.index) : void 0;
      },
      check(node, weight) {
        if (weight.tensor.dims.length !== 2) return `weight has rank ${weight.tensor.dims.length}; MatMulInteger's fused kernels need a 2-D weight`;
        if (!node.input[0]) return "no left operand";
        return void 0;
      },
      rewrite(node, weight, scope, s, out) {
        const output = node.output[0];
        integerMatMul(node.input[0], weight, output, s.baseOf(node, scope), scope, s, out);
        putBiasSecond(output, scope, s);
      }
    };
  }
});

// src/stages/quant/tensor-pool.ts
import { createHash as createHash3 } from "node:crypto";
function sameBytes2(a, b) {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}
function bytesOf(a) {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
function sha1(bytes) {
  return createHash3("sha1").update(bytes).digest("base64");
}
function sampleKey(bytes) {
  if (bytes.length <= 4 * SAMPLES2 * RUN) return sha1(bytes);
  const h = createHash3("sha1").update(`${bytes.length}|`);
  const step = Math.floor((bytes.length - RUN) / (SAMPLES2 - 1));
  for (let i = 0; i < SAMPLES2; i++) h.update(bytes.subarray(i * step, i * step + RUN));
  return h.digest("base64");
}
function inputOf(name, elemType, dims) {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimValue: d })) } } }, metadataProps: [] };
}
var SAMPLES2, RUN, ContentMap, TensorPool, TensorHashes;
var init_tensor_pool = __esm({
  "src/stages/quant/tensor-pool.ts"() {
    "use strict";
    init_spill();
    init_tensor();
    init_graph();
    SAMPLES2 = 64;
    RUN = 16;
    ContentMap = class _ContentMap {
      buckets = /* @__PURE__ */ new Map();
      /** Entries stored. */
      size = 0;
      static bucket(key, bytes) {
        return `${key}|${sampleKey(bytes)}`;
      }
      /** The value stored for `key` and these bytes; `digest` gives their SHA-1 (memoized by the caller). */
      get(key, bytes, digest = () => sha1(bytes)) {
        const bucket = this.buckets.get(_ContentMap.bucket(key, bytes));
        if (!bucket) return void 0;
        const wanted = digest();
        const read = (e) => typeof e.bytes === "function" ? e.bytes() : e.bytes;
        return bucket.find((e) => (e.digest ??= sha1(read(e))) === wanted && sameBytes2(read(e), bytes))?.value;
      }
      /** Stores `value` for `key` and `bytes` (the payload itself, or a way to read it again). */
      set(key, bytes, value, reread) {
        const id = _ContentMap.bucket(key, bytes);
        const bucket = this.buckets.get(id) ?? [];
        bucket.push({ bytes: reread ?? bytes, value });
        this.buckets.set(id, bucket);
        this.size++;
      }
    };
    TensorPool = class {
      constructor(root2, names, declareAsInput, external) {
        this.root = root2;
        this.names = names;
        this.declareAsInput = declareAsInput;
        this.external = external;
      }
      root;
      names;
      declareAsInput;
      external;
      byContent = new ContentMap();
      /** Bytes of every tensor added (what the quantized weights cost). */
      bytesAdded = 0;
      tensorsAdded = 0;
      intern(base, dataType, dims, bytes) {
        const key = `${dataType}:${dims.join("x")}`;
        const known = this.byContent.get(key, bytes);
        if (known) return known;
        const name = freshName(this.names, base);
        const t = newTensor(this.external, name, dataType, [...dims], bytes);
        this.root.initializer.push(t);
        if (this.declareAsInput) this.root.input.push(inputOf(name, dataType, dims));
        this.byContent.set(key, bytes, name, isExternal(t) ? () => tensorBytes(t, this.external) : void 0);
        this.bytesAdded += bytes.length;
        this.tensorsAdded++;
        return name;
      }
    };
    TensorHashes = class {
      memo = /* @__PURE__ */ new WeakMap();
      of(t, bytes) {
        let h = this.memo.get(t);
        if (h === void 0) this.memo.set(t, h = sha1(bytes));
        return h;
      }
    };
  }
});

// src/stages/quant/int8-gemm.ts
function floatAttr2(node, name, dflt) {
  return attr(node, name)?.f ?? dflt;
}
var gemmQuantizer;
var init_int8_gemm = __esm({
  "src/stages/quant/int8-gemm.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_tensor();
    init_constant_weight();
    init_int8_matmul();
    init_nodes();
    init_tensor_pool();
    gemmQuantizer = {
      weightOf(node, scope, s) {
        const w = node.input[1] ? resolveConstant(scope, node.input[1], s.index) : void 0;
        if (!w) return void 0;
        return (attr(node, "transB")?.i ?? 0n) !== 0n ? { ...w, transposed: !w.transposed } : w;
      },
      check(node, weight) {
        if (weight.tensor.dims.length !== 2) return `weight has rank ${weight.tensor.dims.length}, Gemm needs 2`;
        if (!node.input[0]) return "no A input";
        return void 0;
      },
      rewrite(node, weight, scope, s, out) {
        const base = s.baseOf(node, scope);
        const alpha = floatAttr2(node, "alpha", 1);
        const beta = floatAttr2(node, "beta", 1);
        let a = node.input[0];
        if ((attr(node, "transA")?.i ?? 0n) !== 0n) {
          const at = s.fresh(`${base}_A_transposed`);
          out.push(makeNode("Transpose", s.fresh(`${base}_transA`), [a], [at], [intsAttr("perm", [1, 0])]));
          a = at;
        }
        const c = node.input[2];
        const output = node.output[0];
        if (!c || beta === 0) {
          integerMatMul(a, weight, output, base, scope, s, out, alpha);
          return;
        }
        const product = s.fresh(`${base}_output_unbiased`);
        integerMatMul(a, weight, product, base, scope, s, out, alpha);
        let bias = c;
        const released = [];
        if (beta !== 1) {
          const constC = resolveConstant(scope, c, s.index);
          if (constC && !constC.transposed && constC.tensor.dataType === DataType.FLOAT) {
            const scaled = Float32Array.from(tensorFloat32(constC.tensor, s.external), (v) => v * beta);
            bias = s.pool.intern(`${base}_bias`, DataType.FLOAT, constC.tensor.dims, bytesOf(scaled));
            released.push(constC.path);
          } else {
            const betaName = s.pool.intern(`${base}_beta`, DataType.FLOAT, [], bytesOf(Float32Array.of(beta)));
            bias = s.fresh(`${base}_C_scaled`);
            out.push(makeNode("Mul", s.fresh(`${base}_beta_mul`), [c, betaName], [bias]));
          }
        }
        out.push(makeNode("Add", s.fresh(`${base}_bias_add`), [product, bias], [output]));
        return released;
      }
    };
  }
});

// src/stages/quant/registry.ts
var INT8_QUANTIZERS, DEFAULT_INT8_OPS;
var init_registry = __esm({
  "src/stages/quant/registry.ts"() {
    "use strict";
    init_int8_conv();
    init_int8_gather();
    init_int8_gemm();
    init_int8_matmul();
    INT8_QUANTIZERS = {
      MatMul: matMulQuantizer,
      Gemm: gemmQuantizer,
      Gather: gatherQuantizer,
      Conv: convQuantizer
    };
    DEFAULT_INT8_OPS = ["MatMul", "Gemm", "Gather"];
  }
});

// src/stages/quant/numerics.ts
function quantRange(type, symmetric, reduceRange) {
  if (reduceRange) return type === "int8" ? { qmin: -64, qmax: 64 } : { qmin: 0, qmax: 127 };
  if (type === "int8") return symmetric ? { qmin: -127, qmax: 127 } : { qmin: -128, qmax: 127 };
  return { qmin: 0, qmax: 255 };
}
function clipRange(type) {
  return type === "int8" ? { qmin: -127, qmax: 127 } : { qmin: 0, qmax: 255 };
}
function roundHalfEven(x) {
  if (!(Math.abs(x) < 2 ** 51)) return x;
  const r = x + ROUND_MAGIC - ROUND_MAGIC;
  return r === 0 ? 0 * x : r;
}
function computeScaleZeroPoint(rmin, rmax, range, symmetric) {
  const { qmin, qmax } = range;
  let lo = Math.min(rmin, 0);
  let hi = Math.max(rmax, 0);
  if (symmetric) {
    const absmax = Math.max(Math.abs(lo), Math.abs(hi));
    lo = -absmax;
    hi = absmax;
  }
  const dr = Math.fround(hi - lo);
  const scale64 = dr / (qmax - qmin);
  if (scale64 < FLOAT32_TINY) return { scale: 1, zeroPoint: 0 };
  const zeroPoint = symmetric ? roundHalfEven((qmin + qmax) / 2) : roundHalfEven(qmin - lo / scale64);
  return { scale: Math.fround(scale64), zeroPoint };
}
function minMax(data) {
  if (data.length === 0) return { min: 0, max: 0 };
  let min = data[0];
  let max = min;
  for (let i = 1; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    else if (!(v <= max)) {
      if (v > max) max = v;
      else return { min: NaN, max: NaN };
    }
  }
  if (min !== min || min === -Infinity || max === Infinity) return { min: NaN, max: NaN };
  return { min, max };
}
function quantizeSpan(data, start, end, scale, zeroPoint, clip2, out) {
  const lo = clip2.qmin;
  const hi = clip2.qmax;
  for (let i = start; i < end; i++) {
    const r = Math.fround(data[i] / scale) + ROUND_MAGIC - ROUND_MAGIC + zeroPoint;
    out[i] = r < lo ? lo : r > hi ? hi : r;
  }
}
function allocate(type, n) {
  return type === "int8" ? new Int8Array(n) : new Uint8Array(n);
}
function quantizePerTensor(data, opts, range = minMax(data)) {
  const { min, max } = range;
  const params = computeScaleZeroPoint(min, max, quantRange(opts.type, opts.symmetric, opts.reduceRange), opts.symmetric);
  const clip2 = clipRange(opts.type);
  const values2 = allocate(opts.type, data.length);
  quantizeSpan(data, 0, data.length, params.scale, params.zeroPoint, clip2, values2);
  const zeroPoints = allocate(opts.type, 1);
  zeroPoints[0] = params.zeroPoint;
  return { values: values2, scales: Float32Array.of(params.scale), zeroPoints };
}
function quantizePerAxis(data, dims, axis, opts) {
  const channels = dims[axis] ?? 1;
  let inner = 1;
  for (let d = axis + 1; d < dims.length; d++) inner *= dims[d];
  const outer = channels * inner === 0 ? 0 : data.length / (channels * inner);
  const mins = new Float64Array(channels).fill(Infinity);
  const maxs = new Float64Array(channels).fill(-Infinity);
  for (let o = 0, i = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      let lo = mins[c];
      let hi = maxs[c];
      for (let k = 0; k < inner; k++, i++) {
        const v = data[i];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        if (v !== v) {
          lo = NaN;
          hi = NaN;
        }
      }
      mins[c] = lo;
      maxs[c] = hi;
    }
  }
  const range = quantRange(opts.type, opts.symmetric, opts.reduceRange);
  const params = [];
  for (let c = 0; c < channels; c++) {
    const empty = mins[c] === Infinity;
    params.push(computeScaleZeroPoint(empty ? 0 : mins[c], empty ? 0 : maxs[c], range, opts.symmetric));
  }
  const clip2 = clipRange(opts.type);
  const values2 = allocate(opts.type, data.length);
  for (let o = 0, i = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++, i += inner) quantizeSpan(data, i, i + inner, params[c].scale, params[c].zeroPoint, clip2, values2);
  }
  const zeroPoints = allocate(opts.type, channels);
  params.forEach((p, c) => {
    zeroPoints[c] = p.zeroPoint;
  });
  return { values: values2, scales: Float32Array.from(params, (p) => p.scale), zeroPoints };
}
var FLOAT32_TINY, ROUND_MAGIC;
var init_numerics = __esm({
  "src/stages/quant/numerics.ts"() {
    "use strict";
    FLOAT32_TINY = 11754943508222875e-54;
    ROUND_MAGIC = 6755399441055744;
  }
});

// src/stages/quant/session.ts
var QuantSession;
var init_session = __esm({
  "src/stages/quant/session.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_tensor();
    init_constant_weight();
    init_nodes();
    init_numerics();
    init_tensor_pool();
    QuantSession = class {
      constructor(options, names, root2, irVersion, external) {
        this.options = options;
        this.names = names;
        this.external = external;
        this.pool = new TensorPool(root2, names, irVersion < 4, external);
      }
      options;
      names;
      external;
      index = new DefinitionIndex();
      /** The default-domain opset the quantized model will import (DequantizeLinear takes an axis from 13). */
      opset = 11;
      pool;
      hashes = new TensorHashes();
      /** Scales and zero points only: the quantized values live in the pool (on disk when streaming). */
      quantized = new ContentMap();
      activations = /* @__PURE__ */ new WeakMap();
      transposes = /* @__PURE__ */ new WeakMap();
      ranges = /* @__PURE__ */ new WeakMap();
      readers = /* @__PURE__ */ new WeakMap();
      /** The float weight being worked on, read once for its range check and its quantization. */
      current;
      /** Where unaligned float bytes are copied; grows to the largest weight and is reused. */
      scratch = new Float32Array(0);
      /** Distinct weights quantized, their float bytes, and how many requests reused one. */
      weightsQuantized = 0;
      floatBytesQuantized = 0;
      reuses = 0;
      fresh(base) {
        return freshName(this.names, base);
      }
      /**
       * The nodes of `graph` that read `name`, as the graph stood when first asked: the rewrite loop builds
       * a new node list and assigns it at the end, so during it the graph's own list is the original one.
       */
      readersOf(graph, name) {
        let byName = this.readers.get(graph);
        if (!byName) {
          byName = /* @__PURE__ */ new Map();
          for (const n of graph.node) {
            for (const input of new Set(n.input)) {
              const list = byName.get(input);
              if (list) list.push(n);
              else if (input) byName.set(input, [n]);
            }
          }
          this.readers.set(graph, byName);
        }
        return byName.get(name) ?? [];
      }
      get symmetric() {
        return this.options.weightType === "int8";
      }
      get qType() {
        return this.options.weightType === "int8" ? DataType.INT8 : DataType.UINT8;
      }
      /**
       * minMax of a float weight (NaN when it holds NaN or ±Infinity), one pass per tensor: the finiteness
       * check and the per-tensor scale share it. Only the two numbers are kept, never the payload.
       */
      range(t) {
        let r = this.ranges.get(t);
        if (!r) this.ranges.set(t, r = minMax(this.load(t).values));
        return r;
      }
      /**
       * A float weight's bytes and values. Only the last weight is kept (a node's range check and rewrite
       * read it in turn), so a streamed weight is read from disk once and nothing bigger than one weight
       * is held.
       */
      load(tensor) {
        if (this.current?.tensor === tensor) return this.current;
        this.current = void 0;
        const bytes = tensorBytes(tensor, this.external);
        let values2;
        if (bytes.byteOffset % 4 === 0) values2 = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
        else {
          const n = bytes.length / 4;
          if (this.scratch.length < n) this.scratch = new Float32Array(n);
          values2 = this.scratch.subarray(0, n);
          bytesOf(values2).set(bytes);
        }
        this.current = { tensor, bytes, values: values2 };
        return this.current;
      }
      /** DynamicQuantizeLinear of `name` in `graph`, created (into `out`) on first use and shared after. */
      activation(graph, name, out) {
        let perGraph = this.activations.get(graph);
        if (!perGraph) this.activations.set(graph, perGraph = /* @__PURE__ */ new Map());
        const known = perGraph.get(name);
        if (known) return known;
        const base = name.replace(/[:/]+/g, "_").replace(/^_+/, "") || "x";
        const qa = { q: this.fresh(`${base}_quantized`), scale: this.fresh(`${base}_scale`), zeroPoint: this.fresh(`${base}_zero_point`) };
        out.push(makeNode("DynamicQuantizeLinear", this.fresh(`${base}_QuantizeLinear`), [name], [qa.q, qa.scale, qa.zeroPoint]));
        perGraph.set(name, qa);
        return qa;
      }
      /** A 2-D Transpose of `name` in `graph` (shared per graph), for transposed views of stored tensors. */
      transposed(graph, name, out) {
        let perGraph = this.transposes.get(graph);
        if (!perGraph) this.transposes.set(graph, perGraph = /* @__PURE__ */ new Map());
        const known = perGraph.get(name);
        if (known) return known;
        const t = this.fresh(`${name}_transposed`);
        out.push(makeNode("Transpose", this.fresh(`${name}_Transpose`), [name], [t], [intsAttr("perm", [1, 0])]));
        perGraph.set(name, t);
        return t;
      }
      /**
       * The weight quantized (once per content and parameters) and stored in the pool; when the consumer
       * sees it transposed, a Transpose of the stored int8 tensor is added to `out` (ORT folds it at load),
       * so a tensor used both ways (tied embeddings) is stored once.
       */
      weight(req, graph, out) {
        const { weight, axis } = req;
        const t = weight.tensor;
        const { bytes, values: values2 } = this.load(t);
        const mode = `${this.options.weightType}:${this.symmetric}:${this.options.reduceRange}:${axis ?? "tensor"}:${t.dims.join("x")}`;
        let entry = this.quantized.get(mode, bytes, () => this.hashes.of(t, bytes));
        if (entry) this.reuses++;
        else {
          const opts = { type: this.options.weightType, symmetric: this.symmetric, reduceRange: this.options.reduceRange };
          const q = axis === void 0 ? quantizePerTensor(values2, opts, this.range(t)) : quantizePerAxis(values2, t.dims, axis, opts);
          const base2 = (t.name || "weight").replace(/[:/]+/g, "_");
          entry = { data: { scales: q.scales, zeroPoints: q.zeroPoints }, q: this.pool.intern(`${base2}_quantized`, this.qType, t.dims, bytesOf(q.values)) };
          this.quantized.set(mode, bytes, entry, this.rereader(t));
          this.weightsQuantized++;
          this.floatBytesQuantized += bytes.length;
        }
        const { data } = entry;
        const paramDims = axis === void 0 ? [] : req.paramDims ?? [data.scales.length];
        const base = entry.q.replace(/_quantized$/, "");
        const factor2 = req.scaleFactor ?? 1;
        const scales = factor2 === 1 ? data.scales : Float32Array.from(data.scales, (v) => v * factor2);
        return {
          q: weight.transposed ? this.transposed(graph, entry.q, out) : entry.q,
          scale: this.pool.intern(`${base}_scale`, DataType.FLOAT, paramDims, bytesOf(scales)),
          zeroPoint: req.scalarZeroPoint ? this.pool.intern(`${base}_zero_point`, this.qType, [], bytesOf(data.zeroPoints.subarray(0, 1))) : this.pool.intern(`${base}_zero_point`, this.qType, paramDims, bytesOf(data.zeroPoints))
        };
      }
      /**
       * How to read a weight on disk again, or undefined for one in memory. A function of its own: a closure
       * made in weight() would share that scope's context, which holds the payload, and keep it alive.
       */
      rereader(t) {
        return isExternal(t) ? () => tensorBytes(t, this.external) : void 0;
      }
      /**
       * The integer product scaled back to float, in the exact shape ORT's MatMulIntegerToFloatFusion
       * matches: Cast(int32 → float) and Mul(A_scale, B_scale) feeding one Mul (matmul_integer_to_float.cc).
       * Returns the nodes; the last one writes `output`.
       */
      rescale(integerOutput, aScale, bScale, output, base) {
        const cast2 = this.fresh(`${integerOutput}_cast_output`);
        const scales = this.fresh(`${base}_scales_mul:0`);
        return [
          makeNode("Cast", this.fresh(`${integerOutput}_cast`), [integerOutput], [cast2], [intAttr("to", DataType.FLOAT)]),
          makeNode("Mul", this.fresh(`${base}_scales_mul`), [aScale, bScale], [scales]),
          makeNode("Mul", this.fresh(`${base}_output_scale_mul`), [cast2, scales], [output])
        ];
      }
      /** Name base for nodes derived from `node`. */
      baseOf(node, scope) {
        return node.name || `${node.opType}_${node.output[0] ?? scope.depth}`;
      }
    };
  }
});

// src/stages/quantize-int8.ts
function globToRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
function parseInt8Options(raw) {
  rejectUnknownOptions(STAGE, raw, KNOWN_OPTIONS);
  const ops = /* @__PURE__ */ new Set();
  for (const op of stringListOption(STAGE, raw, "ops") ?? DEFAULT_INT8_OPS) {
    const known = Object.keys(INT8_QUANTIZERS).find((k) => k.toLowerCase() === op.toLowerCase());
    if (!known) throw new UsageError(`quantize-int8: cannot quantize op '${op}'; supported: ${Object.keys(INT8_QUANTIZERS).join(", ")}`);
    ops.add(known);
  }
  const minElements = raw["min-elements"] ?? DEFAULT_MIN_ELEMENTS;
  if (typeof minElements !== "number" || !Number.isSafeInteger(minElements) || minElements < 0) {
    throw new UsageError(`quantize-int8: min-elements must be a whole number \u2265 0, not '${String(minElements)}'`);
  }
  const weightType = choiceOption(STAGE, raw, "weight-type", ["int8", "uint8"]);
  const convMode = choiceOption(STAGE, raw, "conv-mode", ["integer", "weight-only"]);
  const perChannelGiven = raw["per-channel"] === void 0 ? void 0 : booleanOption(STAGE, raw, "per-channel", false);
  return {
    ops,
    exclude: (stringListOption(STAGE, raw, "exclude") ?? []).map(globToRegExp),
    perChannel: perChannelGiven ?? false,
    convPerChannel: perChannelGiven ?? !(convMode === "integer" && weightType === "uint8"),
    reduceRange: booleanOption(STAGE, raw, "reduce-range", false),
    weightType,
    minElements,
    convMode
  };
}
function commonSkipReason(node, t, s) {
  const id = nodeId(node);
  if (s.options.exclude.some((re) => re.test(id))) return "excluded by option";
  const n = elementCount(t.dims);
  if (n < s.options.minElements) return `weight has ${n} elements, fewer than min-elements ${s.options.minElements}`;
  if (Number.isNaN(s.range(t).min)) return "weight holds NaN or Infinity";
  return void 0;
}
function wantsAxis(model, options) {
  if (!options.ops.has("Conv") || options.convMode !== "weight-only" || !options.convPerChannel) return false;
  return mainScopes(model).some(({ graph }) => graph.node.some((n) => n.opType === "Conv" && (n.domain ?? "") === ""));
}
function upgradeIfNeeded(model, options, details, log) {
  const plan = planOpset(model);
  const from = defaultOpset(model);
  const target = wantsAxis(model, options) ? 13 : 11;
  if (from >= target || plan.action !== "refuse" && target === 11) return plan;
  const why = target === 13 ? "per-channel weight-only Conv needs DequantizeLinear's axis (opset 13)" : `${plan.action === "refuse" ? plan.reason.split(";")[0] : ""}; DynamicQuantizeLinear needs opset 11`;
  try {
    const { details: up } = upgradeOpset(model, target);
    details.opsetUpgrade = { from: up.from, to: up.to, why, rewritten: up.rewritten };
    log?.(`quantize-int8: opset ${up.from} \u2192 ${up.to} (${why})`);
    return { action: "keep", version: up.to };
  } catch (e) {
    if (!(e instanceof OnnxFormatError)) throw e;
    details.opsetUpgrade = { from, to: target, why, refused: e.message };
    return plan;
  }
}
function quantizeInt8(model, options, ctx) {
  const details = {
    options: {
      ops: [...options.ops],
      perChannel: options.perChannel,
      reduceRange: options.reduceRange,
      weightType: options.weightType,
      minElements: options.minElements,
      ...options.ops.has("Conv") ? { convMode: options.convMode, convPerChannel: options.convPerChannel } : {}
    }
  };
  const plan = upgradeIfNeeded(model, options, details, ctx?.log);
  if (plan.action === "refuse") {
    return { model, details: { ...details, quantizedNodes: 0, skipped: [{ node: "", op: "", reason: plan.reason }] } };
  }
  const s = new QuantSession(options, allNames(model), model.graph, model.irVersion ?? 0, ctx?.external);
  s.opset = plan.action === "bump" ? plan.to : plan.version;
  const byOp = {};
  const skipped = [];
  const used = [];
  for (const scope of mainScopes(model)) {
    const out = [];
    for (const node of scope.graph.node) {
      const op = node.opType ?? "";
      const quantizer = (node.domain ?? "") === "" && options.ops.has(op) ? INT8_QUANTIZERS[op] : void 0;
      const weight = quantizer?.weightOf(node, scope, s);
      if (!quantizer || !weight || weight.tensor.dataType !== DataType.FLOAT) {
        out.push(node);
        continue;
      }
      const reason = commonSkipReason(node, weight.tensor, s) ?? quantizer.check(node, weight, scope, s);
      if (reason) {
        skipped.push({ node: nodeId(node), op, reason });
        out.push(node);
        continue;
      }
      const released = quantizer.rewrite(node, weight, scope, s, out);
      used.push(weight.path, ...released ?? []);
      byOp[op] = (byOp[op] ?? 0) + 1;
    }
    scope.graph.node = out;
  }
  const removed = removeUnused(used, s.index);
  const quantizedNodes = Object.values(byOp).reduce((a, b) => a + b, 0);
  if (quantizedNodes > 0 && plan.action === "bump") {
    setDefaultOpset(model, plan.to);
    details.opset = { from: plan.from, to: plan.to };
  }
  ctx?.log(`quantize-int8: ${quantizedNodes} nodes, ${s.weightsQuantized} distinct weights, ${skipped.length} skipped`);
  return {
    model,
    details: {
      ...details,
      quantizedNodes,
      quantizedByOp: byOp,
      tensorsQuantized: s.weightsQuantized,
      sharedReuses: s.reuses,
      weightBytesBefore: s.floatBytesQuantized,
      weightBytesAfter: s.pool.bytesAdded,
      floatTensorsRemoved: removed,
      skipped
    }
  };
}
function quantizeInt8Stage(options) {
  const parsed = parseInt8Options(options);
  return { name: "quantize-int8", run: (model, ctx) => quantizeInt8(model, parsed, ctx) };
}
var DEFAULT_MIN_ELEMENTS, STAGE, KNOWN_OPTIONS;
var init_quantize_int8 = __esm({
  "src/stages/quantize-int8.ts"() {
    "use strict";
    init_errors();
    init_nodes();
    init_graph();
    init_tensor();
    init_dtype();
    init_constant_weight();
    init_opset();
    init_upgrade();
    init_registry();
    init_session();
    init_options();
    DEFAULT_MIN_ELEMENTS = 1024;
    STAGE = "quantize-int8";
    KNOWN_OPTIONS = ["ops", "exclude", "per-channel", "reduce-range", "weight-type", "min-elements", "conv-mode"];
  }
});

// src/stages/fp16-numerics.ts
function clampForFloat16(x, minPositive = FP16_MIN_SUBNORMAL, maxFinite = FP16_MAX) {
  if (x > 0 && x < minPositive) return minPositive;
  if (x < 0 && x > -minPositive) return -minPositive;
  if (x > maxFinite && x !== Infinity) return maxFinite;
  if (x < -maxFinite && x !== -Infinity) return -maxFinite;
  return x;
}
function float32BytesToFloat16(raw) {
  const n = raw.length >>> 2;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Uint16Array(n);
  let clamped = 0;
  for (let i = 0; i < n; i++) {
    const v = dv.getFloat32(i * 4, true);
    const c = clampForFloat16(v);
    if (c !== v) clamped++;
    out[i] = toFloat16Bits(c);
  }
  return { bytes: new Uint8Array(out.buffer), clamped };
}
function roundToFloat16(x) {
  return fromFloat16Bits(toFloat16Bits(x));
}
var FP16_MAX, FP16_MIN_SUBNORMAL;
var init_fp16_numerics = __esm({
  "src/stages/fp16-numerics.ts"() {
    "use strict";
    init_float16();
    FP16_MAX = 65504;
    FP16_MIN_SUBNORMAL = 2 ** -24;
  }
});

// src/stages/quant/int4-numerics.ts
function roundHalfAway(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
function rangeParams(min, max, symmetric, store, out) {
  if (symmetric) {
    const m = Math.abs(max) > Math.abs(min) ? max : min;
    out[0] = store(f322(-m / 8));
    out[1] = 8;
    return;
  }
  min = Math.min(min, 0);
  max = Math.max(max, 0);
  const scaleF = f322(f322(max - min) / 15);
  let zp = 0;
  if (scaleF !== 0) {
    const zpf = f322(0 - f322(min / scaleF));
    zp = zpf < 0 ? 0 : zpf > 15 ? 15 : roundHalfAway(zpf);
  }
  out[0] = store(scaleF);
  out[1] = zp;
}
function blockParams(src, from, to, symmetric, store, out) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = src[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  rangeParams(min, max, symmetric, store, out);
}
function code4(v, rs, zp) {
  const y = f322(f322(v * rs) + zp);
  const q = y < 0 ? 0 : Math.floor(y + 0.5);
  return q > 15 ? 15 : q;
}
function emptyBlocks(rows, k, opts) {
  const kBlocks = Math.ceil(k / opts.blockSize);
  const rowBytes = opts.padToBlock ? kBlocks * opts.blockSize / 2 : Math.ceil(k / 2);
  const zpRowBytes = Math.ceil(kBlocks / 2);
  return {
    data: new Uint8Array(rows * rowBytes),
    scales: new Float32Array(rows * kBlocks),
    zeroPoints: opts.symmetric ? void 0 : new Uint8Array(rows * zpRowBytes).fill(136),
    kBlocks,
    rowBytes,
    zpRowBytes
  };
}
function putZeroPoint(zeroPoints, row, zpRowBytes, b, zp) {
  const zi = row * zpRowBytes + (b >> 1);
  zeroPoints[zi] = b & 1 ? zeroPoints[zi] & 15 | zp << 4 : zeroPoints[zi] & 240 | zp;
}
function quantizeRows4(src, rows, k, opts) {
  const { blockSize, symmetric } = opts;
  const store = opts.storeScale ?? f322;
  const { data, scales, zeroPoints, kBlocks, rowBytes, zpRowBytes } = emptyBlocks(rows, k, opts);
  const params = new Float64Array(2);
  for (let r = 0; r < rows; r++) {
    const rowStart = r * k;
    const out = r * rowBytes;
    for (let b = 0; b < kBlocks; b++) {
      const from = rowStart + b * blockSize;
      const to = rowStart + Math.min(k, (b + 1) * blockSize);
      blockParams(src, from, to, symmetric, store, params);
      const scale = params[0];
      const zp = params[1];
      scales[r * kBlocks + b] = scale;
      if (zeroPoints) putZeroPoint(zeroPoints, r, zpRowBytes, b, zp);
      const rs = scale !== 0 ? f322(1 / scale) : 0;
      let i = from;
      for (; i + 1 < to; i += 2) data[out + (i - rowStart >> 1)] = code4(src[i], rs, zp) | code4(src[i + 1], rs, zp) << 4;
      if (i < to) data[out + (i - rowStart >> 1)] = code4(src[i], rs, zp);
    }
  }
  return { data, scales, zeroPoints, kBlocks, rowBytes };
}
function quantizeColumns4(src, k, n, opts) {
  const { blockSize, symmetric } = opts;
  const store = opts.storeScale ?? f322;
  const { data, scales, zeroPoints, kBlocks, rowBytes, zpRowBytes } = emptyBlocks(n, k, opts);
  const params = new Float64Array(2);
  const TILE2 = 64;
  const mins = new Float32Array(TILE2);
  const maxs = new Float32Array(TILE2);
  const recip = new Float32Array(TILE2);
  const zps = new Uint8Array(TILE2);
  for (let b = 0; b < kBlocks; b++) {
    const k0 = b * blockSize;
    const k1 = Math.min(k, k0 + blockSize);
    for (let c0 = 0; c0 < n; c0 += TILE2) {
      const w = Math.min(TILE2, n - c0);
      mins.fill(Infinity);
      maxs.fill(-Infinity);
      for (let kk = k0; kk < k1; kk++) {
        const row = kk * n + c0;
        for (let j = 0; j < w; j++) {
          const v = src[row + j];
          if (v < mins[j]) mins[j] = v;
          if (v > maxs[j]) maxs[j] = v;
        }
      }
      for (let j = 0; j < w; j++) {
        const c = c0 + j;
        rangeParams(mins[j], maxs[j], symmetric, store, params);
        const scale = params[0];
        scales[c * kBlocks + b] = scale;
        recip[j] = scale !== 0 ? f322(1 / scale) : 0;
        zps[j] = params[1];
        if (zeroPoints) putZeroPoint(zeroPoints, c, zpRowBytes, b, params[1]);
      }
      for (let j = 0; j < w; j++) {
        const c = c0 + j;
        const rs = recip[j];
        const zp = zps[j];
        let at = c * rowBytes + (k0 >> 1);
        let kk = k0;
        for (; kk + 1 < k1; kk += 2, at++) data[at] = code4(src[kk * n + c], rs, zp) | code4(src[(kk + 1) * n + c], rs, zp) << 4;
        if (kk < k1) data[at] = code4(src[kk * n + c], rs, zp);
      }
    }
  }
  return { data, scales, zeroPoints, kBlocks, rowBytes };
}
var f322;
var init_int4_numerics = __esm({
  "src/stages/quant/int4-numerics.ts"() {
    "use strict";
    f322 = Math.fround;
  }
});

// src/stages/quant/int4-store.ts
import { createHash as createHash4 } from "node:crypto";
function contentKey(parts, payload) {
  const h = createHash4("sha256");
  h.update(parts.join("|"));
  h.update(payload);
  return h.digest("hex");
}
function isAncestorOrSelf(a, b) {
  for (let s = b; s; s = s.parent) if (s.graph === a.graph) return true;
  return false;
}
var QuantStore;
var init_int4_store = __esm({
  "src/stages/quant/int4-store.ts"() {
    "use strict";
    init_graph();
    init_spill();
    init_tensor_pool();
    QuantStore = class {
      constructor(root2, names, external, declareAsInput = false) {
        this.root = root2;
        this.names = names;
        this.external = external;
        this.declareAsInput = declareAsInput;
      }
      root;
      names;
      external;
      declareAsInput;
      byKey = /* @__PURE__ */ new Map();
      /** Rewrites that reused an existing quantized tensor instead of making a new one. */
      reused = 0;
      /**
       * The quantized tensors for `key`, made by `make` on first use and placed in `scope`; on later uses
       * from a graph that cannot see them they move to the main graph, which every subgraph can see.
       */
      get(key, scope, make) {
        const known = this.byKey.get(key);
        if (known) {
          this.reused++;
          if (!isAncestorOrSelf(known.scope, scope)) this.moveToRoot(known);
          return known;
        }
        const { base, suffixes, parts } = make();
        const tensors = parts.map((p, i) => newTensor(this.external, freshName(this.names, `${base}${suffixes[i]}`), p.dataType, p.dims, p.raw));
        if (this.declareAsInput) {
          scope = this.root;
          scope.graph.input.push(...tensors.map((t) => inputOf(t.name, t.dataType, [...t.dims])));
        }
        scope.graph.initializer.push(...tensors);
        const stored = {
          names: tensors.map((t) => t.name),
          scope,
          tensors,
          bytes: parts.reduce((n, p) => n + p.raw.length, 0)
        };
        this.byKey.set(key, stored);
        return stored;
      }
      moveToRoot(stored) {
        const from = stored.scope.graph.initializer;
        for (const t of stored.tensors) {
          const i = from.indexOf(t);
          if (i >= 0) from.splice(i, 1);
        }
        this.root.graph.initializer.push(...stored.tensors);
        stored.scope = this.root;
      }
      /** Bytes of every quantized tensor made (each counted once however many nodes share it). */
      get bytes() {
        let n = 0;
        for (const s of this.byKey.values()) n += s.bytes;
        return n;
      }
      get count() {
        return this.byKey.size;
      }
    };
  }
});

// src/stages/quant/int4-rewrite.ts
function floatValues(t, raw) {
  const n = elementCount(t.dims);
  if (t.dataType === DataType.FLOAT && LITTLE_ENDIAN && raw.byteOffset % 4 === 0 && raw.length === n * 4) {
    return new Float32Array(raw.buffer, raw.byteOffset, n);
  }
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Float32Array(n);
  if (t.dataType === DataType.FLOAT16) for (let i = 0; i < n; i++) out[i] = fromFloat16Bits(dv.getUint16(i * 2, true));
  else for (let i = 0; i < n; i++) out[i] = dv.getFloat32(i * 4, true);
  return out;
}
function weightKey(run, tensor, parts) {
  run.keys ??= /* @__PURE__ */ new WeakMap();
  let perTensor = run.keys.get(tensor);
  if (!perTensor) run.keys.set(tensor, perTensor = /* @__PURE__ */ new Map());
  const params = parts.join("|");
  const known = perTensor.get(params);
  if (known) return { key: known };
  const raw = tensorBytes(tensor, run.external);
  run.contents ??= new ContentMap();
  let id = run.contents.get(params, raw);
  if (id === void 0) {
    id = run.contents.size;
    run.contents.set(params, raw, id, isExternal(tensor) ? () => tensorBytes(tensor, run.external) : void 0);
  }
  const key = `${params}#${id}`;
  perTensor.set(params, key);
  return { key, raw };
}
function scalesPayload(scales, dataType) {
  return bytesOf(dataType === DataType.FLOAT16 ? Uint16Array.from(scales, toFloat16Bits) : scales);
}
function floatWeight(scope, name, run) {
  const src = resolveConstant(scope, name, run.index);
  if (!src) return "weight is not a constant";
  const { tensor } = src;
  if (tensor.dataType !== DataType.FLOAT && tensor.dataType !== DataType.FLOAT16) return `weight is ${dataTypeName(tensor.dataType)}`;
  if (tensor.dims.length !== 2) return `weight is ${tensor.dims.length}-D, not 2-D`;
  if (elementCount(tensor.dims) === 0) return "weight is empty";
  return src;
}
function home(src) {
  return src.path[src.path.length - 1].scope;
}
function remember(run, src) {
  const known = run.sources.get(src.tensor);
  if (known) known.push(src.path);
  else run.sources.set(src.tensor, [src.path]);
}
function becomeContribOp(node, opType, inputs, attrs) {
  node.opType = opType;
  node.domain = "com.microsoft";
  node.input = inputs;
  node.attribute = attrs;
}
function baseName2(src, fallback) {
  return src.tensor.name || src.path[src.path.length - 1]?.name || fallback;
}
function toMatMulNBits(node, a, src, alpha, run) {
  const { tensor, transposed } = src;
  const [r, c] = tensor.dims;
  const [k, n] = transposed ? [c, r] : [r, c];
  const { blockSize, symmetric } = run.settings;
  const dtype = tensor.dataType;
  const { key, raw } = weightKey(run, tensor, ["matmul", dtype, r, c, transposed, blockSize, symmetric, ...alpha === 1 ? [] : [alpha]]);
  const stored = run.store.get(key, home(src), () => {
    let values2 = floatValues(tensor, raw ?? tensorBytes(tensor, run.external));
    if (alpha !== 1) values2 = values2.map((v) => v * alpha);
    const opts = { blockSize, symmetric, padToBlock: true, storeScale: dtype === DataType.FLOAT16 ? roundToFloat16 : Math.fround };
    const q = transposed ? quantizeRows4(values2, n, k, opts) : quantizeColumns4(values2, k, n, opts);
    const parts = [
      { dataType: DataType.UINT8, dims: [n, q.kBlocks, blockSize / 2], raw: q.data },
      { dataType: dtype, dims: [n, q.kBlocks], raw: scalesPayload(q.scales, dtype) }
    ];
    if (q.zeroPoints) parts.push({ dataType: DataType.UINT8, dims: [n, Math.ceil(q.kBlocks / 2)], raw: q.zeroPoints });
    return { base: baseName2(src, "weight"), suffixes: ["_Q4", "_scales", "_zero_points"], parts };
  });
  const attrs = [intAttr("K", k), intAttr("N", n), intAttr("bits", 4), intAttr("block_size", blockSize)];
  if (run.settings.accuracyLevel !== void 0) attrs.push(intAttr("accuracy_level", run.settings.accuracyLevel));
  becomeContribOp(node, "MatMulNBits", [a, ...stored.names], attrs);
  remember(run, src);
}
function insert(at, node, added) {
  const list = at.get(node);
  if (list) list.push(added);
  else at.set(node, [added]);
}
function embeddingTable(node, scope, run) {
  const axis = Number(node.attribute.find((a) => a.name === "axis")?.i ?? 0n);
  const src = floatWeight(scope, node.input[0] ?? "", run);
  if (typeof src === "string") return src.replace("weight", "table");
  if (axis !== 0 && axis !== -2) return `gathers along axis ${axis}, not rows`;
  if (src.transposed) return "table is reached through a Transpose";
  return src;
}
var LITTLE_ENDIAN, rewriteMatMul, rewriteGemm, rewriteGatherInt4, rewriteGatherInt8, rewriteGather;
var init_int4_rewrite = __esm({
  "src/stages/quant/int4-rewrite.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_tensor();
    init_float16();
    init_fp16_numerics();
    init_nodes();
    init_constant_weight();
    init_int4_numerics();
    init_numerics();
    init_int4_store();
    init_tensor_pool();
    LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
    rewriteMatMul = (node, scope, run) => {
      const src = floatWeight(scope, node.input[1] ?? "", run);
      if (typeof src === "string") return src;
      toMatMulNBits(node, node.input[0] ?? "", src, 1, run);
      run.counts.matmul++;
      return void 0;
    };
    rewriteGemm = (node, scope, run) => {
      const src = floatWeight(scope, node.input[1] ?? "", run);
      if (typeof src === "string") return src;
      if (src.tensor.dataType !== DataType.FLOAT) return "float16 Gemm: its bias Add would need float16 C";
      const alpha = attr(node, "alpha")?.f ?? 1;
      const beta = attr(node, "beta")?.f ?? 1;
      const view2 = attr(node, "transB")?.i ? { ...src, transposed: !src.transposed } : src;
      const c = node.input[2] || void 0;
      let bias = beta === 0 ? void 0 : c;
      if (bias && beta !== 1) {
        const constC = resolveConstant(scope, bias, run.index);
        if (!constC || constC.transposed || constC.tensor.dataType !== DataType.FLOAT) return `beta ${beta} on a C that is not a float constant`;
        const scaled = floatValues(constC.tensor, tensorBytes(constC.tensor, run.external)).map((v) => v * beta);
        const raw = bytesOf(scaled);
        bias = run.store.get(contentKey(["gemm-bias", ...constC.tensor.dims], raw), home(constC), () => ({
          base: baseName2(constC, "bias"),
          suffixes: ["_scaled"],
          parts: [{ dataType: DataType.FLOAT, dims: [...constC.tensor.dims], raw }]
        })).names[0];
      }
      let a = node.input[0] ?? "";
      if (attr(node, "transA")?.i) {
        const at = freshName(run.names, `${a}_transposed`);
        insert(run.before, node, makeNode("Transpose", freshName(run.names, `${node.name || a}_transA`), [a], [at], [intsAttr("perm", [1, 0])], ""));
        a = at;
      }
      const output = node.output[0] ?? "";
      if (bias) {
        const product = freshName(run.names, `${output}_matmul`);
        insert(run.after, node, makeNode("Add", freshName(run.names, `${node.name || output}_bias`), [product, bias], [output], [], ""));
        node.output[0] = product;
      }
      toMatMulNBits(node, a, view2, alpha, run);
      run.counts.gemm++;
      return void 0;
    };
    rewriteGatherInt4 = (node, scope, run) => {
      const src = embeddingTable(node, scope, run);
      if (typeof src === "string") return src;
      const { tensor } = src;
      const [v, d] = tensor.dims;
      if (d % 2 !== 0) return `table width ${d} is odd (4-bit rows pack two values a byte)`;
      const { blockSize, symmetric } = run.settings;
      const dtype = tensor.dataType;
      const { key, raw } = weightKey(run, tensor, ["gather4", dtype, v, d, blockSize, symmetric]);
      const stored = run.store.get(key, home(src), () => {
        const q = quantizeRows4(floatValues(tensor, raw ?? tensorBytes(tensor, run.external)), v, d, {
          blockSize,
          symmetric,
          padToBlock: false,
          storeScale: dtype === DataType.FLOAT16 ? roundToFloat16 : Math.fround
        });
        const parts = [
          { dataType: DataType.UINT8, dims: [v, d / 2], raw: q.data },
          { dataType: dtype, dims: [v, q.kBlocks], raw: scalesPayload(q.scales, dtype) }
        ];
        if (q.zeroPoints) parts.push({ dataType: DataType.UINT8, dims: [v, Math.ceil(q.kBlocks / 2)], raw: q.zeroPoints });
        return { base: baseName2(src, "table"), suffixes: ["_Q4", "_scales", "_zero_points"], parts };
      });
      const [data, scales, zp] = stored.names;
      const attrs = [intAttr("gather_axis", 0), intAttr("quantize_axis", 1), intAttr("block_size", blockSize), intAttr("bits", 4)];
      becomeContribOp(node, "GatherBlockQuantized", [data, node.input[1] ?? "", scales, ...zp ? [zp] : []], attrs);
      remember(run, src);
      run.counts.gatherInt4++;
      return void 0;
    };
    rewriteGatherInt8 = (node, scope, run) => {
      const src = embeddingTable(node, scope, run);
      if (typeof src === "string") return src;
      const { tensor } = src;
      if (tensor.dataType !== DataType.FLOAT) return "float16 table needs DequantizeLinear-19; use embeddings: int4";
      if (run.opset < 10) return `opset ${run.opset} has no DequantizeLinear`;
      const { key, raw } = weightKey(run, tensor, ["gather8", ...tensor.dims]);
      const stored = run.store.get(key, home(src), () => {
        const q = quantizePerTensor(floatValues(tensor, raw ?? tensorBytes(tensor, run.external)), { type: "int8", symmetric: true, reduceRange: false });
        return {
          base: baseName2(src, "table"),
          suffixes: ["_quantized", "_scale", "_zero_point"],
          parts: [
            { dataType: DataType.INT8, dims: [...tensor.dims], raw: bytesOf(q.values) },
            { dataType: DataType.FLOAT, dims: [], raw: bytesOf(q.scales) },
            { dataType: DataType.INT8, dims: [], raw: bytesOf(q.zeroPoints) }
          ]
        };
      });
      const [table, scale, zp] = stored.names;
      const output = node.output[0] ?? "";
      const gathered = freshName(run.names, `${output}_quantized`);
      node.input[0] = table;
      node.output[0] = gathered;
      const dq = makeNode("DequantizeLinear", freshName(run.names, `${node.name || output}_DequantizeLinear`), [gathered, scale, zp], [output], [], "");
      insert(run.after, node, dq);
      remember(run, src);
      run.counts.gatherInt8++;
      return void 0;
    };
    rewriteGather = (node, scope, run) => {
      if (run.settings.embeddings === "none") return "embeddings: none";
      return run.settings.embeddings === "int8" ? rewriteGatherInt8(node, scope, run) : rewriteGatherInt4(node, scope, run);
    };
  }
});

// src/stages/quantize-int4.ts
function parseInt4Options(options) {
  const o = { ...options };
  for (const [camel2, kebab] of Object.entries(CAMEL_ALIASES)) {
    if (camel2 in o) {
      o[kebab] ??= o[camel2];
      delete o[camel2];
    }
  }
  rejectUnknownOptions(STAGE2, o, ["block-size", "symmetric", "accuracy-level", "embeddings", "exclude"]);
  const blockSize = Number(o["block-size"] ?? 32);
  if (blockSize === 512) {
    throw new UsageError("quantize-int4: block-size 512 is refused (onnxruntime's CPU MatMulNBits kernel does not support it; older builds gave wrong results); use 16\u2013256");
  }
  if (!Number.isInteger(blockSize) || blockSize < 16 || blockSize > 256 || (blockSize & blockSize - 1) !== 0) {
    throw new UsageError(`quantize-int4: block-size must be a power of two from 16 to 256, got ${JSON.stringify(o["block-size"])}`);
  }
  const rawLevel = o["accuracy-level"];
  const accuracyLevel = rawLevel === void 0 ? void 0 : Number(rawLevel);
  if (accuracyLevel !== void 0 && (!Number.isInteger(accuracyLevel) || accuracyLevel < 0 || accuracyLevel > 4)) {
    throw new UsageError(`quantize-int4: accuracy-level must be 0\u20134, got ${JSON.stringify(rawLevel)}`);
  }
  return {
    blockSize,
    symmetric: booleanOption(STAGE2, o, "symmetric", true),
    accuracyLevel,
    embeddings: choiceOption(STAGE2, o, "embeddings", ["int4", "int8", "none"]),
    exclude: stringListOption(STAGE2, o, "exclude") ?? []
  };
}
function quantizeInt4Stage(options = {}) {
  const opts = parseInt4Options(options);
  return {
    name: "quantize-int4",
    run(model, ctx) {
      const scopes = mainScopes(model);
      const names = allNames(model);
      const run = {
        settings: opts,
        store: new QuantStore(scopes[0], names, ctx.external, (model.irVersion ?? 0) < 4),
        names,
        external: ctx.external,
        opset: defaultOpset(model),
        index: new DefinitionIndex(),
        sources: /* @__PURE__ */ new Map(),
        counts: { matmul: 0, gemm: 0, gatherInt4: 0, gatherInt8: 0 },
        before: /* @__PURE__ */ new Map(),
        after: /* @__PURE__ */ new Map()
      };
      const exclude = new Set(opts.exclude);
      const skipped = [];
      for (const scope of scopes) {
        for (const node of [...scope.graph.node]) {
          const rewrite = (node.domain ?? "") === "" ? REWRITES[node.opType ?? ""] : void 0;
          if (!rewrite) continue;
          const reason = exclude.has(nodeId(node)) ? "excluded" : rewrite(node, scope, run);
          if (reason && !(node.opType === "Gather" && reason === "table is not a constant")) skipped.push({ node: nodeId(node), op: node.opType ?? "", reason });
        }
        if (run.before.size || run.after.size) {
          scope.graph.node = scope.graph.node.flatMap((n) => [...run.before.get(n) ?? [], n, ...run.after.get(n) ?? []]);
          run.before.clear();
          run.after.clear();
        }
      }
      const paths = [...run.sources.values()].flat();
      removeUnused(paths, run.index);
      let weightBytes = 0;
      let freedBytes = 0;
      for (const [tensor, [path17]] of run.sources) {
        const bytes = tensorByteLength(tensor);
        weightBytes += bytes;
        const own = path17[path17.length - 1];
        if (!run.index.of(own.scope.graph).has(own.name)) freedBytes += bytes;
      }
      const { matmul, gemm: gemm2, gatherInt4, gatherInt8 } = run.counts;
      if (matmul || gemm2 || gatherInt4) importDomain(model, "com.microsoft", 1);
      ctx.log(`quantize-int4: ${matmul} MatMul, ${gemm2} Gemm, ${gatherInt4 + gatherInt8} Gather rewritten; ${run.store.count} tensors quantized`);
      return {
        model,
        details: {
          blockSize: opts.blockSize,
          symmetric: opts.symmetric,
          accuracyLevel: opts.accuracyLevel ?? 0,
          embeddings: opts.embeddings,
          matmulNBits: matmul + gemm2,
          fromGemm: gemm2,
          gatherBlockQuantized: gatherInt4,
          gatherInt8,
          tensorsQuantized: run.store.count,
          sharedReuses: run.store.reused,
          weightBytesBefore: weightBytes,
          weightBytesAfter: run.store.bytes,
          /** Float weights removed because nothing reads them any more (the rest stay for other readers). */
          weightBytesFreed: freedBytes,
          skipped
        }
      };
    }
  };
}
var REWRITES, STAGE2, CAMEL_ALIASES;
var init_quantize_int4 = __esm({
  "src/stages/quantize-int4.ts"() {
    "use strict";
    init_errors();
    init_nodes();
    init_graph();
    init_tensor();
    init_constant_weight();
    init_int4_rewrite();
    init_int4_store();
    init_opset();
    init_options();
    REWRITES = {
      MatMul: rewriteMatMul,
      Gemm: rewriteGemm,
      Gather: rewriteGather
    };
    STAGE2 = "quantize-int4";
    CAMEL_ALIASES = { blockSize: "block-size", accuracyLevel: "accuracy-level" };
  }
});

// src/stages/fp16-casts.ts
function collapseCastPairs(scope, inserted) {
  const g = scope.graph;
  const producer = /* @__PURE__ */ new Map();
  for (const n of g.node) for (const o of n.output) if (o) producer.set(o, n);
  const pairs = [];
  for (const back of g.node) {
    if (!inserted.has(back) || castTarget(back) !== DataType.FLOAT) continue;
    const half = producer.get(back.input[0] ?? "");
    if (half && inserted.has(half) && castTarget(half) === DataType.FLOAT16) pairs.push([back, half]);
  }
  if (!pairs.length) return 0;
  const reads = new Map([...usesOfAll(scope, pairs.map(([, half]) => half.output[0]))].map(([k, v]) => [k, v.length]));
  const readers = /* @__PURE__ */ new Map();
  for (const n of g.node) for (const i of n.input) if (i) readers.set(i, [...readers.get(i) ?? [], n]);
  const outputs = new Set(g.output.map((o) => o.name ?? ""));
  const removed = /* @__PURE__ */ new Set();
  for (const [back, half] of pairs) {
    const float32 = half.input[0];
    const out = back.output[0];
    if (!outputs.has(out)) {
      for (const n of readers.get(out) ?? []) n.input = n.input.map((i) => i === out ? float32 : i);
    } else {
      const p = producer.get(float32);
      if (!p || outputs.has(float32)) continue;
      p.output[p.output.indexOf(float32)] = out;
      replaceAllUses(scope, float32, out);
      producer.set(out, p);
    }
    removed.add(back);
    const left = (reads.get(half.output[0]) ?? 1) - 1;
    reads.set(half.output[0], left);
    if (left === 0 && !outputs.has(half.output[0])) removed.add(half);
  }
  if (removed.size) g.node = g.node.filter((n) => !removed.has(n));
  return removed.size;
}
var castTarget;
var init_fp16_casts = __esm({
  "src/stages/fp16-casts.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    castTarget = (n) => n.opType === "Cast" ? Number(n.attribute[0]?.i) : void 0;
  }
});

// src/stages/fp16-types.ts
function declaredType(v) {
  const tensor = v.type?.tensorType?.elemType;
  if (tensor) return tensor;
  return sequenceOf(v.type?.sequenceType?.elemType?.tensorType?.elemType || void 0);
}
function typeOfAttr(n, name) {
  const a = attr(n, name);
  return a?.i !== void 0 ? Number(a.i) : void 0;
}
function inferTypes(scopes) {
  const table = /* @__PURE__ */ new Map();
  const lookup = (scope, name) => typeIn(table, scope, name);
  const graphOutputTypes = (g, parent, owner) => {
    const inner = table.get(g) ?? inferGraph({ graph: g, parent, owner, depth: parent.depth + 1 });
    return g.output.map((o) => declaredType(o) ?? inner.get(o.name ?? ""));
  };
  const outputTypes2 = (n, scope) => {
    const op = n.opType ?? "";
    const input = (i) => n.input[i] ? lookup(scope, n.input[i]) : void 0;
    const first = n.input.map((_, i) => input(i)).find((t) => t !== void 0);
    if (FIXED[op]) return FIXED[op];
    const float32 = FLOAT32_OUTPUTS[op];
    if (float32) return n.output.map((_, i) => float32.includes(i) ? FLOAT : first);
    if (FIRST_THEN[op]) return [input(0), ...FIRST_THEN[op]];
    switch (op) {
      case "Cast":
        return [typeOfAttr(n, "to")];
      case "CastLike":
        return [input(1)];
      case "Constant": {
        const a = n.attribute[0];
        if (a?.t) return [a.t.dataType];
        if (a?.name === "value_float" || a?.name === "value_floats") return [FLOAT];
        if (a?.name === "value_int" || a?.name === "value_ints") return [INT64];
        return [a?.sparseTensor?.values?.dataType];
      }
      case "ConstantOfShape":
        return [attr(n, "value")?.t?.dataType ?? FLOAT];
      case "RandomNormal":
      case "RandomUniform":
        return [typeOfAttr(n, "dtype") ?? FLOAT];
      case "RandomNormalLike":
      case "RandomUniformLike":
      case "EyeLike":
      case "Bernoulli":
        return [typeOfAttr(n, "dtype") ?? input(0)];
      case "Multinomial":
        return [typeOfAttr(n, "dtype") ?? INT32];
      case "Where":
        return [input(1)];
      case "QuantizeLinear":
        return [input(2) ?? UINT8];
      case "DequantizeLinear":
        return [input(1)];
      case "GatherBlockQuantized":
        return [input(2)];
      case "SequenceEmpty":
        return [sequenceOf(typeOfAttr(n, "dtype") ?? FLOAT)];
      case "SequenceConstruct":
      case "SplitToSequence":
        return [sequenceOf(input(0))];
      case "SequenceAt":
      case "ConcatFromSequence":
        return [elementOf(input(0))];
      case "SequenceLength":
        return [INT64];
      case "If": {
        const then = attr(n, "then_branch")?.g;
        return then ? graphOutputTypes(then, scope, n) : [];
      }
      case "Loop": {
        const body = attr(n, "body")?.g;
        return body ? graphOutputTypes(body, scope, n).slice(1) : [];
      }
      case "Scan": {
        const body = attr(n, "body")?.g;
        return body ? graphOutputTypes(body, scope, n) : [];
      }
      default:
        return n.output.map(() => first);
    }
  };
  function inferGraph(scope) {
    const own = /* @__PURE__ */ new Map();
    table.set(scope.graph, own);
    const g = scope.graph;
    for (const v of g.input) {
      const t = declaredType(v);
      if (v.name && t !== void 0) own.set(v.name, t);
    }
    for (const t of g.initializer) if (t.name && t.dataType) own.set(t.name, t.dataType);
    for (const s of g.sparseInitializer) if (s.values?.name && s.values.dataType) own.set(s.values.name, s.values.dataType);
    const declared2 = /* @__PURE__ */ new Map();
    for (const v of [...g.valueInfo, ...g.output]) {
      const t = declaredType(v);
      if (v.name && t !== void 0) declared2.set(v.name, t);
    }
    for (const n of g.node) {
      for (const { graph } of subgraphsOf(n)) if (!table.has(graph)) inferGraph({ graph, parent: scope, owner: n, depth: scope.depth + 1 });
      const types2 = outputTypes2(n, scope);
      n.output.forEach((o, i) => {
        const t = declared2.get(o) ?? types2[i];
        if (o && t !== void 0) own.set(o, t);
      });
    }
    return own;
  }
  for (const s of scopes) if (!table.has(s.graph)) inferGraph(s);
  return table;
}
function typeIn(table, scope, name) {
  for (let s = scope; s; s = s.parent) {
    const t = table.get(s.graph)?.get(name);
    if (t !== void 0) return t;
  }
  return void 0;
}
var sequenceOf, elementOf, FLOAT, INT64, INT32, BOOL, UINT8, FIXED, FLOAT32_OUTPUTS, FIRST_THEN;
var init_fp16_types = __esm({
  "src/stages/fp16-types.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    sequenceOf = (t) => t === void 0 ? void 0 : -Math.abs(t);
    elementOf = (t) => t === void 0 ? void 0 : Math.abs(t);
    ({ FLOAT, INT64, INT32, BOOL, UINT8 } = DataType);
    FIXED = {
      Shape: [INT64],
      Size: [INT64],
      NonZero: [INT64],
      ArgMax: [INT64],
      ArgMin: [INT64],
      NonMaxSuppression: [INT64],
      Equal: [BOOL],
      Less: [BOOL],
      Greater: [BOOL],
      LessOrEqual: [BOOL],
      GreaterOrEqual: [BOOL],
      Not: [BOOL],
      And: [BOOL],
      Or: [BOOL],
      Xor: [BOOL],
      IsNaN: [BOOL],
      IsInf: [BOOL],
      MatMulInteger: [INT32],
      ConvInteger: [INT32],
      DynamicQuantizeLinear: [UINT8, FLOAT, UINT8],
      DynamicQuantizeMatMul: [FLOAT],
      MatMulIntegerToFloat: [FLOAT]
    };
    FLOAT32_OUTPUTS = { LayerNormalization: [1, 2], TfIdfVectorizer: [0] };
    FIRST_THEN = {
      TopK: [INT64],
      MaxPool: [INT64],
      Dropout: [BOOL],
      Unique: [INT64, INT64, INT64]
    };
  }
});

// src/stages/fp16-overflow.ts
import { mkdtempSync, rmSync as rmSync4, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir } from "node:os";
import path7 from "node:path";
function maxAbs(bytes) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let m = 0;
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const a = Math.abs(dv.getFloat32(i, true));
    if (a > m && a !== Infinity) m = a;
  }
  return m;
}
async function overflowingNodes(model, main2, types2, tmpDir, samples = 2) {
  const blocked = /* @__PURE__ */ new Map();
  let external = false;
  forEachTensor(model, (t) => {
    external ||= isExternal(t);
  });
  if (external) return { blocked, note: "not run: the model keeps its weights in an external data file" };
  const g = main2.graph;
  const outputs = new Set(g.output.map((o) => o.name));
  const watched = /* @__PURE__ */ new Map();
  for (const n of g.node) for (const o of n.output) if (o && typeIn(types2, main2, o) === DataType.FLOAT) watched.set(o, n);
  if (!watched.size) return { blocked };
  const probe = decodeModel(encodeModel(model));
  for (const name of watched.keys()) {
    if (!outputs.has(name)) probe.graph.output.push({ name, type: { tensorType: { elemType: DataType.FLOAT } }, metadataProps: [] });
  }
  const dir = mkdtempSync(path7.join(tmpDir || tmpdir(), "onnx-diet-fp16-overflow-"));
  const host = startOrtHost();
  try {
    const file = path7.join(dir, "probe.onnx");
    writeFileSync2(file, encodeModel(probe));
    const feeds = loadSamples("auto", model, { samples, seed: DEFAULT_PARITY.seed, dims: {} });
    const session = await host.load(file, { threads: 1 });
    const peak = /* @__PURE__ */ new Map();
    for (const sample of feeds) {
      const r = await host.run(session.id, sample, [...watched.keys()]);
      for (const t of r.outputs) {
        if (t.type === "float32" && t.data instanceof Uint8Array) peak.set(t.name, Math.max(peak.get(t.name) ?? 0, maxAbs(t.data)));
      }
    }
    const readers = /* @__PURE__ */ new Map();
    for (const n of g.node) for (const i of n.input) if (watched.has(i)) readers.set(i, [...readers.get(i) ?? [], n]);
    for (const [name, max] of peak) {
      if (max < OVERFLOW_AT) continue;
      const producer = watched.get(name);
      const why = `its output '${name}' reaches ${max.toPrecision(3)} on ${feeds.length} auto input${feeds.length === 1 ? "" : "s"} (float16 ends at 65504)`;
      if (!blocked.has(producer)) blocked.set(producer, { node: nodeId(producer), op: producer.opType ?? "", reason: why });
      for (const r of readers.get(name) ?? []) {
        if (!blocked.has(r)) blocked.set(r, { node: nodeId(r), op: r.opType ?? "", reason: `reads '${name}', which reaches ${max.toPrecision(3)} on auto inputs` });
      }
    }
    return { blocked };
  } catch (e) {
    return { blocked, note: `not run: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` };
  } finally {
    await host.close();
    rmSync4(dir, { recursive: true, force: true });
  }
}
var OVERFLOW_AT;
var init_fp16_overflow = __esm({
  "src/stages/fp16-overflow.ts"() {
    "use strict";
    init_inputs();
    init_ort_runner();
    init_types2();
    init_codec();
    init_dtype();
    init_graph();
    init_tensor();
    init_fp16_numerics();
    init_fp16_types();
    init_nodes();
    OVERFLOW_AT = FP16_MAX / 2;
  }
});

// src/stages/fp16-range.ts
function rangeProblemOf(raw) {
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const n = raw.length >>> 2;
  let maxAbs2 = 0, over = 0, minFlushed = Infinity, maxFlushed = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(dv.getFloat32(i * 4, true));
    if (!Number.isFinite(a)) continue;
    if (a > maxAbs2) maxAbs2 = a;
    if (a > FP16_MAX) over++;
    else if (a > 0 && a < FLUSHES_BELOW) {
      minFlushed = Math.min(minFlushed, a);
      maxFlushed = Math.max(maxFlushed, a);
    }
  }
  if (over) return `holds ${over} value${over === 1 ? "" : "s"} beyond float16's \xB165504 (up to ${maxAbs2.toPrecision(3)})`;
  if (maxFlushed > 0 && maxFlushed >= maxAbs2 * RELATIVE_FLOOR) {
    return `holds values down to ${minFlushed.toPrecision(3)} that float16 rounds to zero, against a largest magnitude of ${maxAbs2.toPrecision(3)}`;
  }
  return void 0;
}
function rangeBlockedNodes(scopes, problemOf, external) {
  const blocked = /* @__PURE__ */ new Map();
  for (const scope of scopes) {
    const problems = /* @__PURE__ */ new Map();
    const constantNodes = /* @__PURE__ */ new Map();
    for (const t of scope.graph.initializer) {
      const why = t.name ? problemOf(t) : void 0;
      if (why) problems.set(t.name, why);
    }
    for (const n of scope.graph.node) {
      const fill = n.opType === "ConstantOfShape" ? attr(n, "value")?.t : void 0;
      const fillWhy = fill ? problemOf(fill) : void 0;
      if (fillWhy && n.output[0]) {
        problems.set(n.output[0], `is filled with a value that ${fillWhy}`);
        constantNodes.set(n.output[0], n);
      }
      if (!isConstantNode(n) || !n.output[0]) continue;
      const t = constantNodeTensor(n, external);
      const why = t ? problemOf(t) : void 0;
      if (why) {
        problems.set(n.output[0], why);
        constantNodes.set(n.output[0], n);
      }
    }
    if (!problems.size) continue;
    for (const [name, uses] of usesOfAll(scope, problems.keys())) {
      const reason = `reads '${name}', which ${problems.get(name)}`;
      for (const u of uses) if (!blocked.has(u.node)) blocked.set(u.node, { node: nodeId(u.node), op: u.node.opType ?? "", reason });
      const c = constantNodes.get(name);
      if (c) blocked.set(c, { node: nodeId(c), op: c.opType ?? "", reason: `its value ${problems.get(name)}` });
    }
  }
  return blocked;
}
var FLUSHES_BELOW, RELATIVE_FLOOR;
var init_fp16_range = __esm({
  "src/stages/fp16-range.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_tensor();
    init_fp16_numerics();
    init_nodes();
    FLUSHES_BELOW = 2 ** -25;
    RELATIVE_FLOOR = 2 ** -11;
  }
});

// src/stages/fp16.ts
function blockedForm(n, opset) {
  if (n.opType === "IsInf") return opset < 20;
  if (n.opType === "ScatterND" || n.opType === "ScatterElements") {
    const reduction = attr(n, "reduction")?.s;
    return reduction !== void 0 && new TextDecoder().decode(reduction) !== "none";
  }
  return false;
}
function parseFp16Options(o) {
  rejectUnknownOptions(STAGE3, o, ["keep-io-types", "op-block-list", "node-block-list", "overflow-check"]);
  return {
    keepIoTypes: booleanOption(STAGE3, o, "keep-io-types", true),
    overflowCheck: booleanOption(STAGE3, o, "overflow-check", false),
    // A user list adds to the default list: the defaults guard correctness, not taste.
    opBlockList: [...DEFAULT_FP16_BLOCK_LIST, ...stringListOption(STAGE3, o, "op-block-list") ?? []],
    nodeBlockList: stringListOption(STAGE3, o, "node-block-list") ?? []
  };
}
function adoptPayload(t, from) {
  if (!isExternal(from)) {
    setTensorRaw(t, from.rawData ?? new Uint8Array(0));
    return;
  }
  setTensorRaw(t, new Uint8Array(0));
  t.rawData = void 0;
  t.dataLocation = from.dataLocation;
  t.externalData = from.externalData;
}
function fp16Stage(options = {}) {
  const opts = parseFp16Options(options);
  return {
    name: "fp16",
    async run(model, ctx) {
      const conv = new Fp16Converter(model, opts, ctx.external);
      if (!conv.hasFloat()) return { model, details: { tensorsConverted: 0 } };
      let overflowCheck;
      if (opts.overflowCheck && conv.scopes[0]) {
        const { blocked, note } = await overflowingNodes(model, conv.scopes[0], conv.types, ctx.tmpDir);
        for (const [n, why] of blocked) if (!conv.rangeBlocked.has(n)) conv.rangeBlocked.set(n, why);
        overflowCheck = note ? { note } : { nodes: blocked.size };
      }
      if (defaultOpset(model) < CAST_OPSET) {
        const plan = planOpset(model);
        if (plan.action === "refuse") {
          ctx.log(`fp16: not applied: ${plan.reason}`);
          return { model, details: { notApplied: plan.reason } };
        }
        if (plan.action === "bump") setDefaultOpset(model, plan.to);
      }
      const frozen = /* @__PURE__ */ new Set();
      for (const scope of conv.scopes) {
        if (scope.parent && frozen.has(scope.parent) || scope.owner && conv.isBlocked(scope.owner)) {
          frozen.add(scope);
          continue;
        }
        conv.convertScope(scope, scope === conv.scopes[0]);
      }
      if (opts.keepIoTypes && conv.scopes[0]) conv.castMainBoundary(conv.scopes[0]);
      let castsRemoved = 0;
      for (const scope of conv.scopes) if (!frozen.has(scope)) castsRemoved += collapseCastPairs(scope, conv.inserted);
      conv.stats.castsInserted -= castsRemoved;
      ctx.log(`fp16: ${conv.stats.tensors} tensors to float16, ${conv.stats.blockedNodes} nodes kept in float32`);
      return {
        model,
        details: {
          keepIoTypes: opts.keepIoTypes,
          tensorsConverted: conv.stats.tensors,
          valuesClamped: conv.stats.clampedValues,
          keptFloat32ForRange: [...conv.rangeBlocked.values()],
          ...overflowCheck ? { overflowCheck } : {},
          castsRetargeted: conv.stats.castsRetargeted,
          castsInserted: conv.stats.castsInserted,
          blockedNodes: conv.stats.blockedNodes,
          initializersKeptFloat32: conv.stats.keptFloat32,
          skippedGraphs: frozen.size
        }
      };
    }
  };
}
var DEFAULT_FP16_BLOCK_LIST, DTYPE_ATTRIBUTES, FLOAT_BY_DEFAULT, CONVERTIBLE_DOMAINS, STAGE3, CAST_OPSET, Fp16Converter;
var init_fp16 = __esm({
  "src/stages/fp16.ts"() {
    "use strict";
    init_dtype();
    init_graph();
    init_spill();
    init_tensor();
    init_fp16_numerics();
    init_opset();
    init_fp16_casts();
    init_fp16_overflow();
    init_fp16_range();
    init_fp16_types();
    init_nodes();
    init_options();
    DEFAULT_FP16_BLOCK_LIST = [
      "ArrayFeatureExtractor",
      "Binarizer",
      "CastMap",
      "CategoryMapper",
      "DictVectorizer",
      "FeatureVectorizer",
      "Imputer",
      "LabelEncoder",
      "LinearClassifier",
      "LinearRegressor",
      "Normalizer",
      "OneHotEncoder",
      "SVMClassifier",
      "SVMRegressor",
      "Scaler",
      "TreeEnsembleClassifier",
      "TreeEnsembleRegressor",
      "ZipMap",
      "NonMaxSuppression",
      "TopK",
      "RoiAlign",
      "Resize",
      "Range",
      "CumSum",
      "Min",
      "Max",
      "Upsample",
      "QuantizeLinear",
      "DequantizeLinear",
      "DynamicQuantizeLinear",
      "QLinearConv",
      "QLinearMatMul",
      "DynamicQuantizeMatMul",
      "MatMulIntegerToFloat",
      "QGemm",
      "QAttention",
      "QLinearAdd",
      "QLinearMul",
      "QLinearSigmoid",
      "QLinearLeakyRelu",
      "QLinearAveragePool",
      "QLinearGlobalAveragePool",
      "QLinearConcat",
      "QLinearSoftmax",
      "QLinearWhere",
      "DynamicQuantizeLSTM",
      "Celu",
      "EyeLike",
      "MeanVarianceNormalization",
      "MelWeightMatrix",
      "SequenceEmpty",
      "SequenceConstruct",
      "SequenceInsert",
      "SequenceAt",
      "SequenceErase",
      "SequenceLength",
      "SplitToSequence",
      "ConcatFromSequence",
      "SequenceMap"
    ];
    DTYPE_ATTRIBUTES = /* @__PURE__ */ new Set(["dtype", "output_datatype"]);
    FLOAT_BY_DEFAULT = {
      RandomNormal: "dtype",
      RandomUniform: "dtype",
      HannWindow: "output_datatype",
      HammingWindow: "output_datatype",
      BlackmanWindow: "output_datatype"
    };
    CONVERTIBLE_DOMAINS = /* @__PURE__ */ new Set(["", "ai.onnx", "com.microsoft"]);
    STAGE3 = "fp16";
    CAST_OPSET = 6;
    Fp16Converter = class {
      constructor(model, opts, external) {
        this.model = model;
        this.opts = opts;
        this.external = external;
        this.names = allNames(model);
        this.scopes = mainScopes(model);
        this.types = inferTypes(this.scopes);
        this.blockedOps = new Set(opts.opBlockList);
        this.blockedNames = new Set(opts.nodeBlockList);
        this.functions = new Set(model.functions.map((f) => `${f.domain ?? ""}:${f.name}`));
        const main2 = model.graph;
        const inputs = new Set(main2?.input.map((v) => v.name ?? ""));
        this.initializerInputs = new Set(main2?.initializer.map((t) => t.name ?? "").filter((n) => n && inputs.has(n)));
        this.weightsAreInputs = (model.irVersion ?? 0) < 4;
        this.opset = defaultOpset(model);
        this.rangeBlocked = rangeBlockedNodes(this.scopes, (t) => this.prepare(t), external);
      }
      model;
      opts;
      external;
      names;
      scopes;
      types;
      stats = { tensors: 0, clampedValues: 0, castsInserted: 0, blockedNodes: 0, keptFloat32: 0, castsRetargeted: 0 };
      blockedOps;
      blockedNames;
      functions;
      /**
       * Main-graph initializers that are also main-graph inputs. Before IR 4 every weight had to be listed as
       * an input: they are weights, converted with their input's type. From IR 4 on they are overridable
       * defaults of real inputs: with keep-io-types they stay float32 and are cast on entry like any input.
       */
      initializerInputs;
      weightsAreInputs;
      /** The default-domain opset (some ops take float16 only from a later one). */
      opset;
      /** Nodes that read a constant float16 cannot hold (fp16-range.ts): kept in float32, with the reason. */
      rangeBlocked;
      /**
       * float32 tensors already converted while their range was checked: each payload is read once (a model
       * streamed from external data must not be read twice); big results are parked in scratch (newTensor).
       */
      prepared = /* @__PURE__ */ new Map();
      /** Reads `t` once: its range problem, or (none) its float16 form kept for convertTensor. */
      prepare(t) {
        if (t.dataType !== DataType.FLOAT) return void 0;
        const raw = tensorBytes(t, this.external);
        const problem = rangeProblemOf(raw);
        if (!problem) {
          const { bytes, clamped } = float32BytesToFloat16(raw);
          this.prepared.set(t, { half: newTensor(this.external, t.name ?? "", DataType.FLOAT16, t.dims, bytes), clamped });
        }
        return problem;
      }
      /** Casts this stage made (collapseCastPairs may cut pairs of them out again). */
      inserted = /* @__PURE__ */ new Set();
      castNode(input, output, to) {
        const n = makeNode("Cast", freshName(this.names, `${output}_cast`), [input], [output], [intAttr("to", to)], "");
        this.inserted.add(n);
        return n;
      }
      /** Whether any value of the model is a float32 tensor (else there is nothing to convert). */
      hasFloat() {
        for (const own of this.types.values()) for (const t of own.values()) if (t === DataType.FLOAT) return true;
        return false;
      }
      isBlocked(n) {
        const domain = n.domain ?? "";
        return this.blockedOps.has(n.opType ?? "") || this.blockedNames.has(nodeId(n)) || this.rangeBlocked.has(n) || !CONVERTIBLE_DOMAINS.has(domain) || this.functions.has(`${domain}:${n.opType}`) || domain !== "com.microsoft" && blockedForm(n, this.opset);
      }
      isFloat(scope, name) {
        return name !== "" && typeIn(this.types, scope, name) === DataType.FLOAT;
      }
      /** float32 payload → clamped fp16, in place. */
      convertTensor(t) {
        if (t.dataType !== DataType.FLOAT) return;
        const ready = this.prepared.get(t);
        let clamped;
        if (ready) {
          adoptPayload(t, ready.half);
          clamped = ready.clamped;
        } else {
          const converted2 = float32BytesToFloat16(tensorBytes(t, this.external));
          replacePayload(this.external, t, converted2.bytes);
          clamped = converted2.clamped;
        }
        t.dataType = DataType.FLOAT16;
        this.stats.tensors++;
        this.stats.clampedValues += clamped;
      }
      /** Float Constant values, Cast targets and float dtype attributes of a convertible node. */
      convertNode(n) {
        if (isConstantNode(n)) {
          const t = constantNodeTensor(n, this.external);
          if (t?.dataType === DataType.FLOAT) {
            this.convertTensor(t);
            const a = n.attribute[0];
            if (a.name !== "value") {
              n.attribute = [{ ...a, name: "value", type: 4, t, f: void 0, floats: [] }];
            }
          }
          return;
        }
        if (n.opType === "ConstantOfShape") {
          const t = attr(n, "value")?.t;
          if (t) this.convertTensor(t);
          else n.attribute.push(tensorAttr("value", makeTensor("", DataType.FLOAT16, [1], new Uint8Array(2))));
        }
        for (const a of n.attribute) {
          if (a.name === "to" && n.opType === "Cast" || DTYPE_ATTRIBUTES.has(a.name ?? "")) {
            if (a.i === BigInt(DataType.FLOAT)) {
              a.i = BigInt(DataType.FLOAT16);
              this.stats.castsRetargeted++;
            }
          }
        }
        const implicit = FLOAT_BY_DEFAULT[n.opType ?? ""];
        if (implicit && !attr(n, implicit)) {
          n.attribute.push(intAttr(implicit, DataType.FLOAT16));
          this.stats.castsRetargeted++;
        }
      }
      /** Casts around a blocked node: float16 → float32 before, float32 → float16 after. */
      guard(n, scope, keep) {
        const before = [];
        n.input.forEach((input, i) => {
          if (!this.isFloat(scope, input) || keep.has(input)) return;
          const cast2 = freshName(this.names, `${input}_fp32`);
          before.push(this.castNode(input, cast2, DataType.FLOAT));
          n.input[i] = cast2;
        });
        this.stats.castsInserted += before.length;
        this.stats.blockedNodes++;
        return [before, this.castOutputs(n, scope, n.output.map((_, i) => i))];
      }
      /** Float32 outputs `indices` of `n` are renamed and cast to float16 under their own name. */
      castOutputs(n, scope, indices) {
        const after = [];
        for (const i of indices) {
          const output = n.output[i];
          if (!output || !this.isFloat(scope, output)) continue;
          const raw = freshName(this.names, `${output}_fp32`);
          n.output[i] = raw;
          after.push(this.castNode(raw, output, DataType.FLOAT16));
        }
        this.stats.castsInserted += after.length;
        return after;
      }
      /** Float initializers that only blocked nodes read: they stay float32. */
      keptFloat32(scope, isDefault) {
        const keep = /* @__PURE__ */ new Set();
        const outputs = new Set(scope.graph.output.map((o) => o.name));
        const floats = scope.graph.initializer.filter((t) => t.dataType === DataType.FLOAT && t.name && !isDefault(t.name) && !outputs.has(t.name));
        for (const [name, uses] of usesOfAll(scope, floats.map((t) => t.name))) {
          if (uses.length > 0 && uses.every((u) => u.inputIndex >= 0 && this.isBlocked(u.node))) keep.add(name);
        }
        return keep;
      }
      convertScope(scope, isMain) {
        const g = scope.graph;
        const isDefault = (name) => isMain && this.opts.keepIoTypes && !this.weightsAreInputs && this.initializerInputs.has(name);
        const keep = this.keptFloat32(scope, isDefault);
        const nodes = [];
        for (const n of g.node) {
          if (!this.isBlocked(n)) {
            this.convertNode(n);
            nodes.push(n, ...this.castOutputs(n, scope, FLOAT32_OUTPUTS[n.opType ?? ""] ?? []));
            continue;
          }
          const [before, after] = this.guard(n, scope, keep);
          nodes.push(...before, n, ...after);
        }
        g.node = nodes;
        for (const t of g.initializer) {
          if (t.name && (keep.has(t.name) || isDefault(t.name))) this.stats.keptFloat32++;
          else this.convertTensor(t);
        }
        for (const s of g.sparseInitializer) if (s.values) this.convertTensor(s.values);
        const retype = (v) => {
          const tt = v.type?.tensorType;
          if (tt?.elemType === DataType.FLOAT && !keep.has(v.name ?? "")) tt.elemType = DataType.FLOAT16;
        };
        g.valueInfo.forEach(retype);
        if (!isMain || !this.opts.keepIoTypes) {
          g.input.forEach(retype);
          g.output.forEach(retype);
        } else if (this.weightsAreInputs) {
          for (const v of g.input) if (this.initializerInputs.has(v.name ?? "")) retype(v);
        }
      }
      /** keep-io-types: float32 graph inputs are cast to fp16 on entry, fp16 results back to float32 on exit. */
      castMainBoundary(scope) {
        const g = scope.graph;
        const entry = [];
        for (const v of g.input) {
          if (v.type?.tensorType?.elemType !== DataType.FLOAT || !v.name) continue;
          if (this.weightsAreInputs && this.initializerInputs.has(v.name)) continue;
          const half = freshName(this.names, `${v.name}_fp16`);
          if (replaceAllUses(scope, v.name, half) === 0) continue;
          entry.push(this.castNode(v.name, half, DataType.FLOAT16));
        }
        const exit = [];
        for (const v of g.output) {
          if (v.type?.tensorType?.elemType !== DataType.FLOAT || !v.name) continue;
          const producer = g.node.find((n) => n.output.includes(v.name));
          if (!producer) continue;
          const half = freshName(this.names, `${v.name}_fp16`);
          replaceAllUses(scope, v.name, half);
          producer.output[producer.output.indexOf(v.name)] = half;
          exit.push(this.castNode(half, v.name, DataType.FLOAT));
        }
        g.node = [...entry, ...g.node, ...exit];
        this.stats.castsInserted += entry.length + exit.length;
      }
    };
  }
});

// src/stages/optimize.ts
import { mkdtempSync as mkdtempSync2, rmSync as rmSync5 } from "node:fs";
import path8 from "node:path";
function parseOptimizeOptions(o) {
  rejectUnknownOptions("optimize", o, ["level"]);
  return { level: choiceOption("optimize", o, "level", ["basic", "extended"]) };
}
function opCounts(model) {
  const counts = /* @__PURE__ */ new Map();
  forEachGraph(model, ({ graph }) => {
    for (const n of graph.node) {
      const key = n.domain ? `${n.domain}:${n.opType}` : n.opType ?? "";
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  });
  return counts;
}
function total(counts) {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
}
async function loadForOptimizer(host, input, options) {
  try {
    await host.load(input, options);
  } catch (e) {
    const said = ortSaid(e).replaceAll(input, "the model");
    throw new OnnxFormatError(`stage optimize: onnxruntime cannot load the model (${said}); this stage needs a model onnxruntime runs: leave optimize out of this model's stages`);
  }
}
function optimizeStage(options = {}) {
  const { level } = parseOptimizeOptions(options);
  return {
    name: "optimize",
    async run(model, ctx) {
      const dir = mkdtempSync2(path8.join(ctx.tmpDir, "optimize-"));
      const host = startOrtHost();
      try {
        const input = path8.join(dir, "input.onnx");
        const output = path8.join(dir, "optimized.onnx");
        const source = ctx.external instanceof ExternalDataReader ? ctx.external : void 0;
        saveModel(model, input, { externalData: "auto", source });
        await loadForOptimizer(host, input, { graphOptimizationLevel: level, optimizedModelFilePath: output, threads: 1 });
        await host.close();
        const loaded = loadModel(output);
        forEachTensor(loaded.model, (t) => {
          if (isExternal(t)) setTensorRaw(t, tensorBytes(t, loaded.external));
        });
        const before = opCounts(model);
        const after = opCounts(loaded.model);
        const added = [...after.keys()].filter((k) => !before.has(k)).sort();
        const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
        ctx.log(`optimize (${level}): ${total(before)} \u2192 ${total(after)} nodes`);
        return {
          model: loaded.model,
          details: {
            level,
            nodesBefore: total(before),
            nodesAfter: total(after),
            opTypesAdded: added,
            opTypesRemoved: removed,
            contribOps: [...after].filter(([k]) => k.startsWith("com.microsoft:")).reduce((n, [, c]) => n + c, 0)
          }
        };
      } finally {
        await host.close();
        rmSync5(dir, { recursive: true, force: true });
      }
    }
  };
}
var init_optimize = __esm({
  "src/stages/optimize.ts"() {
    "use strict";
    init_ort_runner();
    init_errors();
    init_external();
    init_graph();
    init_model_io();
    init_tensor();
    init_options();
  }
});

// src/stages/upgrade-opset.ts
function opsetTargetOption(o) {
  const v = o.target;
  if (v === void 0) return DEFAULT_OPSET_TARGET;
  if (v === "latest") return LATEST_ORT_OPSET;
  const n = typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 7 || n > MAX_OPSET) {
    throw new UsageError(`upgrade-opset: target must be an opset from 7 to ${MAX_OPSET} or 'latest' (${LATEST_ORT_OPSET}), got ${JSON.stringify(v)}`);
  }
  return n;
}
function upgradeOpsetStage(options) {
  rejectUnknownOptions("upgrade-opset", options, ["target"]);
  const target = opsetTargetOption(options);
  return {
    name: "upgrade-opset",
    run(model) {
      const { model: out, details } = upgradeOpset(model, target);
      return { model: out, details: { ...details } };
    }
  };
}
var DEFAULT_OPSET_TARGET;
var init_upgrade_opset = __esm({
  "src/stages/upgrade-opset.ts"() {
    "use strict";
    init_errors();
    init_options();
    init_upgrade();
    DEFAULT_OPSET_TARGET = 13;
  }
});

// src/stages/registry.ts
function createStage(spec) {
  const [name, options] = typeof spec === "string" ? [spec, {}] : Object.entries(spec)[0] ?? ["", {}];
  const factory = STAGES[name];
  if (!factory) {
    throw new UsageError(`unknown stage '${name}'; known stages: ${Object.keys(STAGES).join(", ")}`);
  }
  return factory(options ?? {});
}
function parseStageList(list) {
  return list.split(",").map((s) => s.trim()).filter(Boolean);
}
var STAGES;
var init_registry2 = __esm({
  "src/stages/registry.ts"() {
    "use strict";
    init_errors();
    init_dedup();
    init_prune();
    init_quantize_int8();
    init_quantize_int4();
    init_fp16();
    init_optimize();
    init_fold_batchnorm();
    init_upgrade_opset();
    STAGES = {
      dedup: dedupStage,
      prune: pruneStage,
      "quantize-int8": quantizeInt8Stage,
      "quantize-int4": quantizeInt4Stage,
      fp16: fp16Stage,
      optimize: optimizeStage,
      "fold-batchnorm": foldBatchNormStage,
      "upgrade-opset": upgradeOpsetStage
    };
  }
});

// src/pipeline/digest.ts
import { createHash as createHash5 } from "node:crypto";
import { closeSync as closeSync4, openSync as openSync4, readSync as readSync2, statSync as statSync3 } from "node:fs";
function digestFiles(paths, withHash = true) {
  const files = paths.map((p) => ({ path: p, bytes: statSync3(p).size }));
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  if (!withHash) return { bytes, files };
  const hash = createHash5("sha256");
  const buf = Buffer.allocUnsafe(CHUNK);
  for (const p of paths) {
    const fd = openSync4(p, "r");
    try {
      for (let n; (n = readSync2(fd, buf, 0, CHUNK, null)) > 0; ) hash.update(buf.subarray(0, n));
    } finally {
      closeSync4(fd);
    }
  }
  return { bytes, sha256: hash.digest("hex"), files };
}
var CHUNK;
var init_digest = __esm({
  "src/pipeline/digest.ts"() {
    "use strict";
    CHUNK = 1 << 20;
  }
});

// src/pipeline/folders.ts
import { existsSync as existsSync5, mkdirSync as mkdirSync2, statSync as statSync4 } from "node:fs";
import path9 from "node:path";
function missingFolders(dir, what) {
  const missing = [];
  let d = path9.resolve(dir);
  while (!existsSync5(d) && path9.dirname(d) !== d) {
    missing.unshift(d);
    d = path9.dirname(d);
  }
  if (!statSync4(d).isDirectory()) throw new UsageError(`${what}: ${d} is a file, not a folder`);
  return missing;
}
function createFolders(missing, what) {
  for (const m of missing) {
    try {
      mkdirSync2(m);
    } catch (e) {
      if (e.code === "EEXIST") continue;
      throw new UsageError(`${what}: cannot create folder ${m} (${e.code ?? String(e)})`);
    }
  }
}
function ensureFolder(dir, what) {
  createFolders(missingFolders(dir, what), what);
}
var init_folders = __esm({
  "src/pipeline/folders.ts"() {
    "use strict";
    init_errors();
  }
});

// src/pipeline/progress.ts
var silentProgress;
var init_progress2 = __esm({
  "src/pipeline/progress.ts"() {
    "use strict";
    silentProgress = {
      step: async (_label, work) => work(),
      note: () => {
      }
    };
  }
});

// src/pipeline/compress.ts
import { existsSync as existsSync6, mkdtempSync as mkdtempSync3, rmSync as rmSync6, statSync as statSync5 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import path10 from "node:path";
function modelFiles(loaded) {
  const files = /* @__PURE__ */ new Set([path10.resolve(loaded.path)]);
  forEachTensor(loaded.model, (t) => {
    if (isExternal(t)) files.add(loaded.external.resolve(loaded.external.range(t).location, t.name));
  });
  return [...files];
}
function sameFile(a, b) {
  if (path10.resolve(a) === path10.resolve(b)) return true;
  try {
    const sa = statSync5(a);
    const sb = statSync5(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
function refuseOverwrite(output, inputs) {
  for (const target of [output, `${output}.data`]) {
    const hit = inputs.find((f) => sameFile(f, target));
    if (hit) {
      throw new UsageError(`${output}: output would overwrite the input file ${hit}; choose another output path`);
    }
  }
}
function checkOutputPath(output) {
  const target = path10.resolve(output);
  if (existsSync6(target) && statSync5(target).isDirectory()) {
    throw new UsageError(`${output}: is a folder; give the output model's file name`);
  }
  return missingFolders(path10.dirname(target), output);
}
function namingSource(e, source) {
  if (!(e instanceof OnnxFormatError || e instanceof UsageError)) return e;
  if (e.message.includes(source) || /^(\/|\S+\.\w+: )/.test(e.message)) return e;
  const named2 = e instanceof OnnxFormatError ? new OnnxFormatError(`${source}: ${e.message}`) : new UsageError(`${source}: ${e.message}`);
  named2.stack = e.stack;
  return named2;
}
function reported(stage, progress) {
  return { name: stage.name, run: (model, ctx) => progress.step(`stage ${stage.name}`, () => stage.run(model, ctx)) };
}
async function compressModel(source, output, opts = {}) {
  const progress = opts.progress ?? silentProgress;
  const withHash = opts.digest ?? true;
  const stages = (opts.stages ?? DEFAULT_STAGES).map((s) => reported(createStage(s), progress));
  refuseOverwrite(output, [source]);
  const newFolders = checkOutputPath(output);
  const loaded = await progress.step(`load ${source}`, () => loadModel(source));
  const tmpDir = mkdtempSync3(path10.join(tmpdir2(), "onnx-diet-"));
  let data = loaded.external;
  try {
    const inputs = modelFiles(loaded);
    refuseOverwrite(output, inputs);
    const original = withHash ? await progress.step("sha256 of the input", () => digestFiles(inputs)) : digestFiles(inputs, false);
    data = inputs.length > 1 ? new SpillingReader(loaded.path, tmpDir) : loaded.external;
    const { model, results } = await runStages(loaded.model, stages, {
      external: data,
      tmpDir,
      log: (message) => progress.note(message)
    }).catch((e) => {
      throw namingSource(e, source);
    });
    createFolders(newFolders, output);
    const saved = await progress.step(`save ${output}`, () => saveModel(model, output, { externalData: opts.externalData ?? "auto", source: data }));
    const outFiles = saved.dataPath ? [saved.path, saved.dataPath] : [saved.path];
    const compressed = withHash ? await progress.step("sha256 of the output", () => digestFiles(outFiles)) : digestFiles(outFiles, false);
    return { source, output, original, compressed, stages: results };
  } finally {
    if (data !== loaded.external) data.close();
    loaded.external.close();
    rmSync6(tmpDir, { recursive: true, force: true });
  }
}
var DEFAULT_STAGES;
var init_compress = __esm({
  "src/pipeline/compress.ts"() {
    "use strict";
    init_errors();
    init_graph();
    init_model_io();
    init_spill();
    init_tensor();
    init_pipeline();
    init_registry2();
    init_digest();
    init_folders();
    init_progress2();
    DEFAULT_STAGES = ["dedup", "prune"];
  }
});

// src/pipeline/auto-search.ts
import { rmSync as rmSync7 } from "node:fs";
import path11 from "node:path";
import { performance as performance3 } from "node:perf_hooks";
function modelStructure(file) {
  const loaded = loadModel(file);
  loaded.external.close();
  return loaded.model;
}
var Search;
var init_auto_search = __esm({
  "src/pipeline/auto-search.ts"() {
    "use strict";
    init_errors();
    init_model_io();
    init_table();
    init_auto_candidates();
    init_auto_judge();
    init_auto_report();
    init_auto_sensitivity();
    init_compress();
    init_digest();
    Search = class {
      constructor(opts, judge, tmp, base, started, clock = () => performance3.now()) {
        this.opts = opts;
        this.judge = judge;
        this.tmp = tmp;
        this.base = base;
        this.started = started;
        this.clock = clock;
      }
      opts;
      judge;
      tmp;
      base;
      started;
      clock;
      candidates = [];
      sensitivity = [];
      files = /* @__PURE__ */ new Map();
      targets = /* @__PURE__ */ new Map();
      digests = /* @__PURE__ */ new Map();
      verdicts = /* @__PURE__ */ new WeakMap();
      seq = 0;
      best;
      timedOut = false;
      get elapsedMs() {
        return this.clock() - this.started;
      }
      timeUp = () => this.elapsedMs > this.opts.maxSearchTimeS * 1e3;
      /** Whether `c` (passing) beats the best so far under the objective. */
      beats(c) {
        const b = this.best;
        if (!b) return true;
        if (this.opts.objective === "latency") return (c.latency?.p50Ms ?? Infinity) < (b.latency?.p50Ms ?? Infinity);
        return c.bytes < b.bytes;
      }
      async build(recipe, floatNodes) {
        const stages = lossyStages(recipe, floatNodes);
        if (!stages.length) return { file: this.base.file, bytes: this.base.bytes };
        const file = path11.join(this.tmp, `candidate-${++this.seq}.onnx`);
        const r = await compressModel(this.base.file, file, { stages, digest: false });
        return { file, bytes: r.compressed.bytes };
      }
      discard(file) {
        if (file !== this.base.file) for (const f of [file, `${file}.data`]) rmSync7(f, { force: true });
      }
      /** Builds a candidate (size only); an error is recorded on it. */
      async add(recipe, floatNodes = []) {
        const c = { recipe: recipe.label, stages: recipeStages(recipe, floatNodes), floatLayers: floatNodes, status: "skipped" };
        this.candidates.push(c);
        const t0 = performance3.now();
        try {
          const built = await this.build(recipe, floatNodes);
          c.bytes = built.bytes;
          this.files.set(c, built);
        } catch (e) {
          c.status = "error";
          c.note = e instanceof Error ? e.message : String(e);
        }
        c.ms = Math.round(performance3.now() - t0);
        return c;
      }
      /** Verifies a built candidate (the base ignores the clock: it is what a search out of time returns). */
      async verify(c, recipe) {
        const built = this.files.get(c);
        if (!built) return c;
        const t0 = performance3.now();
        try {
          const v = await this.opts.progress.step(`${this.opts.name}auto: check ${candidateLabel(c)} (${formatBytes(c.bytes)})`, () => this.judge.judge(built.file, { latency: this.opts.objective === "latency", timeUp: recipe.stage ? this.timeUp : void 0 }));
          this.verdicts.set(c, v);
          c.status = v.passed ? "passed" : "failed";
          c.parity = parityOf(v);
          if (v.latency) c.latency = v.latency;
          if (v.slow) c.note = v.slow;
          this.opts.progress.note(`${candidateLabel(c)}: ${formatBytes(c.bytes)}, parity ${v.passed ? "passed" : "failed"} (score ${finite(v.score) ?? "\u221E"})${v.latency ? `, p50 ${v.latency.p50Ms.toFixed(3)} ms` : ""}`);
          if (recipe.excludable && !v.passed && !v.slow && c.floatLayers.length === 0) {
            this.targets.set(c, { candidate: c, recipe, ...quantizedLayers(this.base.model, modelStructure(built.file)) });
          }
          if (v.passed && this.beats(c)) this.best = c;
        } catch (e) {
          if (e instanceof UsageError) throw e;
          if (e instanceof SearchTimeUp) {
            this.timedOut = true;
            c.note = "max-search-time ran out during its check";
          } else {
            c.status = "error";
            c.note = e instanceof Error ? e.message.replace(/\s*\n\s*/g, " ") : String(e);
          }
        } finally {
          this.discard(built.file);
          this.files.delete(c);
          c.ms = (c.ms ?? 0) + Math.round(performance3.now() - t0);
        }
        return c;
      }
      /**
       * An earlier candidate that built the very same file (int4's embedding options on a model without
       * embeddings): verifying it twice would tell nothing new.
       */
      twinOf(c) {
        const built = this.files.get(c);
        if (!built) return void 0;
        const digest = (file) => {
          if (!this.digests.has(file)) this.digests.set(file, digestFiles([file]).sha256);
          return this.digests.get(file);
        };
        return this.candidates.find((o) => o !== c && o.bytes === c.bytes && this.files.has(o) && digest(this.files.get(o).file) === digest(built.file));
      }
      /** Lists a recipe the time left no room to build. */
      notBuilt(recipe) {
        this.candidates.push({ recipe: recipe.label, stages: recipeStages(recipe), floatLayers: [], status: "skipped", note: "max-search-time ran out before it was built" });
      }
      /** Marks `c` as not verified, saying why. */
      skip(c, note) {
        const built = this.files.get(c);
        if (built) this.discard(built.file);
        this.files.delete(c);
        c.status = "skipped";
        c.note ??= note;
      }
      /** The failing plain recipes the fallback can work on, smallest first. */
      fallbackTargets() {
        return [...this.targets.values()].sort((a, b) => a.candidate.bytes - b.candidate.bytes);
      }
      /**
       * Per-layer fallback for one failing recipe: rank its layers, then the fewest most-sensitive ones back
       * in float. Every greedy attempt is a candidate in the report; sensitivity probes are summarized apart.
       */
      async fallback({ candidate: failed, recipe, layers }) {
        const { method, why } = sensitivityMethod(layers.length);
        const memo = /* @__PURE__ */ new Map();
        const attempt = (listed, bounded) => async (floatNodes) => {
          const key = [...floatNodes].sort().join("\n");
          const known = memo.get(key);
          if (known) return known;
          if (this.timeUp()) {
            this.timedOut = true;
            return void 0;
          }
          const c = await this.add(recipe, floatNodes);
          const best = this.best;
          const tooBig = bounded && this.opts.objective === "size" && best !== void 0 && c.bytes !== void 0 && c.bytes >= best.bytes;
          if (tooBig) this.skip(c, `not smaller than ${candidateLabel(best)}, which passed`);
          else await this.verify(c, recipe);
          if (!listed && this.best !== c) this.candidates.splice(this.candidates.indexOf(c), 1);
          if (c.status === "skipped" && !tooBig) return void 0;
          const v = this.verdicts.get(c);
          const a = { floatNodes, bytes: c.bytes ?? Infinity, passed: c.status === "passed", score: v?.score ?? Infinity, drift: v?.drift ?? Infinity };
          memo.set(key, a);
          return a;
        };
        const ranking = await this.opts.progress.step(`${this.opts.name}auto: sensitivity of ${layers.length} layers of ${failed.recipe} (${method})`, () => rankLayers(layers, method, attempt(false, method === "all-but-one")));
        this.sensitivity.push({
          recipe: failed.recipe,
          method,
          why,
          complete: ranking.complete,
          layers: ranking.layers.map((l) => ({
            weight: l.weight,
            nodes: l.nodes,
            ...l.probe ? { bytes: l.probe.bytes, score: finite(l.probe.score), passed: l.probe.passed } : { score: null }
          }))
        });
        if (!ranking.complete) return;
        const maxBytes = this.opts.objective === "size" && this.best ? this.best.bytes : Infinity;
        const result = await fewestFloatLayers(ranking.layers, attempt(true, true), maxBytes);
        if (result.found) this.opts.progress.note(`${failed.recipe}: passes with ${result.found.floatNodes.length} node(s) in float`);
      }
      /** Deletes every file still held. */
      cleanup() {
        for (const b of this.files.values()) this.discard(b.file);
        this.files.clear();
      }
    };
  }
});

// src/pipeline/auto.ts
import { mkdtempSync as mkdtempSync4, rmSync as rmSync8 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import path12 from "node:path";
import { performance as performance4 } from "node:perf_hooks";
function judgeSettings(source, opts, progressName, progress) {
  const parity = opts.parity || { ...DEFAULT_PARITY, dims: {}, thresholds: { where: {} }, outputs: {} };
  const latency = opts.latency || DEFAULT_LATENCY;
  return progress.step(`${progressName}sample inputs (${parity.inputs})`, () => {
    const autoDims2 = [];
    const samples = loadSamplesFor(source, parity.inputs, {
      samples: parity.samples,
      seed: parity.seed,
      dims: parity.dims,
      onDim: (d) => {
        autoDims2.push(d);
        if (d.why !== "dims:") progress.note(`${progressName}auto inputs use ${d.name} = ${d.value} (${d.why})`);
      }
    });
    const budget = (name) => opts.budgets?.find((b) => b.name === name)?.limit;
    const maxDrop = budget("max-accuracy-drop");
    const labels = parity.labels ? { values: readLabels(parity.labels), output: parity.labelsOutput, maxDrop } : void 0;
    const [maxLatencyMs, minSpeedup] = [budget("max-latency-ms"), budget("min-speedup")];
    const speed = maxLatencyMs !== void 0 || minSpeedup !== void 0 ? { maxLatencyMs, minSpeedup } : void 0;
    return { samples, thresholds: { thresholds: parity.thresholds, outputs: parity.outputs }, labels, threads: latency.threads, latency, speed, autoDims: autoDims2 };
  });
}
function describe(c, objective) {
  const measure = objective === "latency" && c.latency ? `p50 ${c.latency.p50Ms.toFixed(3)} ms` : formatBytes(c.bytes);
  return `${candidateLabel(c)} (${measure})`;
}
async function autoCompress(source, output, opts) {
  const progress = opts.progress ?? silentProgress;
  const name = opts.name ? `${opts.name}: ` : "";
  const objective = opts.objective ?? "size";
  const maxSearchTimeS = opts.maxSearchTimeS ?? DEFAULT_MAX_SEARCH_TIME_S;
  const clock = opts.clock ?? (() => performance4.now());
  const started = clock();
  const tmp = mkdtempSync4(path12.join(tmpdir3(), "onnx-diet-auto-"));
  let search;
  try {
    const settings = await judgeSettings(source, opts, name, progress);
    const judge = await progress.step(`${name}auto: run the original on ${settings.samples.length} samples`, () => CandidateJudge.open(opts.host, source, settings));
    const baseFile = path12.join(tmp, "base.onnx");
    const base = await progress.step(`${name}auto: build ${BASE_STAGES.join("+")}`, () => compressModel(source, baseFile, { stages: BASE_STAGES, digest: false }));
    const baseModel = modelStructure(baseFile);
    search = new Search({ objective, maxSearchTimeS, progress, name }, judge, tmp, { file: baseFile, bytes: base.compressed.bytes, model: baseModel }, started, clock);
    const s = search;
    const [baseRecipe, ...lossy] = recipesFor(baseModel);
    await s.verify(await s.add(baseRecipe), baseRecipe);
    const plain = [];
    for (const recipe of lossy) {
      if (s.timeUp()) {
        s.timedOut = true;
        s.notBuilt(recipe);
        continue;
      }
      const c = await progress.step(`${name}auto: build ${recipe.label}`, () => s.add(recipe));
      const twin = s.twinOf(c);
      if (twin) s.skip(c, `the same model as ${twin.recipe}`);
      plain.push([c, recipe]);
    }
    if (objective === "size") {
      plain.sort(([a], [b]) => (a.bytes ?? Infinity) - (b.bytes ?? Infinity));
      s.candidates.splice(1, plain.length, ...plain.map(([c]) => c));
    }
    for (const [c, recipe] of plain) {
      if (c.status === "error" || c.note) continue;
      if (s.timeUp()) {
        s.timedOut = true;
        s.skip(c, "max-search-time ran out before its check");
      } else if (objective === "size" && s.best && c.bytes >= s.best.bytes) {
        s.skip(c, `not smaller than ${candidateLabel(s.best)}, which passed`);
      } else await s.verify(c, recipe);
    }
    for (const target of s.fallbackTargets()) {
      if (objective === "size" && s.best && target.candidate.bytes >= s.best.bytes) break;
      if (s.timeUp()) {
        s.timedOut = true;
        break;
      }
      if (target.layers.length < 2) continue;
      await s.fallback(target);
    }
    const baseCandidate = s.candidates[0];
    const chosen = s.best ?? baseCandidate;
    const failedSmaller = s.candidates.filter((c) => c.status === "failed" && c.bytes < chosen.bytes).length;
    let reason = s.best ? `${objective === "latency" ? "fastest" : "smallest"} passing candidate: ${describe(chosen, objective)}` : `no candidate passed parity${baseCandidate.note ? " and the speed budgets" : ""}; returning the lossless ${baseCandidate.recipe} model`;
    if (s.best && objective === "size" && failedSmaller) reason += `; ${failedSmaller} smaller candidate${failedSmaller === 1 ? "" : "s"} failed parity`;
    if (s.timedOut) {
      const checked = s.candidates.filter((c) => c.status === "passed" || c.status === "failed").length;
      reason = `max-search-time (${maxSearchTimeS} s) ran out after ${checked} checked candidate${checked === 1 ? "" : "s"}; returning the best passing so far: ${s.best ? describe(chosen, objective) : `none passed, so the lossless ${baseCandidate.recipe} model`}`;
    }
    const elapsedMs = Math.round(s.elapsedMs);
    progress.note(`auto: ${reason}`);
    const result = await compressModel(source, output, { stages: chosen.stages, externalData: opts.externalData ?? "auto", progress });
    return {
      ...result,
      auto: {
        objective,
        maxSearchTimeS,
        elapsedMs,
        timedOut: s.timedOut,
        candidates: s.candidates,
        chosen: s.candidates.indexOf(chosen),
        reason,
        sensitivity: s.sensitivity
      }
    };
  } finally {
    search?.cleanup();
    rmSync8(tmp, { recursive: true, force: true });
  }
}
var init_auto = __esm({
  "src/pipeline/auto.ts"() {
    "use strict";
    init_types2();
    init_input_files();
    init_inputs();
    init_table();
    init_auto_candidates();
    init_auto_judge();
    init_auto_report();
    init_auto_search();
    init_compress();
    init_progress2();
    init_auto_report();
  }
});

// src/cli/compress.ts
var compress_exports = {};
__export(compress_exports, {
  compressCommand: () => compressCommand
});
async function compressAuto(input, output, values2, options) {
  if (values2.stages !== void 0) throw new UsageError("compress: give --stages or --auto, not both (--auto picks the stages)");
  const objective = values2.objective ?? "size";
  if (objective !== "size" && objective !== "latency") throw new UsageError(`compress: --objective must be size or latency, not '${objective}'`);
  const seconds2 = values2["max-search-time"] === void 0 ? DEFAULT_MAX_SEARCH_TIME_S : Number(values2["max-search-time"]);
  if (!(seconds2 > 0)) throw new UsageError(`compress: --max-search-time must be a number of seconds > 0, not '${values2["max-search-time"]}'`);
  const host = startOrtHost();
  try {
    return await autoCompress(input, output, {
      host,
      objective,
      maxSearchTimeS: seconds2,
      progress: options.progress,
      externalData: options.externalData
    });
  } finally {
    await host.close();
  }
}
var help2, compressCommand;
var init_compress2 = __esm({
  "src/cli/compress.ts"() {
    "use strict";
    init_ort_runner();
    init_errors();
    init_types2();
    init_auto();
    init_compress();
    init_json();
    init_table();
    init_registry2();
    init_args();
    init_progress();
    help2 = `Runs compression stages on the model IN and writes the result to OUT (never over IN;
OUT's folder is created if missing). Prints a size table per stage.

  -o, --output FILE    where to write the compressed model (required)
  --stages LIST        comma-separated stage names, in order (default: ${DEFAULT_STAGES.join(",")});
                       dedup, prune, quantize-int8, quantize-int4, fp16, optimize
  --auto               search for the smallest recipe that passes parity (int8, int4, fp16,
                       with layers kept in float when needed) on 4 auto inputs with the
                       default thresholds; the JSON report lists every candidate
  --objective WHAT     with --auto: size (default) or latency
  --max-search-time S  with --auto: seconds the search may take (default ${DEFAULT_MAX_SEARCH_TIME_S})
  --json FILE          write the report JSON (sizes, sha256, per-stage details)
  --external-data      write weights to OUT.data beside OUT (automatic past 2 GB)
  -h, --help           show this help`;
    compressCommand = defineCommand({
      name: "compress",
      help: help2,
      options: {
        output: { type: "string", short: "o" },
        stages: { type: "string" },
        json: { type: "string" },
        "external-data": { type: "boolean" },
        auto: { type: "boolean" },
        objective: { type: "string" },
        "max-search-time": { type: "string" }
      },
      args: ["the input model (IN)"],
      async run(values2, [input]) {
        if (!values2.output) throw new UsageError("compress: missing -o OUT (where to write the compressed model)");
        const stages = values2.stages === void 0 ? DEFAULT_STAGES : parseStageList(values2.stages);
        if (stages.length === 0) throw new UsageError("compress: --stages is empty; give stage names such as dedup,prune");
        const options = {
          stages,
          externalData: values2["external-data"] ? true : "auto",
          digest: values2.json !== void 0,
          progress: createProgress()
        };
        if (!values2.auto && (values2.objective !== void 0 || values2["max-search-time"] !== void 0)) {
          throw new UsageError("compress: --objective and --max-search-time go with --auto");
        }
        const result = values2.auto ? await compressAuto(input, values2.output, values2, options) : await compressModel(input, values2.output, options);
        process.stdout.write(`${compressTable(result)}
${result.auto ? `${result.auto.reason}
` : ""}`);
        if (values2.json !== void 0) writeJsonFile(values2.json, buildReport([modelReport(result)]));
        return 0;
      }
    });
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap2;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    function visit_(key, node, visitor, path17) {
      const ctrl = callVisitor(key, node, visitor, path17);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path17, ctrl);
        return visit_(key, ctrl, visitor, path17);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path17 = Object.freeze(path17.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path17);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path17 = Object.freeze(path17.concat(node));
          const ck = visit_("key", node.key, visitor, path17);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path17);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path17) {
      const ctrl = await callVisitor(key, node, visitor, path17);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path17, ctrl);
        return visitAsync_(key, ctrl, visitor, path17);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path17 = Object.freeze(path17.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path17);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path17 = Object.freeze(path17.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path17);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path17);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path17) {
      if (typeof visitor === "function")
        return visitor(key, node, path17);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path17);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path17);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path17);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path17);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path17);
      return void 0;
    }
    function replaceNode(key, path17, node) {
      const parent = path17[path17.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit2;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit2.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root2) {
      const anchors = /* @__PURE__ */ new Set();
      visit2.visit(root2, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit2 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit2.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path17, value) {
      let v = value;
      for (let i = path17.length - 1; i >= 0; --i) {
        const k = path17[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path17) => path17 == null || typeof path17 === "object" && !!path17[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path17, value) {
        if (isEmptyPath(path17))
          this.add(value);
        else {
          const [key, ...rest] = path17;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path17) {
        const [key, ...rest] = path17;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path17, keepScalar) {
        const [key, ...rest] = path17;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path17) {
        const [key, ...rest] = path17;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path17, value) {
        const [key, ...rest] = path17;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split2 = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split2 = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split2 = i;
          }
          if (i >= end) {
            if (split2) {
              folds.push(split2);
              end = split2 + endStep;
              split2 = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split2 = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float2();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float3();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float2();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path17, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path17, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path17) {
        if (Collection.isEmptyPath(path17)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path17) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path17, keepScalar) {
        if (Collection.isEmptyPath(path17))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path17, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path17) {
        if (Collection.isEmptyPath(path17))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path17) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path17, value) {
        if (Collection.isEmptyPath(path17)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path17), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path17, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split2 = source.split(/\n( *)/);
      const first = split2[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split2.length; i += 2)
        lines.push([split2[i], split2[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path17) => {
      let item = cst;
      for (const [field, index] of path17) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit2.parentCollection = (cst, path17) => {
      const parent = visit2.itemAtPath(cst, path17.slice(0, -1));
      const field = path17[path17.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path17, item, visitor) {
      let ctrl = visitor(item, path17);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path17.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path17);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path17) : ctrl;
    }
    exports.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit2 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit2.visit;
    exports.visitAsync = visit2.visitAsync;
  }
});

// src/config/sizes.ts
function parseSize(value) {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : void 0;
  if (typeof value !== "string") return void 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b)?\s*$/i.exec(value);
  if (!m || m[2] === void 0 && m[1].includes(".")) return void 0;
  const unit = UNITS[(m[2] ?? "b").toLowerCase()];
  if (unit === void 0) return void 0;
  const bytes = Math.round(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : void 0;
}
function parseRatio(value) {
  if (typeof value === "number") return Number.isFinite(value) && value >= 1 ? value : void 0;
  if (typeof value !== "string") return void 0;
  const x = /^\s*(\d+(?:\.\d+)?)\s*[x×]\s*$/i.exec(value);
  if (x) return parseRatio(Number(x[1]));
  const p = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
  if (!p) return void 0;
  const removed = Number(p[1]) / 100;
  return removed >= 0 && removed < 1 ? 1 / (1 - removed) : void 0;
}
function parseFactor(value) {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : void 0;
  if (typeof value !== "string") return void 0;
  const x = /^\s*(\d+(?:\.\d+)?)\s*[x×]?\s*$/i.exec(value);
  const n = x ? Number(x[1]) : NaN;
  return n > 0 ? n : void 0;
}
var UNITS, SIZE_PATTERN, RATIO_PATTERN;
var init_sizes = __esm({
  "src/config/sizes.ts"() {
    "use strict";
    UNITS = {
      b: 1,
      kb: 1e3,
      mb: 1e6,
      gb: 1e9,
      tb: 1e12,
      kib: 2 ** 10,
      mib: 2 ** 20,
      gib: 2 ** 30,
      tib: 2 ** 40
    };
    SIZE_PATTERN = "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgGtT]i?)?[bB]\\s*$|^\\s*\\d+\\s*$";
    RATIO_PATTERN = "^\\s*\\d+(\\.\\d+)?\\s*[xX\xD7]\\s*$|^\\s*\\d+(\\.\\d+)?\\s*%\\s*$";
  }
});

// src/config/validate.ts
function validateAgainstSchema(value, schema) {
  return check(value, schema, schema, []);
}
function check(v, s, root2, path17) {
  const issues = checkKeywords(v, s, root2, path17);
  const expected = s["x-expected"];
  if (typeof expected === "string" && issues.length > 0 && issues.every((i) => !i.specific && samePath(i.path, path17))) {
    return [{ path: path17, message: `expected ${expected}, got ${describe2(v)}` }];
  }
  return issues;
}
function checkKeywords(v, s, root2, path17) {
  if (typeof s.$ref === "string") {
    const target = resolveRef(root2, s.$ref);
    return check(v, target, root2, path17);
  }
  for (const key of ["oneOf", "anyOf"]) {
    const branches = s[key];
    if (!branches) continue;
    const results = branches.map((b) => check(v, b, root2, path17));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 1 || passing > 1 && key === "anyOf") continue;
    if (passing > 1) return [{ path: path17, message: `matches more than one form (${describe2(v)})` }];
    let fitting = branches.map((b, i) => shapeFits(v, b, root2) ? i : -1).filter((i) => i >= 0);
    if (fitting.length > 1) fitting = fitting.filter((i) => hasRequired(v, branches[i]));
    if (fitting.length === 1) return results[fitting[0]];
    return [{ path: path17, message: `expected ${branches.map((b) => typeWords(b, root2)).join(" or ")}, got ${describe2(v)}` }];
  }
  if ("const" in s && v !== s.const) return [{ path: path17, message: `expected ${JSON.stringify(s.const)}, got ${describe2(v)}` }];
  if (Array.isArray(s.enum) && !s.enum.includes(v)) {
    const options = s.enum.map(String);
    const hint = typeof v === "string" ? suggest(v, options) : void 0;
    return [{
      path: path17,
      specific: hint !== void 0,
      message: `${describe2(v)} is not one of ${options.join(", ")}${hint ? `; did you mean '${hint}'?` : ""}`
    }];
  }
  if (s.type !== void 0 && !typeMatches(v, s.type)) {
    return [{ path: path17, message: `expected ${typeWords(s, root2)}, got ${describe2(v)}` }];
  }
  if (typeof v === "number") return checkNumber(v, s, path17);
  if (typeof v === "string") return checkString(v, s, path17);
  if (Array.isArray(v)) return checkArray(v, s, root2, path17);
  if (v !== null && typeof v === "object") return checkObject(v, s, root2, path17);
  return [];
}
function checkNumber(v, s, path17) {
  if (!Number.isFinite(v)) return [{ path: path17, message: `must be a finite number, got ${v}`, specific: true }];
  if (Math.abs(v) > LARGEST_EXACT) return [{ path: path17, message: `${v} is too large (at most ${LARGEST_EXACT})`, specific: true }];
  if (typeof s.minimum === "number" && v < s.minimum) return [{ path: path17, message: `must be \u2265 ${s.minimum}, got ${v}` }];
  if (typeof s.maximum === "number" && v > s.maximum) return [{ path: path17, message: `must be \u2264 ${s.maximum}, got ${v}` }];
  if (typeof s.exclusiveMinimum === "number" && v <= s.exclusiveMinimum) {
    return [{ path: path17, message: `must be > ${s.exclusiveMinimum}, got ${v}` }];
  }
  return [];
}
function checkString(v, s, path17) {
  if (typeof s.minLength === "number" && v.length < s.minLength) return [{ path: path17, message: "must not be empty" }];
  if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(v)) {
    return [{ path: path17, message: `${describe2(v)} does not match the expected form` }];
  }
  return [];
}
function checkArray(v, s, root2, path17) {
  if (typeof s.minItems === "number" && v.length < s.minItems) {
    return [{ path: path17, message: `needs at least ${s.minItems} item${s.minItems === 1 ? "" : "s"}` }];
  }
  const items = s.items;
  return items ? v.flatMap((item, i) => check(item, items, root2, [...path17, i])) : [];
}
function checkObject(v, s, root2, path17) {
  const issues = [];
  const props = s.properties ?? {};
  const keys = Object.keys(v);
  for (const req of s.required ?? []) {
    if (!(req in v)) issues.push({ path: path17, message: `missing key '${req}'`, specific: true });
  }
  if (typeof s.minProperties === "number" && keys.length < s.minProperties) {
    issues.push({ path: path17, message: `needs at least ${s.minProperties} key${s.minProperties === 1 ? "" : "s"}` });
  }
  if (typeof s.maxProperties === "number" && keys.length > s.maxProperties) {
    issues.push({ path: path17, message: `takes at most ${s.maxProperties} key${s.maxProperties === 1 ? "" : "s"}, got ${keys.join(", ")}`, specific: true });
  }
  for (const key of keys) {
    const sub2 = Object.hasOwn(props, key) ? props[key] : void 0;
    if (sub2) {
      issues.push(...check(v[key], sub2, root2, [...path17, key]));
    } else if (s.additionalProperties === false) {
      const known = Object.keys(props);
      const hint = suggest(key, known);
      issues.push({
        path: [...path17, key],
        atKey: true,
        specific: true,
        message: `unknown key '${key}'${hint ? `; did you mean '${hint}'?` : ""} (known: ${known.join(", ")})`
      });
    } else if (typeof s.additionalProperties === "object" && s.additionalProperties !== null) {
      issues.push(...check(v[key], s.additionalProperties, root2, [...path17, key]));
    }
  }
  return issues;
}
function resolveRef(root2, ref) {
  if (!ref.startsWith("#/")) throw new Error(`schema: only local $ref is supported, got ${ref}`);
  let node = root2;
  for (const part of ref.slice(2).split("/")) node = node[part];
  if (!node || typeof node !== "object") throw new Error(`schema: $ref ${ref} does not resolve`);
  return node;
}
function jsonType(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}
function typeMatches(v, type) {
  const t = jsonType(v);
  const types2 = Array.isArray(type) ? type : [type];
  return types2.includes(t) || t === "integer" && types2.includes("number");
}
function shapeFits(v, s, root2) {
  if (typeof s.$ref === "string") return shapeFits(v, resolveRef(root2, s.$ref), root2);
  if (s.type !== void 0) return typeMatches(v, s.type);
  if ("const" in s) return jsonType(v) === jsonType(s.const);
  return false;
}
function hasRequired(v, s) {
  const required = s.required ?? [];
  return v !== null && typeof v === "object" && required.length > 0 && required.every((k) => k in v);
}
function typeWords(s, root2) {
  if (typeof s.$ref === "string") return typeWords(resolveRef(root2, s.$ref), root2);
  if (typeof s["x-expected"] === "string") return s["x-expected"];
  if ("const" in s) return JSON.stringify(s.const);
  const types2 = s.type === void 0 ? [] : Array.isArray(s.type) ? s.type : [s.type];
  return types2.map((t) => TYPE_WORDS[t] ?? String(t)).join(" or ") || "something else";
}
function describe2(v) {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}\u2026` : v);
  if (Array.isArray(v)) return "a list";
  if (v === null || v === void 0) return "nothing";
  if (typeof v === "object") return "a mapping";
  return String(v);
}
function suggest(word, candidates) {
  const norm = (s) => s.toLowerCase().replace(/_/g, "-");
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(norm(word), norm(c));
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
function samePath(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
function formatPath(p) {
  const key = (k) => /^[\w.-]+$/.test(k) ? k : JSON.stringify(k);
  return p.map((k, i) => typeof k === "number" ? `[${k}]` : i === 0 ? key(k) : `.${key(k)}`).join("") || "(top level)";
}
var LARGEST_EXACT, TYPE_WORDS;
var init_validate2 = __esm({
  "src/config/validate.ts"() {
    "use strict";
    LARGEST_EXACT = Number.MAX_SAFE_INTEGER;
    TYPE_WORDS = {
      object: "a mapping",
      array: "a list",
      string: "a string",
      integer: "a whole number",
      number: "a number",
      boolean: "true or false",
      null: "nothing"
    };
  }
});

// src/config/normalize.ts
import path13 from "node:path";
function mergedSection(raw, index, section) {
  const own = raw.models[index][section];
  if (own === false) return false;
  const base = raw.defaults?.[section];
  if (own === void 0 && base === false) return false;
  if (own === void 0 && base === void 0) return void 0;
  const merged = /* @__PURE__ */ new Map();
  const add = (obj, prefix) => {
    if (obj && typeof obj === "object") for (const [k, v] of Object.entries(obj)) merged.set(k, { value: v, path: [...prefix, k] });
  };
  add(base, ["defaults", section]);
  add(own, ["models", index, section]);
  return merged;
}
function normalize(raw, file, locate) {
  const dir = path13.dirname(path13.resolve(file));
  const abs = (p) => path13.resolve(dir, p);
  const models = raw.models.map((m, i) => {
    const name = m.name;
    const stagesAt = m.stages !== void 0 ? ["models", i, "stages"] : ["defaults", "stages"];
    const stageList = m.stages ?? raw.defaults?.stages;
    return {
      name,
      source: normalizeSource(m.source, abs),
      output: abs(m.output ?? path13.join("out", `${name}.slim.onnx`)),
      stages: stageList ? stageList.map((spec, k) => ({ spec, where: locate([...stagesAt, k]) })) : DEFAULT_STAGES.map((spec) => ({ spec })),
      parity: normalizeParity(mergedSection(raw, i, "parity"), abs, locate, ["models", i, "parity"]),
      latency: normalizeLatency(mergedSection(raw, i, "latency")),
      budgets: normalizeBudgets(mergedSection(raw, i, "budgets"), locate),
      strategy: m.strategy ?? "stages",
      objective: m.objective ?? "size",
      maxSearchTimeS: m["max-search-time"] ?? DEFAULT_MAX_SEARCH_TIME_S,
      where: locate(["models", i])
    };
  });
  return { file, dir, models };
}
function normalizeSource(src, abs) {
  if (typeof src === "string") return src.startsWith("https://") ? { kind: "url", url: src } : { kind: "path", path: abs(src) };
  const o = src;
  if (typeof o.url === "string") return { kind: "url", url: o.url, sha256: o.sha256?.toLowerCase() };
  return { kind: "artifact", artifact: o.artifact, path: o.path };
}
function thresholdsFrom(entries, locate) {
  const t = { where: {} };
  for (const [k, { value, path: p }] of entries) {
    const field = THRESHOLD_KEYS[k];
    if (!field) continue;
    t[field] = value;
    t.where[k] = locate(p);
  }
  return t;
}
function sourcedEntries(obj, p) {
  return Object.entries(obj ?? {}).map(([k, v]) => [k, { value: v, path: [...p, k] }]);
}
function normalizeParity(section, abs, locate, ownPath) {
  if (section === false) return false;
  const get2 = (k) => section?.get(k)?.value;
  const inputs = get2("inputs") ?? DEFAULT_PARITY.inputs;
  const thr = section?.get("thresholds");
  const outputs = {};
  const outs = thr?.value?.outputs;
  for (const [name, o] of Object.entries(outs ?? {})) {
    outputs[name] = thresholdsFrom(sourcedEntries(o, [...thr.path, "outputs", name]), locate);
  }
  const labels = get2("labels");
  return {
    inputs: inputs === "auto" ? "auto" : abs(inputs),
    samples: get2("samples") ?? DEFAULT_PARITY.samples,
    seed: get2("seed") ?? DEFAULT_PARITY.seed,
    dims: get2("dims") ?? {},
    labels: labels === void 0 ? void 0 : abs(labels),
    labelsOutput: get2("labels-output"),
    thresholds: thresholdsFrom(thr ? sourcedEntries(thr.value, thr.path) : [], locate),
    outputs,
    where: section ? locate(ownPath, true) : void 0
  };
}
function normalizeLatency(section) {
  if (section === false) return false;
  const get2 = (k) => section?.get(k)?.value;
  return {
    runs: get2("runs") ?? DEFAULT_LATENCY.runs,
    warmup: get2("warmup") ?? DEFAULT_LATENCY.warmup,
    threads: get2("threads") ?? DEFAULT_LATENCY.threads
  };
}
function normalizeBudgets(section, locate) {
  if (!section) return [];
  const out = [];
  for (const [k, { value, path: p }] of section) {
    const name = k;
    const limit = BUDGET_PARSERS[name](value);
    const where = locate(p);
    if (limit === void 0 || !Number.isFinite(limit)) {
      throw new ConfigError([{ ...where, message: `${formatPath(p)}: ${JSON.stringify(value)} is not a usable ${name} value` }]);
    }
    out.push({ name, limit, text: String(value), where });
  }
  return out;
}
var THRESHOLD_KEYS, BUDGET_PARSERS;
var init_normalize = __esm({
  "src/config/normalize.ts"() {
    "use strict";
    init_compress();
    init_sizes();
    init_types2();
    init_validate2();
    THRESHOLD_KEYS = { "max-abs": "maxAbs", "mean-abs": "meanAbs", cosine: "cosine", top1: "top1", "allow-non-finite": "allowNonFinite" };
    BUDGET_PARSERS = {
      "max-size": parseSize,
      "min-reduction": parseRatio,
      "max-latency-ms": (v) => typeof v === "number" ? v : void 0,
      "min-speedup": parseFactor,
      "max-accuracy-drop": (v) => typeof v === "number" ? v : typeof v === "string" ? Number.parseFloat(v) / 100 : void 0
    };
  }
});

// src/config/schema.ts
var STAGE_NAMES, stageOptions, thresholdSet, CONFIG_SCHEMA;
var init_schema2 = __esm({
  "src/config/schema.ts"() {
    "use strict";
    init_sizes();
    STAGE_NAMES = ["dedup", "prune", "quantize-int8", "quantize-int4", "fp16", "optimize", "upgrade-opset"];
    stageOptions = {
      type: ["object", "null"],
      description: "Options passed to the stage as written (see the stage documentation)."
    };
    thresholdSet = {
      type: "object",
      additionalProperties: false,
      properties: {
        "max-abs": { type: "number", minimum: 0, description: "Largest allowed |original \u2212 compressed| over all elements." },
        "mean-abs": { type: "number", minimum: 0, description: "Largest allowed mean |original \u2212 compressed|." },
        cosine: { type: "number", minimum: -1, maximum: 1, description: "Smallest allowed cosine similarity (default 0.99)." },
        top1: { type: "number", minimum: 0, maximum: 1, description: "Smallest allowed top-1 agreement for class-like outputs (default 0.98)." },
        "allow-non-finite": { type: "boolean", description: "Accept NaN/Inf in the compressed output where the original had finite values (default false)." }
      }
    };
    CONFIG_SCHEMA = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "https://github.com/onnx-diet/onnx-diet/schema/onnx-diet.schema.json",
      title: "onnx-diet configuration",
      description: "Models to shrink, how to check them, and the budgets a pull request must meet.",
      type: "object",
      additionalProperties: false,
      required: ["models"],
      properties: {
        defaults: {
          description: "Settings every model starts from; a model's own section keys override these.",
          type: "object",
          additionalProperties: false,
          properties: {
            stages: { $ref: "#/$defs/stages" },
            parity: { $ref: "#/$defs/parity" },
            latency: { $ref: "#/$defs/latency" },
            budgets: { $ref: "#/$defs/budgets" }
          }
        },
        models: {
          type: "array",
          minItems: 1,
          items: { $ref: "#/$defs/model" },
          "x-expected": "a list of models (`- name: \u2026`)"
        }
      },
      $defs: {
        model: {
          type: "object",
          additionalProperties: false,
          required: ["name", "source"],
          properties: {
            name: {
              type: "string",
              pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$",
              "x-expected": "a name of letters, digits, `.`, `_` or `-`"
            },
            source: { $ref: "#/$defs/source" },
            output: { type: "string", minLength: 1, description: "Where the slim model is written (default out/NAME.slim.onnx), relative to the config file." },
            stages: { $ref: "#/$defs/stages" },
            parity: { $ref: "#/$defs/parity" },
            latency: { $ref: "#/$defs/latency" },
            budgets: { $ref: "#/$defs/budgets" },
            strategy: { enum: ["stages", "auto"], description: "`auto` searches recipes (dedup+prune; int8 per-tensor/per-channel, with and without reduce-range; int4 at block 128/64/32 with int4 or int8 embeddings; fp16) instead of running `stages`, keeping the most sensitive layers in float when a recipe fails, for the smallest model that passes parity. A model with `strategy: auto` may not set its own `stages`." },
            objective: { enum: ["size", "latency"], description: "What `strategy: auto` minimizes: `size` (default) or `latency` (p50 of each passing candidate, timed with the `latency` settings)." },
            "max-search-time": { type: "number", exclusiveMinimum: 0, description: "Seconds `strategy: auto` may search (default 600); when they run out, the best passing candidate so far is used." }
          }
        },
        source: {
          "x-expected": "a path, an https:// URL, or { url, sha256 } / { artifact, path }",
          oneOf: [
            { type: "string", minLength: 1, pattern: "^(?![a-zA-Z][a-zA-Z0-9+.-]*://)|^https://" },
            {
              type: "object",
              additionalProperties: false,
              required: ["url"],
              properties: {
                url: { type: "string", pattern: "^https://", "x-expected": "an https:// URL" },
                sha256: { type: "string", pattern: "^[0-9a-fA-F]{64}$", "x-expected": "a sha256 of 64 hex digits" }
              }
            },
            {
              type: "object",
              additionalProperties: false,
              required: ["artifact"],
              properties: {
                artifact: { type: "string", minLength: 1, description: "Name of a workflow artifact (the Action downloads it)." },
                path: { type: "string", minLength: 1, description: "The model file inside the artifact." }
              }
            }
          ]
        },
        stages: {
          type: "array",
          items: { $ref: "#/$defs/stage" },
          "x-expected": "a list of stages, e.g. [dedup, prune, { quantize-int8: { per-channel: true } }]"
        },
        stage: {
          oneOf: [
            { type: "string", enum: [...STAGE_NAMES] },
            {
              type: "object",
              minProperties: 1,
              maxProperties: 1,
              additionalProperties: false,
              properties: Object.fromEntries(STAGE_NAMES.map((n) => [n, stageOptions]))
            }
          ],
          "x-expected": "a stage name or { stage-name: { options } }"
        },
        parity: {
          oneOf: [
            { const: false },
            {
              type: "object",
              additionalProperties: false,
              properties: {
                inputs: { type: "string", minLength: 1, description: "`auto` (default) or a file/folder: .npy, .npz, .json, test_data_set_N/input_K.pb." },
                samples: { type: "integer", minimum: 1, maximum: 1e4, description: "How many auto inputs to draw (default 4)." },
                seed: { type: "integer", minimum: 0, description: "Seed of auto inputs (default 0)." },
                dims: {
                  type: "object",
                  description: "Values for symbolic dimensions by name (`batch: 1`), or `input[axis]` for unnamed ones.",
                  additionalProperties: { type: "integer", minimum: 1, "x-expected": "a whole number \u2265 1" }
                },
                labels: { type: "string", minLength: 1, description: "File of expected class ids (.json or .npy), one per sample row." },
                "labels-output": { type: "string", minLength: 1, description: "Output the labels are compared with (default: the first output)." },
                thresholds: {
                  ...thresholdSet,
                  properties: {
                    ...thresholdSet.properties,
                    outputs: { type: "object", additionalProperties: { $ref: "#/$defs/thresholds" }, description: "Per-output thresholds by output name." }
                  }
                }
              }
            }
          ],
          "x-expected": "false or a parity section { inputs, samples, dims, thresholds }"
        },
        thresholds: thresholdSet,
        latency: {
          oneOf: [
            { const: false },
            {
              type: "object",
              additionalProperties: false,
              properties: {
                runs: { type: "integer", minimum: 1, maximum: 1e5, description: "Timed runs per model (default 20)." },
                warmup: { type: "integer", minimum: 0, maximum: 1e4, description: "Untimed runs per model first (default 3)." },
                threads: { type: "integer", minimum: 1, maximum: 1024, description: "onnxruntime intra-op threads (default 1)." }
              }
            }
          ],
          "x-expected": "false or a latency section { runs, warmup, threads }"
        },
        budgets: {
          type: "object",
          additionalProperties: false,
          properties: {
            "max-size": {
              type: ["integer", "string"],
              minimum: 0,
              pattern: SIZE_PATTERN,
              "x-expected": "a size like 15MB, 14.3MiB or a number of bytes"
            },
            "min-reduction": {
              type: ["number", "string"],
              minimum: 1,
              pattern: RATIO_PATTERN,
              "x-expected": "a reduction like 4x or 75%"
            },
            "max-latency-ms": { type: "number", exclusiveMinimum: 0, "x-expected": "milliseconds, a number > 0" },
            "min-speedup": {
              type: ["number", "string"],
              exclusiveMinimum: 0,
              pattern: "^\\s*\\d+(\\.\\d+)?\\s*[xX\xD7]?\\s*$",
              "x-expected": "a speed factor like 1.0 or 1.2x"
            },
            "max-accuracy-drop": {
              type: ["number", "string"],
              minimum: 0,
              pattern: "^\\s*\\d+(\\.\\d+)?\\s*%\\s*$",
              "x-expected": "an accuracy drop like 0.01 or 1%"
            }
          }
        }
      }
    };
  }
});

// src/config/workspace.ts
import { existsSync as existsSync7, realpathSync as realpathSync3 } from "node:fs";
import path14 from "node:path";
function workspaceRoots(configFile, env = process.env, cwd = process.cwd()) {
  const ws = env["GITHUB_WORKSPACE"];
  const roots = ws ? [path14.resolve(ws)] : [path14.resolve(cwd), path14.dirname(path14.resolve(configFile))];
  return [...new Set(roots.map(realOrSelf))];
}
function outsideMessage(roots, env = process.env) {
  if (env["GITHUB_WORKSPACE"]) return `is outside the workspace ${roots[0]} (GITHUB_WORKSPACE); a config may only name files inside it`;
  const where = roots.length === 1 ? `the current and config folder ${roots[0]}` : `the current folder ${roots[0]} and the config's folder ${roots[1]}`;
  return `is outside ${where}; a config may only name files inside them (or run from a folder that contains it)`;
}
function realOrSelf(p) {
  let head = path14.resolve(p);
  const tail = [];
  while (!existsSync7(head) && path14.dirname(head) !== head) {
    tail.unshift(path14.basename(head));
    head = path14.dirname(head);
  }
  try {
    return path14.join(realpathSync3(head), ...tail);
  } catch {
    return path14.join(head, ...tail);
  }
}
function insideWorkspace(p, roots) {
  const real = realOrSelf(p);
  return roots.some((r) => isInside(r, real));
}
var init_workspace = __esm({
  "src/config/workspace.ts"() {
    "use strict";
    init_external();
  }
});

// src/config/load.ts
import { readFileSync as readFileSync4, statSync as statSync6 } from "node:fs";
function loadConfig(file) {
  let text;
  try {
    const st = statSync6(file);
    if (!st.isFile()) throw new ConfigError([{ file, line: 1, col: 1, message: "not a file" }]);
    if (st.size > MAX_CONFIG_BYTES) throw new ConfigError([{ file, line: 1, col: 1, message: `${st.size} bytes; a config is at most 1 MiB` }]);
    text = readFileSync4(file, "utf8");
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = e.code;
    if (code !== "ENOENT") throw new UsageError(`${file}: cannot read the config (${code ?? String(e)})`);
    throw new UsageError(`${file}: no such config file; write one (see examples/onnx-diet.yml) or pass --config FILE`);
  }
  return parseConfig(text, file, { workspace: workspaceRoots(file) });
}
function yamlMessage(message) {
  const first = message.split("\n")[0];
  return /call stack/i.test(first) ? "YAML: nested too deeply (a config needs a few levels, not hundreds)" : `YAML: ${first}`;
}
function parseConfig(text, file, opts = {}) {
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset) => ({ file, ...lines.linePos(offset) });
  const yamlIssues = [...doc.errors, ...doc.warnings].map((e) => ({ ...at(e.pos[0]), message: yamlMessage(e.message) }));
  if (yamlIssues.length) throw new ConfigError(yamlIssues);
  const complexKey = firstComplexKey(doc);
  if (complexKey !== void 0) throw new ConfigError([{ ...at(complexKey), message: "YAML: a key must be a plain name, not a list, mapping or alias" }]);
  let data;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e.message;
    throw new ConfigError([{ ...at(0), message: /call stack/i.test(message) ? yamlMessage(message) : `YAML: ${message} (aliases may expand at most ${MAX_ALIAS_COUNT} times)` }]);
  }
  if (data === null || data === void 0) {
    throw new ConfigError([{ ...at(0), message: "the config is empty; it needs `models:` with at least one model" }]);
  }
  const locate = (p, atKey = false) => at(nodeOffset(doc, p, atKey));
  const issues = validateAgainstSchema(data, CONFIG_SCHEMA).map((i) => ({
    ...locate(i.path, i.atKey),
    message: `${formatPath(i.path)}: ${i.message}`
  }));
  if (issues.length) throw new ConfigError(issues);
  const config = normalize(data, file, locate);
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  const raw = data;
  config.models.forEach((m, i) => {
    const first = seen.get(m.name);
    if (first !== void 0) problems.push({ ...locate(["models", i, "name"]), message: `models[${i}].name: '${m.name}' is already the name of models[${first}]; names must be unique` });
    else seen.set(m.name, i);
    const clash = config.models.findIndex((o, j) => j < i && o.output === m.output);
    if (clash >= 0) problems.push({ ...locate(["models", i, "output"]), message: `models[${i}].output: ${m.output} is also the output of models[${clash}]` });
    if (m.source.kind === "path" && m.source.path === m.output) {
      problems.push({ ...locate(["models", i, "output"]), message: `models[${i}].output: would overwrite the source model; choose another path` });
    }
    const own = raw.models[i];
    if (m.strategy === "auto" && own.stages !== void 0) {
      problems.push({ ...locate(["models", i, "stages"]), message: `models[${i}].stages: strategy: auto chooses the stages itself; remove stages or set strategy: stages` });
    }
    for (const key of ["objective", "max-search-time"]) {
      if (m.strategy !== "auto" && own[key] !== void 0) {
        problems.push({ ...locate(["models", i, key]), message: `models[${i}].${key}: only strategy: auto uses it; add strategy: auto or remove ${key}` });
      }
    }
  });
  if (opts.workspace) problems.push(...escapingPaths(config, raw, opts.workspace, locate));
  for (const m of config.models) {
    for (const b of m.budgets) {
      const needs = NEEDS[b.name];
      if (needs && !needs.ok(m)) problems.push({ ...b.where, message: `${m.name}: budget ${b.name} needs ${needs.what}` });
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
function firstComplexKey(doc) {
  let found;
  (0, import_yaml.visit)(doc, {
    Pair(_, pair) {
      if (pair.key === null || (0, import_yaml.isScalar)(pair.key)) return void 0;
      found = pair.key.range?.[0] ?? 0;
      return import_yaml.visit.BREAK;
    }
  });
  return found;
}
function escapingPaths(config, raw, roots, locate) {
  const issues = [];
  config.models.forEach((m, i) => {
    const own = raw.models[i];
    const at = (section, key) => own[section]?.[key] !== void 0 ? ["models", i, section, key] : ["defaults", section, key];
    const paths = [
      [m.source.kind === "path" ? m.source.path : void 0, ["models", i, "source"]],
      [m.output, own.output !== void 0 ? ["models", i, "output"] : ["models", i, "name"]],
      [m.parity && m.parity.inputs !== "auto" ? m.parity.inputs : void 0, at("parity", "inputs")],
      [m.parity ? m.parity.labels : void 0, at("parity", "labels")]
    ];
    for (const [p, where] of paths) {
      if (p === void 0 || insideWorkspace(p, roots)) continue;
      issues.push({ ...locate(where), message: `${formatPath(where)}: ${p} ${outsideMessage(roots)}` });
    }
  });
  return issues;
}
function nodeOffset(doc, p, atKey) {
  let node = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, key] of p.entries()) {
    let next;
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((it) => (0, import_yaml.isPair)(it) && (0, import_yaml.isScalar)(it.key) && String(it.key.value) === String(key));
      if (!pair) break;
      const keyNode = pair.key;
      if (i === p.length - 1 && atKey) return keyNode.range?.[0] ?? offset;
      offset = keyNode.range?.[0] ?? offset;
      next = pair.value;
    } else if ((0, import_yaml.isSeq)(node) && typeof key === "number") {
      next = node.items[key];
    } else break;
    const r = next?.range;
    if (!r) break;
    offset = r[0];
    node = next;
  }
  return offset;
}
var import_yaml, MAX_ALIAS_COUNT, MAX_CONFIG_BYTES, NEEDS;
var init_load = __esm({
  "src/config/load.ts"() {
    "use strict";
    import_yaml = __toESM(require_dist(), 1);
    init_errors();
    init_normalize();
    init_schema2();
    init_types2();
    init_validate2();
    init_workspace();
    MAX_ALIAS_COUNT = 100;
    MAX_CONFIG_BYTES = 1 << 20;
    NEEDS = {
      "max-latency-ms": { ok: (m) => m.latency !== false, what: "latency measured (remove `latency: false`)" },
      "min-speedup": { ok: (m) => m.latency !== false, what: "latency measured (remove `latency: false`)" },
      "max-accuracy-drop": { ok: (m) => m.parity !== false && m.parity.labels !== void 0, what: "parity.labels (a file of expected class ids)" }
    };
  }
});

// src/check/budgets.ts
function evaluateBudgets(budgets, m) {
  const out = budgets.map((b) => {
    const rule = RULES2[b.name];
    const actual = rule.actual(m);
    const passed = actual !== void 0 && (rule.atMost ? actual <= b.limit : actual >= b.limit);
    return {
      name: b.name,
      limit: b.limit,
      actual: actual ?? NaN,
      passed,
      atMost: rule.atMost,
      limitText: b.name === "max-latency-ms" && /^[\d.]+$/.test(b.text) ? `${b.text} ms` : b.text,
      actualText: actual === void 0 ? "not measured" : rule.show(actual),
      where: b.where
    };
  });
  for (const o of m.parity?.outputs ?? []) {
    for (const c of o.checks) {
      out.push({
        name: `parity.${o.name}.${c.metric}`,
        limit: c.limit,
        actual: c.actual,
        passed: c.passed,
        atMost: !(c.metric === "cosine" || c.metric === "top1"),
        limitText: metricText(c.limit),
        actualText: metricText(c.actual),
        where: c.where
      });
    }
  }
  return out;
}
function budgetFailureLine(model, b) {
  const where = b.where ? ` (${formatWhere(b.where)})` : " (built-in default)";
  return `${model}: budget ${b.name} broken: limit ${b.limitText}, actual ${b.actualText}${where}`;
}
var factor, ms, pct, metricText, RULES2;
var init_budgets = __esm({
  "src/check/budgets.ts"() {
    "use strict";
    init_types2();
    init_table();
    factor = (x) => `${x.toFixed(2)}\xD7`;
    ms = (x) => `${x.toFixed(2)} ms`;
    pct = (x) => `${(x * 100).toFixed(2)} %`;
    metricText = (x) => Number.isInteger(x) ? String(x) : Number(x.toPrecision(6)).toString();
    RULES2 = {
      "max-size": { actual: (m) => m.compressedBytes, atMost: true, show: (x) => `${formatBytes(x)} (${formatCount(x)} B)` },
      "min-reduction": { actual: (m) => m.compressedBytes > 0 ? m.originalBytes / m.compressedBytes : Infinity, atMost: false, show: factor },
      "max-latency-ms": { actual: (m) => m.latency?.compressed.p50Ms, atMost: true, show: ms },
      "min-speedup": { actual: (m) => m.latency?.speedup, atMost: false, show: factor },
      "max-accuracy-drop": { actual: (m) => m.parity?.accuracy?.drop, atMost: true, show: pct }
    };
  }
});

// src/check/sources.ts
import { createHash as createHash6 } from "node:crypto";
import { createWriteStream, existsSync as existsSync8, renameSync as renameSync3, rmSync as rmSync9 } from "node:fs";
import { get } from "node:https";
import path15 from "node:path";
async function resolveSource(spec, opts) {
  if (spec.kind === "path") return spec.path;
  if (spec.kind === "artifact") {
    if (!opts.resolveArtifact) {
      throw new UsageError(`source artifact '${spec.artifact}' is only available inside the GitHub Action; give a path or an https URL to run it here`);
    }
    return opts.resolveArtifact(spec.artifact, spec.path);
  }
  const name = path15.basename(new URL(spec.url).pathname) || "model.onnx";
  const dir = path15.join(opts.cacheDir, spec.sha256 ?? createHash6("sha256").update(spec.url).digest("hex").slice(0, 16));
  const file = path15.join(dir, name);
  if (spec.sha256 && existsSync8(file) && digestFiles([file]).sha256 === spec.sha256) return file;
  ensureFolder(dir, spec.url);
  const actual = await download(spec.url, file, opts);
  if (spec.sha256 && actual !== spec.sha256) {
    rmSync9(file, { force: true });
    throw new UsageError(`${spec.url}: sha256 is ${actual}, the config expects ${spec.sha256}; the file changed or the checksum is wrong`);
  }
  return file;
}
function download(url, file, opts, redirects = 0) {
  const limit = opts.maxBytes ?? 8 * 2 ** 30;
  return new Promise((resolve, reject) => {
    if (!url.startsWith("https://")) {
      reject(new UsageError(`${url}: only https:// downloads are allowed`));
      return;
    }
    const req = get(url, { agent: opts.agent, timeout: opts.timeoutMs ?? 6e4 }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        if (redirects >= MAX_REDIRECTS) {
          reject(new UsageError(`${url}: more than ${MAX_REDIRECTS} redirects`));
          return;
        }
        download(new URL(res.headers.location, url).href, file, opts, redirects + 1).then(resolve, reject);
        return;
      }
      if (status !== 200) {
        res.resume();
        reject(new UsageError(`${url}: HTTP ${status} ${res.statusMessage ?? ""}`.trim()));
        return;
      }
      const declared2 = Number(res.headers["content-length"] ?? NaN);
      if (declared2 > limit) {
        res.destroy();
        reject(new UsageError(`${url}: ${declared2} bytes is more than the ${limit}-byte download limit`));
        return;
      }
      const tmp = `${file}.${process.pid}.part`;
      const out = createWriteStream(tmp);
      const hash = createHash6("sha256");
      let received = 0;
      const fail = (e) => {
        res.destroy();
        out.destroy();
        rmSync9(tmp, { force: true });
        reject(e instanceof UsageError ? e : new UsageError(`${url}: download failed (${e.message})`));
      };
      res.on("data", (chunk) => {
        received += chunk.length;
        if (received > limit) fail(new UsageError(`${url}: more than the ${limit}-byte download limit`));
        hash.update(chunk);
      });
      res.on("error", fail);
      out.on("error", fail);
      out.on("finish", () => {
        if (!res.complete) {
          fail(new Error("connection closed early"));
          return;
        }
        renameSync3(tmp, file);
        resolve(hash.digest("hex"));
      });
      res.pipe(out);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (e) => reject(new UsageError(`${url}: download failed (${e.message})`)));
  });
}
var MAX_REDIRECTS;
var init_sources = __esm({
  "src/check/sources.ts"() {
    "use strict";
    init_errors();
    init_digest();
    init_folders();
    MAX_REDIRECTS = 5;
  }
});

// src/report/markdown.ts
function reportMarker(configPath) {
  return `<!-- onnx-diet:${configPath.replace(/--+>?/g, "-")} -->`;
}
function formatFactor(x) {
  if (!Number.isFinite(x)) return "\u221E\xD7";
  return `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}\xD7`;
}
function signedPercent(part, whole2) {
  if (whole2 === 0) return "\xB10 %";
  const p = 100 * part / whole2;
  return `${p < 0 ? "\u2212" : p > 0 ? "+" : "\xB1"}${Math.abs(p).toFixed(1)} %`;
}
function headline(m) {
  const o = m.original.bytes;
  const c = m.compressed.bytes;
  const parts = [`**${cell(m.name)}: ${formatBytes(o)} \u2192 ${formatBytes(c)} (${signedPercent(c - o, o)}, ${formatFactor(c > 0 ? o / c : Infinity)})**`];
  if (m.parity) parts.push(`parity ${mark(m.parity.passed)}`);
  if (m.latency && !("error" in m.latency)) {
    const s = m.latency.speedup;
    parts.push(s >= 1 ? `${formatFactor(s)} faster` : `${formatFactor(1 / s)} slower`);
  }
  const broken = m.budgets.filter((b) => !b.passed && !b.name.startsWith("parity.")).length;
  if (broken) parts.push(`\u274C ${plural(broken, "budget")} broken`);
  return parts.join(" \xB7 ");
}
function failedCheck(what) {
  return { name: "parity", limit: 0, actual: 0, passed: false, atMost: false, limitText: what, actualText: "failed" };
}
function checkErrors(m) {
  const oneLine2 = (s) => s.replace(/\s*\r?\n\s*/g, " ").trim();
  const parity = m.parity?.error === void 0 ? void 0 : oneLine2(m.parity.error);
  const latency = m.latency && "error" in m.latency ? oneLine2(m.latency.error) : void 0;
  if (parity !== void 0 && parity === latency) return [{ check: "parity and latency", error: parity }];
  return [
    ...parity === void 0 ? [] : [{ check: "parity", error: parity }],
    ...latency === void 0 ? [] : [{ check: "latency", error: latency }]
  ];
}
function metricsRows(m) {
  const budget = (name) => m.budgets.find((b) => b.name === name);
  const o = m.original.bytes;
  const c = m.compressed.bytes;
  const rows = [
    { what: "Size", original: formatBytes(o), compressed: formatBytes(c), budget: budget("max-size") },
    { what: "Reduction", original: "", compressed: `${formatFactor(c > 0 ? o / c : Infinity)} (${signedPercent(c - o, o)})`, budget: budget("min-reduction") }
  ];
  const lat = m.latency;
  if (lat && "error" in lat) rows.push({ what: "Latency", original: "", compressed: COULD_NOT_RUN });
  else if (lat) {
    const ms2 = (x) => `${x.toFixed(2)} ms`;
    rows.push(
      { what: `Latency p50 (${plural(lat.threads, "thread")})`, original: ms2(lat.original.p50Ms), compressed: ms2(lat.compressed.p50Ms), budget: budget("max-latency-ms") },
      { what: "Latency p90", original: ms2(lat.original.p90Ms), compressed: ms2(lat.compressed.p90Ms) },
      { what: "Load time", original: ms2(lat.original.loadMs), compressed: ms2(lat.compressed.loadMs) },
      { what: "Speedup (p50)", original: "", compressed: formatFactor(lat.speedup), budget: budget("min-speedup") }
    );
  }
  const parity = m.parity;
  if (parity?.error) rows.push({ what: "Parity", original: "", compressed: COULD_NOT_RUN, budget: failedCheck("runs") });
  for (const out of parity?.outputs ?? []) {
    const b = (metric) => budget(`parity.${out.name}.${metric}`);
    const name = `\`${out.name}\``;
    if (out.incomparable) rows.push({ what: `Parity ${name}`, original: "", compressed: out.incomparable, budget: failedCheck("comparable") });
    rows.push({ what: `${name} max abs diff`, original: "", compressed: metricText(out.maxAbs), budget: b("max-abs") });
    rows.push({ what: `${name} mean abs diff`, original: "", compressed: metricText(out.meanAbs), budget: b("mean-abs") });
    rows.push({ what: `${name} cosine`, original: "", compressed: metricText(out.cosine), budget: b("cosine") });
    if (out.top1 !== void 0) rows.push({ what: `${name} top-1 agreement`, original: "", compressed: metricText(out.top1), budget: b("top1") });
    if (out.nonFinite.original || out.nonFinite.compressed) {
      rows.push({ what: `${name} NaN/Inf values`, original: String(out.nonFinite.original), compressed: String(out.nonFinite.compressed), budget: b("non-finite") });
    }
  }
  if (parity?.accuracy) {
    const a = parity.accuracy;
    const pct2 = (x) => `${(x * 100).toFixed(2)} %`;
    rows.push({ what: `Accuracy (${a.rows} labels)`, original: pct2(a.original), compressed: `${pct2(a.compressed)} (drop ${pct2(a.drop)})`, budget: budget("max-accuracy-drop") });
  }
  return rows;
}
function limitCell(b) {
  return `${b.atMost ? "\u2264" : "\u2265"} ${b.limitText}`;
}
function metricsTable(m) {
  const lines = ["| | Original | Compressed | Budget | |", "|---|---:|---:|---:|:---:|"];
  for (const r of metricsRows(m)) {
    lines.push(`| ${cell(r.what)} | ${cell(r.original)} | ${cell(r.compressed)} | ${r.budget ? cell(limitCell(r.budget)) : ""} | ${r.budget ? mark(r.budget.passed) : ""} |`);
  }
  return lines.join("\n");
}
function errorLines(m) {
  const errors = checkErrors(m);
  return errors.length ? ["", ...errors.map((e) => `\u274C ${e.check} could not run: \`${e.error.replace(/`/g, "'")}\``)] : [];
}
function stagesTable(m) {
  const lines = ["| Stage | Before | After | Change | Time | Details |", "|---|---:|---:|---:|---:|---|"];
  for (const s of m.stages) {
    const details = Object.entries(s.details).filter(([, v]) => typeof v === "number" && v !== 0 || typeof v === "string" || v === true).map(([k, v]) => `${k}: ${v}`).join(", ");
    lines.push(`| ${cell(s.name)} | ${formatBytes(s.bytesBefore)} | ${formatBytes(s.bytesAfter)} | ${signedPercent(s.bytesAfter - s.bytesBefore, s.bytesBefore)} | ${s.ms} ms | ${cell(details)} |`);
  }
  lines.push(`| **saved file** | | ${formatBytes(m.compressed.bytes)} | ${signedPercent(m.compressed.bytes - m.original.bytes, m.original.bytes)} | | \`${cell(m.output)}\` |`);
  return lines.join("\n");
}
function sizeChart(m) {
  const [div, unit] = m.original.bytes >= 1e9 ? [1e9, "GB"] : m.original.bytes >= 1e6 ? [1e6, "MB"] : [1e3, "kB"];
  const points = [
    ["original", m.original.bytes],
    ...m.stages.map((s) => [s.name, s.bytesAfter]),
    ["saved", m.compressed.bytes]
  ];
  const quote = (s) => `"${s.replace(/"/g, "'")}"`;
  const values2 = points.map(([, b]) => Number((b / div).toFixed(3)));
  const top = Math.max(...values2) * 1.1;
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quote(`${m.name}: size after each stage`)}`,
    `  x-axis [${points.map(([n]) => quote(n)).join(", ")}]`,
    `  y-axis ${quote(unit)} 0 --> ${Number(top.toPrecision(3))}`,
    `  bar [${values2.join(", ")}]`,
    "```"
  ].join("\n");
}
function paritySummary(c) {
  const outs = c.parity?.outputs ?? [];
  if (!outs.length) return "";
  const cosine = Math.min(...outs.map((o) => o.cosine));
  const top1 = outs.flatMap((o) => o.top1 === void 0 ? [] : [o.top1]);
  return [`cosine ${metricText(cosine)}`, ...top1.length ? [`top-1 ${metricText(Math.min(...top1))}`] : [], `score ${c.parity.score ?? "\u221E"}`].join(" \xB7 ");
}
function candidateResult(c) {
  if (c.status === "passed") return "\u2705";
  if (c.status === "failed") return "\u274C";
  return `${c.status === "error" ? "\u26A0\uFE0F error" : "skipped"}${c.note ? `: ${c.note}` : ""}`;
}
function autoDetails(auto) {
  const lines = [
    `<details><summary>Auto search (${auto.objective}): ${auto.candidates.length} candidates in ${(auto.elapsedMs / 1e3).toFixed(1)} s${auto.timedOut ? ", stopped by max-search-time" : ""}</summary>`,
    "",
    cell(auto.reason),
    "",
    "| # | Candidate | Float layers | Size | Latency p50 | Parity | Result |",
    "|---:|---|---|---:|---:|---|---|"
  ];
  auto.candidates.forEach((c, i) => {
    const label = i === auto.chosen ? `**${cell(candidateLabel(c))}** (chosen)` : cell(candidateLabel(c));
    const floats = c.floatLayers.length > 3 ? `${c.floatLayers.slice(0, 3).join(", ")} \u2026 (${c.floatLayers.length})` : c.floatLayers.join(", ");
    lines.push(`| ${i + 1} | ${label} | ${cell(floats)} | ${c.bytes === void 0 ? "" : formatBytes(c.bytes)} | ${c.latency ? `${c.latency.p50Ms.toFixed(3)} ms` : ""} | ${paritySummary(c)} | ${cell(candidateResult(c))} |`);
  });
  for (const s of auto.sensitivity) {
    const top = s.layers.slice(0, 3).map((l) => `\`${cell(l.weight)}\``).join(", ");
    lines.push("", `Sensitivity of ${cell(s.recipe)} (${s.method}, ${s.layers.length} layers${s.complete ? "" : ", incomplete"}): most sensitive ${top}`);
  }
  lines.push("", "</details>");
  return lines.join("\n");
}
function modelSection(m) {
  return [
    headline(m),
    "",
    metricsTable(m),
    ...errorLines(m),
    "",
    `<details><summary>Stages of ${cell(m.name)} (${m.stages.length}) and size chart</summary>`,
    "",
    stagesTable(m),
    "",
    sizeChart(m),
    "",
    "</details>",
    ...m.auto ? ["", autoDetails(m.auto)] : []
  ].join("\n");
}
function renderMarkdown(report) {
  const failed = report.models.filter((m) => !m.passed).length;
  const title = report.passed ? `### onnx-diet \u2705 all checks passed` : `### onnx-diet \u274C ${failed} of ${plural(report.models.length, "model")} failed a check`;
  return [
    reportMarker(report.config),
    title,
    "",
    report.models.map(modelSection).join("\n\n---\n\n"),
    "",
    `<sub>onnx-diet ${report.version} \xB7 config \`${cell(report.config)}\`</sub>`,
    ""
  ].join("\n");
}
var mark, cell, COULD_NOT_RUN;
var init_markdown = __esm({
  "src/report/markdown.ts"() {
    "use strict";
    init_budgets();
    init_auto();
    init_table();
    mark = (passed) => passed ? "\u2705" : "\u274C";
    cell = (s) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
    COULD_NOT_RUN = "could not run (see below)";
  }
});

// src/pipeline/run.ts
import { tmpdir as tmpdir4 } from "node:os";
import path16 from "node:path";
function shown(p) {
  const rel = path16.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path16.isAbsolute(rel) ? rel : p;
}
function checkStages(model) {
  for (const { spec, where } of model.stages) {
    try {
      createStage(spec);
    } catch (e) {
      if (!(e instanceof UsageError) || !where) throw e;
      throw new ConfigError([{ ...where, message: `${model.name}: ${e.message}` }]);
    }
  }
}
async function runConfig(config, opts = {}) {
  for (const m of config.models) checkStages(m);
  const progress = opts.progress ?? silentProgress;
  const host = opts.host ?? startOrtHost();
  try {
    const models = [];
    for (const m of config.models) models.push(await runModel(m, { ...opts, progress, host }));
    return runReport(models, config.file);
  } finally {
    if (!opts.host) await host.close();
  }
}
function failureLines(report) {
  return report.models.flatMap((m) => [
    ...checkErrorLines(m),
    ...m.budgets.filter((b) => !b.passed).map((b) => budgetFailureLine(m.name, b))
  ]);
}
function checkErrorLines(m) {
  return checkErrors(m).map((e) => `${m.name}: ${e.check} could not run: ${e.error}`);
}
async function runModel(m, opts) {
  const { progress, host } = opts;
  const source = opts.sourceOverride ?? (m.source.kind === "path" ? m.source.path : void 0) ?? await progress.step(`${m.name}: fetch source`, () => resolveSource(m.source, {
    cacheDir: opts.cacheDir ?? path16.join(tmpdir4(), "onnx-diet-downloads"),
    resolveArtifact: opts.resolveArtifact
  }));
  const compressed = opts.compress ? await opts.compress(m, source, progress) : m.strategy === "auto" ? await autoCompress(shown(source), shown(m.output), {
    host,
    parity: m.parity,
    latency: m.latency,
    budgets: m.budgets,
    objective: m.objective,
    maxSearchTimeS: m.maxSearchTimeS,
    progress,
    name: m.name
  }) : await compressModel(shown(source), shown(m.output), { stages: m.stages.map((s) => s.spec), progress });
  const report = modelReport(compressed, m.name);
  const checked = m.parity !== false || m.latency !== false ? await checkModels(m, source, m.output, host, progress) : {};
  return withChecks(report, checked, m.budgets);
}
function withChecks(report, checked, budgets) {
  const r = report;
  if (checked.parity) r.parity = checked.parity;
  if (checked.latency) r.latency = checked.latency;
  const latency = r.latency && !("error" in r.latency) ? r.latency : void 0;
  r.budgets = evaluateBudgets(budgets, { originalBytes: r.original.bytes, compressedBytes: r.compressed.bytes, parity: r.parity, latency });
  r.passed = modelPassed(r) && !(r.latency && "error" in r.latency);
  return r;
}
function runReport(models, configFile) {
  const report = buildReport(models);
  report.config = configFile;
  return report;
}
function ortMessage(e) {
  if (e instanceof UsageError) throw e;
  return e instanceof Error ? e.message : String(e);
}
async function checkInputs(m, source, progress) {
  const parity = m.parity === false ? { inputs: "auto", samples: 1, seed: 0, dims: {} } : m.parity;
  const autoDims2 = [];
  const opts = {
    samples: parity.samples,
    seed: parity.seed,
    dims: parity.dims,
    onDim: (d) => {
      autoDims2.push(d);
      if (d.why !== "dims:") progress.note(`${m.name}: auto inputs use ${d.name} = ${d.value} (${d.why})`);
    }
  };
  const samples = await progress.step(`${m.name}: sample inputs (${parity.inputs})`, () => typeof source === "string" ? loadSamplesFor(source, parity.inputs, opts) : loadSamples(parity.inputs, source, opts));
  const labels = m.parity !== false && m.parity.labels ? readLabels(m.parity.labels) : void 0;
  return { samples, autoDims: autoDims2, labels };
}
async function checkModels(m, source, output, host, progress, inputs) {
  const { samples, autoDims: autoDims2, labels } = inputs ?? await checkInputs(m, source, progress);
  const threads = m.latency === false ? 1 : m.latency.threads;
  let a;
  let b;
  try {
    a = await progress.step(`${m.name}: load original in onnxruntime`, () => host.load(source, { threads }));
    b = await progress.step(`${m.name}: load compressed in onnxruntime`, () => host.load(output, { threads }));
  } catch (e) {
    const error = ortMessage(e);
    return {
      parity: m.parity === false ? void 0 : { passed: false, samples: 0, outputs: [], error },
      latency: m.latency === false ? void 0 : { error }
    };
  }
  const result = {};
  try {
    const guessed = autoDims2.some((d) => d.inferred);
    if (guessed && samples[0]) {
      await host.run(a.id, samples[0]).catch((e) => {
        const ask = askForDims(m.name, ortMessage(e), autoDims2);
        if (ask) throw new UsageError(ask);
      });
    }
    if (m.parity !== false) {
      const cfg = m.parity;
      result.parity = await progress.step(`${m.name}: parity on ${samples.length} sample${samples.length === 1 ? "" : "s"}`, () => checkParity({
        host,
        original: a.id,
        compressed: b.id,
        samples,
        thresholds: { thresholds: cfg.thresholds, outputs: cfg.outputs },
        labels: labels ? { values: labels, output: cfg.labelsOutput } : void 0
      }).catch((e) => ({ passed: false, samples: samples.length, outputs: [], error: withDimHint(ortMessage(e), autoDims2) })));
    }
    if (m.latency !== false) {
      const cfg = m.latency;
      result.latency = await progress.step(`${m.name}: latency (${cfg.warmup} warm-up + ${cfg.runs} runs each, ${cfg.threads} thread${cfg.threads === 1 ? "" : "s"})`, () => measureLatency({ host, original: a, compressed: b, feeds: samples[0], runs: cfg.runs, warmup: cfg.warmup, threads: cfg.threads }).catch((e) => ({ error: withDimHint(ortMessage(e), autoDims2) })));
    }
  } finally {
    await Promise.allSettled([host.release(a.id), host.release(b.id)]);
  }
  return result;
}
var init_run = __esm({
  "src/pipeline/run.ts"() {
    "use strict";
    init_types2();
    init_errors();
    init_budgets();
    init_auto_inputs();
    init_dim_defaults();
    init_inputs();
    init_input_files();
    init_latency();
    init_ort_runner();
    init_parity();
    init_sources();
    init_markdown();
    init_json();
    init_registry2();
    init_auto();
    init_compress();
    init_progress2();
  }
});

// src/report/dvc.ts
function dvcMetrics(report) {
  const out = { passed: report.passed ? 1 : 0 };
  const put = (key, v) => {
    if (v !== void 0 && Number.isFinite(v)) out[key] = v;
  };
  for (const m of report.models) {
    const k = (s) => `${m.name}.${s}`;
    put(k("passed"), m.passed ? 1 : 0);
    put(k("original_bytes"), m.original.bytes);
    put(k("compressed_bytes"), m.compressed.bytes);
    put(k("reduction"), m.compressed.bytes > 0 ? m.original.bytes / m.compressed.bytes : void 0);
    const seen = /* @__PURE__ */ new Map();
    for (const s of m.stages) {
      const n = (seen.get(s.name) ?? 0) + 1;
      seen.set(s.name, n);
      const name = n === 1 ? s.name : `${s.name}_${n}`;
      put(k(`stage.${name}.bytes_after`), s.bytesAfter);
      put(k(`stage.${name}.ms`), s.ms);
    }
    if (m.parity) {
      put(k("parity.passed"), m.parity.passed ? 1 : 0);
      for (const o of m.parity.outputs) {
        put(k(`parity.${o.name}.max_abs`), o.maxAbs);
        put(k(`parity.${o.name}.mean_abs`), o.meanAbs);
        put(k(`parity.${o.name}.cosine`), o.cosine);
        put(k(`parity.${o.name}.top1`), o.top1);
      }
      if (m.parity.accuracy) {
        put(k("accuracy.original"), m.parity.accuracy.original);
        put(k("accuracy.compressed"), m.parity.accuracy.compressed);
        put(k("accuracy.drop"), m.parity.accuracy.drop);
      }
    }
    if (m.latency && !("error" in m.latency)) {
      put(k("latency.original_p50_ms"), m.latency.original.p50Ms);
      put(k("latency.original_p90_ms"), m.latency.original.p90Ms);
      put(k("latency.compressed_p50_ms"), m.latency.compressed.p50Ms);
      put(k("latency.compressed_p90_ms"), m.latency.compressed.p90Ms);
      put(k("latency.speedup"), m.latency.speedup);
    }
  }
  return out;
}
var init_dvc = __esm({
  "src/report/dvc.ts"() {
    "use strict";
  }
});

// src/cli/run.ts
var run_exports = {};
__export(run_exports, {
  exitCode: () => exitCode,
  reportText: () => reportText,
  runCommand: () => runCommand
});
function reportText(report) {
  return report.models.map((m) => {
    const rows = metricsRows(m).map((r) => [
      r.what.replace(/`/g, ""),
      r.original,
      r.compressed,
      r.budget ? limitCell(r.budget) : "",
      r.budget ? r.budget.passed ? "ok" : "FAIL" : ""
    ]);
    return `${headline(m).replace(/\*\*/g, "")}

${formatTable(["", "original", "compressed", "budget", ""], rows)}`;
  }).join("\n\n");
}
function exitCode(report) {
  for (const line of failureLines(report)) process.stderr.write(`onnx-diet: ${line}
`);
  return report.passed ? 0 : 1;
}
var help3, runCommand;
var init_run2 = __esm({
  "src/cli/run.ts"() {
    "use strict";
    init_load();
    init_run();
    init_dvc();
    init_json();
    init_markdown();
    init_table();
    init_args();
    init_progress();
    help3 = `Runs the whole pipeline for every model in the config: source \u2192 stages \u2192 save \u2192 parity \u2192
latency \u2192 budgets. Prints a table per model; exits 1 when a parity check or budget fails.

  -c, --config FILE    the config (default: onnx-diet.yml)
  --json FILE          write the report JSON
  --markdown FILE      write the Markdown report (what the Action posts as the PR comment)
  --dvc-metrics FILE   write flat DVC metrics JSON (for \`dvc metrics diff\`)
  -h, --help           show this help`;
    runCommand = defineCommand({
      name: "run",
      help: help3,
      options: {
        config: { type: "string", short: "c" },
        json: { type: "string" },
        markdown: { type: "string" },
        "dvc-metrics": { type: "string" }
      },
      args: [],
      async run(values2) {
        const config = loadConfig(values2.config ?? "onnx-diet.yml");
        const report = await runConfig(config, { progress: createProgress() });
        process.stdout.write(`${reportText(report)}
`);
        if (values2.json !== void 0) writeJsonFile(values2.json, report);
        if (values2.markdown !== void 0) writeTextFile(values2.markdown, renderMarkdown(report));
        if (values2["dvc-metrics"] !== void 0) writeJsonFile(values2["dvc-metrics"], dvcMetrics(report));
        return exitCode(report);
      }
    });
  }
});

// src/pipeline/compare.ts
function readModel(file) {
  const loaded = loadModel(file);
  try {
    const d = digestFiles(modelFiles(loaded));
    const summary2 = { bytes: d.bytes, sha256: d.sha256 };
    if (d.files.length > 1) summary2.files = d.files;
    return { summary: summary2, model: loaded.model };
  } finally {
    loaded.external.close();
  }
}
async function compareModels(a, b, opts) {
  const progress = opts.progress ?? silentProgress;
  const host = opts.host ?? startOrtHost();
  try {
    const m = { name: "compare", parity: opts.parity, latency: opts.latency };
    const readA = async () => {
      const { summary: summary2, model } = await progress.step(`read ${a}`, () => readModel(a));
      return { original: summary2, inputs: await checkInputs(m, model, progress) };
    };
    const { original, inputs } = await readA();
    const compressed = (await progress.step(`read ${b}`, () => readModel(b))).summary;
    const checked = await checkModels(m, a, b, host, progress, inputs);
    const entry = withChecks({ name: m.name, source: a, output: b, original, compressed, stages: [] }, checked, []);
    return runReport([entry], "");
  } finally {
    if (!opts.host) await host.close();
  }
}
var init_compare = __esm({
  "src/pipeline/compare.ts"() {
    "use strict";
    init_model_io();
    init_ort_runner();
    init_compress();
    init_digest();
    init_progress2();
    init_run();
  }
});

// src/cli/compare.ts
var compare_exports = {};
__export(compare_exports, {
  compareCommand: () => compareCommand
});
function whole(flag, v, fallback, min) {
  if (v === void 0) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`compare: ${flag} takes a whole number \u2265 ${min}, got '${v}'`);
  return Number(v);
}
function parseDims(v) {
  const dims = {};
  for (const part of (v ?? "").split(",").filter(Boolean)) {
    const m = /^([^=]+)=(\d+)$/.exec(part.trim());
    if (!m || Number(m[2]) < 1) throw new UsageError(`compare: --dims takes NAME=N pairs separated by commas, got '${part}'`);
    dims[m[1]] = Number(m[2]);
  }
  return dims;
}
var help4, compareCommand;
var init_compare2 = __esm({
  "src/cli/compare.ts"() {
    "use strict";
    init_types2();
    init_errors();
    init_compare();
    init_json();
    init_args();
    init_progress();
    init_run2();
    help4 = `Runs models A (reference) and B on the same inputs in onnxruntime and compares every output
(max/mean abs diff, cosine, top-1 agreement, NaN/Inf), then times both interleaved.
Exits 1 when B is outside the default parity thresholds (cosine \u2265 0.99, top-1 \u2265 0.98).

  --inputs PATH        auto (default), or .npy / .npz / .json / a test_data_set folder
  --samples N          auto inputs to draw (default ${DEFAULT_PARITY.samples})
  --dims NAME=N,...    sizes of symbolic dims (default batch=1; sequence 128, or the length of
                       the model's position table when shorter)
  --runs N             timed runs per model (default ${DEFAULT_LATENCY.runs}; 0 skips latency)
  --threads N          onnxruntime intra-op threads (default ${DEFAULT_LATENCY.threads})
  --json FILE          write the report JSON
  -h, --help           show this help`;
    compareCommand = defineCommand({
      name: "compare",
      help: help4,
      options: {
        inputs: { type: "string" },
        samples: { type: "string" },
        dims: { type: "string" },
        runs: { type: "string" },
        threads: { type: "string" },
        json: { type: "string" }
      },
      args: ["model A", "model B"],
      async run(values2, [a, b]) {
        const runs = whole("--runs", values2.runs, DEFAULT_LATENCY.runs, 0);
        const threads = whole("--threads", values2.threads, DEFAULT_LATENCY.threads, 1);
        const report = await compareModels(a, b, {
          parity: {
            inputs: values2.inputs ?? "auto",
            samples: whole("--samples", values2.samples, DEFAULT_PARITY.samples, 1),
            seed: DEFAULT_PARITY.seed,
            dims: parseDims(values2.dims),
            thresholds: { where: {} },
            outputs: {}
          },
          latency: runs === 0 ? false : { runs, warmup: DEFAULT_LATENCY.warmup, threads },
          progress: createProgress()
        });
        process.stdout.write(`${reportText(report)}
`);
        if (values2.json !== void 0) writeJsonFile(values2.json, report);
        return exitCode(report);
      }
    });
  }
});

// src/cli/commands.ts
var COMMANDS;
var init_commands = __esm({
  "src/cli/commands.ts"() {
    "use strict";
    COMMANDS = {
      inspect: {
        synopsis: "inspect MODEL [--json FILE]",
        summary: "where the bytes are and what dedup / quantization would save",
        load: async () => (await Promise.resolve().then(() => (init_inspect2(), inspect_exports))).inspectCommand
      },
      compress: {
        synopsis: "compress IN -o OUT [--stages LIST | --auto] [--json FILE] [--external-data]",
        summary: "run compression stages, save the result, print the sizes",
        load: async () => (await Promise.resolve().then(() => (init_compress2(), compress_exports))).compressCommand
      },
      run: {
        synopsis: "run [--config FILE] [--json FILE] [--markdown FILE] [--dvc-metrics FILE]",
        summary: "compress, check parity and latency, enforce budgets for every model of a config",
        load: async () => (await Promise.resolve().then(() => (init_run2(), run_exports))).runCommand
      },
      compare: {
        synopsis: "compare A B [--inputs PATH] [--json FILE]",
        summary: "parity and latency of two models on the same inputs",
        load: async () => (await Promise.resolve().then(() => (init_compare2(), compare_exports))).compareCommand
      }
    };
  }
});

// src/cli/main.ts
init_errors();
init_json();
init_commands();

// src/cli/errors.ts
init_errors();
function errorLine(e, debug = false) {
  if (!(e instanceof Error)) return `onnx-diet: ${String(e)}`;
  if (debug && e.stack) return `onnx-diet: ${e.stack}`;
  const message = e.message.replace(/\s*\n\s*/g, " ");
  const expected = e instanceof UsageError || e instanceof OnnxFormatError || typeof e.code === "string";
  return expected ? `onnx-diet: ${message}` : `onnx-diet: unexpected error: ${message} (set ONNX_DIET_DEBUG=1 to see where)`;
}

// src/cli/main.ts
function usage() {
  const rows = Object.values(COMMANDS).flatMap((c) => [`  onnx-diet ${c.synopsis}`, `      ${c.summary}`]);
  return [
    `onnx-diet ${TOOL_VERSION}: shrink ONNX models (dedup, prune, quantize) and check they still answer the same`,
    "",
    "usage:",
    ...rows,
    "",
    "  onnx-diet COMMAND --help   options of a command",
    "  onnx-diet --version",
    "",
    "exit codes: 0 ok, 1 a parity check or budget failed, 2 bad input or usage"
  ].join("\n");
}
async function main(argv) {
  const [name, ...rest] = argv;
  if (name === void 0) {
    process.stderr.write(`${usage()}
`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}
`);
    return 0;
  }
  if (name === "--version" || name === "-V") {
    process.stdout.write(`${TOOL_VERSION}
`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : void 0;
  if (!command) {
    throw new UsageError(`unknown command '${name}'; commands: ${Object.keys(COMMANDS).join(", ")} (see 'onnx-diet --help')`);
  }
  return (await command.load()).run(rest);
}
async function runCli(argv) {
  try {
    return await main(argv);
  } catch (e) {
    process.stderr.write(`${errorLine(e, process.env.ONNX_DIET_DEBUG === "1")}
`);
    return 2;
  }
}
process.exitCode = await runCli(process.argv.slice(2));
export {
  main,
  runCli
};
