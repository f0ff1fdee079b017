#!/usr/bin/env bash
# PKCS#12 files of the test PKI (run once after make_certs.py; outputs committed). Password:
# egov-test. signer-rsa.p12: OpenSSL 3's default (PBES2, AES-256-CBC, HMAC-SHA256), with the
# root in the chain. signer-ec-legacy.p12: the legacy form Windows and older CA tools export
# (PBE-SHA1-3DES, SHA-1 MAC), with the intermediate.
set -euo pipefail
cd "$(dirname "$0")"
openssl pkcs12 -export -passout pass:egov-test -inkey signer-rsa.key -in signer-rsa.pem \
  -certfile root-ca.pem -name "Văn thư TEST RSA" -out signer-rsa.p12
openssl pkcs12 -export -passout pass:egov-test -inkey signer-ec.key -in signer-ec.pem \
  -certfile intermediate-ca.pem -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 \
  -name "Văn thư TEST EC" -out signer-ec-legacy.p12
