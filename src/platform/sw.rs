//! Service-worker registration (`./sw.js`, relative, so the app works under any sub-path) and
//! the "new version available" flow: a new worker waits until the user taps "reload", then
//! takes over and the page reloads once. And the moment the offline copy is complete
//! ([`when_ready`]): the worker activates only after its install has fetched, checked and
//! cached every file of the site (the app, the 26 sheets, the dossier module).

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    thread_local! {
        static REGISTRATION: RefCell<Option<web_sys::ServiceWorkerRegistration>> = const { RefCell::new(None) };
    }

    fn container() -> Option<web_sys::ServiceWorkerContainer> {
        let w = web_sys::window()?;
        // Not available on insecure origins or where the browser disables it; in a sandboxed
        // frame reading the property throws (a SecurityError), so read it through Reflect
        // instead of the web-sys getter, which would abort.
        js_sys::Reflect::get(&w.navigator(), &"serviceWorker".into())
            .ok()?
            .dyn_into::<web_sys::ServiceWorkerContainer>()
            .ok()
    }

    /// Register `./sw.js`; call `on_update` when a new version is installed and waiting.
    pub fn register(on_update: impl Fn() + 'static) {
        let Some(c) = container() else { return };
        let on_update: Rc<dyn Fn()> = Rc::new(on_update);
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(reg) = JsFuture::from(c.register("./sw.js")).await else {
                return;
            };
            let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
                return;
            };
            REGISTRATION.with(|r| *r.borrow_mut() = Some(reg.clone()));
            let has_controller = || container().and_then(|c| c.controller()).is_some();
            if reg.waiting().is_some() && has_controller() {
                on_update();
            }
            let reg2 = reg.clone();
            let found = Closure::<dyn FnMut()>::new(move || {
                let Some(installing) = reg2.installing() else {
                    return;
                };
                let worker = installing.clone();
                let on_update = on_update.clone();
                let changed = Closure::<dyn FnMut()>::new(move || {
                    if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller()
                    {
                        on_update();
                    }
                });
                installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
                changed.forget();
            });
            reg.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
            found.forget();
        });
    }

    /// Call `on_ready` once a worker is active for this page's scope: its install cached every
    /// file (an install with one bad or missing file fails and never activates), so the app
    /// works offline from then on. Never called where there is no service worker.
    pub fn when_ready(on_ready: impl FnOnce() + 'static) {
        let Some(c) = container() else { return };
        let Ok(ready) = c.ready() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(reg) = JsFuture::from(ready).await else {
                return;
            };
            let active = reg
                .dyn_into::<web_sys::ServiceWorkerRegistration>()
                .ok()
                .and_then(|r| r.active());
            if active.is_some() {
                on_ready();
            }
        });
    }

    /// Let the waiting worker take over, then reload once it controls the page.
    pub fn apply_update() {
        let Some(c) = container() else { return };
        let reloaded = Rc::new(std::cell::Cell::new(false));
        let on_change = Closure::<dyn FnMut()>::new(move || {
            if !reloaded.replace(true) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        c.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
        match waiting {
            Some(w) => {
                let _ = w.post_message(&"skip-waiting".into());
            }
            None => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn register(_on_update: impl Fn() + 'static) {}
    pub fn when_ready(_on_ready: impl FnOnce() + 'static) {}
    pub fn apply_update() {}
}

pub use imp::{apply_update, register, when_ready};
