//! The questionnaire: knock-out questions first, then parts → sections → (groups) → criteria,
//! each criterion a fieldset of real radio inputs.

use yew::prelude::*;

use crate::assess::Assessment;
use crate::draft::{Command, Draft};
use crate::i18n::{self, t, Key, Lang};
use crate::platform;
use crate::rubric::{evidence, KnockOutEffect, KnockOutKind, ProductSet};

use super::state::Action;
use super::{criterion_dom_id, knock_out_dom_id, Shared};

#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    pub lang: Lang,
    pub set: Shared<ProductSet>,
    pub draft: Shared<Draft>,
    pub assessment: Shared<Assessment>,
    /// Shown under the title: the catalogue's name and number of the set.
    #[prop_or_default]
    pub set_label: AttrValue,
    pub on_action: Callback<Action>,
}

/// Element id of the first open question (knock-outs first, then criteria in printed order).
pub fn first_open(a: &Assessment) -> Option<String> {
    a.open_knock_outs
        .first()
        .map(|k| knock_out_dom_id(k))
        .or_else(|| a.unanswered.first().map(|c| criterion_dom_id(c)))
}

#[function_component(Questionnaire)]
pub fn questionnaire(props: &QuestionnaireProps) -> Html {
    let lang = props.lang;
    let set = &props.set;
    let draft = &props.draft;
    let a = &props.assessment;
    let id = AttrValue::from(draft.id.clone());

    let on_title = {
        let cb = props.on_action.clone();
        let id = draft.id.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(Action::Apply {
                id: id.clone(),
                command: Command::SetTitle(platform::event_value(&e)),
                now_ms: platform::now_ms(),
            })
        })
    };
    let open = first_open(a);
    let named = draft.display_name("") != "";
    let total_questions = a.criterion_count
        + set
            .knock_outs
            .iter()
            .filter(|k| k.kind == KnockOutKind::Question)
            .count();
    let answered_questions = total_questions - a.unanswered.len() - a.open_knock_outs.len();
    let progress = html! {
        <div class="progress">
            <p class="progress-text">{ i18n::progress(lang, answered_questions, total_questions) }</p>
            <div class="track" aria-hidden="true">
                <div class="fill" style={format!("width:{}%", answered_questions * 100 / total_questions.max(1))}></div>
            </div>
            <NextUnanswered lang={lang} target={open.clone().map(AttrValue::from)} />
        </div>
    };
    let questions = set
        .knock_outs
        .iter()
        .filter(|k| k.kind == KnockOutKind::Question)
        .collect::<Vec<_>>();

    html! {
        <div class="questionnaire">
            <div class="q-head">
                <p class="eyebrow">
                    if named { { t(lang, Key::ProductSetLabel) }{ ": " }{ set.name.get(lang) }{ " · " } }
                    { props.set_label.clone() }
                </p>
                <h1>{ draft.display_name(set.name.get(lang)) }</h1>
                <div class="field">
                    <label for="draft-title">{ t(lang, Key::DraftNameLabel) }</label>
                    <input id="draft-title" type="text" autocomplete="off" value={draft.title.clone()} oninput={on_title} />
                </div>
                { progress.clone() }
            </div>

            if !questions.is_empty() {
                <section class="part ko-part" aria-labelledby="ko-title">
                    <h2 id="ko-title">{ t(lang, Key::KnockOutTitle) }</h2>
                    <p class="lead">{ t(lang, Key::KnockOutIntro) }</p>
                    { for questions.iter().map(|k| {
                        let value = draft.responses.knock_outs.get(&k.id).copied();
                        html! {
                            <KnockOutQuestion key={k.id.clone()} lang={lang} set={set.clone()}
                                ko_id={AttrValue::from(k.id.clone())} value={value}
                                draft_id={id.clone()} on_action={props.on_action.clone()} />
                        }
                    }) }
                </section>
            }

            { for set.parts.iter().enumerate().map(|(pi, part)| html! {
                <section class="part" key={part.code.clone()} aria-labelledby={format!("part-{}", part.code)}>
                    <h2 id={format!("part-{}", part.code)}>
                        { i18n::part_heading(lang, &part.code) }{ " — " }{ part.name.get(lang) }
                        <span class="max">{ " (" }{ i18n::max_points(lang, part.max) }{ ")" }</span>
                    </h2>
                    { for part.sections.iter().enumerate().map(|(si, section)| {
                        let mut last_group: Option<&str> = None;
                        html! {
                            <section class="section" key={section.code.clone()} aria-labelledby={format!("sec-{}", section.code)}>
                                <h3 id={format!("sec-{}", section.code)}>
                                    { &section.code }{ ". " }{ section.name.get(lang) }
                                    <span class="max">{ " (" }{ i18n::max_points(lang, section.max) }{ ")" }</span>
                                </h3>
                                { for section.criteria.iter().enumerate().map(|(ci, c)| {
                                    let heading = match (&c.group, last_group) {
                                        (Some(g), last) if last != Some(g.as_str()) => {
                                            last_group = Some(g.as_str());
                                            section.groups.iter().find(|x| &x.code == g).map(|grp| html! {
                                                <h4 class="group-title">
                                                    { &grp.code }{ " " }{ grp.name.get(lang) }
                                                    <span class="max">{ " (" }{ i18n::max_points(lang, grp.max) }{ ")" }</span>
                                                </h4>
                                            })
                                        }
                                        _ => None,
                                    };
                                    let position = draft.responses.answers.get(&c.code).copied();
                                    let none = position.is_none() && draft.responses.none_of_levels.contains(&c.code);
                                    let note = draft.evidence.get(&c.code).cloned().unwrap_or_default();
                                    html! {
                                        <>
                                            { heading.unwrap_or_default() }
                                            <CriterionView key={c.code.clone()} lang={lang} set={set.clone()}
                                                at={(pi, si, ci)} position={position} none={none}
                                                note={AttrValue::from(note)} draft_id={id.clone()}
                                                on_action={props.on_action.clone()} />
                                        </>
                                    }
                                }) }
                            </section>
                        }
                    }) }
                </section>
            }) }

            <div class="q-foot">
                { progress }
                <p class="notice">{ t(lang, Key::Notice) }</p>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct NextUnansweredProps {
    pub lang: Lang,
    pub target: Option<AttrValue>,
    /// Called before jumping (e.g. to close the result sheet).
    #[prop_or_default]
    pub on_jump: Option<Callback<()>>,
}

#[function_component(NextUnanswered)]
pub fn next_unanswered(props: &NextUnansweredProps) -> Html {
    match &props.target {
        Some(target) => {
            let target = target.clone();
            let before = props.on_jump.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                if let Some(cb) = &before {
                    cb.emit(());
                }
                platform::scroll_to_and_focus(&target)
            });
            html! {
                <button type="button" class="btn next-open" {onclick}>{ t(props.lang, Key::NextUnanswered) }{ " ↓" }</button>
            }
        }
        None => html! { <p class="done">{ "✓ " }{ t(props.lang, Key::AllAnswered) }</p> },
    }
}

#[derive(Properties, PartialEq)]
pub struct KnockOutQuestionProps {
    pub lang: Lang,
    pub set: Shared<ProductSet>,
    pub ko_id: AttrValue,
    pub value: Option<bool>,
    pub draft_id: AttrValue,
    pub on_action: Callback<Action>,
}

#[function_component(KnockOutQuestion)]
pub fn knock_out_question(props: &KnockOutQuestionProps) -> Html {
    let lang = props.lang;
    let Some(k) = props.set.knock_out(&props.ko_id) else {
        return html! {};
    };
    let dom = knock_out_dom_id(&k.id);
    let choose = |applies: bool| {
        let cb = props.on_action.clone();
        let id = props.draft_id.to_string();
        let ko = k.id.clone();
        Callback::from(move |_: Event| {
            cb.emit(Action::Apply {
                id: id.clone(),
                command: Command::SetKnockOut {
                    id: ko.clone(),
                    applies: Some(applies),
                },
                now_ms: platform::now_ms(),
            })
        })
    };
    let effect = match k.effect {
        KnockOutEffect::Rejected => t(lang, Key::KnockOutRejected),
        KnockOutEffect::NotEvaluated => t(lang, Key::KnockOutNotEvaluated),
    };
    let related = k
        .criterion
        .as_ref()
        .map(|c| format!(" ({})", i18n::criterion(lang, c)))
        .unwrap_or_default();
    html! {
        <fieldset class={classes!("ko", (props.value == Some(true)).then_some("triggered"))} id={dom.clone()}>
            <legend>{ k.text.get(lang) }</legend>
            <p class="hint">{ effect }{ related }</p>
            <div class="yn">
                <label class="opt" for={format!("{dom}-yes")}>
                    <input type="radio" id={format!("{dom}-yes")} name={dom.clone()} value="yes"
                        checked={props.value == Some(true)} onchange={choose(true)} />
                    <span>{ t(lang, Key::Yes) }</span>
                </label>
                <label class="opt" for={format!("{dom}-no")}>
                    <input type="radio" id={format!("{dom}-no")} name={dom.clone()} value="no"
                        checked={props.value == Some(false)} onchange={choose(false)} />
                    <span>{ t(lang, Key::No) }</span>
                </label>
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct CriterionProps {
    pub lang: Lang,
    pub set: Shared<ProductSet>,
    /// (part, section, criterion) indices in the set.
    pub at: (usize, usize, usize),
    pub position: Option<u8>,
    pub none: bool,
    pub note: AttrValue,
    pub draft_id: AttrValue,
    pub on_action: Callback<Action>,
}

#[function_component(CriterionView)]
pub fn criterion_view(props: &CriterionProps) -> Html {
    let lang = props.lang;
    let (pi, si, ci) = props.at;
    let Some(c) = props
        .set
        .parts
        .get(pi)
        .and_then(|p| p.sections.get(si))
        .and_then(|s| s.criteria.get(ci))
    else {
        return html! {};
    };
    let dom = criterion_dom_id(&c.code);
    let emit = {
        let cb = props.on_action.clone();
        let id = props.draft_id.to_string();
        move |command: Command| {
            cb.emit(Action::Apply {
                id: id.clone(),
                command,
                now_ms: platform::now_ms(),
            })
        }
    };
    let level_input = |position: u8| -> Html {
        let Some(l) = c.level(position) else {
            return html! {};
        };
        let input_id = format!("{dom}-l{position}");
        let onchange = {
            let emit = emit.clone();
            let code = c.code.clone();
            Callback::from(move |_: Event| {
                emit(Command::SetAnswer {
                    code: code.clone(),
                    position: Some(position),
                })
            })
        };
        let checked = props.position == Some(position);
        html! {
            <label class={classes!("opt", "lvl", checked.then_some("chosen"))} for={input_id.clone()} key={input_id.clone()}>
                <input type="radio" id={input_id.clone()} name={dom.clone()} value={position.to_string()}
                    {checked} {onchange} />
                <span class="lvl-body">
                    <span class="lvl-text">{ l.text.get(lang) }</span>
                    <span class="lvl-meta">
                        <span class="lvl-no">{ i18n::level(lang, position) }</span>
                        <span class="pts">{ i18n::points(lang, l.points) }</span>
                        if let Some(s) = l.min_star {
                            <span class={classes!("need", format!("need-{s}"))}>{ i18n::needed_for(lang, s) }</span>
                        }
                    </span>
                </span>
            </label>
        }
    };
    let levels = if c.has_cases() {
        html! {
            { for c.cases.iter().enumerate().map(|(i, case)| {
                let n = u8::try_from(i + 1).unwrap_or(u8::MAX);
                let case_id = format!("{dom}-case{n}");
                html! {
                    <div class="case" role="group" aria-labelledby={case_id.clone()} key={case_id.clone()}>
                        <p class="case-title" id={case_id.clone()}>{ i18n::case_title(lang, i + 1, case.get(lang)) }</p>
                        { for c.positions_in_case(Some(n)).map(|(p, _)| level_input(p)) }
                    </div>
                }
            }) }
        }
    } else {
        html! { { for c.positions_in_case(None).map(|(p, _)| level_input(p)) } }
    };
    let none_id = format!("{dom}-none");
    let on_none = {
        let emit = emit.clone();
        let code = c.code.clone();
        Callback::from(move |_: Event| emit(Command::SetNoneOfLevels { code: code.clone() }))
    };
    let on_clear = {
        let emit = emit.clone();
        let code = c.code.clone();
        Callback::from(move |_: MouseEvent| {
            emit(Command::SetAnswer {
                code: code.clone(),
                position: None,
            })
        })
    };
    let on_note = {
        let emit = emit.clone();
        let code = c.code.clone();
        Callback::from(move |e: InputEvent| {
            emit(Command::SetEvidence {
                code: code.clone(),
                text: platform::event_value(&e),
            })
        })
    };
    let minimums = (3..=5u8)
        .filter_map(|s| {
            let req = c.required_points(s)?;
            let (pos, _) = c.positions_in_case(None).find(|(_, l)| l.points >= req)?;
            Some(i18n::minimum_entry(lang, s, pos))
        })
        .collect::<Vec<_>>();
    let suggested = evidence::for_criterion(&props.set, &c.code);
    let answered = props.position.is_some() || props.none;
    html! {
        <fieldset class={classes!("crit", answered.then_some("answered"))} id={dom.clone()}>
            <legend>
                <span class="code">{ &c.code }</span>{ " " }
                <span class="crit-text">{ c.text.get(lang) }</span>
                <span class="max">{ " (" }{ i18n::max_points(lang, c.max) }{ ")" }</span>
            </legend>
            { for c.notes.iter().map(|n| html! { <p class="note">{ n.get(lang) }</p> }) }
            if c.implicit_levels {
                <p class="note estimate">{ t(lang, Key::InferredLevels) }</p>
            }
            if !minimums.is_empty() {
                <p class="mins"><span>{ t(lang, Key::MinimumsLabel) }</span>{ " " }{ minimums.join(" · ") }</p>
            }
            <div class="levels">
                { levels }
                <label class={classes!("opt", "lvl", "none", props.none.then_some("chosen"))} for={none_id.clone()}>
                    <input type="radio" id={none_id.clone()} name={dom.clone()} value="none"
                        checked={props.none} onchange={on_none} />
                    <span class="lvl-body"><span class="lvl-text">{ t(lang, Key::NoneOfLevels) }</span></span>
                </label>
            </div>
            if answered {
                <button type="button" class="btn ghost small clear" onclick={on_clear}>{ t(lang, Key::ClearAnswer) }</button>
            }
            <details class="evidence" open={!props.note.is_empty()}>
                <summary>{ t(lang, Key::EvidenceSummary) }</summary>
                <p class="ev-title estimate">{ t(lang, Key::EvidenceSuggested) }</p>
                <ul class="ev-list">
                    { for suggested.iter().map(|e| html! {
                        <li key={e.id}>{ match lang { Lang::Vi => e.vi, Lang::En => e.en } }</li>
                    }) }
                </ul>
                <label for={format!("{dom}-note")}>{ t(lang, Key::EvidenceNote) }</label>
                <textarea id={format!("{dom}-note")} rows="2" value={props.note.clone()} oninput={on_note} />
            </details>
        </fieldset>
    }
}
