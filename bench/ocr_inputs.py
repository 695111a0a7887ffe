"""Rendered text inputs for PP-OCR (det: pages, rec and cls: text lines), preprocessed as PaddleOCR does
(det: RGB/255, ImageNet mean/std, sides multiple of 32; rec/cls: height 48, (x/255 - 0.5)/0.5), one .npz
per sample with the input named `x`. Calibration and parity sets come from different seeds.
Needs Pillow and DejaVu fonts (Debian fonts-dejavu-core):
  python bench/ocr_inputs.py [OUT_DIR]   (default /work/cache/static-bench/ocr)
"""
import os
import random
import sys

import numpy as np
from PIL import Image, ImageDraw, ImageFont

OUT = sys.argv[1] if len(sys.argv) > 1 else "/work/cache/static-bench/ocr"
FONTS = [f"/usr/share/fonts/truetype/dejavu/{f}" for f in ("DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "DejaVuSans-Bold.ttf")]
WORDS = ("invoice total amount due date number customer order shipping address quantity price tax "
         "the quick brown fox jumps over lazy dog 2024 12.50 $ 1,299.00 ID-4471 www.example.com").split()


def line(rng):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 6)))


def page(rng, w=640, h=640):
    bg = rng.randint(200, 255)
    img = Image.new("RGB", (w, h), (bg, bg, bg - rng.randint(0, 20)))
    d = ImageDraw.Draw(img)
    y = rng.randint(10, 40)
    while y < h - 40:
        font = ImageFont.truetype(rng.choice(FONTS), rng.randint(16, 34))
        ink = rng.randint(0, 80)
        d.text((rng.randint(10, 80), y), line(rng), fill=(ink, ink, ink), font=font)
        y += rng.randint(30, 60)
    x = np.asarray(img, np.float32) / 255.0
    x = (x - np.array([0.485, 0.456, 0.406], np.float32)) / np.array([0.229, 0.224, 0.225], np.float32)
    return x.transpose(2, 0, 1)[None]


def text_line(rng, w, flip=False):
    font = ImageFont.truetype(rng.choice(FONTS), rng.randint(26, 36))
    s = line(rng)
    bg = rng.randint(190, 255)
    img = Image.new("RGB", (w, 48), (bg, bg, bg))
    d = ImageDraw.Draw(img)
    ink = rng.randint(0, 90)
    d.text((rng.randint(2, 12), rng.randint(2, 8)), s, fill=(ink, ink, ink), font=font)
    if flip:
        img = img.rotate(180)
    x = (np.asarray(img, np.float32) / 255.0 - 0.5) / 0.5
    return x.transpose(2, 0, 1)[None]


def write(kind, n, seed, make):
    folder = os.path.join(OUT, kind)
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        np.savez(os.path.join(folder, f"{i:04d}.npz"), x=make(rng, i).astype(np.float32))


def main():
    for split, seed, n in (("calib", 1, 50), ("parity", 2, 12)):
        write(f"det-{split}", n, seed, lambda rng, i: page(rng))
        write(f"rec-{split}", n, seed + 10, lambda rng, i: text_line(rng, 320))
        write(f"cls-{split}", n, seed + 20, lambda rng, i: text_line(rng, 192, flip=i % 2 == 1))
    print("written to", OUT)


if __name__ == "__main__":
    main()
