//! Writing output files safely: through a temporary file beside the target, synced, renamed
//! into place when whole (a reader never sees half a file); an existing file is replaced only
//! when the caller says so (`--force`). The file is left 0644 unless the caller asks for a
//! private one (keys).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::output::CmdResult;

/// An output file being written.
pub(crate) struct AtomicFile {
    tmp: tempfile::NamedTempFile,
    path: PathBuf,
    force: bool,
}

fn write_error(path: &Path, e: &std::io::Error) -> CmdResult {
    CmdResult::Error {
        code: "io.write".into(),
        message: crate::i18n::t!(
            "files-write-error",
            path = path.display().to_string(),
            detail = io_detail(e)
        ),
    }
}

/// The error for an output that exists already (without `--force`).
pub(crate) fn exists_error(path: &Path) -> CmdResult {
    CmdResult::Error {
        code: "io.exists".into(),
        message: crate::i18n::t!("files-exists", path = path.display().to_string()),
    }
}

impl AtomicFile {
    /// Starts writing `path`: refuses an existing file unless `force`.
    pub(crate) fn create(path: &Path, force: bool) -> Result<AtomicFile, CmdResult> {
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
            .map_err(|e| write_error(path, &e))?;
        Ok(AtomicFile {
            tmp,
            path: path.to_path_buf(),
            force,
        })
    }

    /// The temporary file, to write into.
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    pub(crate) fn file(&mut self) -> &mut std::fs::File {
        self.tmp.as_file_mut()
    }

    /// Writes `bytes` and puts the file in place.
    pub(crate) fn finish_with(mut self, bytes: &[u8]) -> Result<(), CmdResult> {
        let path = self.path.clone();
        self.tmp
            .as_file_mut()
            .write_all(bytes)
            .map_err(|e| write_error(&path, &e))?;
        self.finish()
    }

    /// Syncs what was written, makes it 0644 and renames it into place (dropping an
    /// `AtomicFile` instead removes the temporary).
    pub(crate) fn finish(self) -> Result<(), CmdResult> {
        let path = self.path;
        self.tmp
            .as_file()
            .sync_all()
            .map_err(|e| write_error(&path, &e))?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            self.tmp
                .as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o644))
                .map_err(|e| write_error(&path, &e))?;
        }
        if self.force {
            self.tmp
                .persist(&path)
                .map(drop)
                .map_err(|e| write_error(&path, &e.error))
        } else {
            match self.tmp.persist_noclobber(&path) {
                Ok(_) => Ok(()),
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(exists_error(&path))
                }
                Err(e) => Err(write_error(&path, &e.error)),
            }
        }
    }
}

/// An I/O error's cause in the run's language (CORE-06): in Vietnamese the usual kinds by name
/// and the others by the system's error number; in English the system's own text. The one
/// place every command says why a file could not be read or written.
pub(crate) fn io_detail(e: &std::io::Error) -> String {
    if crate::i18n::lang() == crate::i18n::Lang::En {
        return e.to_string();
    }
    egov_core::i18n::io_reason_vi(e)
}
