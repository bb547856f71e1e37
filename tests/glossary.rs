//! The glossary (`static/help/glossary.json`, `src/rubric/glossary.rs`): the shipped file is
//! valid, the validator catches every kind of problem, every term is used somewhere the
//! producer reads (the criteria and levels of the 26 sets, the decision's forms, the app's
//! strings), the words the UX review names are found where they occur, the finder's edge cases,
//! and the search as people type.

use std::collections::{BTreeMap, BTreeSet};

use ocop_self_check::i18n::{t, Key};
use ocop_self_check::lang::Lang;
use ocop_self_check::rubric::embedded;
use ocop_self_check::rubric::glossary::{
    Glossary, LoadError, Rule, Term, GLOSSARY_JSON, MAX_DEF_CHARS, MAX_QUERY_CHARS, MIN_TERMS,
};

const FORMS: &str = include_str!("../docs/forms-qd26-2026.md");
const UI_STRINGS: &str = include_str!("../src/i18n/ui.rs");
/// The evidence suggestions the questionnaire shows under each criterion.
const EVIDENCE: &str = include_str!("../src/rubric/evidence.rs");
const APP_CSS: &str = include_str!("../static/app.css");

fn glossary() -> Glossary {
    Glossary::from_json(GLOSSARY_JSON).unwrap_or_else(|e| panic!("{e}"))
}

fn terms() -> Vec<Term> {
    glossary().terms().to_vec()
}

/// Every text of the 26 sets a producer reads, both languages: part, section and group names,
/// criteria, their cases and notes, levels, knock-outs and the sheet's header.
fn rubric_texts() -> Vec<String> {
    let sets = embedded::load_all().unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
    let mut out = Vec::new();
    for s in &sets {
        let mut push = |t: &ocop_self_check::lang::Text| {
            out.push(t.vi.clone());
            out.push(t.en.clone());
        };
        push(&s.name);
        for k in &s.knock_outs {
            push(&k.text);
        }
        for p in &s.parts {
            push(&p.name);
            for sec in &p.sections {
                push(&sec.name);
                for g in &sec.groups {
                    push(&g.name);
                }
                for c in &sec.criteria {
                    push(&c.text);
                    c.cases.iter().for_each(&mut push);
                    c.notes.iter().for_each(&mut push);
                    for l in &c.levels {
                        push(&l.text);
                    }
                }
            }
        }
        out.push(s.header_vi.clone());
    }
    out.retain(|t| !t.is_empty());
    out
}

/// The level texts of every set, Vietnamese (2,579 of them).
fn level_texts() -> Vec<String> {
    let sets = embedded::load_all().unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
    sets.iter()
        .flat_map(|s| {
            s.criteria()
                .flat_map(|l| l.criterion.levels.iter().map(|x| x.text.vi.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_shipped_file_is_valid() {
    let g = glossary();
    assert!(g.terms().len() >= MIN_TERMS, "{} terms", g.terms().len());
    assert_eq!(g.validate(), vec![]);
    assert_eq!(level_texts().len(), 2579, "the benchmark's corpus");
}

/// A copy of the shipped terms with one change; the validator must name `rule`.
fn catches(rule: Rule, change: impl FnOnce(&mut Vec<Term>)) {
    let mut t = terms();
    change(&mut t);
    let problems = Glossary::from_terms(t).validate();
    assert!(
        problems.iter().any(|p| p.rule == rule),
        "{rule:?} not caught: {problems:?}"
    );
}

fn at(terms: &mut [Term], id: &str) -> usize {
    terms
        .iter()
        .position(|t| t.id == id)
        .unwrap_or_else(|| panic!("no term {id}"))
}

#[test]
fn the_validator_catches_each_kind_of_problem() {
    catches(Rule::TooFewTerms, |t| t.truncate(MIN_TERMS - 1));
    catches(Rule::BadId, |t| t[0].id = "Mẫu 01".into());
    catches(Rule::BadId, |t| t[0].id = "a--b".into());
    catches(Rule::DuplicateId, |t| t[1].id = t[0].id.clone());
    catches(Rule::Empty, |t| t[0].aliases.push(String::new()));
    catches(Rule::Empty, |t| t[0].def.en = " ".into());
    catches(Rule::Empty, |t| t[0].en.clear());
    catches(Rule::Spacing, |t| t[0].vi = format!(" {}", t[0].vi));
    catches(Rule::Spacing, |t| {
        t[0].def.vi = t[0].def.vi.replace(' ', "  ")
    });
    catches(Rule::TooLong, |t| t[0].def.vi = "ừ ".repeat(MAX_DEF_CHARS));
    catches(Rule::TooLong, |t| {
        t[0].aliases = (0..17).map(|i| format!("x{i}")).collect()
    });
    catches(Rule::NoDiacritics, |t| {
        let i = at(t, "htx");
        t[i].vi = "hop tac xa".into();
    });
    catches(Rule::NoDiacritics, |t| {
        t[0].def.vi = "Chuong trinh Moi xa mot san pham cua Nha nuoc.".into()
    });
    catches(Rule::NotComposed, |t| {
        t[0].aliases.push("hu\u{31b}\u{303}u co\u{31b}".into())
    });
    // The same name in two terms, as written, in another case, and without diacritics.
    catches(Rule::DuplicateName, |t| {
        let i = at(t, "tccs");
        t[i].aliases.push("HTX".into());
    });
    catches(Rule::DuplicateName, |t| {
        let i = at(t, "tccs");
        t[i].aliases.push("htx".into());
    });
    catches(Rule::DuplicateName, |t| {
        let i = at(t, "tccs");
        t[i].aliases.push("huu co".into());
    });
    catches(Rule::BadSee, |t| t[0].see.push("no-such-term".into()));
    catches(Rule::BadSee, |t| {
        let id = t[0].id.clone();
        t[0].see.push(id);
    });
    catches(Rule::BadSee, |t| {
        let s = t[0].see[0].clone();
        t[0].see.push(s);
    });
    // Unaccented abbreviations, brand names and symbols are fine as Vietnamese names.
    let g = glossary();
    for id in ["htx", "haccp", "vietgap", "xap-xi", "iso-22000"] {
        assert!(g.term(id).is_some(), "{id}");
    }
}

#[test]
fn the_file_is_read_strictly() {
    let one = r#"{"id":"a","vi":"ă","en":"a","def":{"vi":"Ừ.","en":"Yes."}}"#;
    let file = |body: &str| {
        format!(r#"{{"format":"ocop-self-check/glossary","version":1,"terms":[{body}]}}"#)
    };
    // Valid in shape, but one term is too few.
    match Glossary::from_json(&file(one)) {
        Err(LoadError::Invalid(p)) => assert!(p.iter().any(|p| p.rule == Rule::TooFewTerms)),
        other => panic!("{other:?}"),
    }
    for bad in [
        file(&one.replace(r#""en":"a","#, r#""en":"a","colour":"red","#)),
        file(&one.replace(r#""en":"a","#, r#""en":"a","en":"b","#)),
        file(&one.replace(r#""en":"Yes."}"#, r#""en":"Yes.","fr":"Oui."}"#)),
        file(&one.replace(r#""vi":"ă","#, "")),
        "not json".to_string(),
        GLOSSARY_JSON.replacen("\"terms\":[", "\"terms\":[1,", 1),
    ] {
        assert!(
            matches!(Glossary::from_json(&bad), Err(LoadError::Parse(_))),
            "{bad}"
        );
    }
    for (format, version) in [
        ("ocop-self-check/glossary", 2),
        ("ocop-self-check/rubric", 1),
    ] {
        let text = GLOSSARY_JSON.replacen(
            r#"{"format":"ocop-self-check/glossary","version":1,"#,
            &format!(r#"{{"format":"{format}","version":{version},"#),
            1,
        );
        assert!(
            matches!(Glossary::from_json(&text), Err(LoadError::Format { .. })),
            "{format} v{version}"
        );
    }
}

/// Terms the producer does not meet in the criteria, the forms or the app's strings, and why
/// they are in the glossary anyway.
const ALLOWLIST: &[(&str, &str)] = &[
    (
        "xap-xi",
        "the app draws it before every estimate and suggestion (`.estimate::before` in static/app.css)",
    ),
    (
        "fssc-22000",
        "a certificate producers hold and write in the certificates field; the sheets' examples stop at ISO, HACCP, BRC",
    ),
];

#[test]
fn every_term_occurs_where_producers_read() {
    let g = glossary();
    let mut texts = rubric_texts();
    texts.extend([FORMS, UI_STRINGS, EVIDENCE].map(str::to_string));
    let mut found: BTreeSet<&str> = BTreeSet::new();
    for text in &texts {
        found.extend(g.find_in(text).iter().map(|f| f.id));
    }
    let allowed: BTreeMap<&str, &str> = ALLOWLIST.iter().copied().collect();
    let missing: Vec<&str> = g
        .terms()
        .iter()
        .map(|t| t.id.as_str())
        .filter(|id| !found.contains(id) && !allowed.contains_key(id))
        .collect();
    assert_eq!(missing, Vec::<&str>::new(), "terms used nowhere");
    for (id, reason) in ALLOWLIST {
        assert!(g.term(id).is_some(), "allowlisted {id} is not a term");
        assert!(
            !found.contains(id),
            "{id} is used after all: drop it from the allowlist"
        );
        assert!(!reason.is_empty());
    }
    assert!(
        APP_CSS.contains("content: \"≈ \""),
        "the ≈ the allowlist speaks of"
    );
    assert!(
        found.len() + ALLOWLIST.len() == g.terms().len() && found.len() >= MIN_TERMS,
        "{} terms found",
        found.len()
    );
}

/// Does `found` link `id` over the first occurrence of `phrase` (case-insensitive) in `text`?
fn links(g: &Glossary, text: &str, phrase: &str, id: &str) -> bool {
    let lower = text.to_lowercase();
    let Some(at) = lower.find(&phrase.to_lowercase()) else {
        return false;
    };
    // Lower-casing Vietnamese keeps byte lengths here (checked), so offsets carry over.
    assert_eq!(lower.len(), text.len());
    g.find_in(text)
        .iter()
        .any(|f| f.id == id && f.start <= at && at + phrase.len() <= f.end)
}

#[test]
fn the_reviews_terms_are_found_where_they_occur() {
    let g = glossary();
    let rubric = rubric_texts();
    // (phrase as the review quotes it, the term, where it occurs)
    let cases: &[(&str, &str)] = &[
        ("HACCP", "haccp"),
        ("VietGAP", "vietgap"),
        ("công bố chất lượng", "cong-bo-chat-luong"),
        ("xếp loại khá", "htx-xep-loai-kha"),
        ("Rất phù hợp", "rat-phu-hop"),
    ];
    for (phrase, id) in cases {
        let with: Vec<&String> = rubric
            .iter()
            .filter(|t| t.to_lowercase().contains(&phrase.to_lowercase()))
            .collect();
        assert!(!with.is_empty(), "{phrase} is not in the criteria");
        // "tự công bố chất lượng" is its own term; every other use is linked to this one.
        let wrong: Vec<&&String> = with
            .iter()
            .filter(|t| !links(&g, t, phrase, id))
            .filter(|t| {
                !t.to_lowercase()
                    .contains(&format!("tự {}", phrase.to_lowercase()))
            })
            .collect();
        assert!(wrong.is_empty(), "{phrase} → {id} missed in {wrong:#?}");
    }
    // The rest are not in the criteria: the app's hint for the standard, Mẫu 02's evidence
    // table, the app's ≈.
    let hint = t(Lang::Vi, Key::StandardHint);
    assert!(links(&g, hint, "TCCS", "tccs"), "{hint}");
    assert!(links(&g, FORMS, "Mã số mã vạch", "ma-so-ma-vach"));
    let suggested = format!("≈ {}", t(Lang::Vi, Key::EvidenceSuggested));
    assert!(links(&g, &suggested, "≈", "xap-xi"), "{suggested}");
    assert!(links(&g, &suggested, "ước tính", "uoc-tinh"), "{suggested}");
    // The review's exact spelling "HTX xếp loại khá", and the level as the sheet prints it.
    assert!(links(
        &g,
        "HTX xếp loại khá",
        "HTX xếp loại khá",
        "htx-xep-loai-kha"
    ));
    assert!(links(
        &g,
        "Hợp tác xã xếp loại khá trở lên",
        "Hợp tác xã xếp loại khá",
        "htx-xep-loai-kha"
    ));
}

#[test]
fn found_ranges_are_ordered_whole_and_name_a_term() {
    let g = glossary();
    let mut texts = rubric_texts();
    texts.push(FORMS.to_string());
    let mut count = 0;
    for text in &texts {
        let mut last_end = 0;
        for f in g.find_in(text) {
            assert!(f.start < f.end && f.start >= last_end, "{f:?} in {text}");
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            // Whole words: no letter or digit right before or after.
            let before = text[..f.start].chars().next_back();
            let after = text[f.end..].chars().next();
            for c in [before, after].into_iter().flatten() {
                let first = text[f.start..].chars().next();
                let last = text[..f.end].chars().next_back();
                let word_edge = first.is_some_and(char::is_alphanumeric)
                    && last.is_some_and(char::is_alphanumeric);
                if word_edge {
                    assert!(
                        !c.is_alphanumeric(),
                        "{:?} cut from a word in {text}",
                        &text[f.start..f.end]
                    );
                }
            }
            // What was found is a name of the term, up to case and spacing.
            let norm = |s: &str| {
                s.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            };
            let term = g.term(f.id).unwrap_or_else(|| panic!("{}", f.id));
            let got = norm(&text[f.start..f.end]);
            assert!(
                term.names().any(|n| norm(n) == got)
                    || term
                        .names()
                        .any(|n| norm(n).replace(' ', "") == got.replace(' ', "")),
                "{got:?} is not a name of {}",
                f.id
            );
            last_end = f.end;
            count += 1;
        }
    }
    assert!(count > 5000, "{count} uses found");
}

fn found<'a>(g: &Glossary, text: &'a str) -> Vec<(&'a str, String)> {
    g.find_in(text)
        .iter()
        .map(|f| (&text[f.start..f.end], f.id.to_string()))
        .collect()
}

fn pairs<'a>(x: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
    x.iter().map(|(a, b)| (*a, b.to_string())).collect()
}

#[test]
fn the_finder_matches_whole_words_only() {
    let g = glossary();
    assert_eq!(found(&g, "HTXA, HTX1, xHTX"), vec![]);
    assert_eq!(found(&g, "(HTX)"), pairs(&[("HTX", "htx")]));
    assert_eq!(found(&g, "htx"), pairs(&[("htx", "htx")]));
    assert_eq!(found(&g, "ISO 220001"), pairs(&[("ISO", "iso")]));
    assert_eq!(
        found(&g, "ISO 22000:2018"),
        pairs(&[("ISO 22000", "iso-22000")])
    );
    assert_eq!(
        found(&g, "TCCS 01:2024/HTX"),
        pairs(&[("TCCS", "tccs"), ("HTX", "htx")])
    );
    // Symbols are whole runs: *** is not inside ****, ≈ stands alone.
    assert_eq!(found(&g, "mức 2 ****"), pairs(&[("****", "dau-sao")]));
    assert_eq!(found(&g, "** và ******"), vec![]);
    assert_eq!(
        found(&g, "≈3 sao"),
        pairs(&[("≈", "xap-xi"), ("3 sao", "hang-sao")])
    );
    // Syllables, not letters: "cơ sở" is not in "cơsở", "hữu cơ" not in "hữu cơn".
    assert_eq!(found(&g, "hữu cơn"), vec![]);
    assert_eq!(found(&g, ""), vec![]);
    assert_eq!(found(&g, "   \n\t "), vec![]);
}

#[test]
fn the_finder_takes_the_longest_and_never_overlaps() {
    let g = glossary();
    let text = "Cơ sở có giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm theo quy định; an toàn thực phẩm";
    assert_eq!(
        found(&g, text),
        pairs(&[
            (
                "giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
                "gcn-attp"
            ),
            ("an toàn thực phẩm", "attp"),
        ])
    );
    assert_eq!(
        found(
            &g,
            "Có công bố chất lượng sản phẩm theo quy định; tự công bố chất lượng"
        ),
        pairs(&[
            ("công bố chất lượng sản phẩm", "cong-bo-chat-luong"),
            ("tự công bố chất lượng", "tu-cong-bo"),
        ])
    );
    assert_eq!(
        found(&g, "Hợp tác xã xếp loại khá trở lên hoặc hợp tác xã khác"),
        pairs(&[
            ("Hợp tác xã xếp loại khá", "htx-xep-loai-kha"),
            ("hợp tác xã", "htx")
        ])
    );
    // Case and line breaks do not matter (the forms' text breaks lines inside phrases).
    assert_eq!(
        found(&g, "CÔNG BỐ CHẤT LƯỢNG\nSẢN PHẨM"),
        pairs(&[("CÔNG BỐ CHẤT LƯỢNG\nSẢN PHẨM", "cong-bo-chat-luong")])
    );
    assert_eq!(
        found(&g, "đánh giá, phân\nhạng lại"),
        pairs(&[("đánh giá, phân\nhạng lại", "phan-hang-lai")])
    );
}

#[test]
fn the_finder_keeps_diacritics_and_composes_decomposed_letters() {
    let g = glossary();
    // Diacritics make the word: none of these is "hữu cơ" or "tổ hợp tác".
    for near in ["huu co", "hưu cơ", "hữu co", "hũu cơ", "to hop tac"] {
        assert_eq!(found(&g, near), vec![], "{near}");
    }
    assert_eq!(found(&g, "Hữu cơ"), pairs(&[("Hữu cơ", "huu-co")]));
    assert_eq!(found(&g, "HỮU CƠ"), pairs(&[("HỮU CƠ", "huu-co")]));
    // The same words typed in decomposed form (NFD: base letter + combining marks); the range
    // is in the decomposed text.
    let nfd =
        "Chứng nhận hu\u{31b}\u{303}u co\u{31b} và to\u{302}\u{309} ho\u{31b}\u{323}p ta\u{301}c";
    let f = g.find_in(nfd);
    let ids: Vec<&str> = f.iter().map(|x| x.id).collect();
    assert_eq!(ids, ["huu-co", "to-hop-tac"]);
    assert_eq!(&nfd[f[0].start..f[0].end], "hu\u{31b}\u{303}u co\u{31b}");
    assert_eq!(
        &nfd[f[1].start..f[1].end],
        "to\u{302}\u{309} ho\u{31b}\u{323}p ta\u{301}c"
    );
    // Decomposed, in capitals, with the dot below before the circumflex (canonical order).
    assert_eq!(
        found(&g, "SA\u{309}N PHA\u{302}\u{309}M MA\u{302}\u{303}U"),
        pairs(&[(
            "SA\u{309}N PHA\u{302}\u{309}M MA\u{302}\u{303}U",
            "san-pham-mau"
        )])
    );
}

#[test]
fn each_term_can_be_linked_once() {
    let g = glossary();
    let text = "HTX, HTX và hợp tác xã; giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, rồi \
                giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm";
    let all: Vec<&str> = g.find_in(text).iter().map(|f| f.id).collect();
    assert_eq!(all, ["htx", "htx", "htx", "gcn-attp", "gcn-attp"]);
    let first = g.find_first_in(text);
    let ids: Vec<&str> = first.iter().map(|f| f.id).collect();
    // The second certificate is skipped whole: its "an toàn thực phẩm" is not linked either.
    assert_eq!(ids, ["htx", "gcn-attp"]);
    assert_eq!(&text[first[0].start..first[0].end], "HTX");
    let across = g.find_first_across(&["Tiêu chí HTX", "HTX xếp loại khá; HTX"]);
    let ids: Vec<Vec<&str>> = across
        .iter()
        .map(|v| v.iter().map(|f| f.id).collect())
        .collect();
    assert_eq!(ids, vec![vec!["tieu-chi", "htx"], vec!["htx-xep-loai-kha"]]);
}

fn first(g: &Glossary, q: &str, lang: Lang) -> Option<String> {
    g.search(q, lang).first().map(|t| t.id.clone())
}

#[test]
fn the_search_finds_by_abbreviation_unaccented_typing_and_english() {
    let g = glossary();
    let cases: &[(&str, Lang, &str)] = &[
        // Abbreviations.
        ("HTX", Lang::Vi, "htx"),
        ("htx", Lang::Vi, "htx"),
        ("TCCS", Lang::Vi, "tccs"),
        ("attp", Lang::Vi, "attp"),
        ("bhxh", Lang::Vi, "bhxh"),
        ("shtt", Lang::Vi, "so-huu-tri-tue"),
        ("ĐTM", Lang::Vi, "danh-gia-tac-dong-moi-truong"),
        ("dtm", Lang::Vi, "danh-gia-tac-dong-moi-truong"),
        // As typed without diacritics, whole or by the start of words.
        ("tieu chuan co so", Lang::Vi, "tccs"),
        ("huu co", Lang::Vi, "huu-co"),
        ("ma so ma vach", Lang::Vi, "ma-so-ma-vach"),
        ("ma vach", Lang::Vi, "ma-so-ma-vach"),
        ("cong bo chat luong", Lang::Vi, "cong-bo-chat-luong"),
        ("tu cong bo", Lang::Vi, "tu-cong-bo"),
        ("htx xep loai kha", Lang::Vi, "htx-xep-loai-kha"),
        ("xep loai", Lang::Vi, "htx-xep-loai-kha"),
        ("rat phu hop", Lang::Vi, "rat-phu-hop"),
        ("chi dan dia ly", Lang::Vi, "chi-dan-dia-ly"),
        ("vietg", Lang::Vi, "vietgap"),
        ("Mẫu 02", Lang::Vi, "mau-02"),
        ("mau 3", Lang::Vi, "mau-03"),
        // English.
        ("barcode", Lang::En, "ma-so-ma-vach"),
        ("organic", Lang::En, "huu-co"),
        ("trademark", Lang::En, "nhan-hieu"),
        ("cooperative", Lang::En, "htx"),
        ("geographical indication", Lang::En, "chi-dan-dia-ly"),
        ("quality declaration", Lang::En, "cong-bo-chat-luong"),
        ("knock", Lang::En, "ho-so-bi-loai"),
        // Symbols.
        ("≈", Lang::Vi, "xap-xi"),
        ("***", Lang::Vi, "dau-sao"),
        ("★", Lang::En, "hang-sao"),
        // Failing every name, the definition in the user's language.
        ("Shopee", Lang::Vi, "san-tmdt"),
    ];
    let mut wrong = Vec::new();
    for (q, lang, id) in cases {
        let got = first(&g, q, *lang);
        if got.as_deref() != Some(*id) {
            wrong.push(format!("{q:?} ({lang:?}): {got:?}, want {id}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Several terms may match; the abbreviation's own term comes first, then others with it.
    let htx: Vec<&str> = g
        .search("htx", Lang::Vi)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert!(htx.contains(&"htx-xep-loai-kha"), "{htx:?}");
    assert_eq!(g.search("", Lang::Vi).len(), 0);
    assert_eq!(g.search(" , . ", Lang::Vi).len(), 0);
    assert_eq!(g.search("zzzz qqqq", Lang::Vi).len(), 0);
    // A long query costs as much as its first characters.
    let long = format!("htx {}", "x".repeat(10 * MAX_QUERY_CHARS));
    assert!(g.search(&long, Lang::Vi).is_empty());
}

#[test]
fn definitions_are_short_and_agree_on_numbers() {
    let mut differ = Vec::new();
    for t in terms() {
        for (lang, def) in [("vi", &t.def.vi), ("en", &t.def.en)] {
            // 1–3 sentences: count the full stops that end a sentence.
            let sentences = def
                .split_inclusive(['.', '!', '?'])
                .filter(|s| s.trim_end().len() > 3 && !s.trim_end().ends_with("v.v."))
                .count();
            assert!(
                (1..=4).contains(&sentences),
                "{} {lang}: {sentences} sentences",
                t.id
            );
            assert!(!def.contains("TODO"), "{}", t.id);
        }
        // The two languages agree on numbers (a figure in one is in the other).
        let digits = |s: &str| {
            s.split(|c: char| !c.is_ascii_digit())
                .filter(|d| !d.is_empty())
                .filter_map(|d| d.parse::<u64>().ok())
                .collect::<BTreeSet<_>>()
        };
        // "ngày 22 tháng 5 năm 2026" is "22 May 2026": a month's number is not compared.
        let mut vi = t.def.vi.clone();
        for m in (1..=12).rev() {
            vi = vi.replace(&format!("tháng {m} "), "tháng ");
        }
        if digits(&vi) != digits(&t.def.en) {
            differ.push(format!(
                "{}: {:?} / {:?}",
                t.id,
                digits(&vi),
                digits(&t.def.en)
            ));
        }
    }
    assert!(differ.is_empty(), "numbers differ: {differ:#?}");
}

#[test]
fn the_shipped_reader_finds_and_searches_like_the_checked_one() {
    let text = std::fs::read_to_string("static/help/glossary.json").expect("glossary file");
    let checked = Glossary::from_json(&text).expect("checked");
    let shipped = Glossary::from_json_shipped(&text).expect("shipped");
    assert_eq!(checked.terms(), shipped.terms());
    let sample = "Có công bố chất lượng sản phẩm, chứng nhận VietGAP, HACCP, ISO 22000 và TCCS";
    assert_eq!(checked.find_in(sample), shipped.find_in(sample));
    for q in ["haccp", "cong bo", "HTX", "vietgap", "***", "quality"] {
        for lang in [Lang::Vi, Lang::En] {
            let a: Vec<&str> = checked
                .search(q, lang)
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            let b: Vec<&str> = shipped
                .search(q, lang)
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            assert_eq!(a, b, "{q} {lang:?}");
        }
    }
    // A file of another format is still refused, with the reason.
    assert!(Glossary::from_json_shipped("{\"format\":\"x\",\"version\":1,\"terms\":[]}").is_err());
    assert!(Glossary::from_json_shipped("not json").is_err());
}
