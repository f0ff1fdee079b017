//! `egov mark pdf stamp|verify`: conversion marks on existing PDF files (NĐ 137/2024 Đ4, Đ5)
//! as glue over `egov_conversion::pdf`; `egov mark pdf from-scans` lives in
//! [`crate::mark_pdf_scans`]. Presentation only: what is stamped, where, and whether it verifies
//! is the library's answer; no rule of law lives here.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};
use egov_conversion::payload::{hex, PayloadOptions};
use egov_conversion::pdf::{
    self, Corner, PdfError, PdfVerification, Placement, StampMode, StampOptions, StampedPdf,
    VerifyOptions, XrefKind,
};
use egov_conversion::render::RenderOptions;
use egov_conversion::{
    validate, AccessLocator, ConversionMark, Profile, SourceSystem, TrustSet, VerificationState,
    Wording,
};
use egov_core::{ErrorCode, Finding, Localize, Outcome, VnDateTime};

use crate::edxml::Lang;
use crate::i18n::t;
use crate::mark::{coded, load_key, now, override_clerical, read, ProfileArg};
use crate::output::CmdResult;
use crate::schema_types::pdf as pdf_schema;
use crate::schema_types::to_json;

/// `egov mark pdf` subcommands.
#[derive(Debug, Subcommand)]
pub enum PdfCommand {
    /// Stamp a conversion mark on a page of an existing PDF, as an incremental update: the
    /// original bytes stay the file's prefix (a signature over them still holds), the payload
    /// signs their SHA-256 and length and is also written to the document's XMP.
    Stamp(Box<StampArgs>),
    /// Verify a PDF stamped by `egov mark pdf stamp`: the payload's trust ladder, the original
    /// revision intact, the revisions appended after it, and the QR code printed on the page.
    Verify(VerifyArgs),
    /// Make the electronic copy of a paper document from its scans (NĐ 137/2024 Đ4, NĐ 30/2020
    /// Đ25 «sao y»): the page images as PDF/A, the paper → data conversion mark, then the
    /// copying agency's visible PAdES signature (copy form, agency, signing time). Checks the
    /// format of NĐ 30/2020 Phụ lục I: a page under 200 dpi or not in colour is written but
    /// exits 1, not a conforming copy.
    FromScans(Box<crate::mark_pdf_scans::FromScansArgs>),
}

/// Which conversion the mark records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirectionArg {
    /// Paper → data message (Đ4): the PDF is the scan of a paper document.
    PaperToData,
    /// Data message → paper (Đ5): the PDF is printed from a data message; needs --system,
    /// --owner and --url or --code with --search (Đ5.1).
    DataToPaper,
}

/// Where the block goes on the page as displayed (rotation applied, inside the CropBox).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PdfPositionArg {
    /// The first blank corner: top right, top left, bottom right, bottom left.
    Auto,
    /// Top-right corner.
    TopRight,
    /// Top-left corner.
    TopLeft,
    /// Bottom-right corner.
    BottomRight,
    /// Bottom-left corner.
    BottomLeft,
}

/// How the block is written into the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StampModeArg {
    /// Page content: always prints; signature validators report it as a change after signing.
    Content,
    /// A printable `/Stamp` annotation: allowed after an approval signature (Acrobat) and under
    /// DocMDP P=3, refused under DocMDP P=1/2; for a marked copy distributed electronically.
    Annotation,
}

impl From<StampModeArg> for StampMode {
    fn from(m: StampModeArg) -> Self {
        match m {
            StampModeArg::Content => StampMode::Content,
            StampModeArg::Annotation => StampMode::Annotation,
        }
    }
}

/// `egov mark pdf stamp`.
#[derive(Debug, Args)]
pub struct StampArgs {
    /// The PDF to stamp (not encrypted).
    input: PathBuf,
    /// Where to write the stamped PDF (written whole through a temporary file, then renamed).
    #[arg(short = 'o', long)]
    out: PathBuf,
    /// Replace OUT if it exists.
    #[arg(long)]
    force: bool,
    /// Which conversion the mark records (Đ4 paper → data, Đ5 data → paper).
    #[arg(long, value_enum)]
    direction: DirectionArg,
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
    /// Data → paper: name of the information system holding the data message (Đ5.1.a).
    #[arg(long)]
    system: Option<String>,
    /// Data → paper: name of the system's owner (Đ5.1.a).
    #[arg(long)]
    owner: Option<String>,
    /// Data → paper: full URL of the data message on the system (Đ5.1.b).
    #[arg(long, conflicts_with_all = ["code", "search"])]
    url: Option<String>,
    /// Data → paper: unique code of the data message (Đ5.1.b), with --search.
    #[arg(long, requires = "search")]
    code: Option<String>,
    /// Data → paper: search interface where the code is entered.
    #[arg(long, requires = "code")]
    search: Option<String>,
    /// Lookup page the QR opens on a phone (payload in the URL fragment).
    #[arg(long)]
    lookup_url: Option<String>,
    /// Also write the QR payload text to this file.
    #[arg(long)]
    payload_out: Option<PathBuf>,
    /// The page to stamp, 1-based.
    #[arg(long, default_value_t = 1)]
    page: u32,
    /// Where the block goes on the page as displayed.
    #[arg(long, value_enum, default_value = "auto", conflicts_with_all = ["x_mm", "y_mm"])]
    position: PdfPositionArg,
    /// How the block is written: page content (prints always) or a `/Stamp` annotation.
    #[arg(long, value_enum, default_value = "content")]
    mode: StampModeArg,
    /// Distance of the block from the page edges, millimetres (auto and corners).
    #[arg(long, default_value_t = 10.0)]
    margin_mm: f32,
    /// The block's left edge, millimetres from the left of the visible page (with --y-mm);
    /// not checked for content underneath.
    #[arg(long, requires = "y_mm")]
    x_mm: Option<f32>,
    /// The block's top edge, millimetres from the top of the visible page (with --x-mm).
    #[arg(long, requires = "x_mm")]
    y_mm: Option<f32>,
    #[command(flatten)]
    sizes: BlockSizeArgs,
}

/// The mark block's sizes, shared by `egov mark pdf stamp` and `egov mark pdf from-scans`: each
/// flag left out keeps the library's default.
#[derive(Debug, Args)]
pub(crate) struct BlockSizeArgs {
    /// Side of one QR module, millimetres (default 0.51; under 0.5 a 150-dpi scan may not
    /// read it).
    #[arg(long)]
    module_mm: Option<f32>,
    /// Width of the mark's text column, millimetres (default 62; smaller for small pages).
    #[arg(long)]
    text_width_mm: Option<f32>,
    /// Size of the text mark line, points (default 8.5).
    #[arg(long)]
    title_pt: Option<f32>,
    /// Size of the mark's other lines, points (default 7).
    #[arg(long)]
    text_pt: Option<f32>,
}

impl BlockSizeArgs {
    /// Sets the sizes the flags give on `render`.
    pub(crate) fn apply(&self, render: &mut RenderOptions) {
        if let Some(v) = self.module_mm {
            render.module_mm = v;
        }
        if let Some(v) = self.text_width_mm {
            render.text_width_mm = v;
        }
        if let Some(v) = self.title_pt {
            render.title_pt = v;
        }
        if let Some(v) = self.text_pt {
            render.text_pt = v;
        }
    }
}

/// `egov mark pdf verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The stamped PDF.
    file: PathBuf,
    /// Trust set JSON: {"keys":[{"label":…,"public_key":"<hex>"}]}.
    #[arg(long)]
    trust: PathBuf,
    /// Do not render the page to read the printed QR code (XMP and revisions only).
    #[arg(long)]
    no_render: bool,
    /// Rendering resolution for the printed QR code, dots per inch (72–600).
    #[arg(long, default_value_t = 150)]
    dpi: u32,
}

/// Runs an `egov mark pdf` subcommand.
pub fn run(cmd: PdfCommand) -> CmdResult {
    let r = match cmd {
        PdfCommand::Stamp(a) => stamp_cmd(&a),
        PdfCommand::Verify(a) => verify_cmd(&a),
        PdfCommand::FromScans(a) => crate::mark_pdf_scans::from_scans_cmd(&a),
    };
    match r {
        Ok(r) | Err(r) => r,
    }
}

pub(crate) fn pick(lang: Lang, vi: String, en: String) -> String {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

pub(crate) fn usage(code: &str, message: String) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message,
    }
}

/// A PDF error with its stable code; the message in the run's language.
pub(crate) fn pdf_error(path: &Path, e: &PdfError) -> CmdResult {
    CmdResult::Error {
        code: e.code().to_owned(),
        message: format!("{}: {}", path.display(), pdf_error_message(e)),
    }
}

/// The message of a PDF error in the run's language (the library's message and the tool's
/// hints alike): the library's (its Vietnamese catalogue,
/// CORE-06), the PDF libraries' own English words quoted «…» in Vietnamese, and the options to
/// change where the mark block does not fit.
pub(crate) fn pdf_error_message(e: &PdfError) -> String {
    let lang = crate::i18n::lang();
    let mut m = e.message(lang);
    if lang == Lang::Vi {
        let detail = match e {
            PdfError::Parse(why)
            | PdfError::XrefDamaged(why)
            | PdfError::Payload(why)
            | PdfError::Draw(why)
            | PdfError::Write(why)
            | PdfError::Sign(why)
            | PdfError::BadPage { reason: why, .. }
            | PdfError::BadOption { reason: why, .. } => Some(why),
            _ => None,
        };
        if let Some(why) = detail {
            m.push_str(&format!(" («{why}»)"));
        }
    }
    match e {
        PdfError::DoesNotFit { .. } => m.push_str(&t!("mark-pdf-hint-smaller-block")),
        PdfError::NoBlankArea { .. } => m.push_str(&t!("mark-pdf-hint-place-the-block")),
        _ => {}
    }
    m
}

pub(crate) fn pt_to_mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

pub(crate) fn io_error(code: &str, path: &Path, e: &std::io::Error) -> CmdResult {
    CmdResult::Error {
        code: code.to_owned(),
        message: t!(
            "mark-pdf-cannot-write",
            path = path.display().to_string(),
            reason = crate::files::io_detail(e)
        ),
    }
}

pub(crate) fn exists_error(path: &Path) -> CmdResult {
    CmdResult::Error {
        code: "io.exists".to_owned(),
        message: t!(
            "mark-pdf-v1-exists-already-use-force",
            v1 = (path.display()).to_string()
        ),
    }
}

/// An output file written through a temporary file beside it, renamed into place when whole;
/// an existing file is replaced only with `--force`.
pub(crate) struct Output {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
    force: bool,
}

pub(crate) fn create(path: &Path, force: bool) -> Result<Output, CmdResult> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(exists_error(path));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".egov-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| io_error("io.write", path, &e))?;
    Ok(Output {
        tmp,
        path: path.to_path_buf(),
        force,
    })
}

impl Output {
    /// Writes `bytes` and puts the file in place (dropping an `Output` removes the temporary).
    pub(crate) fn finish(mut self, bytes: &[u8]) -> Result<(), CmdResult> {
        let path = self.path;
        let write_error = |e: &std::io::Error| io_error("io.write", &path, e);
        self.tmp
            .as_file_mut()
            .write_all(bytes)
            .and_then(|()| self.tmp.as_file().sync_all())
            .map_err(|e| write_error(&e))?;
        // A temporary file is created 0600; the document written is an ordinary file (0644,
        // as `cp` or a text editor would leave it under the usual umask), not a secret.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            self.tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(|e| write_error(&e))?;
        }
        if self.force {
            self.tmp
                .persist(&path)
                .map(drop)
                .map_err(|e| write_error(&e.error))
        } else {
            match self.tmp.persist_noclobber(&path) {
                Ok(_) => Ok(()),
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(exists_error(&path))
                }
                Err(e) => Err(write_error(&e.error)),
            }
        }
    }
}

/// The placement the flags name: `--x-mm`/`--y-mm`, else `--position` with `--margin-mm`.
pub(crate) fn placement_of(
    position: PdfPositionArg,
    margin_mm: f32,
    x_mm: Option<f32>,
    y_mm: Option<f32>,
) -> Placement {
    if let (Some(x_mm), Some(y_mm)) = (x_mm, y_mm) {
        return Placement::At { x_mm, y_mm };
    }
    let corner = match position {
        PdfPositionArg::Auto => return Placement::Auto { margin_mm },
        PdfPositionArg::TopRight => Corner::TopRight,
        PdfPositionArg::TopLeft => Corner::TopLeft,
        PdfPositionArg::BottomRight => Corner::BottomRight,
        PdfPositionArg::BottomLeft => Corner::BottomLeft,
    };
    Placement::Corner { corner, margin_mm }
}

pub(crate) fn corner_text(c: Corner) -> String {
    match c {
        Corner::TopRight => t!("mark-pdf-corner-top-right"),
        Corner::TopLeft => t!("mark-pdf-corner-top-left"),
        Corner::BottomRight => t!("mark-pdf-corner-bottom-right"),
        Corner::BottomLeft => t!("mark-pdf-corner-bottom-left"),
    }
}

pub(crate) fn placement_text(p: &Placement) -> String {
    match *p {
        Placement::Auto { margin_mm } => {
            t!("mark-pdf-place-auto", margin = margin_mm.to_string())
        }
        Placement::Corner { corner, margin_mm } => t!(
            "mark-pdf-place-corner",
            corner = corner_text(corner),
            margin = margin_mm.to_string()
        ),
        Placement::At { x_mm, y_mm } => t!(
            "mark-pdf-place-at",
            x = x_mm.to_string(),
            y = y_mm.to_string()
        ),
    }
}

/// A paper → data mark (NĐ 137/2024 Đ4) from `--profile`, `--at`, `--converter`, `--text`.
pub(crate) fn paper_to_data_mark(
    profile: ProfileArg,
    at: VnDateTime,
    converter: &str,
    text: Option<&str>,
) -> ConversionMark {
    let mut wording = Wording::sdk_default();
    let profile = Profile::from(profile);
    if let Some(t) = text {
        wording.paper_to_data = t.to_owned();
    }
    override_clerical(&mut wording, profile, text);
    ConversionMark::paper_to_data(profile, at, converter, &wording)
}

/// The mark from the options (the same facts as `egov mark paper-to-data|data-to-paper`).
fn build_mark(a: &StampArgs, at: VnDateTime) -> Result<ConversionMark, CmdResult> {
    let mut wording = Wording::sdk_default();
    let profile = Profile::from(a.profile);
    match a.direction {
        DirectionArg::PaperToData => {
            if a.system.is_some()
                || a.owner.is_some()
                || a.url.is_some()
                || a.code.is_some()
                || a.search.is_some()
            {
                return Err(usage("usage.direction", t!("mark-pdf-usage-direction")));
            }
            Ok(paper_to_data_mark(
                a.profile,
                at,
                &a.converter,
                a.text.as_deref(),
            ))
        }
        DirectionArg::DataToPaper => {
            let (Some(system), Some(owner)) = (&a.system, &a.owner) else {
                return Err(usage("usage.source", t!("mark-pdf-usage-source")));
            };
            let locator = match (&a.url, &a.code, &a.search) {
                (Some(url), _, _) => AccessLocator::FullUrl { url: url.clone() },
                (None, Some(code), Some(search)) => AccessLocator::UniqueCode {
                    code: code.clone(),
                    search_interface: search.clone(),
                },
                _ => return Err(usage("usage.locator", t!("mark-pdf-usage-locator"))),
            };
            if let Some(t) = &a.text {
                wording.data_to_paper = t.clone();
            }
            override_clerical(&mut wording, profile, a.text.as_deref());
            Ok(ConversionMark::data_to_paper(
                profile,
                at,
                &a.converter,
                SourceSystem {
                    system_name: system.clone(),
                    owner_name: owner.clone(),
                    locator,
                },
                &wording,
            ))
        }
    }
}

/// `[OUTCOME] RULE (basis): message`.
pub(crate) fn finding_line(f: &Finding) -> String {
    crate::mark::finding_line(f, true) + "\n"
}

fn stamp_cmd(a: &StampArgs) -> Result<CmdResult, CmdResult> {
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
    let mark = build_mark(a, at)?;
    let key = load_key(&a.key)?;
    let original = read(&a.input)?;
    let report = validate(&mark);
    let payload = PayloadOptions {
        lookup_url: a.lookup_url.clone(),
        ..Default::default()
    };
    let mut opts = StampOptions {
        page: a.page,
        placement: placement_of(a.position, a.margin_mm, a.x_mm, a.y_mm),
        mode: a.mode.into(),
        ..Default::default()
    };
    a.sizes.apply(&mut opts.render);
    let stamped =
        pdf::stamp(&original, &mark, &key, &payload, &opts).map_err(|e| pdf_error(&a.input, &e))?;
    let out = create(&a.out, a.force)?;
    let payload_file = a
        .payload_out
        .as_ref()
        .map(|p| create(p, a.force))
        .transpose()?;
    out.finish(&stamped.pdf)?;
    if let Some(p) = payload_file {
        p.finish(stamped.signed.qr_text.as_bytes())?;
    }
    // The mark's own findings, then what stamping means for the document's signatures
    // (CONV-16 warnings).
    let findings: Vec<Finding> = report
        .findings
        .iter()
        .chain(&stamped.findings)
        .cloned()
        .collect();
    Ok(CmdResult::Valid {
        human: stamp_text(a, &opts, &stamped, &findings),
        json: stamp_json(a, &opts, &stamped, &findings)?,
    })
}

/// How the block was written, in words.
pub(crate) fn mode_text(m: StampMode) -> String {
    match m {
        StampMode::Annotation => t!("mark-pdf-mode-annotation"),
        StampMode::Content => t!("mark-pdf-mode-content"),
    }
}

/// Where the block was asked to go and, for automatic placement, the corner chosen.
pub(crate) fn placed_text(p: &Placement, corner: Option<Corner>) -> String {
    let asked = placement_text(p);
    match (p, corner) {
        (Placement::Auto { .. }, Some(c)) => t!(
            "mark-pdf-asked-the-v1",
            asked = asked.to_string(),
            v1 = (corner_text(c)).to_string()
        ),
        _ => asked,
    }
}

fn stamp_text(a: &StampArgs, opts: &StampOptions, s: &StampedPdf, findings: &[Finding]) -> String {
    let r = s.rect;
    let b = &s.block;
    let original_sha = hex(&s.signed.content_sha256);
    let direction = match s.signed.mark.direction {
        egov_conversion::Direction::DataToPaper => t!("mark-pdf-direction-data-to-paper"),
        egov_conversion::Direction::PaperToData => t!("mark-pdf-direction-paper-to-data"),
    };
    let place = placed_text(&opts.placement, s.corner);
    let mode = mode_text(s.mode);
    let mut h = t!(
        "mark-pdf-stamped-a-conversion-mark-direction",
        direction = direction.to_string(),
        v1 = (a.input.display()).to_string(),
        v2 = (a.out.display()).to_string(),
        mode = mode.to_string(),
        v3 = crate::i18n::count(s.original_len),
        v4 = crate::i18n::count(s.pdf.len()),
        v5 = (s.page).to_string(),
        place = place.to_string(),
        v6 = crate::mark::number(r.x, 1),
        v7 = crate::mark::number(r.y, 1),
        v8 = crate::mark::number(r.w, 1),
        v9 = crate::mark::number(r.h, 1),
        v10 = crate::mark::number(pt_to_mm(b.width_pt), 0),
        v11 = crate::mark::number(pt_to_mm(b.height_pt), 0),
        v12 = (s.signed.qr_version).to_string(),
        v13 = (format!("{:?}", opts.render.ec_level)).to_string(),
        v14 = (b.qr_modules).to_string(),
        v15 = crate::mark::number(b.qr_side_mm, 1),
        v16 = crate::mark::number(opts.render.module_mm, 2),
        original_sha = original_sha.to_string(),
        v17 = (s.signed.key_id()).to_string(),
        v18 = (s.signed.qr_text).to_string()
    ) + "\n";
    if let Some(p) = &a.payload_out {
        h.push_str(
            &(t!(
                "mark-pdf-payload-written-to-v1",
                v1 = (p.display()).to_string()
            ) + "\n"),
        );
    }
    h.push_str(&(t!("mark-pdf-lines-printed-beside-the-qr") + "\n"));
    for line in &b.printed_lines {
        h.push_str(&format!("  | {line}\n"));
    }
    for f in findings.iter().filter(|f| f.outcome != Outcome::Pass) {
        h.push_str(&finding_line(f));
    }
    h.trim_end().to_owned()
}

fn stamp_json(
    a: &StampArgs,
    opts: &StampOptions,
    s: &StampedPdf,
    findings: &[Finding],
) -> Result<serde_json::Value, CmdResult> {
    to_json(&pdf_schema::MarkPdfStampOutput {
        input: a.input.clone(),
        out: a.out.clone(),
        payload_out: a.payload_out.clone(),
        page: s.page,
        placement: opts.placement,
        corner: s.corner,
        mode: s.mode,
        rect_pt: s.rect,
        original_len: s.original_len,
        original_sha256: hex(&s.signed.content_sha256),
        output_len: s.pdf.len(),
        qr_text: s.signed.qr_text.clone(),
        qr_version: s.signed.qr_version,
        qr: qr_output(&opts.render, s),
        block: block_output(s),
        key_id: s.signed.key_id(),
        mark: s.signed.mark.clone(),
        findings: findings.to_vec(),
    })
}

/// The QR code as stamped.
pub(crate) fn qr_output(render: &RenderOptions, s: &StampedPdf) -> pdf_schema::QrOutput {
    pdf_schema::QrOutput {
        version: s.signed.qr_version,
        ec_level: render.ec_level,
        modules: s.block.qr_modules,
        module_mm: render.module_mm,
        side_mm: s.block.qr_side_mm,
    }
}

/// The block as stamped.
pub(crate) fn block_output(s: &StampedPdf) -> pdf_schema::BlockOutput {
    pdf_schema::BlockOutput {
        width_mm: pt_to_mm(s.block.width_pt),
        height_mm: pt_to_mm(s.block.height_pt),
        printed_lines: s.block.printed_lines.clone(),
    }
}

fn verify_cmd(a: &VerifyArgs) -> Result<CmdResult, CmdResult> {
    let trust_text = String::from_utf8_lossy(&read(&a.trust)?).into_owned();
    let trust = TrustSet::from_json(&trust_text).map_err(coded)?;
    let file = read(&a.file)?;
    let opts = VerifyOptions {
        render: !a.no_render,
        dpi: a.dpi,
        ..Default::default()
    };
    let v = pdf::verify_pdf(&file, &trust, &opts).map_err(|e| pdf_error(&a.file, &e))?;
    let human = verify_text(a, &file, &v);
    let json = to_json(&pdf_schema::MarkPdfVerifyOutput {
        original_hash_matches: hash_matches(&v),
        file: a.file.clone(),
        file_len: file.len(),
        verification: v.clone(),
    })?;
    Ok(if v.verified {
        CmdResult::Valid { human, json }
    } else {
        CmdResult::Invalid { human, json }
    })
}

/// Whether `file[..N]` hashes to the signed SHA-256: `None` when it could not be compared.
fn hash_matches(v: &PdfVerification) -> Option<bool> {
    let ver = v.verification.as_ref()?;
    if ver.state == VerificationState::ContentMatches {
        return Some(true);
    }
    match &ver.failure {
        Some(f) if f.code == "content.mismatch" => Some(false),
        _ => None,
    }
}

fn yes_no(b: bool) -> String {
    if b {
        t!("mark-pdf-yes")
    } else {
        t!("mark-pdf-no")
    }
}

fn verify_text(a: &VerifyArgs, file: &[u8], v: &PdfVerification) -> String {
    let mut h = String::new();
    let state = v.verification.as_ref().map(|x| x.state);
    h.push_str(&if v.verified {
        t!("mark-pdf-verified", file = a.file.display().to_string())
    } else {
        t!("mark-pdf-not-verified", file = a.file.display().to_string())
    });
    h.push('\n');
    if let Some(s) = state {
        h.push_str(
            &(t!(
                "mark-pdf-trust-ladder-reached-v1",
                v1 = crate::mark::state_text(s)
            ) + "\n"),
        );
    }
    if let Some(f) = v.verification.as_ref().and_then(|x| x.failure.as_ref()) {
        h.push_str(
            &(t!(
                "mark-pdf-failed-at-step-v1-v2",
                v1 = crate::mark::step_text(f.step),
                v2 = f.code.to_string(),
                v3 = crate::mark::failure_reason(f)
            ) + "\n"),
        );
    }
    if let Some(x) = &v.verification {
        if let Some(s) = &x.signer {
            h.push_str(
                &(t!(
                    "mark-pdf-signer-s-key-v1",
                    s = s.to_string(),
                    v1 = (x.key_id.as_deref().unwrap_or("")).to_string()
                ) + "\n"),
            );
        }
    }
    match (v.original_len, &v.original_sha256) {
        (Some(n), Some(sha)) => {
            let m = match hash_matches(v) {
                Some(b) => yes_no(b),
                None => t!("mark-pdf-not-compared"),
            };
            h.push_str(
                &(t!(
                    "mark-pdf-original-the-first-n-bytes",
                    n = crate::i18n::count(n),
                    v1 = crate::i18n::count(file.len()),
                    sha = sha.to_string(),
                    m = m.to_string()
                ) + "\n"),
            );
        }
        _ => h.push_str(&(t!("mark-pdf-original-not-determined-no-payload") + "\n")),
    }
    if v.original_len.is_some() {
        h.push_str(
            &(t!(
                "mark-pdf-revisions-appended-after-it-v1",
                v1 = (v.revisions_after.len()).to_string()
            ) + "\n"),
        );
        for r in &v.revisions_after {
            let kind = match r.xref_kind {
                XrefKind::Table => t!("mark-pdf-xref-table"),
                XrefKind::Stream => t!("mark-pdf-xref-stream"),
                XrefKind::Unknown => t!("mark-pdf-xref-unknown"),
            };
            let objects = r.objects.as_ref().map_or(String::new(), |o| {
                t!("mark-pdf-v1-objects", v1 = (o.len()).to_string())
            });
            h.push_str(
                &(t!(
                    "mark-pdf-v1-bytes-v2-v3-kind",
                    v1 = (r.index).to_string(),
                    v2 = (r.start).to_string(),
                    v3 = (r.end).to_string(),
                    kind = kind.to_string(),
                    objects = objects.to_string(),
                    v4 = (r.prev.map_or("-".to_owned(), |p| p.to_string())).to_string(),
                    v5 = (yes_no(r.chains)).to_string()
                ) + "\n"),
            );
        }
    }
    match &v.printed {
        Some(p) => {
            let same = p.qr_text.is_some() && p.matches_xmp;
            h.push_str(
                &(t!(
                    "mark-pdf-qr-code-printed-on-page",
                    v1 = (p.page).to_string(),
                    v2 = (p.dpi).to_string(),
                    v3 = (p.marks_found).to_string(),
                    v4 = (yes_no(same)).to_string(),
                    v5 = (p.note).to_string()
                ) + "\n"),
            );
        }
        None if a.no_render => h.push_str(&(t!("mark-pdf-printed-qr-code-not-checked") + "\n")),
        None => {}
    }
    if let Some(m) = v.verification.as_ref().and_then(|x| x.mark.as_ref()) {
        h.push_str(&(t!("mark-pdf-the-signed-mark-compare-it") + "\n"));
        for line in m.display_lines() {
            h.push_str(&format!("  | {line}\n"));
        }
    }
    for f in &v.findings {
        h.push_str(&finding_line(f));
    }
    h.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vietnamese_error_of_every_pdf_error_names_its_page_or_cause() {
        let e = PdfError::NoSuchPage { page: 9, count: 1 };
        let CmdResult::Error { code, message } = pdf_error(Path::new("a.pdf"), &e) else {
            panic!("an error")
        };
        assert_eq!(code, "pdf.no_such_page");
        assert!(message.contains("không có trang 9"), "{message}");
    }
}
