//! The `ocop` command line, run as a user would.

use std::process::Command;

fn ocop(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ocop"))
        .args(args)
        .output()
        .expect("run ocop");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.to_string_lossy().into_owned()
}

fn tmp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("ocop-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("tmp dir");
    d
}

#[test]
fn assess_json_lines_and_exit_codes() {
    let d = tmp("json");
    let good = write(
        &d,
        "good.json",
        r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-07","answers":{"1.1":2,"1.5":3}}"#,
    );
    let (code, out, err) = ocop(&["assess", "--json", &good]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(v["file"], good.as_str());
    assert_eq!(v["product_set"], "QD26-07");
    assert_eq!(v["total"], 4);
    assert_eq!(v["parts"]["A"], 4);
    assert_eq!(v["parts"]["B"], 0);
    assert_eq!(v["band"], 1);
    assert_eq!(v["stars"], 1);
    assert_eq!(v["knocked_out"], false);
    assert_eq!(v["unanswered"].as_array().map(Vec::len), Some(30));
    assert!(v["unmet_minimums"]
        .as_array()
        .is_some_and(|a| a.iter().any(|u| u["criterion"] == "1.5" && u["stars"] == 5)));

    // A bad file is named on stderr; the good one is still assessed; exit 2.
    let bad = write(
        &d,
        "bad.json",
        r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-07","answers":{"1.1":7}}"#,
    );
    let junk = write(&d, "junk.json", "\u{0}\u{1}not json");
    let (code, out, err) = ocop(&[
        "assess",
        "--json",
        &bad,
        &good,
        &junk,
        "/nonexistent/x.json",
    ]);
    assert_eq!(code, 2);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(err.contains(&bad) && err.contains("answers.1.1"), "{err}");
    assert!(
        err.contains(&junk) && err.contains("/nonexistent/x.json"),
        "{err}"
    );
}

#[test]
fn readable_summary_in_both_languages() {
    let d = tmp("text");
    let f = write(
        &d,
        "t.json",
        r#"{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-09","answers":{"1.1":1},"knock_outs":{"forged":true},"product":{"name":"Nước mắm cá cơm"}}"#,
    );
    let (code, out, _) = ocop(&["assess", &f]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Tương, nước mắm") && out.contains("Nước mắm cá cơm"),
        "{out}"
    );
    assert!(out.contains("HỒ SƠ BỊ LOẠI"), "{out}");
    let (code, out, _) = ocop(&["assess", "--lang", "en", &f]);
    assert_eq!(code, 0);
    assert!(
        out.contains("DOSSIER REJECTED") && out.contains("Total 1/100"),
        "{out}"
    );
}

#[test]
fn usage_errors() {
    assert_eq!(ocop(&[]).0, 64);
    assert_eq!(ocop(&["assess"]).0, 64);
    assert_eq!(ocop(&["assess", "--bogus", "x"]).0, 64);
    assert_eq!(ocop(&["--help"]).0, 0);
}
