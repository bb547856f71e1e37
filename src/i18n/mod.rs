//! Vietnamese (default) and English strings. Every user-visible word goes through here; the
//! core returns typed results and this module words them.

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
}

mod reach;
mod strings;
mod words;

pub use reach::{answered_of, qr_error, share_error, tr, RKey};
pub use strings::{t, Key};
pub use words::*;
