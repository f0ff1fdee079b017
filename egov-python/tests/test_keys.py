"""CONV-02, CONV-05 from Python: signing keys, their trust sets, compromised keys."""

from __future__ import annotations

import pytest

import egov


def test_conv_02_python_generates_keys_and_exports_the_trust_set() -> None:
    k = egov.generate_signing_key("UBND phường Hàng Bạc")
    assert len(k["key"]["secret_key"]) == 64
    assert k["trust_set"]["keys"][0]["public_key"] == k["key"]["public_key"]
    assert egov.generate_signing_key("x")["key"]["secret_key"] != k["key"]["secret_key"]
    t = egov.trust_set_from_key(k["key"])
    assert t["trust_set"] == k["trust_set"]
    forged = dict(k["key"], public_key="ab" * 32)
    with pytest.raises(egov.EgovError) as e:
        egov.trust_set_from_key(forged)
    assert e.value.code == "key.mismatch"
    # A new key names its holder: a verifier shows the label as the signer.
    with pytest.raises(egov.EgovError) as e:
        egov.generate_signing_key("  ")
    assert e.value.code == "key.blank_label"
    assert "người ký" in e.value.message_vi
    # The key signs a mark that its trust set verifies; marked compromised, it verifies nothing.
    mark = egov.make_conversion_mark("paper_to_data", "2026-03-02T09:15:00+07:00",
                                     "UBND phường Hàng Bạc")["mark"]
    signed = egov.sign_conversion_mark(mark, b"scan", k["key"]["secret_key"])
    assert egov.verify_conversion_qr(signed["qr_text"], k["trust_set"], b"scan")["verified"]
    bad = {"keys": [dict(k["trust_set"]["keys"][0], compromised=True)]}
    v = egov.verify_conversion_qr(signed["qr_text"], bad, b"scan")
    assert not v["verified"] and v["failure"]["code"] == "trust.key_compromised"
