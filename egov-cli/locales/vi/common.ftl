# Lời của công cụ egov dùng chung cho mọi lệnh (tiếng Việt).
# Mỗi chủ đề một tệp; cùng mã, cùng thứ tự trong locales/en/.

error-prefix = lỗi
internal-error = egov gặp lỗi nội bộ ({ $detail }); xin báo lại cho nhóm phát triển
usage-missing-subcommand = cần nêu một lệnh con: { $commands }
config-invalid = không dùng được tệp cấu hình { $path }: { $detail }
config-file = Tệp cấu hình: { $path }
config-no-file = Không có tệp cấu hình (egov.toml trong thư mục làm việc hoặc thư mục cấu hình của người dùng, hay EGOV_CONFIG).
config-from-env = biến môi trường
config-from-file = tệp cấu hình
config-nothing-set = (chưa đặt giá trị nào: dùng mặc định của egov)
config-env-ignored = egov: ghi chú: { $var }=«{ $value }» không phải giá trị egov nhận ({ $accepted }): bỏ qua
