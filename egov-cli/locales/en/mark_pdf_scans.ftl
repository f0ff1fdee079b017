# egov mark_pdf_scans (English). The same ids in the same order as locales/vi/.

mark-pdf-scans-key-is-the-mark-s = {" "}(--key is the mark's key made by `egov keygen`; the agency's PEM key goes to --agency-key with --cert)
mark-pdf-scans-assume-dpi-reason = --assume-dpi: { $reason }
mark-pdf-scans-agency-the-copying-agency-s = --agency: the copying agency's name is needed (it is printed in the signature)
mark-pdf-scans-v1-v2-format-v3-v4 = {"  "}{ $v1 }. { $v2 } · { $format } · { $v3 } × { $v4 } pixels · { $dpi } · { $colour }
mark-pdf-scans-made-the-electronic-copy-of =
    Made the electronic copy of { $v1 } scan file(s) → { $v2 }
    Format: { $v3 } · { $v4 } page(s)
    Pages:
mark-pdf-scans-checks-of-the-electronic-copy = Checks of the electronic copy's format (NĐ 30/2020 Phụ lục I) and of the mark:
mark-pdf-scans-payload-written-to-v1 = {"  "}Payload written to { $v1 }
mark-pdf-scans-the-copying-agency-s-signature = The copying agency's signature ({ $v1 }): field «{ $v2 }» · visible at the { $corner } of page 1 · covers the conversion mark too
mark-pdf-scans-signer-v1 = Signer: { $v1 }
mark-pdf-scans-reason = Reason: { $reason }
mark-pdf-scans-location = Location: { $location }
mark-pdf-scans-copy-written-v1-v2-bytes = Copy written: { $v1 } ({ $v2 } bytes: the PDF/A of { $v3 } bytes, then two incremental updates: the mark, the signature)
mark-pdf-scans-conversion-mark-paper-data-message =
    Conversion mark, paper → data message (NĐ 137/2024 Đ4): page { $v1 } · where: { $place } · box x { $v2 }, y { $v3 }, w { $v4 }, h { $v5 } pt · { $v6 }
    {"  "}Block: { $v7 } × { $v8 } mm · QR version { $v9 }, { $v10 } mm with quiet zone
    {"  "}The payload signs the PDF/A before marking: { $v11 } bytes · SHA-256 { $v12 }
    {"  "}Mark key id: { $v13 }
    {"  "}Payload (also in the XMP): { $v14 }
    {"  "}Lines printed beside the QR code:
mark-pdf-scans-format-jpeg = JPEG (embedded unchanged)
mark-pdf-scans-dpi-stated = { $dpi } dpi (stated by the image)
mark-pdf-scans-dpi-assumed = { $dpi } dpi (assumed: the image states none, --assume-dpi)
mark-pdf-scans-colour = colour
mark-pdf-scans-grey = grey or black and white
mark-pdf-scans-result-conforming = Result: CONFORMING — the electronic copy has the format of NĐ 30/2020 Phụ lục I, is marked and signed
mark-pdf-scans-result-not-conforming = Result: NOT CONFORMING — { $file } was written for review, but it is not a conforming electronic copy (see the FAIL lines above; NĐ 30/2020 Phụ lục I: colour, at least 200 dpi); scan again and make the copy again. Exit code 1
