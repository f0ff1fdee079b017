"""Trust lists of conversion-mark keys (issue 14) from Python, and the format checked with an
independent implementation: Python's own JSON canonical form (RFC 8785 for the integers and
strings a list holds) and the ``cryptography`` package's Ed25519, both ways."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

import egov

VN = dt.timezone(dt.timedelta(hours=7))
AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=VN)
OP_SEED = "01" * 32
MARK_SEED = "07" * 32


def public_of(seed_hex: str) -> str:
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(seed_hex))
    return key.public_key().public_bytes_raw().hex()


def canonical(value: object) -> bytes:
    """RFC 8785 for objects, arrays, strings and integers, as Python writes it."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def signed_message(trust_list: dict[str, object]) -> bytes:
    return b"egov-trust-list:v1\x00" + canonical(trust_list)


def national() -> dict[str, object]:
    t = egov.new_trust_list("Bộ Thông tin và Truyền thông", agency_code="000.00.00.G12",
                            issued_at=AT, next_update=AT + dt.timedelta(days=120))
    t = egov.add_trust_list_entry(t, public_of(MARK_SEED), holder="Ủy ban nhân dân phường Hàng Bạc",
                                  agency_code="000.01.01.H26",
                                  valid_from=dt.datetime(2025, 1, 1, tzinfo=VN))
    return egov.issue_trust_list(t, OP_SEED, issued_at=AT,
                                 next_update=AT + dt.timedelta(days=120))


def mark_qr(at: str = "2026-03-02T09:15:00+07:00") -> str:
    mark = egov.make_conversion_mark("paper_to_data", at, "UBND phường Hàng Bạc")["mark"]
    qr: str = egov.sign_conversion_mark(mark, b"scan", MARK_SEED)["qr_text"]
    return qr


def test_conv_03_python_builds_issues_and_checks_marks() -> None:
    t = national()
    assert t["list"]["sequence"] == 1
    assert t["signatures"][0]["key_id"] == egov.trust_set_from_key(
        {"label": "op", "key_id": t["signatures"][0]["key_id"], "public_key": public_of(OP_SEED),
         "secret_key": OP_SEED})["key_id"]
    v = egov.verify_trust_lists(t, public_of(OP_SEED), at=AT)
    assert v["lists"][0]["accepted"] and not v["lists"][0]["stale"]
    assert v["findings"] == []

    c = egov.check_mark(mark_qr(), t, [public_of(OP_SEED)], at=AT, content=b"scan")
    assert c["status"] == "verified"
    assert c["holder"]["name"] == "Ủy ban nhân dân phường Hàng Bạc"
    assert c["verification"]["state"] == "content_matches"
    assert c["findings"][0]["message_vi"].startswith("Đã xác thực")
    assert egov.check_mark(mark_qr(), t, public_of(OP_SEED), at=AT,
                           content=b"other")["status"] == "content_mismatch"
    assert egov.check_mark(mark_qr(), t, public_of(OP_SEED),
                           at=AT + dt.timedelta(days=200))["status"] == "list_stale"
    assert egov.check_mark(mark_qr(), t, public_of(MARK_SEED), at=AT)["status"] == "key_unknown"
    assert egov.check_mark("EGCM:1", t, public_of(OP_SEED), at=AT)["status"] == "malformed"

    key_id = t["list"]["entries"][0]["key_id"]
    revoked = egov.revoke_trust_list_key(t, key_id, at=AT, reason="lộ khóa")
    assert revoked["signatures"] == []
    revoked = egov.issue_trust_list(revoked, OP_SEED, issued_at=AT,
                                    next_update=AT + dt.timedelta(days=30))
    assert revoked["list"]["sequence"] == 2
    c = egov.check_mark(mark_qr("2026-01-01T09:00:00+07:00"), revoked, public_of(OP_SEED), at=AT)
    assert c["status"] == "key_revoked"
    assert c["key_status"]["reason"] == "lộ khóa"
    retired = egov.issue_trust_list(
        egov.retire_trust_list_key(t, key_id, at=dt.datetime(2026, 3, 1, tzinfo=VN)), OP_SEED,
        issued_at=AT, next_update=AT + dt.timedelta(days=30))
    assert egov.check_mark(mark_qr("2026-02-27T09:00:00+07:00"), retired, public_of(OP_SEED),
                           at=AT)["status"] == "verified"
    assert egov.check_mark(mark_qr(), retired, public_of(OP_SEED),
                           at=AT)["status"] == "key_outside_period"


def test_conv_03_python_errors_are_typed() -> None:
    t = national()
    with pytest.raises(egov.ConversionError) as e:
        egov.issue_trust_list(t, OP_SEED, issued_at=AT, next_update=AT + dt.timedelta(days=1))
    assert e.value.code == "trust_list.conflict"
    with pytest.raises(egov.ConversionError) as e:
        egov.retire_trust_list_key(t, "ffffffffffffffff", at=AT)
    assert e.value.code == "trust_list.no_such_key"
    with pytest.raises(egov.ConversionError) as e:
        egov.verify_trust_lists('{"list": {}}', public_of(OP_SEED), at=AT)
    assert e.value.code == "trust_list.parse"
    with pytest.raises(egov.InvalidArgumentError):
        egov.verify_trust_lists(t, "abc", at=AT)
    with pytest.raises(egov.TimeError):
        egov.verify_trust_lists(t, public_of(OP_SEED), at=dt.datetime(2026, 3, 2))
    cosigned = egov.cosign_trust_list(t, "02" * 32)
    assert len(cosigned["signatures"]) == 2
    with pytest.raises(egov.ConversionError):
        egov.cosign_trust_list(cosigned, "02" * 32)


def test_conv_03_egov_signatures_verify_with_python_cryptography() -> None:
    """egov's signature checks out with an independent Ed25519 over Python's canonical JSON."""
    t = national()
    sig = t["signatures"][0]
    pub = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_of(OP_SEED)))
    pub.verify(bytes.fromhex(sig["signature"]), signed_message(t["list"]))  # raises if not
    # The canonical form does not depend on how the file was written.
    reparsed = json.loads(json.dumps(t, indent=3))
    pub.verify(bytes.fromhex(sig["signature"]), signed_message(reparsed["list"]))


def test_conv_03_a_list_signed_in_pure_python_is_accepted_by_egov() -> None:
    """A list written and signed without egov (json + cryptography) verifies in egov, and a
    changed value does not."""
    op = Ed25519PrivateKey.from_private_bytes(bytes.fromhex("03" * 32))
    op_public = op.public_key().public_bytes_raw().hex()
    mark_public = public_of(MARK_SEED)
    import hashlib
    body = {
        "format": "egov-trust-list/1",
        "issuer": {"name": "Sở Khoa học và Công nghệ tỉnh Lào Cai"},
        "sequence": 42,
        "issued_at": "2026-02-01T00:00:00+07:00",
        "next_update": "2026-06-01T00:00:00+07:00",
        "entries": [{
            "key_id": hashlib.sha256(bytes.fromhex(mark_public)).hexdigest()[:16],
            "public_key": mark_public,
            "role": "mark_signer",
            "holder": {"name": "Ủy ban nhân dân phường \"Hàng\" Bạc\n"[:-1]},
            "valid_from": "2025-01-01T00:00:00+07:00",
            "status": {"state": "active"},
        }],
    }
    key_id = hashlib.sha256(bytes.fromhex(op_public)).hexdigest()[:16]
    signed = {"list": body, "signatures": [
        {"key_id": key_id, "signature": op.sign(signed_message(body)).hex()}]}
    v = egov.verify_trust_lists(signed, op_public, at=AT)
    assert v["lists"][0]["accepted"], v
    c = egov.check_mark(mark_qr(), json.dumps(signed, ensure_ascii=False), op_public, at=AT)
    assert c["status"] == "verified"
    body["sequence"] = 43
    assert not egov.verify_trust_lists(signed, op_public, at=AT)["lists"][0]["accepted"]
