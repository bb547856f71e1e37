//! OCOP self-check: estimate the star rating an OCOP product would get under Decision
//! 26/2026/QĐ-TTg, show what stands between it and the next star, and draft the dossier.
//!
//! Layers, from the bottom up; each imports only the layers above it in this list (see
//! ARCHITECTURE.md):
//! [`lang`] (the two languages, folding diacritics), [`date`] (one calendar), [`rubric`] (the
//! rules as data, the catalogue), [`assess`] (scoring, stars, advice), [`draft`] (answers and
//! details, their checks, the interchange and store formats), [`share`] (links and QR codes),
//! [`i18n`] (words), [`dossier`] (the forms and their .docx/HTML writers), [`package`] (a
//! draft and its evidence files as one .zip, read strictly): all plain Rust with no browser
//! import. [`platform`] is the browser edge (the only code that names web-sys), [`ui`]
//! the Yew components; `src/bin/ocop` is the command line.

pub mod assess;
pub mod date;
pub mod dossier;
pub mod draft;
pub mod i18n;
pub mod lang;
pub mod package;
pub mod platform;
pub mod rubric;
pub mod share;
pub mod ui;

/// Install the panic hook and mount the web app into `#app` (wasm only).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    platform::mark("__wasmStart");
    platform::panic::install_panic_hook();
    // The first render in a task of its own: the module's instantiation and its first render
    // (each function compiled by V8 on its first call) were one long task (issue 16).
    platform::defer(|| match platform::dom::app_root() {
        Some(root) => {
            yew::Renderer::<ui::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<ui::App>::new().render();
        }
    });
}

/// Install the panic hook and mount the start module's app into `#start` (wasm only): the small
/// first screen of a first visit (see `platform::start`).
#[cfg(target_arch = "wasm32")]
pub fn start_light() {
    platform::mark("__wasmStart");
    platform::panic::install_panic_hook();
    match platform::dom::start_root() {
        Some(root) => {
            yew::Renderer::<ui::start::StartApp>::with_root(root).render();
        }
        None => {
            yew::Renderer::<ui::start::StartApp>::new().render();
        }
    }
}
