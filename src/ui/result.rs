//! The live result: a compact bar fixed at the bottom of a phone screen (expandable into a
//! sheet), a side panel on wide screens. Everything shown comes from [`Assessment`].

use yew::prelude::*;

use crate::assess::Assessment;
use crate::i18n::{self, t, Key, Lang};
use crate::platform::dom::{self, Focus};
use crate::rubric::ProductSet;

use super::questionnaire::{first_open, next_unanswered};
use super::{criterion_dom_id, Shared};

#[derive(Properties, PartialEq)]
pub struct ResultPanelProps {
    pub lang: Lang,
    pub set: Shared<ProductSet>,
    pub assessment: Shared<Assessment>,
    /// Whether the sheet is open (the app state's [`super::state::Sheet::Result`]).
    #[prop_or_default]
    pub expanded: bool,
    /// Asks to open (true) or close (false) the sheet.
    #[prop_or_default]
    pub on_expand: Callback<bool>,
    /// Whether changes reach local storage (a warning shows in the bar when not).
    #[prop_or(true)]
    pub saved: bool,
}

fn star_glyphs(n: u8) -> String {
    (1..=5u8).map(|i| if i <= n { '★' } else { '☆' }).collect()
}

#[component]
pub fn ResultPanel(props: &ResultPanelProps) -> Html {
    let lang = props.lang;
    let a = &props.assessment;
    let set = &props.set;
    let open = super::Controlled::new(props.expanded, props.on_expand.clone());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: ()| open.set(false))
    };
    let jump = {
        let open = open.clone();
        move |code: String| {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| {
                open.set(false);
                dom::scroll_to_and_focus(&criterion_dom_id(&code), Focus::FirstControl);
            })
        }
    };

    let stars_text = if a.knocked_out {
        t(lang, Key::DossierRejected).to_string()
    } else {
        i18n::stars(lang, a.stars)
    };
    let summary = format!(
        "{}: {}. {}: {}.",
        t(lang, Key::TotalLabel),
        i18n::total(lang, a.total, a.max_total),
        t(lang, Key::EstimatedStars),
        stars_text
    );
    let recognition = if a.stars >= 5 {
        t(lang, Key::Recognition5)
    } else if a.stars >= 3 {
        t(lang, Key::Recognition34)
    } else {
        t(lang, Key::Recognition12)
    };
    let cap = a.band.max(a.stars + 1).min(5);
    let unmet = a
        .unmet_minimums
        .iter()
        .filter(|u| u.stars <= cap)
        .collect::<Vec<_>>();

    let bar = html! {
        <div class="bar">
            <p class="bar-total">
                <span class="num">{ a.total }</span><span class="of">{ "/" }{ a.max_total }</span>
            </p>
            <p class="bar-stars">
                if a.knocked_out {
                    <span class="rejected">{ t(lang, Key::DossierRejected) }</span>
                } else {
                    <span class="glyphs" aria-hidden="true">{ star_glyphs(a.stars) }</span>
                }
                <span class="stars-line">
                    if !a.knocked_out { <span class="stars-text">{ i18n::stars(lang, a.stars) }</span>{ " " } }
                    if props.saved {
                        <span class="tag">{ t(lang, Key::EstimateTag) }</span>
                    } else {
                        <span class="unsaved">{ "⚠ " }{ t(lang, Key::NotSaved) }</span>
                    }
                </span>
            </p>
            <button type="button" class="btn toggle" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="result-detail" onclick={toggle}>
                <span class="lbl">{ if *open { t(lang, Key::HideDetails) } else { t(lang, Key::ShowDetails) } }</span>
                <span aria-hidden="true">{ if *open { " ▾" } else { " ▴" } }</span>
            </button>
        </div>
    };

    html! {
        <aside class={if *open { "result open" } else { "result" }} aria-labelledby="result-title">
            { bar }
            <div class="detail" id="result-detail">
                <h2 id="result-title">{ t(lang, Key::ResultTitle) }</h2>
                <div class="headline">
                    <p class="big-total"><span class="label">{ t(lang, Key::TotalLabel) }</span>
                        <strong>{ i18n::total(lang, a.total, a.max_total) }</strong></p>
                    <p class="big-stars"><span class="label">{ t(lang, Key::EstimatedStars) }</span>
                        if a.knocked_out {
                            <strong class="rejected">{ t(lang, Key::DossierRejected) }</strong>
                        } else {
                            <span class="glyphs" aria-hidden="true">{ star_glyphs(a.stars) }</span>
                            <strong>{ i18n::stars(lang, a.stars) }</strong>
                        }
                    </p>
                    <p class="band">{ i18n::band(lang, a.band) }</p>
                    if !a.knocked_out { <p class="recognition">{ recognition }</p> }
                </div>
                if a.knocked_out {
                    <div class="alert">
                        <ul>
                            { for a.knock_outs.iter().map(|k| {
                                let text = set.knock_out(&k.id).map(|x| x.text.get(lang).to_string()).unwrap_or_else(|| k.id.clone());
                                html! { <li>{ i18n::knock_out(lang, k.effect, &text) }</li> }
                            }) }
                        </ul>
                        <p>{ t(lang, Key::NoStarWhileRejected) }</p>
                    </div>
                }
                <ul class="parts">
                    { for a.parts.iter().map(|p| {
                        let name = set.parts.iter().find(|x| x.code == p.code).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
                        let pct = u32::from(p.points) * 100 / u32::from(p.max.max(1));
                        html! {
                            <li key={p.code.clone()}>
                                <span class="part-score">{ i18n::part_score(lang, &p.code, p.points, p.max) }</span>
                                <span class="part-name">{ name }</span>
                                <span class="track" aria-hidden="true"><span class="fill" style={format!("width:{pct}%")}></span></span>
                            </li>
                        }
                    }) }
                </ul>
                if a.stars < 5 || a.knocked_out || !a.unanswered.is_empty() {
                    <section class="why" aria-labelledby="why-title">
                        <h3 id="why-title">{ t(lang, Key::WhyNotMore) }</h3>
                        <ul>
                            if let Some(n) = &a.next {
                                <li class="next-star">{ i18n::next_star(lang, n) }</li>
                            }
                            { for unmet.iter().map(|u| html! {
                                <li><button type="button" class="link" onclick={jump(u.criterion.clone())}>
                                    { i18n::unmet_minimum(lang, u) }</button></li>
                            }) }
                            if !a.open_knock_outs.is_empty() {
                                <li>{ i18n::open_knock_outs(lang, a.open_knock_outs.len()) }</li>
                            }
                            if !a.unanswered.is_empty() {
                                <li>{ i18n::unanswered(lang, a.unanswered.len()) }</li>
                            }
                        </ul>
                        { next_unanswered(lang, first_open(a), Some(close.clone())) }
                    </section>
                }
                if a.advice.is_empty() {
                    if a.stars >= 5 && !a.knocked_out { <p class="best">{ t(lang, Key::TopStars) }</p> }
                } else {
                    <section class="advice" aria-labelledby="advice-title">
                        <h3 id="advice-title">{ t(lang, Key::AdviceTitle) }</h3>
                        <ol>
                            { for a.advice.iter().map(|x| html! {
                                <li><button type="button" class="link" onclick={jump(i18n::advice_criterion(x).to_string())}>
                                    { i18n::advice(lang, x, set) }</button></li>
                            }) }
                        </ol>
                    </section>
                }
                <p class="notice">{ t(lang, Key::Notice) }</p>
            </div>
            <p class="sr-only" role="status" aria-live="polite">{ summary }</p>
        </aside>
    }
}
