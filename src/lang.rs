//! The bottom layer: the app's two languages, a text in both, and the folding of Vietnamese
//! letters to plain ASCII (for search without diacritics, tick-box matching and file names).
//! Everything else in the crate may import this; it imports nothing of the crate.

use serde::{Deserialize, Serialize};

/// A language of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parse a tag such as "vi", "en", "en-GB".
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase();
        if t == "vi" || t.starts_with("vi-") {
            Some(Lang::Vi)
        } else if t == "en" || t.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The one of a Vietnamese/English pair that is in this language: the single way fixed
    /// words are chosen outside the UI's key table (forms, field labels, messages).
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// A text in both languages of the app.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    /// The text in `lang`; the Vietnamese when there is no English gloss.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En if self.en.is_empty() => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Lower-case and strip Vietnamese diacritics ("Nước mắm" → "nuoc mam", "Đồ" → "do").
///
/// Hand-written on purpose: `unicode-normalization` or `deunicode` would add their tables to the
/// first screen's module, and only Vietnamese (plus a few Latin letters) needs folding here.
pub fn fold_diacritics(s: &str) -> String {
    s.chars()
        .flat_map(|c| c.to_lowercase())
        .map(fold_char)
        .collect()
}

fn fold_char(c: char) -> char {
    const TABLE: [(&str, char); 12] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
        ("đ", 'd'),
        ("ç", 'c'),
        ("ñ", 'n'),
        ("äå", 'a'),
        ("ëè", 'e'),
        ("öø", 'o'),
    ];
    if c.is_ascii() {
        return c;
    }
    TABLE
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|(_, base)| *base)
        .unwrap_or(c)
}

/// A file-name-safe slug: diacritics folded, lower case, words joined by `-`, at most 8 words
/// and 60 characters ("Nước mắm Cô Ba" → "nuoc-mam-co-ba"). Empty when nothing is left.
pub fn slug(s: &str) -> String {
    let folded: String = fold_diacritics(s)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let mut out = String::new();
    for w in folded.split('-').filter(|w| !w.is_empty()).take(8) {
        if out.len() + w.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold_diacritics("Nước mắm Phú Quốc"), "nuoc mam phu quoc");
        assert_eq!(fold_diacritics("ĐỒ UỐNG"), "do uong");
        assert_eq!(fold_diacritics("Chè Shan tuyết"), "che shan tuyet");
    }

    #[test]
    fn tags_and_pick() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag(" VI "), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::Vi.pick("một", "one"), "một");
        assert_eq!(Lang::En.pick("một", "one"), "one");
        let t = Text {
            vi: "Mật ong".into(),
            en: String::new(),
        };
        assert_eq!(t.get(Lang::En), "Mật ong", "falls back to Vietnamese");
    }
}
