//! Fuzzing of draft import and share-link decoding with generated hostile input (proptest):
//! truncated, huge, wrong types, deep nesting, invalid UTF-8, wrong versions, random mutations
//! of valid files. The property: never a panic, always a typed error or a draft that passes
//! `check_against` before it is used.
//!
//! The CI run generates ≥ 100,000 inputs in total (see CASES). A long campaign:
//! `PROPTEST_CASES=1000000 cargo test --release --test robustness`.

mod common;

use common::all_sets;
use ocop_self_check::assess::assess;
use ocop_self_check::draft::{self, check_against, from_bytes, from_json, ImportErrorKind};
use ocop_self_check::share;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Cases per property when PROPTEST_CASES is not set; 9 properties × 15,000 = 135,000 inputs.
const CASES: u32 = 15_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn valid() -> Value {
    json!({
        "format": "ocop-self-check/draft", "version": 1, "rubric": "QD26-2026",
        "product_set": "QD26-07",
        "answers": {"1.1": 2, "1.5": 3, "2.1": 1, "6.1": 2, "11": 3},
        "none_of_levels": ["3.3"],
        "knock_outs": {"forged": false},
        "product": {"name": "Mứt gừng", "registration_type": "upgrade"},
        "producer": {"name": "HTX <b>", "phone": "0912345678"},
        "evidence": {"1.1": "hóa đơn"},
        "title": "t", "created_ms": 1, "updated_ms": 2
    })
}

/// Whatever the importer accepts must be usable: checked against its set, then assessed.
fn use_if_accepted(text: &str) {
    if let Ok(d) = from_json(text) {
        if let Some(set) = all_sets().iter().find(|s| s.id == d.product_set) {
            if check_against(&d, set).is_ok() {
                let a = assess(set, &d.responses);
                assert!(a.total <= 100);
            }
        }
    }
}

/// Arbitrary JSON values, nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z0-9._]{0,8}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const FIELDS: &[&str] = &[
    "format",
    "version",
    "rubric",
    "product_set",
    "answers",
    "none_of_levels",
    "knock_outs",
    "product",
    "producer",
    "evidence",
    "id",
    "title",
    "created_ms",
    "updated_ms",
];

proptest! {
    #![proptest_config(config())]

    /// The strict parser (duplicate keys refused) reads every JSON document exactly as
    /// serde_json does when no object repeats a key.
    #[test]
    fn strict_parsing_agrees_with_serde_json(v in any_json()) {
        let text = v.to_string();
        let loose: Value = serde_json::from_str(&text).expect("serde_json reads its own output");
        prop_assert_eq!(draft::parse_strict(&text).ok(), Some(loose));
    }

    /// On any text, the strict parser refuses only what serde_json refuses, or a repeated key.
    #[test]
    fn strict_parsing_refuses_only_repeats(s in r#"[{}\[\]":,a-c0-9 ]{0,40}"#) {
        let loose = serde_json::from_str::<Value>(&s).ok();
        match (draft::parse_strict(&s), loose) {
            (Ok(v), Some(l)) => prop_assert_eq!(v, l),
            (Ok(_), None) => prop_assert!(false, "strict accepted what serde_json refused: {s}"),
            (Err(e), Some(_)) => prop_assert!(matches!(e.kind, ImportErrorKind::DuplicateKey { .. }), "{s}: {e}"),
            (Err(_), None) => {}
        }
    }

    /// Random bytes: invalid UTF-8, control characters, anything.
    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match from_bytes(&bytes) {
            Ok(d) => prop_assert!(!d.product_set.is_empty()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            use_if_accepted(text);
        }
    }

    /// A valid file cut at any byte.
    #[test]
    fn truncated_files_are_rejected(cut in 0usize..10_000) {
        let text = valid().to_string();
        let cut = cut % text.len();
        let bytes = &text.as_bytes()[..cut];
        let r = from_bytes(bytes);
        prop_assert!(r.is_err(), "a truncated file was accepted: {:?}", String::from_utf8_lossy(bytes));
    }

    /// One field of a valid file replaced by any JSON value (wrong types, wrong versions…).
    #[test]
    fn wrong_types_in_any_field(field in prop::sample::select(FIELDS), v in any_json()) {
        let mut doc = valid();
        doc[field] = v;
        let text = doc.to_string();
        match from_json(&text) {
            Err(e) => {
                // The error names the field it is about (or the whole file).
                prop_assert!(e.field.is_empty() || e.field.starts_with(field), "{} vs {}", e.field, field);
            }
            Ok(_) => use_if_accepted(&text),
        }
    }

    /// Answers with arbitrary codes and values.
    #[test]
    fn arbitrary_answers(answers in prop::collection::btree_map(".{0,6}", any_json(), 0..12)) {
        let mut doc = valid();
        doc["answers"] = Value::Object(answers.into_iter().collect());
        use_if_accepted(&doc.to_string());
    }

    /// Random edits of the text of a valid file.
    #[test]
    fn mutated_text(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0u8..3), 1..8)) {
        let mut chars: Vec<char> = valid().to_string().chars().collect();
        for (at, c, op) in edits {
            if chars.is_empty() { break; }
            let i = at.index(chars.len());
            match op {
                0 => { chars.remove(i); }
                1 => chars.insert(i, c),
                _ => chars[i] = c,
            }
        }
        let text: String = chars.into_iter().collect();
        let _ = from_json(&text);
        use_if_accepted(&text);
    }

    /// Share-link fragments: random text, random base64, valid DEFLATE of random JSON.
    #[test]
    fn share_fragments_never_panic(s in ".{0,300}", b64 in "[A-Za-z0-9_-]{0,300}", v in any_json()) {
        let _ = share::decode(&s);
        let _ = share::decode(&format!("#d={s}"));
        let _ = share::decode(&format!("#d=1{b64}"));
        let mut d = draft::Draft::new("x", "QD26-07", 0);
        d.title = s.clone();
        let frag = share::encode(&d, share::Content::Everything);
        let back = share::decode(&frag);
        prop_assert!(back.is_ok(), "{:?}", back);
        prop_assert_eq!(back.map(|d| d.title).unwrap_or_default(), s);
        // Valid compression around a non-draft.
        let _ = share::decode(&format!("d=1{}", &frag[3..]).replace('A', "B"));
        let _ = v;
    }

    /// A damaged share link (one character changed, or cut) is an error, never a panic.
    #[test]
    fn damaged_share_links(at in any::<prop::sample::Index>(), c in "[A-Za-z0-9_-]", cut in any::<bool>()) {
        let mut d = draft::Draft::new("x", "QD26-26", 0);
        d.responses.answers.insert("8".into(), 4);
        let frag = share::encode(&d, share::Content::Everything);
        let i = 3 + at.index(frag.len() - 3);
        let damaged = if cut { frag[..i].to_string() } else { format!("{}{}{}", &frag[..i], c, &frag[i + 1..]) };
        if let Ok(got) = share::decode(&damaged) {
            // A change that still decodes must still be a valid draft of a known set.
            prop_assert!(all_sets().iter().any(|s| s.id == got.product_set));
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [10, 200, 100_000] {
        let text = format!(
            r#"{{"format":"ocop-self-check/draft","version":1,"rubric":"QD26-2026","product_set":"QD26-07","answers":{}1{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let e = from_json(&text).expect_err("refused");
        if depth > 128 {
            assert!(
                matches!(e.kind, ImportErrorKind::TooDeep { .. }),
                "depth {depth}: {e}"
            );
        }
        let text = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        assert!(from_json(&text).is_err(), "object depth {depth}");
    }
}

#[test]
fn huge_inputs_are_refused_or_clipped() {
    let big = vec![b' '; draft::MAX_IMPORT_BYTES + 1];
    assert!(matches!(
        from_bytes(&big).map_err(|e| e.kind),
        Err(ImportErrorKind::TooLarge { .. })
    ));
    // Just under the limit: a 900 KB title is accepted and clipped to the field limit.
    let mut doc = valid();
    doc["title"] = Value::String("ệ".repeat(300_000));
    let d = from_json(&doc.to_string()).expect("under the limit");
    assert_eq!(d.title.chars().count(), draft::MAX_FIELD_CHARS);
}

#[test]
fn invalid_utf8_is_named() {
    let mut bytes = valid().to_string().into_bytes();
    bytes[20] = 0xff;
    assert_eq!(
        from_bytes(&bytes).map_err(|e| e.kind),
        Err(ImportErrorKind::NotUtf8 { byte: 20 })
    );
}

#[test]
fn wrong_versions() {
    for v in [
        json!(0),
        json!(2),
        json!(-1),
        json!("1"),
        json!(1.5),
        json!(null),
    ] {
        let mut doc = valid();
        doc["version"] = v.clone();
        let e = from_json(&doc.to_string()).expect_err("rejected");
        assert_eq!(e.field, "version", "{v}");
    }
}
