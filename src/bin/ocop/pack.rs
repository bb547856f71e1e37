//! `ocop pack FILE [--photo CODE=PHOTO[=CAPTION]]... -o PACKAGE.zip`: a package (the draft and
//! its evidence files, `ocop_self_check::package`) from a draft or a package and files scanned
//! on a computer.
//!
//! A draft file (.json) that already describes evidence files cannot be packed: a .json carries
//! only their descriptions, not their bytes, and a package must hold every file its draft
//! describes. Such a draft is refused, naming the first file, and the message says to pack the
//! package the app exported instead (which holds them). A package given as FILE keeps its files
//! and gets the new ones after them.
//!
//! File ids come from the file's SHA-256 (the same scan gets the same id; a second copy in one
//! draft the next free number), so packing twice gives the same package but for `added_ms`,
//! which is the clock's.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use ocop_self_check::date::Date;
use ocop_self_check::draft::attachments::{self, FileProblem, Target, MAX_PDF_BYTES};
use ocop_self_check::draft::Command;
use ocop_self_check::i18n::{package_error, package_file_problem, Lang};
use ocop_self_check::package;
use ocop_self_check::rubric::{evidence, ProductSet};

use crate::input::{load, read_at_most, FileError, Loaded, Source};
use crate::output::{self, same_file};
use crate::term;

/// Usage of the subcommand.
pub const PACK_USAGE: &str = "\
USAGE:
    ocop pack FILE [--photo CODE=PHOTO[=CAPTION]]... -o PACKAGE.zip
              [--lang vi|en] [--date DD/MM/YYYY]

    FILE                a draft (interchange format v1, JSON) or a package (.zip) whose
                        files are kept, or - for standard input; -- ends the options.
                        A draft .json that already describes evidence files is refused:
                        it does not hold their bytes (pack the app's package instead)
    --photo CODE=PHOTO  attach the file PHOTO (JPEG, PNG or PDF, known by its content;
                        an image up to 8 MB and 50 megapixels, a PDF up to 10 MB) to
                        CODE: a criterion of the draft's product set (1.1, 6.1.1) or
                        paper:N, row N (1-15) of Mẫu 02's evidence table. Repeat for
                        several files, in the order they go into the annex
    =CAPTION            the caption printed in the annex (default: the first document the
                        criterion usually needs, or the row's name, in Vietnamese). When
                        CODE=PHOTO names an existing file, the whole of it is the file name
    -o PACKAGE.zip      where to write the package (written in full beside it, then
                        renamed into place; never over FILE or a PHOTO)
    --lang              the language of the messages: vi (default) or en
    --date              the date of the package's entries (default: today, UTC)

Exit status: 0 written, 2 a bad FILE or PHOTO (each named on stderr; nothing is written),
64 usage error (an unknown CODE too), 1 cannot write.";

/// One `--photo` as given.
struct Photo {
    code: String,
    path: PathBuf,
    caption: Option<String>,
}

fn usage(msg: &str) -> u8 {
    term::err(&format!("ocop pack: {msg}\n\n{PACK_USAGE}"));
    64
}

/// Split `CODE=PHOTO[=CAPTION]`: CODE up to the first `=`; then, if the rest names an existing
/// file, all of it is the file; else up to the next `=` is the file and the rest the caption.
fn parse_photo(arg: &OsStr) -> Option<Photo> {
    #[cfg(unix)]
    let (code, rest): (String, OsString) = {
        use std::os::unix::ffi::OsStrExt;
        let b = arg.as_bytes();
        let i = b.iter().position(|c| *c == b'=')?;
        (
            String::from_utf8(b[..i].to_vec()).ok()?,
            OsStr::from_bytes(&b[i + 1..]).to_os_string(),
        )
    };
    #[cfg(not(unix))]
    let (code, rest): (String, OsString) = {
        let s = arg.to_string_lossy().into_owned();
        let (c, r) = s.split_once('=')?;
        (c.to_string(), OsString::from(r))
    };
    let code = code.trim().to_string();
    if code.is_empty() || rest.is_empty() {
        return None;
    }
    if Path::new(&rest).exists() {
        return Some(Photo {
            code,
            path: rest.into(),
            caption: None,
        });
    }
    #[cfg(unix)]
    let (file, caption) = {
        use std::os::unix::ffi::OsStrExt;
        let b = rest.as_bytes();
        match b.iter().position(|c| *c == b'=') {
            Some(i) => (
                OsStr::from_bytes(&b[..i]).to_os_string(),
                Some(String::from_utf8_lossy(&b[i + 1..]).into_owned()),
            ),
            None => (rest.clone(), None),
        }
    };
    #[cfg(not(unix))]
    let (file, caption) = {
        let s = rest.to_string_lossy().into_owned();
        match s.split_once('=') {
            Some((f, c)) => (OsString::from(f), Some(c.to_string())),
            None => (rest.clone(), None),
        }
    };
    (!file.is_empty()).then(|| Photo {
        code,
        path: file.into(),
        caption,
    })
}

/// What CODE names in `set`: a criterion, or `paper:N` a row of the evidence table.
fn target(set: &ProductSet, code: &str) -> Option<Target> {
    if let Some(n) = code.strip_prefix("paper:") {
        let row: u8 = n.trim().parse().ok()?;
        return Target::is_valid_paper(row).then_some(Target::Paper(row));
    }
    set.criterion(code)?;
    Some(Target::Criterion(code.to_string()))
}

/// The default caption (Vietnamese, as the filing copy prints it): the first document the
/// criterion usually needs, or the evidence table row's content.
fn default_caption(set: &ProductSet, target: &Target) -> String {
    match target {
        Target::Criterion(code) => evidence::for_criterion(set, code)
            .first()
            .map(|e| e.vi.to_string())
            .unwrap_or_default(),
        Target::Paper(row) => evidence::TABLE
            .get(usize::from(*row).saturating_sub(1))
            .map(|r| r.content.0.to_string())
            .unwrap_or_default(),
    }
}

/// A free id for `bytes`: from its SHA-256, the next number along while taken.
fn id_for(sha256: &str, taken: impl Fn(&str) -> bool) -> String {
    let seed = u64::from_str_radix(&sha256[..16.min(sha256.len())], 16).unwrap_or(0);
    let mut n = seed;
    loop {
        let id = attachments::file_id(n);
        if !taken(&id) {
            return id;
        }
        n = n.wrapping_add(1);
    }
}

/// Whether a JPEG's scan data ends with the end-of-image marker (FF D9 after the first
/// start-of-scan FF DA; inside the scan an FF byte is always followed by 00 or a restart marker,
/// so FF D9 there is the end). A scan cut short (a copy broken off, a download stopped) lacks
/// it, though its header, all `attachments::inspect` reads, is whole.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let Some(sos) = bytes.windows(2).position(|w| w == [0xFF, 0xDA]) else {
        return false;
    };
    bytes[sos..].windows(2).any(|w| w == [0xFF, 0xD9])
}

/// Why a `--photo` file could not be read: the system's error, or its size.
enum PhotoError {
    Read(String),
    Problem(FileProblem),
}

/// The bytes of a `--photo` file, read up to the largest kind's limit (a larger regular file is
/// refused by its size before reading).
fn read_photo(path: &Path) -> Result<Vec<u8>, PhotoError> {
    let limit = MAX_PDF_BYTES.max(attachments::MAX_IMAGE_BYTES);
    let read = |e: std::io::Error| PhotoError::Read(format!("cannot read: {e}"));
    let meta = std::fs::metadata(path).map_err(read)?;
    if meta.is_dir() {
        return Err(PhotoError::Read("cannot read: it is a directory".into()));
    }
    let too_large = |bytes| PhotoError::Problem(FileProblem::TooLarge { bytes, limit });
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(read)?;
    match read_at_most(file, limit as usize) {
        Ok(b) => Ok(b),
        Err(FileError::TooLong { .. }) => Err(too_large(limit + 1)),
        Err(e) => Err(PhotoError::Read(e.to_string())),
    }
}

/// Run `ocop pack` with the arguments after the subcommand; returns the exit status.
pub fn run_pack(args: Vec<OsString>) -> u8 {
    let mut input: Option<Source> = None;
    let mut out: Option<PathBuf> = None;
    let mut photos: Vec<Photo> = Vec::new();
    let mut lang = Lang::Vi;
    let mut date: Option<Date> = None;
    let mut options_ended = false;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let opt = if options_ended { None } else { a.to_str() };
        match opt {
            Some("--") => options_ended = true,
            Some("-h" | "--help") => {
                return match term::out(PACK_USAGE) {
                    Ok(()) => 0,
                    Err(()) => 1,
                }
            }
            Some("-o" | "--output") => match it.next() {
                Some(p) => out = Some(p.into()),
                None => return usage("-o needs a file name"),
            },
            Some("--photo") => {
                let Some(p) = it.next() else {
                    return usage("--photo needs CODE=PHOTO");
                };
                match parse_photo(&p) {
                    Some(photo) => photos.push(photo),
                    None => {
                        return usage(&format!(
                            "--photo {}: expected CODE=PHOTO or CODE=PHOTO=CAPTION (CODE 1.1 or paper:3)",
                            term::name(&p)
                        ))
                    }
                }
            }
            Some("--lang") => match crate::input::lang_value(it.next()) {
                Ok(l) => lang = l,
                Err(m) => return usage(&m),
            },
            Some("--date") => match crate::input::date_value(it.next()) {
                Ok(d) => date = Some(d),
                Err(m) => return usage(&m),
            },
            Some(s) if s.starts_with('-') && s.len() > 1 => {
                return usage(&format!("unknown option {}", term::safe(s)))
            }
            _ => {
                if input.is_some() {
                    return usage("give one FILE");
                }
                input = Some(if options_ended {
                    Source::File(a.into())
                } else {
                    Source::from_arg(a)
                });
            }
        }
    }
    let Some(input) = input else {
        return usage("no FILE given");
    };
    let Some(out) = out else {
        return usage("say where to write: -o PACKAGE.zip");
    };
    if let Source::File(inp) = &input {
        if same_file(inp, &out) {
            return usage(&format!(
                "{}: the output would overwrite the input FILE",
                term::name(out.as_os_str())
            ));
        }
    }
    if let Some(p) = photos.iter().find(|p| same_file(&p.path, &out)) {
        return usage(&format!(
            "{}: the output would overwrite a --photo file",
            term::name(p.path.as_os_str())
        ));
    }
    let Loaded {
        draft: mut d,
        set,
        mut files,
        is_package,
    } = match load(&input) {
        Ok(x) => x,
        Err(e) => {
            term::err(&format!(
                "{}: {}",
                input.shown(),
                term::safe(&e.message(lang))
            ));
            return 2;
        }
    };
    if !is_package {
        if let Some(a) = d.attachments.first() {
            term::err(&format!(
                "{}: {}",
                input.shown(),
                term::safe(&lang.pick(
                    format!("bản nháp này mô tả {} tệp minh chứng (tệp đầu tiên: {} “{}”) nhưng tệp .json không chứa nội dung các tệp đó, nên không đóng gói được. Hãy dùng gói .zip xuất từ ứng dụng (gói có đủ các tệp) làm FILE.", d.attachments.len(), a.id, a.caption),
                    format!("this draft describes {} evidence files (the first: {} “{}”) but a .json file does not hold their content, so it cannot be packed. Give the package .zip exported by the app (which holds them) as FILE.", d.attachments.len(), a.id, a.caption),
                ))
            ));
            return 2;
        }
    }
    // Every CODE is checked before any file is read.
    let mut targets = Vec::with_capacity(photos.len());
    for p in &photos {
        match target(&set, &p.code) {
            Some(t) => targets.push(t),
            None => {
                return usage(&format!(
                    "--photo {}: {}",
                    term::safe(&p.code),
                    lang.pick(
                        format!("bộ sản phẩm {} không có tiêu chí này; hãy dùng mã tiêu chí (1.1) hoặc paper:N, N từ 1 đến {} (hàng của bảng minh chứng Mẫu 02)", set.id, evidence::TABLE.len()),
                        format!("the product set {} has no such criterion; give a criterion code (1.1) or paper:N, N from 1 to {} (a row of Mẫu 02's evidence table)", set.id, evidence::TABLE.len()),
                    )
                ))
            }
        }
    }
    let now = output::now_ms();
    let mut bad = false;
    for (p, t) in photos.iter().zip(targets) {
        let shown = term::name(p.path.as_os_str());
        let bytes = match read_photo(&p.path) {
            Ok(b) => b,
            Err(PhotoError::Read(e)) => {
                term::err(&format!("{shown}: {}", term::safe(&e)));
                bad = true;
                continue;
            }
            Err(PhotoError::Problem(problem)) => {
                term::err(&package_file_problem(lang, &shown, &problem));
                bad = true;
                continue;
            }
        };
        let sha = attachments::sha256_hex(&bytes);
        let id = id_for(&sha, |id| {
            files.contains_key(id) || d.attachments.iter().any(|a| a.id == id)
        });
        let caption = p
            .caption
            .clone()
            .unwrap_or_else(|| default_caption(&set, &t));
        let described = attachments::describe(id.clone(), t, &caption, &bytes, now).and_then(|a| {
            if a.kind == attachments::Kind::Jpeg && !jpeg_is_complete(&bytes) {
                Err(FileProblem::Unreadable)
            } else if attachments::has_room(&d.attachments, a.bytes) {
                Ok(a)
            } else {
                Err(FileProblem::DraftFull)
            }
        });
        match described {
            Ok(a) => {
                d = d.apply(Command::AddAttachment(a), now);
                files.insert(id, bytes);
            }
            Err(problem) => {
                term::err(&package_file_problem(lang, &shown, &problem));
                bad = true;
            }
        }
    }
    if bad {
        return 2;
    }
    let today = date.or_else(output::today_utc);
    let zip = match package::write(&d, &files, today) {
        Ok(z) => z,
        Err(e) => {
            term::err(&format!(
                "{}: {}",
                input.shown(),
                term::safe(&package_error(lang, &e))
            ));
            return 2;
        }
    };
    if let Err(code) = output::write_all(&[(out.as_path(), zip.as_slice())]) {
        return code;
    }
    let total = attachments::total_bytes(&d.attachments);
    let line = lang.pick(
        format!(
            "{}: {} tệp minh chứng ({} mới; các tệp {} byte), gói {} byte",
            term::name(out.as_os_str()),
            d.attachments.len(),
            photos.len(),
            total,
            zip.len()
        ),
        format!(
            "{}: {} evidence files ({} new; {} bytes of files), package {} bytes",
            term::name(out.as_os_str()),
            d.attachments.len(),
            photos.len(),
            total,
            zip.len()
        ),
    );
    match term::out(&line) {
        Ok(()) => 0,
        Err(()) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photo_arguments() {
        let p = parse_photo(OsStr::new("1.1=/no/such/dir/scan.jpg=Giấy chứng nhận")).expect("ok");
        assert_eq!(p.code, "1.1");
        assert_eq!(p.path, PathBuf::from("/no/such/dir/scan.jpg"));
        assert_eq!(p.caption.as_deref(), Some("Giấy chứng nhận"));
        let p = parse_photo(OsStr::new("paper:3=a.png")).expect("ok");
        assert_eq!((p.code.as_str(), p.caption), ("paper:3", None));
        for bad in ["1.1", "=a.jpg", "1.1=", "1.1=="] {
            assert!(parse_photo(OsStr::new(bad)).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_jpeg_cut_short_is_told_apart() {
        let whole = include_bytes!("../../../tests/fixtures/evidence/certificate.jpg");
        let cut = include_bytes!("../../../tests/fixtures/evidence/corrupt.jpg");
        assert!(jpeg_is_complete(whole));
        assert!(!jpeg_is_complete(cut));
    }

    #[test]
    fn ids_follow_the_checksum_and_skip_taken_ones() {
        let sha = attachments::sha256_hex(b"x");
        let a = id_for(&sha, |_| false);
        assert!(attachments::is_valid_file_id(&a));
        let b = id_for(&sha, |id| id == a);
        assert_ne!(a, b);
        assert_eq!(a, id_for(&sha, |_| false), "deterministic");
    }
}
