//! Invariants of the engine over generated answers (proptest).

mod common;

use common::all_sets;
use ocop_self_check::assess::{assess, Responses};
use proptest::prelude::*;

/// Random valid responses for set `i`: each criterion unanswered, "none of these" or a level.
fn responses(i: usize, picks: &[(u8, u8)]) -> Responses {
    let mut r = Responses::default();
    for (l, (kind, pick)) in all_sets()[i].criteria().zip(picks.iter().cycle()) {
        let c = l.criterion;
        match kind % 8 {
            0 => {}
            1 => {
                r.none_of_levels.insert(c.code.clone());
            }
            _ => {
                r.answers
                    .insert(c.code.clone(), pick % c.levels.len() as u8 + 1);
            }
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn totals_and_parts_stay_within_their_maxima(i in 0usize..26, picks in proptest::collection::vec((any::<u8>(), any::<u8>()), 40)) {
        let set = &all_sets()[i];
        let a = assess(set, &responses(i, &picks));
        prop_assert!(a.total <= 100);
        prop_assert_eq!(a.parts.iter().map(|p| p.points).sum::<u16>(), a.total);
        prop_assert_eq!(a.sections.iter().map(|p| p.points).sum::<u16>(), a.total);
        for p in a.parts.iter().chain(&a.sections) {
            prop_assert!(p.points <= p.max, "{} {} > {}", p.code, p.points, p.max);
        }
        prop_assert!(a.stars <= a.band);
        prop_assert!(a.stars >= a.band.min(2));
        prop_assert!((1..=5).contains(&a.stars));
        prop_assert_eq!(a.answered + a.unanswered.len(), a.criterion_count);
    }

    #[test]
    fn raising_one_answer_never_lowers_total_or_stars(i in 0usize..26, picks in proptest::collection::vec((any::<u8>(), any::<u8>()), 40), which in any::<prop::sample::Index>(), step in 1u8..5) {
        let set = &all_sets()[i];
        let r = responses(i, &picks);
        let before = assess(set, &r);
        let crits: Vec<_> = set.criteria().map(|l| l.criterion).collect();
        let c = crits[which.index(crits.len())];
        // A higher level of the same case (or any level when unanswered).
        let cur = r.answers.get(&c.code).copied();
        let case = cur.and_then(|p| c.level(p)).and_then(|l| l.case);
        let cur_points = cur.and_then(|p| c.points_at(p)).unwrap_or(0);
        let higher: Vec<u8> = c
            .positions_in_case(case)
            .filter(|(p, l)| l.points >= cur_points && cur.is_none_or(|x| *p > x))
            .map(|(p, _)| p)
            .collect();
        prop_assume!(!higher.is_empty());
        let to = higher[usize::from(step - 1) % higher.len()];
        let mut raised = r.clone();
        raised.none_of_levels.remove(&c.code);
        raised.answers.insert(c.code.clone(), to);
        let after = assess(set, &raised);
        prop_assert!(after.total >= before.total, "{} → {}", before.total, after.total);
        prop_assert!(after.stars >= before.stars, "{}★ → {}★", before.stars, after.stars);
        prop_assert!(after.unmet_minimums.len() <= before.unmet_minimums.len());
    }

    #[test]
    fn arbitrary_responses_never_panic(i in 0usize..26, codes in proptest::collection::vec(("[0-9.]{0,6}", any::<u8>()), 0..60), kos in proptest::collection::vec(("[a-z_]{0,12}", any::<bool>()), 0..8)) {
        let mut r = Responses::default();
        for (c, p) in codes {
            r.answers.insert(c.clone(), p);
            if p % 3 == 0 {
                r.none_of_levels.insert(c);
            }
        }
        for (k, v) in kos {
            r.knock_outs.insert(k, v);
        }
        let a = assess(&all_sets()[i], &r);
        prop_assert!(a.total <= 100);
    }

    #[test]
    fn following_the_advice_reaches_the_next_star(i in 0usize..26, picks in proptest::collection::vec((any::<u8>(), any::<u8>()), 40)) {
        use ocop_self_check::assess::Advice;
        let set = &all_sets()[i];
        let r = responses(i, &picks);
        let a = assess(set, &r);
        let Some(next) = a.next.clone() else { return Ok(()) };
        let mut followed = r.clone();
        for x in &a.advice {
            let (code, to) = match x {
                Advice::MeetMinimum { criterion, to, .. } | Advice::RaiseLevel { criterion, to, .. } => (criterion, to),
            };
            followed.none_of_levels.remove(code);
            followed.answers.insert(code.clone(), *to);
        }
        let b = assess(set, &followed);
        prop_assert!(b.stars >= next.stars, "advice gave {}★, wanted {}★", b.stars, next.stars);
    }
}
