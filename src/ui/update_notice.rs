//! The "new version available" notice: registers the service worker and, when a new version is
//! installed and waiting, lets the user choose when to reload. Shown by the full app and the
//! start module alike. And the full app's offline status ([`OfflineStatus`]): the "ready to use
//! offline" notice, once, and the offline indicator in the header.

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::platform::{storage, sw};

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

/// Local-storage key remembering that the "ready to use offline" notice was shown (a setting
/// of this device, like the language; no draft data).
pub const OFFLINE_READY_KEY: &str = "ocop-self-check/offline-ready";

#[derive(Properties, PartialEq)]
pub struct OfflineStatusProps {
    pub lang: Lang,
    /// Write down that the "ready offline" notice was shown (false in demonstration mode, which
    /// stores nothing on the device: there the notice may come again).
    #[prop_or(true)]
    pub remember: bool,
    /// Start as if the device were offline / the offline copy had just completed (tests).
    #[prop_or_default]
    pub offline: bool,
    #[prop_or_default]
    pub ready: bool,
    /// The screen shown (any text that changes with it). The "ready offline" notice waits for
    /// the next change of screen: inserted under the header while the user reads, it pushed the
    /// page down (a layout shift, issue 16); with a new screen the whole page changes anyway.
    #[prop_or_default]
    pub screen: AttrValue,
}

/// The full app's offline status, in the header: "Không có mạng" while the device is offline
/// (`role="status"`, in words, not only a colour), and once, the first time the offline copy
/// is complete, a dismissible "ready to use offline" notice (under the tabs, in the page's flow,
/// so it never covers what the user taps; with the next change of screen, so it never moves
/// the page being read), remembered in local storage so it is not shown again.
#[component]
pub fn OfflineStatus(props: &OfflineStatusProps) -> Html {
    let lang = props.lang;
    let online = use_state(|| !props.offline && crate::platform::online::is_online());
    let ready = use_state(|| props.ready);
    {
        let online = online.clone();
        use_effect_with((), move |_| {
            let watch = crate::platform::online::watch(move |up| online.set(up));
            move || {
                let _listeners = watch;
            }
        });
    }
    // Read when the worker is ready, not when the header was first drawn (demo mode starts
    // after the drafts are loaded).
    let remember = use_mut_ref(|| props.remember);
    *remember.borrow_mut() = props.remember;
    // The copy is complete (the worker is ready) and the notice not yet shown on this device.
    let pending = use_state(|| false);
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            // Shown only where the device can remember it (so it is never repeated on every
            // load of a browser that keeps nothing).
            if matches!(storage::get(OFFLINE_READY_KEY), Ok(None)) {
                sw::when_ready(move || {
                    if matches!(storage::get(OFFLINE_READY_KEY), Ok(None)) {
                        pending.set(true);
                    }
                });
            }
        });
    }
    // Shown with the next screen (and remembered then, when it is seen).
    {
        let (pending, ready) = (pending.clone(), ready.clone());
        use_effect_with(props.screen.clone(), move |_| {
            if *pending && !*ready && matches!(storage::get(OFFLINE_READY_KEY), Ok(None)) {
                if *remember.borrow() {
                    let _ = storage::set(OFFLINE_READY_KEY, "1");
                }
                pending.set(false);
                ready.set(true);
            }
        });
    }
    let dismiss = {
        let ready = ready.clone();
        Callback::from(move |_: MouseEvent| ready.set(false))
    };
    html! {
        <div class="net" role="status">
                if !*online {
                    <span class="offline" id="offline-indicator">
                        <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, Key::OfflineNow) }
                        <span class="sr-only">{ " — " }{ t(lang, Key::OfflineNowMore) }</span>
                    </span>
                }
            if *ready {
                <div class="offline-ready" id="offline-ready" role="status">
                    <p><span aria-hidden="true">{ "✓ " }</span>{ t(lang, Key::OfflineReady) }</p>
                    <button type="button" class="btn small" id="offline-ready-ok" onclick={dismiss}>{ t(lang, Key::OkGotIt) }</button>
                </div>
            }
        </div>
    }
}
