/**
 * quant/numerics.ts against independent computations: values worked out by hand below, and golden
 * vectors printed by scripts/quant_int8_golden.py (a numpy re-statement of onnxruntime.quantization's
 * quant_utils), pasted here as constants.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeScaleZeroPoint, dequantize, minMax, quantRange, quantizePerAxis, quantizePerTensor, roundHalfEven,
  type Int8Type,
} from '../src/stages/quant/numerics.js';

interface GoldenTensor {
  name: string; type: Int8Type; symmetric: boolean; reduceRange: boolean; data: number[]; scale: number; zeroPoint: number; q: number[];
}
interface GoldenChannel {
  axis: number; type: Int8Type; dims: number[]; data: number[]; scales: number[]; zeroPoints: number[]; q: number[];
}

/** Output of scripts/quant_int8_golden.py (numpy re-statement of ORT's quant_utils), pasted verbatim. */
const GOLDEN_PER_TENSOR: GoldenTensor[] = [
  {"name":"normal16","type":"int8","symmetric":true,"reduceRange":false,"data":[0.006286511197686195,-0.006605243310332298,0.03202113136649132,0.005245005711913109,-0.026783468201756477,0.01807975210249424,0.06520000100135803,0.04735404998064041,-0.0351867601275444,-0.06327107548713684,-0.031163722276687622,0.0020662988536059856,-0.11625153571367264,-0.0109395831823349,-0.06229554861783981,-0.03661336749792099],"scale":0.0009153663995675743,"zeroPoint":0,"q":[7,-7,35,6,-29,20,71,52,-38,-69,-34,2,-127,-12,-68,-40]},
  {"name":"normal16","type":"int8","symmetric":true,"reduceRange":true,"data":[0.006286511197686195,-0.006605243310332298,0.03202113136649132,0.005245005711913109,-0.026783468201756477,0.01807975210249424,0.06520000100135803,0.04735404998064041,-0.0351867601275444,-0.06327107548713684,-0.031163722276687622,0.0020662988536059856,-0.11625153571367264,-0.0109395831823349,-0.06229554861783981,-0.03661336749792099],"scale":0.001816430245526135,"zeroPoint":0,"q":[3,-4,18,3,-15,10,36,26,-19,-35,-17,1,-64,-6,-34,-20]},
  {"name":"normal16","type":"uint8","symmetric":false,"reduceRange":false,"data":[0.006286511197686195,-0.006605243310332298,0.03202113136649132,0.005245005711913109,-0.026783468201756477,0.01807975210249424,0.06520000100135803,0.04735404998064041,-0.0351867601275444,-0.06327107548713684,-0.031163722276687622,0.0020662988536059856,-0.11625153571367264,-0.0109395831823349,-0.06229554861783981,-0.03661336749792099],"scale":0.0007115746266208589,"zeroPoint":163,"q":[172,154,208,170,125,188,255,230,114,74,119,166,0,148,75,112]},
  {"name":"normal16","type":"uint8","symmetric":false,"reduceRange":true,"data":[0.006286511197686195,-0.006605243310332298,0.03202113136649132,0.005245005711913109,-0.026783468201756477,0.01807975210249424,0.06520000100135803,0.04735404998064041,-0.0351867601275444,-0.06327107548713684,-0.031163722276687622,0.0020662988536059856,-0.11625153571367264,-0.0109395831823349,-0.06229554861783981,-0.03661336749792099],"scale":0.0014287522062659264,"zeroPoint":81,"q":[85,76,103,85,62,94,127,114,56,37,59,82,0,73,37,55]},
  {"name":"skewed12","type":"int8","symmetric":true,"reduceRange":false,"data":[2.1895368099212646,1.2243837118148804,0.49913567304611206,0.8680616617202759,-0.3150409758090973,-0.027150170877575874,1.6118732690811157,1.5415685176849365,1.446155309677124,0.7510326504707336,2.59162974357605,2.542505979537964],"scale":0.020406533032655716,"zeroPoint":0,"q":[107,60,24,43,-15,-1,79,76,71,37,127,125]},
  {"name":"skewed12","type":"int8","symmetric":true,"reduceRange":true,"data":[2.1895368099212646,1.2243837118148804,0.49913567304611206,0.8680616617202759,-0.3150409758090973,-0.027150170877575874,1.6118732690811157,1.5415685176849365,1.446155309677124,0.7510326504707336,2.59162974357605,2.542505979537964],"scale":0.04049421474337578,"zeroPoint":0,"q":[54,30,12,21,-8,-1,40,38,36,19,64,63]},
  {"name":"skewed12","type":"uint8","symmetric":false,"reduceRange":false,"data":[2.1895368099212646,1.2243837118148804,0.49913567304611206,0.8680616617202759,-0.3150409758090973,-0.027150170877575874,1.6118732690811157,1.5415685176849365,1.446155309677124,0.7510326504707336,2.59162974357605,2.542505979537964],"scale":0.011398709379136562,"zeroPoint":28,"q":[220,135,72,104,0,26,169,163,155,94,255,251]},
  {"name":"skewed12","type":"uint8","symmetric":false,"reduceRange":true,"data":[2.1895368099212646,1.2243837118148804,0.49913567304611206,0.8680616617202759,-0.3150409758090973,-0.027150170877575874,1.6118732690811157,1.5415685176849365,1.446155309677124,0.7510326504707336,2.59162974357605,2.542505979537964],"scale":0.022887172177433968,"zeroPoint":14,"q":[110,67,36,52,0,13,84,81,77,47,127,125]},
  {"name":"allpositive8","type":"int8","symmetric":true,"reduceRange":false,"data":[0.5798794031143188,0.5553215146064758,0.5819126963615417,0.3722449839115143,0.19456754624843597,0.6050418615341187,0.4677480161190033,0.31716930866241455],"scale":0.004764108918607235,"zeroPoint":0,"q":[122,117,122,78,41,127,98,67]},
  {"name":"allpositive8","type":"int8","symmetric":true,"reduceRange":true,"data":[0.5798794031143188,0.5553215146064758,0.5819126963615417,0.3722449839115143,0.19456754624843597,0.6050418615341187,0.4677480161190033,0.31716930866241455],"scale":0.009453779086470604,"zeroPoint":0,"q":[61,59,62,39,21,64,49,34]},
  {"name":"allpositive8","type":"uint8","symmetric":false,"reduceRange":false,"data":[0.5798794031143188,0.5553215146064758,0.5819126963615417,0.3722449839115143,0.19456754624843597,0.6050418615341187,0.4677480161190033,0.31716930866241455],"scale":0.0023727132938802242,"zeroPoint":0,"q":[244,234,245,157,82,255,197,134]},
  {"name":"allpositive8","type":"uint8","symmetric":false,"reduceRange":true,"data":[0.5798794031143188,0.5553215146064758,0.5819126963615417,0.3722449839115143,0.19456754624843597,0.6050418615341187,0.4677480161190033,0.31716930866241455],"scale":0.004764108918607235,"zeroPoint":0,"q":[122,117,122,78,41,127,98,67]},
  {"name":"ties","type":"int8","symmetric":true,"reduceRange":false,"data":[-127.0,63.5,64.5,-0.5,0.5,1.5,-2.5,127.0],"scale":1.0,"zeroPoint":0,"q":[-127,64,64,0,0,2,-2,127]},
  {"name":"ties","type":"int8","symmetric":true,"reduceRange":true,"data":[-127.0,63.5,64.5,-0.5,0.5,1.5,-2.5,127.0],"scale":1.984375,"zeroPoint":0,"q":[-64,32,33,0,0,1,-1,64]},
  {"name":"ties","type":"uint8","symmetric":false,"reduceRange":false,"data":[-127.0,63.5,64.5,-0.5,0.5,1.5,-2.5,127.0],"scale":0.9960784316062927,"zeroPoint":128,"q":[0,192,193,127,129,130,125,255]},
  {"name":"ties","type":"uint8","symmetric":false,"reduceRange":true,"data":[-127.0,63.5,64.5,-0.5,0.5,1.5,-2.5,127.0],"scale":2.0,"zeroPoint":64,"q":[0,96,96,64,64,65,63,128]},
  {"name":"zeros","type":"int8","symmetric":true,"reduceRange":false,"data":[0.0,0.0,0.0,0.0],"scale":1.0,"zeroPoint":0,"q":[0,0,0,0]},
  {"name":"zeros","type":"int8","symmetric":true,"reduceRange":true,"data":[0.0,0.0,0.0,0.0],"scale":1.0,"zeroPoint":0,"q":[0,0,0,0]},
  {"name":"zeros","type":"uint8","symmetric":false,"reduceRange":false,"data":[0.0,0.0,0.0,0.0],"scale":1.0,"zeroPoint":0,"q":[0,0,0,0]},
  {"name":"zeros","type":"uint8","symmetric":false,"reduceRange":true,"data":[0.0,0.0,0.0,0.0],"scale":1.0,"zeroPoint":0,"q":[0,0,0,0]},
];
const GOLDEN_PER_CHANNEL: GoldenChannel[] = [
  {"axis":0,"type":"int8","dims":[3,4],"data":[-0.13076572120189667,-0.025922726839780807,0.15679509937763214,0.2986862361431122,-0.2518131136894226,0.3027847409248352,0.26917508244514465,0.15626227855682373,0.05289112776517868,-0.06278456002473831,0.2916041314601898,0.39205166697502136],"scales":[0.002351860050112009,0.0023841317743062973,0.003087020944803953],"zeroPoints":[0,0,0],"q":[-56,-11,67,127,-106,127,113,66,17,-20,94,127]},
  {"axis":0,"type":"uint8","dims":[3,4],"data":[-0.13076572120189667,-0.025922726839780807,0.15679509937763214,0.2986862361431122,-0.2518131136894226,0.3027847409248352,0.26917508244514465,0.15626227855682373,0.05289112776517868,-0.06278456002473831,0.2916041314601898,0.39205166697502136],"scales":[0.00168412528000772,0.0021748936269432306,0.0017836714396253228],"zeroPoints":[78,116,35],"q":[0,63,171,255,0,255,240,188,65,0,198,255]},
  {"axis":1,"type":"int8","dims":[3,4],"data":[-0.13076572120189667,-0.025922726839780807,0.15679509937763214,0.2986862361431122,-0.2518131136894226,0.3027847409248352,0.26917508244514465,0.15626227855682373,0.05289112776517868,-0.06278456002473831,0.2916041314601898,0.39205166697502136],"scales":[0.0019827804062515497,0.0023841317743062973,0.0022960954811424017,0.003087020944803953],"zeroPoints":[0,0,0,0],"q":[-66,-11,68,97,-127,127,117,51,27,-26,127,127]},
  {"axis":1,"type":"uint8","dims":[3,4],"data":[-0.13076572120189667,-0.025922726839780807,0.15679509937763214,0.2986862361431122,-0.2518131136894226,0.3027847409248352,0.26917508244514465,0.15626227855682373,0.05289112776517868,-0.06278456002473831,0.2916041314601898,0.39205166697502136],"scales":[0.0011949186446145177,0.001433605095371604,0.0011435456108301878,0.001537457574158907],"zeroPoints":[211,44,0,0],"q":[102,26,137,194,0,255,235,102,255,0,255,255]},
];

test('roundHalfEven rounds ties to the even neighbour (numpy.round)', () => {
  const cases: [number, number][] = [[0.5, 0], [1.5, 2], [2.5, 2], [3.5, 4], [-0.5, -0], [-1.5, -2], [-2.5, -2], [2.4999, 2], [2.5001, 3], [-126.5, -126], [127.5, 128]];
  for (const [x, want] of cases) assert.equal(roundHalfEven(x), want, `round(${x})`);
});

test('quantRange follows get_qmin_qmax_for_qType', () => {
  assert.deepEqual(quantRange('int8', true, false), { qmin: -127, qmax: 127 });
  assert.deepEqual(quantRange('int8', false, false), { qmin: -128, qmax: 127 });
  assert.deepEqual(quantRange('uint8', false, false), { qmin: 0, qmax: 255 });
  assert.deepEqual(quantRange('int8', true, true), { qmin: -64, qmax: 64 });
  assert.deepEqual(quantRange('uint8', false, true), { qmin: 0, qmax: 127 });
});

test('scale and zero point by hand', () => {
  // Symmetric int8: absmax 127 over 254 steps is exactly 1; zero point 0.
  assert.deepEqual(computeScaleZeroPoint(-3, 127, { qmin: -127, qmax: 127 }, true), { scale: 1, zeroPoint: 0 });
  // uint8 asymmetric [-1, 3]: scale 4/255 (stored as float32); zero point round(0 + 1 / (4/255)) = round(63.75) = 64.
  assert.deepEqual(computeScaleZeroPoint(-1, 3, { qmin: 0, qmax: 255 }, false), { scale: Math.fround(4 / 255), zeroPoint: 64 });
  // The range always includes 0: [2, 4] quantizes as [0, 4].
  assert.deepEqual(computeScaleZeroPoint(2, 4, { qmin: 0, qmax: 255 }, false), { scale: Math.fround(4 / 255), zeroPoint: 0 });
  // All zeros: scale below float32's tiny becomes 1, zero point 0.
  assert.deepEqual(computeScaleZeroPoint(0, 0, { qmin: -127, qmax: 127 }, true), { scale: 1, zeroPoint: 0 });
});

test('per-tensor int8 by hand: scale 1, ties to even, clip at ±127', () => {
  const data = Float32Array.of(-127, 63.5, 64.5, -0.5, 0.5, 1.5, -2.5, 127);
  const q = quantizePerTensor(data, { type: 'int8', symmetric: true, reduceRange: false });
  assert.deepEqual([...q.scales], [1]);
  assert.deepEqual([...q.zeroPoints], [0]);
  assert.deepEqual([...q.values], [-127, 64, 64, 0, 0, 2, -2, 127]);
  assert.ok(q.values instanceof Int8Array);
});

test('per-tensor matches the numpy golden vectors (int8/uint8, full and reduced range)', () => {
  for (const g of GOLDEN_PER_TENSOR) {
    const q = quantizePerTensor(Float32Array.from(g.data), { type: g.type, symmetric: g.symmetric, reduceRange: g.reduceRange });
    const label = `${g.name} ${g.type} reduce=${g.reduceRange}`;
    assert.equal(q.scales[0], Math.fround(g.scale), `${label} scale`);
    assert.equal(q.zeroPoints[0], g.zeroPoint, `${label} zero point`);
    assert.deepEqual([...q.values], g.q, `${label} values`);
  }
});

test('per-channel matches the numpy golden vectors on both axes', () => {
  for (const g of GOLDEN_PER_CHANNEL) {
    const q = quantizePerAxis(Float32Array.from(g.data), g.dims, g.axis, { type: g.type, symmetric: g.type === 'int8', reduceRange: false });
    const label = `axis ${g.axis} ${g.type}`;
    assert.deepEqual([...q.scales], g.scales.map(Math.fround), `${label} scales`);
    assert.deepEqual([...q.zeroPoints], g.zeroPoints, `${label} zero points`);
    assert.deepEqual([...q.values], g.q, `${label} values`);
  }
});

test('minMax flags NaN and Infinity', () => {
  assert.deepEqual(minMax(Float32Array.of(1, -2, 3)), { min: -2, max: 3 });
  assert.ok(Number.isNaN(minMax(Float32Array.of(1, NaN, 3)).min));
  assert.ok(Number.isNaN(minMax(Float32Array.of(1, Infinity)).max));
});

test('dequantize inverts within half a step', () => {
  const data = Float32Array.of(-0.9, -0.1, 0, 0.33, 0.7);
  const q = quantizePerTensor(data, { type: 'uint8', symmetric: false, reduceRange: false });
  const back = dequantize(q.values, { scale: q.scales[0]!, zeroPoint: q.zeroPoints[0]! });
  data.forEach((v, i) => assert.ok(Math.abs(back[i]! - v) <= q.scales[0]! / 2 + 1e-7, `${v} vs ${back[i]}`));
});
