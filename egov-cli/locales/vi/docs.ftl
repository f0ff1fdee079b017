# Lời của các lệnh status, urgency, legal-value, paper-copy (tiếng Việt).
# Cùng mã, cùng thứ tự trong locales/en/docs.ftl.

docs-party-sender = Bên gửi
docs-party-receiver = Bên nhận
docs-legal-value-equivalent = có giá trị pháp lý tương đương văn bản giấy
docs-legal-value-reference = có giá trị để biết, tham khảo
docs-status-final = , trạng thái cuối
docs-status-events =
    Trạng thái xử lý: { $status }{ $is_final }
    Mã trạng thái edXML (StatusCode): { $code }
    Sự kiện được phép:
docs-transition-table = Sơ đồ chuyển trạng thái xử lý (QĐ 28/2018/QĐ-TTg):
docs-none = không có
docs-event-invalid = sự kiện «{ $event }» không hợp lệ: { $detail }
docs-apply =
    Trạng thái xử lý: { $from } → { $to }
    Sự kiện:          { $event }, lúc { $at }
    Căn cứ:           { $rule }, { $basis }
docs-notice =
    Thông báo:        { $from } → { $to } ({ $rule }, { $basis })
    {"  "}{ $message }
docs-edxml-code =
    Mã trạng thái edXML (StatusCode) { $code }: { $name }
      Trạng thái xử lý: { $status }
      Sự kiện:          { $event }
docs-no-state = — (không có trạng thái)
docs-no-event = — (không có sự kiện)
docs-not-urgent = không khẩn (thường)
docs-note = Ghi chú
docs-urgency =
    Độ khẩn:                      { $urgency }
    Mã độ khẩn edXML (Priority):  { $priority }
    Quy tắc:                      DOC-12, điểm k khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg
docs-legal-value = Giá trị pháp lý: { $value }
docs-legal-value-unsettled = không xác định theo Điều 4
docs-cannot-read = không đọc được { $path }: { $detail }
docs-paper-copy = Văn bản giấy: { $decision }
docs-paper-copy-required = phải gửi kèm
docs-paper-copy-none = không phát hành
docs-issued = Đã phát hành văn bản giấy: { $issued }
docs-yes = có
docs-no = không
