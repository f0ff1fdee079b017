# egov-conversion: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối), CORE-06.
# Egov-conversion: Vietnamese error messages, by error code ("." written "-"). English is each error's Display.

# capability.rs: thời hạn chuyển tiếp (Luật Giao dịch điện tử 2023 Đ12)
transition-out_of_range = ngày vượt ngoài phạm vi hỗ trợ khi cộng { $months } tháng vào ngày { $start }
transition-calendar = lịch ngày làm việc không xác định được ngày làm việc tiếp theo

# keys.rs: tệp khóa ký dấu chuyển đổi
keygen-random = hệ thống không có nguồn số ngẫu nhiên để tạo khóa
key-invalid = không phải tệp khóa: { $reason }
key-mismatch = { $field } trong tệp khóa không khớp với khóa bí mật
key-blank_label = nhãn của khóa (người giữ khóa) để trống: bên xác minh hiển thị nhãn này là người ký
key-public_key = khóa công khai (public_key) phải gồm 64 chữ số thập lục phân (khóa Ed25519 32 byte)

# payload.rs: dữ liệu của dấu chuyển đổi (mã QR)
payload-invalid_mark = dấu chuyển đổi không hợp lệ: { $failed }
payload-field_too_long = trường { $field } dài { $len } byte; dữ liệu dấu chỉ chứa được tối đa { $max } byte
payload-too_many_extensions = { $count } phần mở rộng; dữ liệu dấu chỉ chứa được tối đa { $max }
payload-time_out_of_range = thời điểm chuyển đổi { $time } không mã hóa được (chỉ từ 01/01/1970 đến 07/02/2106)
payload-invalid_lookup_url = địa chỉ tra cứu «{ $url }» phải là URL http(s) không có «#», tối đa 255 byte
payload-too_large = dữ liệu dấu quá lớn: { $what } là { $size }, giới hạn là { $limit }
payload-text_too_long = nội dung mã QR dài { $len } byte; chỉ đọc tối đa { $max } byte
payload-no_prefix = không phải dữ liệu dấu chuyển đổi: thiếu dấu hiệu «{ $prefix }»
payload-bad_lookup_url = phần địa chỉ tra cứu không phải URL http(s) dài tối đa 255 byte
payload-digits = chuỗi chữ số của dữ liệu dấu không hợp lệ
payload-body_length = độ dài phần thân { $len } nằm ngoài khoảng cho phép ({ $min }–{ $max })
payload-unsupported_version = phiên bản định dạng { $version } chưa được hỗ trợ
payload-truncated = phần thân bị cắt cụt trong trường { $field } tại byte { $offset }
payload-bad_value = trường { $field } có giá trị không hợp lệ { $value } tại byte { $offset }
payload-bad_text = trường { $field } tại byte { $offset } không phải văn bản UTF-8 dạng NFC
payload-non_canonical = mã hóa không theo dạng chuẩn ({ $what })
payload-trailing_bytes = thừa { $count } byte trước giá trị băm, mã khóa và chữ ký

# pdf/: đóng dấu chuyển đổi và ký số trên tệp PDF
pdf-too_large = tệp PDF { $size } byte, lớn hơn giới hạn { $limit } byte
pdf-not_pdf = tệp không phải là PDF: 1 024 byte đầu không có phần đầu «%PDF-»
pdf-parse = không đọc được tệp PDF
pdf-encrypted = tệp PDF đã được mã hóa{ $how }; egov không đóng dấu, không ký số và không đọc tệp mã hóa: đề nghị chủ sở hữu giải mã trước
pdf-xref_damaged = bảng tham chiếu chéo (xref) của tệp PDF bị hỏng; bản cập nhật gia tăng không nối được vào bản gốc: sửa tệp trước (ví dụ bằng qpdf)
pdf-no_such_page = không có trang { $page } (tài liệu có { $count } trang)
pdf-bad_page = trang { $page }: khung trang hoặc cấu trúc trang không dùng được
pdf-too_many_pages = tài liệu có { $count } trang; chỉ nhận tối đa { $limit } trang
pdf-does_not_fit = khối ký hiệu ({ $block_w } × { $block_h } mm) không vừa trang { $page } ({ $page_w } × { $page_h } mm phần hiển thị) ở vị trí đã chọn
pdf-no_blank_area = không góc nào của trang { $page } còn trống đủ cho khối ký hiệu ({ $block_w } × { $block_h } mm, lề { $margin } mm); hãy chọn góc hoặc vị trí, hoặc thu nhỏ khối
pdf-bad_option = tùy chọn { $field } không hợp lệ
pdf-bad_scan = ảnh quét { $scan }{ $page } không dùng được: { $problem }
pdf-payload = không ký được dữ liệu ký hiệu
pdf-draw = không vẽ được khối ký hiệu
pdf-write = không ghi được bản cập nhật gia tăng
pdf-time_limit = vượt thời gian cho phép { $limit_ms } ms ({ $stage })
pdf-sign = không ký số được tệp PDF: kiểm tra khóa, chứng thư chữ ký số và dịch vụ cấp dấu thời gian
pdf-locked = tài liệu đã được chứng nhận bằng chữ ký chứng nhận với quyền DocMDP P={ $permission }, không cho phép { $change }; thay đổi sẽ làm mất hiệu lực chứng nhận
pdf-internal = lỗi nội bộ khi { $stage } (tệp đầu vào gây lỗi trong thư viện PDF; xin báo lỗi)

# render.rs, scan/: ảnh trang
render-font = không đọc được phông chữ kèm theo
render-qr = không mã hóa được mã QR: dữ liệu quá dài
image-decode = không đọc được tệp ảnh
image-unsupported_format = định dạng ảnh { $format } chưa được hỗ trợ; chỉ nhận PNG và JPEG
image-encode = không ghi được ảnh đã đóng dấu
render-does_not_fit = khối ký hiệu ({ $block_w } × { $block_h } px) không vừa trang ({ $page_w } × { $page_h } px) ở vị trí đã chọn: đọc ở { $dpi } dpi, trang chỉ có kích thước { $page_w_mm } × { $page_h_mm } mm; nếu ảnh có độ phân giải khác, hãy nêu độ phân giải đó (--dpi)
render-bad_dpi = độ phân giải { $dpi } DPI nằm ngoài khoảng hỗ trợ (72–1200)
render-covers_content = khối ký hiệu tại { $rect } (x, y, rộng, cao, px) sẽ che nội dung trang ({ $dark } phần nghìn điểm ảnh bên dưới là điểm tối); hãy chọn vị trí khác, để egov tự tìm vùng trống (vị trí auto), hoặc buộc đóng dấu
render-no_blank_area = không tìm thấy vùng trống { $block_w } × { $block_h } mm trên trang cho khối ký hiệu; hãy dọn chỗ, nêu vị trí và buộc đóng dấu, hoặc thu nhỏ khối (text_width_mm)
render-bad_option = tùy chọn { $field } không hợp lệ
image-too_large = ảnh { $pixels } điểm ảnh, lớn hơn giới hạn { $max }
scan-no_mark = không tìm thấy mã QR nào mang dữ liệu dấu chuyển đổi (giải mã được { $count } mã QR)
image-too_many_pages = nhiều hơn { $max } trang
image-no_pages = không có trang nào để quét

# trustlist/, verify.rs: danh sách tin cậy khóa ký dấu chuyển đổi
trust_list-parse = không phải danh sách tin cậy: { $reason }
trust_list-too_large = danh sách tin cậy quá lớn (kích thước, số mục hoặc số chữ ký vượt giới hạn)
trust_list-invalid = danh sách tin cậy không hợp lệ: vi phạm một quy tắc của định dạng
trust_list-no_such_key = không có mục nào có mã khóa { $key }
trust_list-conflict = thao tác sẽ làm hỏng danh sách tin cậy (khóa trùng, hoặc một khóa ký hai lần)
trust_set-invalid = tập khóa tin cậy không hợp lệ: { $reason }
