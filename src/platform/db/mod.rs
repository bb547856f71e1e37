//! The browser's database (IndexedDB) for drafts: the version-2 store of `draft::store`, one
//! record per draft, written one draft at a time in transactions (wasm only; see `draft::sync`
//! for the logic that uses it).
//!
//! Built directly on `web-sys`, no extra crate: measured in a copy of the app (December 2026,
//! BENCHMARKS.md "Storage"), this bridge adds 6.6 KB brotli, `idb` 8.7 KB, `rexie` 15.3 KB and
//! `indexed_db_futures` 19.4 KB; `idb` loses the DOMException name of request errors, `rexie` has
//! no versionchange/blocked hooks, and `indexed_db_futures` cannot abandon a blocked open safely.
//!
//! Each request or transaction is bridged with a `js_sys::Promise` whose `resolve`/`reject` are
//! installed as its event handlers, then awaited with `JsFuture`. Rules that keep transaction
//! auto-commit from biting:
//! * A transaction never lives across an `.await` of anything but its own completion (writes) or
//!   its single request (reads). All requests of a write are issued synchronously (the
//!   compare-and-set issues its put from the get's success handler), then the code awaits
//!   `complete`. No caller code runs while a transaction is open.
//! * A write is `Ok` only after the transaction's `complete` event; drafts and backups are written
//!   with `durability: "strict"`, so on Chromium and Safari `complete` fires after the flush.
//! * A request that throws synchronously aborts its transaction: a write is all or nothing.
//! * Browser errors are values ([`StoreError`]); nothing here panics or unwraps a JS result.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{
    Event, IdbDatabase, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

mod bridge;

use crate::draft::store::{
    StoredFile, BACKUPS, DB_NAME, DB_VERSION as SCHEMA_VERSION, DRAFTS, FILES, FILES_BY_DRAFT, META,
};
use crate::draft::sync::{Cas, Database};
pub use bridge::BLOCKED_GRACE_MS;
use bridge::{
    done, error_name, factory, open_request, request, request_error_name, DbWithOptions,
    OpenFailure,
};

/// Why a store operation failed. Classified from the `DOMException` name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// `QuotaExceededError`: the origin is out of storage. The write was NOT saved.
    QuotaExceeded,
    /// `open()` is blocked: another tab holds an older version open and did not close on
    /// `versionchange` (old code without a handler). Ask the user to close other tabs, then retry.
    Blocked,
    /// IndexedDB cannot be used here: no `indexedDB` global, `open()` threw (e.g. `SecurityError`
    /// for an opaque origin / blocked storage) or the open request failed (`InvalidStateError` in
    /// old Firefox private windows, `UnknownError` for a broken profile, ...). Carries the name.
    Unavailable(String),
    /// The connection was closed (another tab upgraded the schema, or the browser closed it, e.g.
    /// site data cleared). Reopen with [`open`].
    Closed,
    /// Any other `DOMException` / JS error, by name: `ConstraintError`, `DataError`,
    /// `DataCloneError`, `VersionError` (the database on disk is newer than this code),
    /// `AbortError`, `SyntaxError` (bad JSON), ...
    Other(String),
}

impl StoreError {
    /// Classify a `DOMException` (or JS error) name.
    pub fn from_name(name: &str) -> Self {
        match name {
            "QuotaExceededError" => Self::QuotaExceeded,
            _ => Self::Other(name.to_owned()),
        }
    }

    fn from_js(e: JsValue) -> Self {
        Self::from_name(&error_name(&e))
    }

    /// For errors thrown by `IDBDatabase.transaction()`: `InvalidStateError` means the connection
    /// is closed (or closing).
    fn from_tx_create(e: JsValue) -> Self {
        match error_name(&e).as_str() {
            "InvalidStateError" => Self::Closed,
            n => Self::from_name(n),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::QuotaExceeded => f.write_str("storage quota exceeded"),
            Self::Blocked => f.write_str("database upgrade blocked by another tab"),
            Self::Unavailable(n) => write!(f, "IndexedDB unavailable ({n})"),
            Self::Closed => f.write_str("database connection closed"),
            Self::Other(n) => write!(f, "IndexedDB error ({n})"),
        }
    }
}

impl std::error::Error for StoreError {}

/// Why the connection was closed under us (argument of the [`Db::on_version_change`] callback).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseReason {
    /// Another connection asked for a newer version (`versionchange`); we closed to unblock it.
    /// Usually: the app was updated in another tab. Reload this one.
    VersionChange,
    /// The browser closed the connection (`close` event: storage cleared, disk error...).
    ClosedByBrowser,
}

/// Create whatever stores are missing (idempotent, so it serves every version step).
fn upgrade(req: &IdbOpenDbRequest) -> Result<(), JsValue> {
    let db: IdbDatabase = req.result()?.unchecked_into();
    let names = db.object_store_names();
    let keyed = IdbObjectStoreParameters::new();
    keyed.set_key_path(&JsValue::from_str("id"));
    if !names.contains(DRAFTS) {
        db.create_object_store_with_optional_parameters(DRAFTS, &keyed)?;
    }
    if !names.contains(META) {
        db.create_object_store(META)?;
    }
    if !names.contains(BACKUPS) {
        db.create_object_store_with_optional_parameters(BACKUPS, &keyed)?;
    }
    // Version 2: the evidence files (see `draft::store::FILES`).
    if !names.contains(FILES) {
        let files = db.create_object_store_with_optional_parameters(FILES, &keyed)?;
        let path: Array = ["draft_id", "stored_ms"]
            .iter()
            .map(|s| JsValue::from_str(s))
            .collect();
        files.create_index_with_str_sequence(FILES_BY_DRAFT, &path)?;
    }
    Ok(())
}

/// Open the app's database (`draft::store::DB_NAME`) at its schema version.
pub async fn open_app() -> Result<Db, StoreError> {
    open(DB_NAME).await
}

/// Open the database `name` at [`SCHEMA_VERSION`].
pub async fn open(name: &str) -> Result<Db, StoreError> {
    open_with_version(name, SCHEMA_VERSION).await
}

/// Open `name` at `version`, creating/upgrading the schema if needed
/// (= [`open_with`] with [`BLOCKED_GRACE_MS`]).
pub async fn open_with_version(name: &str, version: u32) -> Result<Db, StoreError> {
    open_with(name, version, BLOCKED_GRACE_MS).await
}

/// Open `name` at `version`, creating/upgrading the schema if needed.
///
/// * `Err(Blocked)` if another connection to an older version is still open `blocked_grace_ms`
///   after the browser reported `blocked` (old code without a `versionchange` handler). This call
///   then gives up for good: should the queued request get through later, its upgrade is aborted
///   (the version on disk never moves without the schema) and nothing stays open.
/// * `Err(Unavailable(name))` if IndexedDB cannot be opened at all (private mode, policy, ...).
/// * `Err(Other("VersionError"))` if the database on disk is newer than `version`.
pub async fn open_with(name: &str, version: u32, blocked_grace_ms: i32) -> Result<Db, StoreError> {
    let factory = factory()?;
    let req = factory
        .open_with_u32(name, version)
        .map_err(|e| StoreError::Unavailable(error_name(&e)))?;

    let upgrade_error: Rc<RefCell<Option<String>>> = Rc::default();
    let on_upgrade = {
        let (req, upgrade_error) = (req.clone(), upgrade_error.clone());
        Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            if let Err(e) = upgrade(&req) {
                *upgrade_error.borrow_mut() = Some(error_name(&e));
                if let Some(tx) = req.transaction() {
                    let _ = tx.abort(); // open() then fails with AbortError
                }
            }
        })
    };
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    // If we stop waiting (Blocked, or this future is dropped, e.g. a component unmounted), the
    // guard makes the still-queued request harmless. Declared after `on_upgrade`, so it runs first.
    let mut guard = AbandonOnDrop {
        req: &req,
        armed: true,
    };
    let outcome = open_request(&req, blocked_grace_ms).await;

    match outcome {
        Ok(()) => {
            guard.armed = false;
            req.set_onupgradeneeded(None);
            req.set_onsuccess(None);
            req.set_onerror(None);
            let db = req
                .result()
                .map_err(|e| StoreError::Unavailable(error_name(&e)))?
                .dyn_into::<IdbDatabase>()
                .map_err(|_| StoreError::Unavailable("no database".into()))?;
            Ok(Db::new(db))
        }
        Err(OpenFailure::Blocked) => Err(StoreError::Blocked), // guard abandons the request
        Err(OpenFailure::Error) => {
            guard.armed = false;
            if let Some(n) = upgrade_error.borrow_mut().take() {
                return Err(StoreError::from_name(&n));
            }
            let n = request_error_name(&req);
            Err(match n.as_str() {
                "QuotaExceededError" => StoreError::QuotaExceeded,
                "VersionError" => StoreError::Other(n),
                _ => StoreError::Unavailable(n),
            })
        }
    }
}

/// See [`open_with`]: when we stop waiting for an open request that is still queued, make sure
/// that if it gets through later its upgrade is aborted (the version on disk must never move
/// without the schema; with no handler the browser would commit an empty upgrade) and whatever
/// connection opens is closed at once. `once_into_js` frees each closure after its single call
/// (an uncalled one stays allocated: a few bytes, once per abandoned open).
struct AbandonOnDrop<'a> {
    req: &'a IdbOpenDbRequest,
    armed: bool,
}

impl Drop for AbandonOnDrop<'_> {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        let abort_upgrade = Closure::once_into_js(|e: Event| {
            if let Some(tx) = e
                .target()
                .and_then(|t| t.dyn_into::<IdbOpenDbRequest>().ok())
                .and_then(|r| r.transaction())
            {
                let _ = tx.abort();
            }
        });
        let close_late = Closure::once_into_js(|e: Event| {
            if let Some(db) = e
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                db.close();
            }
        });
        self.req
            .set_onupgradeneeded(Some(abort_upgrade.unchecked_ref()));
        self.req.set_onsuccess(Some(close_late.unchecked_ref()));
        self.req.set_onerror(None);
        self.req.set_onblocked(None);
    }
}

/// Delete a database (tests, "reset all data"). `Err(Blocked)` if other connections stay open
/// longer than [`BLOCKED_GRACE_MS`]; the deletion then stays queued by the browser and happens
/// once they close.
pub async fn delete_database(name: &str) -> Result<(), StoreError> {
    let req = factory()?
        .delete_database(name)
        .map_err(|e| StoreError::Unavailable(error_name(&e)))?;
    match open_request(&req, BLOCKED_GRACE_MS).await {
        Ok(()) => Ok(()),
        Err(OpenFailure::Blocked) => Err(StoreError::Blocked),
        Err(OpenFailure::Error) => Err(StoreError::from_name(&request_error_name(&req))),
    }
}

type CloseCallback = Rc<RefCell<Option<Box<dyn FnMut(CloseReason)>>>>;

/// An open connection. Cheap to clone (shared); the connection closes when the last clone drops.
#[derive(Clone)]
pub struct Db {
    inner: Rc<Inner>,
}

struct Inner {
    db: IdbDatabase,
    closed: Rc<Cell<bool>>,
    callback: CloseCallback,
    _on_versionchange: Closure<dyn FnMut(Event)>,
    _on_close: Closure<dyn FnMut(Event)>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.set_onclose(None);
        self.db.close();
    }
}

fn closed_handler(
    db: &IdbDatabase,
    closed: &Rc<Cell<bool>>,
    callback: &CloseCallback,
    reason: CloseReason,
) -> Closure<dyn FnMut(Event)> {
    let (db, closed, callback) = (db.clone(), closed.clone(), callback.clone());
    Closure::new(move |_: Event| {
        // Always close first, so the other tab's upgrade can proceed even if the app ignores it.
        db.close();
        closed.set(true);
        // Take the callback out while calling it (it may call on_version_change again).
        let taken = callback.borrow_mut().take();
        if let Some(mut cb) = taken {
            cb(reason);
            let mut slot = callback.borrow_mut();
            if slot.is_none() {
                *slot = Some(cb);
            }
        }
    })
}

impl Db {
    fn new(db: IdbDatabase) -> Self {
        let closed = Rc::new(Cell::new(false));
        let callback: CloseCallback = Rc::default();
        let on_vc = closed_handler(&db, &closed, &callback, CloseReason::VersionChange);
        let on_close = closed_handler(&db, &closed, &callback, CloseReason::ClosedByBrowser);
        db.set_onversionchange(Some(on_vc.as_ref().unchecked_ref()));
        db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        Db {
            inner: Rc::new(Inner {
                db,
                closed,
                callback,
                _on_versionchange: on_vc,
                _on_close: on_close,
            }),
        }
    }

    /// Called after the connection was closed under us (it is already closed when this runs;
    /// every later call returns `Err(Closed)`). Replaces any previous callback.
    pub fn on_version_change(&self, callback: impl FnMut(CloseReason) + 'static) {
        *self.inner.callback.borrow_mut() = Some(Box::new(callback));
    }

    pub fn is_closed(&self) -> bool {
        self.inner.closed.get()
    }

    /// Schema version of this connection.
    pub fn version(&self) -> f64 {
        self.inner.db.version()
    }

    /// Close now (all clones). Pending transactions still finish.
    pub fn close(&self) {
        self.inner.closed.set(true);
        self.inner.db.close();
    }

    fn tx(
        &self,
        stores: &[&str],
        mode: IdbTransactionMode,
        strict: bool,
    ) -> Result<IdbTransaction, StoreError> {
        if self.inner.closed.get() {
            return Err(StoreError::Closed);
        }
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let db = &self.inner.db;
        let tx = if strict {
            let options = Object::new();
            let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
            db.unchecked_ref::<DbWithOptions>()
                .transaction_with_options(&names, mode, &options)
        } else {
            db.transaction_with_str_sequence_and_mode(&names, mode)
        };
        tx.map_err(StoreError::from_tx_create)
    }

    /// Run `issue` (synchronous requests only) in one readwrite transaction and wait for
    /// `complete`. A synchronous throw aborts the whole transaction.
    async fn write(
        &self,
        stores: &[&str],
        strict: bool,
        issue: impl FnOnce(&IdbTransaction) -> Result<(), JsValue>,
    ) -> Result<(), StoreError> {
        let tx = self.tx(stores, IdbTransactionMode::Readwrite, strict)?;
        if let Err(e) = issue(&tx) {
            let _ = tx.abort();
            return Err(StoreError::from_js(e));
        }
        done(&tx).await
    }

    async fn read(&self, store: &str, key: Option<&str>) -> Result<JsValue, StoreError> {
        let tx = self.tx(&[store], IdbTransactionMode::Readonly, false)?;
        let s = tx.object_store(store).map_err(StoreError::from_js)?;
        let req = match key {
            Some(k) => s.get(&JsValue::from_str(k)),
            None => s.get_all(),
        }
        .map_err(StoreError::from_js)?;
        request(&req).await
    }

    /// Save a draft record (a JSON object with a string `id`; e.g. `{id, rev, updated_ms, draft}`).
    /// `Ok` only once the transaction has committed.
    pub async fn put_draft(&self, record_json: &str) -> Result<(), StoreError> {
        let record = parse(record_json)?;
        self.put_draft_value(&record, None).await
    }

    /// Save a draft and a meta entry (e.g. `("last_draft", id)`) atomically, in ONE transaction.
    pub async fn put_draft_with_meta(
        &self,
        record_json: &str,
        meta_key: &str,
        meta_value: &str,
    ) -> Result<(), StoreError> {
        let record = parse(record_json)?;
        self.put_draft_value(&record, Some((meta_key, meta_value)))
            .await
    }

    /// Like [`put_draft_with_meta`](Self::put_draft_with_meta) for an already-built JS object.
    pub async fn put_draft_value(
        &self,
        record: &JsValue,
        meta: Option<(&str, &str)>,
    ) -> Result<(), StoreError> {
        let stores: &[&str] = if meta.is_some() {
            &[DRAFTS, META]
        } else {
            &[DRAFTS]
        };
        self.write(stores, true, |tx| {
            tx.object_store(DRAFTS)?.put(record)?;
            if let Some((k, v)) = meta {
                tx.object_store(META)?
                    .put_with_key(&JsValue::from_str(v), &JsValue::from_str(k))?;
            }
            Ok(())
        })
        .await
    }

    /// All drafts, as JSON strings, in key (id) order.
    pub async fn get_all_drafts(&self) -> Result<Vec<String>, StoreError> {
        let all = self.read(DRAFTS, None).await?;
        all.dyn_into::<Array>()
            .map_err(|_| StoreError::Other("UnexpectedResult".into()))?
            .iter()
            .map(|v| stringify(&v))
            .collect()
    }

    /// One draft as a JSON string, `None` if there is no record with that id.
    pub async fn get_draft(&self, id: &str) -> Result<Option<String>, StoreError> {
        let v = self.read(DRAFTS, Some(id)).await?;
        if v.is_undefined() {
            return Ok(None);
        }
        stringify(&v).map(Some)
    }

    /// Delete one draft and its files, in one transaction (no error if it does not exist): the
    /// draft's record, then every file its id owns in [`FILES`], found by the `by_draft` index
    /// (the deletes are issued from the key request's success handler, inside the transaction).
    /// `Ok` once committed.
    pub async fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        let tx = self.tx(&[DRAFTS, FILES], IdbTransactionMode::Readwrite, false)?;
        let issued = (|| -> Result<(IdbRequest, web_sys::IdbObjectStore), JsValue> {
            tx.object_store(DRAFTS)?.delete(&JsValue::from_str(id))?;
            let files = tx.object_store(FILES)?;
            let keys = files
                .index(FILES_BY_DRAFT)?
                .get_all_keys_with_key(&draft_range(id)?.into())?;
            Ok((keys, files))
        })();
        let (keys, files) = match issued {
            Ok(v) => v,
            Err(e) => {
                let _ = tx.abort();
                return Err(StoreError::from_js(e));
            }
        };
        let on_keys = {
            let (keys, tx) = (keys.clone(), tx.clone());
            Closure::once(move |_: Event| {
                let list: Array = keys
                    .result()
                    .map(|r| r.unchecked_into())
                    .unwrap_or_default();
                for k in list.iter() {
                    if files.delete(&k).is_err() {
                        let _ = tx.abort();
                        return;
                    }
                }
            })
        };
        keys.set_onsuccess(Some(on_keys.as_ref().unchecked_ref()));
        let finished = done(&tx).await;
        keys.set_onsuccess(None);
        drop(on_keys);
        finished
    }

    /// Store a file's bytes as the record `{id, draft_id, bytes, type, sha256, stored_ms}`
    /// (written once: files are immutable by id). The bytes are an `ArrayBuffer`: a structured
    /// clone every engine stores (Chromium and Firefox both move large values out to files on
    /// their own), in private windows too, and read back synchronously in the request's success;
    /// a `Blob` would save a copy for thumbnails but older WebKit failed to store Blobs in
    /// IndexedDB and Firefox's private windows refused them until recently. `Ok` once
    /// committed (durability "strict": the draft will point at it); `QuotaExceeded` when full.
    pub async fn put_file(
        &self,
        id: &str,
        draft_id: &str,
        mime: &str,
        sha256: &str,
        bytes: &[u8],
        stored_ms: u64,
    ) -> Result<(), StoreError> {
        let record = Object::new();
        let set = |k: &str, v: &JsValue| Reflect::set(&record, &JsValue::from_str(k), v);
        let buffer = js_sys::Uint8Array::from(bytes).buffer();
        set("id", &id.into())
            .and_then(|_| set("draft_id", &draft_id.into()))
            .and_then(|_| set("bytes", &buffer))
            .and_then(|_| set("type", &mime.into()))
            .and_then(|_| set("sha256", &sha256.into()))
            .and_then(|_| set("stored_ms", &JsValue::from_f64(stored_ms as f64)))
            .map_err(StoreError::from_js)?;
        self.write(&[FILES], true, |tx| {
            tx.object_store(FILES)?.put(&record)?;
            Ok(())
        })
        .await
    }

    /// A file's bytes and type, `None` if there is no such file.
    pub async fn get_file(&self, id: &str) -> Result<Option<(Vec<u8>, String)>, StoreError> {
        let v = self.read(FILES, Some(id)).await?;
        Ok(file_of(&v))
    }

    /// Several files' bytes (those that exist), read in one transaction.
    pub async fn get_files(&self, ids: &[String]) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        let tx = self.tx(&[FILES], IdbTransactionMode::Readonly, false)?;
        let store = tx.object_store(FILES).map_err(StoreError::from_js)?;
        // Every request is issued (and its handlers installed) before the first await.
        let mut pending = Vec::with_capacity(ids.len());
        for id in ids {
            let req = store
                .get(&JsValue::from_str(id))
                .map_err(StoreError::from_js)?;
            pending.push((id, bridge::request_now(&req), req));
        }
        let mut out = Vec::with_capacity(ids.len());
        for (id, fut, req) in pending {
            let v = bridge::settle(fut, &req).await?;
            if let Some((bytes, _)) = file_of(&v) {
                out.push((id.clone(), bytes));
            }
        }
        Ok(out)
    }

    /// Delete files by id (missing ones are no error), in one transaction.
    pub async fn delete_files(&self, ids: &[String]) -> Result<(), StoreError> {
        self.write(&[FILES], false, |tx| {
            let store = tx.object_store(FILES)?;
            for id in ids {
                store.delete(&JsValue::from_str(id))?;
            }
            Ok(())
        })
        .await
    }

    /// How many files are stored (tests, the e2e checks).
    pub async fn count_files(&self) -> Result<u32, StoreError> {
        let tx = self.tx(&[FILES], IdbTransactionMode::Readonly, false)?;
        let req = tx
            .object_store(FILES)
            .and_then(|s| s.count())
            .map_err(StoreError::from_js)?;
        Ok(request(&req).await?.as_f64().unwrap_or(0.0) as u32)
    }

    /// Delete the files no draft lists ([`crate::draft::store::files_to_sweep`], whose comment
    /// gives the rule and the grace period), in ONE transaction over the drafts and the files:
    /// the drafts are read, the files' `(draft_id, stored_ms)` walked with a key cursor on the
    /// index (no bytes are loaded), and the deletes issued from the cursor's last step. Returns
    /// how many were deleted.
    pub async fn sweep_files(&self, now_ms: u64) -> Result<usize, StoreError> {
        let tx = self.tx(&[DRAFTS, FILES], IdbTransactionMode::Readwrite, false)?;
        let issued = (|| -> Result<_, JsValue> {
            let drafts = tx.object_store(DRAFTS)?.get_all()?;
            let files = tx.object_store(FILES)?;
            let cursor = files.index(FILES_BY_DRAFT)?.open_key_cursor()?;
            Ok((drafts, files, cursor))
        })();
        let (drafts, files, cursor) = match issued {
            Ok(v) => v,
            Err(e) => {
                let _ = tx.abort();
                return Err(StoreError::from_js(e));
            }
        };
        let swept: Rc<Cell<usize>> = Rc::default();
        let seen: Rc<RefCell<Vec<StoredFile>>> = Rc::default();
        let on_step = {
            let (cursor_req, tx, swept) = (cursor.clone(), tx.clone(), swept.clone());
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                let step = cursor_req.result().unwrap_or(JsValue::NULL);
                if let Some(c) = step.dyn_ref::<web_sys::IdbCursor>() {
                    let key: Option<Array> = c.key().ok().and_then(|k| k.dyn_into().ok());
                    let id = c.primary_key().ok().and_then(|k| k.as_string());
                    if let (Some(key), Some(id)) = (key, id) {
                        seen.borrow_mut().push(StoredFile {
                            id,
                            draft_id: key.get(0).as_string().unwrap_or_default(),
                            stored_ms: key.get(1).as_f64().unwrap_or(0.0).max(0.0) as u64,
                        });
                    }
                    if c.continue_().is_err() {
                        let _ = tx.abort();
                    }
                    return;
                }
                // The walk is over: the drafts' request finished before the cursor's first step.
                let listed = drafts_listing(&drafts);
                let doomed = crate::draft::store::files_to_sweep(&seen.borrow(), &listed, now_ms);
                for id in &doomed {
                    if files.delete(&JsValue::from_str(id)).is_err() {
                        let _ = tx.abort();
                        return;
                    }
                }
                swept.set(doomed.len());
            })
        };
        cursor.set_onsuccess(Some(on_step.as_ref().unchecked_ref()));
        let finished = done(&tx).await;
        cursor.set_onsuccess(None);
        drop(on_step);
        finished.map(|()| swept.get())
    }

    pub async fn put_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write(&[META], false, |tx| {
            tx.object_store(META)?
                .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))?;
            Ok(())
        })
        .await
    }

    pub async fn get_meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.read(META, Some(key)).await?.as_string())
    }

    /// Keep a backup (JSON object with a string `id`, see `draft::store::backup_value`). Backups
    /// are never overwritten, and the same text has the same id: keeping it again is `Ok(false)`.
    pub async fn keep_backup(&self, record_json: &str) -> Result<bool, StoreError> {
        let record = parse(record_json)?;
        match self
            .write(&[BACKUPS], true, |tx| {
                tx.object_store(BACKUPS)?.add(&record)?;
                Ok(())
            })
            .await
        {
            Ok(()) => Ok(true),
            Err(StoreError::Other(n)) if n == "ConstraintError" => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Every kept backup, as JSON strings.
    pub async fn backups(&self) -> Result<Vec<String>, StoreError> {
        let all = self.read(BACKUPS, None).await?;
        all.dyn_into::<Array>()
            .map_err(|_| StoreError::Other("UnexpectedResult".into()))?
            .iter()
            .map(|v| stringify(&v))
            .collect()
    }

    /// Write `record_json` as the record of `id` if the stored one has revision `expect` (`None`:
    /// no record), in one transaction: the stored record is read by a request whose success
    /// handler compares and puts synchronously, so no other tab can write in between and the
    /// transaction never waits on anything else (see the module doc on auto-commit).
    pub async fn put_if_rev(
        &self,
        id: &str,
        record_json: &str,
        expect: Option<u64>,
    ) -> Result<Cas, StoreError> {
        let record = parse(record_json)?;
        let tx = self.tx(&[DRAFTS], IdbTransactionMode::Readwrite, true)?;
        let store = tx.object_store(DRAFTS).map_err(StoreError::from_js)?;
        let get = store
            .get(&JsValue::from_str(id))
            .map_err(StoreError::from_js)?;
        let outcome: Rc<RefCell<Option<Result<Cas, String>>>> = Rc::default();
        let on_get = {
            let (get, store, tx, outcome) =
                (get.clone(), store.clone(), tx.clone(), outcome.clone());
            Closure::once(move |_: Event| {
                let current = get.result().unwrap_or(JsValue::UNDEFINED);
                let rev = if current.is_undefined() {
                    None
                } else {
                    Reflect::get(&current, &JsValue::from_str("rev"))
                        .ok()
                        .and_then(|v| v.as_f64())
                        .map(|f| f as u64)
                };
                let stored_is_record = !current.is_undefined() && rev.is_some();
                let result = if (current.is_undefined() && expect.is_none())
                    || (stored_is_record && rev == expect)
                {
                    match store.put(&record) {
                        Ok(_) => Ok(Cas::Written),
                        Err(e) => {
                            let _ = tx.abort();
                            Err(error_name(&e))
                        }
                    }
                } else if current.is_undefined() {
                    Ok(Cas::Stale(None))
                } else {
                    // Another revision, or a record without one (never written over).
                    Ok(Cas::Stale(Some(
                        JSON::stringify(&current)
                            .map(String::from)
                            .unwrap_or_default(),
                    )))
                };
                *outcome.borrow_mut() = Some(result);
            })
        };
        get.set_onsuccess(Some(on_get.as_ref().unchecked_ref()));
        let finished = done(&tx).await;
        get.set_onsuccess(None);
        drop(on_get);
        let taken = outcome.borrow_mut().take();
        match (finished, taken) {
            (Ok(()), Some(Ok(cas))) => Ok(cas),
            (_, Some(Err(name))) => Err(StoreError::from_name(&name)),
            (Err(e), _) => Err(e),
            (Ok(()), None) => Err(StoreError::Other("NoResult".into())),
        }
    }
}

impl Database for Db {
    type Error = StoreError;

    async fn put_if(&self, id: &str, record: &str, expect: Option<u64>) -> Result<Cas, StoreError> {
        self.put_if_rev(id, record, expect).await
    }

    async fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.delete_draft(id).await
    }

    async fn get(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.get_draft(id).await
    }
}

/// The range of the `by_draft` index holding draft `id`'s files: keys `[id, n]` for any number
/// `n` lie between `[id]` and `[id, []]` (an array sorts after every number).
fn draft_range(id: &str) -> Result<web_sys::IdbKeyRange, JsValue> {
    let lower = Array::of1(&JsValue::from_str(id));
    let upper = Array::of2(&JsValue::from_str(id), &Array::new());
    web_sys::IdbKeyRange::bound(&lower, &upper)
}

/// A stored file record's bytes and type.
fn file_of(v: &JsValue) -> Option<(Vec<u8>, String)> {
    if v.is_undefined() || v.is_null() {
        return None;
    }
    let bytes = Reflect::get(v, &JsValue::from_str("bytes")).ok()?;
    let bytes = if let Some(b) = bytes.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(b).to_vec()
    } else {
        bytes.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec()
    };
    let mime = Reflect::get(v, &JsValue::from_str("type"))
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default();
    Some((bytes, mime))
}

/// Each stored draft's listed files, from a `getAll` of the drafts store.
fn drafts_listing(
    request: &IdbRequest,
) -> std::collections::BTreeMap<String, Option<std::collections::BTreeSet<String>>> {
    let all: Array = request
        .result()
        .ok()
        .and_then(|r| r.dyn_into().ok())
        .unwrap_or_default();
    all.iter()
        .filter_map(|v| {
            let id = Reflect::get(&v, &JsValue::from_str("id"))
                .ok()?
                .as_string()?;
            let text: Option<String> = JSON::stringify(&v).ok().map(String::from);
            Some((id, text.and_then(|t| crate::draft::store::listed_files(&t))))
        })
        .collect()
}

fn parse(json: &str) -> Result<JsValue, StoreError> {
    JSON::parse(json).map_err(StoreError::from_js)
}

fn stringify(v: &JsValue) -> Result<String, StoreError> {
    JSON::stringify(v)
        .map(String::from)
        .map_err(StoreError::from_js)
}
