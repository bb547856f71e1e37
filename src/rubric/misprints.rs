//! Cells of the decision's scoring sheets that disagree with every other sheet and may be
//! misprints. The app keeps the printed value (the decision is the rule) and says, where the
//! level is shown and in the working copy, that it may be a misprint. Written as data, checked
//! against the shipped sheets by the test below.

use crate::lang::Lang;

/// One doubtful cell: the product set, the criterion, the level (1-based position as printed),
/// the points printed there and the points the other sheets print for the same level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Misprint {
    pub set: &'static str,
    pub code: &'static str,
    pub position: u8,
    pub printed: u8,
    pub elsewhere: u8,
}

/// Every known doubtful cell.
pub const MISPRINTS: [Misprint; 1] = [Misprint {
    // Set 7, criterion 3.1 (type of business organisation): a company with under 51 % local
    // community capital is printed 1 point, between the household's 1 and the co-operative's
    // 3; all 25 other sheets print 2 for the same words (`docs/domain.md`, entity type).
    set: "QD26-07",
    code: "3.1",
    position: 2,
    printed: 1,
    elsewhere: 2,
}];

impl Misprint {
    /// The doubtful cell of criterion `code` in set `set`, if any.
    pub fn find(set: &str, code: &str) -> Option<&'static Misprint> {
        MISPRINTS.iter().find(|m| m.set == set && m.code == code)
    }

    /// The note shown beside the level.
    pub fn note(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "Lưu ý: ở bộ tiêu chí này, mức này in {} điểm, trong khi mọi bộ tiêu chí khác in {} điểm cho cùng mức; có thể là lỗi in. Công cụ tính theo số in ({} điểm); hỏi cơ quan OCOP cấp tỉnh nếu cần.",
                self.printed, self.elsewhere, self.printed
            ),
            Lang::En => format!(
                "Note: this sheet prints {} point(s) for this level, while every other sheet prints {} for the same level; it may be a misprint. The tool counts the printed value ({}); ask the provincial OCOP office if in doubt.",
                self.printed, self.elsewhere, self.printed
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    #[test]
    fn each_misprint_is_what_the_sheets_print() {
        let sets = embedded::load_all().unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
        for m in MISPRINTS {
            let points = |id: &str| -> Option<u8> {
                let s = sets.iter().find(|s| s.id == id)?;
                let l = s.criteria().find(|l| l.criterion.code == m.code)?;
                Some(l.criterion.level(m.position)?.points)
            };
            assert_eq!(points(m.set), Some(m.printed), "{m:?}");
            let text = |id: &str| -> Option<String> {
                let s = sets.iter().find(|s| s.id == id)?;
                let l = s.criteria().find(|l| l.criterion.code == m.code)?;
                Some(l.criterion.level(m.position)?.text.vi.clone())
            };
            let words = text(m.set);
            let others: Vec<_> = sets
                .iter()
                .filter(|s| s.id != m.set && text(&s.id) == words)
                .collect();
            assert!(others.len() >= 20, "{m:?}: {} sheets", others.len());
            for s in others {
                assert_eq!(points(&s.id), Some(m.elsewhere), "{} {m:?}", s.id);
            }
        }
        assert!(Misprint::find("QD26-07", "3.1").is_some());
        assert!(Misprint::find("QD26-09", "3.1").is_none());
        assert!(MISPRINTS[0].note(Lang::Vi).contains("có thể là lỗi in"));
    }
}
