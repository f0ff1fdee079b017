"""Parses each edXML package with lxml repeatedly for about SECONDS; the same files, in the same
run, as egov's read + check (benches/edxml_vs_lxml.sh). Two rows per file:

  parse   lxml's etree.fromstring: a DOM of the whole file (attachment text included; huge_tree
          for text over 10 MB). It checks nothing.
  decode  parse, then what egov's read also does to each attachment: base64-decode, take the
          content out of its ZIP wrapper when it is one, SHA-256 of the content.

Prints file, bytes, runs, µs per run for each.
"""
import base64
import hashlib
import io
import sys
import time
import zipfile

from lxml import etree

NS = "{http://www.mic.gov.vn/TBT/QCVN_102_2016}"
seconds = float(sys.argv[1])
parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


def decode(root):
    for el in root.iter(NS + "ContentTransferEncoded", NS + "AttachmentData"):
        raw = base64.b64decode(el.text or "")
        if raw[:4] == b"PK\x03\x04":
            try:
                with zipfile.ZipFile(io.BytesIO(raw)) as z:
                    raw = z.read(z.namelist()[0])
            except zipfile.BadZipFile:
                pass
        hashlib.sha256(raw).hexdigest()


for mode in ("parse", "decode"):
    for path in sys.argv[2:]:
        data = open(path, "rb").read()
        runs = 0
        start = time.perf_counter()
        while runs < 3 or time.perf_counter() - start < seconds:
            root = etree.fromstring(data, parser)
            if mode == "decode":
                decode(root)
            runs += 1
        us = (time.perf_counter() - start) * 1e6 / runs
        print(f"{path}\t{len(data)}\t{runs}\t{us:.1f}\t{mode}")
