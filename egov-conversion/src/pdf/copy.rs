//! The electronic copy of a paper document, end to end (paper → data, NĐ 137/2024 Đ4.1.a–c;
//! NĐ 30/2020 Đ25: «sao y» from paper to electronic = digitise, then the copying agency's
//! digital signature): scans → PDF/A ([`pdf_from_scans`]) → the conversion mark stamped as an
//! incremental update ([`stamp()`], CONV-02/03) → the agency's PAdES signature as a second
//! update ([`sign_pdf`]), visible at the top right of page 1 with the copy form, the copying
//! agency and the signing time (Phụ lục I). The mark is stamped before the agency signs, so the
//! signature covers it (PDF.md §3.3).

use egov_core::{Finding, VnDateTime};
use egov_sign::{Signer, TimeStamper};
use serde::{Deserialize, Serialize};

use super::pades::{sign_pdf, PadesOptions, SignatureAppearance, SignedPdf};
use super::scans::{pdf_from_scans, ScansOptions, ScansPdf};
use super::stamp::{stamp, Corner, Placement, StampOptions, StampedPdf};
use super::PdfError;
use crate::payload::PayloadOptions;
use crate::{ConversionMark, SigningKey};

/// How to make the copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct CopyOptions {
    /// Building the PDF/A from the scans.
    pub scans: ScansOptions,
    /// Stamping the mark (default: bottom-left corner of page 1, 10 mm margins, clear of the
    /// signature at the top right).
    pub stamp: StampOptions,
    /// The copy form printed in the signature (default «SAO Y»).
    pub copy_form: String,
    /// The copying agency, as printed in the signature.
    pub agency: String,
    /// The PAdES signature; without an `appearance` the copy block of Phụ lục I is used.
    pub pades: PadesOptions,
}

impl Default for CopyOptions {
    fn default() -> Self {
        CopyOptions {
            scans: ScansOptions::default(),
            stamp: StampOptions {
                placement: Placement::Corner {
                    corner: Corner::BottomLeft,
                    margin_mm: 10.0,
                },
                ..StampOptions::default()
            },
            copy_form: "SAO Y".into(),
            agency: String::new(),
            pades: PadesOptions::default(),
        }
    }
}

/// The finished copy.
#[derive(Debug, Clone)]
pub struct ElectronicCopy {
    /// The signed PDF/A.
    pub pdf: Vec<u8>,
    /// The pages and the format findings.
    pub scans: ScansPdf,
    /// The mark as stamped (its payload signs the unmarked PDF/A's hash and length).
    pub stamped: StampedPdf,
    /// The signature as written.
    pub signed: SignedPdf,
    /// The format findings (NĐ 30/2020 Phụ lục I).
    pub findings: Vec<Finding>,
}

/// The copy block's lines: the copy form, the copying agency, and the signing time as a date,
/// a time and the Vietnam offset (Phụ lục I: «thời gian ký … múi giờ Việt Nam theo ISO 8601»).
pub fn copy_block_lines(copy_form: &str, agency: &str, at: VnDateTime) -> Vec<String> {
    vec![
        copy_form.to_owned(),
        agency.to_owned(),
        format!(
            "Thời gian ký: {} +07:00",
            at.naive_local().format("%d/%m/%Y %H:%M:%S")
        ),
    ]
}

/// Makes the signed electronic copy of `images` (see the module documentation). `mark` is the
/// paper → data mark (CONV-02), `key` signs its payload; `signer` is the agency's certificate
/// (PKCS#12, PKCS#11 token…), `timestamper` makes it PAdES-B-T.
///
/// Errors: those of [`pdf_from_scans`], [`stamp()`] and [`sign_pdf`]; an empty `agency` is
/// [`PdfError::BadOption`].
pub fn electronic_copy(
    images: &[(String, Vec<u8>)],
    mark: &ConversionMark,
    key: &SigningKey,
    payload: &PayloadOptions,
    signer: &dyn Signer,
    timestamper: Option<&dyn TimeStamper>,
    opts: &CopyOptions,
) -> Result<ElectronicCopy, PdfError> {
    if opts.agency.trim().is_empty() && opts.pades.appearance.is_none() {
        return Err(PdfError::BadOption {
            field: "agency",
            reason: "the copying agency's name is printed in the signature".into(),
        });
    }
    let scans = pdf_from_scans(images, &opts.scans)?;
    let stamped = stamp(&scans.pdf, mark, key, payload, &opts.stamp)?;
    let at = opts
        .pades
        .signing_time
        .unwrap_or_else(egov_sign::chain::now);
    let mut pades = opts.pades.clone();
    pades.signing_time = Some(at);
    if pades.appearance.is_none() {
        pades.appearance = Some(SignatureAppearance {
            lines: copy_block_lines(&opts.copy_form, &opts.agency, at),
            ..SignatureAppearance::default()
        });
    }
    let signed = sign_pdf(&stamped.pdf, signer, timestamper, &pades)?;
    let findings = scans.findings.clone();
    Ok(ElectronicCopy {
        pdf: signed.pdf.clone(),
        scans,
        stamped,
        signed,
        findings,
    })
}
