//! Reading a draft file: the one loader of the command line (`ocop assess` and `ocop dossier`),
//! and the one way it says what is wrong with a file. Each subcommand prints `{path}: {error}`
//! on stderr and exits with 2.

use std::ffi::OsString;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;

use ocop_self_check::draft::{self, Draft, ImportError, ImportErrorKind, MAX_IMPORT_BYTES};
use ocop_self_check::rubric::{embedded, ProductSet};

/// Where a draft comes from: a file, or standard input (`-`).
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// `-` is standard input; anything else (any bytes the system allows) a file name.
    pub fn from_arg(arg: OsString) -> Source {
        if arg == "-" {
            Source::Stdin
        } else {
            Source::File(PathBuf::from(arg))
        }
    }

    /// The name to print in messages (escaped for the terminal, see [`crate::term::name`]).
    pub fn shown(&self) -> String {
        match self {
            Source::Stdin => "(standard input)".to_string(),
            Source::File(p) => crate::term::name(p.as_os_str()),
        }
    }

    /// The name as JSON output gives it: the file name, lossy where it is not UTF-8 (JSON is
    /// text); `-` for standard input.
    pub fn json_name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// Why a draft file could not be used.
#[derive(Debug)]
pub enum FileError {
    /// The file could not be opened or read.
    Read(std::io::Error),
    /// The file is not a valid draft (too large, not UTF-8, not JSON, wrong values …).
    Import(ImportError),
    /// A stream whose size is not known in advance (a device, a pipe) gave more than the limit;
    /// reading stopped there.
    TooLong { limit: usize },
    /// The draft's product set could not be loaded.
    Rubric(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Read(e) => write!(f, "cannot read: {e}"),
            FileError::Import(e) => write!(f, "invalid draft: {e}"),
            FileError::TooLong { limit } => {
                write!(f, "invalid draft: longer than the limit of {limit} bytes")
            }
            FileError::Rubric(e) => write!(f, "rubric: {e}"),
        }
    }
}

/// Read, parse and check one draft (interchange format v1) from a file or standard input, and
/// load its product set.
///
/// At most [`MAX_IMPORT_BYTES`] + 1 bytes are read, whatever the source is: a regular file's size
/// is checked first (the message gives it), and a device, pipe or standard input (`/dev/zero`, a
/// FIFO), whose size reads as 0, is cut off one byte past the limit.
pub fn load_draft(source: &Source) -> Result<(Draft, ProductSet), FileError> {
    let bytes = match source {
        Source::Stdin => read_at_most(std::io::stdin().lock(), MAX_IMPORT_BYTES)?,
        Source::File(path) => {
            let meta = std::fs::metadata(path).map_err(FileError::Read)?;
            if meta.len() > MAX_IMPORT_BYTES as u64 {
                return Err(FileError::Import(ImportError {
                    field: String::new(),
                    kind: ImportErrorKind::TooLarge {
                        bytes: usize::try_from(meta.len()).unwrap_or(usize::MAX),
                        limit: MAX_IMPORT_BYTES,
                    },
                }));
            }
            let file = std::fs::File::open(path).map_err(FileError::Read)?;
            read_at_most(file, MAX_IMPORT_BYTES)?
        }
    };
    let d = draft::from_bytes(&bytes).map_err(FileError::Import)?;
    let set = match embedded::load(&d.product_set) {
        Some(Ok(s)) => s,
        Some(Err(e)) => return Err(FileError::Rubric(e.to_string())),
        None => {
            return Err(FileError::Rubric(format!(
                "no product set {}",
                d.product_set
            )))
        }
    };
    draft::check_against(&d, &set).map_err(FileError::Import)?;
    Ok((d, set))
}

/// The bytes of `reader`, or [`FileError::TooLong`] once more than `limit` have come.
fn read_at_most(reader: impl Read, limit: usize) -> Result<Vec<u8>, FileError> {
    let mut bytes = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(FileError::Read)?;
    if bytes.len() > limit {
        return Err(FileError::TooLong { limit });
    }
    Ok(bytes)
}
