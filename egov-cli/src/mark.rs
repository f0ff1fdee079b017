//! `egov mark …` and `egov keygen`: conversion marks (NĐ 137/2024 Đ4, Đ5) as glue over
//! `egov-conversion`. No rule of law lives here.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use egov_conversion::payload::{content_digest, hex, key_id, parse_hex, PayloadOptions};
use egov_conversion::render::{Position, StampOptions};
use egov_conversion::{
    scan, sign, validate, AccessLocator, ConversionMark, Profile, PublicKey, SigningKey,
    SourceSystem, TrustSet, TrustedKey, Wording,
};
use egov_core::{ErrorCode, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::commands::outcome_label;
use crate::output::CmdResult;

/// `egov mark` subcommands.
#[derive(Debug, Subcommand)]
pub enum MarkCommand {
    /// Mark a scanned page converted from paper (NĐ 137/2024 Đ4): stamp it, write the payload.
    PaperToData(MakeArgs),
    /// Mark a page printed from a data message (Đ5): stamp it, write the payload.
    DataToPaper {
        #[command(flatten)]
        make: MakeArgs,
        /// Name of the information system holding the data message (Đ5.1.a).
        #[arg(long)]
        system: String,
        /// Name of the system's owner (Đ5.1.a).
        #[arg(long)]
        owner: String,
        /// Full URL of the data message on the system (Đ5.1.b).
        #[arg(long, conflicts_with_all = ["code", "search"])]
        url: Option<String>,
        /// Unique code of the data message (Đ5.1.b), with --search.
        #[arg(long, requires = "search")]
        code: Option<String>,
        /// Search interface where the code is entered.
        #[arg(long, requires = "code")]
        search: Option<String>,
    },
    /// Find the mark's QR code on a page image and verify it offline.
    Verify {
        /// The page image (PNG or JPEG), or a text file holding the QR text with --payload.
        image: PathBuf,
        /// Read IMAGE as a text file holding the QR payload instead of an image.
        #[arg(long)]
        payload: bool,
        /// The content the mark's hash covers (the page or data message before marking).
        #[arg(long)]
        content: Option<PathBuf>,
        /// Trust set JSON: {"keys":[{"label":…,"public_key":"<hex>"}]}.
        #[arg(long)]
        trust: PathBuf,
    },
}

/// Profiles on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProfileArg {
    /// General (Đ4.1.a / Đ5.2.a).
    General,
    /// Result of an administrative procedure (Đ4.1.c / Đ5.2.c).
    AdminResult,
    /// Clerical copy «sao y».
    SaoY,
    /// Clerical copy «sao lục».
    SaoLuc,
    /// Clerical copy «trích sao».
    TrichSao,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Self {
        match p {
            ProfileArg::General => Profile::General,
            ProfileArg::AdminResult => Profile::AdminProcedureResult,
            ProfileArg::SaoY => Profile::SaoY,
            ProfileArg::SaoLuc => Profile::SaoLuc,
            ProfileArg::TrichSao => Profile::TrichSao,
        }
    }
}

/// Where to stamp.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PositionArg {
    /// Top-right margin of the page (default).
    TopRight,
    /// Top-left margin.
    TopLeft,
    /// Bottom-right margin.
    BottomRight,
    /// Bottom-left margin.
    BottomLeft,
}

/// Arguments shared by both directions.
#[derive(Debug, Args)]
pub struct MakeArgs {
    /// The page image to stamp (PNG or JPEG; first page).
    #[arg(long)]
    page: PathBuf,
    /// Full name of the converting agency, organisation or individual.
    #[arg(long)]
    converter: String,
    /// Signing key file written by `egov keygen`.
    #[arg(long)]
    key: PathBuf,
    /// Conversion time, ISO 8601 with offset (default: now).
    #[arg(long)]
    at: Option<String>,
    /// Profile.
    #[arg(long, value_enum, default_value = "general")]
    profile: ProfileArg,
    /// Text mark replacing the SDK default wording.
    #[arg(long)]
    text: Option<String>,
    /// Lookup page the QR opens on a phone (payload in the URL fragment).
    #[arg(long)]
    lookup_url: Option<String>,
    /// The content the hash covers (default: the page file before marking).
    #[arg(long)]
    content: Option<PathBuf>,
    /// Where to write the stamped image (default: PAGE with `.marked` before the extension).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Where to write the QR payload text (default: OUT with `.payload.txt`).
    #[arg(long)]
    payload_out: Option<PathBuf>,
    /// Page resolution in dots per inch.
    #[arg(long, default_value_t = 300)]
    dpi: u32,
    /// Where to stamp.
    #[arg(long, value_enum, default_value = "top-right")]
    position: PositionArg,
}

/// `egov keygen` arguments.
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Where to write the signing key (JSON with the secret key; keep it private).
    #[arg(long)]
    out: PathBuf,
    /// Who holds the key (agency or system name).
    #[arg(long, default_value = "egov signing key")]
    label: String,
    /// Also write a trust set JSON holding the public key.
    #[arg(long)]
    trust_out: Option<PathBuf>,
}

/// The key file written by `egov keygen`.
#[derive(Debug, Serialize, Deserialize)]
struct KeyFile {
    label: String,
    key_id: String,
    public_key: String,
    secret_key: String,
}

fn io_err(what: &str, path: &Path, e: std::io::Error) -> CmdResult {
    CmdResult::Error {
        code: "io".to_owned(),
        message: format!("cannot {what} {}: {e}", path.display()),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, CmdResult> {
    std::fs::read(path).map_err(|e| io_err("read", path, e))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    std::fs::write(path, bytes).map_err(|e| io_err("write", path, e))
}

fn coded<E: std::fmt::Display + ErrorCode>(e: E) -> CmdResult {
    CmdResult::error(&e)
}

/// `egov keygen`: a new Ed25519 key from the operating system's random source.
pub fn keygen(args: &KeygenArgs) -> CmdResult {
    match keygen_inner(args) {
        Ok(r) | Err(r) => r,
    }
}

fn keygen_inner(args: &KeygenArgs) -> Result<CmdResult, CmdResult> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| CmdResult::Error {
        code: "keygen.random".to_owned(),
        message: format!("no random source: {e}"),
    })?;
    let key = SigningKey::from_bytes(&seed);
    let public = key.verifying_key().to_bytes();
    let file = KeyFile {
        label: args.label.clone(),
        key_id: key_id(&public),
        public_key: hex(&public),
        secret_key: hex(&seed),
    };
    let text = serde_json::to_string_pretty(&file).unwrap_or_default();
    write_private(&args.out, text.as_bytes())?;
    let trust = TrustSet {
        keys: vec![TrustedKey {
            label: args.label.clone(),
            public_key: PublicKey(public),
            not_before: None,
            not_after: None,
        }],
    };
    if let Some(t) = &args.trust_out {
        write(
            t,
            serde_json::to_string_pretty(&trust)
                .unwrap_or_default()
                .as_bytes(),
        )?;
    }
    let human = format!(
        "Wrote signing key {} to {} (keep it private).\nKey id:     {}\nPublic key: {}{}",
        file.label,
        args.out.display(),
        file.key_id,
        file.public_key,
        args.trust_out
            .as_ref()
            .map(|t| format!("\nTrust set:  {}", t.display()))
            .unwrap_or_default()
    );
    let json = json!({
        "key_file": args.out,
        "key_id": file.key_id,
        "public_key": file.public_key,
        "trust_set": trust,
    });
    Ok(CmdResult::Valid { human, json })
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| io_err("write", path, e))?;
    f.write_all(bytes).map_err(|e| io_err("write", path, e))
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    write(path, bytes)
}

fn load_key(path: &Path) -> Result<SigningKey, CmdResult> {
    let bad = |m: String| CmdResult::Error {
        code: "key.invalid".to_owned(),
        message: format!("{}: {m}", path.display()),
    };
    let text = String::from_utf8(read(path)?).map_err(|e| bad(e.to_string()))?;
    let file: KeyFile = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
    let seed = parse_hex::<32>(&file.secret_key)
        .ok_or_else(|| bad("secret_key must be 64 hex digits".to_owned()))?;
    Ok(SigningKey::from_bytes(&seed))
}

fn now() -> Result<VnDateTime, CmdResult> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    VnDateTime::from_unix_seconds(i64::try_from(secs).unwrap_or(0)).map_err(coded)
}

fn default_out(page: &Path) -> PathBuf {
    let stem = page
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "page".to_owned());
    let ext = page
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "png".to_owned());
    page.with_file_name(format!("{stem}.marked.{ext}"))
}

/// Runs an `egov mark` subcommand.
pub fn run(cmd: MarkCommand) -> CmdResult {
    let r = match cmd {
        MarkCommand::PaperToData(make) => make_mark(&make, None),
        MarkCommand::DataToPaper {
            make,
            system,
            owner,
            url,
            code,
            search,
        } => {
            let locator = match (url, code, search) {
                (Some(url), _, _) => Ok(AccessLocator::FullUrl { url }),
                (None, Some(code), Some(search_interface)) => Ok(AccessLocator::UniqueCode {
                    code,
                    search_interface,
                }),
                _ => Err(CmdResult::Error {
                    code: "usage.locator".to_owned(),
                    message: "give --url, or --code with --search (NĐ 137/2024 Đ5.1.b)".to_owned(),
                }),
            };
            locator.and_then(|locator| {
                make_mark(
                    &make,
                    Some(SourceSystem {
                        system_name: system,
                        owner_name: owner,
                        locator,
                    }),
                )
            })
        }
        MarkCommand::Verify {
            image,
            payload,
            content,
            trust,
        } => verify_cmd(&image, payload, content.as_deref(), &trust),
    };
    match r {
        Ok(r) | Err(r) => r,
    }
}

fn make_mark(args: &MakeArgs, source: Option<SourceSystem>) -> Result<CmdResult, CmdResult> {
    let key = load_key(&args.key)?;
    let at = match &args.at {
        Some(s) => VnDateTime::parse(s).map_err(coded)?,
        None => now()?,
    };
    let mut wording = Wording::sdk_default();
    let profile = Profile::from(args.profile);
    let mark = match source {
        None => {
            if let Some(t) = &args.text {
                wording.paper_to_data = t.clone();
            }
            override_clerical(&mut wording, profile, args.text.as_deref());
            ConversionMark::paper_to_data(profile, at, &args.converter, &wording)
        }
        Some(src) => {
            if let Some(t) = &args.text {
                wording.data_to_paper = t.clone();
            }
            override_clerical(&mut wording, profile, args.text.as_deref());
            ConversionMark::data_to_paper(profile, at, &args.converter, src, &wording)
        }
    };
    let report = validate(&mark);
    let page = read(&args.page)?;
    let content = match &args.content {
        Some(p) => read(p)?,
        None => page.clone(),
    };
    let options = PayloadOptions {
        lookup_url: args.lookup_url.clone(),
        ..Default::default()
    };
    let signed = sign(&mark, &content_digest(&content), &key, &options).map_err(coded)?;
    let position = match args.position {
        PositionArg::TopRight => Position::TopRight,
        PositionArg::TopLeft => Position::TopLeft,
        PositionArg::BottomRight => Position::BottomRight,
        PositionArg::BottomLeft => Position::BottomLeft,
    };
    let mut stamp_opts = StampOptions {
        position,
        ..Default::default()
    };
    stamp_opts.render.dpi = args.dpi;
    let stamped = egov_conversion::render::stamp(&page, &signed, &stamp_opts).map_err(coded)?;
    let out = args.out.clone().unwrap_or_else(|| default_out(&args.page));
    let payload_out = args.payload_out.clone().unwrap_or_else(|| {
        let mut p = out.clone().into_os_string();
        p.push(".payload.txt");
        PathBuf::from(p)
    });
    write(&out, &stamped.image)?;
    write(&payload_out, signed.qr_text.as_bytes())?;

    let mut findings = report.findings.clone();
    findings.extend(stamped.findings.iter().cloned());
    let mut human = format!(
        "Stamped {} → {}\nPayload → {} (QR version {} at level M, {} characters)\nKey id:   {}\nContent SHA-256 (before marking): {}\n",
        args.page.display(),
        out.display(),
        payload_out.display(),
        signed.qr_version,
        signed.qr_text.len(),
        signed.key_id(),
        hex(&signed.content_sha256)
    );
    for line in signed.mark.display_lines() {
        human.push_str(&format!("  | {line}\n"));
    }
    for f in findings.iter().filter(|f| f.outcome != Outcome::Pass) {
        human.push_str(&format!(
            "{} {} ({}): {}\n",
            outcome_label(f.outcome),
            f.rule,
            f.basis,
            f.message
        ));
    }
    let json = json!({
        "out": out,
        "payload_out": payload_out,
        "qr_text": signed.qr_text,
        "qr_version": signed.qr_version,
        "key_id": signed.key_id(),
        "content_sha256": hex(&signed.content_sha256),
        "mark": signed.mark,
        "rect": stamped.rect,
        "findings": findings,
    });
    Ok(CmdResult::Valid {
        human: human.trim_end().to_owned(),
        json,
    })
}

fn override_clerical(w: &mut Wording, profile: Profile, text: Option<&str>) {
    if let Some(t) = text {
        match profile {
            Profile::SaoY => w.sao_y = t.to_owned(),
            Profile::SaoLuc => w.sao_luc = t.to_owned(),
            Profile::TrichSao => w.trich_sao = t.to_owned(),
            Profile::General | Profile::AdminProcedureResult => {}
        }
    }
}

fn verify_cmd(
    image: &Path,
    is_payload: bool,
    content: Option<&Path>,
    trust: &Path,
) -> Result<CmdResult, CmdResult> {
    let trust_text = String::from_utf8_lossy(&read(trust)?).into_owned();
    let trust = TrustSet::from_json(&trust_text).map_err(coded)?;
    let content = content.map(read).transpose()?;
    let bytes = read(image)?;
    let (qr_codes, v) = if is_payload {
        let text = String::from_utf8_lossy(&bytes).trim().to_owned();
        (
            None,
            egov_conversion::verify(&text, &trust, content.as_deref()),
        )
    } else {
        let pv = scan::verify_page_bytes(&bytes, &trust, content.as_deref()).map_err(coded)?;
        (Some(pv.qr_codes_found), pv.verification)
    };
    let mut human = format!(
        "State:   {:?}{}\n",
        v.state,
        if v.is_verified() {
            if v.content_checked {
                " — VERIFIED (signature, trusted key, content)"
            } else {
                " — VERIFIED (signature, trusted key; content not checked)"
            }
        } else {
            " — NOT VERIFIED"
        }
    );
    if let Some(f) = &v.failure {
        human.push_str(&format!(
            "Failed:  {:?} step [{}]: {}\n",
            f.step, f.code, f.reason
        ));
    }
    if let Some(s) = &v.signer {
        human.push_str(&format!(
            "Signer:  {s} (key {})\n",
            v.key_id.as_deref().unwrap_or("")
        ));
    }
    if let Some(m) = &v.mark {
        for line in m.display_lines() {
            human.push_str(&format!("  | {line}\n"));
        }
    }
    let mut json = json!(v);
    if let Some(n) = qr_codes {
        json["qr_codes_found"] = json!(n);
    }
    let human = human.trim_end().to_owned();
    Ok(if v.is_verified() {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}
