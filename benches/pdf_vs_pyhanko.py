#!/usr/bin/env python3
"""pyHanko's side of benches/pdf_vs_pyhanko.sh (issue 13), inside one interpreter.

    python pdf_vs_pyhanko.py style OUT.yml
        The pyHanko CLI config with the QR stamp style "mark": the lines egov prints beside its
        QR code, DejaVu Sans (the font egov embeds) subset-embedded at 7 pt, a 123 pt QR code
        (egov's 0.51 mm modules at version 15 give 43.3 mm = 123 pt).
    python pdf_vs_pyhanko.py inproc TEXT.pdf PAYLOAD.txt EGOV_SIGNED.pdf ROOTS.pem KEY CERT REPS
        Times, in this process, on the bytes already read (no file I/O, no start-up), REPS runs
        each after one warm-up run: pyHanko stamping the QR stamp on page 1 (incremental), with
        DejaVu Sans as above and with pyHanko's default style (Courier, not embedded, ASCII
        text only: pyHanko's cheapest QR stamp); signing PAdES-B-B with the same RSA key
        (incremental, invisible field Signature1); validating the signature of EGOV_SIGNED.pdf
        and of pyHanko's own signed output against ROOTS.pem (no revocation fetching, with
        pyHanko's incremental-update diff analysis as the CLI does). Prints TSV:
        operation, median ms, min ms, max ms, runs.
"""

import io
import os
import statistics
import sys
import time
import unicodedata

ROOT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = ROOT_DIR + "/egov-conversion/assets/DejaVuSans.ttf"

# The block egov draws for the benchmark mark (data -> paper, NĐ 137/2024 Đ5), as wrapped by egov
# in its 62 mm text column.
LINES = [
    "Văn bản giấy được chuyển đổi từ thông",
    "điệp dữ liệu",
    "Thời gian chuyển đổi: 14:05:09 ngày 02/03/2026",
    "Chuyển đổi bởi: Văn phòng Ủy ban nhân dân tỉnh",
    "Lào Cai",
    "Hệ thống thông tin: Hệ thống thông tin giải quyết",
    "thủ tục hành chính tỉnh Lào Cai",
    "Chủ quản: Ủy ban nhân dân tỉnh Lào Cai",
    "Tra cứu:",
    "https://dichvucong.laocai.gov.vn/ho-so/000.00.37.",
    "H37-260302-0001",
]
QR_PT = 123
FONT_PT = 7
# Lower-left corner of the stamp, points: where egov's automatic placement puts its block on
# page 1 of the 100-page file (bottom left, 10 mm from the edges).
X, Y = 28, 28


def ascii_only(line):
    """The line without Vietnamese diacritics (Courier, a standard font, has none of them)."""
    decomposed = unicodedata.normalize("NFKD", line.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def style_yml(out):
    text = "\\n".join(LINES)
    with open(out, "w", encoding="utf-8") as f:
        f.write(
            "stamp-styles:\n"
            "  mark:\n"
            "    type: qr\n"
            f'    stamp-text: "{text}"\n'
            "    text-box-style:\n"
            f"      font: {FONT}\n"
            f"      font-size: {FONT_PT}\n"
            f"    qr-inner-size: {QR_PT}\n"
            "    border-width: 0\n"
        )


def timed(name, reps, fn):
    fn()  # warm-up: imports, font parsing caches, first-call costs
    runs = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    print(
        f"{name}\t{statistics.median(runs):.2f}\t{min(runs):.2f}\t{max(runs):.2f}\t{reps}",
        flush=True,
    )


def inproc(text_pdf, payload_file, egov_signed, roots, key, cert, reps):
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.stamp import QRStamp, QRStampStyle
    from pyhanko_certvalidator import ValidationContext

    with open(text_pdf, "rb") as f:
        original = f.read()
    with open(payload_file, encoding="ascii") as f:
        payload = f.read().strip()
    with open(egov_signed, "rb") as f:
        egov_signed_bytes = f.read()

    dejavu = QRStampStyle(
        stamp_text="\n".join(LINES),
        text_box_style=TextBoxStyle(
            font=GlyphAccumulatorFactory(FONT, font_size=FONT_PT), font_size=FONT_PT
        ),
        qr_inner_size=QR_PT,
        border_width=0,
    )
    courier = QRStampStyle(stamp_text="\n".join(map(ascii_only, LINES)), qr_inner_size=QR_PT)

    def stamp(style):
        w = IncrementalPdfFileWriter(io.BytesIO(original), strict=False)
        QRStamp(w, url=payload, style=style).apply(0, X, Y)
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()

    timed("pyhanko_stamp_qr_dejavu", reps, lambda: stamp(dejavu))
    timed("pyhanko_stamp_qr_courier", reps, lambda: stamp(courier))

    signer = signers.SimpleSigner.load(key, cert)
    meta = signers.PdfSignatureMetadata(
        field_name="Signature1", subfilter=fields.SigSeedSubFilter.PADES
    )

    def sign():
        w = IncrementalPdfFileWriter(io.BytesIO(original), strict=False)
        out = io.BytesIO()
        signers.sign_pdf(w, meta, signer=signer, output=out)
        return out.getvalue()

    timed("pyhanko_sign_pades_rsa2048", reps, sign)
    pyhanko_signed = sign()

    root = load_cert_from_pemder(roots)

    def validate(data):
        r = PdfFileReader(io.BytesIO(data), strict=False)
        sig = r.embedded_regular_signatures[0]
        vc = ValidationContext(
            trust_roots=[root], allow_fetching=False, revocation_mode="soft-fail"
        )
        st = validate_pdf_signature(sig, signer_validation_context=vc)
        assert st.bottom_line, st.pretty_print_details()
        return st

    timed("pyhanko_validate_egov_signed", reps, lambda: validate(egov_signed_bytes))
    timed("pyhanko_validate_pyhanko_signed", reps, lambda: validate(pyhanko_signed))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "style":
        style_yml(sys.argv[2])
    elif len(sys.argv) == 9 and sys.argv[1] == "inproc":
        inproc(*sys.argv[2:8], int(sys.argv[8]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
