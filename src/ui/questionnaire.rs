//! The questionnaire: knock-out questions first, then parts → sections → (groups) → criteria,
//! each criterion a fieldset of real radio inputs, and under it its "mô tả, chứng minh" (the
//! text Mẫu 02 Part III prints under the criterion; `draft.evidence`). A level the decision may
//! have misprinted ([`Misprint`]) says so beside it, keeping the printed points.
//!
//! At the top, a collapsible index ("Mục lục") jumps to the knock-out questions, a part or a
//! section, each with its answered count; a jump to a section not rendered yet renders the rest
//! first. A section of one criterion whose title is the section's (criteria 7–11 and the like)
//! prints that title once, as the section heading. An answer to criterion 3.2 that contradicts
//! the representative's details ([`check_representative`]) is said on the criterion.

use yew::prelude::*;

use std::rc::Rc;

use crate::assess::Assessment;
use crate::draft::{attachments, check_representative, Attachment, Command, Draft};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::dom::{self, Focus};
use crate::platform::{self, clock};
use crate::rubric::{evidence, KnockOut, KnockOutEffect, KnockOutKind, Misprint, ProductSet};

use super::attachments::{AttachBlock, FileRoom};
use super::state::{Action, Target};
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
    /// Start with every criterion's evidence and note shown (tests, printing).
    #[prop_or_default]
    pub evidence_open: bool,
    /// Sections rendered in the first pass (the rest follow a few criteria per task); all by
    /// default.
    #[prop_or(usize::MAX)]
    pub initial_sections: usize,
    /// A criterion to bring into view once rendered (then [`Action::FocusDone`] is sent).
    #[prop_or_default]
    pub focus: Option<Target>,
}

/// Criteria added per task after the first pass. Measured at 4× CPU (issue 16, BENCHMARKS.md):
/// a criterion costs 10–15 ms to render and lay out, so three keep each task well under 50–100
/// ms; whole sections (up to 7 criteria, and 3 sections a step before) made tasks of 250–450 ms.
const CRITERIA_PER_STEP: usize = 3;

/// How many criteria are rendered (counted across sections, in printed order): it only grows
/// (a jump asks for all of them while the slices are still being added, and a slice added late
/// must not take them back).
#[derive(PartialEq)]
struct Shown(usize);

impl Reducible for Shown {
    type Action = usize;
    fn reduce(self: Rc<Self>, n: usize) -> Rc<Self> {
        if n > self.0 {
            Rc::new(Shown(n))
        } else {
            self
        }
    }
}

/// Element id of the index (its summary, where "back to the index" goes).
const TOC_SUMMARY_ID: &str = "toc-summary";

/// Element id of a section's heading.
pub fn section_dom_id(code: &str) -> String {
    format!("sec-{code}")
}

/// Element id of a part's heading.
pub fn part_dom_id(code: &str) -> String {
    format!("part-{code}")
}

/// "3/6": answered of the criteria, for the index.
fn answered_of(draft: &Draft, codes: impl Iterator<Item = String>) -> (usize, usize) {
    codes.fold((0, 0), |(a, n), code| {
        let done = draft.responses.answers.contains_key(&code)
            || draft.responses.none_of_levels.contains(&code);
        (a + usize::from(done), n + 1)
    })
}

/// Element id of the first open question (knock-outs first, then criteria in printed order).
pub fn first_open(a: &Assessment) -> Option<String> {
    a.open_knock_outs
        .first()
        .map(|k| knock_out_dom_id(k))
        .or_else(|| a.unanswered.first().map(|c| criterion_dom_id(c)))
}

#[component]
pub fn Questionnaire(props: &QuestionnaireProps) -> Html {
    // Render the criteria a few per task, so the top of a long sheet shows at once and input
    // is handled between the slices. Counted in criteria, across the sections and parts.
    let first_pass = {
        let set = &props.set;
        let initial = props.initial_sections;
        move || {
            let n: usize = set
                .parts
                .iter()
                .flat_map(|p| p.sections.iter())
                .take(initial)
                .map(|s| s.criteria.len())
                .sum();
            Shown(if initial == usize::MAX { usize::MAX } else { n })
        }
    };
    let shown_state = use_reducer(first_pass);
    // The draft's files, for the attach blocks' room check (see `FileRoom`).
    let room = (*use_memo((), |_| FileRoom::default())).clone();
    room.update(&props.draft.attachments);
    let shown = shown_state.0;
    let criteria: usize = props
        .set
        .parts
        .iter()
        .flat_map(|p| p.sections.iter())
        .map(|s| s.criteria.len())
        .sum();
    {
        let grow = shown_state.dispatcher();
        use_effect_with((shown, criteria), move |(n, criteria)| {
            if n < criteria {
                let next = n.saturating_add(CRITERIA_PER_STEP);
                platform::defer(move || grow.dispatch(next));
            }
        });
    }
    // A jump from the index: once every section is rendered, bring the heading into view and
    // focus it.
    let jump = use_state(|| None::<String>);
    {
        let jump = jump.clone();
        let complete = shown >= criteria;
        use_effect_with(((*jump).clone(), complete), move |(target, complete)| {
            if let (Some(id), true) = (target.clone(), *complete) {
                platform::defer(move || dom::scroll_to_and_focus(&id, Focus::Itself));
                jump.set(None);
            }
        });
    }
    let go_to = {
        let grow = shown_state.dispatcher();
        let jump = jump.clone();
        move |id: String| {
            let grow = grow.clone();
            let jump = jump.clone();
            Callback::from(move |_: MouseEvent| {
                grow.dispatch(usize::MAX);
                jump.set(Some(id.clone()));
            })
        }
    };
    // The criterion asked for (from the dossier screen): once every section is rendered (the
    // first sections' elements are made anew while later parts are added, which would lose the
    // focus and the opened description), scroll to its levels or its description.
    {
        let ready = props.focus.as_ref().map(|_| shown >= criteria);
        let target = props.focus.clone();
        let on_action = props.on_action.clone();
        use_effect_with((target, ready), move |(target, ready)| {
            if let (Some(t), Some(true)) = (target, ready) {
                let id = criterion_dom_id(&t.code);
                let id = if t.note { format!("{id}-ev") } else { id };
                platform::defer(move || dom::scroll_to_and_focus(&id, Focus::FirstControl));
                on_action.emit(Action::FocusDone);
            }
        });
    }
    // The help and glossary load once the questionnaire is complete (see `UnderstandingProvider`).
    let understanding = use_context::<super::help::Understanding>().unwrap_or_default();
    {
        let ready = understanding.on_ready.clone();
        use_effect_with(shown >= criteria, move |complete| {
            if *complete {
                ready.emit(());
            }
        });
    }
    // The questionnaire prerendered at build time (src/ui/prerender.rs): once this copy is
    // complete, it takes over what was done there and replaces it.
    {
        let set = props.set.clone();
        let draft = props.draft.clone();
        let lang = props.lang;
        let on_action = props.on_action.clone();
        use_effect_with(shown >= criteria, move |complete| {
            if *complete {
                super::prerender::take_over(set, draft, lang, on_action);
            }
        });
    }
    let lang = props.lang;
    let set = &props.set;
    // Global index (in criteria) of each section's first criterion, per part.
    let first_criterion: Vec<Vec<usize>> = set
        .parts
        .iter()
        .scan(0, |acc, p| {
            Some(
                p.sections
                    .iter()
                    .map(|s| {
                        let at = *acc;
                        *acc += s.criteria.len();
                        at
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let part_shown = |pi: usize| {
        first_criterion
            .get(pi)
            .and_then(|f| f.first())
            .is_some_and(|at| *at < shown)
    };
    let draft = &props.draft;
    let a = &props.assessment;
    let id = AttrValue::from(draft.id.clone());

    let on_title = {
        let cb = props.on_action.clone();
        let id = draft.id.clone();
        Callback::from(move |e: InputEvent| {
            cb.emit(Action::Apply {
                id: id.clone(),
                command: Command::SetTitle(dom::event_value(&e)),
                now_ms: clock::now_ms(),
            })
        })
    };
    let open = first_open(a);
    let named = !draft.display_name("").is_empty();
    // Criteria counted as the result, the dossier and the working copy count them; open
    // knock-out questions said apart.
    let progress = html! {
        <div class="progress">
            <p class="progress-text">{ i18n::progress(lang, a.answered, a.criterion_count) }
                if !a.open_knock_outs.is_empty() {
                    { " · " }{ i18n::open_knock_outs(lang, a.open_knock_outs.len()) }
                }
            </p>
            <div class="track" aria-hidden="true">
                <div class="fill" style={format!("width:{}%", a.answered * 100 / a.criterion_count.max(1))}></div>
            </div>
            { next_unanswered(lang, open.clone(), None) }
        </div>
    };
    let questions = set
        .knock_outs
        .iter()
        .filter(|k| k.kind == KnockOutKind::Question)
        .collect::<Vec<_>>();
    let mismatch = check_representative(set, draft);

    // The index: knock-out questions, then each part and its sections, with answered counts.
    let count = |(a, n): (usize, usize)| {
        html! {
            <span class={if a == n { "toc-count full" } else { "toc-count" }}>{ format!("{a}/{n}") }</span>
        }
    };
    let toc = html! {
        <details class="toc" id="toc">
            <summary id={TOC_SUMMARY_ID}>{ t(lang, Key::TocTitle) }</summary>
            <div class="toc-body">
                <p class="hint">{ t(lang, Key::TocHint) }</p>
                <ul class="toc-list">
                    if !questions.is_empty() {
                        <li><button type="button" class="toc-link" onclick={go_to("ko-title".to_string())}>
                            <span class="toc-name">{ t(lang, Key::KnockOutTitle) }</span>
                            { count((questions.iter().filter(|k| draft.responses.knock_outs.contains_key(&k.id)).count(), questions.len())) }
                        </button></li>
                    }
                    { for set.parts.iter().map(|part| {
                        let part_count = answered_of(draft, part.sections.iter().flat_map(|s| s.criteria.iter().map(|c| c.code.clone())));
                        html! {
                            <li key={part.code.clone()}>
                                <button type="button" class="toc-link toc-part" onclick={go_to(part_dom_id(&part.code))}>
                                    <span class="toc-name">{ i18n::part_heading(lang, &part.code) }{ " — " }{ part.name.get(lang) }</span>
                                    { count(part_count) }
                                </button>
                                <ul>
                                    { for part.sections.iter().map(|section| html! {
                                        <li key={section.code.clone()}>
                                            <button type="button" class="toc-link" onclick={go_to(section_dom_id(&section.code))}>
                                                <span class="toc-name">{ &section.code }{ ". " }{ section.name.get(lang) }</span>
                                                { count(answered_of(draft, section.criteria.iter().map(|c| c.code.clone()))) }
                                            </button>
                                        </li>
                                    }) }
                                </ul>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        </details>
    };

    html! {
        <div class="questionnaire" data-complete={if shown >= criteria { "true" } else { "false" }}>
            <div class="q-head">
                <p class="eyebrow">
                    if named { { t(lang, Key::ProductSetLabel) }{ ": " }{ set.name.get(lang) }{ " · " } }
                    { props.set_label.clone() }
                </p>
                <h1>{ draft.display_name(set.name.get(lang)) }</h1>
                <div class="field">
                    <label for="draft-title">{ t(lang, Key::DraftNameLabel) }</label>
                    <input id="draft-title" type="text" autocomplete="off" value={draft.title.clone()} oninput={on_title}
                        maxlength={crate::draft::MAX_FIELD_CHARS.to_string()} />
                </div>
                { progress.clone() }
                { toc }
                <super::help::Symbols lang={lang} />
            </div>

            if !questions.is_empty() {
                <section class="part ko-part" aria-labelledby="ko-title">
                    <h2 id="ko-title" tabindex="-1">{ t(lang, Key::KnockOutTitle) }</h2>
                    <p class="lead">{ t(lang, Key::KnockOutIntro) }</p>
                    { for questions.iter().map(|k| {
                        let value = draft.responses.knock_outs.get(&k.id).copied();
                        knock_out_question(lang, k, value, &draft.id, &props.on_action, &understanding)
                    }) }
                </section>
            }

            // Each growing list in a fragment of its own: yew splices a bare `{ for … }` into
            // the parent's children, where the unkeyed head and foot make the whole list
            // unkeyed, matched from the end; then adding a part replaced every part before it
            // (issue 16: the questionnaire was built three times over). Keyed and alone, a
            // slice only adds.
            <>{ for set.parts.iter().enumerate().filter(|(pi, _)| part_shown(*pi)).map(|(pi, part)| html! {
                <section class="part" key={part.code.clone()} aria-labelledby={part_dom_id(&part.code)}>
                    <h2 id={part_dom_id(&part.code)} tabindex="-1">
                        { i18n::part_heading(lang, &part.code) }{ " — " }{ part.name.get(lang) }
                        <span class="max">{ " (" }{ i18n::max_points(lang, part.max) }{ ")" }</span>
                    </h2>
                    <>{ for part.sections.iter().enumerate().filter(|(si, _)| first_criterion[pi][*si] < shown).map(|(si, section)| {
                        let answers = section.criteria.iter().map(|c| {
                            let position = draft.responses.answers.get(&c.code).copied();
                            CriterionAnswer {
                                position,
                                none: position.is_none() && draft.responses.none_of_levels.contains(&c.code),
                                note: draft.evidence.get(&c.code).map(|n| AttrValue::from(n.clone())).unwrap_or_default(),
                                warning: mismatch.as_ref().filter(|m| m.criterion == c.code)
                                    .map(|m| AttrValue::from(i18n::ground_mismatch(lang, m))),
                                files: files_of(draft, &c.code),
                                room: room.clone(),
                                draft_files: if draft.attachments.iter().any(|a| a.target == crate::draft::Target::Criterion(c.code.clone())) {
                                    (draft.attachments.len(), attachments::total_bytes(&draft.attachments))
                                } else {
                                    (0, 0)
                                },
                            }
                        }).collect::<Vec<_>>();
                        let open_note = props.focus.as_ref()
                            .filter(|t| t.note && section.criteria.iter().any(|c| c.code == t.code))
                            .map(|t| AttrValue::from(t.code.clone()));
                        html! {
                            <SectionView key={section.code.clone()} lang={lang} set={set.clone()} at={(pi, si)}
                                {answers} draft_id={id.clone()} on_action={props.on_action.clone()}
                                evidence_open={props.evidence_open} {open_note}
                                shown={shown - first_criterion[pi][si]} />
                        }
                    }) }</>
                </section>
            }) }</>

            <div class="q-foot">
                { progress }
                <p class="notice">{ t(lang, Key::Notice) }</p>
            </div>
        </div>
    }
}

/// The answer to one criterion, as a section needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct CriterionAnswer {
    pub position: Option<u8>,
    pub none: bool,
    pub note: AttrValue,
    /// The answer contradicts the details (criterion 3.2), in words.
    pub warning: Option<AttrValue>,
    /// The criterion's evidence files, in order.
    pub files: Rc<Vec<Attachment>>,
    /// The whole draft's file count and bytes, read when a file is picked.
    pub room: FileRoom,
    /// The same, shown under the criterion's files; (0, 0) when it has none (so that a file
    /// added elsewhere re-renders only the criteria that show the total).
    pub draft_files: (usize, u64),
}

/// A criterion's evidence files, in order.
fn files_of(draft: &Draft, code: &str) -> Rc<Vec<Attachment>> {
    let target = crate::draft::Target::Criterion(code.to_string());
    Rc::new(
        attachments::of(&draft.attachments, &target)
            .cloned()
            .collect(),
    )
}

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub lang: Lang,
    pub set: Shared<ProductSet>,
    /// (part, section) indices in the set.
    pub at: (usize, usize),
    /// One entry per criterion of the section, in order.
    pub answers: Vec<CriterionAnswer>,
    pub draft_id: AttrValue,
    pub on_action: Callback<Action>,
    #[prop_or_default]
    pub evidence_open: bool,
    /// The criterion whose description is to open (asked for from the dossier screen).
    #[prop_or_default]
    pub open_note: Option<AttrValue>,
    /// How many of its criteria are rendered yet (the rest follow in later slices).
    #[prop_or(usize::MAX)]
    pub shown: usize,
}

/// One numbered section; re-renders only when one of its answers changes.
#[component]
pub fn SectionView(props: &SectionProps) -> Html {
    let lang = props.lang;
    let (pi, si) = props.at;
    let Some(section) = props.set.parts.get(pi).and_then(|p| p.sections.get(si)) else {
        return html! {};
    };
    // One criterion titled as its section (7–11…): the heading carries the title.
    let titled_by_heading =
        matches!(section.criteria.as_slice(), [c] if c.text.get(lang) == section.name.get(lang));
    let mut last_group: Option<&str> = None;
    let mut items: Vec<Html> = Vec::with_capacity(section.criteria.len() + 2);
    for (ci, c) in section.criteria.iter().enumerate().take(props.shown) {
        if let Some(g) = c.group.as_deref() {
            if last_group != Some(g) {
                last_group = Some(g);
                if let Some(grp) = section.groups.iter().find(|x| x.code == g) {
                    items.push(html! {
                        <h4 class="group-title" key={format!("g{}", grp.code)}>
                            { &grp.code }{ " " }{ grp.name.get(lang) }
                            <span class="max">{ " (" }{ i18n::max_points(lang, grp.max) }{ ")" }</span>
                        </h4>
                    });
                }
            }
        }
        let a = props.answers.get(ci).cloned().unwrap_or(CriterionAnswer {
            position: None,
            none: false,
            note: AttrValue::default(),
            warning: None,
            files: Rc::default(),
            room: FileRoom::default(),
            draft_files: (0, 0),
        });
        items.push(html! {
            <CriterionView key={c.code.clone()} lang={lang} set={props.set.clone()}
                at={(pi, si, ci)} position={a.position} none={a.none}
                note={a.note} warning={a.warning} draft_id={props.draft_id.clone()}
                files={a.files} room={a.room} draft_files={a.draft_files}
                on_action={props.on_action.clone()} title_in_heading={titled_by_heading}
                evidence_open={props.evidence_open || props.open_note.as_deref() == Some(c.code.as_str())} />
        });
    }
    let to_toc =
        Callback::from(|_: MouseEvent| dom::scroll_to_and_focus(TOC_SUMMARY_ID, Focus::Itself));
    // Off screen, a section is not styled or laid out (`content-visibility: auto` in app.css,
    // issue 16); until it first is, it takes this estimate of its height at 360 px (then the
    // browser remembers the real one), so the page's length and the jumps stay about right.
    let levels: usize = section.criteria.iter().map(|c| c.levels.len() + 1).sum();
    let estimate = 140 + section.criteria.len() * 330 + levels * 90;
    html! {
        <section class="section" aria-labelledby={section_dom_id(&section.code)}
            style={format!("contain-intrinsic-size:auto {estimate}px")}>
            <h3 id={section_dom_id(&section.code)} tabindex="-1">
                { &section.code }{ ". " }{ section.name.get(lang) }
                <span class="max">{ " (" }{ i18n::max_points(lang, section.max) }{ ")" }</span>
            </h3>
            <>{ for items }</>
            <p class="to-toc"><button type="button" class="btn ghost small" onclick={to_toc}>{ "↑ " }{ t(lang, Key::BackToToc) }</button></p>
        </section>
    }
}

/// A button that jumps to the first open question (or a note that all are answered).
pub fn next_unanswered(lang: Lang, target: Option<String>, before: Option<Callback<()>>) -> Html {
    match target {
        Some(target) => {
            let onclick = Callback::from(move |_: MouseEvent| {
                if let Some(cb) = &before {
                    cb.emit(());
                }
                dom::scroll_to_and_focus(&target, Focus::FirstControl)
            });
            html! {
                <button type="button" class="btn next-open" {onclick}>{ t(lang, Key::NextUnanswered) }{ " ↓" }</button>
            }
        }
        None => html! { <p class="done">{ "✓ " }{ t(lang, Key::AllAnswered) }</p> },
    }
}

/// A knock-out question as a yes/no fieldset.
fn knock_out_question(
    lang: Lang,
    k: &KnockOut,
    value: Option<bool>,
    draft_id: &str,
    on_action: &Callback<Action>,
    understanding: &super::help::Understanding,
) -> Html {
    let dom = knock_out_dom_id(&k.id);
    let text = k.text.get(lang);
    let question = match &understanding.glossary {
        Some(g) => super::help::linked(
            text,
            &g.find_first_in(text),
            &understanding.on_term.reform(Some),
        ),
        None => html! { text },
    };
    let choose = |applies: bool| {
        let cb = on_action.clone();
        let id = draft_id.to_string();
        let ko = k.id.clone();
        Callback::from(move |_: Event| {
            cb.emit(Action::Apply {
                id: id.clone(),
                command: Command::SetKnockOut {
                    id: ko.clone(),
                    applies: Some(applies),
                },
                now_ms: clock::now_ms(),
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
        <fieldset class={if value == Some(true) { "ko triggered" } else { "ko" }} id={dom.clone()} key={dom.clone()}>
            <legend>{ question }</legend>
            <p class="hint">{ effect }{ related }</p>
            <div class="yn">
                <label class="opt" for={format!("{dom}-yes")}>
                    <input type="radio" id={format!("{dom}-yes")} name={dom.clone()} value="yes"
                        checked={value == Some(true)} onchange={choose(true)} />
                    <span>{ t(lang, Key::Yes) }</span>
                </label>
                <label class="opt" for={format!("{dom}-no")}>
                    <input type="radio" id={format!("{dom}-no")} name={dom.clone()} value="no"
                        checked={value == Some(false)} onchange={choose(false)} />
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
    /// The answer contradicts the details (criterion 3.2), in words.
    #[prop_or_default]
    pub warning: Option<AttrValue>,
    /// The criterion's evidence files, in order.
    #[prop_or_default]
    pub files: Rc<Vec<Attachment>>,
    /// The whole draft's file count and bytes, read when a file is picked.
    #[prop_or_default]
    pub room: FileRoom,
    /// The same, shown under the criterion's files ((0, 0) when it has none).
    #[prop_or_default]
    pub draft_files: (usize, u64),
    pub draft_id: AttrValue,
    pub on_action: Callback<Action>,
    /// Start with the evidence and note shown.
    #[prop_or_default]
    pub evidence_open: bool,
    /// The section heading already prints the title (a section of this one criterion): the
    /// legend stays for screen readers only.
    #[prop_or_default]
    pub title_in_heading: bool,
}

#[component]
pub fn CriterionView(props: &CriterionProps) -> Html {
    let ev_open = use_state(|| props.evidence_open || !props.note.is_empty());
    // Opened from outside (the dossier screen's list) after this criterion was shown.
    {
        let ev_open = ev_open.clone();
        use_effect_with(props.evidence_open, move |open| {
            if *open && !*ev_open {
                ev_open.set(true);
            }
        });
    }
    // The glossary (for the terms' links), read before any early return: hooks in a fixed order.
    let understanding = use_context::<super::help::Understanding>().unwrap_or_default();
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
                now_ms: clock::now_ms(),
            })
        }
    };
    let misprint = Misprint::find(&props.set.id, &c.code);
    // The glossary's terms in the title, the requirement and the notes, each linked where it is
    // first used (issue 17); plain text until the glossary has loaded.
    let (title, requirement) = split_requirement(c.text.get(lang));
    let found: Vec<Vec<crate::rubric::glossary::Found<'_>>> = match &understanding.glossary {
        Some(g) => {
            // A title only screen readers read is not linked, so its terms are linked in the
            // levels instead.
            let shown_title = if props.title_in_heading { "" } else { title };
            let mut texts: Vec<&str> = vec![shown_title, requirement.unwrap_or("")];
            texts.extend(c.notes.iter().map(|n| n.get(lang)));
            g.find_first_across(&texts)
        }
        None => Vec::new(),
    };
    let on_term = {
        let cb = understanding.on_term_from.clone();
        let code = c.code.clone();
        Callback::from(move |term: String| cb.emit((term, code.clone())))
    };
    let words = |i: usize, text: &str| -> Html {
        match found.get(i) {
            Some(f) => super::help::linked(text, f, &on_term),
            None => html! { { text.to_string() } },
        }
    };
    let level_input = |position: u8| -> Html {
        let Some(l) = c.level(position) else {
            return html! {};
        };
        let input_id = format!("{dom}-l{position}");
        let doubt = misprint.filter(|m| m.position == position);
        let doubt_id = format!("{input_id}-misprint");
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
            <>
            <label class={if checked { "opt lvl chosen" } else { "opt lvl" }} for={input_id.clone()}>
                <input type="radio" id={input_id.clone()} name={dom.clone()} value={position.to_string()}
                    aria-describedby={doubt.map(|_| doubt_id.clone())}
                    {checked} {onchange} />
                <span class="lvl-body">
                    // A level's words stay plain: the whole label is the answer's tap target,
                    // and a link inside it took taps meant for the answer (found by the e2e
                    // taps, as a producer's thumb would). Its terms are linked in the title,
                    // the notes and the "Giải thích" panel's list.
                    <span class="lvl-text">{ l.text.get(lang) }</span>
                    <span class="lvl-meta">
                        { i18n::level(lang, position) }<b>{ i18n::points(lang, l.points) }</b>
                        if let Some(s) = l.min_star {
                            <span class={format!("need need-{s}")}>{ i18n::needed_for(lang, s) }</span>
                        }
                    </span>
                </span>
            </label>
            if let Some(m) = doubt {
                <p class="note misprint" id={doubt_id.clone()}>{ m.note(lang) }</p>
            }
            </>
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
                text: dom::event_value(&e),
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
    let toggle_ev = {
        let ev_open = ev_open.clone();
        Callback::from(move |_: MouseEvent| ev_open.set(!*ev_open))
    };
    let answered = props.position.is_some() || props.none;
    // Off screen, a criterion is not laid out either (`content-visibility: auto`, app.css): a
    // section can be several screens tall (5,000 px), and the first screen laid it out whole.
    // Until it first is, it takes this estimate of its height at 360 px.
    let estimate = 330 + (c.levels.len() + 1) * 90;
    html! {
        <fieldset class={if answered { "crit answered" } else { "crit" }} id={dom.clone()}
            style={format!("contain-intrinsic-size:auto {estimate}px")}
            aria-describedby={props.warning.as_ref().map(|_| format!("{dom}-warning"))}>
            <legend class={props.title_in_heading.then_some("sr-only")}>
                <span class="code">{ &c.code }</span>{ " " }
                // A legend read only by screen readers gets no links (they would take the
                // focus out of sight).
                <span class="crit-text">{ if props.title_in_heading { html! { title } } else { words(0, title) } }</span>
                <span class="max">{ " (" }{ i18n::max_points(lang, c.max) }{ ")" }</span>
                if let Some(r) = requirement {
                    <span class="crit-req">{ words(1, r) }</span>
                }
            </legend>
            <super::help::CriterionTools lang={lang} set={props.set.clone()} code={AttrValue::from(c.code.clone())} />
            if let Some(w) = &props.warning {
                <p class="crit-warning" id={format!("{dom}-warning")}>{ "⚠ " }{ w.clone() }</p>
            }
            { for c.notes.iter().enumerate().map(|(i, n)| html! { <p class="note">{ words(2 + i, n.get(lang)) }</p> }) }
            if c.implicit_levels {
                <p class="note estimate">{ t(lang, Key::InferredLevels) }</p>
            }
            if !minimums.is_empty() {
                <p class="mins"><span>{ t(lang, Key::MinimumsLabel) }</span>{ " " }{ minimums.join(" · ") }</p>
            }
            <div class="levels">
                { levels }
                <label class={if props.none { "opt lvl none chosen" } else { "opt lvl none" }} for={none_id.clone()}>
                    <input type="radio" id={none_id.clone()} name={dom.clone()} value="none"
                        checked={props.none} onchange={on_none} />
                    <span class="lvl-body">{ t(lang, Key::NoneOfLevels) }</span>
                </label>
            </div>
            if answered {
                <button type="button" class="btn ghost small clear" onclick={on_clear}>{ t(lang, Key::ClearAnswer) }</button>
            }
            <div class="evidence">
                <button type="button" class="ev-btn" aria-expanded={if *ev_open { "true" } else { "false" }}
                    aria-controls={format!("{dom}-ev")} onclick={toggle_ev}>
                    { t(lang, Key::EvidenceSummary) }
                    if !props.note.is_empty() && !*ev_open {
                        // ✎ says what it means beside it ("✎ đã ghi").
                        <span class="has-note">{ " ✎ " }{ t(lang, Key::HasNote) }</span>
                    }
                </button>
                if *ev_open {
                    <div id={format!("{dom}-ev")}>
                        <p class="ev-title estimate">{ t(lang, Key::EvidenceSuggested) }</p>
                        <ul class="ev-list">
                            { for evidence::for_criterion(&props.set, &c.code).iter().map(|e| html! {
                                <li key={e.id}>{ match lang { Lang::Vi => e.vi, Lang::En => e.en } }</li>
                            }) }
                        </ul>
                        <label for={format!("{dom}-note")}>{ t(lang, Key::EvidenceNote) }{ " — " }{ i18n::criterion(lang, &c.code) }</label>
                        <p class="hint" id={format!("{dom}-note-hint")}>{ t(lang, Key::EvidenceNoteHint) }</p>
                        <textarea id={format!("{dom}-note")} class="grow" rows={super::details::form::rows_for(&props.note).to_string()}
                            value={props.note.clone()} oninput={on_note} aria-describedby={format!("{dom}-note-hint")}
                            maxlength={crate::draft::MAX_FIELD_CHARS.to_string()} />
                    </div>
                }
                <AttachBlock lang={lang} draft_id={props.draft_id.clone()}
                    target={crate::draft::Target::Criterion(c.code.clone())} files={props.files.clone()}
                    draft_files={props.draft_files} room={props.room.clone()} caption={first_paper(&props.set, &c.code)}
                    dom={AttrValue::from(format!("{dom}-attach"))} on_action={props.on_action.clone()} />
            </div>
        </fieldset>
    }
}

/// The caption a new file of criterion `code` gets: the first paper the evidence table suggests,
/// in Vietnamese whatever the interface's language (the caption is printed in the filing copy's
/// annex, which is Vietnamese).
fn first_paper(set: &ProductSet, code: &str) -> AttrValue {
    evidence::for_criterion(set, code)
        .first()
        .map(|e| AttrValue::from(e.vi))
        .unwrap_or_default()
}

/// A criterion's text split where the decision runs its requirement on after the title
/// ("Trí tuệ/bản sắc địa phương Yêu cầu: Nội dung …", 5.3): the title, and the requirement
/// from "Yêu cầu:" on, shown on its own line.
pub fn split_requirement(text: &str) -> (&str, Option<&str>) {
    ["Yêu cầu:", "Requirement:"]
        .iter()
        .find_map(|mark| text.find(mark).filter(|at| *at > 0))
        .map_or((text, None), |at| {
            (text[..at].trim_end(), Some(&text[at..]))
        })
}

#[cfg(test)]
mod tests {
    use super::split_requirement;

    #[test]
    fn a_requirement_run_on_after_the_title_is_split_off() {
        assert_eq!(
            split_requirement("Trí tuệ/bản sắc địa phương Yêu cầu: Nội dung câu chuyện."),
            (
                "Trí tuệ/bản sắc địa phương",
                Some("Yêu cầu: Nội dung câu chuyện.")
            )
        );
        assert_eq!(
            split_requirement("Nguồn nguyên liệu"),
            ("Nguồn nguyên liệu", None)
        );
        assert_eq!(split_requirement("Yêu cầu: x"), ("Yêu cầu: x", None));
    }
}
