//! Words: the interface's fixed strings ([`ui`]: one [`Key`] table) and the phrases built from
//! numbers, names and typed results ([`words`]). The official forms' wording is not here: it is
//! the structure of each form and stays beside it in `dossier::forms`.

mod messages;
mod ui;
mod words;

pub use crate::lang::Lang;
pub use messages::*;
pub use ui::{t, Key};
pub use words::*;
