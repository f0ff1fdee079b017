# Lời về ngày giờ người dùng nhập (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/input.ftl.

input-strict-time = { $what }: { $detail } (--strict-time đòi ghi múi giờ, ví dụ +07:00)
input-note-local = egov: ghi chú: { $what } «{ $input }» không ghi múi giờ, được hiểu là giờ Việt Nam (UTC+07:00): { $time } (--strict-time sẽ từ chối)
input-date-invalid = { $what } «{ $input }» không phải ngày (viết «13/02/2026», «2026-02-13», «2026/02/13» hoặc «ngày 13 tháng 2 năm 2026»){ $detail }
input-not-parsed = { $path }: không đọc được tệp { $format }: «{ $detail }»
input-not-parsed-said = { $path }: { $detail }
input-not-yes-no = viết «yes» («có») hoặc «no» («không»)
input-blank = giá trị để trống: cần ghi một tên
