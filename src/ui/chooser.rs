//! Choosing the product set: search (with or without diacritics) or browse 6 categories →
//! groups → 26 sets, each with example products.

use yew::prelude::*;

use crate::i18n::{self, t, Key, Lang};
use crate::platform::dom;
use crate::rubric::search::Lexicon;
use crate::rubric::{Catalogue, SetEntry};

use super::Shared;

#[derive(Properties, PartialEq)]
pub struct SetChooserProps {
    pub lang: Lang,
    pub catalogue: Shared<Catalogue>,
    /// Emits the chosen set id.
    pub on_choose: Callback<String>,
    /// Initial search text (for tests and deep links).
    #[prop_or_default]
    pub query: AttrValue,
    /// Show every category opened (tests).
    #[prop_or_default]
    pub expanded: bool,
}

#[component]
pub fn SetChooser(props: &SetChooserProps) -> Html {
    let lang = props.lang;
    let query = use_state(|| props.query.to_string());
    let open = use_state(Vec::<String>::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(dom::event_value(&e)))
    };
    let clear = {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| query.set(String::new()))
    };
    let onsubmit = Callback::from(|e: SubmitEvent| dom::prevent_default(&e));
    let q = query.trim();
    let results = if q.is_empty() {
        html! {}
    } else {
        // One card per set the search finds, with what decides between two sets where the
        // product can fall in both (rubric::search's note).
        let hits: Vec<(&SetEntry, Option<&str>)> = Lexicon::shared()
            .find(q)
            .iter()
            .filter_map(|h| {
                let note = h
                    .name
                    .note
                    .as_ref()
                    .map(|(vi, en)| lang.pick(vi, en).as_str());
                props.catalogue.set(h.set).map(|s| (s, note))
            })
            .collect();
        html! {
            <section class="results" aria-labelledby="results-count">
                <p id="results-count" class="count" role="status">{ i18n::search_count(lang, hits.len()) }</p>
                if hits.is_empty() {
                    <p class="muted">{ t(lang, Key::NoResults) }</p>
                } else {
                    <ul class="sets">
                        { for hits.into_iter().map(|(s, note)| set_card(lang, s, note, &props.on_choose)) }
                    </ul>
                }
            </section>
        }
    };
    html! {
        <div class="chooser">
            <h1>{ t(lang, Key::ChooseTitle) }</h1>
            <p class="lead">{ t(lang, Key::ChooseIntro) }</p>
            <form class="search" role="search" {onsubmit}>
                <label for="set-search">{ t(lang, Key::SearchLabel) }</label>
                <div class="search-row">
                    <input id="set-search" type="search" autocomplete="off" spellcheck="false"
                        value={(*query).clone()} {oninput}
                        aria-describedby="set-search-hint" />
                    if !q.is_empty() {
                        <button type="button" class="btn ghost" onclick={clear}>{ t(lang, Key::ClearSearch) }</button>
                    }
                </div>
                <p id="set-search-hint" class="hint">{ t(lang, Key::SearchHint) }</p>
            </form>
            { results }
            <section class="browse" aria-labelledby="browse-title">
                <h2 id="browse-title">{ t(lang, Key::BrowseTitle) }</h2>
                { for props.catalogue.categories.iter().map(|cat| {
                    // A disclosure button; the sets are only rendered once opened (small first DOM).
                    let is_open = props.expanded || open.contains(&cat.code);
                    let toggle = {
                        let open = open.clone();
                        let code = cat.code.clone();
                        Callback::from(move |_: MouseEvent| {
                            let mut v = (*open).clone();
                            if let Some(i) = v.iter().position(|c| *c == code) {
                                v.remove(i);
                            } else {
                                v.push(code.clone());
                            }
                            open.set(v);
                        })
                    };
                    let panel = format!("cat-{}", cat.code);
                    html! {
                        <div class="category" key={cat.code.clone()}>
                            <h3 class="cat-head">
                                <button type="button" class="cat-btn" aria-expanded={if is_open { "true" } else { "false" }}
                                    aria-controls={panel.clone()} onclick={toggle}>
                                    <span class="cat-code">{ &cat.code }</span>{ " " }{ cat.name.get(lang) }
                                </button>
                            </h3>
                            if is_open {
                                <div id={panel}>
                                    { for cat.groups.iter().map(|g| html! {
                                        <section class="group" key={g.code.clone()}>
                                            <h4>{ g.name.get(lang) }</h4>
                                            <ul class="sets">
                                                { for g.sets.iter().map(|s| set_card(lang, s, None, &props.on_choose)) }
                                            </ul>
                                        </section>
                                    }) }
                                </div>
                            }
                        </div>
                    }
                }) }
            </section>
        </div>
    }
}

/// One product set as a large button: name, number and classification, example products, and
/// (for a search result) what decides between this set and another.
fn set_card(lang: Lang, s: &SetEntry, note: Option<&str>, on_choose: &Callback<String>) -> Html {
    let onclick = {
        let id = s.id.clone();
        let cb = on_choose.clone();
        Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
    };
    let examples = s
        .examples
        .iter()
        .map(|e| e.get(lang))
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <li class="set" data-set={s.id.clone()} key={s.id.clone()}>
            <button type="button" class="set-btn" {onclick}>
                <span class="set-name">{ s.name.get(lang) }</span>
                <span class="set-no">{ i18n::set_number(lang, s.no, &s.classification) }</span>
                if !examples.is_empty() {
                    <span class="examples">{ t(lang, Key::Examples) }{ " " }{ examples }</span>
                }
                if let Some(note) = note {
                    <span class="set-note">{ note }</span>
                }
            </button>
        </li>
    }
}
