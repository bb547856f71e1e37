//! Invariants of the engine over generated answers (proptest).

mod common;

use common::all_sets;
use ocop_self_check::assess::{apply_plan, assess, Advice, Responses};
use ocop_self_check::rubric::KnockOutKind;
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

/// `responses` plus knock-out answers: each question "no", "yes" or open, from `kos`.
fn with_knock_outs(i: usize, mut r: Responses, kos: &[u8]) -> Responses {
    let questions = all_sets()[i]
        .knock_outs
        .iter()
        .filter(|k| k.kind == KnockOutKind::Question);
    for (k, pick) in questions.zip(kos.iter().cycle()) {
        match pick % 16 {
            0 => {}
            1 => {
                r.knock_outs.insert(k.id.clone(), true);
            }
            _ => {
                r.knock_outs.insert(k.id.clone(), false);
            }
        }
    }
    r
}

/// Mostly-answered responses (a criterion is open one time in `1 + open_one_in`), so that
/// plans show up often.
fn mostly_answered(i: usize, picks: &[(u8, u8)], open_one_in: u8) -> Responses {
    let mut r = Responses::default();
    for (l, (kind, pick)) in all_sets()[i].criteria().zip(picks.iter().cycle()) {
        let c = l.criterion;
        if kind % (open_one_in.max(1) + 1) == 0 {
            continue;
        }
        r.answers
            .insert(c.code.clone(), pick % c.levels.len() as u8 + 1);
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
    fn following_the_plan_reaches_the_next_star_and_ends_where_it_says(i in 0usize..26, picks in proptest::collection::vec((any::<u8>(), any::<u8>()), 40), kos in proptest::collection::vec(any::<u8>(), 8), open in 0u8..12) {
        let set = &all_sets()[i];
        let r = with_knock_outs(i, mostly_answered(i, &picks, open), &kos);
        let a = assess(set, &r);
        let followed = apply_plan(&r, &a.advice);
        let b = assess(set, &followed);
        // The end state is the re-assessment, never a sum made by hand.
        match a.plan_end {
            Some(end) => {
                prop_assert!(!a.advice.is_empty());
                prop_assert_eq!((end.total, end.stars, end.knocked_out, end.ready), (b.total, b.stars, b.knocked_out, b.ready));
            }
            None => prop_assert!(a.advice.is_empty()),
        }
        if a.knocked_out {
            // Only what removes the knock-outs, and it does.
            prop_assert!(a.advice.iter().all(|x| matches!(x, Advice::RemoveKnockOut { .. })), "{:?}", a.advice);
            prop_assert!(!b.knocked_out);
            return Ok(());
        }
        prop_assert!(a.advice.iter().all(|x| !matches!(x, Advice::RemoveKnockOut { .. })), "knock-out steps without a knock-out: {:?}", a.advice);
        if !a.ready {
            prop_assert!(a.advice.is_empty(), "no plan without an estimate");
            return Ok(());
        }
        let Some(next) = a.next.clone() else {
            prop_assert!(a.advice.is_empty());
            return Ok(());
        };
        prop_assert!(b.stars >= next.stars, "plan gave {}★, wanted {}★", b.stars, next.stars);
        // Minimums first, then gains, gains easiest first.
        let first_gain = a.advice.iter().position(|x| matches!(x, Advice::RaiseLevel { .. })).unwrap_or(a.advice.len());
        prop_assert!(a.advice[first_gain..].iter().all(|x| matches!(x, Advice::RaiseLevel { .. })), "a minimum after a gain: {:?}", a.advice);
        let efforts: Vec<_> = a.advice[first_gain..].iter().filter_map(Advice::effort).collect();
        prop_assert!(efforts.windows(2).all(|w| w[0] <= w[1]), "{:?}", efforts);
        // One step per criterion, each adding points.
        let mut codes: Vec<_> = a.advice.iter().filter_map(Advice::criterion).collect();
        codes.sort();
        let n = codes.len();
        codes.dedup();
        prop_assert_eq!(codes.len(), n);
        prop_assert!(a.advice.iter().all(|x| !matches!(x, Advice::RaiseLevel { .. }) || x.gain() > 0), "a gain of 0: {:?}", a.advice);
        // Minimal: dropping any point step misses the next star.
        for k in first_gain..a.advice.len() {
            let mut fewer = a.advice.clone();
            fewer.remove(k);
            let c = assess(set, &apply_plan(&r, &fewer));
            prop_assert!(c.stars < next.stars, "step {:?} is not needed", a.advice[k]);
        }
    }

    #[test]
    fn the_estimate_only_becomes_ready_as_answers_come(i in 0usize..26, picks in proptest::collection::vec((any::<u8>(), any::<u8>()), 40), kos in proptest::collection::vec(any::<u8>(), 8), which in any::<prop::sample::Index>(), pick in any::<u8>()) {
        let set = &all_sets()[i];
        let r = with_knock_outs(i, responses(i, &picks), &kos);
        let a = assess(set, &r);
        prop_assert!(a.stars <= a.best_stars);
        prop_assert_eq!(a.ready, a.open_knock_outs.is_empty() && a.best_stars <= a.stars + 1);
        if a.unanswered.is_empty() {
            prop_assert_eq!(a.best_stars, a.stars);
        }
        prop_assume!(!a.unanswered.is_empty());
        // Answer one more criterion, any level: the floor never drops, the ceiling never
        // rises, so a ready estimate stays ready.
        let code = &a.unanswered[which.index(a.unanswered.len())];
        let c = set.criterion(code).ok_or_else(|| TestCaseError::fail("criterion"))?;
        let mut more = r.clone();
        more.answers.insert(code.clone(), pick % c.levels.len() as u8 + 1);
        let b = assess(set, &more);
        prop_assert!(b.stars >= a.stars && b.best_stars <= a.best_stars);
        prop_assert!(!a.ready || b.ready);
    }
}
