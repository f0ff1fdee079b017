# egov pdf_sign (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/.

pdf-sign-the-token-holds-no-certificate = {" "}(token không có chứng thư số của khóa: cho chứng thư bằng --cert)
pdf-sign-the-time-stamping-command-tsa = lệnh lấy dấu thời gian --tsa-command «{ $command }» không thành công: { $why }
pdf-sign-v1-issued-by-v2-valid = { $v1 } (cấp bởi { $v2 }; hiệu lực { $v3 } đến { $v4 })
pdf-sign-key-on-pkcs-11-token = Khóa trên token PKCS#11 «{ $token }», khóa «{ $key }» (khóa bí mật không rời token)
pdf-sign-signed-by-command = Thao tác ký bằng khóa bí mật do lệnh «{ $command }» thực hiện
pdf-sign-signing-time-the-signer-claims = Thời điểm ký người ký tự khai (/M): { $when }
pdf-sign-signature-time-stamp-rfc-3161 = Dấu thời gian của chữ ký (RFC 3161): { $v1 } — cấp bởi { $by }
pdf-sign-no-time-stamp-pades-b = Không có dấu thời gian (PAdES-B-B): thời điểm ký chỉ là lời khai của người ký; dùng --tsa-command để có PAdES-B-T
pdf-sign-signed-level-v1-v2-signature =
    Đã ký số { $level } { $v1 } → { $v2 }
    Trường chữ ký: { $v3 } (vô hình, trang 1)
pdf-sign-signer-v1 = Người ký: { $v1 }
pdf-sign-signed-byte-range-0-r1 =
    Phạm vi byte được ký: [0 { $r1 } { $r2 } { $r3 }] — toàn bộ tệp trừ chuỗi /Contents ({ $v1 } byte dành cho chữ ký, dùng { $v2 })
    Cách ghi: cập nhật gia tăng, { $v3 } byte gốc giữ nguyên ở đầu tệp; tệp mới { $v4 } byte
pdf-sign-signed-file-v1 = Tệp đã ký: { $v1 }
pdf-sign-the-signed-byte-range-is = phạm vi byte được ký không hợp lệ: { $p }
pdf-sign-the-document-time-stamp-does = dấu thời gian tài liệu không hợp lệ: { $p }
pdf-sign-no-time-stamp-could-be = không đọc được dấu thời gian
pdf-sign-no-cms-signature = không có chữ ký CMS
pdf-sign-signature-i-n-v1-field = Chữ ký { $i }/{ $n }: { $v1 } · trường «{ $field }» · { $v2 }
pdf-sign-signer-v1-2 = {"  "}Người ký: { $v1 }
pdf-sign-time-stamping-authority-by-time = {"  "}Đơn vị cấp dấu thời gian: { $by } · thời điểm { $v1 }
pdf-sign-fails = KHÔNG ĐẠT{" "}
pdf-sign-certificate-chain-chain = {"  "}Chuỗi chứng thư số: { $chain }
pdf-sign-signature-time-stamp-fails-v1 = {"  "}Dấu thời gian của chữ ký: KHÔNG ĐẠT { $v1 }
pdf-sign-signature-time-stamp-pades-b = {"  "}Dấu thời gian của chữ ký (PAdES-B-T): { $v1 } — cấp bởi { $by }
pdf-sign-signing-time-the-signer-claims-2 = {"  "}Thời điểm ký người ký tự khai (/M): { $t }
pdf-sign-certificates-checked-at-at-source = {"  "}Chứng thư số được kiểm tra tại: { $at } (nguồn: { $v1 })
pdf-sign-revision-covered-rev-total-revisions = {"  "}Phiên bản được ký: { $rev }/{ $total_revisions } · { $v1 } phiên bản thêm sau chữ ký
pdf-sign-flag-var-the-environment-variable = { $flag } { $var }: biến môi trường chưa được đặt hoặc không phải UTF-8
pdf-sign-v1-the-password-is-not = { $v1 }: mật khẩu không phải văn bản UTF-8
pdf-sign-give-exactly-one-key-source = cần đúng một nguồn khóa: --p12, { $flag } cùng --cert, hoặc --pkcs11-module cùng --pin-env
pdf-sign-key-id-h-not-hexadecimal = --key-id { $h }: không phải chuỗi hex
pdf-sign-v1-cannot-read-the-trust = { $v1 }: không đọc được chứng thư gốc tin cậy: { $e }
pdf-sign-cannot-read-the-trust-anchors = không đọc được chứng thư gốc tin cậy: { $e }
pdf-sign-kind-approval = chữ ký phê duyệt
pdf-sign-kind-certification = chữ ký chứng nhận (DocMDP P={ $permission })
pdf-sign-kind-document-timestamp = dấu thời gian tài liệu
pdf-sign-time-caller = do --at chỉ định
pdf-sign-time-timestamp = dấu thời gian của chữ ký
pdf-sign-time-claimed = thời điểm người ký tự khai (/M), không phải bằng chứng độc lập
pdf-sign-time-now = thời điểm hiện tại
pdf-sign-intact = {"  "}Nguyên vẹn: có — phạm vi byte [{ $range }] ({ $bytes } byte) khớp chữ ký
pdf-sign-not-intact = {"  "}Nguyên vẹn: KHÔNG — { $why }
pdf-sign-chain-trusted = dẫn tới gốc tin cậy { $anchor } ({ $length } chứng thư)
pdf-sign-chain-not-checked = CHƯA KIỂM TRA — không có --anchors nên chưa xác định được đơn vị cấp chứng thư số; chữ ký chỉ cho thấy nội dung không đổi từ khi ký
pdf-sign-chain-timestamp-invalid = không kiểm tra vì dấu thời gian của chữ ký không hợp lệ
pdf-sign-chain-signature-invalid = không kiểm tra vì chữ ký không hợp lệ
pdf-sign-valid = {"  "}→ HỢP LỆ
pdf-sign-not-valid = {"  "}→ KHÔNG HỢP LỆ
pdf-sign-updates-heading = Các phiên bản thêm sau chữ ký (so với phiên bản trước):
pdf-sign-update-permitted = {"  "}Phiên bản { $revision }: thêm { $adds } — bổ sung được phép sau khi ký
pdf-sign-update-nothing-used = {"  "}Phiên bản { $revision }: không thay đổi đối tượng nào tài liệu sử dụng — được phép
pdf-sign-update-changes = {"  "}Phiên bản { $revision }: THAY ĐỔI nội dung đã ký — { $changes }
pdf-sign-update-more = và { $n } thay đổi khác
pdf-sign-result-unsigned = Kết quả: KHÔNG HỢP LỆ — tệp không có chữ ký số ({ $file })
pdf-sign-result-valid = Kết quả: HỢP LỆ — { $n } chữ ký, tất cả hợp lệ{ $unchecked ->
        [yes] ; đơn vị cấp chứng thư số chưa được kiểm tra (không có --anchors)
       *[no] {""}
    } ({ $file })
pdf-sign-result-not-valid = Kết quả: KHÔNG HỢP LỆ — { $bad } trên { $n } chữ ký không hợp lệ ({ $file })
