#!/bin/sh
# Generates the deliberately bad test certificates in this directory (run once, output committed).
# openssl 3.0 (no -not_before on req/x509, so `openssl ca` sets explicit dates).
# rcgen cannot make SHA-1 or RSA-1024 certificates, hence openssl.
set -eu
cd "$(dirname "$0")"
T=$(mktemp -d)
mkdir "$T/new"; : > "$T/index.txt"; echo 1000 > "$T/serial"
cat > "$T/ca.cnf" <<CNF
[ca]
default_ca = d
[d]
dir = $T
database = $T/index.txt
new_certs_dir = $T/new
serial = $T/serial
policy = p
unique_subject = no
copy_extensions = none
[p]
commonName = supplied
[root]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:\${ENV::HOST}
authorityKeyIdentifier = keyid
CNF
export HOST=unused  # the config reads ${HOST} at load time
# Test root CA (RSA 2048, SHA-256), self-signed, valid 2025-01-01 .. 2045-01-01.
openssl req -new -newkey rsa:2048 -nodes -keyout "$T/ca.key" -subj "/CN=egov test root CA" -out "$T/ca.csr"
openssl ca -batch -config "$T/ca.cnf" -selfsign -keyfile "$T/ca.key" -in "$T/ca.csr" -md sha256 \
  -startdate 20250101000000Z -enddate 20450101000000Z -extensions root -notext -out test-root.pem
leaf() { # name bits digest start end host
  openssl req -new -newkey "rsa:$2" -nodes -keyout "$T/$1.key" -subj "/CN=$6" -out "$T/$1.csr"
  HOST="$6" openssl ca -batch -config "$T/ca.cnf" -cert test-root.pem -keyfile "$T/ca.key" -in "$T/$1.csr" \
    -md "$3" -startdate "$4" -enddate "$5" -extensions leaf -notext -out "$T/$1.crt"
  cat "$T/$1.crt" test-root.pem > "$1.pem"
}
leaf good 2048 sha256 20250101000000Z 20440101000000Z good.test.gov.vn
leaf expired 2048 sha256 20200101000000Z 20210101000000Z expired.test.gov.vn
leaf sha1 2048 sha1 20250101000000Z 20440101000000Z sha1.test.gov.vn
leaf rsa1024 1024 sha256 20250101000000Z 20440101000000Z rsa1024.test.gov.vn
# Self-signed leaf (CA:FALSE, signed by its own key), valid 2025 .. 2044.
openssl req -new -newkey rsa:2048 -nodes -keyout "$T/ss.key" -subj "/CN=selfsigned.test.gov.vn" -out "$T/ss.csr"
HOST=selfsigned.test.gov.vn openssl ca -batch -config "$T/ca.cnf" -selfsign -keyfile "$T/ss.key" -in "$T/ss.csr" \
  -md sha256 -startdate 20250101000000Z -enddate 20440101000000Z -extensions leaf -notext -out self-signed.pem
rm -rf "$T"
