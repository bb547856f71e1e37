//! The "new version available" notice: registers the service worker and, when a new version is
//! installed and waiting, lets the user choose when to reload. Shown by the full app and the
//! start module alike.

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::platform::sw;

#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    pub lang: Lang,
    /// Show the notice whatever the service worker says (tests).
    #[prop_or_default]
    pub waiting: bool,
}

/// Registers the service worker (offline copy of the app and of all 26 sheets) and, when a new
/// version is installed and waiting, says so with a "Reload" button: the user chooses when.
#[component]
pub fn UpdateNotice(props: &UpdateNoticeProps) -> Html {
    let lang = props.lang;
    let waiting = use_state(|| props.waiting);
    let dismissed = use_state(|| false);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| {
            sw::register(move || waiting.set(true));
        });
    }
    if !*waiting || *dismissed {
        return html! {};
    }
    let reload = Callback::from(|_: MouseEvent| sw::apply_update());
    let later = Callback::from(move |_: MouseEvent| dismissed.set(true));
    html! {
        <div class="update" id="update-notice" role="status">
            <p>{ t(lang, Key::UpdateReady) }</p>
            <div class="actions">
                <button type="button" class="btn primary" id="update-reload" onclick={reload}>{ t(lang, Key::UpdateReload) }</button>
                <button type="button" class="btn ghost" id="update-later" onclick={later}>{ t(lang, Key::UpdateLater) }</button>
            </div>
        </div>
    }
}
