//! Reading a folder for the commands that take one (`egov batch`, Parquet datasets in `egov
//! platform`): its entries sorted by name, each classified without following a symbolic link
//! to a folder (a link back up the tree would loop; fd and ripgrep do the same without
//! `--follow`).

use std::path::{Path, PathBuf};

/// What a folder's entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A file, or a symbolic link to one.
    File,
    /// A folder (never reached through a link).
    Folder,
    /// A symbolic link to a folder: not followed.
    LinkToFolder,
    /// A symbolic link to nothing (or whose target cannot be read).
    BrokenLink,
    /// Neither a file nor a folder (a pipe, a socket, a device).
    Other,
}

/// The entries of `dir`, sorted.
pub(crate) fn entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    Ok(entries)
}

/// What `p` is.
pub(crate) fn kind(p: &Path) -> Entry {
    let Ok(own) = std::fs::symlink_metadata(p) else {
        return Entry::BrokenLink;
    };
    let target = if own.file_type().is_symlink() {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => return Entry::LinkToFolder,
            Ok(m) => m,
            Err(_) => return Entry::BrokenLink,
        }
    } else {
        own
    };
    if target.is_file() {
        Entry::File
    } else if target.is_dir() {
        Entry::Folder
    } else {
        Entry::Other
    }
}

/// Whether the entry's name starts with one of `prefixes` (`.` hidden entries; `_` the
/// markers and metadata of Spark and Hive datasets).
pub(crate) fn name_starts_with(p: &Path, prefixes: &[char]) -> bool {
    p.file_name()
        .map(|n| n.to_string_lossy())
        .is_some_and(|n| n.starts_with(prefixes))
}
