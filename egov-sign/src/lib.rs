//! Signing with an agency's certificate (egov).
//!
//! One [`Signer`] serves both signature formats egov writes: XMLDSig over edXML packages
//! (QĐ 28/2018/QĐ-TTg Đ6.1, Đ8.1; egov-edxml) and CMS/PAdES over PDFs (the electronic copy's
//! digital signature of NĐ 30/2020 Đ25 and the conversions of NĐ 137/2024 Đ4.1.b–c;
//! egov-conversion). Keys live in memory ([`KeyPairSigner`], from PKCS#8 or a PKCS#12 file),
//! on a PKCS#11 token (`Pkcs11Signer`, feature `pkcs11`: USB tokens are how Vietnamese
//! agencies hold their keys), or behind any service that implements [`Signer`].
//!
//! [`cms`] writes and verifies detached CMS `SignedData` in the CAdES baseline form PAdES uses;
//! [`chain`] checks certificate paths against caller-supplied trust anchors (egov bundles no
//! roots).

#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![warn(missing_docs)]

pub mod algorithm;
pub mod chain;
pub mod cms;
#[cfg(feature = "pkcs11")]
pub mod pkcs11;
pub mod signer;

pub use algorithm::{DigestAlgorithm, SignatureAlgorithm};
pub use chain::{AnchorsError, ChainError, ChainStatus, SignerCertificate, TrustAnchors};
pub use cms::{
    CmsFailure, CmsSignOptions, CmsVerification, CmsVerifyOptions, TimeSource, TimeStamper,
};
#[cfg(feature = "pkcs11")]
pub use pkcs11::Pkcs11Signer;
pub use signer::{certificates_from_pem, CallbackSigner, KeyError, KeyPairSigner, Signer};

/// The Vietnamese messages of this crate's errors (CORE-06): `locales/vi.ftl`, one entry per
/// error code; English is each error's `Display`.
pub(crate) static CATALOGUE: std::sync::LazyLock<egov_core::i18n::Catalogue> =
    std::sync::LazyLock::new(|| {
        egov_core::i18n::Catalogue::new(&[include_str!("../locales/vi.ftl")], &[])
    });

#[cfg(test)]
mod catalogue_tests {
    use egov_core::i18n::vietnamese_gaps;
    use egov_core::Localize;

    use crate::chain::AnchorsError;
    use crate::cms::CmsSignError;
    use crate::signer::KeyError;

    /// CORE-06: every error code of egov-sign has a Vietnamese message in locales/vi.ftl.
    #[test]
    fn core_06_every_error_code_has_a_vietnamese_message() {
        let errors: Vec<Box<dyn Localize>> = vec![
            Box::new(KeyError::UnsupportedKey),
            Box::new(KeyError::Certificates("bad PEM".into())),
            Box::new(KeyError::NoCertificate),
            Box::new(KeyError::CertificateKeyMismatch),
            Box::new(KeyError::Pkcs12("wrong password".into())),
            Box::new(KeyError::Pkcs12NoKey),
            Box::new(KeyError::Pkcs11("CKR_PIN_INCORRECT".into())),
            Box::new(CmsSignError::Certificate("no key usage".into())),
            Box::new(CmsSignError::Signer("token removed".into())),
            Box::new(CmsSignError::Timestamp("HTTP 500".into())),
            Box::new(CmsSignError::Encode("length".into())),
            Box::new(CmsSignError::Sha1 {
                algorithm: "RSA-SHA1".into(),
            }),
            Box::new(AnchorsError::NotPem {
                reason: "PEM error in post-encapsulation boundary".into(),
            }),
            Box::new(AnchorsError::Empty),
            Box::new(AnchorsError::NotDer {
                reason: "unexpected end of message".into(),
            }),
        ];
        let refs: Vec<&dyn Localize> = errors.iter().map(|e| e.as_ref()).collect();
        let gaps = vietnamese_gaps(include_str!("../locales/vi.ftl"), &refs);
        assert!(gaps.is_empty(), "{gaps:#?}");
        assert_eq!(KeyError::NoCertificate.message_vi(), "chưa có chứng thư số");
    }
}
