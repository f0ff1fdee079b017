"""The Pythonic surface: types in and out, exceptions, handles, one test per capability."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pathlib

import pytest

import egov

VN = dt.timezone(dt.timedelta(hours=7))
RECORD = {
    "agency_code": "000.00.00.G22",
    "document_id": "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT",
    "number": "7816/VPCP-TTĐT",
    "date": "2018-09-20",
    "doc_type": "Công văn",
    "summary": "V/v triển khai Trục liên thông văn bản quốc gia",
    "status": "đã đến",
    "signer": {"position": "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "full_name": "Nguyễn Văn A"},
    "sender": "000.00.00.G22",
    "receivers": ["000.00.00.H41"],
    "sent_at": "2018-09-20T14:05:00+07:00",
    "history": [{"at": "2018-09-20T14:05:00+07:00", "status": "đã đến"}],
}


def test_exception_hierarchy():
    for cls in (egov.AgencyCodeError, egov.DocumentNumberError, egov.TimeError,
                egov.StatusError, egov.MetadataError, egov.InvalidArgumentError):
        assert issubclass(cls, egov.EgovError)
    assert issubclass(egov.AgencyCodeError, ValueError)


def test_time_datetime_out_and_naive_refused():
    t = egov.parse_time("2026-02-16T17:00:00Z")
    assert t == dt.datetime(2026, 2, 17, 0, 0, tzinfo=VN)
    assert t.utcoffset() == dt.timedelta(hours=7)
    with pytest.raises(egov.TimeError) as e:
        egov.parse_time("2026-02-16T17:00:00")
    assert e.value.code == "time.missing_offset"
    assert egov.parse_time("2026-02-16T17:00:00", local=True).hour == 17


def test_calendar_handle_dates_in_and_out():
    cal = egov.Calendar.vietnam()
    assert "vn-public-sector" in cal.name
    assert not cal.is_working_day(dt.date(2026, 2, 17))
    assert cal.next_working_day(dt.date(2026, 2, 13)) == dt.date(2026, 2, 23)
    assert cal.add_working_days("2026-02-12", 3) == dt.date(2026, 2, 24)
    day = cal.day(dt.date(2026, 1, 10))
    assert day["is_working_day"] is True and day["date"] == dt.date(2026, 1, 10)
    own = egov.Calendar.from_json({"name": "mine", "weekly_rest_days": ["Sun"]})
    assert own.is_working_day(dt.date(2026, 3, 7))
    with pytest.raises(egov.CalendarError):
        egov.Calendar.from_json("{}")
    with pytest.raises(egov.InvalidArgumentError) as e:
        cal.is_working_day("17/02/2026")
    assert e.value.code == "date.invalid"
    with pytest.raises(TypeError):
        cal.is_working_day(dt.datetime(2026, 1, 1))
    with pytest.raises(egov.CalendarError) as e:  # past datetime.date's year 9999
        cal.add_working_days(dt.date(2026, 1, 1), 10_000_000)
    assert e.value.code == "calendar.overflow"


def test_core_02_calendar_says_which_years_are_only_projected():
    cal = egov.Calendar.vietnam()
    assert cal.day(dt.date(2026, 2, 17))["calendar_schedule"] == "announced"
    assert cal.day("2027-04-29")["calendar_schedule"] == "partly_announced"
    tet_2028 = cal.day(dt.date(2028, 1, 25))
    assert tet_2028["calendar_schedule"] == "projected"
    assert tet_2028["next_working_day"] == dt.date(2028, 1, 31)
    assert cal.day("2100-01-04")["calendar_schedule"] == "not_covered"
    d = egov.send_deadline(dt.datetime(2027, 12, 31, 16, 0, tzinfo=VN))["deadline"]
    assert d["next_working_day"] == dt.date(2028, 1, 4)
    assert d["calendar_schedule"] == "projected"


def test_agency_codes():
    r = egov.parse_agency_code("000.00.18.G12")
    assert (r["level"], r["parent"], r["root"]) == (2, "000.00.00.G12", "000.00.00.G12")
    assert [f["outcome"] for f in r["findings"]] == ["pass", "pass"]
    with pytest.raises(egov.AgencyCodeError) as e:
        egov.parse_agency_code("000.00.G22")
    assert e.value.code == "agency_code.group_count" and e.value.message
    assert egov.is_ancestor_of("000.00.00.G12", "000.00.18.G12")
    reg = "code,name_vi,valid_to,replaced_by\n000.00.00.H09,UBND tỉnh Bình Dương,2025-06-30,000.00.00.H29\n"
    r = egov.check_registry("000.00.00.H09", reg, dt.date(2025, 7, 1))
    assert r["status"]["status"] == "expired" and r["as_of"] == dt.date(2025, 7, 1)
    with pytest.raises(egov.RegistryError):
        egov.check_registry("000.00.00.H09", "nope\n", dt.date(2025, 7, 1))


def test_document_ids_numbers_urgency():
    d = egov.parse_document_id("000.00.00.G22,2018/09/20,7816/VPCP-TTĐT")
    assert d["promulgation_date"] == dt.date(2018, 9, 20)
    with pytest.raises(egov.DocumentIdError):
        egov.parse_document_id("x")
    n = egov.parse_document_number("28/2018/QĐ-TTg")
    assert (n["number"], n["year"], n["type_abbreviation"]) == (28, 2018, "QĐ")
    with pytest.raises(egov.DocumentNumberError) as e:
        egov.parse_document_number("28-QĐ")
    assert e.value.code == "doc_number.missing_slash"
    assert egov.parse_urgency("Hỏa tốc")["urgency"] == "hoa_toc"
    assert egov.parse_urgency("thường")["urgency"] is None
    with pytest.raises(egov.UrgencyError):
        egov.parse_urgency("gấp lắm")


def test_status_transitions_and_tracker():
    at = dt.datetime(2026, 3, 2, 9, 0, tzinfo=VN)
    t = egov.apply_status("đã đến", {"event": "reject", "reason": "Thiếu phụ lục"}, at)
    assert t["to"] == "rejected" and t["at"] == at
    with pytest.raises(egov.StatusError) as e:
        egov.apply_status("rejected", {"event": "accept"}, at)
    assert e.value.code == "status.forbidden_transition"
    assert egov.edxml_status("03")["code"] == "03"
    assert egov.apply_sender_step("draft", "approve") == {"status": "approved", "may_send": False}

    tr = egov.StatusTracker("000.00.00.H41", dt.datetime(2026, 3, 2, 8, 0, tzinfo=VN))
    tr.record({"event": "accept"}, dt.datetime(2026, 3, 2, 8, 30, tzinfo=VN))
    with pytest.raises(egov.StatusError) as e:
        tr.record({"event": "forward"}, dt.datetime(2026, 3, 2, 8, 10, tzinfo=VN))
    assert e.value.code == "status.out_of_order"
    assert tr.status == "accepted"
    back = egov.StatusTracker.from_json(tr.to_json())
    assert back.status == "accepted"


def test_doc_22_events_named_by_code_or_in_vietnamese():
    at = dt.datetime(2026, 3, 2, 9, 0, tzinfo=VN)
    for name in ("accept", "tiếp nhận", "Tiep nhan"):
        t = egov.apply_status("đã đến", name, at)
        assert t["to"] == "accepted" and t["event"] == {"event": "accept"}
    # A rejection named without its reason is refused by the library (DOC-29).
    with pytest.raises(egov.StatusError) as e:
        egov.apply_status("đã đến", "từ chối", at)
    assert e.value.code == "status.missing_reason"
    with pytest.raises(egov.StatusError) as e:
        egov.apply_status("đã đến", "duyệt", at)
    assert e.value.code == "status.unknown_event"
    assert e.value.message_vi.startswith("«duyệt» không phải sự kiện của sơ đồ trạng thái")
    # JSON text of the event's form still reads as before.
    assert egov.apply_status("đã đến", '{"event": "accept"}', at)["to"] == "accepted"
    tr = egov.StatusTracker("000.00.00.H41", dt.datetime(2026, 3, 2, 8, 0, tzinfo=VN))
    assert tr.record("tiếp nhận", at)["to"] == "accepted"
    assert tr.record("chuyển xử lý", at)["to"] == "forwarded"


def test_deadline_tet_2026():
    cal = egov.Calendar.vietnam()
    signed = dt.datetime(2026, 2, 13, 16, 0, tzinfo=VN)
    r = egov.send_deadline(signed, calendar=cal, sent=dt.datetime(2026, 2, 23, 12, 30, tzinfo=VN))
    assert r["deadline"]["latest"] == dt.datetime(2026, 2, 23, 12, 0, tzinfo=VN)
    assert r["deadline"]["next_working_day"] == dt.date(2026, 2, 23)
    assert r["judgement"]["outcome"] == "fail"
    r = egov.send_deadline(dt.date(2026, 3, 6), urgency="khẩn", morning_end=dt.time(11, 0))
    assert r["deadline"]["signed_at_is_date_only"] is True
    assert r["deadline"]["latest"].hour == 11
    with pytest.raises(egov.TimeError):
        egov.send_deadline(dt.datetime(2026, 3, 6, 16, 0))  # naive: no offset


def test_legal_value_paper_channel():
    assert egov.legal_value(digitally_signed_per_law=True, sent_via_system=True)["value"] == "equivalent_to_paper"
    d = egov.paper_copy_required(
        {"document_type": "TỜ TRÌNH", "legal_value": "equivalent_to_paper",
         "to_government_per_working_regulation": False},
        {"listed_document_types": ["Tờ trình"]})
    assert d["required"] is True
    f = egov.check_channel(sent_via_system=False, sender_ready=True, receiver_ready=True)
    assert f["outcome"] == "fail"


def test_metadata():
    assert egov.validate_metadata(RECORD)["overall"] == "pass"
    bad = dict(RECORD, summary=None)
    assert egov.validate_metadata(bad)["overall"] == "fail"
    with pytest.raises(egov.MetadataError):
        egov.validate_metadata({"agency": 1})


def test_bad_inputs_raise_not_crash():
    with pytest.raises(TypeError):
        egov.parse_agency_code(None)  # type: ignore[arg-type]
    with pytest.raises(egov.AgencyCodeError):
        egov.parse_agency_code("")
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.parse_agency_code("0" * (8 * 1024 * 1024))
    assert e.value.code == "ffi.input_too_large"
    with pytest.raises(UnicodeEncodeError):
        egov.parse_agency_code("\udcff")  # lone surrogate: not encodable as UTF-8
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.call("no.such.op", {})
    assert e.value.code == "ffi.unknown_operation"


MARK = {
    "direction": "paper_to_data", "profile": "general",
    "mark_text": "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy",
    "converted_at": "2026-03-02T09:15:00+07:00",
    "converter_full_name": "Ủy ban nhân dân phường Hàng Bạc",
}
SEED = "07" * 32


def test_conversion_mark_sign_and_verify():
    assert egov.validate_conversion_mark(MARK)["overall"] == "pass"
    signed = egov.sign_conversion_mark(MARK, b"scan.pdf bytes", SEED)
    assert signed["qr_text"].startswith("EGCM:")
    assert signed["key_id"] == "fe812c12f3ab4ce6"
    trust = {"keys": [{"label": "UBND", "public_key": signed["public_key"]}]}
    ok = egov.verify_conversion_qr(signed["qr_text"], trust, b"scan.pdf bytes")
    assert ok["verified"] is True and ok["state"] == "content_matches"
    assert egov.verify_conversion_qr(signed["qr_text"], trust, b"other")["verified"] is False
    qr = signed["qr_text"]
    tampered = qr[:-10] + ("1" if qr[-10] != "1" else "2") + qr[-9:]
    bad = egov.verify_conversion_qr(tampered, trust, b"scan.pdf bytes")
    assert bad["verified"] is False and bad["failure"]["code"] == "signature.invalid"


def test_conv_02_make_sign_verify_round_trip():
    made = egov.make_conversion_mark("paper_to_data", dt.datetime(2026, 3, 2, 9, 15, tzinfo=VN),
                                     "Ủy ban nhân dân phường Bến Nghé")
    assert made["overall"] == "pass"
    assert made["mark"]["mark_text"] == "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy"
    signed = egov.sign_conversion_mark(made["mark"], b"scan", "07" * 32)
    trust = {"keys": [{"label": "UBND", "public_key": signed["public_key"]}]}
    assert egov.verify_conversion_qr(signed["qr_text"], trust, b"scan")["verified"] is True
    no_source = egov.make_conversion_mark("data_to_paper", "2026-03-02T09:15:00+07:00", "X")
    assert no_source["overall"] == "fail"
    assert "CONV-09" in {f["rule"] for f in no_source["findings"]}


def test_conv_02_extensions_round_trip_unchanged():
    ext = {"at": "2026-03-02T09:15:00Z", "date": "20260101", "due": "2026-01-30"}
    made = egov.make_conversion_mark("paper_to_data", dt.datetime(2026, 3, 2, 9, 15, tzinfo=VN),
                                     "UBND", extensions=ext)
    assert made["mark"]["extensions"] == ext  # user values are returned as given
    assert made["mark"]["converted_at"] == dt.datetime(2026, 3, 2, 9, 15, tzinfo=VN)
    signed = egov.sign_conversion_mark(made["mark"], b"scan", "07" * 32)
    assert signed["mark"]["extensions"] == ext
    trust = {"keys": [{"label": "UBND", "public_key": signed["public_key"]}]}
    assert egov.verify_conversion_qr(signed["qr_text"], trust, b"scan")["verified"] is True


def test_conv_03_stamp_shortcuts_and_render():
    import struct
    import zlib
    width, height = 600, 800  # a white page at 100 dpi
    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    page = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    mark = egov.make_conversion_mark("paper_to_data", "2026-03-02T09:15:00+07:00", "UBND")["mark"]
    image, meta = egov.stamp_page(page, mark, "07" * 32, dpi=100, position="bottom_left",
                                  lookup_url="https://dichvucong.gov.vn/tra-cuu",
                                  options={"stamp": None})
    x, y, w, h = meta["rect"]
    assert (x, y + h + x) == (31, height)  # 8 mm from the left and bottom edges
    assert meta["qr_text"].startswith("https://dichvucong.gov.vn/tra-cuu#")
    with pytest.raises(egov.InvalidArgumentError):
        egov.stamp_page(page, mark, "07" * 32, position="middle")
    png, info = egov.render_conversion_mark(mark, b"scan", "07" * 32, dpi=150)
    assert png.startswith(b"\x89PNG") and info["dpi"] == 150


def test_naive_datetime_in_a_request_is_a_time_error():
    with pytest.raises(egov.TimeError) as info:
        egov.evaluate_site({"now": dt.datetime(2026, 11, 23, 9, 0)})
    assert info.value.code == "time.missing_offset"
    # CORE-06: said in Vietnamese too, like the library's own refusal.
    assert info.value.message_vi is not None and "thiếu múi giờ" in info.value.message_vi
    # Dates inside dicts are written in the library's form (here a population's publication).
    r = egov.classify_platform([{"month": f"2025-{m:02d}", "active_users": 1} for m in range(1, 13)],
                               {"value": 100, "kind": "average", "reference": "test",
                                "publisher": "GSO", "published_on": dt.date(2026, 1, 5)},
                               dt.date(2026, 1, 10))
    assert r["class"] == "below_threshold"
    assert r["population"]["published_on"] == "2026-01-05"


def test_conv_21_system_check_and_transition_deadline():
    system = {"paper_to_data": True, "data_to_paper": False, "law_12_1_d_applies": False, "evidence": {
        c: {"status": "attested", "by": "QA", "reference": "BB-1"} for c in (
            "paper_to_data_integral_conversion", "paper_to_data_create_mark",
            "paper_to_data_storage", "paper_to_data_security")}}
    r = egov.check_conversion_system(system, now=dt.datetime(2026, 11, 23, 9, tzinfo=VN))
    assert r["overall"] == "pass"
    assert r["transition_deadline"]["last_day"] == dt.date(2026, 10, 23)
    assert r["transition"]["outcome"] == "pass"
    # A caller calendar with 23/10/2026 as a day off moves the last day to Monday 26/10.
    table = json.loads(egov.Calendar.vietnam().to_json())
    table["days_off"]["2026-10-23"] = "closed (test)"
    moved = egov.check_conversion_system(system, calendar=egov.Calendar.from_json(table))
    assert moved["transition_deadline"]["last_day"] == dt.date(2026, 10, 26)
    assert moved["transition_deadline"]["rolled_over"] is True
    assert moved["transition"] is None
    with pytest.raises(egov.InvalidArgumentError):
        egov.check_conversion_system(system, effective_date="23/10/2024")


def test_conversion_errors():
    with pytest.raises(egov.EgovError) as info:
        egov.sign_conversion_mark(MARK, b"x", "07")
    assert info.value.code == "ffi.invalid_key"
    with pytest.raises(egov.EgovError) as info:
        egov.verify_conversion_qr("EGCM:0", {"keys": 7})
    assert info.value.code == "trust_set.invalid"


def test_platform_classify_and_counter():
    months = [{"month": f"2025-{m:02d}", "active_users": 10_000_001} for m in range(1, 13)]
    c = egov.classify_platform(months, 100_000_000, dt.date(2026, 1, 10))
    assert c["scale"] == "very_large"
    with pytest.raises(egov.EgovError) as info:
        egov.classify_platform(months[:11], 100_000_000, "2026-01-10")
    assert info.value.code == "platform.insufficient_history"
    a, b = egov.ActiveUserCounter(), egov.ActiveUserCounter()
    a.add_batch([{"user": 1, "at": dt.datetime(2025, 2, 1, 0, 30, tzinfo=VN)}])
    b.add_batch([{"user": 1, "at": "2025-01-31T17:30:00Z"}, {"user": "u2", "at": 1738344600}])
    a.merge(b)
    assert a.months() == [{"month": "2025-02", "active_users": 2, "events": 3}]
    with pytest.raises(egov.EgovError):
        a.add_batch([{"user": -1, "at": 0}])
    assert a.months()[0]["events"] == 3  # all or nothing


def _twelve_months(users):
    return [{"month": f"2025-{m:02d}", "active_users": users} for m in range(1, 13)]


def test_plat_09_first_deadline_23_october_2025():
    # Đ18.2.a: within 12 months of the decree taking effect (23/10/2024, A-17) for platforms
    # operating 12 months or more by then; 23/10/2025 is a Thursday (no roll-over).
    n = egov.platform_next_due(dt.date(2025, 6, 1), operating_since=dt.date(2020, 1, 1))
    assert (n["kind"], n["due_on"], n["overdue"], n["rule"]) == (
        "first", dt.date(2025, 10, 23), False, "PLAT-09")
    assert egov.platform_next_due(dt.date(2025, 10, 24), operating_since="2020-01-01")["overdue"] is True
    # Operating since 2024-03-01: under 12 months when the decree took effect, no date.
    young = egov.platform_next_due(dt.date(2025, 1, 1), operating_since=dt.date(2024, 3, 1))
    assert (young["kind"], young["due_on"]) == ("not_determined", None)


def test_plat_09_end_of_period_rolls_to_the_next_working_day():
    # 12 months after 2024-11-09 is Sunday 2025-11-09 → Monday 2025-11-10; a caller
    # calendar resting on Thursdays moves 2025-10-23 to Friday 2025-10-24.
    n = egov.platform_next_due(dt.date(2025, 1, 1), operating_since=dt.date(2020, 1, 1),
                               decree_effective=dt.date(2024, 11, 9))
    assert n["due_on"] == dt.date(2025, 11, 10)
    n = egov.platform_next_due(dt.date(2025, 1, 1), operating_since=dt.date(2020, 1, 1),
                               decree_effective=dt.date(2024, 11, 9), roll_to_working_day=False)
    assert n["due_on"] == dt.date(2025, 11, 9)
    cal = egov.Calendar.from_json({"name": "thu-off", "weekly_rest_days": ["Thu", "Sat", "Sun"]})
    n = egov.platform_next_due(dt.date(2025, 1, 1), operating_since=dt.date(2020, 1, 1), calendar=cal)
    assert n["due_on"] == dt.date(2025, 10, 24)


def test_plat_10_annual_deadline_before_31_january():
    # Đ18.2.b «trước 31 tháng 01»: strictly before by default (last day 30 January, A-16), even
    # when 30/01/2027 is a Saturday; inclusive_annual_deadline makes it 31 January.
    first = dt.date(2025, 10, 20)
    n = egov.platform_next_due(dt.date(2026, 2, 2), first_self_classification=first)
    assert (n["kind"], n["due_on"], n["rule"]) == ("annual", dt.date(2027, 1, 30), "PLAT-10")
    n = egov.platform_next_due(dt.date(2026, 2, 2), first_self_classification=first,
                               inclusive_annual_deadline=True)
    assert n["due_on"] == dt.date(2027, 1, 31)
    # On 31/01/2026 the strict deadline of 2026 has passed; the inclusive one is that day.
    assert egov.platform_next_due("2026-01-31", first_self_classification=first)["due_on"] == dt.date(2027, 1, 30)
    assert egov.platform_next_due("2026-01-31", first_self_classification=first,
                                  inclusive_annual_deadline=True)["due_on"] == dt.date(2026, 1, 31)
    with pytest.raises(egov.EgovError) as info:
        egov.platform_next_due("31/01/2026")
    assert info.value.code == "date.invalid"


def test_plat_13_21_report_of_a_very_large_intermediary():
    # 20 % of the population (> 10 %), attested intermediary: very large intermediary platform
    # (Đ18.1.b), so the 17 Đ19 duties (PLAT-13…20) and the 9 Đ20 duties (PLAT-21…27).
    r = egov.platform_report(
        _twelve_months(20_000_000), 100_000_000, dt.date(2026, 1, 10), intermediary="attested",
        evidence={"items": {"d19_3_annual_submission": {"satisfied": True, "reference": "MIC-2025"},
                            "d20_1_b_recommendation_opt_out": {"satisfied": False}},
                  "has_prioritised_search": False},
        first_self_classification=dt.date(2025, 10, 1), markdown=True)
    assert r["determination_date"] == dt.date(2026, 1, 10)
    assert r["classification"]["class"] == "very_large_intermediary_platform"
    outcomes = {f["field"]: f["outcome"] for f in r["obligations"]}
    assert len(outcomes) == 26
    assert outcomes["d19_3_annual_submission"] == "pass"
    assert outcomes["d20_1_b_recommendation_opt_out"] == "fail"
    assert outcomes["d20_1_a_prioritised_display_criteria_published"] == "pass"
    assert outcomes["d20_2_d_code_supports_vulnerable_groups"] == "warning"  # encouraged only
    assert outcomes["d19_3_monthly_active_user_statistics"] == "unknown"
    assert r["obligations_overall"] == "fail"
    assert (r["next_due"]["rule"], r["next_due"]["due_on"]) == ("PLAT-10", dt.date(2026, 1, 30))
    assert "## Nghĩa vụ / Obligations" in r["markdown"]
    # Below the thresholds: no obligations, and no Markdown unless asked.
    small = egov.platform_report(_twelve_months(1), 100_000_000, "2026-01-10")
    assert small["obligations"] == [] and "markdown" not in small


def test_plat_04_report_needs_twelve_months():
    with pytest.raises(egov.EgovError) as info:
        egov.platform_report(_twelve_months(20_000_000)[:11], 100_000_000, dt.date(2026, 1, 10))
    assert info.value.code == "platform.insufficient_history"
    with pytest.raises(egov.EgovError) as info:
        egov.platform_report(_twelve_months(1), 100_000_000, "2026-01-10",
                             evidence={"items": {"d19_3_annual_submission": {"satisfied": "yes"}}})
    assert info.value.code == "ffi.invalid_json"


def test_plat_01_csv_streamed_in_blocks():
    data = (b"user_id,timestamp,kind,in_vietnam\n1,2025-01-31T16:59:59Z,login,1\n"
            b"1,2025-01-31T17:30:00Z,login,1\nbad\n2,1738344600,service,true")
    whole = egov.count_active_users_csv(data)
    counter = egov.ActiveUserCounter()
    for i in range(0, len(data), 7):  # blocks that split lines anywhere
        counter.feed_csv(data[i:i + 7])
    lines = counter.finish_csv()
    assert lines == whole["lines"]
    assert lines["malformed_by_reason"] == {"field_count": 1}
    assert [(m["month"], m["active_users"]) for m in counter.months()] == [
        ("2025-01", 1), ("2025-02", 2)]
    assert counter.months() == whole["months"]


def test_trust_security_txt_and_blocklist():
    r = egov.check_security_txt(b"Expires: 2025-01-01T00:00:00Z\nnot a field\n",
                                dt.datetime(2026, 3, 2, 9, 0, tzinfo=VN))
    assert r["valid"] is False
    assert {"code": "security_txt.invalid_line", "line": 2} in [
        {"code": p["code"], "line": p["line"]} for p in r["problems"]]
    assert egov.check_security_txt(b"\xff", "2026-03-02T09:00:00+07:00")["valid"] is False
    hit = egov.match_blocklist("bad.example\n", "a.bad.example")
    assert hit["listed"] is True
    assert egov.match_blocklist("bad.example\n", "good.example")["listed"] is False
    with pytest.raises(egov.EgovError):
        egov.check_security_txt(b"", "today")


TRUST_DATA = pathlib.Path(__file__).resolve().parents[2] / "testdata" / "trust"
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=VN)


def _site_request() -> dict:
    """The committed example attestations plus a chain to the test root and a page: all six met."""
    req = json.loads((TRUST_DATA / "attest-example.json").read_text(encoding="utf-8"))
    req.update({
        "now": NOW,
        "host": "good.test.gov.vn",
        "tls": {"chain": (TRUST_DATA / "certs" / "good.pem").read_bytes(),
                "version": "TLSv1.3", "cipher_suite": "TLS_AES_128_GCM_SHA256"},
        "page": {"html": "<a href='/bao-mat'>Bảo mật</a>"},
        "security_txt": {"content": b"Contact: mailto:soc@good.test.gov.vn\n"
                                    b"Expires: 2027-06-30T00:00:00+07:00\n"},
        "blocklist": {"source": "test snapshot", "fetched_at": dt.datetime(2026, 11, 22, tzinfo=VN),
                      "entries": "evil.vn\n198.51.100.0/24\n"},
        "anchors": {"roots": (TRUST_DATA / "certs" / "test-root.pem").read_text()},
    })
    return req


def test_trust_03_site_meets_all_six_criteria():
    a = egov.evaluate_site(_site_request())
    assert [(v["criterion"], v["outcome"]) for v in a["verdicts"]] == [
        (c, "pass") for c in ("a", "b", "c", "d", "đ", "e")]
    assert a["meets_criteria"] is True
    assert a["evaluated_at"] == NOW  # datetime out
    empty = egov.evaluate_site({"now": NOW})
    assert empty["outcome"] == "unknown" and empty["meets_criteria"] is False


def test_trust_02_listed_address_fails_d():
    req = _site_request()
    req["addresses"] = ["198.51.100.3"]
    a = egov.evaluate_site(req)
    assert a["outcome"] == "fail"
    assert egov.evaluate_trust_criterion(req, "d")["outcome"] == "fail"


def test_trust_02c_tls_check():
    req = _site_request()
    assert egov.evaluate_trust_criterion(req, "c")["outcome"] == "pass"
    del req["anchors"]  # the test CA is not among the built-in Mozilla roots
    c = egov.evaluate_trust_criterion(req, "c")
    assert c["outcome"] == "fail"
    assert any(f.get("evidence", {}).get("code") == "tls.untrusted" for f in c["findings"])
    with pytest.raises(egov.TrustError) as info:
        egov.evaluate_trust_criterion(req, "z")
    assert info.value.code == "trust.criterion_unknown"


def test_trust_02dd_links_flagged():
    r = egov.scan_links({"now": NOW, "page": {"url": "https://a.gov.vn/x/", "html":
                         "<a href='../y'>y</a><a href='https://dichvucong-gov.vn/'>z</a>"},
                         "blocklist": {"entries": "dichvucong-gov.vn\n"}})
    assert [l["url"] for l in r["links"]] == ["https://a.gov.vn/y", "https://dichvucong-gov.vn/"]
    assert {f["flag"] for f in r["flagged"]} >= {"blocklisted"}
    assert r["verdict"]["outcome"] == "fail"
    with pytest.raises(egov.TrustError) as info:
        egov.scan_links({"now": NOW})
    assert info.value.code == "trust.page_missing"


def test_trust_04_declaration():
    d = egov.declare_trust(_site_request(), lang="en")
    assert d["declaration"]["meets_criteria"] is True
    assert d["declaration"]["format"] == "egov-trust-declaration/1"
    assert "Meets all six criteria" in d["markdown"]
    vi = egov.declare_trust(_site_request())
    assert vi["markdown"].startswith("# Tự công bố đáp ứng tiêu chí tín nhiệm mạng")


def test_trust_request_errors():
    with pytest.raises(egov.TrustError) as info:
        egov.evaluate_site({"host": "a.gov.vn"})
    assert info.value.code == "trust.now_missing"
    with pytest.raises(egov.InvalidArgumentError) as info2:
        egov.evaluate_site({"now": NOW, "hostname": "a.gov.vn"})
    assert "hostname" in info2.value.message
    with pytest.raises(egov.TimeError):
        egov.evaluate_site({"now": dt.datetime(2026, 11, 23, 9, 0)})  # naive: no offset
    with pytest.raises(egov.TrustError) as info3:
        egov.evaluate_site({"now": NOW, "tls": {"chain": "x"}})
    assert info3.value.code == "tls.cert_empty"


def test_stamp_and_verify_page():
    import json
    import pathlib
    vectors = pathlib.Path(__file__).resolve().parents[2] / "testdata" / "vectors"
    cases = json.loads((vectors / "conversion_marks.json").read_text(encoding="utf-8"))["cases"]
    page = bytes.fromhex(next(c for c in cases if c["id"] == "stamp-page")["args"]["page_hex"])
    image, meta = egov.stamp_page(page, MARK, SEED, content=b"scan.pdf bytes", dpi=100)
    assert image.startswith(b"\x89PNG") and meta["format"] == "png"
    trust = {"keys": [{"label": "UBND", "public_key": egov.sign_conversion_mark(
        MARK, b"", SEED)["public_key"]}]}
    assert egov.verify_page(image, trust, b"scan.pdf bytes")["verified"] is True
    assert egov.verify_page(image, trust, b"other")["verified"] is False
    with pytest.raises(egov.EgovError) as info:
        egov.verify_page(page, trust)
    assert info.value.code == "scan.no_mark"
    result = egov.verify_page(image, trust)
    assert result["verdict"] == "verified"
    assert result["printed_lines"][2] == "Chuyển đổi bởi: Ủy ban nhân dân phường Hàng Bạc"
    assert len(result["marks"]) == 1 and result["decoder"].startswith("zxing-cpp")
    # A document: blank page, stamped page, unreadable page; the mark is on page 2 and no page
    # is dropped.
    doc = egov.verify_document([page, image, b"not an image"], trust, b"scan.pdf bytes")
    assert doc["verified"] is True and doc["mark_page"] == 2 and doc["pages_scanned"] == 3
    assert [p.get("error_code") for p in doc["pages"]] == ["scan.no_mark", None, "image.decode"]
    with pytest.raises(egov.EgovError) as info:
        egov.verify_document([], trust)
    assert info.value.code == "image.no_pages"


def test_conv_12_a_page_is_stamped_at_the_resolution_it_states():
    """Without ``dpi``, a scan that states its resolution (here 150 dpi, as a scanner writes it
    in PNG's pHYs) gets a block sized for it: the same size on paper as at 300 dpi; ``dpi`` still
    decides when given, and a page stating nothing is taken as 300 dpi."""
    import io
    from PIL import Image
    def page(dpi):
        buf = io.BytesIO()
        size = (round(8.27 * (dpi or 300)), round(11.69 * (dpi or 300)))
        Image.new("L", size, 255).save(buf, format="PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
        return buf.getvalue()
    _, meta = egov.stamp_page(page(150), MARK, SEED)
    assert (meta["dpi"], meta["dpi_from_image"]) == (150, True)
    _, at_300 = egov.stamp_page(page(None), MARK, SEED)
    assert (at_300["dpi"], at_300["dpi_from_image"]) == (300, False)
    assert round(meta["printed"]["block_width_mm"]) == round(at_300["printed"]["block_width_mm"])
    assert meta["rect"][2] * 2 <= at_300["rect"][2] + 2
    _, given = egov.stamp_page(page(150), MARK, SEED, dpi=200)
    assert (given["dpi"], given["dpi_from_image"]) == (200, False)


def test_public_names_are_exported():
    for name in egov.__all__:
        assert hasattr(egov, name), name
    public = {n for n, v in vars(egov).items()
              if not n.startswith("_") and callable(v) and getattr(v, "__module__", "").startswith("egov")}
    assert public <= set(egov.__all__), public - set(egov.__all__)


def test_dir_lists_the_public_names_not_the_imports():
    names = dir(egov)
    assert set(egov.__all__) <= set(names)
    for imported in ("Any", "Dict", "Optional", "os", "annotations", "_json"):
        assert imported not in names, imported
    assert "__version__" in names
    importlib.import_module("egov.spark")  # a submodule is listed once imported
    assert "spark" in dir(egov)


def test_installed_package_ships_its_type_information():
    import importlib.resources
    files = importlib.resources.files("egov")
    assert (files / "py.typed").is_file()
    stubs = (files / "_egov.pyi").read_text(encoding="utf-8")
    for name in ("def trust_evaluate", "def conversion_make", "class ActiveUserCounter"):
        assert name in stubs


def test_trust_02dd_stale_or_future_malware_scan_is_not_a_pass():
    req = _site_request()
    req["malware_scan"]["at"] = dt.datetime(2019, 11, 23, 9, 0, tzinfo=VN)  # seven years before
    v = egov.evaluate_trust_criterion(req, "đ")
    assert v["outcome"] == "unknown"
    stale = [f for f in v["findings"] if f.get("field") == "malware_scan"][0]
    assert "2557 days old, limit 30 days" in stale["message"]
    assert stale["evidence"]["age_days"] == 2557
    req["malware_scan"]["at"] = dt.datetime(2026, 12, 1, 9, 0, tzinfo=VN)  # after ``now``
    assert egov.evaluate_trust_criterion(req, "dd")["outcome"] == "unknown"
    req["malware_scan"]["at"] = dt.datetime(2026, 9, 1, 9, 0, tzinfo=VN)  # 83 days old
    assert egov.evaluate_trust_criterion(req, "dd")["outcome"] == "unknown"
    req["max_attestation_age"] = {"malware_scan_days": 90}
    assert egov.evaluate_trust_criterion(req, "dd")["outcome"] == "pass"


def test_trust_02a_stale_security_level_approval_is_not_a_pass():
    req = _site_request()
    req["security_level"]["approved_at"] = dt.datetime(2021, 1, 1, tzinfo=VN)
    assert egov.evaluate_trust_criterion(req, "a")["outcome"] == "unknown"
    req["max_attestation_age"] = {"security_level_days": 3650}
    assert egov.evaluate_trust_criterion(req, "a")["outcome"] == "pass"


def test_trust_02e_another_sites_security_txt_fails():
    req = _site_request()
    req["contacts"] = []
    req["security_txt"] = {
        "content": (TRUST_DATA / "securitytxt" / "nine-security.txt").read_bytes(),
        "fetched_from": "https://good.test.gov.vn/.well-known/security.txt"}
    e = egov.evaluate_trust_criterion(req, "e")
    assert e["outcome"] == "fail"
    assert "security_txt.canonical_elsewhere" in [
        f.get("evidence", {}).get("code") for f in e["findings"]]
    req["security_txt"] = {
        "content": (TRUST_DATA / "securitytxt" / "good-test-gov-vn.txt").read_bytes(),
        "fetched_from": "https://good.test.gov.vn/.well-known/security.txt"}
    assert egov.evaluate_trust_criterion(req, "e")["outcome"] == "pass"
    r = egov.check_security_txt(req["security_txt"]["content"], NOW,
                                "https://good.test.gov.vn/.well-known/security.txt")
    assert r["fetched_from"] == "https://good.test.gov.vn/.well-known/security.txt"
