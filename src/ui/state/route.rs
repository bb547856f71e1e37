//! The address of each screen: what the query string says about the screen shown, so each
//! screen has its own history entry, the phone's Back button goes back inside the app (closing
//! an open sheet first), and a reload returns to the same screen. Pure (read and written as
//! text); the history calls are [`crate::platform::page`]'s and the effect that keeps the two in
//! step is in [`crate::ui::app`].
//!
//! ```text
//! ?view=new                              the chooser
//! ?draft=k3x9…                           a draft's questionnaire
//! ?draft=k3x9…&sheet=result|share        … with the result sheet or the share dialog open
//! ?view=details&draft=k3x9…              a draft's dossier screen
//! ?view=drafts                           the list of drafts
//! ?view=glossary                         the glossary
//! ?new=QD26-09                           a product set opened to look at (no draft until the
//!                                        first answer)
//! ```
//!
//! The embedding parameters (`lang`, `theme`, `header`, `origin`, `demo`) are kept as they are;
//! `set` (open the latest draft of a set) is read at start and then replaced by the route.

use super::{AppState, Screen};

/// A sheet over the questionnaire that Back closes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// The result's details (the bar expanded).
    Result,
    /// The share dialog.
    Share,
}

impl Sheet {
    fn tag(self) -> &'static str {
        match self {
            Sheet::Result => "result",
            Sheet::Share => "share",
        }
    }
}

/// What the address says about the screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// `None`: the address names no screen (the app decides, as at a first visit).
    pub screen: Option<Screen>,
    /// The draft shown (questionnaire, details).
    pub draft: Option<String>,
    /// A product set open without a draft yet (`new=`).
    pub new_set: Option<String>,
    pub sheet: Option<Sheet>,
    /// Demonstration mode (`demo=1`, also when entered by its button, so a reload stays in it).
    pub demo: bool,
}

/// The query parameters a route owns (replaced on every change of screen).
const OWN: [&str; 6] = ["view", "draft", "new", "sheet", "set", "demo"];

/// Longest id or set code read from the address (ids are short base-36 strings).
const MAX_ID: usize = 64;

fn clean_id(v: &str) -> Option<String> {
    (!v.is_empty()
        && v.len() <= MAX_ID
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then(|| v.to_string())
}

fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

impl Route {
    /// Read the route from a query string (with or without `?`). Unknown values are ignored.
    pub fn parse(query: &str) -> Route {
        let mut r = Route::default();
        for (k, v) in pairs(query) {
            match k {
                "view" => {
                    r.screen = match v {
                        "new" => Some(Screen::Choose),
                        "drafts" => Some(Screen::Drafts),
                        "details" => Some(Screen::Details),
                        "questionnaire" => Some(Screen::Questionnaire),
                        "glossary" => Some(Screen::Glossary),
                        _ => r.screen,
                    }
                }
                "draft" => r.draft = clean_id(v),
                "new" => r.new_set = clean_id(&v.to_ascii_uppercase()),
                "demo" => r.demo = matches!(v, "1" | "true" | "yes" | "on"),
                "sheet" => {
                    r.sheet = match v {
                        "result" => Some(Sheet::Result),
                        "share" => Some(Sheet::Share),
                        _ => None,
                    }
                }
                _ => {}
            }
        }
        if r.screen.is_none() && (r.draft.is_some() || r.new_set.is_some()) {
            r.screen = Some(Screen::Questionnaire);
        }
        if r.screen != Some(Screen::Questionnaire) {
            r.sheet = None;
        }
        r
    }

    /// The route of what the state shows.
    pub fn of(state: &AppState) -> Route {
        let scratch = state
            .scratch
            .as_ref()
            .filter(|s| state.current.as_deref() == Some(&s.id));
        let (draft, new_set) = match (state.screen, scratch) {
            (Screen::Questionnaire | Screen::Details, Some(s)) => {
                (None, Some(s.product_set.clone()))
            }
            (Screen::Questionnaire | Screen::Details, None) => (state.current.clone(), None),
            _ => (None, None),
        };
        Route {
            screen: Some(state.screen),
            draft,
            new_set,
            sheet: state
                .sheet
                .filter(|_| state.screen == Screen::Questionnaire),
            demo: state.in_demo(),
        }
    }

    /// The same screen (sheets aside), and the same draft or set.
    pub fn same_screen(&self, other: &Route) -> bool {
        self.screen == other.screen
            && self.draft == other.draft
            && self.new_set == other.new_set
            && self.demo == other.demo
    }

    /// The query string for this route, keeping `query`'s other parameters in their order
    /// (`?`-prefixed; empty when nothing is left).
    pub fn to_query(&self, query: &str) -> String {
        let mut out: Vec<String> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && !OWN.contains(&p.split('=').next().unwrap_or_default()))
            .map(str::to_string)
            .collect();
        let view = match self.screen {
            Some(Screen::Choose) => Some("new"),
            Some(Screen::Drafts) => Some("drafts"),
            Some(Screen::Details) => Some("details"),
            Some(Screen::Glossary) => Some("glossary"),
            // The questionnaire is the default screen of a draft or a set.
            Some(Screen::Questionnaire) if self.draft.is_none() && self.new_set.is_none() => {
                Some("questionnaire")
            }
            _ => None,
        };
        if self.demo {
            out.push("demo=1".to_string());
        }
        if let Some(v) = view {
            out.push(format!("view={v}"));
        }
        if let Some(d) = &self.draft {
            out.push(format!("draft={d}"));
        }
        if let Some(s) = &self.new_set {
            out.push(format!("new={s}"));
        }
        if let Some(s) = self.sheet {
            out.push(format!("sheet={}", s.tag()));
        }
        if out.is_empty() {
            String::new()
        } else {
            format!("?{}", out.join("&"))
        }
    }
}

/// How the address should follow a change of route: a new history entry, or the current one
/// rewritten (`in_frame`: a frame adds entries to the host page's history, so there only a
/// change of screen does, never a sheet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Push,
    Replace,
    /// The change closes a sheet this app opened with its own entry: go back over it.
    Back,
    Nothing,
}

/// The history step from `before` to `after` (`sheet_entry`: the current history entry is a
/// sheet this app pushed).
pub fn step(before: &Route, after: &Route, in_frame: bool, sheet_entry: bool) -> Step {
    if before == after {
        return Step::Nothing;
    }
    if before.same_screen(after) {
        return match (before.sheet, after.sheet) {
            (_, Some(_)) if in_frame => Step::Replace,
            (None, Some(_)) => Step::Push,
            (Some(_), None) if sheet_entry => Step::Back,
            _ => Step::Replace,
        };
    }
    // A set looked at becomes a draft with its first answer: the same screen, renamed.
    let became_draft = before.new_set.is_some()
        && after.draft.is_some()
        && before.screen == after.screen
        && after.new_set.is_none();
    if became_draft {
        Step::Replace
    } else {
        Step::Push
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(q: &str) -> Route {
        Route::parse(q)
    }

    #[test]
    fn every_screen_has_an_address_that_reads_back() {
        let routes = [
            Route {
                screen: Some(Screen::Choose),
                ..Route::default()
            },
            Route {
                screen: Some(Screen::Drafts),
                ..Route::default()
            },
            Route {
                screen: Some(Screen::Questionnaire),
                draft: Some("k3x9a".into()),
                ..Route::default()
            },
            Route {
                screen: Some(Screen::Questionnaire),
                draft: Some("k3x9a".into()),
                sheet: Some(Sheet::Result),
                ..Route::default()
            },
            Route {
                screen: Some(Screen::Questionnaire),
                draft: Some("k3x9a".into()),
                sheet: Some(Sheet::Share),
                ..Route::default()
            },
            Route {
                screen: Some(Screen::Details),
                draft: Some("k3x9a".into()),
                ..Route::default()
            },
            Route {
                screen: Some(Screen::Questionnaire),
                new_set: Some("QD26-09".into()),
                ..Route::default()
            },
        ];
        for route in routes {
            let q = route.to_query("?lang=en&theme=%230b6e4f&header=0&origin=https%3A%2F%2Fa.vn");
            assert!(
                q.starts_with("?lang=en&theme=%230b6e4f&header=0&origin=https%3A%2F%2Fa.vn&"),
                "{q}"
            );
            assert_eq!(Route::parse(&q), route, "{q}");
        }
    }

    #[test]
    fn the_address_replaces_only_its_own_parameters() {
        let q = Route {
            screen: Some(Screen::Drafts),
            ..Route::default()
        }
        .to_query("?set=QD26-09&demo=1&view=details&draft=a&sheet=share&new=QD26-01");
        assert_eq!(
            q, "?view=drafts",
            "demo follows the state, not the old address"
        );
        assert_eq!(Route::default().to_query("?set=QD26-09"), "");
        assert_eq!(Route::default().to_query(""), "");
    }

    #[test]
    fn odd_addresses_are_ignored_not_trusted() {
        assert_eq!(r("?view=evil&draft=<script>&sheet=x"), Route::default());
        assert_eq!(r(&format!("?draft={}", "a".repeat(65))), Route::default());
        // A sheet belongs to the questionnaire only.
        assert_eq!(r("?view=drafts&sheet=result").sheet, None);
        assert_eq!(r("?new=qd26-09").new_set.as_deref(), Some("QD26-09"));
        assert_eq!(r("?new=qd26-09").screen, Some(Screen::Questionnaire));
        assert_eq!(r("?view=drafts").screen, Some(Screen::Drafts));
        assert!(r("?demo=1&draft=demo-2").demo);
        let demo = r("?demo=1&view=drafts");
        assert_eq!(Route::parse(&demo.to_query("?lang=vi")), demo);
    }

    #[test]
    fn back_closes_sheets_first_and_frames_add_only_screens() {
        let q = r("?draft=a");
        let sheet = r("?draft=a&sheet=result");
        let details = r("?view=details&draft=a");
        assert_eq!(step(&q, &q, false, false), Step::Nothing);
        assert_eq!(step(&q, &sheet, false, false), Step::Push);
        assert_eq!(
            step(&q, &sheet, true, false),
            Step::Replace,
            "no entry for a sheet in a frame"
        );
        assert_eq!(
            step(&sheet, &q, false, true),
            Step::Back,
            "closing goes back over its entry"
        );
        assert_eq!(step(&sheet, &q, false, false), Step::Replace);
        assert_eq!(step(&q, &details, false, false), Step::Push);
        assert_eq!(
            step(&q, &details, true, false),
            Step::Push,
            "a screen change is an entry in a frame too"
        );
        // The first answer turns the set into a draft: the same screen, renamed in place.
        assert_eq!(step(&r("?new=QD26-09"), &q, false, false), Step::Replace);
    }
}
