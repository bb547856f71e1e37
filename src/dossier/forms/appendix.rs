//! The evidence annex of Mẫu 02.

use super::Builder;

impl Builder<'_> {
    pub(super) fn appendix(&mut self) {}
}
