//! OCOP self-check: estimate the star rating an OCOP product would get under Decision
//! 26/2026/QĐ-TTg, show what stands between it and the next star, and draft the dossier.
//!
//! Layers (see ARCHITECTURE.md): [`rubric`] (the rules as data), [`assess`] (scoring, stars,
//! advice), [`draft`] (answers and details, interchange format), [`i18n`] (words), all plain
//! Rust with no browser import; `ui` and `platform` are the browser edge.

pub mod assess;
pub mod dossier;
pub mod draft;
pub mod i18n;
pub mod rubric;

/// Mount the web app (wasm only).
#[cfg(target_arch = "wasm32")]
pub fn start() {}
