//! The page header shared by the full app and the start module: brand, language switch and the
//! main navigation (questionnaire and dossier of the open draft, drafts, new assessment).
//!
//! The tabs keep to one row down to a 320 px phone (short labels, "+ Mới" named in full for
//! screen readers), so the header stays about 100 px tall; the full app puts its offline
//! indicator under the tabs ([`TopBar::status`]).

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};

use super::state::Screen;

/// What the header shows.
pub struct TopBar {
    pub lang: Lang,
    /// The screen shown (its tab is marked `aria-current`).
    pub screen: Screen,
    /// A draft is open (its questionnaire and dossier tabs are shown).
    pub has_current: bool,
    pub draft_count: usize,
    /// `header=0` of an embedding page: no brand row.
    pub hide_brand: bool,
    pub on_nav: Callback<Screen>,
    /// Emits the other language.
    pub on_lang: Callback<Lang>,
    /// Shown under the tabs (the full app's offline status: nothing while online; the start
    /// module leaves it empty).
    pub status: Html,
}

impl TopBar {
    pub fn view(&self) -> Html {
        let lang = self.lang;
        let other = match lang {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        };
        let switch_lang = self.on_lang.reform(move |_: MouseEvent| other);
        let nav = |screen: Screen| self.on_nav.reform(move |_: MouseEvent| screen);
        let current = |screen: Screen| (self.screen == screen).then_some("page");
        html! {
            <header class="top">
                if !self.hide_brand { <div class="top-row">
                    <p class="brand"><span class="logo" aria-hidden="true">{ "★" }</span>{ t(lang, Key::AppTitle) }</p>
                    <button type="button" class="btn lang" lang={other.tag()} onclick={switch_lang}
                        aria-label={t(lang, Key::SwitchLanguage)}>{ t(lang, Key::OtherLanguage) }</button>
                </div> }
                <nav aria-label={t(lang, Key::MainNav)}>
                    <ul>
                        if self.has_current {
                            <li><button type="button" class="tab" aria-current={current(Screen::Questionnaire)}
                                onclick={nav(Screen::Questionnaire)}>{ t(lang, Key::NavQuestionnaire) }</button></li>
                            <li><button type="button" class="tab" id="open-details" aria-current={current(Screen::Details)}
                                onclick={nav(Screen::Details)}>{ t(lang, Key::NavDetails) }</button></li>
                        }
                        <li><button type="button" class="tab" aria-current={current(Screen::Drafts)}
                            onclick={nav(Screen::Drafts)}>{ t(lang, Key::NavDrafts) }
                            if self.draft_count > 0 { <span class="count">{ self.draft_count }</span> }
                        </button></li>
                        <li><button type="button" class="tab" id="nav-new" aria-current={current(Screen::Choose)}
                            aria-label={t(lang, Key::NewDraft)}
                            onclick={nav(Screen::Choose)}>{ "+ " }{ t(lang, Key::NavNewShort) }</button></li>
                    </ul>
                </nav>
                { self.status.clone() }
            </header>
        }
    }
}
