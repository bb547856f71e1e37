//! Yew components and the app state. Components take props and emit callbacks. There are two
//! reducers: [`state::AppState`] (drafts, screen, demo mode; it only calls `Draft::apply` and
//! makes pure state changes) and [`state::rubrics::Rubrics`] (the rubric files loaded so far).
//! Start-up, the one place that reads storage and the address, is [`boot`]; saving is one effect
//! in [`app`]. Scores, stars and advice come from [`crate::assess`]; words from [`crate::i18n`];
//! browser calls from [`crate::platform`]. Everything here also compiles natively, so the SSR
//! tests (`tests/ssr*.rs`) can render it to HTML.

pub mod app;
pub mod attachments;
pub mod boot;
pub mod chooser;
pub mod demo;
pub mod details;
pub mod drafts;
pub mod embed;
pub mod help;
pub mod package;
pub mod prerender;
pub mod questionnaire;
pub mod read_aloud;
pub mod result;
pub mod share;
pub mod start;
pub mod state;
pub mod top;
pub mod update_notice;

pub use app::App;

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` compared by pointer, so large shared values (a product set, an assessment) make cheap
/// props: a component re-renders only when it gets a different value.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

/// An open/closed flag held by the app state (so the address and Back follow it), used by a
/// component as it would use its own `use_state`: `*open` reads it, `open.set(v)` asks for it.
#[derive(Clone)]
pub struct Controlled {
    value: bool,
    on_set: yew::Callback<bool>,
}

impl Controlled {
    pub fn new(value: bool, on_set: yew::Callback<bool>) -> Self {
        Controlled { value, on_set }
    }

    pub fn set(&self, value: bool) {
        if value != self.value {
            self.on_set.emit(value);
        }
    }
}

impl Deref for Controlled {
    type Target = bool;
    fn deref(&self) -> &bool {
        &self.value
    }
}

/// The element id of a criterion's fieldset ("1.5" → "c-1-5").
pub fn criterion_dom_id(code: &str) -> String {
    format!(
        "c-{}",
        code.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    )
}

/// The element id of a knock-out question's fieldset.
pub fn knock_out_dom_id(id: &str) -> String {
    format!(
        "ko-{}",
        id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    )
}
