//! Demonstration mode for extension workers, the views: the way in ([`DemoEntry`], also in the
//! start module), the banner shown on every screen while it is on, and the list of examples. What
//! the mode does to the state is [`super::state::demo`].

use yew::prelude::*;

use crate::draft::Draft;
use crate::i18n::{self, t, Key, Lang};
use crate::rubric::Catalogue;

use super::state::Action;
use super::Shared;

#[derive(Properties, PartialEq)]
pub struct DemoEntryProps {
    pub lang: Lang,
    /// The user asked for the examples.
    pub on_open: Callback<()>,
}

/// The way in (drafts and product-choice screens): `#open-demo`.
#[component]
pub fn DemoEntry(props: &DemoEntryProps) -> Html {
    let lang = props.lang;
    let open = props.on_open.reform(|_: MouseEvent| ());
    html! {
        <section class="demo-entry" aria-labelledby="demo-entry-title">
            <h2 id="demo-entry-title">{ t(lang, Key::DemoEntryTitle) }</h2>
            <p class="hint">{ t(lang, Key::DemoEntryIntro) }</p>
            <button type="button" class="btn" id="open-demo" onclick={open}>{ t(lang, Key::OpenDemo) }</button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DemoBannerProps {
    pub lang: Lang,
    pub on_action: Callback<Action>,
}

/// The banner shown on every screen while demo mode is on: what it means, reset, leave.
#[component]
pub fn DemoBanner(props: &DemoBannerProps) -> Html {
    let lang = props.lang;
    let reset = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(Action::ResetDemo))
    };
    let leave = {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            crate::platform::page::remove_query_param("demo");
            cb.emit(Action::LeaveDemo)
        })
    };
    html! {
        <div class="demo-banner" id="demo-banner" role="region" aria-label={t(lang, Key::DemoEntryTitle)}>
            <p><span class="badge example">{ t(lang, Key::ExampleBadge) }</span>{ " " }{ t(lang, Key::DemoBanner) }</p>
            <div class="actions">
                <button type="button" class="btn" id="demo-reset" onclick={reset}>{ t(lang, Key::DemoReset) }</button>
                <button type="button" class="btn primary" id="demo-leave" onclick={leave}>{ t(lang, Key::DemoLeave) }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DemoListProps {
    pub lang: Lang,
    pub drafts: Vec<Shared<Draft>>,
    pub catalogue: Shared<Catalogue>,
    pub on_action: Callback<Action>,
    /// The scoring sheets loaded so far (see [`super::drafts::answered_count`]).
    #[prop_or_default]
    pub sets: Vec<Shared<crate::rubric::ProductSet>>,
}

/// A name without the "(ví dụ)" / "(example)" the examples' titles end with (so that a file
/// exported from demo mode still says it), where the "Ví dụ" badge already says it.
pub fn without_example_mark(name: &str) -> &str {
    let t = name.trim_end();
    ["(ví dụ)", "(Ví dụ)", "(example)", "(Example)"]
        .iter()
        .find_map(|m| t.strip_suffix(m))
        .map(str::trim_end)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(name)
}

/// The example products (the drafts screen while demo mode is on), each labelled as an example.
#[component]
pub fn DemoList(props: &DemoListProps) -> Html {
    let lang = props.lang;
    let items = props.drafts.iter().map(|d| {
        let set = props.catalogue.set(&d.product_set);
        let set_name = set
            .map(|s| s.name.get(lang).to_string())
            .unwrap_or_else(|| d.product_set.clone());
        let set_no = set
            .map(|s| i18n::set_number(lang, s.no, &s.classification))
            .unwrap_or_default();
        let name = without_example_mark(d.display_name(&set_name)).to_string();
        let answers = super::drafts::answered_count(d, &props.sets);
        let open = {
            let cb = props.on_action.clone();
            let id = d.id.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::Open(id.clone())))
        };
        let dom = format!("draft-{}", d.id);
        html! {
            <li class="draft example" key={d.id.clone()} id={dom.clone()}>
                <h2 class="draft-name" id={format!("{dom}-name")}>
                    <span class="badge example">{ t(lang, Key::ExampleBadge) }</span>{ " " }{ name }
                </h2>
                <p class="meta">{ set_name }{ " · " }{ set_no }</p>
                <p class="meta">{ i18n::answer_count(lang, answers) }</p>
                <div class="actions">
                    <button type="button" class="btn primary" onclick={open}
                        aria-describedby={format!("{dom}-name")}>{ t(lang, Key::Open) }</button>
                </div>
            </li>
        }
    });
    html! {
        <div class="drafts demo-list">
            <h1>{ t(lang, Key::DemoListTitle) }</h1>
            <p class="lead">{ t(lang, Key::DemoListIntro) }</p>
            <ul class="draft-list">{ for items }</ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::without_example_mark;

    #[test]
    fn the_badge_says_example_once() {
        assert_eq!(
            without_example_mark("Nước mắm cá cơm Hòn Đỏ (ví dụ)"),
            "Nước mắm cá cơm Hòn Đỏ"
        );
        assert_eq!(without_example_mark("Homestay (example) "), "Homestay");
        assert_eq!(without_example_mark("Mật ong"), "Mật ong");
        assert_eq!(
            without_example_mark("(ví dụ)"),
            "(ví dụ)",
            "never an empty name"
        );
    }
}
