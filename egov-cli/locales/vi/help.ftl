# Trợ giúp (--help) và lỗi dòng lệnh của egov bằng tiếng Việt.
# Mã: help-<đường dẫn lệnh> (mô tả ngắn), help-<lệnh>--long (mô tả dài, tùy chọn),
# help-<lệnh>--after (ghi chú cuối), help-<lệnh>--<mã đối số> (một tùy chọn hay đối số).
# Tiếng Anh là chú thích của định nghĩa lệnh (clap) trong mã nguồn.

## Lỗi dòng lệnh

usage-unknown-argument = không có tùy chọn «{ $arg }»
usage-unknown-command = không có lệnh «{ $command }»
usage-missing = thiếu đối số bắt buộc: { $arg }
usage-invalid-value = giá trị «{ $value }» không dùng được cho { $arg }
usage-conflict = { $arg } không dùng cùng { $other }
usage-values = số giá trị cho { $arg } không đúng
usage-missing-command = thiếu lệnh con
usage-other = dòng lệnh không hợp lệ
usage-valid-values = Các giá trị dùng được: { $values }
usage-did-you-mean = Có phải ý bạn là: { $suggestion }
usage-more = Xem thêm: egov --help, hoặc egov <lệnh> --help.

## egov

help-egov = Tuân thủ chính phủ điện tử Việt Nam: mã định danh, văn bản điện tử, hạn gửi, dấu chuyển đổi, nền tảng số, tín nhiệm mạng.
help-egov--after = Mã thoát: 0 hợp lệ / đạt, 1 không hợp lệ hoặc không đạt, 2 lỗi dùng lệnh, đọc ghi tệp hoặc lỗi nội bộ.
    Mỗi câu trả lời nêu mã quy tắc và căn cứ pháp lý; --json in dạng JSON của thư viện.
help-egov--json = In kết quả dạng JSON (dạng serde của thư viện) thay cho văn bản
help-egov--lang = Ngôn ngữ của mọi nội dung in cho người đọc: vi (tiếng Việt) hoặc en (English). Mặc định: EGOV_LANG, rồi lang trong egov.toml, rồi môi trường ngôn ngữ (LC_ALL, LC_MESSAGES, LANG), rồi vi
help-egov--config = Tệp cấu hình (mặc định: EGOV_CONFIG, nếu không thì ./egov.toml, nếu không thì egov.toml trong thư mục cấu hình của người dùng). egov config cho biết đang dùng gì
help-egov--strict_time = Không nhận thời gian không ghi múi giờ (mặc định «2026-03-02 09:15» và «02/03/2026 09:15» được hiểu là giờ Việt Nam, UTC+07:00, kèm ghi chú)
