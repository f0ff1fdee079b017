# egov mark_pdf_scans (English). The same ids in the same order as locales/vi/.

mark-pdf-scans-key-is-the-mark-s = {" "}(--key is the mark's key made by `egov keygen`; the agency's PEM key goes to --agency-key with --cert)
mark-pdf-scans-cannot-use-the-scan-reason = cannot use the scan: { $reason }
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
