//! Messages between this app's tabs and windows on the same device (BroadcastChannel), so that a
//! change saved in one is seen in the others. The messages only name what changed
//! ("draft d-123 is at revision 4"); the data itself is read from the database.

use yew::Callback;

/// The channel's name (one per app origin).
pub const CHANNEL: &str = "ocop-self-check";

#[cfg(target_arch = "wasm32")]
type Handler = wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>;

/// An open channel; messages stop when it is dropped.
pub struct Channel {
    #[cfg(target_arch = "wasm32")]
    inner: Option<(web_sys::BroadcastChannel, Handler)>,
}

impl Channel {
    /// Listen to the other tabs: `on_message` gets each text message. Where BroadcastChannel is
    /// missing (very old browsers) nothing arrives and posting does nothing.
    pub fn open(on_message: Callback<String>) -> Channel {
        #[cfg(target_arch = "wasm32")]
        {
            use wasm_bindgen::closure::Closure;
            use wasm_bindgen::JsCast;
            let inner = web_sys::BroadcastChannel::new(CHANNEL).ok().map(|ch| {
                let handler: Handler = Closure::new(move |e: web_sys::MessageEvent| {
                    if let Some(text) = e.data().as_string() {
                        on_message.emit(text);
                    }
                });
                ch.set_onmessage(Some(handler.as_ref().unchecked_ref()));
                (ch, handler)
            });
            Channel { inner }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = on_message;
            Channel {}
        }
    }

    /// Tell the other tabs (never this one).
    pub fn post(&self, text: &str) {
        #[cfg(target_arch = "wasm32")]
        if let Some((ch, _)) = &self.inner {
            // A closed channel or an unclonable value is the only failure; nothing to do then.
            let _ = ch.post_message(&wasm_bindgen::JsValue::from_str(text));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = text;
    }
}

#[cfg(target_arch = "wasm32")]
impl Drop for Channel {
    fn drop(&mut self) {
        if let Some((ch, _)) = &self.inner {
            ch.set_onmessage(None);
            ch.close();
        }
    }
}
