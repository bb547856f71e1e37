//! Plain-language help for every criterion: what it asks in everyday words, what its levels
//! usually mean in practice, one tip for a small producer, and (from [`super::evidence`]) which
//! papers usually prove it. Data beside the rubric (`static/help/criteria.json`, format
//! `ocop-self-check/help` v1), fetched with the product set; read strictly here and checked
//! against the 26 sets by [`validate`].
//!
//! **All of it is explanation, not the decision's text** ([I], like the evidence mapping): the
//! file says so in its `note_vi` / `note_en`, which the UI shows beside the help.
//!
//! The key of an entry is the criterion's Vietnamese name as the rubric prints it, compared
//! after [`normalise`] (trimmed, every run of whitespace one space; case, punctuation and
//! diacritics are kept, so a spelling the file does not list is reported, not guessed). One
//! entry lists every spelling of the same criterion (`names`: the sheets print a few with a
//! typo or a trailing comma). Where the same name means something else in a set (the tourism
//! set's story, promotion and trademark; a ladder that differs), an override keyed by
//! `"SET/CODE"` replaces the fields it gives.

use serde::{Deserialize, Serialize};

use super::evidence::{self, Evidence};
use super::{ProductSet, Text, RUBRIC_ID};

/// Format tag and version of the help file.
pub const HELP_FORMAT: &str = "ocop-self-check/help";
pub const HELP_VERSION: u32 = 1;

/// Longest "what it asks" text, in characters (per language): about seven lines on a 360 px
/// phone screen.
pub const ASKS_MAX: usize = 280;
/// Longest "what the levels mean" text, in characters.
pub const LEVELS_MAX: usize = 400;
/// Longest tip, in characters.
pub const PRACTICE_MAX: usize = 220;
/// Most sentences in "what it asks" (the brief: one to three).
pub const ASKS_SENTENCES: usize = 3;
/// At least this share (in percent) of a Vietnamese text's words carry a Vietnamese letter
/// (ă â đ ê ô ơ ư or a tone mark). Everyday Vietnamese runs well above 40 %; a paste without
/// diacritics has none.
pub const DIACRITIC_SHARE_MIN: usize = 25;

/// The help file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Help {
    pub format: String,
    pub version: u32,
    pub rubric: String,
    /// "This is explanation, not the decision's text", shown with the help.
    pub note_vi: String,
    pub note_en: String,
    pub criteria: Vec<Entry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<Override>,
}

/// Help for one criterion, whatever set prints it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The criterion's Vietnamese name as printed, in every spelling the sheets use.
    pub names: Vec<String>,
    pub asks: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<Text>,
}

/// Help for a criterion of particular sets where the shared entry does not fit; each field it
/// gives replaces the shared one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// `"QD26-26/5.1"`: set id and criterion code.
    pub at: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asks: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<Text>,
}

/// The help of one criterion of one set, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionHelp {
    pub asks: Text,
    pub levels: Option<Text>,
    pub practice: Option<Text>,
    /// Papers that usually prove the criterion ([I], [`evidence::for_criterion`]).
    pub papers: Vec<&'static Evidence>,
    /// Whether a set-specific override supplied some of it.
    pub overridden: bool,
}

impl CriterionHelp {
    /// The papers as texts in both languages.
    pub fn paper_texts(&self) -> Vec<Text> {
        self.papers.iter().map(|e| e.text()).collect()
    }
}

/// Why a help file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelpError {
    /// Not JSON, or not of the expected shape (an unknown or repeated key, a missing field).
    Syntax(String),
    /// Another file format.
    Format(String),
    /// A version this build does not read.
    Version(u32),
    /// Help for another rubric.
    Rubric(String),
    /// An override's target is not `"SET/CODE"`.
    Target(String),
}

impl std::fmt::Display for HelpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HelpError::Syntax(e) => write!(f, "help file is not valid: {e}"),
            HelpError::Format(x) => write!(f, "not a help file (format {x:?})"),
            HelpError::Version(v) => {
                write!(f, "help file version {v}; this build reads {HELP_VERSION}")
            }
            HelpError::Rubric(r) => write!(f, "help for rubric {r:?}, not {RUBRIC_ID}"),
            HelpError::Target(t) => write!(f, "override target {t:?} is not SET/CODE"),
        }
    }
}

impl std::error::Error for HelpError {}

/// The key a criterion name is compared by: trimmed, each run of whitespace one space.
pub fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether two names are the same key (without allocating).
fn same_name(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// `"QD26-26/5.1"` → `("QD26-26", "5.1")`.
fn split_target(at: &str) -> Option<(&str, &str)> {
    let (set, code) = at.split_once('/')?;
    (!set.is_empty() && !code.is_empty() && !code.contains('/')).then_some((set, code))
}

impl Help {
    /// Read a help file strictly: unknown or repeated keys, another format, version or rubric,
    /// and a malformed override target are refused. Checks that need the product sets are
    /// [`validate`]'s.
    pub fn from_json(text: &str) -> Result<Help, HelpError> {
        let help: Help =
            serde_json::from_str(text).map_err(|e| HelpError::Syntax(e.to_string()))?;
        if help.format != HELP_FORMAT {
            return Err(HelpError::Format(help.format));
        }
        if help.version != HELP_VERSION {
            return Err(HelpError::Version(help.version));
        }
        if help.rubric != RUBRIC_ID {
            return Err(HelpError::Rubric(help.rubric));
        }
        if let Some(t) = help
            .overrides
            .iter()
            .flat_map(|o| &o.at)
            .find(|t| split_target(t).is_none())
        {
            return Err(HelpError::Target(t.clone()));
        }
        Ok(help)
    }

    /// The note that marks all of this as explanation, in `lang`.
    pub fn note(&self, lang: crate::lang::Lang) -> &str {
        lang.pick(&self.note_vi, &self.note_en)
    }

    /// The shared entry for a criterion name.
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.criteria
            .iter()
            .find(|e| e.names.iter().any(|n| same_name(n, name)))
    }

    /// The override for a criterion of a set.
    pub fn override_for(&self, set: &str, code: &str) -> Option<&Override> {
        self.overrides.iter().find(|o| {
            o.at.iter()
                .any(|t| split_target(t).is_some_and(|(s, c)| s == set && c == code))
        })
    }

    /// The help of criterion `code` of `set`: the shared entry for its name, with the fields of
    /// an override for this set replacing it, and the papers that usually prove it. `None` for
    /// an unknown code or a criterion the file does not cover.
    pub fn for_criterion(&self, set: &ProductSet, code: &str) -> Option<CriterionHelp> {
        let criterion = set.criterion(code)?;
        let entry = self.entry(&criterion.text.vi);
        let over = self.override_for(&set.id, code);
        let pick = |o: Option<&Option<Text>>, e: Option<&Option<Text>>| {
            o.and_then(|x| x.clone())
                .or_else(|| e.and_then(|x| x.clone()))
        };
        let asks = over
            .and_then(|o| o.asks.clone())
            .or_else(|| entry.map(|e| e.asks.clone()))?;
        Some(CriterionHelp {
            asks,
            levels: pick(over.map(|o| &o.levels), entry.map(|e| &e.levels)),
            practice: pick(over.map(|o| &o.practice), entry.map(|e| &e.practice)),
            papers: evidence::for_criterion(set, code),
            overridden: over.is_some(),
        })
    }
}

/// The help file as shipped, compiled in for native use (tests, the CLI); the web app fetches
/// it with the product set.
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED: &str = include_str!("../../static/help/criteria.json");

/// What is wrong with a help file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// Format tag, version or rubric id is not this build's.
    Format,
    /// The explanation note is missing in a language.
    Note,
    /// A scored criterion of a set has no help.
    Missing,
    /// An empty text (or an entry without a name, an override without a target or a field).
    Empty,
    /// A Vietnamese text without (enough) diacritics.
    Unaccented,
    /// The English text is the Vietnamese one.
    Untranslated,
    /// A text longer than its limit.
    TooLong,
    /// "What it asks" in more than [`ASKS_SENTENCES`] sentences.
    TooManySentences,
    /// An entry's name matches no criterion of any set.
    UnknownName,
    /// Two entries claim the same name.
    DuplicateName,
    /// An override's target is malformed or names no criterion of a set.
    UnknownTarget,
    /// Two overrides target the same criterion.
    DuplicateTarget,
}

/// One broken rule, located: `at` is the entry's first name or the override's target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub at: String,
    pub kind: ProblemKind,
    pub detail: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:?} ({})", self.at, self.kind, self.detail)
    }
}

/// Whether a character is a Vietnamese letter beyond ASCII (a diacritic or đ).
fn is_vietnamese_letter(c: char) -> bool {
    const LETTERS: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
    c.to_lowercase().any(|l| LETTERS.contains(l))
}

/// Percentage of the words (with a letter) that carry a Vietnamese letter; 100 for no words.
pub fn diacritic_share(text: &str) -> usize {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return 100;
    }
    let marked = words
        .iter()
        .filter(|w| w.chars().any(is_vietnamese_letter))
        .count();
    marked * 100 / words.len()
}

/// Sentences in a text: ends of sentence (`.`, `!`, `?` followed by a space or the end), not
/// counting a full stop inside a number or an abbreviation such as "v.v." at the end.
pub fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut n = 0;
    for (i, c) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?') {
            let next = chars.get(i + 1);
            if next.is_none() || next.is_some_and(|x| x.is_whitespace()) {
                n += 1;
            }
        }
    }
    if n == 0 && !chars.is_empty() {
        1
    } else {
        n
    }
}

fn push(out: &mut Vec<Problem>, at: &str, kind: ProblemKind, detail: String) {
    out.push(Problem {
        at: at.to_string(),
        kind,
        detail,
    });
}

/// The checks on one text of an entry or override.
fn check_text(out: &mut Vec<Problem>, at: &str, field: &str, t: &Text, max: usize) {
    for (lang, s) in [("vi", &t.vi), ("en", &t.en)] {
        let len = s.chars().count();
        if s.trim().is_empty() {
            push(out, at, ProblemKind::Empty, format!("{field}.{lang}"));
            continue;
        }
        if len > max {
            let detail = format!("{field}.{lang}: {len} > {max} characters");
            push(out, at, ProblemKind::TooLong, detail);
        }
        if field == "asks" && sentence_count(s) > ASKS_SENTENCES {
            let detail = format!("{field}.{lang}: {} sentences", sentence_count(s));
            push(out, at, ProblemKind::TooManySentences, detail);
        }
    }
    if !t.vi.trim().is_empty() {
        let share = diacritic_share(&t.vi);
        if share < DIACRITIC_SHARE_MIN {
            let detail = format!("{field}.vi: {share}% of words have diacritics");
            push(out, at, ProblemKind::Unaccented, detail);
        }
        if t.vi.trim() == t.en.trim() {
            let detail = format!("{field}.en is the Vietnamese text");
            push(out, at, ProblemKind::Untranslated, detail);
        }
    }
}

/// The optional texts of an entry or override, with their limits.
fn check_fields(
    out: &mut Vec<Problem>,
    at: &str,
    asks: Option<&Text>,
    levels: Option<&Text>,
    practice: Option<&Text>,
) {
    for (field, t, max) in [
        ("asks", asks, ASKS_MAX),
        ("levels", levels, LEVELS_MAX),
        ("practice", practice, PRACTICE_MAX),
    ] {
        if let Some(t) = t {
            check_text(out, at, field, t, max);
        }
    }
}

/// Check a help file against the product sets; an empty list means it is complete and
/// readable: the right format, version and rubric; the note in both languages; every scored
/// criterion of every set resolves to help; no empty text, no Vietnamese text without
/// diacritics, no English text that is the Vietnamese one, nothing over its length limit;
/// every name and override target matches a criterion, and none is claimed twice.
pub fn validate(help: &Help, sets: &[ProductSet]) -> Vec<Problem> {
    let mut out = Vec::new();
    let out = &mut out;
    if help.format != HELP_FORMAT || help.version != HELP_VERSION || help.rubric != RUBRIC_ID {
        let detail = format!("{} v{} {}", help.format, help.version, help.rubric);
        push(out, "file", ProblemKind::Format, detail);
    }
    if help.note_vi.trim().is_empty() || help.note_en.trim().is_empty() {
        push(
            out,
            "file",
            ProblemKind::Note,
            "note_vi and note_en are required".into(),
        );
    } else if diacritic_share(&help.note_vi) < DIACRITIC_SHARE_MIN {
        push(out, "file", ProblemKind::Unaccented, "note_vi".into());
    }

    // Every name the sets print (normalised), for the unknown-name check.
    let printed: Vec<String> = sets
        .iter()
        .flat_map(|s| s.criteria().map(|l| normalise(&l.criterion.text.vi)))
        .collect();
    let mut claimed: Vec<String> = Vec::new();
    for entry in &help.criteria {
        let at = entry
            .names
            .first()
            .map(String::as_str)
            .unwrap_or("(entry without a name)");
        if entry.names.is_empty() {
            push(out, at, ProblemKind::Empty, "names".into());
        }
        for name in &entry.names {
            let key = normalise(name);
            if key.is_empty() {
                push(out, at, ProblemKind::Empty, "a name".into());
                continue;
            }
            if claimed.contains(&key) {
                push(out, at, ProblemKind::DuplicateName, key.clone());
            } else {
                claimed.push(key.clone());
            }
            if !printed.contains(&key) {
                push(out, at, ProblemKind::UnknownName, key);
            }
        }
        check_fields(
            out,
            at,
            Some(&entry.asks),
            entry.levels.as_ref(),
            entry.practice.as_ref(),
        );
    }

    let mut targeted: Vec<&str> = Vec::new();
    for o in &help.overrides {
        let at =
            o.at.first()
                .map(String::as_str)
                .unwrap_or("(override without a target)");
        if o.at.is_empty() {
            push(out, at, ProblemKind::Empty, "at".into());
        }
        if o.asks.is_none() && o.levels.is_none() && o.practice.is_none() {
            push(
                out,
                at,
                ProblemKind::Empty,
                "an override gives no field".into(),
            );
        }
        for t in &o.at {
            let found = split_target(t).is_some_and(|(sid, code)| {
                sets.iter()
                    .any(|s| s.id == sid && s.criterion(code).is_some())
            });
            if !found {
                push(
                    out,
                    t,
                    ProblemKind::UnknownTarget,
                    "no such set and criterion".into(),
                );
            }
            if targeted.contains(&t.as_str()) {
                push(
                    out,
                    t,
                    ProblemKind::DuplicateTarget,
                    "targeted by two overrides".into(),
                );
            } else {
                targeted.push(t);
            }
        }
        check_fields(
            out,
            at,
            o.asks.as_ref(),
            o.levels.as_ref(),
            o.practice.as_ref(),
        );
    }

    for set in sets {
        for l in set.criteria() {
            let code = &l.criterion.code;
            if help.for_criterion(set, code).is_none() {
                let at = format!("{}/{code}", set.id);
                push(
                    out,
                    &at,
                    ProblemKind::Missing,
                    normalise(&l.criterion.text.vi),
                );
            }
        }
    }
    std::mem::take(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    fn text(vi: &str, en: &str) -> Text {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    fn tiny() -> Help {
        Help {
            format: HELP_FORMAT.into(),
            version: HELP_VERSION,
            rubric: RUBRIC_ID.into(),
            note_vi: "Phần giải thích, không phải văn bản của Quyết định.".into(),
            note_en: "Explanation, not the Decision's text.".into(),
            criteria: vec![Entry {
                names: vec!["Sử dụng   lao động địa phương ".into()],
                asks: text(
                    "Bao nhiêu người làm là người trong xã.",
                    "How many workers live in the commune.",
                ),
                levels: Some(text("Ba mức theo tỷ lệ.", "Three levels by share.")),
                practice: None,
            }],
            overrides: vec![Override {
                at: vec!["QD26-26/3.3".into()],
                asks: None,
                levels: None,
                practice: Some(text("Lập danh sách lao động.", "List the workers.")),
            }],
        }
    }

    #[test]
    fn names_are_compared_with_whitespace_collapsed() {
        assert_eq!(normalise("  Mùi,\n vị  "), "Mùi, vị");
        assert!(same_name("Mùi,  vị", " Mùi, vị"));
        assert!(!same_name("Mùi, vị", "Mùi vị"));
        assert!(!same_name("Vị", "vị"), "case is kept");
    }

    #[test]
    fn targets_are_set_slash_code() {
        assert_eq!(split_target("QD26-26/5.1"), Some(("QD26-26", "5.1")));
        assert_eq!(split_target("QD26-26"), None);
        assert_eq!(split_target("/5.1"), None);
        assert_eq!(split_target("QD26-26/5.1/2"), None);
    }

    #[test]
    fn diacritics_and_sentences_are_counted() {
        assert_eq!(diacritic_share("San pham cua ban"), 0);
        assert!(diacritic_share("Sản phẩm của bạn được trồng ở xã") > 50);
        assert_eq!(diacritic_share("ISO, HACCP 22000"), 0);
        assert_eq!(diacritic_share(""), 100);
        assert_eq!(sentence_count("Một câu."), 1);
        assert_eq!(sentence_count("Một câu. Hai câu! Ba câu?"), 3);
        assert_eq!(sentence_count("Tỷ lệ 0.5 và 1.5 mà không có dấu chấm"), 1);
    }

    #[test]
    fn an_override_replaces_only_the_fields_it_gives() {
        let h = tiny();
        let Some(Ok(tourism)) = embedded::load("QD26-26") else {
            panic!("set")
        };
        let Some(Ok(food)) = embedded::load("QD26-07") else {
            panic!("set")
        };
        let t = h.for_criterion(&tourism, "3.3").expect("tourism 3.3");
        assert!(t.overridden);
        assert_eq!(t.asks.en, "How many workers live in the commune.");
        assert_eq!(
            t.practice.as_ref().map(|p| p.en.as_str()),
            Some("List the workers.")
        );
        let f = h.for_criterion(&food, "3.3").expect("food 3.3");
        assert!(!f.overridden && f.practice.is_none());
        assert_eq!(f.levels, t.levels);
        assert_eq!(
            f.papers.iter().map(|e| e.id).collect::<Vec<_>>(),
            ["insured_workers"]
        );
        assert!(h.for_criterion(&food, "3.4").is_none(), "not covered");
        assert!(h.for_criterion(&food, "9.9").is_none(), "no such code");
    }

    #[test]
    fn the_reader_checks_format_version_rubric_and_targets() {
        let h = tiny();
        let json = serde_json::to_string(&h).expect("json");
        assert_eq!(Help::from_json(&json), Ok(h.clone()));
        let mut x = h.clone();
        x.version = 9;
        let json = serde_json::to_string(&x).expect("json");
        assert_eq!(Help::from_json(&json), Err(HelpError::Version(9)));
        let mut x = h.clone();
        x.overrides[0].at = vec!["3.3".into()];
        let json = serde_json::to_string(&x).expect("json");
        assert_eq!(Help::from_json(&json), Err(HelpError::Target("3.3".into())));
        let json = serde_json::to_string(&h)
            .expect("json")
            .replace("\"asks\"", "\"ask\"");
        assert!(matches!(Help::from_json(&json), Err(HelpError::Syntax(_))));
    }

    #[test]
    fn the_shipped_file_reads_and_validates() {
        let h = Help::from_json(EMBEDDED).unwrap_or_else(|e| panic!("{e}"));
        let sets = embedded::load_all().unwrap_or_else(|(id, e)| panic!("{id}: {e}"));
        let problems = validate(&h, &sets);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
