//! `egov pdf sign|verify`: PAdES digital signatures on PDF files (the agency's signature of
//! NĐ 30/2020 Đ25 on an electronic copy, NĐ 137/2024 Đ4.1.b–c on a conversion; QĐ 28/2018/QĐ-TTg
//! Đ6.1 authenticity and integrity) as glue over `egov_conversion::pdf::{sign_pdf,
//! verify_signatures}` and the signers of egov-sign (a PEM key, a PKCS#12 file or a PKCS#11
//! token). Presentation only: whether a signature holds, and every finding, is the library's
//! answer; no rule of law lives here.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use egov_conversion::pdf::{
    self, PadesOptions, PdfSignature, SignatureKind, SignatureVerifyOptions, SignaturesReport,
    SignedPdf,
};
use egov_core::VnDateTime;
use egov_sign::cms::{self, CmsFailure, Timestamp};
use egov_sign::{
    ChainStatus, DigestAlgorithm, SignerCertificate, TimeSource, TimeStamper, TrustAnchors,
};
use x509_cert::der::Decode;
use x509_cert::Certificate;

use crate::commands::{prose_iso, prose_time};
use crate::edxml::Lang;
use crate::i18n::t;
use crate::mark::{now, read};
use crate::mark_pdf::{create, exists_error, finding_line, pdf_error, pick};
use crate::output::CmdResult;
use crate::schema_types::marks::KeyLocation;
use crate::schema_types::pdf::{PdfSignOutput, PdfVerifyOutput};
use crate::schema_types::to_json;
use crate::signing_key::{signer, KeyArgs};

/// `egov pdf` subcommands.
#[derive(Debug, Subcommand)]
pub enum PdfCommand {
    /// Sign a PDF with a PAdES signature (PAdES-B-B; B-T with --tsa-command), appended as an
    /// incremental update: the original bytes stay the file's prefix.
    Sign(Box<SignArgs>),
    /// Verify every signature and document time-stamp of a PDF: intact, certificate chain to
    /// the given anchors, the time checked and its source, the revision covered and the
    /// revisions appended after it.
    Verify(VerifyArgs),
}

/// `egov pdf sign`: exactly one key source, --p12, --key with --cert, or --pkcs11-module.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The PDF to sign (not encrypted).
    input: PathBuf,
    /// Where to write the signed PDF (written whole through a temporary file, then renamed).
    #[arg(short = 'o', long)]
    out: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
    /// The signer's key: a PKCS#12 file, a PEM key with its chain, or a PKCS#11 token.
    #[command(flatten)]
    key: KeyArgs,
    /// /Reason of the signature (e.g. «Sao từ văn bản giấy»).
    #[arg(long)]
    reason: Option<String>,
    /// /Location of the signature (e.g. «Hà Nội»).
    #[arg(long)]
    location: Option<String>,
    /// /ContactInfo of the signature.
    #[arg(long)]
    contact: Option<String>,
    /// The signature field's name (default Signature1, Signature2, … the first free).
    #[arg(long)]
    field: Option<String>,
    /// The signing time the signer claims (/M), ISO 8601 with offset (default: now). Not
    /// independent evidence: a signature time-stamp (--tsa-command) is.
    #[arg(long)]
    at: Option<String>,
    /// A shell command that answers an RFC 3161 time-stamp request (PAdES-B-T): run with
    /// `sh -c`, the request (DER) on its standard input, the response (DER) on its standard
    /// output; e.g. `curl -s -H 'Content-Type: application/timestamp-query' --data-binary @-
    /// https://tsa.example`.
    #[arg(long, value_name = "COMMAND")]
    tsa_command: Option<String>,
}

/// `egov pdf verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The signed PDF.
    file: PathBuf,
    /// Trust anchors: PEM root certificates (the CAs' and the time-stamping authorities'; the
    /// caller's to obtain from the issuing authority). Repeatable. Without them every
    /// signature is checked, but not who issued its certificate.
    #[arg(long, value_name = "ROOTS.pem")]
    anchors: Vec<PathBuf>,
    /// Check certificates at this time, ISO 8601 with offset (default, per signature: its
    /// time-stamp, else the time the signer claims, else now).
    #[arg(long)]
    at: Option<String>,
}

/// Runs an `egov pdf` subcommand.
pub fn run(cmd: PdfCommand) -> CmdResult {
    let r = match cmd {
        PdfCommand::Sign(a) => sign_cmd(&a),
        PdfCommand::Verify(a) => verify_cmd(&a),
    };
    match r {
        Ok(r) | Err(r) => r,
    }
}

/// A time-stamping service reached through a shell command: the request on its standard
/// input, the response on its standard output. Remembers why the command failed.
pub(crate) struct CommandTsa<'a> {
    command: &'a str,
    nonce: u64,
    failure: std::cell::RefCell<Option<String>>,
}

impl<'a> CommandTsa<'a> {
    /// The service `--tsa-command COMMAND` names (one request per run).
    pub(crate) fn new(command: &'a str) -> Self {
        CommandTsa {
            command,
            nonce: nonce(),
            failure: std::cell::RefCell::new(None),
        }
    }

    /// Why the command failed, when it did.
    pub(crate) fn failure(&self) -> Option<String> {
        self.failure.borrow().clone()
    }

    /// The error to report for a failed signing: the command's failure (exit 2) when it
    /// failed, else the library's error.
    pub(crate) fn error_or(&self, e: CmdResult) -> CmdResult {
        match self.failure() {
            Some(why) => tsa_error(self.command, &why),
            None => e,
        }
    }
}

impl TimeStamper for CommandTsa<'_> {
    fn timestamp(&self, digest: DigestAlgorithm, imprint: &[u8]) -> Result<Vec<u8>, String> {
        let request = cms::timestamp_request(digest, imprint, Some(self.nonce));
        let r = crate::signing_key::run_command(self.command, &request);
        if let Err(e) = &r {
            *self.failure.borrow_mut() = Some(e.clone());
        }
        r
    }
}

/// A nonce for the time-stamp request from the clock (the request is made once per run).
fn nonce() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    ((t.as_secs() << 20) ^ u64::from(t.subsec_micros())) & (u64::MAX >> 1)
}

fn sign_cmd(a: &SignArgs) -> Result<CmdResult, CmdResult> {
    // Refuse an existing output before any work (checked again when renaming into place).
    if !a.force && a.out.symlink_metadata().is_ok() {
        return Err(exists_error(&a.out));
    }
    let when = match &a.at {
        Some(s) => crate::input::time(s, "--at")?,
        None => now()?,
    };
    let original = read(&a.input)?;
    let (signer, source) = signer(&a.key.source())?;
    let subject = signer_subject(signer.as_ref());
    let tsa = a.tsa_command.as_deref().map(CommandTsa::new);
    let opts = PadesOptions {
        field_name: a.field.clone(),
        reason: a.reason.clone(),
        location: a.location.clone(),
        contact_info: a.contact.clone(),
        signing_time: Some(when),
        ..Default::default()
    };
    let signed = pdf::sign_pdf(
        &original,
        signer.as_ref(),
        tsa.as_ref().map(|t| t as &dyn TimeStamper),
        &opts,
    )
    .map_err(|e| {
        let e = pdf_error(&a.input, &e);
        match &tsa {
            Some(t) => t.error_or(e),
            None => e,
        }
    })?;
    let timestamp = signature_timestamp(&signed);
    let out = create(&a.out, a.force)?;
    out.finish(&signed.pdf)?;
    let level = if a.tsa_command.is_some() {
        "PAdES-B-T"
    } else {
        "PAdES-B-B"
    };
    let human = sign_text(
        a,
        &signed,
        level,
        when,
        subject.as_ref(),
        timestamp.as_ref(),
        &source,
    );
    let json = to_json(&PdfSignOutput {
        input: a.input.clone(),
        out: a.out.clone(),
        level: level.to_owned(),
        field_name: signed.field_name.clone(),
        signer: subject,
        certificates: signer.certificates().len(),
        algorithm: signer.algorithm(),
        key_source: source,
        claimed_time: when.to_string(),
        reason: a.reason.clone(),
        location: a.location.clone(),
        contact_info: a.contact.clone(),
        timestamp,
        byte_range: signed.byte_range,
        original_len: signed.original_len,
        output_len: signed.pdf.len(),
        cms_len: signed.cms_len,
        reserved: signed.reserved,
    })?;
    Ok(CmdResult::Valid { human, json })
}

/// The signer's certificate (the first of its chain), as the output describes it.
pub(crate) fn signer_subject(signer: &dyn egov_sign::Signer) -> Option<SignerCertificate> {
    signer
        .certificates()
        .first()
        .and_then(|c| Certificate::from_der(c).ok())
        .map(|c| SignerCertificate::of(&c))
}

/// What the signature just written says, read back from the output: its time-stamp's time and
/// authority (PAdES-B-T), if any.
pub(crate) fn signature_timestamp(signed: &SignedPdf) -> Option<Timestamp> {
    pdf::verify_signatures(&signed.pdf, &SignatureVerifyOptions::default())
        .ok()
        .and_then(|r| {
            r.signatures
                .into_iter()
                .find(|s| s.field_name.as_deref() == Some(signed.field_name.as_str()))
        })
        .and_then(|s| s.cms)
        .and_then(|c| c.timestamp)
}

/// The time-stamping command failed: an I/O failure outside egov (exit 2), with its stderr.
fn tsa_error(command: &str, why: &str) -> CmdResult {
    CmdResult::Error {
        code: "io.tsa_command".to_owned(),
        message: t!(
            "pdf-sign-the-time-stamping-command-tsa",
            command = command.to_string(),
            why = why.to_string()
        ),
    }
}

pub(crate) fn cert_line(c: &SignerCertificate) -> String {
    t!(
        "pdf-sign-v1-issued-by-v2-valid",
        v1 = (c.subject).to_string(),
        v2 = (c.issuer).to_string(),
        v3 = prose_iso(&c.not_before),
        v4 = prose_iso(&c.not_after)
    )
}

/// Where the key was (a PKCS#11 token), the signing time the signer claims and the
/// signature time-stamp or its absence: lines of `egov pdf sign` and `egov mark pdf from-scans`.
pub(crate) fn signing_lines(
    when: VnDateTime,
    timestamp: Option<&Timestamp>,
    source: &KeyLocation,
) -> String {
    let mut h = String::new();
    if let KeyLocation::Pkcs11 {
        token,
        key_label: key,
        ..
    } = source
    {
        h.push_str(
            &(t!(
                "pdf-sign-key-on-pkcs-11-token",
                token = token.to_string(),
                key = key.to_string()
            ) + "\n"),
        );
    }
    if let KeyLocation::Command { command, .. } = source {
        h.push_str(&(t!("pdf-sign-signed-by-command", command = command.as_str()) + "\n"));
    }
    h.push_str(
        &(t!(
            "pdf-sign-signing-time-the-signer-claims",
            when = prose_time(when)
        ) + "\n"),
    );
    match timestamp {
        Some(t) => {
            let by = t
                .authority
                .as_ref()
                .map(|c| c.subject.clone())
                .unwrap_or_default();
            h.push_str(
                &(t!(
                    "pdf-sign-signature-time-stamp-rfc-3161",
                    v1 = prose_iso(&t.time),
                    by = by.to_string()
                ) + "\n"),
            );
        }
        None => h.push_str(&(t!("pdf-sign-no-time-stamp-pades-b") + "\n")),
    }
    h
}

fn sign_text(
    a: &SignArgs,
    s: &SignedPdf,
    level: &str,
    when: VnDateTime,
    signer: Option<&SignerCertificate>,
    timestamp: Option<&Timestamp>,
    source: &KeyLocation,
) -> String {
    let [_, r1, r2, r3] = s.byte_range;
    let mut h = t!(
        "pdf-sign-signed-level-v1-v2-signature",
        level = level.to_string(),
        v1 = (a.input.display()).to_string(),
        v2 = (a.out.display()).to_string(),
        v3 = (s.field_name).to_string()
    ) + "\n";
    if let Some(c) = signer {
        h.push_str(&(t!("pdf-sign-signer-v1", v1 = (cert_line(c)).to_string()) + "\n"));
    }
    h.push_str(&signing_lines(when, timestamp, source));
    h.push_str(
        &(t!(
            "pdf-sign-signed-byte-range-0-r1",
            r1 = r1.to_string(),
            r2 = r2.to_string(),
            r3 = r3.to_string(),
            v1 = crate::i18n::count(s.reserved),
            v2 = crate::i18n::count(s.cms_len),
            v3 = crate::i18n::count(s.original_len),
            v4 = crate::i18n::count(s.pdf.len())
        ) + "\n"),
    );
    h.push_str(&t!(
        "pdf-sign-signed-file-v1",
        v1 = (a.out.display()).to_string()
    ));
    h
}

fn anchors(paths: &[PathBuf]) -> Result<TrustAnchors, CmdResult> {
    if paths.is_empty() {
        return Ok(TrustAnchors::new());
    }
    let mut pem = Vec::new();
    for p in paths {
        let text = read(p)?;
        // Each file must hold certificates itself (not only the concatenation).
        TrustAnchors::from_pem(&text)
            .map_err(|e| CmdResult::error_at(p.display(), &e).with_code("usage.anchors"))?;
        pem.extend_from_slice(&text);
        pem.push(b'\n');
    }
    TrustAnchors::from_pem(&pem).map_err(|e| CmdResult::error(&e).with_code("usage.anchors"))
}

fn verify_cmd(a: &VerifyArgs) -> Result<CmdResult, CmdResult> {
    let anchors = anchors(&a.anchors)?;
    let at =
        a.at.as_deref()
            .map(|s| crate::input::time(s, "--at"))
            .transpose()?;
    let file = read(&a.file)?;
    let opts = SignatureVerifyOptions {
        anchors,
        at,
        ..Default::default()
    };
    let report = pdf::verify_signatures(&file, &opts).map_err(|e| pdf_error(&a.file, &e))?;
    let human = verify_text(a, &report);
    let all_valid = report.all_valid;
    let json = to_json(&PdfVerifyOutput {
        report,
        file: a.file.clone(),
        file_len: file.len(),
        anchors: a.anchors.clone(),
        at: at.map(|t| t.to_string()),
    })?;
    Ok(if all_valid {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}

fn kind_text(k: SignatureKind) -> String {
    match k {
        SignatureKind::Approval => t!("pdf-sign-kind-approval"),
        SignatureKind::Certification { permission } => t!(
            "pdf-sign-kind-certification",
            permission = permission.to_string()
        ),
        SignatureKind::DocumentTimestamp => t!("pdf-sign-kind-document-timestamp"),
    }
}

fn source_text(s: TimeSource) -> String {
    match s {
        TimeSource::Caller => t!("pdf-sign-time-caller"),
        TimeSource::Timestamp => t!("pdf-sign-time-timestamp"),
        TimeSource::Claimed => t!("pdf-sign-time-claimed"),
        TimeSource::Now => t!("pdf-sign-time-now"),
    }
}

fn failure_text(f: &CmsFailure, lang: Lang) -> String {
    format!(
        "[{}] {}",
        f.code(),
        pick(lang, f.message_vi(), f.to_string())
    )
}

/// Whether the signed bytes are as signed (digest and signature value verified), whatever the
/// certificate chain: `Err` holds why not.
fn intact(s: &PdfSignature, lang: Lang) -> Result<(), String> {
    if let Some(p) = &s.range_problem {
        return Err(t!("pdf-sign-the-signed-byte-range-is", p = p.to_string()));
    }
    if s.kind == SignatureKind::DocumentTimestamp {
        return match &s.timestamp_problem {
            None if s.timestamp.is_some() => Ok(()),
            Some(p) => Err(t!(
                "pdf-sign-the-document-time-stamp-does",
                p = p.to_string()
            )),
            None => Err(t!("pdf-sign-no-time-stamp-could-be")),
        };
    }
    match s.cms.as_ref().map(|c| &c.failure) {
        Some(None | Some(CmsFailure::Chain(_) | CmsFailure::Timestamp { .. })) => Ok(()),
        Some(Some(f)) => Err(failure_text(f, lang)),
        None => Err(t!("pdf-sign-no-cms-signature")),
    }
}

fn signature_text(
    i: usize,
    n: usize,
    total_revisions: usize,
    s: &PdfSignature,
    lang: Lang,
) -> String {
    let field = s.field_name.as_deref().unwrap_or("-");
    let mut h = t!(
        "pdf-sign-signature-i-n-v1-field",
        i = i.to_string(),
        n = n.to_string(),
        v1 = (kind_text(s.kind)).to_string(),
        field = field.to_string(),
        v2 = (s.sub_filter).to_string()
    ) + "\n";
    let cms = s.cms.as_ref();
    if let Some(c) = cms.and_then(|c| c.signer.as_ref()) {
        h.push_str(&(t!("pdf-sign-signer-v1-2", v1 = (cert_line(c)).to_string()) + "\n"));
    }
    if let Some(ts) = &s.timestamp {
        let by = ts
            .authority
            .as_ref()
            .map(|c| c.subject.as_str())
            .unwrap_or("");
        h.push_str(
            &(t!(
                "pdf-sign-time-stamping-authority-by-time",
                by = by.to_string(),
                v1 = prose_iso(&ts.time)
            ) + "\n"),
        );
    }
    let br = s
        .byte_range
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ");
    h.push_str(&match intact(s, lang) {
        Ok(()) => t!(
            "pdf-sign-intact",
            range = br.as_str(),
            bytes = crate::i18n::count(s.signed_len)
        ),
        Err(why) => t!("pdf-sign-not-intact", why = why),
    });
    h.push('\n');
    if s.kind != SignatureKind::DocumentTimestamp {
        let failure = cms.and_then(|c| c.failure.as_ref());
        let chain = match (cms.and_then(|c| c.chain.as_ref()), failure) {
            (Some(ChainStatus::Trusted { anchor, length }), _) => t!(
                "pdf-sign-chain-trusted",
                anchor = anchor.to_string(),
                length = *length
            ),
            (Some(ChainStatus::NotChecked), _) => t!("pdf-sign-chain-not-checked"),
            (None, Some(f @ CmsFailure::Chain(_))) => t!("pdf-sign-fails") + &failure_text(f, lang),
            (None, Some(CmsFailure::Timestamp { .. })) => t!("pdf-sign-chain-timestamp-invalid"),
            (None, _) => t!("pdf-sign-chain-signature-invalid"),
        };
        h.push_str(
            &(t!(
                "pdf-sign-certificate-chain-chain",
                chain = chain.to_string()
            ) + "\n"),
        );
        if let Some(f @ CmsFailure::Timestamp { .. }) = failure {
            h.push_str(
                &(t!(
                    "pdf-sign-signature-time-stamp-fails-v1",
                    v1 = (failure_text(f, lang)).to_string()
                ) + "\n"),
            );
        }
        if let Some(ts) = cms.and_then(|c| c.timestamp.as_ref()) {
            let by = ts
                .authority
                .as_ref()
                .map(|c| c.subject.as_str())
                .unwrap_or("");
            h.push_str(
                &(t!(
                    "pdf-sign-signature-time-stamp-pades-b",
                    v1 = prose_iso(&ts.time),
                    by = by.to_string()
                ) + "\n"),
            );
        }
        if let Some(t) = &s.claimed_time {
            h.push_str(
                &(t!(
                    "pdf-sign-signing-time-the-signer-claims-2",
                    t = prose_iso(t)
                ) + "\n"),
            );
        }
        if let (Some(at), Some(src)) = (
            cms.and_then(|c| c.checked_at.as_ref()),
            cms.and_then(|c| c.time_source),
        ) {
            h.push_str(
                &(t!(
                    "pdf-sign-certificates-checked-at-at-source",
                    at = prose_iso(at),
                    v1 = (source_text(src)).to_string()
                ) + "\n"),
            );
        }
    }
    let rev = s.revision.map_or_else(|| "?".to_owned(), |r| r.to_string());
    h.push_str(
        &(t!(
            "pdf-sign-revision-covered-rev-total-revisions",
            rev = rev.to_string(),
            total_revisions = total_revisions.to_string(),
            v1 = (s.revisions_after).to_string()
        ) + "\n"),
    );
    h.push_str(&if s.valid {
        t!("pdf-sign-valid")
    } else {
        t!("pdf-sign-not-valid")
    });
    h.push('\n');
    h
}

/// What each revision appended after the first signed one does, a line each: the updates
/// permitted after signing it adds, or the changes it makes to what was signed (the first ten,
/// then how many more). Empty when no revision follows a signature.
fn updates_text(r: &SignaturesReport, lang: Lang) -> String {
    const SHOWN: usize = 10;
    if r.updates.is_empty() {
        return String::new();
    }
    let mut h = t!("pdf-sign-updates-heading") + "\n";
    for u in &r.updates {
        let at = format!("{}/{}", u.revision, r.revisions);
        let line = if u.permitted {
            let adds: Vec<&str> = u
                .adds
                .iter()
                .map(|a| match lang {
                    Lang::Vi => a.vi(),
                    Lang::En => a.en(),
                })
                .collect();
            if adds.is_empty() {
                t!("pdf-sign-update-nothing-used", revision = at)
            } else {
                t!(
                    "pdf-sign-update-permitted",
                    revision = at,
                    adds = adds.join(", ")
                )
            }
        } else {
            let mut changes: Vec<String> = u
                .other_changes
                .iter()
                .take(SHOWN)
                .map(|c| match lang {
                    Lang::Vi => c.vi(),
                    Lang::En => c.en(),
                })
                .collect();
            if u.other_changes.len() > SHOWN {
                changes.push(t!(
                    "pdf-sign-update-more",
                    n = crate::i18n::count(u.other_changes.len() - SHOWN)
                ));
            }
            t!(
                "pdf-sign-update-changes",
                revision = at,
                changes = changes.join("; ")
            )
        };
        h.push_str(&line);
        h.push('\n');
    }
    h
}

fn verify_text(a: &VerifyArgs, r: &SignaturesReport) -> String {
    let lang = crate::i18n::lang();
    let n = r.signatures.len();
    let mut h = String::new();
    for (i, s) in r.signatures.iter().enumerate() {
        h.push_str(&signature_text(i + 1, n, r.revisions, s, lang));
    }
    h.push_str(&updates_text(r, lang));
    for f in &r.findings {
        h.push_str(&finding_line(f));
    }
    let unchecked = r
        .signatures
        .iter()
        .any(|s| s.cms.as_ref().and_then(|c| c.chain.as_ref()) == Some(&ChainStatus::NotChecked));
    let file = a.file.display();
    h.push_str(&match (n, r.all_valid) {
        (0, _) => t!("pdf-sign-result-unsigned", file = file.to_string()),
        (_, true) => t!(
            "pdf-sign-result-valid",
            n = n,
            unchecked = if unchecked { "yes" } else { "no" },
            file = file.to_string()
        ),
        (_, false) => t!(
            "pdf-sign-result-not-valid",
            bad = r.signatures.iter().filter(|s| !s.valid).count(),
            n = n,
            file = file.to_string()
        ),
    });
    h
}
