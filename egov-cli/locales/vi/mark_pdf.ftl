# egov mark pdf stamp / verify (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/.

mark-pdf-cannot-what-en-v1-e = không { $what_vi } được { $v1 }: { $e }
mark-pdf-v1-exists-already-use-force = { $v1 } đã có; không ghi đè nếu không có --force
mark-pdf-asked-the-v1 = { $asked } → { $v1 }
mark-pdf-stamped-a-conversion-mark-direction =
    Đã đóng ký hiệu chuyển đổi { $direction } lên { $v1 } → { $v2 }
    Cách ghi: { $mode }; cập nhật gia tăng, { $v3 } byte gốc giữ nguyên ở đầu tệp; tệp mới { $v4 } byte
    Trang: { $v5 } · vị trí: { $place } · khung x { $v6 }; y { $v7 }; rộng { $v8 }; cao { $v9 } pt (tọa độ trang PDF)
    Khối ký hiệu: { $v10 } × { $v11 } mm · mã QR phiên bản { $v12 }, mức { $v13 }, { $v14 } × { $v14 } ô, cạnh { $v15 } mm kể cả vùng trắng, ô { $v16 } mm
    Bản gốc: { $v3 } byte · SHA-256 { $original_sha }
    Mã khóa ký: { $v17 }
    Dữ liệu ký hiệu (payload, cũng ghi trong XMP): { $v18 }
mark-pdf-payload-written-to-v1 = Đã ghi dữ liệu ký hiệu vào { $v1 }
mark-pdf-lines-printed-beside-the-qr = Dòng chữ in cạnh mã QR:
mark-pdf-trust-ladder-reached-v1 = Bậc xác thực đạt được: { $v1 }
mark-pdf-failed-at-step-v1-v2 = Dừng ở bước { $v1 } [{ $v2 }]: { $v3 }
mark-pdf-signer-s-key-v1 = Người ký: { $s } (khóa { $v1 })
mark-pdf-not-compared = chưa đối chiếu được
mark-pdf-original-the-first-n-bytes = Bản gốc: { $n } byte đầu của tệp { $v1 } byte · SHA-256 { $sha } · khớp băm đã ký: { $m }
mark-pdf-original-not-determined-no-payload = Bản gốc: không xác định được (không có dữ liệu ký hiệu hoặc độ dài đã ký)
mark-pdf-revisions-appended-after-it-v1 = Phiên bản thêm sau bản gốc: { $v1 }
mark-pdf-v1-objects = , { $v1 } đối tượng
mark-pdf-v1-bytes-v2-v3-kind = {"  "}{ $v1 }. byte { $v2 }–{ $v3 }, { $kind }{ $objects }, /Prev { $v4 } · nối đúng về phiên bản trước: { $v5 }
mark-pdf-qr-code-printed-on-page = Mã QR in trên trang { $v1 } (kết xuất { $v2 } dpi): tìm thấy { $v3 } ký hiệu · khớp dữ liệu XMP: { $v4 } · { $v5 }
mark-pdf-printed-qr-code-not-checked = Mã QR in trên trang: không kiểm tra (--no-render)
mark-pdf-the-signed-mark-compare-it = Nội dung ký hiệu đã ký — đối chiếu với chữ in cạnh mã QR; chữ ký chỉ bảo đảm nội dung mã QR:
mark-pdf-usage-direction = --system, --owner, --url, --code, --search chỉ dùng với --direction data-to-paper (khoản 1 Điều 5 NĐ 137/2024/NĐ-CP)
mark-pdf-usage-source = chiều data-to-paper cần --system và --owner (điểm a khoản 1 Điều 5 NĐ 137/2024/NĐ-CP)
mark-pdf-usage-locator = cần --url, hoặc --code cùng --search (điểm b khoản 1 Điều 5 NĐ 137/2024/NĐ-CP)
mark-pdf-cannot-write = không ghi được { $path }: { $reason }
mark-pdf-corner-top-right = góc trên bên phải
mark-pdf-corner-top-left = góc trên bên trái
mark-pdf-corner-bottom-right = góc dưới bên phải
mark-pdf-corner-bottom-left = góc dưới bên trái
mark-pdf-place-auto = góc trống đầu tiên (tự động), cách mép { $margin } mm
mark-pdf-place-corner = { $corner }, cách mép { $margin } mm
mark-pdf-place-at = cách mép trái { $x } mm, mép trên { $y } mm
mark-pdf-mode-annotation = chú thích /Stamp (in được, người dùng có thể xóa)
mark-pdf-mode-content = nội dung trang (luôn được in)
mark-pdf-direction-data-to-paper = thông điệp dữ liệu → giấy (Điều 5 NĐ 137/2024/NĐ-CP)
mark-pdf-direction-paper-to-data = giấy → thông điệp dữ liệu (Điều 4 NĐ 137/2024/NĐ-CP)
mark-pdf-yes = có
mark-pdf-no = không
mark-pdf-verified = Kết quả: ĐÃ XÁC THỰC — { $file } (chữ ký, khóa tin cậy, bản gốc nguyên vẹn, mã QR in khớp XMP)
mark-pdf-not-verified = Kết quả: KHÔNG XÁC THỰC — { $file }
mark-pdf-xref-table = bảng xref
mark-pdf-xref-stream = luồng xref
mark-pdf-xref-unknown = xref không rõ
mark-pdf-hint-smaller-block = ; thử --text-width-mm, --title-pt, --text-pt nhỏ hơn hoặc lề nhỏ hơn
mark-pdf-hint-place-the-block = {" "}(--position, --x-mm/--y-mm, --text-width-mm)
