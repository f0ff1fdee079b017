"""CORE-06: every egov error says what went wrong in Vietnamese as well as in English."""

from __future__ import annotations

import pytest

import egov


def test_core_06_exceptions_carry_the_vietnamese_message() -> None:
    with pytest.raises(egov.AgencyCodeError) as e:
        egov.parse_agency_code("")
    assert e.value.code == "agency_code.empty"
    assert e.value.message_vi == "mã định danh cơ quan, tổ chức để trống"
    assert e.value.message == "agency code is empty" or e.value.message != e.value.message_vi
    with pytest.raises(egov.AgencyCodeError) as g:
        egov.parse_agency_code("000.00.G22")
    assert g.value.message_vi is not None and "có 3 nhóm" in g.value.message_vi
    # The binding's own errors are English only.
    err = egov.EgovError("ffi.null_argument", "argument 'x' is NULL")
    assert err.message_vi is None
