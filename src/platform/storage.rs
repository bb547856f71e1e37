//! Local storage: read and write one key, and say why a write failed. The store's format and key
//! are [`crate::draft::store`]'s; this module only moves text in and out.
//!
//! Natively (SSR tests) storage is an in-memory map per thread, with hooks to empty it and to
//! make it fail like a blocked or full browser store.

/// Why something could not be stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser blocks local storage (private mode, settings, sandboxed frame).
    Unavailable,
    /// The quota is exhausted.
    Full,
}

/// Read a local-storage key.
pub fn get(key: &str) -> Result<Option<String>, StorageError> {
    imp::get(key)
}

/// Write a local-storage key.
pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    imp::set(key, value)
}

/// Remove a local-storage key (nothing happens where storage is blocked).
pub fn remove(key: &str) {
    imp::remove(key)
}

#[cfg(not(target_arch = "wasm32"))]
pub use imp::{clear, simulate_failure};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::StorageError;

    fn local_storage() -> Result<web_sys::Storage, StorageError> {
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(s))) => Ok(s),
            _ => Err(StorageError::Unavailable),
        }
    }

    pub fn get(key: &str) -> Result<Option<String>, StorageError> {
        local_storage()?
            .get_item(key)
            .map_err(|_| StorageError::Unavailable)
    }

    pub fn remove(key: &str) {
        if let Ok(s) = local_storage() {
            // Removing never fails for lack of room; a blocked store has nothing to remove.
            let _ = s.remove_item(key);
        }
    }

    pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
        local_storage()?.set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StorageError::Full
            } else {
                StorageError::Unavailable
            }
        })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::StorageError;
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;

    thread_local! {
        static STORE: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
        static BLOCKED: Cell<Option<StorageError>> = const { Cell::new(None) };
    }

    pub fn get(key: &str) -> Result<Option<String>, StorageError> {
        if let Some(e) = BLOCKED.with(Cell::get) {
            if e == StorageError::Unavailable {
                return Err(e);
            }
        }
        Ok(STORE.with(|s| s.borrow().get(key).cloned()))
    }

    pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(e) = BLOCKED.with(Cell::get) {
            return Err(e);
        }
        STORE.with(|s| s.borrow_mut().insert(key.to_string(), value.to_string()));
        Ok(())
    }

    pub fn remove(key: &str) {
        STORE.with(|s| s.borrow_mut().remove(key));
    }

    /// Native test hook: make storage fail like a blocked or full browser store (`None` = works).
    pub fn simulate_failure(e: Option<StorageError>) {
        BLOCKED.with(|b| b.set(e));
    }

    /// Native test hook: forget everything stored.
    pub fn clear() {
        STORE.with(|s| s.borrow_mut().clear());
    }
}
