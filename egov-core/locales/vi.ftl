# egov-core: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối).
# Egov-core: Vietnamese error messages, by error code ("." written "-").

usage-lang = không có ngôn ngữ "{ $lang }": dùng vi (tiếng Việt) hoặc en (English)
