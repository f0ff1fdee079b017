# Lời nhắn chỉ gồm tiếng Việt: lý do bằng tiếng Anh của thư viện đọc (chrono, serde) không chèn vào.
# egov-core: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối).
# Egov-core: Vietnamese error messages, by error code ("." written "-").

usage-lang = không có ngôn ngữ "{ $lang }": dùng vi (tiếng Việt) hoặc en (English)

# time.rs: mốc thời gian (CORE-01)
time-empty = mốc thời gian để trống
time-too_long = mốc thời gian dài { $len } byte, quá dài so với mọi mốc thời gian hợp lệ (tối đa { $max } byte)
time-missing_offset = mốc thời gian '{ $input }' thiếu múi giờ so với UTC; hãy ghi thêm (ví dụ +07:00) hoặc đọc nó theo giờ Việt Nam
time-invalid = '{ $input }' không phải mốc thời gian theo ISO 8601 (dạng YYYY-MM-DDThh:mm:ss+07:00)
time-out_of_range = ngày hoặc giờ không có thật (ví dụ ngày 30 tháng 2, 25 giờ)

# calendar.rs: lịch ngày làm việc (CORE-02)
calendar-no_working_day = không có ngày làm việc nào trong { $days } ngày sau ngày { $from }; bảng lịch đánh dấu tất cả là ngày nghỉ
calendar-overflow = phép tính ngày tính từ ngày { $from } vượt quá ngày cuối cùng biểu diễn được
calendar-invalid_table = bảng lịch làm việc không đúng định dạng

# channel.rs, owner.rs, text.rs
channel-unknown = không có kênh "{ $channel }" (dùng website, email, mobile_app hoặc other)
owner-unknown_class = không có loại chủ quản '{ $class }' (dùng state, organisation hoặc individual; NĐ 137/2024 Đ15.2)
text-no_vietnamese = phần tiếng Việt để trống: nội dung công bố phải thể hiện bằng tiếng Việt (NĐ 137/2024 Đ19.1.a)
text-bad_language_tag = "{ $tag }" không phải thẻ ngôn ngữ BCP 47 như "en" hay "zh-Hans"
text-vietnamese_as_other = tiếng Việt ghi ở trường `vi`, không ghi trong các ngôn ngữ khác ("{ $tag }")
text-empty_translation = phần tiếng "{ $tag }" để trống
