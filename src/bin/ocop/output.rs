//! Writing the command line's outputs (`ocop dossier`'s documents, `ocop pack`'s package): each
//! regular file is written in full to a temporary file beside it and renamed into place once
//! every output is complete, so a full disk or a killed process never leaves half a file; and
//! the clock, which only the command line reads.

use std::io::Write;
use std::path::{Path, PathBuf};

use ocop_self_check::date::{self, Date};

use crate::term;

/// Write each `(path, bytes)`: regular files (or new ones) through a temporary file renamed
/// into place after all are written; anything else (a device such as /dev/stdout, a pipe)
/// directly, since renaming over it would replace it. On failure the file is named on stderr
/// and `Err(1)` returned (the exit status).
pub fn write_all(files: &[(&Path, &[u8])]) -> Result<(), u8> {
    let mut ready = Vec::new();
    for (path, bytes) in files {
        let result = if replaceable(path) {
            write_temp(path, bytes).map(Some)
        } else {
            std::fs::write(path, bytes).map(|()| None)
        };
        match result {
            Ok(Some(t)) => ready.push((*path, t)),
            Ok(None) => {}
            Err(e) => {
                term::err(&format!(
                    "{}: cannot write: {e}",
                    term::name(path.as_os_str())
                ));
                return Err(1);
            }
        }
    }
    for (path, t) in ready {
        // Renamed onto the file a symbolic link points to, keeping the link.
        let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if let Err(e) = t.persist(&target) {
            term::err(&format!(
                "{}: cannot write: {}",
                term::name(path.as_os_str()),
                e.error
            ));
            return Err(1);
        }
    }
    Ok(())
}

/// Whether `path` may be replaced by a rename: it does not exist yet, or it is a regular file
/// (a symbolic link is followed: the file it points to is the one written).
fn replaceable(path: &Path) -> bool {
    match std::fs::metadata(path) {
        Ok(m) => m.is_file(),
        Err(_) => true,
    }
}

/// `bytes` in a new temporary file beside `path` (so the rename stays on one disk), with the
/// permissions a plain write would give: the existing file's, else the umask's (tempfile's own
/// default, 0600, would hide the page from a web server or a colleague).
fn write_temp(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    // Through a symbolic link, the file it points to is the one replaced.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ocop-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).map_or(0o666, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut t = builder.tempfile_in(dir)?;
    t.write_all(bytes)?;
    t.as_file().sync_all()?;
    Ok(t)
}

/// Whether two paths name the same file: the same file on disk (hard links and symbolic links
/// included) when both exist, else the same place once the directory is resolved.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (resolved(a), resolved(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

/// `p` with its directory made absolute and links resolved (the file itself may not exist yet).
fn resolved(p: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(p) {
        return Some(c);
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
}

/// Milliseconds since 1970 from the system clock (0 if it is before).
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(0))
        .unwrap_or(0)
}

/// Today's date (UTC), from the system clock.
pub fn today_utc() -> Option<Date> {
    date::from_unix_ms(now_ms())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        let today = today_utc().expect("the clock gives a date in range");
        assert_eq!(date::parse_date(&today.iso()), Ok(today));
    }
}
