# egov batch: một lệnh kiểm tra trên cả thư mục, mẫu tên tệp hoặc danh sách.

batch-no-input = lệnh «{ $command }» không có đầu vào hàng loạt: cho một thư mục, một mẫu tên tệp (*.edxml) hoặc @DANH-SÁCH
batch-several-inputs = có nhiều đầu vào hàng loạt ({ $inputs }): chỉ cho một thư mục, một mẫu hoặc một @DANH-SÁCH
batch-cannot-read = không đọc được { $path }: { $detail }
batch-bad-glob = mẫu tên tệp «{ $pattern }» không hợp lệ: { $detail }
batch-nothing = «{ $input }» không cho đầu vào nào để kiểm tra
batch-not-batchable = không chạy hàng loạt được lệnh «{ $command }»
batch-status-valid = hợp lệ
batch-status-invalid = không hợp lệ
batch-status-error = lỗi
batch-status-skipped = bỏ qua
batch-col-n = STT
batch-col-status = Kết quả
batch-col-input = Đầu vào
batch-col-summary = Tóm tắt
batch-skipped = bỏ qua: { $path } ({ $reason })
batch-skip-hidden = tệp ẩn
batch-skip-folder = thư mục con: dùng --recursive để kiểm tra cả bên trong
batch-skip-link-to-folder = liên kết tượng trưng tới một thư mục: không đi theo liên kết
batch-skip-broken-link = liên kết tượng trưng hỏng: không trỏ tới tệp nào
batch-skip-not-a-file = không phải tệp hay thư mục: ống dẫn, socket hoặc thiết bị
batch-summary = Tổng cộng { $inputs } đầu vào: { $valid } hợp lệ, { $invalid } không hợp lệ, { $errors } lỗi; { $skipped } mục bỏ qua.
batch-html-title = Báo cáo kiểm tra egov
batch-html-command = Lệnh
batch-html-made = Lập lúc
batch-usage = { $detail }
    (các tùy chọn của egov batch — --out, --format, --force, --recursive — đặt trước lệnh: egov batch --out bao-cao.html edxml check thu-muc/)
