/**
 * Text images for the OCR bench, drawn in code: a 5×7 bitmap font (capitals and digits, which PaddleOCR's
 * Chinese dictionary holds too) scaled and anti-aliased by 4×4 supersampling, dark ink on a light, slightly
 * uneven paper with seeded noise. Normalised as PaddleOCR's inference scripts do:
 * - det (tools/infer/predict_det.py): BGR, x/255, (x − mean)/std with ImageNet mean/std, CHW;
 * - rec and cls (predict_rec.py, predict_cls.py): (x/255 − 0.5)/0.5, CHW, 48 px high.
 */

const GLYPHS: Record<string, string> = {
  A: '01110 10001 10001 11111 10001 10001 10001', B: '11110 10001 10001 11110 10001 10001 11110',
  C: '01110 10001 10000 10000 10000 10001 01110', D: '11110 10001 10001 10001 10001 10001 11110',
  E: '11111 10000 10000 11110 10000 10000 11111', F: '11111 10000 10000 11110 10000 10000 10000',
  G: '01110 10001 10000 10111 10001 10001 01111', H: '10001 10001 10001 11111 10001 10001 10001',
  I: '01110 00100 00100 00100 00100 00100 01110', J: '00111 00010 00010 00010 00010 10010 01100',
  K: '10001 10010 10100 11000 10100 10010 10001', L: '10000 10000 10000 10000 10000 10000 11111',
  M: '10001 11011 10101 10101 10001 10001 10001', N: '10001 10001 11001 10101 10011 10001 10001',
  O: '01110 10001 10001 10001 10001 10001 01110', P: '11110 10001 10001 11110 10000 10000 10000',
  Q: '01110 10001 10001 10001 10101 10010 01101', R: '11110 10001 10001 11110 10100 10010 10001',
  S: '01111 10000 10000 01110 00001 00001 11110', T: '11111 00100 00100 00100 00100 00100 00100',
  U: '10001 10001 10001 10001 10001 10001 01110', V: '10001 10001 10001 10001 10001 01010 00100',
  W: '10001 10001 10001 10101 10101 10101 01010', X: '10001 10001 01010 00100 01010 10001 10001',
  Y: '10001 10001 01010 00100 00100 00100 00100', Z: '11111 00001 00010 00100 01000 10000 11111',
  0: '01110 10001 10011 10101 11001 10001 01110', 1: '00100 01100 00100 00100 00100 00100 01110',
  2: '01110 10001 00001 00010 00100 01000 11111', 3: '11111 00010 00100 00010 00001 10001 01110',
  4: '00010 00110 01010 10010 11111 00010 00010', 5: '11111 10000 11110 00001 00001 10001 01110',
  6: '00110 01000 10000 11110 10001 10001 01110', 7: '11111 00001 00010 00100 01000 01000 01000',
  8: '01110 10001 10001 01110 10001 10001 01110', 9: '01110 10001 10001 01111 00001 00010 01100',
};

/** A grey image, 0 (ink) … 255 (paper), row-major. */
export interface Grey {
  width: number;
  height: number;
  pixels: Float32Array;
}

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function ink(text: string, x: number, y: number, unit: number): (px: number, py: number) => boolean {
  const advance = 6 * unit;
  return (px, py) => {
    const gy = Math.floor((py - y) / unit);
    if (gy < 0 || gy > 6) return false;
    const k = Math.floor((px - x) / advance);
    if (k < 0 || k >= text.length) return false;
    const gx = Math.floor((px - x - k * advance) / unit);
    const rows = GLYPHS[text[k]!];
    return !!rows && gx >= 0 && gx < 5 && rows[gy * 6 + gx] === '1';
  };
}

/** Draws `text` with its top-left at (x, y), glyph cells `unit` px wide, into `img` (4×4 supersampled). */
export function drawText(img: Grey, text: string, x: number, y: number, unit: number, inkLevel = 25): void {
  const covered = ink(text, x, y, unit);
  const x1 = Math.min(img.width, Math.ceil(x + text.length * 6 * unit));
  const y1 = Math.min(img.height, Math.ceil(y + 7 * unit));
  for (let py = Math.max(0, Math.floor(y)); py < y1; py++) {
    for (let px = Math.max(0, Math.floor(x)); px < x1; px++) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (covered(px + (sx + 0.5) / 4, py + (sy + 0.5) / 4)) hits++;
      if (!hits) continue;
      const i = py * img.width + px;
      img.pixels[i] = img.pixels[i]! + (inkLevel - img.pixels[i]!) * (hits / 16);
    }
  }
}

/** Light paper with a gentle gradient and noise. */
export function paper(width: number, height: number, rand: () => number): Grey {
  const pixels = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) pixels[y * width + x] = 225 + 20 * (x / width) - 10 * (y / height) + (rand() - 0.5) * 12;
  }
  return { width, height, pixels };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function randomWord(rand: () => number, min: number, max: number): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  return Array.from({ length: n }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
}

/** A page of text lines (det input): `lines` lines of words at assorted sizes. */
export function textPage(width: number, height: number, seed: number): Grey {
  const rand = seeded(seed);
  const img = paper(width, height, rand);
  let y = 16;
  while (y < height - 40) {
    const unit = 2 + rand() * 3;
    let x = 12 + rand() * 40;
    while (x < width - 60) {
      const word = randomWord(rand, 2, 8);
      if (x + word.length * 6 * unit > width - 8) break;
      drawText(img, word, x, y, unit, 10 + rand() * 50);
      x += (word.length + 1 + rand() * 2) * 6 * unit;
    }
    y += 7 * unit + 10 + rand() * 30;
  }
  return img;
}

/** One line of text `height` px high and `width` px wide (rec, cls input), optionally turned 180°. */
export function textLine(width: number, height: number, seed: number, rotated = false): { img: Grey; text: string } {
  const rand = seeded(seed);
  const img = paper(width, height, rand);
  const unit = (height * (0.5 + rand() * 0.15)) / 7;
  const maxChars = Math.floor((width - 8) / (6 * unit));
  const text = randomWord(rand, Math.max(3, maxChars - 5), maxChars);
  drawText(img, text, 4 + rand() * 4, (height - 7 * unit) / 2, unit, 10 + rand() * 40);
  if (rotated) img.pixels.reverse();
  return { img, text };
}

/** PaddleOCR det normalisation: 3 × H × W float32, channel c = (v/255 − mean[c]) / std[c] (BGR order). */
export function detTensor(img: Grey): Float32Array {
  const mean = [0.485, 0.456, 0.406];
  const std = [0.229, 0.224, 0.225];
  const n = img.width * img.height;
  const out = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) for (let i = 0; i < n; i++) out[c * n + i] = (img.pixels[i]! / 255 - mean[c]!) / std[c]!;
  return out;
}

/** PaddleOCR rec/cls normalisation: 3 × H × W float32, (v/255 − 0.5)/0.5. */
export function lineTensor(img: Grey): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) for (let i = 0; i < n; i++) out[c * n + i] = (img.pixels[i]! / 255 - 0.5) / 0.5;
  return out;
}
