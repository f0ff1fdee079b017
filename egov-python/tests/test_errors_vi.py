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
    # An error made by hand has no Vietnamese unless given one.
    err = egov.EgovError("ffi.null_argument", "argument 'x' is NULL")
    assert err.message_vi is None


def test_core_06_the_binding_s_own_errors_say_it_in_vietnamese_too() -> None:
    with pytest.raises(egov.EgovError) as e:
        egov.call("agency.nope", {})
    assert e.value.code == "ffi.unknown_operation"
    assert e.value.message == "unknown operation 'agency.nope'"
    assert e.value.message_vi == "không có thao tác «agency.nope»"
    with pytest.raises(egov.EgovError) as m:
        egov.call("agency.parse", {})
    assert m.value.code == "ffi.invalid_arguments"
    assert m.value.message_vi == "thiếu đối số «code»"
    with pytest.raises(egov.EgovError) as d:
        egov.declare_trust({}, lang="de")
    assert d.value.code == "trust.lang"
    assert d.value.message_vi == "ngôn ngữ phải là vi hoặc en, không phải «de»"


def test_core_06_what_serde_found_wrong_is_said_in_vietnamese() -> None:
    with pytest.raises(egov.InvalidArgumentError) as m:
        egov.classify_platform(monthly=[{"month": "2025-01"}], date="2026-01-15",
                               population=100_000_000)
    assert m.value.message_vi == "đối số «monthly» không hợp lệ (thiếu trường «active_users»)"
    with pytest.raises(egov.CalendarError) as c:
        egov.Calendar.from_json('{"name": "x"}')
    assert c.value.message_vi == (
        "bảng lịch làm việc không đúng định dạng (dòng 1, cột 13: thiếu trường «weekly_rest_days»)")
    assert "missing" not in c.value.message_vi
