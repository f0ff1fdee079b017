# egov-platform-class: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối), CORE-06.
# Egov-platform-class: Vietnamese error messages, by error code ("." written "-"). English is each error's Display.

# classify.rs: phân loại nền tảng số theo người dùng hoạt động hằng tháng (NĐ 137/2024 Đ17)
platform-insufficient_history = chưa đủ số liệu: có { $available } trong 12 tháng { $first }…{ $last }; thiếu { $missing }{ $outside ->
        [0] {""}
       *[other] ; { $outside } tháng đã cho nằm ngoài khoảng này ({ $outside_first }…{ $outside_last }): ngày xác định có đúng không?
    }
platform-duplicate_month = tháng { $month } được nêu hơn một lần
platform-zero_population = dân số phải lớn hơn 0
platform-invalid_thresholds = ngưỡng không hợp lệ: ngưỡng lớn { $large_min_bp } phần vạn, ngưỡng rất lớn { $very_large_above_bp } phần vạn
platform-date_out_of_range = ngày xác định { $date } nằm ngoài phạm vi
platform-thresholds_not_in_force = không có ngưỡng nào có hiệu lực vào ngày { $date }: phiên bản { $version } áp dụng từ { $effective_from }
platform-no_population = chưa có số liệu dân số dựng sẵn nào được công bố trước ngày { $date }; hãy nêu số liệu chính thức
platform-no_events = { $source ->
        [parquet] đầu vào Parquet không có sự kiện hoạt động nào: đọc { $lines } dòng, { $malformed } dòng không được đếm
        [counts] số liệu được đếm từ đầu vào không có sự kiện hoạt động nào
       *[text] đầu vào không có sự kiện hoạt động nào: đọc { $lines } dòng, { $malformed } dòng không được đếm{ $reasons }
    }

# ingest.rs, partial.rs, parquet_events.rs, arrow_events.rs: đếm người dùng hoạt động
io-read = không đọc được { $what }: lỗi vào/ra ({ $kind })
internal = một luồng đếm dừng bất thường
partial-invalid = không lập được số đếm từng phần: { $reason }
partial-scheme_mismatch = hai số đếm từng phần băm mã người dùng theo hai cách khác nhau ({ $first } và { $second }): không gộp được
partial-shard_mismatch = hai số đếm từng phần có số phân đoạn khác nhau ({ $first } và { $second })
parquet-read = không đọc được { $path }: { $message }
parquet-column = { $path }: cột «{ $column }»: { $message }
arrow-column = cột «{ $column }»: { $message }

# month.rs
platform-invalid_month = «{ $input }» không phải một tháng (dạng YYYY-MM)

# published.rs: danh sách nền tảng số đã công bố (PLAT-12)
published_list-json = không phải danh sách đã công bố: { $reason }
published_list-format = định dạng là «{ $found }», cần «{ $expected }»
published_list-no_source = danh sách không ghi địa chỉ công bố
published_list-empty_name = mục { $entry }: tên trống
published_list-interval = mục { $entry } («{ $name }»): ngày kết thúc trước ngày bắt đầu
published_list-scale = mục { $entry } («{ $name }»): quy mô không phù hợp với loại danh sách (danh sách nền tảng ghi quy mô lớn hoặc rất lớn; danh sách công cụ không ghi quy mô)

# functions.rs, cases.rs, recommendation.rs, sql.rs
platform-no_function_class = chưa có nhóm chức năng nào: hệ thống theo Điều 16 khoản 1 NĐ 137/2024 thuộc ít nhất một trong các nhóm từ a đến đ (đ: hoạt động khác)
platform-handling_before_notice = { $kind }: chưa thông báo cho chủ tài khoản thì chưa được bắt đầu xử lý ({ $basis })
platform-case_out_of_order = { $kind }: không được chuyển từ bước «{ $from }» sang bước «{ $to }»
platform-reco_change_without_consent = nền tảng không được tự đổi lựa chọn của người dùng từ «{ $from }» sang «{ $to }» khi người dùng chưa đồng ý (điểm b khoản 1 Điều 20 NĐ 137/2024/NĐ-CP)
platform-engine_result = kết quả của công cụ truy vấn không dùng được: { $reason }
# summary.rs: số người dùng hằng tháng đọc từ JSON
platform-invalid_monthly = { $part }: { $reason }
