//! Attachments written out as files: each into its own new file in a directory, under a name
//! made safe from the package's `AttachmentName` (an untrusted value from another agency's
//! system), streamed as the package is read, with what its [`PayloadSummary`] says about the
//! file written (whole, with warnings, or damaged).
//!
//! QĐ 28/2018/QĐ-TTg Đ10.1 (DOC-09): the e-document is the document and every attachment;
//! Đ9.1 (DOC-28): the receiver checks their integrity before accepting. The command-line tool,
//! the C ABI and the Python package all extract through [`extract`], so they name files and
//! judge damage alike.
//!
//! ```
//! use egov_edxml::extract::{extract, ExtractStatus};
//! use egov_edxml::ReadOptions;
//!
//! let package = std::fs::read(concat!(
//!     env!("CARGO_MANIFEST_DIR"),
//!     "/../testdata/edxml/vnpt-edxml102-builder-output-2019-04-11.edxml"
//! ))?;
//! let dir = std::env::temp_dir().join(format!("egov-extract-doc-{}", std::process::id()));
//! let x = extract(&package[..], &dir, &ReadOptions::default())?;
//! for a in &x.attachments {
//!     println!("{} {} bytes {:?}", a.path.display(), a.bytes, a.status());
//! }
//! assert!(x.attachments.iter().all(|a| a.status() != ExtractStatus::Damaged));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::attachment::{AttachmentMeta, AttachmentSink, PayloadSummary, Wrapping};
use crate::read::{read, Package, ReadError, ReadOptions};

/// The longest file name [`safe_file_name`] makes, in bytes.
pub const MAX_FILE_NAME_BYTES: usize = 200;

/// A file name for attachment `index` (from 0): the last path component of its
/// `AttachmentName`, without control and bidirectional-format characters, leading dots and
/// spaces, trailing dots and spaces, or characters Windows refuses (`: * ? " < > |` become
/// `_`); a Windows device name (`CON`, `COM1`, …) gets a `_` in front; at most
/// [`MAX_FILE_NAME_BYTES`] bytes, keeping a short extension; `attachment-N` (N from 1) when
/// nothing is left. Never a path: `../../etc/passwd` is `passwd`.
pub fn safe_file_name(name: Option<&str>, index: usize) -> String {
    let fallback = || format!("attachment-{}", index + 1);
    let Some(name) = name else {
        return fallback();
    };
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|&c| {
            !c.is_control()
                && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        })
        .map(|c| {
            if matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        return fallback();
    }
    let mut s = trimmed.to_owned();
    let stem = s.split('.').next().unwrap_or_default().to_ascii_uppercase();
    let device = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit());
    if device {
        s.insert(0, '_');
    }
    if s.len() > MAX_FILE_NAME_BYTES {
        let (stem, ext) = split_extension(&s);
        let ext = if ext.len() <= 16 { ext } else { "" };
        let mut cut = MAX_FILE_NAME_BYTES - ext.len();
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        s = format!("{}{ext}", &stem[..cut]);
    }
    s
}

/// `name.ext` → (`name`, `.ext`); a leading dot is not an extension.
fn split_extension(s: &str) -> (&str, &str) {
    match s.rfind('.') {
        Some(i) if i > 0 => (&s[..i], &s[i..]),
        _ => (s, ""),
    }
}

/// How serious a [`PayloadProblem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file written is not the whole content sent (broken base64, a ZIP entry that could
    /// not be inflated whole, a CRC-32 mismatch).
    Damaged,
    /// Written whole, but something about it deserves a look (no CRC to compare, a text
    /// round trip, a PDF without `%%EOF`, an empty attachment, more ZIP entries).
    Warning,
}

/// One thing an attachment's [`PayloadSummary`] says about the file extracted from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PayloadProblem {
    /// How serious.
    pub severity: Severity,
    /// A stable code: `base64`, `zip_entry`, `crc`, `crc_missing`, `zip_truncated`,
    /// `zip_more_entries`, `zip_unreadable`, `text_reencoded`, `pdf_no_eof`, `empty`,
    /// `type_mismatch` (of an extracted attachment: its content is not what its declared type
    /// or name says, as the receiving check finds), `incomplete`.
    pub code: &'static str,
    /// In English.
    pub message: String,
    /// In Vietnamese.
    pub message_vi: String,
}

impl PayloadSummary {
    /// What this summary says about the content taken out of the package (DOC-09, DOC-28):
    /// empty when the content came out whole with nothing to remark.
    pub fn problems(&self) -> Vec<PayloadProblem> {
        let mut out = Vec::new();
        let mut add = |severity, code, message: String, message_vi: String| {
            out.push(PayloadProblem {
                severity,
                code,
                message,
                message_vi,
            });
        };
        use Severity::{Damaged, Warning};
        if let Some(e) = &self.base64_error {
            let e_vi = self.base64_error_vi.as_deref().unwrap_or(e);
            add(
                Damaged,
                "base64",
                format!("the base64 text is broken, decoding stopped there: {e}"),
                format!("văn bản base64 hỏng, việc giải mã dừng tại đó: {e_vi}"),
            );
        }
        match &self.wrapping {
            Wrapping::Raw => {}
            Wrapping::Zip {
                crc_ok,
                more_entries,
                complete,
                error,
                error_vi,
                ..
            } => {
                if let Some(e) = error {
                    let e_vi = error_vi.as_deref().unwrap_or(e);
                    add(
                        Damaged,
                        "zip_entry",
                        format!("the ZIP entry could not be extracted whole: {e}"),
                        format!("không giải nén được trọn vẹn mục ZIP: {e_vi}"),
                    );
                }
                match crc_ok {
                    Some(false) => add(
                        Damaged,
                        "crc",
                        "the content's CRC-32 differs from the ZIP entry's: it is not the file that was zipped".to_owned(),
                        "CRC-32 của nội dung khác với của mục ZIP: không phải tệp đã được nén".to_owned(),
                    ),
                    None if error.is_none() => add(
                        Warning,
                        "crc_missing",
                        "the ZIP entry gives no CRC-32 to compare with".to_owned(),
                        "mục ZIP không có CRC-32 để đối chiếu".to_owned(),
                    ),
                    _ => {}
                }
                if !complete && error.is_none() {
                    add(
                        Warning,
                        "zip_truncated",
                        "the ZIP archive is cut short after the entry (end record incomplete); the entry itself is intact".to_owned(),
                        "tệp ZIP bị cắt cụt sau mục (bản ghi kết thúc không đủ); bản thân mục vẫn nguyên vẹn".to_owned(),
                    );
                }
                if *more_entries {
                    add(
                        Warning,
                        "zip_more_entries",
                        "the ZIP archive holds more entries; only the first was extracted (extracting without unwrapping keeps the archive)".to_owned(),
                        "tệp ZIP còn mục khác; chỉ mục đầu được giải nén (tách không giải nén sẽ giữ nguyên tệp ZIP)".to_owned(),
                    );
                }
            }
            Wrapping::ZipUnreadable { reason, reason_vi } => add(
                Warning,
                "zip_unreadable",
                format!("it starts like a ZIP archive but its entry could not be taken out ({reason}); written as received"),
                format!(
                    "có dạng tệp ZIP nhưng không lấy được mục ({}); được ghi nguyên như khi nhận",
                    if reason_vi.is_empty() { reason } else { reason_vi }
                ),
            ),
        }
        if self.text_reencoded() {
            add(
                Warning,
                "text_reencoded",
                format!(
                    "its {} content holds {} U+FFFD replacement characters: binary data decoded as text and re-encoded, not the original file",
                    self.content_kind.as_str(),
                    self.replacement_chars
                ),
                format!(
                    "nội dung {} chứa {} ký tự thay thế U+FFFD: dữ liệu nhị phân bị giải mã như văn bản rồi mã hóa lại, không phải tệp gốc",
                    self.content_kind.as_str(),
                    self.replacement_chars
                ),
            );
        }
        if self.pdf_eof == Some(false) {
            add(
                Warning,
                "pdf_no_eof",
                "the PDF does not end with %%EOF: it may be cut short".to_owned(),
                "tệp PDF không kết thúc bằng %%EOF: có thể bị cắt cụt".to_owned(),
            );
        }
        if self.content_bytes == 0 {
            add(
                Warning,
                "empty",
                "the attachment has no content".to_owned(),
                "tệp đính kèm không có nội dung".to_owned(),
            );
        }
        out
    }
}

/// The state of one extracted attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExtractStatus {
    /// Written whole, nothing to remark.
    Whole,
    /// Written whole, with warnings.
    Warning,
    /// Not the whole content sent (see its problems), or cut off by an error.
    Damaged,
}

/// One attachment written to a file.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// Its position among the attachment contents streamed (from 0).
    pub index: usize,
    /// What its element said before its content.
    pub meta: AttachmentMeta,
    /// The file name used ([`safe_file_name`], then ` (2)`, ` (3)`, … if taken).
    pub file_name: String,
    /// The file written.
    pub path: PathBuf,
    /// Bytes written.
    pub bytes: u64,
    /// The summary that ended it (None: reading stopped inside it).
    pub summary: Option<PayloadSummary>,
}

impl Extracted {
    /// What its summary says ([`PayloadSummary::problems`]); an attachment cut off by an error
    /// is `incomplete` (damaged).
    pub fn problems(&self) -> Vec<PayloadProblem> {
        match &self.summary {
            Some(s) => {
                let mut problems = s.problems();
                problems.extend(self.type_mismatch(s));
                problems
            }
            None => vec![PayloadProblem {
                severity: Severity::Damaged,
                code: "incomplete",
                message: "reading stopped inside this attachment: the file holds only its start"
                    .to_owned(),
                message_vi: "việc đọc dừng giữa tệp đính kèm này: tệp chỉ chứa phần đầu".to_owned(),
            }],
        }
    }

    /// A content that is not what the attachment's declared type or name says (a `.doc`
    /// holding XML): the file is written as received, with the warning the receiving check
    /// makes a failure of (DOC-28).
    fn type_mismatch(&self, s: &PayloadSummary) -> Option<PayloadProblem> {
        let declared =
            s.declared_otherwise(self.meta.content_type.as_deref(), self.meta.name.as_deref())?;
        Some(PayloadProblem {
            severity: Severity::Warning,
            code: "type_mismatch",
            message: format!(
                "it is declared {declared} but its content is {}",
                s.content_kind.as_str()
            ),
            message_vi: format!(
                "được khai báo là {declared} nhưng nội dung là {}",
                s.content_kind.as_str()
            ),
        })
    }

    /// Whole, with warnings, or damaged.
    pub fn status(&self) -> ExtractStatus {
        let problems = self.problems();
        if problems.iter().any(|p| p.severity == Severity::Damaged) {
            ExtractStatus::Damaged
        } else if problems.is_empty() {
            ExtractStatus::Whole
        } else {
            ExtractStatus::Warning
        }
    }

    /// Whether the file name differs from the package's `AttachmentName`.
    pub fn renamed(&self) -> bool {
        self.meta.name.as_deref() != Some(self.file_name.as_str())
    }
}

/// JSON: `{"index" (from 1), "attachment_name", "content_id", "content_type", "file_name",
/// "path", "renamed", "written_bytes", "content_bytes", "content_kind", "content_sha256",
/// "wrapping", "status", "problems", "payload"}`.
impl Serialize for Extracted {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let summary = self.summary.as_ref();
        let mut st = s.serialize_struct("Extracted", 15)?;
        st.serialize_field("index", &(self.index + 1))?;
        st.serialize_field("attachment_name", &self.meta.name)?;
        st.serialize_field("content_id", &self.meta.content_id)?;
        st.serialize_field("content_type", &self.meta.content_type)?;
        st.serialize_field("file_name", &self.file_name)?;
        st.serialize_field("path", &self.path.display().to_string())?;
        st.serialize_field("renamed", &self.renamed())?;
        st.serialize_field("written_bytes", &self.bytes)?;
        st.serialize_field("content_bytes", &summary.map(|s| s.content_bytes))?;
        st.serialize_field("content_kind", &summary.map(|s| s.content_kind))?;
        st.serialize_field("content_sha256", &summary.map(|s| &s.content_sha256))?;
        st.serialize_field("wrapping", &summary.map(|s| &s.wrapping))?;
        st.serialize_field("status", &self.status())?;
        st.serialize_field("problems", &self.problems())?;
        st.serialize_field("payload", &summary)?;
        st.end()
    }
}

/// JSON Schema of [`Extracted`]'s hand-written serde form: the same fields, in the same order,
/// with the same types as `serialize` writes them.
#[cfg(feature = "schema")]
#[allow(dead_code)]
#[derive(schemars::JsonSchema)]
#[schemars(rename = "Extracted")]
struct ExtractedSchema {
    /// Its position among the attachment contents streamed (from 1).
    index: usize,
    /// `AttachmentName`.
    attachment_name: Option<String>,
    /// `ContentId`.
    content_id: Option<String>,
    /// `ContentType`.
    content_type: Option<String>,
    /// The file name used.
    file_name: String,
    /// The file written.
    path: String,
    /// Whether the file name differs from the package's `AttachmentName`.
    renamed: bool,
    /// Bytes written.
    written_bytes: u64,
    /// Content bytes (None: reading stopped inside it).
    content_bytes: Option<u64>,
    /// Content kind.
    content_kind: Option<crate::attachment::ContentKind>,
    /// SHA-256 of the content, hex.
    content_sha256: Option<String>,
    /// How the content was wrapped.
    wrapping: Option<crate::attachment::Wrapping>,
    /// Whole, warning or damaged.
    status: ExtractStatus,
    /// What the summary says about the file.
    problems: Vec<PayloadProblem>,
    /// The summary that ended it.
    payload: Option<PayloadSummary>,
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Extracted {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Extracted".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ExtractedSchema::json_schema(generator)
    }
}

/// An [`AttachmentSink`] writing each attachment to its own new file in a directory: never
/// over an existing file, never through a symbolic link (`create_new` fails on any existing
/// entry, a dangling link included); `name (2).pdf`, `name (3).pdf`, … when the name is taken.
#[derive(Debug)]
pub struct DirSink {
    dir: PathBuf,
    current: Option<BufWriter<File>>,
    written: Vec<Extracted>,
    error: Option<WriteFailure>,
}

/// The first write failure of a [`DirSink`] (reading stops there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteFailure {
    /// The file.
    pub path: PathBuf,
    /// The I/O error, as text.
    pub reason: String,
    /// Why, in Vietnamese (from the error's kind; CORE-06).
    pub reason_vi: String,
}

impl DirSink {
    /// A sink writing into `dir` (which must exist).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        DirSink {
            dir: dir.into(),
            current: None,
            written: Vec::new(),
            error: None,
        }
    }

    /// The attachments written so far.
    pub fn written(&self) -> &[Extracted] {
        &self.written
    }

    /// The first write failure, if any.
    pub fn write_failure(&self) -> Option<&WriteFailure> {
        self.error.as_ref()
    }

    /// Flushes and closes a file still open (after an error inside an attachment) and gives
    /// the attachments written.
    pub fn finish(mut self) -> (Vec<Extracted>, Option<WriteFailure>) {
        if let Some(mut w) = self.current.take() {
            let _ = w.flush();
        }
        (self.written, self.error)
    }

    fn create(&self, name: &str) -> io::Result<(String, PathBuf, File)> {
        let (stem, ext) = split_extension(name);
        for n in 1..=10_000u32 {
            let candidate = if n == 1 {
                name.to_owned()
            } else {
                format!("{stem} ({n}){ext}")
            };
            let path = self.dir.join(&candidate);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(f) => return Ok((candidate, path, f)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("10000 files named like {name} already exist"),
        ))
    }

    fn fail(&mut self, path: &Path, e: &io::Error) -> io::Error {
        if self.error.is_none() {
            self.error = Some(WriteFailure {
                path: path.to_path_buf(),
                reason: e.to_string(),
                reason_vi: egov_core::i18n::io_reason_vi(e),
            });
        }
        io::Error::new(e.kind(), e.to_string())
    }
}

impl AttachmentSink for DirSink {
    fn begin(&mut self, index: usize, meta: &AttachmentMeta) -> io::Result<()> {
        let name = safe_file_name(meta.name.as_deref(), index);
        match self.create(&name) {
            Ok((file_name, path, file)) => {
                self.current = Some(BufWriter::with_capacity(64 << 10, file));
                self.written.push(Extracted {
                    index,
                    meta: meta.clone(),
                    file_name,
                    path,
                    bytes: 0,
                    summary: None,
                });
                Ok(())
            }
            Err(e) => {
                let path = self.dir.join(&name);
                Err(self.fail(&path, &e))
            }
        }
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        let (Some(w), Some(rec)) = (self.current.as_mut(), self.written.last_mut()) else {
            return Ok(());
        };
        match w.write_all(bytes) {
            Ok(()) => {
                rec.bytes += bytes.len() as u64;
                Ok(())
            }
            Err(e) => {
                let path = rec.path.clone();
                Err(self.fail(&path, &e))
            }
        }
    }

    fn end(&mut self, _: usize, summary: &PayloadSummary) -> io::Result<()> {
        let Some(mut w) = self.current.take() else {
            return Ok(());
        };
        let flushed = w.flush();
        let Some(rec) = self.written.last_mut() else {
            return Ok(());
        };
        rec.summary = Some(summary.clone());
        if let Err(e) = flushed {
            let path = rec.path.clone();
            return Err(self.fail(&path, &e));
        }
        Ok(())
    }
}

/// A package read with its attachments written to files.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The package.
    pub package: Package,
    /// The attachments written, in stream order.
    pub attachments: Vec<Extracted>,
}

impl Extraction {
    /// Attachment elements that carry no content (no `ContentTransferEncoded`): nothing was
    /// written for them (DOC-09).
    pub fn without_content(&self) -> Vec<&crate::model::Attachment> {
        self.package
            .edoc()
            .map(|e| {
                e.attachments
                    .iter()
                    .filter(|a| a.payload.is_none())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Counts: `(whole, with warnings, damaged)` among the attachments written.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for a in &self.attachments {
            match a.status() {
                ExtractStatus::Whole => c.0 += 1,
                ExtractStatus::Warning => c.1 += 1,
                ExtractStatus::Damaged => c.2 += 1,
            }
        }
        c
    }

    /// Whether every attachment came out whole (warnings allowed) and none lacks content.
    pub fn is_complete(&self) -> bool {
        self.counts().2 == 0 && self.without_content().is_empty()
    }
}

/// Why [`extract`] stopped. The files written before it stopped are listed (`written`), the
/// last one possibly incomplete: nothing is left on disk unreported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExtractError {
    /// The output directory could not be created.
    #[error("cannot create the directory {}: {source}", path.display())]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The error.
        #[source]
        source: io::Error,
    },
    /// An attachment file could not be created or written.
    #[error("cannot write {}: {}", failure.path.display(), failure.reason)]
    Write {
        /// What failed.
        failure: WriteFailure,
        /// The files written before.
        written: Vec<Extracted>,
    },
    /// The package could not be read.
    #[error("{source}")]
    Read {
        /// Why.
        #[source]
        source: ReadError,
        /// The files written before.
        written: Vec<Extracted>,
    },
}

impl ExtractError {
    /// A stable code: `io.write`, or the [`ReadError`]'s.
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::CreateDir { .. } | ExtractError::Write { .. } => "io.write",
            ExtractError::Read { source, .. } => source.code(),
        }
    }

    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }

    /// The files written before the error (empty for [`ExtractError::CreateDir`]).
    pub fn written(&self) -> &[Extracted] {
        match self {
            ExtractError::CreateDir { .. } => &[],
            ExtractError::Write { written, .. } | ExtractError::Read { written, .. } => written,
        }
    }
}

impl egov_core::Localize for ExtractError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            ExtractError::CreateDir { path, source } => egov_core::args!(
                kind = "dir",
                path = path.display().to_string(),
                reason = egov_core::i18n::io_reason_vi(source)
            ),
            ExtractError::Write { failure, .. } => egov_core::args!(
                kind = "file",
                path = failure.path.display().to_string(),
                reason = &failure.reason_vi
            ),
            ExtractError::Read { source, .. } => source.message_args(),
        }
    }
}

impl egov_core::ErrorCode for ExtractError {
    fn code(&self) -> &'static str {
        ExtractError::code(self)
    }
}

/// Reads a package from `input` and writes each attachment's content (after the VNPT ZIP
/// wrapper unless `options.unwrap` is [`Unwrap::Never`](crate::Unwrap::Never)) to its own new
/// file in `dir` (created if missing), streaming: memory stays bounded whatever the sizes.
pub fn extract<R: BufRead>(
    input: R,
    dir: &Path,
    options: &ReadOptions,
) -> Result<Extraction, ExtractError> {
    std::fs::create_dir_all(dir).map_err(|source| ExtractError::CreateDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut sink = DirSink::new(dir);
    let result = read(input, options, &mut sink);
    let (written, failure) = sink.finish();
    match (result, failure) {
        (Ok(package), None) => {
            let mut attachments = written;
            name_late(&package, &mut attachments, dir);
            Ok(Extraction {
                package,
                attachments,
            })
        }
        (_, Some(failure)) => Err(ExtractError::Write { failure, written }),
        (Err(source), None) => Err(ExtractError::Read { source, written }),
    }
}

/// Files written before their attachment's `AttachmentName` was read (a sender that puts the
/// name after `ContentTransferEncoded`) were created as `attachment-N`; once the whole package
/// is read, each gets the name its attachment gives, when that name is free (a hard link then
/// the old name removed: never over an existing file). A file that cannot be renamed keeps
/// its first name, the name still recorded in `meta`.
fn name_late(package: &Package, written: &mut [Extracted], dir: &Path) {
    let Some(edoc) = package.edoc() else {
        return;
    };
    for w in written.iter_mut().filter(|w| w.meta.name.is_none()) {
        let Some(summary) = &w.summary else {
            continue;
        };
        let Some(name) = edoc
            .attachments
            .iter()
            .find(|a| a.payload.as_ref() == Some(summary))
            .and_then(|a| a.attachment_name.clone())
        else {
            continue;
        };
        let wanted = safe_file_name(Some(&name), w.index);
        w.meta.name = Some(name);
        let (stem, ext) = split_extension(&wanted);
        for n in 1..=100u32 {
            let candidate = if n == 1 {
                wanted.clone()
            } else {
                format!("{stem} ({n}){ext}")
            };
            let path = dir.join(&candidate);
            match std::fs::hard_link(&w.path, &path) {
                Ok(()) => {
                    if std::fs::remove_file(&w.path).is_ok() {
                        w.file_name = candidate;
                        w.path = path;
                    } else {
                        let _ = std::fs::remove_file(&path);
                    }
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(_) => break,
            }
        }
    }
}

/// [`extract`] from a package file.
pub fn extract_file(
    path: &Path,
    dir: &Path,
    options: &ReadOptions,
) -> Result<Extraction, ExtractError> {
    let file = File::open(path).map_err(|source| ExtractError::Read {
        source: ReadError::Open {
            path: path.display().to_string(),
            source,
        },
        written: Vec::new(),
    })?;
    extract(io::BufReader::with_capacity(64 << 10, file), dir, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_09_attachment_names_are_made_safe() {
        let n = |s: &str| safe_file_name(Some(s), 0);
        assert_eq!(n("../../etc/passwd"), "passwd");
        assert_eq!(n("C:\\x\\..\\y"), "y");
        assert_eq!(n("a/.."), "attachment-1");
        assert_eq!(n(".."), "attachment-1");
        assert_eq!(n(".bashrc"), "bashrc");
        assert_eq!(n("x\u{0}y\n.pdf"), "xy.pdf");
        assert_eq!(n("evil\u{202E}fdp.exe"), "evilfdp.exe");
        assert_eq!(n("C:evil.pdf"), "C_evil.pdf");
        assert_eq!(n("CON.txt"), "_CON.txt");
        assert_eq!(n("com1"), "_com1");
        assert_eq!(n("Quyết định 28.pdf"), "Quyết định 28.pdf");
        assert_eq!(n("trailing. . "), "trailing");
        assert_eq!(safe_file_name(None, 2), "attachment-3");
        let long = format!("{}.pdf", "ạ".repeat(300));
        let s = n(&long);
        assert!(s.len() <= MAX_FILE_NAME_BYTES && s.ends_with(".pdf"), "{s}");
    }

    proptest::proptest! {
        /// Whatever the package names an attachment, the file lands directly in the output
        /// directory: one normal path component, within the length bound.
        #[test]
        fn doc_09_a_safe_name_is_one_plain_path_component(name in "\\PC{0,300}", i in 0usize..5) {
            let s = safe_file_name(Some(&name), i);
            let p = Path::new(&s);
            let mut parts = p.components();
            proptest::prop_assert!(matches!(parts.next(), Some(std::path::Component::Normal(_))), "{s:?}");
            proptest::prop_assert!(parts.next().is_none(), "{s:?}");
            proptest::prop_assert!(!s.contains(['/', '\\', '\0']) && s.len() <= MAX_FILE_NAME_BYTES);
        }
    }
}
