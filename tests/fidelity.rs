//! What the app ships (static/rubric/*.json) matches the reference transcription of the decision
//! (tests/reference/criteria-qd26-2026.json, a verbatim copy of the team's transcription, see
//! docs/domain.md) criterion by criterion: codes, order, maxima, every level's text, points and
//! star marker, notes, cases, the set's rejection sentence, and the flags on doubtful cells. Also
//! runs the validator.

use std::collections::BTreeMap;

mod common;

use common::{all_sets, reference};
use ocop_self_check::rubric::{validate, Criterion, KnockOutKind, ProductSet};
use serde_json::Value;

/// The shipped sets by id (a copy: tests change them).
fn shipped() -> BTreeMap<String, ProductSet> {
    all_sets()
        .iter()
        .map(|s| (s.id.clone(), s.clone()))
        .collect()
}

/// Scorable leaves of a reference set, in printed order.
fn leaves(set: &Value) -> Vec<&Value> {
    fn walk<'a>(n: &'a Value, out: &mut Vec<&'a Value>) {
        if n["options"].as_array().is_some_and(|o| !o.is_empty()) {
            out.push(n);
            return;
        }
        for key in ["criteria", "children"] {
            for c in n[key].as_array().into_iter().flatten() {
                walk(c, out);
            }
        }
    }
    let mut out = Vec::new();
    for part in set["sections"].as_array().into_iter().flatten() {
        walk(part, &mut out);
    }
    out
}

fn pts(v: &Value) -> u8 {
    let f = v.as_f64().expect("number");
    assert_eq!(f.fract(), 0.0, "integer points");
    f as u8
}

#[test]
fn every_shipped_set_passes_the_validator() {
    for (id, set) in shipped() {
        let problems = validate(&set);
        assert!(problems.is_empty(), "{id}: {problems:#?}");
        assert_eq!(set.decision.number, "26/2026/QĐ-TTg");
        assert_eq!(set.decision.effective_from, "2026-05-22");
        assert!(!set.decision.official_url.is_empty());
    }
}

#[test]
fn the_26_sets_match_the_reference() {
    let r = reference();
    let shipped = shipped();
    let sets = r["sets"].as_array().expect("sets");
    assert_eq!(sets.len(), 26);
    assert_eq!(shipped.len(), 26);
    let (mut criteria, mut levels, mut markers) = (0, 0, [0usize; 3]);
    for rs in sets {
        let id = rs["id"].as_str().expect("id");
        let s = &shipped[id];
        assert_eq!(s.name.vi, rs["name"].as_str().expect("name"), "{id}");
        assert_eq!(u64::from(s.no), rs["no"].as_u64().expect("no"));
        // Parts and sections.
        let rparts = rs["sections"].as_array().expect("parts");
        assert_eq!(s.parts.len(), rparts.len());
        for (p, rp) in s.parts.iter().zip(rparts) {
            assert_eq!(p.code, rp["code"].as_str().expect("code"));
            assert_eq!(
                u64::from(p.max),
                u64::from(pts(&rp["max"])),
                "{id}/{}",
                p.code
            );
            let rsecs = rp["criteria"].as_array().expect("sections");
            assert_eq!(p.sections.len(), rsecs.len(), "{id}/{}", p.code);
            for (sec, rsec) in p.sections.iter().zip(rsecs) {
                assert_eq!(sec.code, rsec["code"].as_str().expect("code"));
                assert_eq!(sec.name.vi, rsec["label"].as_str().expect("label"));
                assert_eq!(u64::from(sec.max), u64::from(pts(&rsec["max"])));
            }
        }
        // Criteria, levels, points, markers, texts.
        let rl = leaves(rs);
        let sl: Vec<&Criterion> = s.criteria().map(|l| l.criterion).collect();
        assert_eq!(
            sl.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(),
            rl.iter()
                .map(|c| c["code"].as_str().expect("code"))
                .collect::<Vec<_>>(),
            "{id}: criterion codes in printed order"
        );
        for (c, rc) in sl.iter().zip(&rl) {
            let at = format!("{id}/{}", c.code);
            criteria += 1;
            assert_eq!(c.max, pts(&rc["max"]), "{at} max");
            assert_eq!(c.text.vi, rc["label"].as_str().expect("label"), "{at}");
            if let Some(en) = rc["label_en"].as_str().filter(|e| !e.is_empty()) {
                assert_eq!(c.text.en, en, "{at}");
            }
            let notes: Vec<&str> = rc["notes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            assert_eq!(
                c.notes.iter().map(|n| n.vi.as_str()).collect::<Vec<_>>(),
                notes,
                "{at} notes"
            );
            assert_eq!(
                c.implicit_levels,
                rc["implicit_binary"].as_bool().unwrap_or(false),
                "{at}"
            );
            let ro = rc["options"].as_array().expect("options");
            assert_eq!(c.levels.len(), ro.len(), "{at} level count");
            let variants: Vec<&str> = rc["variants"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            assert_eq!(c.cases.len(), variants.len(), "{at} cases");
            for (i, (l, o)) in c.levels.iter().zip(ro).enumerate() {
                let at = format!("{at}/{}", i + 1);
                levels += 1;
                assert_eq!(l.points, pts(&o["points"]), "{at} points");
                assert_eq!(l.text.vi, shipped_vi(o), "{at} text");
                if let Some(en) = o["label_en"].as_str().filter(|e| !e.is_empty()) {
                    assert_eq!(l.text.en, en, "{at}");
                }
                assert_eq!(
                    l.min_star.map(u64::from),
                    o["min_star"].as_u64(),
                    "{at} marker"
                );
                if let Some(m) = l.min_star {
                    markers[usize::from(m - 3)] += 1;
                }
                assert_eq!(l.flag.as_deref(), o["flag"].as_str(), "{at} flag");
                match o["variant"].as_str() {
                    None => assert_eq!(l.case, None, "{at}"),
                    Some(v) => {
                        let k = variants
                            .iter()
                            .position(|x| *x == v)
                            .expect("variant listed");
                        assert_eq!(l.case, Some(k as u8 + 1), "{at} case");
                    }
                }
            }
            // The reference's derived per-star minimum points equal ours.
            if let Some(m) = rc["min_points_required_for_star"]["default"].as_object() {
                for star in 3..=5u8 {
                    let want = m
                        .get(&star.to_string())
                        .and_then(Value::as_f64)
                        .map(|f| f as u8);
                    assert_eq!(c.required_points(star), want, "{at} minimum for {star}★");
                }
            } else {
                assert!((3..=5).all(|s| c.required_points(s).is_none()), "{at}");
            }
        }
        // Rejection sentence(s) kept verbatim as the knock-outs' source.
        for text in rs["disqualifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            assert!(
                s.knock_outs
                    .iter()
                    .any(|k| k.kind == KnockOutKind::Question && k.source_vi == text),
                "{id}: rejection sentence not carried"
            );
        }
        // Criterion-level disqualifiers ("Bị loại nếu …") become knock-out questions.
        for rc in &rl {
            for note in rc["notes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                if note.contains("Bị loại") {
                    assert!(
                        s.knock_outs.iter().any(|k| k.source_vi == note),
                        "{id}/{}: {note}",
                        rc["code"]
                    );
                }
            }
        }
        // Part-level flags (tourism Part A header) are kept as data.
        for rp in rparts {
            if let Some(f) = rp["flag"].as_str() {
                assert!(s.flags.iter().any(|x| x.note == f), "{id}: flag {f}");
            }
        }
    }
    // Counts given in docs/domain.md §4.2 ([M]): 179 / 290 / 106 markers for 3★ / 4★ / 5★.
    assert_eq!(markers, [179, 290, 106], "star markers");
    assert_eq!(criteria, 787);
    assert_eq!(levels, 2579);
}

#[test]
fn every_level_exists_in_both_languages() {
    for (id, s) in shipped() {
        for l in s.criteria() {
            for (i, lv) in l.criterion.levels.iter().enumerate() {
                assert!(
                    !lv.text.en.trim().is_empty(),
                    "{id}/{}/{}",
                    l.criterion.code,
                    i + 1
                );
                assert_ne!(
                    lv.text.en,
                    lv.text.vi,
                    "{id}/{}/{}",
                    l.criterion.code,
                    i + 1
                );
            }
        }
    }
}

#[test]
fn the_validator_rejects_broken_sets() {
    let good = shipped().remove("QD26-07").expect("set");
    let mut bad = good.clone();
    bad.parts[0].sections[0].criteria[0].levels[0].points = 9;
    let p = validate(&bad);
    assert!(p.iter().any(|x| x.rule == "max = best level"), "{p:?}");
    assert!(p.iter().any(|x| x.rule == "levels ascend"), "{p:?}");
    let mut bad = good.clone();
    bad.parts[0].sections[0].criteria[0].max = 4;
    let p = validate(&bad);
    assert!(p.iter().any(|x| x.rule == "total 100"), "{p:?}");
    assert!(p.iter().any(|x| x.rule == "section = Σ criteria"), "{p:?}");
    let mut bad = good.clone();
    bad.parts[1].sections[0].criteria[0].levels.reverse();
    assert!(validate(&bad)
        .iter()
        .any(|x| x.rule == "levels ascend" || x.rule == "star minimums ascend"));
    let mut bad = good.clone();
    bad.parts[0].sections[0].criteria[1].code = "1.1".into();
    assert!(validate(&bad).iter().any(|x| x.rule == "unique code"));
    let mut bad = good.clone();
    bad.parts[2].sections[0].criteria[0].text.en.clear();
    assert!(validate(&bad).iter().any(|x| x.rule == "both languages"));
    let mut bad = good.clone();
    bad.parts[0].sections[0].criteria[0].levels[1].min_star = Some(6);
    assert!(validate(&bad).iter().any(|x| x.rule == "star marker 3..=5"));
    let mut bad = good.clone();
    bad.parts[0].max = 35;
    assert!(validate(&bad).iter().any(|x| x.rule == "part maximum"));
    let mut bad = good;
    bad.knock_outs[0].criterion = Some("42".into());
    assert!(validate(&bad)
        .iter()
        .any(|x| x.rule == "knock-out criterion exists"));
}

/// The catalogue compiled into the app as static tables (`src/rubric/catalogue_data.rs`,
/// generated by `tools/catalogue_rs.py`) is exactly the published `static/rubric/catalogue.json`,
/// and both name the 26 sets the shipped scoring sheets have.
#[test]
fn catalogue_tables_match_the_json() {
    use ocop_self_check::rubric::{Catalogue, CATALOGUE_JSON};
    let published = Catalogue::from_json(CATALOGUE_JSON).expect("catalogue.json parses");
    assert_eq!(
        Catalogue::builtin(),
        published,
        "re-run python3 tools/catalogue_rs.py"
    );
    let ids: Vec<String> = published.sets().map(|(_, _, s)| s.id.clone()).collect();
    let sheets: Vec<String> = shipped().into_keys().collect();
    assert_eq!(ids.len(), 26);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, sheets);
}

/// A level's Vietnamese text as the app ships it: the reference's label, except the inferred
/// yes/no levels, whose label carries both languages ("Có / Yes"): the app shows "Có" in
/// Vietnamese and "Yes" in English (tools/build_rubric.py, YES_NO).
fn shipped_vi(o: &Value) -> &str {
    let label = o["label"].as_str().expect("label");
    let inferred = o["flag"]
        .as_str()
        .is_some_and(|f| f.starts_with("implicit option"));
    match label {
        "Có / Yes" if inferred => "Có",
        "Không / No" if inferred => "Không",
        _ => label,
    }
}

/// Issue 12, item 6: a yes/no level reads "Có"/"Không" in Vietnamese and "Yes"/"No" in English,
/// never both in one text (22 sets have such levels).
#[test]
fn yes_no_levels_are_worded_in_each_language() {
    let mut sets_with = 0;
    for s in common::all_sets() {
        let mut found = false;
        for l in s.criteria() {
            for lv in &l.criterion.levels {
                assert!(
                    !lv.text.vi.contains("Yes") && !lv.text.vi.contains("/ No"),
                    "{} {}: {:?}",
                    s.id,
                    l.criterion.code,
                    lv.text.vi
                );
                assert!(lv.text.en != "Có" && lv.text.en != "Không", "{}", s.id);
                if lv.text.vi == "Có" {
                    assert_eq!(lv.text.en, "Yes", "{} {}", s.id, l.criterion.code);
                    found = true;
                }
            }
        }
        sets_with += usize::from(found);
    }
    assert_eq!(sets_with, 22);
}
