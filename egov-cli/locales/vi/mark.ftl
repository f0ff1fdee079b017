# egov mark (đóng dấu chuyển đổi, xác thực) và egov keygen (tiếng Việt).
# Cùng mã, cùng thứ tự trong locales/en/.

# Lỗi đọc, ghi tệp (dùng chung cho các lệnh ký hiệu, PDF, danh sách tin cậy, edXML)
mark-cannot-read = không đọc được { $path }: { $reason }
mark-cannot-write = không ghi được { $path }: { $reason }
mark-key-not-utf8 = { $path }: tệp khóa không phải văn bản UTF-8
mark-exists = { $path } đã có; không ghi đè nếu không có --force

# egov keygen
keygen-usage-out-or-from = cần --out (tạo khóa mới) hoặc --from (khóa đã có)
keygen-bad-public-key = khóa công khai trong tệp khóa không hợp lệ
keygen-wrote = Đã ghi khóa ký «{ $label }» vào { $path } (quyền 0600; giữ bí mật).
keygen-key = Khóa ký: { $label }
keygen-ids =
    Mã khóa:          { $key_id }
    Khóa công khai:   { $public_key }
keygen-trust-set = Tập khóa tin cậy: { $path }
keygen-entry = Mục cho danh sách tin cậy: { $path }

# egov mark paper-to-data / data-to-paper
mark-usage-locator = cần --url, hoặc --code cùng --search (điểm b khoản 1 Điều 5 NĐ 137/2024/NĐ-CP)
mark-stamped =
    Đã đóng dấu { $page } → { $out }
    Nội dung mã QR → { $payload } (mã QR phiên bản { $qr_version }, mức sửa lỗi M, { $chars } ký tự)
    Mã khóa:  { $key_id }
    SHA-256 của nội dung (trước khi đóng dấu): { $sha256 }
mark-printed = Bản in: khối { $block_w } × { $block_h } mm, mã QR { $qr_mm } mm mỗi cạnh, mô-đun { $module_mm } mm ({ $px } điểm ảnh khi quét 150 dpi), tại [x, y, rộng, cao] = { $rect } điểm ảnh
mark-dpi-stated = Độ phân giải của trang: { $dpi } dpi, theo tệp ảnh
mark-dpi-assumed = Độ phân giải của trang: { $dpi } dpi (ảnh không ghi độ phân giải của máy quét, hoặc theo --dpi)

# egov mark verify
mark-list-state = Trạng thái [{ $code }]: { $message }
mark-key-holder = Chủ khóa: { $holder }
mark-usage-payload = --payload đọc đúng một tệp văn bản chứa nội dung mã QR
mark-page-no-mark = trang { $page }: [{ $code }] { $why }
mark-no-mark-found = không tìm thấy mã QR ký hiệu chuyển đổi trên { $pages } trang (bộ giải mã { $decoder }): { $why }
mark-scan-summary = Trang có ký hiệu: { $page } / { $pages } · mã QR tìm thấy: { $qr_codes } · ký hiệu: { $marks } · { $decoder }
mark-nth = Ký hiệu thứ { $n }
mark-on-page = Trang { $page }: ký hiệu
mark-page-without = Trang { $page }: [{ $code }]
mark-verdict-conflict = NHIỀU KÝ HIỆU KHÁC NHAU — KHÔNG XÁC THỰC
mark-verdict-verified-content = ĐÃ XÁC THỰC (chữ ký, khóa tin cậy, nội dung)
mark-verdict-verified = ĐÃ XÁC THỰC (chữ ký, khóa tin cậy; chưa đối chiếu nội dung)
mark-verdict-not-verified = KHÔNG XÁC THỰC
mark-result = Kết quả: { $verdict } — trạng thái: { $state } (`{ $code }`)
mark-step-decode = giải mã
mark-step-signature = chữ ký
mark-step-trust = khóa tin cậy
mark-step-content = nội dung
mark-failed-step = Không đạt ở bước { $step } [{ $code }]: { $reason }
mark-signer = Người ký: { $signer } (khóa { $key_id })
mark-signed-content = Nội dung ký hiệu đã ký — đối chiếu với chữ in cạnh mã QR; chữ ký chỉ bảo đảm nội dung mã QR:
mark-state-malformed = không đọc được dữ liệu ký hiệu
mark-state-well-formed = đúng định dạng, chưa xác minh được chữ ký
mark-state-signature-valid = chữ ký hợp lệ, khóa chưa được tin cậy
mark-state-key-trusted = chữ ký hợp lệ, khóa tin cậy
mark-state-content-matches = nội dung khớp bản gốc
