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
use egov_core::{Outcome, VnDateTime};

use crate::i18n::{t, Lang};
use crate::output::CmdResult;
use crate::schema_types::{marks, to_json};

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
    #[arg(short = 'o', long)]
    out: Option<PathBuf>,
    /// Where to write the QR payload text (default: OUT with `.payload.txt`).
    #[arg(long)]
    payload_out: Option<PathBuf>,
    /// Page resolution in dots per inch (default: the one the image states, as scanners write
    /// it, 150–1200; else 300).
    #[arg(long)]
    dpi: Option<u32>,
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
    #[arg(
        short = 'o',
        long,
        required_unless_present = "from",
        conflicts_with = "from"
    )]
    out: Option<PathBuf>,
    /// Who holds the key (agency or system name): what a verifier shows as the mark's signer.
    /// Required for a new key; an existing key keeps the label in its file.
    #[arg(
        long,
        required_unless_present = "from",
        conflicts_with = "from",
        value_parser = crate::input::non_blank
    )]
    label: Option<String>,
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

#[derive(Clone, Copy)]
enum Io {
    Read,
    Write,
}

fn io_err(what: Io, path: &Path, e: std::io::Error) -> CmdResult {
    let (path, reason) = (path.display().to_string(), crate::files::io_detail(&e));
    CmdResult::Error {
        code: "io".to_owned(),
        message: match what {
            Io::Read => t!("mark-cannot-read", path = path, reason = reason),
            Io::Write => t!("mark-cannot-write", path = path, reason = reason),
        },
    }
}

pub(crate) fn read(path: &Path) -> Result<Vec<u8>, CmdResult> {
    std::fs::read(path).map_err(|e| io_err(Io::Read, path, e))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    std::fs::write(path, bytes).map_err(|e| io_err(Io::Write, path, e))
}

/// A key file that is not UTF-8 text.
fn not_utf8(path: &Path) -> CmdResult {
    CmdResult::Error {
        code: "key.invalid".to_owned(),
        message: t!("mark-key-not-utf8", path = path.display().to_string()),
    }
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
                message: t!("mark-exists", path = p.display().to_string()),
            });
        }
        Ok(())
    };
    let (file, wrote_key) = match (&args.from, &args.out) {
        (Some(from), _) => {
            let text = String::from_utf8(read(from)?).map_err(|_| not_utf8(from))?;
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
            let label = args.label.clone().unwrap_or_default();
            let file = KeyFile::generate(label).map_err(coded)?;
            write_private(out, file.to_json().as_bytes())?;
            (file, Some(out.clone()))
        }
        (None, None) => {
            return Err(CmdResult::Error {
                code: "usage".to_owned(),
                message: t!("keygen-usage-out-or-from"),
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
                    message: t!("keygen-bad-public-key"),
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
        Some(out) => t!(
            "keygen-wrote",
            label = &file.label,
            path = out.display().to_string()
        ),
        None => t!("keygen-key", label = &file.label),
    };
    human.push('\n');
    human.push_str(&t!(
        "keygen-ids",
        key_id = &file.key_id,
        public_key = &file.public_key
    ));
    if let Some(p) = &args.trust_out {
        human.push('\n');
        human.push_str(&t!("keygen-trust-set", path = p.display().to_string()));
    }
    if let Some(e) = &args.entry_out {
        human.push('\n');
        human.push_str(&t!("keygen-entry", path = e.display().to_string()));
    }
    let json = to_json(&marks::KeygenOutput {
        key_file: wrote_key,
        key_id: file.key_id,
        public_key: file.public_key,
        trust_set: trust,
    })?;
    Ok(CmdResult::Valid { human, json })
}

fn keyfile_err(path: &Path, e: &KeyFileError) -> CmdResult {
    CmdResult::error_at(path.display(), e)
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
        .map_err(|e| io_err(Io::Write, path, e))?;
    // `mode` applies only when the file is created: a file replaced with --force keeps its
    // old permissions unless they are set here.
    f.set_permissions(std::fs::Permissions::from_mode(0o600))
        .map_err(|e| io_err(Io::Write, path, e))?;
    f.write_all(bytes).map_err(|e| io_err(Io::Write, path, e))
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), CmdResult> {
    write(path, bytes)
}

pub(crate) fn load_key(path: &Path) -> Result<SigningKey, CmdResult> {
    let text = String::from_utf8(read(path)?).map_err(|_| not_utf8(path))?;
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
                    message: t!("mark-usage-locator"),
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
    // The page's own resolution unless one is given: a 150-dpi scan stamped as if 300 dpi gets a
    // block twice the size on paper, which may find no blank area.
    match args.dpi {
        Some(dpi) => stamp_opts.render.dpi = dpi,
        None => stamp_opts.dpi_from_image = true,
    }
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
    let mut human = t!(
        "mark-stamped",
        page = args.page.display().to_string(),
        out = out.display().to_string(),
        payload = payload_out.display().to_string(),
        qr_version = signed.qr_version,
        chars = signed.qr_text.len(),
        key_id = signed.key_id(),
        sha256 = hex(&signed.content_sha256)
    );
    human.push('\n');
    let p = stamped.printed;
    human.push_str(&t!(
        "mark-printed",
        block_w = format!("{:.0}", p.block_width_mm),
        block_h = format!("{:.0}", p.block_height_mm),
        qr_mm = number(f64::from(p.qr_mm), 1),
        module_mm = number(f64::from(p.module_mm), 2),
        px = number(f64::from(p.px_per_module_at_150dpi), 1),
        rect = format!("{:?}", stamped.rect)
    ));
    human.push('\n');
    human.push_str(&if stamped.dpi_from_image {
        t!("mark-dpi-stated", dpi = stamped.dpi)
    } else {
        t!("mark-dpi-assumed", dpi = stamped.dpi)
    });
    human.push('\n');
    for line in signed.mark.display_lines() {
        human.push_str(&format!("  | {line}\n"));
    }
    for f in findings.iter().filter(|f| f.outcome != Outcome::Pass) {
        human.push_str(&finding_line(f, false));
        human.push('\n');
    }
    let json = to_json(&marks::MarkOutput {
        out,
        payload_out,
        key_id: signed.key_id(),
        content_sha256: hex(&signed.content_sha256),
        qr_text: signed.qr_text,
        qr_version: signed.qr_version,
        mark: signed.mark,
        rect: stamped.rect,
        printed: stamped.printed,
        dpi: stamped.dpi,
        dpi_from_image: stamped.dpi_from_image,
        findings,
    })?;
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

/// What `mark verify` found, before the trust lists judge it: the text, the typed answer,
/// whether it verified, and the ladder of the mark it judged.
struct Verified {
    human: String,
    answer: marks::MarkVerifyOutput,
    verified: bool,
    ladder: egov_conversion::Verification,
}

/// With trust lists: the one state for the verification (MarkStatus), the lists' findings,
/// and the exit (0 only for "verified").
fn with_lists(
    found: Verified,
    lists: Option<&(egov_conversion::trustlist::ListVerification, Vec<PathBuf>)>,
) -> Result<CmdResult, CmdResult> {
    let Verified {
        human,
        mut answer,
        mut verified,
        ladder,
    } = found;
    let human = match lists {
        None => human,
        Some((lv, paths)) => {
            let check = egov_conversion::trustlist::judge(ladder, lv);
            let mut text = t!(
                "mark-list-state",
                code = check.status.code(),
                message =
                    crate::i18n::lang().pick(check.status.message_vi(), check.status.message_en())
            );
            text.push('\n');
            if let Some(h) = &check.holder {
                text.push_str(&t!("mark-key-holder", holder = h.display()));
                text.push('\n');
            }
            text.push_str(&crate::trustlist::lists_text(lv, paths));
            text.push_str(&crate::trustlist::findings_text(&check.findings));
            text.push_str(&human);
            verified = check.status == egov_conversion::trustlist::MarkStatus::Verified;
            match &mut answer {
                marks::MarkVerifyOutput::Images(a) => a.trust_list = Some(check),
                marks::MarkVerifyOutput::Payload(a) => a.trust_list = Some(check),
            }
            text.trim_end().to_owned()
        }
    };
    let json = to_json(&answer)?;
    Ok(if verified {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
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
    let found = verify_with(images, is_payload, content, &trust)?;
    with_lists(found, lists.as_ref())
}

/// The verification itself, and the ladder of the mark it judged.
fn verify_with(
    images: &[PathBuf],
    is_payload: bool,
    content: Option<&Path>,
    trust: &TrustSet,
) -> Result<Verified, CmdResult> {
    let trust = trust.clone();
    let content = content.map(read).transpose()?;
    if is_payload {
        let [image] = images else {
            return Err(CmdResult::Error {
                code: "usage.payload".to_owned(),
                message: t!("mark-usage-payload"),
            });
        };
        let text = String::from_utf8_lossy(&read(image)?).trim().to_owned();
        let v = egov_conversion::verify(&text, &trust, content.as_deref());
        let mut human = verdict_line(v.is_verified(), false, &v);
        human.push_str(&verification_text(&v));
        return Ok(Verified {
            human: human.trim_end().to_owned(),
            verified: v.is_verified(),
            answer: marks::MarkVerifyOutput::Payload(Box::new(marks::PayloadVerifyOutput {
                verification: v.clone(),
                trust_list: None,
            })),
            ladder: v,
        });
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
                let code = p.error_code.as_deref().unwrap_or("");
                let why = match crate::i18n::lang() {
                    Lang::En => p.error.as_deref(),
                    Lang::Vi => p.error_vi.as_deref(),
                };
                t!(
                    "mark-page-no-mark",
                    page = p.page,
                    code = code,
                    why = why.unwrap_or_default()
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
            message: t!(
                "mark-no-mark-found",
                pages = doc.pages_scanned,
                decoder = scan::DECODER,
                why = why.join("; ")
            ),
        });
    };
    let v = &best.verification;
    let conflict = doc.verdict == scan::Verdict::ConflictingMarks;
    let mut human = verdict_line(doc.is_verified(), conflict, v);
    human.push_str(&t!(
        "mark-scan-summary",
        page = doc.mark_page.unwrap_or(0),
        pages = doc.pages_scanned,
        qr_codes = best.qr_codes_found,
        marks = best.marks.len(),
        decoder = &best.decoder
    ));
    human.push('\n');
    human.push_str(&verification_text(v));
    for (i, m) in best.marks.iter().enumerate().skip(1) {
        human.push_str(&mark_text(&t!("mark-nth", n = i + 1), m));
    }
    // The other pages: a mark found elsewhere is listed too, a page without one says why.
    for p in doc.pages.iter().filter(|p| Some(p.page) != doc.mark_page) {
        if doc.pages_scanned < 2 {
            break;
        }
        match &p.result {
            Some(r) => {
                for m in &r.marks {
                    human.push_str(&mark_text(&t!("mark-on-page", page = p.page), m));
                }
            }
            None => {
                human.push_str(&t!(
                    "mark-page-without",
                    page = p.page,
                    code = p.error_code.as_deref().unwrap_or("")
                ));
                human.push('\n');
            }
        }
    }
    for f in best.findings.iter().chain(doc.findings.iter()) {
        human.push_str(&finding_line(f, false));
        human.push('\n');
    }
    // The best mark's verification at the top level (as before), the page and document
    // results beside it.
    let answer = marks::ImagesVerifyOutput {
        verification: v.clone(),
        verdict: doc.verdict,
        qr_codes_found: best.qr_codes_found,
        qr_text: best.qr_text.clone(),
        printed_lines: best.printed_lines.clone(),
        marks: best.marks.clone(),
        findings: best
            .findings
            .iter()
            .chain(doc.findings.iter())
            .cloned()
            .collect(),
        decoder: best.decoder.clone(),
        mark_page: doc.mark_page,
        pages_scanned: doc.pages_scanned,
        pages_with_marks: doc.pages_with_marks.clone(),
        pages: doc
            .pages
            .iter()
            .map(|p| marks::PageSummary {
                page: p.page,
                verdict: p.result.as_ref().map(|r| r.verdict),
                marks: p.result.as_ref().map_or(0, |r| r.marks.len()),
                error_code: p.error_code.clone(),
                error: p.error.clone(),
            })
            .collect(),
        trust_list: None,
    };
    Ok(Verified {
        human: human.trim_end().to_owned(),
        answer: marks::MarkVerifyOutput::Images(Box::new(answer)),
        verified: doc.is_verified(),
        ladder: v.clone(),
    })
}

/// One more mark of the page or document: its state, failure and printed lines.
fn mark_text(label: &str, m: &scan::FoundMark) -> String {
    let mut out = format!(
        "{label}: {} (`{}`){}\n",
        state_text(m.verification.state),
        state_code(m.verification.state),
        m.verification
            .failure
            .as_ref()
            .map(|f| format!(" [{}] {}", f.code, failure_reason(f)))
            .unwrap_or_default()
    );
    for line in &m.printed_lines {
        out.push_str(&format!("    | {line}\n"));
    }
    out
}

fn verdict_line(verified: bool, conflict: bool, v: &egov_conversion::Verification) -> String {
    let verdict = if conflict {
        t!("mark-verdict-conflict")
    } else if verified && v.content_checked {
        t!("mark-verdict-verified-content")
    } else if verified {
        t!("mark-verdict-verified")
    } else {
        t!("mark-verdict-not-verified")
    };
    let mut s = t!(
        "mark-result",
        verdict = verdict,
        state = state_text(v.state),
        code = state_code(v.state)
    );
    s.push('\n');
    s
}

/// How far a verification got, in the run's language («chữ ký hợp lệ, khóa tin cậy»): the
/// step that failed after it, if any, is said on its own line.
pub(crate) fn state_text(s: egov_conversion::VerificationState) -> String {
    use egov_conversion::VerificationState as S;
    match s {
        S::Malformed => t!("mark-state-malformed"),
        S::WellFormed => t!("mark-state-well-formed"),
        S::SignatureValid => t!("mark-state-signature-valid"),
        S::KeyTrusted => t!("mark-state-key-trusted"),
        S::ContentMatches => t!("mark-state-content-matches"),
    }
}

/// A verification state's stable code (`key_trusted`, …), as the JSON writes it.
fn state_code(s: egov_conversion::VerificationState) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Why a verification step failed, in the run's language (CONV-03): the library says it in
/// both.
pub(crate) fn failure_reason(f: &egov_conversion::Failure) -> String {
    match crate::i18n::lang() {
        Lang::Vi if !f.reason_vi.is_empty() => f.reason_vi.clone(),
        _ => f.reason.clone(),
    }
}

/// A verification step in words.
pub(crate) fn step_text(step: egov_conversion::Step) -> String {
    match step {
        egov_conversion::Step::Decode => t!("mark-step-decode"),
        egov_conversion::Step::Signature => t!("mark-step-signature"),
        egov_conversion::Step::Trust => t!("mark-step-trust"),
        egov_conversion::Step::Content => t!("mark-step-content"),
    }
}

/// One finding: `OUTCOME RULE (basis): message` (`[OUTCOME] …` with `bracket`) in the run's
/// language: the basis and message the library wrote in that language.
pub(crate) fn finding_line(f: &egov_core::Finding, bracket: bool) -> String {
    let lang = crate::i18n::lang();
    let (basis, message) = match lang {
        Lang::Vi => (f.basis.to_string_vi(), &f.message_vi),
        Lang::En => (f.basis.to_string(), &f.message),
    };
    let outcome = crate::commands::outcome_word(f.outcome);
    let outcome = if bracket {
        format!("[{outcome}]")
    } else {
        outcome
    };
    format!("{outcome} {} ({basis}): {message}", f.rule)
}

/// A measure with `places` decimals, with a decimal comma in Vietnamese.
pub(crate) fn number(x: impl Into<f64>, places: usize) -> String {
    let x: f64 = x.into();
    crate::i18n::lang().number(&format!("{x:.places$}"))
}

fn verification_text(v: &egov_conversion::Verification) -> String {
    let mut human = String::new();
    if let Some(f) = &v.failure {
        let step = step_text(f.step);
        human.push_str(&t!(
            "mark-failed-step",
            step = step,
            code = &f.code,
            reason = failure_reason(f)
        ));
        human.push('\n');
    }
    if let Some(s) = &v.signer {
        human.push_str(&t!(
            "mark-signer",
            signer = s,
            key_id = v.key_id.as_deref().unwrap_or("")
        ));
        human.push('\n');
    }
    if let Some(m) = &v.mark {
        human.push_str(&t!("mark-signed-content"));
        human.push('\n');
        for line in m.display_lines() {
            human.push_str(&format!("  | {line}\n"));
        }
    }
    human
}
