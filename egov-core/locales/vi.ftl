# Lời nhắn chỉ gồm tiếng Việt: lý do bằng tiếng Anh của thư viện đọc (chrono, serde) không chèn vào.
# egov-core: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối).
# Egov-core: Vietnamese error messages, by error code ("." written "-").

usage-lang = không có ngôn ngữ «{ $lang }»: dùng vi (tiếng Việt) hoặc en (English)

# time.rs: mốc thời gian (CORE-01)
time-empty = mốc thời gian để trống
time-too_long = mốc thời gian dài { $len } byte, quá dài so với mọi mốc thời gian hợp lệ (tối đa { $max } byte)
time-missing_offset = mốc thời gian «{ $input }» thiếu múi giờ so với UTC; hãy ghi thêm (ví dụ +07:00) hoặc đọc nó theo giờ Việt Nam
time-invalid = { $form ->
        [time_of_day] { $name } «{ $input }» không phải giờ trong ngày (dạng HH:MM)
        [date] «{ $input }» không phải ngày: hãy ghi như «13/02/2026», «2026-02-13», «2026/02/13» hoặc «ngày 13 tháng 2 năm 2026»
        [local] «{ $input }» không phải ngày giờ: hãy ghi như «30/04/2026 16:30», «16 giờ 30 ngày 30/04/2026» hoặc «2026-04-30T16:30:00+07:00» (không ghi múi giờ thì hiểu là giờ Việt Nam)
       *[timestamp] «{ $input }» không phải mốc thời gian theo ISO 8601 (dạng YYYY-MM-DDThh:mm:ss+07:00)
    }
time-out_of_range = ngày hoặc giờ không có thật (ví dụ ngày 30 tháng 2, 25 giờ)

# calendar.rs: lịch ngày làm việc (CORE-02)
calendar-no_working_day = không có ngày làm việc nào trong { $days } ngày sau ngày { $from }; bảng lịch đánh dấu tất cả là ngày nghỉ
calendar-overflow = phép tính ngày tính từ ngày { $from } vượt quá ngày cuối cùng biểu diễn được
calendar-invalid_table = bảng lịch làm việc không đúng định dạng{ $detail }

# channel.rs, owner.rs, text.rs
channel-unknown = không có kênh «{ $channel }» (dùng website, email, mobile_app hoặc other)
owner-unknown_class = không có loại chủ quản «{ $class }» (dùng state, organisation hoặc individual; khoản 2 Điều 15 NĐ 137/2024/NĐ-CP)
text-no_vietnamese = phần tiếng Việt để trống: nội dung công bố phải thể hiện bằng tiếng Việt (điểm a khoản 1 Điều 19 NĐ 137/2024/NĐ-CP)
text-bad_language_tag = «{ $tag }» không phải thẻ ngôn ngữ BCP 47 như «en» hay «zh-Hans»
text-vietnamese_as_other = tiếng Việt ghi ở trường `vi`, không ghi trong các ngôn ngữ khác («{ $tag }»)
text-empty_translation = phần tiếng «{ $tag }» để trống

# binding.rs: lỗi về chính lời gọi qua các lớp liên kết (C, Python, WebAssembly)
ffi-null_argument = đối số «{ $name }» là NULL
ffi-invalid_utf8 = đối số «{ $name }» không phải văn bản UTF-8 hợp lệ
ffi-input_too_large = { $unit ->
        [events] { $len } sự kiện trong một lời gọi; chỉ nhận tối đa { $max }
       *[bytes] «{ $what }» dài { $len } byte; chỉ nhận tối đa { $max } byte
    }
ffi-invalid_json = «{ $what }» không phải JSON đúng dạng cần có{ $at }
ffi-invalid_arguments = { $problem ->
        [missing] thiếu đối số «{ $name }»
        [missing_with] thiếu đối số «{ $name }» hoặc «{ $other }»
        [not_a] đối số «{ $name }» phải là { $expected }
        [needed_without] cần đối số «{ $name }» khi không có «{ $other }»
        [goes_with] đối số «{ $name }» và «{ $other }» phải đi cùng nhau
        [not_both] chỉ đưa đối số «{ $name }» hoặc «{ $other }», không đưa cả hai
        [one_of] đối số «{ $name }» phải là { $other }, không phải «{ $value }»
       *[invalid] đối số «{ $name }» không hợp lệ{ $value }
    }
ffi-unknown_operation = không có thao tác «{ $op }»
ffi-invalid_hex = «{ $name }» không phải chuỗi hệ mười sáu (một số chẵn chữ số 0-9, a-f)
ffi-invalid_key = «{ $name }» phải là 64 chữ số hệ mười sáu (một khóa Ed25519 32 byte)
ffi-invalid_anchors = các chứng thư tin cậy gốc không phải chứng thư số dạng PEM
ffi-too_many_attachments = { $count } tệp đính kèm; chỉ nhận tối đa { $max }
ffi-attachment_index = không có tệp đính kèm số { $index }: gói { $kind } mang { $count } tệp (đánh số từ 0)
ffi-serialize = không ghi được kết quả thành JSON (lỗi của egov)
ffi-internal = lỗi nội bộ của lớp liên kết (lỗi của egov)
ffi-interior_nul = kết quả chứa byte NUL, chuỗi C không mang được
ffi-panic = lỗi nội bộ bị chặn lại ở ranh giới lời gọi (lỗi của egov)
date-invalid = «{ $input }» không phải một ngày (dạng YYYY-MM-DD)
trust-criterion_unknown = «{ $input }» không phải tiêu chí của khoản 2 Điều 21 (a, b, c, d, đ hoặc dd, e)
trust-page_missing = yêu cầu không có trang nào để kiểm tra liên kết
trust-lang = ngôn ngữ phải là vi hoặc en, không phải «{ $input }»
status-invalid_history = không đọc được lịch sử trạng thái của văn bản{ $at }
trust_list-invalid = mã khóa { $given } ghi ở mục không phải mã của khóa công khai { $actual }
platform-id_salt = id_salt phải là 32 chữ số hệ mười sáu (16 byte ngẫu nhiên nền tảng giữ bí mật)
platform-shards = số phân đoạn phải từ 1 đến 65 536, không phải { $shards }
platform-dialect = «{ $input }»: egov viết SQL cho spark, duckdb, trino và bigquery
arrow-read = không đọc được luồng dữ liệu Arrow
arrow-import = không nhập được dữ liệu Arrow qua giao diện C
arrow-column = { $problem ->
        [missing] cột «{ $column }» không có trong lô dữ liệu
        [nulls] lô khóa có ô trống
       *[types] lô khóa phải gồm cột month (chuỗi) và key (int64)
    }
io-open = không mở được tệp { $path }: { $reason }
io-write = không ghi được tệp { $path }: { $reason }
