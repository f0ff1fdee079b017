# Lời của lệnh platform (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/platform.ftl.

platform-cannot-read = không đọc được { $path }: { $detail }
platform-timestamp-unit = --timestamp-unit «{ $value }» không phải seconds, milliseconds hay microseconds
platform-columns-pair = --columns «{ $value }» không có dạng WHAT=COLUMN
platform-columns-what = --columns: «{ $value }» không phải user, timestamp, kind hay in_vietnam
platform-kind-pair = --kind «{ $value }» không có dạng NAME=KIND, với KIND là login, access hoặc service
platform-salt-env-unset = --id-salt-env: biến môi trường { $var } chưa được đặt
platform-salt-invalid = { $from }: muối phải là 32 chữ số hex (openssl rand -hex 16)
platform-no-parquet-file = { $path }: thư mục không có tệp .parquet nào
platform-skip-hidden = tên bắt đầu bằng «.» hoặc «_»: tệp ẩn, tệp đánh dấu hoặc siêu dữ liệu, không phải dữ liệu
platform-skip-link-to-folder = liên kết tượng trưng tới một thư mục: không đi theo liên kết
platform-skip-not-parquet = không phải tệp .parquet
platform-skip-unreadable = không phải tệp đọc được: liên kết hỏng, ống dẫn hoặc socket
platform-parquet-read = Đã đọc { $files } tệp Parquet ({ $row_groups } nhóm hàng).
platform-parquet-skipped = Bỏ qua { $n } mục của thư mục: { $entries }
platform-no-parquet = bản egov này được dựng không kèm Parquet (tính năng `parquet`)
platform-counting-progress = đang đếm: { $megabytes } MB
platform-months-head = Tháng     Người dùng hoạt động (VN)  Sự kiện
platform-lines = Dòng: { $lines } (sự kiện { $events }, không được đếm { $malformed }, tiêu đề { $header }, trống { $blank })
platform-unrecognised-kind = loại hoạt động «{ $kind }»: { $count }
platform-line-at = dòng { $line } (byte { $offset })
platform-events = Sự kiện: được đếm { $counted }, ngoài Việt Nam { $outside }, thời điểm ngoài phạm vi { $out_of_range }
platform-speed = { $threads } luồng, { $seconds } giây, { $rate } triệu sự kiện/giây
platform-partial-written = Đã ghi số đếm từng phần: { $path } ({ $shards } phân đoạn)
platform-partial-invalid = { $path }: không phải số đếm từng phần dùng được: «{ $detail }»
platform-no-parquet-write = bản egov này được dựng không kèm Parquet (tính năng `parquet`): hãy ghi số đếm từng phần dạng .json
platform-is-parquet = { $path } là tệp Parquet, mà bản egov này được dựng không kèm Parquet
platform-nothing-to-merge = không có số đếm từng phần nào để gộp
platform-merged = Đã gộp { $files } tệp, { $shards } phân đoạn, cách tạo khóa định danh người dùng: { $ids }
platform-monthly-line = số liệu tháng thứ { $number } «{ $line }» không có dạng YYYY-MM,COUNT
platform-source = --source «{ $value }» không phải self, tool:NAME hay reference:NAME
platform-no-input = hãy cho --monthly, --events hoặc --partials
platform-classify =
    Phân loại: { $class }
    Ngày xác định: { $date }
    Số người dùng hoạt động hằng tháng trung bình: { $mean } ({ $exact }) = { $share }% tổng dân số { $population }
    Các tháng: từ { $first } đến { $last }
platform-distance = { $label }: { $users } người dùng; { $direction ->
        [below] thấp hơn ngưỡng { $distance } người dùng ({ $points } điểm phần trăm)
        [at] bằng ngưỡng
       *[above] cao hơn ngưỡng { $distance } người dùng ({ $points } điểm phần trăm)
    }{ $reached }
platform-reached = {" "}— đã đạt ngưỡng
platform-not-reached = {" "}— chưa đạt ngưỡng
platform-basis = Căn cứ: { $basis }
