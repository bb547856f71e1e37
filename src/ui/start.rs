//! The start module's app (`ocop-start`, see [`crate::platform::start`]): the first screen of a
//! first visit — header, language switch, product-set chooser, examples entry — in a wasm module
//! a fraction of the full app's size. Anything more (a chosen set, the drafts list, the examples)
//! is handed to the full app, which boot.js loads then.
//!
//! It shows the same components as the full app's choose screen, so the two look the same and
//! the hand-over is not visible except for a short "Opening…" line.

use yew::prelude::*;

use crate::draft::store::{LANG_KEY, STORE_KEY};
use crate::i18n::{t, Key, Lang};
use crate::platform::storage::{self, StorageError};
use crate::platform::{dom, embed, start};
use crate::rubric::Catalogue;

use super::chooser::SetChooser;
use super::demo::DemoEntry;
use super::embed::use_embed_config;
use super::state::Screen;
use super::top::TopBar;
use super::update_notice::UpdateNotice;
use super::Shared;

/// Where the hand-over stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opening {
    Idle,
    Loading,
    Failed,
}

#[derive(Properties, PartialEq, Default)]
pub struct StartAppProps {
    /// Start in this language (tests); otherwise the address's `lang`, then `<html lang>`
    /// (boot.js sets it from the saved choice).
    #[prop_or_default]
    pub lang: Option<Lang>,
}

#[component]
pub fn StartApp(props: &StartAppProps) -> Html {
    let embed_cfg = use_embed_config();
    let lang = {
        let initial = props
            .lang
            .or(embed_cfg.lang)
            .or_else(dom::document_lang)
            .unwrap_or_default();
        use_state(move || initial)
    };
    let opening = use_state(|| Opening::Idle);
    // Storage blocked: say so at once, as the full app does (answers would not be kept).
    let storage = use_state(|| storage::get(STORE_KEY).err());
    let catalogue = use_memo((), |_| Shared::new(Catalogue::builtin()));

    use_effect_with(*lang, |lang| {
        dom::set_document_lang(*lang, t(*lang, Key::AppTitle));
    });
    {
        let opening = opening.clone();
        let origin = embed_cfg
            .parent_origin
            .clone()
            .filter(|_| embed::in_frame());
        use_effect_with((), move |_| {
            dom::mark_first_render();
            if let Some(o) = origin {
                embed::watch_height(o);
            }
            let listener = start::on_full_failed(move || opening.set(Opening::Failed));
            move || drop(listener)
        });
    }

    // Hand over to the full app with what the user asked for.
    let last = use_mut_ref(String::new);
    let open = {
        let opening = opening.clone();
        let lang = *lang;
        let last = last.clone();
        Callback::from(move |request: String| {
            last.borrow_mut().clone_from(&request);
            opening.set(Opening::Loading);
            dom::focus_top("main");
            start::open_full_app(&format!("lang={}&{request}", lang.tag()));
        })
    };
    let on_nav = {
        let open = open.clone();
        Callback::from(move |screen: Screen| match screen {
            Screen::Choose => {}
            _ => open.emit("view=drafts".to_string()),
        })
    };
    let on_lang = {
        let lang = lang.clone();
        let storage = storage.clone();
        Callback::from(move |l: Lang| {
            lang.set(l);
            // Saved on its own key, as the full app saves it (never touching any drafts).
            if let Err(e) = storage::set(LANG_KEY, l.tag()) {
                storage.set(Some(e));
            }
        })
    };
    // A set chosen here is opened to look at (a draft only with its first answer).
    let on_choose = open.reform(|set: String| format!("new={set}"));
    let on_demo = open.reform(|()| "demo=1".to_string());

    let lang = *lang;
    let header = TopBar {
        lang,
        screen: Screen::Choose,
        has_current: false,
        draft_count: 0,
        hide_brand: embed_cfg.hide_header,
        on_nav,
        on_lang,
    }
    .view();
    let warning = storage.map(|e| match e {
        StorageError::Unavailable => t(lang, Key::StorageUnavailable),
        StorageError::Full => t(lang, Key::StorageFull),
    });
    // The chooser stays mounted while the full app loads (hidden), so after a failed load the
    // search and the opened categories are still there.
    let retry = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            let request = last.borrow().clone();
            open.emit(request);
        })
    };
    let status = match *opening {
        Opening::Idle => html! {},
        Opening::Loading => html! {
            <p class="loading" role="status" id="start-opening">{ t(lang, Key::StartOpening) }</p>
        },
        Opening::Failed => html! {
            <div class="alert" role="alert" id="start-failed">
                <p>{ t(lang, Key::StartFailed) }</p>
                <button type="button" class="btn primary" onclick={retry}>{ t(lang, Key::Retry) }</button>
            </div>
        },
    };
    let body = html! {
        <>
            { status }
            <div hidden={*opening == Opening::Loading}>
                <SetChooser lang={lang} catalogue={(*catalogue).clone()} {on_choose} />
                <DemoEntry lang={lang} on_open={on_demo} />
            </div>
        </>
    };
    html! {
        <div class="app">
            <a class="skip" href="#main">{ t(lang, Key::SkipToContent) }</a>
            { header }
            <UpdateNotice lang={lang} />
            if let Some(text) = warning {
                <div class="warning" role="alert" id="storage-warning"><p>{ text }</p></div>
            }
            <main id="main" tabindex="-1">{ body }</main>
        </div>
    }
}
