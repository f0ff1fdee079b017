//! `egov pdf sign|verify`: PAdES digital signatures on PDF files (the agency's signature of
//! NĐ 30/2020 Đ25 on an electronic copy, NĐ 137/2024 Đ4.1.b–c on a conversion; QĐ 28/2018/QĐ-TTg
//! Đ6.1 authenticity and integrity) as glue over `egov_conversion::pdf::{sign_pdf,
//! verify_signatures}` and the signers of egov-sign (a PEM key, a PKCS#12 file or a PKCS#11
//! token). Presentation only: whether a signature holds, and every finding, is the library's
//! answer; no rule of law lives here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use clap::{ArgGroup, Args, Subcommand};
use egov_conversion::pdf::{
    self, PadesOptions, PdfSignature, SignatureKind, SignatureVerifyOptions, SignaturesReport,
    SignedPdf,
};
use egov_core::VnDateTime;
use egov_sign::cms::{self, CmsFailure, Timestamp};
use egov_sign::pkcs11::{Pkcs11Config, Pkcs11Signer};
use egov_sign::{
    ChainStatus, DigestAlgorithm, KeyError, KeyPairSigner, SignerCertificate, TimeSource,
    TimeStamper, TrustAnchors,
};
use x509_cert::der::{Decode, Encode};
use x509_cert::Certificate;

use crate::commands::{prose_iso, prose_time};
use crate::edxml::Lang;
use crate::i18n::t;
use crate::mark::{now, read};
use crate::mark_pdf::{create, exists_error, finding_line, pdf_error, pick};
use crate::output::CmdResult;
use crate::schema_types::marks::{KeyLocation, PdfSignOutput, PdfVerifyOutput};
use crate::schema_types::to_json;

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
#[command(group(
    ArgGroup::new("key_source")
        .required(true)
        .args(["p12", "key", "pkcs11_module"])
))]
#[command(group(ArgGroup::new("p12_password").args(["password_env", "password_file"])))]
pub struct SignArgs {
    /// The PDF to sign (not encrypted).
    input: PathBuf,
    /// Where to write the signed PDF (written whole through a temporary file, then renamed).
    #[arg(long)]
    out: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
    /// The signer's key and certificate chain in a PKCS#12 file (.p12/.pfx), with its password
    /// from --password-env or --password-file (never on the command line).
    #[arg(long, value_name = "FILE", requires = "p12_password")]
    p12: Option<PathBuf>,
    /// The environment variable holding the PKCS#12 password.
    #[arg(long, value_name = "VAR", requires = "p12")]
    password_env: Option<String>,
    /// A file holding the PKCS#12 password (one trailing line break is ignored).
    #[arg(long, value_name = "FILE", requires = "p12")]
    password_file: Option<PathBuf>,
    /// The signer's PKCS#8 private key (PEM), RSA or ECDSA P-256/P-384, with --cert.
    #[arg(long, value_name = "KEY.pem", requires = "cert")]
    key: Option<PathBuf>,
    /// The signer's certificate, then any intermediates (PEM); with --key, or with
    /// --pkcs11-module instead of the certificate stored on the token.
    #[arg(long, value_name = "CHAIN.pem", conflicts_with = "p12")]
    cert: Option<PathBuf>,
    /// The token vendor's PKCS#11 module (a USB token or HSM: the key never leaves it), with
    /// --pin-env.
    #[arg(long, value_name = "MODULE.so", requires = "pin_env")]
    pkcs11_module: Option<PathBuf>,
    /// The token's label (default: the only token present).
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    token: Option<String>,
    /// The token's slot id.
    #[arg(long, value_name = "N", requires = "pkcs11_module")]
    slot: Option<u64>,
    /// The private key's label on the token (default: the token's only key).
    #[arg(long, value_name = "LABEL", requires = "pkcs11_module")]
    key_label: Option<String>,
    /// The private key's id on the token (CKA_ID), hexadecimal.
    #[arg(long, value_name = "HEX", requires = "pkcs11_module")]
    key_id: Option<String>,
    /// The environment variable holding the token's user PIN (empty for a PIN pad).
    #[arg(long, value_name = "VAR", requires = "pkcs11_module")]
    pin_env: Option<String>,
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

/// Where the signer's key is: the key-source flags of `egov pdf sign`, also taken by
/// `egov mark pdf from-scans` (where the PEM key's flag is `--agency-key`: `--key` is the
/// mark's key there).
pub(crate) struct KeySource<'a> {
    /// PKCS#12 file.
    pub(crate) p12: Option<&'a Path>,
    /// The environment variable holding the PKCS#12 password.
    pub(crate) password_env: Option<&'a str>,
    /// A file holding the PKCS#12 password.
    pub(crate) password_file: Option<&'a Path>,
    /// PKCS#8 private key (PEM), with `cert`.
    pub(crate) key: Option<&'a Path>,
    /// The flag that gives `key` (`--key`, `--agency-key`), for messages.
    pub(crate) key_flag: &'static str,
    /// Certificate chain (PEM).
    pub(crate) cert: Option<&'a Path>,
    /// PKCS#11 module.
    pub(crate) pkcs11_module: Option<&'a Path>,
    /// Token label.
    pub(crate) token: Option<&'a str>,
    /// Slot id.
    pub(crate) slot: Option<u64>,
    /// Key label on the token.
    pub(crate) key_label: Option<&'a str>,
    /// Key id on the token, hexadecimal.
    pub(crate) key_id: Option<&'a str>,
    /// The environment variable holding the PIN.
    pub(crate) pin_env: Option<&'a str>,
}

impl SignArgs {
    fn key_source(&self) -> KeySource<'_> {
        KeySource {
            p12: self.p12.as_deref(),
            password_env: self.password_env.as_deref(),
            password_file: self.password_file.as_deref(),
            key: self.key.as_deref(),
            key_flag: "--key",
            cert: self.cert.as_deref(),
            pkcs11_module: self.pkcs11_module.as_deref(),
            token: self.token.as_deref(),
            slot: self.slot,
            key_label: self.key_label.as_deref(),
            key_id: self.key_id.as_deref(),
            pin_env: self.pin_env.as_deref(),
        }
    }
}

fn usage_error(code: &str, message: String) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message,
    }
}

/// A key or certificate that cannot be used: its stable code (`sign.key.pkcs12`, …), exit 1.
fn key_error(lang: Lang, source: &str, e: &KeyError) -> CmdResult {
    CmdResult::Error {
        code: e.code().to_owned(),
        message: format!("{source}: {}", pick(lang, e.message_vi(), e.to_string())),
    }
}

/// The value of an environment variable named on the command line (a password, a PIN).
fn secret_from_env(code: &str, flag: &str, var: &str) -> Result<String, CmdResult> {
    std::env::var(var).map_err(|e| {
        usage_error(
            code,
            t!(
                "pdf-sign-flag-var-the-environment-variable",
                flag = flag.to_string(),
                var = var.to_string(),
                e = e.to_string()
            ),
        )
    })
}

fn password(a: &KeySource<'_>) -> Result<String, CmdResult> {
    if let Some(var) = a.password_env {
        return secret_from_env("usage.password", "--password-env", var);
    }
    let Some(path) = a.password_file else {
        // clap requires one of them with --p12.
        return Ok(String::new());
    };
    let bytes = read(path)?;
    let mut text = String::from_utf8(bytes).map_err(|_| {
        usage_error(
            "usage.password",
            t!(
                "pdf-sign-v1-the-password-is-not",
                v1 = (path.display()).to_string()
            ),
        )
    })?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    let s: String = s.chars().filter(|c| *c != ':' && *c != ' ').collect();
    if s.is_empty() || !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// PEM certificates (signer first) as DER.
fn pem_chain(lang: Lang, path: &Path) -> Result<Vec<Vec<u8>>, CmdResult> {
    let pem = read(path)?;
    Certificate::load_pem_chain(&pem)
        .map_err(|e| e.to_string())
        .and_then(|certs| {
            certs
                .iter()
                .map(|c| c.to_der().map_err(|e| e.to_string()))
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| {
            key_error(
                lang,
                &path.display().to_string(),
                &KeyError::Certificates(e),
            )
        })
}

/// The signer the command line names, and how to describe where its key is.
pub(crate) fn signer(
    lang: Lang,
    a: &KeySource<'_>,
) -> Result<(Box<dyn egov_sign::Signer>, KeyLocation), CmdResult> {
    if let Some(p12) = a.p12 {
        let password = password(a)?;
        let data = read(p12)?;
        let s = KeyPairSigner::from_pkcs12(&data, &password)
            .map_err(|e| key_error(lang, &p12.display().to_string(), &e))?;
        return Ok((
            Box::new(s),
            KeyLocation::Pkcs12 {
                file: p12.to_path_buf(),
            },
        ));
    }
    if let (Some(key), Some(cert)) = (a.key, a.cert) {
        let key_pem = read(key)?;
        let cert_pem = read(cert)?;
        let s = KeyPairSigner::from_pem(&key_pem, &cert_pem)
            .map_err(|e| key_error(lang, &format!("{}, {}", key.display(), cert.display()), &e))?;
        return Ok((
            Box::new(s),
            KeyLocation::Pem {
                key: key.to_path_buf(),
                cert: cert.to_path_buf(),
            },
        ));
    }
    let (Some(module), Some(pin_env)) = (a.pkcs11_module, a.pin_env) else {
        // clap requires exactly one key source, and --pin-env with --pkcs11-module.
        let flag = a.key_flag;
        return Err(usage_error(
            "usage.key",
            t!(
                "pdf-sign-give-exactly-one-key-source",
                flag = flag.to_string()
            ),
        ));
    };
    let pin = secret_from_env("usage.pin", "--pin-env", pin_env)?;
    let key_id = match a.key_id {
        Some(h) => Some(hex_decode(h).ok_or_else(|| {
            usage_error(
                "usage.key_id",
                t!("pdf-sign-key-id-h-not-hexadecimal", h = h.to_string()),
            )
        })?),
        None => None,
    };
    let certificates = a.cert.map(|c| pem_chain(lang, c)).transpose()?;
    let config = Pkcs11Config {
        module: module.to_path_buf(),
        token_label: a.token.map(str::to_owned),
        slot: a.slot,
        pin,
        key_label: a.key_label.map(str::to_owned),
        key_id,
    };
    let s = Pkcs11Signer::open(&config, certificates).map_err(|e| {
        let mut r = key_error(lang, &module.display().to_string(), &e);
        if let (KeyError::NoCertificate, CmdResult::Error { message, .. }) = (&e, &mut r) {
            message.push_str(&t!("pdf-sign-the-token-holds-no-certificate"));
        }
        r
    })?;
    let source = KeyLocation::Pkcs11 {
        module: module.to_path_buf(),
        token: s.token_label().to_owned(),
        key_label: s.key_label().to_owned(),
        key_id: s.key_id().iter().map(|b| format!("{b:02x}")).collect(),
        cert: a.cert.map(Path::to_path_buf),
    };
    Ok((Box::new(s), source))
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
        let r = run_tsa_command(self.command, &request);
        if let Err(e) = &r {
            *self.failure.borrow_mut() = Some(e.clone());
        }
        r
    }
}

fn run_tsa_command(command: &str, request: &[u8]) -> Result<Vec<u8>, String> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("sh: {e}"))?;
    // Written from another thread: a command that answers before reading all of its input
    // must not block on a full pipe. A command that does not read it at all is not an error.
    let stdin = child.stdin.take();
    let request = request.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut s) = stdin {
            let _ = s.write_all(&request);
        }
    });
    let out = child.wait_with_output().map_err(|e| format!("sh: {e}"))?;
    let _ = writer.join();
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    if !out.status.success() {
        let status = out
            .status
            .code()
            .map_or_else(|| out.status.to_string(), |c| c.to_string());
        return Err(format!("exit status {status}; stderr: {stderr}"));
    }
    if out.stdout.is_empty() {
        return Err(format!("no response on standard output; stderr: {stderr}"));
    }
    Ok(out.stdout)
}

/// A nonce for the time-stamp request from the clock (the request is made once per run).
fn nonce() -> u64 {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    ((t.as_secs() << 20) ^ u64::from(t.subsec_micros())) & (u64::MAX >> 1)
}

fn sign_cmd(a: &SignArgs) -> Result<CmdResult, CmdResult> {
    let lang = crate::i18n::lang();
    // Refuse an existing output before any work (checked again when renaming into place).
    if !a.force && a.out.symlink_metadata().is_ok() {
        return Err(exists_error(&a.out));
    }
    let when = match &a.at {
        Some(s) => crate::input::time(s, "--at")?,
        None => now()?,
    };
    let original = read(&a.input)?;
    let (signer, source) = signer(lang, &a.key_source())?;
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
        TrustAnchors::from_pem(&text).map_err(|e| {
            usage_error(
                "usage.anchors",
                t!(
                    "pdf-sign-v1-cannot-read-the-trust",
                    v1 = (p.display()).to_string(),
                    e = e.to_string()
                ),
            )
        })?;
        pem.extend_from_slice(&text);
        pem.push(b'\n');
    }
    TrustAnchors::from_pem(&pem).map_err(|e| {
        usage_error(
            "usage.anchors",
            t!("pdf-sign-cannot-read-the-trust-anchors", e = e.to_string()),
        )
    })
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
                length = length.to_string()
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

fn verify_text(a: &VerifyArgs, r: &SignaturesReport) -> String {
    let lang = crate::i18n::lang();
    let n = r.signatures.len();
    let mut h = String::new();
    for (i, s) in r.signatures.iter().enumerate() {
        h.push_str(&signature_text(i + 1, n, r.revisions, s, lang));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ids_are_read_as_hex_with_or_without_colons() {
        assert_eq!(hex_decode("01"), Some(vec![1]));
        assert_eq!(hex_decode("0a:FF"), Some(vec![10, 255]));
        assert_eq!(hex_decode("0"), None);
        assert_eq!(hex_decode("zz"), None);
        assert_eq!(hex_decode(""), None);
    }

    #[test]
    fn a_failing_tsa_command_says_why_with_its_stderr() {
        let e = run_tsa_command("echo no service >&2; exit 7", b"request").unwrap_err();
        assert!(
            e.contains("exit status 7") && e.contains("no service"),
            "{e}"
        );
        let e = run_tsa_command("cat >/dev/null", b"request").unwrap_err();
        assert!(e.contains("no response"), "{e}");
        assert_eq!(run_tsa_command("cat", b"request").unwrap(), b"request");
    }
}
