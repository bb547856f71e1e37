//! The rules as data: the scoring sheets of Decision 26/2026/QĐ-TTg in the project's own format
//! (`ocop-self-check/rubric` v1), derived from the reference transcription by
//! `tools/build_rubric.py` and shipped as one JSON file per product set under `static/rubric/`.
//!
//! Identifiers are the decision's own: criterion codes ("1.5", "6.1.2") and 1-based level
//! positions as printed. Labels are translations ([`Text`]).

mod catalogue;
#[rustfmt::skip]
mod catalogue_data;
pub mod effort;
pub mod evidence;
pub mod glossary;
pub mod help;
mod misprints;
pub mod search;
mod validate;

pub use catalogue::{
    Catalogue, CatalogueEntry, Category, Group as CatalogueGroup, SetEntry, CATALOGUE_JSON,
};
pub use misprints::{Misprint, MISPRINTS};
pub use validate::{validate, Problem};

use serde::{Deserialize, Serialize};

pub use crate::lang::Text;

/// The rubric this build knows: Decision 26/2026/QĐ-TTg.
pub const RUBRIC_ID: &str = "QD26-2026";
/// Format tag and version of a product-set file.
pub const RUBRIC_FORMAT: &str = "ocop-self-check/rubric";
pub const RUBRIC_VERSION: u32 = 1;

/// Star bands of Điều 3.3: (stars, minimum total).
pub const BANDS: [(u8, u16); 5] = [(5, 90), (4, 70), (3, 50), (2, 30), (1, 0)];

/// The lowest total that reaches `stars` (1..=5).
pub fn band_threshold(stars: u8) -> u16 {
    BANDS
        .iter()
        .find(|(s, _)| *s == stars)
        .map(|(_, min)| *min)
        .unwrap_or(0)
}

/// The score band of a total.
pub fn band_of(total: u16) -> u8 {
    BANDS
        .iter()
        .find(|(_, min)| total >= *min)
        .map(|(s, _)| *s)
        .unwrap_or(1)
}

/// Where the rules come from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub number: String,
    pub date: String,
    pub effective_from: String,
    #[serde(default)]
    pub title_vi: String,
    #[serde(default)]
    pub official_url: String,
    #[serde(default)]
    pub text_source: String,
    #[serde(default)]
    pub transcription: String,
}

/// One scoring sheet (Bộ sản phẩm).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductSet {
    pub format: String,
    pub version: u32,
    pub rubric: String,
    pub decision: Decision,
    pub id: String,
    pub no: u8,
    pub name: Text,
    #[serde(default)]
    pub header_vi: String,
    #[serde(default)]
    pub knock_outs: Vec<KnockOut>,
    pub parts: Vec<Part>,
    #[serde(default)]
    pub flags: Vec<Flag>,
}

/// A remark on a doubtful cell of the source, kept as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flag {
    pub at: String,
    pub note: String,
}

/// Phần A / B / C.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub code: String,
    pub max: u16,
    /// The maximum printed in the part's header when it disagrees with the points cell
    /// (tourism Part A says 35; its criteria sum to 40).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_max: Option<u16>,
    pub name: Text,
    pub sections: Vec<Section>,
}

/// A numbered section (1 … n, continuous across the parts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub code: String,
    pub max: u16,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Group>,
    pub criteria: Vec<Criterion>,
}

/// A heading that groups criteria inside a section (e.g. 6.1 "Ngoại hình" → 6.1.1, 6.1.2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub code: String,
    pub max: u16,
    pub name: Text,
}

/// A scored criterion (Tiêu chí) with its answer levels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub max: u8,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Alternative level lists (tourism set, Case 1 / Case 2); levels carry `case`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// The source prints only a maximum; the yes/no levels are inferred.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub implicit_levels: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    pub levels: Vec<Level>,
}

/// An answer level (Mức) in printed order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub points: u8,
    pub text: Text,
    /// `***` → 3, `****` → 4, `*****` → 5: the minimum level for that star.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_star: Option<u8>,
    /// 1-based case for criteria with alternative level lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// How a knock-out is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KnockOutKind {
    /// The producer says whether the condition applies.
    Question,
    /// Triggered by a 0-point answer on one of `criteria`.
    ZeroPoints,
}

/// What a knock-out does to the dossier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KnockOutEffect {
    /// "Hồ sơ bị loại": the dossier is rejected.
    Rejected,
    /// "Không đánh giá (các bước tiếp theo)": the product is not evaluated further.
    NotEvaluated,
}

/// A condition that rejects the dossier (Hồ sơ bị loại).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KnockOut {
    pub id: String,
    pub kind: KnockOutKind,
    pub effect: KnockOutEffect,
    /// The criterion whose note states the rule, when it is criterion-level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<String>,
    /// For [`KnockOutKind::ZeroPoints`]: the criteria watched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
    pub text: Text,
    #[serde(default)]
    pub source_vi: String,
}

impl Criterion {
    /// Points of the level at a 1-based printed position.
    pub fn points_at(&self, position: u8) -> Option<u8> {
        self.level(position).map(|l| l.points)
    }

    /// The level at a 1-based printed position.
    pub fn level(&self, position: u8) -> Option<&Level> {
        if position == 0 {
            return None;
        }
        self.levels.get(usize::from(position) - 1)
    }

    /// Minimum points this criterion needs for `stars` (cumulative: a `***` marker also binds
    /// 4★ and 5★), or `None` when it imposes nothing for that star level.
    pub fn required_points(&self, stars: u8) -> Option<u8> {
        self.levels
            .iter()
            .filter_map(|l| l.min_star.filter(|m| *m <= stars).map(|_| l.points))
            .max()
    }

    /// Whether the criterion offers alternative cases (tourism set).
    pub fn has_cases(&self) -> bool {
        !self.cases.is_empty()
    }

    /// Positions (1-based) of the levels, optionally limited to one case.
    pub fn positions_in_case(&self, case: Option<u8>) -> impl Iterator<Item = (u8, &Level)> {
        self.levels
            .iter()
            .enumerate()
            .filter(move |(_, l)| case.is_none() || l.case == case)
            .map(|(i, l)| (u8::try_from(i + 1).unwrap_or(u8::MAX), l))
    }
}

/// A criterion with where it sits.
#[derive(Clone, Copy, Debug)]
pub struct Located<'a> {
    pub part: &'a Part,
    pub section: &'a Section,
    pub criterion: &'a Criterion,
}

/// Why a product-set file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not of the expected shape.
    Parse(String),
    /// Parsed, but breaks an invariant.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Parse(e) => write!(f, "rubric file is not valid: {e}"),
            LoadError::Invalid(p) => {
                write!(f, "rubric file breaks {} rule(s)", p.len())?;
                for x in p.iter().take(5) {
                    write!(f, "; {x}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// A criterion the dossier needs to find by what it is about, whatever its code in a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The criterion scored on the legal representative (3.2 in most sets: gender, ethnicity,
    /// disability).
    LegalRepresentative,
    /// The criterion scored on the product's quality declaration (tự công bố chất lượng).
    QualityDeclaration,
}

impl Role {
    /// What the English gloss of the criterion or its section says. A heuristic on the glosses
    /// (`data/glosses-en.json`), checked for every set by a test; tagging roles in the rubric
    /// data would make it exact.
    fn needle(self) -> &'static str {
        match self {
            Role::LegalRepresentative => "legal representative",
            Role::QualityDeclaration => "declaration",
        }
    }
}

impl ProductSet {
    /// Whether this is the tourism-service set (levels grouped in cases, or "tourism" in its
    /// name): no product samples, no product standard, services instead of production.
    pub fn is_tourism(&self) -> bool {
        self.parts.iter().any(|p| {
            p.sections
                .iter()
                .any(|s| s.criteria.iter().any(|c| c.has_cases()))
        }) || self.name.en.to_lowercase().contains("tourism")
    }

    /// The code of the first criterion that plays `role` (its English text or its section's
    /// name mentions it), if any.
    pub fn criterion_for(&self, role: Role) -> Option<&str> {
        let needle = role.needle();
        self.criteria()
            .find(|l| {
                l.criterion.text.en.to_lowercase().contains(needle)
                    || l.section.name.en.to_lowercase().contains(needle)
            })
            .map(|l| l.criterion.code.as_str())
    }

    /// Parse and validate a product-set file.
    pub fn from_json(text: &str) -> Result<ProductSet, LoadError> {
        let set: ProductSet =
            serde_json::from_str(text).map_err(|e| LoadError::Parse(e.to_string()))?;
        let problems = validate(&set);
        if problems.is_empty() {
            Ok(set)
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    /// Every criterion in printed order, with its part and section.
    pub fn criteria(&self) -> impl Iterator<Item = Located<'_>> {
        self.parts.iter().flat_map(|part| {
            part.sections.iter().flat_map(move |section| {
                section.criteria.iter().map(move |criterion| Located {
                    part,
                    section,
                    criterion,
                })
            })
        })
    }

    /// The criterion with this code.
    pub fn criterion(&self, code: &str) -> Option<&Criterion> {
        self.criteria()
            .map(|l| l.criterion)
            .find(|c| c.code == code)
    }

    /// The knock-out with this id.
    pub fn knock_out(&self, id: &str) -> Option<&KnockOut> {
        self.knock_outs.iter().find(|k| k.id == id)
    }

    /// Number of scored criteria.
    pub fn criterion_count(&self) -> usize {
        self.criteria().count()
    }

    /// Sum of every criterion's maximum (100 for a valid set).
    pub fn max_total(&self) -> u16 {
        self.criteria().map(|l| u16::from(l.criterion.max)).sum()
    }
}

/// The shipped product-set files, compiled in for native use (CLI, tests, SSR). The web app
/// fetches them one at a time instead, so they stay out of the first download.
#[cfg(not(target_arch = "wasm32"))]
pub mod embedded {
    macro_rules! sets {
        ($($id:literal),* $(,)?) => {
            /// (id, file contents) of every product set.
            pub const SETS: &[(&str, &str)] = &[
                $(($id, include_str!(concat!("../../static/rubric/", $id, ".json")))),*
            ];
        };
    }
    sets!(
        "QD26-01", "QD26-02", "QD26-03", "QD26-04", "QD26-05", "QD26-06", "QD26-07", "QD26-08",
        "QD26-09", "QD26-10", "QD26-11", "QD26-12", "QD26-13", "QD26-14", "QD26-15", "QD26-16",
        "QD26-17", "QD26-18", "QD26-19", "QD26-20", "QD26-21", "QD26-22", "QD26-23", "QD26-24",
        "QD26-25", "QD26-26",
    );

    /// Load one embedded set by id.
    pub fn load(id: &str) -> Option<Result<super::ProductSet, super::LoadError>> {
        SETS.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, text)| super::ProductSet::from_json(text))
    }

    /// Load every embedded set; fails on the first invalid one.
    pub fn load_all() -> Result<Vec<super::ProductSet>, (String, super::LoadError)> {
        SETS.iter()
            .map(|(id, text)| super::ProductSet::from_json(text).map_err(|e| (id.to_string(), e)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_follow_the_decision() {
        assert_eq!(band_of(0), 1);
        assert_eq!(band_of(29), 1);
        assert_eq!(band_of(30), 2);
        assert_eq!(band_of(49), 2);
        assert_eq!(band_of(50), 3);
        assert_eq!(band_of(69), 3);
        assert_eq!(band_of(70), 4);
        assert_eq!(band_of(89), 4);
        assert_eq!(band_of(90), 5);
        assert_eq!(band_of(100), 5);
        assert_eq!(band_threshold(4), 70);
        assert_eq!(band_threshold(9), 0);
    }

    #[test]
    fn required_points_are_cumulative() {
        let level = |points, min_star| Level {
            points,
            text: Text::default(),
            min_star,
            case: None,
            flag: None,
            inferred: false,
        };
        let c = Criterion {
            code: "1.5".into(),
            max: 3,
            text: Text::default(),
            group: None,
            cases: vec![],
            notes: vec![],
            implicit_levels: false,
            flag: None,
            levels: vec![
                level(0, None),
                level(1, Some(3)),
                level(2, Some(4)),
                level(3, Some(5)),
            ],
        };
        assert_eq!(c.required_points(2), None);
        assert_eq!(c.required_points(3), Some(1));
        assert_eq!(c.required_points(4), Some(2));
        assert_eq!(c.required_points(5), Some(3));
        assert_eq!(c.points_at(0), None);
        assert_eq!(c.points_at(4), Some(3));
        assert_eq!(c.points_at(5), None);
    }

    #[test]
    fn every_embedded_set_loads() {
        let sets = embedded::load_all().unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
        assert_eq!(sets.len(), 26);
        for s in &sets {
            assert_eq!(s.max_total(), 100, "{}", s.id);
        }
    }
}
