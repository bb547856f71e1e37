//! How much work a step of the plan usually takes: a small, versioned table classifying what it
//! takes to reach a level of a criterion, from "papers you may already have" to "hard to
//! change". It orders the plan's point gains (easiest first) and is shown beside each step.
//!
//! This is **our estimate** ([I], like the evidence mapping in [`super::evidence`]): the decision
//! says what each level is, not how hard it is to reach. The table keys on what the data
//! supports: the criterion's content (its section's name and its own text, in the English
//! glosses, which are consistent across the 26 sheets), so the same kind of criterion gets the
//! same class in every set; and the target level's own text when it names a certificate, a
//! patent or a lab test (reaching such a level takes months whatever the criterion). The UI
//! says it is an estimate ("ước tính"). A test checks that every criterion of every set is
//! classified, by exactly one class.

use serde::{Deserialize, Serialize};

use super::{Criterion, ProductSet};

/// Version of the table below; bump it when a class changes.
pub const VERSION: u32 = 1;

/// A kind of step, from the usually easiest to the hardest. The order is the plan's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    /// Papers a running business usually has or can get quickly: existing contracts, the
    /// environmental file, the accounts of the last two years, licences, safety plans.
    Papers,
    /// A change in packaging or on the label (bilingual label, usage instructions, a
    /// traceability code): a new print run.
    Label,
    /// Writing and promotion: the product story, leaflets, a website or social-media page,
    /// trade fairs. Weeks of work.
    Content,
    /// A certificate or a test that takes months: VietGAP/organic, the food-safety facility
    /// certificate, ISO/HACCP, a quality declaration with its lab reports, a trademark.
    Certificate,
    /// Investment or market development: raw materials, processing, capacity, workers,
    /// distributors, export, facilities and services.
    Investment,
    /// Improving the product itself (sensory quality, design, uniqueness), judged by the
    /// council on samples.
    Product,
    /// What the product or the producer is and can hardly change: the legal form, the legal
    /// representative, the origin of the idea, the location.
    Given,
}

impl Effort {
    /// Every class, easiest first.
    pub const ALL: [Effort; 7] = [
        Effort::Papers,
        Effort::Label,
        Effort::Content,
        Effort::Certificate,
        Effort::Investment,
        Effort::Product,
        Effort::Given,
    ];

    /// A stable tag (for JSON and CSS classes).
    pub fn tag(self) -> &'static str {
        match self {
            Effort::Papers => "papers",
            Effort::Label => "label",
            Effort::Content => "content",
            Effort::Certificate => "certificate",
            Effort::Investment => "investment",
            Effort::Product => "product",
            Effort::Given => "given",
        }
    }
}

/// The table: keyword rules over the lower-cased English "section | criterion |". The first
/// rule with a matching word gives the class (the test below also checks that no criterion
/// matches rules of two classes, so the order does not decide anything).
const CRITERION_RULES: &[(&[&str], Effort)] = &[
    (
        &[
            "legal representative",
            "type of business",
            "new-rural",
            "origin of the product idea",
            "origin of the tourism-product idea",
            "location |",
            "service coordination/management unit",
        ],
        Effort::Given,
    ),
    (
        &[
            "linkage",
            "environmental protection",
            "business growth",
            "business-licensing",
            "safety and security",
            "management mechanism",
        ],
        Effort::Papers,
    ),
    (
        &[
            "packing and packaging",
            "packaging and labelling",
            "label style",
            "bilingual labelling",
            "usage instructions",
            "convenience of use",
        ],
        Effort::Label,
    ),
    (
        &[
            "story (existence",
            "story structure",
            "local knowledge",
            "presentation of the product story",
            "product promotion",
            "promotional brand identity",
            "visitor-attraction",
        ],
        Effort::Content,
    ),
    (
        &[
            "certified raw-material area",
            "certified production area",
            "intellectual property",
            "declaration",
            "quality assurance",
            "conditions ensuring",
            "food-safety quality",
            "periodic testing",
            "nutrition",
            "effectiveness in use",
            "safety | safety",
            "management and staff",
        ],
        Effort::Certificate,
    ),
    (
        &[
            "raw-material origin",
            "product origin",
            "value addition",
            "production capacity",
            "sustainable technology",
            "energy saving",
            "local labour",
            "distribution",
            "sales organisation",
            "global market",
            "target markets",
            "heritage",
            "architecture",
            "amenities",
            "experiential",
            "service process",
            "goods and services",
        ],
        Effort::Investment,
    ),
    (
        &[
            "sensory indicators",
            "product quality |",
            "quality indicators",
            "uniqueness",
            "service quality",
            "quality of the tourism product",
        ],
        Effort::Product,
    ),
];

/// Words in a level's English text that make reaching it a certificate or a test, whatever the
/// criterion (the class is then at least [`Effort::Certificate`]).
const LEVEL_CERTIFICATE_WORDS: &[&str] = &[
    "certif",
    "vietgap",
    "globalgap",
    "haccp",
    "iso",
    "patent",
    "trademark",
    "lab ",
    "test report",
];

fn criterion_key(section_en: &str, criterion_en: &str) -> String {
    format!(
        "{} | {} |",
        section_en.to_lowercase(),
        criterion_en.to_lowercase()
    )
}

fn classes_of(key: &str) -> impl Iterator<Item = Effort> + '_ {
    CRITERION_RULES
        .iter()
        .filter(move |(words, _)| words.iter().any(|w| key.contains(w)))
        .map(|(_, e)| *e)
}

/// The class of a criterion (by its content), `None` for an unknown code.
pub fn for_criterion(set: &ProductSet, code: &str) -> Option<Effort> {
    let loc = set.criteria().find(|l| l.criterion.code == code)?;
    classes_of(&criterion_key(&loc.section.name.en, &loc.criterion.text.en)).next()
}

/// The class of reaching level `position` of criterion `code`: the criterion's class, raised to
/// [`Effort::Certificate`] when the level's text names a certificate, a patent or a lab test.
/// An unknown code, or a criterion no rule covers (the test rules this out for the shipped
/// sets), counts as [`Effort::Investment`].
pub fn for_level(set: &ProductSet, code: &str, position: u8) -> Effort {
    let base = for_criterion(set, code).unwrap_or(Effort::Investment);
    let names_certificate = set
        .criterion(code)
        .and_then(|c: &Criterion| c.level(position))
        .map(|l| {
            let text = l.text.en.to_lowercase();
            LEVEL_CERTIFICATE_WORDS.iter().any(|w| text.contains(w)) && !text.starts_with("no ")
        })
        .unwrap_or(false);
    if names_certificate {
        base.max(Effort::Certificate)
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    #[test]
    fn every_criterion_of_every_set_has_exactly_one_class() {
        let mut seen = std::collections::BTreeSet::new();
        for (id, _) in embedded::SETS {
            let Some(Ok(set)) = embedded::load(id) else {
                panic!("{id}")
            };
            for l in set.criteria() {
                let key = criterion_key(&l.section.name.en, &l.criterion.text.en);
                let classes: std::collections::BTreeSet<Effort> = classes_of(&key).collect();
                assert_eq!(
                    classes.len(),
                    1,
                    "{id} {}: {key} → {classes:?}",
                    l.criterion.code
                );
                seen.extend(classes);
            }
        }
        assert_eq!(
            seen.len(),
            Effort::ALL.len(),
            "every class is used: {seen:?}"
        );
    }

    #[test]
    fn known_classes() {
        let Some(Ok(set)) = embedded::load("QD26-09") else {
            panic!("set")
        };
        let c = |code| for_criterion(&set, code);
        assert_eq!(c("1.4"), Some(Effort::Papers), "linkage contracts");
        assert_eq!(c("3.4"), Some(Effort::Papers), "accounts");
        assert_eq!(c("2.4"), Some(Effort::Label), "bilingual label");
        assert_eq!(c("10"), Some(Effort::Label), "usage instructions");
        assert_eq!(c("5.1"), Some(Effort::Content), "story");
        assert_eq!(c("9"), Some(Effort::Certificate), "facility certificate");
        assert_eq!(c("3.5"), Some(Effort::Certificate), "trademark");
        assert_eq!(c("4.1"), Some(Effort::Investment), "distribution");
        assert_eq!(c("6.5"), Some(Effort::Product), "taste");
        assert_eq!(c("3.2"), Some(Effort::Given), "representative");
        assert_eq!(c("99"), None);
        // 1.5's first level is the environmental file (papers); no level names a certificate.
        assert_eq!(for_level(&set, "1.5", 1), Effort::Papers);
        // Set 7's certified raw-material area: "No quality certificate" is not a certificate.
        let Some(Ok(s7)) = embedded::load("QD26-07") else {
            panic!("set")
        };
        let code = s7
            .criteria()
            .find(|l| l.criterion.text.en.starts_with("Certified raw-material"))
            .map(|l| l.criterion.code.clone())
            .unwrap_or_default();
        assert_eq!(for_criterion(&s7, &code), Some(Effort::Certificate));
        assert_eq!(for_level(&s7, "99", 1), Effort::Investment);
        // A label criterion whose level is a trademark application (one sheet prints it so).
        assert!(Effort::Papers < Effort::Label && Effort::Product < Effort::Given);
    }
}
