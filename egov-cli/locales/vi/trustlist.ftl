# egov trustlist: danh sách tin cậy khóa ký ký hiệu chuyển đổi (tiếng Việt).
# Cùng mã, cùng thứ tự trong locales/en/.

trustlist-retired = khóa { $key_id } nghỉ sử dụng từ { $at }
trustlist-revoked = khóa { $key_id } bị thu hồi từ { $at } ({ $reason })
trustlist-now-plus-30 = không tính được thời điểm hiện tại cộng 30 ngày
trustlist-new = Đã tạo danh sách tin cậy của { $issuer } (chưa ký): { $path }
trustlist-not-entry = { $path }: không phải một mục của danh sách tin cậy (dòng { $line }, cột { $column })
trustlist-public-key-hex = --public-key phải gồm 64 chữ số thập lục phân
trustlist-usage-add = cần --key, --entry hoặc --public-key cùng --holder
trustlist-added = Đã thêm khóa { $key_id } của { $holder }
trustlist-resign = các chữ ký đã bị bỏ: ký lại bằng `egov trustlist sign`
trustlist-sign-first = danh sách chưa được ký: ký bằng `egov trustlist sign`
trustlist-valid-days = --valid-days quá lớn: không tính được ngày cập nhật tiếp theo
trustlist-issued = Đã phát hành và ký danh sách số { $sequence } (cập nhật tiếp theo trước { $next })
trustlist-cosigned = Đã ký thêm danh sách số { $sequence } ({ $signatures } chữ ký)
trustlist-key-active = đang dùng
trustlist-key-retired = nghỉ sử dụng từ { $at }
trustlist-key-revoked = THU HỒI từ { $at }: { $reason }
trustlist-role-mark-signer = ký ký hiệu chuyển đổi
trustlist-role-list-operator = ký danh sách tin cậy
trustlist-show =
    Danh sách tin cậy ({ $format })
    Đơn vị vận hành: { $issuer }
    Số thứ tự: { $sequence }
    Phát hành: { $issued }
    Cập nhật tiếp theo: { $next }
    Khóa: { $keys }
trustlist-period-until = từ { $from } đến { $until }
trustlist-period = từ { $from }
trustlist-unsigned = Chữ ký: chưa có (chưa ký)
trustlist-signatures = Chữ ký: { $ids }
trustlist-bad-pin = --pin { $pin }: không phải 64 chữ số thập lục phân, cũng không phải tệp khóa
trustlist-accepted = CHẤP NHẬN
trustlist-accepted-stale = CHẤP NHẬN, QUÁ HẠN CẬP NHẬT
trustlist-not-accepted = KHÔNG CHẤP NHẬN
trustlist-number = số { $sequence }
trustlist-via-pin = khóa được ghim { $key_id }
trustlist-via-operator = đơn vị vận hành danh sách { $operator } của { $issuer }
trustlist-keys-vouched = Khóa ký ký hiệu được tin cậy: { $count }
