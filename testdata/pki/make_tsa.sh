#!/usr/bin/env bash
# A test time-stamping authority (RFC 3161) for PAdES-B-T tests (run once; outputs committed):
# a self-signed "egov TEST TSA" certificate with the critical timeStamping key purpose, and the
# `openssl ts` configuration the tests answer requests with.
set -euo pipefail
cd "$(dirname "$0")"
openssl req -x509 -newkey rsa:2048 -nodes -keyout tsa.key -out tsa.pem -days 7300 \
  -subj "/C=VN/O=egov TEST PKI/CN=egov TEST TSA" \
  -addext "basicConstraints=critical,CA:false" \
  -addext "keyUsage=critical,digitalSignature" \
  -addext "extendedKeyUsage=critical,timeStamping"
