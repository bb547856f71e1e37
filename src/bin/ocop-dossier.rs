//! The on-demand dossier module of the web app (wasm32 only): built with
//! `--bin ocop-dossier --features dossier-module`, its exports (`dossier_docx`, `dossier_html`)
//! come from `ocop_self_check::platform::dossier_module`. Nothing runs at start.

#[cfg(target_arch = "wasm32")]
pub use ocop_self_check::platform::dossier_module::{dossier_docx, dossier_html};

fn main() {}
