# Lời của công cụ egov dùng chung cho mọi lệnh (tiếng Việt).
# Mỗi chủ đề một tệp; cùng mã, cùng thứ tự trong locales/en/.

error-prefix = lỗi
internal-error = egov gặp lỗi nội bộ ({ $detail }); xin báo lại cho nhóm phát triển
