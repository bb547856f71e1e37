//! `ocop dossier FILE -o OUT.docx [--html OUT.html] [--working OUT.docx] [--working-html OUT.html]
//! [--mau03 OUT.docx] [--mau03-html OUT.html] [--lang vi|en] [--date DD/MM/YYYY]`: write the
//! documents of one draft (interchange v1): the filing copy (Mẫu 01, Mẫu 02 and its evidence
//! annex), the producer's working copy, Mẫu 03 for the commune.
//!
//! A module of the `ocop` binary (`src/bin/ocop/main.rs`); the entry point is [`run_dossier`],
//! called by `cli.rs`. The draft (or package) is read by [`crate::input::load`], like
//! `ocop assess`'s; a package's files go to `dossier::from_draft_with_files`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use ocop_self_check::date::Date;
use ocop_self_check::dossier::{self, Document};
use ocop_self_check::i18n::Lang;

use crate::input::{load, Loaded, Source};
use crate::output::{self, same_file, today_utc};
use crate::term;

/// Usage of the subcommand.
pub const DOSSIER_USAGE: &str = "\
USAGE:
    ocop dossier FILE [-o OUT.docx] [--html OUT.html] [--working OUT.docx]
                 [--working-html OUT.html] [--mau03 OUT.docx] [--mau03-html OUT.html]
                 [--lang vi|en] [--date DD/MM/YYYY]

    FILE                a draft in the interchange format v1 (JSON) as exported by the app,
                        or a package (.zip: the draft with its evidence files, from the app
                        or `ocop pack`; the pictures go into the annex), or - for standard
                        input; -- ends the options
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
    let Loaded {
        draft: d,
        set,
        files: evidence,
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
    let today = date.or_else(today_utc);
    let mut files: Vec<(&Path, Vec<u8>)> = Vec::new();
    let mut filing = None;
    for (which, is_html, _, p) in &wanted {
        let doc = dossier::from_draft_with_files(&set, &d, lang, today, *which, &evidence);
        files.push((
            p.as_path(),
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
    let outputs: Vec<(&Path, &[u8])> = files.iter().map(|(p, b)| (*p, b.as_slice())).collect();
    if let Err(code) = output::write_all(&outputs) {
        return code;
    }
    if !is_package && !d.attachments.is_empty() && filing.is_some() {
        term::err(&format!(
            "{}: {}",
            input.shown(),
            lang.pick(
                format!("bản nháp mô tả {} tệp minh chứng mà tệp .json không chứa được: phụ lục chỉ liệt kê, không có ảnh (hãy dùng gói .zip xuất từ ứng dụng, gói có đủ các tệp)", d.attachments.len()),
                format!("the draft describes {} evidence files that a .json file cannot carry: the annex lists them without pictures (use the package .zip exported by the app, which holds them)", d.attachments.len()),
            )
        ));
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

fn usage(msg: &str) -> u8 {
    term::err(&format!("ocop dossier: {msg}\n\n{DOSSIER_USAGE}"));
    64
}
