"""Generates the test PKI of egov-edxml's signature tests (run once; outputs committed).

    python3 -m venv /tmp/v && /tmp/v/bin/pip install cryptography
    /tmp/v/bin/python testdata/pki/make_certs.py testdata/pki

Test keys only: a root CA (RSA 3072), an intermediate CA (ECDSA P-256), signer certificates
(RSA 2048 under the root; ECDSA P-256 under the intermediate), an expired signer, and a
signer under another, untrusted root. Every name says TEST.
"""
import datetime
import sys
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

out = Path(sys.argv[1])
UTC = datetime.timezone.utc


def name(cn):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "egov TEST PKI"),
        x509.NameAttribute(NameOID.COMMON_NAME, cn),
    ])


def cert(subject, key, issuer, issuer_key, start, end, ca):
    b = (
        x509.CertificateBuilder()
        .subject_name(name(subject))
        .issuer_name(name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca, content_commitment=not ca, key_encipherment=False,
                data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
    )
    return b.sign(issuer_key, hashes.SHA256())


def save(stem, c, key=None):
    (out / f"{stem}.pem").write_bytes(c.public_bytes(serialization.Encoding.PEM))
    if key is not None:
        (out / f"{stem}.key").write_bytes(
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        )


t0 = datetime.datetime(2026, 1, 1, tzinfo=UTC)
t_end = datetime.datetime(2046, 1, 1, tzinfo=UTC)
root_key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
root = cert("egov TEST Root CA", root_key, "egov TEST Root CA", root_key, t0, t_end, True)
save("root-ca", root)
inter_key = ec.generate_private_key(ec.SECP256R1())
inter = cert("egov TEST Intermediate CA", inter_key, "egov TEST Root CA", root_key, t0, t_end, True)
save("intermediate-ca", inter)
rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
save("signer-rsa", cert("Văn thư TEST RSA", rsa_key, "egov TEST Root CA", root_key, t0, datetime.datetime(2036, 1, 1, tzinfo=UTC), False), rsa_key)
ec_key = ec.generate_private_key(ec.SECP256R1())
save("signer-ec", cert("Văn thư TEST EC", ec_key, "egov TEST Intermediate CA", inter_key, t0, datetime.datetime(2036, 1, 1, tzinfo=UTC), False), ec_key)
old_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
save("signer-expired", cert("Văn thư TEST expired", old_key, "egov TEST Root CA", root_key, datetime.datetime(2020, 1, 1, tzinfo=UTC), datetime.datetime(2021, 1, 1, tzinfo=UTC), False), old_key)
other_root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
save("other-root-ca", cert("egov TEST Other Root", other_root_key, "egov TEST Other Root", other_root_key, t0, t_end, True))
stranger_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
save("signer-untrusted", cert("Văn thư TEST untrusted", stranger_key, "egov TEST Other Root", other_root_key, t0, datetime.datetime(2036, 1, 1, tzinfo=UTC), False), stranger_key)
