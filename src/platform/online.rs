//! Whether the device is online (`navigator.onLine`) and the `online`/`offline` events, for the
//! header's offline indicator. (`navigator.onLine` is false only when the device has no network
//! at all; a network without internet still says "online".)

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::rc::Rc;

    use gloo::events::EventListener;

    /// Keeps the listeners; dropping it removes them.
    pub struct Watch(#[allow(dead_code)] Vec<EventListener>);

    pub fn is_online() -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }

    pub fn watch(on_change: impl Fn(bool) + 'static) -> Watch {
        let Some(w) = web_sys::window() else {
            return Watch(Vec::new());
        };
        let on_change: Rc<dyn Fn(bool)> = Rc::new(on_change);
        let up = on_change.clone();
        Watch(vec![
            EventListener::new(&w, "online", move |_| up(true)),
            EventListener::new(&w, "offline", move |_| on_change(false)),
        ])
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    /// Native stand-in: nothing to remove.
    pub struct Watch;

    pub fn is_online() -> bool {
        true
    }

    pub fn watch(_on_change: impl Fn(bool) + 'static) -> Watch {
        Watch
    }
}

pub use imp::{is_online, watch, Watch};
