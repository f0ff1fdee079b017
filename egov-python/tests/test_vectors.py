"""The shared test vectors (testdata/vectors/*.json) through the Python surface: every case
runs twice, through the Pythonic function for its operation and through ``egov.call``."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest

import egov

VECTORS = pathlib.Path(__file__).resolve().parents[2] / "testdata" / "vectors"


def _cases():
    files = sorted(VECTORS.glob("*.json"))
    assert files, f"no vectors in {VECTORS}"
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        assert doc["format"] == "egov-vectors/1"
        for case in doc["cases"]:
            yield pytest.param(case, id=f"{f.stem}#{case['id']}")


def matches(expected, actual) -> bool:
    """The corpus rule: objects by expected keys, arrays element-wise, scalars equal."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and matches(v, actual[k]) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(matches(e, a) for e, a in zip(expected, actual)))
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    return expected == actual


def to_json_form(value):
    """Back from Python types to the JSON form the vectors are written in."""
    if isinstance(value, dict):
        return {k: to_json_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json_form(v) for v in value]
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return value


def _calendar(args):
    cal = args.get("calendar")
    return egov.Calendar.vietnam() if cal is None else egov.Calendar.from_json(cal)


def _replay(a):
    t = egov.StatusTracker(a["receiver"], egov.parse_time(a["arrived_at"]))
    for step in a["events"]:
        t.record(step["event"], egov.parse_time(step["at"]))
    return json.loads(t.to_json())


def _deadline(a):
    signed = a["signed"]
    return egov.send_deadline(
        signed, urgency=a.get("urgency"), sent=a.get("sent"), local=a.get("local", False),
        calendar=_calendar(a) if "calendar" in a else None, policy=a.get("policy"))


def _content(a):
    """Vector content (hex or text, a JSON-only concept) as the bytes the Python API takes."""
    if a.get("content_hex") is not None:
        try:
            return bytes.fromhex(a["content_hex"])
        except ValueError:
            raise egov.InvalidArgumentError("ffi.invalid_hex", "content_hex is not hex") from None
    if a.get("content_text") is not None:
        return a["content_text"].encode("utf-8")
    return None


def _stamp_page(a):
    import hashlib
    image, meta = egov.stamp_page(bytes.fromhex(a["page_hex"]), a["mark"], a["secret_key"],
                                  content=_content(a), options=a.get("options"))
    return dict(meta, image_sha256=hashlib.sha256(image).hexdigest(), image_len=len(image))


def _render_mark(a):
    import hashlib
    png, meta = egov.render_conversion_mark(a["mark"], _content(a), a["secret_key"],
                                            options=a.get("options"))
    return dict(meta, image_sha256=hashlib.sha256(png).hexdigest(), image_len=len(png))


def _keywords(run, members):
    """Runs ``run`` with vector ``members`` (``history``, ``schedule``, …) as keyword arguments.
    A member the function has no keyword for is a TypeError in Python where JSON callers get
    ``ffi.invalid_json`` for the misspelt key: the same refusal, reported as the vectors say."""
    try:
        return run(**{k: v for m in members for k, v in m.items()})
    except TypeError as e:
        if "unexpected keyword argument" in str(e):
            raise egov.InvalidArgumentError("ffi.invalid_json", str(e)) from None
        raise


def _report(a):
    ctx = dict(a.get("context", {}))
    evidence = ctx.pop("evidence", None)
    members = [ctx.pop("history", {}), ctx.pop("schedule", {}), ctx]  # leftovers: misspelt
    return _keywords(lambda **kw: egov.platform_report(
        a["monthly"], a.get("population"), a["date"], source=a.get("source"),
        thresholds=a.get("thresholds"), intermediary=a.get("intermediary"), evidence=evidence,
        calendar=_calendar(a) if "calendar" in a else None, markdown=a.get("markdown", False),
        **kw), members)


def _next_due(a):
    return _keywords(lambda **kw: egov.platform_next_due(
        a["today"], calendar=_calendar(a) if "calendar" in a else None, **kw),
        [a.get("history", {}), a.get("schedule", {})])


def _data(a):
    """Vector package bytes (``data_hex`` or ``data_text``) as the bytes the Python API takes."""
    if a.get("data_hex") is not None:
        return bytes.fromhex(a["data_hex"])
    if a.get("data_text") is not None:
        return a["data_text"].encode("utf-8")
    raise egov.InvalidArgumentError("ffi.invalid_arguments", "data_hex or data_text is missing")


def _package_answer(package):
    import hashlib
    return {"package_hex": package.hex(), "package_len": len(package),
            "package_sha256": hashlib.sha256(package).hexdigest()}


def _read_edxml(a):
    package = _keywords(lambda **kw: egov.read_edxml(
        _data(a), with_attachments=a.get("with_attachments", False), **kw), [a.get("options", {})])
    if "contents" in package:
        package["contents_hex"] = [c.hex() for c in package.pop("contents")]
    return package


def _build_edxml(a):
    if a.get("attachments_hex") is not None:
        contents = [bytes.fromhex(h) for h in a["attachments_hex"]]
    else:
        contents = [t.encode("utf-8") for t in a.get("attachments_text") or []]
    return _package_answer(_keywords(lambda **kw: egov.build_edxml(a["message"], contents, **kw),
                                     [a.get("options", {})]))


def _pdf_answer(run):
    import hashlib
    pdf, meta = run
    return dict(meta, pdf_hex=pdf.hex(), pdf_len=len(pdf), pdf_sha256=hashlib.sha256(pdf).hexdigest())


def _sign_pdf(a):
    pkcs12 = None if a.get("pkcs12_hex") is None else bytes.fromhex(a["pkcs12_hex"])
    return _pdf_answer(_keywords(lambda **kw: egov.sign_pdf(
        _data(a), a.get("key_pem"), a.get("certs_pem"), pkcs12=pkcs12, password=a.get("password"),
        **kw), [a.get("options", {})]))


PYTHONIC = {
    "time.parse": lambda a: {"datetime": egov.parse_time(a["input"], local=a.get("local", False))},
    "calendar.day": lambda a: _calendar(a).day(a["date"]),
    "calendar.is_working_day": lambda a: _calendar(a).is_working_day(a["date"]),
    "calendar.next_working_day": lambda a: _calendar(a).next_working_day(a["date"]),
    "calendar.add_working_days": lambda a: _calendar(a).add_working_days(a["date"], a["days"]),
    "agency.parse": lambda a: egov.parse_agency_code(a["code"], lenient=a.get("lenient", False)),
    "agency.is_ancestor_of": lambda a: egov.is_ancestor_of(a["ancestor"], a["descendant"]),
    "agency.registry_check": lambda a: egov.check_registry(a["code"], a["registry"], a["as_of"]),
    "document_id.parse": lambda a: egov.parse_document_id(a["id"]),
    "number.parse": lambda a: egov.parse_document_number(a["number"]),
    "urgency.parse": lambda a: egov.parse_urgency(a["input"]),
    "status.apply": lambda a: egov.apply_status(a["from"], a["event"], a["at"]),
    "status.from_edxml": lambda a: egov.edxml_status(a["code"]),
    "status.sender_apply": lambda a: egov.apply_sender_step(a["from"], a["event"]),
    "status.replay": _replay,
    "deadline.compute": _deadline,
    "deadline.handover": lambda a: egov.urgent_handover(
        a["urgency"], a["accepted"], handed_over=a.get("handed_over"), as_of=a.get("as_of"),
        policy=a.get("policy"), local=a.get("local", False)),
    "legal_value.assess": lambda a: egov.legal_value(
        digitally_signed_per_law=a["digitally_signed_per_law"], sent_via_system=a["sent_via_system"]),
    "legal_value.paper_copy": lambda a: egov.paper_copy_required(a["case"], a.get("policy")),
    "legal_value.channel": lambda a: egov.check_channel(**a["facts"]),
    "metadata.validate": lambda a: egov.validate_metadata(a["record"], a.get("policy")),
    "conversion.make": lambda a: egov.make_conversion_mark(**a),
    "conversion.check_system": lambda a: egov.check_conversion_system(
        a["system"], now=a.get("now"), effective_date=a.get("effective_date")),
    "conversion.validate": lambda a: egov.validate_conversion_mark(a["mark"]),
    "conversion.law_art12": lambda a: egov.check_law_art12(a["mark"], a.get("facts")),
    "conversion.sign": lambda a: egov.sign_conversion_mark(
        a["mark"], _content(a), a["secret_key"], a.get("options")),
    "conversion.verify": lambda a: egov.verify_conversion_qr(
        a["qr_text"], a["trust"], _content(a)),
    "conversion.keygen": lambda a: egov.generate_signing_key(a["label"]),
    "conversion.trust_set_from_key": lambda a: egov.trust_set_from_key(a["key"]),
    "conversion.stamp_page": _stamp_page,
    "conversion.render_mark": _render_mark,
    "conversion.verify_page": lambda a: egov.verify_page(
        bytes.fromhex(a["image_hex"]), a["trust"], _content(a)),
    "conversion.verify_document": lambda a: egov.verify_document(
        [bytes.fromhex(h) for h in a["images_hex"]], a["trust"], _content(a)),
    "platform.classify": lambda a: egov.classify_platform(
        a["monthly"], a.get("population"), a["date"], source=a.get("source"),
        thresholds=a.get("thresholds"), intermediary=a.get("intermediary")),
    "platform.count": lambda a: egov.count_active_users(a["events"]),
    "platform.count_csv": lambda a: egov.count_active_users_csv(
        _content(a), kinds=a.get("kinds"), threads=a.get("threads")),
    "platform.count_file": lambda a: egov.count_active_users_file(
        a["path"], kinds=a.get("kinds"), threads=a.get("threads")),
    "platform.report": _report,
    "platform.next_due": _next_due,
    "trust.security_txt": lambda a: egov.check_security_txt(
        _content(a), a["now"], a.get("fetched_from")),
    "trust.blocklist_match": lambda a: egov.match_blocklist(a["list"], a["host"]),
    "trust.evaluate": lambda a: egov.evaluate_site(a["request"]),
    "trust.criterion": lambda a: egov.evaluate_trust_criterion(a["request"], a["criterion"]),
    "trust.links": lambda a: egov.scan_links(a["request"]),
    "trust.declare": lambda a: egov.declare_trust(a["request"], a["lang"]),
    "edxml.read": _read_edxml,
    "edxml.check": lambda a: _keywords(lambda **kw: egov.check_edxml(
        _data(a), calendar=_calendar(a) if "calendar" in a else None, **kw),
        [a.get("options", {})]),
    "edxml.build": _build_edxml,
    "edxml.qcvn_dates": lambda a: egov.edxml_qcvn_dates(a["message"]),
    "edxml.sign": lambda a: _package_answer(_keywords(lambda **kw: egov.sign_edxml(
        _data(a), a["key_pem"], a["certs_pem"], **kw), [a.get("options", {})])),
    "edxml.verify": lambda a: _keywords(lambda **kw: egov.verify_edxml(
        _data(a), anchors_pem=a.get("anchors_pem"), **kw), [a.get("options", {})]),
    "pdf.stamp": lambda a: _pdf_answer(egov.stamp_pdf(
        _data(a), a["mark"], a["secret_key"], options=a.get("options"))),
    "pdf.verify": lambda a: _keywords(lambda **kw: egov.verify_pdf(
        _data(a), a["trust"], **kw), [a.get("options", {})]),
    "pdf.sign": _sign_pdf,
    "pdf.verify_signatures": lambda a: _keywords(lambda **kw: egov.verify_pdf_signatures(
        _data(a), anchors_pem=a.get("anchors_pem"), **kw), [a.get("options", {})]),
    "trustlist.new": lambda a: egov.new_trust_list(
        a["issuer"], agency_code=a.get("agency_code"), issued_at=a["issued_at"],
        next_update=a["next_update"]),
    "trustlist.add": lambda a: egov.add_trust_list_entry(
        a["list"], a["entry"]["public_key"], holder=a["entry"]["holder"]["name"],
        agency_code=a["entry"]["holder"].get("agency_code"),
        role=a["entry"].get("role", "mark_signer"), valid_from=a["entry"]["valid_from"],
        valid_until=a["entry"].get("valid_until"), key_id=a["entry"].get("key_id")),
    "trustlist.retire": lambda a: egov.retire_trust_list_key(a["list"], a["key_id"], at=a["at"]),
    "trustlist.revoke": lambda a: egov.revoke_trust_list_key(
        a["list"], a["key_id"], at=a["at"], reason=a["reason"]),
    "trustlist.issue": lambda a: egov.issue_trust_list(
        a["list"], a["secret_key"], issued_at=a["issued_at"], next_update=a["next_update"]),
    "trustlist.cosign": lambda a: egov.cosign_trust_list(a["list"], a["secret_key"]),
    "trustlist.verify": lambda a: egov.verify_trust_lists(_lists(a), a["pins"], at=a["at"]),
    "trustlist.check_mark": lambda a: egov.check_mark(
        a["qr_text"], _lists(a), a["pins"], at=a["at"], content=_content(a)),
    "checklist.list": lambda a: egov.list_checklists(checklists=a.get("checklists")),
    "checklist.template": lambda a: {"template": egov.checklist_template(
        a["id"], checklists=a.get("checklists"))},
    "checklist.run": lambda a: egov.run_checklist(
        a["id"], a["evidence"], as_of=a.get("as_of"), checklists=a.get("checklists")),
    "checklist.indicators": lambda a: egov.check_indicators(a["indicators"]),
    "checklist.request": lambda a: egov.check_request(
        a["request"], a["as_of"], options=a.get("options")),
}


def _lists(a):
    """The vectors' `lists` as the Python API takes them: a list of lists; anything else is
    passed as JSON text, so the library's own refusal (not Python's) is what is checked."""
    lists = a["lists"]
    return lists if isinstance(lists, list) else json.dumps(lists)


def test_every_operation_has_a_pythonic_function():
    assert set(PYTHONIC) == set(egov.OPERATIONS)


def _check(case, run):
    expect = case["expect"]
    if "error" in expect:
        with pytest.raises(egov.EgovError) as info:
            run()
        assert info.value.code == expect["error"], info.value
    else:
        actual = to_json_form(run())
        assert matches(expect["ok"], actual), actual


@pytest.mark.parametrize("case", list(_cases()))
def test_vector_pythonic(case):
    _check(case, lambda: PYTHONIC[case["op"]](case["args"]))


@pytest.mark.parametrize("case", list(_cases()))
def test_vector_call(case):
    _check(case, lambda: egov.call(case["op"], case["args"]))
