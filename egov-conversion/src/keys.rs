//! Signing-key files for conversion marks (CONV-02, NĐ 137/2024 Đ4.2.b): generate a key, keep
//! its secret in a file only its owner reads, and give others the public trust set.
//!
//! JSON form (what `egov keygen` writes, mode 0600):
//!
//! ```json
//! {"label": "UBND phường Hàng Bạc", "key_id": "…16 hex…", "public_key": "…64 hex…",
//!  "secret_key": "…64 hex…"}
//! ```
//!
//! Reading a key file checks that its public key and key id belong to its secret key, so a file
//! edited by hand cannot sign under another key's name.

use egov_core::ErrorCode;
use serde::{Deserialize, Serialize};

use crate::payload::{hex, key_id, parse_hex};
use crate::verify::{PublicKey, TrustSet, TrustedKey};
use crate::SigningKey;

/// A signing key with its label, as stored in a key file.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    /// Who holds the key (agency or system name).
    pub label: String,
    /// The key id (16 hex digits) printed in every mark it signs.
    pub key_id: String,
    /// The Ed25519 public key, 64 hex digits.
    pub public_key: String,
    /// The Ed25519 secret seed, 64 hex digits. Keep it private.
    pub secret_key: String,
}

impl std::fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyFile")
            .field("label", &self.label)
            .field("key_id", &self.key_id)
            .field("public_key", &self.public_key)
            .field("secret_key", &"<secret>")
            .finish()
    }
}

/// Why a key file could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyFileError {
    /// The system has no random source.
    #[error("no random source: {0}")]
    Random(String),
    /// The file is not a key file.
    #[error("not a key file: {0}")]
    Invalid(String),
    /// The public key or key id does not belong to the secret key.
    #[error("the key file's {0} does not belong to its secret key")]
    Mismatch(&'static str),
    /// A new key's label is empty: a verifier shows the label as the mark's signer.
    #[error("the key's label (who holds it) is empty: a verifier shows it as the signer")]
    BlankLabel,
}

impl egov_core::Localize for KeyFileError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        match self {
            KeyFileError::Random(_) => args!(),
            KeyFileError::Invalid(m) => args!(
                reason = if m.starts_with("secret_key") {
                    "secret_key phải gồm 64 chữ số thập lục phân".to_owned()
                } else {
                    crate::format_error_vi("JSON", m)
                }
            ),
            KeyFileError::Mismatch(field) => args!(field = *field),
            KeyFileError::BlankLabel => args!(),
        }
    }
}

impl ErrorCode for KeyFileError {
    fn code(&self) -> &'static str {
        match self {
            KeyFileError::Random(_) => "keygen.random",
            KeyFileError::Invalid(_) => "key.invalid",
            KeyFileError::Mismatch(_) => "key.mismatch",
            KeyFileError::BlankLabel => "key.blank_label",
        }
    }
}

impl KeyFile {
    /// A new key from the operating system's random source, held by `label` (an agency or
    /// system name: what a verifier shows as the mark's signer). Surrounding white space is
    /// dropped; an empty label is [`KeyFileError::BlankLabel`].
    #[cfg(feature = "keygen")]
    pub fn generate(label: impl Into<String>) -> Result<KeyFile, KeyFileError> {
        let label = label.into();
        let label = label.trim();
        if label.is_empty() {
            return Err(KeyFileError::BlankLabel);
        }
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| KeyFileError::Random(e.to_string()))?;
        Ok(KeyFile::from_seed(label, &seed))
    }

    /// The key of a 32-byte seed (tests and deterministic fixtures; use
    /// [`generate`](Self::generate) for real keys).
    pub fn from_seed(label: impl Into<String>, seed: &[u8; 32]) -> KeyFile {
        let public = SigningKey::from_bytes(seed).verifying_key().to_bytes();
        KeyFile {
            label: label.into(),
            key_id: key_id(&public),
            public_key: hex(&public),
            secret_key: hex(seed),
        }
    }

    /// Reads the JSON form, checking that the public key and key id belong to the secret key.
    pub fn from_json(text: &str) -> Result<KeyFile, KeyFileError> {
        let file: KeyFile =
            serde_json::from_str(text).map_err(|e| KeyFileError::Invalid(e.to_string()))?;
        let key = file.signing_key()?;
        let public = key.verifying_key().to_bytes();
        if file.public_key != hex(&public) {
            return Err(KeyFileError::Mismatch("public_key"));
        }
        if file.key_id != key_id(&public) {
            return Err(KeyFileError::Mismatch("key_id"));
        }
        Ok(file)
    }

    /// The JSON form.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The signing key.
    pub fn signing_key(&self) -> Result<SigningKey, KeyFileError> {
        parse_hex::<32>(&self.secret_key)
            .map(|seed| SigningKey::from_bytes(&seed))
            .ok_or_else(|| KeyFileError::Invalid("secret_key must be 64 hex digits".to_owned()))
    }

    /// The key as others trust it: label and public key, no validity window.
    pub fn trusted_key(&self) -> Result<TrustedKey, KeyFileError> {
        let public = self.signing_key()?.verifying_key().to_bytes();
        Ok(TrustedKey::new(self.label.clone(), PublicKey(public)))
    }

    /// A trust set holding this key alone: what verifiers of its marks need.
    pub fn trust_set(&self) -> Result<TrustSet, KeyFileError> {
        Ok(TrustSet {
            keys: vec![self.trusted_key()?],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conv_02_key_file_round_trips_and_checks_its_public_half() {
        let k = KeyFile::from_seed("UBND phường Hàng Bạc", &[7; 32]);
        assert_eq!(
            k.public_key,
            "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"
        );
        assert_eq!(KeyFile::from_json(&k.to_json()).unwrap(), k);
        assert!(!format!("{k:?}").contains(&k.secret_key));
        let mut forged = k.clone();
        forged.public_key = hex(&[1; 32]);
        assert_eq!(
            KeyFile::from_json(&forged.to_json()).unwrap_err().code(),
            "key.mismatch"
        );
        let mut forged = k.clone();
        forged.key_id = "0000000000000000".to_owned();
        assert_eq!(
            KeyFile::from_json(&forged.to_json()).unwrap_err(),
            KeyFileError::Mismatch("key_id")
        );
        assert_eq!(KeyFile::from_json("{}").unwrap_err().code(), "key.invalid");
        let t = k.trust_set().unwrap();
        assert_eq!(t.keys[0].label, "UBND phường Hàng Bạc");
    }

    #[cfg(feature = "keygen")]
    #[test]
    fn conv_02_a_new_key_names_its_holder() {
        for blank in ["", "  ", "\t\n"] {
            assert_eq!(KeyFile::generate(blank), Err(KeyFileError::BlankLabel));
        }
        let k = KeyFile::generate("  UBND phường Hàng Bạc ").unwrap();
        assert_eq!(k.label, "UBND phường Hàng Bạc");
        assert_eq!(KeyFileError::BlankLabel.code(), "key.blank_label");
        assert!(
            egov_core::Localize::message(&KeyFileError::BlankLabel, egov_core::Lang::Vi)
                .contains("người ký")
        );
    }

    #[cfg(feature = "keygen")]
    #[test]
    fn conv_02_generated_keys_differ() {
        let a = KeyFile::generate("a").unwrap();
        let b = KeyFile::generate("a").unwrap();
        assert_ne!(a.secret_key, b.secret_key);
        assert_eq!(KeyFile::from_json(&a.to_json()).unwrap(), a);
    }
}
