//! The details form: which fields Mẫu 01 and Mẫu 02 ask for, grouped as on the forms (the
//! `Spec` tables: input kind, hint, autocomplete, suggestions), and the input of one field. Every
//! change is applied at once through the reducer (`Command::SetField`). A field's problem
//! ([`check_field`]) shows when the user leaves the field, and updates live while a shown problem
//! is being fixed.
//!
//! Mẫu 02 beyond Part I's details (`draft::Report`) follows in the form's order: items I.8 and
//! I.9, Part II's four points with the small table of revenue and profit, a pointer to Part III
//! (the questionnaire), Part IV. What an upgrade or a re-evaluation adds (Điều 6 khoản 1 điểm b,
//! c) sits under the registration type and shows only for that type ([`Field::applies`]); text
//! written there is kept when the type changes back. Long texts are text areas that grow with
//! their text (rows from the length, so no script measures anything) and count the characters
//! left near the 10,000-character limit.
//!
//! Adding a detail field: the field itself is `draft::details`; here it gets its row in a table.
//!
//! The draft's name carries over to the product name as it is typed (`Command::SetTitle`);
//! the field says so while they are the same, and a draft named before that rule offers its
//! name in one tap; the user can change it. A date written year first ("2019-03-05") is rewritten day/month/year when the
//! user leaves the field. An answer to criterion 3.2 that contradicts the representative's
//! gender, ethnicity or disability is said under those fields ([`check_representative`]).

use yew::prelude::*;

use std::borrow::Cow;

use crate::date::Date;
use crate::draft::{
    check_field, check_representative, day_month_year, is_blank, Command, Draft, Field, Problem,
    RegistrationType, MAX_FIELD_CHARS,
};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::{clock, dom};
use crate::rubric::ProductSet;

use crate::ui::state::{Action, Screen};
use crate::ui::Shared;

/// The element id of a field's input: `producer.phone` → `f-producer-phone`.
pub fn field_dom_id(f: Field) -> String {
    format!("f-{}", f.key().replace(['.', '_'], "-"))
}

/// The words a field is named by on this screen and in its "cần bổ sung" list: the forms' label
/// ([`i18n::field_label`]), except that a yearly figure of Part II names its year, as the filing
/// copy's table does: the two years before the year of filing, counted from `today` (the day
/// the dossier is downloaded is its date).
pub fn detail_label(lang: Lang, f: Field, today: Date) -> Cow<'static, str> {
    match f {
        Field::RevenuePrev | Field::RevenueLast | Field::ProfitPrev | Field::ProfitLast => {
            Cow::Owned(i18n::figure_label(lang, f, today.year))
        }
        _ => Cow::Borrowed(i18n::field_label(lang, f)),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Line,
    /// A long text in paragraphs: a text area that grows with its text.
    Area,
    Phone,
    Email,
    Date,
    /// A figure (million đồng): the number pad, the text kept as typed.
    Figure,
}

/// Characters per line of a text area at 360 px (about 280 px of text in 16 px type).
const CHARS_PER_ROW: usize = 34;
/// A text area shows at least this many rows, and grows to at most this many (then scrolls).
const MIN_ROWS: usize = 3;
const MAX_ROWS: usize = 14;
/// The count of characters left shows from here on.
const COUNT_FROM: usize = MAX_FIELD_CHARS * 9 / 10;

/// How many rows a text area needs for `text` at phone width, within [`MIN_ROWS`]..=[`MAX_ROWS`].
pub fn rows_for(text: &str) -> usize {
    let mut rows = 0;
    for line in text.split('\n') {
        rows += line.chars().count().div_ceil(CHARS_PER_ROW).max(1);
        if rows >= MAX_ROWS {
            return MAX_ROWS;
        }
    }
    // One row more than the text, so the next line has room before the area grows.
    (rows + 1).clamp(MIN_ROWS, MAX_ROWS)
}

#[derive(Clone, Copy)]
struct Spec {
    field: Field,
    input: Input,
    hint: Option<Key>,
    autocomplete: &'static str,
    list: Option<&'static str>,
}

const fn spec(field: Field, input: Input) -> Spec {
    Spec {
        field,
        input,
        hint: None,
        autocomplete: "off",
        list: None,
    }
}

const PRODUCER: [Spec; 7] = [
    Spec {
        autocomplete: "organization",
        ..spec(Field::ProducerName, Input::Line)
    },
    Spec {
        hint: Some(Key::OrgTypeHint),
        list: Some("dl-org-types"),
        ..spec(Field::OrganisationType, Input::Line)
    },
    Spec {
        autocomplete: "street-address",
        ..spec(Field::Address, Input::Line)
    },
    Spec {
        hint: Some(Key::PhoneHint),
        autocomplete: "tel",
        ..spec(Field::Phone, Input::Phone)
    },
    Spec {
        hint: Some(Key::EmailHint),
        autocomplete: "email",
        ..spec(Field::Email, Input::Email)
    },
    spec(Field::RegistrationNumber, Input::Line),
    Spec {
        hint: Some(Key::DateHint),
        ..spec(Field::RegistrationDate, Input::Date)
    },
];

const REPRESENTATIVE: [Spec; 6] = [
    Spec {
        autocomplete: "name",
        ..spec(Field::RepresentativeName, Input::Line)
    },
    Spec {
        autocomplete: "organization-title",
        ..spec(Field::RepresentativeTitle, Input::Line)
    },
    Spec {
        list: Some("dl-genders"),
        ..spec(Field::RepresentativeGender, Input::Line)
    },
    Spec {
        list: Some("dl-ethnicities"),
        ..spec(Field::RepresentativeEthnicity, Input::Line)
    },
    Spec {
        list: Some("dl-disability"),
        ..spec(Field::RepresentativeDisability, Input::Line)
    },
    spec(Field::RepresentativeAddress, Input::Line),
];

const PRODUCT_BEFORE_TYPE: [Spec; 1] = [spec(Field::ProductName, Input::Line)];

const PRODUCT_AFTER_TYPE: [Spec; 4] = [
    Spec {
        hint: Some(Key::SpecificationHint),
        ..spec(Field::Specification, Input::Line)
    },
    Spec {
        hint: Some(Key::StandardHint),
        ..spec(Field::Standard, Input::Line)
    },
    Spec {
        hint: Some(Key::CertificatesHint),
        ..spec(Field::Certificates, Input::Area)
    },
    Spec {
        hint: Some(Key::IpHint),
        ..spec(Field::IntellectualProperty, Input::Area)
    },
];

/// What an upgrade or a re-evaluation adds, under the registration type (each shown only when
/// [`Field::applies`] to the chosen type).
const REGISTRATION_EXTRA: [Spec; 5] = [
    Spec {
        hint: Some(Key::RecognitionHint),
        ..spec(Field::Recognition, Input::Line)
    },
    Spec {
        hint: Some(Key::DateHint),
        ..spec(Field::RecognitionDate, Input::Date)
    },
    Spec {
        hint: Some(Key::ChangesHint),
        ..spec(Field::Changes, Input::Area)
    },
    Spec {
        hint: Some(Key::UpdatesHint),
        ..spec(Field::Updates, Input::Area)
    },
    Spec {
        hint: Some(Key::ExpiringPapersHint),
        ..spec(Field::ExpiringPapers, Input::Area)
    },
];

/// Mẫu 02 Part I, items 8 and 9.
const HISTORY: [Spec; 2] = [
    Spec {
        hint: Some(Key::HistoryHint),
        ..spec(Field::History, Input::Area)
    },
    Spec {
        hint: Some(Key::OrganisationHint),
        ..spec(Field::Organisation, Input::Area)
    },
];

/// Mẫu 02 Part II's four points (the figures of the fourth follow in [`FIGURES`]).
const PART_II: [Spec; 4] = [
    spec(Field::Materials, Input::Area),
    Spec {
        hint: Some(Key::QualityChangesHint),
        ..spec(Field::QualityChanges, Input::Area)
    },
    Spec {
        hint: Some(Key::MarketsHint),
        ..spec(Field::Markets, Input::Area)
    },
    Spec {
        hint: Some(Key::ResultsHint),
        ..spec(Field::Results, Input::Area)
    },
];

/// Revenue and profit of the two years before the year of filing, as the filing copy's table.
const FIGURES: [Spec; 4] = [
    spec(Field::RevenuePrev, Input::Figure),
    spec(Field::RevenueLast, Input::Figure),
    spec(Field::ProfitPrev, Input::Figure),
    spec(Field::ProfitLast, Input::Figure),
];

/// Mẫu 02 Part IV.
const PART_IV: [Spec; 1] = [Spec {
    hint: Some(Key::PlanHint),
    ..spec(Field::Plan, Input::Area)
}];

/// The fields the form shows for registration type `kind`, in the order it shows them. (The
/// "cần bổ sung" list walks the same fields, in the dossier's order.)
pub fn shown_fields(kind: RegistrationType) -> Vec<Field> {
    PRODUCER
        .iter()
        .chain(&REPRESENTATIVE)
        .chain(&PRODUCT_BEFORE_TYPE)
        .chain(&REGISTRATION_EXTRA)
        .chain(&PRODUCT_AFTER_TYPE)
        .chain(&HISTORY)
        .chain(&PART_II)
        .chain(&FIGURES)
        .chain(&PART_IV)
        .map(|s| s.field)
        .filter(|f| f.applies(kind))
        .collect()
}

fn datalist(id: &'static str, options: &[&'static str]) -> Html {
    html! {
        <datalist id={id}>
            { for options.iter().map(|o| html! { <option value={*o} /> }) }
        </datalist>
    }
}

#[derive(Properties, PartialEq)]
pub struct DetailsFormProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    /// "Bộ số 9 · I.4.a – …": the product's classification from the chosen set.
    #[prop_or_default]
    pub set_label: AttrValue,
    pub on_action: Callback<Action>,
    /// Today, for the check of the registration date.
    pub today: Date,
    /// The product set's sheet, once loaded (criterion 3.2 against the representative).
    #[prop_or_default]
    pub set: Option<Shared<ProductSet>>,
}

/// The producer's, the representative's and the product's details, as one form.
#[component]
pub fn DetailsForm(props: &DetailsFormProps) -> Html {
    let lang = props.lang;
    let draft = &props.draft;
    let today = props.today;
    // The field being edited, and whether its error was visible when the user entered it: a
    // new error shows when the user leaves the field; a shown error updates live while fixed.
    let editing = use_state(|| None::<(Field, bool)>);
    let mismatch = props
        .set
        .as_deref()
        .and_then(|set| check_representative(set, draft));

    let error_of = |f: Field| -> Option<Problem> {
        let e = check_field(f, f.value(draft), Some(today))?;
        match *editing {
            Some((ed, had)) if ed == f && !had => None,
            _ => Some(e),
        }
    };

    let field = |s: &Spec| -> Html {
        let f = s.field;
        let id = field_dom_id(f);
        let value = f.value(draft).to_string();
        let error = error_of(f);
        let hint_id = format!("{id}-hint");
        let err_id = format!("{id}-err");
        let from_title =
            f == Field::ProductName && !is_blank(&value) && value.trim() == draft.title.trim();
        let from_title_id = format!("{id}-from-title");
        // A draft named before the name carried over: its name in one tap.
        let use_title = (f == Field::ProductName
            && is_blank(&value)
            && !draft.title.trim().is_empty())
        .then(|| {
            let on_action = props.on_action.clone();
            let id = draft.id.clone();
            let title = draft.title.trim().to_string();
            Callback::from(move |_: MouseEvent| {
                on_action.emit(Action::Apply {
                    id: id.clone(),
                    command: Command::SetField(Field::ProductName, title.clone()),
                    now_ms: clock::now_ms(),
                })
            })
        });
        let ground_id = "rep-ground-warning";
        let ground = mismatch
            .as_ref()
            .filter(|m| m.fields.iter().any(|(g, _)| *g == f));
        let mut described = Vec::new();
        if s.hint.is_some() {
            described.push(hint_id.clone());
        }
        if from_title {
            described.push(from_title_id.clone());
        }
        if ground.is_some() {
            described.push(ground_id.to_string());
        }
        if error.is_some() {
            described.push(err_id.clone());
        }
        let described = (!described.is_empty()).then(|| described.join(" "));
        let oninput = {
            let on_action = props.on_action.clone();
            let id = draft.id.clone();
            Callback::from(move |e: InputEvent| {
                let v = dom::event_value(&e);
                on_action.emit(Action::Apply {
                    id: id.clone(),
                    command: Command::SetField(f, v),
                    now_ms: clock::now_ms(),
                });
            })
        };
        let onfocus = {
            let editing = editing.clone();
            let had = error.is_some();
            Callback::from(move |_: FocusEvent| editing.set(Some((f, had))))
        };
        let onblur = {
            let editing = editing.clone();
            let on_action = props.on_action.clone();
            let id = draft.id.clone();
            let date = (s.input == Input::Date)
                .then(|| day_month_year(f.value(draft)))
                .flatten();
            Callback::from(move |_: FocusEvent| {
                // A date written year first becomes day/month/year, as the forms write it.
                if let Some(v) = &date {
                    on_action.emit(Action::Apply {
                        id: id.clone(),
                        command: Command::SetField(f, v.clone()),
                        now_ms: clock::now_ms(),
                    });
                }
                editing.set(None)
            })
        };
        let invalid = error.as_ref().map(|_| "true");
        let max = MAX_FIELD_CHARS.to_string();
        let chars = value.chars().count();
        let count_id = format!("{id}-count");
        let counted = s.input == Input::Area && chars >= COUNT_FROM;
        let control = match s.input {
            Input::Area => {
                let described = match (&described, counted) {
                    (Some(d), true) => Some(format!("{d} {count_id}")),
                    (None, true) => Some(count_id.clone()),
                    (d, false) => d.clone(),
                };
                let rows = rows_for(&value).to_string();
                html! {
                    <textarea id={id.clone()} class="grow" {rows} value={value}
                        maxlength={max} aria-describedby={described} aria-invalid={invalid}
                        {oninput} {onfocus} {onblur} />
                }
            }
            kind => {
                let inputmode = match kind {
                    Input::Phone => Some("tel"),
                    Input::Email => Some("email"),
                    Input::Figure => Some("decimal"),
                    _ => None,
                };
                let plain = matches!(
                    kind,
                    Input::Phone | Input::Email | Input::Date | Input::Figure
                );
                html! {
                    <input type="text" id={id.clone()} value={value} maxlength={max}
                        autocomplete={s.autocomplete} inputmode={inputmode} list={s.list}
                        spellcheck={plain.then_some("false")}
                        autocapitalize={plain.then_some("none")}
                        aria-describedby={described} aria-invalid={invalid}
                        {oninput} {onfocus} {onblur} />
                }
            }
        };
        html! {
            <div class={classes!("field", error.is_some().then_some("has-error"))} key={id.clone()}>
                <label for={id.clone()}>{ detail_label(lang, f, today) }</label>
                if let Some(h) = s.hint {
                    <p class="hint" id={hint_id}><crate::ui::help::LinkedText text={t(lang, h)} /></p>
                }
                { control }
                if from_title {
                    <p class="hint" id={from_title_id}>{ t(lang, Key::ProductNameFromDraft) }</p>
                }
                if let Some(use_title) = use_title {
                    <button type="button" class="btn small" id="use-draft-name" onclick={use_title}>
                        { t(lang, Key::UseDraftName) }{ " “" }{ draft.title.trim().to_string() }{ "”" }</button>
                }
                if counted {
                    <p class="char-count" id={count_id}>{ i18n::chars_left(lang, MAX_FIELD_CHARS.saturating_sub(chars), MAX_FIELD_CHARS) }</p>
                }
                if let Some(e) = &error {
                    <p class="field-error" id={err_id}>{ i18n::problem_sentence(lang, e) }</p>
                }
            </div>
        }
    };

    let reg_type = {
        let current = draft.product.registration_type;
        let options = [
            (RegistrationType::FirstTime, "reg-first", Key::RegFirstTime),
            (RegistrationType::Upgrade, "reg-upgrade", Key::RegUpgrade),
            (
                RegistrationType::ReEvaluation,
                "reg-reevaluation",
                Key::RegReEvaluation,
            ),
        ];
        let items = options.into_iter().map(|(rt, id, key)| {
            let onchange = {
                let on_action = props.on_action.clone();
                let draft = draft.clone();
                Callback::from(move |_: Event| {
                    let mut q = draft.product.clone();
                    q.registration_type = rt;
                    on_action.emit(Action::Apply {
                        id: draft.id.clone(),
                        command: Command::SetProduct(q),
                        now_ms: clock::now_ms(),
                    });
                })
            };
            let chosen = rt == current;
            html! {
                <label class={classes!("opt", chosen.then_some("chosen"))} for={id}>
                    <input type="radio" name="reg-type" id={id} checked={chosen} {onchange} />
                    <span>{ t(lang, key) }</span>
                </label>
            }
        });
        // What this type adds (Điều 6 khoản 1 điểm b, c), right under the choice; text written
        // for another type stays in the draft (and is said to), never printed for this one.
        let why = match current {
            RegistrationType::FirstTime => None,
            RegistrationType::Upgrade => Some(Key::UpgradeWhy),
            RegistrationType::ReEvaluation => Some(Key::ReEvaluationWhy),
        };
        let kept = REGISTRATION_EXTRA
            .iter()
            .any(|s| !s.field.applies(current) && !is_blank(s.field.value(draft)));
        html! {
            <>
                <fieldset class="choice" id="f-product-registration-type">
                    <legend>{ t(lang, Key::RegistrationTypeLabel) }</legend>
                    { for items }
                </fieldset>
                if let Some(why) = why {
                    <div class="reg-extra" id="reg-extra" role="group" aria-labelledby="reg-extra-why">
                        <p class="note-32" id="reg-extra-why">{ t(lang, why) }</p>
                        { for REGISTRATION_EXTRA.iter().filter(|s| s.field.applies(current)).map(field) }
                    </div>
                }
                if kept {
                    <p class="hint" id="reg-extra-kept">{ t(lang, Key::RegExtraKept) }</p>
                }
            </>
        }
    };
    let figures = html! {
        <fieldset class="figures" aria-describedby="figures-hint">
            <legend>{ t(lang, Key::FiguresLegend) }</legend>
            <p class="hint" id="figures-hint">{ t(lang, Key::FiguresHint) }</p>
            <div class="figure-grid">{ for FIGURES.iter().map(field) }</div>
        </fieldset>
    };
    let to_questionnaire = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::Show(Screen::Questionnaire)))
    };

    html! {
            <form class="details-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| dom::prevent_default(&e))}>
                <fieldset class="group-box">
                    <legend>{ t(lang, Key::ProducerSection) }</legend>
                    { for PRODUCER.iter().map(field) }
                </fieldset>
                <fieldset class="group-box" aria-describedby="rep-note">
                    <legend>{ t(lang, Key::RepresentativeSection) }</legend>
                    <p class="note-32" id="rep-note">{ t(lang, Key::RepresentativeNote) }</p>
                    // Criterion 3.2's three fields, then what contradicts the answer, if anything.
                    { for REPRESENTATIVE[..5].iter().map(field) }
                    if let Some(m) = &mismatch {
                        <p class="crit-warning" id="rep-ground-warning">{ "⚠ " }{ i18n::ground_mismatch(lang, m) }</p>
                    }
                    { for REPRESENTATIVE[5..].iter().map(field) }
                </fieldset>
                <fieldset class="group-box">
                    <legend>{ t(lang, Key::ProductSection) }</legend>
                    { for PRODUCT_BEFORE_TYPE.iter().map(field) }
                    if !props.set_label.is_empty() {
                        <p class="classification"><span class="label">{ t(lang, Key::ClassificationLabel) }</span>
                            { props.set_label.clone() }</p>
                    }
                    { reg_type }
                    { for PRODUCT_AFTER_TYPE.iter().map(field) }
                </fieldset>
                <fieldset class="group-box" id="report-history">
                    <legend>{ t(lang, Key::HistorySection) }</legend>
                    { for HISTORY.iter().map(field) }
                </fieldset>
                <fieldset class="group-box" id="report-part-2" aria-describedby="part-2-intro">
                    <legend>{ t(lang, Key::Part2Section) }</legend>
                    <p class="hint" id="part-2-intro">{ t(lang, Key::Part2Intro) }</p>
                    { for PART_II.iter().map(field) }
                    { figures }
                </fieldset>
                <div class="part-3-pointer" id="report-part-3">
                    <p>{ t(lang, Key::Part3Pointer) }</p>
                    <button type="button" class="btn" onclick={to_questionnaire}>{ t(lang, Key::GoToQuestionnaire) }</button>
                </div>
                <fieldset class="group-box" id="report-part-4">
                    <legend>{ t(lang, Key::Part4Section) }</legend>
                    { for PART_IV.iter().map(field) }
                </fieldset>
                { datalist("dl-org-types", Field::OrganisationType.suggestions()) }
                { datalist("dl-genders", Field::RepresentativeGender.suggestions()) }
                { datalist("dl-ethnicities", Field::RepresentativeEthnicity.suggestions()) }
                { datalist("dl-disability", Field::RepresentativeDisability.suggestions()) }
            </form>
    }
}
