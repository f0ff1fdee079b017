# egov-checklist: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối), CORE-06.
# Egov-checklist: Vietnamese error messages, by error code ("." written "-"). English is each error's Display.

# registry.rs: danh mục kiểm tra (checklist)
checklist-parse = danh mục kiểm tra { $source }: { $reason }
checklist-unknown = không có danh mục kiểm tra «{ $id }»; lệnh `egov checklist list` liệt kê các danh mục
checklist-duplicate = danh mục kiểm tra «{ $id }» đã được nạp
checklist-cycle = các danh mục kiểm tra gộp lẫn nhau thành vòng: { $path }
checklist-duplicate_item = mục «{ $item }» có mặt trong cả «{ $first }» và «{ $second }»

# evidence.rs, lib.rs: tệp bằng chứng
checklist-evidence = tệp bằng chứng không dùng được: { $reason }

# kpi.rs: chỉ tiêu KPI
kpi-value = «{ $value }» không phải một giá trị chính xác (số thập phân, hoặc phân số có mẫu số khác 0)
kpi-parse = chỉ tiêu KPI: { $reason }

# requests.rs: yêu cầu, kiến nghị của tổ chức, cá nhân (NĐ 137/2024 Đ7)
request-illegal_transition = không chuyển được từ trạng thái «{ $from }» sang «{ $to }»
request-blank_reason = việc từ chối phải nêu rõ lý do (điểm a khoản 1 Điều 7 NĐ 137/2024/NĐ-CP)
request-blank_result = yêu cầu đã giải quyết phải ghi kết quả giải quyết
request-blank_id = yêu cầu phải có mã định danh
request-time_backwards = bước { $index } lúc { $at } sớm hơn bước trước đó lúc { $previous }
request-json = không phải bản ghi yêu cầu: { $reason }
