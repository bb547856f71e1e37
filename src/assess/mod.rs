//! Scoring, star band, star minimums, knock-outs and advice. One pure entry point,
//! [`assess`], returning typed results (numbers and enums, no sentences).
//!
//! Rules (Decision 26/2026/QĐ-TTg, Điều 3 and Phụ lục II; see docs/domain.md §4–5):
//! - total = Σ points of the chosen levels; unanswered criteria count 0 and fail any minimum
//!   on them;
//! - band: 5★ ≥ 90, 4★ ≥ 70, 3★ ≥ 50, 2★ ≥ 30, else 1★;
//! - estimated stars = the band capped by the star minimums, which are cumulative (5★ also
//!   needs every 3★ and 4★ minimum); 1★ and 2★ have none, so a product in the 3★–5★ bands
//!   that misses a 3★ minimum is estimated at 2★;
//! - knock-outs (Hồ sơ bị loại …) are reported beside the estimate: the dossier would be
//!   rejected whatever the score.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::rubric::{band_of, band_threshold, KnockOutEffect, KnockOutKind, ProductSet};

/// What the producer answered for one product set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Responses {
    /// Criterion code → 1-based position of the chosen level as printed in the decision.
    #[serde(default)]
    pub answers: BTreeMap<String, u8>,
    /// Criteria where the producer said that none of the printed levels is reached
    /// (answered, 0 points, fails any minimum).
    #[serde(default)]
    pub none_of_levels: BTreeSet<String>,
    /// Knock-out question id → whether the condition applies.
    #[serde(default)]
    pub knock_outs: BTreeMap<String, bool>,
}

/// Score of one part (A/B/C) or section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subtotal {
    pub code: String,
    pub points: u16,
    pub max: u16,
}

/// How one criterion was scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionScore {
    pub code: String,
    /// Chosen level (1-based), if any.
    pub position: Option<u8>,
    pub points: u8,
    pub max: u8,
    pub answered: bool,
}

/// A star minimum that the answers do not reach.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmetMinimum {
    pub criterion: String,
    /// The star level that needs it (3, 4 or 5).
    pub stars: u8,
    /// Points the criterion must reach for that star level.
    pub required_points: u8,
    /// The lowest printed position that reaches them.
    pub required_position: u8,
    /// Points of the current answer (0 when unanswered).
    pub points: u8,
}

/// A knock-out condition that applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriggeredKnockOut {
    pub id: String,
    pub effect: KnockOutEffect,
    /// The criterion it is tied to, if any.
    pub criterion: Option<String>,
}

/// One step of advice, ranked: blocking minimums first, then the cheapest points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Advice {
    /// Reach level `to` on `criterion`: without it the product cannot get `for_stars`.
    MeetMinimum {
        criterion: String,
        for_stars: u8,
        to: u8,
        gain: u8,
    },
    /// Raise `criterion` from its current level to `to` for `gain` points towards the next band.
    RaiseLevel {
        criterion: String,
        from: Option<u8>,
        to: u8,
        gain: u8,
    },
}

/// What separates the product from the next star.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStar {
    pub stars: u8,
    /// Total needed for that band.
    pub threshold: u16,
    /// Points still missing for the band (0 when only minimums block).
    pub points_needed: u16,
    /// Number of minimums that block it.
    pub blocking_minimums: usize,
}

/// The full result of [`assess`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub product_set: String,
    pub total: u16,
    pub max_total: u16,
    pub parts: Vec<Subtotal>,
    pub sections: Vec<Subtotal>,
    pub criteria: Vec<CriterionScore>,
    /// Star band of the total alone.
    pub band: u8,
    /// The band capped by the star minimums.
    pub stars: u8,
    /// Every unmet minimum, for every star level 3–5 (cumulative).
    pub unmet_minimums: Vec<UnmetMinimum>,
    pub knock_outs: Vec<TriggeredKnockOut>,
    pub knocked_out: bool,
    /// Knock-out questions not yet answered.
    pub open_knock_outs: Vec<String>,
    /// Criteria without an answer, in printed order.
    pub unanswered: Vec<String>,
    pub answered: usize,
    pub criterion_count: usize,
    pub next: Option<NextStar>,
    pub advice: Vec<Advice>,
}

impl Assessment {
    /// Points of a part ("A", "B", "C").
    pub fn part(&self, code: &str) -> u16 {
        self.parts
            .iter()
            .find(|p| p.code == code)
            .map(|p| p.points)
            .unwrap_or(0)
    }

    /// Unmet minimums for one star level.
    pub fn unmet_for(&self, stars: u8) -> impl Iterator<Item = &UnmetMinimum> {
        self.unmet_minimums.iter().filter(move |u| u.stars == stars)
    }

    /// Whether the result can be certified (3★–5★ and not knocked out).
    pub fn certifiable(&self) -> bool {
        self.stars >= 3 && !self.knocked_out
    }
}

/// Score `responses` against `set`. Answers for unknown criteria and out-of-range positions are
/// ignored (treated as unanswered); the draft importer rejects them before they get here.
pub fn assess(set: &ProductSet, responses: &Responses) -> Assessment {
    let mut parts = Vec::with_capacity(set.parts.len());
    let mut sections = Vec::new();
    let mut criteria = Vec::new();
    let mut unanswered = Vec::new();
    let mut unmet = Vec::new();
    let mut total: u16 = 0;

    for part in &set.parts {
        let mut part_points: u16 = 0;
        for section in &part.sections {
            let mut section_points: u16 = 0;
            for c in &section.criteria {
                let position = responses
                    .answers
                    .get(&c.code)
                    .copied()
                    .filter(|p| c.level(*p).is_some());
                let none = position.is_none() && responses.none_of_levels.contains(&c.code);
                let points = position.and_then(|p| c.points_at(p)).unwrap_or(0);
                let answered = position.is_some() || none;
                if !answered {
                    unanswered.push(c.code.clone());
                }
                for stars in 3..=5u8 {
                    if let Some(required) = c.required_points(stars) {
                        // Unanswered fails any minimum, even one set at a 0-point level.
                        if points < required || !answered {
                            let required_position = c
                                .positions_in_case(None)
                                .find(|(_, l)| l.points >= required)
                                .map(|(p, _)| p)
                                .unwrap_or(0);
                            unmet.push(UnmetMinimum {
                                criterion: c.code.clone(),
                                stars,
                                required_points: required,
                                required_position,
                                points,
                            });
                        }
                    }
                }
                criteria.push(CriterionScore {
                    code: c.code.clone(),
                    position,
                    points,
                    max: c.max,
                    answered,
                });
                section_points += u16::from(points);
            }
            sections.push(Subtotal {
                code: section.code.clone(),
                points: section_points,
                max: section.max,
            });
            part_points += section_points;
        }
        parts.push(Subtotal {
            code: part.code.clone(),
            points: part_points,
            max: part.max,
        });
        total += part_points;
    }

    let band = band_of(total);
    let stars = if band <= 2 {
        band
    } else {
        (3..=band)
            .rev()
            .find(|s| !unmet.iter().any(|u| u.stars == *s))
            .unwrap_or(2)
    };

    // Knock-outs.
    let mut knock_outs = Vec::new();
    let mut open_knock_outs = Vec::new();
    for k in &set.knock_outs {
        let triggered = match k.kind {
            KnockOutKind::Question => match responses.knock_outs.get(&k.id) {
                Some(v) => *v,
                None => {
                    open_knock_outs.push(k.id.clone());
                    false
                }
            },
            KnockOutKind::ZeroPoints => k.criteria.iter().any(|code| {
                criteria
                    .iter()
                    .any(|s| &s.code == code && s.answered && s.points == 0)
            }),
        };
        if triggered {
            knock_outs.push(TriggeredKnockOut {
                id: k.id.clone(),
                effect: k.effect,
                criterion: k.criterion.clone(),
            });
        }
    }

    let criterion_count = criteria.len();
    let answered = criterion_count - unanswered.len();
    let (next, advice) = advise(set, &criteria, &unmet, total, stars);
    Assessment {
        product_set: set.id.clone(),
        total,
        max_total: set.max_total(),
        parts,
        sections,
        criteria,
        band,
        stars,
        knocked_out: !knock_outs.is_empty(),
        unmet_minimums: unmet,
        knock_outs,
        open_knock_outs,
        unanswered,
        answered,
        criterion_count,
        next,
        advice,
    }
}

/// Ranked advice towards `stars + 1`: first each minimum that blocks it (with the level needed),
/// then the one-level raises that gain the most points per step until the band is reached.
fn advise(
    set: &ProductSet,
    scores: &[CriterionScore],
    unmet: &[UnmetMinimum],
    total: u16,
    stars: u8,
) -> (Option<NextStar>, Vec<Advice>) {
    if stars >= 5 {
        return (None, Vec::new());
    }
    let target = stars + 1;
    let threshold = band_threshold(target);
    let mut advice = Vec::new();
    // Current state per criterion: (position, points), updated as advice is "applied".
    let mut state: BTreeMap<&str, (Option<u8>, u8)> = scores
        .iter()
        .map(|s| (s.code.as_str(), (s.position, s.points)))
        .collect();

    // 1. Minimums that block the target (cumulative: every unmet minimum for ≤ target).
    let mut blocking = 0;
    let mut projected = total;
    let mut seen = BTreeSet::new();
    for u in unmet.iter().filter(|u| u.stars <= target) {
        if !seen.insert(u.criterion.as_str()) {
            continue;
        }
        // The strongest requirement up to the target on this criterion.
        let need = unmet
            .iter()
            .filter(|x| x.criterion == u.criterion && x.stars <= target)
            .max_by_key(|x| x.required_points)
            .unwrap_or(u);
        let gain = need.required_points.saturating_sub(need.points);
        blocking += 1;
        projected += u16::from(gain);
        state.insert(
            u.criterion.as_str(),
            (Some(need.required_position), need.required_points),
        );
        advice.push(Advice::MeetMinimum {
            criterion: u.criterion.clone(),
            for_stars: u.stars,
            to: need.required_position,
            gain,
        });
    }

    // 2. Cheapest points to the band: greedy one-level raises, biggest gain first.
    let points_needed = threshold.saturating_sub(total);
    let mut gap = threshold.saturating_sub(projected);
    let mut raises: Vec<(String, Option<u8>, u8, u8)> = Vec::new(); // code, from, to, gain
    while gap > 0 {
        let mut best: Option<(&str, u8, u8)> = None; // code, to, gain
        for loc in set.criteria() {
            let c = loc.criterion;
            let (pos, points) = state.get(c.code.as_str()).copied().unwrap_or((None, 0));
            let case = pos.and_then(|p| c.level(p)).and_then(|l| l.case);
            let next = c
                .positions_in_case(case)
                .filter(|(p, l)| l.points > points && pos.is_none_or(|cur| *p > cur))
                .min_by_key(|(p, _)| *p);
            if let Some((to, l)) = next {
                let gain = l.points - points;
                if best.is_none_or(|(_, _, g)| gain > g) {
                    best = Some((c.code.as_str(), to, gain));
                }
            }
        }
        let Some((code, to, gain)) = best else { break };
        let (from, old_points) = state.get(code).copied().unwrap_or((None, 0));
        state.insert(code, (Some(to), old_points + gain));
        gap = gap.saturating_sub(u16::from(gain));
        if let Some(r) = raises.iter_mut().find(|r| r.0 == code) {
            r.2 = to;
            r.3 += gain;
        } else {
            raises.push((code.to_string(), from, to, gain));
        }
    }
    advice.extend(
        raises
            .into_iter()
            .map(|(criterion, from, to, gain)| Advice::RaiseLevel {
                criterion,
                from,
                to,
                gain,
            }),
    );
    (
        Some(NextStar {
            stars: target,
            threshold,
            points_needed,
            blocking_minimums: blocking,
        }),
        advice,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    fn set(id: &str) -> ProductSet {
        match embedded::load(id) {
            Some(Ok(s)) => s,
            other => panic!("{id}: {other:?}"),
        }
    }

    fn best(set: &ProductSet) -> Responses {
        let mut r = Responses::default();
        for l in set.criteria() {
            let c = l.criterion;
            let (p, _) = c
                .positions_in_case(None)
                .max_by_key(|(p, l)| (l.points, *p))
                .unwrap_or((1, &c.levels[0]));
            r.answers.insert(c.code.clone(), p);
        }
        r
    }

    #[test]
    fn empty_answers_score_zero_and_list_everything_unanswered() {
        let s = set("QD26-07");
        let a = assess(&s, &Responses::default());
        assert_eq!(a.total, 0);
        assert_eq!(a.band, 1);
        assert_eq!(a.stars, 1);
        assert_eq!(a.unanswered.len(), s.criterion_count());
        assert_eq!(a.answered, 0);
        assert!(!a.knocked_out);
        assert_eq!(
            a.open_knock_outs.len(),
            s.knock_outs
                .iter()
                .filter(|k| k.kind == KnockOutKind::Question)
                .count()
        );
    }

    #[test]
    fn best_answers_give_100_and_five_stars_in_every_set() {
        for (id, _) in embedded::SETS {
            let s = set(id);
            let a = assess(&s, &best(&s));
            assert_eq!(a.total, 100, "{id}");
            assert_eq!(a.stars, 5, "{id}");
            assert!(a.unmet_minimums.is_empty(), "{id}");
            assert!(a.advice.is_empty() && a.next.is_none(), "{id}");
            assert_eq!(a.part("A") + a.part("B") + a.part("C"), 100);
        }
    }

    #[test]
    fn advice_covers_the_gap_to_the_next_band() {
        let s = set("QD26-01");
        let a = assess(&s, &Responses::default());
        let next = a.next.clone().expect("next star");
        assert_eq!(next.stars, 2);
        assert_eq!(next.points_needed, 30);
        let gain: u16 = a
            .advice
            .iter()
            .map(|x| match x {
                Advice::MeetMinimum { gain, .. } | Advice::RaiseLevel { gain, .. } => {
                    u16::from(*gain)
                }
            })
            .sum();
        assert!(gain >= 30, "advice gains {gain}");
        // Applying the advice reaches the band.
        let mut r = Responses::default();
        for x in &a.advice {
            if let Advice::RaiseLevel { criterion, to, .. } = x {
                r.answers.insert(criterion.clone(), *to);
            }
        }
        assert!(assess(&s, &r).total >= 30);
    }
}
