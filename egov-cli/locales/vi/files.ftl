# Lời về ghi tệp kết quả (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/files.ftl.

files-write-error = không ghi được { $path }: { $detail }
files-exists = { $path } đã có (dùng --force để ghi đè)
io-not-found = không có tệp hoặc thư mục này
io-permission-denied = không có quyền truy cập
io-already-exists = tệp đã có
io-invalid-data = dữ liệu không đọc được (không phải văn bản UTF-8?)
io-is-a-directory = đây là thư mục, không phải tệp
io-not-a-directory = một phần của đường dẫn không phải thư mục
io-storage-full = đĩa đã đầy
io-other = lỗi vào/ra của hệ điều hành (mã { $code })
io-unknown = lỗi vào/ra
json-at = dòng { $line }, cột { $column }: «{ $reason }»
