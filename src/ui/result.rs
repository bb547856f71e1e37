//! The live result: a compact bar fixed at the bottom of a phone screen (expandable into a
//! sheet), a side panel on wide screens. Everything shown comes from [`Assessment`]: the
//! estimate (or "not enough answered"), the parts, why not higher, and ONE ordered plan whose
//! steps jump to their criterion; the one-page summary opens from here and can be sent.

use yew::prelude::*;

use crate::assess::{Advice, Assessment, KnockOutFix};
use crate::draft::Draft;
use crate::i18n::{self, t, Key, Lang};
use crate::platform::dom::{self, Focus};
use crate::platform::web_share::{self, Outcome};
use crate::platform::{self, clock, dossier_lazy, files, page};
use crate::rubric::ProductSet;

use super::questionnaire::{first_open, next_unanswered};
use super::read_aloud::ReadAloud;
use super::{criterion_dom_id, knock_out_dom_id, Shared};

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
    /// The draft, for the one-page summary (its buttons show only with it).
    #[prop_or_default]
    pub draft: Option<Shared<Draft>>,
}

/// Where a plan step jumps: its criterion, or the knock-out question it changes.
fn step_target(x: &Advice) -> String {
    match x {
        Advice::RemoveKnockOut {
            id,
            fix: KnockOutFix::AnswerNo,
            ..
        } => knock_out_dom_id(id),
        _ => criterion_dom_id(i18n::advice_criterion(x)),
    }
}

/// What the summary buttons last did.
#[derive(Clone, Copy, PartialEq)]
enum SummaryStatus {
    Idle,
    Failed,
    Copied,
    CopyFailed,
}

fn star_glyphs(n: u8) -> String {
    (1..=5u8).map(|i| if i <= n { '★' } else { '☆' }).collect()
}

/// What happens after the result (Điều 6–7 in plain words, the next round counted from today),
/// folded so the sheet stays short.
fn next_steps(lang: Lang, set: &ProductSet, draft: &Draft, stars: Option<u8>) -> Html {
    let recognised =
        crate::date::parse_date(crate::draft::Field::RecognitionDate.value(draft)).ok();
    let steps = i18n::next_steps(
        lang,
        clock::today(),
        stars,
        draft.product.registration_type,
        recognised,
        set.is_tourism(),
    );
    html! {
        <details class="next-steps" id="next-steps">
            <summary>{ t(lang, Key::NextStepsTitle) }</summary>
            <ol class="next-steps-list">
                { for steps.into_iter().map(|s| html! {
                    <li><strong>{ s.title }</strong><p>{ s.body }</p></li>
                }) }
            </ol>
            <p class="hint">{ t(lang, Key::NextStepsSource) }</p>
        </details>
    }
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
        move |target: String| {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| {
                open.set(false);
                dom::scroll_to_and_focus(&target, Focus::FirstControl);
            })
        }
    };
    let explain_estimate = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(true);
            platform::defer(|| dom::scroll_to_and_focus("estimate-why", Focus::Itself));
        })
    };
    let status = use_state(|| SummaryStatus::Idle);
    let open_summary = props.draft.clone().map(|draft| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let draft = draft.clone();
            platform::spawn(async move {
                let ok = match dossier_lazy::summary(&draft, lang, clock::today()).await {
                    Ok(html) => files::open_html(&html),
                    Err(e) => {
                        files::warn(&e);
                        false
                    }
                };
                status.set(if ok {
                    SummaryStatus::Idle
                } else {
                    SummaryStatus::Failed
                });
            });
        })
    });
    let send_summary = props.draft.clone().map(|draft| {
        let status = status.clone();
        let text = i18n::summary_text(lang, set, &draft, a);
        let title = i18n::summary_product(&draft, lang);
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let (title, text) = (title.clone(), text.clone());
            platform::spawn(async move {
                match web_share::share(&title, &text, None).await {
                    Outcome::Shared | Outcome::Cancelled => status.set(SummaryStatus::Idle),
                    Outcome::Unavailable | Outcome::Failed => {
                        let copied = page::copy_text(&text, "summary-text").await;
                        status.set(if copied {
                            SummaryStatus::Copied
                        } else {
                            SummaryStatus::CopyFailed
                        });
                    }
                }
            });
        })
    });

    let plan_reading = {
        let (a, set) = (a.clone(), set.clone());
        Callback::from(move |_: ()| {
            let mut text = t(
                lang,
                if a.knocked_out {
                    Key::PlanKnockOutTitle
                } else {
                    Key::PlanTitle
                },
            )
            .to_string();
            for (i, x) in a.advice.iter().enumerate() {
                text.push_str(&format!(". {}: {}", i + 1, i18n::advice(lang, x, &set)));
            }
            if let Some(end) = &a.plan_end {
                text.push_str(&format!(". {}", i18n::plan_end(lang, end, a.knocked_out)));
            }
            text
        })
    };
    let estimate = a.estimate().filter(|_| !a.knocked_out);
    let stars_text = if a.knocked_out {
        t(lang, Key::DossierRejected).to_string()
    } else if let Some(s) = estimate {
        i18n::stars(lang, s)
    } else {
        i18n::not_ready_short(lang, a.answered, a.criterion_count)
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

    let bar = html! {
        <div class="bar">
            <p class="bar-total">
                <span class="num">{ a.total }</span><span class="of">{ "/" }{ a.max_total }</span>
            </p>
            <p class="bar-stars">
                if a.knocked_out {
                    <span class="rejected">{ t(lang, Key::DossierRejected) }</span>
                } else if let Some(s) = estimate {
                    <span class="glyphs" aria-hidden="true">{ star_glyphs(s) }</span>
                } else {
                    // Two lines at most: "Chưa đủ câu trả lời để ước tính · 5/31".
                    <span class="stars-text not-ready-bar">{ stars_text.clone() }</span>
                }
                // "Hồ sơ bị loại" stands alone (the review found "… ước tính" beside it odd).
                if (estimate.is_some() && !a.knocked_out) || !props.saved {
                    <span class="stars-line">
                        if estimate.is_some() && !a.knocked_out {
                            <span class="stars-text">{ stars_text.clone() }</span>{ " " }
                        }
                        if props.saved {
                            // The tag explains itself: a tap opens the result at what "ước
                            // tính" means (issue 17: every symbol explained where it appears).
                            <button type="button" class="tag tag-btn" aria-controls="estimate-why"
                                onclick={explain_estimate}>
                                { t(lang, Key::EstimateTag) }<span class="tag-q" aria-hidden="true">{ " ?" }</span>
                            </button>
                        } else {
                            <span class="unsaved">{ "⚠ " }{ t(lang, Key::NotSaved) }</span>
                        }
                    </span>
                }
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
                        } else if let Some(s) = estimate {
                            <span class="glyphs" aria-hidden="true">{ star_glyphs(s) }</span>
                            <strong>{ i18n::stars(lang, s) }</strong>
                        } else {
                            <strong class="not-ready">{ t(lang, Key::NotEnoughAnswered) }</strong>
                        }
                    </p>
                    if estimate.is_some() || a.knocked_out {
                        <p class="band">{ i18n::band(lang, a.band) }</p>
                    }
                    if estimate.is_some() { <p class="recognition">{ recognition }</p> }
                    if estimate.is_some() {
                        <p class="note estimate-why" id="estimate-why" tabindex="-1">{ t(lang, Key::SymbolEstimate) }</p>
                    }
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
                // While rejected, the alert above and the plan below say all there is to say.
                if !a.knocked_out && (a.stars < 5 || !a.unanswered.is_empty() || !a.ready) {
                    <section class="why" aria-labelledby="why-title">
                        <h3 id="why-title">{ t(lang, Key::WhyNotMore) }</h3>
                        <ul>
                            if !a.ready {
                                <li class="not-ready">{ i18n::not_ready(lang, a) }</li>
                            } else if let Some(n) = &a.next {
                                <li class="next-star">{ i18n::next_star(lang, n) }</li>
                            }
                            if a.ready {
                                if !a.open_knock_outs.is_empty() {
                                    <li>{ i18n::open_knock_outs(lang, a.open_knock_outs.len()) }</li>
                                }
                                if !a.unanswered.is_empty() {
                                    <li>{ i18n::unanswered(lang, a.unanswered.len()) }</li>
                                }
                            }
                        </ul>
                        { next_unanswered(lang, first_open(a), Some(close.clone())) }
                    </section>
                }
                if a.advice.is_empty() {
                    if a.stars >= 5 && a.ready && !a.knocked_out { <p class="best">{ t(lang, Key::TopStars) }</p> }
                } else {
                    <section class="plan" aria-labelledby="plan-title">
                        <h3 id="plan-title">{ t(lang, if a.knocked_out { Key::PlanKnockOutTitle } else { Key::PlanTitle }) }</h3>
                        <p class="hint">{ t(lang, if a.knocked_out { Key::PlanKnockOutNote } else { Key::PlanNote }) }</p>
                        <ReadAloud lang={lang} label={AttrValue::from(t(lang, Key::PlanTitle))} text={plan_reading} />
                        <ol class="plan-steps">
                            { for a.advice.iter().map(|x| {
                                let effort = x.effort().map(|e| html! {
                                    <span class={classes!("effort", format!("effort-{}", e.tag()))}>{ i18n::effort(lang, e) }</span>
                                });
                                html! {
                                    <li><button type="button" class="link step" data-target={step_target(x)} onclick={jump(step_target(x))}>
                                        <span class="step-text">{ i18n::advice(lang, x, set) }</span>
                                        { effort.unwrap_or_default() }
                                    </button></li>
                                }
                            }) }
                        </ol>
                        if let Some(end) = &a.plan_end {
                            <p class="plan-end" id="plan-end">{ i18n::plan_end(lang, end, a.knocked_out) }</p>
                        }
                    </section>
                }
                if let (Some(open_summary), Some(send_summary)) = (open_summary, send_summary) {
                    <div class="actions summary-actions">
                        <button type="button" class="btn" id="open-summary" onclick={open_summary}>{ t(lang, Key::SummaryOpen) }</button>
                        <button type="button" class="btn" id="send-summary" onclick={send_summary}>{ t(lang, Key::SummaryShare) }</button>
                    </div>
                    <p class="copy-status" id="summary-status" role="status">{
                        match *status {
                            SummaryStatus::Idle => "",
                            SummaryStatus::Failed => t(lang, Key::SummaryFailed),
                            SummaryStatus::Copied => t(lang, Key::SummaryCopied),
                            SummaryStatus::CopyFailed => t(lang, Key::CopyFailed),
                        }
                    }</p>
                }
                if let Some(draft) = &props.draft {
                    { next_steps(lang, set, draft, estimate.filter(|_| a.ready)) }
                }
                <p class="notice">{ t(lang, Key::Notice) }</p>
            </div>
            <p class="sr-only" role="status" aria-live="polite">{ summary }</p>
        </aside>
    }
}
