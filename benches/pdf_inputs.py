#!/usr/bin/env python3
"""Inputs of the PDF benchmarks (issue 13), deterministic, written to target/bench-pdf/ (never
committed):

- text-100p.pdf: 100 pages of real producer content, the 19 pages of
  testdata/pdf/msword-2010-geobase-data-model-19p.pdf (Word 2010) five times and pages 1-5 once
  more, joined by `qpdf --empty --deterministic-id --pages ...`;
- scan-200mb.pdf: 120 A4 pages scanned at 300 dpi in colour (2480 x 3508 px JPEG, quality 85,
  paper grain as seeded noise, dark "text lines" below a blank top margin), about 1.8 MB a page,
  wrapped without re-encoding by img2pdf (--nodate, internal engine): 215 MB (205 MiB).

Run with a Python that has Pillow and img2pdf (benches/pdf_vs_pyhanko.sh makes one):
    python benches/pdf_inputs.py [--text-only] [OUT_DIR]
(--text-only: the 100-page PDF alone, qpdf only; `cargo bench --bench pdf` runs that.)
Files already present are kept (delete them to regenerate); the SHA-256 printed is the same on
every run with the same qpdf, Pillow (libjpeg) and img2pdf.
"""

import hashlib
import io
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = os.path.join(ROOT, "testdata/pdf/msword-2010-geobase-data-model-19p.pdf")

SCAN_PAGES = 120
A4_300DPI = (2480, 3508)
GRAIN = 32  # noise amplitude (grey levels) of the paper; sets the JPEG size (~1.8 MB/page)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def text_pdf(out):
    pages = []
    for _ in range(5):
        pages += [WORD, "1-19"]
    pages += [WORD, "1-5"]
    subprocess.run(
        ["qpdf", "--empty", "--deterministic-id", "--pages", *pages, "--", out],
        check=True,
    )
    n = subprocess.run(
        ["qpdf", "--show-npages", out], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert n == "100", f"{out}: {n} pages"


def scan_page(i):
    """One page as JPEG bytes: seeded paper grain, a blank top margin, lines of 'words'."""
    from PIL import Image, ImageDraw

    w, h = A4_300DPI
    rnd = random.Random(1000 + i)
    noise = Image.frombytes("RGB", (w, h), rnd.randbytes(w * h * 3))
    # Off-white paper: 255 - GRAIN .. 255, slightly warm (blue channel darker).
    lut = [min(255, int(255 - GRAIN + b * GRAIN / 256)) for b in range(256)]
    lut_b = [max(0, v - 8) for v in lut]
    img = noise.point(lut + lut + lut_b)
    d = ImageDraw.Draw(img)
    # A heading at the top left, the body from 45 mm down: the top-right corner stays blank.
    for y, x_end in ((240, 1100), (300, 900)):
        x = 300
        while x < x_end:
            ww = rnd.randint(40, 200)
            d.rectangle([x, y, min(x + ww, x_end), y + 30], fill=(25, 25, 35))
            x += ww + rnd.randint(18, 36)
    for line in range(58):
        y = 540 + line * 48
        x = 300
        x_end = 2180 if line % 9 != 8 else rnd.randint(800, 1800)
        while x < x_end:
            ww = rnd.randint(30, 220)
            d.rectangle([x, y, min(x + ww, x_end), y + 26], fill=(30, 30, 40))
            x += ww + rnd.randint(18, 40)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85, dpi=(300, 300), optimize=False, progressive=False)
    return buf.getvalue()


def scan_pdf(out):
    import img2pdf

    jpegs = [scan_page(i) for i in range(SCAN_PAGES)]
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        img2pdf.convert(jpegs, outputstream=f, nodate=True, engine=img2pdf.Engine.internal)
    os.replace(tmp, out)


def main():
    args = sys.argv[1:]
    text_only = "--text-only" in args
    args = [a for a in args if a != "--text-only"]
    out_dir = args[0] if args else os.path.join(ROOT, "target/bench-pdf")
    os.makedirs(out_dir, exist_ok=True)
    inputs = [("text-100p.pdf", text_pdf)]
    if not text_only:
        inputs.append(("scan-200mb.pdf", scan_pdf))
    for name, make in inputs:
        path = os.path.join(out_dir, name)
        if not os.path.exists(path):
            make(path)
        print(f"{path}\t{os.path.getsize(path)} bytes\tsha256 {sha256(path)}")


if __name__ == "__main__":
    main()
