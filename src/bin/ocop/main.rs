//! `ocop`: the native command-line companion, for agencies batch-checking drafts.
//!
//! ```text
//! ocop assess [--json] [--lang vi|en] FILE...
//! ocop dossier FILE [-o OUT.docx] [--html OUT.html] [--working OUT.docx] [--working-html OUT.html]
//!                   [--mau03 OUT.docx] [--mau03-html OUT.html] [--lang vi|en] [--date DD/MM/YYYY]
//! ocop pack FILE [--photo CODE=PHOTO[=CAPTION]]... -o PACKAGE.zip [--lang vi|en] [--date DD/MM/YYYY]
//! ```
//!
//! FILE is a draft (interchange format v1, JSON) or a package (.zip, `ocop_self_check::package`)
//! wherever a draft is read.
//!
//! Exit status: 0 when every file was handled, 2 when any file was bad (each bad file is named
//! on stderr; the others are still handled), 64 on a usage error; `dossier` also 1 when it
//! cannot write its output.
//!
//! `cli.rs` holds the argument loop and `assess`, `dossier.rs` the `dossier` subcommand,
//! `pack.rs` the `pack` subcommand, `input.rs` the one loader (draft or package) all use, and
//! `output.rs` the one way they write files (a temporary file renamed into place).

// The command line is native; a wasm32 build (clippy --target wasm32 --bins) gets an empty main.
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod dossier;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod pack;
#[cfg(not(target_arch = "wasm32"))]
mod term;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
