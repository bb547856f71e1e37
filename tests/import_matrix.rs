//! The adversarial review's import matrix (`shared/reviews/adversarial-2026-12-01.md`, part A:
//! 100 hostile files) as a regression test: each file is rebuilt from its description and goes
//! through the app's way in (`from_bytes` + `check_against`, as the import and a share link do)
//! and through the `ocop` command line. Every row must end as expected (accepted, or refused
//! with a message naming what is wrong, in both languages); the rows the review marked FAIL (F10)
//! or noted (N1, N2, N4) now end the corrected way.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;

use common::set;
use ocop_self_check::draft::{self, ImportError, MAX_IMPORT_BYTES};
use ocop_self_check::i18n::{self, Lang};
use serde_json::{json, Value};

/// What a row must end as: accepted, or refused with these words in the English message (the
/// CLI's, after "invalid draft: ") and in the Vietnamese one (the app's).
enum Want {
    Accept,
    Refuse { en: &'static str, vi: &'static str },
}
use Want::*;

fn base() -> Value {
    json!({
        "format": "ocop-self-check/draft", "version": 1, "rubric": "QD26-2026",
        "product_set": "QD26-09", "title": "Nước mắm Cô Ba", "answers": {"1.1": 2, "1.2": 1},
    })
}

fn with(f: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Vec<u8> {
    let mut v = base();
    if let Some(o) = v.as_object_mut() {
        f(o);
    }
    v.to_string().into_bytes()
}

fn answer(v: Value) -> Vec<u8> {
    with(|o| {
        o.insert("answers".into(), json!({ "1.1": v }));
    })
}

/// The base draft with `key` (replaced, not repeated) written as raw JSON text.
fn raw_field(key: &str, value: &str) -> Vec<u8> {
    let mut v = base();
    if let Some(o) = v.as_object_mut() {
        o.remove(key);
    }
    let b = v.to_string();
    format!("{},\"{key}\":{value}}}", &b[..b.len() - 1]).into_bytes()
}

fn rows() -> Vec<(&'static str, Vec<u8>, Want)> {
    let good = base().to_string();
    let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
    let not_json = Refuse {
        en: "not JSON",
        vi: "Tệp không phải JSON",
    };
    let not_utf8 = Refuse {
        en: "not UTF-8",
        vi: "không phải văn bản UTF-8",
    };
    let file_type = Refuse {
        en: "file: expected an object",
        vi: "Nội dung tệp có kiểu dữ liệu sai (cần: một đối tượng JSON",
    };
    let position = Refuse {
        en: "expected a level position",
        vi: "(cần: số thứ tự của mức",
    };
    let text_type = |field: &'static str| Refuse {
        en: field,
        vi: "(cần: một chuỗi văn bản)",
    };
    let whole = Refuse {
        en: "expected a non-negative integer",
        vi: "(cần: một số nguyên không âm)",
    };
    let object_type = Refuse {
        en: "expected an object",
        vi: "(cần: một đối tượng JSON",
    };
    let version = Refuse {
        en: "unsupported version",
        vi: "của tệp chưa được hỗ trợ",
    };
    let unknown_set = Refuse {
        en: "unknown product set",
        vi: "Không có bộ sản phẩm",
    };
    let no_criterion = Refuse {
        en: "in this set",
        vi: "Bộ sản phẩm này không có tiêu chí",
    };
    let many_unknown = {
        let answers: serde_json::Map<String, Value> = (0..10_000)
            .map(|i| (format!("{}.{}", i / 100, i % 100), json!(1)))
            .collect();
        with(|o| {
            o.insert("answers".into(), Value::Object(answers));
        })
    };
    vec![
        (
            "000 empty",
            Vec::new(),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "001 whitespace",
            b"\n  ".to_vec(),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "002 truncated",
            good.as_bytes()[..good.len() / 2].to_vec(),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "003 trailing-garbage",
            format!("{good}xyz").into_bytes(),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "004 trailing-second-object",
            format!("{good}\n{good}").into_bytes(),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "005 single-quotes",
            good.replace('"', "'").into_bytes(),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "006 comments",
            format!("/* x */{good}").into_bytes(),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "007 json-array",
            b"[1,2]".to_vec(),
            Refuse {
                en: "file: expected an object",
                vi: "Nội dung tệp có kiểu dữ liệu sai",
            },
        ),
        (
            "008 json-string",
            b"\"x\"".to_vec(),
            Refuse {
                en: "file: expected an object",
                vi: "Nội dung tệp có kiểu dữ liệu sai",
            },
        ),
        ("009 json-null", b"null".to_vec(), file_type),
        (
            "010 json-number",
            b"12345".to_vec(),
            Refuse {
                en: "file: expected an object",
                vi: "Nội dung tệp có kiểu dữ liệu sai",
            },
        ),
        (
            "011 bom-utf8",
            [b"\xef\xbb\xbf".as_slice(), good.as_bytes()].concat(),
            Accept,
        ),
        (
            "012 double-bom",
            [b"\xef\xbb\xbf\xef\xbb\xbf".as_slice(), good.as_bytes()].concat(),
            Accept,
        ),
        (
            "013 utf16le-bom",
            [
                b"\xff\xfe".as_slice(),
                &good
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes())
                    .collect::<Vec<u8>>(),
            ]
            .concat(),
            not_utf8,
        ),
        (
            "014 utf16be",
            good.encode_utf16().flat_map(|u| u.to_be_bytes()).collect(),
            Refuse {
                en: "not UTF-8", // UTF-16 of Vietnamese text is not UTF-8 (the review's ASCII file read as "not JSON")
                vi: "không phải văn bản UTF-8",
            },
        ),
        (
            "015 invalid-utf8-in-string",
            good.replace("Cô Ba", "C\u{1}")
                .replace('\u{1}', "\u{fffd}")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 0xef { 0xff } else { b })
                .collect(),
            Refuse {
                en: "not UTF-8",
                vi: "không phải văn bản UTF-8",
            },
        ),
        (
            "016 overlong-utf8",
            good.replacen("Ba", "B\u{1}", 1)
                .into_bytes()
                .into_iter()
                .flat_map(|b| if b == 1 { vec![0xc0, 0xaf] } else { vec![b] })
                .collect(),
            Refuse {
                en: "not UTF-8",
                vi: "không phải văn bản UTF-8",
            },
        ),
        (
            "017 cesu-surrogate-bytes",
            good.replacen("Ba", "B\u{1}", 1)
                .into_bytes()
                .into_iter()
                .flat_map(|b| {
                    if b == 1 {
                        vec![0xed, 0xa0, 0x80]
                    } else {
                        vec![b]
                    }
                })
                .collect(),
            Refuse {
                en: "not UTF-8",
                vi: "không phải văn bản UTF-8",
            },
        ),
        (
            "018 lone-surrogate-escape",
            raw_field("x", r#""\ud800""#),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "019 lone-low-surrogate-escape",
            raw_field("x", r#""\udc00""#),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "020 nul-escape-in-title",
            with(|o| {
                o.insert("title".into(), json!("a\u{0}b"));
            }),
            Accept,
        ),
        (
            "021 raw-control-char-in-string",
            raw_field("title", "\"a\u{1}b\""),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "022 deep-array-100k",
            raw_field("x", &deep(100_000)),
            Refuse {
                en: "nested more than 128 levels",
                vi: "lồng nhau quá sâu",
            },
        ),
        (
            "023 deep-object-in-unknown-field",
            raw_field(
                "x",
                &format!("{}1{}", "{\"a\":".repeat(300), "}".repeat(300)),
            ),
            Refuse {
                en: "nested more than 128 levels",
                vi: "lồng nhau quá sâu",
            },
        ),
        (
            "024 deep-in-unknown-field-127",
            raw_field("x", &deep(126)),
            Accept,
        ),
        (
            "025 deep-in-unknown-field-129",
            raw_field("x", &deep(129)),
            Refuse {
                en: "nested more than 128 levels",
                vi: "lồng nhau quá sâu",
            },
        ),
        (
            "026 just-under-1MB-note",
            with(|o| {
                o.insert("x".into(), json!("a".repeat(MAX_IMPORT_BYTES - 400)));
            }),
            Accept,
        ),
        (
            "027 over-1MB",
            with(|o| {
                o.insert("x".into(), json!("a".repeat(MAX_IMPORT_BYTES)));
            }),
            Refuse {
                en: "the limit is 1000000",
                vi: "Tệp quá lớn",
            },
        ),
        (
            "028 format-number",
            with(|o| {
                o.insert("format".into(), json!(1));
            }),
            Refuse {
                en: "not an OCOP self-check draft",
                vi: "không phải bản nháp",
            },
        ),
        (
            "029 format-missing",
            with(|o| {
                o.remove("format");
            }),
            Refuse {
                en: "format: missing",
                vi: "Thiếu trường “format”",
            },
        ),
        (
            "030 format-other",
            with(|o| {
                o.insert("format".into(), json!("ocop-self-check/store"));
            }),
            Refuse {
                en: "not an OCOP self-check draft",
                vi: "không phải bản nháp",
            },
        ),
        (
            "031 version-2",
            with(|o| {
                o.insert("version".into(), json!(2));
            }),
            Refuse {
                en: "unsupported version 2",
                vi: "Phiên bản 2",
            },
        ),
        (
            "032 version-string",
            with(|o| {
                o.insert("version".into(), json!("1"));
            }),
            Refuse {
                en: "unsupported version",
                vi: "chưa được hỗ trợ",
            },
        ),
        (
            "033 version-float",
            raw_field("version", "1.0"),
            Refuse {
                en: "unsupported version",
                vi: "chưa được hỗ trợ",
            },
        ),
        (
            "034 version-neg",
            with(|o| {
                o.insert("version".into(), json!(-1));
            }),
            version,
        ),
        (
            "035 rubric-other",
            with(|o| {
                o.insert("rubric".into(), json!("QD26-2025"));
            }),
            Refuse {
                en: "unknown rubric",
                vi: "không phải bộ tiêu chí theo Quyết định 26/2026",
            },
        ),
        (
            "036 rubric-missing",
            with(|o| {
                o.remove("rubric");
            }),
            Refuse {
                en: "rubric: missing",
                vi: "Thiếu trường “rubric”",
            },
        ),
        (
            "037 set-unknown",
            with(|o| {
                o.insert("product_set".into(), json!("QD26-99"));
            }),
            Refuse {
                en: "unknown product set",
                vi: "Không có bộ sản phẩm “QD26-99”",
            },
        ),
        (
            "038 set-lowercase",
            with(|o| {
                o.insert("product_set".into(), json!("qd26-09"));
            }),
            Refuse {
                en: "unknown product set",
                vi: "Không có bộ sản phẩm",
            },
        ),
        (
            "039 set-traversal",
            with(|o| {
                o.insert("product_set".into(), json!("../../etc/passwd"));
            }),
            unknown_set,
        ),
        (
            "040 set-number",
            with(|o| {
                o.insert("product_set".into(), json!(9));
            }),
            text_type("product_set: expected a string"),
        ),
        (
            "041 set-padded",
            with(|o| {
                o.insert("product_set".into(), json!(" QD26-09"));
            }),
            Refuse {
                en: "unknown product set",
                vi: "Không có bộ sản phẩm",
            },
        ),
        (
            "042 answers-array",
            with(|o| {
                o.insert("answers".into(), json!([1]));
            }),
            Refuse {
                en: "answers: expected an object",
                vi: "(cần: một đối tượng JSON",
            },
        ),
        (
            "043 answers-string",
            with(|o| {
                o.insert("answers".into(), json!("x"));
            }),
            object_type,
        ),
        (
            "044 answer-string-value",
            answer(json!("2")),
            Refuse {
                en: "expected a level position",
                vi: "(cần: số thứ tự của mức",
            },
        ),
        (
            "045 answer-float",
            raw_field("answers", r#"{"1.1":2.0}"#),
            Refuse {
                en: "expected a level position",
                vi: "(cần: số thứ tự của mức",
            },
        ),
        (
            "046 answer-float-frac",
            answer(json!(1.5)),
            Refuse {
                en: "expected a level position",
                vi: "(cần: số thứ tự của mức",
            },
        ),
        (
            "047 answer-zero",
            answer(json!(0)),
            Refuse {
                en: "criterion 1.1 has no level 0 (levels are numbered from 1)",
                vi: "Tiêu chí 1.1 không có mức 0: các mức được đánh số 1, 2, 3…",
            },
        ),
        (
            "048 answer-negative",
            answer(json!(-1)),
            Refuse {
                en: "expected a level position",
                vi: "(cần: số thứ tự của mức",
            },
        ),
        (
            "049 answer-255",
            answer(json!(255)),
            Refuse {
                en: "criterion 1.1 has levels 1–3, not 255",
                vi: "Tiêu chí 1.1 có các mức 1–3, không có mức 255.",
            },
        ),
        (
            "050 answer-256",
            answer(json!(256)),
            Refuse {
                en: "criterion 1.1 has no level 256",
                vi: "Tiêu chí 1.1 không có mức 256",
            },
        ),
        (
            "051 answer-NaN-string",
            answer(json!("NaN")),
            Refuse {
                en: "expected a level position",
                vi: "(cần: số thứ tự của mức",
            },
        ),
        (
            "052 answer-true",
            answer(json!(true)),
            Refuse {
                en: "expected a level position",
                vi: "(cần: số thứ tự của mức",
            },
        ),
        ("053 answer-null", answer(Value::Null), position),
        (
            "054 answer-unknown-code",
            with(|o| {
                o.insert("answers".into(), json!({"9.9": 1}));
            }),
            Refuse {
                en: "no criterion \"9.9\" in this set",
                vi: "không có tiêu chí 9.9",
            },
        ),
        (
            "055 answer-code-empty",
            with(|o| {
                o.insert("answers".into(), json!({"": 1}));
            }),
            Refuse {
                en: "in this set",
                vi: "Bộ sản phẩm này không có tiêu chí",
            },
        ),
        (
            "056 answer-code-hostile",
            with(|o| {
                o.insert("answers".into(), json!({"<script>": 1}));
            }),
            Refuse {
                en: "\"<script>\" in this set",
                vi: "không có tiêu chí <script>",
            },
        ),
        (
            "057 answer-position-9-of-3",
            answer(json!(9)),
            Refuse {
                en: "has levels 1–3, not 9",
                vi: "có các mức 1–3, không có mức 9",
            },
        ),
        (
            "058 none-of-levels-unknown",
            with(|o| {
                o.insert("none_of_levels".into(), json!(["9.9"]));
            }),
            Refuse {
                en: "none_of_levels: no criterion",
                vi: "không có tiêu chí 9.9 (trường “none_of_levels”)",
            },
        ),
        (
            "059 none-of-levels-not-list",
            with(|o| {
                o.insert("none_of_levels".into(), json!("1.1"));
            }),
            Refuse {
                en: "expected a list of criterion codes",
                vi: "(cần: một danh sách mã tiêu chí)",
            },
        ),
        (
            "060 none-of-levels-number",
            with(|o| {
                o.insert("none_of_levels".into(), json!([1]));
            }),
            Refuse {
                en: "none_of_levels.0: expected a criterion code",
                vi: "(cần: một mã tiêu chí)",
            },
        ),
        (
            "061 none-and-answer-same",
            with(|o| {
                o.insert("none_of_levels".into(), json!(["1.1"]));
            }),
            Accept,
        ),
        (
            "062 knockout-unknown",
            with(|o| {
                o.insert("knock_outs".into(), json!({"evil": true}));
            }),
            Refuse {
                en: "knock_outs.evil: invalid value",
                vi: "“knock_outs.evil” có giá trị không hợp lệ",
            },
        ),
        (
            "063 knockout-string",
            with(|o| {
                o.insert("knock_outs".into(), json!({"forged": "no"}));
            }),
            Refuse {
                en: "expected true or false",
                vi: "(cần: true hoặc false)",
            },
        ),
        (
            "064 knockout-true",
            with(|o| {
                o.insert("knock_outs".into(), json!({"forged": true}));
            }),
            Accept,
        ),
        (
            "065 evidence-unknown-code",
            with(|o| {
                o.insert("evidence".into(), json!({"9.9": "x"}));
            }),
            Refuse {
                en: "evidence.9.9: no criterion",
                vi: "không có tiêu chí 9.9",
            },
        ),
        (
            "066 evidence-number",
            with(|o| {
                o.insert("evidence".into(), json!({"1.1": 1}));
            }),
            text_type("evidence.1.1: expected a string"),
        ),
        (
            "067 product-string",
            with(|o| {
                o.insert("product".into(), json!("x"));
            }),
            Refuse {
                en: "product: expected an object",
                vi: "(cần: một đối tượng JSON",
            },
        ),
        (
            "068 product-name-number",
            with(|o| {
                o.insert("product".into(), json!({"name": 1}));
            }),
            text_type("product.name: expected a string"),
        ),
        (
            "069 product-regtype-bad",
            with(|o| {
                o.insert(
                    "product".into(),
                    json!({"name": "x", "registration_type": "hack"}),
                );
            }),
            Refuse {
                en: "registration_type: invalid value",
                vi: "có giá trị không hợp lệ: hack",
            },
        ),
        (
            "070 producer-array",
            with(|o| {
                o.insert("producer".into(), json!([]));
            }),
            Refuse {
                en: "producer: expected an object",
                vi: "(cần: một đối tượng JSON",
            },
        ),
        (
            "071 producer-name-object",
            with(|o| {
                o.insert("producer".into(), json!({"name": {}}));
            }),
            text_type("producer.name: expected a string"),
        ),
        (
            "072 created-negative",
            with(|o| {
                o.insert("created_ms".into(), json!(-1));
            }),
            Refuse {
                en: "created_ms: expected a non-negative integer",
                vi: "(cần: một số nguyên không âm)",
            },
        ),
        (
            "073 created-float",
            with(|o| {
                o.insert("created_ms".into(), json!(1.5));
            }),
            whole,
        ),
        (
            "074 created-string",
            with(|o| {
                o.insert("created_ms".into(), json!("1"));
            }),
            Refuse {
                en: "created_ms: expected a non-negative integer",
                vi: "(cần: một số nguyên không âm)",
            },
        ),
        (
            "075 updated-before-created",
            with(|o| {
                o.insert("created_ms".into(), json!(2000));
                o.insert("updated_ms".into(), json!(1000));
            }),
            Accept,
        ),
        (
            "076 id-number",
            with(|o| {
                o.insert("id".into(), json!(7));
            }),
            text_type("id: expected a string"),
        ),
        (
            "077 title-number",
            with(|o| {
                o.insert("title".into(), json!(7));
            }),
            text_type("title: expected a string"),
        ),
        (
            "078 unknown-fields",
            with(|o| {
                o.insert("future".into(), json!({"a": [1, 2]}));
            }),
            Accept,
        ),
        (
            "079 all-null-optionals",
            with(|o| {
                for k in [
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
                ] {
                    o.insert(k.into(), Value::Null);
                }
            }),
            Accept,
        ),
        (
            "080 version-1e0",
            raw_field("version", "1e0"),
            Refuse {
                en: "unsupported version",
                vi: "chưa được hỗ trợ",
            },
        ),
        (
            "081 version-huge",
            raw_field("version", "18446744073709551616"),
            Refuse {
                en: "unsupported version",
                vi: "chưa được hỗ trợ",
            },
        ),
        (
            "082 answer-u64max",
            raw_field("answers", r#"{"1.1":18446744073709551615}"#),
            Refuse {
                en: "has no level 18446744073709551615",
                vi: "không có mức 18446744073709551615",
            },
        ),
        (
            "083 answer-1e400",
            raw_field("answers", r#"{"1.1":1e400}"#),
            not_json,
        ),
        (
            "084 answer-NaN-literal",
            raw_field("answers", r#"{"1.1":NaN}"#),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "085 answer-Infinity-literal",
            raw_field("answers", r#"{"1.1":Infinity}"#),
            Refuse {
                en: "not JSON",
                vi: "Tệp không phải JSON",
            },
        ),
        (
            "086 created-huge",
            with(|o| {
                o.insert("created_ms".into(), json!(u64::MAX));
            }),
            Accept,
        ),
        (
            "087 proto-keys",
            with(|o| {
                o.insert("answers".into(), json!({"__proto__": 1}));
            }),
            Refuse {
                en: "\"__proto__\" in this set",
                vi: "không có tiêu chí __proto__",
            },
        ),
        (
            "088 proto-keys-unknown-only",
            with(|o| {
                o.insert("evidence".into(), json!({"constructor": "x"}));
            }),
            Refuse {
                en: "evidence.constructor",
                vi: "không có tiêu chí constructor",
            },
        ),
        (
            "089 dup-keys-format",
            format!("{{\"format\":\"nope\",{}", &good[1..]).into_bytes(),
            Refuse {
                en: "the key \"format\" appears twice",
                vi: "Trường “format” xuất hiện hai lần",
            },
        ),
        (
            "090 dup-keys-answers",
            raw_field("answers", r#"{"1.1":1,"1.1":3}"#),
            Refuse {
                en: "the key \"answers.1.1\" appears twice",
                vi: "Trường “answers.1.1” xuất hiện hai lần",
            },
        ),
        (
            "091 dup-keys-set",
            format!("{{\"product_set\":\"QD26-01\",{}", &good[1..]).into_bytes(),
            Refuse {
                en: "the key \"product_set\" appears twice",
                vi: "Trường “product_set” xuất hiện hai lần",
            },
        ),
        ("092 10000-answers-unknown", many_unknown, no_criterion),
        (
            "093 10000-evidence-unknown",
            with(|o| {
                o.insert(
                    "evidence".into(),
                    Value::Object((0..10_000).map(|i| (format!("x{i}"), json!("n"))).collect()),
                );
            }),
            Refuse {
                en: "evidence.x",
                vi: "không có tiêu chí x",
            },
        ),
        (
            "094 100k-none-of-levels-dups",
            with(|o| {
                o.insert(
                    "none_of_levels".into(),
                    Value::Array(vec![json!("1.3"); 100_000]),
                );
            }),
            Accept,
        ),
        (
            "095 id-900k",
            with(|o| {
                o.insert("id".into(), json!("a".repeat(900_000)));
            }),
            Accept,
        ),
        (
            "096 title-100k",
            with(|o| {
                o.insert("title".into(), json!("Nước mắm ".repeat(11_000)));
            }),
            Accept,
        ),
        (
            "097 combining-flood",
            with(|o| {
                o.insert(
                    "title".into(),
                    json!(format!("a{}", "\u{301}".repeat(50_000))),
                );
            }),
            Accept,
        ),
        (
            "098 hostile-everything",
            with(|o| {
                o.insert(
                    "title".into(),
                    json!("<img src=x onerror=alert(1)>\u{202e}gpj.exe\u{1b}]0;x\u{7}"),
                );
                o.insert("evidence".into(), json!({"1.1": "</w:t><w:r>"}));
                o.insert("product".into(), json!({"name": "&amp; <script>"}));
            }),
            Accept,
        ),
        (
            "900 50MB",
            vec![b' '; 50 * 1024 * 1024],
            Refuse {
                en: "the limit is 1000000",
                vi: "Tệp quá lớn",
            },
        ),
    ]
}

/// The app's way in: read, then check against the set's sheet (the import and a share link).
fn app(bytes: &[u8]) -> Result<draft::Draft, ImportError> {
    let d = draft::from_bytes(bytes)?;
    draft::check_against(&d, &set(&d.product_set))?;
    Ok(d)
}

#[test]
fn every_row_of_the_import_matrix_ends_as_expected() {
    let rows = rows();
    assert_eq!(rows.len(), 100);
    let dir = std::env::temp_dir().join(format!("ocop-matrix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let mut failures = Vec::new();
    for (name, bytes, want) in &rows {
        let got = app(bytes);
        // The command line, on the same bytes.
        let file = dir.join(format!("{}.json", &name[..3]));
        std::fs::write(&file, bytes).expect("write");
        let out = Command::new(env!("CARGO_BIN_EXE_ocop"))
            .arg("assess")
            .arg("--json")
            .arg(&file)
            .output()
            .expect("run ocop");
        let cli_err = String::from_utf8_lossy(&out.stderr).into_owned();
        match (want, &got) {
            (Accept, Ok(d)) => {
                if out.status.code() != Some(0) {
                    failures.push(format!(
                        "{name}: the CLI refused what the app accepts: {cli_err}"
                    ));
                }
                if !draft::is_valid_id(&d.id) && !d.id.is_empty() {
                    failures.push(format!("{name}: id kept as {} characters", d.id.len()));
                }
                if d.title.chars().count() > draft::MAX_FIELD_CHARS {
                    failures.push(format!("{name}: title not cut"));
                }
            }
            (Accept, Err(e)) => failures.push(format!("{name}: refused: {e}")),
            (Refuse { .. }, Ok(_)) => failures.push(format!("{name}: accepted")),
            (Refuse { en, vi }, Err(e)) => {
                let (shown_en, shown_vi) = (e.to_string(), i18n::import_error(Lang::Vi, e));
                if !shown_en.contains(en) {
                    failures.push(format!("{name}: English {shown_en:?} lacks {en:?}"));
                }
                if !shown_vi.contains(vi) {
                    failures.push(format!("{name}: Vietnamese {shown_vi:?} lacks {vi:?}"));
                }
                if out.status.code() != Some(2) || !cli_err.contains(en) {
                    failures.push(format!("{name}: CLI {:?} {cli_err:?}", out.status.code()));
                }
                for english in ["an object", "a string", "expected", "true or false", "“”"] {
                    if shown_vi.contains(english) {
                        failures.push(format!("{name}: English in {shown_vi:?}"));
                    }
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        failures.is_empty(),
        "{} rows wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
