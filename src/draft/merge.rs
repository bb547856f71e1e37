//! Three-way merge of a draft that two tabs (or windows) changed at once.
//!
//! Every tab remembers the version of a draft it last read or wrote (`base`). When it saves and
//! finds that another tab wrote a newer version (`theirs`) in the meantime, it merges its own
//! (`ours`) with that one, item by item: an answer, a knock-out answer, an evidence note, a detail
//! field, the title. What only one side changed is taken from that side, so both tabs' answers
//! survive when they are on different criteria. When both changed the same item to different
//! values, ours (what the user just did in this tab) is kept and a [`Conflict`] tells the UI,
//! with the command that would take the other tab's value instead, so the user can choose.

use std::collections::BTreeSet;

use super::{Command, Draft, Field, RegistrationType};

/// One item both sides changed differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub item: Item,
    /// The command that replaces the kept value with the other tab's.
    pub take_theirs: Command,
}

/// What a conflict is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// The answer to a criterion (a level, "none of the levels", or no answer).
    Answer(String),
    /// A knock-out question.
    KnockOut(String),
    /// The evidence note of a criterion.
    Evidence(String),
    /// The caption of an evidence file (by its id).
    Caption(String),
    /// A detail of the producer or the product.
    Field(Field),
    Title,
    RegistrationType,
}

/// The merged draft and the items where the other side's change was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub draft: Draft,
    pub conflicts: Vec<Conflict>,
}

/// How a criterion is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    Unanswered,
    Level(u8),
    NoneOfLevels,
}

fn answer(d: &Draft, code: &str) -> Answer {
    if let Some(p) = d.responses.answers.get(code) {
        Answer::Level(*p)
    } else if d.responses.none_of_levels.contains(code) {
        Answer::NoneOfLevels
    } else {
        Answer::Unanswered
    }
}

fn set_answer(d: &mut Draft, code: &str, a: Answer) {
    d.responses.answers.remove(code);
    d.responses.none_of_levels.remove(code);
    match a {
        Answer::Unanswered => {}
        Answer::Level(p) => {
            d.responses.answers.insert(code.to_string(), p);
        }
        Answer::NoneOfLevels => {
            d.responses.none_of_levels.insert(code.to_string());
        }
    }
}

fn answer_command(code: &str, a: Answer) -> Command {
    match a {
        Answer::Unanswered => Command::SetAnswer {
            code: code.to_string(),
            position: None,
        },
        Answer::Level(p) => Command::SetAnswer {
            code: code.to_string(),
            position: Some(p),
        },
        Answer::NoneOfLevels => Command::SetNoneOfLevels {
            code: code.to_string(),
        },
    }
}

/// The merge rule for one item: `Ok(value)` to keep, or `Err(theirs)` when both sides changed it
/// differently (ours is kept).
fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Result<T, T> {
    if ours == theirs || theirs == base {
        Ok(ours.clone())
    } else if ours == base {
        Ok(theirs.clone())
    } else {
        Err(theirs.clone())
    }
}

/// Merge `ours` and `theirs`, two versions of the same draft that both started from `base`.
/// `merge(b, o, t)` keeps every change of `o`, every change of `t` to an item `o` did not change,
/// and reports the items both changed differently.
pub fn merge(base: &Draft, ours: &Draft, theirs: &Draft) -> Merged {
    let mut out = ours.clone();
    let mut conflicts = Vec::new();

    let codes: BTreeSet<&String> = [base, ours, theirs]
        .iter()
        .flat_map(|d| {
            d.responses
                .answers
                .keys()
                .chain(d.responses.none_of_levels.iter())
        })
        .collect();
    for code in codes {
        let (b, o, t) = (answer(base, code), answer(ours, code), answer(theirs, code));
        match pick(&b, &o, &t) {
            Ok(v) => set_answer(&mut out, code, v),
            Err(t) => conflicts.push(Conflict {
                item: Item::Answer(code.clone()),
                take_theirs: answer_command(code, t),
            }),
        }
    }

    let ids: BTreeSet<&String> = [base, ours, theirs]
        .iter()
        .flat_map(|d| d.responses.knock_outs.keys())
        .collect();
    for id in ids {
        let get = |d: &Draft| d.responses.knock_outs.get(id).copied();
        match pick(&get(base), &get(ours), &get(theirs)) {
            Ok(Some(v)) => {
                out.responses.knock_outs.insert(id.clone(), v);
            }
            Ok(None) => {
                out.responses.knock_outs.remove(id);
            }
            Err(t) => conflicts.push(Conflict {
                item: Item::KnockOut(id.clone()),
                take_theirs: Command::SetKnockOut {
                    id: id.clone(),
                    applies: t,
                },
            }),
        }
    }

    let notes: BTreeSet<&String> = [base, ours, theirs]
        .iter()
        .flat_map(|d| d.evidence.keys())
        .collect();
    for code in notes {
        let get = |d: &Draft| d.evidence.get(code).cloned();
        match pick(&get(base), &get(ours), &get(theirs)) {
            Ok(Some(v)) => {
                out.evidence.insert(code.clone(), v);
            }
            Ok(None) => {
                out.evidence.remove(code);
            }
            Err(t) => conflicts.push(Conflict {
                item: Item::Evidence(code.clone()),
                take_theirs: Command::SetEvidence {
                    code: code.clone(),
                    text: t.unwrap_or_default(),
                },
            }),
        }
    }

    for f in Field::ALL {
        let get = |d: &Draft| f.value(d).to_string();
        match pick(&get(base), &get(ours), &get(theirs)) {
            Ok(v) => f.set(&mut out, v),
            Err(t) => conflicts.push(Conflict {
                item: Item::Field(f),
                take_theirs: Command::SetField(f, t),
            }),
        }
    }

    match pick(&base.title, &ours.title, &theirs.title) {
        Ok(v) => out.title = v,
        Err(t) => conflicts.push(Conflict {
            item: Item::Title,
            take_theirs: Command::SetTitle(t),
        }),
    }

    let rt = |d: &Draft| d.product.registration_type;
    match pick::<RegistrationType>(&rt(base), &rt(ours), &rt(theirs)) {
        Ok(v) => out.product.registration_type = v,
        Err(t) => {
            let mut product = out.product.clone();
            product.registration_type = t;
            conflicts.push(Conflict {
                item: Item::RegistrationType,
                take_theirs: Command::SetProduct(product),
            })
        }
    }

    out.attachments = merge_attachments(base, ours, theirs, &mut conflicts);

    out.created_ms = ours.created_ms.min(theirs.created_ms);
    out.updated_ms = ours.updated_ms.max(theirs.updated_ms);
    Merged {
        draft: out,
        conflicts,
    }
}

/// The evidence files of two versions: a file either side added is kept (ours in our order,
/// theirs' new ones after), a file either side removed is gone, a caption merges like a note.
/// (A removed file's bytes are left for the store's sweep of unreferenced files.)
fn merge_attachments(
    base: &Draft,
    ours: &Draft,
    theirs: &Draft,
    conflicts: &mut Vec<Conflict>,
) -> Vec<super::Attachment> {
    let find = |d: &Draft, id: &str| d.attachments.iter().find(|a| a.id == id).cloned();
    let mut out = Vec::new();
    let candidates = ours.attachments.iter().chain(
        theirs
            .attachments
            .iter()
            .filter(|t| find(ours, &t.id).is_none()),
    );
    for a in candidates {
        let (b, o, t) = (find(base, &a.id), find(ours, &a.id), find(theirs, &a.id));
        let removed = b.is_some() && (o.is_none() || t.is_none());
        if removed {
            continue;
        }
        let mut kept = a.clone();
        if let (Some(o), Some(t)) = (&o, &t) {
            let caption = |x: &Option<super::Attachment>| x.as_ref().map(|x| x.caption.clone());
            match pick(
                &caption(&b),
                &Some(o.caption.clone()),
                &Some(t.caption.clone()),
            ) {
                Ok(c) => kept.caption = c.unwrap_or_default(),
                Err(t) => conflicts.push(Conflict {
                    item: Item::Caption(a.id.clone()),
                    take_theirs: Command::SetCaption {
                        id: a.id.clone(),
                        caption: t.unwrap_or_default(),
                    },
                }),
            }
        }
        out.push(kept);
    }
    out
}

/// A share link's newer version of a draft already here: the link's answers, knock-out answers,
/// evidence notes, title and details are taken; what the link leaves blank — the contact
/// details and business figures a link leaves out by default, a note or a field the sender never
/// had — keeps the value here, so updating never empties what only this device knows. The id and
/// the creation time stay this device's.
pub fn update_from_link(local: &Draft, incoming: &Draft, now_ms: u64) -> Draft {
    let mut d = incoming.clone();
    d.id.clone_from(&local.id);
    d.created_ms = local.created_ms;
    d.updated_ms = now_ms.max(local.updated_ms);
    if d.title.trim().is_empty() {
        d.title.clone_from(&local.title);
    }
    for f in Field::ALL {
        if f.value(&d).trim().is_empty() && !f.value(local).trim().is_empty() {
            f.set(&mut d, f.value(local).to_string());
        }
    }
    for (code, note) in &local.evidence {
        let blank = d.evidence.get(code).is_none_or(|n| n.trim().is_empty());
        if blank && !note.trim().is_empty() {
            d.evidence.insert(code.clone(), note.clone());
        }
    }
    // A link carries no files: the ones here stay.
    if d.attachments.is_empty() {
        d.attachments.clone_from(&local.attachments);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(d: &Draft, code: &str, p: u8, at: u64) -> Draft {
        d.apply(
            Command::SetAnswer {
                code: code.into(),
                position: Some(p),
            },
            at,
        )
    }

    #[test]
    fn a_link_update_takes_the_links_answers_and_keeps_what_it_leaves_blank() {
        let mut local = answered(&Draft::new("here", "QD26-09", 100), "1.1", 1, 200);
        local.producer.name = "HTX Cô Ba".into();
        local.producer.phone = "0912345678".into();
        local.report.revenue_last = "1.200".into();
        local
            .evidence
            .insert("1.2".into(), "Hợp đồng với HTX".into());
        local.evidence.insert("1.1".into(), "ghi chú cũ".into());
        // The corrected version, sent without contact details and figures.
        let mut sent = answered(&Draft::new("", "QD26-09", 50), "1.1", 3, 300);
        sent = answered(&sent, "2.1", 2, 301);
        sent.producer.name = "HTX Nước mắm Cô Ba".into();
        sent.evidence
            .insert("1.1".into(), "Giấy chứng nhận ATTP".into());
        let d = update_from_link(&local, &sent, 400);
        assert_eq!(
            (d.id.as_str(), d.created_ms, d.updated_ms),
            ("here", 100, 400)
        );
        let a = &d.responses.answers;
        assert_eq!((a.get("1.1"), a.get("2.1")), (Some(&3), Some(&2)));
        assert_eq!(
            d.producer.name, "HTX Nước mắm Cô Ba",
            "the link's value wins"
        );
        assert_eq!(d.producer.phone, "0912345678", "left out by the link: kept");
        assert_eq!(d.report.revenue_last, "1.200");
        assert_eq!(
            d.evidence.get("1.1").map(String::as_str),
            Some("Giấy chứng nhận ATTP")
        );
        assert_eq!(
            d.evidence.get("1.2").map(String::as_str),
            Some("Hợp đồng với HTX")
        );
        assert_eq!(d.title, local.title);
    }

    #[test]
    fn answers_on_different_criteria_both_survive() {
        let base = answered(&Draft::new("d", "QD26-09", 1), "1.1", 2, 2);
        let ours = answered(&base, "1.2", 2, 3);
        let theirs = answered(&base, "1.3", 1, 4);
        let m = merge(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        let a = &m.draft.responses.answers;
        assert_eq!(
            (a.get("1.1"), a.get("1.2"), a.get("1.3")),
            (Some(&2), Some(&2), Some(&1))
        );
        assert_eq!(m.draft.updated_ms, 4);
    }

    #[test]
    fn a_cleared_answer_or_note_stays_cleared_unless_the_other_side_changed_it() {
        let mut base = answered(&Draft::new("d", "QD26-09", 1), "1.1", 2, 2);
        base.evidence.insert("1.1".into(), "sổ ghi chép".into());
        let ours = base.apply(
            Command::SetAnswer {
                code: "1.1".into(),
                position: None,
            },
            3,
        );
        let theirs = base.apply(
            Command::SetEvidence {
                code: "1.1".into(),
                text: String::new(),
            },
            4,
        );
        let m = merge(&base, &ours, &theirs);
        assert!(m.conflicts.is_empty());
        assert!(m.draft.responses.answers.is_empty());
        assert!(m.draft.evidence.is_empty());
    }

    #[test]
    fn the_same_criterion_changed_twice_keeps_ours_and_offers_theirs() {
        let base = Draft::new("d", "QD26-09", 1);
        let ours = answered(&base, "1.2", 3, 2);
        let theirs = base.apply(Command::SetNoneOfLevels { code: "1.2".into() }, 3);
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.draft.responses.answers.get("1.2"), Some(&3));
        assert!(!m.draft.responses.none_of_levels.contains("1.2"));
        assert_eq!(
            m.conflicts,
            vec![Conflict {
                item: Item::Answer("1.2".into()),
                take_theirs: Command::SetNoneOfLevels { code: "1.2".into() },
            }]
        );
        let chosen = m.draft.apply(m.conflicts[0].take_theirs.clone(), 5);
        assert!(chosen.responses.none_of_levels.contains("1.2"));
    }

    #[test]
    fn details_knock_outs_title_and_type_merge_item_by_item() {
        let base = Draft::new("d", "QD26-09", 1);
        let mut ours = base.apply(Command::SetField(Field::Phone, "0912345678".into()), 2);
        ours = ours.apply(Command::SetTitle("Nước mắm".into()), 2);
        ours = ours.apply(
            Command::SetKnockOut {
                id: "k1".into(),
                applies: Some(false),
            },
            2,
        );
        let mut theirs = base.apply(Command::SetField(Field::Email, "a@b.vn".into()), 3);
        theirs = theirs.apply(Command::SetTitle("Nước mắm Cô Ba".into()), 3);
        let mut p = theirs.product.clone();
        p.registration_type = RegistrationType::Upgrade;
        theirs = theirs.apply(Command::SetProduct(p), 3);
        let m = merge(&base, &ours, &theirs);
        assert_eq!(m.draft.producer.phone, "0912345678");
        assert_eq!(m.draft.producer.email, "a@b.vn");
        assert_eq!(m.draft.responses.knock_outs.get("k1"), Some(&false));
        assert_eq!(m.draft.product.registration_type, RegistrationType::Upgrade);
        assert_eq!(m.draft.title, "Nước mắm", "ours kept");
        // The name carried over to the product name on both sides, so that differs too.
        assert_eq!(m.draft.product.name, "Nước mắm");
        assert_eq!(
            m.conflicts,
            vec![
                Conflict {
                    item: Item::Field(Field::ProductName),
                    take_theirs: Command::SetField(Field::ProductName, "Nước mắm Cô Ba".into()),
                },
                Conflict {
                    item: Item::Title,
                    take_theirs: Command::SetTitle("Nước mắm Cô Ba".into()),
                }
            ]
        );
    }

    #[test]
    fn evidence_files_merge_by_id() {
        use crate::draft::attachments::{Attachment, Kind, Target};
        let file = |id: &str| Attachment {
            id: id.into(),
            target: Target::Criterion("1.1".into()),
            caption: format!("ảnh {id}"),
            kind: Kind::Jpeg,
            bytes: 10,
            sha256: "0".repeat(64),
            width: Some(2),
            height: Some(2),
            added_ms: 1,
        };
        let base = Draft::new("d", "QD26-07", 0)
            .apply(Command::AddAttachment(file("a")), 1)
            .apply(Command::AddAttachment(file("b")), 1);
        let ours = base.apply(Command::AddAttachment(file("o")), 2).apply(
            Command::SetCaption {
                id: "a".into(),
                caption: "ours".into(),
            },
            2,
        );
        let theirs = base
            .apply(Command::RemoveAttachment { id: "b".into() }, 3)
            .apply(Command::AddAttachment(file("t")), 3)
            .apply(
                Command::SetCaption {
                    id: "a".into(),
                    caption: "theirs".into(),
                },
                3,
            );
        let m = merge(&base, &ours, &theirs);
        let ids: Vec<&str> = m.draft.attachments.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "o", "t"], "b removed there, o and t added");
        assert_eq!(m.draft.attachments[0].caption, "ours");
        assert_eq!(
            m.conflicts,
            vec![Conflict {
                item: Item::Caption("a".into()),
                take_theirs: Command::SetCaption {
                    id: "a".into(),
                    caption: "theirs".into()
                },
            }]
        );
        let link = Draft::new("d", "QD26-07", 0);
        assert_eq!(
            update_from_link(&ours, &link, 9).attachments,
            ours.attachments,
            "a link keeps the files here"
        );
    }

    #[test]
    fn merging_with_an_unchanged_side_is_the_other_side() {
        let base = answered(&Draft::new("d", "QD26-09", 1), "1.1", 2, 2);
        let ours = answered(&base, "2.1", 1, 3);
        assert_eq!(merge(&base, &ours, &base).draft, ours);
        let m = merge(&base, &base, &ours);
        assert_eq!(m.draft.responses, ours.responses);
        assert!(m.conflicts.is_empty());
    }
}
