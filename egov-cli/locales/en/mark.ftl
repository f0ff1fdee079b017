# egov mark (conversion marks, verification) and egov keygen (English).
# The same ids in the same order as locales/vi/.

# Reading and writing files (shared by the mark, PDF, trust-list and edXML commands)
mark-cannot-read = cannot read { $path }: { $reason }
mark-cannot-write = cannot write { $path }: { $reason }
mark-key-not-utf8 = { $path }: the key file is not UTF-8 text
mark-exists = { $path } already exists; not overwritten without --force

# egov keygen
keygen-usage-out-or-from = give --out (a new key) or --from (an existing key)
keygen-bad-public-key = the key file's public key is invalid
keygen-wrote = Wrote signing key «{ $label }» to { $path } (mode 0600; keep it private).
keygen-key = Signing key: { $label }
keygen-ids =
    Key id:           { $key_id }
    Public key:       { $public_key }
keygen-trust-set = Trust set: { $path }
keygen-entry = Trust-list entry: { $path }

# egov mark paper-to-data / data-to-paper
mark-usage-locator = give --url, or --code with --search (NĐ 137/2024 Đ5.1.b)
mark-stamped =
    Stamped { $page } → { $out }
    Payload → { $payload } (QR version { $qr_version } at level M, { $chars } characters)
    Key id:   { $key_id }
    Content SHA-256 (before marking): { $sha256 }
mark-printed = Printed: block { $block_w } × { $block_h } mm, QR { $qr_mm } mm square, modules { $module_mm } mm ({ $px } px in a 150-dpi scan), at [x, y, w, h] = { $rect } px
mark-dpi-stated = Page resolution: { $dpi } dpi, as the image file states
mark-dpi-assumed = Page resolution: { $dpi } dpi (the image states no scanner resolution, or --dpi)

# egov mark verify
mark-list-state = State [{ $code }]: { $message }
mark-key-holder = Key holder: { $holder }
mark-usage-payload = --payload reads one text file holding the QR text
mark-page-no-mark = page { $page }: [{ $code }] { $why }
mark-no-mark-found = no conversion-mark QR code found on { $pages } page(s) (decoder { $decoder }): { $why }
mark-scan-summary = Page with the mark: { $page } / { $pages } · QR codes found: { $qr_codes } · marks: { $marks } · { $decoder }
mark-nth = Mark { $n }
mark-on-page = Page { $page }: mark
mark-page-without = Page { $page }: [{ $code }]
mark-verdict-conflict = CONFLICTING MARKS — NOT VERIFIED
mark-verdict-verified-content = VERIFIED (signature, trusted key, content)
mark-verdict-verified = VERIFIED (signature, trusted key; content not checked)
mark-verdict-not-verified = NOT VERIFIED
mark-result = Result: { $verdict } — state: { $state } (`{ $code }`)
mark-step-decode = decode
mark-step-signature = signature
mark-step-trust = trust
mark-step-content = content
mark-failed-step = Failed at step { $step } [{ $code }]: { $reason }
mark-signer = Signer: { $signer } (key { $key_id })
mark-signed-content = The signed mark as printed — compare it with the text beside the QR code; the signature covers the QR payload only:
mark-state-malformed = malformed
mark-state-well-formed = well formed, signature not verified
mark-state-signature-valid = signature valid, key not trusted
mark-state-key-trusted = signature valid, key trusted
mark-state-content-matches = content matches the original
