//! The details form: which fields Mẫu 01 and Mẫu 02 ask for, grouped as on the forms (the
//! `Spec` tables: input kind, hint, autocomplete, suggestions), and the input of one field. Every
//! change is applied at once through the reducer (`Command::SetField`). A field's problem
//! ([`check_field`]) shows when the user leaves the field, and updates live while a shown problem
//! is being fixed.
//!
//! Adding a detail field: the field itself is `draft::details`; here it gets its row in a table.

use yew::prelude::*;

use crate::date::Date;
use crate::draft::{
    check_field, Command, Draft, Field, Problem, RegistrationType, MAX_FIELD_CHARS,
};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::{clock, dom};

use crate::ui::state::Action;
use crate::ui::Shared;

/// The element id of a field's input: `producer.phone` → `f-producer-phone`.
pub fn field_dom_id(f: Field) -> String {
    format!("f-{}", f.key().replace(['.', '_'], "-"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Line,
    Area,
    Phone,
    Email,
    Date,
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
        let mut described = Vec::new();
        if s.hint.is_some() {
            described.push(hint_id.clone());
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
            Callback::from(move |_: FocusEvent| editing.set(None))
        };
        let invalid = error.as_ref().map(|_| "true");
        let max = MAX_FIELD_CHARS.to_string();
        let control = match s.input {
            Input::Area => html! {
                <textarea id={id.clone()} rows="3" value={value} maxlength={max}
                    aria-describedby={described} aria-invalid={invalid}
                    {oninput} {onfocus} {onblur} />
            },
            kind => {
                let inputmode = match kind {
                    Input::Phone => Some("tel"),
                    Input::Email => Some("email"),
                    _ => None,
                };
                let plain = matches!(kind, Input::Phone | Input::Email | Input::Date);
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
                <label for={id.clone()}>{ i18n::field_label(lang, f) }</label>
                if let Some(h) = s.hint {
                    <p class="hint" id={hint_id}>{ t(lang, h) }</p>
                }
                { control }
                if let Some(e) = &error {
                    <p class="field-error" id={err_id}>{ i18n::problem(lang, e) }</p>
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
        html! {
            <fieldset class="choice" id="f-product-registration-type">
                <legend>{ t(lang, Key::RegistrationTypeLabel) }</legend>
                { for items }
            </fieldset>
        }
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
                    { for REPRESENTATIVE.iter().map(field) }
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
                { datalist("dl-org-types", Field::OrganisationType.suggestions()) }
                { datalist("dl-genders", Field::RepresentativeGender.suggestions()) }
                { datalist("dl-ethnicities", Field::RepresentativeEthnicity.suggestions()) }
                { datalist("dl-disability", Field::RepresentativeDisability.suggestions()) }
            </form>
    }
}
