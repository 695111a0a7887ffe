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
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
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
    base64.encode = function encode(buffer, start, end) {
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
    base64.decode = function decode(string, buffer, offset) {
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
    var utf8 = exports;
    var looseDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    var strictDecoder;
    var TEXT_DECODER_MIN_LENGTH = 64;
    try {
      strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch (err) {
      strictDecoder = looseDecoder;
    }
    utf8.length = function utf8_length(string) {
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
    utf8.read = function utf8_read_loose(buffer, start, end) {
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
    utf8.readStrict = function utf8_read_strict(buffer, start, end) {
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
    utf8.write = function utf8_write(string, buffer, offset) {
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
    function pool(alloc, slice, size) {
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
        var buf = slice.call(slab, offset, offset += size2);
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
          get: function get() {
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
    var utf8 = util.utf8;
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
        return this._delim(lenPos, utf8.write(value, this.buf, lenPos + 1));
      }
      var len = utf8.length(value);
      this.uint32(len);
      this._reserve(len);
      if (len === value.length)
        writeStringAscii(value, this.buf, this.pos);
      else
        utf8.write(value, this.buf, this.pos);
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
    var utf8 = util.utf8;
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
      return utf8.read(this.buf, start, end);
    };
    Reader.prototype.stringVerify = function read_string_verify() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf8.readStrict(this.buf, start, end);
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
    var path6 = exports;
    var urlRe = /^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//;
    function normalizeUrl(path7) {
      if (typeof URL === "undefined" || !urlRe.test(path7))
        return null;
      try {
        return new URL(path7).href;
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
      path6.isAbsolute = function isAbsolute2(path7) {
        return /^(?:\/|\w+:|\\\\\w+)/.test(path7);
      }
    );
    var normalize = (
      /**
       * Normalizes the specified path.
       * @param {string} path Path to normalize
       * @returns {string} Normalized path
       */
      path6.normalize = function normalize2(path7) {
        var normalizedUrl = normalizeUrl(path7);
        if (normalizedUrl)
          return normalizedUrl;
        var firstTwoCharacters = path7.substring(0, 2);
        var uncPrefix = "";
        if (firstTwoCharacters === "\\\\") {
          uncPrefix = firstTwoCharacters;
          path7 = path7.substring(2);
        }
        path7 = path7.replace(/\\/g, "/").replace(/\/{2,}/g, "/");
        var parts = path7.split("/"), absolute = isAbsolute(path7), prefix = "";
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
    path6.resolve = function resolve(originPath, includePath, alreadyNormalized) {
      var resolvedUrl = resolveUrl(originPath, includePath);
      if (resolvedUrl)
        return resolvedUrl;
      if (!alreadyNormalized)
        includePath = normalize(includePath);
      if (isAbsolute(includePath))
        return includePath;
      if (!alreadyNormalized)
        originPath = normalize(originPath);
      return (originPath = originPath.replace(/(?:\/|^)[^/]+$/, "")).length ? normalize(originPath + "/" + includePath) : includePath;
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
    Namespace.prototype.get = function get(name) {
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
    Namespace.prototype.define = function define2(path6, json) {
      if (util.isString(path6))
        path6 = path6.split(".");
      else if (!Array.isArray(path6))
        throw TypeError("illegal path");
      if (path6 && path6.length && path6[0] === "")
        throw Error("path must be relative");
      if (path6.length > util.recursionLimit)
        throw Error("max depth exceeded");
      var ptr = this;
      while (path6.length > 0) {
        var part = path6.shift();
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
    Namespace.prototype.lookup = function lookup(path6, filterTypes, parentAlreadyChecked) {
      if (typeof filterTypes === "boolean") {
        parentAlreadyChecked = filterTypes;
        filterTypes = void 0;
      } else if (filterTypes && !Array.isArray(filterTypes))
        filterTypes = [filterTypes];
      if (util.isString(path6) && path6.length) {
        if (path6 === ".")
          return this.root;
        path6 = path6.split(".");
      } else if (!path6.length)
        return this;
      var flatPath = path6.join(".");
      if (path6[0] === "")
        return this.root.lookup(path6.slice(1), filterTypes);
      var found = this._lookupImpl(path6, flatPath);
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
        found = current.parent._lookupImpl(path6, flatPath);
        if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
          return found;
        }
        current = current.parent;
      }
      return null;
    };
    Namespace.prototype._lookupImpl = function lookup(path6, flatPath) {
      if (Object.prototype.hasOwnProperty.call(this._lookupCache, flatPath)) {
        return this._lookupCache[flatPath];
      }
      var found = this.get(path6[0]);
      var exact = null;
      if (found) {
        if (path6.length === 1) {
          exact = found;
        } else if (found instanceof Namespace) {
          path6 = path6.slice(1);
          exact = found._lookupImpl(path6, path6.join("."));
        }
      } else {
        for (var i = 0; i < this.nestedArray.length; ++i)
          if (this._nestedArray[i] instanceof Namespace && (found = this._nestedArray[i]._lookupImpl(path6, flatPath))) {
            exact = found;
            break;
          }
      }
      this._lookupCache[flatPath] = exact;
      return exact;
    };
    Namespace.prototype.lookupType = function lookupType(path6) {
      var found = this.lookup(path6, [Type]);
      if (!found)
        throw Error("no such type: " + path6);
      return found;
    };
    Namespace.prototype.lookupEnum = function lookupEnum(path6) {
      var found = this.lookup(path6, [Enum]);
      if (!found)
        throw Error("no such Enum '" + path6 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupTypeOrEnum = function lookupTypeOrEnum(path6) {
      var found = this.lookup(path6, [Type, Enum]);
      if (!found)
        throw Error("no such Type or Enum '" + path6 + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupService = function lookupService(path6) {
      var found = this.lookup(path6, [Service]);
      if (!found)
        throw Error("no such Service '" + path6 + "' in " + this);
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
    Service.prototype.get = function get(name) {
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
    Message.encode = function encode(message, writer) {
      return this.$type.encode(message, writer);
    };
    Message.encodeDelimited = function encodeDelimited(message, writer) {
      return this.$type.encodeDelimited(message, writer);
    };
    Message.decode = function decode(reader) {
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
          for (var values = field.resolvedType.values, keys = Object.keys(values), i = 0; i < keys.length; ++i) {
            gen("case%j:", keys[i])("case %i:", values[keys[i]])("%s=%j", dst, values[keys[i]])("break");
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
    Type.prototype.get = function get(name) {
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
    util.setProperty = function setProperty(dst, path6, value, ifNotSet) {
      function setProp(dst2, path7, value2) {
        var part = path7.shift();
        if (util.isUnsafeProperty(part))
          return dst2;
        if (path7.length > 0) {
          dst2[part] = setProp(dst2[part] || {}, path7, value2);
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
      if (!path6)
        throw TypeError("path must be specified");
      path6 = path6.split(".");
      if (path6.length > util.recursionLimit)
        throw Error("max depth exceeded");
      return setProp(dst, path6, value);
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
    function bake(values, offset) {
      var i = 0, o = /* @__PURE__ */ Object.create(null);
      offset |= 0;
      while (i < values.length) o[s[i + offset]] = values[i++];
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
          var path6 = [this.name], ptr = this.parent;
          while (ptr) {
            path6.unshift(ptr.name);
            ptr = ptr.parent;
          }
          return path6.join(".");
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
    function Enum(name, values, options, comment, comments, valuesOptions) {
      ReflectionObject.call(this, name, options);
      if (values && typeof values !== "object")
        throw TypeError("values must be an object");
      this.valuesById = /* @__PURE__ */ Object.create(null);
      this.values = Object.create(this.valuesById);
      this.comment = comment;
      this.comments = comments || {};
      this.valuesOptions = valuesOptions;
      this._valuesFeatures = {};
      this.reserved = void 0;
      this.visibility = void 0;
      if (values) {
        for (var keys = Object.keys(values), i = 0; i < keys.length; ++i)
          if (keys[i] !== "__proto__" && typeof values[keys[i]] === "number") {
            this.values[keys[i]] = values[keys[i]];
            if (this.valuesById[values[keys[i]]] === void 0)
              this.valuesById[values[keys[i]]] = keys[i];
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
        var values = [], token2;
        do {
          if ((token2 = next()) !== '"' && token2 !== "'")
            throw illegal(token2);
          values.push(next());
          skip(token2);
          token2 = peek();
        } while (token2 === '"' || token2 === "'");
        return values.join("");
      }
      function readValue(acceptTypeRef) {
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
        var enm = new Enum(token2), values = [];
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
              values.push(parseEnumValue(token3));
          }
        });
        for (var i = 0; i < values.length; ++i)
          enm.add(values[i].name, values[i].id, values[i].comment, values[i].options);
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
        var optionValue2 = parseOptionValue(parent, name);
        propName = propName && propName[0] === "." ? propName.slice(1) : propName;
        option = option && option[option.length - 1] === "." ? option.slice(0, -1) : option;
        setParsedOption(parent, option, optionValue2, propName);
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
                    lastValue = lastValueIsAggregate ? parseOptionValue(parent, name + "." + propName, depth + 1) : readValue(true);
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
              value = readValue(true);
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
        var simpleValue = name === "default" && parent instanceof Field && integerTypeRe.test(parent.type) ? parseInteger(next(), !unsignedTypeRe.test(parent.type)) : readValue(true);
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
    common.get = function get(file) {
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

// src/onnx/errors.ts
var OnnxFormatError = class extends Error {
  name = "OnnxFormatError";
};
var UsageError = class extends Error {
  name = "UsageError";
};

// src/report/json.ts
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
var TOOL = "onnx-diet";
var TOOL_VERSION = "0.1.0";
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
    passed: true
  };
}
function buildReport(models) {
  return { tool: TOOL, version: TOOL_VERSION, passed: models.every((m) => m.passed), models };
}
function writeJsonFile(file, value) {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${JSON.stringify(value, null, 2)}
`);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

// src/pipeline/compress.ts
import { mkdirSync as mkdirSync2, mkdtempSync as mkdtempSync2, rmSync as rmSync4, statSync as statSync3 } from "node:fs";
import { tmpdir } from "node:os";
import path5 from "node:path";

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
    const visit = (nodes) => {
      for (const node of nodes) {
        attributeTensors(node, (t, attribute2) => cb(t, { kind: "attribute", node, attribute: attribute2, fn }));
        for (const { graph } of subgraphsOf(node)) visit(graph.node);
      }
    };
    visit(fn.node);
  }
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
function usesOf(scope, name) {
  const uses = [];
  const visit = (s) => {
    s.graph.node.forEach((node) => {
      node.input.forEach((input, inputIndex) => {
        if (input === name) uses.push({ node, scope: s, inputIndex });
      });
      for (const { graph, attribute: attribute2 } of subgraphsOf(node)) {
        if (!definedNames(graph).has(name)) visit({ graph, parent: s, owner: node, attribute: attribute2, depth: s.depth + 1 });
      }
    });
  };
  visit(scope);
  return uses;
}
function replaceAllUses(scope, from, to) {
  let count = 0;
  const visit = (graph, isRoot) => {
    for (const node of graph.node) {
      for (let i = 0; i < node.input.length; i++) {
        if (node.input[i] === from) {
          node.input[i] = to;
          count++;
        }
      }
      for (const { graph: g } of subgraphsOf(node)) if (!definedNames(g).has(from)) visit(g, false);
    }
    if (!isRoot) {
      for (const o of graph.output) if (o.name === from) {
        o.name = to;
        count++;
      }
    }
  };
  visit(scope.graph, true);
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
  let name = base;
  for (let k = 1; taken.has(name); k++) name = `${base}_${k}`;
  taken.add(name);
  return name;
}
function attr(node, name) {
  return node.attribute.find((a) => a.name === name);
}

// src/onnx/model-io.ts
import { closeSync as closeSync2, existsSync, fstatSync as fstatSync2, fsyncSync, openSync as openSync2, readFileSync, realpathSync as realpathSync2, renameSync as renameSync2, rmSync as rmSync2, statSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path3 from "node:path";

// src/onnx/codec.ts
var import_protobufjs2 = __toESM(require_protobufjs(), 1);

// src/onnx/schema.ts
var import_protobufjs = __toESM(require_protobufjs(), 1);
var ONNX_PROTO = `
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
var root;
function onnxRoot() {
  if (!root) {
    root = import_protobufjs.default.parse(ONNX_PROTO, { keepCase: true }).root;
    root.resolveAll();
  }
  return root;
}

// src/onnx/codec.ts
var BIGINT_FIELDS = /* @__PURE__ */ new Set(["onnx.AttributeProto.i", "onnx.AttributeProto.ints"]);
var TYPED_FIELDS = {
  "onnx.TensorProto.float_data": "f32",
  "onnx.TensorProto.int32_data": "i32",
  "onnx.TensorProto.int64_data": "i64",
  "onnx.TensorProto.double_data": "f64",
  "onnx.TensorProto.uint64_data": "u64"
};
var MAX_MESSAGE_DEPTH = 1024;
var camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
var types = /* @__PURE__ */ new Map();
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
var TWO32 = 4294967296;
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
      const value = decodeInto(r, subEnd, f.msg, depth + 1);
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
var subst;
var sub = (m) => subst ? subst.get(m) ?? m : m;
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
var ChunkedWriter = class {
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
    if (b.length >= 65536) {
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
function encodeModelTo(model, sink, substitutions) {
  return encodeType(model, "onnx.ModelProto", sink, substitutions);
}

// src/onnx/external.ts
import { closeSync, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import path2 from "node:path";

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
var BITS = {
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

// src/onnx/types.ts
var AttributeType = {
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
var DataLocation = { DEFAULT: 0, EXTERNAL: 1 };

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
var CONSTANT_VALUE_ATTRS = /* @__PURE__ */ new Set([
  "value",
  "value_float",
  "value_floats",
  "value_int",
  "value_ints",
  "value_string",
  "value_strings",
  "sparse_value"
]);
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
  const values = s.values;
  const indices = s.indices;
  if (!values || !indices) throw new OnnxFormatError("sparse tensor without values or indices");
  const dtype = values.dataType ?? 0;
  const bits = bitsOf(dtype);
  if (bits < 8) throw new OnnxFormatError(`sparse tensor of ${dataTypeName(dtype)} is not supported`);
  const width = bits / 8;
  const total2 = elementCount(s.dims);
  const out = new Uint8Array(total2 * width);
  const vals = tensorBytes(values, external);
  const nnz = elementCount(values.dims);
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
  return makeTensor(values.name ?? "", dtype, [...s.dims], out);
}

// src/onnx/external.ts
var ExternalDataReader = class {
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
    const fd = openSync(real, "r");
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
    const out = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(f.fd, out, done, length - done, offset + done);
      if (n <= 0) throw new OnnxFormatError(`${this.modelPath}: short read of external data '${location}'`);
      done += n;
    }
    return out;
  }
  /** Closes the data files opened so far. */
  close() {
    for (const f of this.files.values()) closeSync(f.fd);
    this.files.clear();
  }
};
function isInside(dir, p) {
  const rel = path2.relative(dir, p);
  return rel === "" || !rel.startsWith("..") && !path2.isAbsolute(rel);
}

// src/onnx/validate.ts
var MAX_GRAPH_DEPTH = 64;
function checkTensor(t, external) {
  const name = t.name ?? "(unnamed)";
  for (const d of t.dims) {
    if (!Number.isSafeInteger(d) || d < 0) throw new OnnxFormatError(`tensor '${name}' has invalid dimension ${d}`);
  }
  if (!isKnownDataType(t.dataType)) throw new OnnxFormatError(`tensor '${name}' has unknown data type ${t.dataType}`);
  const count = elementCount(t.dims);
  if (t.dataType === DataType.STRING) {
    if (t.stringData.length !== count && !isExternal(t)) {
      throw new OnnxFormatError(`tensor '${name}': ${t.stringData.length} strings for dims [${t.dims.join(",")}]`);
    }
    return;
  }
  const expected = rawByteLength(t.dataType, count);
  if (isExternal(t)) {
    if (external?.range) {
      const { length } = external.range(t);
      if (length !== expected) {
        throw new OnnxFormatError(`tensor '${name}': external data length ${length} does not match dims [${t.dims.join(",")}] of ${dataTypeName(t.dataType)} (${expected} bytes)`);
      }
    } else if (tensorByteLength(t) !== expected) {
      throw new OnnxFormatError(`tensor '${name}': external data length does not match its dims`);
    }
    return;
  }
  const actual = tensorBytes(t).length;
  if (actual !== expected) {
    throw new OnnxFormatError(
      `tensor '${name}': ${actual} bytes of data for dims [${t.dims.join(",")}] of ${dataTypeName(t.dataType)} (expected ${expected})`
    );
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

// src/onnx/model-io.ts
var PROTOBUF_LIMIT = 2 ** 31 - 1;
var EXTERNAL_ALIGNMENT = 65536;
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
var FileSink = class {
  constructor(fd) {
    this.fd = fd;
  }
  fd;
  written = 0;
  write(b) {
    let off = 0;
    while (off < b.length) off += writeSync(this.fd, b, off, b.length - off);
    this.written += b.length;
  }
};
function tempBeside(target) {
  return path3.join(path3.dirname(target), `.${path3.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}
function writeAtomically(target, write) {
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
  const raw = tensorBytes(t, source);
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
  forEachTensor(model, (t) => {
    tensors.push(t);
  });
  const subs = /* @__PURE__ */ new Map();
  for (const t of tensors) if (isExternal(t)) subs.set(t, inlined(t, opts.source));
  let external = opts.externalData ?? "auto";
  if (external === "auto") {
    external = encodedModelSize(model, subs) > PROTOBUF_LIMIT;
  }
  if (!external) {
    const written = writeAtomically(out, (sink) => encodeModelTo(model, sink, subs));
    return { path: out, bytes: written, modelBytes: written, dataBytes: 0 };
  }
  subs.clear();
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
    const pad = new Uint8Array(EXTERNAL_ALIGNMENT);
    for (const t of tensors) {
      if (tensorByteLength(t) < threshold || t.dataType === 8) {
        if (isExternal(t)) subs.set(t, inlined(t, opts.source));
        continue;
      }
      const raw = tensorBytes(t, opts.source);
      const aligned = Math.ceil(offset / EXTERNAL_ALIGNMENT) * EXTERNAL_ALIGNMENT;
      if (aligned > offset) sink.write(pad.subarray(0, aligned - offset));
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

// src/stages/pipeline.ts
import { performance } from "node:perf_hooks";

// src/onnx/size.ts
function modelByteSize(model) {
  let n = encodedModelSize(model);
  forEachTensor(model, (t) => {
    if (isExternal(t)) n += tensorByteLength(t);
  });
  return n;
}

// src/stages/pipeline.ts
async function runStages(model, stages, ctx) {
  const results = [];
  let current = model;
  let bytes = modelByteSize(current);
  for (const stage of stages) {
    const t0 = performance.now();
    const { model: next, details } = await stage.run(current, ctx);
    const ms = Math.round(performance.now() - t0);
    const after = modelByteSize(next);
    results.push({ name: stage.name, bytesBefore: bytes, bytesAfter: after, ms, details });
    current = next;
    bytes = after;
  }
  return { model: current, results };
}

// src/stages/dedup-analysis.ts
import { createHash } from "node:crypto";

// src/stages/dedup-transpose.ts
var MIN_TIE_BYTES = 64;
var SAMPLES = 16;
var TILE = 64;
function elementWidth(dataType) {
  const bits = bitsOf(dataType);
  return dataType === DataType.STRING || bits < 8 || bits % 8 !== 0 ? 0 : bits / 8;
}
function sameElement(x, xi, y, yi, width) {
  for (let k = 0; k < width; k++) if (x[xi + k] !== y[yi + k]) return false;
  return true;
}
function words(x, y, width) {
  for (const u of [4, 2]) {
    if (width % u === 0 && x.byteOffset % u === 0 && y.byteOffset % u === 0) {
      const view2 = (b) => u === 4 ? new Uint32Array(b.buffer, b.byteOffset, b.length / 4) : new Uint16Array(b.buffer, b.byteOffset, b.length / 2);
      return [view2(x), view2(y), width / u];
    }
  }
  return [x, y, width];
}
function isTransposeOf(x, y, rows, cols, width) {
  const n = rows * cols;
  if (x.length !== n * width || y.length !== n * width) return false;
  for (let k = 0; k < Math.min(SAMPLES, n); k++) {
    const p = Math.floor(k * (n - 1) / Math.max(1, SAMPLES - 1));
    const i = Math.floor(p / cols);
    const j = p % cols;
    if (!sameElement(x, p * width, y, (j * rows + i) * width, width)) return false;
  }
  const [xw, yw, per] = words(x, y, width);
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(rows, i0 + TILE);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(cols, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        for (let j = j0; j < j1; j++) {
          const xi = (i * cols + j) * per;
          const yi = (j * rows + i) * per;
          for (let k = 0; k < per; k++) if (xw[xi + k] !== yw[yi + k]) return false;
        }
      }
    }
  }
  return true;
}
function findTransposedPairs(items, tensorOf, bytesOf2, orient) {
  const key = (dtype, a, b) => `${dtype}|${a}|${b}`;
  const byShape = /* @__PURE__ */ new Map();
  for (const item of items) {
    const t = tensorOf(item);
    if (t.dims.length !== 2 || elementWidth(t.dataType) === 0) continue;
    if (t.dims[0] * t.dims[1] * elementWidth(t.dataType) < MIN_TIE_BYTES) continue;
    const k = key(t.dataType, t.dims[0], t.dims[1]);
    const list = byShape.get(k);
    if (list) list.push(item);
    else byShape.set(k, [item]);
  }
  const paired = /* @__PURE__ */ new Set();
  const out = [];
  for (const x of items) {
    const tx = tensorOf(x);
    if (paired.has(x) || tx.dims.length !== 2) continue;
    const [rows, cols] = tx.dims;
    if (!byShape.has(key(tx.dataType, rows, cols))) continue;
    for (const y of byShape.get(key(tx.dataType, cols, rows)) ?? []) {
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

// src/stages/dedup-analysis.ts
function constantSiteTensor(n) {
  const a = constantValueAttr(n);
  if (n.attribute.length !== 1 || !a || a.name === "sparse_value" || a.refAttrName !== void 0) return void 0;
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
function pushTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function sameBytes(a, b) {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}
function place(candidates, s, bytesOf2) {
  const bytes = bytesOf2(s.tensor);
  const same = candidates.find((c) => sameBytes(bytesOf2(c[0].tensor), bytes));
  if (same) {
    same.push(s);
    return void 0;
  }
  const created = [s];
  candidates.push(created);
  return created;
}
var DIRECT_CLASSES = 8;
var FINGERPRINT_SAMPLES = 64;
function fingerprint(b) {
  const n = Math.min(FINGERPRINT_SAMPLES, b.length);
  const samples = new Uint8Array(n);
  for (let k = 0; k < n; k++) samples[k] = b[Math.floor(k * (b.length - 1) / Math.max(1, n - 1))];
  return Buffer.from(samples.buffer).toString("latin1");
}
function identicalClasses(sites, bytesOf2) {
  if (sites.length === 1) return [sites];
  const byFingerprint = /* @__PURE__ */ new Map();
  for (const s of sites) pushTo(byFingerprint, fingerprint(bytesOf2(s.tensor)), s);
  return [...byFingerprint.values()].flatMap((bucket) => compareOrHash(bucket, bytesOf2));
}
function compareOrHash(sites, bytesOf2) {
  const classes = [];
  let i = 0;
  for (; i < sites.length && classes.length <= DIRECT_CLASSES; i++) place(classes, sites[i], bytesOf2);
  if (i === sites.length) return classes;
  const digest = (s) => createHash("sha256").update(bytesOf2(s.tensor)).digest("base64");
  const buckets = /* @__PURE__ */ new Map();
  for (const c of classes) pushTo(buckets, digest(c[0]), c);
  for (; i < sites.length; i++) {
    const key = digest(sites[i]);
    const bucket = buckets.get(key) ?? [];
    buckets.set(key, bucket);
    const created = place(bucket, sites[i], bytesOf2);
    if (created) classes.push(created);
  }
  return classes;
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
    let b = cache.get(t);
    if (!b) {
      b = tensorBytes(t, external);
      cache.set(t, b);
    }
    return b;
  };
  const byKey = /* @__PURE__ */ new Map();
  for (const s of collectSites(model, env, scopes)) {
    pushTo(byKey, `${s.tensor.dataType}|${s.tensor.dims.join(",")}|${tensorByteLength(s.tensor)}`, s);
  }
  const merges = [];
  const singles = [];
  for (const group of byKey.values()) {
    const bytes = tensorByteLength(group[0].tensor);
    for (const same of identicalClasses(group, bytesOf2)) {
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
    ties.push(...findTransposedPairs(candidates, (c) => c.sites[0].tensor, bytesOf2, orient));
  }
  merges.sort((a, b) => a.sites[0].order - b.sites[0].order);
  return { merges, ties };
}
var graphName = (s) => s.graph.name ?? (s.depth === 0 ? "main" : `subgraph@${s.depth}`);
var className = (c) => c.keep?.name ?? c.sites[0].name;
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
var OPTIONS = ["transposed"];
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
function pruneStorage(graph, read, protect, counts) {
  const keep = /* @__PURE__ */ new Set([...read, ...protect]);
  for (const v of graph.input) if (v.name) keep.add(v.name);
  for (const v of graph.output) if (v.name) keep.add(v.name);
  const alive = new Set(keep);
  for (const n of graph.node) for (const o of n.output) if (o) alive.add(o);
  const annotations = graph.quantizationAnnotation.filter((a) => alive.has(a.tensorName ?? ""));
  for (const a of annotations) for (const e of a.quantParameterTensorNames) if (e.value) keep.add(e.value);
  const initializers = graph.initializer.filter((t) => keep.has(t.name ?? ""));
  for (const t of graph.initializer) if (!keep.has(t.name ?? "")) counts.initializerBytes += tensorByteLength(t);
  counts.initializers += graph.initializer.length - initializers.length;
  graph.initializer = initializers;
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
  const memo = /* @__PURE__ */ new Map();
  const scopes = mainScopes(model).reverse();
  for (const scope of scopes) {
    const { graph } = scope;
    const isMain = scope.parent === void 0;
    const roots = graph.output.map((v) => v.name ?? "");
    if (isMain) roots.push(...training);
    const read = pruneNodes(graph, roots, memo, counts);
    pruneStorage(graph, read, isMain ? training : /* @__PURE__ */ new Set(), counts);
  }
}
function pruneValueInfo(model, counts) {
  const visible = /* @__PURE__ */ new Map();
  for (const scope of mainScopes(model)) {
    const names = definedNames(scope.graph);
    const outer = scope.parent ? visible.get(scope.parent.graph) : void 0;
    if (outer) for (const n of outer) names.add(n);
    visible.set(scope.graph, names);
    const kept = scope.graph.valueInfo.filter((v) => names.has(v.name ?? ""));
    counts.valueInfo += scope.graph.valueInfo.length - kept.length;
    scope.graph.valueInfo = kept;
  }
}
var functionKey = (domain, name, overload) => `${domain ?? ""}\0${name ?? ""}\0${overload ?? ""}`;
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

// src/stages/quant/constant-weight.ts
var DefinitionIndex = class {
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
function isTranspose2d(node, rank) {
  if (rank !== 2) return false;
  const perm = attr(node, "perm")?.ints;
  return !perm || perm.length === 0 || perm.length === 2 && perm[0] === 1n && perm[1] === 0n;
}
function resolveConstant(scope, name, index) {
  const path6 = [];
  const transposed = false;
  let current = scope;
  let wanted = name;
  for (let steps = 0; current && steps < 64; steps++) {
    const def = index.of(current.graph).get(wanted);
    if (!def) {
      current = current.parent;
      continue;
    }
    path6.push({ scope: current, name: wanted });
    if (def.kind === "input") return void 0;
    if (def.kind === "initializer") return { tensor: def.tensor, transposed, path: path6 };
    const node = def.node;
    if ((node.domain ?? "") !== "") return void 0;
    if (isConstantNode(node)) {
      const tensor = constantNodeTensor(node);
      return tensor && tensor === attr(node, "value")?.t ? { tensor, transposed, path: path6 } : void 0;
    }
    if (node.opType === "Identity" && node.input[0]) {
      wanted = node.input[0];
      continue;
    }
    if (node.opType === "Transpose" && node.input[0]) {
      const inner = resolveConstant(current, node.input[0], index);
      if (!inner || !isTranspose2d(node, inner.tensor.dims.length)) return void 0;
      return { tensor: inner.tensor, transposed: !inner.transposed, path: [...path6, ...inner.path] };
    }
    return void 0;
  }
  return void 0;
}
function removeUnused(paths, index) {
  let removed = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const path6 of paths) {
      for (const { scope, name } of path6) {
        const g = scope.graph;
        const defs = index.of(g);
        const def = defs.get(name);
        if (!def || def.kind === "input") break;
        if (g.output.some((o) => o.name === name) || usesOf(scope, name).length > 0) break;
        if (def.kind === "initializer") {
          g.initializer = g.initializer.filter((t) => t !== def.tensor);
          g.input = g.input.filter((v) => v.name !== name);
        } else {
          g.node = g.node.filter((n) => n !== def.node);
        }
        defs.delete(name);
        removed++;
        changed = true;
      }
    }
  }
  return removed;
}

// src/stages/quant/numerics.ts
var FLOAT32_TINY = 11754943508222875e-54;
function quantRange(type, symmetric, reduceRange) {
  if (reduceRange) return type === "int8" ? { qmin: -64, qmax: 64 } : { qmin: 0, qmax: 127 };
  if (type === "int8") return symmetric ? { qmin: -127, qmax: 127 } : { qmin: -128, qmax: 127 };
  return { qmin: 0, qmax: 255 };
}
function clipRange(type) {
  return type === "int8" ? { qmin: -127, qmax: 127 } : { qmin: 0, qmax: 255 };
}
function roundHalfEven(x) {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
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
  let min = Infinity;
  let max = -Infinity;
  let bad = false;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < min) min = v;
    if (v > max) max = v;
    if (v !== v) bad = true;
  }
  if (bad || min === -Infinity || max === Infinity) return { min: NaN, max: NaN };
  if (data.length === 0) return { min: 0, max: 0 };
  return { min, max };
}
function quantizeValue(v, params, clip) {
  const q = roundHalfEven(Math.fround(v / params.scale)) + params.zeroPoint;
  return q < clip.qmin ? clip.qmin : q > clip.qmax ? clip.qmax : q;
}
function allocate(type, n) {
  return type === "int8" ? new Int8Array(n) : new Uint8Array(n);
}
function quantizePerTensor(data, opts) {
  const { min, max } = minMax(data);
  const params = computeScaleZeroPoint(min, max, quantRange(opts.type, opts.symmetric, opts.reduceRange), opts.symmetric);
  const clip = clipRange(opts.type);
  const values = allocate(opts.type, data.length);
  for (let i = 0; i < data.length; i++) values[i] = quantizeValue(data[i], params, clip);
  const zeroPoints = allocate(opts.type, 1);
  zeroPoints[0] = params.zeroPoint;
  return { values, scales: Float32Array.of(params.scale), zeroPoints };
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
  const clip = clipRange(opts.type);
  const values = allocate(opts.type, data.length);
  for (let o = 0, i = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const p = params[c];
      for (let k = 0; k < inner; k++, i++) values[i] = quantizeValue(data[i], p, clip);
    }
  }
  const zeroPoints = allocate(opts.type, channels);
  params.forEach((p, c) => {
    zeroPoints[c] = p.zeroPoint;
  });
  return { values, scales: Float32Array.from(params, (p) => p.scale), zeroPoints };
}

// src/stages/quant/opset.ts
var REQUIRED_OPSET = 11;
var SAFE_FROM = {
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
var isDefaultDomain = (d) => d === void 0 || d === "" || d === "ai.onnx";
function planOpset(model) {
  const entry = model.opsetImport.find((o) => isDefaultDomain(o.domain));
  const version = entry?.version ?? 1;
  if (version >= REQUIRED_OPSET) return { action: "keep", version };
  const unsafe = /* @__PURE__ */ new Set();
  for (const scope of mainScopes(model)) {
    for (const n of scope.graph.node) {
      if (!isDefaultDomain(n.domain)) continue;
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
  const entry = model.opsetImport.find((o) => isDefaultDomain(o.domain));
  if (entry) entry.version = to;
  else model.opsetImport.push({ domain: "", version: to });
}

// src/stages/quant/nodes.ts
function attribute(name) {
  return { name, floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}
function intAttr(name, value) {
  return { ...attribute(name), type: AttributeType.INT, i: BigInt(value) };
}
function intsAttr(name, values) {
  return { ...attribute(name), type: AttributeType.INTS, ints: values.map((v) => BigInt(v)) };
}
function makeNode(opType, name, inputs, outputs, attrs = []) {
  return { opType, name, input: inputs, output: outputs, attribute: attrs, metadataProps: [], deviceConfigurations: [] };
}

// src/stages/quant/int8-conv.ts
var convQuantizer = {
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
    if (s.options.perChannel && s.options.weightType === "uint8") {
      return "per-channel uint8 Conv needs per-channel zero points, which ORT ConvInteger does not take";
    }
    return void 0;
  },
  rewrite(node, weight, scope, s, out) {
    const base = s.baseOf(node, scope);
    const m = weight.tensor.dims[0];
    const spatialOnes = weight.tensor.dims.slice(2).map(() => 1);
    const x = s.activation(scope.graph, node.input[0], out);
    const axis = s.options.perChannel ? 0 : void 0;
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

// src/stages/quant/int8-gather.ts
var gatherQuantizer = {
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

// src/stages/quant/int8-matmul.ts
function outputChannelAxis(weight) {
  return weight.transposed ? 0 : 1;
}
function putBiasSecond(output, scope, s) {
  const readers = scope.graph.node.filter((n) => n.input.includes(output));
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
var matMulQuantizer = {
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

// src/stages/quant/tensor-pool.ts
import { createHash as createHash2 } from "node:crypto";
function sameBytes2(a, b) {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}
function bytesOf(a) {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
var ContentMap = class {
  entries = /* @__PURE__ */ new Map();
  static key(prefix, bytes) {
    return `${prefix}|${createHash2("sha1").update(bytes).digest("base64")}`;
  }
  get(key, bytes) {
    return this.entries.get(key)?.find((e) => sameBytes2(e.bytes, bytes))?.value;
  }
  set(key, bytes, value) {
    const list = this.entries.get(key) ?? [];
    list.push({ bytes, value });
    this.entries.set(key, list);
  }
};
var TensorPool = class {
  constructor(root2, names, declareAsInput) {
    this.root = root2;
    this.names = names;
    this.declareAsInput = declareAsInput;
  }
  root;
  names;
  declareAsInput;
  byContent = new ContentMap();
  /** Bytes of every tensor added (what the quantized weights cost). */
  bytesAdded = 0;
  tensorsAdded = 0;
  intern(base, dataType, dims, bytes) {
    const key = ContentMap.key(`${dataType}:${dims.join("x")}`, bytes);
    const known = this.byContent.get(key, bytes);
    if (known) return known;
    const name = freshName(this.names, base);
    this.root.initializer.push(makeTensor(name, dataType, [...dims], bytes));
    if (this.declareAsInput) this.root.input.push(inputOf(name, dataType, dims));
    this.byContent.set(key, bytes, name);
    this.bytesAdded += bytes.length;
    this.tensorsAdded++;
    return name;
  }
};
function inputOf(name, elemType, dims) {
  return { name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => ({ dimValue: d })) } } }, metadataProps: [] };
}
var TensorHashes = class {
  memo = /* @__PURE__ */ new WeakMap();
  of(t, bytes) {
    let h = this.memo.get(t);
    if (h === void 0) {
      h = createHash2("sha1").update(bytes).digest("base64");
      this.memo.set(t, h);
    }
    return h;
  }
};

// src/stages/quant/int8-gemm.ts
function floatAttr(node, name, dflt) {
  return attr(node, name)?.f ?? dflt;
}
var gemmQuantizer = {
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
    const alpha = floatAttr(node, "alpha", 1);
    const beta = floatAttr(node, "beta", 1);
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

// src/stages/quant/registry.ts
var INT8_QUANTIZERS = {
  MatMul: matMulQuantizer,
  Gemm: gemmQuantizer,
  Gather: gatherQuantizer,
  Conv: convQuantizer
};
var DEFAULT_INT8_OPS = ["MatMul", "Gemm", "Gather"];

// src/stages/quant/session.ts
var QuantSession = class {
  constructor(options, names, root2, irVersion, external) {
    this.options = options;
    this.names = names;
    this.external = external;
    this.pool = new TensorPool(root2, names, irVersion < 4);
  }
  options;
  names;
  external;
  index = new DefinitionIndex();
  pool;
  hashes = new TensorHashes();
  quantized = new ContentMap();
  activations = /* @__PURE__ */ new WeakMap();
  transposes = /* @__PURE__ */ new WeakMap();
  /** Distinct weights quantized, their float bytes, and how many requests reused one. */
  weightsQuantized = 0;
  floatBytesQuantized = 0;
  reuses = 0;
  fresh(base) {
    return freshName(this.names, base);
  }
  get symmetric() {
    return this.options.weightType === "int8";
  }
  get qType() {
    return this.options.weightType === "int8" ? DataType.INT8 : DataType.UINT8;
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
    const bytes = tensorBytes(t, this.external);
    const mode = `${this.options.weightType}:${this.symmetric}:${this.options.reduceRange}:${axis ?? "tensor"}:${t.dims.join("x")}`;
    const key = `${mode}|${this.hashes.of(t, bytes)}`;
    let entry = this.quantized.get(key, bytes);
    if (entry) this.reuses++;
    else {
      const data2 = tensorFloat32(t, this.external);
      const opts = { type: this.options.weightType, symmetric: this.symmetric, reduceRange: this.options.reduceRange };
      const q = axis === void 0 ? quantizePerTensor(data2, opts) : quantizePerAxis(data2, t.dims, axis, opts);
      const base2 = (t.name || "weight").replace(/[:/]+/g, "_");
      entry = { data: q, q: this.pool.intern(`${base2}_quantized`, this.qType, t.dims, bytesOf(q.values)) };
      this.quantized.set(key, bytes, entry);
      this.weightsQuantized++;
      this.floatBytesQuantized += bytes.length;
    }
    const { data } = entry;
    const paramDims = axis === void 0 ? [] : req.paramDims ?? [data.scales.length];
    const base = entry.q.replace(/_quantized$/, "");
    const factor = req.scaleFactor ?? 1;
    const scales = factor === 1 ? data.scales : Float32Array.from(data.scales, (v) => v * factor);
    return {
      q: weight.transposed ? this.transposed(graph, entry.q, out) : entry.q,
      scale: this.pool.intern(`${base}_scale`, DataType.FLOAT, paramDims, bytesOf(scales)),
      zeroPoint: req.scalarZeroPoint ? this.pool.intern(`${base}_zero_point`, this.qType, [], bytesOf(data.zeroPoints.subarray(0, 1))) : this.pool.intern(`${base}_zero_point`, this.qType, paramDims, bytesOf(data.zeroPoints))
    };
  }
  /**
   * The integer product scaled back to float, in the exact shape ORT's MatMulIntegerToFloatFusion
   * matches: Cast(int32 → float) and Mul(A_scale, B_scale) feeding one Mul (matmul_integer_to_float.cc).
   * Returns the nodes; the last one writes `output`.
   */
  rescale(integerOutput, aScale, bScale, output, base) {
    const cast = this.fresh(`${integerOutput}_cast_output`);
    const scales = this.fresh(`${base}_scales_mul:0`);
    return [
      makeNode("Cast", this.fresh(`${integerOutput}_cast`), [integerOutput], [cast], [intAttr("to", DataType.FLOAT)]),
      makeNode("Mul", this.fresh(`${base}_scales_mul`), [aScale, bScale], [scales]),
      makeNode("Mul", this.fresh(`${base}_output_scale_mul`), [cast, scales], [output])
    ];
  }
  /** Name base for nodes derived from `node`. */
  baseOf(node, scope) {
    return node.name || `${node.opType}_${node.output[0] ?? scope.depth}`;
  }
};

// src/stages/quantize-int8.ts
var DEFAULT_MIN_ELEMENTS = 1024;
var KNOWN_OPTIONS = ["ops", "exclude", "per-channel", "reduce-range", "weight-type", "min-elements"];
function stringList(value, key) {
  if (typeof value === "string") return value.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  throw new UsageError(`quantize-int8: '${key}' must be a list of strings`);
}
function flag(value, key) {
  if (value === void 0) return false;
  if (typeof value !== "boolean") throw new UsageError(`quantize-int8: '${key}' must be true or false`);
  return value;
}
function globToRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
function parseInt8Options(raw) {
  for (const key of Object.keys(raw)) {
    if (!KNOWN_OPTIONS.includes(key)) throw new UsageError(`quantize-int8: unknown option '${key}'; known: ${KNOWN_OPTIONS.join(", ")}`);
  }
  const ops = /* @__PURE__ */ new Set();
  for (const op of raw.ops === void 0 ? DEFAULT_INT8_OPS : stringList(raw.ops, "ops")) {
    const known = Object.keys(INT8_QUANTIZERS).find((k) => k.toLowerCase() === op.toLowerCase());
    if (!known) throw new UsageError(`quantize-int8: cannot quantize op '${op}'; supported: ${Object.keys(INT8_QUANTIZERS).join(", ")}`);
    ops.add(known);
  }
  const weightType = raw["weight-type"] ?? "int8";
  if (weightType !== "int8" && weightType !== "uint8") throw new UsageError(`quantize-int8: weight-type must be int8 or uint8, not '${String(weightType)}'`);
  const minElements = raw["min-elements"] ?? DEFAULT_MIN_ELEMENTS;
  if (typeof minElements !== "number" || !Number.isSafeInteger(minElements) || minElements < 0) {
    throw new UsageError(`quantize-int8: min-elements must be a whole number \u2265 0, not '${String(minElements)}'`);
  }
  return {
    ops,
    exclude: raw.exclude === void 0 ? [] : stringList(raw.exclude, "exclude").map(globToRegExp),
    perChannel: flag(raw["per-channel"], "per-channel"),
    reduceRange: flag(raw["reduce-range"], "reduce-range"),
    weightType,
    minElements
  };
}
function commonSkipReason(node, t, s, finite) {
  const name = node.name ?? "";
  if (s.options.exclude.some((re) => re.test(name))) return "excluded by option";
  const n = elementCount(t.dims);
  if (n < s.options.minElements) return `weight has ${n} elements, fewer than min-elements ${s.options.minElements}`;
  if (!finite(t)) return "weight holds NaN or Infinity";
  return void 0;
}
function quantizeInt8(model, options, ctx) {
  const details = {
    options: { ops: [...options.ops], perChannel: options.perChannel, reduceRange: options.reduceRange, weightType: options.weightType, minElements: options.minElements }
  };
  const plan = planOpset(model);
  if (plan.action === "refuse") {
    return { model, details: { ...details, quantizedNodes: 0, skipped: [{ node: "", op: "", reason: plan.reason }] } };
  }
  const s = new QuantSession(options, allNames(model), model.graph, model.irVersion ?? 0, ctx?.external);
  const finiteMemo = /* @__PURE__ */ new WeakMap();
  const finite = (t) => {
    let ok = finiteMemo.get(t);
    if (ok === void 0) finiteMemo.set(t, ok = !Number.isNaN(minMax(tensorFloat32(t, s.external)).min));
    return ok;
  };
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
      const reason = commonSkipReason(node, weight.tensor, s, finite) ?? quantizer.check(node, weight, scope, s);
      if (reason) {
        skipped.push({ node: node.name ?? "", op, reason });
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

// src/stages/fp16-numerics.ts
var FP16_MAX = 65504;
var FP16_MIN_SUBNORMAL = 2 ** -24;
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
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

// src/stages/quant/int4-numerics.ts
var f322 = Math.fround;
function roundHalfAway(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
function blockParams(src, from, to, symmetric, store, out) {
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = src[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
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
function quantizeRows4(src, rows, k, opts) {
  const { blockSize, symmetric } = opts;
  const store = opts.storeScale ?? f322;
  const kBlocks = Math.ceil(k / blockSize);
  const rowBytes = opts.padToBlock ? kBlocks * blockSize / 2 : Math.ceil(k / 2);
  const zpRowBytes = Math.ceil(kBlocks / 2);
  const data = new Uint8Array(rows * rowBytes);
  const scales = new Float32Array(rows * kBlocks);
  const zeroPoints = symmetric ? void 0 : new Uint8Array(rows * zpRowBytes).fill(136);
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
      if (zeroPoints) {
        const zi = r * zpRowBytes + (b >> 1);
        zeroPoints[zi] = b & 1 ? zeroPoints[zi] & 15 | zp << 4 : zeroPoints[zi] & 240 | zp;
      }
      const rs = scale !== 0 ? f322(1 / scale) : 0;
      for (let i = from; i < to; i++) {
        const y = f322(f322(src[i] * rs) + zp);
        const q = y < 0 ? 0 : Math.floor(y + 0.5);
        const code = q > 15 ? 15 : q;
        const kk = i - rowStart;
        data[out + (kk >> 1)] |= kk & 1 ? code << 4 : code;
      }
    }
  }
  return { data, scales, zeroPoints, kBlocks, rowBytes };
}
function transpose2d(src, rows, cols) {
  const out = new Float32Array(rows * cols);
  const T = 32;
  for (let r0 = 0; r0 < rows; r0 += T) {
    const r1 = Math.min(rows, r0 + T);
    for (let c0 = 0; c0 < cols; c0 += T) {
      const c1 = Math.min(cols, c0 + T);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) out[c * rows + r] = src[r * cols + c];
      }
    }
  }
  return out;
}

// src/stages/quant/int4-store.ts
import { createHash as createHash3 } from "node:crypto";
function contentKey(parts, payload) {
  const h = createHash3("sha256");
  h.update(parts.join("|"));
  h.update(payload);
  return h.digest("hex");
}
function isAncestorOrSelf(a, b) {
  for (let s = b; s; s = s.parent) if (s.graph === a.graph) return true;
  return false;
}
var QuantStore = class {
  constructor(root2, names) {
    this.root = root2;
    this.names = names;
  }
  root;
  names;
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
    const tensors = parts.map((p, i) => makeTensor(freshName(this.names, `${base}${suffixes[i]}`), p.dataType, p.dims, p.raw));
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

// src/stages/quant/int4-rewrite.ts
function intAttr2(name, v) {
  return { name, type: 2, i: BigInt(v), floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
}
function floatValues(t, external) {
  const raw = tensorBytes(t, external);
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const n = elementCount(t.dims);
  const out = new Float32Array(n);
  if (t.dataType === DataType.FLOAT16) for (let i = 0; i < n; i++) out[i] = fromFloat16Bits(dv.getUint16(i * 2, true));
  else for (let i = 0; i < n; i++) out[i] = dv.getFloat32(i * 4, true);
  return out;
}
function scalesPayload(scales, dataType) {
  if (dataType === DataType.FLOAT16) return new Uint8Array(Uint16Array.from(scales, toFloat16Bits).buffer);
  return new Uint8Array(scales.buffer, scales.byteOffset, scales.byteLength);
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
var rewriteMatMul = (node, scope, run) => {
  const src = floatWeight(scope, node.input[1] ?? "", run);
  if (typeof src === "string") return src;
  const { tensor, transposed } = src;
  const [r, c] = tensor.dims;
  const [k, n] = transposed ? [c, r] : [r, c];
  const { blockSize, symmetric } = run.settings;
  const dtype = tensor.dataType;
  const key = contentKey(["matmul", dtype, r, c, transposed, blockSize, symmetric], tensorBytes(tensor, run.external));
  const stored = run.store.get(key, home(src), () => {
    const values = floatValues(tensor, run.external);
    const rows = transposed ? values : transpose2d(values, k, n);
    const q = quantizeRows4(rows, n, k, {
      blockSize,
      symmetric,
      padToBlock: true,
      storeScale: dtype === DataType.FLOAT16 ? roundToFloat16 : Math.fround
    });
    const parts = [
      { dataType: DataType.UINT8, dims: [n, q.kBlocks, blockSize / 2], raw: q.data },
      { dataType: dtype, dims: [n, q.kBlocks], raw: scalesPayload(q.scales, dtype) }
    ];
    if (q.zeroPoints) parts.push({ dataType: DataType.UINT8, dims: [n, Math.ceil(q.kBlocks / 2)], raw: q.zeroPoints });
    return { base: tensor.name || "weight", suffixes: ["_Q4", "_scales", "_zero_points"], parts };
  });
  const attrs = [intAttr2("K", k), intAttr2("N", n), intAttr2("bits", 4), intAttr2("block_size", blockSize)];
  if (run.settings.accuracyLevel !== void 0) attrs.push(intAttr2("accuracy_level", run.settings.accuracyLevel));
  becomeContribOp(node, "MatMulNBits", [node.input[0] ?? "", ...stored.names], attrs);
  remember(run, src);
  run.counts.matmul++;
  return void 0;
};
function embeddingTable(node, scope, run) {
  const axis = Number(node.attribute.find((a) => a.name === "axis")?.i ?? 0n);
  const src = floatWeight(scope, node.input[0] ?? "", run);
  if (typeof src === "string") return src.replace("weight", "table");
  if (axis !== 0 && axis !== -2) return `gathers along axis ${axis}, not rows`;
  if (src.transposed) return "table is reached through a Transpose";
  return src;
}
var rewriteGatherInt4 = (node, scope, run) => {
  const src = embeddingTable(node, scope, run);
  if (typeof src === "string") return src;
  const { tensor } = src;
  const [v, d] = tensor.dims;
  if (d % 2 !== 0) return `table width ${d} is odd (4-bit rows pack two values a byte)`;
  const { blockSize, symmetric } = run.settings;
  const dtype = tensor.dataType;
  const key = contentKey(["gather4", dtype, v, d, blockSize, symmetric], tensorBytes(tensor, run.external));
  const stored = run.store.get(key, home(src), () => {
    const q = quantizeRows4(floatValues(tensor, run.external), v, d, {
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
    return { base: tensor.name || "table", suffixes: ["_Q4", "_scales", "_zero_points"], parts };
  });
  const [data, scales, zp] = stored.names;
  const attrs = [intAttr2("gather_axis", 0), intAttr2("quantize_axis", 1), intAttr2("block_size", blockSize), intAttr2("bits", 4)];
  becomeContribOp(node, "GatherBlockQuantized", [data, node.input[1] ?? "", scales, ...zp ? [zp] : []], attrs);
  remember(run, src);
  run.counts.gatherInt4++;
  return void 0;
};
var rewriteGatherInt8 = (node, scope, run) => {
  const src = embeddingTable(node, scope, run);
  if (typeof src === "string") return src;
  const { tensor } = src;
  if (tensor.dataType !== DataType.FLOAT) return "float16 table needs DequantizeLinear-19; use embeddings: int4";
  if (run.opset < 10) return `opset ${run.opset} has no DequantizeLinear`;
  const key = contentKey(["gather8", ...tensor.dims], tensorBytes(tensor, run.external));
  const stored = run.store.get(key, home(src), () => {
    const q = quantizePerTensor(floatValues(tensor, run.external), { type: "int8", symmetric: true, reduceRange: false });
    const bytes = (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    return {
      base: tensor.name || "table",
      suffixes: ["_quantized", "_scale", "_zero_point"],
      parts: [
        { dataType: DataType.INT8, dims: [...tensor.dims], raw: bytes(q.values) },
        { dataType: DataType.FLOAT, dims: [], raw: bytes(q.scales) },
        { dataType: DataType.INT8, dims: [], raw: bytes(q.zeroPoints) }
      ]
    };
  });
  const [table, scale, zp] = stored.names;
  const output = node.output[0] ?? "";
  const gathered = freshName(run.names, `${output}_quantized`);
  node.input[0] = table;
  node.output[0] = gathered;
  const dq = {
    opType: "DequantizeLinear",
    domain: "",
    name: freshName(run.names, `${node.name || output}_DequantizeLinear`),
    input: [gathered, scale, zp],
    output: [output],
    attribute: [],
    metadataProps: [],
    deviceConfigurations: []
  };
  scope.graph.node.splice(scope.graph.node.indexOf(node) + 1, 0, dq);
  remember(run, src);
  run.counts.gatherInt8++;
  return void 0;
};
var rewriteGather = (node, scope, run) => {
  if (run.settings.embeddings === "none") return "embeddings: none";
  return run.settings.embeddings === "int8" ? rewriteGatherInt8(node, scope, run) : rewriteGatherInt4(node, scope, run);
};

// src/stages/quantize-int4.ts
var REWRITES = {
  MatMul: rewriteMatMul,
  Gather: rewriteGather
};
function optionValue(o, ...keys) {
  for (const k of keys) if (o[k] !== void 0) return o[k];
  return void 0;
}
function boolOption(v, name, fallback) {
  if (v === void 0) return fallback;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new UsageError(`quantize-int4: '${name}' must be true or false, got ${JSON.stringify(v)}`);
}
function parseInt4Options(o) {
  const known = /* @__PURE__ */ new Set(["block-size", "blockSize", "symmetric", "accuracy-level", "accuracyLevel", "embeddings", "exclude"]);
  for (const k of Object.keys(o)) {
    if (!known.has(k)) throw new UsageError(`quantize-int4: unknown option '${k}'; known: block-size, symmetric, accuracy-level, embeddings, exclude`);
  }
  const blockSize = Number(optionValue(o, "block-size", "blockSize") ?? 32);
  if (blockSize === 512) {
    throw new UsageError("quantize-int4: block-size 512 is refused (onnxruntime's CPU MatMulNBits kernel does not support it; older builds gave wrong results); use 16\u2013256");
  }
  if (!Number.isInteger(blockSize) || blockSize < 16 || blockSize > 256 || (blockSize & blockSize - 1) !== 0) {
    throw new UsageError(`quantize-int4: block-size must be a power of two from 16 to 256, got ${JSON.stringify(optionValue(o, "block-size", "blockSize"))}`);
  }
  const rawLevel = optionValue(o, "accuracy-level", "accuracyLevel");
  const accuracyLevel = rawLevel === void 0 ? void 0 : Number(rawLevel);
  if (accuracyLevel !== void 0 && (!Number.isInteger(accuracyLevel) || accuracyLevel < 0 || accuracyLevel > 4)) {
    throw new UsageError(`quantize-int4: accuracy-level must be 0\u20134, got ${JSON.stringify(rawLevel)}`);
  }
  const embeddings = String(o["embeddings"] ?? "int4");
  if (embeddings !== "int4" && embeddings !== "int8" && embeddings !== "none") {
    throw new UsageError(`quantize-int4: embeddings must be int4, int8 or none, got ${JSON.stringify(o["embeddings"])}`);
  }
  const exclude = o["exclude"] ?? [];
  if (!Array.isArray(exclude) || !exclude.every((e) => typeof e === "string")) {
    throw new UsageError("quantize-int4: exclude must be a list of node names");
  }
  return { blockSize, symmetric: boolOption(o["symmetric"], "symmetric", true), accuracyLevel, embeddings, exclude };
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
        store: new QuantStore(scopes[0], names),
        names,
        external: ctx.external,
        opset: model.opsetImport.find((o) => (o.domain ?? "") === "" || o.domain === "ai.onnx")?.version ?? 1,
        index: new DefinitionIndex(),
        sources: /* @__PURE__ */ new Map(),
        counts: { matmul: 0, gatherInt4: 0, gatherInt8: 0 }
      };
      const exclude = new Set(opts.exclude);
      const skipped = [];
      for (const scope of scopes) {
        for (const node of [...scope.graph.node]) {
          const rewrite = (node.domain ?? "") === "" ? REWRITES[node.opType ?? ""] : void 0;
          if (!rewrite) continue;
          const reason = exclude.has(node.name ?? "") ? "excluded" : rewrite(node, scope, run);
          if (reason && !(node.opType === "Gather" && reason === "table is not a constant")) skipped.push({ node: node.name ?? node.output[0] ?? "", op: node.opType ?? "", reason });
        }
      }
      const paths = [...run.sources.values()].flat();
      removeUnused(paths, run.index);
      let weightBytes = 0;
      let freedBytes = 0;
      for (const [tensor, [path6]] of run.sources) {
        const bytes = tensorByteLength(tensor);
        weightBytes += bytes;
        const own = path6[path6.length - 1];
        if (!run.index.of(own.scope.graph).has(own.name)) freedBytes += bytes;
      }
      const { matmul, gatherInt4, gatherInt8 } = run.counts;
      if ((matmul || gatherInt4) && !model.opsetImport.some((o) => o.domain === "com.microsoft")) {
        model.opsetImport.push({ domain: "com.microsoft", version: 1 });
      }
      ctx.log(`quantize-int4: ${matmul} MatMul, ${gatherInt4 + gatherInt8} Gather rewritten; ${run.store.count} tensors quantized`);
      return {
        model,
        details: {
          blockSize: opts.blockSize,
          symmetric: opts.symmetric,
          accuracyLevel: opts.accuracyLevel ?? 0,
          embeddings: opts.embeddings,
          matmulNBits: matmul,
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

// src/stages/fp16-types.ts
var { FLOAT, INT64, INT32, BOOL, UINT8 } = DataType;
var FIXED = {
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
var FIRST_THEN = {
  TopK: [INT64],
  MaxPool: [INT64],
  Dropout: [BOOL],
  Unique: [INT64, INT64, INT64]
};
function typeOfAttr(n, name) {
  const a = attr(n, name);
  return a?.i !== void 0 ? Number(a.i) : void 0;
}
function inferTypes(scopes) {
  const table = /* @__PURE__ */ new Map();
  const lookup = (scope, name) => typeIn(table, scope, name);
  const graphOutputTypes = (g, parent, owner) => {
    const inner = table.get(g) ?? inferGraph({ graph: g, parent, owner, depth: parent.depth + 1 });
    return g.output.map((o) => o.type?.tensorType?.elemType ?? inner.get(o.name ?? ""));
  };
  const outputTypes = (n, scope) => {
    const op = n.opType ?? "";
    const input = (i) => n.input[i] ? lookup(scope, n.input[i]) : void 0;
    const first = n.input.map((_, i) => input(i)).find((t) => t !== void 0);
    if (FIXED[op]) return FIXED[op];
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
    for (const v of g.input) if (v.name && v.type?.tensorType?.elemType) own.set(v.name, v.type.tensorType.elemType);
    for (const t of g.initializer) if (t.name && t.dataType) own.set(t.name, t.dataType);
    for (const s of g.sparseInitializer) if (s.values?.name && s.values.dataType) own.set(s.values.name, s.values.dataType);
    const declared = /* @__PURE__ */ new Map();
    for (const v of [...g.valueInfo, ...g.output]) {
      if (v.name && v.type?.tensorType?.elemType) declared.set(v.name, v.type.tensorType.elemType);
    }
    for (const n of g.node) {
      for (const { graph } of subgraphsOf(n)) if (!table.has(graph)) inferGraph({ graph, parent: scope, owner: n, depth: scope.depth + 1 });
      const types2 = outputTypes(n, scope);
      n.output.forEach((o, i) => {
        const t = declared.get(o) ?? types2[i];
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

// src/stages/fp16.ts
var DEFAULT_FP16_BLOCK_LIST = [
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
  "DynamicQuantizeLinear"
];
var CONVERTIBLE_DOMAINS = /* @__PURE__ */ new Set(["", "ai.onnx", "com.microsoft"]);
function stringList2(v, name) {
  if (v === void 0) return [];
  if (typeof v === "string") return v.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v) && v.every((s) => typeof s === "string")) return v;
  throw new UsageError(`fp16: '${name}' must be a list of names`);
}
function parseFp16Options(o) {
  const known = ["keep-io-types", "op-block-list", "node-block-list"];
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) throw new UsageError(`fp16: unknown option '${k}'; known: ${known.join(", ")}`);
  }
  const keep = o["keep-io-types"] ?? true;
  if (typeof keep !== "boolean" && keep !== "true" && keep !== "false") {
    throw new UsageError(`fp16: 'keep-io-types' must be true or false, got ${JSON.stringify(keep)}`);
  }
  return {
    keepIoTypes: keep === true || keep === "true",
    // A user list adds to the default list: the defaults guard correctness, not taste.
    opBlockList: [...DEFAULT_FP16_BLOCK_LIST, ...stringList2(o["op-block-list"], "op-block-list")],
    nodeBlockList: stringList2(o["node-block-list"], "node-block-list")
  };
}
function castNode(names, input, output, to) {
  const a = { name: "to", type: 2, i: BigInt(to), floats: [], ints: [], strings: [], tensors: [], graphs: [], sparseTensors: [], typeProtos: [] };
  return {
    opType: "Cast",
    domain: "",
    name: freshName(names, `${output}_cast`),
    input: [input],
    output: [output],
    attribute: [a],
    metadataProps: [],
    deviceConfigurations: []
  };
}
var Fp16Converter = class {
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
  isBlocked(n) {
    const domain = n.domain ?? "";
    return this.blockedOps.has(n.opType ?? "") || this.blockedNames.has(n.name ?? "") || !CONVERTIBLE_DOMAINS.has(domain) || this.functions.has(`${domain}:${n.opType}`);
  }
  isFloat(scope, name) {
    return name !== "" && typeIn(this.types, scope, name) === DataType.FLOAT;
  }
  /** float32 payload → clamped fp16, in place. */
  convertTensor(t) {
    if (t.dataType !== DataType.FLOAT) return;
    const { bytes, clamped } = float32BytesToFloat16(tensorBytes(t, this.external));
    setTensorRaw(t, bytes);
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
    }
    for (const a of n.attribute) {
      if (a.name === "to" && n.opType === "Cast" || a.name === "dtype") {
        if (a.i === BigInt(DataType.FLOAT)) {
          a.i = BigInt(DataType.FLOAT16);
          this.stats.castsRetargeted++;
        }
      }
    }
  }
  /** Casts around a blocked node: float16 → float32 before, float32 → float16 after. */
  guard(n, scope, keep) {
    const before = [];
    const after = [];
    n.input.forEach((input, i) => {
      if (!this.isFloat(scope, input) || keep.has(input)) return;
      const cast = freshName(this.names, `${input}_fp32`);
      before.push(castNode(this.names, input, cast, DataType.FLOAT));
      n.input[i] = cast;
    });
    n.output.forEach((output, i) => {
      if (!this.isFloat(scope, output)) return;
      const raw = freshName(this.names, `${output}_fp32`);
      n.output[i] = raw;
      after.push(castNode(this.names, raw, output, DataType.FLOAT16));
    });
    this.stats.castsInserted += before.length + after.length;
    this.stats.blockedNodes++;
    return [before, after];
  }
  /** Float initializers that only blocked nodes read: they stay float32. */
  keptFloat32(scope) {
    const keep = /* @__PURE__ */ new Set();
    for (const t of scope.graph.initializer) {
      if (t.dataType !== DataType.FLOAT || !t.name) continue;
      const uses = usesOf(scope, t.name);
      const isOutput = scope.graph.output.some((o) => o.name === t.name);
      if (!isOutput && uses.length > 0 && uses.every((u) => u.inputIndex >= 0 && this.isBlocked(u.node))) keep.add(t.name);
    }
    return keep;
  }
  convertScope(scope, isMain) {
    const g = scope.graph;
    const keep = this.keptFloat32(scope);
    const nodes = [];
    for (const n of g.node) {
      if (!this.isBlocked(n)) {
        this.convertNode(n);
        nodes.push(n);
        continue;
      }
      const [before, after] = this.guard(n, scope, keep);
      nodes.push(...before, n, ...after);
    }
    g.node = nodes;
    for (const t of g.initializer) {
      if (t.name && keep.has(t.name)) this.stats.keptFloat32++;
      else this.convertTensor(t);
    }
    for (const s of g.sparseInitializer) if (s.values) this.convertTensor(s.values);
    const retype = (v) => {
      const tt = v.type?.tensorType ?? v.type?.sequenceType?.elemType?.tensorType;
      if (tt?.elemType === DataType.FLOAT && !keep.has(v.name ?? "")) tt.elemType = DataType.FLOAT16;
    };
    g.valueInfo.forEach(retype);
    if (!isMain || !this.opts.keepIoTypes) {
      g.input.forEach(retype);
      g.output.forEach(retype);
    }
  }
  /** keep-io-types: float32 graph inputs are cast to fp16 on entry, fp16 results back to float32 on exit. */
  castMainBoundary(scope) {
    const g = scope.graph;
    const entry = [];
    for (const v of g.input) {
      if (v.type?.tensorType?.elemType !== DataType.FLOAT || !v.name) continue;
      if (g.initializer.some((t) => t.name === v.name)) continue;
      const half = freshName(this.names, `${v.name}_fp16`);
      if (replaceAllUses(scope, v.name, half) === 0) continue;
      entry.push(castNode(this.names, v.name, half, DataType.FLOAT16));
    }
    const exit = [];
    for (const v of g.output) {
      if (v.type?.tensorType?.elemType !== DataType.FLOAT || !v.name) continue;
      const producer = g.node.find((n) => n.output.includes(v.name));
      if (!producer) continue;
      const half = freshName(this.names, `${v.name}_fp16`);
      replaceAllUses(scope, v.name, half);
      producer.output[producer.output.indexOf(v.name)] = half;
      exit.push(castNode(this.names, half, v.name, DataType.FLOAT));
    }
    g.node = [...entry, ...g.node, ...exit];
    this.stats.castsInserted += entry.length + exit.length;
  }
};
function fp16Stage(options = {}) {
  const opts = parseFp16Options(options);
  return {
    name: "fp16",
    run(model, ctx) {
      const conv = new Fp16Converter(model, opts, ctx.external);
      const frozen = /* @__PURE__ */ new Set();
      for (const scope of conv.scopes) {
        if (scope.parent && frozen.has(scope.parent) || scope.owner && conv.isBlocked(scope.owner)) {
          frozen.add(scope);
          continue;
        }
        conv.convertScope(scope, scope === conv.scopes[0]);
      }
      if (opts.keepIoTypes && conv.scopes[0]) conv.castMainBoundary(conv.scopes[0]);
      ctx.log(`fp16: ${conv.stats.tensors} tensors to float16, ${conv.stats.blockedNodes} nodes kept in float32`);
      return {
        model,
        details: {
          keepIoTypes: opts.keepIoTypes,
          tensorsConverted: conv.stats.tensors,
          valuesClamped: conv.stats.clampedValues,
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

// src/stages/optimize.ts
import { mkdtempSync, rmSync as rmSync3 } from "node:fs";
import path4 from "node:path";

// src/check/ort-runner.ts
import { fork } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath } from "node:url";
var OrtCrashError = class extends Error {
  constructor(message, stderr = "") {
    super(message);
    this.stderr = stderr;
  }
  stderr;
  name = "OrtCrashError";
};
var STDERR_TAIL = 4096;
function workerEntry() {
  const js = fileURLToPath(new URL("./ort-worker.js", import.meta.url));
  if (existsSync2(js)) return { file: js, execArgv: [] };
  const ts = fileURLToPath(new URL("./ort-worker.ts", import.meta.url));
  if (existsSync2(ts)) return { file: ts, execArgv: ["--import", import.meta.resolve("tsx")] };
  throw new Error(`onnxruntime worker not found next to ${fileURLToPath(import.meta.url)} (expected ort-worker.js); rebuild the bundle`);
}
var ForkedOrtHost = class {
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
    else p.reject(new Error(`onnxruntime failed while ${p.what}: ${m.error}`));
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
    this.sessions.set(id, { child, workerId: r.id, modelPath });
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
    return this.call(s.child, { op: "run", id: s.workerId, feeds, outputNames }, `running ${s.modelPath}`, options.timeoutMs);
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
    this.failAll(child, "onnxruntime was closed");
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill("SIGKILL"), 2e3);
    await exited;
    clearTimeout(timer);
  }
};
function startOrtHost(options = {}) {
  return new ForkedOrtHost(options);
}

// src/stages/optimize.ts
function parseOptimizeOptions(o) {
  for (const k of Object.keys(o)) {
    if (k !== "level") throw new UsageError(`optimize: unknown option '${k}'; known: level`);
  }
  const level = o["level"] ?? "basic";
  if (level !== "basic" && level !== "extended") {
    throw new UsageError(`optimize: level must be basic or extended, got ${JSON.stringify(level)}`);
  }
  return { level };
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
function optimizeStage(options = {}) {
  const { level } = parseOptimizeOptions(options);
  return {
    name: "optimize",
    async run(model, ctx) {
      const dir = mkdtempSync(path4.join(ctx.tmpDir, "optimize-"));
      const host = startOrtHost();
      try {
        const input = path4.join(dir, "input.onnx");
        const output = path4.join(dir, "optimized.onnx");
        const source = ctx.external instanceof ExternalDataReader ? ctx.external : void 0;
        saveModel(model, input, { externalData: "auto", source });
        await host.load(input, { graphOptimizationLevel: level, optimizedModelFilePath: output, threads: 1 });
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
        rmSync3(dir, { recursive: true, force: true });
      }
    }
  };
}

// src/stages/registry.ts
var STAGES = {
  dedup: dedupStage,
  prune: pruneStage,
  "quantize-int8": quantizeInt8Stage,
  "quantize-int4": quantizeInt4Stage,
  fp16: fp16Stage,
  optimize: optimizeStage
};
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

// src/pipeline/digest.ts
import { createHash as createHash4 } from "node:crypto";
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync2, statSync as statSync2 } from "node:fs";
var CHUNK = 1 << 20;
function digestFiles(paths, withHash = true) {
  const files = paths.map((p) => ({ path: p, bytes: statSync2(p).size }));
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  if (!withHash) return { bytes, files };
  const hash = createHash4("sha256");
  const buf = Buffer.allocUnsafe(CHUNK);
  for (const p of paths) {
    const fd = openSync3(p, "r");
    try {
      for (let n; (n = readSync2(fd, buf, 0, CHUNK, null)) > 0; ) hash.update(buf.subarray(0, n));
    } finally {
      closeSync3(fd);
    }
  }
  return { bytes, sha256: hash.digest("hex"), files };
}

// src/pipeline/progress.ts
var silentProgress = {
  step: async (_label, work) => work(),
  note: () => {
  }
};

// src/pipeline/compress.ts
var DEFAULT_STAGES = ["dedup", "prune"];
function modelFiles(loaded) {
  const files = /* @__PURE__ */ new Set([path5.resolve(loaded.path)]);
  forEachTensor(loaded.model, (t) => {
    if (isExternal(t)) files.add(loaded.external.resolve(loaded.external.range(t).location, t.name));
  });
  return [...files];
}
function sameFile(a, b) {
  if (path5.resolve(a) === path5.resolve(b)) return true;
  try {
    const sa = statSync3(a);
    const sb = statSync3(b);
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
function reported(stage, progress) {
  return { name: stage.name, run: (model, ctx) => progress.step(`stage ${stage.name}`, () => stage.run(model, ctx)) };
}
async function compressModel(source, output, opts = {}) {
  const progress = opts.progress ?? silentProgress;
  const withHash = opts.digest ?? true;
  const stages = (opts.stages ?? DEFAULT_STAGES).map((s) => reported(createStage(s), progress));
  refuseOverwrite(output, [source]);
  const loaded = await progress.step(`load ${source}`, () => loadModel(source));
  const tmpDir = mkdtempSync2(path5.join(tmpdir(), "onnx-diet-"));
  try {
    const inputs = modelFiles(loaded);
    refuseOverwrite(output, inputs);
    const original = withHash ? await progress.step("sha256 of the input", () => digestFiles(inputs)) : digestFiles(inputs, false);
    const { model, results } = await runStages(loaded.model, stages, {
      external: loaded.external,
      tmpDir,
      log: (message) => progress.note(message)
    });
    mkdirSync2(path5.dirname(path5.resolve(output)), { recursive: true });
    const saved = await progress.step(`save ${output}`, () => saveModel(model, output, { externalData: opts.externalData ?? "auto", source: loaded.external }));
    const outFiles = saved.dataPath ? [saved.path, saved.dataPath] : [saved.path];
    const compressed = withHash ? await progress.step("sha256 of the output", () => digestFiles(outFiles)) : digestFiles(outFiles, false);
    return { source, output, original, compressed, stages: results };
  } finally {
    loaded.external.close();
    rmSync4(tmpDir, { recursive: true, force: true });
  }
}

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
function formatPercent(part, whole, signed = false) {
  if (whole === 0) return "";
  const p = 100 * part / whole;
  return `${signed && p > 0 ? "+" : ""}${p.toFixed(1)}%`;
}
function formatTable(header, rows, align) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...r[c] ?? ""].length)));
  const line = (r) => r.map((cell, c) => {
    const pad = " ".repeat(widths[c] - [...cell].length);
    return (align?.[c] ?? (c === 0 ? "l" : "r")) === "l" ? cell + pad : pad + cell;
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
var dimsText = (dims) => `[${dims.join(", ")}]`;
function firstOf(items, n = 3) {
  return items.length <= n ? items.join(", ") : `${items.slice(0, n).join(", ")} +${items.length - n} more`;
}
function inspectTables(r, maxGroups = 10) {
  const out = [];
  const w = r.weights.bytes;
  out.push(`${r.source ?? "model"}: ${formatBytes(r.modelBytes)}, ${formatCount(r.nodes)} nodes in ${r.graphs} graph${r.graphs === 1 ? "" : "s"}, weights ${formatBytes(w)} in ${formatCount(r.weights.count)} tensors`);
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
  out.push("", `duplicates: ${d.groups.length} groups (${copies} copies), ${d.transposedTies.length} transposed ties; dedup reclaims ${formatBytes(d.reclaimableBytes)} (${formatPercent(d.reclaimableBytes, r.modelBytes)} of the model)`);
  if (d.groups.length) {
    const shown = d.groups.slice(0, maxGroups);
    out.push(formatTable(
      ["dtype", "dims", "copies", "each", "reclaimable", "names"],
      shown.map((g) => [g.dtype, dimsText(g.dims), String(g.count), formatBytes(g.bytes), formatBytes(g.reclaimableBytes), firstOf(g.names)]),
      ["l", "l", "r", "r", "r", "l"]
    ));
    if (d.groups.length > shown.length) out.push(`\u2026 ${d.groups.length - shown.length} more groups (see --json)`);
  }
  if (d.transposedTies.length) {
    out.push(formatTable(
      ["kept", "dims", "transposed copy", "dims", "reclaimable"],
      d.transposedTies.map((t) => [t.kept, dimsText(t.keptDims), t.transposed, dimsText(t.transposedDims), formatBytes(t.bytes)]),
      ["l", "l", "l", "l", "r"]
    ));
  }
  const q = r.quantizable;
  out.push("", `quantizable: ${q.tensors} float32 weights of \u2265 ${q.minElements} elements read only by ${q.ops.join("/")} (${formatBytes(q.bytes)}, ${formatPercent(q.bytes, r.modelBytes)} of the model)`);
  out.push(formatTable(["as", "those weights", "model (estimate)"], [
    ["now", formatBytes(q.bytes), formatBytes(r.modelBytes)],
    ["int8", formatBytes(q.int8Bytes), formatBytes(q.modelBytesInt8)],
    [`int4, block ${q.int4BlockSize}`, formatBytes(q.int4Bytes), formatBytes(q.modelBytesInt4)]
  ]));
  return out.join("\n");
}

// src/cli/args.ts
import { parseArgs } from "node:util";
var HELP_OPTION = { help: { type: "boolean", short: "h" } };
function parseCommandArgs(command, argv, options) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split(/\.\s/)[0].replace(/\.$/, "") : String(e);
    throw new UsageError(`${command}: ${message.charAt(0).toLowerCase()}${message.slice(1)}; see 'onnx-diet ${command} --help'`);
  }
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

// src/cli/progress.ts
import { performance as performance2 } from "node:perf_hooks";
var FRAMES = ["\u280B", "\u2819", "\u2839", "\u2838", "\u283C", "\u2834", "\u2826", "\u2827", "\u2807", "\u280F"];
function seconds(ms) {
  return `${(ms / 1e3).toFixed(2)} s`;
}
function lineProgress(out) {
  const stamp = () => (/* @__PURE__ */ new Date()).toISOString().slice(11, 19);
  return {
    async step(label, work) {
      out.write(`[${stamp()}] ${label}
`);
      const t0 = performance2.now();
      const result = await work();
      out.write(`[${stamp()}] ${label}: done in ${seconds(performance2.now() - t0)}
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
      const t0 = performance2.now();
      let frame = 0;
      const draw = () => out.write(`${clear}${FRAMES[frame++ % FRAMES.length]} ${label} ${seconds(performance2.now() - t0)}`);
      draw();
      const timer = setInterval(draw, 100);
      timer.unref();
      try {
        const result = await work();
        out.write(`${clear}\u2713 ${label} ${seconds(performance2.now() - t0)}
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

// src/cli/compress.ts
var usage = `usage: onnx-diet compress IN -o OUT [--stages LIST] [--json FILE] [--external-data]

Runs compression stages on the model IN and writes the result to OUT (never over IN;
OUT's folder is created if missing). Prints a size table per stage.

  -o, --output FILE    where to write the compressed model (required)
  --stages LIST        comma-separated stage names, in order (default: ${DEFAULT_STAGES.join(",")});
                       dedup, prune, quantize-int8, quantize-int4, fp16, optimize
  --json FILE          write the report JSON (sizes, sha256, per-stage details)
  --external-data      write weights to OUT.data beside OUT (automatic past 2 GB)
  -h, --help           show this help`;
var compressCommand = {
  synopsis: "compress IN -o OUT [--stages LIST] [--json FILE] [--external-data]",
  summary: "run compression stages, save the result, print the sizes",
  usage,
  async run(argv) {
    const { values, positionals: given } = parseCommandArgs("compress", argv, {
      ...HELP_OPTION,
      output: { type: "string", short: "o" },
      stages: { type: "string" },
      json: { type: "string" },
      "external-data": { type: "boolean" }
    });
    if (values.help) {
      process.stdout.write(`${usage}
`);
      return 0;
    }
    const [input] = positionals("compress", given, ["the input model (IN)"]);
    if (!values.output) throw new UsageError("compress: missing -o OUT (where to write the compressed model)");
    const stages = values.stages === void 0 ? DEFAULT_STAGES : parseStageList(values.stages);
    if (stages.length === 0) throw new UsageError("compress: --stages is empty; give stage names such as dedup,prune");
    const result = await compressModel(input, values.output, {
      stages,
      externalData: values["external-data"] ? true : "auto",
      digest: values.json !== void 0,
      progress: createProgress()
    });
    process.stdout.write(`${compressTable(result)}
`);
    if (values.json !== void 0) writeJsonFile(values.json, buildReport([modelReport(result)]));
    return 0;
  }
};

// src/report/inspect.ts
var PASS_THROUGH = /* @__PURE__ */ new Set(["Identity", "Transpose"]);
var QUANTIZABLE_SLOTS = { MatMul: 1, Gemm: 1, Gather: 0 };
var QUANTIZE_MIN_ELEMENTS = 1024;
var INT4_BLOCK_SIZE = 32;
var UNUSED_OP = "(unused)";
function int8Estimate(elements) {
  return elements + 4;
}
function int4Estimate(elements, block = INT4_BLOCK_SIZE) {
  return Math.ceil(elements / 2) + 4 * Math.ceil(elements / block);
}
var opLabel = (n) => n.domain && n.domain !== "ai.onnx" ? `${n.domain}.${n.opType}` : n.opType ?? "?";
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
var UseIndex = class {
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
function sparseWeight(s) {
  const values = s.values;
  const bytes = (values ? tensorByteLength(values) : 0) + (s.indices ? tensorByteLength(s.indices) : 0);
  return { dataType: values?.dataType ?? 0, dims: [...s.dims], elements: values ? elementCount(values.dims) : 0, bytes };
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

// src/cli/inspect.ts
var usage2 = `usage: onnx-diet inspect MODEL [--json FILE]

Shows what the model's bytes are: by dtype, by the ops that read the weights, the largest
tensors, duplicate weights (also transposed copies) that dedup would merge, and how much
int8 / int4 weight quantization would leave. Reads the model; never changes it.

  --json FILE    also write the analysis as JSON
  -h, --help     show this help`;
var inspectCommand = {
  synopsis: "inspect MODEL [--json FILE]",
  summary: "where the bytes are and what dedup / quantization would save",
  usage: usage2,
  async run(argv) {
    const { values, positionals: given } = parseCommandArgs("inspect", argv, {
      ...HELP_OPTION,
      json: { type: "string" }
    });
    if (values.help) {
      process.stdout.write(`${usage2}
`);
      return 0;
    }
    const [file] = positionals("inspect", given, ["the model to inspect (MODEL)"]);
    const report = await createProgress().step(`inspect ${file}`, () => inspectModel(file));
    process.stdout.write(`${inspectTables(report)}
`);
    if (values.json !== void 0) writeJsonFile(values.json, { tool: TOOL, version: TOOL_VERSION, ...report });
    return 0;
  }
};

// src/cli/main.ts
var COMMANDS = {
  inspect: inspectCommand,
  compress: compressCommand
};
function usage3() {
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
    process.stderr.write(`${usage3()}
`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage3()}
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
  return command.run(rest);
}
function errorLine(e) {
  const debug = process.env.ONNX_DIET_DEBUG === "1";
  if (!(e instanceof Error)) return `onnx-diet: ${String(e)}`;
  const message = e.message.replace(/\s*\n\s*/g, " ");
  if (debug && e.stack) return `onnx-diet: ${e.stack}`;
  const expected = e instanceof UsageError || e instanceof OnnxFormatError || typeof e.code === "string";
  return expected ? `onnx-diet: ${message}` : `onnx-diet: unexpected error: ${message} (set ONNX_DIET_DEBUG=1 to see where)`;
}
async function runCli(argv) {
  try {
    return await main(argv);
  } catch (e) {
    process.stderr.write(`${errorLine(e)}
`);
    return 2;
  }
}
process.exitCode = await runCli(process.argv.slice(2));
export {
  main,
  runCli
};
