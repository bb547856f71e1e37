//! A product's draft: the answers, the producer's and product's details ([`details`]) and
//! evidence notes; the commands that change it; the checks of the details ([`checks`]); the
//! versioned interchange format used by export/import, share links, local storage and the
//! command-line tool; and the format drafts are stored in on the device ([`store`]).

pub mod address;
pub mod attachments;
mod blanks;
mod checks;
mod details;
mod interchange;
pub mod merge;
pub mod procedure;
pub mod renewal;
mod samples;
pub mod store;
pub mod sync;

/// Re-exported for the checks' callers: a [`Problem::Date`] holds one.
pub use crate::date::DateError;
pub use attachments::{Attachment, Target};
pub use blanks::{blanks, Blank};
pub use checks::{
    check_email, check_field, check_fields, check_fields_for, check_phone, check_representative,
    day_month_year, is_blank, missing_fields, representative_ground, EmailError, FieldProblem,
    Ground, GroundMismatch, Phone, PhoneError, Problem, REPRESENTATIVE_GROUND,
};
pub use details::{Field, Part, Producer, Product, RegistrationType, Report};
pub use samples::samples;

pub use interchange::{
    check_against, clipped_fields, export_file_name, file_stem, from_bytes, from_json, from_value,
    is_valid_id, misfits, parse_strict, to_json, to_value, Expected, ImportError, ImportErrorKind,
    Misfit, DRAFT_FORMAT, DRAFT_VERSION, MAX_ID_CHARS, MAX_IMPORT_BYTES,
};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::assess::Responses;
use crate::rubric::RUBRIC_ID;

/// One product's self-assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Local identifier (not meaningful across devices).
    pub id: String,
    /// The user's label for the draft in the drafts list.
    pub title: String,
    pub rubric: String,
    pub product_set: String,
    pub responses: Responses,
    pub product: Product,
    pub producer: Producer,
    /// What the producer writes in the rest of Mẫu 02 (absent in older files).
    #[serde(default)]
    pub report: Report,
    /// "Mô tả, chứng minh" of Mẫu 02 Part III, keyed by criterion code.
    pub evidence: BTreeMap<String, String>,
    /// The evidence files' descriptions, in order ([`attachments`]; absent in older files).
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    pub created_ms: u64,
    pub updated_ms: u64,
}

/// A change to a draft. The UI's reducer only ever calls [`Draft::apply`] with one of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Choose level `position` (1-based) on a criterion; `None` clears the answer.
    SetAnswer {
        code: String,
        position: Option<u8>,
    },
    /// Say that no printed level is reached on a criterion (0 points).
    SetNoneOfLevels {
        code: String,
    },
    /// Answer a knock-out question; `None` clears it.
    SetKnockOut {
        id: String,
        applies: Option<bool>,
    },
    /// Set the evidence note of a criterion (empty removes it).
    SetEvidence {
        code: String,
        text: String,
    },
    /// The draft's name; it carries over to the product name while that is empty or was the
    /// old name (the name field says "tên sản phẩm"), never over a product name of its own.
    SetTitle(String),
    /// Set one detail of the producer or the product (text cut at [`MAX_FIELD_CHARS`]).
    SetField(Field, String),
    SetProduct(Product),
    SetProducer(Producer),
    /// Clear every answer and knock-out (details and notes stay).
    ClearAnswers,
    /// Attach a file (its bytes already stored under its id). Ignored when the id is taken or
    /// the draft is full ([`attachments::has_room`]): the caller checks first and says why.
    AddAttachment(Attachment),
    /// Put another file in an attachment's place (same target, position and caption unless the
    /// new one has a caption of its own).
    ReplaceAttachment {
        id: String,
        with: Attachment,
    },
    /// Change an attachment's caption (cut at [`attachments::MAX_CAPTION_CHARS`]).
    SetCaption {
        id: String,
        caption: String,
    },
    /// Move an attachment one place up or down among those of its target.
    MoveAttachment {
        id: String,
        up: bool,
    },
    RemoveAttachment {
        id: String,
    },
}

/// Longest free text kept in one field (characters); longer input is cut, never rejected.
pub const MAX_FIELD_CHARS: usize = 10_000;

pub(crate) fn clip(s: String) -> String {
    if s.chars().count() <= MAX_FIELD_CHARS {
        s
    } else {
        s.chars().take(MAX_FIELD_CHARS).collect()
    }
}

impl Draft {
    /// A new, empty draft for a product set.
    pub fn new(id: impl Into<String>, product_set: impl Into<String>, now_ms: u64) -> Draft {
        Draft {
            id: id.into(),
            title: String::new(),
            rubric: RUBRIC_ID.to_string(),
            product_set: product_set.into(),
            responses: Responses::default(),
            product: Product::default(),
            producer: Producer::default(),
            report: Report::default(),
            evidence: BTreeMap::new(),
            attachments: Vec::new(),
            created_ms: now_ms,
            updated_ms: now_ms,
        }
    }

    /// The draft after `command`, stamped `now_ms`.
    pub fn apply(&self, command: Command, now_ms: u64) -> Draft {
        let mut d = self.clone();
        match command {
            Command::SetAnswer { code, position } => {
                d.responses.none_of_levels.remove(&code);
                match position {
                    Some(p) if p > 0 => {
                        d.responses.answers.insert(code, p);
                    }
                    _ => {
                        d.responses.answers.remove(&code);
                    }
                }
            }
            Command::SetNoneOfLevels { code } => {
                d.responses.answers.remove(&code);
                d.responses.none_of_levels.insert(code);
            }
            Command::SetKnockOut { id, applies } => match applies {
                Some(v) => {
                    d.responses.knock_outs.insert(id, v);
                }
                None => {
                    d.responses.knock_outs.remove(&id);
                }
            },
            Command::SetEvidence { code, text } => {
                if text.trim().is_empty() {
                    d.evidence.remove(&code);
                } else {
                    d.evidence.insert(code, clip(text));
                }
            }
            Command::SetTitle(t) => {
                let t = clip(t);
                let name = d.product.name.trim();
                if name.is_empty() || name == d.title.trim() {
                    d.product.name = t.trim().to_string();
                }
                d.title = t;
            }
            Command::SetField(f, value) => f.set(&mut d, value),
            Command::SetProduct(p) => d.product = p,
            Command::SetProducer(p) => d.producer = p,
            Command::ClearAnswers => d.responses = Responses::default(),
            Command::AddAttachment(a) => {
                if !d.attachments.iter().any(|x| x.id == a.id)
                    && attachments::has_room(&d.attachments, a.bytes)
                {
                    d.attachments.push(Attachment {
                        caption: attachments::clip_caption(&a.caption),
                        ..a
                    });
                }
            }
            Command::ReplaceAttachment { id, with } => {
                let taken = with.id != id && d.attachments.iter().any(|x| x.id == with.id);
                if let Some(slot) = d.attachments.iter_mut().find(|x| x.id == id) {
                    if !taken {
                        let caption = if with.caption.trim().is_empty() {
                            slot.caption.clone()
                        } else {
                            attachments::clip_caption(&with.caption)
                        };
                        *slot = Attachment {
                            target: slot.target.clone(),
                            caption,
                            ..with
                        };
                    }
                }
            }
            Command::SetCaption { id, caption } => {
                if let Some(a) = d.attachments.iter_mut().find(|x| x.id == id) {
                    a.caption = attachments::clip_caption(&caption);
                }
            }
            Command::MoveAttachment { id, up } => {
                attachments::move_within(&mut d.attachments, &id, up)
            }
            Command::RemoveAttachment { id } => d.attachments.retain(|x| x.id != id),
        }
        d.updated_ms = now_ms.max(d.created_ms);
        d
    }

    /// The name to show: the title, else the product name, else `fallback`.
    pub fn display_name<'a>(&'a self, fallback: &'a str) -> &'a str {
        if !self.title.trim().is_empty() {
            &self.title
        } else if !self.product.name.trim().is_empty() {
            &self.product.name
        } else {
            fallback
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_name_carries_over_to_the_product_name() {
        let d = Draft::new("d1", "QD26-09", 1000);
        let d = d.apply(Command::SetTitle("N".into()), 2000);
        let d = d.apply(Command::SetTitle("Nước mắm cá cơm Cô Ba ".into()), 3000);
        assert_eq!(
            d.product.name, "Nước mắm cá cơm Cô Ba",
            "follows while it is the name"
        );
        assert_eq!(d.title, "Nước mắm cá cơm Cô Ba ", "the title as typed");
        let d = d.apply(
            Command::SetField(Field::ProductName, "Nước mắm Cô Ba 35 độ đạm".into()),
            4000,
        );
        let d = d.apply(Command::SetTitle("Cô Ba (lô 2)".into()), 5000);
        assert_eq!(
            d.product.name, "Nước mắm Cô Ba 35 độ đạm",
            "a name of its own stays"
        );
        let e = Draft::new("d2", "QD26-09", 1000);
        let e = e.apply(
            Command::SetField(Field::ProductName, "Mật ong".into()),
            2000,
        );
        let e = e.apply(Command::SetTitle("Bản nháp mật ong".into()), 3000);
        assert_eq!(e.product.name, "Mật ong", "typed before the title: kept");
    }

    #[test]
    fn commands_change_only_what_they_say() {
        let d = Draft::new("d1", "QD26-07", 1000);
        let d2 = d.apply(
            Command::SetAnswer {
                code: "1.1".into(),
                position: Some(2),
            },
            2000,
        );
        assert_eq!(d2.responses.answers.get("1.1"), Some(&2));
        assert_eq!(d2.updated_ms, 2000);
        assert_eq!(d.responses.answers.len(), 0, "apply does not mutate");
        let d3 = d2.apply(Command::SetNoneOfLevels { code: "1.1".into() }, 3000);
        assert!(d3.responses.answers.is_empty());
        assert!(d3.responses.none_of_levels.contains("1.1"));
        let d4 = d3.apply(
            Command::SetAnswer {
                code: "1.1".into(),
                position: None,
            },
            4000,
        );
        assert!(d4.responses.none_of_levels.is_empty());
        let d5 = d4.apply(
            Command::SetEvidence {
                code: "1.1".into(),
                text: "x".repeat(20_000),
            },
            5000,
        );
        assert_eq!(d5.evidence["1.1"].chars().count(), MAX_FIELD_CHARS);
        let d6 = d5.apply(Command::ClearAnswers, 500);
        assert_eq!(d6.updated_ms, 1000, "time never goes before creation");
    }
}
