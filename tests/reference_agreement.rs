//! The engine agrees with an independent computation made straight from the reference
//! transcription (tests/reference/criteria-qd26-2026.json) on randomly generated drafts that go
//! through the interchange format, as the CLI reads them.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use ocop_self_check::assess::assess;
use ocop_self_check::draft;
mod common;

use common::{all_sets, reference};
use proptest::prelude::*;
use serde_json::{json, Value};

struct Leaf {
    code: String,
    part: String,
    points: Vec<u8>,
    /// star → minimum points (the reference's derived `min_points_required_for_star`).
    minimum: BTreeMap<u8, u8>,
}

fn reference_sets() -> Vec<(String, Vec<Leaf>)> {
    let r = reference();
    let mut out = Vec::new();
    for s in r["sets"].as_array().expect("sets") {
        let mut leaves = Vec::new();
        fn walk(n: &Value, part: &str, out: &mut Vec<Leaf>) {
            if let Some(opts) = n["options"].as_array().filter(|o| !o.is_empty()) {
                let mut minimum = BTreeMap::new();
                if let Some(m) = n["min_points_required_for_star"]["default"].as_object() {
                    for (k, v) in m {
                        if let (Ok(star), Some(p)) = (k.parse::<u8>(), v.as_f64()) {
                            minimum.insert(star, p as u8);
                        }
                    }
                }
                out.push(Leaf {
                    code: n["code"].as_str().unwrap_or_default().to_string(),
                    part: part.to_string(),
                    points: opts
                        .iter()
                        .map(|o| o["points"].as_f64().unwrap_or(0.0) as u8)
                        .collect(),
                    minimum,
                });
                return;
            }
            for key in ["criteria", "children"] {
                for c in n[key].as_array().into_iter().flatten() {
                    walk(c, part, out);
                }
            }
        }
        for part in s["sections"].as_array().into_iter().flatten() {
            walk(part, part["code"].as_str().unwrap_or_default(), &mut leaves);
        }
        out.push((s["id"].as_str().unwrap_or_default().to_string(), leaves));
    }
    out
}

struct Expected {
    total: u16,
    parts: BTreeMap<String, u16>,
    band: u8,
    stars: u8,
    /// The stars with every unanswered criterion at its best level.
    best_stars: u8,
    unmet: BTreeSet<(String, u8)>,
    unanswered: Vec<String>,
}

fn expected(leaves: &[Leaf], answers: &BTreeMap<String, u8>) -> Expected {
    let mut total = 0u16;
    let mut parts = BTreeMap::new();
    let mut unmet = BTreeSet::new();
    let mut unanswered = Vec::new();
    for l in leaves {
        let p = answers
            .get(&l.code)
            .map(|pos| l.points[usize::from(*pos) - 1]);
        if p.is_none() {
            unanswered.push(l.code.clone());
        }
        let pts = p.unwrap_or(0);
        total += u16::from(pts);
        *parts.entry(l.part.clone()).or_insert(0u16) += u16::from(pts);
        for (star, min) in &l.minimum {
            if p.is_none() || pts < *min {
                unmet.insert((l.code.clone(), *star));
            }
        }
    }
    let band_of = |total: u16| match total {
        90.. => 5,
        70.. => 4,
        50.. => 3,
        30.. => 2,
        _ => 1,
    };
    let capped = |band: u8, unmet: &BTreeSet<(String, u8)>| {
        if band <= 2 {
            band
        } else {
            (3..=band)
                .rev()
                .find(|s| !unmet.iter().any(|(_, x)| x == s))
                .unwrap_or(2)
        }
    };
    let band = band_of(total);
    let stars = capped(band, &unmet);
    // The ceiling: each open criterion at its highest points, meeting all its minimums.
    let open_max: u16 = leaves
        .iter()
        .filter(|l| unanswered.contains(&l.code))
        .map(|l| u16::from(l.points.iter().copied().max().unwrap_or(0)))
        .sum();
    let answered_unmet: BTreeSet<(String, u8)> = unmet
        .iter()
        .filter(|(code, _)| !unanswered.contains(code))
        .cloned()
        .collect();
    let best_stars = capped(band_of(total + open_max), &answered_unmet);
    Expected {
        total,
        parts,
        band,
        stars,
        best_stars,
        unmet,
        unanswered,
    }
}

static SETS: LazyLock<Vec<(String, Vec<Leaf>)>> = LazyLock::new(reference_sets);

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn engine_agrees_with_the_reference(set_index in 0usize..26, picks in proptest::collection::vec((0u8..=100, any::<u8>()), 40)) {
        let (id, leaves) = &SETS[set_index];
        // Each criterion: unanswered with probability ~25 %, else a uniformly chosen level.
        let mut answers = BTreeMap::new();
        for (leaf, (skip, pick)) in leaves.iter().zip(picks.iter().cycle()) {
            if *skip >= 25 {
                let n = leaf.points.len() as u8;
                answers.insert(leaf.code.clone(), pick % n + 1);
            }
        }
        // Every knock-out question answered "no", so readiness turns on the criteria alone.
        let set = all_sets().iter().find(|s| &s.id == id).ok_or_else(|| TestCaseError::fail("set"))?;
        let knock_outs: BTreeMap<String, bool> = set
            .knock_outs
            .iter()
            .filter(|k| k.kind == ocop_self_check::rubric::KnockOutKind::Question)
            .map(|k| (k.id.clone(), false))
            .collect();
        let text = json!({
            "format": "ocop-self-check/draft", "version": 1, "rubric": "QD26-2026",
            "product_set": id, "answers": answers, "knock_outs": knock_outs,
        }).to_string();
        let d = draft::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        draft::check_against(&d, set).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let a = assess(set, &d.responses);
        let e = expected(leaves, &answers);
        prop_assert_eq!(a.total, e.total);
        for (code, pts) in &e.parts {
            prop_assert_eq!(a.part(code), *pts);
        }
        prop_assert_eq!(a.band, e.band);
        prop_assert_eq!(a.stars, e.stars);
        // The estimate is shown once the open answers could move it by one star at most.
        prop_assert_eq!(a.best_stars, e.best_stars);
        prop_assert_eq!(a.ready, e.best_stars <= e.stars + 1);
        prop_assert_eq!(a.estimate(), (e.best_stars <= e.stars + 1).then_some(e.stars));
        let unmet: BTreeSet<(String, u8)> = a.unmet_minimums.iter().map(|u| (u.criterion.clone(), u.stars)).collect();
        prop_assert_eq!(unmet, e.unmet);
        prop_assert_eq!(&a.unanswered, &e.unanswered);
    }
}
