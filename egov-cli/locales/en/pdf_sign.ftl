# egov pdf_sign (English). The same ids in the same order as locales/vi/.

pdf-sign-the-token-holds-no-certificate = {" "}(the token holds no certificate for the key: give it with --cert)
pdf-sign-the-time-stamping-command-tsa = the time-stamping command --tsa-command «{ $command }» failed: { $why }
pdf-sign-v1-issued-by-v2-valid = { $v1 } (issued by { $v2 }; valid { $v3 } to { $v4 })
pdf-sign-key-on-pkcs-11-token = Key on PKCS#11 token «{ $token }», key «{ $key }» (the private key never left the token)
pdf-sign-signed-by-command = The private-key operation made by the command «{ $command }»
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
pdf-sign-flag-var-the-environment-variable = { $flag } { $var }: the environment variable is not set or not UTF-8 ({ $e })
pdf-sign-v1-the-password-is-not = { $v1 }: the password is not UTF-8 text
pdf-sign-give-exactly-one-key-source = give exactly one key source: --p12, { $flag } with --cert, or --pkcs11-module with --pin-env
pdf-sign-key-id-h-not-hexadecimal = --key-id { $h }: not hexadecimal
pdf-sign-v1-cannot-read-the-trust = { $v1 }: cannot read the trust anchors: { $e }
pdf-sign-cannot-read-the-trust-anchors = cannot read the trust anchors: { $e }
pdf-sign-kind-approval = approval signature
pdf-sign-kind-certification = certification signature (DocMDP P={ $permission })
pdf-sign-kind-document-timestamp = document time-stamp
pdf-sign-time-caller = given with --at
pdf-sign-time-timestamp = the signature time-stamp
pdf-sign-time-claimed = the time the signer claims (/M), not independent evidence
pdf-sign-time-now = now
pdf-sign-intact = {"  "}Intact: yes — byte range [{ $range }] ({ $bytes } bytes) matches the signature
pdf-sign-not-intact = {"  "}Intact: NO — { $why }
pdf-sign-chain-trusted = chains to the trust anchor { $anchor } ({ $length } { $length ->
        [one] certificate
       *[other] certificates
    })
pdf-sign-chain-not-checked = NOT CHECKED — without --anchors the certificate's issuer is not checked; the signature only shows the content is unchanged since signing
pdf-sign-chain-timestamp-invalid = not checked: the signature time-stamp does not verify
pdf-sign-chain-signature-invalid = not checked: the signature does not verify
pdf-sign-valid = {"  "}→ VALID
pdf-sign-not-valid = {"  "}→ NOT VALID
pdf-sign-updates-heading = Revisions appended after a signature (each against the one before):
pdf-sign-update-permitted = {"  "}Revision { $revision }: adds { $adds } — an update permitted after signing
pdf-sign-update-nothing-used = {"  "}Revision { $revision }: redefines nothing the document uses — permitted
pdf-sign-update-changes = {"  "}Revision { $revision }: CHANGES what was signed — { $changes }
pdf-sign-update-more = and { $n } more
pdf-sign-result-unsigned = Result: NOT VALID — the file has no digital signature ({ $file })
pdf-sign-result-valid = Result: VALID — { $n } signature(s), all valid{ $unchecked ->
        [yes] ; the certificates' issuer was not checked (no --anchors)
       *[no] {""}
    } ({ $file })
pdf-sign-result-not-valid = Result: NOT VALID — { $bad } of { $n } signature(s) do not verify ({ $file })
