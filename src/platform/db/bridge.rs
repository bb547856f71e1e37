//! The bridge from IndexedDB's events to Rust futures: a request or transaction gets a
//! `js_sys::Promise` whose `resolve`/`reject` are its event handlers; errors become names.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{prelude::*, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    DomException, Event, IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use super::StoreError;

/// `DOMException.name`, or `Error.name` for plain JS errors (e.g. `SyntaxError` from JSON.parse).
pub(super) fn error_name(e: &JsValue) -> String {
    if let Some(d) = e.dyn_ref::<DomException>() {
        return d.name();
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return err.name().into();
    }
    "UnknownError".into()
}

pub(super) fn request_error_name(r: &IdbRequest) -> String {
    match r.error() {
        Ok(Some(d)) => d.name(),
        _ => "UnknownError".into(),
    }
}

#[wasm_bindgen]
extern "C" {
    // Global in windows and workers.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &JsValue, ms: i32) -> JsValue;

    // IDBDatabase.transaction(stores, mode, {durability}) without web-sys' unstable-API cfg.
    #[wasm_bindgen(extends = IdbDatabase, js_name = IDBDatabase)]
    pub(super) type DbWithOptions;
    #[wasm_bindgen(catch, method, js_name = transaction)]
    pub(super) fn transaction_with_options(
        this: &DbWithOptions,
        stores: &Array,
        mode: IdbTransactionMode,
        options: &Object,
    ) -> Result<IdbTransaction, JsValue>;
}

/// Await an `IDBRequest`: `Ok(request.result)` on `success`, the request's error on `error`.
pub(super) async fn request(r: &IdbRequest) -> Result<JsValue, StoreError> {
    let p = Promise::new(&mut |ok: Function, err: Function| {
        r.set_onsuccess(Some(&ok));
        r.set_onerror(Some(&err));
    });
    match JsFuture::from(p).await {
        Ok(_) => r.result().map_err(StoreError::from_js),
        Err(_) => Err(StoreError::from_name(&request_error_name(r))),
    }
}

/// Install a request's handlers now and return what settles with it (for several requests
/// issued together, each awaited in turn with [`settle`]: an `async fn` would install its
/// handlers only when first polled, after an earlier request's event may have passed).
pub(super) fn request_now(r: &IdbRequest) -> JsFuture {
    let p = Promise::new(&mut |ok: Function, err: Function| {
        r.set_onsuccess(Some(&ok));
        r.set_onerror(Some(&err));
    });
    JsFuture::from(p)
}

/// The result of a request whose future [`request_now`] made.
pub(super) async fn settle(f: JsFuture, r: &IdbRequest) -> Result<JsValue, StoreError> {
    match f.await {
        Ok(_) => r.result().map_err(StoreError::from_js),
        Err(_) => Err(StoreError::from_name(&request_error_name(r))),
    }
}

/// Await the end of a transaction: `Ok` on `complete` (committed), the abort reason on `abort`
/// (`transaction.error`: e.g. `QuotaExceededError`, `ConstraintError`; `AbortError` if it was
/// aborted explicitly).
pub(super) async fn done(tx: &IdbTransaction) -> Result<(), StoreError> {
    let p = Promise::new(&mut |ok: Function, err: Function| {
        tx.set_oncomplete(Some(&ok));
        tx.set_onabort(Some(&err));
    });
    match JsFuture::from(p).await {
        Ok(_) => Ok(()),
        Err(_) => Err(match tx.error() {
            Some(d) => StoreError::from_name(&d.name()),
            None => StoreError::Other("AbortError".into()),
        }),
    }
}

/// How long an open/delete may stay `blocked` before we report [`StoreError::Blocked`].
/// `blocked` also fires, transiently, when the other connection is already closing but still
/// finishing a transaction (e.g. an autosave in the other tab), so do not give up at once.
pub const BLOCKED_GRACE_MS: i32 = 3000;

pub(super) enum OpenFailure {
    /// `error` event: see `request.error`.
    Error,
    /// Still `blocked` after the grace period.
    Blocked,
}

/// Await an open/delete request: `success`, `error`, or `blocked` for longer than `grace_ms`.
pub(super) async fn open_request(req: &IdbOpenDbRequest, grace_ms: i32) -> Result<(), OpenFailure> {
    let mut on_blocked = None;
    let promise = Promise::new(&mut |ok: Function, err: Function| {
        req.set_onsuccess(Some(&ok));
        req.set_onerror(Some(&err));
        // On `blocked`, arm a timer that rejects with the string "blocked" (pure JS, so nothing
        // dangles if the request settles first; a settled promise ignores it).
        let give_up: JsValue = err
            .bind1(&JsValue::NULL, &JsValue::from_str("blocked"))
            .into();
        let c = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            set_timeout(&give_up, grace_ms);
        });
        req.set_onblocked(Some(c.as_ref().unchecked_ref()));
        on_blocked = Some(c);
    });
    // Unhook `onblocked` before its closure is freed, also when this future is dropped.
    let _unhook = UnhookBlocked(req);
    let outcome = JsFuture::from(promise).await;
    match outcome {
        Ok(_) => Ok(()),
        Err(v) if v.as_string().as_deref() == Some("blocked") => Err(OpenFailure::Blocked),
        Err(_) => Err(OpenFailure::Error),
    }
}

struct UnhookBlocked<'a>(&'a IdbOpenDbRequest);

impl Drop for UnhookBlocked<'_> {
    fn drop(&mut self) {
        self.0.set_onblocked(None);
    }
}

pub(super) fn factory() -> Result<IdbFactory, StoreError> {
    // Works in windows and workers; `indexedDB` is missing or null where storage is disabled.
    let f = Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .map_err(|e| StoreError::Unavailable(error_name(&e)))?;
    f.dyn_into::<IdbFactory>()
        .map_err(|_| StoreError::Unavailable("no indexedDB".into()))
}
