/**
 * Auto values for image inputs ([N, C, H, W] float with 1, 3 or 4 channels and sides ≥ 16): pictures,
 * not per-pixel noise. A CNN is trained on spatially correlated inputs; i.i.d. normal pixels drive every
 * high-frequency filter at once, so a compressed model's error on them says little about its error on
 * images (PP-OCRv4 det with per-channel int8 Conv weights: cosine 0.59 on noise, 0.997 on rendered text
 * pages). Each image is a smooth background (level plus gradient per channel), a few filled rectangles,
 * rows of glyph-like strokes (edges at many scales, as in photos and documents; one row filling most of
 * the height when the image is a wide strip, as a text line is) in random colours, and a
 * little noise; values in about [−2, 2], the range
 * of the usual normalisations (ImageNet mean/std, (x − 0.5)/0.5).
 */

export function isImageShape(dims: number[]): boolean {
  return dims.length === 4 && [1, 3, 4].includes(dims[1]!) && dims[2]! >= 16 && dims[3]! >= 16;
}

export function imageValues(dims: number[], rand: () => number): number[] {
  const [n, c, h, w] = dims as [number, number, number, number];
  const out = new Array<number>(n * c * h * w);
  const colour = () => Array.from({ length: c }, () => rand() * 4 - 2);
  for (let b = 0; b < n; b++) {
    const plane = Array.from({ length: c }, () => new Float32Array(h * w));
    const level = colour();
    const [gx, gy] = [rand() * 2 - 1, rand() * 2 - 1];
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) plane[ch]![y * w + x] = level[ch]! * 0.5 + 0.5 * (gx * x / w + gy * y / h);
    }
    const fill = (x0: number, y0: number, x1: number, y1: number, col: number[]) => {
      for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) {
        for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) for (let ch = 0; ch < c; ch++) plane[ch]![y * w + x] = col[ch]!;
      }
    };
    const shapes = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < shapes; k++) {
      const [x0, y0] = [Math.floor(rand() * w), Math.floor(rand() * h)];
      fill(x0, y0, x0 + 2 + Math.floor(rand() * w / 3), y0 + 2 + Math.floor(rand() * h / 3), colour());
    }
    // Rows of glyph-like marks: a few strokes per cell, in one contrasting colour per row.
    // A wide, short image (w ≥ 3h) is a strip or a text line: one row spanning most of its height.
    const line = w >= 3 * h;
    const rows = line ? 1 : 1 + Math.floor(rand() * 4);
    for (let r = 0; r < rows; r++) {
      const cell = Math.max(4, Math.floor(line ? h * (0.45 + rand() * 0.25) : Math.min(h, w) * (0.06 + rand() * 0.2)));
      const y0 = line ? Math.floor((h - cell) / 2) : Math.floor(rand() * Math.max(1, h - cell));
      const col = colour();
      const thick = Math.max(1, Math.round(cell / 7));
      for (let x0 = Math.floor(rand() * cell); x0 + cell <= w; x0 += Math.ceil(cell * (1.1 + rand() * 0.4))) {
        if (rand() < 0.15) continue; // a space
        const strokes = 2 + Math.floor(rand() * 3);
        for (let k = 0; k < strokes; k++) {
          if (rand() < 0.5) {
            const yy = y0 + Math.floor(rand() * (cell - thick));
            fill(x0, yy, x0 + cell - Math.floor(rand() * cell / 2), yy + thick, col);
          } else {
            const xx = x0 + Math.floor(rand() * (cell - thick));
            fill(xx, y0, xx + thick, y0 + cell - Math.floor(rand() * cell / 2), col);
          }
        }
      }
    }
    for (let ch = 0; ch < c; ch++) {
      const base = (b * c + ch) * h * w;
      for (let i = 0; i < h * w; i++) out[base + i] = plane[ch]![i]! + (rand() - 0.5) * 0.1;
    }
  }
  return out;
}
