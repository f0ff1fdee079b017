# egov-sign: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối), CORE-06.
# Egov-sign: Vietnamese error messages, by error code ("." written "-"). English is each error's Display.

# signer.rs: khóa và chứng thư chữ ký số của người ký
sign-key-unsupported = khóa không phải khóa bí mật RSA hoặc P-256/P-384 dạng PKCS#8
sign-key-certificates = chứng thư số không đọc được: «{ $reason }»
sign-key-no_certificate = chưa có chứng thư số
sign-key-certificate_mismatch = khóa công khai của chứng thư số đầu tiên không khớp khóa bí mật
sign-key-pkcs12 = không mở được tệp PKCS#12: «{ $reason }»
sign-key-pkcs12_no_key = tệp PKCS#12 không có khóa bí mật kèm chứng thư số
sign-key-pkcs11 = PKCS#11 (token): «{ $reason }»

# cms.rs: tạo chữ ký số CMS
cms-sign-certificate = chứng thư chữ ký số của người ký không dùng được: «{ $reason }»
cms-sign-signer = bộ ký số báo lỗi: «{ $reason }»
cms-sign-timestamp = dịch vụ cấp dấu thời gian báo lỗi: «{ $reason }»
cms-sign-encode = không mã hóa được chữ ký số CMS: «{ $reason }»
cms-sign-sha1 = egov không tạo chữ ký số CMS bằng { $algorithm }: thuật toán cũ, yếu

# chain.rs: chứng thư tin cậy gốc người dùng đưa vào
anchors-not_pem = không phải chứng thư số dạng PEM: «{ $reason }»
anchors-empty = văn bản PEM không có chứng thư số nào
anchors-not_der = không phải một chứng thư số dạng DER: «{ $reason }»
