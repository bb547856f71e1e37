//! The formats drafts are stored in on the device. Pure functions; the reading and writing is
//! `platform`'s.
//!
//! - **Version 1** (until December 2026): one local-storage key ([`STORE_KEY`]) holding
//!   `{"format":"ocop-self-check/store","version":1,"lang":"vi","current":"…","drafts":[…]}`, each
//!   draft an interchange v1 value ([`crate::draft::to_value`]). Still read, to move it into the
//!   database ([`plan_migration`]); `tests/store_compat.rs` holds a frozen store of this version
//!   that every later version must read.
//! - **Version 2**: the browser's database ([`DB_NAME`]), one [`Record`] per draft with a
//!   revision, written one draft at a time; unreadable data kept once in [`BACKUPS`].

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde_json::{Map, Value};

use crate::draft::{self, Draft, ImportError};
use crate::lang::Lang;

/// The local-storage key that holds every draft. `static/boot.js` (which decides which module to
/// start from what is saved) and the panic screen (`platform::panic`) read the same key.
pub const STORE_KEY: &str = "ocop-self-check/store";

pub const STORE_FORMAT: &str = "ocop-self-check/store";
pub const STORE_VERSION: u64 = 1;

/// What a stored text contained.
#[derive(Debug, Default)]
pub struct Decoded {
    pub lang: Option<Lang>,
    pub current: Option<String>,
    pub drafts: Vec<Draft>,
    /// Drafts that could not be read, with why.
    pub skipped: Vec<ImportError>,
    /// The text as a whole is not a store of this version.
    pub unreadable: bool,
}

/// Read a stored text. Never fails: what cannot be read is reported, not lost (the caller keeps
/// the raw text as a backup before anything overwrites it).
pub fn decode(raw: &str) -> Decoded {
    let mut out = Decoded::default();
    // Strict: a backup file restored by the import is foreign input (a repeated key is refused).
    let value: Value = match draft::parse_strict(raw) {
        Ok(v) => v,
        Err(_) => {
            out.unreadable = true;
            return out;
        }
    };
    let Some(obj) = value.as_object() else {
        out.unreadable = true;
        return out;
    };
    let format_ok = obj.get("format").and_then(Value::as_str) == Some(STORE_FORMAT);
    let version_ok = obj.get("version").and_then(Value::as_u64) == Some(STORE_VERSION);
    let Some(drafts) = obj.get("drafts").and_then(Value::as_array) else {
        out.unreadable = true;
        return out;
    };
    if !format_ok || !version_ok {
        out.unreadable = true;
        return out;
    }
    out.lang = obj
        .get("lang")
        .and_then(Value::as_str)
        .and_then(Lang::from_tag);
    out.current = obj
        .get("current")
        .and_then(Value::as_str)
        .map(str::to_string);
    for d in drafts {
        match draft::from_value(d) {
            Ok(d) => out.drafts.push(d),
            Err(e) => out.skipped.push(e),
        }
    }
    out
}

/// The text to store.
pub fn encode(lang: Lang, current: Option<&str>, drafts: &[Rc<Draft>]) -> String {
    let mut o = Map::new();
    o.insert("format".into(), STORE_FORMAT.into());
    o.insert("version".into(), STORE_VERSION.into());
    o.insert("lang".into(), lang.tag().into());
    o.insert("current".into(), current.map_or(Value::Null, Value::from));
    o.insert(
        "drafts".into(),
        Value::Array(drafts.iter().map(|d| draft::to_value(d)).collect()),
    );
    Value::Object(o).to_string()
}

/// The text of a store with no drafts, written without a JSON library (the start module saves
/// the language this way before any draft exists). Equal to `encode(lang, None, &[])`.
pub fn empty(lang: Lang) -> String {
    format!(
        r#"{{"current":null,"drafts":[],"format":"{STORE_FORMAT}","lang":"{}","version":{STORE_VERSION}}}"#,
        lang.tag()
    )
}

/// Whether a stored text may be replaced by [`empty`]: nothing is stored, or only an empty store
/// of either language. Anything else (drafts saved meanwhile in another tab, a text this version
/// cannot read) is left alone.
pub fn replaceable_by_empty(stored: Option<&str>) -> bool {
    stored.is_none_or(|raw| raw == empty(Lang::Vi) || raw == empty(Lang::En))
}

/// The backup file's name: `ocop-ban-nhap-2026-12-01.json` (the same name the start-up failure
/// screen gives its download, `static/boot-failure.js`).
pub fn backup_file_name(today: crate::date::Date) -> String {
    format!("ocop-ban-nhap-{}.json", today.iso())
}

/// Whether a file's text is a whole store (a backup: the drafts' download of the app's start-up
/// failure screen or panic screen, or an old version's store), not a single draft.
pub fn is_store_text(text: &str) -> bool {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| {
            v.get("format")
                .and_then(Value::as_str)
                .map(|f| f == STORE_FORMAT)
        })
        .unwrap_or(false)
}

/// What restoring a backup does to the drafts already on the device: nothing is overwritten.
#[derive(Debug, Default, PartialEq)]
pub struct Restore {
    /// Drafts to add (a draft whose id is taken by a different draft gets a fresh id).
    pub add: Vec<Draft>,
    /// Drafts of the backup already here, exactly (left as they are).
    pub already: usize,
}

/// Plan a restore of `incoming` beside `existing`. `fresh` gives new ids (time and randomness are
/// the caller's).
pub fn plan_restore(
    existing: &[Rc<Draft>],
    incoming: Vec<Draft>,
    mut fresh: impl FnMut() -> String,
) -> Restore {
    let mut out = Restore::default();
    let mut taken: std::collections::BTreeSet<String> =
        existing.iter().map(|d| d.id.clone()).collect();
    for mut d in incoming {
        if existing.iter().any(|e| **e == d) || out.add.contains(&d) {
            out.already += 1;
            continue;
        }
        if d.id.is_empty() || taken.contains(&d.id) {
            let mut id = fresh();
            while taken.contains(&id) {
                id = fresh();
            }
            d.id = id;
        }
        taken.insert(d.id.clone());
        out.add.push(d);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Version 2: one record per draft in the browser's database (IndexedDB)

/// The database: one record per draft in [`DRAFTS`], small values in [`META`], kept copies of
/// unreadable data in [`BACKUPS`], the evidence files' bytes in [`FILES`] (from version 2; the
/// upgrade from 1 only adds that store, every draft stays). `static/boot.js` (the start-up
/// failure screen's download) reads the same names.
pub const DB_NAME: &str = "ocop-self-check";
pub const DB_VERSION: u32 = 2;
/// Object store of drafts, key path `id`.
pub const DRAFTS: &str = "drafts";
/// Object store of small values under their own keys ([`META_CURRENT`], [`META_MIGRATED`]).
pub const META: &str = "meta";
/// Object store of kept copies of what could not be read, key path `id`.
pub const BACKUPS: &str = "backups";
/// Object store of evidence files, key path `id` (the attachment's id, see
/// `draft::attachments`): `{id, draft_id, bytes: ArrayBuffer, type, sha256, stored_ms}`. A file
/// is written once under its id and never changed (a replaced file gets a new id), so two tabs
/// never write the same record.
pub const FILES: &str = "files";
/// Index of [`FILES`] on `[draft_id, stored_ms]`: a draft's files (deleted with the draft, in the
/// same transaction) and, read with a key cursor that loads no bytes, what [`files_to_sweep`]
/// needs.
pub const FILES_BY_DRAFT: &str = "by_draft";
/// The draft last opened (a draft id).
pub const META_CURRENT: &str = "current";
/// Set once the version-1 local-storage store has been moved into the database and checked.
pub const META_MIGRATED: &str = "migrated-from-local-storage";

/// A small local-storage key that mirrors what the database holds, so that `static/boot.js` can
/// choose the module to start without opening the database:
/// `{"drafts":3,"set":"QD26-09"}` (the number of drafts and the current draft's product set).
pub const INDEX_KEY: &str = "ocop-self-check/index";

/// The language chosen (`vi`/`en`), kept apart from the drafts (the start module saves it before
/// any draft exists).
pub const LANG_KEY: &str = "ocop-self-check/lang";

/// Drafts changed in this tab whose database write has not been confirmed yet, written
/// synchronously on every change so that a reload or a closed tab right after the last tap
/// loses nothing: `{"<id>":{"rev":<revision the change started from, or null>,"draft":{…}}}`.
pub const JOURNAL_KEY: &str = "ocop-self-check/unsaved";

/// The journal text with `draft` (changed from revision `base`) in it.
pub fn journal_put(text: Option<&str>, base: Option<u64>, draft: &Draft) -> String {
    let mut map = text
        .and_then(|t| serde_json::from_str::<Map<String, Value>>(t).ok())
        .unwrap_or_default();
    map.insert(
        draft.id.clone(),
        serde_json::json!({ "rev": base, "draft": draft::to_value(draft) }),
    );
    Value::Object(map).to_string()
}

/// `confirmed` was written as revision `rev`. If it is the journaled version, the entry goes; if
/// the journal holds a newer change of the same draft (made while the write was under way), that
/// change now builds on this tab's own write: its base becomes `rev`, so a reload before its own
/// write still applies it. `None` when the journal is then empty (remove the key).
pub fn journal_confirm(text: Option<&str>, confirmed: &Draft, rev: u64) -> Option<String> {
    let mut map = text
        .and_then(|t| serde_json::from_str::<Map<String, Value>>(t).ok())
        .unwrap_or_default();
    let same = map
        .get(&confirmed.id)
        .and_then(|e| e.get("draft"))
        .and_then(|d| draft::from_value(d).ok())
        .map(|d| d == *confirmed);
    match same {
        Some(true) => {
            map.remove(&confirmed.id);
        }
        Some(false) => {
            if let Some(Value::Object(e)) = map.get_mut(&confirmed.id) {
                e.insert("rev".into(), rev.into());
            }
        }
        None => {}
    }
    (!map.is_empty()).then(|| Value::Object(map).to_string())
}

/// The journal text without draft `id` whatever version it holds (the app's draft is back to
/// what the database holds); `None` when the journal is then empty.
pub fn journal_forget(text: Option<&str>, id: &str) -> Option<String> {
    let mut map = text
        .and_then(|t| serde_json::from_str::<Map<String, Value>>(t).ok())
        .unwrap_or_default();
    map.remove(id);
    (!map.is_empty()).then(|| Value::Object(map).to_string())
}

/// The journaled drafts with the revision each change started from.
pub fn journal_read(text: &str) -> Vec<(Option<u64>, Draft)> {
    let Ok(map) = serde_json::from_str::<Map<String, Value>>(text) else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(id, e)| {
            let mut d = draft::from_value(e.get("draft")?).ok()?;
            if !draft::is_valid_id(id) {
                return None;
            }
            d.id = id.clone();
            Some((e.get("rev").and_then(Value::as_u64), d))
        })
        .collect()
}

/// Whether a journaled change may replace what the database holds: it started from the stored
/// revision (nobody wrote since), or the draft was never stored.
pub fn journal_applies(base: Option<u64>, stored: Option<u64>) -> bool {
    base == stored
}

pub const RECORD_FORMAT: &str = "ocop-self-check/record";
pub const RECORD_VERSION: u64 = 1;

/// One draft as stored: `{"format":"ocop-self-check/record","version":1,"id":…,"rev":3,
/// "updated_ms":…,"draft":{interchange v1}}`. `rev` counts the writes of this draft, so a tab can
/// tell that another tab wrote it since it last looked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub rev: u64,
    pub draft: Draft,
}

/// Why a stored record was not read. Such a record is left as it is (never overwritten) and the
/// user is told; the draft id stays taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    /// Not a record at all (corrupted, foreign).
    Unreadable,
    /// Written by a newer version of the app.
    Newer { version: u64 },
    /// A record whose draft is not valid.
    Draft(ImportError),
}

/// The record of `draft` at revision `rev`, as the JSON value put into the database.
pub fn record_value(rev: u64, draft: &Draft) -> Value {
    let mut o = Map::new();
    o.insert("format".into(), RECORD_FORMAT.into());
    o.insert("version".into(), RECORD_VERSION.into());
    o.insert("id".into(), draft.id.clone().into());
    o.insert("rev".into(), rev.into());
    o.insert("updated_ms".into(), draft.updated_ms.into());
    o.insert("draft".into(), draft::to_value(draft));
    Value::Object(o)
}

/// Read a stored record (as JSON text, the way it leaves the database).
pub fn read_record(text: &str) -> Result<Record, RecordProblem> {
    let v: Value = serde_json::from_str(text).map_err(|_| RecordProblem::Unreadable)?;
    let obj = v.as_object().ok_or(RecordProblem::Unreadable)?;
    if obj.get("format").and_then(Value::as_str) != Some(RECORD_FORMAT) {
        return Err(RecordProblem::Unreadable);
    }
    match obj.get("version").and_then(Value::as_u64) {
        Some(RECORD_VERSION) => {}
        Some(version) if version > RECORD_VERSION => return Err(RecordProblem::Newer { version }),
        _ => return Err(RecordProblem::Unreadable),
    }
    let id = obj.get("id").and_then(Value::as_str).unwrap_or_default();
    let rev = obj.get("rev").and_then(Value::as_u64).unwrap_or(0);
    let inner = obj.get("draft").ok_or(RecordProblem::Unreadable)?;
    let mut draft = draft::from_value(inner).map_err(RecordProblem::Draft)?;
    // The record's key is the id (the draft inside may have lost an invalid one on reading).
    if draft.id != id {
        if !draft::is_valid_id(id) {
            return Err(RecordProblem::Unreadable);
        }
        draft.id = id.to_string();
    }
    Ok(Record { rev, draft })
}

/// A stored file as the sweep sees it (from the [`FILES_BY_DRAFT`] index, without its bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFile {
    pub id: String,
    pub draft_id: String,
    pub stored_ms: u64,
}

/// A file younger than this is never swept. A tab stores a file's bytes first and only then adds
/// the attachment to its draft, whose database write follows (the autosave, one job at a time,
/// possibly behind a merge with another tab): for that while the file belongs to no saved draft.
/// Ten minutes covers a queue held up by a slow phone many times over; a file removed from its
/// draft within ten minutes of being added is freed by a later sweep (the next start).
pub const SWEEP_GRACE_MS: u64 = 10 * 60_000;

/// Which stored files to delete: those older than [`SWEEP_GRACE_MS`] (at `now_ms`) whose draft
/// is gone or whose draft does not list them. `drafts` maps every stored draft's id to the file
/// ids its record lists, or `None` when the record cannot be read by this version (a newer
/// app's, a damaged one): its files are kept, since what it lists is unknown.
///
/// Run in one transaction over the drafts and the files, so no tab writes between the reading
/// and the deleting. Another tab's file is safe while young (the grace) and once its draft lists
/// it; the merge of two tabs' drafts keeps the files both added (`draft::merge`, by id), and a
/// file one tab removed is unlisted in the merged draft, so the sweep frees it.
pub fn files_to_sweep(
    files: &[StoredFile],
    drafts: &BTreeMap<String, Option<BTreeSet<String>>>,
    now_ms: u64,
) -> Vec<String> {
    files
        .iter()
        .filter(|f| now_ms.saturating_sub(f.stored_ms) >= SWEEP_GRACE_MS)
        .filter(|f| match drafts.get(&f.draft_id) {
            None => true,
            Some(None) => false,
            Some(Some(listed)) => !listed.contains(&f.id),
        })
        .map(|f| f.id.clone())
        .collect()
}

/// The file ids a stored record's draft lists (`None` when the record cannot be read).
pub fn listed_files(record_text: &str) -> Option<BTreeSet<String>> {
    read_record(record_text)
        .ok()
        .map(|r| r.draft.attachments.into_iter().map(|a| a.id).collect())
}

/// The text of [`INDEX_KEY`].
pub fn index_text(drafts: usize, current_set: Option<&str>) -> String {
    let mut o = Map::new();
    o.insert("drafts".into(), drafts.into());
    if let Some(set) = current_set {
        o.insert("set".into(), set.into());
    }
    Value::Object(o).to_string()
}

/// The key of a kept copy of unreadable data: the same text always gets the same key, so it is
/// kept once however often the app starts ("b-" + FNV-1a 64 of the text + its length).
pub fn backup_id(text: &str) -> String {
    // FNV-1a: a stable, dependency-free fingerprint; not a security boundary.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("b-{h:016x}-{}", text.len())
}

/// A kept copy, as put into [`BACKUPS`]: `{"id","created_ms","source","text"}`; `source` says
/// where the text came from (`"local-storage"` or `"record:<draft id>"`).
pub fn backup_value(text: &str, source: &str, now_ms: u64) -> Value {
    serde_json::json!({
        "id": backup_id(text),
        "created_ms": now_ms,
        "source": source,
        "text": text,
    })
}

/// What moving a version-1 local-storage store into the database does.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Migration {
    /// Records to add (revision 1), in the store's order; drafts the database already holds
    /// (an interrupted migration resumed) and repeated ids are left out, so nothing is added
    /// twice.
    pub records: Vec<Record>,
    pub current: Option<String>,
    pub lang: Option<Lang>,
    /// Drafts of the store that could not be read (the whole text is then also kept as a backup).
    pub skipped: Vec<ImportError>,
    /// The text as a whole could not be read: nothing to move; keep it as a backup.
    pub unreadable: bool,
}

impl Migration {
    /// Whether the old key may be retired once `records` are confirmed saved: every draft of the
    /// store was read, so the database now holds all it had.
    pub fn complete(&self) -> bool {
        !self.unreadable && self.skipped.is_empty()
    }
}

/// Plan the move of the version-1 store text `raw` into a database that already holds the drafts
/// `existing` (ids).
pub fn plan_migration(raw: &str, existing: &std::collections::BTreeSet<String>) -> Migration {
    let decoded = decode(raw);
    let mut seen = existing.clone();
    let mut records = Vec::new();
    for d in decoded.drafts {
        if d.id.is_empty() || !seen.insert(d.id.clone()) {
            continue;
        }
        records.push(Record { rev: 1, draft: d });
    }
    Migration {
        records,
        current: decoded.current,
        lang: decoded.lang,
        skipped: decoded.skipped,
        unreadable: decoded.unreadable,
    }
}

/// Whether what the database returned after a migration holds every planned record unchanged.
pub fn migration_verified(plan: &Migration, read_back: &[Record]) -> bool {
    plan.records.iter().all(|r| {
        read_back
            .iter()
            .any(|b| b.draft.id == r.draft.id && b.draft == r.draft)
    })
}

/// How much room is left for drafts, from the browser's estimate of what this origin uses and may
/// use (bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Room {
    Plenty,
    /// Less than a tenth of the quota, or less than [`LOW_ROOM_BYTES`], is left: warn now, while
    /// saving still works.
    Low {
        left: u64,
    },
    /// Less than [`FULL_ROOM_BYTES`] left: the next saves may fail.
    Full {
        left: u64,
    },
}

/// Below this much free room the app warns (20 MB: a few evidence photos).
pub const LOW_ROOM_BYTES: u64 = 20_000_000;
/// Below this much the app says saving may fail (1 MB: a few large drafts).
pub const FULL_ROOM_BYTES: u64 = 1_000_000;

/// The room left, from `usage` and `quota` in bytes (as `navigator.storage.estimate()` gives).
pub fn room(usage: f64, quota: f64) -> Room {
    if !(usage.is_finite() && quota.is_finite()) || quota <= 0.0 {
        return Room::Plenty; // unknown: say nothing
    }
    let left_f = (quota - usage).max(0.0);
    let left = left_f as u64;
    if left < FULL_ROOM_BYTES {
        Room::Full { left }
    } else if left < LOW_ROOM_BYTES || left_f < quota / 10.0 {
        Room::Low { left }
    } else {
        Room::Plenty
    }
}

/// What the browser says about this app's room on the device: bytes used (the whole app: its
/// offline copy as well as the drafts), bytes it may use, and whether it agreed to keep the data
/// under storage pressure (`None`: not asked yet, or the browser cannot say).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Space {
    pub used: u64,
    pub quota: u64,
    pub kept: Option<bool>,
}

impl Space {
    /// From `navigator.storage.estimate()`'s figures; `None` when they make no sense.
    pub fn new(usage: f64, quota: f64, kept: Option<bool>) -> Option<Space> {
        (usage.is_finite() && quota.is_finite() && usage >= 0.0 && quota > 0.0).then_some(Space {
            used: usage as u64,
            quota: quota as u64,
            kept,
        })
    }

    pub fn room(&self) -> Room {
        room(self.used as f64, self.quota as f64)
    }

    /// Bytes left (never negative).
    pub fn left(&self) -> u64 {
        self.quota.saturating_sub(self.used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sweep_frees_unlisted_files_after_the_grace_only() {
        let f = |id: &str, draft: &str, at: u64| StoredFile {
            id: id.into(),
            draft_id: draft.into(),
            stored_ms: at,
        };
        let now = 100 * 60_000;
        let old = now - SWEEP_GRACE_MS;
        let young = now - SWEEP_GRACE_MS + 1;
        let files = [
            f("kept", "d1", old),           // listed by its draft
            f("removed", "d1", old),        // its draft no longer lists it
            f("orphan", "gone", old),       // its draft is gone
            f("just-added", "gone", young), // another tab's, its draft not saved yet
            f("fresh", "d1", young),        // added in another tab, the draft not written yet
            f("newer", "d2", old),          // its draft is a newer version's record
        ];
        let drafts = BTreeMap::from([
            ("d1".to_string(), Some(BTreeSet::from(["kept".to_string()]))),
            ("d2".to_string(), None),
        ]);
        assert_eq!(files_to_sweep(&files, &drafts, now), ["removed", "orphan"]);
        // Ten minutes later the young ones are swept too.
        let later = files_to_sweep(&files, &drafts, now + SWEEP_GRACE_MS);
        assert_eq!(later, ["removed", "orphan", "just-added", "fresh"]);
        // A clock set back never sweeps (the age saturates at zero).
        assert!(files_to_sweep(&files, &drafts, 0).is_empty());
    }

    #[test]
    fn a_record_lists_its_files() {
        let mut d = Draft::new("a1", "QD26-09", 10);
        d.attachments.push(crate::draft::Attachment {
            id: "f1".into(),
            target: crate::draft::Target::Criterion("1.1".into()),
            caption: String::new(),
            kind: crate::draft::attachments::Kind::Png,
            bytes: 3,
            sha256: "0".repeat(64),
            width: Some(1),
            height: Some(1),
            added_ms: 1,
        });
        let text = record_value(2, &d).to_string();
        assert_eq!(
            listed_files(&text),
            Some(BTreeSet::from(["f1".to_string()]))
        );
        assert_eq!(listed_files("{}"), None);
        let newer = text.replace(r#""version":1"#, r#""version":9"#);
        assert_eq!(listed_files(&newer), None);
    }

    #[test]
    fn the_empty_store_is_what_encode_writes() {
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(empty(lang), encode(lang, None, &[]));
            let back = decode(&empty(lang));
            assert!(!back.unreadable && back.drafts.is_empty());
            assert_eq!(back.lang, Some(lang));
            assert!(replaceable_by_empty(Some(&empty(lang))));
        }
        assert!(replaceable_by_empty(None));
        let d = Rc::new(Draft::new("a1", "QD26-09", 10));
        assert!(!replaceable_by_empty(Some(&encode(Lang::Vi, None, &[d]))));
        assert!(!replaceable_by_empty(Some("{garbage")));
    }

    #[test]
    fn round_trips_and_skips_bad_drafts() {
        let mut d = Draft::new("a1", "QD26-09", 10);
        d.title = "Nước mắm <Cô Ba>".into();
        d.responses.answers.insert("1.1".into(), 2);
        let text = encode(Lang::En, Some("a1"), &[Rc::new(d.clone())]);
        let back = decode(&text);
        assert!(!back.unreadable);
        assert_eq!(back.lang, Some(Lang::En));
        assert_eq!(back.current.as_deref(), Some("a1"));
        assert_eq!(back.drafts, vec![d]);

        let mut v: Value = serde_json::from_str(&text).expect("json");
        if let Some(a) = v["drafts"].as_array_mut() {
            a.push(serde_json::json!({"format": "nope"}));
        }
        let back = decode(&v.to_string());
        assert_eq!(back.drafts.len(), 1);
        assert_eq!(back.skipped.len(), 1);
    }

    #[test]
    fn foreign_text_is_unreadable_not_a_panic() {
        for raw in [
            "",
            "{",
            "[]",
            "null",
            r#"{"format":"x","drafts":[]}"#,
            r#"{"format":"ocop-self-check/store","version":9,"drafts":[]}"#,
        ] {
            assert!(decode(raw).unreadable, "{raw}");
        }
    }

    fn draft(id: &str) -> Draft {
        let mut d = Draft::new(id, "QD26-09", 10);
        d.title = "Nước mắm".into();
        d.responses.answers.insert("1.1".into(), 2);
        d
    }

    #[test]
    fn records_round_trip_and_newer_or_broken_ones_are_reported() {
        let d = draft("a1");
        let text = record_value(3, &d).to_string();
        assert_eq!(
            read_record(&text),
            Ok(Record {
                rev: 3,
                draft: d.clone()
            })
        );
        let mut v = record_value(1, &d);
        v["version"] = 2.into();
        assert_eq!(
            read_record(&v.to_string()),
            Err(RecordProblem::Newer { version: 2 })
        );
        for bad in [
            "",
            "{",
            "[]",
            r#"{"format":"x"}"#,
            r#"{"format":"ocop-self-check/record","version":1}"#,
        ] {
            assert_eq!(read_record(bad), Err(RecordProblem::Unreadable), "{bad}");
        }
        let mut v = record_value(1, &d);
        v["draft"]["format"] = "nope".into();
        assert!(matches!(
            read_record(&v.to_string()),
            Err(RecordProblem::Draft(_))
        ));
    }

    #[test]
    fn the_same_unreadable_text_gets_the_same_backup_key() {
        let big = format!(
            r#"{{"format":"ocop-self-check/store","version":2,"pad":"{}"}}"#,
            "p".repeat(1000)
        );
        assert_eq!(backup_id(&big), backup_id(&big.clone()));
        assert_ne!(backup_id(&big), backup_id("{"));
        assert_eq!(backup_value("{", "local-storage", 5)["id"], backup_id("{"));
    }

    #[test]
    fn migration_moves_each_draft_once_and_resumes_without_duplicates() {
        let (a, b) = (Rc::new(draft("a1")), Rc::new(draft("b2")));
        let raw = encode(Lang::En, Some("b2"), &[a.clone(), b.clone(), a.clone()]);
        let none = std::collections::BTreeSet::new();
        let plan = plan_migration(&raw, &none);
        assert_eq!(plan.records.len(), 2, "a repeated id is moved once");
        assert_eq!(plan.current.as_deref(), Some("b2"));
        assert_eq!(plan.lang, Some(Lang::En));
        assert!(plan.complete());
        assert!(migration_verified(&plan, &plan.records));
        assert!(!migration_verified(&plan, &plan.records[..1]));
        // Interrupted after a1 was saved: the second start adds only b2.
        let existing = std::collections::BTreeSet::from(["a1".to_string()]);
        let resumed = plan_migration(&raw, &existing);
        assert_eq!(resumed.records.len(), 1);
        assert_eq!(resumed.records[0].draft.id, "b2");
        // An unreadable store moves nothing and is not complete.
        let bad = plan_migration("{not json", &none);
        assert!(bad.unreadable && bad.records.is_empty() && !bad.complete());
    }

    #[test]
    fn room_warns_before_the_quota_is_reached() {
        assert_eq!(room(1e6, 300e6), Room::Plenty);
        assert_eq!(room(290e6, 300e6), Room::Low { left: 10_000_000 });
        assert_eq!(room(50e6, 60e6), Room::Low { left: 10_000_000 });
        assert_eq!(
            room(4.6e9, 5e9),
            Room::Low { left: 400_000_000 },
            "under a tenth"
        );
        assert_eq!(room(4.4e9, 5e9), Room::Plenty);
        assert_eq!(room(299.5e6, 300e6), Room::Full { left: 500_000 });
        assert_eq!(room(400e6, 300e6), Room::Full { left: 0 });
        assert_eq!(room(0.0, 0.0), Room::Plenty, "unknown quota");
        assert_eq!(room(f64::NAN, 1e9), Room::Plenty);
    }

    #[test]
    fn the_journal_keeps_unconfirmed_changes_until_the_same_version_is_saved() {
        let mut d = draft("a1");
        let t = journal_put(None, Some(3), &d);
        assert_eq!(journal_read(&t), vec![(Some(3), d.clone())]);
        let older = d.clone();
        d.responses.answers.insert("1.2".into(), 1);
        let t = journal_put(Some(&t), Some(3), &d);
        // The older version written as revision 4 while the newer change waited: the newer one
        // stays, now based on revision 4 (this tab's own write), so a reload still applies it.
        let rebased = journal_confirm(Some(&t), &older, 4).unwrap_or_default();
        assert_eq!(
            journal_read(&rebased),
            vec![(Some(4), d.clone())],
            "a newer change stays"
        );
        assert!(journal_applies(Some(4), Some(4)));
        assert_eq!(
            journal_confirm(Some(&rebased), &d, 5),
            None,
            "confirmed: the key goes"
        );
        assert_eq!(
            journal_confirm(None, &d, 5),
            None,
            "nothing journaled: nothing to do"
        );
        let two = journal_put(Some(&journal_put(None, None, &draft("b2"))), Some(1), &d);
        assert_eq!(journal_read(&two).len(), 2);
        // A change undone before it was written: the entry goes whatever version it holds.
        let one = journal_forget(Some(&two), "a1").unwrap_or_default();
        assert_eq!(journal_read(&one), vec![(None, draft("b2"))]);
        assert_eq!(
            journal_forget(Some(&one), "b2"),
            None,
            "empty: the key goes"
        );
        assert_eq!(journal_forget(None, "b2"), None);
        assert!(journal_read("{broken").is_empty());
        assert!(journal_applies(Some(3), Some(3)));
        assert!(journal_applies(None, None), "never stored");
        assert!(
            !journal_applies(Some(3), Some(4)),
            "another tab wrote since"
        );
        assert!(!journal_applies(Some(3), None), "deleted since");
    }

    #[test]
    fn space_gives_the_room_and_what_is_left() {
        let s = Space::new(2.6e6, 300e6, Some(true)).expect("sensible figures");
        assert_eq!(
            (s.used, s.quota, s.left()),
            (2_600_000, 300_000_000, 297_400_000)
        );
        assert_eq!(s.room(), Room::Plenty);
        let full = Space::new(400e6, 300e6, None).expect("over quota is still a figure");
        assert_eq!((full.left(), full.room()), (0, Room::Full { left: 0 }));
        for (u, q) in [
            (f64::NAN, 1e9),
            (1.0, 0.0),
            (-1.0, 1e9),
            (1.0, f64::INFINITY),
        ] {
            assert_eq!(Space::new(u, q, None), None, "{u} of {q}");
        }
    }

    #[test]
    fn a_restore_adds_what_is_missing_and_overwrites_nothing() {
        let a = draft("a1");
        let mut a_changed = a.clone();
        a_changed.title = "đổi ở nơi khác".into();
        let b = draft("b2");
        let existing = vec![Rc::new(a.clone())];
        let mut n = 0;
        let plan = plan_restore(
            &existing,
            vec![a.clone(), a_changed.clone(), b.clone(), b.clone()],
            || {
                n += 1;
                if n == 1 {
                    "a1".into()
                } else {
                    format!("new{n}")
                } // a taken id is never used
            },
        );
        assert_eq!(plan.already, 2, "a1 as it is here, and b2's second copy");
        assert_eq!(plan.add.len(), 2);
        assert_eq!(
            plan.add[0].id, "new2",
            "a changed a1 is added beside it, renamed"
        );
        assert_eq!(plan.add[0].title, "đổi ở nơi khác");
        assert_eq!(plan.add[1], b);
        assert!(is_store_text(&encode(Lang::Vi, None, &existing)));
        let day = crate::date::Date::new(2026, 12, 1).expect("a date");
        assert_eq!(backup_file_name(day), "ocop-ban-nhap-2026-12-01.json");
        assert!(!is_store_text(&draft::to_json(&a)));
        assert!(!is_store_text("{broken"));
    }

    #[test]
    fn the_index_says_how_many_drafts_and_which_set() {
        assert_eq!(index_text(0, None), r#"{"drafts":0}"#);
        assert_eq!(
            index_text(3, Some("QD26-09")),
            r#"{"drafts":3,"set":"QD26-09"}"#
        );
    }
}
