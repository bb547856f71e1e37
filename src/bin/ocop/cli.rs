//! The command line proper (native only; see main.rs).

use std::ffi::OsString;
use std::process::ExitCode;

use ocop_self_check::assess::{assess, Assessment};
use ocop_self_check::draft::Draft;
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::search::Lexicon;
use ocop_self_check::rubric::{Catalogue, ProductSet};
use serde_json::json;

use crate::input::{load, Source};
use crate::term;

const USAGE: &str = "\
ocop — OCOP self-check (Decision 26/2026/QĐ-TTg) on the command line

USAGE:
    ocop assess [--json] [--lang vi|en] FILE...
        Assess each draft (interchange format v1, or a package .zip) and print a
        summary per file; with --json, one JSON object per line.
    ocop dossier FILE [-o OUT.docx] [--html OUT.html] [--working OUT.docx]
                 [--working-html OUT.html] [--mau03 OUT.docx] [--mau03-html OUT.html]
                 [--lang vi|en] [--date DD/MM/YYYY]
        Write the filing copy (Mẫu 01 + Mẫu 02 + its evidence annex, as the decision
        prints them), the producer's working copy (estimate, what is still blank, advice;
        never filed) and/or Mẫu 03 for the commune, as .docx and/or printable pages.
        FILE may be a package (.zip): the pictures of its evidence files go into
        the annex. `ocop dossier --help` says more.
    ocop pack FILE [--photo CODE=PHOTO[=CAPTION]]... -o PACKAGE.zip
        Make a package (.zip: the draft and its evidence files, with their checksums)
        from a draft or a package and scanned papers (JPEG, PNG or PDF), each attached
        to a criterion (CODE 1.1) or to row N of Mẫu 02's evidence table (paper:N).
        `ocop pack --help` says more.
    ocop find [--json] QUERY...
        The product sets a product's name finds, best first (with or without diacritics,
        whole words and word prefixes, one wrong letter; English names for English
        queries), with what decides between two sets where a product can fall in both;
        with --json, one object {\"query\": …, \"results\": [{\"set\": …, \"name\": …}, …]}.
        Exit status 0 whether or not something is found.

    FILE is a file name, or - for standard input (read once, at most 1 MB like a file,
    or 202 MB for a package);
    -- ends the options (a file named -x then reads as a file).
    Text from the drafts is shown with control characters escaped (\\n, \\u{1b}, …).

Exit status: 0 all files handled, 2 some file was bad (named on stderr), 64 usage error,
1 the output could not be written. The result is an estimate, not an evaluation council's score.";

pub fn main() -> ExitCode {
    // `args_os`: a file name that is not UTF-8 is still a file name (std::env::args would panic).
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let code = match args.first().and_then(|a| a.to_str()) {
        Some("assess") => run_assess(args[1..].to_vec()),
        Some("dossier") => crate::dossier::run_dossier(args[1..].to_vec()),
        Some("pack") => crate::pack::run_pack(args[1..].to_vec()),
        Some("find") => run_find(args[1..].to_vec()),
        Some("-h" | "--help" | "help") => print(USAGE),
        Some("-V" | "--version") => print(&format!("ocop {}", env!("CARGO_PKG_VERSION"))),
        _ => {
            term::err(USAGE);
            64
        }
    };
    ExitCode::from(code)
}

/// Print `text` on standard output: 0, or 1 when it cannot be written.
fn print(text: &str) -> u8 {
    match term::out(text) {
        Ok(()) => 0,
        Err(()) => 1,
    }
}

/// `ocop find [--json] QUERY...`: the words after the options are the query.
fn run_find(args: Vec<OsString>) -> u8 {
    let mut json_out = false;
    let mut words: Vec<String> = Vec::new();
    let mut options_ended = false;
    for a in args {
        let text = a.to_string_lossy().into_owned();
        if options_ended {
            words.push(text);
            continue;
        }
        match text.as_str() {
            "--" => options_ended = true,
            "--json" => json_out = true,
            "-h" | "--help" => return print(USAGE),
            s if s.starts_with('-') && s.len() > 1 => {
                term::err(&format!(
                    "ocop find: unknown option {}\n\n{USAGE}",
                    term::safe(s)
                ));
                return 64;
            }
            _ => words.push(text),
        }
    }
    let query = words.join(" ");
    if query.trim().is_empty() {
        term::err(&format!("ocop find: no QUERY given\n\n{USAGE}"));
        return 64;
    }
    let hits = Lexicon::shared().find(&query);
    let text = if json_out {
        let results: Vec<_> = hits
            .iter()
            .map(|h| {
                let mut r = json!({"set": h.set, "name": h.name.name});
                if let Some((vi, en)) = &h.name.note {
                    r["note"] = json!({"vi": vi, "en": en});
                }
                r
            })
            .collect();
        json!({"query": query, "results": results}).to_string()
    } else if hits.is_empty() {
        format!(
            "{}: không tìm thấy bộ sản phẩm nào (nothing found)",
            term::safe(&query)
        )
    } else {
        let catalogue = Catalogue::shared();
        let mut s = String::new();
        for h in &hits {
            let set_name = catalogue.set(h.set).map(|e| e.name.vi.as_str());
            s.push_str(&format!(
                "{}  {}  ← {}\n",
                h.set,
                set_name.unwrap_or_default(),
                h.name.name
            ));
            if let Some((vi, _)) = &h.name.note {
                s.push_str(&format!("    {vi}\n"));
            }
        }
        s.trim_end().to_string()
    };
    print(&text)
}

fn run_assess(args: Vec<OsString>) -> u8 {
    let mut json_out = false;
    let mut lang = Lang::Vi;
    let mut files: Vec<Source> = Vec::new();
    let mut options_ended = false;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if options_ended {
            files.push(Source::File(a.into()));
            continue;
        }
        match a.to_str() {
            Some("--") => options_ended = true,
            Some("--json") => json_out = true,
            Some("--lang") => match it
                .next()
                .as_deref()
                .and_then(|t| t.to_str())
                .and_then(Lang::from_tag)
            {
                Some(l) => lang = l,
                None => {
                    term::err("ocop assess: --lang needs vi or en");
                    return 64;
                }
            },
            Some("-h" | "--help") => return print(USAGE),
            Some(s) if s.starts_with('-') && s != "-" => {
                term::err(&format!(
                    "ocop assess: unknown option {}\n\n{USAGE}",
                    term::safe(s)
                ));
                return 64;
            }
            _ => files.push(Source::from_arg(a)),
        }
    }
    if files.is_empty() {
        term::err(&format!("ocop assess: no FILE given\n\n{USAGE}"));
        return 64;
    }
    if files.iter().filter(|f| **f == Source::Stdin).count() > 1 {
        term::err("ocop assess: standard input (-) can be read only once");
        return 64;
    }
    let mut bad = false;
    for source in &files {
        match load(source) {
            Ok(crate::input::Loaded { draft: d, set, .. }) => {
                let a = assess(&set, &d.responses);
                let text = if json_out {
                    json_line(&source.json_name(), &a)
                } else {
                    summary(&source.shown(), &set, &d, &a, lang)
                };
                if term::out(&text).is_err() {
                    return 1;
                }
            }
            Err(e) => {
                bad = true;
                term::err(&format!(
                    "{}: {}",
                    source.shown(),
                    term::safe(&e.message(lang))
                ));
            }
        }
    }
    if bad {
        2
    } else {
        0
    }
}

/// One JSON object per draft (the machine-readable form).
fn json_line(path: &str, a: &Assessment) -> String {
    let unmet: Vec<_> = a
        .unmet_minimums
        .iter()
        .map(|u| {
            json!({
                "criterion": u.criterion,
                "stars": u.stars,
                "required_points": u.required_points,
                "required_position": u.required_position,
                "points": u.points,
            })
        })
        .collect();
    json!({
        "file": path,
        "product_set": a.product_set,
        "total": a.total,
        "parts": {"A": a.part("A"), "B": a.part("B"), "C": a.part("C")},
        "band": a.band,
        "stars": a.stars,
        "unmet_minimums": unmet,
        "knocked_out": a.knocked_out,
        "knock_outs": a.knock_outs.iter().map(|k| k.id.clone()).collect::<Vec<_>>(),
        "unanswered": a.unanswered,
    })
    .to_string()
}

fn stars(n: u8) -> String {
    format!("{n}★")
}

/// A readable summary of one draft; `path` is already made safe for the terminal.
fn summary(path: &str, set: &ProductSet, d: &Draft, a: &Assessment, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut s = String::new();
    // The draft's own texts are the file's: escaped for the terminal (see term::safe).
    let name = term::safe(d.display_name(""));
    s.push_str(&format!("{path}: {} {}", set.id, set.name.get(lang)));
    if !name.is_empty() {
        s.push_str(&format!(" — {name}"));
    }
    s.push('\n');
    s.push_str(&format!(
        "  {} {}/100 (A {}/40, B {}/25, C {}/35); {} {}; {} {}\n",
        if vi { "Tổng điểm" } else { "Total" },
        a.total,
        a.part("A"),
        a.part("B"),
        a.part("C"),
        if vi { "khung điểm" } else { "band" },
        stars(a.band),
        if vi { "ước tính" } else { "estimated" },
        stars(a.stars),
    ));
    for level in 3..=5u8 {
        let unmet: Vec<String> = a
            .unmet_for(level)
            .map(|u| {
                format!(
                    "{} ({} {}, {} {})",
                    u.criterion,
                    if vi { "cần" } else { "needs" },
                    u.required_points,
                    if vi { "có" } else { "has" },
                    u.points
                )
            })
            .collect();
        if !unmet.is_empty() && level <= a.band.max(3) {
            s.push_str(&format!(
                "  {} {}: {}\n",
                if vi {
                    "Chưa đạt yêu cầu tối thiểu"
                } else {
                    "Unmet minimums"
                },
                stars(level),
                unmet.join(", ")
            ));
        }
    }
    if a.knocked_out {
        let ids: Vec<String> = a
            .knock_outs
            .iter()
            .map(|k| {
                set.knock_out(&k.id)
                    .map(|x| x.text.get(lang).to_string())
                    .unwrap_or_else(|| k.id.clone())
            })
            .collect();
        s.push_str(&format!(
            "  {}: {}\n",
            if vi {
                "HỒ SƠ BỊ LOẠI"
            } else {
                "DOSSIER REJECTED"
            },
            ids.join("; ")
        ));
    }
    if !a.unanswered.is_empty() {
        s.push_str(&format!(
            "  {} {}/{}: {}\n",
            if vi {
                "Chưa trả lời"
            } else {
                "Unanswered"
            },
            a.unanswered.len(),
            a.criterion_count,
            a.unanswered.join(", ")
        ));
    }
    s.push_str(if vi {
        "  (Ước tính theo QĐ 26/2026/QĐ-TTg, không phải kết quả của Hội đồng.)"
    } else {
        "  (Estimate under Decision 26/2026/QĐ-TTg, not an evaluation council's result.)"
    });
    s
}
