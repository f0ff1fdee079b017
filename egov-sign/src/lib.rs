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
pub use chain::{ChainError, ChainStatus, SignerCertificate, TrustAnchors};
pub use cms::{
    CmsFailure, CmsSignOptions, CmsVerification, CmsVerifyOptions, TimeSource, TimeStamper,
};
#[cfg(feature = "pkcs11")]
pub use pkcs11::Pkcs11Signer;
pub use signer::{KeyError, KeyPairSigner, Signer};
