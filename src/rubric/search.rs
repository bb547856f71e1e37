//! Finding a product set by what people type: a product's name ("nuoc mam ca com", "măng khô",
//! "keo dua"), a set's or group's name, or a set id ("QD26-09").
//!
//! The names are the lexicon `data/products-vi.tsv` (compiled in; its header names its sources)
//! plus the catalogue's own set, group and category names and examples.
//!
//! **Matching.** The query and the names are folded ([`fold_diacritics`]) and cut into words
//! (letters and digits). Every word of the query must match a word of the name: the same word
//! (whole), the start of one (prefix: "nuoc ma" finds "nước mắm"), or, when nothing matches as
//! typed, a word one letter away (one letter added, dropped, changed or two swapped) for query
//! words of 4 letters or more ("nuoc mamm", "kẹo dừaa"). Substrings inside words never match
//! ("nam" does not find "ornamental").
//!
//! **Languages.** Vietnamese first: the English names are consulted only when the query has no
//! Vietnamese letter (no diacritic, no đ) *and* no Vietnamese name matches it whole or by
//! prefix. So "mang" finds măng (bamboo shoots), "mango" finds mango, "honey" finds honey. The
//! one-letter typo is tried last, Vietnamese then English, so "mango" is not read as "măng + o".
//!
//! **Ranking**, best first: the whole name typed (exact) > the words in order inside the name
//! (phrase) > every word whole > some word a prefix > a typo; on a tie, product names and set
//! names before group names before category names, then names with fewer words, then the
//! lexicon's order. The result is one hit per set, its best name.
//!
//! **Bounded work.** Only the first [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`]
//! words of a query are read, so 10,000 characters or emoji cost as much as a short query;
//! punctuation and symbols are not words (a query of only those finds nothing).

use std::sync::LazyLock;

use super::Catalogue;
use crate::lang::{fold_diacritics, Lang};

/// The lexicon as shipped (see its header for the columns and sources).
pub const PRODUCTS_TSV: &str = include_str!("../../data/products-vi.tsv");

/// The characters of a query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 100;
/// The words of a query that are read; the rest is ignored.
pub const MAX_QUERY_WORDS: usize = 8;
/// Query words shorter than this are never matched with a typo.
pub const TYPO_MIN_LETTERS: usize = 4;

/// How well a name matches a query (smaller is better).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quality {
    /// The whole name, as typed (diacritics and case aside).
    Exact,
    /// The query's words in order, whole, inside the name.
    Phrase,
    /// Every word whole, in any order.
    Words,
    /// Every word whole or the start of a word of the name.
    Prefix,
    /// Some word one letter away from a word of the name.
    Typo,
}

/// Where a name comes from (ranks ties: a product before a group before a category).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// A product name of the lexicon, a set's own name or example, or its id.
    Product,
    /// The name of the set's group in Phụ lục I.
    Group,
    /// The name of the set's category.
    Category,
}

/// One name the search knows.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// The set id, "QD26-01" … "QD26-26".
    pub set: String,
    pub lang: Lang,
    /// As written, with diacritics.
    pub name: String,
    /// Where a product can fall in two sets, what decides it (Vietnamese, English).
    pub note: Option<(String, String)>,
    pub source: Source,
    words: Vec<String>,
}

/// One set found: the set, the name that matched best, and how well.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit<'a> {
    pub set: &'a str,
    pub name: &'a Name,
    pub quality: Quality,
}

/// Every name the search knows, in ranking order for ties.
#[derive(Clone, Debug, PartialEq)]
pub struct Lexicon {
    names: Vec<Name>,
}

static BUILTIN: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(PRODUCTS_TSV, Catalogue::shared()));

/// A row of the lexicon that could not be read (tests check there are none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: usize,
    pub text: String,
}

fn words(s: &str) -> Vec<String> {
    fold_diacritics(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The words of a query that are read: folded, at most [`MAX_QUERY_WORDS`] of its first
/// [`MAX_QUERY_CHARS`] characters.
pub fn query_words(query: &str) -> Vec<String> {
    let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
    words(&query).into_iter().take(MAX_QUERY_WORDS).collect()
}

/// Read the lexicon's rows: (set id, language, name, note). Rows that cannot be read are
/// returned apart (never a panic: this is data).
pub fn parse_rows(tsv: &str) -> (Vec<Name>, Vec<BadRow>) {
    let mut names = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let set_ok = cols
            .first()
            .and_then(|s| s.parse::<u8>().ok())
            .is_some_and(|n| (1..=26).contains(&n) && cols[0].len() == 2);
        let lang = match cols.get(1) {
            Some(&"vi") => Some(Lang::Vi),
            Some(&"en") => Some(Lang::En),
            _ => None,
        };
        let name = cols.get(2).map(|n| n.trim()).unwrap_or_default();
        let note = match (cols.get(3), cols.get(4)) {
            (Some(vi), Some(en)) if !vi.is_empty() && !en.is_empty() => {
                Some((vi.to_string(), en.to_string()))
            }
            (None, None) => None,
            _ => {
                bad.push(BadRow {
                    line: i + 1,
                    text: line.to_string(),
                });
                continue;
            }
        };
        match lang {
            Some(lang) if set_ok && !words(name).is_empty() && cols.len() <= 5 => {
                names.push(Name {
                    set: format!("QD26-{}", cols[0]),
                    lang,
                    name: name.to_string(),
                    note,
                    source: Source::Product,
                    words: words(name),
                })
            }
            _ => bad.push(BadRow {
                line: i + 1,
                text: line.to_string(),
            }),
        }
    }
    (names, bad)
}

impl Lexicon {
    /// The lexicon compiled into this build with the catalogue's names, built once.
    pub fn shared() -> &'static Lexicon {
        &BUILTIN
    }

    /// The rows of `tsv` (see [`parse_rows`]; bad rows are left out) and the catalogue's set
    /// names, examples and ids, then its group and category names.
    pub fn new(tsv: &str, catalogue: &Catalogue) -> Lexicon {
        let mut names = parse_rows(tsv).0;
        let mut push = |set: &str, lang: Lang, name: &str, source: Source| {
            let w = words(name);
            if !w.is_empty() {
                names.push(Name {
                    set: set.to_string(),
                    lang,
                    name: name.to_string(),
                    note: None,
                    source,
                    words: w,
                });
            }
        };
        for (cat, group, set) in catalogue.sets() {
            push(&set.id, Lang::Vi, &set.id, Source::Product);
            for (text, source) in [
                (&set.name, Source::Product),
                (&group.name, Source::Group),
                (&cat.name, Source::Category),
            ]
            .into_iter()
            .chain(set.examples.iter().map(|e| (e, Source::Product)))
            {
                push(&set.id, Lang::Vi, &text.vi, source);
                push(&set.id, Lang::En, &text.en, source);
            }
        }
        Lexicon { names }
    }

    /// Every name, in order.
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The sets that match `query`, one hit each, best first (see the module's rules). Empty
    /// when the query has no word.
    pub fn find(&self, query: &str) -> Vec<Hit<'_>> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let q = query_words(&query);
        if q.is_empty() {
            return Vec::new();
        }
        let vietnamese_letters = fold_diacritics(&query) != query.to_lowercase();
        let passes: &[(Lang, bool)] = if vietnamese_letters {
            &[(Lang::Vi, false), (Lang::Vi, true)]
        } else {
            &[
                (Lang::Vi, false),
                (Lang::En, false),
                (Lang::Vi, true),
                (Lang::En, true),
            ]
        };
        for &(lang, typos) in passes {
            let hits = self.pass(&q, lang, typos);
            if !hits.is_empty() {
                return hits;
            }
        }
        Vec::new()
    }

    fn pass(&self, q: &[String], lang: Lang, typos: bool) -> Vec<Hit<'_>> {
        // (quality, typo count, source, word count, order) per set: the best name of each.
        type Key = (Quality, usize, Source, usize, usize);
        let mut best: Vec<(Key, &Name)> = Vec::new();
        for (order, n) in self
            .names
            .iter()
            .enumerate()
            .filter(|(_, n)| n.lang == lang)
        {
            let Some((quality, typo_count)) = matches(q, &n.words, typos) else {
                continue;
            };
            let key = (quality, typo_count, n.source, n.words.len(), order);
            match best.iter_mut().find(|(_, b)| b.set == n.set) {
                Some(slot) if key < slot.0 => *slot = (key, n),
                Some(_) => {}
                None => best.push((key, n)),
            }
        }
        best.sort_by_key(|(key, _)| *key);
        best.into_iter()
            .map(|((quality, ..), name)| Hit {
                set: &name.set,
                name,
                quality,
            })
            .collect()
    }
}

/// How a word of the query meets the words of a name: 0 whole, 1 prefix, 2 typo.
fn word_level(q: &str, words: &[String], typos: bool) -> Option<u8> {
    let mut level = None;
    for w in words {
        let l = if w == q {
            0
        } else if w.starts_with(q) {
            1
        } else if typos && q.chars().count() >= TYPO_MIN_LETTERS && one_letter_apart(q, w) {
            2
        } else {
            continue;
        };
        level = Some(level.map_or(l, |m: u8| m.min(l)));
        if l == 0 {
            break;
        }
    }
    level
}

fn matches(q: &[String], words: &[String], typos: bool) -> Option<(Quality, usize)> {
    let mut levels = Vec::with_capacity(q.len());
    for w in q {
        levels.push(word_level(w, words, typos)?);
    }
    let typo_count = levels.iter().filter(|&&l| l == 2).count();
    let quality = if typo_count > 0 {
        Quality::Typo
    } else if levels.contains(&1) {
        Quality::Prefix
    } else if q == words {
        Quality::Exact
    } else if words.windows(q.len()).any(|w| w == q) {
        Quality::Phrase
    } else {
        Quality::Words
    };
    Some((quality, typo_count))
}

/// One letter added, dropped, changed, or two neighbours swapped (and not equal).
fn one_letter_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (long, short) = if a.len() >= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let i = long
        .iter()
        .zip(short.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if long.len() != short.len() {
        return long[i + 1..] == short[i..];
    }
    if long[i + 1..] == short[i + 1..] {
        return true;
    }
    i + 1 < long.len()
        && long[i] == short[i + 1]
        && long[i + 1] == short[i]
        && long[i + 2..] == short[i + 2..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_letter() {
        assert!(one_letter_apart("mamm", "mam"));
        assert!(one_letter_apart("nuoc", "nuco"));
        assert!(one_letter_apart("dua", "dia"));
        assert!(one_letter_apart("kho", "khoo"));
        assert!(!one_letter_apart("mam", "mam"));
        assert!(!one_letter_apart("mang", "mago"));
        assert!(!one_letter_apart("abcd", "abdcx"));
    }

    #[test]
    fn every_row_reads() {
        let (names, bad) = parse_rows(PRODUCTS_TSV);
        assert!(bad.is_empty(), "{bad:?}");
        assert!(names.len() >= 500);
    }
}
