//! Understanding a criterion (issue 17): its plain-language help, the terms it uses with their
//! meaning, read-aloud, and the glossary screen. The help and glossary files are fetched when
//! the questionnaire (or the glossary) first shows, not with the first screen, and the service
//! worker keeps them for offline use; until they arrive (or if they cannot be read) the
//! questionnaire works as before and the buttons say the help is loading.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{self, t, Key, Lang};
use crate::platform::{self, fetch};
use crate::rubric::glossary::{Found, Glossary, Term};
use crate::rubric::help::Help;
use crate::rubric::ProductSet;

use super::read_aloud::ReadAloud;
use super::Shared;

/// The help file and the glossary, once loaded.
#[derive(Clone, Default)]
pub struct Understanding {
    pub help: Option<Rc<Help>>,
    pub glossary: Option<Rc<Glossary>>,
    /// A file could not be fetched or read (said once, in the panel).
    pub failed: bool,
    /// Opens the glossary (at a term).
    pub on_term: Callback<Option<String>>,
    /// Opens the glossary at a term used in a criterion (term id, criterion code): Back comes
    /// back to that criterion.
    pub on_term_from: Callback<(String, String)>,
    /// The questionnaire is complete on screen: the files may load now (see the provider).
    pub on_ready: Callback<()>,
    /// Someone asked for the help ("Giải thích"): load the files now.
    pub on_need: Callback<()>,
}

impl PartialEq for Understanding {
    fn eq(&self, other: &Self) -> bool {
        let same = |a: &Option<Rc<Help>>, b: &Option<Rc<Help>>| match (a, b) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        let same_g = |a: &Option<Rc<Glossary>>, b: &Option<Rc<Glossary>>| match (a, b) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same(&self.help, &other.help)
            && same_g(&self.glossary, &other.glossary)
            && self.failed == other.failed
            && self.on_term == other.on_term
            && self.on_term_from == other.on_term_from
            && self.on_ready == other.on_ready
            && self.on_need == other.on_need
    }
}

pub const HELP_URL: &str = "static/help/criteria.json";
pub const GLOSSARY_URL: &str = "static/help/glossary.json";

#[derive(Properties, PartialEq)]
pub struct ProviderProps {
    /// Start loading (the questionnaire or the glossary is on screen).
    pub active: bool,
    /// Opens the glossary (at a term). Keep it the same callback from render to render (every
    /// criterion reads the context; a new one would re-render them all on every answer).
    pub on_term: Callback<Option<String>>,
    /// Opens the glossary at a term used in a criterion (term id, criterion code).
    pub on_term_from: Callback<(String, String)>,
    /// The questionnaire is what is on screen: wait until it is complete and the browser is
    /// idle before loading (or until the help is asked for).
    #[prop_or_default]
    pub wait_for_questionnaire: bool,
    pub children: Html,
}

/// Loads the two files the first time `active` is true and gives them to its children. On the
/// questionnaire, not before it is complete and the browser idle (issue 16: reading them and
/// linking every criterion's terms was a 150–300 ms task at 4× CPU in the middle of the
/// questionnaire's first render), unless the help is asked for first.
#[component]
pub fn UnderstandingProvider(props: &ProviderProps) -> Html {
    let data = use_state(Understanding::default);
    let started = use_mut_ref(|| false);
    // 0: wait; 1: the questionnaire is complete (load when idle); 2: asked for (load now).
    let go = use_state(|| 0u8);
    let on_ready = {
        let go = go.clone();
        use_callback((), move |_: (), _| {
            if *go == 0 {
                go.set(1)
            }
        })
    };
    let on_need = {
        let go = go.clone();
        use_callback((), move |_: (), _| go.set(2))
    };
    {
        let data = data.clone();
        let started = started.clone();
        let wait = props.wait_for_questionnaire;
        use_effect_with((props.active, wait, *go), move |(active, wait, go)| {
            if *active && (!*wait || *go > 0) && !*started.borrow() {
                *started.borrow_mut() = true;
                let now = !*wait || *go == 2;
                let load = move || {
                    platform::spawn(async move {
                        let help = fetch::fetch_text(HELP_URL)
                            .await
                            .ok()
                            .and_then(|t| Help::from_json(&t).ok())
                            .map(Rc::new);
                        let glossary = fetch::fetch_text(GLOSSARY_URL)
                            .await
                            .ok()
                            .and_then(|t| Glossary::from_json_shipped(&t).ok())
                            .map(Rc::new);
                        let failed = help.is_none() || glossary.is_none();
                        data.set(Understanding {
                            help,
                            glossary,
                            failed,
                            ..Understanding::default()
                        });
                    })
                };
                if now {
                    load();
                } else {
                    platform::defer_idle(2000, load);
                }
            }
        });
    }
    html! {
        <ContextProvider<Understanding> context={Understanding { on_term: props.on_term.clone(), on_term_from: props.on_term_from.clone(), on_ready, on_need, ..(*data).clone() }}>
            { props.children.clone() }
        </ContextProvider<Understanding>>
    }
}

#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    pub lang: Lang,
    pub set: Shared<ProductSet>,
    pub code: AttrValue,
    /// Start with the help shown (tests, printing).
    #[prop_or_default]
    pub open: bool,
}

/// The row under a criterion's title: "Giải thích" (the help, folded) and "Đọc to".
#[component]
pub fn CriterionTools(props: &ToolsProps) -> Html {
    let lang = props.lang;
    let data = use_context::<Understanding>().unwrap_or_default();
    let open = use_state(|| props.open);
    let dom = format!("help-{}", props.code.replace('.', "-"));
    let Some(c) = props.set.criterion(&props.code) else {
        return html! {};
    };
    let help = data
        .help
        .as_ref()
        .and_then(|h| h.for_criterion(&props.set, &props.code));
    let reading = {
        let set = props.set.clone();
        let code = props.code.clone();
        let asks = help.as_ref().map(|h| h.asks.get(lang).to_string());
        Callback::from(move |_: ()| {
            set.criterion(&code)
                .map(|c| i18n::criterion_reading(lang, c, asks.as_deref()))
                .unwrap_or_default()
        })
    };
    let toggle = {
        let open = open.clone();
        let need = data.on_need.clone();
        let loaded = data.help.is_some();
        Callback::from(move |_: MouseEvent| {
            if !loaded {
                need.emit(());
            }
            open.set(!*open)
        })
    };
    let terms: Vec<&Term> = match &data.glossary {
        Some(g) => {
            let mut texts: Vec<&str> = vec![c.text.get(Lang::Vi)];
            texts.extend(c.levels.iter().map(|l| l.text.get(Lang::Vi)));
            let mut ids: Vec<&str> = Vec::new();
            for found in g.find_first_across(&texts).into_iter().flatten() {
                if !ids.contains(&found.id) {
                    ids.push(found.id);
                }
            }
            ids.into_iter().filter_map(|id| g.term(id)).collect()
        }
        None => Vec::new(),
    };
    html! {
        <div class="crit-tools">
            <div class="crit-tools-row">
                <button type="button" class="btn small help-btn" aria-expanded={if *open { "true" } else { "false" }}
                    aria-controls={dom.clone()} onclick={toggle}>
                    <span aria-hidden="true">{ "? " }</span>{ t(lang, Key::HelpButton) }
                </button>
                <ReadAloud lang={lang} label={AttrValue::from(i18n::criterion(lang, &props.code))} text={reading} />
            </div>
            if *open {
                <div class="help-panel" id={dom.clone()}>
                    if let Some(h) = &help {
                        <p class="help-asks">{ h.asks.get(lang) }</p>
                        if let Some(l) = &h.levels { <p class="help-levels">{ l.get(lang) }</p> }
                        if let Some(p) = &h.practice { <p class="help-practice"><strong>{ t(lang, Key::HelpTip) }</strong>{ " " }{ p.get(lang) }</p> }
                        if !h.papers.is_empty() {
                            <p class="help-papers-title">{ t(lang, Key::HelpPapers) }</p>
                            <ul class="help-papers">
                                { for h.papers.iter().map(|e| html! { <li>{ e.get(lang) }</li> }) }
                            </ul>
                        }
                    } else if data.failed {
                        <p class="hint">{ t(lang, Key::HelpUnavailable) }</p>
                    } else {
                        <p class="hint">{ t(lang, Key::HelpLoading) }</p>
                    }
                    if !terms.is_empty() {
                        <p class="help-terms-title">{ t(lang, Key::HelpTerms) }</p>
                        <dl class="help-terms">
                            { for terms.iter().map(|term| {
                                let on_term = data.on_term.clone();
                                let id = term.id.clone();
                                html! {
                                    <>
                                        <dt><button type="button" class="link term-link" onclick={Callback::from(move |_: MouseEvent| on_term.emit(Some(id.clone())))}>{ term.name(lang) }</button></dt>
                                        <dd>{ term.def.get(lang) }</dd>
                                    </>
                                }
                            }) }
                        </dl>
                    }
                    <p class="note estimate help-source">{ t(lang, Key::HelpIsExplanation) }</p>
                </div>
            }
        </div>
    }
}

/// `text` with the glossary's terms found in it (`found`, from [`Glossary::find_first_in`] or
/// [`Glossary::find_first_across`]) as links into the glossary (issue 17: terms "linked from
/// the words where they appear"). Links, not buttons: a level's text sits inside the radio's
/// `<label>`, which may hold a link (not another labelable control), and a tap on the link
/// opens the glossary without choosing the level. The address is the glossary's own, for a
/// long press or a new tab; a plain tap stays in the app.
pub fn linked(text: &str, found: &[Found<'_>], on_term: &Callback<String>) -> Html {
    if found.is_empty() {
        return html! { { text.to_string() } };
    }
    let mut parts: Vec<Html> = Vec::with_capacity(found.len() * 2 + 1);
    let mut at = 0;
    for f in found {
        let (Some(before), Some(word)) = (text.get(at..f.start), text.get(f.start..f.end)) else {
            continue;
        };
        if !before.is_empty() {
            parts.push(html! { { before.to_string() } });
        }
        let id = f.id.to_string();
        let onclick = {
            let on_term = on_term.clone();
            let id = id.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                e.stop_propagation();
                on_term.emit(id.clone());
            })
        };
        parts.push(html! {
            <a class="term-in" href={format!("?view=glossary#term-{id}")} {onclick}>{ word.to_string() }</a>
        });
        at = f.end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            parts.push(html! { { rest.to_string() } });
        }
    }
    html! { { for parts } }
}

#[derive(Properties, PartialEq)]
pub struct LinkedProps {
    pub text: AttrValue,
}

/// A guidance text (the dossier screen's hints) with its terms linked into the glossary once
/// the glossary is loaded; the plain text until then.
#[component]
pub fn LinkedText(props: &LinkedProps) -> Html {
    let data = use_context::<Understanding>().unwrap_or_default();
    let Some(g) = &data.glossary else {
        return html! { { props.text.clone() } };
    };
    let on_term = data.on_term.reform(Some);
    linked(&props.text, &g.find_first_in(&props.text), &on_term)
}

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    pub lang: Lang,
    /// The term to show first (from a criterion's help).
    #[prop_or_default]
    pub term: Option<String>,
}

/// The glossary screen: every term with its meaning, searchable without diacritics.
#[component]
pub fn GlossaryScreen(props: &GlossaryProps) -> Html {
    let lang = props.lang;
    let data = use_context::<Understanding>().unwrap_or_default();
    let query = use_state(String::new);
    {
        let term = props.term.clone();
        let loaded = data.glossary.is_some();
        use_effect_with((term, loaded), move |(term, loaded)| {
            if let (Some(id), true) = (term, loaded) {
                crate::platform::dom::scroll_to_and_focus(
                    &format!("term-{id}"),
                    crate::platform::dom::Focus::Itself,
                );
            }
        });
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(crate::platform::dom::event_value(&e)))
    };
    let Some(g) = &data.glossary else {
        return html! {
            <section class="glossary" aria-labelledby="glossary-title">
                <h2 id="glossary-title">{ t(lang, Key::GlossaryTitle) }</h2>
                <p class="hint">{ t(lang, if data.failed { Key::HelpUnavailable } else { Key::HelpLoading }) }</p>
            </section>
        };
    };
    let other = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let shown: Vec<&Term> = if query.trim().is_empty() {
        let mut all: Vec<&Term> = g.terms().iter().collect();
        all.sort_by_key(|t| crate::lang::fold_diacritics(t.name(lang)).to_lowercase());
        all
    } else {
        g.search(&query, lang)
    };
    html! {
        <section class="glossary" aria-labelledby="glossary-title">
            <h2 id="glossary-title">{ t(lang, Key::GlossaryTitle) }</h2>
            <p class="hint">{ t(lang, Key::GlossaryIntro) }</p>
            <label for="glossary-search">{ t(lang, Key::GlossarySearch) }</label>
            <input type="search" id="glossary-search" class="search" value={(*query).clone()} {oninput}
                autocomplete="off" />
            <p class="hint" role="status">{ i18n::term_count(lang, shown.len()) }</p>
            <dl class="glossary-list">
                { for shown.iter().map(|term| html! {
                    <div class="term" key={term.id.clone()}>
                        <dt id={format!("term-{}", term.id)} tabindex="-1">
                            // "ASC" / "ASC (Aquaculture Stewardship Council)": the longer alone.
                            if term.name(other).contains(term.name(lang)) {
                                { term.name(other) }
                            } else {
                                { term.name(lang) }
                                if !term.name(lang).contains(term.name(other)) {
                                    <span class="term-other" lang={other.tag()}>{ " (" }{ term.name(other) }{ ")" }</span>
                                }
                            }
                        </dt>
                        <dd>{ term.def.get(lang) }</dd>
                    </div>
                }) }
            </dl>
            <p class="note estimate">{ t(lang, Key::HelpIsExplanation) }</p>
        </section>
    }
}

/// What the questionnaire's symbols mean (issue 17 item 5), folded at the top of the
/// questionnaire, with the way into the glossary.
#[derive(Properties, PartialEq)]
pub struct SymbolsProps {
    pub lang: Lang,
}

#[component]
pub fn Symbols(props: &SymbolsProps) -> Html {
    let lang = props.lang;
    let data = use_context::<Understanding>().unwrap_or_default();
    let open_glossary = {
        let on_term = data.on_term.clone();
        Callback::from(move |_: MouseEvent| on_term.emit(None))
    };
    html! {
        <div class="symbols-row">
            <details class="symbols" id="symbols">
                <summary>{ t(lang, Key::SymbolsTitle) }</summary>
                <dl>
                    <dt class="estimate" aria-label="≈"></dt><dd>{ t(lang, Key::SymbolApprox) }</dd>
                    <dt>{ "★" }</dt><dd>{ t(lang, Key::SymbolStar) }</dd>
                    <dt>{ "***" }</dt><dd>{ t(lang, Key::SymbolMinimum) }</dd>
                    <dt>{ "≈ ★" }</dt><dd>{ t(lang, Key::SymbolEstimate) }</dd>
                    <dt>{ "✎" }</dt><dd>{ t(lang, Key::SymbolNote) }</dd>
                    <dt>{ "⚠" }</dt><dd>{ t(lang, Key::SymbolWarning) }</dd>
                </dl>
            </details>
            <button type="button" class="btn small" id="open-glossary" onclick={open_glossary}>{ t(lang, Key::GlossaryOpen) }</button>
        </div>
    }
}
