# egov mark_pdf_scans (tiếng Việt). Cùng mã, cùng thứ tự trong locales/en/.

mark-pdf-scans-key-is-the-mark-s = {" "}(--key là khóa ký ký hiệu do `egov keygen` tạo; khóa PEM của cơ quan sao dùng --agency-key cùng --cert)
mark-pdf-scans-assume-dpi-reason = --assume-dpi { $v1 }: ngoài khoảng 50–2400 dpi
mark-pdf-scans-agency-the-copying-agency-s = --agency: cần tên cơ quan, tổ chức sao (in trong chữ ký số của bản sao)
mark-pdf-scans-v1-v2-format-v3-v4 = {"  "}{ $v1 }. { $v2 } · { $format } · { $v3 } × { $v4 } điểm ảnh · { $dpi } · { $colour }
mark-pdf-scans-made-the-electronic-copy-of =
    Đã lập bản sao điện tử từ { $v1 } tệp ảnh quét → { $v2 }
    Định dạng: { $v3 } · { $v4 } trang
    Trang:
mark-pdf-scans-checks-of-the-electronic-copy = Kiểm tra định dạng bản sao điện tử (NĐ 30/2020 Phụ lục I) và ký hiệu chuyển đổi:
mark-pdf-scans-payload-written-to-v1 = {"  "}Đã ghi dữ liệu ký hiệu vào { $v1 }
mark-pdf-scans-the-copying-agency-s-signature = Chữ ký số của cơ quan sao ({ $v1 }): trường «{ $v2 }» · hiển thị ở { $corner } trang 1 · phủ cả ký hiệu chuyển đổi
mark-pdf-scans-signer-v1 = Người ký: { $v1 }
mark-pdf-scans-reason = Lý do ký: { $reason }
mark-pdf-scans-location = Địa điểm ký: { $location }
mark-pdf-scans-copy-written-v1-v2-bytes = Tệp bản sao: { $v1 } ({ $v2 } byte: bản PDF/A { $v3 } byte, rồi hai bản cập nhật gia tăng: ký hiệu, chữ ký)
mark-pdf-scans-conversion-mark-paper-data-message =
    Ký hiệu chuyển đổi giấy → thông điệp dữ liệu (Điều 4 NĐ 137/2024/NĐ-CP): trang { $v1 } · vị trí: { $place } · khung x { $v2 }; y { $v3 }; rộng { $v4 }; cao { $v5 } pt · { $v6 }
    {"  "}Khối ký hiệu: { $v7 } × { $v8 } mm · mã QR phiên bản { $v9 }, cạnh { $v10 } mm kể cả vùng trắng
    {"  "}Dữ liệu ký hiệu ký trên bản PDF/A trước khi đóng dấu: { $v11 } byte · SHA-256 { $v12 }
    {"  "}Mã khóa ký ký hiệu: { $v13 }
    {"  "}Dữ liệu ký hiệu (payload, cũng ghi trong XMP): { $v14 }
    {"  "}Dòng chữ in cạnh mã QR:
mark-pdf-scans-format-jpeg = JPEG (giữ nguyên dữ liệu ảnh)
mark-pdf-scans-dpi-stated = { $dpi } dpi (ghi trong ảnh)
mark-pdf-scans-dpi-assumed = { $dpi } dpi (giả định: ảnh không ghi độ phân giải, --assume-dpi)
mark-pdf-scans-colour = màu
mark-pdf-scans-grey = đen trắng hoặc thang xám
mark-pdf-scans-result-conforming = Kết quả: ĐẠT — bản sao điện tử đúng định dạng (NĐ 30/2020 Phụ lục I), đã đóng ký hiệu chuyển đổi và ký số
mark-pdf-scans-result-not-conforming = Kết quả: KHÔNG ĐẠT — tệp { $file } đã được ghi để xem lại, nhưng không phải bản sao điện tử đúng định dạng (xem các dòng KHÔNG ĐẠT ở trên; NĐ 30/2020 Phụ lục I: quét màu, từ 200 dpi trở lên); quét lại rồi lập lại bản sao. Mã thoát 1
