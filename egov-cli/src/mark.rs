//! `egov mark …` and `egov keygen`: conversion marks (NĐ 137/2024 Đ4, Đ5) as glue over
//! `egov-conversion`. No rule of law lives here.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use egov_conversion::payload::{content_digest, hex, PayloadOptions};
use egov_conversion::render::{Position, StampOptions};
use egov_conversion::{
    scan, sign, validate, AccessLocator, ConversionMark, KeyFile, KeyFileError, Profile,
    SigningKey, SourceSystem, TrustSet, Wording,
};
use egov_core::{ErrorCode, Outcome, VnDateTime};
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
    /// Find every conversion mark on page images (scans, photocopies, phone photos) and verify
    /// them offline; says which page carries the mark.
    Verify {
        /// The page images (PNG, JPEG, TIFF with every page of a multi-page TIFF), in page
        /// order; or one text file holding the QR text with --payload.
        #[arg(required = true)]
        images: Vec<PathBuf>,
        /// Read IMAGE as a text file holding the QR payload instead of an image.
        #[arg(long)]
        payload: bool,
        /// The content the mark's hash covers (the page or data message before marking).
        #[arg(long)]
        content: Option<PathBuf>,
        /// Trust set JSON: {"keys":[{"label":…,"public_key":"<hex>"}]}.
        #[arg(
            long,
            required_unless_present = "trust_list",
            conflicts_with = "trust_list"
        )]
        trust: Option<PathBuf>,
        /// Signed trust lists (`egov trustlist`), instead of --trust: the keys they vouch for,
        /// with --pin. Exit 0 only for the state "verified" (a stale list is exit 1).
        #[arg(long, requires = "pin")]
        trust_list: Vec<PathBuf>,
        /// The operator key pinned for --trust-list: 64 hex digits or a key file (repeatable).
        #[arg(long)]
        pin: Vec<String>,
        /// The time the trust lists are judged at (default now).
        #[arg(long, requires = "trust_list")]
        at: Option<String>,
    },
    /// Conversion marks on existing PDF files: stamp as an incremental update, verify.
    #[cfg(feature = "pdf")]
    #[command(subcommand)]
    Pdf(Box<crate::mark_pdf::PdfCommand>),
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
    /// A blank area found on the page: the top-right corner if blank, then the other corners,
    /// then the topmost blank band (default).
    Auto,
    /// Top-right margin of the page.
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
    #[arg(long, value_enum, default_value = "auto")]
    position: PositionArg,
    /// Stamp even where the mark covers page content (otherwise an error).
    #[arg(long)]
    force: bool,
}

/// `egov keygen` arguments.
#[derive(Debug, Args)]
pub struct KeygenArgs {
    /// Where to write the new signing key (JSON with the secret key, mode 0600; keep it
    /// private). An existing file is never overwritten without --force.
    #[arg(long, required_unless_present = "from", conflicts_with = "from")]
    out: Option<PathBuf>,
    /// Who holds the key (agency or system name).
    #[arg(long, default_value = "egov signing key")]
    label: String,
    /// Also write a trust set JSON holding the public key (what verifiers need).
    #[arg(long)]
    trust_out: Option<PathBuf>,
    /// Export the trust set of an existing key file instead of generating a key (with
    /// --trust-out).
    #[arg(long, required_unless_present = "out")]
    from: Option<PathBuf>,
    /// Also write the key's entry for a trust list (`egov trustlist add --entry`): public key,
    /// holder = --label, signing period from now.
    #[arg(long)]
    entry_out: Option<PathBuf>,
    /// The holder's agency code, in the entry.
    #[arg(long, requires = "entry_out")]
    agency_code: Option<String>,
    /// What the key signs, in the entry.
    #[arg(
        long,
        value_enum,
        default_value = "mark-signer",
        requires = "entry_out"
    )]
    role: crate::trustlist::RoleArg,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
}

fn io_err(what: &str, path: &Path, e: std::io::Error) -> CmdResult {
    CmdResult::Error {
        code: "io".to_owned(),
        message: format!("cannot {what} {}: {e}", path.display()),
    }
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, CmdResult> {
    std::fs::read(path).map_err(|e| io_err("read", path, e))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    std::fs::write(path, bytes).map_err(|e| io_err("write", path, e))
}

pub(crate) fn coded<E: egov_core::Localize>(e: E) -> CmdResult {
    CmdResult::error(&e)
}

/// `egov keygen`: a new Ed25519 key from the operating system's random source.
pub fn keygen(args: &KeygenArgs) -> CmdResult {
    match keygen_inner(args) {
        Ok(r) | Err(r) => r,
    }
}

fn keygen_inner(args: &KeygenArgs) -> Result<CmdResult, CmdResult> {
    let refuse_existing = |p: &Path| -> Result<(), CmdResult> {
        if !args.force && p.exists() {
            return Err(CmdResult::Error {
                code: "io.exists".to_owned(),
                message: format!(
                    "{} đã có; không ghi đè nếu không có --force / already exists; not overwritten without --force",
                    p.display()
                ),
            });
        }
        Ok(())
    };
    let (file, wrote_key) = match (&args.from, &args.out) {
        (Some(from), _) => {
            let text = String::from_utf8(read(from)?).map_err(|e| CmdResult::Error {
                code: "key.invalid".to_owned(),
                message: format!("{}: {e}", from.display()),
            })?;
            (
                KeyFile::from_json(&text).map_err(|e| keyfile_err(from, &e))?,
                None,
            )
        }
        (None, Some(out)) => {
            refuse_existing(out)?;
            if let Some(t) = &args.trust_out {
                refuse_existing(t)?;
            }
            let file = KeyFile::generate(args.label.clone()).map_err(coded)?;
            write_private(out, file.to_json().as_bytes())?;
            (file, Some(out.clone()))
        }
        (None, None) => {
            return Err(CmdResult::Error {
                code: "usage".to_owned(),
                message: "give --out (a new key) or --from (an existing key)".to_owned(),
            })
        }
    };
    let trust = file.trust_set().map_err(coded)?;
    if let Some(t) = &args.trust_out {
        if wrote_key.is_none() {
            refuse_existing(t)?;
        }
        write(
            t,
            serde_json::to_string_pretty(&trust)
                .unwrap_or_default()
                .as_bytes(),
        )?;
    }
    if let Some(e) = &args.entry_out {
        if wrote_key.is_none() {
            refuse_existing(e)?;
        }
        let public =
            egov_conversion::trustlist::parse_public_key(&file.public_key).ok_or_else(|| {
                CmdResult::Error {
                    code: "key.invalid".to_owned(),
                    message: "the key file's public key".to_owned(),
                }
            })?;
        let entry = egov_conversion::trustlist::ListEntry::new(
            public,
            args.role.into(),
            egov_conversion::trustlist::Holder::new(&file.label, args.agency_code.as_deref()),
            now()?,
            None,
        );
        write(
            e,
            serde_json::to_string_pretty(&entry)
                .unwrap_or_default()
                .as_bytes(),
        )?;
    }
    let mut human = match &wrote_key {
        Some(out) => format!(
            "Đã ghi khóa ký {} vào {} (quyền 0600; giữ bí mật) / Wrote signing key to it (mode 0600; keep it private).",
            file.label,
            out.display()
        ),
        None => format!("Khóa ký / Signing key: {}", file.label),
    };
    human.push_str(&format!(
        "\nMã khóa / Key id:       {}\nKhóa công khai / Public: {}",
        file.key_id, file.public_key
    ));
    if let Some(t) = &args.trust_out {
        human.push_str(&format!("\nTập khóa tin cậy / Trust set: {}", t.display()));
    }
    if let Some(e) = &args.entry_out {
        human.push_str(&format!(
            "\nMục cho danh sách tin cậy / Trust-list entry: {}",
            e.display()
        ));
    }
    let json = json!({
        "key_file": wrote_key,
        "key_id": file.key_id,
        "public_key": file.public_key,
        "trust_set": trust,
    });
    Ok(CmdResult::Valid { human, json })
}

fn keyfile_err(path: &Path, e: &KeyFileError) -> CmdResult {
    CmdResult::Error {
        code: e.code().to_owned(),
        message: format!("{}: {e}", path.display()),
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| io_err("write", path, e))?;
    // `mode` applies only when the file is created: a file replaced with --force keeps its
    // old permissions unless they are set here.
    f.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(|e| io_err("write", path, e))?;
    f.write_all(bytes).map_err(|e| io_err("write", path, e))
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    write(path, bytes)
}

pub(crate) fn load_key(path: &Path) -> Result<SigningKey, CmdResult> {
    let text = String::from_utf8(read(path)?).map_err(|e| CmdResult::Error {
        code: "key.invalid".to_owned(),
        message: format!("{}: {e}", path.display()),
    })?;
    let file = KeyFile::from_json(&text).map_err(|e| keyfile_err(path, &e))?;
    file.signing_key().map_err(|e| keyfile_err(path, &e))
}

pub(crate) fn now() -> Result<VnDateTime, CmdResult> {
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
            images,
            payload,
            content,
            trust,
            trust_list,
            pin,
            at,
        } => {
            // Trust lists given on the command line win over a trust set from egov.toml or
            // EGOV_TRUST (clap does not count a default as a conflict).
            let source = match trust {
                Some(t) if trust_list.is_empty() => Trust::Set(t),
                _ => Trust::Lists {
                    lists: trust_list,
                    pins: pin,
                    at,
                },
            };
            verify_cmd(&images, payload, content.as_deref(), &source)
        }
        #[cfg(feature = "pdf")]
        MarkCommand::Pdf(cmd) => Ok(crate::mark_pdf::run(*cmd)),
    };
    match r {
        Ok(r) | Err(r) => r,
    }
}

fn make_mark(args: &MakeArgs, source: Option<SourceSystem>) -> Result<CmdResult, CmdResult> {
    let key = load_key(&args.key)?;
    let at = match &args.at {
        Some(s) => crate::input::time(s, "--at")?,
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
        PositionArg::Auto => Position::Auto,
        PositionArg::TopRight => Position::TopRight,
        PositionArg::TopLeft => Position::TopLeft,
        PositionArg::BottomRight => Position::BottomRight,
        PositionArg::BottomLeft => Position::BottomLeft,
    };
    let mut stamp_opts = StampOptions {
        position,
        force: args.force,
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
    let p = stamped.printed;
    human.push_str(&format!(
        "Printed: block {:.0} × {:.0} mm, QR {:.1} mm square, modules {:.2} mm ({:.1} px in a 150-dpi scan), at [x, y, w, h] = {:?} px\n",
        p.block_width_mm, p.block_height_mm, p.qr_mm, p.module_mm, p.px_per_module_at_150dpi, stamped.rect
    ));
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
        "printed": stamped.printed,
        "findings": findings,
    });
    Ok(CmdResult::Valid {
        human: human.trim_end().to_owned(),
        json,
    })
}

pub(crate) fn override_clerical(w: &mut Wording, profile: Profile, text: Option<&str>) {
    if let Some(t) = text {
        match profile {
            Profile::SaoY => w.sao_y = t.to_owned(),
            Profile::SaoLuc => w.sao_luc = t.to_owned(),
            Profile::TrichSao => w.trich_sao = t.to_owned(),
            Profile::General | Profile::AdminProcedureResult => {}
        }
    }
}

/// Where `mark verify` takes its keys from.
enum Trust {
    /// A trust set file.
    Set(PathBuf),
    /// Signed trust lists and the pinned operator keys.
    Lists {
        lists: Vec<PathBuf>,
        pins: Vec<String>,
        at: Option<String>,
    },
}

/// With trust lists: the one state for the verification (MarkStatus), the lists' findings,
/// and the exit (0 only for "verified").
fn with_lists(
    result: CmdResult,
    v: &egov_conversion::Verification,
    lists: Option<&(egov_conversion::trustlist::ListVerification, Vec<PathBuf>)>,
) -> CmdResult {
    let Some((lv, paths)) = lists else {
        return result;
    };
    let check = egov_conversion::trustlist::judge(v.clone(), lv);
    let (human, mut json) = match result {
        CmdResult::Valid { human, json } | CmdResult::Invalid { human, json } => (human, json),
        other => return other,
    };
    let mut text = format!(
        "Trạng thái / State: {} — {}
                    {}
",
        check.status.code(),
        check.status.message_vi(),
        check.status.message_en()
    );
    if let Some(h) = &check.holder {
        text.push_str(&format!(
            "Chủ khóa / Key holder: {}
",
            h.display()
        ));
    }
    text.push_str(&crate::trustlist::lists_text(lv, paths));
    text.push_str(&crate::trustlist::findings_text(&check.findings));
    text.push_str(&human);
    json["trust_list"] = json!(check);
    let human = text.trim_end().to_owned();
    if check.status == egov_conversion::trustlist::MarkStatus::Verified {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    }
}

fn verify_cmd(
    images: &[PathBuf],
    is_payload: bool,
    content: Option<&Path>,
    source: &Trust,
) -> Result<CmdResult, CmdResult> {
    let (trust, lists) = match source {
        Trust::Set(path) => {
            let trust_text = String::from_utf8_lossy(&read(path)?).into_owned();
            (TrustSet::from_json(&trust_text).map_err(coded)?, None)
        }
        Trust::Lists { lists, pins, at } => {
            let lv = crate::trustlist::verified_lists(lists, pins, at.as_deref())?;
            (lv.trust.clone(), Some((lv, lists.clone())))
        }
    };
    let r = verify_with(images, is_payload, content, &trust)?;
    Ok(with_lists(r.0, &r.1, lists.as_ref()))
}

/// The verification itself, and the ladder of the mark it judged.
fn verify_with(
    images: &[PathBuf],
    is_payload: bool,
    content: Option<&Path>,
    trust: &TrustSet,
) -> Result<(CmdResult, egov_conversion::Verification), CmdResult> {
    let trust = trust.clone();
    let content = content.map(read).transpose()?;
    if is_payload {
        let [image] = images else {
            return Err(CmdResult::Error {
                code: "usage.payload".to_owned(),
                message: "--payload reads one text file holding the QR text".to_owned(),
            });
        };
        let text = String::from_utf8_lossy(&read(image)?).trim().to_owned();
        let v = egov_conversion::verify(&text, &trust, content.as_deref());
        let mut human = verdict_line(v.is_verified(), false, &v);
        human.push_str(&verification_text(&v));
        let human = human.trim_end().to_owned();
        let json = json!(v);
        let r = if v.is_verified() {
            CmdResult::Valid { human, json }
        } else {
            CmdResult::Invalid { human, json }
        };
        return Ok((r, v));
    }
    let files = images
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let refs: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    let doc = scan::verify_files(&refs, &trust, content.as_deref()).map_err(coded)?;
    let Some(best) = doc.best.as_ref() else {
        // No mark on any page: say why page by page.
        let why: Vec<String> = doc
            .pages
            .iter()
            .map(|p| {
                format!(
                    "page {}: [{}] {}",
                    p.page,
                    p.error_code.as_deref().unwrap_or(""),
                    p.error.as_deref().unwrap_or("")
                )
            })
            .collect();
        return Err(CmdResult::Error {
            code: doc
                .pages
                .iter()
                .find_map(|p| p.error_code.clone())
                .filter(|_| doc.pages_scanned == 1)
                .unwrap_or_else(|| "scan.no_mark".to_owned()),
            message: format!(
                "no conversion-mark QR code found on {} page(s) (decoder {}): {}",
                doc.pages_scanned,
                scan::DECODER,
                why.join("; ")
            ),
        });
    };
    let v = &best.verification;
    let conflict = doc.verdict == scan::Verdict::ConflictingMarks;
    let mut human = verdict_line(doc.is_verified(), conflict, v);
    human.push_str(&format!(
        "Trang có ký hiệu (page with the mark): {} / {} · mã QR tìm thấy (QR codes found): {} · ký hiệu (marks): {} · {}\n",
        doc.mark_page.unwrap_or(0),
        doc.pages_scanned,
        best.qr_codes_found,
        best.marks.len(),
        best.decoder
    ));
    human.push_str(&verification_text(v));
    for (i, m) in best.marks.iter().enumerate().skip(1) {
        human.push_str(&mark_text(
            &format!("Ký hiệu thứ {} (mark {})", i + 1, i + 1),
            m,
        ));
    }
    // The other pages: a mark found elsewhere is listed too, a page without one says why.
    for p in doc.pages.iter().filter(|p| Some(p.page) != doc.mark_page) {
        if doc.pages_scanned < 2 {
            break;
        }
        match &p.result {
            Some(r) => {
                for m in &r.marks {
                    human.push_str(&mark_text(
                        &format!("Trang {} (page {}): ký hiệu (mark)", p.page, p.page),
                        m,
                    ));
                }
            }
            None => human.push_str(&format!(
                "Trang {} (page {}): [{}]\n",
                p.page,
                p.page,
                p.error_code.as_deref().unwrap_or("")
            )),
        }
    }
    for f in best.findings.iter().chain(doc.findings.iter()) {
        human.push_str(&format!(
            "{} {} ({}): {}\n  {}\n",
            outcome_label(f.outcome),
            f.rule,
            f.basis,
            f.message_vi,
            f.message
        ));
    }
    // The best mark's verification at the top level (as before), the page and document
    // results beside it.
    let mut json = json!(v);
    json["verdict"] = json!(doc.verdict);
    json["qr_codes_found"] = json!(best.qr_codes_found);
    json["qr_text"] = json!(best.qr_text);
    json["printed_lines"] = json!(best.printed_lines);
    json["marks"] = json!(best.marks);
    json["findings"] = json!(best
        .findings
        .iter()
        .chain(doc.findings.iter())
        .collect::<Vec<_>>());
    json["decoder"] = json!(best.decoder);
    json["mark_page"] = json!(doc.mark_page);
    json["pages_scanned"] = json!(doc.pages_scanned);
    json["pages_with_marks"] = json!(doc.pages_with_marks);
    json["pages"] = json!(doc
        .pages
        .iter()
        .map(|p| json!({
            "page": p.page,
            "verdict": p.result.as_ref().map(|r| r.verdict),
            "marks": p.result.as_ref().map_or(0, |r| r.marks.len()),
            "error_code": p.error_code,
            "error": p.error,
        }))
        .collect::<Vec<_>>());
    let human = human.trim_end().to_owned();
    let r = if doc.is_verified() {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    };
    Ok((r, v.clone()))
}

/// One more mark of the page or document: its state, failure and printed lines.
fn mark_text(label: &str, m: &scan::FoundMark) -> String {
    let mut out = format!(
        "{label}: {:?}{}\n",
        m.verification.state,
        m.verification
            .failure
            .as_ref()
            .map(|f| format!(" [{}] {}", f.code, f.reason))
            .unwrap_or_default()
    );
    for line in &m.printed_lines {
        out.push_str(&format!("    | {line}\n"));
    }
    out
}

fn verdict_line(verified: bool, conflict: bool, v: &egov_conversion::Verification) -> String {
    let (vi, en) = if conflict {
        (
            "NHIỀU KÝ HIỆU KHÁC NHAU — KHÔNG XÁC THỰC",
            "CONFLICTING MARKS — NOT VERIFIED",
        )
    } else if verified && v.content_checked {
        (
            "ĐÃ XÁC THỰC (chữ ký, khóa tin cậy, nội dung)",
            "VERIFIED (signature, trusted key, content)",
        )
    } else if verified {
        (
            "ĐÃ XÁC THỰC (chữ ký, khóa tin cậy; chưa đối chiếu nội dung)",
            "VERIFIED (signature, trusted key; content not checked)",
        )
    } else {
        ("KHÔNG XÁC THỰC", "NOT VERIFIED")
    };
    format!("Kết quả: {vi}\nResult:  {en} — state {:?}\n", v.state)
}

fn verification_text(v: &egov_conversion::Verification) -> String {
    let mut human = String::new();
    if let Some(f) = &v.failure {
        human.push_str(&format!(
            "Failed:  {:?} step [{}]: {}\n",
            f.step, f.code, f.reason
        ));
    }
    if let Some(s) = &v.signer {
        human.push_str(&format!(
            "Người ký (signer): {s} (key {})\n",
            v.key_id.as_deref().unwrap_or("")
        ));
    }
    if let Some(m) = &v.mark {
        human.push_str(
            "Nội dung ký hiệu đã ký — đối chiếu với chữ in cạnh mã QR; chữ ký chỉ bảo đảm nội dung mã QR\n(the signed mark as printed — compare it with the text beside the QR code; the signature covers the QR payload only):\n",
        );
        for line in m.display_lines() {
            human.push_str(&format!("  | {line}\n"));
        }
    }
    human
}
