//! Demonstration mode, as state: the example products ([`draft::samples`]) opened as copies held
//! in memory only. Entering puts the user's own drafts aside untouched (and switches saving off);
//! "reset" brings the examples back as shipped; leaving restores the user's drafts, current draft
//! and screen exactly as they were. Nothing reaches local storage meanwhile. The views (the way
//! in, the banner, the list of examples) are the `DemoEntry`, `DemoBanner` and `DemoList`
//! components, which only emit actions.

use std::rc::Rc;

use crate::draft::{self, Draft};

use super::{AppState, Screen};

/// What demo mode set aside, restored when it ends.
#[derive(Clone, Debug, PartialEq)]
pub struct Stash {
    pub drafts: Vec<Rc<Draft>>,
    pub current: Option<String>,
    pub screen: Screen,
    pub persist: bool,
}

/// Prefix of the in-memory ids of example copies.
pub const DEMO_ID_PREFIX: &str = "demo-";

/// Fresh copies of the examples, with in-memory ids.
pub fn example_copies() -> Vec<Rc<Draft>> {
    draft::samples()
        .into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            d.id = format!("{DEMO_ID_PREFIX}{}", i + 1);
            Rc::new(d)
        })
        .collect()
}

impl AppState {
    /// Whether demonstration mode is on.
    pub fn in_demo(&self) -> bool {
        self.demo.is_some()
    }

    /// Put the user's drafts aside and show the examples (no-op when already on).
    pub fn enter_demo(&mut self) {
        if self.demo.is_some() {
            return;
        }
        self.demo = Some(Rc::new(Stash {
            drafts: std::mem::take(&mut self.drafts),
            current: self.current.take(),
            screen: self.screen,
            persist: self.persist,
        }));
        self.persist = false;
        self.drafts = example_copies();
        self.screen = Screen::Drafts;
    }

    /// The examples as shipped again (only in demo mode); the open example stays open.
    pub fn reset_demo(&mut self) {
        if self.demo.is_none() {
            return;
        }
        self.drafts = example_copies();
        if self.current_draft().is_none() {
            self.current = None;
            if self.screen != Screen::Choose {
                self.screen = Screen::Drafts;
            }
        }
    }

    /// Back to the user's own drafts, exactly as they were.
    pub fn leave_demo(&mut self) {
        let Some(stash) = self.demo.take() else {
            return;
        };
        let stash = Rc::unwrap_or_clone(stash);
        self.drafts = stash.drafts;
        self.current = stash.current;
        self.screen = stash.screen;
        self.persist = stash.persist;
        if self.current_draft().is_none() && self.screen != Screen::Choose {
            self.screen = if self.drafts.is_empty() {
                Screen::Choose
            } else {
                Screen::Drafts
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Command;
    use crate::ui::state::Action;
    use yew::Reducible;

    fn own() -> AppState {
        AppState {
            drafts: vec![Rc::new(Draft::new("mine", "QD26-09", 1))],
            current: Some("mine".into()),
            screen: Screen::Questionnaire,
            revision: 7,
            ..AppState::default()
        }
    }

    #[test]
    fn demo_mode_works_on_copies_and_gives_everything_back() {
        let before = own();
        let s = Rc::new(before.clone()).reduce(Action::EnterDemo);
        assert!(s.in_demo() && !s.persist);
        assert_eq!(s.screen, Screen::Drafts);
        assert!(s.drafts.len() >= 3);
        assert!(s.drafts.iter().all(|d| d.id.starts_with(DEMO_ID_PREFIX)));
        assert_eq!(
            s.revision, before.revision,
            "entering is not a saved change"
        );

        // Change an example: only the copy changes.
        let id = s.drafts[0].id.clone();
        let s = s.reduce(Action::Open(id.clone())).reduce(Action::Apply {
            id: id.clone(),
            command: Command::ClearAnswers,
            now_ms: 9,
        });
        assert!(s
            .current_draft()
            .is_some_and(|d| d.responses.answers.is_empty()));
        assert!(!s.persist, "still not saved");

        // Reset: the example as shipped, still open.
        let s = s.reduce(Action::ResetDemo);
        assert_eq!(s.drafts, example_copies());
        assert_eq!(s.current.as_deref(), Some(id.as_str()));

        // Leave: the user's state exactly as it was (revision aside).
        let s = s.reduce(Action::LeaveDemo);
        assert!(!s.in_demo());
        assert_eq!(s.drafts, before.drafts);
        assert_eq!(s.current, before.current);
        assert_eq!(s.screen, before.screen);
        assert!(s.persist);
        // Entering twice or leaving when off changes nothing.
        let s2 = s.clone().reduce(Action::LeaveDemo);
        assert_eq!(*s2, *s);
    }

    #[test]
    fn the_examples_are_labelled_and_span_categories() {
        let copies = example_copies();
        assert!(copies.len() >= 3);
        assert!(copies.iter().all(|d| d.title.contains("ví dụ")));
        let sets: std::collections::BTreeSet<_> =
            copies.iter().map(|d| d.product_set.clone()).collect();
        assert_eq!(sets.len(), copies.len());
    }
}
