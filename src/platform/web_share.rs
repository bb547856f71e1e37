//! The phone's own share sheet (Web Share API: `navigator.share`, checked first with
//! `navigator.canShare`), for "Gửi qua Zalo / ứng dụng khác". Where there is none (most desktop
//! browsers, Firefox) the caller falls back to copying. Natively: always [`Outcome::Unavailable`].

/// What came of asking the phone to share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Handed to another app.
    Shared,
    /// The user closed the share sheet (`AbortError`): say nothing.
    Cancelled,
    /// No Web Share here, or it cannot share this: fall back to copying.
    Unavailable,
    /// The browser refused or failed (`NotAllowedError`, …): say so, offer the copy.
    Failed,
}

/// Share `title` + `text` (+ `url`) through the phone's apps. Must run from a tap (the browser
/// asks for a user gesture), so nothing slow may come before it.
pub async fn share(title: &str, text: &str, url: Option<&str>) -> Outcome {
    imp::share(title, text, url).await
}

/// Whether this browser has Web Share at all (the button's label may say so).
pub fn available() -> bool {
    imp::available()
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Outcome;
    use js_sys::{Function, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn navigator() -> Option<JsValue> {
        web_sys::window().map(|w| JsValue::from(w.navigator()))
    }

    fn method(target: &JsValue, name: &str) -> Option<Function> {
        Reflect::get(target, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    }

    pub fn available() -> bool {
        navigator().and_then(|n| method(&n, "share")).is_some()
    }

    pub async fn share(title: &str, text: &str, url: Option<&str>) -> Outcome {
        let Some(nav) = navigator() else {
            return Outcome::Unavailable;
        };
        let Some(share) = method(&nav, "share") else {
            return Outcome::Unavailable;
        };
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"text".into(), &text.into());
        if let Some(u) = url {
            let _ = Reflect::set(&data, &"url".into(), &u.into());
        }
        if let Some(can) = method(&nav, "canShare") {
            if !can
                .call1(&nav, &data)
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
            {
                return Outcome::Unavailable;
            }
        }
        let promise = match share.call1(&nav, &data) {
            Ok(p) => p,
            Err(e) => return outcome_of(&e),
        };
        let Ok(promise) = promise.dyn_into::<Promise>() else {
            return Outcome::Shared;
        };
        match JsFuture::from(promise).await {
            Ok(_) => Outcome::Shared,
            Err(e) => outcome_of(&e),
        }
    }

    fn outcome_of(e: &JsValue) -> Outcome {
        let name = Reflect::get(e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "AbortError" => Outcome::Cancelled,
            // Data the browser cannot share (e.g. a link too long): copying still works.
            "TypeError" | "DataError" => Outcome::Unavailable,
            _ => Outcome::Failed,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Outcome;

    pub fn available() -> bool {
        false
    }

    pub async fn share(_title: &str, _text: &str, _url: Option<&str>) -> Outcome {
        Outcome::Unavailable
    }
}
