//! Keeping one tab's drafts and the device's database in step, when other tabs and windows write
//! the same database. Pure logic over a [`Database`] trait: the browser's IndexedDB implements it
//! in `platform::db`; the tests here use an in-memory one shared by several "tabs".
//!
//! Every write is a compare-and-set on the draft's revision: a tab writes revision `r + 1` only if
//! the database still holds revision `r`, the one it last saw ([`Syncer`] remembers it per draft).
//! When another tab wrote in between, the write is refused with what is stored now; the tab then
//! merges ([`super::merge`]) its own version with that one against the version both started from,
//! shows the merge, and writes again. So no write ever drops another tab's answer.

use std::collections::BTreeMap;

use super::store::{read_record, record_value, Record, RecordProblem};
use super::Draft;

/// What a compare-and-set write found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cas {
    /// Written.
    Written,
    /// Not written: the stored record is not at the expected revision. Holds the stored record's
    /// text (`None`: there is no record with that id).
    Stale(Option<String>),
}

/// The operations the sync needs from the database. Implementations must make `put_if` and
/// `delete_if` atomic (one transaction: read, compare, write).
#[allow(async_fn_in_trait)] // used only within this crate, on one thread
pub trait Database {
    type Error;
    /// Write `record` (a record's JSON text, key `id`) if the stored record of `id` has revision
    /// `expect` (`None`: there is no stored record).
    async fn put_if(&self, id: &str, record: &str, expect: Option<u64>)
        -> Result<Cas, Self::Error>;
    /// Delete the record of `id` (whatever its revision).
    async fn delete(&self, id: &str) -> Result<(), Self::Error>;
    /// The stored record of `id`, as JSON text.
    async fn get(&self, id: &str) -> Result<Option<String>, Self::Error>;
}

/// What the tab must do after a sync step.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The database holds this tab's version (or nothing was to be done).
    Saved,
    /// Another tab changed the draft. Merge `theirs` into the tab's current version against `base`
    /// ([`super::merge::merge`]), show the result, and sync again (the next sync writes it).
    Merge {
        base: Box<Draft>,
        theirs: Box<Draft>,
    },
    /// The draft was deleted in another tab while this one changed it: it has been written again
    /// (this tab's changes are newer), and the user should be told.
    Restored,
    /// The draft was deleted in another tab and this tab had no changes: remove it here.
    Removed,
    /// The stored record cannot be read by this version (newer app, corrupted): it is left as it
    /// is, and this tab's version is not written over it.
    Unreadable(RecordProblem),
    /// A draft new in this tab has an id that another draft in the database already has (two tabs
    /// imported at once): give it a fresh id and save it again. Nothing was overwritten.
    IdTaken,
}

/// Longest run of refused writes before a sync gives up for now (each refusal means another tab
/// wrote meanwhile; the next change or message syncs again).
const MAX_TRIES: usize = 4;

/// One tab's memory of what the database held when it last read or wrote each draft.
#[derive(Clone, Debug, Default)]
pub struct Syncer {
    synced: BTreeMap<String, Record>,
}

impl Syncer {
    pub fn new() -> Syncer {
        Syncer::default()
    }

    /// Remember a record read from the database (at start-up).
    pub fn loaded(&mut self, record: Record) {
        self.synced.insert(record.draft.id.clone(), record);
    }

    /// Every draft's revision as this tab last saw it.
    pub fn revisions(&self) -> std::collections::BTreeMap<String, u64> {
        self.synced
            .iter()
            .map(|(id, r)| (id.clone(), r.rev))
            .collect()
    }

    /// The revision this tab last saw of a draft.
    pub fn rev(&self, id: &str) -> Option<u64> {
        self.synced.get(id).map(|r| r.rev)
    }

    /// The version both this tab and the database last agreed on.
    pub fn base(&self, id: &str) -> Option<&Draft> {
        self.synced.get(id).map(|r| &r.draft)
    }

    /// Save this tab's current version `ours` of a draft (a new or changed draft).
    pub async fn save<D: Database>(&mut self, db: &D, ours: &Draft) -> Result<Outcome, D::Error> {
        let id = ours.id.clone();
        for _ in 0..MAX_TRIES {
            let known = self.synced.get(&id);
            if known.is_some_and(|r| r.draft == *ours) {
                return Ok(Outcome::Saved);
            }
            let expect = known.map(|r| r.rev);
            let rev = expect.unwrap_or(0) + 1;
            let text = record_value(rev, ours).to_string();
            match db.put_if(&id, &text, expect).await? {
                Cas::Written => {
                    self.synced.insert(
                        id,
                        Record {
                            rev,
                            draft: ours.clone(),
                        },
                    );
                    return Ok(Outcome::Saved);
                }
                Cas::Stale(None) => {
                    // Deleted elsewhere while changed here: write it again, as a new record.
                    let restored = expect.is_some();
                    self.synced.remove(&id);
                    if restored {
                        let text = record_value(1, ours).to_string();
                        if db.put_if(&id, &text, None).await? == Cas::Written {
                            self.synced.insert(
                                id,
                                Record {
                                    rev: 1,
                                    draft: ours.clone(),
                                },
                            );
                            return Ok(Outcome::Restored);
                        }
                    }
                }
                Cas::Stale(Some(stored)) => match read_record(&stored) {
                    Err(problem) => return Ok(Outcome::Unreadable(problem)),
                    Ok(theirs) => {
                        let Some(base) = self.synced.get(&id).map(|r| r.draft.clone()) else {
                            // New here, but the id is taken: never overwrite another draft.
                            return Ok(Outcome::IdTaken);
                        };
                        let theirs_draft = theirs.draft.clone();
                        self.synced.insert(id.clone(), theirs);
                        return Ok(Outcome::Merge {
                            base: Box::new(base),
                            theirs: Box::new(theirs_draft),
                        });
                    }
                },
            }
        }
        Ok(Outcome::Saved)
    }

    /// Delete a draft the user deleted in this tab.
    pub async fn delete<D: Database>(&mut self, db: &D, id: &str) -> Result<(), D::Error> {
        db.delete(id).await?;
        self.synced.remove(id);
        Ok(())
    }

    /// Another tab says it wrote draft `id` (revision `rev`, or deleted it when `None`). `ours` is
    /// this tab's current version, if it has the draft.
    pub async fn changed_elsewhere<D: Database>(
        &mut self,
        db: &D,
        id: &str,
        ours: Option<&Draft>,
    ) -> Result<Option<Outcome>, D::Error> {
        let stored = db.get(id).await?;
        let Some(stored) = stored else {
            let Some(base) = self.synced.get(id) else {
                return Ok(None);
            };
            // Deleted elsewhere. Without changes here it goes here too; with changes, the next
            // save writes it again (Restored), so nothing typed here is lost.
            if ours.is_none_or(|d| *d == base.draft) {
                self.synced.remove(id);
                return Ok(Some(Outcome::Removed));
            }
            return Ok(None);
        };
        let theirs = match read_record(&stored) {
            Ok(r) => r,
            Err(p) => return Ok(Some(Outcome::Unreadable(p))),
        };
        if self.rev(id).is_some_and(|r| r >= theirs.rev) {
            return Ok(None); // already seen (our own write, or an older message)
        }
        let base = self
            .synced
            .get(id)
            .map(|r| r.draft.clone())
            .or_else(|| ours.cloned())
            .unwrap_or_else(|| theirs.draft.clone());
        let theirs_draft = theirs.draft.clone();
        self.synced.insert(id.to_string(), theirs);
        Ok(Some(Outcome::Merge {
            base: Box::new(base),
            theirs: Box::new(theirs_draft),
        }))
    }
}

/// What one tab tells the others after a write (the text of a BroadcastChannel message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Draft `id` was written at revision `rev`.
    Changed { id: String, rev: u64 },
    /// Draft `id` was deleted.
    Deleted { id: String },
}

impl Message {
    /// `{"changed":"d-1","rev":4}` or `{"deleted":"d-1"}`.
    pub fn to_text(&self) -> String {
        match self {
            Message::Changed { id, rev } => serde_json::json!({ "changed": id, "rev": rev }),
            Message::Deleted { id } => serde_json::json!({ "deleted": id }),
        }
        .to_string()
    }

    /// Read a message; anything else (another version's message, noise) is `None`.
    pub fn parse(text: &str) -> Option<Message> {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        let valid = |id: &str| super::is_valid_id(id).then(|| id.to_string());
        if let Some(id) = v.get("changed").and_then(serde_json::Value::as_str) {
            let rev = v.get("rev")?.as_u64()?;
            return Some(Message::Changed {
                id: valid(id)?,
                rev,
            });
        }
        let id = v.get("deleted")?.as_str()?;
        Some(Message::Deleted { id: valid(id)? })
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::draft::merge::merge;
    use crate::draft::Command;

    /// One in-memory database shared by every "tab" of a test.
    #[derive(Clone, Default)]
    struct Memory(Rc<RefCell<BTreeMap<String, String>>>);

    impl Database for Memory {
        type Error = ();
        async fn put_if(&self, id: &str, record: &str, expect: Option<u64>) -> Result<Cas, ()> {
            let mut m = self.0.borrow_mut();
            let stored = m.get(id).cloned();
            let rev = stored
                .as_deref()
                .and_then(|t| read_record(t).ok())
                .map(|r| r.rev);
            if stored.is_some() && rev.is_none() {
                return Ok(Cas::Stale(stored)); // unreadable: never overwritten
            }
            if rev != expect {
                return Ok(Cas::Stale(stored));
            }
            m.insert(id.to_string(), record.to_string());
            Ok(Cas::Written)
        }
        async fn delete(&self, id: &str) -> Result<(), ()> {
            self.0.borrow_mut().remove(id);
            Ok(())
        }
        async fn get(&self, id: &str) -> Result<Option<String>, ()> {
            Ok(self.0.borrow().get(id).cloned())
        }
    }

    impl Memory {
        fn draft(&self, id: &str) -> Option<Draft> {
            self.0
                .borrow()
                .get(id)
                .and_then(|t| read_record(t).ok())
                .map(|r| r.draft)
        }
    }

    /// A tab: its drafts and its syncer. `save` runs the loop the app runs: save, and on a merge
    /// show the merged version and save again.
    struct Tab {
        drafts: BTreeMap<String, Draft>,
        sync: Syncer,
        conflicts: usize,
    }

    impl Tab {
        fn new() -> Tab {
            Tab {
                drafts: BTreeMap::new(),
                sync: Syncer::new(),
                conflicts: 0,
            }
        }

        fn edit(&mut self, id: &str, c: Command, at: u64) {
            let d = self
                .drafts
                .get(id)
                .cloned()
                .unwrap_or_else(|| Draft::new(id, "QD26-09", at));
            self.drafts.insert(id.to_string(), d.apply(c, at));
        }

        fn answer(&mut self, id: &str, code: &str, p: u8) {
            self.edit(
                id,
                Command::SetAnswer {
                    code: code.into(),
                    position: Some(p),
                },
                10,
            );
        }

        fn apply(&mut self, id: &str, outcome: Outcome) -> bool {
            match outcome {
                Outcome::Merge { base, theirs } => {
                    let ours = self.drafts.get(id).cloned().unwrap_or(*theirs.clone());
                    let m = merge(&base, &ours, &theirs);
                    self.conflicts += m.conflicts.len();
                    self.drafts.insert(id.to_string(), m.draft);
                    true
                }
                Outcome::Removed => {
                    self.drafts.remove(id);
                    false
                }
                _ => false,
            }
        }

        async fn save(&mut self, db: &Memory, id: &str) {
            for _ in 0..4 {
                let Some(ours) = self.drafts.get(id).cloned() else {
                    return;
                };
                let outcome = self.sync.save(db, &ours).await.expect("memory");
                if !self.apply(id, outcome) {
                    return;
                }
            }
        }

        async fn heard(&mut self, db: &Memory, id: &str) {
            let ours = self.drafts.get(id).cloned();
            if let Some(o) = self
                .sync
                .changed_elsewhere(db, id, ours.as_ref())
                .await
                .expect("memory")
            {
                self.apply(id, o);
            }
        }
    }

    fn run<F: std::future::Future>(f: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime")
            .block_on(f)
    }

    #[test]
    fn messages_round_trip_and_noise_is_ignored() {
        for m in [
            Message::Changed {
                id: "d-1".into(),
                rev: 4,
            },
            Message::Deleted { id: "d-1".into() },
        ] {
            assert_eq!(Message::parse(&m.to_text()), Some(m));
        }
        for noise in [
            "",
            "hello",
            "{}",
            r#"{"changed":"d-1"}"#,
            r#"{"deleted":"<b>"}"#,
        ] {
            assert_eq!(Message::parse(noise), None, "{noise}");
        }
    }

    #[test]
    fn a_stale_tab_keeps_the_other_tabs_answer() {
        // F1 scenario 1: tab A answers 1.1 and 1.2, stale tab B (which never heard) answers 1.3.
        run(async {
            let db = Memory::default();
            let (mut a, mut b) = (Tab::new(), Tab::new());
            a.answer("d1", "1.1", 2);
            a.save(&db, "d1").await;
            b.heard(&db, "d1").await;
            a.answer("d1", "1.2", 2);
            a.save(&db, "d1").await;
            b.answer("d1", "1.3", 1); // B did not hear about 1.2
            b.save(&db, "d1").await;
            let stored = db.draft("d1").expect("stored");
            let got: Vec<_> = stored.responses.answers.keys().cloned().collect();
            assert_eq!(got, ["1.1", "1.2", "1.3"]);
            assert_eq!(b.drafts["d1"], stored, "B shows the merge");
            assert_eq!(b.conflicts, 0);
        });
    }

    #[test]
    fn new_drafts_in_other_tabs_are_never_deleted_by_a_stale_tab() {
        // F1 scenarios 2-4: six tabs each add a draft; an old tab keeps editing its own.
        run(async {
            let db = Memory::default();
            let mut old = Tab::new();
            old.answer("mine", "1.1", 1);
            old.save(&db, "mine").await;
            for i in 0..6 {
                let mut t = Tab::new();
                t.answer(&format!("link-{i}"), "1.1", 2);
                t.save(&db, &format!("link-{i}")).await;
            }
            old.answer("mine", "1.2", 1);
            old.save(&db, "mine").await;
            assert_eq!(db.0.borrow().len(), 7, "all six received drafts survive");
        });
    }

    #[test]
    fn the_same_answer_changed_in_two_tabs_is_a_conflict_not_a_silent_loss() {
        run(async {
            let db = Memory::default();
            let (mut a, mut b) = (Tab::new(), Tab::new());
            a.answer("d1", "1.1", 1);
            a.save(&db, "d1").await;
            b.heard(&db, "d1").await;
            a.answer("d1", "1.2", 3);
            a.save(&db, "d1").await;
            b.answer("d1", "1.2", 1);
            b.save(&db, "d1").await;
            assert_eq!(b.conflicts, 1, "B is told");
            assert_eq!(db.draft("d1").expect("d1").responses.answers["1.2"], 1);
        });
    }

    #[test]
    fn a_deleted_draft_goes_away_unless_changed_here_and_an_id_is_never_reused() {
        run(async {
            let db = Memory::default();
            let (mut a, mut b) = (Tab::new(), Tab::new());
            a.answer("d1", "1.1", 1);
            a.save(&db, "d1").await;
            b.heard(&db, "d1").await;
            b.drafts.insert("d1".into(), db.draft("d1").expect("d1"));
            a.sync.delete(&db, "d1").await.expect("memory");
            a.drafts.remove("d1");
            b.heard(&db, "d1").await;
            assert!(!b.drafts.contains_key("d1"), "removed in B too");

            // Deleted in A while B changed it: B writes it again.
            a.answer("d2", "1.1", 1);
            a.save(&db, "d2").await;
            b.heard(&db, "d2").await;
            a.sync.delete(&db, "d2").await.expect("memory");
            b.answer("d2", "1.2", 2);
            let ours = b.drafts["d2"].clone();
            assert_eq!(
                b.sync.save(&db, &ours).await.expect("memory"),
                Outcome::Restored
            );
            assert!(db.draft("d2").is_some());

            // Two tabs create a draft with the same id: the second is told, nothing overwritten.
            let mut c = Tab::new();
            c.answer("d2", "9.9", 1);
            let theirs = c.drafts["d2"].clone();
            assert_eq!(
                c.sync.save(&db, &theirs).await.expect("memory"),
                Outcome::IdTaken
            );
            assert!(db
                .draft("d2")
                .expect("d2")
                .responses
                .answers
                .contains_key("1.2"));
        });
    }

    #[test]
    fn an_unreadable_record_is_never_written_over() {
        run(async {
            let db = Memory::default();
            db.0.borrow_mut().insert(
                "d1".into(),
                r#"{"format":"ocop-self-check/record","version":7}"#.into(),
            );
            let mut a = Tab::new();
            a.answer("d1", "1.1", 1);
            let ours = a.drafts["d1"].clone();
            let out = a.sync.save(&db, &ours).await.expect("memory");
            assert_eq!(
                out,
                Outcome::Unreadable(RecordProblem::Newer { version: 7 })
            );
            assert!(db.0.borrow()["d1"].contains("\"version\":7"));
        });
    }
}
