//! PKCS#11 tokens (feature `pkcs11`): to be written.
