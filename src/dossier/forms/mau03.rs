//! Mẫu 03: the commune People's Committee's report on a dossier.

use super::Builder;

impl Builder<'_> {
    pub(super) fn form_03(&mut self) {}
}
