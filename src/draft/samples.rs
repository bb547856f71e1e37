//! Example products for demonstration mode (fictional producers, realistic answers), from
//! `data/samples/` (written by `tools/make_samples.py`). Labelled as examples in the app; demo
//! mode works on copies and never touches the user's own drafts.

use super::{from_json, Draft};

const SAMPLES: &[&str] = &[
    include_str!("../../data/samples/sample-fish-sauce.json"),
    include_str!("../../data/samples/sample-shan-tea.json"),
    include_str!("../../data/samples/sample-homestay.json"),
    include_str!("../../data/samples/sample-bamboo.json"),
];

/// The example drafts, in a fixed order. A sample that fails to parse is skipped (the tests
/// make sure none does).
pub fn samples() -> Vec<Draft> {
    SAMPLES.iter().filter_map(|s| from_json(s).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;
    use crate::draft::check_against;
    use crate::rubric::{embedded, Catalogue};

    #[test]
    fn samples_are_valid_and_span_categories() {
        let all = samples();
        assert_eq!(all.len(), SAMPLES.len());
        let cat = Catalogue::shared();
        let mut categories = std::collections::BTreeSet::new();
        let mut stars = std::collections::BTreeSet::new();
        for d in &all {
            let Some(Ok(set)) = embedded::load(&d.product_set) else {
                panic!("{}", d.product_set)
            };
            assert_eq!(check_against(d, &set), Ok(()), "{}", d.id);
            let a = assess(&set, &d.responses);
            assert!(a.unanswered.is_empty(), "{} answers everything", d.id);
            stars.insert(a.stars);
            assert!(
                d.title.contains("ví dụ"),
                "{} is labelled as an example",
                d.id
            );
            let c = cat
                .sets()
                .find(|(_, _, s)| s.id == d.product_set)
                .map(|(c, _, _)| c.code.clone());
            categories.insert(c);
        }
        assert!(categories.len() >= 3, "{categories:?}");
        assert!(
            stars.len() >= 2,
            "examples show different outcomes: {stars:?}"
        );
    }
}
