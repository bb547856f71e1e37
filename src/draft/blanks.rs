//! What the filing copy leaves blank: the one "cần bổ sung" list. The app's list on the details
//! screen, its counts, the working copy's list and the dotted leaders of the filing copy all come
//! from [`blanks`], so they cannot disagree (the dossier records each blank it leaves, and a test
//! compares the two).

use super::checks::{check_fields_for, Problem};
use super::{is_blank, Draft, Field};
use crate::rubric::ProductSet;

/// A place in the filing copy that the producer's draft leaves empty.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Blank {
    /// A detail printed in a blank of Mẫu 01 or Mẫu 02 (see [`Field::fills_a_blank`]).
    Field(Field),
    /// A criterion not yet self-assessed: its level and points in Mẫu 02 Part III.
    Score(String),
    /// A criterion without its "mô tả, chứng minh" in Mẫu 02 Part III.
    Description(String),
    /// An address that names no province or city ("…, tỉnh Lào Cai", "…, thành phố Huế"):
    /// Mẫu 01's "của tỉnh …" and the place of the signature lines stay blank.
    Province,
}

impl Field {
    /// Whether the filing copy prints this field in one of its blanks (so an empty one leaves
    /// the dotted leader). Not: the disability status (the forms do not ask it; it only grounds
    /// the answer to criterion 3.2), and the declared certificates and intellectual property,
    /// which tick the boxes of Mẫu 02 I.7 (an unticked box is an answer, not a blank).
    pub fn fills_a_blank(self) -> bool {
        !matches!(
            self,
            Field::RepresentativeDisability | Field::Certificates | Field::IntellectualProperty
        )
    }
}

/// Every blank the filing copy of `d` (for product set `set`) leaves, in order: the details in
/// form order (only those its registration asks for; a tourism service declares no product
/// standard; the province when the address names none), then each criterion in printed order,
/// its score before its description.
pub fn blanks(d: &Draft, set: &ProductSet) -> Vec<Blank> {
    let mut out: Vec<Blank> = check_fields_for(d, None, set.is_tourism())
        .into_iter()
        .filter(|p| p.problem == Problem::Missing && p.field.fills_a_blank())
        .map(|p| Blank::Field(p.field))
        .collect();
    let address = &d.producer.address;
    if !is_blank(address) && super::address::province_of(address).is_none() {
        // After the address, where it is read from.
        let at = out
            .iter()
            .position(|b| matches!(b, Blank::Field(f) if *f > Field::Address))
            .unwrap_or(out.len());
        out.insert(at, Blank::Province);
    }
    for line in set.criteria() {
        let code = &line.criterion.code;
        let r = &d.responses;
        // Scored: a level the sheet has, or "none of the levels" (as the assessment counts).
        let scored = match r.answers.get(code) {
            Some(&p) => line.criterion.level(p).is_some(),
            None => r.none_of_levels.contains(code),
        };
        if !scored {
            out.push(Blank::Score(code.clone()));
        }
        if d.evidence.get(code).is_none_or(|t| is_blank(t)) {
            out.push(Blank::Description(code.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    fn set(id: &str) -> ProductSet {
        let text = embedded::SETS
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        ProductSet::from_json(text).expect("embedded set")
    }

    #[test]
    fn an_empty_draft_is_all_blanks_and_answers_remove_them() {
        let s = set("QD26-07");
        let mut d = Draft::new("x", "QD26-07", 0);
        let b = blanks(&d, &s);
        let n = s.criterion_count();
        let fields = b.iter().filter(|x| matches!(x, Blank::Field(_))).count();
        assert_eq!(b.len(), fields + 2 * n);
        assert!(!b.contains(&Blank::Field(Field::RepresentativeDisability)));
        assert!(!b.contains(&Blank::Field(Field::Changes)), "first time");
        assert!(b.contains(&Blank::Field(Field::History)));
        let first = s.criteria().next().map(|l| l.criterion.code.clone());
        let first = first.unwrap_or_default();
        d.responses.none_of_levels.insert(first.clone());
        d.evidence.insert(first.clone(), " \u{200B}".into());
        let b2 = blanks(&d, &s);
        assert!(!b2.contains(&Blank::Score(first.clone())));
        assert!(
            b2.contains(&Blank::Description(first.clone())),
            "blank text"
        );
        d.evidence.insert(first.clone(), "Hợp đồng số 5".into());
        assert_eq!(blanks(&d, &s).len(), b.len() - 2);
        // A stored position the sheet does not have is not a score (the assessment agrees).
        d.responses.none_of_levels.remove(&first);
        d.responses.answers.insert(first.clone(), 99);
        assert!(blanks(&d, &s).contains(&Blank::Score(first.clone())));
        let a = crate::assess::assess(&s, &d.responses);
        assert!(a.unanswered.contains(&first));
        d.responses.answers.insert(first.clone(), 1);
        assert!(!blanks(&d, &s).contains(&Blank::Score(first.clone())));
        d.product.registration_type = super::super::RegistrationType::Upgrade;
        assert!(blanks(&d, &s).contains(&Blank::Field(Field::Changes)));
    }
}
