# Lời của các lệnh code, docnum, docid, metadata, deadline, workday (tiếng Việt).
# Cùng mã, cùng thứ tự trong locales/en/commands.ftl.

outcome-pass = ĐẠT
outcome-warning = LƯU Ý
outcome-unknown = CHƯA RÕ
outcome-fail = KHÔNG ĐẠT
weekday-mon = thứ Hai
weekday-tue = thứ Ba
weekday-wed = thứ Tư
weekday-thu = thứ Năm
weekday-fri = thứ Sáu
weekday-sat = thứ Bảy
weekday-sun = Chủ nhật
cmd-calendar-unreadable = không đọc được tệp lịch { $path }: { $detail }
cmd-day-working = ngày làm việc
cmd-day-working-weekend = ngày làm việc ({ $reason })
cmd-day-weekend = ngày nghỉ hằng tuần
cmd-day-off = ngày nghỉ: { $reason }
cmd-workday =
    Ngày { $date } ({ $weekday }) là { $what }.
    Ngày làm việc tiếp theo: { $next } ({ $next_weekday }).
    Lịch: { $calendar }
cmd-calendar-not-covering-year = Ghi chú: bảng lịch không có năm này; chỉ tính ngày nghỉ hằng tuần.
cmd-morning-end-invalid = --morning-end «{ $value }» không phải giờ trong ngày (viết HH:MM)
cmd-not-urgent = không khẩn
cmd-deadline-date-only = , chỉ có ngày: hiểu là cuối ngày (A-06)
cmd-deadline =
    Ngày ký:              { $signed } ({ $signed_weekday }){ $date_only }
    Độ khẩn:              { $urgency }
    Hạn gửi trong ngày:   { $same_day }
    Hạn gửi chậm nhất:    { $latest } ({ $latest_weekday }, ngày làm việc tiếp theo; buổi sáng kết thúc lúc { $morning_end })
cmd-deadline-immediate = Gửi ngay:             { $at } (văn bản khẩn: gửi ngay sau khi ký số)
cmd-deadline-rule = Quy tắc:              { $rule }, { $basis }
cmd-deadline-calendar = Lịch:                 { $calendar }
cmd-calendar-not-covering-deadline = Ghi chú: bảng lịch không có năm của hạn gửi; chỉ tính ngày nghỉ hằng tuần.
cmd-calendar-partly-announced = Ghi chú: lịch nghỉ năm { $year } mới được công bố một phần; những ngày còn lại tính theo Bộ luật Lao động 2019 (ngày lễ, Tết: Điều 112; nghỉ bù: Điều 111) và có thể còn ngày hoán đổi chưa công bố.
cmd-calendar-projected = Ghi chú: lịch nghỉ năm { $year } chưa được công bố; ngày nghỉ tính theo Bộ luật Lao động 2019 (ngày lễ, Tết: Điều 112; nghỉ bù: Điều 111), chưa có ngày hoán đổi nào, nên kết quả có thể đổi khi lịch được công bố (--calendar để dùng lịch đã công bố).
cmd-deadline-verdict =
    Đã gửi:               { $sent }
    Kết luận:             { $outcome } ({ $rule }, { $basis })
    {"                      "}{ $message }
cmd-cannot-read = không đọc được { $path }: { $detail }
cmd-registry-needs-as-of = --registry cần --as-of YYYY-MM-DD: mã định danh thay đổi khi cơ quan sáp nhập
cmd-code-no-parent = không có (cấp 1)
cmd-code-lenient-would-accept = {" "}— `egov code --lenient` nhận mã này và nêu rõ điểm đã bỏ qua
cmd-code =
    { $code }: mã định danh cơ quan, cấp { $level }
      đơn vị cấp trên: { $parent }
      đơn vị gốc:      { $root }
      các nhóm:        cấp 4 { $g4 } · cấp 3 { $g3 } · cấp 2 { $g2 } · cấp 1 { $g1 }
cmd-docnum-no-type = không ghi (công văn hoặc loại khác)
cmd-docnum =
    { $value }: số và ký hiệu văn bản
      số:               { $number }
      năm:              { $year }
      ký hiệu:          { $symbol }
      loại văn bản:     { $doc_type }
      cơ quan ban hành: { $issuer }
      đơn vị soạn thảo: { $unit }
cmd-docid =
    { $value }: mã văn bản (dạng edXML)
      cơ quan:        { $agency }
      ngày ban hành:  { $date }
      số:             { $number }
      năm, số thứ tự: { $year_seq }
cmd-metadata = Thông tin đầu vào của văn bản (khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg): { $outcome }
