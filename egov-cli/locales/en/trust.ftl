# The words of the trust command (English). The same ids in the same order as
# locales/vi/trust.ftl.

trust-cannot-read = cannot read { $path }: { $detail }
trust-not-utf8 = { $path } is not UTF-8
trust-assessment = Network trust (NĐ 137/2024 Đ21) at { $at }: { $verdict }
trust-meets-all = meets all six criteria
trust-does-not-meet = does not meet the criteria ({ $outcome })
trust-certification = Certification code (TRUST-01, Đ21.1):
trust-security-txt = security.txt { $path }: { $contacts } contact(s), { $verdict }
trust-security-txt-valid = valid (RFC 9116)
trust-security-txt-invalid = INVALID (RFC 9116)
trust-line = line { $line }:{" "}
trust-severity-error = Error
trust-severity-warning = Warning
trust-severity-notice = Notice
sectxt-invalid_utf8 = the file is not UTF-8 (RFC 9116 §3)
sectxt-invalid_line = a line is neither a comment, blank, nor "Name: value" (RFC 9116 §3)
sectxt-empty_value = a field has an empty value
sectxt-missing_contact = no Contact field (RFC 9116 §2.5.3: required)
sectxt-missing_expires = no Expires field (RFC 9116 §2.5.5: required)
sectxt-multiple_expires = more than one Expires field (RFC 9116 §2.5.5: at most one)
sectxt-invalid_expires = Expires is not an RFC 3339 date-time (RFC 9116 §2.5.5)
sectxt-expired = the file has expired: Expires is not after the evaluation time (RFC 9116 §2.5.5)
sectxt-expires_too_far = Expires is more than a year away (RFC 9116 §2.5.5: should be under a year)
sectxt-invalid_uri = a value that must be a URI is not one (RFC 9116 §2.5)
sectxt-insecure_uri = a web URI must begin with https:// (RFC 9116 §2.5)
sectxt-multiple_preferred_languages = more than one Preferred-Languages field (RFC 9116 §2.5.8)
sectxt-invalid_language_tag = a malformed language tag (RFC 9116 §2.5.8, RFC 5646)
sectxt-unknown_field = a field RFC 9116 does not define (allowed, ignored; §2.4)
sectxt-canonical_mismatch = no Canonical URI is the URI the file was fetched from (RFC 9116 §2.5.2)
sectxt-not_signed = the file is not signed (RFC 9116 §2.3: should be)
sectxt-invalid_signature_block = the file starts as an OpenPGP signed message but its structure is broken
