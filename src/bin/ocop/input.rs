//! Reading a draft file or a package: the one loader of the command line (`ocop assess`,
//! `ocop dossier`, `ocop pack`), and the one way it says what is wrong with a file. Each
//! subcommand prints `{path}: {error}` on stderr and exits with 2.

use std::ffi::OsString;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;

use ocop_self_check::dossier::Files;
use ocop_self_check::draft::{self, Draft, ImportError, ImportErrorKind, MAX_IMPORT_BYTES};
use ocop_self_check::i18n::{package_error, Lang};
use ocop_self_check::package::{self, PackageError, PackageErrorKind, MAX_PACKAGE_BYTES};
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
    /// The file is a package (.zip) that cannot be used.
    Package(PackageError),
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
            FileError::Package(e) => write!(f, "{}", package_error(Lang::En, e)),
            FileError::TooLong { limit } => {
                write!(f, "invalid draft: longer than the limit of {limit} bytes")
            }
            FileError::Rubric(e) => write!(f, "rubric: {e}"),
        }
    }
}

impl FileError {
    /// The message in `lang`: a package's error is worded by `i18n::package_error` (naming the
    /// entry, saying what to do); the others as [`Display`](fmt::Display) says them.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FileError::Package(e) => package_error(lang, e),
            other => other.to_string(),
        }
    }
}

/// A draft read and checked, its product set, and its evidence files' bytes (a package's; none
/// for a draft file).
pub struct Loaded {
    pub draft: Draft,
    pub set: ProductSet,
    pub files: Files,
    /// Whether the input was a package (.zip) rather than a draft's JSON.
    pub is_package: bool,
}

/// Read, parse and check one draft, from a draft file (interchange format v1) or a package
/// (.zip, [`package::read`]: told apart by the first bytes), from a file or standard input, and
/// load its product set.
///
/// At most [`MAX_IMPORT_BYTES`] + 1 bytes of a draft and [`MAX_PACKAGE_BYTES`] + 1 of a package
/// are read, whatever the source is: a regular file's size is checked first (the message gives
/// it), and a device, pipe or standard input (`/dev/zero`, a FIFO), whose size reads as 0, is cut
/// off one byte past the limit.
/// The value of `--lang` (the argument after it), or what to say in the usage line.
pub fn lang_value(v: Option<OsString>) -> Result<Lang, String> {
    v.as_deref()
        .and_then(|t| t.to_str())
        .and_then(Lang::from_tag)
        .ok_or_else(|| "--lang needs vi or en".to_string())
}

/// The value of `--date` (DD/MM/YYYY or YYYY-MM-DD), or what to say in the usage line.
pub fn date_value(v: Option<OsString>) -> Result<ocop_self_check::date::Date, String> {
    let Some(d) = v else {
        return Err("--date needs a date".to_string());
    };
    match d.to_str().map(ocop_self_check::date::parse_date) {
        Some(Ok(d)) => Ok(d),
        _ => Err(format!(
            "--date: cannot read {} as DD/MM/YYYY",
            crate::term::name(&d)
        )),
    }
}

pub fn load(source: &Source) -> Result<Loaded, FileError> {
    let bytes = match source {
        Source::Stdin => read_source(std::io::stdin().lock(), None)?,
        Source::File(path) => {
            let meta = std::fs::metadata(path).map_err(FileError::Read)?;
            let file = std::fs::File::open(path).map_err(FileError::Read)?;
            read_source(file, Some(meta.len()))?
        }
    };
    let (d, files, is_package) = if package::looks_like_zip(&bytes) {
        let p = package::read(&bytes).map_err(FileError::Package)?;
        (p.draft, p.files, true)
    } else {
        let d = draft::from_bytes(&bytes).map_err(FileError::Import)?;
        (d, Files::new(), false)
    };
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
    Ok(Loaded {
        draft: d,
        set,
        files,
        is_package,
    })
}

/// The bytes of a draft or a package: the first four bytes say which (a ZIP signature), and so
/// which limit applies; `known_len` is a regular file's size, refused before reading when over
/// it.
fn read_source(mut reader: impl Read, known_len: Option<u64>) -> Result<Vec<u8>, FileError> {
    let mut head = Vec::with_capacity(4);
    (&mut reader)
        .take(4)
        .read_to_end(&mut head)
        .map_err(FileError::Read)?;
    let is_zip = package::looks_like_zip(&head);
    let limit = if is_zip {
        usize::try_from(MAX_PACKAGE_BYTES).unwrap_or(usize::MAX)
    } else {
        MAX_IMPORT_BYTES
    };
    if let Some(len) = known_len.filter(|l| *l > limit as u64) {
        return Err(if is_zip {
            FileError::Package(PackageError::new(
                "",
                PackageErrorKind::TooLarge {
                    bytes: len,
                    limit: MAX_PACKAGE_BYTES,
                },
            ))
        } else {
            FileError::Import(ImportError {
                field: String::new(),
                kind: ImportErrorKind::TooLarge {
                    bytes: usize::try_from(len).unwrap_or(usize::MAX),
                    limit: MAX_IMPORT_BYTES,
                },
            })
        });
    }
    let bytes = read_at_most(head.as_slice().chain(reader), limit)?;
    Ok(bytes)
}

/// The bytes of `reader`, or [`FileError::TooLong`] once more than `limit` have come.
pub fn read_at_most(reader: impl Read, limit: usize) -> Result<Vec<u8>, FileError> {
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
