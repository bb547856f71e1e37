//! Golden scenarios written by hand from the decision's sheets (Phụ lục II of QĐ 26/2026).
//! Each starts from the best level of every criterion (100 points) and lowers named criteria to
//! named printed positions; the expected totals were added up by hand from the point ladders.

mod common;

use common::set;
use ocop_self_check::assess::{apply_plan, assess, Advice, Assessment, Responses};
use ocop_self_check::rubric::effort::{self, Effort};
use ocop_self_check::rubric::{KnockOutEffect, KnockOutKind, ProductSet};

/// Every criterion at its best level (the last printed position reaching the maximum).
fn best(set: &ProductSet) -> Responses {
    let mut r = Responses::default();
    for l in set.criteria() {
        let c = l.criterion;
        let pos = c
            .levels
            .iter()
            .rposition(|lv| lv.points == c.max)
            .expect("a level reaches the max");
        r.answers.insert(c.code.clone(), (pos + 1) as u8);
    }
    r
}

fn with(mut r: Responses, changes: &[(&str, u8)]) -> Responses {
    for (code, pos) in changes {
        r.answers.insert(code.to_string(), *pos);
    }
    r
}

/// Every knock-out question answered "no" (the scenarios below are of complete drafts).
fn no_knock_outs(set: &ProductSet, mut r: Responses) -> Responses {
    for k in &set.knock_outs {
        if k.kind == KnockOutKind::Question {
            r.knock_outs.insert(k.id.clone(), false);
        }
    }
    r
}

fn run(id: &str, changes: &[(&str, u8)]) -> Assessment {
    let s = set(id);
    assess(&s, &no_knock_outs(&s, with(best(&s), changes)))
}

fn unmet(a: &Assessment, stars: u8) -> Vec<&str> {
    a.unmet_for(stars).map(|u| u.criterion.as_str()).collect()
}

// QD26-07 (food: processed from vegetables, fruit, nuts). Point ladders:
// 1.1 [1,2,3]*** 1.2 [0,1,2] 1.3 [1,2,3] 1.4 [1,2,3] 1.5 [0,1,2****,3*****] 1.6 [1****,2,3] 1.7 [0,1]
// 2.1 [0,1,2,3****] 2.2 [0,1,2***,3] 2.3 [1***,2,3****] 2.4 [0,1]
// 3.1 [1,1,3] 3.2 [0,1] 3.3 [1,2,3] 3.4 [1,2****] 3.5 [1***,2****,3]
// 4.1 [1,2***,3****,5*****] 4.2 [0,1,2,3] 4.3 [0,1,2,3,5] 5.1 [0,1,2,3,5****] 5.2 [0,1,2] 5.3 [0,1***,3,5]
// 6.1 [0,1,2****] 6.2 [0,1,2] 6.3 [0,1,2****,3*****] 6.4 [1,2****,3*****] 6.5 [0,1,3****,5*****]
// 7 [0,1,3****,5*****] 8 [2***,4,5] 9 [1***,3****,5] 10 [1,2] 11 [1,2,3]

/// 100 − (1.2: 2, 1.7: 1, 2.4: 1, 3.2: 1, 4.2: 3, 5.2: 2) = 90; none of them carries a marker.
const AT_90: &[(&str, u8)] = &[
    ("1.2", 1),
    ("1.7", 1),
    ("2.4", 1),
    ("3.2", 1),
    ("4.2", 1),
    ("5.2", 1),
];

fn at_70() -> Vec<(&'static str, u8)> {
    // From 90: 1.3→1 (−2), 1.4→1 (−2), 3.1→1 (−2), 3.3→1 (−2), 4.3→1 (−5), 6.2→1 (−2),
    // 10→1 (−1), 11→1 (−2), 1.1→2 (−1, *** still met), 3.5→2 (−1, **** still met) = 70.
    let mut v = AT_90.to_vec();
    v.extend_from_slice(&[
        ("1.3", 1),
        ("1.4", 1),
        ("3.1", 1),
        ("3.3", 1),
        ("4.3", 1),
        ("6.2", 1),
        ("10", 1),
        ("11", 1),
        ("1.1", 2),
        ("3.5", 2),
    ]);
    v
}

fn at_69() -> Vec<(&'static str, u8)> {
    let mut v = at_70();
    v.push(("1.6", 2)); // 3 → 2 points (**** needs 1): 69
    v
}

fn at_50() -> Vec<(&'static str, u8)> {
    // From 69: 5.1→1 (−5), 7→1 (−5), 6.5→1 (−5), 6.3→1 (−3), 6.1→2 (−1) = 50; 3★ minimums kept.
    let mut v = at_69();
    v.extend_from_slice(&[("5.1", 1), ("7", 1), ("6.5", 1), ("6.3", 1), ("6.1", 2)]);
    v
}

fn at_30() -> Vec<(&'static str, u8)> {
    // From 49 (= 50 with 6.4→2, −1): 1.5→1 (−3), 2.1→1 (−3), 3.4→1 (−1), 6.4→1 (−1), 6.1→1 (−1),
    // 4.1→2 (−3), 5.3→2 (−4), 8→1 (−3) = 30.
    let mut v = at_50();
    v.extend_from_slice(&[
        ("6.4", 2),
        ("1.5", 1),
        ("2.1", 1),
        ("3.4", 1),
        ("6.4", 1),
        ("6.1", 1),
        ("4.1", 2),
        ("5.3", 2),
        ("8", 1),
    ]);
    v
}

#[test]
fn food_best_is_100_and_five_stars() {
    let a = run("QD26-07", &[]);
    assert_eq!((a.total, a.band, a.stars), (100, 5, 5));
    assert_eq!((a.part("A"), a.part("B"), a.part("C")), (40, 25, 35));
    assert!(a.unanswered.is_empty() && a.advice.is_empty());
}

#[test]
fn boundary_90_and_89() {
    let a = run("QD26-07", AT_90);
    assert_eq!((a.total, a.band, a.stars), (90, 5, 5));
    let mut v = AT_90.to_vec();
    v.push(("1.3", 2)); // −1
    let a = run("QD26-07", &v);
    assert_eq!((a.total, a.band, a.stars), (89, 4, 4));
    let next = a.next.expect("next star");
    assert_eq!(
        (next.stars, next.points_needed, next.blocking_minimums),
        (5, 1, 0)
    );
    assert!(matches!(a.advice.first(), Some(Advice::RaiseLevel { gain, .. }) if *gain >= 1));
}

#[test]
fn boundary_70_and_69() {
    let a = run("QD26-07", &at_70());
    assert_eq!((a.total, a.band, a.stars), (70, 4, 4));
    assert_eq!((a.part("A"), a.part("B"), a.part("C")), (25, 15, 30));
    let a = run("QD26-07", &at_69());
    assert_eq!((a.total, a.band, a.stars), (69, 3, 3));
    assert_eq!((a.part("A"), a.part("B"), a.part("C")), (24, 15, 30));
}

#[test]
fn boundary_50_and_49() {
    let a = run("QD26-07", &at_50());
    assert_eq!((a.total, a.band, a.stars), (50, 3, 3));
    let mut v = at_50();
    v.push(("6.4", 2));
    let a = run("QD26-07", &v);
    assert_eq!((a.total, a.band, a.stars), (49, 2, 2));
}

#[test]
fn boundary_30_and_29() {
    let a = run("QD26-07", &at_30());
    assert_eq!((a.total, a.band, a.stars), (30, 2, 2));
    let mut v = at_30();
    v.push(("1.1", 1)); // −1
    let a = run("QD26-07", &v);
    assert_eq!((a.total, a.band, a.stars), (29, 1, 1));
    assert_eq!(
        a.next.as_ref().map(|n| (n.stars, n.points_needed)),
        Some((2, 1))
    );
}

#[test]
fn capped_by_a_five_star_minimum() {
    // 1.5 at position 3 (2 points): 99 points, but ***** on 1.5 needs 3 points.
    let a = run("QD26-07", &[("1.5", 3)]);
    assert_eq!((a.total, a.band, a.stars), (99, 5, 4));
    assert_eq!(unmet(&a, 5), ["1.5"]);
    assert!(unmet(&a, 4).is_empty());
    assert_eq!(
        a.advice.first(),
        Some(&Advice::MeetMinimum {
            criterion: "1.5".into(),
            for_stars: 5,
            to: 4,
            gain: 1,
            effort: effort::for_level(&set("QD26-07"), "1.5", 4),
        })
    );
    assert_eq!(a.advice.len(), 1, "the minimum alone reaches 5★");
    assert_eq!(a.plan_end.map(|e| (e.total, e.stars)), Some((100, 5)));
}

#[test]
fn capped_by_a_four_star_minimum() {
    // 5.1 at position 4 (3 points): 98 points, but **** on 5.1 needs the 5-point level.
    let a = run("QD26-07", &[("5.1", 4)]);
    assert_eq!((a.total, a.band, a.stars), (98, 5, 3));
    assert_eq!(unmet(&a, 4), ["5.1"]);
    assert_eq!(unmet(&a, 5), ["5.1"], "minimums are cumulative");
    assert_eq!(
        a.next
            .as_ref()
            .map(|n| (n.stars, n.points_needed, n.blocking_minimums)),
        Some((4, 0, 1))
    );
}

#[test]
fn seventy_four_points_missing_a_three_star_minimum_is_two_stars() {
    // From 70: 5.3→1 (−5, *** needs 1 point), 4.3→5 (+5), 1.3→3 (+2), 1.4→3 (+2) = 74.
    let mut v = at_70();
    v.extend_from_slice(&[("5.3", 1), ("4.3", 5), ("1.3", 3), ("1.4", 3)]);
    let a = run("QD26-07", &v);
    assert_eq!((a.total, a.band, a.stars), (74, 4, 2));
    assert_eq!(unmet(&a, 3), ["5.3"]);
    assert_eq!(
        a.advice,
        vec![Advice::MeetMinimum {
            criterion: "5.3".into(),
            for_stars: 3,
            to: 2,
            gain: 1,
            effort: Effort::Content,
        }]
    );
    // One step, and the re-assessment says where it leads: 75 points and 4★ (no 4★ minimum
    // is missed), more than the next star the plan aims at.
    assert_eq!(a.plan_end.map(|e| (e.total, e.stars)), Some((75, 4)));
    assert!(!a.certifiable());
}

#[test]
fn an_unanswered_criterion_fails_its_minimum() {
    let s = set("QD26-07");
    let mut r = best(&s);
    r.answers.remove("8"); // *** needs 2 points; 8 is worth 5
    let a = assess(&s, &no_knock_outs(&s, r.clone()));
    assert_eq!((a.total, a.band, a.stars), (95, 5, 2));
    assert_eq!(a.unanswered, ["8"]);
    // That one open answer decides between 2★ and 5★: no estimate until it is given.
    assert_eq!(a.best_stars, 5);
    assert!(!a.ready && a.estimate().is_none() && a.advice.is_empty());
    // Said "none of these levels": answered, still 0 points, still failing.
    r.none_of_levels.insert("8".into());
    let a = assess(&s, &r);
    assert!(a.unanswered.is_empty());
    assert_eq!((a.total, a.stars), (95, 2));
}

#[test]
fn knock_outs_reject_the_dossier_whatever_the_score() {
    let s = set("QD26-07");
    let mut r = best(&s);
    r.knock_outs.insert("forged".into(), false);
    let a = assess(&s, &r);
    assert!(!a.knocked_out && a.certifiable());
    assert!(a.open_knock_outs.iter().any(|k| k == "imported_materials"));
    r.knock_outs.insert("imported_materials".into(), true);
    let a = assess(&s, &r);
    assert!(a.knocked_out && !a.certifiable());
    assert_eq!(a.knock_outs.len(), 1);
    assert_eq!(a.knock_outs[0].criterion.as_deref(), Some("1.1"));
    assert_eq!(a.knock_outs[0].effect, KnockOutEffect::Rejected);
    assert_eq!((a.total, a.stars), (100, 5), "the score is still shown");
}

#[test]
fn water_with_a_zero_sensory_indicator_is_not_evaluated() {
    // QD26-16: "Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo".
    let a = run("QD26-16", &[("6.2", 1)]); // colour: "Có màu", 0 of 3
    assert_eq!(a.total, 97);
    assert!(a.knocked_out);
    assert_eq!(a.knock_outs[0].id, "sensory_zero");
    assert_eq!(a.knock_outs[0].effect, KnockOutEffect::NotEvaluated);
    let a = run("QD26-16", &[("6.3", 2)]); // 2 of 4 points: no knock-out
    assert!(!a.knocked_out);
}

#[test]
fn beverage_spirits() {
    // QD26-14: 10 [1,3,5] → 1 (−4), 6.3 [0,1,2,3,5] → 4 (−2): 94, 5★.
    let a = run("QD26-14", &[("10", 1), ("6.3", 4)]);
    assert_eq!((a.total, a.stars), (94, 5));
    // 2.1 [0,1,2,4****] → 3 (−2): 92, band 5, capped at 3★.
    let a = run("QD26-14", &[("10", 1), ("6.3", 4), ("2.1", 3)]);
    assert_eq!((a.total, a.band, a.stars), (92, 5, 3));
    assert_eq!(unmet(&a, 4), ["2.1"]);
}

#[test]
fn herbal_lowest_levels() {
    // QD26-18, every criterion at printed position 1: A 3+1+4 = 8, B 1+0 = 1,
    // C 6:1 7:2 8:0 9:0 10:1 11:0 12:0 13:1 14:1 = 6 → 15 points, 1★.
    let s = set("QD26-18");
    let mut r = Responses::default();
    for l in s.criteria() {
        r.answers.insert(l.criterion.code.clone(), 1);
    }
    let a = assess(&s, &r);
    assert_eq!((a.part("A"), a.part("B"), a.part("C")), (8, 1, 6));
    assert_eq!((a.total, a.band, a.stars), (15, 1, 1));
    assert_eq!(unmet(&a, 3), ["2.2", "4.1", "5.3"]);
    let next = a.next.expect("next");
    assert_eq!((next.stars, next.points_needed), (2, 15));
}

#[test]
fn handicraft_with_ip_infringement() {
    // QD26-21: 6.1 [0,1,3****,5*****] → 3 (−2): 98, 4★; IP infringement rejects the dossier.
    let s = set("QD26-21");
    let mut r = with(best(&s), &[("6.1", 3)]);
    r.knock_outs.insert("ip_infringement".into(), true);
    let a = assess(&s, &r);
    assert_eq!((a.total, a.band, a.stars), (98, 5, 4));
    assert!(a.knocked_out);
}

#[test]
fn ornamental_flowers() {
    // QD26-23: 7 [2,4,6****,8*****] → 3 (−2): 98, 4★; 6.2 [1,1,3****,5*****] → 2 (−4): 94, 3★.
    let a = run("QD26-23", &[("7", 3)]);
    assert_eq!((a.total, a.stars), (98, 4));
    let a = run("QD26-23", &[("7", 3), ("6.2", 2)]);
    assert_eq!((a.total, a.band, a.stars), (94, 5, 3));
    assert_eq!(unmet(&a, 4), ["6.2"]);
}

#[test]
fn tourism_both_cases() {
    // QD26-26 criteria 8, 9, 15 print Case 1 (positions 1–2) then Case 2 (positions 3–4).
    let s = set("QD26-26");
    assert_eq!(s.parts[0].max, 40);
    assert_eq!(
        s.parts[0].declared_max,
        Some(35),
        "the header's 35 is kept as data"
    );
    let case1 = with(best(&s), &[("8", 2), ("9", 2), ("15", 2)]);
    let case2 = with(best(&s), &[("8", 4), ("9", 4), ("15", 4)]);
    assert_eq!(assess(&s, &case1).total, 100);
    assert_eq!(assess(&s, &case2).total, 100);
    // Case 2 lower levels: 8 → 3 (1 of 3), 9 → 3 (1 of 2), 15 → 3 (1 of 3): 100 − 5 = 95.
    let a = assess(&s, &with(case2, &[("8", 3), ("9", 3), ("15", 3)]));
    assert_eq!((a.total, a.stars), (95, 5));
    // Case 1 lower levels: 8 → 1, 9 → 1, 15 → 1: also 95.
    let a = assess(&s, &with(case1.clone(), &[("8", 1), ("9", 1), ("15", 1)]));
    assert_eq!(a.total, 95);
    // The only markers are on 3.4 and 3.5; 3.4 at position 1 (1 of 3, **** needs 3): 98 → 3★.
    let a = assess(&s, &with(case1, &[("3.4", 1)]));
    assert_eq!((a.total, a.band, a.stars), (98, 5, 3));
    assert!(
        s.knock_outs.is_empty(),
        "the tourism sheet prints no rejection line"
    );
    // Advice from a case-2 answer stays within case 2.
    let a = assess(
        &s,
        &with(
            no_knock_outs(&s, best(&s)),
            &[
                ("8", 3),
                ("3.4", 2),
                ("3.5", 2),
                ("4.1", 1),
                ("4.4", 1),
                ("4.5", 1),
                ("5.1", 1),
            ],
        ),
    );
    for x in &a.advice {
        if let Advice::RaiseLevel { criterion, to, .. } = x {
            if criterion == "8" {
                assert_eq!(*to, 4, "case 2 continues at position 4");
            }
        }
    }
}

#[test]
fn every_category_has_a_scenario() {
    // Food 07, beverages 14/16, herbal 18, handicrafts 21, ornamentals 23, tourism 26.
    let c = ocop_self_check::rubric::Catalogue::builtin();
    let covered = [
        "QD26-07", "QD26-14", "QD26-16", "QD26-18", "QD26-21", "QD26-23", "QD26-26",
    ];
    for cat in &c.categories {
        assert!(
            cat.groups
                .iter()
                .flat_map(|g| &g.sets)
                .any(|s| covered.contains(&s.id.as_str())),
            "category {} has no golden scenario",
            cat.code
        );
    }
}

/// Person 1 of the review (set 9, fish sauce), answered honestly at a middling level: every
/// criterion at its second printed level, no knock-out. The plan names each step, puts the
/// blocking minimums first, then the gains easiest first (the one-point label steps 2.4 and 10
/// the review missed come before investment and certificates), and ends where the
/// re-assessment says: the next star.
#[test]
fn fish_sauce_mid_quality_gets_a_plan_to_the_next_star() {
    let s = set("QD26-09");
    let mut r = Responses::default();
    for l in s.criteria() {
        r.answers.insert(l.criterion.code.clone(), 2);
    }
    let r = no_knock_outs(&s, r);
    let a = assess(&s, &r);
    assert!(a.ready);
    let next = a.next.clone().expect("below 5★");
    let first_gain = a
        .advice
        .iter()
        .position(|x| matches!(x, Advice::RaiseLevel { .. }))
        .unwrap_or(a.advice.len());
    assert!(a.advice[..first_gain]
        .iter()
        .all(|x| matches!(x, Advice::MeetMinimum { .. })));
    assert!(a.advice[first_gain..]
        .iter()
        .all(|x| matches!(x, Advice::RaiseLevel { .. })));
    let efforts: Vec<Effort> = a.advice[first_gain..]
        .iter()
        .filter_map(Advice::effort)
        .collect();
    assert!(efforts.windows(2).all(|w| w[0] <= w[1]), "{efforts:?}");
    let b = assess(&s, &apply_plan(&r, &a.advice));
    assert!(b.stars >= next.stars);
    let end = a.plan_end.expect("end");
    assert_eq!((end.total, end.stars), (b.total, b.stars));
    // Minimal: without any one of the point steps the next star is not reached.
    for i in first_gain..a.advice.len() {
        let mut fewer = a.advice.clone();
        fewer.remove(i);
        assert!(
            assess(&s, &apply_plan(&r, &fewer)).stars < next.stars,
            "step {i} ({:?}) is not needed",
            a.advice[i]
        );
    }
    // The words name the criterion and the level.
    let vi = ocop_self_check::i18n::advice(ocop_self_check::i18n::Lang::Vi, &a.advice[0], &s);
    assert!(vi.contains("“") && vi.contains("lên mức: “"), "{vi}");
}

/// A knocked-out draft is told only what removes the knock-out, whatever else it misses.
#[test]
fn a_knocked_out_draft_is_told_only_the_knock_out() {
    let s = set("QD26-09");
    let mut r = Responses::default();
    for l in s.criteria() {
        r.answers.insert(l.criterion.code.clone(), 1);
    }
    let mut r = no_knock_outs(&s, r);
    let id = s.knock_outs[0].id.clone();
    r.knock_outs.insert(id.clone(), true);
    let a = assess(&s, &r);
    assert!(a.knocked_out && !a.unmet_minimums.is_empty());
    assert_eq!(a.advice.len(), 1);
    assert!(matches!(&a.advice[0], Advice::RemoveKnockOut { id: x, .. } if *x == id));
    let b = assess(&s, &apply_plan(&r, &a.advice));
    assert!(!b.knocked_out);
}
