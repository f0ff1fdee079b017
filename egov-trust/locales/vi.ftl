# egov-trust: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối), CORE-06.
# Egov-trust: Vietnamese error messages, by error code ("." written "-"). English is each error's Display.

# links.rs: liên kết trên trang (TRUST-02.d, NĐ 137/2024 Đ21.2)
links-scan_failed = không quét được mã HTML của trang
links-blocklisted = liên kết tới máy chủ hoặc địa chỉ có trong danh sách cảnh báo
links-ip_literal = liên kết ghi thẳng địa chỉ IP thay cho tên miền
links-javascript_url = liên kết dạng javascript:
links-data_url = liên kết dạng data: ngoài hình ảnh và đa phương tiện
links-mixed_content = tải tệp hoặc tài nguyên qua http: trên trang https: (nội dung hỗn hợp)
links-look_alike = tên miền giả dạng tên miền gov.vn

# probe.rs: kết nối thật tới hệ thống (tính năng probe)
probe-url = «{ $url }» không phải địa chỉ https:// có tên máy chủ
probe-connect = không kết nối được tới { $host }
probe-tls = bắt tay TLS với { $host } không thành công (ví dụ máy chủ chỉ hỗ trợ TLS dưới 1.2)
probe-http = trao đổi HTTP với { $host } không thành công, hoặc phản hồi sai định dạng

# request.rs: yêu cầu đánh giá tín nhiệm mạng
trust-request_json = yêu cầu đánh giá: { $reason }
trust-now_missing = thiếu thời điểm đánh giá `now` (egov không đọc đồng hồ hệ thống)
trust-page_url = page.url «{ $url }» không phải một URL
trust-host_missing = phần { $part } cần tên máy chủ: hãy ghi `host`

# security_txt.rs: tệp security.txt (RFC 9116, TRUST-02.e)
security_txt-invalid_utf8 = tệp không được mã hóa UTF-8 (RFC 9116 §3)
security_txt-invalid_line = dòng không phải chú thích, dòng trống hay dạng `Tên: giá trị` (RFC 9116 §3)
security_txt-empty_value = trường không có giá trị
security_txt-missing_contact = thiếu trường Contact (RFC 9116 §2.5.3: bắt buộc)
security_txt-missing_expires = thiếu trường Expires (RFC 9116 §2.5.5: bắt buộc)
security_txt-multiple_expires = trường Expires có hơn một lần (RFC 9116 §2.5.5)
security_txt-invalid_expires = giá trị Expires không phải ngày giờ theo RFC 3339 (RFC 9116 §2.5.5)
security_txt-expired = tệp đã hết hạn: Expires không sau thời điểm đánh giá (RFC 9116 §2.5.5)
security_txt-expires_too_far = Expires cách thời điểm đánh giá hơn một năm (RFC 9116 §2.5.5 khuyến nghị dưới một năm)
security_txt-invalid_uri = giá trị phải là một URI nhưng không phải (RFC 9116 §2.5)
security_txt-insecure_uri = URI web không dùng https (RFC 9116 §2.5)
security_txt-multiple_preferred_languages = trường Preferred-Languages có hơn một lần (RFC 9116 §2.5.8)
security_txt-invalid_language_tag = thẻ ngôn ngữ sai định dạng (RFC 9116 §2.5.8, RFC 5646)
security_txt-unknown_field = trường RFC 9116 không định nghĩa (được phép, bị bỏ qua: RFC 9116 §2.4)
security_txt-canonical_mismatch = không URI Canonical nào là địa chỉ tệp được tải về (RFC 9116 §2.5.2)
security_txt-not_signed = tệp không có chữ ký số OpenPGP (RFC 9116 §2.3 khuyến nghị ký)
security_txt-invalid_signature_block = tệp mở đầu như thông điệp ký OpenPGP nhưng khối chữ ký không đúng cấu trúc
security_txt-other_site = tệp được tải từ máy chủ của tổ chức khác, không phải tệp của trang được đánh giá (RFC 9116 §3)
security_txt-other_host = tệp được tải từ một máy chủ khác của cùng tổ chức (RFC 9116 §3)
security_txt-canonical_elsewhere = mọi URI Canonical đều ở trang khác: đây là bản sao tệp của trang khác (RFC 9116 §2.5.2)
security_txt-foreign_contact = địa chỉ Contact thuộc tên miền không liên quan tới trang: báo cáo có thể không tới được chủ quản (RFC 9116 §2.5.3)

# tls.rs: chính sách TLS và chuỗi chứng thư (TRUST-02.a)
tls_policy-toml = chính sách TLS: { $reason }
tls_policy-json = chính sách TLS: { $reason }
tls-cert_empty = { $part }không tìm thấy chứng thư nào
tls-cert_pem = { $part }khung PEM không hợp lệ
tls-cert_der = { $part }chứng thư thứ { $index } (đếm từ 0) không phải chứng thư X.509 hợp lệ
