"""Writes catalogue-province.xlsx: an agency catalogue laid out as provincial exports are
(a title row above the table, an STT column, Vietnamese headers, dates as real date cells and
as text, levels as numbers). Illustrative data, not a published catalogue.

    python3 -m venv /tmp/xl && /tmp/xl/bin/pip install openpyxl==3.1.5
    /tmp/xl/bin/python testdata/registry/make_catalogue_xlsx.py
"""
import datetime
import pathlib

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Danh mục"
ws.append(["DANH MỤC MÃ ĐỊNH DANH CÁC CƠ QUAN, ĐƠN VỊ (minh họa, không phải danh mục đã công bố)"])
ws.merge_cells("A1:H1")
ws.append([])
ws.append(["STT", "Mã định danh", "Tên cơ quan, đơn vị", "Cấp", "Đơn vị cấp trên",
           "Ngày hiệu lực", "Ngày hết hiệu lực", "Mã thay thế"])
ws.append([1, "000.00.00.H10", "UBND tỉnh Bình Dương", 1, None, None,
           datetime.date(2025, 6, 30), "000.00.00.H29"])
ws.append([2, "000.00.00.H29", "UBND Thành phố Hồ Chí Minh", 1, None, None, None, None])
ws.append([3, "000.00.31.H29", "Sở Tư pháp", 2, "000.00.00.H29", "01/07/2025", None, None])
ws.append([4, "000.00.32.H29", "Sở Y tế", 2, "000.00.00.H29", datetime.date(2025, 7, 1), None, None])
ws.append([5, "000.00.33", "Sở thiếu nhóm mã", 2, None, None, None, None])
other = wb.create_sheet("Ghi chú")
other.append(["Tệp minh họa cho egov registry import"])
path = pathlib.Path(__file__).with_name("catalogue-province.xlsx")
wb.save(path)
print(path)
