//! What happens after the self-assessment: the filing calendar of Decision 26/2026 (issue 17).
//!
//! - Điều 7 khoản 1–2 (the decision's text, `docs/forms-qd26-2026.md`): the producer files one
//!   paper and one electronic set with the commune (UBND cấp xã), which within **15 working
//!   days** assesses a few contents, issues Mẫu 03 and forwards the dossier to the province.
//! - The provincial rounds (`docs/domain.md` §6.1, from Điều 5): at least two a year, **before
//!   30 June** for the communes' proposals received **before 30 April**, and **before 30
//!   December** for those received **before 30 October**; a province may hold more rounds.
//! - 5★ (a score of 90 or more) goes on to the Ministry: rounds before 30 September (provinces'
//!   proposals before 30 July) and before 30 March (proposals before 30 January).
//!
//! **Our inference** (marked so wherever it is shown): the latest day to file with the commune
//! for a round is 15 working days (Monday to Friday; public holidays not counted, so the real
//! day may be earlier) before the commune's deadline. Dates are passed in; nothing reads a clock.

use crate::date::Date;

/// Working days the commune has (Điều 7 khoản 2).
pub const COMMUNE_WORKING_DAYS: u32 = 15;

/// Monday = 0 … Sunday = 6.
pub fn weekday(d: Date) -> u8 {
    // 1970-01-01 was a Thursday.
    (d.days() + 3).rem_euclid(7) as u8
}

pub fn is_weekend(d: Date) -> bool {
    weekday(d) >= 5
}

/// The day `n` working days (Monday to Friday) before `d`.
pub fn working_days_before(d: Date, n: u32) -> Option<Date> {
    let mut day = d;
    let mut left = n;
    while left > 0 {
        day = day.add_days(-1)?;
        if !is_weekend(day) {
            left -= 1;
        }
    }
    Some(day)
}

/// Which provincial round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    /// Proposals before 30 April, decided before 30 June.
    First,
    /// Proposals before 30 October, decided before 30 December.
    Second,
}

/// One provincial round and the producer's days for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Round {
    pub half: Half,
    /// The commune forwards its proposals before this day (30/4 or 30/10).
    pub commune_by: Date,
    /// The province decides before this day (30/6 or 30/12).
    pub province_by: Date,
    /// Our estimate of the latest day to file with the commune: [`COMMUNE_WORKING_DAYS`] working
    /// days before `commune_by`.
    pub file_by: Date,
}

impl Round {
    fn of(year: u16, half: Half) -> Option<Round> {
        let (cm, pm, pd) = match half {
            Half::First => (4, 6, 30),
            Half::Second => (10, 12, 30),
        };
        let commune_by = Date::new(year, cm, 30)?;
        Some(Round {
            half,
            commune_by,
            province_by: Date::new(year, pm, pd)?,
            file_by: working_days_before(commune_by, COMMUNE_WORKING_DAYS)?,
        })
    }
}

/// Where a producer filing `today` stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Next {
    /// The round a dossier filed today can still reach by our estimate.
    pub round: Round,
    /// A nearer round whose estimated filing day has passed but whose commune deadline has not:
    /// the commune may still forward a dossier filed now if it is quick.
    pub tight: Option<Round>,
}

/// The next provincial round for a dossier filed on `today`.
pub fn next_round(today: Date) -> Option<Next> {
    let y = today.year;
    let rounds = [
        Round::of(y, Half::First)?,
        Round::of(y, Half::Second)?,
        Round::of(y.checked_add(1)?, Half::First)?,
    ];
    let i = rounds.iter().position(|r| today <= r.file_by)?;
    let tight = rounds[..i]
        .iter()
        .rev()
        .find(|r| today < r.commune_by)
        .copied();
    Some(Next {
        round: rounds[i],
        tight,
    })
}

/// The Ministry's round for a 5★ proposal the province sends on `sent` (before 30 July →
/// before 30 September; before 30 January → before 30 March): (province sends by, Ministry
/// decides by).
pub fn central_round(sent: Date) -> Option<(Date, Date)> {
    let y = sent.year;
    let candidates = [
        (Date::new(y, 1, 30)?, Date::new(y, 3, 30)?),
        (Date::new(y, 7, 30)?, Date::new(y, 9, 30)?),
        (
            Date::new(y.checked_add(1)?, 1, 30)?,
            Date::new(y.checked_add(1)?, 3, 30)?,
        ),
    ];
    candidates.into_iter().find(|(by, _)| sent < *by)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).expect("valid")
    }

    #[test]
    fn weekdays_are_right() {
        assert_eq!(weekday(d(1970, 1, 1)), 3, "a Thursday");
        assert_eq!(weekday(d(2026, 12, 1)), 1, "a Tuesday");
        assert_eq!(weekday(d(2027, 4, 30)), 4, "a Friday");
        assert!(is_weekend(d(2026, 4, 26)), "a Sunday");
    }

    #[test]
    fn fifteen_working_days_skip_weekends() {
        // 30/4/2027 is a Friday: 15 working days before is Friday 9/4/2027.
        assert_eq!(working_days_before(d(2027, 4, 30), 15), Some(d(2027, 4, 9)));
        // 30/10/2026 is a Friday: 9/10/2026.
        assert_eq!(
            working_days_before(d(2026, 10, 30), 15),
            Some(d(2026, 10, 9))
        );
        // 30/4/2028 is a Sunday: counting back from it, Friday 28/4 is the first working day.
        assert_eq!(working_days_before(d(2028, 4, 30), 1), Some(d(2028, 4, 28)));
        assert_eq!(working_days_before(d(2028, 4, 30), 0), Some(d(2028, 4, 30)));
    }

    #[test]
    fn the_next_round_around_30_april_30_october_and_the_year_end() {
        // Early in the year: round 1.
        let n = next_round(d(2027, 1, 10)).expect("round");
        assert_eq!(n.round.half, Half::First);
        assert_eq!(n.round.commune_by, d(2027, 4, 30));
        assert_eq!(n.round.province_by, d(2027, 6, 30));
        assert_eq!(n.round.file_by, d(2027, 4, 9));
        assert_eq!(n.tight, None);
        // The last estimated day itself still counts.
        assert_eq!(
            next_round(d(2027, 4, 9)).map(|n| n.round.half),
            Some(Half::First)
        );
        // Just after: round 2, with round 1 still possible if the commune is quick.
        let n = next_round(d(2027, 4, 12)).expect("round");
        assert_eq!(n.round.half, Half::Second);
        assert_eq!(n.round.commune_by, d(2027, 10, 30));
        assert_eq!(n.tight.map(|r| r.half), Some(Half::First));
        // On 30 April the first round is gone.
        assert_eq!(next_round(d(2027, 4, 30)).and_then(|n| n.tight), None);
        // Around 30 October.
        assert_eq!(
            next_round(d(2026, 10, 9)).map(|n| n.round.commune_by),
            Some(d(2026, 10, 30))
        );
        let n = next_round(d(2026, 10, 29)).expect("round");
        assert_eq!(
            n.round.commune_by,
            d(2027, 4, 30),
            "next year's first round"
        );
        assert_eq!(n.tight.map(|r| r.commune_by), Some(d(2026, 10, 30)));
        // Year end: today (1/12/2026) and 31/12.
        for today in [d(2026, 12, 1), d(2026, 12, 31)] {
            let n = next_round(today).expect("round");
            assert_eq!(n.round.commune_by, d(2027, 4, 30));
            assert_eq!(n.round.province_by, d(2027, 6, 30));
            assert_eq!(n.tight, None);
        }
        assert_eq!(
            next_round(d(2027, 1, 1)).map(|n| n.round.file_by),
            Some(d(2027, 4, 9))
        );
    }

    #[test]
    fn the_central_round_for_five_stars() {
        assert_eq!(
            central_round(d(2027, 6, 30)),
            Some((d(2027, 7, 30), d(2027, 9, 30)))
        );
        assert_eq!(
            central_round(d(2027, 7, 30)),
            Some((d(2028, 1, 30), d(2028, 3, 30)))
        );
        assert_eq!(
            central_round(d(2026, 12, 30)),
            Some((d(2027, 1, 30), d(2027, 3, 30)))
        );
        assert_eq!(
            central_round(d(2027, 1, 2)),
            Some((d(2027, 1, 30), d(2027, 3, 30)))
        );
    }
}
