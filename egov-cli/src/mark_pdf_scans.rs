//! `egov mark pdf from-scans`: the electronic copy of a paper document made from its scans
//! (paper → data, NĐ 137/2024 Đ4; NĐ 30/2020 Đ25, the «sao y» from paper to electronic) as glue
//! over `egov_conversion::pdf::electronic_copy`: the page images as PDF/A, the conversion mark
//! stamped, then the copying agency's visible PAdES signature. Presentation only: the format
//! findings (NĐ 30/2020 Phụ lục I, CONV-05), the mark and the signature are the library's
//! answer; no rule of law lives here.
//!
//! A copy whose format fails (a page under 200 dpi, a page not in colour) is still written, and
//! the command exits 1 saying so: the clerk has the file to look at, and a script sees that it
//! is not a conforming copy.

use std::path::{Path, PathBuf};

use clap::{ArgGroup, Args, ValueEnum};
use egov_conversion::payload::{hex, PayloadOptions};
use egov_conversion::pdf::{
    self, copy_block_lines, Conformance, CopyOptions, Corner, ElectronicCopy, PdfError, ScanPage,
};
use egov_conversion::validate;
use egov_core::{ErrorCode, Finding, Localize, Outcome, VnDateTime};
use egov_sign::cms::Timestamp;
use egov_sign::{SignerCertificate, TimeStamper};

use crate::i18n::t;
use crate::mark::{load_key, now, read, ProfileArg};
use crate::mark_pdf::{
    block_output, corner_text, create, exists_error, finding_line, mode_text, paper_to_data_mark,
    pdf_error_message, placed_text, placement_of, pt_to_mm, qr_output, BlockSizeArgs,
    PdfPositionArg,
};
use crate::output::CmdResult;
use crate::pdf_sign::{cert_line, signature_timestamp, signer_subject, signing_lines, CommandTsa};
use crate::schema_types::marks::KeyLocation;
use crate::schema_types::pdf as pdf_schema;
use crate::schema_types::to_json;
use crate::signing_key::{signer, KeyFlags, KeySource};

/// The PDF/A part of the copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfaArg {
    /// PDF/A-2b (ISO 19005-2, PDF 1.7).
    #[value(name = "2b")]
    A2b,
    /// PDF/A-1b (ISO 19005-1, PDF 1.4), for archives that accept only part 1.
    #[value(name = "1b")]
    A1b,
}

impl From<PdfaArg> for Conformance {
    fn from(p: PdfaArg) -> Self {
        match p {
            PdfaArg::A2b => Conformance::PdfA2b,
            PdfaArg::A1b => Conformance::PdfA1b,
        }
    }
}

/// `egov mark pdf from-scans`: exactly one key source for the agency's signature, --p12,
/// --agency-key with --cert, --pkcs11-module, or --signer-command with --cert (the flags of
/// `egov pdf sign`, but the PEM key is `--agency-key`: `--key` is the mark's key, as in every
/// `egov mark` command).
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("key_source")
        .required(true)
        .args(["p12", "agency_key", "pkcs11_module", "signer_command"])
))]
pub struct FromScansArgs {
    /// The page images in page order: JPEG (embedded unchanged), PNG, TIFF (every page of a
    /// multi-page TIFF).
    #[arg(required = true, value_name = "IMAGE")]
    images: Vec<PathBuf>,
    /// Where to write the signed copy (written whole through a temporary file, then renamed).
    #[arg(short = 'o', long)]
    out: PathBuf,
    /// Replace OUT (and --payload-out) if it exists.
    #[arg(long)]
    force: bool,
    /// Full name of the converting agency, organisation or individual (printed in the mark).
    #[arg(long)]
    converter: String,
    /// The mark's signing key, a file written by `egov keygen` (signs the QR payload). The
    /// agency's certificate key is --p12, --agency-key, --pkcs11-module or --signer-command.
    #[arg(long, value_name = "KEY.json")]
    key: PathBuf,
    /// Conversion time, ISO 8601 with offset (default: now); also the signing time the agency
    /// claims (/M, printed in the signature) and the PDF's creation date.
    #[arg(long)]
    at: Option<String>,
    /// Profile of the mark.
    #[arg(long, value_enum, default_value = "general")]
    profile: ProfileArg,
    /// Text mark replacing the SDK default wording.
    #[arg(long)]
    text: Option<String>,
    /// Lookup page the QR opens on a phone (payload in the URL fragment).
    #[arg(long)]
    lookup_url: Option<String>,
    /// Also write the QR payload text to this file.
    #[arg(long)]
    payload_out: Option<PathBuf>,
    /// The copying agency, printed in the visible signature (NĐ 30/2020 Phụ lục I).
    #[arg(long)]
    agency: String,
    /// The copy form printed first in the visible signature.
    #[arg(long, default_value = "SAO Y")]
    copy_form: String,
    /// PDF/A part of the copy.
    #[arg(long, value_enum, default_value = "2b")]
    pdfa: PdfaArg,
    /// Resolution assumed for an image that states none, dots per inch (50–2400; default
    /// 200). It sets the page size; a page under 200 dpi is reported.
    #[arg(long, value_name = "DPI")]
    assume_dpi: Option<f32>,
    /// The document's title (XMP dc:title), e.g. its «số và ký hiệu» and subject.
    #[arg(long)]
    title: Option<String>,
    /// The page of the copy the mark goes on, 1-based.
    #[arg(long, default_value_t = 1)]
    page: u32,
    /// Where the mark block goes on the page (clear of the signature at the top right).
    #[arg(long, value_enum, default_value = "bottom-left", conflicts_with_all = ["x_mm", "y_mm"])]
    position: PdfPositionArg,
    /// Distance of the mark block from the page edges, millimetres.
    #[arg(long, default_value_t = 10.0)]
    margin_mm: f32,
    /// The mark block's left edge, millimetres from the left of the page (with --y-mm).
    #[arg(long, requires = "y_mm")]
    x_mm: Option<f32>,
    /// The mark block's top edge, millimetres from the top of the page (with --x-mm).
    #[arg(long, requires = "x_mm")]
    y_mm: Option<f32>,
    #[command(flatten)]
    sizes: BlockSizeArgs,
    /// The agency's PKCS#8 private key (PEM), RSA or ECDSA P-256/P-384, with --cert (`--key`
    /// of `egov pdf sign`).
    #[arg(long, value_name = "KEY.pem", requires = "cert")]
    agency_key: Option<PathBuf>,
    /// The agency's certificate key otherwise: --p12, --pkcs11-module, --signer-command.
    #[command(flatten)]
    signing: KeyFlags,
    /// /Reason of the signature (e.g. «Sao y từ bản chính»).
    #[arg(long)]
    reason: Option<String>,
    /// /Location of the signature (e.g. «Lào Cai»).
    #[arg(long)]
    location: Option<String>,
    /// A shell command that answers an RFC 3161 time-stamp request (PAdES-B-T): run with
    /// `sh -c`, the request (DER) on its standard input, the response (DER) on its standard
    /// output.
    #[arg(long, value_name = "COMMAND")]
    tsa_command: Option<String>,
}

impl FromScansArgs {
    fn key_source(&self) -> KeySource<'_> {
        self.signing
            .source(self.agency_key.as_deref(), "--agency-key")
    }

    fn level(&self) -> &'static str {
        if self.tsa_command.is_some() {
            "PAdES-B-T"
        } else {
            "PAdES-B-B"
        }
    }
}

/// A PEM file given as the mark's key: say which flag takes it.
fn pem_hint(path: &Path, e: CmdResult) -> CmdResult {
    let pem = std::fs::read(path).is_ok_and(|b| b.starts_with(b"-----BEGIN"));
    if pem {
        e.with_hint("mark-pdf-scans-key-is-the-mark-s")
    } else {
        e
    }
}

/// Why the copy could not be made: the options and scans named as the command line names
/// them, the rest as `egov mark pdf stamp` and `egov pdf sign` say it.
fn copy_error(a: &FromScansArgs, e: &PdfError) -> CmdResult {
    let message = match e {
        PdfError::BadScan { .. } => e.message(crate::i18n::lang()),
        PdfError::BadOption { field, reason } if *field == "assume_dpi" => t!(
            "mark-pdf-scans-assume-dpi-reason",
            v1 = (a.assume_dpi.unwrap_or_default()).to_string(),
            reason = reason.to_string()
        ),
        PdfError::BadOption { field, .. } if *field == "agency" => {
            t!("mark-pdf-scans-agency-the-copying-agency-s")
        }
        other => format!("{}: {}", a.out.display(), pdf_error_message(other)),
    };
    CmdResult::Error {
        code: e.code().to_owned(),
        message,
    }
}

/// Runs `egov mark pdf from-scans`.
pub(crate) fn from_scans_cmd(a: &FromScansArgs) -> Result<CmdResult, CmdResult> {
    // Refuse an existing output before any work (checked again when renaming into place).
    if !a.force {
        for p in std::iter::once(&a.out).chain(a.payload_out.iter()) {
            if p.symlink_metadata().is_ok() {
                return Err(exists_error(p));
            }
        }
    }
    let at = match &a.at {
        Some(s) => crate::input::time(s, "--at")?,
        None => now()?,
    };
    let mark = paper_to_data_mark(a.profile, at, &a.converter, a.text.as_deref());
    let key = load_key(&a.key).map_err(|e| pem_hint(&a.key, e))?;
    let images = a
        .images
        .iter()
        .map(|p| Ok((p.display().to_string(), read(p)?)))
        .collect::<Result<Vec<_>, CmdResult>>()?;
    let (signer, source) = signer(&a.key_source())?;
    let subject = signer_subject(signer.as_ref());
    let tsa = a.tsa_command.as_deref().map(CommandTsa::new);
    let report = validate(&mark);
    let payload = PayloadOptions {
        lookup_url: a.lookup_url.clone(),
        ..Default::default()
    };
    let mut opts = CopyOptions {
        agency: a.agency.clone(),
        copy_form: a.copy_form.clone(),
        ..Default::default()
    };
    opts.scans.conformance = a.pdfa.into();
    if let Some(d) = a.assume_dpi {
        opts.scans.assume_dpi = d;
    }
    opts.scans.title = a.title.clone();
    opts.scans.created = Some(at);
    opts.stamp.page = a.page;
    opts.stamp.placement = placement_of(a.position, a.margin_mm, a.x_mm, a.y_mm);
    a.sizes.apply(&mut opts.stamp.render);
    opts.pades.reason = a.reason.clone();
    opts.pades.location = a.location.clone();
    opts.pades.signing_time = Some(at);
    let copy = pdf::electronic_copy(
        &images,
        &mark,
        &key,
        &payload,
        signer.as_ref(),
        tsa.as_ref().map(|t| t as &dyn TimeStamper),
        &opts,
    )
    .map_err(|e| {
        let e = copy_error(a, &e);
        match &tsa {
            Some(t) => t.error_or(e),
            None => e,
        }
    })?;
    let timestamp = signature_timestamp(&copy.signed);
    let out = create(&a.out, a.force)?;
    let payload_file = a
        .payload_out
        .as_ref()
        .map(|p| create(p, a.force))
        .transpose()?;
    out.finish(&copy.pdf)?;
    if let Some(p) = payload_file {
        p.finish(copy.stamped.signed.qr_text.as_bytes())?;
    }
    // The format findings (NĐ 30/2020 Phụ lục I), the mark's own, then what stamping meant for
    // signatures already there (none on a fresh copy).
    let findings: Vec<Finding> = copy
        .findings
        .iter()
        .chain(
            report
                .findings
                .iter()
                .filter(|f| f.outcome != Outcome::Pass),
        )
        .chain(&copy.stamped.findings)
        .cloned()
        .collect();
    let conforming = findings.iter().all(|f| f.outcome != Outcome::Fail);
    let view = View {
        a,
        copy: &copy,
        opts: &opts,
        at,
        findings: &findings,
        conforming,
        subject: subject.as_ref(),
        timestamp: timestamp.as_ref(),
        source: &source,
    };
    let human = view.text();
    let json = view.json(signer.as_ref())?;
    Ok(if conforming {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}

/// What was made, for the text and JSON output.
struct View<'a> {
    a: &'a FromScansArgs,
    copy: &'a ElectronicCopy,
    opts: &'a CopyOptions,
    at: VnDateTime,
    findings: &'a [Finding],
    conforming: bool,
    subject: Option<&'a SignerCertificate>,
    timestamp: Option<&'a Timestamp>,
    source: &'a KeyLocation,
}

fn conformance_text(c: Conformance) -> &'static str {
    match c {
        Conformance::PdfA2b => "PDF/A-2b (PDF 1.7)",
        Conformance::PdfA1b => "PDF/A-1b (PDF 1.4)",
    }
}

fn page_line(p: &ScanPage) -> String {
    let format = match p.format.as_str() {
        "jpeg" => t!("mark-pdf-scans-format-jpeg"),
        f => f.to_uppercase(),
    };
    let dpi = format!("{:.0}", p.dpi);
    let dpi = if p.dpi_stated {
        t!("mark-pdf-scans-dpi-stated", dpi = dpi)
    } else {
        t!("mark-pdf-scans-dpi-assumed", dpi = dpi)
    };
    let colour = if p.colour {
        t!("mark-pdf-scans-colour")
    } else {
        t!("mark-pdf-scans-grey")
    };
    t!(
        "mark-pdf-scans-v1-v2-format-v3-v4",
        v1 = (p.page).to_string(),
        v2 = (p.source).to_string(),
        format = format.to_string(),
        v3 = (p.width_px).to_string(),
        v4 = (p.height_px).to_string(),
        dpi = dpi.to_string(),
        colour = colour.to_string()
    ) + "\n"
}

impl View<'_> {
    fn signature_lines(&self) -> Vec<String> {
        copy_block_lines(&self.a.copy_form, &self.a.agency, self.at)
    }

    fn text(&self) -> String {
        let (a, c) = (self.a, self.copy);
        let s = &c.stamped;
        let mut h = t!(
            "mark-pdf-scans-made-the-electronic-copy-of",
            v1 = (a.images.len()).to_string(),
            v2 = (a.out.display()).to_string(),
            v3 = (conformance_text(c.scans.conformance)).to_string(),
            v4 = (c.scans.pages.len()).to_string()
        ) + "\n";
        for p in &c.scans.pages {
            h.push_str(&page_line(p));
        }
        h.push_str(&(t!("mark-pdf-scans-checks-of-the-electronic-copy") + "\n"));
        for f in self.findings {
            h.push_str("  ");
            h.push_str(&finding_line(f));
        }
        let r = s.rect;
        let place = placed_text(&self.opts.stamp.placement, s.corner);
        h.push_str(
            &(t!(
                "mark-pdf-scans-conversion-mark-paper-data-message",
                v1 = (s.page).to_string(),
                place = place.to_string(),
                v2 = crate::mark::number(r.x, 1),
                v3 = crate::mark::number(r.y, 1),
                v4 = crate::mark::number(r.w, 1),
                v5 = crate::mark::number(r.h, 1),
                v6 = (mode_text(s.mode)).to_string(),
                v7 = crate::mark::number(pt_to_mm(s.block.width_pt), 0),
                v8 = crate::mark::number(pt_to_mm(s.block.height_pt), 0),
                v9 = (s.signed.qr_version).to_string(),
                v10 = crate::mark::number(s.block.qr_side_mm, 1),
                v11 = crate::i18n::count(s.original_len),
                v12 = (hex(&s.signed.content_sha256)).to_string(),
                v13 = (s.signed.key_id()).to_string(),
                v14 = (s.signed.qr_text).to_string()
            ) + "\n"),
        );
        for line in &s.block.printed_lines {
            h.push_str(&format!("    | {line}\n"));
        }
        if let Some(p) = &a.payload_out {
            h.push_str(
                &(t!(
                    "mark-pdf-scans-payload-written-to-v1",
                    v1 = (p.display()).to_string()
                ) + "\n"),
            );
        }
        let corner = corner_text(Corner::TopRight);
        h.push_str(
            &(t!(
                "mark-pdf-scans-the-copying-agency-s-signature",
                v1 = (a.level()).to_string(),
                v2 = (c.signed.field_name).to_string(),
                corner = corner.to_string()
            ) + "\n"),
        );
        for line in self.signature_lines() {
            h.push_str(&format!("  | {line}\n"));
        }
        if let Some(c) = self.subject {
            h.push_str(&(t!("mark-pdf-scans-signer-v1", v1 = (cert_line(c)).to_string()) + "\n"));
        }
        h.push_str(&signing_lines(self.at, self.timestamp, self.source));
        if let Some(v) = &a.reason {
            h.push_str(&t!("mark-pdf-scans-reason", reason = v));
            h.push('\n');
        }
        if let Some(v) = &a.location {
            h.push_str(&t!("mark-pdf-scans-location", location = v));
            h.push('\n');
        }
        h.push_str(
            &(t!(
                "mark-pdf-scans-copy-written-v1-v2-bytes",
                v1 = (a.out.display()).to_string(),
                v2 = crate::i18n::count(c.pdf.len()),
                v3 = crate::i18n::count(s.original_len)
            ) + "\n"),
        );
        h.push_str(&if self.conforming {
            t!("mark-pdf-scans-result-conforming")
        } else {
            t!(
                "mark-pdf-scans-result-not-conforming",
                file = a.out.display().to_string()
            )
        });
        h
    }

    fn json(&self, signer: &dyn egov_sign::Signer) -> Result<serde_json::Value, CmdResult> {
        let (a, c) = (self.a, self.copy);
        let s = &c.stamped;
        to_json(&pdf_schema::FromScansOutput {
            images: a.images.clone(),
            out: a.out.clone(),
            output_len: c.pdf.len(),
            conforming: self.conforming,
            conformance: c.scans.conformance,
            pages: c.scans.pages.clone(),
            findings: self.findings.to_vec(),
            format_findings: c.findings.clone(),
            mark: pdf_schema::FromScansMark {
                page: s.page,
                placement: self.opts.stamp.placement,
                corner: s.corner,
                mode: s.mode,
                rect_pt: s.rect,
                original_len: s.original_len,
                original_sha256: hex(&s.signed.content_sha256),
                qr_text: s.signed.qr_text.clone(),
                qr: qr_output(&self.opts.stamp.render, s),
                block: block_output(s),
                key_id: s.signed.key_id(),
                mark: s.signed.mark.clone(),
                findings: s.findings.clone(),
                payload_out: a.payload_out.clone(),
            },
            signature: pdf_schema::FromScansSignature {
                level: a.level().to_owned(),
                field_name: c.signed.field_name.clone(),
                agency: a.agency.clone(),
                copy_form: a.copy_form.clone(),
                appearance: pdf_schema::SignatureAppearanceOutput {
                    page: 1,
                    corner: Corner::TopRight,
                    lines: self.signature_lines(),
                },
                signer: self.subject.cloned(),
                key_source: self.source.clone(),
                claimed_time: self.at.to_string(),
                reason: a.reason.clone(),
                location: a.location.clone(),
                timestamp: self.timestamp.cloned(),
                byte_range: c.signed.byte_range,
                signed_len: c.signed.original_len,
                cms_len: c.signed.cms_len,
                reserved: c.signed.reserved,
                certificates: signer.certificates().len(),
                algorithm: signer.algorithm(),
            },
        })
    }
}
