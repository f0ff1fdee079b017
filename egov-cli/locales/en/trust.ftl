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
