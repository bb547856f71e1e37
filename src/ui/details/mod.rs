//! The dossier screen ("Hồ sơ"): the producer's and product's details that Mẫu 01 and Mẫu 02 ask
//! for ([`form`]), what is still missing ("cần bổ sung", with a way to each field), and the
//! downloads: the .docx, the printable page, the JSON export ([`downloads`]); plus the JSON
//! import ([`import`], also shown under the drafts list).
//!
//! Nothing is required while filling in. Phone, e-mail and the registration date are checked by
//! [`crate::draft`]'s rules, the same the dossier uses.

pub mod downloads;
pub mod form;
pub mod import;

use std::rc::Rc;

use yew::prelude::*;

use crate::date::Date;
use crate::draft::{check_fields_for, Draft, FieldProblem, Problem};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::clock;
use crate::platform::dom::{self, Focus};
use crate::rubric::ProductSet;

use super::state::{Action, Screen};
use super::Shared;
use downloads::Downloads;
use form::{field_dom_id, DetailsForm};

/// Everything the dossier will mark: empty fields and doubtful ones, in form order (the same
/// rule as the dossier: a tourism set, once its sheet is loaded, needs no product standard).
pub fn to_complete(d: &Draft, today: Option<Date>, set: Option<&ProductSet>) -> Vec<FieldProblem> {
    check_fields_for(d, today, set.is_some_and(ProductSet::is_tourism))
}

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    /// The product set's rubric, once loaded (a tourism set needs no product standard).
    #[prop_or_default]
    pub set: Option<Shared<ProductSet>>,
    /// How many criteria are not answered yet, from the app's assessment (`None` until the
    /// rubric is loaded).
    #[prop_or_default]
    pub unanswered: Option<usize>,
    /// "Bộ số 9 · I.4.a – …": the product's classification from the chosen set.
    #[prop_or_default]
    pub set_label: AttrValue,
    pub on_action: Callback<Action>,
    /// Today (tests pass a fixed date; the app leaves it to the device clock).
    #[prop_or_default]
    pub today: Option<Date>,
    /// Whether changes reach local storage, said in the intro (`None`: say nothing, e.g. in
    /// demonstration mode, whose banner explains).
    #[prop_or(Some(true))]
    pub saved: Option<bool>,
    /// Told about a product set loaded to check an imported file.
    #[prop_or_default]
    pub on_rubric: Option<Callback<Rc<ProductSet>>>,
}

#[component]
pub fn DetailsScreen(props: &DetailsProps) -> Html {
    let lang = props.lang;
    let draft = &props.draft;
    let today = props.today.unwrap_or_else(clock::today);

    // What the dossier will mark "cần bổ sung" (or doubtful), with a way to each field.
    let problems = to_complete(draft, Some(today), props.set.as_deref());
    let missing = {
        let items = problems.iter().map(|p| {
            let id = field_dom_id(p.field);
            let go = Callback::from(move |_: MouseEvent| {
                dom::scroll_to_and_focus(&id, Focus::FirstControl)
            });
            let what = if p.problem == Problem::Missing {
                String::new()
            } else {
                format!(" — {}", i18n::problem(lang, &p.problem))
            };
            html! {
                <li><button type="button" class="link" onclick={go}>{ i18n::field_label(lang, p.field) }{ what }</button></li>
            }
        });
        let to_questionnaire = {
            let cb = props.on_action.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::Show(Screen::Questionnaire)))
        };
        html! {
            <section class="to-complete" aria-labelledby="missing-title">
                <h2 id="missing-title">{ t(lang, Key::MissingTitle) }
                    if !problems.is_empty() { <span class="count-badge">{ problems.len() }</span> }
                </h2>
                if problems.is_empty() {
                    <p class="ok">{ t(lang, Key::NothingMissing) }</p>
                } else {
                    <p class="hint">{ t(lang, Key::MissingIntro) }</p>
                    <ul class="missing-list">{ for items }</ul>
                }
                if let Some(n) = props.unanswered.filter(|n| *n > 0) {
                    <p>{ i18n::unanswered(lang, n) }</p>
                    <button type="button" class="btn" onclick={to_questionnaire}>{ t(lang, Key::GoToQuestionnaire) }</button>
                }
            </section>
        }
    };

    html! {
        <div class="details">
            <h1>{ t(lang, Key::DetailsTitle) }</h1>
            <p class="lead">{ t(lang, Key::DetailsIntro) }
                if let Some(saved) = props.saved {
                    { " " }{ t(lang, if saved { Key::SavedHere } else { Key::NotSavedHere }) }
                }</p>
            <DetailsForm lang={lang} draft={draft.clone()} set_label={props.set_label.clone()}
                on_action={props.on_action.clone()} {today} />
            { missing }
            <Downloads lang={lang} draft={draft.clone()} {today} on_action={props.on_action.clone()}
                on_rubric={props.on_rubric.clone()} />
        </div>
    }
}
