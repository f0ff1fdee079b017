# egov mark pdf stamp / verify (English). The same ids in the same order as locales/vi/.

mark-pdf-cannot-what-en-v1-e = cannot { $what_en } { $v1 }: { $e }
mark-pdf-v1-exists-already-use-force = { $v1 } exists already (use --force to replace it)
mark-pdf-asked-the-v1 = { $asked } → the { $v1 }
mark-pdf-stamped-a-conversion-mark-direction =
    Stamped a conversion mark, { $direction }, on { $v1 } → { $v2 }
    Written as { $mode }, in an incremental update: the original { $v3 } bytes stay the file's prefix; new file { $v4 } bytes
    Page: { $v5 } · where: { $place } · box x { $v6 }, y { $v7 }, w { $v8 }, h { $v9 } pt (PDF page space)
    Block: { $v10 } × { $v11 } mm · QR version { $v12 }, level { $v13 }, { $v14 } × { $v14 } modules, { $v15 } mm with quiet zone, modules { $v16 } mm
    Original: { $v3 } bytes · SHA-256 { $original_sha }
    Key id: { $v17 }
    Payload (also in the XMP): { $v18 }
mark-pdf-payload-written-to-v1 = Payload written to { $v1 }
mark-pdf-lines-printed-beside-the-qr = Lines printed beside the QR code:
mark-pdf-trust-ladder-reached-v1 = Trust ladder reached: { $v1 }
mark-pdf-failed-at-step-v1-v2 = Failed at step { $v1 } [{ $v2 }]: { $v3 }
mark-pdf-signer-s-key-v1 = Signer: { $s } (key { $v1 })
mark-pdf-not-compared = not compared
mark-pdf-original-the-first-n-bytes = Original: the first { $n } bytes of { $v1 } · SHA-256 { $sha } · matches the signed hash: { $m }
mark-pdf-original-not-determined-no-payload = Original: not determined (no payload or signed length)
mark-pdf-revisions-appended-after-it-v1 = Revisions appended after it: { $v1 }
mark-pdf-v1-objects = , { $v1 } objects
mark-pdf-v1-bytes-v2-v3-kind = {"  "}{ $v1 }. bytes { $v2 }–{ $v3 }, { $kind }{ $objects }, /Prev { $v4 } · chains to the one before: { $v5 }
mark-pdf-qr-code-printed-on-page = QR code printed on page { $v1 } (rendered at { $v2 } dpi): { $v3 } mark(s) found · matches the XMP: { $v4 } · { $v5 }
mark-pdf-printed-qr-code-not-checked = Printed QR code: not checked (--no-render)
mark-pdf-the-signed-mark-compare-it = The signed mark — compare it with the text beside the QR code; the signature covers the QR payload only:
mark-pdf-usage-direction = --system, --owner, --url, --code and --search belong to --direction data-to-paper (NĐ 137/2024 Đ5.1)
mark-pdf-usage-source = data-to-paper needs --system and --owner (NĐ 137/2024 Đ5.1.a)
mark-pdf-usage-locator = give --url, or --code with --search (NĐ 137/2024 Đ5.1.b)
mark-pdf-cannot-write = cannot write { $path }: { $reason }
mark-pdf-corner-top-right = top-right corner
mark-pdf-corner-top-left = top-left corner
mark-pdf-corner-bottom-right = bottom-right corner
mark-pdf-corner-bottom-left = bottom-left corner
mark-pdf-place-auto = the first blank corner (auto), { $margin } mm from the edges
mark-pdf-place-corner = { $corner }, { $margin } mm from the edges
mark-pdf-place-at = { $x } mm from the left, { $y } mm from the top
mark-pdf-mode-annotation = a /Stamp annotation (printable, a user can delete it)
mark-pdf-mode-content = page content (always prints)
mark-pdf-direction-data-to-paper = data message → paper (NĐ 137/2024 Đ5)
mark-pdf-direction-paper-to-data = paper → data message (NĐ 137/2024 Đ4)
mark-pdf-yes = yes
mark-pdf-no = no
mark-pdf-verified = Result: VERIFIED — { $file } (signature, trusted key, original intact, printed QR matches the XMP)
mark-pdf-not-verified = Result: NOT VERIFIED — { $file }
mark-pdf-xref-table = xref table
mark-pdf-xref-stream = xref stream
mark-pdf-xref-unknown = xref unknown
mark-pdf-hint-smaller-block = ; try a smaller --text-width-mm, --title-pt, --text-pt or margin
mark-pdf-hint-place-the-block = {" "}(--position, --x-mm/--y-mm, --text-width-mm)
