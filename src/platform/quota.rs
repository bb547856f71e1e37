//! How much room the browser gives this app's data, and asking it to keep the data
//! (`navigator.storage`): a phone short of space may otherwise evict a site's data, drafts and
//! all. The thresholds and words are the core's (`draft::store::room`).

/// What the browser reports, in bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

/// The browser's estimate of the data this origin uses and may use (`None` where unknown).
pub async fn estimate() -> Option<Estimate> {
    imp::estimate().await
}

/// Ask the browser to keep this origin's data under storage pressure. `Some(true)` when it now
/// will (or already did), `Some(false)` when it declined, `None` where the API is missing.
pub async fn persist() -> Option<bool> {
    imp::persist().await
}

/// Whether the browser already keeps this origin's data under storage pressure (without asking).
pub async fn persisted() -> Option<bool> {
    imp::persisted().await
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Estimate;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    fn manager() -> Option<web_sys::StorageManager> {
        let nav = web_sys::window()?.navigator();
        // `navigator.storage` is missing in insecure contexts and old browsers.
        let v = js_sys::Reflect::get(&nav, &"storage".into()).ok()?;
        v.dyn_into::<web_sys::StorageManager>().ok()
    }

    pub async fn estimate() -> Option<Estimate> {
        let p = manager()?.estimate().ok()?;
        let e: web_sys::StorageEstimate = JsFuture::from(p).await.ok()?.unchecked_into();
        Some(Estimate {
            usage: e.get_usage()?,
            quota: e.get_quota()?,
        })
    }

    pub async fn persisted() -> Option<bool> {
        JsFuture::from(manager()?.persisted().ok()?)
            .await
            .ok()?
            .as_bool()
    }

    pub async fn persist() -> Option<bool> {
        let m = manager()?;
        if let Some(true) = JsFuture::from(m.persisted().ok()?).await.ok()?.as_bool() {
            return Some(true);
        }
        JsFuture::from(m.persist().ok()?).await.ok()?.as_bool()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Estimate;

    pub async fn estimate() -> Option<Estimate> {
        None
    }

    pub async fn persisted() -> Option<bool> {
        None
    }

    pub async fn persist() -> Option<bool> {
        None
    }
}
