"""edXML packages from Python (QCVN 102:2016; QĐ 28/2018/QĐ-TTg Đ4, Đ6, Đ9, Đ10): real packages
read and checked, packages built and read back, signed with the test PKI of
testdata/pki and verified, tampering, and the refusals of untrusted input."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import pathlib
import threading
import time

import pytest

import egov

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "testdata" / "edxml"
PKI = ROOT / "testdata" / "pki"
VN = dt.timezone(dt.timedelta(hours=7))

STATUS_01 = "vpcp-sdk-sample-status_builder_01.edxml"
STATUS_02 = "vpcp-sdk-sample-status_rejection_02.edxml"
CORRUPT_PDF = "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml"
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"

# What a vendor's system sends: VPCP to the Nghệ An People's Committee, attachments described.
MESSAGE = {
    "kind": "edoc",
    "header": {
        "from": {"organ_id": "000.00.00.G22", "organ_name": "Văn phòng Chính phủ"},
        "to": [{"organ_id": "000.00.00.H41", "organ_name": "UBND tỉnh Nghệ An"}],
        "document_id": "000.00.00.G22,2026/12/04,18/VPCP-TTĐT",
        "code": {"number": "18", "notation": "VPCP-TTĐT"},
        "promulgation_info": {"place": "Hà Nội", "date": "2026/12/04"},
        "document_type": {"type": "1", "type_name": "Công văn"},
        "subject": "V/v thử nghiệm chữ ký số & toàn vẹn <gói tin>",
        "signer_info": {"competence": "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "position": "Phó Chủ nhiệm",
                        "full_name": "Nguyễn Văn A"},
        "other_info": {"priority": "0"},
        "response_for": [],
        "steering_type": "1",
    },
    "trace": {"trace_headers": [{"organ_id": "000.00.00.G22", "timestamp": "2026/12/04 09:30:00"}],
              "business_first": False},
    "attachments": [{"content_id": "cid:1", "attachment_name": "cong-van.pdf",
                     "content_type": "application/pdf"}],
}


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def pki(name: str) -> bytes:
    return (PKI / name).read_bytes()


def built() -> bytes:
    return egov.build_edxml(MESSAGE, [PDF])


def signed_rsa() -> bytes:
    return egov.sign_edxml(built(), pki("signer-rsa.key"), pki("signer-rsa.pem"))


def findings(report, rule, outcome=None):
    return [f for f in report["findings"]
            if f["rule"] == rule and (outcome is None or f["outcome"] == outcome)]


# --- reading ----------------------------------------------------------------------------------

def test_doc_05_a_real_status_message_reads_as_the_vnpt_builder_wrote_it():
    data = fixture(STATUS_01)
    p = egov.read_edxml(data)
    assert p["message"]["kind"] == "status"
    assert p["message"]["status_code"] == "01"
    assert p["message"]["from"]["organ_id"] == "000.00.00.H41"
    assert p["layout"] == "layered" and p["deviations"] == []
    # The hash of the file as sent (the axis hashes the file, never a re-serialisation).
    assert p["sha256"] == hashlib.sha256(data).hexdigest() and p["bytes"] == len(data)
    assert p["line_breaks"] == [34, 0]
    # Values stay the package's strings (yyyy/MM/dd), never converted.
    assert p["message"]["response_for"]["promulgation_date"] == "2018/09/28"
    assert p["message"]["timestamp"] == "2018/09/28 17:25:11"


def test_doc_05_a_hand_written_sample_deviates_from_the_builder_order_at_its_lines():
    p = egov.read_edxml(fixture(STATUS_02))
    assert [(d["code"], d["at"]["line"], d["at"]["column"]) for d in p["deviations"]] == [
        ("edxml.element_order", 9, 4), ("edxml.element_order", 20, 4),
        ("edxml.element_order", 26, 4)]
    assert all(d["message"] and d["message_vi"] for d in p["deviations"])


def test_doc_05_a_status_message_read_builds_back_byte_for_byte():
    data = fixture(STATUS_01)
    message = egov.read_edxml(data)["message"]
    assert egov.build_edxml(message) == data
    assert egov.build_edxml(json.dumps(message, ensure_ascii=False)) == data
    lf = egov.build_edxml(message, line_ending="lf")
    assert lf == data.replace(b"\r\n", b"\n")


def test_doc_28_a_pdf_decoded_as_text_and_re_encoded_is_read_as_it_came():
    data = fixture(CORRUPT_PDF)
    p = egov.read_edxml(data, with_attachments=True)
    [attachment] = p["message"]["attachments"]
    payload = attachment["payload"]
    assert payload["wrapping"] == {"kind": "raw"}
    assert (payload["content_kind"], payload["utf8"], payload["replacement_chars"]) == ("pdf", True, 3894)
    [content] = p["contents"]
    assert isinstance(content, bytes) and len(content) == 18839 == payload["content_bytes"]
    assert content.startswith(b"%PDF-") and content.count(b"\xef\xbf\xbd") == 3894
    assert hashlib.sha256(content).hexdigest() == payload["content_sha256"]


# --- the receiving check ------------------------------------------------------------------------

def test_doc_28_the_corrupt_pdf_package_fails_the_receiving_check():
    r = egov.check_edxml(fixture(CORRUPT_PDF))
    assert r["overall"] == "fail" and r["compliant"] is False and r["kind"] == "edoc"
    [f] = findings(r, "DOC-28", "fail")
    assert f["field"] == "AttachmentEncoded/Attachment[1]"
    assert "decoded as text and re-encoded" in f["message"] and "U+FFFD" in f["message_vi"]
    assert f["evidence"]["location"]["line"] == 85 and f["evidence"]["kind"] == "pdf"
    assert f["basis"] == {"instrument": "qd28_2018", "article": 9, "clause": 1}


def test_doc_10_a_status_answering_a_date_its_document_id_contradicts_fails():
    r = egov.check_edxml(fixture(STATUS_01))
    [f] = findings(r, "DOC-10", "fail")
    assert f["field"] == "edXMLEnvelope/edXMLHeader/MessageHeader/ResponseFor/DocumentId"
    # Layout departures are DOC-05 findings unless left out.
    r2 = egov.check_edxml(fixture(STATUS_02))
    assert findings(r2, "DOC-05", "warning")
    assert not findings(egov.check_edxml(fixture(STATUS_02), layout_findings=False), "DOC-05")


def test_doc_04_a_receiver_code_expired_in_the_registry_fails():
    registry = ("code,name_vi,valid_to,replaced_by\n000.00.00.G22,Văn phòng Chính phủ,,\n"
                "000.00.00.H41,UBND tỉnh Nghệ An,2026-06-30,000.00.00.H29\n")
    r = egov.check_edxml(built(), registry=registry)
    [f] = findings(r, "DOC-04", "fail")
    assert "000.00.00.H41" in f["message"]
    assert not findings(egov.check_edxml(built()), "DOC-04")  # no registry, no DOC-04
    with pytest.raises(egov.RegistryError):
        egov.check_edxml(built(), registry="{not json")


def test_doc_19_the_send_deadline_uses_the_callers_calendar():
    r = egov.check_edxml(built(), calendar=egov.Calendar.vietnam(), agency_profile="strict")
    assert [f["outcome"] for f in findings(r, "DOC-19")] == ["pass"]
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.check_edxml(built(), agency_profile="medium")
    assert e.value.code == "ffi.invalid_arguments"


# --- building -----------------------------------------------------------------------------------

def test_doc_09_attachments_built_come_back_as_they_went_in():
    message = json.loads(json.dumps(MESSAGE))
    message["attachments"].append({"content_id": "cid:2", "attachment_name": "phu-luc.txt",
                                   "content_type": "text/plain"})
    text = "Phụ lục: danh sách đơn vị\n".encode("utf-8")
    package = egov.build_edxml(message, [PDF, text])
    assert package == egov.build_edxml(message, [PDF, text])  # the same bytes every time
    assert package.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\r\n')
    p = egov.read_edxml(package, with_attachments=True)
    assert p["contents"] == [PDF, text]
    assert [a["payload"]["content_kind"] for a in p["message"]["attachments"]] == ["pdf", "text"]
    assert p["message"]["header"]["subject"] == MESSAGE["header"]["subject"]
    carried = egov.read_edxml(package, with_attachments=True, unwrap="never")["contents"]
    assert all(c.startswith(b"PK\x03\x04") for c in carried)  # the VNPT JAR's ZIP wrapper
    assert "contents" not in egov.read_edxml(package)


def test_doc_05_building_refuses_what_xml_cannot_carry():
    with pytest.raises(egov.EdxmlError) as e:
        egov.build_edxml(MESSAGE)  # one attachment described, none given
    assert e.value.code == "edxml.build.attachment_count"
    bad = json.loads(json.dumps(MESSAGE))
    bad["header"]["subject"] = "V/v \x01"
    with pytest.raises(egov.EdxmlError) as e:
        egov.build_edxml(bad, [PDF])
    assert e.value.code == "edxml.build.invalid_char"
    bad = json.loads(json.dumps(MESSAGE))
    bad["header"]["subjcet"] = bad["header"].pop("subject")
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.build_edxml(bad, [PDF])
    assert e.value.code == "ffi.invalid_json"
    with pytest.raises(egov.InvalidArgumentError):
        egov.build_edxml(MESSAGE, [PDF], line_ending="cr")
    with pytest.raises(TypeError):
        egov.build_edxml(MESSAGE, PDF)  # type: ignore[arg-type]


def test_doc_09_a_package_built_from_files_into_a_file_streams_the_same_bytes(tmp_path):
    pdf = tmp_path / "cong-van.pdf"
    pdf.write_bytes(PDF)
    out = tmp_path / "goi-tin.edxml"
    r = egov.build_edxml_file(MESSAGE, [pdf], out)
    # The same package as the in-memory build, hashed as written (the axis hashes the file).
    assert out.read_bytes() == built()
    assert r["sha256"] == hashlib.sha256(built()).hexdigest() and r["bytes"] == len(built())
    assert r["attachments"] == [{"bytes": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest()}]
    assert [p.name for p in tmp_path.iterdir()] != []  # no temporary file left beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cong-van.pdf", "goi-tin.edxml"]
    # Read from the path as a stream: the same package as from the bytes.
    assert egov.read_edxml(out) == egov.read_edxml(out.read_bytes())
    with pytest.raises(ValueError):
        egov.read_edxml(out, with_attachments=True)
    with pytest.raises(egov.EgovError) as e:
        egov.build_edxml_file(MESSAGE, [tmp_path / "missing.pdf"], out)
    assert e.value.code == "io.open"
    assert out.read_bytes() == built()  # a failed build leaves the old file as it was
    with pytest.raises(egov.EdxmlError) as e:
        egov.build_edxml_file(MESSAGE, [], tmp_path / "other.edxml")
    assert e.value.code == "edxml.build.attachment_count"
    assert not (tmp_path / "other.edxml").exists()
    with pytest.raises(TypeError):
        egov.build_edxml_file(MESSAGE, pdf, out)  # type: ignore[arg-type]


def test_doc_09_attachments_extracted_to_files_under_safe_names(tmp_path):
    message = json.loads(json.dumps(MESSAGE))
    message["attachments"][0]["attachment_name"] = "../../etc/passwd"
    package = tmp_path / "p.edxml"
    package.write_bytes(egov.build_edxml(message, [PDF]))
    out = tmp_path / "dinh-kem"
    r = egov.extract_edxml(package, out)
    (a,) = r["attachments"]
    assert a["file_name"] == "passwd" and a["renamed"] is True
    assert pathlib.Path(a["path"]).parent == out
    assert (out / "passwd").read_bytes() == PDF
    assert a["status"] == "whole" and a["problems"] == [] and r["complete"] is True
    # Never over an existing file.
    again = egov.extract_edxml(package, out)["attachments"][0]
    assert again["file_name"] == "passwd (2)"
    # DOC-28: the PDF that was decoded as text comes out with its warning, not silently.
    r = egov.extract_edxml(FIXTURES / CORRUPT_PDF, tmp_path / "corrupt")
    codes = [p["code"] for a in r["attachments"] for p in a["problems"]]
    assert "text_reencoded" in codes
    with pytest.raises(egov.EgovError) as e:
        egov.extract_edxml(tmp_path / "missing.edxml", out)
    assert e.value.code == "io.open"
    with pytest.raises(egov.EdxmlError) as e:
        bad = tmp_path / "bad.edxml"
        bad.write_bytes(b"<edXML><a></edXML>")
        egov.extract_edxml(bad, out)
    assert e.value.code == "edxml.malformed"


# --- signatures -----------------------------------------------------------------------------------

def test_doc_18_signed_with_the_test_rsa_key_verifies_against_the_test_root():
    package = signed_rsa()
    # PKCS#1 v1.5 is deterministic: the same package and key sign to the same bytes.
    assert package == signed_rsa()
    v = egov.verify_edxml(package, anchors_pem=pki("root-ca.pem"))
    assert v["valid"] is True and v["failure_code"] is None and v["failure"] is None
    assert v["signature_algorithm"] == "rsa_sha256" and v["digest_algorithm"] == "sha256"
    assert v["chain"] == {"status": "trusted", "anchor": "CN=egov TEST Root CA,O=egov TEST PKI,C=VN",
                          "length": 2}
    assert "Văn thư TEST RSA" in v["signer"]["subject"]
    assert v["checked_at"] == "2026-12-04T09:30:00+07:00"  # the signing time the trace states
    assert [(f["rule"], f["outcome"]) for f in v["findings"]] == [("DOC-18", "pass")]
    # Still the same package, read as before, the signature in the XMLDSig namespace.
    p = egov.read_edxml(package, with_attachments=True)
    assert p["message"]["signature"]["namespace"] == "http://www.w3.org/2000/09/xmldsig#"
    assert p["contents"] == [PDF]
    # The receiving check with the anchor passes, the signature's finding last.
    r = egov.check_edxml(package, anchors_pem=pki("root-ca.pem").decode())
    assert r["overall"] == "pass" and r["compliant"] is True
    assert (r["findings"][-1]["rule"], r["findings"][-1]["outcome"]) == ("DOC-18", "pass")


def test_doc_18_signed_by_egov_verifies_with_signxml_and_signed_by_signxml_with_egov():
    """The independent XMLDSig implementation (signxml, over lxml/libxml2) both ways."""
    import signxml
    from lxml import etree

    cert = pki("signer-rsa.pem")
    package = signed_rsa()
    verified = signxml.XMLVerifier().verify(package, x509_cert=cert.decode())
    assert etree.tostring(verified.signed_xml).count(b"000.00.00.H41") == 1
    # Tampered: signxml refuses it too.
    with pytest.raises(signxml.exceptions.InvalidSignature):
        signxml.XMLVerifier().verify(package.replace(b"000.00.00.H41", b"000.00.00.H29"),
                                     x509_cert=cert.decode())
    # signxml signs (enveloped, RSA-SHA256, exclusive C14N); egov verifies against the root.
    root = etree.fromstring(built())
    signed = signxml.XMLSigner(method=signxml.methods.enveloped,
                               signature_algorithm="rsa-sha256", digest_algorithm="sha256",
                               c14n_algorithm="http://www.w3.org/2001/10/xml-exc-c14n#").sign(
        root, key=pki("signer-rsa.key"), cert=cert.decode())
    theirs = etree.tostring(signed, xml_declaration=True, encoding="UTF-8")
    v = egov.verify_edxml(theirs, anchors_pem=pki("root-ca.pem"))
    assert v["valid"] is True, v["failure"]
    assert v["signature_algorithm"] == "rsa_sha256"
    v = egov.verify_edxml(theirs.replace(b"cong-van.pdf", b"cong-van.PDF"),
                          anchors_pem=pki("root-ca.pem"))
    assert v["valid"] is False and v["failure_code"] == "dsig.digest_mismatch"


def test_doc_18_ecdsa_p256_through_an_intermediate_verifies():
    chain = pki("signer-ec.pem") + pki("intermediate-ca.pem")
    package = egov.sign_edxml(built(), pki("signer-ec.key"), chain)
    v = egov.verify_edxml(package, anchors_pem=pki("root-ca.pem"))
    assert v["valid"] and v["signature_algorithm"] == "ecdsa_p256_sha256"
    assert v["chain"]["length"] == 3


def test_doc_18_a_package_changed_after_signing_fails():
    package = signed_rsa()
    tampered = package.replace(b"000.00.00.H41", b"000.00.00.H29")
    assert tampered != package
    v = egov.verify_edxml(tampered, anchors_pem=pki("root-ca.pem"))
    assert v["valid"] is False and v["failure_code"] == "dsig.digest_mismatch"
    assert v["failure"]["code"] == "digest_mismatch"
    assert [(f["rule"], f["outcome"]) for f in v["findings"]] == [("DOC-18", "fail")]
    r = egov.check_edxml(tampered, anchors_pem=pki("root-ca.pem"))
    assert r["overall"] == "fail" and findings(r, "DOC-18", "fail")
    # The signature value itself changed (one base64 character): it no longer verifies.
    i = package.index(b"<SignatureValue>") + len(b"<SignatureValue>") + 10
    flipped = package[:i] + (b"A" if package[i:i + 1] != b"A" else b"B") + package[i + 1:]
    v = egov.verify_edxml(flipped, anchors_pem=pki("root-ca.pem"))
    assert (v["valid"], v["failure_code"]) == (False, "dsig.signature_invalid")


def test_doc_18_without_anchors_trust_is_unknown_never_pass():
    package = signed_rsa()
    v = egov.verify_edxml(package)
    assert v["valid"] is True and v["chain"] == {"status": "not_checked"}
    assert [f["outcome"] for f in v["findings"]] == ["unknown"]
    r = egov.check_edxml(package)
    assert r["overall"] == "unknown" and r["compliant"] is False


def test_doc_18_another_root_and_a_time_after_the_certificate_fail():
    package = signed_rsa()
    v = egov.verify_edxml(package, anchors_pem=pki("other-root-ca.pem"))
    assert (v["valid"], v["failure_code"]) == (False, "dsig.untrusted")
    v = egov.verify_edxml(package, anchors_pem=pki("root-ca.pem"),
                          at=dt.datetime(2040, 1, 1, tzinfo=VN))
    assert (v["valid"], v["failure_code"]) == (False, "dsig.expired")
    assert v["checked_at"] == "2040-01-01T00:00:00+07:00"
    with pytest.raises(egov.TimeError):
        egov.verify_edxml(package, at=dt.datetime(2040, 1, 1))  # naive: no offset
    # An expired signer certificate at its signing time.
    expired = egov.sign_edxml(built(), pki("signer-expired.key"), pki("signer-expired.pem"))
    v = egov.verify_edxml(expired, anchors_pem=pki("root-ca.pem"))
    assert (v["valid"], v["failure_code"]) == (False, "dsig.expired")


def test_doc_18_signing_errors_use_the_crates_codes():
    with pytest.raises(egov.EdxmlError) as e:
        egov.sign_edxml(signed_rsa(), pki("signer-rsa.key"), pki("signer-rsa.pem"))
    assert e.value.code == "dsig.sign.already_signed"
    with pytest.raises(egov.EdxmlError) as e:
        egov.sign_edxml(built(), b"not a key", pki("signer-rsa.pem"))
    assert e.value.code == "dsig.sign.key" and isinstance(e.value, ValueError)
    with pytest.raises(egov.EdxmlError) as e:
        egov.sign_edxml(b"not xml", pki("signer-rsa.key"), pki("signer-rsa.pem"))
    assert e.value.code == "dsig.sign.read"
    with pytest.raises(egov.InvalidArgumentError):
        egov.sign_edxml(built(), pki("signer-rsa.key"), pki("signer-rsa.pem"), digest="md5")
    # SHA-1 only behind its explicit legacy option (issue 12), and then verified with a warning.
    with pytest.raises(egov.EdxmlError) as e:
        egov.sign_edxml(built(), pki("signer-rsa.key"), pki("signer-rsa.pem"), digest="sha1")
    assert e.value.code == "dsig.sign.legacy_sha1" and "SHA-1" in e.value.message_vi
    legacy = egov.sign_edxml(built(), pki("signer-rsa.key"), pki("signer-rsa.pem"),
                             digest="sha1", legacy_sha1=True)
    assert b"xmldsig#sha1" in legacy
    v = egov.verify_edxml(legacy, anchors_pem=pki("root-ca.pem"))
    assert v["valid"] and any("SHA-1" in w for w in v["warnings"]), v
    # PEM as str is accepted too; SHA-384 on request.
    package = egov.sign_edxml(built(), pki("signer-rsa.key").decode(), pki("signer-rsa.pem").decode(),
                              digest="sha384")
    v = egov.verify_edxml(package, anchors_pem=pki("root-ca.pem").decode())
    assert v["valid"] and v["digest_algorithm"] == "sha384"


def test_doc_18_anchors_that_are_not_certificates_are_an_argument_error():
    for call in (lambda: egov.verify_edxml(built(), anchors_pem=b"no certificate here"),
                 lambda: egov.check_edxml(built(), anchors_pem="no certificate here")):
        with pytest.raises(egov.InvalidArgumentError) as e:
            call()
        assert e.value.code == "ffi.invalid_anchors"


def test_doc_18_the_vpcp_placeholder_signature_and_an_unsigned_package_fail():
    v = egov.verify_edxml(fixture("vnpt-edxml102-builder-output-2019-04-11.edxml"))
    assert (v["valid"], v["failure_code"]) == (False, "dsig.placeholder")
    v = egov.verify_edxml(built())
    assert (v["valid"], v["failure_code"]) == (False, "dsig.no_signature")


# --- untrusted input ----------------------------------------------------------------------------

def test_doc_28_a_doctype_is_refused_before_any_entity_is_expanded():
    for data in (b'<?xml version="1.0"?>\n<!DOCTYPE edXML [<!ENTITY x "y">]>\n<edXML>&x;</edXML>',
                 b'<!DOCTYPE edXML SYSTEM "file:///etc/passwd"><edXML/>'):
        for call in (egov.read_edxml, egov.check_edxml):
            with pytest.raises(egov.EdxmlError) as e:
                call(data)
            assert e.value.code == "edxml.doctype"


def test_doc_28_malformed_xml_is_refused_with_its_line():
    with pytest.raises(egov.EdxmlError) as e:
        egov.read_edxml(b'<?xml version="1.0"?>\n<edXML>\n  <a>\n</edXML>\n')
    assert e.value.code == "edxml.malformed"
    assert "line 4, column 1" in e.value.message
    assert isinstance(e.value, ValueError) and isinstance(e.value, egov.EgovError)


def test_doc_28_limits_and_what_is_not_edxml_are_refused():
    with pytest.raises(egov.EdxmlError) as e:
        egov.read_edxml(fixture(STATUS_01), limits={"max_depth": 3})
    assert e.value.code == "edxml.limit"
    with pytest.raises(egov.EdxmlError) as e:
        egov.read_edxml(b"<html><body/></html>")
    assert e.value.code == "edxml.not_edxml"
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.read_edxml(fixture(STATUS_01), unwrap="sometimes")
    assert e.value.code == "ffi.invalid_json"
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.read_edxml(b"<" * (64 * 1024 * 1024 + 1))
    assert e.value.code == "ffi.input_too_large"


def test_every_real_package_reads_and_checks_through_the_binding():
    names = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".edxml", ".xml"))
    assert len(names) >= 18
    for name in names:
        data = fixture(name)
        p = egov.read_edxml(data, with_attachments=True)
        assert p["sha256"] == hashlib.sha256(data).hexdigest(), name
        attachments = p["message"].get("attachments", [])
        assert len(p["contents"]) == len(attachments), name
        for a, c in zip(attachments, p["contents"]):
            if a.get("payload"):
                assert hashlib.sha256(c).hexdigest() == a["payload"]["content_sha256"], name
        r = egov.check_edxml(data)
        assert r["overall"] in ("pass", "fail", "unknown") and r["findings"], name


def test_large_package_calls_release_the_gil():
    content = bytes(range(256)) * (96 * 1024)  # 24 MiB that do not compress
    package = egov.build_edxml(MESSAGE, [content])
    started, done = threading.Event(), threading.Event()
    result = {}

    def work():
        started.set()
        t0 = time.perf_counter()
        result["p"] = egov.read_edxml(package, with_attachments=True)
        result["span"] = (t0, time.perf_counter())
        done.set()

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    stamps, n = [], 0
    while not done.is_set():  # Python work in this thread while the package is read in the other
        n += 1
        if n % 64 == 0:
            stamps.append(time.perf_counter())
    t.join()
    t0, t1 = result["span"]
    assert result["p"]["contents"] == [content]
    points = [t0] + [s for s in stamps if t0 < s < t1] + [t1]
    longest_pause = max(b - a for a, b in zip(points, points[1:]))
    # With the GIL held for the call this thread would stand still from t0 to t1.
    assert longest_pause < 0.5 * (t1 - t0), (longest_pause, t1 - t0)


class _ServiceSigner:
    """What a token's library or a remote signing service does, here with the test keys in
    `cryptography`: egov hands over the bytes to sign, the service returns the signature."""

    def __init__(self, stem: str, algorithm: str, *, der: bool = False) -> None:
        from cryptography.hazmat.primitives import serialization

        self.key = serialization.load_pem_private_key(pki(f"{stem}.key"), None)
        self.certificates_pem = pki(f"{stem}.pem")
        self.algorithm = algorithm
        self.der = der
        self.calls = 0

    def sign(self, data: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec, padding, utils

        self.calls += 1
        if self.algorithm == "ecdsa_p256_sha256":
            der = self.key.sign(data, ec.ECDSA(hashes.SHA256()))
            if self.der:
                return der
            r, s = utils.decode_dss_signature(der)
            return r.to_bytes(32, "big") + s.to_bytes(32, "big")
        return self.key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def test_doc_18_a_signer_of_the_callers_own_signs_packages_and_pdfs():
    # RSA and ECDSA P-256 (raw r||s or DER), the private-key operation outside egov.
    for stem, algorithm, der in (("signer-rsa", "rsa_sha256", False),
                                 ("signer-ec", "ecdsa_p256_sha256", False),
                                 ("signer-ec", "ecdsa_p256_sha256", True)):
        service = _ServiceSigner(stem, algorithm, der=der)
        signed = egov.sign_edxml(built(), signer=service)
        assert service.calls == 1
        v = egov.verify_edxml(signed, anchors_pem=pki("root-ca.pem") + pki("intermediate-ca.pem"))
        assert v["valid"] and v["signature_algorithm"] == algorithm, v
    service = _ServiceSigner("signer-rsa", "rsa_sha256")
    pdf = (ROOT / "testdata" / "pdf" / "libreoffice-6-4-writer-multilang.pdf").read_bytes()
    signed_pdf, meta = egov.sign_pdf(pdf, signer=service)
    assert meta["key_source"] == "external" and service.calls == 1
    report = egov.verify_pdf_signatures(signed_pdf, anchors_pem=pki("root-ca.pem"))
    assert report["all_valid"], report


def test_doc_18_what_a_callers_signer_does_wrong_is_said():
    class Unplugged(Exception):
        pass

    class Gone(_ServiceSigner):
        def sign(self, data: bytes) -> bytes:
            raise Unplugged("the token was removed")

    # The signer's own exception comes out unchanged.
    with pytest.raises(Unplugged):
        egov.sign_edxml(built(), signer=Gone("signer-rsa", "rsa_sha256"))
    with pytest.raises(Unplugged):
        egov.sign_pdf((ROOT / "testdata" / "pdf" / "libreoffice-6-4-writer-multilang.pdf").read_bytes(),
                      signer=Gone("signer-rsa", "rsa_sha256"))

    class NotBytes(_ServiceSigner):
        def sign(self, data: bytes) -> bytes:
            return "signature"  # type: ignore[return-value]

    with pytest.raises(TypeError):
        egov.sign_edxml(built(), signer=NotBytes("signer-rsa", "rsa_sha256"))
    # An algorithm egov does not know; a key and a signer; neither.
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.sign_edxml(built(), signer=_ServiceSigner("signer-rsa", "RSA-SHA256"))
    assert "rsa_sha256" in e.value.message_vi
    with pytest.raises(egov.InvalidArgumentError):
        egov.sign_edxml(built(), pki("signer-rsa.key"), pki("signer-rsa.pem"),
                        signer=_ServiceSigner("signer-rsa", "rsa_sha256"))
    with pytest.raises(egov.InvalidArgumentError) as e:
        egov.sign_edxml(built())
    assert e.value.message_vi
    # RSA-SHA1 from a signer: only with legacy_sha1 (issue 12).
    with pytest.raises(egov.EdxmlError) as e:
        egov.sign_edxml(built(), signer=_ServiceSigner("signer-rsa", "rsa_sha1"))
    assert e.value.code == "dsig.sign.legacy_sha1"


# --- files: bytes or a path, never a path's text ------------------------------------------------

def test_doc_28_a_path_is_read_not_checked_as_the_document(tmp_path):
    """``bytes(pathlib.Path(...))`` is the path's own text: a package given as a Path was once
    checked as that text ('not well-formed XML'). Every function taking a file's content takes
    bytes or a path to read, and refuses anything else by name."""
    path = FIXTURES / CORRUPT_PDF
    by_bytes = egov.check_edxml(path.read_bytes())
    by_path = egov.check_edxml(path)
    assert by_path["sha256"] == by_bytes["sha256"]
    assert by_path["findings"] == by_bytes["findings"]
    package = tmp_path / "built.edxml"
    attachment = tmp_path / "cong-van.pdf"
    attachment.write_bytes(PDF)
    package.write_bytes(egov.build_edxml(MESSAGE, [attachment]))
    assert package.read_bytes() == built()
    signed = egov.sign_edxml(package, pki("signer-rsa.key"), pki("signer-rsa.pem"))
    (tmp_path / "signed.edxml").write_bytes(signed)
    verified = egov.verify_edxml(tmp_path / "signed.edxml", anchors_pem=pki("root-ca.pem"))
    assert verified == egov.verify_edxml(signed, anchors_pem=pki("root-ca.pem"))
    for wrong in (str(path), 42, None):
        with pytest.raises(TypeError, match="^data: expected bytes or a path"):
            egov.check_edxml(wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^attachments\[\]: expected bytes or a path"):
        egov.build_edxml(MESSAGE, [str(attachment)])  # type: ignore[list-item]


def test_doc_10_dates_written_by_a_person_are_put_in_edxml_form_before_building():
    message = json.loads(json.dumps(MESSAGE))
    message["header"]["promulgation_info"]["date"] = "04/12/2026"
    message["header"]["due_date"] = "ngày 14 tháng 12 năm 2026"
    fixed = egov.edxml_qcvn_dates(message)
    assert [(r["given"], r["written"]) for r in fixed["dates_rewritten"]] == [
        ("04/12/2026", "2026/12/04"), ("ngày 14 tháng 12 năm 2026", "2026/12/14")]
    assert fixed["message"]["header"]["due_date"] == "2026/12/14"
    package = egov.build_edxml(fixed["message"], [PDF])
    assert b"<edXML:PromulgationDate>2026/12/04</edXML:PromulgationDate>" in package
    assert egov.edxml_qcvn_dates(fixed["message"])["dates_rewritten"] == []
    message["header"]["due_date"] = "tuần sau"
    with pytest.raises(egov.EdxmlError) as e:
        egov.edxml_qcvn_dates(message)
    assert e.value.code == "edxml.build.date"
    assert "MessageHeader/DueDate" in e.value.message_vi
