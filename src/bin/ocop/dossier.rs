//! `ocop dossier FILE -o OUT.docx [--html OUT.html] [--working OUT.docx] [--working-html OUT.html]
//! [--mau03 OUT.docx] [--mau03-html OUT.html] [--lang vi|en] [--date DD/MM/YYYY]`: write the
//! documents of one draft (interchange v1): the filing copy (Mẫu 01, Mẫu 02 and its evidence
//! annex), the producer's working copy, Mẫu 03 for the commune.
//!
//! A module of the `ocop` binary (`src/bin/ocop/main.rs`); the entry point is [`run_dossier`],
//! called by `cli.rs`. The draft is read by [`crate::input::load_draft`], like `ocop assess`'s.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use ocop_self_check::date::{self, Date};
use ocop_self_check::dossier::{self, Document};
use ocop_self_check::i18n::Lang;

use crate::input::{load_draft, Source};
use crate::term;

/// Usage of the subcommand.
pub const DOSSIER_USAGE: &str = "\
USAGE:
    ocop dossier FILE [-o OUT.docx] [--html OUT.html] [--working OUT.docx]
                 [--working-html OUT.html] [--mau03 OUT.docx] [--mau03-html OUT.html]
                 [--lang vi|en] [--date DD/MM/YYYY]

    FILE                a draft in the interchange format v1 (JSON), as exported by the app,
                        or - for standard input; -- ends the options
    -o OUT.docx         the filing copy (Mẫu 01, Mẫu 02 and its evidence annex) as an
                        editable Word document
    --html FILE         the filing copy as a printable HTML page
    --working FILE      the working copy (never filed: the estimate, the star minimums not
                        met, what is still blank, advice) as a Word document
    --working-html FILE the working copy as a printable HTML page
    --mau03 FILE        Mẫu 03, the commune's report on the dossier, drafted for the commune
                        officer to complete, as a Word document
    --mau03-html FILE   Mẫu 03 as a printable HTML page
    --lang              vi (default: the copy to file) or en (an English reading copy)
    --date              date printed on the forms (default: today, UTC)

At least one output. An output that names the input FILE, or two outputs naming one file, is
refused before anything is read. Each output is written in full beside its place, then renamed
into it.

Exit status: 0 written, 2 bad input file (named on stderr), 64 usage error, 1 cannot write.";

/// Run `ocop dossier` with the arguments after the subcommand; returns the exit status.
pub fn run_dossier(args: Vec<OsString>) -> u8 {
    let mut input: Option<Source> = None;
    // (document, HTML or not) → where to write it; in the order asked.
    let mut wanted: Vec<(Document, bool, &'static str, PathBuf)> = Vec::new();
    let mut lang = Lang::Vi;
    let mut date: Option<Date> = None;
    let mut options_ended = false;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let opt = if options_ended { None } else { a.to_str() };
        match opt {
            Some("--") => options_ended = true,
            Some("-h" | "--help") => {
                return match term::out(DOSSIER_USAGE) {
                    Ok(()) => 0,
                    Err(()) => 1,
                }
            }
            Some(
                o @ ("-o" | "--output" | "--docx" | "--html" | "--working" | "--working-html"
                | "--mau03" | "--mau03-html"),
            ) => {
                let (doc, is_html, o): (_, _, &'static str) = match o {
                    "--html" => (Document::Filing, true, "--html"),
                    "--working" => (Document::Working, false, "--working"),
                    "--working-html" => (Document::Working, true, "--working-html"),
                    "--mau03" => (Document::Mau03, false, "--mau03"),
                    "--mau03-html" => (Document::Mau03, true, "--mau03-html"),
                    _ => (Document::Filing, false, "-o"),
                };
                let Some(p) = it.next() else {
                    return usage(&format!("{o} needs a file name"));
                };
                // The same option twice: the last one counts.
                wanted.retain(|(d, h, _, _)| (*d, *h) != (doc, is_html));
                wanted.push((doc, is_html, o, p.into()));
            }
            Some("--lang") => match it
                .next()
                .as_deref()
                .and_then(|t| t.to_str())
                .and_then(Lang::from_tag)
            {
                Some(l) => lang = l,
                None => return usage("--lang needs vi or en"),
            },
            Some("--date") => match it.next() {
                Some(d) => match d.to_str().map(date::parse_date) {
                    Some(Ok(d)) => date = Some(d),
                    _ => {
                        return usage(&format!(
                            "--date: cannot read {} as DD/MM/YYYY",
                            term::name(&d)
                        ))
                    }
                },
                None => return usage("--date needs a date"),
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
    let outputs: Vec<&PathBuf> = wanted.iter().map(|(_, _, _, p)| p).collect();
    if outputs.is_empty() {
        return usage(
            "say where to write: -o OUT.docx, --html OUT.html, --working OUT.docx, --mau03 OUT.docx…",
        );
    }
    // Never write over the draft being read, nor write both outputs to one file.
    if let Source::File(inp) = &input {
        if let Some(o) = outputs.iter().find(|o| same_file(inp, o)) {
            return usage(&format!(
                "{}: the output would overwrite the input FILE",
                term::name(o.as_os_str())
            ));
        }
    }
    for (i, (_, _, o1, a)) in wanted.iter().enumerate() {
        if let Some((_, _, o2, _)) = wanted[i + 1..].iter().find(|(_, _, _, b)| same_file(a, b)) {
            return usage(&format!(
                "{}: {o1} and {o2} name the same file",
                term::name(a.as_os_str())
            ));
        }
    }
    let (d, set) = match load_draft(&input) {
        Ok(x) => x,
        Err(e) => {
            term::err(&format!(
                "{}: {}",
                input.shown(),
                term::safe(&e.to_string())
            ));
            return 2;
        }
    };
    let today = date.or_else(today_utc);
    let mut files: Vec<(&PathBuf, Vec<u8>)> = Vec::new();
    let mut filing = None;
    for (which, is_html, _, p) in &wanted {
        let doc = dossier::from_draft(&set, &d, lang, today, *which);
        files.push((
            p,
            if *is_html {
                dossier::render_html(&doc).into_bytes()
            } else {
                dossier::render_docx(&doc)
            },
        ));
        if *which != Document::Mau03 {
            filing.get_or_insert(doc);
        }
    }
    // A regular file (or a new one) is written to a temporary file beside it and renamed into
    // place once every output is complete, so a full disk or a killed process never leaves half
    // a file. Anything else (a device such as /dev/stdout, a pipe) is written directly: renaming
    // over it would replace it.
    let mut ready = Vec::new();
    for (path, bytes) in &files {
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
                return 1;
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
            return 1;
        }
    }
    // What the filing copy still leaves blank, as the app counts it.
    let blanks = ocop_self_check::draft::blanks(&d, &set).len();
    if blanks > 0 && filing.is_some() {
        term::err(&format!(
            "{}: {} — {} {}",
            input.shown(),
            term::safe(d.display_name(&set.name.vi)),
            blanks,
            lang.pick(
                "chỗ trống cần bổ sung (xem bản làm việc: --working)",
                "blanks to complete (see the working copy: --working)"
            )
        ));
    }
    0
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
fn same_file(a: &Path, b: &Path) -> bool {
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

fn usage(msg: &str) -> u8 {
    term::err(&format!("ocop dossier: {msg}\n\n{DOSSIER_USAGE}"));
    64
}

/// Today's date (UTC), from the system clock (the CLI is the edge that may read it).
fn today_utc() -> Option<Date> {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(0))
        .unwrap_or(0);
    date::from_unix_ms(ms)
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
