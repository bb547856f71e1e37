//! Where the evidence files' bytes live on the device: the drafts' database, store
//! [`crate::draft::store::FILES`], one record per file keyed by the attachment's id (the draft
//! holds only the descriptions, `draft::attachments`). Files are immutable by id: adding stores
//! new bytes under a new id, replacing stores the new file under its own id, so two tabs never
//! write the same record and the draft merge (by id) keeps whatever both added.
//!
//! The order that keeps the draft whole: [`put`] the bytes first, and only once that is `Ok`
//! apply `Command::AddAttachment`; when the bytes cannot be stored (the quota is reached) nothing
//! is applied and the draft is unchanged. Deleting a draft deletes its files in the same
//! transaction (`db::Db::delete_draft`); [`sweep`] frees what no draft lists any more (a file
//! removed in this tab or another, a replaced file), by the rule of
//! `draft::store::files_to_sweep` (with its grace period for another tab's just-added file).
//!
//! The room used (`platform::quota`, the "room left" figure) is the browser's estimate for the
//! origin, which counts this store's records like the drafts'.
//!
//! Natively (SSR tests) the files are kept in memory, per thread.

use std::collections::BTreeMap;

use crate::draft::attachments::{self, Attachment};

/// A draft's files' bytes by attachment id (the shape `dossier::Files` takes).
pub type Files = BTreeMap<String, Vec<u8>>;

/// Why a file operation failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilesError {
    /// The browser's storage for this site is full: the file was NOT stored.
    Full,
    /// There is no database here (private mode, settings, a frame on another site).
    Unavailable,
    /// Another failure, by the browser's name for it.
    Other(String),
}

/// A fresh attachment id (random, see [`attachments::file_id`]).
pub fn new_file_id() -> String {
    attachments::file_id(imp::random_u64())
}

/// Store `bytes` as the file of attachment `a` of draft `draft_id`. `Ok` once committed.
pub async fn put(draft_id: &str, a: &Attachment, bytes: &[u8]) -> Result<(), FilesError> {
    imp::put(draft_id, a, bytes).await
}

/// One file's bytes (`None`: no such file).
pub async fn get(id: &str) -> Result<Option<Vec<u8>>, FilesError> {
    imp::get(id).await
}

/// Several files' bytes, by id (missing ones are left out), e.g. for the dossier or a package.
pub async fn get_many(ids: &[String]) -> Result<Files, FilesError> {
    imp::get_many(ids).await
}

/// Delete files (missing ones are no error).
pub async fn remove(ids: &[String]) -> Result<(), FilesError> {
    imp::remove(ids).await
}

/// Delete the files no draft lists (older than the grace period). Returns how many went.
pub async fn sweep(now_ms: u64) -> Result<usize, FilesError> {
    imp::sweep(now_ms).await
}

/// How many files are stored.
pub async fn count() -> Result<u32, FilesError> {
    imp::count().await
}

/// An object URL showing a stored file (a thumbnail), revoked when dropped: keep it in the
/// component's state and it goes when the component unmounts.
#[derive(Debug, PartialEq, Eq)]
pub struct ObjectUrl(String);

impl ObjectUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Drop for ObjectUrl {
    fn drop(&mut self) {
        imp::revoke(&self.0);
    }
}

/// An object URL for the stored file `id` of type `mime` (`None`: no such file).
pub async fn object_url(id: &str, mime: &str) -> Result<Option<ObjectUrl>, FilesError> {
    imp::object_url(id, mime).await
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use super::{Attachment, Files, FilesError, ObjectUrl};
    use crate::platform::db::{self, Db, StoreError};

    thread_local! {
        /// The connection, opened on first use and again after it was closed (another tab's
        /// upgrade, the browser).
        static DB: RefCell<Option<Db>> = const { RefCell::new(None) };
    }

    fn error(e: StoreError) -> FilesError {
        match e {
            StoreError::QuotaExceeded => FilesError::Full,
            StoreError::Unavailable(_) | StoreError::Blocked => FilesError::Unavailable,
            StoreError::Closed => FilesError::Other("closed".into()),
            StoreError::Other(n) => FilesError::Other(n),
        }
    }

    async fn db() -> Result<Db, FilesError> {
        if let Some(d) = DB.with(|d| d.borrow().clone()).filter(|d| !d.is_closed()) {
            return Ok(d);
        }
        let d = db::open_app().await.map_err(error)?;
        DB.with(|slot| *slot.borrow_mut() = Some(d.clone()));
        Ok(d)
    }

    pub fn random_u64() -> u64 {
        // 53 random bits from each of two draws, folded: plenty for ids unique per device.
        let a = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        let b = (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64;
        a ^ (b << 11)
    }

    pub async fn put(draft_id: &str, a: &Attachment, bytes: &[u8]) -> Result<(), FilesError> {
        let now = crate::platform::clock::now_ms();
        db().await?
            .put_file(&a.id, draft_id, a.kind.mime(), &a.sha256, bytes, now)
            .await
            .map_err(error)
    }

    pub async fn get(id: &str) -> Result<Option<Vec<u8>>, FilesError> {
        Ok(db()
            .await?
            .get_file(id)
            .await
            .map_err(error)?
            .map(|(b, _)| b))
    }

    pub async fn get_many(ids: &[String]) -> Result<Files, FilesError> {
        Ok(db()
            .await?
            .get_files(ids)
            .await
            .map_err(error)?
            .into_iter()
            .collect())
    }

    pub async fn remove(ids: &[String]) -> Result<(), FilesError> {
        db().await?.delete_files(ids).await.map_err(error)
    }

    pub async fn sweep(now_ms: u64) -> Result<usize, FilesError> {
        db().await?.sweep_files(now_ms).await.map_err(error)
    }

    pub async fn count() -> Result<u32, FilesError> {
        db().await?.count_files().await.map_err(error)
    }

    pub fn revoke(url: &str) {
        let _ = web_sys::Url::revoke_object_url(url);
    }

    pub async fn object_url(id: &str, mime: &str) -> Result<Option<ObjectUrl>, FilesError> {
        let Some(bytes) = get(id).await? else {
            return Ok(None);
        };
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .map_err(|_| FilesError::Other("Blob".into()))?;
        web_sys::Url::create_object_url_with_blob(&blob)
            .map(|u| Some(ObjectUrl(u)))
            .map_err(|_| FilesError::Other("createObjectURL".into()))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    use super::{Attachment, Files, FilesError, ObjectUrl};

    thread_local! {
        /// id → (draft id, bytes).
        static FILES: RefCell<BTreeMap<String, (String, Vec<u8>)>> = const { RefCell::new(BTreeMap::new()) };
        static NEXT: Cell<u64> = const { Cell::new(1) };
    }

    pub fn random_u64() -> u64 {
        NEXT.with(|n| {
            let v = n.get();
            n.set(v.wrapping_add(0x9E37_79B9_7F4A_7C15));
            v
        })
    }

    pub async fn put(draft_id: &str, a: &Attachment, bytes: &[u8]) -> Result<(), FilesError> {
        FILES.with(|f| {
            f.borrow_mut()
                .insert(a.id.clone(), (draft_id.to_string(), bytes.to_vec()))
        });
        Ok(())
    }

    pub async fn get(id: &str) -> Result<Option<Vec<u8>>, FilesError> {
        Ok(FILES.with(|f| f.borrow().get(id).map(|(_, b)| b.clone())))
    }

    pub async fn get_many(ids: &[String]) -> Result<Files, FilesError> {
        Ok(FILES.with(|f| {
            let f = f.borrow();
            ids.iter()
                .filter_map(|id| f.get(id).map(|(_, b)| (id.clone(), b.clone())))
                .collect()
        }))
    }

    pub async fn remove(ids: &[String]) -> Result<(), FilesError> {
        FILES.with(|f| {
            let mut f = f.borrow_mut();
            for id in ids {
                f.remove(id);
            }
        });
        Ok(())
    }

    /// No drafts are stored natively, so there is nothing to compare with: nothing is swept.
    pub async fn sweep(_now_ms: u64) -> Result<usize, FilesError> {
        Ok(0)
    }

    pub async fn count() -> Result<u32, FilesError> {
        Ok(FILES.with(|f| f.borrow().len() as u32))
    }

    pub fn revoke(_url: &str) {}

    pub async fn object_url(id: &str, mime: &str) -> Result<Option<ObjectUrl>, FilesError> {
        Ok(get(id)
            .await?
            .map(|b| ObjectUrl(format!("data:{mime};x-bytes={}", b.len()))))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::draft::attachments::{describe, Target};

    #[tokio::test]
    async fn the_stand_in_keeps_bytes_by_id() {
        let png = std::fs::read("tests/fixtures/evidence/label.png").expect("fixture");
        let id = new_file_id();
        assert!(attachments::is_valid_file_id(&id));
        assert_ne!(id, new_file_id());
        let a = describe(id.clone(), Target::Paper(1), "Nhãn", &png, 5).expect("a PNG");
        put("d1", &a, &png).await.expect("put");
        assert_eq!(get(&id).await, Ok(Some(png.clone())));
        let many = get_many(&[id.clone(), "missing".into()])
            .await
            .expect("many");
        assert_eq!(many.keys().collect::<Vec<_>>(), [&id]);
        assert!(object_url(&id, "image/png").await.expect("url").is_some());
        remove(std::slice::from_ref(&id)).await.expect("remove");
        assert_eq!(get(&id).await, Ok(None));
    }
}
