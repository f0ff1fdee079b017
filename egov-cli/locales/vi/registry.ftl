# Lời của lệnh registry import|check (tiếng Việt). Cùng mã, cùng thứ tự trong
# locales/en/registry.ftl.

registry-no-sheet = tệp bảng tính không có trang nào
registry-sheet-error = trang «{ $name }» (các trang: { $sheets }): { $detail }
registry-no-such-sheet = không có trang «{ $name }» (các trang: { $sheets })
registry-not-utf8 = { $path }: không phải UTF-8 (byte { $byte }); hãy lưu CSV dạng «CSV UTF-8» hoặc đưa chính tệp bảng tính
registry-catalogue = Danh mục: { $path }
registry-column = cột
registry-columns-not-used = cột không dùng: { $columns }
registry-rejected-row = LOẠI dòng { $row }
registry-warning-row = LƯU Ý dòng { $row }
registry-written = Đã ghi danh sách mã vào { $path }
registry-check = Danh sách mã: { $path } ({ $records } bản ghi, { $valid } mã còn hiệu lực ngày { $date })
registry-use-import = {" "}— danh mục theo dạng cơ quan đang lưu giữ (tiêu đề cột tiếng Việt, dấu chấm phẩy, bảng tính) cần nhập trước: egov registry import TỆP --out danh-muc.toml
