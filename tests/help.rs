//! The plain-language help (`static/help/criteria.json`, read by `rubric::help`): the shipped
//! file passes its validator against the 26 sets; every one of the 787 criteria resolves to
//! help in both languages, with the papers that usually prove it; and the validator catches
//! each kind of problem (a missing criterion, an empty string, an unaccented text, an override
//! of a code that does not exist, a wrong version, …).

mod common;

use common::{all_sets, set};
use ocop_self_check::lang::Lang;
use ocop_self_check::rubric::evidence;
use ocop_self_check::rubric::help::{
    self, diacritic_share, normalise, validate, Help, HelpError, Override, ProblemKind, ASKS_MAX,
    EMBEDDED, HELP_VERSION,
};
use ocop_self_check::rubric::Text;

fn shipped() -> Help {
    Help::from_json(EMBEDDED).unwrap_or_else(|e| panic!("{e}"))
}

/// The kinds of problem the validator finds.
fn kinds(h: &Help) -> Vec<ProblemKind> {
    validate(h, all_sets())
        .into_iter()
        .map(|p| p.kind)
        .collect()
}

#[test]
fn the_shipped_file_passes_the_validator() {
    let h = shipped();
    let problems = validate(&h, all_sets());
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(h.version, HELP_VERSION);
    assert!(h
        .note(Lang::Vi)
        .contains("không phải văn bản của Quyết định"));
    assert!(h.note(Lang::En).contains("not the text of Decision"));
}

#[test]
fn every_criterion_of_the_26_sets_resolves_to_help_in_both_languages() {
    let h = shipped();
    let sets = all_sets();
    assert_eq!(sets.len(), 26);
    let (mut criteria, mut levels, mut with_papers) = (0, 0, 0);
    let mut names = std::collections::BTreeSet::new();
    for s in sets {
        for l in s.criteria() {
            let code = &l.criterion.code;
            criteria += 1;
            levels += l.criterion.levels.len();
            names.insert(normalise(&l.criterion.text.vi));
            let Some(help) = h.for_criterion(s, code) else {
                panic!("{} {code}: no help", s.id)
            };
            for lang in [Lang::Vi, Lang::En] {
                assert!(!help.asks.get(lang).trim().is_empty(), "{} {code}", s.id);
            }
            assert_ne!(help.asks.vi, help.asks.en, "{} {code}", s.id);
            for t in [&help.levels, &help.practice].into_iter().flatten() {
                assert!(!t.vi.trim().is_empty() && !t.en.trim().is_empty());
            }
            // The papers are evidence.rs's, in both languages, for every criterion it maps.
            let mapped = evidence::for_criterion(s, code);
            assert_eq!(help.papers, mapped, "{} {code}", s.id);
            if !mapped.is_empty() {
                with_papers += 1;
                for p in help.paper_texts() {
                    assert!(!p.vi.is_empty() && !p.en.is_empty());
                }
            }
        }
    }
    assert_eq!(criteria, 787);
    assert_eq!(levels, 2579);
    assert_eq!(names.len(), 115, "distinct criterion names");
    // evidence.rs maps every criterion (its own test says so); the help carries them all.
    assert_eq!(with_papers, 787);
    // Every one of the 115 names is listed by exactly one entry.
    let listed: Vec<String> = h
        .criteria
        .iter()
        .flat_map(|e| e.names.iter().map(|n| normalise(n)))
        .collect();
    assert_eq!(listed.len(), 115);
    for n in &names {
        assert!(listed.contains(n), "{n}");
    }
}

#[test]
fn overrides_change_the_help_where_the_same_name_means_something_else() {
    let h = shipped();
    let tourism = set("QD26-26");
    let food = set("QD26-07");
    // "Câu chuyện sản phẩm" (5.1) is a guidebook in the tourism set.
    let t = h.for_criterion(&tourism, "5.1").expect("tourism 5.1");
    let f = h.for_criterion(&food, "5.1").expect("food 5.1");
    assert!(t.overridden && !f.overridden);
    assert!(t.asks.vi.contains("cẩm nang"), "{}", t.asks.vi);
    assert_ne!(t.asks, f.asks);
    // An override that gives only the levels keeps the shared "asks".
    let fresh = set("QD26-01");
    let v = h.for_criterion(&fresh, "1.3").expect("1.3");
    let shared = h.entry("Gia tăng giá trị").expect("entry");
    assert_eq!(v.asks, shared.asks);
    assert_ne!(v.levels, shared.levels);
    assert!(v.overridden);
    // Unknown codes have no help.
    assert!(h.for_criterion(&food, "99").is_none());
}

#[test]
fn the_help_never_contradicts_a_sample_of_the_official_level_texts() {
    // A sample read against the sheets: numbers and named levels the help repeats must be the
    // decision's.
    let h = shipped();
    let labour = h.entry("Sử dụng lao động địa phương").expect("3.3");
    let s = set("QD26-07");
    let official: Vec<&str> = s
        .criterion("3.3")
        .expect("3.3")
        .levels
        .iter()
        .map(|l| l.text.vi.as_str())
        .collect();
    assert!(official[0].contains("25%") && official[2].contains("75%"));
    let lv = labour.levels.as_ref().expect("levels");
    assert!(lv.vi.contains("25%") && lv.vi.contains("75%"));
    // The linkage ladder: 50 %, 75 %, 12 months.
    let link = h.entry("Liên kết chuỗi trong sản xuất").expect("1.5");
    let lv = link.levels.as_ref().expect("levels");
    for needle in ["50%", "75%", "12 tháng"] {
        assert!(lv.vi.contains(needle), "{needle}");
    }
    let printed = &s.criterion("1.5").expect("1.5").levels;
    assert!(printed[3].text.vi.contains("12 tháng"));
    // Colour and ripeness: the five printed levels, named as printed.
    let colour = h.entry("Màu sắc, độ chín").expect("6.2");
    let fresh = set("QD26-01");
    for l in &fresh.criterion("6.2").expect("6.2").levels {
        let word = l.text.vi.to_lowercase();
        let help = colour.levels.as_ref().expect("levels").vi.to_lowercase();
        assert!(help.contains(&word), "{word}");
    }
}

// --- the validator catches each kind of problem ------------------------------------------

#[test]
fn a_missing_criterion_is_caught() {
    let mut h = shipped();
    h.criteria
        .retain(|e| !e.names.iter().any(|n| n == "Sử dụng lao động địa phương"));
    let problems = validate(&h, all_sets());
    let missing: Vec<_> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Missing)
        .collect();
    // 3.3 of all 26 sets.
    assert_eq!(missing.len(), 26, "{problems:#?}");
    assert!(missing.iter().any(|p| p.at == "QD26-07/3.3"));
}

#[test]
fn an_empty_string_is_caught() {
    let mut h = shipped();
    h.criteria[0].asks.en = " ".into();
    assert!(kinds(&h).contains(&ProblemKind::Empty));
    let mut h = shipped();
    if let Some(p) = h.criteria[1].practice.as_mut() {
        p.vi.clear();
    }
    assert!(kinds(&h).contains(&ProblemKind::Empty));
}

#[test]
fn an_unaccented_text_is_caught() {
    let mut h = shipped();
    h.criteria[2].asks.vi =
        "San pham cua ban duoc trong hoac nuoi ngay trong xa duoc bao nhieu phan tram.".into();
    assert!(diacritic_share(&h.criteria[2].asks.vi) < help::DIACRITIC_SHARE_MIN);
    assert_eq!(kinds(&h), [ProblemKind::Unaccented]);
}

#[test]
fn an_english_copy_of_the_vietnamese_is_caught() {
    let mut h = shipped();
    h.criteria[3].asks.en = h.criteria[3].asks.vi.clone();
    assert_eq!(kinds(&h), [ProblemKind::Untranslated]);
}

#[test]
fn an_override_of_a_nonexistent_code_is_caught() {
    let mut h = shipped();
    h.overrides.push(Override {
        at: vec!["QD26-07/9.9".into()],
        asks: Some(Text {
            vi: "Một tiêu chí không có trong bộ.".into(),
            en: "A criterion the set does not have.".into(),
        }),
        levels: None,
        practice: None,
    });
    assert_eq!(kinds(&h), [ProblemKind::UnknownTarget]);
    // Also a set that does not exist, and a target listed twice.
    let mut h = shipped();
    h.overrides[0].at.push("QD26-99/1.1".into());
    let first = h.overrides[0].at[0].clone();
    h.overrides[0].at.push(first);
    let k = kinds(&h);
    assert!(k.contains(&ProblemKind::UnknownTarget) && k.contains(&ProblemKind::DuplicateTarget));
    // An override that gives nothing.
    let mut h = shipped();
    h.overrides[0].levels = None;
    h.overrides[0].asks = None;
    h.overrides[0].practice = None;
    assert_eq!(kinds(&h), [ProblemKind::Empty]);
}

#[test]
fn an_unknown_or_repeated_name_is_caught() {
    let mut h = shipped();
    h.criteria[0].names.push("Tiêu chí không có".into());
    assert_eq!(kinds(&h), [ProblemKind::UnknownName]);
    let mut h = shipped();
    let name = h.criteria[0].names[0].clone();
    // The same name with other spacing is the same key.
    h.criteria[1]
        .names
        .push(format!("  {}  ", name.replace(' ', "   ")));
    assert_eq!(kinds(&h), [ProblemKind::DuplicateName]);
}

#[test]
fn a_text_over_its_length_or_sentence_limit_is_caught() {
    let mut h = shipped();
    h.criteria[0].asks.vi = "Đây là một câu rất dài về tiêu chí. ".repeat(ASKS_MAX / 30);
    let k = kinds(&h);
    assert!(k.contains(&ProblemKind::TooLong), "{k:?}");
    assert!(k.contains(&ProblemKind::TooManySentences), "{k:?}");
}

#[test]
fn a_wrong_version_or_format_is_caught() {
    let mut h = shipped();
    h.version = 2;
    assert_eq!(kinds(&h), [ProblemKind::Format]);
    let mut h = shipped();
    h.format = "ocop-self-check/rubric".into();
    assert_eq!(kinds(&h), [ProblemKind::Format]);
    let mut h = shipped();
    h.note_en.clear();
    assert_eq!(kinds(&h), [ProblemKind::Note]);
}

// --- the reader is strict ------------------------------------------------------------------

#[test]
fn the_reader_refuses_wrong_files_with_typed_errors() {
    let v: serde_json::Value = serde_json::from_str(EMBEDDED).expect("json");
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut x = v.clone();
        f(&mut x);
        Help::from_json(&x.to_string())
    };
    assert_eq!(
        with(&|x| x["version"] = 2.into()),
        Err(HelpError::Version(2))
    );
    assert!(matches!(
        with(&|x| x["format"] = "other".into()),
        Err(HelpError::Format(_))
    ));
    assert!(matches!(
        with(&|x| x["rubric"] = "QD148-2023".into()),
        Err(HelpError::Rubric(_))
    ));
    assert!(matches!(
        with(&|x| x["criteria"][0]["tip"] = "x".into()),
        Err(HelpError::Syntax(_))
    ));
    assert!(matches!(
        with(&|x| x["overrides"][0]["at"][0] = "QD26-07".into()),
        Err(HelpError::Target(_))
    ));
    assert!(matches!(
        with(&|x| {
            x.as_object_mut().map(|o| o.remove("note_vi"));
        }),
        Err(HelpError::Syntax(_))
    ));
    // A repeated key is refused too.
    let repeated = EMBEDDED.replacen("\"version\": 1,", "\"version\": 1, \"version\": 1,", 1);
    assert_ne!(repeated, EMBEDDED);
    assert!(matches!(
        Help::from_json(&repeated),
        Err(HelpError::Syntax(_))
    ));
    assert!(matches!(
        Help::from_json("not json"),
        Err(HelpError::Syntax(_))
    ));
}
