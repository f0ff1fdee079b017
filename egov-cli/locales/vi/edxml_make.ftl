# egov edxml build / status / sign / verify (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/.

edxml-make-description = tệp mô tả
edxml-make-package = gói tin
edxml-make-anchors = tệp chứng thư gốc tin cậy
edxml-make-cannot-read = không đọc được { $what } { $path }: { $reason }
edxml-make-cannot-write = không ghi được { $path }: { $reason }
edxml-make-exists = { $path } đã có (dùng --force để thay)
edxml-make-not-utf8 = { $path } không phải văn bản UTF-8
edxml-make-not-toml = { $path } không phải tệp mô tả TOML hợp lệ: { $detail }
edxml-make-not-json = { $path } không phải tệp mô tả JSON hợp lệ (dòng { $line }, cột { $column })
edxml-make-file-not-path = attachments[{ $index }].file phải là một đường dẫn
edxml-make-attachment-count = tệp mô tả có { $attachments } tệp đính kèm nhưng có { $files } tệp nội dung (khóa "file" hoặc --attach)
edxml-make-cannot-read-attachment = không đọc được tệp đính kèm { $path }: { $reason }
edxml-make-date-rewritten = egov: ghi chú: { $element } «{ $given }» được ghi theo dạng của edXML: «{ $written }»
edxml-make-built =
    Đã tạo { $path } ({ $kind }, { $bytes } byte, SHA-256 { $sha256 }{ $attachments ->
        [0] {""}
       *[other] , { $attachments } tệp đính kèm
    }).
    Kiểm tra gói tin: egov edxml check { $path }
edxml-make-not-edoc = thông điệp trạng thái trả lời một gói tin văn bản (edoc), không trả lời một thông điệp trạng thái khác
edxml-make-reason-required = từ chối (02) phải nêu lý do (khoản 4 Điều 5 QĐ 28/2018/QĐ-TTg, DOC-29): cần --reason «lý do» (hay --description)
edxml-make-no-from = gói tin không nêu cơ quan nào để báo trạng thái: cần --from
edxml-make-no-document-id = (không có DocumentId)
edxml-make-status-built = Đã tạo thông báo trạng thái { $code } «{ $name }» cho văn bản { $document_id }: { $path } ({ $bytes } byte).
edxml-make-legacy-sha1 = Cảnh báo: RSA-SHA1 và SHA-1 là thuật toán cũ, yếu; chữ ký này chỉ dành cho nơi nhận không chấp nhận thuật toán nào khác.
edxml-make-signed = Đã ký số { $package } ({ $algorithm }): { $path } ({ $bytes } byte).
edxml-make-signer = Người ký: { $subject } — cấp bởi { $issuer } (hiệu lực từ { $from } đến { $until })
