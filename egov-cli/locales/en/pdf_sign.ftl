# egov pdf_sign (English). The same ids in the same order as locales/vi/.

pdf-sign-the-token-holds-no-certificate = {" "}(the token holds no certificate for the key: give it with --cert)
pdf-sign-the-time-stamping-command-tsa = the time-stamping command --tsa-command «{ $command }» failed: { $why }
pdf-sign-v1-issued-by-v2-valid = { $v1 } (issued by { $v2 }; valid { $v3 } to { $v4 })
pdf-sign-key-on-pkcs-11-token = Key on PKCS#11 token «{ $token }», key «{ $key }» (the private key never left the token)
pdf-sign-signing-time-the-signer-claims = Signing time the signer claims (/M): { $when }
pdf-sign-signature-time-stamp-rfc-3161 = Signature time-stamp (RFC 3161): { $v1 } — by { $by }
pdf-sign-no-time-stamp-pades-b = No time-stamp (PAdES-B-B): the signing time is the signer's claim only; --tsa-command makes PAdES-B-T
pdf-sign-signed-level-v1-v2-signature =
    Signed ({ $level }) { $v1 } → { $v2 }
    Signature field: { $v3 } (invisible, page 1)
pdf-sign-signer-v1 = Signer: { $v1 }
pdf-sign-signed-byte-range-0-r1 =
    Signed byte range: [0 { $r1 } { $r2 } { $r3 }] — the whole file but the /Contents string ({ $v1 } bytes reserved for the signature, { $v2 } used)
    Written as an incremental update: the original { $v3 } bytes stay the file's prefix; new file { $v4 } bytes
pdf-sign-signed-file-v1 = Signed file: { $v1 }
pdf-sign-the-signed-byte-range-is = the signed byte range is unacceptable: { $p }
pdf-sign-the-document-time-stamp-does = the document time-stamp does not verify: { $p }
pdf-sign-no-time-stamp-could-be = no time-stamp could be read
pdf-sign-no-cms-signature = no CMS signature
pdf-sign-signature-i-n-v1-field = Signature { $i }/{ $n }: { $v1 } · field «{ $field }» · { $v2 }
pdf-sign-signer-v1-2 = {"  "}Signer: { $v1 }
pdf-sign-time-stamping-authority-by-time = {"  "}Time-stamping authority: { $by } · time { $v1 }
pdf-sign-fails = FAILS{" "}
pdf-sign-certificate-chain-chain = {"  "}Certificate chain: { $chain }
pdf-sign-signature-time-stamp-fails-v1 = {"  "}Signature time-stamp: FAILS { $v1 }
pdf-sign-signature-time-stamp-pades-b = {"  "}Signature time-stamp (PAdES-B-T): { $v1 } — by { $by }
pdf-sign-signing-time-the-signer-claims-2 = {"  "}Signing time the signer claims (/M): { $t }
pdf-sign-certificates-checked-at-at-source = {"  "}Certificates checked at: { $at } (source: { $v1 })
pdf-sign-revision-covered-rev-total-revisions = {"  "}Revision covered: { $rev }/{ $total_revisions } · { $v1 } revision(s) appended after it
