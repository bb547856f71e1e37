//! Where drafts live on the device: the browser's database ([`super::db`]), one record per
//! draft, kept in step with the app's other tabs and windows ([`crate::draft::sync`], messages on
//! [`super::channel`]). The app hands every changed draft to [`DraftStore::save`] and hears back
//! through [`Event`]s; nothing here decides what the user sees.
//!
//! Start-up ([`DraftStore::start`]): open the database; move a version-1 local-storage store into
//! it once (checked by reading it back before the old key is removed; an interrupted move is
//! resumed, never repeated into duplicates); keep anything unreadable once, in the database's
//! backups; load every draft; then listen to the other tabs. Where the database cannot be opened
//! (private mode, a frame without storage, blocked), the app works in memory and says so.
//!
//! All database work runs one job at a time in one task, so a tab's writes keep their order and
//! the [`Syncer`] is never borrowed across an `.await`.

// Natively there is no database: the store keeps nothing and sends nothing, so most of it is unused
// there. The sync logic is tested natively in `draft::sync`, the database in tests/db_web.rs, the
// whole store in the browser tests (tests/e2e/storage-tabs.spec.mjs).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use yew::Callback;

use crate::draft::store::{journal_forget, journal_put, Space, JOURNAL_KEY};
use crate::draft::sync::{Outcome, Syncer};
use crate::draft::Draft;
use crate::lang::Lang;

/// Why drafts are not being saved on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsaved {
    /// The browser gives this page no database (private mode, settings, a frame on another site).
    Unavailable,
    /// The browser's storage for this site is full.
    Full,
    /// Another tab holds an older version of the database open; closing it lets this one save.
    Blocked,
    /// Another failure, by the browser's name for it.
    Other(String),
}

/// What loading found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub drafts: Vec<Draft>,
    pub current: Option<String>,
    /// The language saved by a version-1 store, if one was moved now.
    pub lang: Option<Lang>,
    /// How many drafts were moved from the version-1 local-storage store now.
    pub migrated: usize,
    /// How many kept copies of unreadable data the database holds (old stores, records of a newer
    /// version or damaged); the user can download them.
    pub kept: usize,
    /// Records left as they are because this version cannot read them.
    pub unreadable: usize,
}

/// What the store tells the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// Start-up finished: the drafts on this device.
    Loaded(Loaded),
    /// Saving works (again) after a failure, or the first save succeeded.
    Saved,
    /// Drafts are not being saved, and why (shown until [`Event::Saved`]).
    NotSaved(Unsaved),
    /// Another tab changed this draft: merge `theirs` into the app's version against `base`
    /// (`draft::merge::merge`), show it, and hand the result back to [`DraftStore::save`].
    Merge {
        base: Box<Draft>,
        theirs: Box<Draft>,
    },
    /// Another tab added a draft.
    Added(Box<Draft>),
    /// Another tab deleted a draft that had no unsaved changes here.
    Removed(String),
    /// A draft deleted in another tab while changed here was written again.
    Restored(String),
    /// A new draft's id is already another draft's: it gets the fresh id `new` (nothing was
    /// overwritten); the app renames it and saves it again.
    IdTaken { old: String, new: String },
    /// How much room the app uses and has left (after loading, after the browser was asked to
    /// keep the data, and at most every [`SPACE_EVERY_MS`] while saving).
    Room(Space),
}

enum Job {
    Save(Rc<Draft>),
    Delete(String),
    Current(Option<String>),
    Heard(String),
    /// Free the evidence files no draft lists (`db::Db::sweep_files`): after loading, after a
    /// save that dropped a file, after another tab's change was merged or a draft removed.
    Sweep,
}

#[derive(Default)]
struct Inner {
    #[cfg(target_arch = "wasm32")]
    db: Option<super::db::Db>,
    /// Taken out by the job that is running (it awaits the database with it).
    syncer: Syncer,
    /// The revisions the database last confirmed to this tab: a copy of the syncer's, kept
    /// here so a change made while a job holds the syncer journals the right base.
    revs: BTreeMap<String, u64>,
    queue: VecDeque<Job>,
    running: bool,
    /// The app's latest version of each draft (what a Heard job merges against).
    latest: BTreeMap<String, Rc<Draft>>,
    channel: Option<super::channel::Channel>,
    failing: bool,
    asked_persist: bool,
    /// Whether the browser keeps the data under storage pressure (`None`: unknown).
    kept: Option<bool>,
    /// When the room was last estimated (ms since the epoch).
    space_at_ms: u64,
}

/// While saving, the room is estimated again at most this often (an estimate is cheap but not
/// free; the thresholds leave megabytes of margin, so a 30 s lag cannot miss the warning).
pub const SPACE_EVERY_MS: u64 = 30_000;

/// The app's handle on the device's drafts. Cheap to clone.
#[derive(Clone)]
pub struct DraftStore {
    inner: Rc<RefCell<Inner>>,
    on_event: Callback<Event>,
}

impl PartialEq for DraftStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl DraftStore {
    /// Open the store and load the drafts (the result arrives as [`Event::Loaded`], or
    /// [`Event::NotSaved`] and an empty [`Event::Loaded`] when there is no database). Natively
    /// (tests) nothing is stored and no event is sent.
    pub fn start(on_event: Callback<Event>) -> DraftStore {
        let store = DraftStore {
            inner: Rc::default(),
            on_event,
        };
        #[cfg(target_arch = "wasm32")]
        {
            let s = store.clone();
            super::spawn(async move { s.open_and_load().await });
        }
        store
    }

    /// Whether this build has a database to load drafts from (the web app; natively, for the
    /// tests and the SSR render, there is none and the app opens at once on no drafts).
    pub fn has_database() -> bool {
        cfg!(target_arch = "wasm32")
    }

    /// A store that keeps nothing (demo mode, tests).
    pub fn in_memory() -> DraftStore {
        DraftStore {
            inner: Rc::default(),
            on_event: Callback::noop(),
        }
    }

    /// Save the app's version of a draft (a new or changed one). It is written to a small
    /// local-storage journal at once (synchronously), so a reload before the database write has
    /// finished loses nothing; the journal entry goes when the write is confirmed.
    pub fn save(&self, draft: Rc<Draft>) {
        let base = {
            let mut s = self.inner.borrow_mut();
            s.latest.insert(draft.id.clone(), draft.clone());
            if !s.running && s.syncer.base(&draft.id) == Some(&*draft) {
                // Exactly what the database holds (just loaded, heard from another tab, or a
                // change undone before it was written): nothing to write, nothing to replay.
                drop(s);
                self.journal(|text| journal_forget(text, &draft.id));
                return;
            }
            s.revs.get(&draft.id).copied()
        };
        self.journal(|text| Some(journal_put(text, base, &draft)));
        self.enqueue(Job::Save(draft));
    }

    /// Rewrite the journal key (best effort: a full or blocked local storage only loses this
    /// safety net, the database write still happens).
    fn journal(&self, f: impl FnOnce(Option<&str>) -> Option<String>) {
        let old = super::storage::get(JOURNAL_KEY).ok().flatten();
        match f(old.as_deref()) {
            Some(text) => {
                let _ = super::storage::set(JOURNAL_KEY, &text);
            }
            None => super::storage::remove(JOURNAL_KEY),
        }
    }

    /// Delete a draft the user deleted.
    pub fn delete(&self, id: &str) {
        self.inner.borrow_mut().latest.remove(id);
        self.enqueue(Job::Delete(id.to_string()));
    }

    /// Download every kept copy of unreadable data as one JSON file (an array of
    /// `{id, created_ms, source, text}`), for the user to keep or send to someone who can help.
    pub fn download_kept(&self, file_name: String) {
        #[cfg(target_arch = "wasm32")]
        {
            let db = self.inner.borrow().db.clone();
            super::spawn(async move {
                let Some(db) = db else { return };
                if let Ok(all) = db.backups().await {
                    let text = format!("[{}]", all.join(","));
                    super::files::download_text(&file_name, "application/json", &text);
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = file_name;
    }

    /// Remember which draft is open (and the small index `static/boot.js` reads).
    pub fn set_current(&self, id: Option<String>) {
        self.enqueue(Job::Current(id));
    }

    fn enqueue(&self, job: Job) {
        let start = {
            let mut s = self.inner.borrow_mut();
            s.queue.push_back(job);
            !std::mem::replace(&mut s.running, true)
        };
        if start {
            #[cfg(target_arch = "wasm32")]
            {
                let me = self.clone();
                super::spawn(async move { me.run().await });
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                let mut s = self.inner.borrow_mut();
                s.queue.clear();
                s.running = false;
            }
        }
    }

    fn emit(&self, e: Event) {
        self.on_event.emit(e);
    }

    /// Mark saving as failing or working again, telling the app on each change.
    fn status(&self, failure: Option<Unsaved>) {
        let changed = {
            let mut s = self.inner.borrow_mut();
            let was = s.failing;
            s.failing = failure.is_some();
            was != s.failing || failure.is_some()
        };
        if changed {
            self.emit(match failure {
                Some(u) => Event::NotSaved(u),
                None => Event::Saved,
            });
        }
    }

    fn apply_outcome(&self, id: &str, outcome: Outcome) {
        match outcome {
            Outcome::Saved => {}
            Outcome::Merge { base, theirs } => {
                let known_here = self.inner.borrow().latest.contains_key(id);
                if known_here {
                    self.emit(Event::Merge { base, theirs });
                } else {
                    self.emit(Event::Added(theirs));
                }
            }
            Outcome::Restored => self.emit(Event::Restored(id.to_string())),
            Outcome::Removed => {
                self.inner.borrow_mut().latest.remove(id);
                self.emit(Event::Removed(id.to_string()));
            }
            Outcome::IdTaken => {
                self.inner.borrow_mut().latest.remove(id);
                self.emit(Event::IdTaken {
                    old: id.to_string(),
                    new: super::clock::new_id(),
                });
            }
            Outcome::Unreadable(_) => {
                self.status(Some(Unsaved::Other("unreadable record".into())));
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::draft::store::{
        self as format, backup_value, index_text, journal_applies, journal_confirm, journal_read,
        migration_verified, plan_migration, read_record, record_value, INDEX_KEY, META_CURRENT,
        META_MIGRATED, STORE_KEY,
    };
    use crate::draft::sync::Message;
    use crate::platform::db::{self, Db, StoreError};
    use crate::platform::quota;

    fn unsaved(e: &StoreError) -> Unsaved {
        match e {
            StoreError::QuotaExceeded => Unsaved::Full,
            StoreError::Blocked => Unsaved::Blocked,
            StoreError::Unavailable(_) => Unsaved::Unavailable,
            StoreError::Closed => Unsaved::Other("closed".into()),
            StoreError::Other(n) => Unsaved::Other(n.clone()),
        }
    }

    fn local_get(key: &str) -> Option<String> {
        crate::platform::storage::get(key).ok().flatten()
    }

    impl DraftStore {
        pub(super) async fn open_and_load(&self) {
            let db = match db::open_app().await {
                Ok(db) => db,
                Err(e) => {
                    self.status(Some(unsaved(&e)));
                    self.emit(Event::Loaded(Loaded::default()));
                    return;
                }
            };
            {
                let me = self.clone();
                db.on_version_change(move |_| {
                    // A newer version of the app opened the database in another tab: stop
                    // writing here (the new version's notice asks to reload).
                    me.inner.borrow_mut().db = None;
                    me.status(Some(Unsaved::Blocked));
                });
            }
            let mut loaded = Loaded::default();
            if let Err(e) = self.migrate(&db, &mut loaded).await {
                self.status(Some(unsaved(&e)));
            }
            match self.load(&db, &mut loaded).await {
                Ok(()) => {}
                Err(e) => self.status(Some(unsaved(&e))),
            }
            loaded.kept = db.backups().await.map(|b| b.len()).unwrap_or(0);
            let me = self.clone();
            let channel = super::super::channel::Channel::open(Callback::from(move |text| {
                me.enqueue(Job::Heard(text));
            }));
            let pending = {
                let mut s = self.inner.borrow_mut();
                s.db = Some(db);
                s.channel = Some(channel);
                s.revs = s.syncer.revisions();
                for d in &loaded.drafts {
                    s.latest.insert(d.id.clone(), Rc::new(d.clone()));
                }
                // After the journal's replays: free the files no draft lists.
                s.queue.push_back(Job::Sweep);
                !std::mem::replace(&mut s.running, true)
            };
            self.emit(Event::Loaded(loaded));
            if pending {
                let me = self.clone();
                super::super::spawn(async move { me.run().await });
            }
            if quota::persisted().await == Some(true) {
                self.inner.borrow_mut().kept = Some(true);
            }
            self.report_room().await;
        }

        /// Move the version-1 local-storage store into the database (once).
        async fn migrate(&self, db: &Db, loaded: &mut Loaded) -> Result<(), StoreError> {
            let Some(raw) = local_get(STORE_KEY) else {
                return Ok(());
            };
            let existing: std::collections::BTreeSet<String> = db
                .get_all_drafts()
                .await?
                .iter()
                .filter_map(|t| serde_json::from_str::<serde_json::Value>(t).ok())
                .filter_map(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string))
                .collect();
            let plan = plan_migration(&raw, &existing);
            for r in &plan.records {
                let text = record_value(r.rev, &r.draft).to_string();
                db.put_if_rev(&r.draft.id, &text, None).await?;
            }
            let back: Vec<format::Record> = db
                .get_all_drafts()
                .await?
                .iter()
                .filter_map(|t| read_record(t).ok())
                .collect();
            if !migration_verified(&plan, &back) {
                return Err(StoreError::Other("migration not verified".into()));
            }
            if !plan.complete() {
                // Keep the whole old text once (same text, same key), then the key can go.
                let now = crate::platform::clock::now_ms();
                db.keep_backup(&backup_value(&raw, "local-storage", now).to_string())
                    .await?;
            }
            if plan.current.is_some() && db.get_meta(META_CURRENT).await?.is_none() {
                if let Some(c) = &plan.current {
                    db.put_meta(META_CURRENT, c).await?;
                }
            }
            db.put_meta(META_MIGRATED, &plan.records.len().to_string())
                .await?;
            loaded.migrated = plan.records.len();
            loaded.lang = plan.lang;
            // Checked: only now the old key goes.
            crate::platform::storage::remove(STORE_KEY);
            Ok(())
        }

        async fn load(&self, db: &Db, loaded: &mut Loaded) -> Result<(), StoreError> {
            let now = crate::platform::clock::now_ms();
            for text in db.get_all_drafts().await? {
                match read_record(&text) {
                    Ok(r) => {
                        self.inner.borrow_mut().syncer.loaded(r.clone());
                        loaded.drafts.push(r.draft);
                    }
                    Err(_) => {
                        loaded.unreadable += 1;
                        let id = serde_json::from_str::<serde_json::Value>(&text)
                            .ok()
                            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string))
                            .unwrap_or_default();
                        let source = format!("record:{id}");
                        db.keep_backup(&backup_value(&text, &source, now).to_string())
                            .await?;
                    }
                }
            }
            // Changes made just before the last reload or close whose write never finished.
            if let Some(text) = local_get(JOURNAL_KEY) {
                for (base, d) in journal_read(&text) {
                    let stored = self.inner.borrow().syncer.rev(&d.id);
                    if !journal_applies(base, stored) {
                        continue; // another tab wrote since: what it wrote stands
                    }
                    match loaded.drafts.iter_mut().find(|x| x.id == d.id) {
                        Some(x) => *x = d.clone(),
                        None => loaded.drafts.push(d.clone()),
                    }
                    self.inner
                        .borrow_mut()
                        .queue
                        .push_back(Job::Save(Rc::new(d)));
                }
            }
            loaded.drafts.sort_by_key(|d| d.created_ms);
            loaded.current = db.get_meta(META_CURRENT).await?;
            Ok(())
        }

        async fn report_room(&self) {
            let now = crate::platform::clock::now_ms();
            let kept = {
                let mut s = self.inner.borrow_mut();
                s.space_at_ms = now;
                s.kept
            };
            if let Some(space) = quota::estimate()
                .await
                .and_then(|e| Space::new(e.usage, e.quota, kept))
            {
                self.emit(Event::Room(space));
            }
        }

        /// After a save: estimate the room again if the last estimate is old.
        async fn maybe_report_room(&self) {
            let due = {
                let s = self.inner.borrow();
                crate::platform::clock::now_ms().saturating_sub(s.space_at_ms) >= SPACE_EVERY_MS
            };
            if due {
                self.report_room().await;
            }
        }

        fn write_index(&self, current: Option<&str>) {
            let s = self.inner.borrow();
            let set = current
                .and_then(|id| s.latest.get(id))
                .map(|d| d.product_set.clone());
            let text = index_text(s.latest.len(), set.as_deref());
            drop(s);
            let _ = crate::platform::storage::set(INDEX_KEY, &text);
        }

        pub(super) async fn run(&self) {
            loop {
                let (job, db, mut syncer) = {
                    let mut s = self.inner.borrow_mut();
                    let Some(job) = s.queue.pop_front() else {
                        s.running = false;
                        return;
                    };
                    (job, s.db.clone(), std::mem::take(&mut s.syncer))
                };
                let Some(db) = db else {
                    // No database (yet, or any more): keep the job for when it opens; saving
                    // state was already reported.
                    let mut s = self.inner.borrow_mut();
                    s.syncer = syncer;
                    s.running = false;
                    if matches!(job, Job::Save(_) | Job::Delete(_)) && s.channel.is_some() {
                        s.queue.push_front(job);
                    }
                    return;
                };
                let result = self.work(&db, &mut syncer, job).await;
                {
                    let mut s = self.inner.borrow_mut();
                    s.revs = syncer.revisions();
                    s.syncer = syncer;
                }
                match result {
                    Ok(()) => self.status(None),
                    Err(e) => self.status(Some(unsaved(&e))),
                }
            }
        }

        async fn work(&self, db: &Db, syncer: &mut Syncer, job: Job) -> Result<(), StoreError> {
            match job {
                Job::Save(draft) => {
                    // Only the latest version counts (later jobs for the same draft are newer).
                    let latest = self.inner.borrow().latest.get(&draft.id).cloned();
                    let Some(draft) = latest else { return Ok(()) };
                    let before = syncer.rev(&draft.id);
                    let files_before: Vec<String> = syncer
                        .base(&draft.id)
                        .map(|d| d.attachments.iter().map(|a| a.id.clone()).collect())
                        .unwrap_or_default();
                    let outcome = syncer.save(db, &draft).await?;
                    let files_now: Vec<&str> =
                        draft.attachments.iter().map(|a| a.id.as_str()).collect();
                    if files_before
                        .iter()
                        .any(|id| !files_now.contains(&id.as_str()))
                    {
                        self.inner.borrow_mut().queue.push_back(Job::Sweep);
                    }
                    if files_before.len() != files_now.len() {
                        // A file added or gone changes the room used by far more than a save:
                        // estimate it now rather than within SPACE_EVERY_MS.
                        self.report_room().await;
                    }
                    if let Some(rev) = syncer.rev(&draft.id).filter(|r| Some(*r) != before) {
                        self.post(&Message::Changed {
                            id: draft.id.clone(),
                            rev,
                        });
                    }
                    if before.is_none() {
                        self.write_index(None);
                    }
                    if let (Outcome::Saved | Outcome::Restored, Some(rev)) =
                        (&outcome, syncer.rev(&draft.id))
                    {
                        self.journal(|text| journal_confirm(text, &draft, rev));
                    }
                    self.apply_outcome(&draft.id, outcome);
                    self.maybe_persist(&draft);
                }
                Job::Delete(id) => {
                    // The draft's files go in the same transaction (`Db::delete_draft`).
                    syncer.delete(db, &id).await?;
                    self.post(&Message::Deleted { id });
                    self.write_index(None);
                }
                Job::Current(id) => {
                    if let Some(id) = &id {
                        db.put_meta(META_CURRENT, id).await?;
                    }
                    self.write_index(id.as_deref());
                }
                Job::Heard(text) => {
                    let Some(msg) = Message::parse(&text) else {
                        return Ok(());
                    };
                    let id = match &msg {
                        Message::Changed { id, .. } | Message::Deleted { id } => id.clone(),
                    };
                    let ours = self.inner.borrow().latest.get(&id).cloned();
                    match syncer.changed_elsewhere(db, &id, ours.as_deref()).await? {
                        Some(Outcome::Merge { theirs, .. }) if ours.is_none() => {
                            // New in another tab.
                            self.inner
                                .borrow_mut()
                                .latest
                                .insert(id.clone(), Rc::new((*theirs).clone()));
                            self.emit(Event::Added(theirs));
                        }
                        Some(outcome) => {
                            if matches!(outcome, Outcome::Merge { .. } | Outcome::Removed) {
                                self.inner.borrow_mut().queue.push_back(Job::Sweep);
                            }
                            self.apply_outcome(&id, outcome)
                        }
                        None => {}
                    }
                }
                Job::Sweep => {
                    let now = crate::platform::clock::now_ms();
                    if db.sweep_files(now).await? > 0 {
                        self.report_room().await;
                    }
                }
            }
            Ok(())
        }

        fn post(&self, m: &Message) {
            if let Some(c) = &self.inner.borrow().channel {
                c.post(&m.to_text());
            }
        }

        /// Ask the browser to keep the data once there is something worth keeping: the first
        /// saved answer. Then report the room left.
        fn maybe_persist(&self, draft: &Draft) {
            let ask = {
                let mut s = self.inner.borrow_mut();
                let ask = !s.asked_persist && !draft.responses.answers.is_empty();
                s.asked_persist |= ask;
                ask
            };
            // Never awaited by the job queue: Firefox answers persist() only once the user has
            // answered its permission prompt (possibly never), and no save may wait for that.
            let me = self.clone();
            super::super::spawn(async move {
                if ask {
                    let kept = quota::persist().await;
                    me.inner.borrow_mut().kept = kept;
                    me.report_room().await;
                } else {
                    me.maybe_report_room().await;
                }
            });
        }
    }
}
