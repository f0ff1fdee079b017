#!/usr/bin/env python3
"""zxing-cpp from PyPI (what a user would otherwise run) on every page of a corpus: one JSON line
per page with whether the signed QR text was read and the time from file bytes to answer
(PIL decode + zxingcpp.read_barcodes), the same span egov is timed over."""
import io
import json
import sys
import time

import zxingcpp
from PIL import Image

corpus = sys.argv[1]
with open(f"{corpus}/manifest.json", encoding="utf-8") as f:
    manifest = json.load(f)
for entry in manifest:
    with open(f"{corpus}/{entry['file']}", "rb") as f:
        data = f.read()
    t = time.perf_counter()
    img = Image.open(io.BytesIO(data))
    img.load()
    results = zxingcpp.read_barcodes(img, formats=zxingcpp.BarcodeFormat.QRCode)
    ms = (time.perf_counter() - t) * 1000.0
    texts = [r.text for r in results]
    print(json.dumps({"file": entry["file"], "decoder": "zxing-cpp (PyPI)",
                      "ok": entry["qr_text"] in texts, "ms": ms,
                      "detail": f"{len(texts)} codes",
                      "tampered": bool(entry.get("tampered", False))}))
