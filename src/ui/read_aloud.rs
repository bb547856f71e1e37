//! The read-aloud button (issue 17): reads a text in the interface's language with the device's
//! local voice (`platform::speech`), and says so plainly when there is none.

use yew::prelude::*;

use crate::i18n::{t, Key, Lang};
use crate::platform::{self, speech};

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    pub lang: Lang,
    /// What to read; built only when the button is pressed, so a page of criteria pays nothing.
    pub text: Callback<(), String>,
    /// Names what is read, for screen readers ("Đọc to: tiêu chí 1.1").
    pub label: AttrValue,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Idle,
    Speaking,
    Failed(speech::Voice),
}

#[component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    let lang = props.lang;
    let state = use_state(|| State::Idle);
    let onclick = {
        let state = state.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            if *state == State::Speaking {
                speech::stop();
                state.set(State::Idle);
                return;
            }
            let state = state.clone();
            let words = crate::i18n::for_hearing(lang, &text.emit(()));
            state.set(State::Speaking);
            platform::spawn(async move {
                let ended = state.clone();
                let v = speech::speak(lang, &words, move || ended.set(State::Idle)).await;
                if v != speech::Voice::Speaking {
                    state.set(State::Failed(v));
                }
            });
        })
    };
    let speaking = *state == State::Speaking;
    let message = match *state {
        State::Failed(speech::Voice::NoVoice) => t(lang, Key::ReadAloudNoVoice),
        State::Failed(speech::Voice::Unsupported) => t(lang, Key::ReadAloudUnsupported),
        _ => "",
    };
    html! {
        <span class="read-aloud">
            <button type="button" class="btn small read-aloud-btn" aria-pressed={if speaking { "true" } else { "false" }}
                aria-label={format!("{}: {}", t(lang, if speaking { Key::ReadAloudStop } else { Key::ReadAloud }), props.label)}
                {onclick}>
                // A drawn speaker (an emoji may be missing from a phone's fonts).
                <svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                    if speaking {
                        <rect x="6" y="6" width="12" height="12" fill="currentColor" />
                    } else {
                        <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
                        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" fill="none" stroke-width="2" />
                    }
                </svg>{ " " }
                { t(lang, if speaking { Key::ReadAloudStop } else { Key::ReadAloud }) }
            </button>
            if !message.is_empty() {
                <span class="read-aloud-msg" role="status">{ message }</span>
            }
        </span>
    }
}
