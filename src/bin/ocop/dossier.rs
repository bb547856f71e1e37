//! `ocop dossier FILE -o OUT.docx [--html OUT.html] [--lang vi|en] [--date DD/MM/YYYY]`: write
//! the draft dossier (Mẫu 01, Mẫu 02, estimated score sheet) of one draft (interchange v1).
//!
//! A module of the `ocop` binary (`src/bin/ocop/main.rs`); the entry point is [`run_dossier`],
//! called by `cli.rs`. The draft is read by [`crate::input::load_draft`], like `ocop assess`'s.

use ocop_self_check::date::{self, Date};
use ocop_self_check::dossier;
use ocop_self_check::i18n::Lang;

use crate::input::load_draft;

/// Usage of the subcommand.
pub const DOSSIER_USAGE: &str = "\
USAGE:
    ocop dossier FILE -o OUT.docx [--html OUT.html] [--lang vi|en] [--date DD/MM/YYYY]

    FILE          a draft in the interchange format v1 (JSON), as exported by the app
    -o OUT.docx   write the dossier as an editable Word document
    --html FILE   also (or instead) write it as a printable HTML page
    --lang        language of headings and guidance (default vi; the forms stay Vietnamese)
    --date        date printed on the forms (default: today, UTC)

Exit status: 0 written, 2 bad input file (named on stderr), 64 usage error, 1 cannot write.";

/// Run `ocop dossier` with the arguments after the subcommand; returns the exit status.
pub fn run_dossier(args: &[String]) -> u8 {
    let mut input: Option<&str> = None;
    let mut docx: Option<&str> = None;
    let mut html: Option<&str> = None;
    let mut lang = Lang::Vi;
    let mut date: Option<Date> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{DOSSIER_USAGE}");
                return 0;
            }
            "-o" | "--output" | "--docx" => match it.next() {
                Some(p) => docx = Some(p),
                None => return usage(&format!("{a} needs a file name")),
            },
            "--html" => match it.next() {
                Some(p) => html = Some(p),
                None => return usage("--html needs a file name"),
            },
            "--lang" => match it.next().and_then(|t| Lang::from_tag(t)) {
                Some(l) => lang = l,
                None => return usage("--lang needs vi or en"),
            },
            "--date" => match it.next().map(|d| (d, date::parse_date(d))) {
                Some((_, Ok(d))) => date = Some(d),
                Some((d, Err(_))) => {
                    return usage(&format!("--date: cannot read {d:?} as DD/MM/YYYY"))
                }
                None => return usage("--date needs a date"),
            },
            s if s.starts_with('-') && s.len() > 1 => return usage(&format!("unknown option {s}")),
            s => {
                if input.is_some() {
                    return usage("give one FILE");
                }
                input = Some(s);
            }
        }
    }
    let Some(input) = input else {
        return usage("no FILE given");
    };
    if docx.is_none() && html.is_none() {
        return usage("say where to write: -o OUT.docx and/or --html OUT.html");
    }
    let (d, set) = match load_draft(input) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{input}: {e}");
            return 2;
        }
    };
    let today = date.or_else(today_utc);
    let doc = dossier::from_draft(&set, &d, lang, today);
    if let Some(path) = docx {
        if let Err(e) = std::fs::write(path, dossier::render_docx(&doc)) {
            eprintln!("{path}: cannot write: {e}");
            return 1;
        }
    }
    if let Some(path) = html {
        if let Err(e) = std::fs::write(path, dossier::render_html(&doc)) {
            eprintln!("{path}: cannot write: {e}");
            return 1;
        }
    }
    let missing = doc.problems.len() + doc.unanswered.len();
    if missing > 0 {
        eprintln!(
            "{input}: {} — {} {}",
            doc.title,
            missing,
            lang.pick(
                "mục cần bổ sung (xem phụ lục, mục 3)",
                "items to complete (see the annex, section 3)"
            )
        );
    }
    0
}

fn usage(msg: &str) -> u8 {
    eprintln!("ocop dossier: {msg}\n\n{DOSSIER_USAGE}");
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
