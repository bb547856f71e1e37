//! The dossier screen ("Hồ sơ"): the producer's and product's details that Mẫu 01 and Mẫu 02 ask
//! for, and the rest of Mẫu 02 the producer writes ([`form`]); what the filing copy still leaves
//! blank ("cần bổ sung", from [`draft::blanks`], with a way to each field and criterion) and what
//! looks doubtful ("cần kiểm tra"); the downloads: the filing copy, the working copy and Mẫu 03,
//! each as .docx and a printable page, and the JSON export ([`downloads`]); plus the JSON import
//! ([`import`], also shown under the drafts list).
//!
//! Nothing is required while filling in. Phone, e-mail and the dates are checked by
//! [`crate::draft`]'s rules, the same the dossier uses.

pub mod downloads;
pub mod form;
pub mod import;
pub mod papers;

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::date::Date;
use crate::draft::{self, check_fields_for, Blank, Draft, FieldProblem, Problem};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::clock;
use crate::platform::dom::{self, Focus};
use crate::rubric::ProductSet;

use super::state::{Action, Target};
use super::Shared;
use downloads::Downloads;
use form::{detail_label, field_dom_id, DetailsForm};
use papers::Papers;

/// What the filing copy of `d` leaves blank: [`draft::blanks`] once the product set's sheet is
/// loaded; before that, the details only (the same rule, without the criteria).
pub fn blanks_of(d: &Draft, set: Option<&ProductSet>) -> Vec<Blank> {
    match set {
        Some(set) => draft::blanks(d, set),
        None => {
            let mut out: Vec<Blank> = check_fields_for(d, None, false)
                .into_iter()
                .filter(|p| p.problem == Problem::Missing && p.field.fills_a_blank())
                .map(|p| Blank::Field(p.field))
                .collect();
            let address = &d.producer.address;
            if !draft::is_blank(address) && draft::address::province_of(address).is_none() {
                out.push(Blank::Province);
            }
            out
        }
    }
}

/// Filled details that do not look right (phone, e-mail, a date): the filing copy prints them as
/// typed, so they are not blanks, but the screen asks to check them.
pub fn doubtful(d: &Draft, today: Date, set: Option<&ProductSet>) -> Vec<FieldProblem> {
    check_fields_for(d, Some(today), set.is_some_and(ProductSet::is_tourism))
        .into_iter()
        .filter(|p| p.problem != Problem::Missing)
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    /// The product set's rubric, once loaded (a tourism set needs no product standard).
    #[prop_or_default]
    pub set: Option<Shared<ProductSet>>,
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
    /// The drafts here (an imported package of one of them offers to update it).
    #[prop_or_default]
    pub here: Vec<Shared<Draft>>,
}

#[component]
pub fn DetailsScreen(props: &DetailsProps) -> Html {
    let lang = props.lang;
    let draft = &props.draft;
    let today = props.today.unwrap_or_else(clock::today);

    let set = props.set.as_deref();
    let blanks = blanks_of(draft, set);
    let checks = doubtful(draft, today, set);
    let missing = missing_list(lang, &blanks, &checks, set, today, &props.on_action);

    html! {
        <div class="details">
            <h1>{ t(lang, Key::DetailsTitle) }</h1>
            <p class="lead">{ t(lang, Key::DetailsIntro) }
                if let Some(saved) = props.saved {
                    { " " }{ t(lang, if saved { Key::SavedHere } else { Key::NotSavedHere }) }
                }</p>
            <DetailsForm lang={lang} draft={draft.clone()} set_label={props.set_label.clone()}
                on_action={props.on_action.clone()} {today} set={props.set.clone()} />
            { missing }
            <Papers lang={lang} draft={draft.clone()} on_action={props.on_action.clone()} />
            <Downloads lang={lang} draft={draft.clone()} {today} on_action={props.on_action.clone()}
                on_rubric={props.on_rubric.clone()} blanks={blanks.len()} counted_all={set.is_some()}
                here={props.here.clone()} />
        </div>
    }
}

/// The "Cần bổ sung" section: the count of blanks, then the blanks grouped (details, criteria not
/// yet self-assessed, criteria without their "mô tả, chứng minh"), each a way to its place; and
/// apart, "Cần kiểm tra": what is filled in but looks doubtful.
fn missing_list(
    lang: Lang,
    blanks: &[Blank],
    checks: &[FieldProblem],
    set: Option<&ProductSet>,
    today: Date,
    on_action: &Callback<Action>,
) -> Html {
    let to_field = |f: draft::Field| {
        let id = field_dom_id(f);
        Callback::from(move |_: MouseEvent| dom::scroll_to_and_focus(&id, Focus::FirstControl))
    };
    let fields: Vec<Html> = blanks
        .iter()
        .filter_map(|b| match b {
            Blank::Field(f) => Some(html! {
                <li><button type="button" class="link" onclick={to_field(*f)}>{ detail_label(lang, *f, today) }</button></li>
            }),
            // Read from the address: the way to it is the address field.
            Blank::Province => Some(html! {
                <li><button type="button" class="link" id="blank-province" onclick={to_field(draft::Field::Address)}>{ t(lang, Key::ProvinceBlank) }</button></li>
            }),
            _ => None,
        })
        .collect();
    let names: BTreeMap<&str, &str> = set
        .map(|s| {
            s.criteria()
                .map(|l| (l.criterion.code.as_str(), l.criterion.text.get(lang)))
                .collect()
        })
        .unwrap_or_default();
    let criterion_links = |note: bool| -> Vec<Html> {
        blanks
            .iter()
            .filter_map(|b| match (b, note) {
                (Blank::Score(code), false) | (Blank::Description(code), true) => Some(code),
                _ => None,
            })
            .map(|code| {
                let go = {
                    let on_action = on_action.clone();
                    let target = Target {
                        code: code.clone(),
                        note,
                    };
                    Callback::from(move |_: MouseEvent| {
                        on_action.emit(Action::ShowCriterion(target.clone()))
                    })
                };
                let name = names.get(code.as_str()).copied().unwrap_or_default();
                html! {
                    <li><button type="button" class="btn small crit-link" onclick={go}
                        aria-label={i18n::criterion_named(lang, code, name)}>{ code.clone() }</button></li>
                }
            })
            .collect()
    };
    // The details are always listed; a long list of criteria starts folded (its count shows).
    let group = |id: &'static str, title: Key, items: Vec<Html>, list_class: &'static str| {
        if items.is_empty() {
            return html! {};
        }
        let n = items.len();
        let open = list_class == "missing-list" || n <= 12;
        html! {
            <details class="blank-group" id={id} {open}>
                <summary><span>{ t(lang, title) }</span>{ " " }<span class="n">{ format!("({n})") }</span></summary>
                <ul class={list_class}>{ for items }</ul>
            </details>
        }
    };
    let checks_list = checks.iter().map(|p| {
        html! {
            <li><button type="button" class="link" onclick={to_field(p.field)}>
                { detail_label(lang, p.field, today) }{ " — " }{ i18n::problem(lang, &p.problem) }
            </button></li>
        }
    });
    let done = if set.is_some() {
        Key::NothingMissing
    } else {
        Key::NothingMissingDetails
    };
    html! {
        <section class="to-complete" aria-labelledby="missing-title" id="to-complete">
            <h2 id="missing-title">{ t(lang, Key::MissingTitle) }
                if !blanks.is_empty() { <span class="count-badge" id="missing-count">{ blanks.len() }</span> }
            </h2>
            if blanks.is_empty() {
                <p class="ok">{ t(lang, done) }</p>
            } else {
                <p class="hint">{ t(lang, Key::MissingIntro) }</p>
                { group("missing-details", Key::MissingDetails, fields, "missing-list") }
                { group("missing-scores", Key::MissingScores, criterion_links(false), "crit-links") }
                { group("missing-descriptions", Key::MissingDescriptions, criterion_links(true), "crit-links") }
            }
            if set.is_none() {
                <p class="hint">{ t(lang, Key::MissingCriteriaLater) }</p>
            }
            if !checks.is_empty() {
                <div class="check-group" id="to-check">
                    <h3 id="check-title">{ t(lang, Key::CheckTitle) }
                        <span class="count-badge warn">{ checks.len() }</span></h3>
                    <p class="hint">{ t(lang, Key::CheckIntro) }</p>
                    <ul class="missing-list">{ for checks_list }</ul>
                </div>
            }
        </section>
    }
}
