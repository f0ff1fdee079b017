# Lời về ghi tệp kết quả (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/files.ftl.

files-write-error = không ghi được { $path }: { $detail }
files-exists = { $path } đã có (dùng --force để ghi đè)
files-wrote = Đã ghi { $path }
files-wrote-count = Đã ghi { $count } tệp vào { $dir }
template-unknown = không có mẫu «{ $kind }»; `egov template` liệt kê các mẫu
