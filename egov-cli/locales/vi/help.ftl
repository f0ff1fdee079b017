# Trợ giúp (--help) và lỗi dòng lệnh của egov bằng tiếng Việt.
# Mã: help-<đường dẫn lệnh> (mô tả ngắn), help-<lệnh>--long (mô tả dài, tùy chọn),
# help-<lệnh>--after (ghi chú cuối), help-<lệnh>--<mã đối số> (một tùy chọn hay đối số).
# Tiếng Anh là chú thích của định nghĩa lệnh (clap) trong mã nguồn.

## Lỗi dòng lệnh

usage-unknown-argument = không có tùy chọn «{ $arg }»
usage-unexpected-argument = thừa đối số «{ $arg }»
usage-unknown-command = không có lệnh «{ $command }»
usage-missing = thiếu đối số bắt buộc: { $arg }
usage-invalid-value = giá trị «{ $value }» không dùng được cho { $arg }
usage-conflict = { $arg } không dùng cùng { $other }
usage-repeated = { $arg } chỉ được nêu một lần
usage-values = số giá trị cho { $arg } không đúng
usage-missing-command = thiếu lệnh con
usage-invalid-utf8 = có đối số không phải văn bản UTF-8
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
help-egov--strict_time = Không nhận thời gian không ghi múi giờ (mặc định «2026-03-02 09:15», «02/03/2026 09:15» và «9h15 ngày 02/03/2026» được hiểu là giờ Việt Nam, UTC+07:00, kèm ghi chú)

## egov code

help-egov-code = Kiểm tra mã định danh của cơ quan, tổ chức, ví dụ 000.00.18.G12 (DOC-02…04)
help-egov-code--code = Mã gồm 13 ký tự
help-egov-code--lenient = Chấp nhận mọi mã gồm 4 nhóm chữ, số ngăn cách bởi dấu chấm, đủ 13 ký tự (nêu rõ điểm đã bỏ qua)
help-egov-code--registry = Danh mục mã định danh (CSV hoặc .json) để đối chiếu mã
help-egov-code--as_of = Ngày đối chiếu danh mục (YYYY-MM-DD hoặc dd/mm/yyyy)

## egov docnum

help-egov-docnum = Phân tích «số và ký hiệu» của văn bản, ví dụ 28/2018/QĐ-TTg
help-egov-docnum--number = Số và ký hiệu

## egov docid

help-egov-docid = Phân tích mã định danh văn bản, ví dụ 000.00.00.G22,2018/09/20,7816/VPCP-TTĐT (DOC-08)
help-egov-docid--id = Mã định danh văn bản theo dạng edXML: mã cơ quan,yyyy/MM/dd,số và ký hiệu

## egov metadata

help-egov-metadata = Kiểm tra bộ thông tin a)–q) của văn bản điện tử, ghi dạng JSON (DOC-10); `-` đọc từ đầu vào chuẩn
help-egov-metadata--file = Tệp JSON

## egov deadline

help-egov-deadline = Hạn gửi văn bản điện tử, và văn bản đã được gửi đúng hạn hay chưa (DOC-19, DOC-21)
help-egov-deadline--signed = Thời điểm ký ban hành văn bản: ISO 8601 có múi giờ (2026-02-13T15:00:00+07:00), giờ Việt Nam viết như thường lệ (13/02/2026 15:00, 15h ngày 13/2/2026), hoặc chỉ ghi ngày (dd/mm/yyyy, ngày 13 tháng 2 năm 2026 hoặc YYYY-MM-DD; hiểu là cuối ngày đó, A-06)
help-egov-deadline--urgency = Độ khẩn: khẩn, thượng khẩn, hỏa tốc (có hoặc không dấu); bỏ trống nếu văn bản không khẩn
help-egov-deadline--sent = Thời điểm đã gửi (ISO 8601, hoặc giờ Việt Nam viết như thường lệ: 13/02/2026 16:30, 16h30 ngày 13/2/2026); đối chiếu việc gửi với hạn gửi
help-egov-deadline--local = Hiểu thời gian không ghi múi giờ là giờ Việt Nam (UTC+07:00), không kèm ghi chú
help-egov-deadline--morning_end = Giờ kết thúc «buổi sáng» của ngày làm việc tiếp theo, HH:MM (mặc định 12:00, A-06)
help-egov-deadline--calendar = Tệp lịch JSON (hoặc TOML) thay cho bảng lịch có sẵn

## egov workday

help-egov-workday = Một ngày có phải là ngày làm việc theo lịch của cơ quan nhà nước không? (CORE-02)
help-egov-workday--date = Ngày cần xem: YYYY-MM-DD hoặc dd/mm/yyyy
help-egov-workday--calendar = Tệp lịch JSON (hoặc TOML) thay cho bảng lịch có sẵn

## egov mark

help-egov-mark = Dấu chuyển đổi giữa văn bản giấy và thông điệp dữ liệu (Điều 4, Điều 5 NĐ 137/2024/NĐ-CP): đóng dấu và xác minh

## egov mark paper-to-data

help-egov-mark-paper-to-data = Đóng dấu chuyển đổi lên trang quét từ văn bản giấy (Điều 4 NĐ 137/2024/NĐ-CP): đóng dấu lên ảnh, ghi nội dung mã QR
help-egov-mark-paper-to-data--page = Ảnh trang cần đóng dấu (PNG hoặc JPEG; trang đầu)
help-egov-mark-paper-to-data--converter = Tên đầy đủ của cơ quan, tổ chức hoặc cá nhân thực hiện chuyển đổi
help-egov-mark-paper-to-data--key = Tệp khóa ký do `egov keygen` tạo
help-egov-mark-paper-to-data--at = Thời điểm chuyển đổi, ISO 8601 có múi giờ (mặc định: lúc này)
help-egov-mark-paper-to-data--profile = Loại dấu: general (chung, điểm a khoản 1 Điều 4 / điểm a khoản 2 Điều 5), admin-result (kết quả giải quyết thủ tục hành chính, điểm c khoản 1 Điều 4 / điểm c khoản 2 Điều 5), sao-y («sao y»), sao-luc («sao lục»), trich-sao («trích sao»)
help-egov-mark-paper-to-data--text = Dòng chữ của dấu thay cho câu chữ mặc định của SDK (A-08)
help-egov-mark-paper-to-data--lookup_url = Trang tra cứu mà mã QR mở trên điện thoại (nội dung mã nằm sau dấu # của URL)
help-egov-mark-paper-to-data--content = Nội dung mà giá trị băm bao phủ (mặc định: tệp ảnh trang trước khi đóng dấu)
help-egov-mark-paper-to-data--out = Nơi ghi ảnh đã đóng dấu (mặc định: tên tệp TRANG thêm `.marked` trước phần mở rộng)
help-egov-mark-paper-to-data--payload_out = Nơi ghi nội dung mã QR (mặc định: tên TỆP_GHI_RA thêm `.payload.txt`)
help-egov-mark-paper-to-data--dpi = Độ phân giải của trang, số điểm ảnh trên mỗi inch (dpi)
help-egov-mark-paper-to-data--position = Vị trí đóng dấu: auto (tự tìm vùng trống: góc trên bên phải nếu trống, rồi các góc khác, rồi dải trống cao nhất; mặc định), top-right (lề trên bên phải), top-left (lề trên bên trái), bottom-right (lề dưới bên phải), bottom-left (lề dưới bên trái)
help-egov-mark-paper-to-data--force = Vẫn đóng dấu dù dấu che lên nội dung trang (nếu không sẽ báo lỗi)

## egov mark data-to-paper

help-egov-mark-data-to-paper = Đóng dấu chuyển đổi lên trang in từ thông điệp dữ liệu (Điều 5): đóng dấu lên ảnh, ghi nội dung mã QR
help-egov-mark-data-to-paper--page = Ảnh trang cần đóng dấu (PNG hoặc JPEG; trang đầu)
help-egov-mark-data-to-paper--converter = Tên đầy đủ của cơ quan, tổ chức hoặc cá nhân thực hiện chuyển đổi
help-egov-mark-data-to-paper--key = Tệp khóa ký do `egov keygen` tạo
help-egov-mark-data-to-paper--at = Thời điểm chuyển đổi, ISO 8601 có múi giờ (mặc định: lúc này)
help-egov-mark-data-to-paper--profile = Loại dấu: general (chung, điểm a khoản 1 Điều 4 / điểm a khoản 2 Điều 5), admin-result (kết quả giải quyết thủ tục hành chính, điểm c khoản 1 Điều 4 / điểm c khoản 2 Điều 5), sao-y («sao y»), sao-luc («sao lục»), trich-sao («trích sao»)
help-egov-mark-data-to-paper--text = Dòng chữ của dấu thay cho câu chữ mặc định của SDK (A-08)
help-egov-mark-data-to-paper--lookup_url = Trang tra cứu mà mã QR mở trên điện thoại (nội dung mã nằm sau dấu # của URL)
help-egov-mark-data-to-paper--content = Nội dung mà giá trị băm bao phủ (mặc định: tệp ảnh trang trước khi đóng dấu)
help-egov-mark-data-to-paper--out = Nơi ghi ảnh đã đóng dấu (mặc định: tên tệp TRANG thêm `.marked` trước phần mở rộng)
help-egov-mark-data-to-paper--payload_out = Nơi ghi nội dung mã QR (mặc định: tên TỆP_GHI_RA thêm `.payload.txt`)
help-egov-mark-data-to-paper--dpi = Độ phân giải của trang, số điểm ảnh trên mỗi inch (dpi)
help-egov-mark-data-to-paper--position = Vị trí đóng dấu: auto (tự tìm vùng trống: góc trên bên phải nếu trống, rồi các góc khác, rồi dải trống cao nhất; mặc định), top-right (lề trên bên phải), top-left (lề trên bên trái), bottom-right (lề dưới bên phải), bottom-left (lề dưới bên trái)
help-egov-mark-data-to-paper--force = Vẫn đóng dấu dù dấu che lên nội dung trang (nếu không sẽ báo lỗi)
help-egov-mark-data-to-paper--system = Tên hệ thống thông tin đang lưu thông điệp dữ liệu (điểm a khoản 1 Điều 5)
help-egov-mark-data-to-paper--owner = Tên chủ quản của hệ thống (điểm a khoản 1 Điều 5)
help-egov-mark-data-to-paper--url = Địa chỉ URL đầy đủ của thông điệp dữ liệu trên hệ thống (điểm b khoản 1 Điều 5)
help-egov-mark-data-to-paper--code = Mã duy nhất của thông điệp dữ liệu (điểm b khoản 1 Điều 5), dùng cùng --search
help-egov-mark-data-to-paper--search = Giao diện tra cứu nơi nhập mã

## egov mark verify

help-egov-mark-verify = Tìm mọi dấu chuyển đổi trên ảnh trang (bản quét, bản chụp, ảnh điện thoại) và xác minh ngay trên máy, không cần mạng; cho biết trang nào mang dấu
help-egov-mark-verify--images = Các ảnh trang (PNG, JPEG, TIFF, lấy mọi trang của TIFF nhiều trang), theo thứ tự trang; hoặc một tệp văn bản chứa nội dung mã QR khi dùng --payload
help-egov-mark-verify--payload = Đọc ẢNH như tệp văn bản chứa nội dung mã QR, không phải ảnh
help-egov-mark-verify--content = Nội dung mà giá trị băm của dấu bao phủ (trang hoặc thông điệp dữ liệu trước khi đóng dấu)
help-egov-mark-verify--trust = Tập khóa tin cậy dạng JSON: {"{"}"keys":[{"{"}"label":…,"public_key":"<hex>"{"}"}]{"}"}
help-egov-mark-verify--trust_list = Danh sách tin cậy đã ký (`egov trustlist`), thay cho --trust: dùng các khóa mà danh sách bảo đảm, cùng --pin. Mã thoát 0 chỉ khi trạng thái là "verified" (danh sách quá hạn cho mã thoát 1)
help-egov-mark-verify--pin = Khóa của đơn vị vận hành được ghim cho --trust-list: 64 chữ số hex hoặc một tệp khóa (dùng nhiều lần được)
help-egov-mark-verify--at = Thời điểm dùng để đánh giá danh sách tin cậy (mặc định: lúc này)

## egov mark pdf

help-egov-mark-pdf = Dấu chuyển đổi trên tệp PDF có sẵn: đóng dấu bằng bản cập nhật nối thêm (incremental update), xác minh

## egov mark pdf stamp

help-egov-mark-pdf-stamp = Đóng dấu chuyển đổi lên một trang của tệp PDF có sẵn bằng bản cập nhật nối thêm: các byte gốc được giữ nguyên ở đầu tệp (chữ ký số trên chúng vẫn còn giá trị), nội dung mã QR ký giá trị SHA-256 và độ dài của chúng, và cũng được ghi vào XMP của tài liệu
help-egov-mark-pdf-stamp--input = Tệp PDF cần đóng dấu (không mã hóa)
help-egov-mark-pdf-stamp--out = Nơi ghi tệp PDF đã đóng dấu (ghi trọn vẹn qua một tệp tạm rồi đổi tên)
help-egov-mark-pdf-stamp--force = Ghi đè TỆP_GHI_RA nếu đã có
help-egov-mark-pdf-stamp--direction = Chiều chuyển đổi mà dấu ghi nhận: paper-to-data (Điều 4, văn bản giấy → thông điệp dữ liệu: tệp PDF là bản quét của văn bản giấy) hoặc data-to-paper (Điều 5, thông điệp dữ liệu → văn bản giấy: tệp PDF được in từ thông điệp dữ liệu; cần --system, --owner và --url, hoặc --code cùng --search, khoản 1 Điều 5)
help-egov-mark-pdf-stamp--converter = Tên đầy đủ của cơ quan, tổ chức hoặc cá nhân thực hiện chuyển đổi
help-egov-mark-pdf-stamp--key = Tệp khóa ký do `egov keygen` tạo
help-egov-mark-pdf-stamp--at = Thời điểm chuyển đổi, ISO 8601 có múi giờ (mặc định: lúc này)
help-egov-mark-pdf-stamp--profile = Loại dấu: general (chung, điểm a khoản 1 Điều 4 / điểm a khoản 2 Điều 5), admin-result (kết quả giải quyết thủ tục hành chính, điểm c khoản 1 Điều 4 / điểm c khoản 2 Điều 5), sao-y («sao y»), sao-luc («sao lục»), trich-sao («trích sao»)
help-egov-mark-pdf-stamp--text = Dòng chữ của dấu thay cho câu chữ mặc định của SDK (A-08)
help-egov-mark-pdf-stamp--system = Dữ liệu → giấy: tên hệ thống thông tin đang lưu thông điệp dữ liệu (điểm a khoản 1 Điều 5)
help-egov-mark-pdf-stamp--owner = Dữ liệu → giấy: tên chủ quản của hệ thống (điểm a khoản 1 Điều 5)
help-egov-mark-pdf-stamp--url = Dữ liệu → giấy: địa chỉ URL đầy đủ của thông điệp dữ liệu trên hệ thống (điểm b khoản 1 Điều 5)
help-egov-mark-pdf-stamp--code = Dữ liệu → giấy: mã duy nhất của thông điệp dữ liệu (điểm b khoản 1 Điều 5), dùng cùng --search
help-egov-mark-pdf-stamp--search = Dữ liệu → giấy: giao diện tra cứu nơi nhập mã
help-egov-mark-pdf-stamp--lookup_url = Trang tra cứu mà mã QR mở trên điện thoại (nội dung mã nằm sau dấu # của URL)
help-egov-mark-pdf-stamp--payload_out = Ghi thêm nội dung mã QR vào tệp này
help-egov-mark-pdf-stamp--page = Trang cần đóng dấu, đánh số từ 1
help-egov-mark-pdf-stamp--position = Vị trí của khối dấu trên trang như khi hiển thị: auto (góc trống đầu tiên: trên phải, trên trái, dưới phải, dưới trái), top-right, top-left, bottom-right, bottom-left (góc trên phải, trên trái, dưới phải, dưới trái)
help-egov-mark-pdf-stamp--mode = Cách ghi khối dấu: content (nội dung trang: luôn được in; công cụ kiểm tra chữ ký báo là thay đổi sau khi ký) hoặc annotation (chú thích `/Stamp` in được: được phép sau chữ ký phê duyệt (Acrobat) và khi DocMDP P=3, bị từ chối khi DocMDP P=1/2; dùng cho bản có dấu phát hành dưới dạng điện tử)
help-egov-mark-pdf-stamp--margin_mm = Khoảng cách từ khối dấu đến mép trang, milimét (khi dùng auto và các góc)
help-egov-mark-pdf-stamp--x_mm = Mép trái của khối dấu, tính bằng milimét từ mép trái trang đang hiển thị (dùng cùng --y-mm); không kiểm tra nội dung bị che bên dưới
help-egov-mark-pdf-stamp--y_mm = Mép trên của khối dấu, tính bằng milimét từ mép trên trang đang hiển thị (dùng cùng --x-mm)
help-egov-mark-pdf-stamp--module_mm = Cạnh của một ô mã QR, milimét (mặc định 0,51; dưới 0,5 thì bản quét 150 dpi có thể không đọc được)
help-egov-mark-pdf-stamp--text_width_mm = Bề rộng cột chữ, milimét (mặc định 62; nhỏ hơn cho trang khổ nhỏ)
help-egov-mark-pdf-stamp--title_pt = Cỡ chữ của dòng chữ dấu, point (mặc định 8,5)
help-egov-mark-pdf-stamp--text_pt = Cỡ chữ của các dòng còn lại, point (mặc định 7)

## egov mark pdf verify

help-egov-mark-pdf-verify = Xác minh tệp PDF đã đóng dấu bằng `egov mark pdf stamp`: chuỗi tin cậy của nội dung mã QR, bản gốc còn nguyên vẹn, các bản cập nhật nối thêm sau đó, và mã QR in trên trang
help-egov-mark-pdf-verify--file = Tệp PDF đã đóng dấu
help-egov-mark-pdf-verify--trust = Tập khóa tin cậy dạng JSON: {"{"}"keys":[{"{"}"label":…,"public_key":"<hex>"{"}"}]{"}"}
help-egov-mark-pdf-verify--no_render = Không dựng hình trang để đọc mã QR in trên trang (chỉ xem XMP và các bản cập nhật)
help-egov-mark-pdf-verify--dpi = Độ phân giải dựng hình để đọc mã QR in trên trang, dpi (72–600)

## egov mark pdf from-scans

help-egov-mark-pdf-from-scans = Lập bản điện tử của văn bản giấy từ các bản quét (Điều 4 NĐ 137/2024/NĐ-CP, Điều 25 NĐ 30/2020/NĐ-CP «sao y»): ảnh các trang thành PDF/A, dấu chuyển đổi từ văn bản giấy sang thông điệp dữ liệu, rồi chữ ký số PAdES hiển thị của cơ quan sao (hình thức sao, tên cơ quan, thời gian ký). Kiểm tra thể thức theo Phụ lục I NĐ 30/2020/NĐ-CP: trang dưới 200 dpi hoặc không phải ảnh màu vẫn được ghi nhưng cho mã thoát 1, vì bản sao không đúng thể thức
help-egov-mark-pdf-from-scans--images = Ảnh các trang theo thứ tự trang: JPEG (nhúng nguyên vẹn), PNG, TIFF (mọi trang của TIFF nhiều trang)
help-egov-mark-pdf-from-scans--out = Nơi ghi bản sao đã ký (ghi trọn vẹn qua một tệp tạm rồi đổi tên)
help-egov-mark-pdf-from-scans--force = Ghi đè TỆP_GHI_RA (và --payload-out) nếu đã có
help-egov-mark-pdf-from-scans--converter = Tên đầy đủ của cơ quan, tổ chức hoặc cá nhân thực hiện chuyển đổi (in trong dấu)
help-egov-mark-pdf-from-scans--key = Khóa ký của dấu, tệp do `egov keygen` tạo (ký nội dung mã QR). Khóa của chứng thư chữ ký số của cơ quan là --p12, --agency-key, --pkcs11-module hoặc --signer-command
help-egov-mark-pdf-from-scans--at = Thời điểm chuyển đổi, ISO 8601 có múi giờ (mặc định: lúc này); cũng là thời gian ký mà cơ quan khai (/M, in trong chữ ký) và ngày tạo tệp PDF
help-egov-mark-pdf-from-scans--profile = Loại dấu: general (chung, điểm a khoản 1 Điều 4 / điểm a khoản 2 Điều 5), admin-result (kết quả giải quyết thủ tục hành chính, điểm c khoản 1 Điều 4 / điểm c khoản 2 Điều 5), sao-y («sao y»), sao-luc («sao lục»), trich-sao («trích sao»)
help-egov-mark-pdf-from-scans--text = Dòng chữ của dấu thay cho câu chữ mặc định của SDK (A-08)
help-egov-mark-pdf-from-scans--lookup_url = Trang tra cứu mà mã QR mở trên điện thoại (nội dung mã nằm sau dấu # của URL)
help-egov-mark-pdf-from-scans--payload_out = Ghi thêm nội dung mã QR vào tệp này
help-egov-mark-pdf-from-scans--agency = Cơ quan thực hiện sao, in trong chữ ký hiển thị (Phụ lục I NĐ 30/2020/NĐ-CP)
help-egov-mark-pdf-from-scans--copy_form = Hình thức sao, in đầu tiên trong chữ ký hiển thị
help-egov-mark-pdf-from-scans--pdfa = Phần PDF/A của bản sao: 2b (PDF/A-2b, ISO 19005-2, PDF 1.7) hoặc 1b (PDF/A-1b, ISO 19005-1, PDF 1.4, cho kho lưu trữ chỉ nhận phần 1)
help-egov-mark-pdf-from-scans--assume_dpi = Độ phân giải giả định cho ảnh không ghi độ phân giải, dpi (50–2400; mặc định 200). Giá trị này quyết định khổ trang; trang dưới 200 dpi được báo
help-egov-mark-pdf-from-scans--title = Tiêu đề của tài liệu (XMP dc:title), ví dụ «số và ký hiệu» và trích yếu nội dung
help-egov-mark-pdf-from-scans--page = Trang của bản sao mang dấu, đánh số từ 1
help-egov-mark-pdf-from-scans--position = Vị trí của khối dấu trên trang (tránh chữ ký ở góc trên bên phải): auto (góc trống đầu tiên: trên phải, trên trái, dưới phải, dưới trái), top-right, top-left, bottom-right, bottom-left (góc trên phải, trên trái, dưới phải, dưới trái)
help-egov-mark-pdf-from-scans--margin_mm = Khoảng cách từ khối dấu đến mép trang, milimét
help-egov-mark-pdf-from-scans--x_mm = Mép trái của khối dấu, tính bằng milimét từ mép trái trang (dùng cùng --y-mm)
help-egov-mark-pdf-from-scans--y_mm = Mép trên của khối dấu, tính bằng milimét từ mép trên trang (dùng cùng --x-mm)
help-egov-mark-pdf-from-scans--module_mm = Cạnh của một ô mã QR, milimét (mặc định 0,51)
help-egov-mark-pdf-from-scans--text_width_mm = Bề rộng cột chữ của dấu, milimét (mặc định 62)
help-egov-mark-pdf-from-scans--title_pt = Cỡ chữ của dòng chữ dấu, point (mặc định 8,5)
help-egov-mark-pdf-from-scans--text_pt = Cỡ chữ của các dòng còn lại của dấu, point (mặc định 7)
help-egov-mark-pdf-from-scans--p12 = Khóa và chuỗi chứng thư chữ ký số của cơ quan trong tệp PKCS#12 (.p12/.pfx); mật khẩu lấy từ --password-env hoặc --password-file (không bao giờ ghi trên dòng lệnh)
help-egov-mark-pdf-from-scans--password_env = Biến môi trường chứa mật khẩu PKCS#12
help-egov-mark-pdf-from-scans--password_file = Tệp chứa mật khẩu PKCS#12 (bỏ qua một dấu xuống dòng ở cuối)
help-egov-mark-pdf-from-scans--agency_key = Khóa bí mật PKCS#8 (PEM) của cơ quan, RSA hoặc ECDSA P-256/P-384, dùng cùng --cert (tương ứng `--key` của `egov pdf sign`)
help-egov-mark-pdf-from-scans--cert = Chứng thư chữ ký số của cơ quan, rồi các chứng thư trung gian (PEM); dùng cùng --agency-key hoặc --signer-command, hoặc cùng --pkcs11-module thay cho chứng thư lưu trên thiết bị ký
help-egov-mark-pdf-from-scans--pkcs11_module = Mô-đun PKCS#11 của hãng cung cấp thiết bị ký (USB token hoặc HSM: khóa không bao giờ rời thiết bị), dùng cùng --pin-env
help-egov-mark-pdf-from-scans--token = Nhãn của thiết bị ký (mặc định: thiết bị duy nhất đang cắm)
help-egov-mark-pdf-from-scans--slot = Số hiệu khe (slot id) của thiết bị ký
help-egov-mark-pdf-from-scans--key_label = Nhãn của khóa bí mật trên thiết bị ký (mặc định: khóa duy nhất trên thiết bị)
help-egov-mark-pdf-from-scans--key_id = Mã của khóa bí mật trên thiết bị ký (CKA_ID), dạng hex
help-egov-mark-pdf-from-scans--pin_env = Biến môi trường chứa mã PIN người dùng của thiết bị ký (để trống nếu nhập PIN trên bàn phím của thiết bị)
help-egov-mark-pdf-from-scans--signer_command = Lệnh thực hiện thao tác ký bằng khóa bí mật (phần mềm khách của dịch vụ ký số từ xa, công cụ của HSM): chạy bằng `sh -c`, dữ liệu cần ký ở đầu vào chuẩn, chữ ký ở đầu ra chuẩn (RSA: PKCS#1 v1.5; ECDSA: r‖s thô hoặc DER), dùng cùng --cert; ví dụ `openssl dgst -sha256 -sign khoa.pem`
help-egov-mark-pdf-from-scans--signer_algorithm = Thuật toán ký của --signer-command: rsa-sha256 (RSA PKCS#1 v1.5 với SHA-256; mặc định), rsa-sha384, rsa-sha512 (RSA PKCS#1 v1.5 với SHA-384, SHA-512), ecdsa-p256-sha256 (ECDSA trên đường cong P-256 với SHA-256) hoặc ecdsa-p384-sha384 (ECDSA trên P-384 với SHA-384)
help-egov-mark-pdf-from-scans--reason = /Reason của chữ ký (ví dụ «Sao y từ bản chính»)
help-egov-mark-pdf-from-scans--location = /Location của chữ ký (ví dụ «Lào Cai»)
help-egov-mark-pdf-from-scans--tsa_command = Lệnh shell trả lời yêu cầu gắn dấu thời gian RFC 3161 (PAdES-B-T): chạy bằng `sh -c`, yêu cầu (DER) ở đầu vào chuẩn, phản hồi (DER) ở đầu ra chuẩn

## egov pdf

help-egov-pdf = Chữ ký số PAdES trên tệp PDF (Điều 25 NĐ 30/2020/NĐ-CP, khoản 1 Điều 6 QĐ 28/2018/QĐ-TTg): ký bằng khóa PEM, tệp PKCS#12 hoặc thiết bị ký PKCS#11; xác minh mọi chữ ký

## egov pdf sign

help-egov-pdf-sign = Ký tệp PDF bằng chữ ký PAdES (PAdES-B-B; B-T khi có --tsa-command), nối thêm thành bản cập nhật: các byte gốc được giữ nguyên ở đầu tệp
help-egov-pdf-sign--input = Tệp PDF cần ký (không mã hóa)
help-egov-pdf-sign--out = Nơi ghi tệp PDF đã ký (ghi trọn vẹn qua một tệp tạm rồi đổi tên)
help-egov-pdf-sign--force = Ghi đè TỆP_GHI_RA nếu đã có
help-egov-pdf-sign--p12 = Khóa và chuỗi chứng thư chữ ký số của người ký trong tệp PKCS#12 (.p12/.pfx); mật khẩu lấy từ --password-env hoặc --password-file (không bao giờ ghi trên dòng lệnh)
help-egov-pdf-sign--password_env = Biến môi trường chứa mật khẩu PKCS#12
help-egov-pdf-sign--password_file = Tệp chứa mật khẩu PKCS#12 (bỏ qua một dấu xuống dòng ở cuối)
help-egov-pdf-sign--key = Khóa bí mật PKCS#8 (PEM) của người ký, RSA hoặc ECDSA P-256/P-384, dùng cùng --cert
help-egov-pdf-sign--cert = Chứng thư chữ ký số của người ký, rồi các chứng thư trung gian (PEM); dùng cùng --key hoặc --signer-command, hoặc cùng --pkcs11-module thay cho chứng thư lưu trên thiết bị ký
help-egov-pdf-sign--pkcs11_module = Mô-đun PKCS#11 của hãng cung cấp thiết bị ký (USB token hoặc HSM: khóa không bao giờ rời thiết bị), dùng cùng --pin-env
help-egov-pdf-sign--token = Nhãn của thiết bị ký (mặc định: thiết bị duy nhất đang cắm)
help-egov-pdf-sign--slot = Số hiệu khe (slot id) của thiết bị ký
help-egov-pdf-sign--key_label = Nhãn của khóa bí mật trên thiết bị ký (mặc định: khóa duy nhất trên thiết bị)
help-egov-pdf-sign--key_id = Mã của khóa bí mật trên thiết bị ký (CKA_ID), dạng hex
help-egov-pdf-sign--pin_env = Biến môi trường chứa mã PIN người dùng của thiết bị ký (để trống nếu nhập PIN trên bàn phím của thiết bị)
help-egov-pdf-sign--signer_command = Lệnh thực hiện thao tác ký bằng khóa bí mật (phần mềm khách của dịch vụ ký số từ xa, công cụ của HSM): chạy bằng `sh -c`, dữ liệu cần ký ở đầu vào chuẩn, chữ ký ở đầu ra chuẩn (RSA: PKCS#1 v1.5; ECDSA: r‖s thô hoặc DER), dùng cùng --cert; ví dụ `openssl dgst -sha256 -sign khoa.pem`
help-egov-pdf-sign--signer_algorithm = Thuật toán ký của --signer-command: rsa-sha256 (RSA PKCS#1 v1.5 với SHA-256; mặc định), rsa-sha384, rsa-sha512 (RSA PKCS#1 v1.5 với SHA-384, SHA-512), ecdsa-p256-sha256 (ECDSA trên đường cong P-256 với SHA-256) hoặc ecdsa-p384-sha384 (ECDSA trên P-384 với SHA-384)
help-egov-pdf-sign--reason = /Reason của chữ ký (ví dụ «Sao từ văn bản giấy»)
help-egov-pdf-sign--location = /Location của chữ ký (ví dụ «Hà Nội»)
help-egov-pdf-sign--contact = /ContactInfo của chữ ký
help-egov-pdf-sign--field = Tên trường chữ ký (mặc định: tên trống đầu tiên trong Signature1, Signature2, …)
help-egov-pdf-sign--at = Thời gian ký mà người ký khai (/M), ISO 8601 có múi giờ (mặc định: lúc này). Đây không phải bằng chứng độc lập; dấu thời gian của chữ ký (--tsa-command) mới là bằng chứng độc lập
help-egov-pdf-sign--tsa_command = Lệnh shell trả lời yêu cầu gắn dấu thời gian RFC 3161 (PAdES-B-T): chạy bằng `sh -c`, yêu cầu (DER) ở đầu vào chuẩn, phản hồi (DER) ở đầu ra chuẩn; ví dụ `curl -s -H 'Content-Type: application/timestamp-query' --data-binary @- https://tsa.example`

## egov pdf verify

help-egov-pdf-verify = Xác minh mọi chữ ký và dấu thời gian tài liệu trong tệp PDF: còn nguyên vẹn, chuỗi chứng thư đến các chứng thư gốc đã cho, thời điểm được kiểm tra và nguồn của nó, bản cập nhật được chữ ký bao phủ và các bản cập nhật nối thêm sau đó
help-egov-pdf-verify--file = Tệp PDF đã ký
help-egov-pdf-verify--anchors = Chứng thư gốc tin cậy: các chứng thư gốc PEM (của tổ chức cung cấp dịch vụ chứng thực chữ ký số và của tổ chức cấp dấu thời gian; người dùng tự lấy từ cơ quan cấp). Dùng nhiều lần được. Không có chúng, mọi chữ ký vẫn được kiểm tra nhưng không xác định được ai cấp chứng thư
help-egov-pdf-verify--at = Kiểm tra chứng thư tại thời điểm này, ISO 8601 có múi giờ (mặc định, theo từng chữ ký: dấu thời gian của nó, nếu không có thì thời gian người ký khai, nếu không có nữa thì lúc này)

## egov keygen

help-egov-keygen = Tạo khóa ký Ed25519 cho dấu chuyển đổi
help-egov-keygen--out = Nơi ghi khóa ký mới (JSON chứa khóa bí mật, quyền 0600; cần giữ kín). Tệp đã có không bao giờ bị ghi đè nếu không có --force
help-egov-keygen--label = Người giữ khóa (tên cơ quan hoặc tên hệ thống): tên bên xác minh hiển thị là người ký dấu. Bắt buộc khi tạo khóa mới; khóa đã có giữ nhãn ghi trong tệp
help-egov-keygen--trust_out = Ghi thêm tập khóa tin cậy JSON chứa khóa công khai (thứ bên xác minh cần)
help-egov-keygen--from = Xuất tập khóa tin cậy của một tệp khóa đã có thay vì tạo khóa mới (dùng cùng --trust-out)
help-egov-keygen--entry_out = Ghi thêm mục của khóa cho danh sách tin cậy (`egov trustlist add --entry`): khóa công khai, người giữ = --label, thời hạn ký tính từ lúc này
help-egov-keygen--agency_code = Mã định danh cơ quan của người giữ khóa, ghi trong mục
help-egov-keygen--role = Khóa dùng để ký gì, ghi trong mục: mark-signer (ký dấu chuyển đổi) hoặc list-operator (ký danh sách tin cậy: đơn vị vận hành cấp tỉnh có tên trong danh sách quốc gia)
help-egov-keygen--force = Ghi đè các tệp đã có

## egov trustlist

help-egov-trustlist = Danh sách tin cậy đã ký của các khóa ký dấu chuyển đổi: new, add, retire, revoke, sign, show, verify (định dạng egov-trust-list/1)

## egov trustlist new

help-egov-trustlist-new = Lập danh sách mới, còn trống, của một đơn vị vận hành danh sách (bộ, tỉnh)
help-egov-trustlist-new--issuer = Tên đầy đủ của đơn vị vận hành
help-egov-trustlist-new--issuer_code = Mã định danh của đơn vị vận hành
help-egov-trustlist-new--out = Nơi ghi danh sách
help-egov-trustlist-new--force = Ghi đè tệp đã có

## egov trustlist add

help-egov-trustlist-add = Thêm một khóa (từ tệp khóa, từ tệp mục do `egov keygen --entry-out` ghi, hoặc từ khóa công khai cùng người giữ). Các chữ ký của danh sách bị bỏ: cần ký lại
help-egov-trustlist-add--list = Tệp danh sách
help-egov-trustlist-add--key = Tệp khóa (`egov keygen`): lấy khóa công khai, nhãn của tệp làm người giữ
help-egov-trustlist-add--entry = Tệp mục do `egov keygen --entry-out` ghi
help-egov-trustlist-add--public_key = Khóa công khai (64 chữ số hex), dùng cùng --holder
help-egov-trustlist-add--holder = Người giữ khóa (mặc định: nhãn của tệp khóa)
help-egov-trustlist-add--agency_code = Mã định danh cơ quan của người giữ khóa
help-egov-trustlist-add--role = Khóa dùng để ký gì: mark-signer (ký dấu chuyển đổi) hoặc list-operator (ký danh sách tin cậy: đơn vị vận hành cấp tỉnh có tên trong danh sách quốc gia)
help-egov-trustlist-add--from = Thời điểm bắt đầu thời hạn ký của khóa (mặc định: lúc này)
help-egov-trustlist-add--until = Thời điểm kết thúc thời hạn ký của khóa

## egov trustlist retire

help-egov-trustlist-retire = Cho một khóa thôi sử dụng: những gì nó đã ký đến thời điểm --at vẫn được tin cậy. Các chữ ký của danh sách bị bỏ
help-egov-trustlist-retire--list = Tệp danh sách
help-egov-trustlist-retire--key_id = Mã của khóa (16 chữ số hex)
help-egov-trustlist-retire--at = Thời điểm thôi sử dụng (mặc định: lúc này)

## egov trustlist revoke

help-egov-trustlist-revoke = Thu hồi một khóa bị lộ: không gì nó đã ký còn được tin cậy, dù dấu ghi ngày nào. Các chữ ký của danh sách bị bỏ
help-egov-trustlist-revoke--list = Tệp danh sách
help-egov-trustlist-revoke--key_id = Mã của khóa (16 chữ số hex)
help-egov-trustlist-revoke--reason = Lý do (hiển thị cho bên xác minh)
help-egov-trustlist-revoke--at = Thời điểm công bố khóa bị lộ (mặc định: lúc này)

## egov trustlist sign

help-egov-trustlist-sign = Ký danh sách bằng khóa của đơn vị vận hành: danh sách chưa ký được ban hành (thời điểm ban hành --at, lần cập nhật sau sau --valid-days ngày, số thứ tự + 1); danh sách đã ban hành được ký thêm, giữ nguyên nội dung
help-egov-trustlist-sign--list = Tệp danh sách
help-egov-trustlist-sign--key = Tệp khóa của đơn vị vận hành (`egov keygen`)
help-egov-trustlist-sign--at = Thời điểm ban hành (mặc định: lúc này)
help-egov-trustlist-sign--valid_days = Số ngày đến hạn ban hành danh sách tiếp theo (mặc định 30)

## egov trustlist show

help-egov-trustlist-show = Xem một danh sách: đơn vị ban hành, số thứ tự, các mốc ngày, các khóa cùng trạng thái, các chữ ký
help-egov-trustlist-show--list = Tệp danh sách

## egov trustlist verify

help-egov-trustlist-verify = Xác minh danh sách theo khóa của đơn vị vận hành mà bạn ghim (đi theo chuỗi qua các đơn vị vận hành danh sách): mã thoát 0 khi mọi danh sách đều được chấp nhận và còn hạn
help-egov-trustlist-verify--lists = Các tệp danh sách (thứ tự tùy ý)
help-egov-trustlist-verify--pin = Khóa của đơn vị vận hành được ghim: 64 chữ số hex hoặc một tệp khóa (dùng nhiều lần được)
help-egov-trustlist-verify--at = Thời điểm đánh giá (mặc định: lúc này)

## egov checklist

help-egov-checklist = Nghĩa vụ theo quy định pháp luật dưới dạng danh mục kiểm tra, đánh giá trên minh chứng của bạn: list, show, template, run

## egov checklist list

help-egov-checklist-list = Các danh mục kiểm tra: mã, mức ràng buộc, số nghĩa vụ, tên
help-egov-checklist-list--files = Tệp danh mục kiểm tra của riêng bạn (TOML), thêm vào các danh mục có sẵn (dùng nhiều lần được)

## egov checklist show

help-egov-checklist-show = Các nghĩa vụ của một danh mục kiểm tra, kèm căn cứ và nguyên văn quy định
help-egov-checklist-show--id = Mã danh mục kiểm tra (xem `egov checklist list`)
help-egov-checklist-show--files = Tệp danh mục kiểm tra của riêng bạn (TOML), thêm vào các danh mục có sẵn (dùng nhiều lần được)

## egov checklist template

help-egov-checklist-template = Tệp minh chứng để điền (TOML, mỗi nghĩa vụ kèm căn cứ và trích dẫn, có chú thích)
help-egov-checklist-template--id = Mã danh mục kiểm tra
help-egov-checklist-template--out = Ghi tệp minh chứng mẫu vào TỆP thay cho đầu ra chuẩn
help-egov-checklist-template--force = Ghi đè TỆP nếu đã có
help-egov-checklist-template--files = Tệp danh mục kiểm tra của riêng bạn (TOML), thêm vào các danh mục có sẵn (dùng nhiều lần được)

## egov checklist run

help-egov-checklist-run = Đánh giá một danh mục kiểm tra trên tệp minh chứng: mỗi nghĩa vụ một kết quả, nêu những gì còn thiếu cho mỗi nghĩa vụ CHƯA RÕ. Mã thoát 0 khi mọi nghĩa vụ ĐẠT, 1 trong trường hợp khác
help-egov-checklist-run--id = Mã danh mục kiểm tra
help-egov-checklist-run--evidence = Tệp minh chứng (TOML hoặc JSON; `egov checklist template` tạo sẵn một tệp)
help-egov-checklist-run--as_of = Ngày đánh giá: 02/03/2026, 2026-03-02 hoặc 2026/03/02 (mặc định: khóa `as_of` của tệp minh chứng)
help-egov-checklist-run--files = Tệp danh mục kiểm tra của riêng bạn (TOML), thêm vào các danh mục có sẵn (dùng nhiều lần được)

## egov checklist indicators

help-egov-checklist-indicators = Kiểm tra các chỉ tiêu định hướng (khoản 3–5 Điều 10 NĐ 137/2024/NĐ-CP, OTH-39/40): mỗi chỉ tiêu cần đủ bảy thành phần và ít nhất một tiêu chí lựa chọn. Đầu vào: một mảng JSON các chỉ tiêu (hoặc `{"{"}"indicators": [...]{"}"}`). Mã thoát 0 khi không có gì KHÔNG ĐẠT, 1 trong trường hợp khác
help-egov-checklist-indicators--file = Tệp chỉ tiêu (JSON)

## egov checklist kpi

help-egov-checklist-kpi = Theo dõi các mục tiêu của chiến lược theo QĐ 942/QĐ-TTg (không bắt buộc: đây là mục tiêu của một chiến lược) từ số liệu đo của bạn: đã đạt, đúng tiến độ, chậm tiến độ, không đạt, hoặc chưa xác định. Đầu vào (JSON): {"{"}"as_of"?: "2025-01-15", "observations": {"{"}"k1d": [{"{"}"value": "70.5", "date": "2024-12-31"{"}"}]{"}"}{"}"}; mã mục tiêu là mã trong `egov checklist show qd942-kpi`. Mã thoát 0 trừ khi có mục tiêu không đạt
help-egov-checklist-kpi--file = Tệp số liệu đo (JSON)
help-egov-checklist-kpi--as_of = Ngày đánh giá, YYYY-MM-DD hoặc dd/mm/yyyy (mặc định: khóa as_of của tệp, nếu không có thì ngày hôm nay theo giờ Việt Nam)
help-egov-checklist-kpi--targets = Mục tiêu của riêng bạn (TOML, các bảng `[[target]]` như trong egov-checklist/kpi/qd942.toml) thay cho mục tiêu của chiến lược

## egov checklist service-level

help-egov-checklist-service-level = Xếp một dịch vụ công trực tuyến vào các mức của Điều 16 dự thảo 003 (một phần / toàn trình; là dự thảo, chưa bắt buộc) và các mức cũ 1–4, từ các dữ kiện của dịch vụ (JSON: information_published, forms_downloadable, submission_online, mobile_access, has_fee, payment_online, processing_fully_digital, result_delivery: ["online"|"postal"|"in_person"])
help-egov-checklist-service-level--file = Tệp dữ kiện (JSON)

## egov platform

help-egov-platform = Phân loại quy mô nền tảng số: đếm người dùng hoạt động, phân loại, lập báo cáo (Điều 15–20 NĐ 137/2024/NĐ-CP)

## egov platform count

help-egov-platform-count = Đếm số người dùng hoạt động hằng tháng, không trùng lặp (theo giờ Việt Nam), từ tệp CSV sự kiện (PLAT-01)
help-egov-platform-count--long = Đếm số người dùng hoạt động hằng tháng, không trùng lặp (theo giờ Việt Nam), từ tệp CSV sự kiện (PLAT-01).
    
    Các cột: user_id,timestamp,kind,in_vietnam (xem tài liệu `csv` của egov-platform-class).
help-egov-platform-count--input = Tệp CSV sự kiện (thường, .gz hoặc .zst, nhận biết qua các byte đầu), hoặc `-` để đọc từ đầu vào chuẩn
help-egov-platform-count--threads = Số luồng xử lý (mặc định: mọi nhân; một luồng cho đầu vào dưới 8 MiB)
help-egov-platform-count--kinds = Tính thêm một tên hoạt động là một loại hoạt động của khoản 1 Điều 17: `view=access` (dùng nhiều lần được; là nhận định pháp lý của riêng bạn, được ghi lại trong kết quả)
help-egov-platform-count--partial_out = Ghi thêm kết quả đếm dưới dạng kết quả đếm từng phần (các khóa người dùng không trùng lặp của mỗi tháng, theo phân đoạn, kèm số liệu đối soát), để gộp với kết quả đếm ở nơi khác (`egov platform merge`, hoặc COUNT(DISTINCT key) của bất kỳ hệ quản trị nào): Parquet nếu tên tệp kết thúc bằng .parquet, nếu không thì JSON
help-egov-platform-count--shards = Số phân đoạn của kết quả đếm từng phần (mặc định 16; mọi kết quả từng phần được gộp với nhau phải cùng số này)
help-egov-platform-count--force = Ghi đè tệp --partial-out đã có
help-egov-platform-count--columns = Đầu vào Parquet: cột nào chứa thông tin gì, `user=uid,timestamp=ts,kind=activity,in_vietnam=vn` (mặc định user_id, timestamp, kind, in_vietnam); `kind=` không kèm tên: mọi dòng là một lần đăng nhập; `in_vietnam=` không kèm tên: bạn xác nhận mọi dòng đều ở Việt Nam
help-egov-platform-count--timestamp_unit = Đầu vào Parquet: đơn vị của cột thời gian dạng số nguyên (seconds, milliseconds, microseconds; cột thời gian kiểu Arrow đã tự mang đơn vị)
help-egov-platform-count--id_salt_env = Băm mã người dùng dạng chuỗi (số điện thoại, địa chỉ thư điện tử) bằng khóa bí mật (salt) của nền tảng, 32 chữ số hex đọc từ biến môi trường này: dùng SipHash-2-4 thay cho XXH3, để kết quả đếm từng phần mang ra khỏi nền tảng không thể bị đảo ngược. Mọi kết quả từng phần được gộp với nhau phải cùng một salt. Tạo bằng `openssl rand -hex 16` và giữ lại
help-egov-platform-count--id_salt_file = Như --id-salt-env, nhưng 32 chữ số hex đọc từ tệp này

## egov platform merge

help-egov-platform-merge = Gộp các kết quả đếm từng phần được lập riêng rẽ (ở các tiến trình, máy hoặc ngày khác nhau của kho dữ liệu) thành kết quả đếm của toàn bộ sự kiện: các tháng, số liệu đối soát, kết quả kiểm tra (PLAT-01). Kết quả JSON dùng làm đầu vào cho `classify --monthly`
help-egov-platform-merge--partials = Các tệp kết quả đếm từng phần (.parquet hoặc .json) do `count --partial-out` ghi
help-egov-platform-merge--out = Ghi thêm kết quả từng phần đã gộp (Parquet nếu tên tệp kết thúc bằng .parquet, nếu không thì JSON)
help-egov-platform-merge--force = Ghi đè tệp --out đã có

## egov platform classify

help-egov-platform-classify = Phân loại từ số người dùng hoạt động của 12 tháng (PLAT-02…06)
help-egov-platform-classify--monthly = Số người dùng hoạt động hằng tháng: `2025-01=123,2025-02=456,…`, hoặc một tệp gồm các dòng `month,active_users` (hoặc một mảng JSON các {"{"}"month","active_users"{"}"})
help-egov-platform-classify--events = Đếm các tháng từ sự kiện: một tệp CSV (hoặc `-` để đọc từ đầu vào chuẩn), hoặc các tệp Parquet (một tệp hoặc một thư mục, các cột mặc định user_id, timestamp, kind, in_vietnam)
help-egov-platform-classify--partials = Gộp các kết quả đếm từng phần này (`count --partial-out`, .parquet hoặc .json) rồi phân loại theo tổng: đếm, gộp và phân loại trong một bước
help-egov-platform-classify--kinds = Cùng --events: tính thêm một tên hoạt động là một loại hoạt động của khoản 1 Điều 17 (`view=access`)
help-egov-platform-classify--population = Dân số (mặc định: số liệu chính thức có sẵn được công bố gần nhất tính đến ngày xác định, ví dụ 102 300 000, bình quân năm 2025, Cục Thống kê, công bố ngày 05/01/2026; câu trả lời nêu rõ số liệu đã dùng). Ghi kèm cơ quan công bố và ngày công bố (§7 A-13)
help-egov-platform-classify--population_publisher = Cơ quan công bố số liệu --population
help-egov-platform-classify--population_date = Ngày công bố số liệu --population (YYYY-MM-DD hoặc dd/mm/yyyy)
help-egov-platform-classify--population_reference = Kỳ hoặc thời điểm mà số liệu --population phản ánh (ví dụ 2025), nếu không phải năm công bố
help-egov-platform-classify--intermediary = Chủ quản xác nhận nền tảng đáp ứng điều kiện nền tảng số trung gian tại khoản 1 Điều 18
help-egov-platform-classify--not_intermediary = Chủ quản xác nhận hệ thống không phải nền tảng số trung gian
help-egov-platform-classify--source = Nguồn số liệu người dùng hằng tháng: `self`, `tool:TÊN` hoặc `reference:TÊN` (điểm c khoản 4 Điều 18)
help-egov-platform-classify--date = Ngày xác định (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định: ngày hôm nay theo giờ Việt Nam, hoặc $EGOV_TODAY)
help-egov-platform-classify--large_bp = Ngưỡng dưới, tính bằng phần vạn (mặc định 300 = 3 %, khoản 2 Điều 17)
help-egov-platform-classify--very_large_bp = Ngưỡng trên, tính bằng phần vạn (mặc định 1000 = 10 %, khoản 3 Điều 17)

## egov platform report

help-egov-platform-report = Báo cáo tự phân loại đầy đủ: loại nền tảng, nghĩa vụ, hạn tiếp theo (Markdown hoặc --json)
help-egov-platform-report--monthly = Số người dùng hoạt động hằng tháng: `2025-01=123,2025-02=456,…`, hoặc một tệp gồm các dòng `month,active_users` (hoặc một mảng JSON các {"{"}"month","active_users"{"}"})
help-egov-platform-report--events = Đếm các tháng từ sự kiện: một tệp CSV (hoặc `-` để đọc từ đầu vào chuẩn), hoặc các tệp Parquet (một tệp hoặc một thư mục, các cột mặc định user_id, timestamp, kind, in_vietnam)
help-egov-platform-report--partials = Gộp các kết quả đếm từng phần này (`count --partial-out`, .parquet hoặc .json) rồi phân loại theo tổng: đếm, gộp và phân loại trong một bước
help-egov-platform-report--kinds = Cùng --events: tính thêm một tên hoạt động là một loại hoạt động của khoản 1 Điều 17 (`view=access`)
help-egov-platform-report--population = Dân số (mặc định: số liệu chính thức có sẵn được công bố gần nhất tính đến ngày xác định, ví dụ 102 300 000, bình quân năm 2025, Cục Thống kê, công bố ngày 05/01/2026; câu trả lời nêu rõ số liệu đã dùng). Ghi kèm cơ quan công bố và ngày công bố (§7 A-13)
help-egov-platform-report--population_publisher = Cơ quan công bố số liệu --population
help-egov-platform-report--population_date = Ngày công bố số liệu --population (YYYY-MM-DD hoặc dd/mm/yyyy)
help-egov-platform-report--population_reference = Kỳ hoặc thời điểm mà số liệu --population phản ánh (ví dụ 2025), nếu không phải năm công bố
help-egov-platform-report--intermediary = Chủ quản xác nhận nền tảng đáp ứng điều kiện nền tảng số trung gian tại khoản 1 Điều 18
help-egov-platform-report--not_intermediary = Chủ quản xác nhận hệ thống không phải nền tảng số trung gian
help-egov-platform-report--source = Nguồn số liệu người dùng hằng tháng: `self`, `tool:TÊN` hoặc `reference:TÊN` (điểm c khoản 4 Điều 18)
help-egov-platform-report--date = Ngày xác định (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định: ngày hôm nay theo giờ Việt Nam, hoặc $EGOV_TODAY)
help-egov-platform-report--large_bp = Ngưỡng dưới, tính bằng phần vạn (mặc định 300 = 3 %, khoản 2 Điều 17)
help-egov-platform-report--very_large_bp = Ngưỡng trên, tính bằng phần vạn (mặc định 1000 = 10 %, khoản 3 Điều 17)
help-egov-platform-report--evidence = Minh chứng cho danh mục kiểm tra theo Điều 19 và Điều 20, một tệp JSON ({"{"}"items": {"{"}"<id>": {"{"}"satisfied": true{"}"}{"}"}{"}"}), hoặc cùng nội dung ở dạng TOML (tệp .toml)
help-egov-platform-report--operating_since = Ngày nền tảng bắt đầu hoạt động (YYYY-MM-DD hoặc dd/mm/yyyy)
help-egov-platform-report--first_classified = Ngày tự phân loại lần đầu (YYYY-MM-DD hoặc dd/mm/yyyy)
help-egov-platform-report--inclusive_deadline = Hiểu «trước 31 tháng 01» là «chậm nhất ngày 31 tháng 01» (mặc định: trước, tức là ngày 30 tháng 01; A-16)
help-egov-platform-report--decree_effective = Ngày nghị định có hiệu lực (mặc định 2024-10-23; nhập YYYY-MM-DD hoặc dd/mm/yyyy)
help-egov-platform-report--owner_class = Loại chủ quản (khoản 2 Điều 15): state (nhà nước), organisation (tổ chức) hoặc individual (cá nhân) (CORE-05; nếu không ghi, báo cáo nêu rõ)
help-egov-platform-report--owner_evidence = Căn cứ xác định chủ quản (khoản 3 Điều 15, PLAT-07), một tệp JSON (TOML với tệp .toml): {"{"}"state_body"?: {"{"}"kind", "name"{"}"}, "approving_authority"?: {"{"}"name", "approval": "investment_policy"|"service_lease", "decision"?{"}"}, "hosting_contract"?, "domain_registration"?, "app_store_publisher_account"?, "owner_name"?{"}"}
help-egov-platform-report--functions = Các chức năng của hệ thống (khoản 1 Điều 16, PLAT-08), một tệp JSON (TOML với tệp .toml): {"{"}"main_functions"?: ["account_issuance_or_authentication"|"electronic_contracting"|"unilateral_legal_act"], "classes"?: ["administrative_procedures"|"commerce"|"finance"|"banking"|"other"]{"}"}
help-egov-platform-report--published_lists = Danh sách do Bộ công bố (nền tảng theo điểm b khoản 4 Điều 18, công cụ đo theo điểm c khoản 4 Điều 18; PLAT-12), như đã ghi nhận vào một ngày: một tệp JSON định dạng egov-published-list/1 (xem egov_platform_class::published). Dùng nhiều lần được; được đối chiếu với báo cáo
help-egov-platform-report--platform_name = Tên nền tảng như trong danh sách nền tảng đã công bố

## egov registry

help-egov-registry = Danh mục mã định danh cơ quan: nhập các danh sách cơ quan đang giữ (CSV, bảng tính) vào danh mục của egov, không bỏ sót dòng nào; kiểm tra danh mục tại một ngày (DOC-01, DOC-04)

## egov registry import

help-egov-registry-import = Đọc danh mục mã định danh cơ quan theo dạng cơ quan đang lưu giữ (CSV, hoặc bảng tính: .xlsx, .xlsm, .xls, .ods), với tiêu đề cột tiếng Việt («Mã định danh», «Tên cơ quan, đơn vị», «Cấp», «Đơn vị cấp trên», «Ngày hiệu lực», «Ngày hết hiệu lực», «Mã thay thế», …). Mỗi dòng được nhập, bị từ chối kèm lý do, hoặc được nhập kèm cảnh báo. Mã thoát 1 khi có dòng bị từ chối
help-egov-registry-import--file = Tệp danh mục
help-egov-registry-import--sheet = Trang tính cần đọc (mặc định: trang đầu tiên)
help-egov-registry-import--source = Nguồn của các dòng, ghi vào mọi mục không có giá trị ở cột nguồn (mặc định: tên tệp)
help-egov-registry-import--out = Ghi danh mục đã nhập vào đây (.json: dạng JSON, nếu không: dạng CSV của egov), ghi trọn vẹn hoặc không ghi gì; tệp đã có không bao giờ bị ghi đè nếu không có --force
help-egov-registry-import--force = Ghi đè tệp --out nếu đã có

## egov registry check

help-egov-registry-check = Kiểm tra tệp danh mục (dạng CSV hoặc JSON của egov) tại một ngày: bao nhiêu mã còn hiệu lực, và có cơ quan nào dường như giữ hai mã không (DOC-01)
help-egov-registry-check--file = Tệp danh mục (.csv hoặc .json)
help-egov-registry-check--as_of = Ngày kiểm tra (dd/mm/yyyy hoặc yyyy-mm-dd); mặc định: ngày hôm nay theo giờ Việt Nam

## egov trust

help-egov-trust = Tiêu chí tín nhiệm mạng của Điều 21 NĐ 137/2024/NĐ-CP (TRUST-01…04)

## egov trust check

help-egov-trust-check = Đánh giá sáu tiêu chí của khoản 2 Điều 21 từ các tệp minh chứng (mã thoát 0 chỉ khi cả sáu tiêu chí ĐẠT)
help-egov-trust-check--cert = Chuỗi chứng thư (PEM hoặc DER), chứng thư của trang web đứng đầu
help-egov-trust-check--host = Tên máy chủ (host) của trang web
help-egov-trust-check--tls_version = Phiên bản TLS đã thỏa thuận (TLSv1.3, TLSv1.2, …)
help-egov-trust-check--cipher = Bộ mã hóa đã thỏa thuận (tên theo IANA)
help-egov-trust-check--page = Mã HTML của trang
help-egov-trust-check--page_url = URL của trang (mặc định https://MÁY_CHỦ/)
help-egov-trust-check--security_txt = Tệp security.txt
help-egov-trust-check--security_txt_url = URI nơi đã tải tệp --security-txt (RFC 9116 §3: tệp được đánh giá cho máy chủ đó; đối chiếu với các trường Canonical của tệp, §2.5.2). Mặc định: đánh giá cho --host
help-egov-trust-check--blocklist = Bản chụp danh sách chặn tham khảo (mỗi dòng một tên miền, địa chỉ hoặc dải CIDR)
help-egov-trust-check--blocklist_source = Nguồn của danh sách chặn (mặc định: tên tệp)
help-egov-trust-check--blocklist_fetched_at = Thời điểm tải danh sách chặn (ISO 8601)
help-egov-trust-check--addresses = Địa chỉ máy chủ (dùng nhiều lần được)
help-egov-trust-check--attest = Minh chứng JSON theo dạng yêu cầu của các thư viện liên kết (egov_trust::request): thường gồm system, security_level, consent, malware_scan, contacts, addresses, gov_names; các tùy chọn khác bổ sung hoặc thay thế các khóa của nó
help-egov-trust-check--anchors = Chứng thư gốc tin cậy (PEM/DER) thay cho bộ chứng thư gốc Mozilla có sẵn
help-egov-trust-check--with_builtin_roots = Cùng --anchors: vẫn giữ bộ chứng thư gốc có sẵn
help-egov-trust-check--policy = Tệp chính sách TLS (TOML hoặc JSON); mặc định: chính sách có sẵn. Bảng [max_attestation_age] của tệp đặt giới hạn tuổi của các xác nhận
help-egov-trust-check--max_security_level_age_days = a) Tuổi tối đa của quyết định phê duyệt cấp độ an toàn hệ thống thông tin, tính bằng ngày (mặc định 1826, tức năm năm; pháp luật không quy định). Thay cho giá trị trong chính sách
help-egov-trust-check--max_scan_age_days = đ) Tuổi tối đa của xác nhận rà quét mã độc, tính bằng ngày (mặc định 30; pháp luật không quy định). Thay cho giá trị trong chính sách
help-egov-trust-check--now = Thời điểm đánh giá (ISO 8601 có múi giờ, hoặc giờ Việt Nam không ghi múi giờ); mặc định: lúc này
help-egov-trust-probe = Thăm dò một trang web đang hoạt động qua TLS và đánh giá những gì trang đó phục vụ (cần bản egov dựng kèm tính năng `probe`)
help-egov-trust-probe--url = URL https:// của trang web
help-egov-trust-probe--cert = Chuỗi chứng thư (PEM hoặc DER), chứng thư của trang web đứng đầu
help-egov-trust-probe--host = Tên máy chủ (host) của trang web
help-egov-trust-probe--tls_version = Phiên bản TLS đã thỏa thuận (TLSv1.3, TLSv1.2, …)
help-egov-trust-probe--cipher = Bộ mã hóa đã thỏa thuận (tên theo IANA)
help-egov-trust-probe--page = Mã HTML của trang
help-egov-trust-probe--page_url = URL của trang (mặc định https://MÁY_CHỦ/)
help-egov-trust-probe--security_txt = Tệp security.txt
help-egov-trust-probe--security_txt_url = URI nơi đã tải tệp --security-txt (RFC 9116 §3: tệp được đánh giá cho máy chủ đó; đối chiếu với các trường Canonical của tệp, §2.5.2). Mặc định: đánh giá cho --host
help-egov-trust-probe--blocklist = Bản chụp danh sách chặn tham khảo (mỗi dòng một tên miền, địa chỉ hoặc dải CIDR)
help-egov-trust-probe--blocklist_source = Nguồn của danh sách chặn (mặc định: tên tệp)
help-egov-trust-probe--blocklist_fetched_at = Thời điểm tải danh sách chặn (ISO 8601)
help-egov-trust-probe--addresses = Địa chỉ máy chủ (dùng nhiều lần được)
help-egov-trust-probe--attest = Minh chứng JSON theo dạng yêu cầu của các thư viện liên kết (egov_trust::request): thường gồm system, security_level, consent, malware_scan, contacts, addresses, gov_names; các tùy chọn khác bổ sung hoặc thay thế các khóa của nó
help-egov-trust-probe--anchors = Chứng thư gốc tin cậy (PEM/DER) thay cho bộ chứng thư gốc Mozilla có sẵn
help-egov-trust-probe--with_builtin_roots = Cùng --anchors: vẫn giữ bộ chứng thư gốc có sẵn
help-egov-trust-probe--policy = Tệp chính sách TLS (TOML hoặc JSON); mặc định: chính sách có sẵn. Bảng [max_attestation_age] của tệp đặt giới hạn tuổi của các xác nhận
help-egov-trust-probe--max_security_level_age_days = a) Tuổi tối đa của quyết định phê duyệt cấp độ an toàn hệ thống thông tin, tính bằng ngày (mặc định 1826, tức năm năm; pháp luật không quy định). Thay cho giá trị trong chính sách
help-egov-trust-probe--max_scan_age_days = đ) Tuổi tối đa của xác nhận rà quét mã độc, tính bằng ngày (mặc định 30; pháp luật không quy định). Thay cho giá trị trong chính sách
help-egov-trust-probe--now = Thời điểm đánh giá (ISO 8601 có múi giờ, hoặc giờ Việt Nam không ghi múi giờ); mặc định: lúc này

## egov trust declare

help-egov-trust-declare = Lập bản tự công bố (khoản 3 Điều 21): Markdown (mặc định) hoặc JSON với --json
help-egov-trust-declare--cert = Chuỗi chứng thư (PEM hoặc DER), chứng thư của trang web đứng đầu
help-egov-trust-declare--host = Tên máy chủ (host) của trang web
help-egov-trust-declare--tls_version = Phiên bản TLS đã thỏa thuận (TLSv1.3, TLSv1.2, …)
help-egov-trust-declare--cipher = Bộ mã hóa đã thỏa thuận (tên theo IANA)
help-egov-trust-declare--page = Mã HTML của trang
help-egov-trust-declare--page_url = URL của trang (mặc định https://MÁY_CHỦ/)
help-egov-trust-declare--security_txt = Tệp security.txt
help-egov-trust-declare--security_txt_url = URI nơi đã tải tệp --security-txt (RFC 9116 §3: tệp được đánh giá cho máy chủ đó; đối chiếu với các trường Canonical của tệp, §2.5.2). Mặc định: đánh giá cho --host
help-egov-trust-declare--blocklist = Bản chụp danh sách chặn tham khảo (mỗi dòng một tên miền, địa chỉ hoặc dải CIDR)
help-egov-trust-declare--blocklist_source = Nguồn của danh sách chặn (mặc định: tên tệp)
help-egov-trust-declare--blocklist_fetched_at = Thời điểm tải danh sách chặn (ISO 8601)
help-egov-trust-declare--addresses = Địa chỉ máy chủ (dùng nhiều lần được)
help-egov-trust-declare--attest = Minh chứng JSON theo dạng yêu cầu của các thư viện liên kết (egov_trust::request): thường gồm system, security_level, consent, malware_scan, contacts, addresses, gov_names; các tùy chọn khác bổ sung hoặc thay thế các khóa của nó
help-egov-trust-declare--anchors = Chứng thư gốc tin cậy (PEM/DER) thay cho bộ chứng thư gốc Mozilla có sẵn
help-egov-trust-declare--with_builtin_roots = Cùng --anchors: vẫn giữ bộ chứng thư gốc có sẵn
help-egov-trust-declare--policy = Tệp chính sách TLS (TOML hoặc JSON); mặc định: chính sách có sẵn. Bảng [max_attestation_age] của tệp đặt giới hạn tuổi của các xác nhận
help-egov-trust-declare--max_security_level_age_days = a) Tuổi tối đa của quyết định phê duyệt cấp độ an toàn hệ thống thông tin, tính bằng ngày (mặc định 1826, tức năm năm; pháp luật không quy định). Thay cho giá trị trong chính sách
help-egov-trust-declare--max_scan_age_days = đ) Tuổi tối đa của xác nhận rà quét mã độc, tính bằng ngày (mặc định 30; pháp luật không quy định). Thay cho giá trị trong chính sách
help-egov-trust-declare--now = Thời điểm đánh giá (ISO 8601 có múi giờ, hoặc giờ Việt Nam không ghi múi giờ); mặc định: lúc này

## egov trust security-txt

help-egov-trust-security-txt = Kiểm tra tệp security.txt (RFC 9116), kèm mã lỗi và số dòng
help-egov-trust-security-txt--file = Tệp cần kiểm tra
help-egov-trust-security-txt--now = Thời điểm đánh giá (ISO 8601); mặc định: lúc này
help-egov-trust-security-txt--url = URI nơi đã tải tệp (đối chiếu với trường Canonical)

## egov edxml

help-egov-edxml = Gói tin edXML và thông điệp trạng thái trên trục liên thông văn bản quốc gia (QĐ 28/2018/QĐ-TTg, QCVN 102:2016): kiểm tra, xem, tách tệp đính kèm, dựng gói tin, trả lời bằng thông điệp trạng thái, ký số, xác minh chữ ký

## egov edxml check

help-egov-edxml-check = Kiểm tra gói tin hoặc thông điệp trạng thái như hệ thống nhận phải làm (khoản 1 Điều 9; DOC-01…30)
help-egov-edxml-check--long = Kiểm tra gói tin edXML hoặc thông điệp trạng thái như hệ thống nhận phải làm trước khi tiếp nhận (khoản 1 Điều 9 QĐ 28/2018/QĐ-TTg, DOC-28): mã định danh cơ quan, mã định danh văn bản, bộ thông tin a)–q), độ khẩn, hạn gửi, loại nghiệp vụ, tệp đính kèm, chữ ký số, chiều gửi và lý do của thông điệp trạng thái, và các điểm lệch bố cục so với hồ sơ chặt (DOC-05). Một báo cáo duy nhất: mỗi kết quả nêu mã quy tắc, điều khoản, lý do bằng tiếng Việt (--lang en: tiếng Anh), đường dẫn phần tử cùng dòng và cột của nó.
    
    Gói tin được đọc tuần tự (tệp đính kèm được giải mã, tính giá trị băm và nhận dạng, không lưu lại); gói tin có phần Signature thuộc không gian tên XML Signature sau đó được xác minh (DOC-18) theo --anchors (nếu không có thì không xác định được ai cấp chứng thư của nó). `-` đọc từ đầu vào chuẩn.
    
    Mã thoát: 0 không có kết quả nào KHÔNG ĐẠT (LƯU Ý và CHƯA RÕ không làm KHÔNG ĐẠT), 1 có kết quả KHÔNG ĐẠT (hoặc nội dung của một tệp tùy chọn không hợp lệ), 2 không đọc được gói tin (XML sai cú pháp, có DOCTYPE, vượt giới hạn, không phải edXML: kèm mã lỗi, thông báo và số dòng), không đọc được một tệp tùy chọn, hoặc lỗi dùng lệnh.
    
    JSON (--json), ổn định:
    {"  {"}"file", "kind": "edoc"|"status", "layout", "bytes", "sha256",
       "from": {"{"}"organ_id", "organ_name"{"}"}|null, "to": [{"{"}"organ_id", "organ_name"{"}"}],
       "document_id", "subject", "status_code", "attachments": N,
       "signature_verified": bool (đã chạy xác minh XMLDSig),
       "overall": "pass"|"unknown"|"fail" (của báo cáo: LƯU Ý không làm KHÔNG ĐẠT, CHƯA RÕ không bao giờ là ĐẠT),
       "compliant": bool (không có kết quả KHÔNG ĐẠT),
       "counts": {"{"}"pass", "warning", "unknown", "fail", "total"{"}"},
       "findings": [{"{"}"rule", "basis", "outcome", "message", "message_vi", "field" (đường dẫn phần tử),
                     "evidence": {"{"}…, "location": {"{"}"line", "column", "offset"{"}"}{"}"}{"}"}]{"}"}
    Gói tin không đọc được:
    {"  {"}"error": {"{"}"code" (edxml.malformed, edxml.doctype, edxml.limit, edxml.not_edxml, edxml.io,
       io.open, io.read), "message", "message_vi", "location": {"{"}"line", "column", "offset"{"}"}|null{"}"}{"}"}
help-egov-edxml-check--file = Gói tin (.edxml), hoặc `-` để đọc từ đầu vào chuẩn
help-egov-edxml-check--registry = Danh mục mã định danh cơ quan (CSV hoặc .json): trạng thái của từng mã vào ngày của văn bản (DOC-04)
help-egov-edxml-check--calendar = Tệp lịch JSON (hoặc TOML) thay cho bảng lịch có sẵn (hạn gửi, DOC-19)
help-egov-edxml-check--anchors = Chứng thư gốc tin cậy (chứng thư PEM) cho chuỗi chứng thư của chữ ký số (DOC-18)
help-egov-edxml-check--no_layout = Bỏ qua các điểm lệch bố cục so với hồ sơ chặt (kết quả DOC-05)

## egov edxml show

help-egov-edxml-show = Xem nội dung của gói tin hoặc thông điệp trạng thái, đúng như đã ghi
help-egov-edxml-show--long = Xem nội dung của gói tin edXML hoặc thông điệp trạng thái, đúng như đã ghi: các trường phần đầu, khối vết xử lý và khối nghiệp vụ, chữ ký số như đã ghi (không xác minh: việc đó do `egov edxml check` làm), bảng kê, từng tệp đính kèm với kích thước, loại nội dung, lớp bọc và SHA-256, và các điểm lệch bố cục so với hồ sơ chặt kèm dòng và cột. Văn bản in ra bằng tiếng Việt (--lang en: tiếng Anh). `-` đọc từ đầu vào chuẩn.
    
    Mã thoát: 0 đọc được, 2 không đọc được gói tin (kèm mã lỗi, thông báo và số dòng) hoặc lỗi dùng lệnh.
    
    JSON (--json), ổn định: `Package` của thư viện theo dạng tuần tự hóa của nó:
    {"  {"}"message": {"{"}"kind": "edoc", "header", "trace", "signature", "manifest", "attachments": [{"{"}…,
       "payload": {"{"}"base64_chars", "base64_error", "transfer_bytes", "transfer_sha256", "wrapping",
       "content_bytes", "content_sha256", "content_kind", …{"}"}{"}"}]{"}"} | {"{"}"kind": "status", "from",
       "response_for", "staff_info", "status_code", "description", "timestamp"{"}"},
       "layout", "deviations": [{"{"}"code", "at": {"{"}"offset", "line", "column"{"}"}, "path", "message",
       "message_vi"{"}"}], "bytes", "sha256", "line_breaks": [CRLF, LF]{"}"}
    Gói tin không đọc được: {"{"}"error": {"{"}"code", "message", "message_vi", "location"{"}"}{"}"}.
help-egov-edxml-show--file = Gói tin (.edxml), hoặc `-` để đọc từ đầu vào chuẩn

## egov edxml extract

help-egov-edxml-extract = Ghi các tệp đính kèm của gói tin vào một thư mục, đọc tuần tự, dưới tên an toàn
help-egov-edxml-extract--long = Ghi nội dung của mọi tệp đính kèm vào THƯ_MỤC (tạo mới nếu chưa có), đọc tuần tự: base64 được giải mã và lớp bọc ZIP của VNPT được gỡ ngay khi đọc gói tin (--raw giữ lớp bọc: ghi đúng các byte đã truyền). Mỗi tệp được đặt tên theo AttachmentName, đã làm cho an toàn: chỉ lấy thành phần cuối của đường dẫn (`../../etc/passwd` → `passwd`, `C:\x\..\y` → `y`), bỏ ký tự điều khiển hoặc ký tự định dạng hai chiều, dấu chấm ở đầu, và ký tự mà Windows không nhận; `attachment-N` khi không còn lại gì. Tệp không bao giờ bị ghi đè (`name (2).pdf`, …) và không bao giờ được ghi qua liên kết tượng trưng. `-` đọc từ đầu vào chuẩn.
    
    Mỗi tệp đính kèm một dòng: tệp đã ghi, số byte, loại nội dung, SHA-256, và các vấn đề của nó: hỏng (lỗi base64, sai CRC-32, mục ZIP bị cắt cụt hoặc hỏng) hoặc cảnh báo (tệp nén ZIP bị cắt sau một mục còn nguyên, có thêm mục, lớp bọc không gỡ được, nội dung nhị phân bị mã hóa lại thành văn bản, tệp PDF thiếu %%EOF, nội dung rỗng).
    
    Mã thoát: 0 mọi tệp đính kèm được ghi trọn vẹn, 1 có tệp đính kèm bị hỏng hoặc không có nội dung, 2 không đọc được gói tin, không ghi được một tệp, hoặc lỗi dùng lệnh.
    
    JSON (--json), ổn định:
    {"  {"}"file", "kind", "bytes", "sha256", "out_dir", "unwrap": "auto"|"never",
       "attachments": [{"{"}"index" (tính từ 1, theo thứ tự trong văn bản; null: không có nội dung), "attachment_name" (như
       đã ghi), "content_id", "content_type", "file_name", "path", "renamed": bool,
       "written_bytes", "content_bytes", "content_kind", "content_sha256", "wrapping",
       "status": "whole"|"warning"|"damaged"|"no_content",
       "problems": [{"{"}"severity": "damaged"|"warning", "code", "message", "message_vi"{"}"}],
       "payload": {"{"}PayloadSummary của thư viện{"}"}{"}"}],
       "counts": {"{"}"attachments", "written", "whole", "with_warnings", "damaged", "not_written"{"}"}{"}"}
    Khi có lỗi: {"{"}"error": {"{"}"code", "message", "message_vi", "location"{"}"}, "written": [{"{"}"path",
    "bytes", "complete"{"}"}]{"}"} (các tệp đã ghi trước khi lỗi).
help-egov-edxml-extract--file = Gói tin (.edxml), hoặc `-` để đọc từ đầu vào chuẩn
help-egov-edxml-extract--out = Thư mục để ghi các tệp đính kèm (tạo mới nếu chưa có)
help-egov-edxml-extract--raw = Giữ lớp bọc ZIP: ghi đúng các byte đã truyền

## egov edxml build

help-egov-edxml-build = Dựng gói tin hoặc thông điệp trạng thái từ bản mô tả JSON hoặc TOML và các tệp, theo bố cục của bộ dựng gói tin của VNPT
help-egov-edxml-build--description = Bản mô tả: tệp JSON hoặc TOML (theo phần mở rộng; nếu không thì JSON) của thông điệp `edoc` hoặc `status` như `message` mà `egov edxml show --json` in ra, trong đó mỗi tệp đính kèm có thể chỉ ra nội dung bằng `"file": "PATH"` (đường dẫn tương đối so với bản mô tả)
help-egov-edxml-build--out = Nơi ghi gói tin
help-egov-edxml-build--attach = Các tệp nội dung đính kèm, theo thứ tự tệp đính kèm trong bản mô tả (thay cho các khóa `"file"`); cũng có thể dựng danh sách tệp đính kèm chỉ từ các tệp này
help-egov-edxml-build--eol = Ký tự xuống dòng: crlf (như bộ dựng của VNPT, mặc định; `\r\n`) hoặc lf (`\n`)
help-egov-edxml-build--raw = Mang tệp đính kèm nguyên dạng thay vì nén ZIP như bộ JAR của VNPT
help-egov-edxml-build--force = Ghi đè TỆP_GHI_RA nếu đã có

## egov edxml status

help-egov-edxml-status = Dựng thông điệp trạng thái trả lời một gói tin (01…06, 13, 15, 16; DOC-29/30)
help-egov-edxml-status--package = Gói tin được trả lời (các trường `From`, `Code`, `PromulgationDate` và `DocumentId` của nó điền vào `ResponseFor`)
help-egov-edxml-status--code = Mã trạng thái: 01 đã đến, 02 từ chối, 03 tiếp nhận, 04 phân công, 05 đang xử lý, 06 hoàn thành, 13 lấy lại (do bên gửi), 15/16 đồng ý/từ chối lấy lại; hoặc tên của mã («từ chối tiếp nhận»), hoặc trạng thái mà mã báo («đã tiếp nhận»)
help-egov-edxml-status--from = Cơ quan báo trạng thái (mặc định: `To` đầu tiên của gói tin; với mã 13: `From` của gói tin)
help-egov-edxml-status--from_name = Tên của cơ quan đó
help-egov-edxml-status--description = Mô tả: bắt buộc với mã 02 (lý do từ chối, khoản 4 Điều 5); mặc định là câu chữ chuẩn của mã. Viết --reason cũng được, như `egov status apply`
help-egov-edxml-status--department = Văn thư: phòng, ban
help-egov-edxml-status--staff = Văn thư: họ tên
help-egov-edxml-status--at = Thời điểm (ISO 8601; mặc định: lúc này)
help-egov-edxml-status--out = Nơi ghi thông điệp trạng thái
help-egov-edxml-status--eol = Ký tự xuống dòng: crlf (`\r\n`) hoặc lf (`\n`)
help-egov-edxml-status--force = Ghi đè TỆP_GHI_RA nếu đã có

## egov edxml sign

help-egov-edxml-sign = Ký số gói tin (XMLDSig, dạng enveloped; RSA-SHA256 hoặc ECDSA; khóa trong tệp PKCS#12, tệp PEM hoặc trên thiết bị ký PKCS#11; DOC-18)
help-egov-edxml-sign--package = Gói tin cần ký
help-egov-edxml-sign--p12 = Khóa và chuỗi chứng thư chữ ký số của người ký trong tệp PKCS#12 (.p12/.pfx); mật khẩu lấy từ --password-env hoặc --password-file (không bao giờ ghi trên dòng lệnh)
help-egov-edxml-sign--password_env = Biến môi trường chứa mật khẩu PKCS#12
help-egov-edxml-sign--password_file = Tệp chứa mật khẩu PKCS#12 (bỏ qua một dấu xuống dòng ở cuối)
help-egov-edxml-sign--key = Khóa bí mật PKCS#8 (PEM) của người ký, RSA hoặc ECDSA P-256/P-384, dùng cùng --cert
help-egov-edxml-sign--cert = Chứng thư chữ ký số của người ký, rồi các chứng thư trung gian (PEM); dùng cùng --key hoặc --signer-command, hoặc cùng --pkcs11-module thay cho chứng thư lưu trên thiết bị ký
help-egov-edxml-sign--pkcs11_module = Mô-đun PKCS#11 của hãng cung cấp thiết bị ký (USB token hoặc HSM: khóa không bao giờ rời thiết bị), dùng cùng --pin-env
help-egov-edxml-sign--token = Nhãn của thiết bị ký (mặc định: thiết bị duy nhất đang cắm)
help-egov-edxml-sign--slot = Số hiệu khe (slot id) của thiết bị ký
help-egov-edxml-sign--key_label = Nhãn của khóa bí mật trên thiết bị ký (mặc định: khóa duy nhất trên thiết bị)
help-egov-edxml-sign--key_id = Mã của khóa bí mật trên thiết bị ký (CKA_ID), dạng hex
help-egov-edxml-sign--pin_env = Biến môi trường chứa mã PIN người dùng của thiết bị ký (để trống nếu nhập PIN trên bàn phím của thiết bị)
help-egov-edxml-sign--signer_command = Lệnh thực hiện thao tác ký bằng khóa bí mật (phần mềm khách của dịch vụ ký số từ xa, công cụ của HSM): chạy bằng `sh -c`, dữ liệu cần ký ở đầu vào chuẩn, chữ ký ở đầu ra chuẩn (RSA: PKCS#1 v1.5; ECDSA: r‖s thô hoặc DER), dùng cùng --cert; ví dụ `openssl dgst -sha256 -sign khoa.pem`
help-egov-edxml-sign--signer_algorithm = Thuật toán ký của --signer-command: rsa-sha256 (RSA PKCS#1 v1.5 với SHA-256; mặc định), rsa-sha384, rsa-sha512 (RSA PKCS#1 v1.5 với SHA-384, SHA-512), ecdsa-p256-sha256 (ECDSA trên đường cong P-256 với SHA-256) hoặc ecdsa-p384-sha384 (ECDSA trên P-384 với SHA-384)
help-egov-edxml-sign--legacy_rsa_sha1 = Ký RSA-SHA1 với mã băm SHA-1, cho nơi nhận không chấp nhận thuật toán nào khác (thuật toán cũ, yếu; `egov edxml verify` sẽ cảnh báo). Chỉ dùng với khóa trên thiết bị ký (--pkcs11-module): khóa egov giữ trong bộ nhớ không bao giờ ký bằng SHA-1
help-egov-edxml-sign--c14n = Chuẩn hóa XML: exclusive (C14N 1.0 loại trừ, mặc định) hoặc inclusive (C14N 1.0 bao hàm)
help-egov-edxml-sign--out = Nơi ghi gói tin đã ký
help-egov-edxml-sign--force = Ghi đè TỆP_GHI_RA nếu đã có

## egov edxml verify

help-egov-edxml-verify = Xác minh chữ ký số của gói tin theo chứng thư gốc tin cậy (DOC-18)
help-egov-edxml-verify--package = Gói tin đã ký
help-egov-edxml-verify--anchors = Chứng thư gốc tin cậy (chứng thư gốc PEM, người dùng tự lấy từ cơ quan cấp); không có chúng, chữ ký vẫn được xác minh nhưng bên cấp chứng thư thì không
help-egov-edxml-verify--at = Thời điểm chứng thư phải còn hiệu lực (ISO 8601; mặc định: thời gian ký của gói tin)

## egov status

help-egov-status = Trạng thái xử lý của văn bản điện tử đã nhận (khoản 4 Điều 5, Điều 8, Điều 9, điểm h khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg): bảng chuyển trạng thái, áp dụng một sự kiện, StatusCode của edXML (DOC-11, 22, 27…30)

## egov status transitions

help-egov-status-transitions = Bảng chuyển trạng thái, hoặc các sự kiện được phép từ một trạng thái
help-egov-status-transitions--status = Một trạng thái (`accepted`, «đã tiếp nhận», `da tiep nhan`, …); bỏ trống để xem cả bảng

## egov status apply

help-egov-status-apply = Áp dụng một sự kiện cho một trạng thái: trạng thái mới, thông báo phải gửi cho bên kia và căn cứ pháp lý; chuyển trạng thái mà bảng không có cho mã thoát 1 và nêu quy tắc
help-egov-status-apply--status = Trạng thái hiện tại (`arrived`, «đã đến», …)
help-egov-status-apply--event = Sự kiện: tên tiếng Việt, có dấu hoặc không («tiếp nhận», «từ chối nhận», «chuyển xử lý», «bắt đầu xử lý», «hoàn thành xử lý», «thu hồi», «xác nhận đã hủy bỏ»), hoặc mã của nó (`accept`, `reject`, `forward`, `start_processing`, `complete`, `recall`, `confirm_cancellation`)
help-egov-status-apply--reason = Lý do: bắt buộc khi từ chối (DOC-29, khoản 4 Điều 5), không bắt buộc khi lấy lại
help-egov-status-apply--at = Thời điểm xảy ra sự kiện (ISO 8601; không ghi múi giờ: giờ Việt Nam). Mặc định: lúc này

## egov status edxml-code

help-egov-status-edxml-code = Một StatusCode của edXML (01…06, 13, 15, 16) cùng trạng thái và sự kiện của nó, hoặc mã của một trạng thái
help-egov-status-edxml-code--code_or_status = Một mã (`03`), tên của mã («đồng ý cập nhật, lấy lại») hoặc một trạng thái (`accepted`, «đã tiếp nhận»)

## egov urgency

help-egov-urgency = Độ khẩn (điểm k khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg; DOC-12): khẩn, thượng khẩn, hỏa tốc, viết kiểu nào cũng được, hoặc mã Priority của edXML
help-egov-urgency--text = Độ khẩn như đã ghi: `khẩn`, `thượng khẩn`, `hỏa tốc`, `hoa toc`, `thường`, `urgent`, …
help-egov-urgency--edxml_priority = Đọc mã `Priority` của edXML (0…4)

## egov legal-value

help-egov-legal-value = Giá trị pháp lý của văn bản điện tử (Điều 4 QĐ 28/2018/QĐ-TTg; DOC-14): có giá trị như văn bản giấy hay chỉ để tham khảo
help-egov-legal-value--long = Giá trị pháp lý của văn bản điện tử (Điều 4 QĐ 28/2018/QĐ-TTg; DOC-14): có giá trị như văn bản giấy hay chỉ để tham khảo.
    
    Mã thoát 1 khi Điều 4 không đủ để kết luận (văn bản không được gửi qua hệ thống quản lý văn bản).
help-egov-legal-value--digitally_signed = Đã ký số theo quy định: yes (có) hoặc no (không)
help-egov-legal-value--via_system = Được gửi, nhận qua hệ thống quản lý văn bản và điều hành: yes (có) hoặc no (không)

## egov paper-copy

help-egov-paper-copy = Có phải gửi kèm văn bản giấy cùng văn bản điện tử không? (khoản 3 Điều 5, khoản 2 Điều 7 QĐ 28/2018/QĐ-TTg; DOC-17); với --issued, đánh giá việc đã làm
help-egov-paper-copy--document_type = Loại văn bản (`Tờ trình`, `Công văn`, …), đối chiếu với danh mục của cơ quan
help-egov-paper-copy--legal_value = Giá trị pháp lý của văn bản điện tử (xem `egov legal-value`): lời của Điều 4, có dấu hoặc không («tương đương văn bản giấy», «để biết, tham khảo»), hoặc mã của nó (`equivalent_to_paper`, `reference_only`)
help-egov-paper-copy--to_government = Văn bản gửi Chính phủ, Thủ tướng Chính phủ theo Quy chế làm việc của Chính phủ (điểm a khoản 2 Điều 7); bạn xác nhận điều này
help-egov-paper-copy--policy = Danh mục loại văn bản phải gửi kèm văn bản giấy do người đứng đầu cơ quan quy định (điểm b khoản 2 Điều 7), dạng JSON: {"{"}"list_source": "…", "listed_document_types": ["…"]{"}"}, hoặc TOML với tệp .toml
help-egov-paper-copy--listed = Một loại văn bản có trong danh mục đó (dùng nhiều lần được; thêm vào danh mục của --policy)
help-egov-paper-copy--issued = Đã phát hành văn bản giấy hay chưa: đánh giá việc đó theo kết luận (mã thoát 1 nếu làm sai)

## egov config

help-egov-config = Các thiết lập đang có hiệu lực (egov.toml và các biến EGOV_*) và nguồn của từng thiết lập

## egov batch

help-egov-batch = Chạy một lệnh kiểm tra trên một thư mục, một mẫu glob hoặc một danh sách @DANH_SÁCH, lập một báo cáo chung (bảng, CSV, JSON Lines hoặc HTML); mã thoát là mã của đầu vào kém nhất
help-egov-batch--format = Định dạng báo cáo: table (các cột thẳng hàng cho cửa sổ dòng lệnh, kèm dòng tổng hợp), csv (giá trị ngăn cách bởi dấu phẩy, RFC 4180, mỗi đầu vào một dòng), jsonl (JSON Lines: mỗi đầu vào một đối tượng, cuối cùng là một đối tượng tổng hợp), html (một trang HTML khép kín). Mặc định: theo phần mở rộng của --out, nếu không thì bảng
help-egov-batch--out = Ghi báo cáo vào TỆP (.csv, .jsonl, .html) thay cho đầu ra chuẩn
help-egov-batch--force = Ghi đè tệp --out nếu đã có
help-egov-batch--recursive = Đi vào các thư mục con của thư mục đầu vào
help-egov-batch--command = Lệnh chạy cho từng đầu vào, với một đối số đầu vào là @DANH_SÁCH, một mẫu glob hoặc một thư mục, ví dụ `edxml check hop-thu-den/` hoặc `code @danh-sach-ma.txt`

## egov template

help-egov-template = Tệp đầu vào mẫu có chú thích (metadata, calendar, trust-request, platform-history, edxml-build, kpi-observations, registry, checklist-evidence), dạng TOML
help-egov-template--kind = metadata, calendar, trust-request, platform-history, edxml-build, kpi-observations, registry hoặc checklist-evidence. Bỏ trống: in danh sách
help-egov-template--checklist = Với checklist-evidence: danh mục kiểm tra (`egov checklist list`; giống `egov checklist template MÃ`)
help-egov-template--out = Ghi tệp mẫu vào TỆP thay cho đầu ra chuẩn
help-egov-template--force = Ghi đè TỆP nếu đã có

## egov schema

help-egov-schema = JSON Schema của các đầu vào và kết quả `--json` của egov (schemas/): một schema, danh sách, hoặc ghi tất cả vào một thư mục
help-egov-schema--name = Tên schema: `input/metadata`, `output/code`, … hoặc chỉ tên khi chỉ một phía có schema đó (`metadata` là đầu vào). Bỏ trống: in danh sách
help-egov-schema--all = Ghi mọi schema vào THƯ_MỤC (`THƯ_MỤC/input/…`, `THƯ_MỤC/output/…`, `THƯ_MỤC/README.md`)
help-egov-schema--force = Cùng --all: ghi đè các tệp đã có

## egov completions

help-egov-completions = Tập lệnh tự hoàn thành lệnh cho bash, zsh, fish, PowerShell hoặc Elvish, in ra đầu ra chuẩn
help-egov-completions--shell = Shell: bash, zsh, fish, powershell hoặc elvish

## egov man

help-egov-man = Trang hướng dẫn (man) dạng roff: trang của `egov` in ra đầu ra chuẩn, hoặc mỗi lệnh (lệnh con) một trang trong --out THƯ_MỤC
help-egov-man--out = Ghi `egov.1` và mỗi lệnh con một trang (`egov-edxml-check.1`, …) vào thư mục này (tạo mới nếu chưa có) thay vì in `egov.1` ra đầu ra chuẩn

# Tên giá trị trong trợ giúp (<DATE> → <NGÀY>): value-<tên clap>. Tên không có ở đây giữ nguyên.
value-ADDRESSES = ĐỊA_CHỈ
value-AGENCY = CƠ_QUAN
value-AGENCY_CODE = MÃ_CƠ_QUAN
value-ALGORITHM = THUẬT_TOÁN
value-ANCHORS = CHỨNG_THƯ_GỐC
value-AS_OF = NGÀY_XÉT
value-AT = THỜI_ĐIỂM
value-ATTEST = MINH_CHỨNG
value-BLOCKLIST = DANH_SÁCH_CHẶN
value-BLOCKLIST_FETCHED_AT = NGÀY_TẢI_DANH_SÁCH_CHẶN
value-BLOCKLIST_SOURCE = NGUỒN_DANH_SÁCH_CHẶN
value-CALENDAR = LỊCH
value-CERT = CHỨNG_THƯ
value-CHAIN = CHUỖI_CHỨNG_THƯ
value-CIPHER = BỘ_MẬT_MÃ
value-CLASS = LOẠI_CHỦ_QUẢN
value-CODE = MÃ
value-CODE_OR_STATUS = MÃ_HOẶC_TRẠNG_THÁI
value-COMMAND = LỆNH
value-CONTACT = LIÊN_HỆ
value-CONTENT = NỘI_DUNG
value-CONVERTER = NGƯỜI_CHUYỂN_ĐỔI
value-COPY_FORM = HÌNH_THỨC_SAO
value-DATE = NGÀY
value-DAYS = SỐ_NGÀY
value-DECREE_EFFECTIVE = NGÀY_HIỆU_LỰC
value-DEPARTMENT = PHÒNG_BAN
value-DESCRIPTION = MÔ_TẢ
value-DIR = THƯ_MỤC
value-DIRECTION = CHIỀU
value-ENTRY = MỤC
value-ENTRY_OUT = TỆP_MỤC
value-EOL = XUỐNG_DÒNG
value-EVENT = SỰ_KIỆN
value-EVENTS = TỆP_SỰ_KIỆN
value-EVIDENCE = MINH_CHỨNG
value-FIELD = TRƯỜNG
value-FILE = TỆP
value-FIRST_CLASSIFIED = NGÀY_XẾP_LOẠI_ĐẦU
value-FORMAT = ĐỊNH_DẠNG
value-FROM = TỪ_TỆP
value-FROM_NAME = TÊN_NƠI_GỬI
value-HOLDER = NGƯỜI_GIỮ_KHÓA
value-HOST = MÁY_CHỦ
value-ID = MÃ
value-IMAGE = ẢNH
value-IMAGES = ẢNH
value-INPUT = TỆP
value-ISSUER = ĐƠN_VỊ_VẬN_HÀNH
value-ISSUER_CODE = MÃ_NƠI_BAN_HÀNH
value-KEY = KHÓA
value-KEY_ID = MÃ_KHÓA
value-KIND = LOẠI
value-LABEL = NHÃN
value-LARGE_BP = NGƯỠNG_LỚN
value-LEGAL_VALUE = GIÁ_TRỊ_PHÁP_LÝ
value-LIST = DANH_SÁCH
value-LISTS = DANH_SÁCH
value-LOCATION = ĐỊA_ĐIỂM
value-LOOKUP_URL = URL_TRA_CỨU
value-MAPPING = ÁNH_XẠ_CỘT
value-MARGIN_MM = LỀ_MM
value-MODE = CÁCH_GHI
value-MODULE = MÔ_ĐUN
value-MODULE_MM = Ô_MM
value-MONTHLY = SỐ_THEO_THÁNG
value-MORNING_END = HẾT_BUỔI_SÁNG
value-NAME = TÊN
value-NAME_KIND = TÊN=LOẠI
value-NOW = THỜI_ĐIỂM_XÉT
value-NUMBER = SỐ
value-OPERATING_SINCE = NGÀY_BẮT_ĐẦU
value-ORGAN_ID = MÃ_CƠ_QUAN
value-OUT = TỆP_GHI_RA
value-OWNER = CHỦ_QUẢN
value-PACKAGE = GÓI
value-PAGE = TRANG
value-PAGE_URL = URL_TRANG
value-PARTIALS = KẾT_QUẢ_TỪNG_PHẦN
value-PAYLOAD_OUT = TỆP_DỮ_LIỆU_DẤU
value-PIN = KHÓA_GHIM
value-POLICY = CHÍNH_SÁCH
value-POPULATION = DÂN_SỐ
value-POPULATION_DATE = NGÀY_SỐ_LIỆU_DÂN_SỐ
value-POPULATION_PUBLISHER = NƠI_CÔNG_BỐ_DÂN_SỐ
value-POPULATION_REFERENCE = VĂN_BẢN_DÂN_SỐ
value-POSITION = VỊ_TRÍ
value-PROFILE = LOẠI_DẤU
value-PUBLIC_KEY = KHÓA_CÔNG_KHAI
value-REASON = LÝ_DO
value-REGISTRY = DANH_MỤC_MÃ
value-ROLE = VAI_TRÒ
value-ROOTS = CHỨNG_THƯ_GỐC
value-SEARCH = GIAO_DIỆN_TRA_CỨU
value-SENT = THỜI_ĐIỂM_GỬI
value-SHARDS = SỐ_PHÂN_ĐOẠN
value-SHEET = TRANG_TÍNH
value-SIGNED = THỜI_ĐIỂM_KÝ
value-SOURCE = NGUỒN
value-STAFF = VĂN_THƯ
value-STATUS = TRẠNG_THÁI
value-SYSTEM = HỆ_THỐNG
value-TEXT = VĂN_BẢN
value-TEXT_PT = CỠ_CHỮ_PT
value-TEXT_WIDTH_MM = RỘNG_CHỮ_MM
value-THREADS = SỐ_LUỒNG
value-TITLE = TIÊU_ĐỀ
value-TITLE_PT = CỠ_TIÊU_ĐỀ_PT
value-TLS_VERSION = PHIÊN_BẢN_TLS
value-TRUST = TẬP_KHÓA_TIN_CẬY
value-TRUST_LIST = DANH_SÁCH_TIN_CẬY
value-TRUST_OUT = TỆP_TẬP_KHÓA_TIN_CẬY
value-TYPE = LOẠI
value-UNIT = ĐƠN_VỊ
value-UNTIL = ĐẾN
value-URGENCY = ĐỘ_KHẨN
value-VALID_DAYS = SỐ_NGÀY_HIỆU_LỰC
value-VAR = BIẾN
value-VERY_LARGE_BP = NGƯỠNG_RẤT_LỚN
