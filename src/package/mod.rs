//! The evidence package (issue 14): one `.zip` holding a draft and its evidence files, for a
//! backup, another phone, the commune, and the command line (`ocop pack`, `ocop dossier P.zip`).
//!
//! Format `ocop-self-check/package`, version 1 (README "Evidence package format v1"):
//!
//! ```text
//! manifest.json     first entry: {"format":"ocop-self-check/package","version":1,
//!                   "draft":"draft.json","files":[{"id":"f…","path":"files/f….jpg",
//!                   "type":"image/jpeg","bytes":183402,"sha256":"…"}]}
//! draft.json        the draft, interchange format v1 (draft::to_json); its "attachments"
//!                   describe the same files (id, type, bytes, sha256)
//! files/<id>.<ext>  each file's bytes, ext from its type (jpg, png, pdf)
//! ```
//!
//! [`write`] refuses a draft whose files are missing or do not match their description;
//! [`read`] is strict (see [`unzip`] for the archive's structure, and the checks listed on
//! [`read`]), and every error is a [`PackageError`] naming the entry concerned. Plain Rust: no
//! browser import, no clock (the date of the entries is passed in).

pub mod unzip;

use serde_json::{Map, Value};

use crate::date::Date;
use crate::dossier::zip::{self, Entry};
use crate::dossier::Files;
use crate::draft::attachments::{self, FileProblem, Kind, MAX_ATTACHMENTS, MAX_DRAFT_FILE_BYTES};
use crate::draft::{self, Draft, Expected, ImportError, ImportErrorKind, MAX_IMPORT_BYTES};

pub const PACKAGE_FORMAT: &str = "ocop-self-check/package";
pub const PACKAGE_VERSION: u64 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const DRAFT_ENTRY: &str = "draft.json";
/// Largest manifest (bytes): 300 files' lines take about 60 KB.
pub const MAX_MANIFEST_BYTES: u64 = 256_000;
/// Largest package accepted (bytes): a draft's files at their limit, its draft.json and manifest
/// at theirs, and room for the archive's headers (stored files never grow; 300 entries' headers
/// take under 50 KB).
pub const MAX_PACKAGE_BYTES: u64 =
    MAX_DRAFT_FILE_BYTES + MAX_IMPORT_BYTES as u64 + MAX_MANIFEST_BYTES + 1_000_000;
/// Most entries: the manifest, the draft, and one per file.
pub const MAX_ENTRIES: usize = MAX_ATTACHMENTS + 2;

/// A draft with its evidence files' bytes (by attachment id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    pub draft: Draft,
    pub files: Files,
}

/// A feature of the ZIP format that packages do not use and the reader refuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    Encryption,
    Zip64,
    /// A split or spanned archive.
    MultiDisk,
    /// Sizes written after the data (flag bit 3).
    DataDescriptor,
    /// Another general-purpose flag bit.
    Flags(u16),
    /// A compression method other than stored (0) and deflate (8).
    Method(u16),
}

/// Which description a file's entry disagrees with, or which check it fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Described {
    /// The manifest's entry for the file.
    Manifest,
    /// The draft's attachment.
    Draft,
}

/// What is wrong with a package (or, for [`write`], with the draft and files given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackageErrorKind {
    /// The package (or, on an entry, its declared size, or the sum of them) is over the limit.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// Not a ZIP archive (no end record at its end).
    NotAZip,
    /// The archive's structure is broken: offsets, lengths or signatures do not fit, entries
    /// overlap or leave a gap.
    Damaged,
    /// More entries than a package may have.
    TooManyEntries {
        count: usize,
        limit: usize,
    },
    Unsupported(Feature),
    /// A name that could write outside a folder or read differently elsewhere: `..`, an absolute
    /// path, a drive letter, a backslash, a control character, not UTF-8, too long.
    UnsafeName,
    /// The same name as an earlier entry once case, `./` and `//` are set aside.
    Duplicate {
        first: String,
    },
    /// A directory or a symbolic link.
    NotAFile,
    /// The local header and the central directory disagree about the entry.
    HeaderMismatch,
    /// The declared size is impossible for the compressed size (a zip bomb).
    Bomb {
        compressed: u64,
        declared: u64,
    },
    /// The data inflates past the declared size (a zip bomb); inflation stopped there.
    InflatesPastSize {
        declared: u64,
    },
    /// The compressed data is corrupt or cut short.
    CorruptData,
    /// The data's CRC-32 is not the one recorded.
    CrcMismatch,
    /// An entry the package must have is absent (the manifest, the draft, a listed file).
    Missing,
    /// On [`write`]: a file the draft describes is absent from the files given.
    NoBytes,
    /// The manifest is not the first entry.
    ManifestNotFirst,
    /// An entry the manifest does not list (an extra file, or a renamed one: `missing` is then
    /// the listed entry absent).
    Unlisted {
        missing: Option<String>,
    },
    /// `manifest.json` is not this format's (`format` says something else).
    NotAPackage {
        found: String,
    },
    /// A package version this build cannot read.
    UnsupportedVersion {
        found: String,
    },
    /// `manifest.json` is not valid (JSON, a member's type or value; `field` of the error).
    Manifest(ImportError),
    /// `draft.json` is not a valid draft.
    Draft(ImportError),
    /// A file the manifest lists that the draft does not describe, or the other way round
    /// (`in_draft`: the draft has it, the manifest does not).
    NotDescribed {
        id: String,
        in_draft: bool,
    },
    /// The manifest and the draft disagree on a file (`what`: "type", "bytes" or "sha256").
    Disagree {
        id: String,
        what: &'static str,
    },
    /// The file's size is not the one `by` records.
    SizeMismatch {
        expected: u64,
        found: u64,
        by: Described,
    },
    /// The file's SHA-256 is not the one `by` records.
    ChecksumMismatch {
        by: Described,
    },
    /// The file's first bytes say another type than the one declared (`found`: none of ours).
    TypeMismatch {
        declared: Kind,
        found: Option<Kind>,
    },
    /// The file cannot be kept (unreadable image header, too many pixels, too large).
    File(FileProblem),
}

/// A package error: which entry (its name in the archive; empty for the package as a whole),
/// and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageError {
    pub entry: String,
    pub kind: PackageErrorKind,
}

impl PackageError {
    pub fn new(entry: impl Into<String>, kind: PackageErrorKind) -> PackageError {
        PackageError {
            entry: entry.into(),
            kind,
        }
    }
}

impl std::fmt::Display for PackageError {
    /// A short technical form (English); `i18n::package_error` words it for people.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let entry = if self.entry.is_empty() {
            "package"
        } else {
            &self.entry
        };
        write!(f, "{entry}: {:?}", self.kind)
    }
}

/// The path of a file in a package: `files/<id>.<ext>`.
pub fn file_path(id: &str, kind: Kind) -> String {
    format!("files/{id}.{}", kind.extension())
}

/// The largest declared size accepted for an entry named `name`.
fn limit_for(name: &str) -> u64 {
    match name {
        MANIFEST => MAX_MANIFEST_BYTES,
        DRAFT_ENTRY => MAX_IMPORT_BYTES as u64,
        n if n.ends_with(".pdf") => Kind::Pdf.max_bytes(),
        n if n.ends_with(".jpg") => Kind::Jpeg.max_bytes(),
        n if n.ends_with(".png") => Kind::Png.max_bytes(),
        // Unlisted, and refused as such once the manifest is read; bounded meanwhile.
        _ => Kind::Pdf.max_bytes().max(Kind::Jpeg.max_bytes()),
    }
}

/// One file's line in the manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Listed {
    id: String,
    path: String,
    kind: Kind,
    bytes: u64,
    sha256: String,
}

fn manifest_value(draft: &Draft) -> Value {
    let files: Vec<Value> = draft
        .attachments
        .iter()
        .map(|a| {
            let mut o = Map::new();
            o.insert("id".into(), a.id.clone().into());
            o.insert("path".into(), file_path(&a.id, a.kind).into());
            o.insert("type".into(), a.kind.mime().into());
            o.insert("bytes".into(), a.bytes.into());
            o.insert("sha256".into(), a.sha256.clone().into());
            Value::Object(o)
        })
        .collect();
    let mut o = Map::new();
    o.insert("format".into(), PACKAGE_FORMAT.into());
    o.insert("version".into(), PACKAGE_VERSION.into());
    o.insert("draft".into(), DRAFT_ENTRY.into());
    o.insert("files".into(), Value::Array(files));
    Value::Object(o)
}

/// Check a file's bytes against what `by` says of it (`bytes`, `sha256`, type sniffed and the
/// image's header read with [`attachments::inspect`]).
fn check_file(
    entry: &str,
    bytes: &[u8],
    kind: Kind,
    size: u64,
    sha256: &str,
    by: Described,
) -> Result<(), PackageError> {
    let fail = |k| Err(PackageError::new(entry, k));
    if bytes.len() as u64 != size {
        return fail(PackageErrorKind::SizeMismatch {
            expected: size,
            found: bytes.len() as u64,
            by,
        });
    }
    if attachments::sha256_hex(bytes) != sha256 {
        return fail(PackageErrorKind::ChecksumMismatch { by });
    }
    let found = Kind::sniff(bytes);
    if found != Some(kind) {
        return fail(PackageErrorKind::TypeMismatch {
            declared: kind,
            found,
        });
    }
    attachments::inspect(bytes)
        .map(|_| ())
        .map_err(|p| PackageError::new(entry, PackageErrorKind::File(p)))
}

/// The package of `draft` with the bytes of the files it describes (files in `files` that it
/// does not describe are left out). Refused, naming the file's path in the package, when a
/// described file is missing from `files`, or its bytes do not have the size, SHA-256 or type
/// the draft records, or the file could not be kept (see [`attachments::inspect`]); and when the
/// draft itself would not be read back (`Draft`, naming `draft.json`). `today` dates the
/// entries (1980-01-01 without it).
pub fn write(draft: &Draft, files: &Files, today: Option<Date>) -> Result<Vec<u8>, PackageError> {
    let draft_json = draft::to_json(draft);
    // What `read` will refuse is refused here: the draft's limits and its attachments' rules.
    draft::from_json(&draft_json)
        .map_err(|e| PackageError::new(DRAFT_ENTRY, PackageErrorKind::Draft(e)))?;
    for a in &draft.attachments {
        let path = file_path(&a.id, a.kind);
        let bytes = files
            .get(&a.id)
            .ok_or_else(|| PackageError::new(path.as_str(), PackageErrorKind::NoBytes))?;
        check_file(&path, bytes, a.kind, a.bytes, &a.sha256, Described::Draft)?;
    }
    let manifest = serde_json::to_string_pretty(&manifest_value(draft)).unwrap_or_default();
    let paths: Vec<String> = draft
        .attachments
        .iter()
        .map(|a| file_path(&a.id, a.kind))
        .collect();
    let mut entries = vec![
        Entry {
            name: MANIFEST,
            data: manifest.as_bytes(),
        },
        Entry {
            name: DRAFT_ENTRY,
            data: draft_json.as_bytes(),
        },
    ];
    for (a, path) in draft.attachments.iter().zip(&paths) {
        if let Some(bytes) = files.get(&a.id) {
            entries.push(Entry {
                name: path,
                data: bytes,
            });
        }
    }
    zip::write(&entries, today).map_err(|_| {
        PackageError::new(
            "",
            PackageErrorKind::TooLarge {
                bytes: u64::MAX,
                limit: MAX_PACKAGE_BYTES,
            },
        )
    })
}

fn manifest_error(field: String, kind: ImportErrorKind) -> PackageError {
    PackageError::new(
        MANIFEST,
        PackageErrorKind::Manifest(ImportError { field, kind }),
    )
}

/// Read `manifest.json` strictly: JSON without repeated keys, this format and version, the draft
/// entry named `draft.json`, each file with a plain unique id, its canonical path, a known type,
/// a size within its kind's limit and a SHA-256. Unknown members are ignored (as in the
/// interchange format).
fn parse_manifest(bytes: &[u8]) -> Result<Vec<Listed>, PackageError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        manifest_error(
            String::new(),
            ImportErrorKind::NotUtf8 {
                byte: e.valid_up_to(),
            },
        )
    })?;
    let value = draft::parse_strict(text)
        .map_err(|e| PackageError::new(MANIFEST, PackageErrorKind::Manifest(e)))?;
    let o = value
        .as_object()
        .ok_or_else(|| manifest_error(String::new(), wrong(Expected::Object)))?;
    match o.get("format") {
        Some(Value::String(s)) if s == PACKAGE_FORMAT => {}
        other => {
            return Err(PackageError::new(
                MANIFEST,
                PackageErrorKind::NotAPackage {
                    found: shown(other),
                },
            ))
        }
    }
    match o.get("version") {
        Some(v) if v.as_u64() == Some(PACKAGE_VERSION) => {}
        other => {
            return Err(PackageError::new(
                MANIFEST,
                PackageErrorKind::UnsupportedVersion {
                    found: shown(other),
                },
            ))
        }
    }
    match o.get("draft") {
        Some(Value::String(s)) if s == DRAFT_ENTRY => {}
        None => return Err(manifest_error("draft".into(), ImportErrorKind::Missing)),
        Some(other) => {
            return Err(manifest_error(
                "draft".into(),
                ImportErrorKind::InvalidValue {
                    found: shown(Some(other)),
                },
            ))
        }
    }
    let list = match o.get("files") {
        Some(Value::Array(a)) => a,
        None => return Err(manifest_error("files".into(), ImportErrorKind::Missing)),
        Some(_) => return Err(manifest_error("files".into(), wrong(Expected::List))),
    };
    if list.len() > MAX_ATTACHMENTS {
        return Err(manifest_error(
            "files".into(),
            ImportErrorKind::InvalidValue {
                found: format!("{} > {MAX_ATTACHMENTS}", list.len()),
            },
        ));
    }
    let mut out: Vec<Listed> = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        let path = |m: &str| format!("files.{i}.{m}");
        let f = item
            .as_object()
            .ok_or_else(|| manifest_error(format!("files.{i}"), wrong(Expected::Object)))?;
        let text = |m: &str| -> Result<&str, PackageError> {
            match f.get(m) {
                Some(Value::String(s)) => Ok(s),
                None => Err(manifest_error(path(m), ImportErrorKind::Missing)),
                Some(_) => Err(manifest_error(path(m), wrong(Expected::Text))),
            }
        };
        let invalid = |m: &str, found: &str| {
            manifest_error(
                path(m),
                ImportErrorKind::InvalidValue {
                    found: found.chars().take(80).collect(),
                },
            )
        };
        let id = text("id")?;
        if !attachments::is_valid_file_id(id) || out.iter().any(|l| l.id == id) {
            return Err(invalid("id", id));
        }
        let mime = text("type")?;
        let kind = Kind::from_mime(mime).ok_or_else(|| invalid("type", mime))?;
        let p = text("path")?;
        if p != file_path(id, kind) {
            return Err(invalid("path", p));
        }
        let bytes = match f.get("bytes") {
            Some(v) => v
                .as_u64()
                .ok_or_else(|| manifest_error(path("bytes"), wrong(Expected::Number)))?,
            None => return Err(manifest_error(path("bytes"), ImportErrorKind::Missing)),
        };
        if bytes == 0 || bytes > kind.max_bytes() {
            return Err(invalid("bytes", &bytes.to_string()));
        }
        let sha256 = text("sha256")?;
        if !attachments::is_sha256_hex(sha256) {
            return Err(invalid("sha256", sha256));
        }
        out.push(Listed {
            id: id.to_string(),
            path: p.to_string(),
            kind,
            bytes,
            sha256: sha256.to_string(),
        });
    }
    Ok(out)
}

fn wrong(expected: Expected) -> ImportErrorKind {
    ImportErrorKind::WrongType { expected }
}

fn shown(v: Option<&Value>) -> String {
    match v {
        None => String::new(),
        Some(Value::String(s)) => s.chars().take(60).collect(),
        Some(v) => v.to_string().chars().take(60).collect(),
    }
}

/// Read a package, strictly. Refused, with the entry named:
/// - over [`MAX_PACKAGE_BYTES`]; anything the archive reader refuses ([`unzip`]: structure,
///   ZIP64, multi-disk, encryption, methods, header mismatches, unsafe or duplicate names,
///   directories and links, declared sizes over the limits of their kind, absurd ratios);
/// - `manifest.json` missing, not first, or not valid; an entry it does not list (extra or
///   renamed); a listed entry or `draft.json` missing;
/// - an entry inflating past its declared size (a zip bomb), corrupt data, a CRC-32 mismatch;
/// - `draft.json` not a valid draft (the [`ImportError`] inside); the draft's attachments and the
///   manifest's files not the same set, or disagreeing on a file's type, size or SHA-256;
/// - a file whose size or SHA-256 (recomputed) is not the manifest's, whose first bytes are
///   another type, or that [`attachments::inspect`] refuses.
///
/// The draft is not checked against its product set's sheet here: callers do that with
/// [`draft::check_against`] once the sheet is loaded, as for a draft file.
pub fn read(bytes: &[u8]) -> Result<Package, PackageError> {
    if bytes.len() as u64 > MAX_PACKAGE_BYTES {
        return Err(PackageError::new(
            "",
            PackageErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_PACKAGE_BYTES,
            },
        ));
    }
    let total_limit = MAX_DRAFT_FILE_BYTES + MAX_IMPORT_BYTES as u64 + MAX_MANIFEST_BYTES;
    let entries = unzip::entries(bytes, limit_for, total_limit, MAX_ENTRIES)?;
    let Some(first) = entries.first() else {
        return Err(PackageError::new(MANIFEST, PackageErrorKind::Missing));
    };
    if first.name != MANIFEST {
        let kind = if entries.iter().any(|e| e.name == MANIFEST) {
            PackageErrorKind::ManifestNotFirst
        } else {
            PackageErrorKind::Missing
        };
        return Err(PackageError::new(MANIFEST, kind));
    }
    let listed = parse_manifest(&unzip::data(bytes, first)?)?;
    let expected = |name: &str| name == DRAFT_ENTRY || listed.iter().any(|l| l.path == name);
    let present = |name: &str| entries.iter().any(|e| e.name == name);
    if let Some(e) = entries[1..].iter().find(|e| !expected(&e.name)) {
        let missing = std::iter::once(DRAFT_ENTRY)
            .chain(listed.iter().map(|l| l.path.as_str()))
            .find(|n| !present(n))
            .map(str::to_string);
        return Err(PackageError::new(
            e.name.as_str(),
            PackageErrorKind::Unlisted { missing },
        ));
    }
    let find = |name: &str| {
        entries
            .iter()
            .find(|e| e.name == name)
            .ok_or_else(|| PackageError::new(name, PackageErrorKind::Missing))
    };
    let draft_entry = find(DRAFT_ENTRY)?;
    for l in &listed {
        find(&l.path)?;
    }
    let draft = draft::from_bytes(&unzip::data(bytes, draft_entry)?)
        .map_err(|e| PackageError::new(DRAFT_ENTRY, PackageErrorKind::Draft(e)))?;
    for a in &draft.attachments {
        let Some(l) = listed.iter().find(|l| l.id == a.id) else {
            return Err(PackageError::new(
                DRAFT_ENTRY,
                PackageErrorKind::NotDescribed {
                    id: a.id.clone(),
                    in_draft: true,
                },
            ));
        };
        let what = if l.kind != a.kind {
            Some("type")
        } else if l.bytes != a.bytes {
            Some("bytes")
        } else if l.sha256 != a.sha256 {
            Some("sha256")
        } else {
            None
        };
        if let Some(what) = what {
            return Err(PackageError::new(
                DRAFT_ENTRY,
                PackageErrorKind::Disagree {
                    id: a.id.clone(),
                    what,
                },
            ));
        }
    }
    let mut files = Files::new();
    for l in &listed {
        if !draft.attachments.iter().any(|a| a.id == l.id) {
            return Err(PackageError::new(
                l.path.as_str(),
                PackageErrorKind::NotDescribed {
                    id: l.id.clone(),
                    in_draft: false,
                },
            ));
        }
        let data = unzip::data(bytes, find(&l.path)?)?;
        check_file(
            &l.path,
            &data,
            l.kind,
            l.bytes,
            &l.sha256,
            Described::Manifest,
        )?;
        files.insert(l.id.clone(), data);
    }
    Ok(Package { draft, files })
}

/// Whether `bytes` look like a ZIP archive (a package) rather than a draft's JSON: they start
/// with a local file header's signature.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Attachment, Target};

    fn png() -> Vec<u8> {
        // A 2 × 1 PNG header (the reader looks at the header only).
        let mut p = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        p.extend_from_slice(&2u32.to_be_bytes());
        p.extend_from_slice(&1u32.to_be_bytes());
        p.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        p
    }

    fn sample() -> (Draft, Files) {
        let bytes = png();
        let mut d = Draft::new("d1", "QD26-07", 5);
        let a = attachments::describe(
            "fa".into(),
            Target::Criterion("1.1".into()),
            "Nhãn",
            &bytes,
            7,
        )
        .expect("a PNG");
        d.attachments.push(a);
        let mut files = Files::new();
        files.insert("fa".into(), bytes);
        (d, files)
    }

    #[test]
    fn round_trip() {
        let (d, files) = sample();
        let z = write(&d, &files, Date::new(2026, 12, 1)).expect("writes");
        let p = read(&z).expect("reads");
        assert_eq!(p.draft, d);
        assert_eq!(p.files, files);
    }

    #[test]
    fn write_refuses_a_missing_or_different_file() {
        let (d, files) = sample();
        let e = write(&d, &Files::new(), None).expect_err("missing");
        assert_eq!(
            e,
            PackageError::new("files/fa.png", PackageErrorKind::NoBytes)
        );
        let mut other = files.clone();
        other.insert("fa".into(), [png(), vec![0]].concat());
        assert!(matches!(
            write(&d, &other, None).map_err(|e| e.kind),
            Err(PackageErrorKind::SizeMismatch {
                by: Described::Draft,
                ..
            })
        ));
        let mut d2 = d.clone();
        d2.attachments[0].sha256 = "0".repeat(64);
        assert_eq!(
            write(&d2, &files, None).map_err(|e| e.kind),
            Err(PackageErrorKind::ChecksumMismatch {
                by: Described::Draft
            })
        );
        let mut d3 = d;
        d3.attachments.push(Attachment {
            id: "fa".into(),
            ..d3.attachments[0].clone()
        });
        assert!(matches!(
            write(&d3, &files, None),
            Err(PackageError {
                kind: PackageErrorKind::Draft(_),
                ..
            })
        ));
    }
}
