//! A small, strict ZIP reader (PKWARE APPNOTE 6.3) for the evidence package: the central
//! directory is read, every local header checked against it, and an entry's data inflated with
//! `miniz_oxide` into a buffer of exactly its declared size.
//!
//! Why not the `zip` crate: measured on 2026-12-01, `zip` 2.x with deflate costs 121,302 B raw /
//! 55,411 B brotli of wasm on its own, while `miniz_oxide`'s inflate is 28,710 / 10,833 B and the
//! app already carries it (share links, `src/share`). The `zip` crate stays a dev-dependency: the
//! tests read our packages back with it and build bad ones.
//!
//! What is refused, before any data is inflated: no end record, or one not at the very end; a
//! split or multi-disk archive; ZIP64 (any 0xFFFF/0xFFFFFFFF field, the ZIP64 locator or extra
//! field); encryption (flag bits 0, 6, 13 or method 99); a data descriptor or another unknown flag;
//! methods other than stored (0) and deflate (8); a central record that disagrees with its local
//! header (flags, method, time, CRC, sizes, name); entries that are not laid end to end from byte 0
//! up to the central directory (no gap, no overlap, nothing hidden); a directory or a symbolic
//! link; unsafe names (empty, `..`, a leading `/` or `\`, a drive letter or any `:`, backslashes,
//! control characters, not UTF-8, over 255 bytes) and names equal once case and `./` or `//`
//! are set aside. Then, entry by entry as asked: inflation past the declared size (a zip bomb
//! stops at the first byte too many), a stream that ends early or leaves bytes unused, a CRC-32
//! that does not match.

use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::{Feature, PackageError, PackageErrorKind};
use crate::dossier::zip::crc32;

/// Longest entry name accepted (bytes).
pub const MAX_NAME_BYTES: usize = 255;
/// DEFLATE cannot compress more than about 1032:1; a declared size beyond that ratio is a lie.
const MAX_DEFLATE_RATIO: u64 = 1032;

const LOCAL: u32 = 0x0403_4b50;
const CENTRAL: u32 = 0x0201_4b50;
const END: u32 = 0x0605_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const SPLIT: u32 = 0x0807_4b50;

/// One entry as the central directory and its local header agree it is.
#[derive(Clone, Debug)]
pub struct RawEntry {
    pub name: String,
    pub method: u16,
    pub crc: u32,
    /// Declared uncompressed size.
    pub size: u64,
    /// Where the entry's (compressed) data lies in the archive.
    pub data: std::ops::Range<usize>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        *b.get(at + 3)?,
    ]))
}

fn whole(kind: PackageErrorKind) -> PackageError {
    PackageError::new("", kind)
}

fn damaged(entry: &str) -> PackageError {
    PackageError::new(entry, PackageErrorKind::Damaged)
}

/// The end record: (entries, central directory size, its offset). It must end the file
/// (its comment, if any, running exactly to the last byte).
fn end_record(b: &[u8]) -> Result<(u16, u32, u32, usize), PackageError> {
    if u32_at(b, 0) == Some(SPLIT) {
        return Err(whole(PackageErrorKind::Unsupported(Feature::MultiDisk)));
    }
    if b.len() < 22 {
        return Err(whole(PackageErrorKind::NotAZip));
    }
    let lowest = b.len().saturating_sub(22 + usize::from(u16::MAX));
    let mut at = b.len() - 22;
    loop {
        if u32_at(b, at) == Some(END)
            && u16_at(b, at + 20).map(usize::from) == Some(b.len() - at - 22)
        {
            break;
        }
        if at == lowest {
            return Err(whole(PackageErrorKind::NotAZip));
        }
        at -= 1;
    }
    let field = |o: usize| u16_at(b, at + o).ok_or_else(|| whole(PackageErrorKind::NotAZip));
    let (disk, cd_disk, here, total) = (field(4)?, field(6)?, field(8)?, field(10)?);
    let cd_size = u32_at(b, at + 12).ok_or_else(|| whole(PackageErrorKind::NotAZip))?;
    let cd_offset = u32_at(b, at + 16).ok_or_else(|| whole(PackageErrorKind::NotAZip))?;
    if (at >= 20 && u32_at(b, at - 20) == Some(ZIP64_LOCATOR))
        || [here, total].contains(&u16::MAX)
        || [cd_size, cd_offset].contains(&u32::MAX)
    {
        return Err(whole(PackageErrorKind::Unsupported(Feature::Zip64)));
    }
    if disk != 0 || cd_disk != 0 || here != total {
        return Err(whole(PackageErrorKind::Unsupported(Feature::MultiDisk)));
    }
    Ok((total, cd_size, cd_offset, at))
}

/// Whether an extra field block holds a ZIP64 record (header id 1). `None`: malformed.
fn has_zip64_extra(extra: &[u8]) -> Option<bool> {
    let mut i = 0;
    while i < extra.len() {
        let id = u16_at(extra, i)?;
        let len = usize::from(u16_at(extra, i + 2)?);
        if id == 1 {
            return Some(true);
        }
        i = i.checked_add(4 + len)?;
        if i > extra.len() {
            return None;
        }
    }
    Some(false)
}

/// The name's problem, if it is not a plain relative path.
fn unsafe_name(raw: &[u8], utf8_flag: bool) -> Option<String> {
    let lossy = String::from_utf8_lossy(raw).into_owned();
    let Ok(name) = std::str::from_utf8(raw) else {
        return Some(lossy);
    };
    let bad = name.is_empty()
        || raw.len() > MAX_NAME_BYTES
        // Without bit 11 a name is CP437 for other readers: only ASCII reads the same everywhere.
        || (!utf8_flag && !name.is_ascii())
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains(':')
        || name.chars().any(char::is_control)
        || name.split('/').any(|c| c == "..");
    bad.then_some(lossy)
}

/// The form two names must not share: case folded, `.` and empty components dropped.
fn folded(name: &str) -> String {
    name.split('/')
        .filter(|c| !c.is_empty() && *c != ".")
        .collect::<Vec<_>>()
        .join("/")
        .to_lowercase()
}

/// Read and check the whole directory structure (nothing is inflated). `limit_for(name)` is the
/// largest declared size accepted for an entry of that name; `total_limit` bounds their sum;
/// `max_entries` their number.
pub fn entries(
    b: &[u8],
    limit_for: impl Fn(&str) -> u64,
    total_limit: u64,
    max_entries: usize,
) -> Result<Vec<RawEntry>, PackageError> {
    let (count, cd_size, cd_offset, end_at) = end_record(b)?;
    if usize::from(count) > max_entries {
        return Err(whole(PackageErrorKind::TooManyEntries {
            count: usize::from(count),
            limit: max_entries,
        }));
    }
    let (cd_start, cd_len) = (cd_offset as usize, cd_size as usize);
    if cd_start.checked_add(cd_len) != Some(end_at) {
        return Err(whole(PackageErrorKind::Damaged));
    }
    let cd = &b[cd_start..end_at];
    let mut out: Vec<RawEntry> = Vec::with_capacity(usize::from(count));
    let mut seen: Vec<(String, String)> = Vec::new();
    let mut at = 0usize;
    // Where the next local header must start: entries are laid end to end from byte 0.
    let mut next_local = 0usize;
    let mut total = 0u64;
    for _ in 0..count {
        let h = |o: usize| u16_at(cd, at + o).ok_or_else(|| whole(PackageErrorKind::Damaged));
        let w = |o: usize| u32_at(cd, at + o).ok_or_else(|| whole(PackageErrorKind::Damaged));
        if w(0)? != CENTRAL {
            return Err(whole(PackageErrorKind::Damaged));
        }
        let (flags, method, time, date) = (h(8)?, h(10)?, h(12)?, h(14)?);
        let (crc, csize, size) = (w(16)?, w(20)?, w(24)?);
        let (name_len, extra_len, comment_len) = (
            usize::from(h(28)?),
            usize::from(h(30)?),
            usize::from(h(32)?),
        );
        let (disk_start, external, offset) = (h(34)?, w(38)?, w(42)?);
        let name_at = at + 46;
        let raw_name = cd
            .get(name_at..name_at + name_len)
            .ok_or_else(|| whole(PackageErrorKind::Damaged))?;
        let extra = cd
            .get(name_at + name_len..name_at + name_len + extra_len)
            .ok_or_else(|| whole(PackageErrorKind::Damaged))?;
        at = name_at + name_len + extra_len + comment_len;
        if at > cd.len() {
            return Err(whole(PackageErrorKind::Damaged));
        }
        if let Some(lossy) = unsafe_name(raw_name, flags & (1 << 11) != 0) {
            return Err(PackageError::new(lossy, PackageErrorKind::UnsafeName));
        }
        let name = String::from_utf8_lossy(raw_name).into_owned();
        let fail = |kind| Err(PackageError::new(name.as_str(), kind));
        if [csize, size, offset].contains(&u32::MAX) || has_zip64_extra(extra) != Some(false) {
            return fail(PackageErrorKind::Unsupported(Feature::Zip64));
        }
        if disk_start != 0 {
            return fail(PackageErrorKind::Unsupported(Feature::MultiDisk));
        }
        if flags & (1 | 1 << 6 | 1 << 13) != 0 || method == 99 {
            return fail(PackageErrorKind::Unsupported(Feature::Encryption));
        }
        if flags & (1 << 3) != 0 {
            return fail(PackageErrorKind::Unsupported(Feature::DataDescriptor));
        }
        // Bits 1–2 are DEFLATE's level hint, bit 11 UTF-8; anything else changes the format.
        if flags & !(0b110 | 1 << 11) != 0 {
            return fail(PackageErrorKind::Unsupported(Feature::Flags(flags)));
        }
        if method != 0 && method != 8 {
            return fail(PackageErrorKind::Unsupported(Feature::Method(method)));
        }
        // MS-DOS directory bit, or a Unix directory or symbolic link in the high half.
        let unix = external >> 16 & 0o170_000;
        if name.ends_with('/') || external & 0x10 != 0 || unix == 0o040_000 || unix == 0o120_000 {
            return fail(PackageErrorKind::NotAFile);
        }
        let key = folded(&name);
        if let Some((first, _)) = seen.iter().find(|(_, k)| *k == key) {
            return fail(PackageErrorKind::Duplicate {
                first: first.clone(),
            });
        }
        seen.push((name.clone(), key));
        let (size, csize) = (u64::from(size), u64::from(csize));
        let limit = limit_for(&name);
        if size > limit {
            return fail(PackageErrorKind::TooLarge { bytes: size, limit });
        }
        total = total.saturating_add(size);
        if total > total_limit {
            return fail(PackageErrorKind::TooLarge {
                bytes: total,
                limit: total_limit,
            });
        }
        if method == 0 && size != csize {
            return fail(PackageErrorKind::Damaged);
        }
        if method == 8 && size > csize.saturating_mul(MAX_DEFLATE_RATIO).max(64) {
            return fail(PackageErrorKind::Bomb {
                compressed: csize,
                declared: size,
            });
        }
        // The local header, which must say the same and start where the previous entry ended.
        let lo = offset as usize;
        if lo != next_local {
            return fail(PackageErrorKind::Damaged);
        }
        let lh = |o: usize| u16_at(b, lo + o).ok_or_else(|| damaged(&name));
        let lw = |o: usize| u32_at(b, lo + o).ok_or_else(|| damaged(&name));
        if lw(0)? != LOCAL {
            return fail(PackageErrorKind::Damaged);
        }
        let (l_name_len, l_extra_len) = (usize::from(lh(26)?), usize::from(lh(28)?));
        let l_name = b.get(lo + 30..lo + 30 + l_name_len);
        let l_extra = b
            .get(lo + 30 + l_name_len..lo + 30 + l_name_len + l_extra_len)
            .ok_or_else(|| damaged(&name))?;
        if has_zip64_extra(l_extra) != Some(false) {
            return fail(PackageErrorKind::Unsupported(Feature::Zip64));
        }
        if (lh(6)?, lh(8)?, lh(10)?, lh(12)?) != (flags, method, time, date)
            || (lw(14)?, u64::from(lw(18)?), u64::from(lw(22)?)) != (crc, csize, size)
            || l_name != Some(raw_name)
        {
            return fail(PackageErrorKind::HeaderMismatch);
        }
        let data_at = lo + 30 + l_name_len + l_extra_len;
        let data_end = data_at
            .checked_add(csize as usize)
            .filter(|e| *e <= cd_start)
            .ok_or_else(|| damaged(&name))?;
        next_local = data_end;
        out.push(RawEntry {
            name,
            method,
            crc,
            size,
            data: data_at..data_end,
        });
    }
    // Every central record read, the directory used up, and no byte between the last entry and
    // the directory.
    if at != cd.len() || next_local != cd_start {
        return Err(whole(PackageErrorKind::Damaged));
    }
    Ok(out)
}

/// The bytes of `e`: inflated into a buffer of exactly its declared size (a stream that would
/// write one byte more stops there), then checked against its CRC-32.
pub fn data(b: &[u8], e: &RawEntry) -> Result<Vec<u8>, PackageError> {
    let fail = |kind| PackageError::new(e.name.as_str(), kind);
    let input = b
        .get(e.data.clone())
        .ok_or_else(|| fail(PackageErrorKind::Damaged))?;
    let size = usize::try_from(e.size).map_err(|_| fail(PackageErrorKind::Damaged))?;
    let bytes = if e.method == 0 {
        input.to_vec()
    } else {
        let mut out = vec![0u8; size];
        let mut r = Box::<DecompressorOxide>::default();
        let (status, used, written) = decompress(
            &mut r,
            input,
            &mut out,
            0,
            inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        match status {
            TINFLStatus::Done if written == size && used == input.len() => out,
            TINFLStatus::HasMoreOutput => {
                return Err(fail(PackageErrorKind::InflatesPastSize {
                    declared: e.size,
                }))
            }
            _ => return Err(fail(PackageErrorKind::CorruptData)),
        }
    };
    if crc32(&bytes) != e.crc {
        return Err(fail(PackageErrorKind::CrcMismatch));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_plain_relative_paths() {
        for ok in ["manifest.json", "files/f1.jpg", "a/b c/đ.png"] {
            assert_eq!(unsafe_name(ok.as_bytes(), true), None, "{ok}");
        }
        for bad in [
            "",
            "../x",
            "files/../../x",
            "/etc/passwd",
            "\\x",
            "a\\b",
            "C:x",
            "c:/x",
            "a\u{1}b",
            "a\u{9b}b",
            "x.jpg:stream",
        ] {
            assert!(unsafe_name(bad.as_bytes(), true).is_some(), "{bad:?}");
        }
        assert!(unsafe_name(b"\xff.jpg", true).is_some(), "not UTF-8");
        assert!(unsafe_name("đ.png".as_bytes(), false).is_some(), "CP437?");
        assert_eq!(folded("Files/./F1.JPG"), folded("files//f1.jpg"));
    }

    #[test]
    fn extra_fields_are_walked() {
        assert_eq!(has_zip64_extra(&[]), Some(false));
        assert_eq!(has_zip64_extra(&[0x55, 0x54, 1, 0, 7]), Some(false));
        assert_eq!(has_zip64_extra(&[1, 0, 0, 0]), Some(true));
        assert_eq!(has_zip64_extra(&[0x55, 0x54, 9, 0, 7]), None);
    }
}
