//! The evidence files of a draft (issue 14): photos of papers and PDFs, each attached to one
//! criterion or to one row of Mẫu 02's evidence table ([`crate::rubric::evidence::TABLE`]).
//!
//! The draft keeps only what describes a file ([`Attachment`]: id, what it proves, caption, type,
//! size, SHA-256, pixel size); the bytes live beside it (the browser's database, a package's
//! `files/`, the command line's files), keyed by the attachment's id. The order of a target's
//! attachments is their order in [`Draft::attachments`](super::Draft).
//!
//! In the interchange format (still version 1: older readers ignore the member) the list is
//! `"attachments":[{"id":"f3k9…","criterion":"1.1","caption":"…","type":"image/jpeg",
//! "bytes":183402,"sha256":"…","width":1600,"height":1200,"added_ms":…}]`, or `"paper":3`
//! (1-based row of the evidence table) instead of `"criterion"`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::interchange::{Expected, ImportError, ImportErrorKind};
use crate::rubric::evidence;

/// Most attachments one draft may have (a dossier of a few hundred pages fits).
pub const MAX_ATTACHMENTS: usize = 300;
/// Longest caption kept (characters); longer ones are cut.
pub const MAX_CAPTION_CHARS: usize = 300;
/// Largest PDF kept as it is (bytes). A phone's scan of a few pages is well under this; a larger
/// file is refused with a message that says how to make it smaller.
pub const MAX_PDF_BYTES: u64 = 10_000_000;
/// Largest stored image (bytes). The app's photos are re-encoded to a few hundred KB; this bounds
/// what a package or the command line may bring.
pub const MAX_IMAGE_BYTES: u64 = 8_000_000;
/// Largest total of one draft's files (bytes).
pub const MAX_DRAFT_FILE_BYTES: u64 = 200_000_000;
/// Largest picture decoded (pixels): a 50-megapixel photo would take 200 MB to decode on a cheap
/// phone. Checked from the file's header before decoding.
pub const MAX_PIXELS: u64 = 50_000_000;
/// The longest side of a stored photo (pixels), enough to read a certificate's small print.
pub const PHOTO_LONGEST_SIDE: u32 = 1600;

/// What an attachment proves.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Target {
    /// A criterion, by its code ("1.1").
    Criterion(String),
    /// A row of Mẫu 02's evidence table, 1-based (1..=15).
    Paper(u8),
}

impl Target {
    /// Whether a paper row exists.
    pub fn is_valid_paper(row: u8) -> bool {
        (1..=evidence::TABLE.len()).contains(&usize::from(row))
    }
}

/// The kinds of file kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Jpeg,
    Png,
    Pdf,
}

impl Kind {
    pub fn mime(self) -> &'static str {
        match self {
            Kind::Jpeg => "image/jpeg",
            Kind::Png => "image/png",
            Kind::Pdf => "application/pdf",
        }
    }

    pub fn from_mime(mime: &str) -> Option<Kind> {
        match mime {
            "image/jpeg" => Some(Kind::Jpeg),
            "image/png" => Some(Kind::Png),
            "application/pdf" => Some(Kind::Pdf),
            _ => None,
        }
    }

    /// The file name extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Jpeg => "jpg",
            Kind::Png => "png",
            Kind::Pdf => "pdf",
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, Kind::Jpeg | Kind::Png)
    }

    /// What the first bytes of a file say it is (never the name or the browser's guess).
    pub fn sniff(bytes: &[u8]) -> Option<Kind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(Kind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Kind::Png)
        } else if bytes.starts_with(b"%PDF-") {
            Some(Kind::Pdf)
        } else {
            None
        }
    }

    /// Largest file of this kind kept.
    pub fn max_bytes(self) -> u64 {
        if self.is_image() {
            MAX_IMAGE_BYTES
        } else {
            MAX_PDF_BYTES
        }
    }
}

/// One evidence file, as the draft records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// Unique within the draft; [`is_valid_file_id`]. Also the key of the bytes in storage.
    pub id: String,
    pub target: Target,
    pub caption: String,
    pub kind: Kind,
    /// Size of the stored bytes.
    pub bytes: u64,
    /// SHA-256 of the stored bytes, 64 lower-case hex digits.
    pub sha256: String,
    /// Pixel size of an image (absent for a PDF).
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub added_ms: u64,
}

/// A new file id from a random number (randomness is passed in): `f` and 13 base-36 digits.
pub fn file_id(random: u64) -> String {
    let mut n = random;
    let mut digits = Vec::with_capacity(13);
    for _ in 0..13 {
        let d = (n % 36) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        n /= 36;
    }
    digits.reverse();
    let mut s = String::from("f");
    s.push_str(&String::from_utf8_lossy(&digits));
    s
}

/// Whether a file id from outside may be kept: 1 to 40 ASCII letters, digits, `-` or `_` (it
/// becomes a file name in a package and a key in storage, so no dots or slashes).
pub fn is_valid_file_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
}

/// Whether `s` is a SHA-256 in lower-case hex.
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
        s.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
    }
    s
}

pub(crate) fn clip_caption(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= MAX_CAPTION_CHARS {
        s.to_string()
    } else {
        s.chars().take(MAX_CAPTION_CHARS).collect()
    }
}

/// The pixel size in a PNG's or JPEG's header, without decoding it (`None` when the header
/// cannot be read). Used to refuse an oversized picture before it is decoded.
pub fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    imagesize::blob_size(bytes)
        .ok()
        .and_then(|s| Some((u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?)))
        .filter(|(w, h)| *w > 0 && *h > 0)
}

/// Why a file cannot be attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Neither a JPEG, a PNG nor a PDF (by its first bytes).
    NotSupported,
    /// The image's header cannot be read.
    Unreadable,
    /// More pixels than [`MAX_PIXELS`].
    TooManyPixels { width: u32, height: u32 },
    /// Larger than the kind's limit.
    TooLarge { bytes: u64, limit: u64 },
    /// The draft would hold more than [`MAX_ATTACHMENTS`] files or [`MAX_DRAFT_FILE_BYTES`].
    DraftFull,
}

/// Check a file's bytes as they will be stored (after the phone's processing, or as a package or
/// the command line brings them): its kind by its first bytes, its size, an image's pixel size.
pub fn inspect(bytes: &[u8]) -> Result<(Kind, Option<(u32, u32)>), FileProblem> {
    let kind = Kind::sniff(bytes).ok_or(FileProblem::NotSupported)?;
    let len = bytes.len() as u64;
    if len > kind.max_bytes() {
        return Err(FileProblem::TooLarge {
            bytes: len,
            limit: kind.max_bytes(),
        });
    }
    if kind.is_image() {
        let (w, h) = image_size(bytes).ok_or(FileProblem::Unreadable)?;
        check_pixels(w, h)?;
        Ok((kind, Some((w, h))))
    } else {
        Ok((kind, None))
    }
}

/// Refuse a picture larger than [`MAX_PIXELS`].
pub fn check_pixels(width: u32, height: u32) -> Result<(), FileProblem> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        Err(FileProblem::TooManyPixels { width, height })
    } else {
        Ok(())
    }
}

/// The description of `bytes` as a new attachment (checked with [`inspect`]).
pub fn describe(
    id: String,
    target: Target,
    caption: &str,
    bytes: &[u8],
    added_ms: u64,
) -> Result<Attachment, FileProblem> {
    let (kind, size) = inspect(bytes)?;
    Ok(Attachment {
        id,
        target,
        caption: clip_caption(caption),
        kind,
        bytes: bytes.len() as u64,
        sha256: sha256_hex(bytes),
        width: size.map(|s| s.0),
        height: size.map(|s| s.1),
        added_ms,
    })
}

/// Whether `draft` has room for one more file of `bytes`.
pub fn has_room(list: &[Attachment], bytes: u64) -> bool {
    list.len() < MAX_ATTACHMENTS && total_bytes(list).saturating_add(bytes) <= MAX_DRAFT_FILE_BYTES
}

/// The size of all of a draft's files.
pub fn total_bytes(list: &[Attachment]) -> u64 {
    list.iter().map(|a| a.bytes).sum()
}

/// A target's attachments, in order.
pub fn of<'a>(list: &'a [Attachment], target: &'a Target) -> impl Iterator<Item = &'a Attachment> {
    list.iter().filter(move |a| &a.target == target)
}

/// Move attachment `id` one place up (`up`) or down among its target's attachments.
pub(crate) fn move_within(list: &mut [Attachment], id: &str, up: bool) {
    let Some(i) = list.iter().position(|a| a.id == id) else {
        return;
    };
    let target = list[i].target.clone();
    let same: Vec<usize> = (0..list.len())
        .filter(|j| list[*j].target == target)
        .collect();
    let Some(k) = same.iter().position(|j| *j == i) else {
        return;
    };
    let other = if up {
        k.checked_sub(1).map(|k| same[k])
    } else {
        same.get(k + 1).copied()
    };
    if let Some(j) = other {
        list.swap(i, j);
    }
}

/// The order attachments take in the dossier's annex: the criteria in the sheet's order (each
/// criterion's files in their own order), then the rows of the evidence table in its order.
/// `criteria` is the sheet's codes in order; attachments for a code the sheet lacks come last.
pub fn annex_order<'a>(list: &'a [Attachment], criteria: &[&str]) -> Vec<&'a Attachment> {
    let rank = |a: &Attachment| -> (usize, usize) {
        match &a.target {
            Target::Criterion(c) => (
                criteria
                    .iter()
                    .position(|x| x == c)
                    .unwrap_or(criteria.len() + evidence::TABLE.len()),
                0,
            ),
            Target::Paper(r) => (criteria.len() + usize::from(*r), 0),
        }
    };
    let mut out: Vec<(usize, usize, &Attachment)> = list
        .iter()
        .enumerate()
        .map(|(i, a)| (rank(a).0, i, a))
        .collect();
    out.sort_by_key(|(r, i, _)| (*r, *i));
    out.into_iter().map(|(_, _, a)| a).collect()
}

// ---- the interchange member ------------------------------------------------------------------

pub(crate) fn to_value(a: &Attachment) -> Value {
    let mut o = Map::new();
    o.insert("id".into(), a.id.clone().into());
    match &a.target {
        Target::Criterion(c) => o.insert("criterion".into(), c.clone().into()),
        Target::Paper(r) => o.insert("paper".into(), (*r).into()),
    };
    o.insert("caption".into(), a.caption.clone().into());
    o.insert("type".into(), a.kind.mime().into());
    o.insert("bytes".into(), a.bytes.into());
    o.insert("sha256".into(), a.sha256.clone().into());
    if let (Some(w), Some(h)) = (a.width, a.height) {
        o.insert("width".into(), w.into());
        o.insert("height".into(), h.into());
    }
    o.insert("added_ms".into(), a.added_ms.into());
    Value::Object(o)
}

fn bad(field: String, expected: Expected) -> ImportError {
    ImportError::new(field, ImportErrorKind::WrongType { expected })
}

fn invalid(field: String, found: String) -> ImportError {
    ImportError::new(field, ImportErrorKind::InvalidAttachment { found })
}

/// Read the `attachments` member (strict: every member typed, ids unique and plain, sizes within
/// the limits, at most [`MAX_ATTACHMENTS`]).
pub(crate) fn from_value(v: &Value) -> Result<Vec<Attachment>, ImportError> {
    let arr = v
        .as_array()
        .ok_or_else(|| bad("attachments".into(), Expected::List))?;
    if arr.len() > MAX_ATTACHMENTS {
        return Err(invalid(
            "attachments".into(),
            format!("{} > {MAX_ATTACHMENTS}", arr.len()),
        ));
    }
    let mut out: Vec<Attachment> = Vec::with_capacity(arr.len());
    for (i, item) in arr.iter().enumerate() {
        let path = |m: &str| format!("attachments.{i}.{m}");
        let o = item
            .as_object()
            .ok_or_else(|| bad(format!("attachments.{i}"), Expected::Object))?;
        let text = |m: &str| -> Result<Option<&str>, ImportError> {
            match o.get(m) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(_) => Err(bad(path(m), Expected::Text)),
            }
        };
        let number = |m: &str| -> Result<Option<u64>, ImportError> {
            match o.get(m) {
                None | Some(Value::Null) => Ok(None),
                Some(v) => v
                    .as_u64()
                    .map(Some)
                    .ok_or_else(|| bad(path(m), Expected::Number)),
            }
        };
        let id =
            text("id")?.ok_or_else(|| ImportError::new(path("id"), ImportErrorKind::Missing))?;
        if !is_valid_file_id(id) || out.iter().any(|a| a.id == id) {
            return Err(invalid(path("id"), id.chars().take(60).collect()));
        }
        let target = match (text("criterion")?, number("paper")?) {
            (Some(c), None) if !c.is_empty() && c.len() <= 16 => Target::Criterion(c.to_string()),
            (None, Some(r)) if u8::try_from(r).is_ok_and(Target::is_valid_paper) => {
                Target::Paper(r as u8)
            }
            _ => return Err(invalid(path("criterion"), "criterion/paper".into())),
        };
        let mime = text("type")?
            .ok_or_else(|| ImportError::new(path("type"), ImportErrorKind::Missing))?;
        let kind = Kind::from_mime(mime)
            .ok_or_else(|| invalid(path("type"), mime.chars().take(60).collect()))?;
        let bytes = number("bytes")?
            .ok_or_else(|| ImportError::new(path("bytes"), ImportErrorKind::Missing))?;
        if bytes == 0 || bytes > kind.max_bytes() {
            return Err(invalid(path("bytes"), bytes.to_string()));
        }
        let sha256 = text("sha256")?
            .ok_or_else(|| ImportError::new(path("sha256"), ImportErrorKind::Missing))?;
        if !is_sha256_hex(sha256) {
            return Err(invalid(path("sha256"), sha256.chars().take(70).collect()));
        }
        let dim = |m: &str| -> Result<Option<u32>, ImportError> {
            number(m)?
                .map(|n| {
                    u32::try_from(n)
                        .ok()
                        .filter(|n| (1..=100_000).contains(n))
                        .ok_or_else(|| invalid(path(m), n.to_string()))
                })
                .transpose()
        };
        let (width, height) = (dim("width")?, dim("height")?);
        let (width, height) = match (width, height) {
            (Some(w), Some(h)) if kind.is_image() => {
                check_pixels(w, h).map_err(|_| invalid(path("width"), format!("{w}×{h}")))?;
                (Some(w), Some(h))
            }
            _ => (None, None),
        };
        out.push(Attachment {
            id: id.to_string(),
            target,
            caption: clip_caption(text("caption")?.unwrap_or_default()),
            kind,
            bytes,
            sha256: sha256.to_string(),
            width,
            height,
            added_ms: number("added_ms")?.unwrap_or(0),
        });
    }
    if total_bytes(&out) > MAX_DRAFT_FILE_BYTES {
        return Err(invalid(
            "attachments".into(),
            format!("{} B > {MAX_DRAFT_FILE_BYTES} B", total_bytes(&out)),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn att(id: &str, target: Target) -> Attachment {
        Attachment {
            id: id.into(),
            target,
            caption: String::new(),
            kind: Kind::Jpeg,
            bytes: 10,
            sha256: "0".repeat(64),
            width: Some(4),
            height: Some(3),
            added_ms: 1,
        }
    }

    #[test]
    fn file_ids_are_plain_and_distinct() {
        let a = file_id(0);
        let b = file_id(u64::MAX);
        assert_eq!(a.len(), 14);
        assert!(is_valid_file_id(&a) && is_valid_file_id(&b));
        assert_ne!(a, b);
        for bad in ["", "../x", "a/b", "a.b", &"x".repeat(41)] {
            assert!(!is_valid_file_id(bad), "{bad}");
        }
    }

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(is_sha256_hex(&sha256_hex(b"")));
        assert!(!is_sha256_hex(&"A".repeat(64)));
    }

    #[test]
    fn files_are_known_by_their_first_bytes_and_sized_from_the_header() {
        assert_eq!(inspect(b"hello"), Err(FileProblem::NotSupported));
        assert_eq!(inspect(b"%PDF-1.4\n..."), Ok((Kind::Pdf, None)));
        assert_eq!(
            inspect(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
            Err(FileProblem::Unreadable)
        );
        // A PNG header claiming 10000 × 10000 pixels is refused before any decoding.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&10_000u32.to_be_bytes());
        png.extend_from_slice(&10_000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(
            inspect(&png),
            Err(FileProblem::TooManyPixels {
                width: 10_000,
                height: 10_000
            })
        );
        let big = [b"%PDF-".as_slice(), &vec![b' '; MAX_PDF_BYTES as usize]].concat();
        assert!(matches!(inspect(&big), Err(FileProblem::TooLarge { .. })));
    }

    #[test]
    fn moving_stays_within_the_target() {
        let c = Target::Criterion("1.1".into());
        let p = Target::Paper(2);
        let mut l = vec![
            att("a", c.clone()),
            att("x", p.clone()),
            att("b", c.clone()),
        ];
        move_within(&mut l, "b", true);
        assert_eq!(
            l.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["b", "x", "a"]
        );
        move_within(&mut l, "b", true);
        move_within(&mut l, "x", false);
        assert_eq!(
            l.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["b", "x", "a"],
            "the first cannot go up, the only one of its target stays"
        );
    }

    #[test]
    fn the_annex_follows_the_sheet_then_the_table() {
        let l = vec![
            att("p3", Target::Paper(3)),
            att("c2", Target::Criterion("2.1".into())),
            att("p1", Target::Paper(1)),
            att("c1a", Target::Criterion("1.1".into())),
            att("c1b", Target::Criterion("1.1".into())),
        ];
        let order: Vec<&str> = annex_order(&l, &["1.1", "2.1"])
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(order, ["c1a", "c1b", "c2", "p1", "p3"]);
    }

    #[test]
    fn the_member_round_trips_and_is_read_strictly() {
        let l = vec![
            att("a", Target::Criterion("1.1".into())),
            Attachment {
                kind: Kind::Pdf,
                width: None,
                height: None,
                ..att("b", Target::Paper(15))
            },
        ];
        let v = Value::Array(l.iter().map(to_value).collect());
        assert_eq!(from_value(&v).as_ref(), Ok(&l));
        let bad = |json: &str| from_value(&serde_json::from_str(json).unwrap_or(Value::Null));
        let one = |extra: &str| {
            format!(
                r#"[{{"id":"a","criterion":"1.1","type":"image/jpeg","bytes":5,"sha256":"{}"{extra}}}]"#,
                "0".repeat(64)
            )
        };
        assert!(bad(&one("")).is_ok());
        assert!(bad(&one(r#","paper":2"#)).is_err(), "two targets");
        assert!(
            bad(&one(r#","width":9000,"height":9000"#)).is_err(),
            "81 MP"
        );
        assert!(bad(r#"{"a":1}"#).is_err());
        assert!(bad(&one("").replace(r#""id":"a""#, r#""id":"../a""#)).is_err());
        assert!(bad(&one("").replace("image/jpeg", "text/html")).is_err());
        assert!(bad(&one("").replace(r#""bytes":5"#, r#""bytes":0"#)).is_err());
        assert!(bad(&one("").replace(r#""criterion":"1.1""#, r#""paper":16"#)).is_err());
        let twice = one("").replace(
            "}]",
            r#"},{"id":"a","paper":1,"type":"image/png","bytes":1,"sha256":"x"}]"#,
        );
        assert!(bad(&twice).is_err(), "a repeated id");
    }
}
