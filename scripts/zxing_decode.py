#!/usr/bin/env python3
"""Decode QR codes in images with an independent decoder (zxing-cpp), as a cross-check of
egov-conversion's QR output. Prints one JSON object per image: {"path", "texts", "ec_levels"}.

Setup (optional; the Rust tests skip this check when zxing-cpp is missing):
    python3 -m venv .venv && .venv/bin/pip install zxing-cpp pillow
    EGOV_ZXING_PYTHON=.venv/bin/python cargo test -p egov-conversion --test render
"""
import json
import sys

import zxingcpp
from PIL import Image

for path in sys.argv[1:]:
    results = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)
    print(json.dumps({
        "path": path,
        "texts": [r.text for r in results],
        "ec_levels": [r.ec_level for r in results],
    }, ensure_ascii=False))
