# egov-docs: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối), CORE-06.
# Egov-docs: Vietnamese error messages, by error code ("." written "-"). English is each error's Display.

# agency.rs: mã định danh cơ quan, tổ chức (QCVN 102:2016)
agency_code-empty = mã định danh cơ quan, tổ chức để trống
agency_code-whitespace = mã định danh có khoảng trắng ở byte { $offset }; cấu trúc chặt không tự bỏ khoảng trắng (hãy dùng cấu trúc nới lỏng)
agency_code-invalid_char = mã định danh chứa ký tự «{ $found }» ở byte { $offset }; chỉ được dùng chữ cái, chữ số ASCII và dấu «.»
agency_code-group_count = mã định danh phải có 4 nhóm mã phân tách bởi dấu chấm và 13 ký tự (ví dụ 000.00.18.G12); có { $groups } nhóm trong { $len } ký tự
agency_code-empty_group = nhóm mã cấp { $level } ở byte { $offset } để trống
agency_code-group_length = nhóm mã cấp { $level } ở byte { $offset } có { $found } ký tự; QCVN 102:2016 (NNN.NN.NN.XNN) quy định { $expected } ký tự
agency_code-length = mã định danh có { $len } ký tự; phải có 13 ký tự, kể cả 3 dấu chấm
agency_code-expected_digit = nhóm mã cấp { $level }: ở byte { $offset } phải là chữ số, gặp «{ $found }»
agency_code-level1_letter = nhóm mã cấp 1 phải bắt đầu bằng một chữ cái in hoa A-Z (QCVN 102:2016, XNN); gặp «{ $found }» ở byte { $offset }
agency_code-hierarchy_gap = bỏ trống cấp trung gian: nhóm mã cấp { $level } ở byte { $offset } bằng 0 trong khi có cấp thấp hơn

# urgency.rs: độ khẩn
urgency-empty = mức độ khẩn để trống; phải là khẩn, thượng khẩn hoặc hỏa tốc
urgency-too_long = mức độ khẩn dài { $len } byte; chỉ chấp nhận tối đa { $max } byte
urgency-not_urgent = «{ $input }» nghĩa là văn bản thường (không khẩn), không phải một mức độ khẩn
urgency-unknown = «{ $input }» không phải mức độ khẩn; phải là khẩn, thượng khẩn, hỏa tốc (hoặc mã Priority của edXML từ 0 đến 4)

# document_id.rs: mã định danh văn bản
document_id-empty = mã định danh văn bản để trống
document_id-field_count = mã định danh văn bản phải có { $expected } trường phân tách bởi «{ $separator }» ({ $layout }); có { $found } trường
document_id-agency = trường { $field } ở byte { $offset }: { $source }
document_id-date_format = trường { $field } ở byte { $offset } phải là ngày viết theo dạng yyyy/MM/dd
document_id-no_such_date = trường { $field } ở byte { $offset }: «{ $date }» không phải là ngày có thật
document_id-number = trường { $field } ở byte { $offset }: { $source }
document_id-year = trường năm ở byte { $offset } phải là năm gồm bốn chữ số, từ 0001 đến 9999
document_id-seq = trường số thứ tự ở byte { $offset } phải là số từ 1 trở lên (số được đánh từ 01, Điều 15 Nghị định 30/2020/NĐ-CP), không có số 0 ở đầu

# deadline.rs: hạn gửi
deadline-calendar = không tìm được ngày làm việc tiếp theo: { $source }
deadline-time = không xác định được thời điểm của hạn gửi: { $source }
deadline-negative_tolerance = thời gian cho phép đối với văn bản khẩn là { $seconds } giây; không được là số âm (A-07)
deadline-overflow = thời điểm ký { $signed_at } cộng thời gian cho phép vượt quá thời điểm cuối cùng biểu diễn được
deadline-seconds_out_of_range = { $seconds } giây vượt quá khoảng thời gian biểu diễn được (nhiều nhất { $max } giây)

# handover.rs: chuyển giao xử lý văn bản khẩn (DOC-21)
handover-not_urgent = văn bản không thuộc loại khẩn: việc trình, chuyển giao xử lý ngay sau khi tiếp nhận (Điều 6 khoản 2 Quyết định 28/2018/QĐ-TTg, DOC-21) áp dụng cho văn bản Khẩn, Thượng khẩn, Hỏa tốc
handover-before_acceptance = thời điểm chuyển giao xử lý { $handed_over_at } sớm hơn thời điểm tiếp nhận { $accepted_at }
handover-as_of_before_acceptance = thời điểm xét { $as_of } sớm hơn thời điểm tiếp nhận { $accepted_at }
handover-negative_tolerance = thời gian cho phép là { $seconds } giây; không được là số âm (A-07)
handover-overflow = thời điểm tiếp nhận { $accepted_at } cộng thời gian cho phép vượt quá thời điểm cuối cùng biểu diễn được

# metadata.rs: thông tin văn bản (DOC-10)
metadata-json = bản ghi thông tin văn bản không phải JSON hợp lệ theo lược đồ DOC-10 ở dòng { $line }, cột { $column }

# number.rs: số và ký hiệu văn bản
doc_number-empty = số và ký hiệu văn bản để trống
doc_number-too_long = số và ký hiệu văn bản dài { $len } byte; chỉ chấp nhận tối đa { $max } byte
doc_number-canonical_too_long = dạng chuẩn của số và ký hiệu văn bản này sẽ dài { $len } byte; chỉ chấp nhận tối đa { $max } byte
doc_number-missing_slash = thiếu dấu «/» giữa số và ký hiệu văn bản (ví dụ 15/QĐ-BNV)
doc_number-too_many_parts = thừa dấu «/» (dấu thứ ba ở byte { $offset }); phải có dạng số/ký hiệu hoặc số/năm/ký hiệu
doc_number-empty_number = phần số trước dấu «/» ở byte { $offset } để trống: dự thảo chưa được cấp số thì chưa có số và ký hiệu văn bản
doc_number-not_numeric = số văn bản phải ghi bằng chữ số Ả Rập; gặp ký tự «{ $found }» ở byte { $offset }
doc_number-number_too_large = số văn bản ở byte { $offset } có { $digits } chữ số (không kể số 0 ở đầu); chỉ chấp nhận tối đa { $max } chữ số
doc_number-zero_number = số văn bản ở byte { $offset } bằng 0; số được đánh từ 01 (Điều 15 Nghị định 30/2020/NĐ-CP)
doc_number-invalid_year = phần giữa hai dấu «/» ở byte { $offset } phải là năm gồm bốn chữ số
doc_number-empty_symbol = ký hiệu văn bản sau dấu «/» ở byte { $offset } để trống
doc_number-empty_symbol_group = ký hiệu văn bản có một nhóm để trống ở byte { $offset }
doc_number-invalid_symbol_char = ký hiệu văn bản chỉ gồm chữ cái và chữ số, các nhóm nối bằng dấu «-»; gặp ký tự «{ $found }» ở byte { $offset }
doc_number-space_inside_group = có khoảng trắng bên trong một nhóm ở byte { $offset }; số và ký hiệu văn bản viết liền, không có khoảng trắng

# registry.rs: danh sách mã định danh cơ quan, tổ chức
registry-csv_syntax = CSV dòng { $line }, cột { $column }: { $message }
registry-missing_column = tiêu đề CSV thiếu cột bắt buộc «{ $column }»
registry-unknown_column = CSV dòng { $line }, cột { $column }: không có cột «{ $name }» (các cột: code, name_vi, name_en, valid_from, valid_to, replaced_by, source)
registry-duplicate_column = CSV dòng { $line }, cột { $column }: cột «{ $name }» xuất hiện hai lần
registry-field_count = CSV dòng { $line }: có { $found } trường, tiêu đề có { $expected } trường
registry-invalid_field = CSV dòng { $line }, cột { $column } ({ $field }): { $message }
registry-json = JSON dòng { $line }, cột { $column }: không đúng định dạng tệp danh sách mã định danh
registry-empty_name = { $at }: { $code } có tên tiếng Việt (name_vi) để trống
registry-interval = { $at }: { $code } có ngày hết hiệu lực (valid_to) trước ngày bắt đầu hiệu lực (valid_from)
registry-self_replacement = { $at }: { $code } được thay bằng chính nó
registry-overlap = { $at }: thời gian hiệu lực của { $code } chồng lấn bản ghi ở { $other }

# stats.rs: thống kê theo quý
stats-quarter_out_of_range = quý { $quarter } không hợp lệ: quý phải từ 1 đến 4
stats-year_out_of_range = năm { $year } nằm ngoài khoảng ngày biểu diễn được

# catalogue.rs: nhập danh mục văn bản từ bảng tính
catalogue-missing_column = không có cột { $column }: dòng tiêu đề gồm { $headers }; tên cột được nhận: { $expected }
catalogue-duplicate_column = hai cột «{ $first }» và «{ $second }» cùng chứa { $column }
catalogue-csv = dòng { $row } của tệp CSV: { $message }

# status.rs: trạng thái xử lý văn bản
status-forbidden_transition = sự kiện «{ $event }» không được phép ở trạng thái «{ $from }»: { $rule } ({ $basis }) chỉ cho phép từ { $allowed_from }
status-missing_reason = sự kiện «{ $event }» phải nêu lý do (DOC-29, khoản 4 Điều 5 QĐ 28/2018/QĐ-TTg: Bên nhận chịu trách nhiệm về việc từ chối và phải phản hồi cho Bên gửi)
status-out_of_order = sự kiện «{ $event }» lúc { $at } sớm hơn mục gần nhất lúc { $last } (DOC-22: lịch sử chỉ ghi thêm, theo thứ tự thời gian)
status-sender_forbidden = bước «{ $event }» của Bên gửi không được thực hiện ở trạng thái «{ $from }»: theo { $basis }, văn bản chỉ được gửi sau khi được phê duyệt, ký ban hành và ký số, theo thứ tự đó (DOC-25)
status-empty = trạng thái xử lý để trống
status-too_long = nội dung trạng thái dài { $len } byte, quá dài so với mọi trạng thái được chấp nhận
status-unknown_status = «{ $input }» không thuộc các trạng thái xử lý liệt kê tại điểm h khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg nên sơ đồ chuyển trạng thái không có bước nào cho trạng thái này (danh sách để ngỏ: trường h vẫn có thể ghi trạng thái này)
status-unknown_edxml_code = «{ $code }» không phải mã trạng thái edXML đã biết (01-06, 13, 15, 16), tên của mã hay trạng thái mà mã báo
status-unknown_event = «{ $input }» không phải sự kiện của sơ đồ trạng thái (tiếp nhận, từ chối nhận, chuyển xử lý, bắt đầu xử lý, hoàn thành xử lý, thu hồi, xác nhận đã hủy bỏ, hoặc mã của chúng: accept, reject, forward, start_processing, complete, recall, confirm_cancellation)
status-invalid_history = lịch sử trạng thái không hợp lệ: { $fault ->
    [refused] sự kiện ở mục thứ { $entry } không áp dụng được: { $reason }
    [differs] mục thứ { $entry } khác với bước chuyển mà sự kiện của nó cho khi phát lại
   *[status] trạng thái đã lưu «{ $stored }» không khớp với lịch sử, vốn kết thúc ở «{ $replayed }»
}
