"""PDF files from Python (issue 13): a real LibreOffice Writer PDF signed with a PAdES signature
from the test PKI of testdata/pki (PEM and PKCS#12, bytes and paths), verified by egov against
the test root and by pyHanko, the independent validator; tampering, another root, a later check
time; a conversion mark stamped and verified (NĐ 137/2024 Đ4, Đ5), then signed over; the
encrypted file and the argument errors refused with their codes."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import pathlib

import pytest

import egov

ROOT = pathlib.Path(__file__).resolve().parents[2]
PDFS = ROOT / "testdata" / "pdf"
PKI = ROOT / "testdata" / "pki"
VN = dt.timezone(dt.timedelta(hours=7))

MULTILANG = PDFS / "libreoffice-6-4-writer-multilang.pdf"
ENCRYPTED = PDFS / "libreoffice-writer-user-password-encrypted.pdf"
SIGNING_TIME = dt.datetime(2026, 1, 15, 9, 0, tzinfo=VN)
SIGNER = "CN=Văn thư TEST RSA,O=egov TEST PKI,C=VN"
TEST_ROOT = "CN=egov TEST Root CA,O=egov TEST PKI,C=VN"

SEED = "07" * 32
TRUST = {"keys": [{"label": "UBND phường Hàng Bạc",
                   "public_key": "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"}]}
# Data → paper (Đ5): the document printed from the ward's document system.
MARK = {
    "direction": "data_to_paper", "profile": "general",
    "mark_text": "Văn bản giấy được chuyển đổi từ thông điệp dữ liệu",
    "converted_at": "2026-03-02T14:05:09+07:00",
    "converter_full_name": "Ủy ban nhân dân phường Hàng Bạc",
    "source_system": {
        "system_name": "Hệ thống quản lý văn bản và điều hành phường Hàng Bạc",
        "owner_name": "Ủy ban nhân dân phường Hàng Bạc",
        "locator": {"kind": "full_url",
                    "url": "https://qlvb.hangbac.hanoi.gov.vn/van-ban/2026-0001"},
    },
}


def pki(name: str) -> bytes:
    return (PKI / name).read_bytes()


def signed_pem(data: "bytes | pathlib.Path" = MULTILANG) -> "tuple[bytes, dict]":
    return egov.sign_pdf(data, pki("signer-rsa.key"), pki("signer-rsa.pem"),
                         signing_time=SIGNING_TIME, reason="Sao từ văn bản giấy",
                         location="Hà Nội")


def test_doc_18_a_real_pdf_signed_with_the_pem_key_verifies_against_the_test_root():
    original = MULTILANG.read_bytes()
    pdf, summary = signed_pem(original)
    # An incremental update: the original bytes are the prefix.
    assert pdf.startswith(original) and len(pdf) > len(original)
    assert summary["level"] == "PAdES-B-B" and summary["field_name"] == "Signature1"
    assert summary["signer"]["subject"] == SIGNER
    assert summary["key_source"] == "pem" and summary["algorithm"] == "rsa_sha256"
    assert summary["claimed_time"] == "2026-01-15T09:00:00+07:00"
    assert summary["original_len"] == len(original) and summary["output_len"] == len(pdf)
    assert summary["output_sha256"] == hashlib.sha256(pdf).hexdigest()
    a, b, c, n = summary["byte_range"]
    assert a == 0 and c + n == len(pdf) and b < c
    # RSA PKCS#1 v1.5 and a fixed /M: the same bytes every time (testdata/vectors/pdf.json).
    assert signed_pem(MULTILANG)[0] == pdf
    assert summary["output_sha256"] == "2194bb48fb0ad632bad2ba71d50353479227730353c93e398ffbfe41cbd7a172"

    report = egov.verify_pdf_signatures(pdf, anchors_pem=pki("root-ca.pem"))
    assert report["all_valid"] is True and report["revisions"] == 2
    [sig] = report["signatures"]
    assert sig["valid"] is True and sig["kind"] == "approval"
    assert sig["sub_filter"] == "ETSI.CAdES.detached"
    assert sig["byte_range"] == summary["byte_range"] and sig["signed_len"] == len(pdf)
    assert (sig["revision"], sig["revisions_after"]) == (2, 0)
    assert sig["cms"]["chain"] == {"status": "trusted", "anchor": TEST_ROOT, "length": 2}
    assert sig["cms"]["signer"]["subject"] == SIGNER
    assert sig["cms"]["signing_certificate_bound"] is True
    assert [(f["rule"], f["outcome"]) for f in report["findings"]] == [("DOC-18", "pass")]


def test_doc_18_pyhanko_validates_the_signed_pdf():
    """The independent PAdES validator (pyHanko's Python API), the test root as trust anchor."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    pdf, _ = signed_pem()
    context = ValidationContext(trust_roots=[load_cert_from_pemder(str(PKI / "root-ca.pem"))],
                                allow_fetching=False, revocation_mode="soft-fail")
    [sig] = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert sig.field_name == "Signature1"
    status = validate_pdf_signature(sig, context)
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.bottom_line, status.pretty_print_details()
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.signer_reported_dt == SIGNING_TIME
    # Changed after signing: pyHanko refuses it too.
    tampered = pdf.replace(b"/Lang(en-US)", b"/Lang(vi-VN)", 1)
    [sig] = PdfFileReader(io.BytesIO(tampered)).embedded_signatures
    assert not validate_pdf_signature(sig, context).intact


def test_doc_18_the_pkcs12_file_signs_from_paths():
    pdf, summary = egov.sign_pdf(MULTILANG, pkcs12=PKI / "signer-rsa.p12", password="egov-test",
                                 field_name="VanThu", signing_time=SIGNING_TIME)
    assert summary["key_source"] == "pkcs12" and summary["field_name"] == "VanThu"
    # The file holds the root too; the signature carries the chain as stored.
    assert summary["certificates"] == 2 and summary["signer"]["subject"] == SIGNER
    report = egov.verify_pdf_signatures(pdf, anchors_pem=(PKI / "root-ca.pem").read_text())
    assert report["all_valid"] is True
    assert report["signatures"][0]["field_name"] == "VanThu"
    # PKCS#12 bytes work the same; a wrong password is the signer's error, not the PDF's.
    same, _ = egov.sign_pdf(MULTILANG, pkcs12=pki("signer-rsa.p12"), password="egov-test",
                            field_name="VanThu", signing_time=SIGNING_TIME)
    assert same == pdf
    with pytest.raises(egov.PdfError) as info:
        egov.sign_pdf(MULTILANG, pkcs12=pki("signer-rsa.p12"), password="wrong")
    assert info.value.code == "sign.key.pkcs12"


def test_doc_18_changes_another_root_and_a_later_time_fail_without_anchors_trust_is_not_claimed():
    pdf, _ = signed_pem()
    tampered = pdf.replace(b"/Lang(en-US)", b"/Lang(vi-VN)", 1)
    assert tampered != pdf
    report = egov.verify_pdf_signatures(tampered, anchors_pem=pki("root-ca.pem"))
    assert report["all_valid"] is False
    assert report["signatures"][0]["cms"]["failure"]["code"] == "digest_mismatch"
    assert [(f["rule"], f["outcome"]) for f in report["findings"]] == [("DOC-18", "fail")]

    report = egov.verify_pdf_signatures(pdf, anchors_pem=pki("other-root-ca.pem"))
    assert report["all_valid"] is False
    assert report["signatures"][0]["cms"]["failure"]["code"] == "untrusted"

    report = egov.verify_pdf_signatures(pdf, anchors_pem=pki("root-ca.pem"),
                                        at=dt.datetime(2040, 1, 1, tzinfo=VN))
    cms = report["signatures"][0]["cms"]
    assert cms["failure"]["code"] == "expired" and cms["time_source"] == "caller"

    report = egov.verify_pdf_signatures(pdf)
    assert report["all_valid"] is True
    assert report["signatures"][0]["cms"]["chain"] == {"status": "not_checked"}
    # An unsigned PDF: nothing to verify, so not all valid.
    report = egov.verify_pdf_signatures(MULTILANG, anchors_pem=pki("root-ca.pem"))
    assert report["all_valid"] is False and report["signatures"] == []


def test_conv_12_a_mark_stamped_on_a_real_pdf_verifies_with_its_printed_qr_code(tmp_path):
    original = MULTILANG.read_bytes()
    stamped, meta = egov.stamp_pdf(MULTILANG, MARK, SEED)
    assert stamped.startswith(original)
    assert meta["page"] == 1 and meta["corner"] == "top_right" and meta["mode"] == "content"
    assert meta["original_len"] == len(original)
    assert meta["original_sha256"] == hashlib.sha256(original).hexdigest()
    assert meta["output_sha256"] == hashlib.sha256(stamped).hexdigest()
    assert meta["mark"]["extensions"] == {"pdf.len": str(len(original))}
    assert meta["mark"]["converted_at"] == dt.datetime(2026, 3, 2, 14, 5, 9, tzinfo=VN)
    assert meta["block"]["printed_lines"][0].startswith("Văn bản giấy được chuyển đổi")
    assert meta["qr_text"].startswith("EGCM:") and meta["findings"] == []
    # The same bytes on every run (Ed25519 is deterministic): testdata/vectors/pdf.json.
    assert egov.stamp_pdf(original, MARK, SEED)[0] == stamped

    path = tmp_path / "stamped.pdf"
    path.write_bytes(stamped)
    v = egov.verify_pdf(path, TRUST)
    assert v["verified"] is True
    assert v["original_len"] == len(original)
    assert v["verification"]["state"] == "content_matches"
    assert v["printed"]["matches_xmp"] is True and v["printed"]["marks_found"] == 1
    assert [len(v["revisions_after"]), v["revisions_after"][0]["chains"]] == [1, True]
    assert {f["outcome"] for f in v["findings"]} == {"pass"}
    # Another key's trust set: a result, not an error.
    other = {"keys": [{"label": "x", "public_key": "ab" * 32}]}
    assert egov.verify_pdf(stamped, other, render=False)["verified"] is False


def test_conv_16_a_mark_stamped_after_a_signature_leaves_the_signature_covering_its_revision():
    signed, _ = signed_pem()
    stamped, meta = egov.stamp_pdf(signed, MARK, SEED, placement={"at": "corner",
                                                                  "corner": "bottom_left",
                                                                  "margin_mm": 10})
    assert stamped.startswith(signed) and meta["corner"] == "bottom_left"
    # The library says what the change means for the signature.
    assert meta["findings"], meta
    report = egov.verify_pdf_signatures(stamped, anchors_pem=pki("root-ca.pem"))
    assert report["revisions"] == 3
    [sig] = report["signatures"]
    assert sig["valid"] is True and (sig["revision"], sig["revisions_after"]) == (2, 1)
    # The stamp changes what page 1 shows: not an update permitted after signing.
    [update] = report["updates"]
    assert update["revision"] == 3 and update["permitted"] is False
    assert update["adds"] == ["metadata"]  # the mark in the XMP: metadata, permitted alone
    assert {"change": "page", "page": 1, "key": "/Contents"} in update["other_changes"]
    assert any(f["outcome"] == "warning" and "trang 1" in f["message_vi"]
               for f in report["findings"])
    v = egov.verify_pdf(stamped, TRUST)
    assert v["verified"] is True
    assert [s["field_name"] for s in v["signatures"]] == ["Signature1"]


def test_doc_18_validation_data_and_a_document_time_stamp_after_a_signature_are_permitted():
    # pyHanko's PAdES-B-LTA file: /DSS and a document time-stamp (revision 4), /DSS (5).
    report = egov.verify_pdf_signatures(PDFS / "pyhanko-pades-b-lta-dss-doctimestamp.pdf")
    assert [(u["revision"], u["adds"], u["permitted"]) for u in report["updates"]] == [
        (4, ["validation_data", "document_timestamp"], True), (5, ["validation_data"], True)]
    assert not any(f["outcome"] == "warning" for f in report["findings"])


def test_the_encrypted_pdf_is_refused_by_every_function():
    key, cert = pki("signer-rsa.key"), pki("signer-rsa.pem")
    calls = [
        lambda: egov.stamp_pdf(ENCRYPTED, MARK, SEED),
        lambda: egov.verify_pdf(ENCRYPTED, TRUST),
        lambda: egov.sign_pdf(ENCRYPTED, key, cert),
        lambda: egov.verify_pdf_signatures(ENCRYPTED.read_bytes()),
    ]
    for call in calls:
        with pytest.raises(egov.PdfError) as info:
            call()
        assert info.value.code == "pdf.encrypted"
        assert isinstance(info.value, ValueError) and "encrypted" in info.value.message


def test_argument_errors_use_their_codes():
    key, cert = pki("signer-rsa.key"), pki("signer-rsa.pem")
    original = MULTILANG.read_bytes()
    with pytest.raises(egov.InvalidArgumentError) as info:
        egov.sign_pdf(original)
    assert info.value.code == "ffi.invalid_arguments"
    with pytest.raises(egov.InvalidArgumentError) as info:
        egov.sign_pdf(original, key, cert, pkcs12=pki("signer-rsa.p12"), password="egov-test")
    assert info.value.code == "ffi.invalid_arguments"
    with pytest.raises(egov.PdfError) as info:
        egov.sign_pdf(original, key, pki("signer-ec.pem"))
    assert info.value.code == "sign.key.certificate_mismatch"
    with pytest.raises(egov.PdfError) as info:
        egov.sign_pdf(original, key, cert, reserve_bytes=100)
    assert info.value.code == "pdf.sign"
    with pytest.raises(egov.InvalidArgumentError) as info:  # a naive time has no offset
        egov.sign_pdf(original, key, cert, signing_time="2026-01-15T09:00:00")
    assert info.value.code == "ffi.invalid_json"
    with pytest.raises(egov.PdfError) as info:
        egov.stamp_pdf(original, MARK, SEED, page=2)
    assert info.value.code == "pdf.no_such_page"
    with pytest.raises(egov.PdfError) as info:
        egov.stamp_pdf(b"not a PDF", MARK, SEED)
    assert info.value.code == "pdf.not_pdf"
    assert "%PDF-" in info.value.message_vi and "không phải là PDF" in info.value.message_vi
    with pytest.raises(egov.PdfError) as info:
        egov.stamp_pdf(b"%PDF-1.7 garbage", MARK, SEED)
    assert info.value.code == "pdf.parse"
    with pytest.raises(egov.InvalidArgumentError) as info:
        egov.stamp_pdf(original, MARK, SEED, options={"stamp": {"pagee": 1}})
    assert info.value.code == "ffi.invalid_json"
    with pytest.raises(egov.InvalidArgumentError) as info:
        egov.verify_pdf_signatures(original, anchors_pem="not PEM")
    assert info.value.code == "ffi.invalid_anchors"
    with pytest.raises(egov.ConversionError) as info:
        egov.verify_pdf(original, {"keys": [{"label": "x", "public_key": "12"}]})
    assert info.value.code == "trust_set.invalid"
    # A str is text, not a path: only os.PathLike is read as a file.
    with pytest.raises(TypeError):
        egov.verify_pdf_signatures(str(MULTILANG))  # type: ignore[arg-type]
