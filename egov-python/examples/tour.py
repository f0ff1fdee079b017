"""egov from Python, one call per domain: the same engine as the Rust tour and the C ABI.

Run after installing the package (``pip install ./egov-python``):

    python egov-python/examples/tour.py
"""

from __future__ import annotations

import datetime as dt
import pathlib

import egov

VN = dt.timezone(dt.timedelta(hours=7))
TESTDATA = pathlib.Path(__file__).resolve().parents[2] / "testdata"


def heading(text: str) -> None:
    print(f"\n== {text}")


heading("Identifiers and documents (QĐ 28/2018/QĐ-TTg)")
code = egov.parse_agency_code("000.00.18.G12")
print(f"agency code {code['code']}: level {code['level']}, parent {code['parent']}")
try:
    egov.parse_agency_code("28.22.H17")
except egov.AgencyCodeError as e:
    print(f"28.22.H17 rejected: [{e.code}]")
number = egov.parse_document_number("28/2018/QĐ-TTg")
print(f"number 28/2018/QĐ-TTg: {number['doc_type']['name_vi']}, issuer {number['issuer']}")
deadline = egov.send_deadline(dt.datetime(2026, 2, 13, 16, 0, tzinfo=VN))
print(f"signed Friday 13/02/2026 16:00, send by {deadline['deadline']['latest']:%d/%m/%Y %H:%M}"
      " (Tết 2026 in between)")

heading("Conversion marks (NĐ 137/2024 Đ4–5)")
made = egov.make_conversion_mark("paper_to_data", dt.datetime(2026, 3, 2, 9, 15, tzinfo=VN),
                                 "Ủy ban nhân dân phường Bến Nghé")
signed = egov.sign_conversion_mark(made["mark"], b"scanned page", "07" * 32)
trust = {"keys": [{"label": "UBND", "public_key": signed["public_key"]}]}
print(f"mark: {made['mark']['mark_text']!r}, QR version {signed['qr_version']}")
print("verified offline:", egov.verify_conversion_qr(signed["qr_text"], trust, b"scanned page")["verified"])
print("tampered content:", egov.verify_conversion_qr(signed["qr_text"], trust, b"other page")["verified"])

heading("Platform size classes (NĐ 137/2024 Đ17–18)")
counter = egov.ActiveUserCounter()
counter.feed_csv(b"user_id,timestamp,kind,in_vietnam\n1,2025-01-31T16:59:59Z,login,1\n"
                 b"1,2025-01-31T17:30:00Z,login,1\n")
lines = counter.finish_csv()
print("months in Vietnam time:", [(m["month"], m["active_users"]) for m in counter.months()],
      f"({lines['events']} events, {lines['malformed']} malformed)")
monthly = [{"month": f"2025-{m:02d}", "active_users": 3_100_000} for m in range(1, 13)]
c = egov.classify_platform(monthly, 100_000_000, dt.date(2026, 1, 10), intermediary="attested")
print(f"mean 3.1 M of 100 M people: {c['scale']} → {c['class']}")
due = egov.platform_next_due(dt.date(2025, 6, 1), operating_since=dt.date(2020, 1, 1))
print(f"first self-classification due {due['due_on']} ({due['rule']})")

heading("Network trust (NĐ 137/2024 Đ21)")
site = egov.evaluate_site({
    "now": dt.datetime(2026, 2, 1, 9, 0, tzinfo=VN),
    "host": "www.digicert.com",
    "tls": {"chain": (TESTDATA / "trust/certs/digicert_chain.pem").read_bytes(),
            "version": "TLSv1.3", "cipher_suite": "TLS_AES_256_GCM_SHA384"},
    "security_txt": {"content": (TESTDATA / "trust/securitytxt/nine-security.txt").read_bytes()},
    "blocklist": {"source": "example list", "entries": "evil.vn\n"},
})
for v in site["verdicts"]:
    print(f"  {v['criterion']}) {v['outcome']}")
print("meets the criteria:", site["meets_criteria"], "(missing evidence is unknown, never pass)")

heading("edXML packages (QĐ 28/2018 Đ6, Đ9.1; QCVN 102:2016)")
received = (TESTDATA / "edxml/vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml").read_bytes()
report = egov.check_edxml(received)
failing = [f for f in report["findings"] if f["outcome"] == "fail"]
print(f"received package: {report['overall']}, {len(failing)} failing of {len(report['findings'])}")
for f in failing[:2]:
    print(f"  [{f['rule']}] {f['message_vi']}")
message = egov.read_edxml(received)["message"]
rebuilt = egov.build_edxml(message, [b"%PDF-1.7\n%%EOF\n"])
pki = TESTDATA / "pki"
chain = (pki / "signer-ec.pem").read_bytes() + (pki / "intermediate-ca.pem").read_bytes()
signed_package = egov.sign_edxml(rebuilt, (pki / "signer-ec.key").read_bytes(), chain)
v = egov.verify_edxml(signed_package, anchors_pem=(pki / "root-ca.pem").read_bytes(),
                      at=dt.datetime(2026, 12, 4, 9, 0, tzinfo=VN))
print(f"rebuilt and signed ({v['signature_algorithm']}): valid {v['valid']}")
tampered = signed_package.replace(b"vxp.saas.03", b"vxp.saas.04", 1)
print("changed after signing:", egov.verify_edxml(tampered)["failure_code"])
