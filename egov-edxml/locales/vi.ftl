# egov-edxml: thông báo lỗi bằng tiếng Việt, theo mã lỗi (dấu chấm viết thành gạch nối), CORE-06.
# Egov-edxml: Vietnamese error messages, by error code ("." written "-"). English is each error's Display.

# xml.rs: đọc XML của gói tin edXML
edxml-malformed = XML không đúng cú pháp tại { $at }: { $message }
edxml-doctype = từ chối khai báo DOCTYPE tại { $at }: gói tin edXML không có kiểu tài liệu; không cho phép thực thể ngoài và mở rộng thực thể
edxml-limit = vượt giới hạn { $what } ({ $limit }) tại { $at }
edxml-io = lỗi đọc/ghi tại { $at }: { $source }

# read.rs: đọc gói tin edXML
edxml-not_edxml = không phải gói tin edXML tại { $at }: { $reason }
io-open = không mở được { $path }: { $source }

# build.rs: tạo gói tin edXML
edxml-build-attachment_count = mô tả { $described } tệp đính kèm nhưng cung cấp { $given } nội dung
edxml-build-invalid_char = { $path } chứa ký tự U+{ $code }, XML 1.0 không cho phép
edxml-build-io = lỗi đọc/ghi khi tạo { $path }: { $source }
edxml-build-date = { $element }: { $reason }

# extract.rs: lấy tệp đính kèm ra thư mục
io-write = { $kind ->
        [dir] không tạo được thư mục { $path }: { $reason }
       *[file] không ghi được { $path }: { $reason }
    }

# dsig.rs: ký số gói tin edXML (XMLDSig)
dsig-sign-read = không đọc được gói tin để ký: { $reason }
dsig-sign-already_signed = gói tin edXML đã có chữ ký số (đã có phần tử Signature của XMLDSig)
dsig-sign-no_header = gói tin không có phần đầu edXMLHeader
dsig-sign-key = khóa hoặc chứng thư chữ ký số không dùng được: «{ $reason }»
dsig-sign-signer = bộ ký số báo lỗi: «{ $reason }»
dsig-sign-c14n = không chuẩn hóa (C14N) được nội dung cần ký: «{ $reason }»
dsig-sign-legacy_sha1 = { $algorithm } là thuật toán cũ, yếu (SHA-1): chỉ được dùng khi bật rõ tùy chọn cũ (legacy_sha1)
