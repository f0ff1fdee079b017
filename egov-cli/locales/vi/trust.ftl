# Lời của lệnh trust (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/trust.ftl.

trust-cannot-read = không đọc được { $path }: { $detail }
trust-not-utf8 = { $path } không phải văn bản UTF-8
trust-assessment = Tín nhiệm mạng (Điều 21 NĐ 137/2024/NĐ-CP) lúc { $at }: { $verdict }
trust-meets-all = đáp ứng đủ sáu tiêu chí
trust-does-not-meet = chưa đáp ứng các tiêu chí ({ $outcome })
trust-certification = Mã chứng nhận tín nhiệm mạng (TRUST-01, khoản 1 Điều 21 NĐ 137/2024/NĐ-CP):
trust-security-txt = Tệp security.txt { $path }: { $contacts } địa chỉ liên hệ, { $verdict }
trust-security-txt-valid = hợp lệ (RFC 9116)
trust-security-txt-invalid = KHÔNG HỢP LỆ (RFC 9116)
trust-line = dòng { $line }:{" "}
trust-severity-error = Lỗi
trust-severity-warning = Lưu ý
trust-severity-notice = Ghi chú
