//! The command line proper (native only; see main.rs).

use std::io::Write;
use std::process::ExitCode;

use ocop_self_check::assess::{assess, Assessment};
use ocop_self_check::draft::Draft;
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::ProductSet;
use serde_json::json;

use crate::input::load_draft;

const USAGE: &str = "\
ocop — OCOP self-check (Decision 26/2026/QĐ-TTg) on the command line

USAGE:
    ocop assess [--json] [--lang vi|en] FILE...
        Assess each draft (interchange format v1) and print a summary per file;
        with --json, one JSON object per line.
    ocop dossier FILE -o OUT.docx [--html OUT.html] [--lang vi|en] [--date DD/MM/YYYY]
        Write the draft dossier (Mẫu 01 + Mẫu 02 + estimated score sheet) as an editable
        .docx and/or a printable HTML page.

Exit status: 0 all files handled, 2 some file was bad (named on stderr), 64 usage error.
The result is an estimate, not an evaluation council's score.";

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("assess") => run_assess(&args[1..]),
        Some("dossier") => crate::dossier::run_dossier(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            0
        }
        Some("-V" | "--version") => {
            println!("ocop {}", env!("CARGO_PKG_VERSION"));
            0
        }
        _ => {
            eprintln!("{USAGE}");
            64
        }
    };
    ExitCode::from(code)
}

fn run_assess(args: &[String]) -> u8 {
    let mut json_out = false;
    let mut lang = Lang::Vi;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json_out = true,
            "--lang" => match it.next().and_then(|t| Lang::from_tag(t)) {
                Some(l) => lang = l,
                None => {
                    eprintln!("--lang needs vi or en");
                    return 64;
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return 0;
            }
            s if s.starts_with("--") => {
                eprintln!("unknown option {s}\n\n{USAGE}");
                return 64;
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        eprintln!("ocop assess: no FILE given\n\n{USAGE}");
        return 64;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut bad = false;
    for path in &files {
        match load_draft(path) {
            Ok((d, set)) => {
                let a = assess(&set, &d.responses);
                let written = if json_out {
                    writeln!(out, "{}", json_line(path, &a))
                } else {
                    writeln!(out, "{}", summary(path, &set, &d, &a, lang))
                };
                if written.is_err() {
                    return 2;
                }
            }
            Err(e) => {
                bad = true;
                eprintln!("{path}: {e}");
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

/// A readable summary of one draft.
fn summary(path: &str, set: &ProductSet, d: &Draft, a: &Assessment, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let mut s = String::new();
    let name = d.display_name("");
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
