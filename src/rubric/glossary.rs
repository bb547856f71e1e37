//! The glossary: the words of the criteria, the forms and the app explained in plain Vietnamese
//! and English (`static/help/glossary.json`, format `ocop-self-check/glossary` v1), its
//! validator, a search for the glossary screen, and the **term finder** that marks where a text
//! uses a term so the UI can link it.
//!
//! The definitions are **our explanation**, not the decision's text; where they describe what
//! usually happens they say so ("thường", "usually").
//!
//! **Tokens.** Both the finder and the search cut a text into tokens: a *word* is a run of
//! letters, digits and combining marks (Vietnamese syllables are separated by spaces, so a word
//! is a syllable, "HTX" or "22000"); a *symbol* is a run of one repeated character that is
//! neither a letter, a digit nor a space ("≈", "***", "★", ",", "("). Spaces and line breaks only
//! separate tokens, so "phân\nhạng" is the same as "phân hạng". A term matches whole tokens only:
//! "HTX" is not found in "HTXA", "***" not in "****".
//!
//! **The finder** ([`Glossary::find_in`]) compares tokens **case-insensitively but with their
//! diacritics**: "Hữu cơ" and "HỮU CƠ" are "hữu cơ", "huu co" and "hưu cơ" are not. In Vietnamese
//! the marks make the word ("sàn" floor, "sạn" grit, "san" to level; "khá" good, "kha" nothing),
//! the app's texts are written with full diacritics, and a wrong link is worse than a missing
//! one. Input is normalised for Vietnamese: a letter written as a base letter plus combining
//! marks (NFD, as some keyboards and PDFs produce) is composed first, so decomposed "hữu cơ"
//! matches; combining marks of other scripts are compared as they are. Matching runs left to
//! right and takes the **longest** term at each position ("giấy chứng nhận cơ sở đủ điều kiện an
//! toàn thực phẩm" before "an toàn thực phẩm"); matches never overlap.
//!
//! **The search** ([`Glossary::search`]) is for typing: diacritics and case are ignored ("htx",
//! "huu co", "tieu chuan co so"), every word of the query must be a word of a name, or the start
//! of one, and English names and aliases are searched too.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::lang::{fold_diacritics, Lang, Text};

/// Format tag and version of the glossary file.
pub const GLOSSARY_FORMAT: &str = "ocop-self-check/glossary";
pub const GLOSSARY_VERSION: u32 = 1;
/// The fewest terms a shipped glossary has.
pub const MIN_TERMS: usize = 100;
/// Longest term name or alias, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest definition in one language, in characters (1–3 plain sentences).
pub const MAX_DEF_CHARS: usize = 420;
/// Most aliases and "see" links of one term.
pub const MAX_ALIASES: usize = 16;
pub const MAX_SEE: usize = 8;
/// The characters and words of a search query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 100;
pub const MAX_QUERY_WORDS: usize = 8;

/// The shipped glossary, compiled in for native use (tests, CLI, benches). The web app fetches
/// `static/help/glossary.json` on demand instead, so it stays out of the first download.
#[cfg(not(target_arch = "wasm32"))]
pub const GLOSSARY_JSON: &str = include_str!("../../static/help/glossary.json");

/// One term of the glossary.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// A slug ("tccs", "htx-xep-loai-kha").
    pub id: String,
    /// The term as the criteria or the app write it.
    pub vi: String,
    pub en: String,
    /// Other spellings and abbreviations, in either language, used to find the term in a text.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What it is, who issues it, why OCOP asks for it.
    #[serde(deserialize_with = "strict_text")]
    pub def: Text,
    /// Related terms (ids).
    #[serde(default)]
    pub see: Vec<String>,
}

impl Term {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }

    /// Every name the finder looks for: `vi`, `en`, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.vi.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StrictText {
    vi: String,
    en: String,
}

fn strict_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
    let t = StrictText::deserialize(d)?;
    Ok(Text { vi: t.vi, en: t.en })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    version: u32,
    terms: Vec<Term>,
}

/// Why a glossary file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not of the expected shape (unknown or repeated keys included).
    Parse(String),
    /// Another format or version than this build reads.
    Format { format: String, version: u32 },
    /// Read, but breaks the rules of [`Glossary::validate`].
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Parse(e) => write!(f, "glossary file is not valid: {e}"),
            LoadError::Format { format, version } => {
                write!(f, "glossary file is {format} v{version}, not {GLOSSARY_FORMAT} v{GLOSSARY_VERSION}")
            }
            LoadError::Invalid(p) => {
                write!(f, "glossary file breaks {} rule(s)", p.len())?;
                for x in p.iter().take(5) {
                    write!(f, "; {x}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// A rule of the glossary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Fewer than [`MIN_TERMS`] terms.
    TooFewTerms,
    /// An id that is not a slug (lower-case ASCII letters, digits, single hyphens).
    BadId,
    /// Two terms with the same id.
    DuplicateId,
    /// An empty (or blank) name, alias, definition or link.
    Empty,
    /// Spaces at either end or two in a row.
    Spacing,
    /// Longer than [`MAX_NAME_CHARS`] / [`MAX_DEF_CHARS`], or too many aliases or links.
    TooLong,
    /// Vietnamese written without its diacritics.
    NoDiacritics,
    /// Written with combining marks instead of composed letters (not NFC).
    NotComposed,
    /// A name or alias of two terms that is the same once case (or diacritics) are ignored: the
    /// finder or the search could not tell the terms apart.
    DuplicateName,
    /// A "see" link to an id that does not exist, to the term itself, or twice.
    BadSee,
}

/// One broken rule, located.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The term's id (or "glossary").
    pub at: String,
    pub rule: Rule,
    pub detail: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?} ({})", self.at, self.rule, self.detail)
    }
}

/// A place in a text where a term is used: `text[start..end]` is the term as written there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found<'g> {
    /// Byte offsets into the text searched (always on character boundaries).
    pub start: usize,
    pub end: usize,
    /// The term's id.
    pub id: &'g str,
}

/// One name of a term, as the finder compares it.
#[derive(Clone, Debug)]
struct Pattern {
    /// Token keys after the first (the first is the index key).
    rest: Vec<String>,
    term: usize,
}

/// One name of a term, as the search compares it.
#[derive(Clone, Debug)]
struct SearchName {
    term: usize,
    /// 0 the name in Vietnamese, 1 in English, 2 an alias.
    kind: u8,
    words: Vec<String>,
}

/// The glossary, with its finder's and search's indexes built once.
#[derive(Clone, Debug)]
pub struct Glossary {
    pub format: String,
    pub version: u32,
    terms: Vec<Term>,
    /// First token key → the names that start with it, longest first.
    index: HashMap<String, Vec<Pattern>>,
    /// The search's names, built on the first search (not when the file is read: the
    /// questionnaire only needs the finder's index, issue 16).
    names: OnceLock<Vec<SearchName>>,
    /// The definitions' words (vi, en), built on the first search that needs them.
    defs: OnceLock<Vec<[Vec<String>; 2]>>,
}

impl Glossary {
    /// Read and validate a glossary file: strict JSON (unknown or repeated keys are refused),
    /// this format and version, and every rule of [`Glossary::validate`].
    pub fn from_json(text: &str) -> Result<Glossary, LoadError> {
        let g = Glossary::from_json_shipped(text)?;
        let problems = g.validate();
        if problems.is_empty() {
            Ok(g)
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    /// The glossary compiled into this build (panics only if the shipped file is broken, which
    /// the tests rule out).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> Glossary {
        match Glossary::from_json(GLOSSARY_JSON) {
            Ok(g) => g,
            Err(e) => panic!("static/help/glossary.json: {e}"),
        }
    }

    /// A glossary of these terms, not validated (for tools and tests; [`Glossary::validate`]
    /// says what is wrong with it).
    pub fn from_terms(terms: Vec<Term>) -> Glossary {
        let mut index: HashMap<String, Vec<Pattern>> = HashMap::new();
        for (i, t) in terms.iter().enumerate() {
            let mut seen: HashSet<Vec<String>> = HashSet::new();
            for name in t.names() {
                let keys = token_keys(name);
                if keys.is_empty() || !seen.insert(keys.clone()) {
                    continue;
                }
                let mut keys = keys.into_iter();
                if let Some(first) = keys.next() {
                    index.entry(first).or_default().push(Pattern {
                        rest: keys.collect(),
                        term: i,
                    });
                }
            }
        }
        for patterns in index.values_mut() {
            // Longest first; on a tie, the earlier term (stable sort).
            patterns.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        Glossary {
            format: GLOSSARY_FORMAT.to_string(),
            version: GLOSSARY_VERSION,
            terms,
            index,
            names: OnceLock::new(),
            defs: OnceLock::new(),
        }
    }

    /// The search's names (built once, on first use).
    fn search_names(&self) -> &[SearchName] {
        self.names.get_or_init(|| {
            let mut names = Vec::new();
            for (i, t) in self.terms.iter().enumerate() {
                for (kind, name) in t.names().enumerate() {
                    let words = search_words(name, false);
                    if !words.is_empty() {
                        names.push(SearchName {
                            term: i,
                            kind: u8::try_from(kind.min(2)).unwrap_or(2),
                            words,
                        });
                    }
                }
            }
            names
        })
    }

    /// Read the glossary file this app ships: strict JSON, this format and version, the
    /// finder's index, but not every rule of [`Glossary::validate`]: `tests/glossary.rs` checks
    /// them all on this very file, and the service worker checks its hash. In the browser the
    /// checks' own indexes were most of a 150–300 ms task at 4× CPU (issue 16).
    pub fn from_json_shipped(text: &str) -> Result<Glossary, LoadError> {
        let file: File = serde_json::from_str(text).map_err(|e| LoadError::Parse(e.to_string()))?;
        if file.format != GLOSSARY_FORMAT || file.version != GLOSSARY_VERSION {
            return Err(LoadError::Format {
                format: file.format,
                version: file.version,
            });
        }
        Ok(Glossary::from_terms(file.terms))
    }

    /// Every term, in the file's order.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The term with this id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }

    /// Every place in `text` where a term is used, in order, not overlapping, the longest term
    /// at each position (see the module's rules). A term used three times is found three times.
    pub fn find_in<'g>(&'g self, text: &str) -> Vec<Found<'g>> {
        self.scan(text, None)
    }

    /// Like [`Glossary::find_in`], but each term only where it is first used: a later use is
    /// skipped whole (its words are not searched for shorter terms either), so a long name used
    /// twice is linked once and its parts are not linked the second time.
    pub fn find_first_in<'g>(&'g self, text: &str) -> Vec<Found<'g>> {
        let mut linked = vec![false; self.terms.len()];
        self.scan(text, Some(&mut linked))
    }

    /// [`Glossary::find_first_in`] over several texts shown together (a criterion's title, its
    /// notes and its levels): each term is linked at its first use in any of them.
    pub fn find_first_across<'g>(&'g self, texts: &[&str]) -> Vec<Vec<Found<'g>>> {
        let mut linked = vec![false; self.terms.len()];
        texts
            .iter()
            .map(|t| self.scan(t, Some(&mut linked)))
            .collect()
    }

    fn scan<'g>(&'g self, text: &str, mut linked: Option<&mut Vec<bool>>) -> Vec<Found<'g>> {
        let tokens: Vec<(usize, usize, String)> = tokens(text)
            .map(|(s, e)| (s, e, key(&text[s..e])))
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let hit = self.index.get(&tokens[i].2).and_then(|patterns| {
                patterns.iter().find(|p| {
                    tokens.len() > i + p.rest.len()
                        && p.rest
                            .iter()
                            .zip(&tokens[i + 1..])
                            .all(|(k, (_, _, t))| k == t)
                })
            });
            match hit {
                Some(p) => {
                    let last = i + p.rest.len();
                    let fresh = match linked.as_deref_mut() {
                        Some(seen) => match seen.get_mut(p.term) {
                            Some(s) if *s => false,
                            Some(s) => {
                                *s = true;
                                true
                            }
                            None => false,
                        },
                        None => true,
                    };
                    if fresh {
                        out.push(Found {
                            start: tokens[i].0,
                            end: tokens[last].1,
                            id: &self.terms[p.term].id,
                        });
                    }
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The terms that match what a user typed, best first: diacritics and case ignored; every
    /// word of the query a word of a name or alias (in either language), or the start of one;
    /// failing that, every word (3 letters or more) a word of the definition in `lang`.
    /// Ranking: the whole name typed > the words in order > every word whole > a prefix > the
    /// definition; on a tie, the name in `lang` before the other language's before an alias,
    /// then shorter names, then the file's order. A query of only symbols ("≈", "***") finds
    /// the term of that symbol.
    pub fn search(&self, query: &str, lang: Lang) -> Vec<&Term> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let mut q = search_words(&query, true);
        q.truncate(MAX_QUERY_WORDS);
        if q.is_empty() {
            return Vec::new();
        }
        let rank_kind = |kind: u8| match (kind, lang) {
            (0, Lang::Vi) | (1, Lang::En) => 0,
            (0 | 1, _) => 1,
            _ => 2,
        };
        // (quality, kind rank, word count, term) per term: its best name.
        let mut best: HashMap<usize, (u8, u8, usize, usize)> = HashMap::new();
        for n in self.search_names() {
            let Some(quality) = name_match(&q, &n.words) else {
                continue;
            };
            let key = (quality, rank_kind(n.kind), n.words.len(), n.term);
            let slot = best.entry(n.term).or_insert(key);
            if key < *slot {
                *slot = key;
            }
        }
        let lang_i = usize::from(lang == Lang::En);
        if q.iter().all(|w| w.chars().count() >= 3) {
            let defs = self.defs.get_or_init(|| {
                self.terms
                    .iter()
                    .map(|t| {
                        [
                            search_words(&t.def.vi, false),
                            search_words(&t.def.en, false),
                        ]
                    })
                    .collect()
            });
            for (term, defs) in defs.iter().enumerate() {
                if best.contains_key(&term) {
                    continue;
                }
                if q.iter().all(|w| defs[lang_i].contains(w)) {
                    best.insert(term, (4, 3, defs[lang_i].len(), term));
                }
            }
        }
        let mut hits: Vec<(u8, u8, usize, usize)> = best.into_values().collect();
        hits.sort();
        hits.into_iter().map(|k| &self.terms[k.3]).collect()
    }

    /// Check the glossary; an empty list means valid.
    pub fn validate(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        let mut bad = |at: &str, rule: Rule, detail: String| {
            out.push(Problem {
                at: at.to_string(),
                rule,
                detail,
            })
        };
        if self.terms.len() < MIN_TERMS {
            bad(
                "glossary",
                Rule::TooFewTerms,
                format!("{} terms, at least {MIN_TERMS}", self.terms.len()),
            );
        }
        let ids: HashSet<&str> = self.terms.iter().map(|t| t.id.as_str()).collect();
        let mut seen_ids: HashSet<&str> = HashSet::new();
        // Finder key (case-insensitive) and search key (also diacritic-insensitive) → term id.
        let mut keys: HashMap<Vec<String>, &str> = HashMap::new();
        let mut folded: HashMap<Vec<String>, &str> = HashMap::new();
        for t in &self.terms {
            let at = t.id.as_str();
            if !is_slug(&t.id) {
                bad(at, Rule::BadId, format!("{:?}", t.id));
            }
            if !seen_ids.insert(at) {
                bad(at, Rule::DuplicateId, "id used twice".into());
            }
            let strings = [
                ("vi", &t.vi),
                ("en", &t.en),
                ("def.vi", &t.def.vi),
                ("def.en", &t.def.en),
            ]
            .into_iter()
            .chain(t.aliases.iter().map(|a| ("alias", a)))
            .chain(t.see.iter().map(|s| ("see", s)));
            for (field, s) in strings {
                if s.trim().is_empty() {
                    bad(at, Rule::Empty, format!("{field} is empty"));
                    continue;
                }
                if s.trim() != s || s.contains("  ") {
                    bad(at, Rule::Spacing, format!("{field} {s:?}"));
                }
                if s.chars().any(is_combining) {
                    bad(at, Rule::NotComposed, format!("{field} {s:?}"));
                }
                let limit = if field.starts_with("def") {
                    MAX_DEF_CHARS
                } else {
                    MAX_NAME_CHARS
                };
                let n = s.chars().count();
                if n > limit {
                    bad(
                        at,
                        Rule::TooLong,
                        format!("{field}: {n} characters, at most {limit}"),
                    );
                }
            }
            if t.aliases.len() > MAX_ALIASES {
                bad(
                    at,
                    Rule::TooLong,
                    format!("{} aliases, at most {MAX_ALIASES}", t.aliases.len()),
                );
            }
            if t.see.len() > MAX_SEE {
                bad(
                    at,
                    Rule::TooLong,
                    format!("{} links, at most {MAX_SEE}", t.see.len()),
                );
            }
            if looks_unaccented(&t.vi, &t.def.vi) {
                bad(at, Rule::NoDiacritics, format!("vi {:?}", t.vi));
            }
            if !t.def.vi.trim().is_empty() && diacritic_share(&t.def.vi) < 0.25 {
                bad(at, Rule::NoDiacritics, format!("def.vi {:?}", t.def.vi));
            }
            let mut own: HashSet<Vec<String>> = HashSet::new();
            let mut own_folded: HashSet<Vec<String>> = HashSet::new();
            for name in t.names() {
                let k = token_keys(name);
                if k.is_empty() {
                    continue;
                }
                if own.insert(k.clone()) {
                    match keys.get(&k) {
                        Some(other) if *other != at => bad(
                            at,
                            Rule::DuplicateName,
                            format!("{name:?} is also a name of {other}"),
                        ),
                        _ => {
                            keys.insert(k, at);
                        }
                    }
                }
                let f = search_words(name, false);
                if own_folded.insert(f.clone()) {
                    match folded.get(&f) {
                        Some(other) if *other != at => bad(
                            at,
                            Rule::DuplicateName,
                            format!("{name:?} without diacritics is also a name of {other}"),
                        ),
                        _ => {
                            folded.insert(f, at);
                        }
                    }
                }
            }
            let mut seen_see: HashSet<&str> = HashSet::new();
            for s in &t.see {
                if s == &t.id {
                    bad(at, Rule::BadSee, "links to itself".into());
                } else if !ids.contains(s.as_str()) {
                    bad(at, Rule::BadSee, format!("no term {s:?}"));
                } else if !seen_see.insert(s) {
                    bad(at, Rule::BadSee, format!("{s:?} twice"));
                }
            }
        }
        out
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A Vietnamese name written without its diacritics. Plain syllables exist ("doanh thu"), so a
/// name of ASCII letters is refused only when it cannot be Vietnamese as written or its own
/// definition spells it with marks: a lower-case syllable that ends in p, t, c or ch (in
/// Vietnamese those always carry a sắc or nặng mark: "hop tac" is "hợp tác"), or the name's
/// folded words found in the folded definition but not as written. Abbreviations ("HTX"),
/// brand names ("VietGAP"), numbers and symbols pass.
fn looks_unaccented(name: &str, def_vi: &str) -> bool {
    if !name.is_ascii() {
        return false;
    }
    let lower_words: Vec<&str> = name
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    if lower_words.is_empty() {
        return false;
    }
    let stop_final = lower_words
        .iter()
        .any(|w| w.ends_with('p') || w.ends_with('t') || w.ends_with('c') || w.ends_with("ch"));
    let plain = name.to_lowercase();
    let spelt_with_marks =
        fold_diacritics(def_vi).contains(&plain) && !def_vi.to_lowercase().contains(&plain);
    stop_final || spelt_with_marks
}

/// The share of a text's words that carry a Vietnamese letter (diacritic or đ).
fn diacritic_share(s: &str) -> f64 {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let marked = words.iter().filter(|w| !w.is_ascii()).count();
    marked as f64 / words.len() as f64
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

/// The tokens of a text as byte ranges (see the module's rules).
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if c.is_whitespace() {
                chars.next();
            } else {
                break;
            }
        }
        let (start, first) = chars.next()?;
        let mut end = start + first.len_utf8();
        let word = is_word_char(first);
        while let Some(&(i, c)) = chars.peek() {
            let same = if word { is_word_char(c) } else { c == first };
            if !same {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

/// The finder's key of a token: lower case, Vietnamese letters composed.
fn key(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        if is_combining(c) {
            if let Some(prev) = out.pop() {
                match compose(prev, c) {
                    Some(x) => out.push(x),
                    None => {
                        out.push(prev);
                        out.push(c);
                    }
                }
                continue;
            }
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The finder's keys of a name.
fn token_keys(name: &str) -> Vec<String> {
    tokens(name).map(|(s, e)| key(&name[s..e])).collect()
}

/// The search's words of a text: the finder's keys with diacritics folded away and numbers
/// without leading zeros; for a query, symbols are dropped unless there is nothing else.
fn search_words(text: &str, query: bool) -> Vec<String> {
    let all: Vec<String> = tokens(text)
        .map(|(s, e)| {
            let w = fold_diacritics(&key(&text[s..e]));
            // "Mẫu 03" is found by "mau 3".
            match w.trim_start_matches('0') {
                rest if rest.len() < w.len() && w.bytes().all(|b| b.is_ascii_digit()) => {
                    if rest.is_empty() {
                        "0".to_string()
                    } else {
                        rest.to_string()
                    }
                }
                _ => w,
            }
        })
        .collect();
    if !query {
        return all;
    }
    let words: Vec<String> = all
        .iter()
        .filter(|w| w.chars().next().is_some_and(is_word_char))
        .cloned()
        .collect();
    if words.is_empty() {
        all
    } else {
        words
    }
}

/// How the query's words meet a name's: 0 the whole name, 1 the words in order, 2 every word
/// whole, 3 a prefix; `None` when some word is missing.
fn name_match(q: &[String], name: &[String]) -> Option<u8> {
    if q == name {
        return Some(0);
    }
    if name.windows(q.len()).any(|w| w == q) {
        return Some(1);
    }
    let mut prefix = false;
    for w in q {
        if name.contains(w) {
            continue;
        }
        if name.iter().any(|n| n.starts_with(w.as_str())) {
            prefix = true;
        } else {
            return None;
        }
    }
    Some(if prefix { 3 } else { 2 })
}

/// Vietnamese vowels by row (base, then with grave, acute, hook above, tilde, dot below).
const VOWELS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];
/// The tone marks in the order of a row of [`VOWELS`].
const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
/// (row, shape mark, row it becomes): circumflex, breve, horn.
const SHAPES: [(usize, char, usize); 6] = [
    (0, '\u{302}', 2),
    (0, '\u{306}', 1),
    (3, '\u{302}', 4),
    (6, '\u{302}', 7),
    (6, '\u{31b}', 8),
    (9, '\u{31b}', 10),
];

/// A lower-case Vietnamese letter and a combining mark as one letter, if Vietnamese has it.
fn compose(prev: char, mark: char) -> Option<char> {
    let (row, tone) = VOWELS
        .iter()
        .enumerate()
        .find_map(|(r, s)| s.chars().position(|c| c == prev).map(|t| (r, t)))?;
    let (row, tone) = if let Some(t) = TONES.iter().position(|&m| m == mark) {
        if tone != 0 {
            return None;
        }
        (row, t + 1)
    } else {
        let &(_, _, to) = SHAPES.iter().find(|(r, m, _)| *r == row && *m == mark)?;
        (to, tone)
    };
    VOWELS[row].chars().nth(tone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &str, vi: &str, en: &str, aliases: &[&str]) -> Term {
        Term {
            id: id.into(),
            vi: vi.into(),
            en: en.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            def: Text {
                vi: "Giải thích ngắn.".into(),
                en: "A short note.".into(),
            },
            see: vec![],
        }
    }

    #[test]
    fn tokens_are_words_and_symbol_runs() {
        let t = "HTX, ≈ ***  hữu cơ\n22000:2018";
        let got: Vec<&str> = tokens(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            ["HTX", ",", "≈", "***", "hữu", "cơ", "22000", ":", "2018"]
        );
    }

    #[test]
    fn composes_decomposed_vietnamese() {
        // "hữu cơ" and "Ậ" in NFD.
        assert_eq!(key("hu\u{31b}\u{303}u"), "hữu");
        assert_eq!(key("co\u{31b}"), "cơ");
        assert_eq!(key("A\u{323}\u{302}"), "ậ");
        assert_eq!(key("a\u{302}\u{323}"), "ậ");
        assert_eq!(key("O\u{31b}\u{323}"), "ợ");
        // Not a Vietnamese letter: kept as written.
        assert_eq!(key("n\u{303}"), "n\u{303}");
        for row in VOWELS {
            for c in row.chars() {
                assert_eq!(key(&c.to_string()), c.to_string());
            }
        }
    }

    #[test]
    fn longest_first_and_whole_words() {
        let g = Glossary::from_terms(vec![
            term("htx", "hợp tác xã", "cooperative", &["HTX"]),
            term(
                "kha",
                "HTX xếp loại khá",
                "co-op rated good",
                &["hợp tác xã xếp loại khá"],
            ),
        ]);
        let text = "Hợp tác xã xếp loại khá trở lên; HTXA; HTX.";
        let f = g.find_in(text);
        let got: Vec<(&str, &str)> = f.iter().map(|x| (&text[x.start..x.end], x.id)).collect();
        assert_eq!(got, [("Hợp tác xã xếp loại khá", "kha"), ("HTX", "htx")]);
    }

    #[test]
    fn unaccented_vietnamese() {
        assert!(looks_unaccented("hop tac xa", "Hợp tác xã."));
        assert!(looks_unaccented("ma vach", "Mã vạch in trên bao bì."));
        assert!(!looks_unaccented("doanh thu", "Mẫu 02 hỏi doanh thu."));
        assert!(!looks_unaccented("HTX", "Hợp tác xã."));
        assert!(!looks_unaccented("VietGAP", "Thực hành tốt."));
        assert!(!looks_unaccented("hữu cơ", "Hữu cơ."));
    }

    #[test]
    fn slugs() {
        assert!(is_slug("htx-xep-loai-kha"));
        assert!(!is_slug("HTX"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }
}
