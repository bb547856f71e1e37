//! Read-aloud with the device's own voices (Web Speech API: `speechSynthesis`,
//! `SpeechSynthesisUtterance`), issue 17. Only voices the browser marks `localService` are used,
//! so nothing is sent anywhere (Chrome's "Google …" voices are network voices and are skipped).
//! Reached through `Reflect` like [`super::web_share`], so no web-sys features are added.
//! Natively: [`Voice::Unsupported`].

use crate::lang::Lang;

/// What speaking is possible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// A local voice for the language: speaking started.
    Speaking,
    /// The browser has no speech synthesis at all.
    Unsupported,
    /// No voice on this device for the language (or only network voices).
    NoVoice,
}

/// Speak `text` in `lang` with a local voice, stopping anything already being read; `on_end`
/// runs when reading ends or is stopped. Waits up to 1.5 s for the voice list (some browsers
/// fill it late).
pub async fn speak(lang: Lang, text: &str, on_end: impl FnOnce() + 'static) -> Voice {
    imp::speak(lang, text, Box::new(on_end)).await
}

/// Stop reading.
pub fn stop() {
    imp::stop()
}

/// The BCP 47 tag used for `lang`.
pub fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi-VN",
        Lang::En => "en-US",
    }
}

/// Whether a voice's `lang` (e.g. "vi-VN", "vi_VN", "en-GB") speaks `lang`.
pub fn voice_speaks(voice_lang: &str, lang: Lang) -> bool {
    let prefix = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let v = voice_lang.to_ascii_lowercase();
    v == prefix || v.starts_with(&format!("{prefix}-")) || v.starts_with(&format!("{prefix}_"))
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{voice_speaks, Lang, Voice};
    use js_sys::{Array, Function, Promise, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn synth() -> Option<JsValue> {
        let w = web_sys::window()?;
        Reflect::get(&w, &"speechSynthesis".into())
            .ok()
            .filter(|s| !s.is_undefined() && !s.is_null())
    }

    fn call(target: &JsValue, name: &str, args: &Array) -> Option<JsValue> {
        let f = Reflect::get(target, &name.into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        f.apply(target, args).ok()
    }

    fn voices(s: &JsValue) -> Vec<JsValue> {
        call(s, "getVoices", &Array::new())
            .and_then(|v| v.dyn_into::<Array>().ok())
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    }

    fn local_voice(s: &JsValue, lang: Lang) -> Option<JsValue> {
        voices(s).into_iter().find(|v| {
            let l = Reflect::get(v, &"lang".into())
                .ok()
                .and_then(|l| l.as_string())
                .unwrap_or_default();
            let local = Reflect::get(v, &"localService".into())
                .ok()
                .and_then(|l| l.as_bool())
                .unwrap_or(false);
            local && voice_speaks(&l, lang)
        })
    }

    /// Wait for `voiceschanged` or 1.5 s, whichever comes first.
    async fn voices_ready(s: &JsValue) {
        if !voices(s).is_empty() {
            return;
        }
        let s = s.clone();
        let p = Promise::new(&mut |resolve, _| {
            let r = resolve.clone();
            let once = Closure::once_into_js(move || {
                let _ = r.call0(&JsValue::NULL);
            });
            let _ = Reflect::set(&s, &"onvoiceschanged".into(), &once);
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1500);
            }
        });
        let _ = JsFuture::from(p).await;
    }

    pub async fn speak(lang: Lang, text: &str, on_end: Box<dyn FnOnce()>) -> Voice {
        let Some(s) = synth() else {
            return Voice::Unsupported;
        };
        let Some(w) = web_sys::window() else {
            return Voice::Unsupported;
        };
        let Some(ctor) = Reflect::get(&w, &"SpeechSynthesisUtterance".into())
            .ok()
            .and_then(|c| c.dyn_into::<Function>().ok())
        else {
            return Voice::Unsupported;
        };
        voices_ready(&s).await;
        let Some(voice) = local_voice(&s, lang) else {
            return Voice::NoVoice;
        };
        let _ = call(&s, "cancel", &Array::new());
        let Ok(u) = Reflect::construct(&ctor, &Array::of1(&text.into())) else {
            return Voice::Unsupported;
        };
        let _ = Reflect::set(&u, &"lang".into(), &super::tag(lang).into());
        let _ = Reflect::set(&u, &"voice".into(), &voice);
        let _ = Reflect::set(&u, &"rate".into(), &JsValue::from_f64(0.95));
        let done = std::rc::Rc::new(std::cell::Cell::new(Some(on_end)));
        for event in ["onend", "onerror"] {
            let done = done.clone();
            let cb = Closure::once_into_js(move || {
                if let Some(f) = done.take() {
                    f();
                }
            });
            let _ = Reflect::set(&u, &event.into(), &cb);
        }
        let _ = call(&s, "speak", &Array::of1(&u));
        Voice::Speaking
    }

    pub fn stop() {
        if let Some(s) = synth() {
            let _ = call(&s, "cancel", &Array::new());
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::{Lang, Voice};

    pub async fn speak(_lang: Lang, _text: &str, _on_end: Box<dyn FnOnce()>) -> Voice {
        Voice::Unsupported
    }

    pub fn stop() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_are_matched_by_their_language() {
        assert!(voice_speaks("vi-VN", Lang::Vi));
        assert!(voice_speaks("vi_VN", Lang::Vi));
        assert!(voice_speaks("VI", Lang::Vi));
        assert!(!voice_speaks("vie", Lang::Vi));
        assert!(voice_speaks("en-GB", Lang::En));
        assert!(!voice_speaks("es-ES", Lang::En));
    }
}
