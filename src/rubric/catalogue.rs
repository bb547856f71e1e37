//! The classification of Phụ lục I: 6 categories → groups → 26 product sets, with example
//! products, and search by name with or without Vietnamese diacritics.

use serde::{Deserialize, Serialize};

use super::Decision;
use crate::lang::Text;

/// The catalogue file (`static/rubric/catalogue.json`), small enough to ship in the first
/// download.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    pub format: String,
    pub version: u32,
    pub rubric: String,
    pub decision: Decision,
    pub categories: Vec<Category>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub code: String,
    pub name: Text,
    pub groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub code: String,
    pub name: Text,
    pub sets: Vec<SetEntry>,
}

/// One product set as listed in the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetEntry {
    pub id: String,
    pub no: u8,
    /// Phụ lục I code, e.g. "I.3.c".
    pub classification: String,
    pub name: Text,
    #[serde(default)]
    pub lead_ministry: String,
    #[serde(default)]
    pub examples: Vec<Text>,
}

/// The catalogue shipped with this build, as published (`static/rubric/catalogue.json`). The
/// app itself uses the same data compiled in as static tables ([`Catalogue::builtin`]).
pub const CATALOGUE_JSON: &str = include_str!("../../static/rubric/catalogue.json");

/// Where a product set sits in the classification of Phụ lục I ([`Catalogue::entry`]).
#[derive(Clone, Copy, Debug)]
pub struct CatalogueEntry<'a> {
    pub category: &'a Category,
    pub group: &'a Group,
    pub set: &'a SetEntry,
}

fn text((vi, en): (&str, &str)) -> Text {
    Text {
        vi: vi.to_string(),
        en: en.to_string(),
    }
}

static BUILTIN: std::sync::LazyLock<Catalogue> = std::sync::LazyLock::new(Catalogue::builtin);

impl Catalogue {
    /// The catalogue compiled into this build, built once.
    pub fn shared() -> &'static Catalogue {
        &BUILTIN
    }

    /// The catalogue compiled into this build (a fresh copy), from the static tables generated
    /// by `tools/catalogue_rs.py` (no JSON parsing in the browser).
    pub fn builtin() -> Catalogue {
        use super::catalogue_data as data;
        let d = data::DECISION;
        Catalogue {
            format: data::FORMAT.to_string(),
            version: data::VERSION,
            rubric: data::RUBRIC.to_string(),
            decision: Decision {
                number: d[0].to_string(),
                date: d[1].to_string(),
                effective_from: d[2].to_string(),
                title_vi: d[3].to_string(),
                official_url: d[4].to_string(),
                text_source: d[5].to_string(),
                transcription: d[6].to_string(),
            },
            categories: data::CATEGORIES
                .iter()
                .map(|(code, vi, en, groups)| Category {
                    code: code.to_string(),
                    name: text((vi, en)),
                    groups: groups
                        .iter()
                        .map(|(code, vi, en, sets)| Group {
                            code: code.to_string(),
                            name: text((vi, en)),
                            sets: sets
                                .iter()
                                .map(|s| SetEntry {
                                    id: s.id.to_string(),
                                    no: s.no,
                                    classification: s.classification.to_string(),
                                    name: text(s.name),
                                    lead_ministry: s.lead_ministry.to_string(),
                                    examples: s.examples.iter().map(|e| text(*e)).collect(),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The published catalogue file parsed (tests and tools compare it with [`Self::builtin`]).
    pub fn from_json(text: &str) -> Result<Catalogue, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// Every set in order, with its category and group.
    pub fn sets(&self) -> impl Iterator<Item = (&Category, &Group, &SetEntry)> {
        self.categories.iter().flat_map(|c| {
            c.groups
                .iter()
                .flat_map(move |g| g.sets.iter().map(move |s| (c, g, s)))
        })
    }

    /// Where a set sits in the classification of Phụ lục I (category, group, set).
    pub fn entry(&self, set_id: &str) -> Option<CatalogueEntry<'_>> {
        self.sets()
            .find(|(_, _, s)| s.id == set_id)
            .map(|(category, group, set)| CatalogueEntry {
                category,
                group,
                set,
            })
    }

    /// The entry for a set id.
    pub fn set(&self, id: &str) -> Option<&SetEntry> {
        self.sets().map(|(_, _, s)| s).find(|s| s.id == id)
    }

    /// The sets a query finds, best first ([`super::search`]: product names, set, group and
    /// category names, examples and ids; whole words and word prefixes without diacritics,
    /// Vietnamese first, one-letter typos). Every set, in order, for a query with no word.
    pub fn search(&self, query: &str) -> Vec<&SetEntry> {
        if super::search::query_words(query).is_empty() {
            return self.sets().map(|(_, _, s)| s).collect();
        }
        super::search::Lexicon::shared()
            .find(query)
            .iter()
            .filter_map(|h| self.set(h.set))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_has_6_categories_and_26_sets() {
        let c = Catalogue::builtin();
        assert_eq!(c.categories.len(), 6);
        assert_eq!(
            c.categories.iter().map(|c| c.groups.len()).sum::<usize>(),
            17
        );
        let ids: Vec<&str> = c.sets().map(|(_, _, s)| s.id.as_str()).collect();
        assert_eq!(ids.len(), 26);
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(*id, format!("QD26-{:02}", i + 1));
        }
        for (_, _, s) in c.sets() {
            assert!(s.examples.len() >= 3, "{} needs examples", s.id);
        }
    }

    #[test]
    fn search_without_diacritics_finds_fish_sauce() {
        let c = Catalogue::builtin();
        let hits = c.search("nuoc mam");
        assert_eq!(hits.first().map(|s| s.id.as_str()), Some("QD26-09"));
        let hits = c.search("Nước mắm");
        assert_eq!(hits.first().map(|s| s.id.as_str()), Some("QD26-09"));
        assert_eq!(
            c.search("mat ong").first().map(|s| s.id.as_str()),
            Some("QD26-04")
        );
        assert_eq!(
            c.search("homestay").first().map(|s| s.id.as_str()),
            Some("QD26-26")
        );
        assert_eq!(
            c.search("honey").first().map(|s| s.id.as_str()),
            Some("QD26-04")
        );
        assert!(c.search("zzzz").is_empty());
        assert_eq!(c.search("  ").len(), 26);
    }
}
