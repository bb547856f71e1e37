//! Taking over the prerendered questionnaire (issue 16). On a first visit's deep link
//! (`?set=QD26-NN`, nothing saved), static/boot.js shows the set's questionnaire as HTML made at
//! build time from these same components (`static/pre/`, `examples/static_questionnaire.rs`),
//! in `#pre`, while the module loads; a producer can read and answer it at once. The app renders
//! its own copy in `#app`, behind it, invisible; once that copy is complete, [`commands`] turns what was
//! chosen and typed in `#pre` into the draft's commands, they are applied, and when `#pre` has
//! not changed meanwhile it is swapped for the app's copy at the same place on the page
//! ([`crate::platform::prerender::finish`]: the criterion at the top of the screen stays where it
//! was, the focus, open index and last button pressed carry over).

use yew::Callback;

use crate::draft::{Command, Draft};
use crate::i18n::Lang;
use crate::platform::prerender::{self, PreState};
use crate::platform::{self, clock};
use crate::rubric::{KnockOutKind, ProductSet};

use super::state::Action;
use super::{criterion_dom_id, knock_out_dom_id, Shared};

/// The commands that make `draft` say what `pre` shows: each criterion's chosen level or "none
/// of the levels", each knock-out question's yes or no, the draft's name. Nothing for what the
/// draft already says, and nothing for a value the set does not have (a stale or altered page).
pub fn commands(set: &ProductSet, draft: &Draft, pre: &PreState) -> Vec<Command> {
    let r = &draft.responses;
    let mut out = Vec::new();
    for loc in set.criteria() {
        let c = loc.criterion;
        let Some(value) = pre.radio(&criterion_dom_id(&c.code)) else {
            continue;
        };
        if value == "none" {
            if !r.none_of_levels.contains(&c.code) {
                out.push(Command::SetNoneOfLevels {
                    code: c.code.clone(),
                });
            }
        } else if let Ok(position) = value.parse::<u8>() {
            if c.level(position).is_some() && r.answers.get(&c.code) != Some(&position) {
                out.push(Command::SetAnswer {
                    code: c.code.clone(),
                    position: Some(position),
                });
            }
        }
    }
    for k in set
        .knock_outs
        .iter()
        .filter(|k| k.kind == KnockOutKind::Question)
    {
        let applies = match pre.radio(&knock_out_dom_id(&k.id)) {
            Some("yes") => true,
            Some("no") => false,
            _ => continue,
        };
        if r.knock_outs.get(&k.id) != Some(&applies) {
            out.push(Command::SetKnockOut {
                id: k.id.clone(),
                applies: Some(applies),
            });
        }
    }
    if let Some(title) = &pre.title {
        if *title != draft.title {
            out.push(Command::SetTitle(title.clone()));
        }
    }
    out
}

/// Once the app's copy of the questionnaire is complete: take over the prerendered page if it
/// shows this set in this language (else remove it), then swap the two when the page has not
/// changed while the answers were being applied (a tap in between is taken over too).
pub fn take_over(
    set: Shared<ProductSet>,
    draft: Shared<Draft>,
    lang: Lang,
    on_action: Callback<Action>,
) {
    let Some((pre_set, pre_lang)) = prerender::waiting() else {
        prerender::decline();
        return;
    };
    if pre_set != set.id || pre_lang != lang.tag() {
        prerender::decline();
        return;
    }
    settle(set, (*draft).clone(), None, on_action);
}

/// Apply what the page shows that `draft` (the app's draft with everything applied so far) does
/// not, then look again in a later task, once the app has rendered it; swap when the page shows
/// nothing new (`seen`: what it showed the last time).
fn settle(
    set: Shared<ProductSet>,
    mut draft: Draft,
    seen: Option<PreState>,
    on_action: Callback<Action>,
) {
    if prerender::waiting().is_none() {
        return;
    }
    let now = prerender::read();
    let commands = commands(&set, &draft, &now);
    if seen.as_ref() == Some(&now) || commands.is_empty() {
        prerender::finish();
        return;
    }
    let now_ms = clock::now_ms();
    for command in commands {
        draft = draft.apply(command.clone(), now_ms);
        on_action.emit(Action::Apply {
            id: draft.id.clone(),
            command,
            now_ms,
        });
    }
    platform::defer(move || settle(set, draft, Some(now), on_action));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    fn set() -> ProductSet {
        embedded::load("QD26-09")
            .expect("set 9 is built in")
            .expect("set 9 loads")
    }

    fn pre(radios: &[(&str, &str)], title: Option<&str>) -> PreState {
        PreState {
            radios: radios
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            title: title.map(str::to_string),
        }
    }

    #[test]
    fn the_page_becomes_the_drafts_commands() {
        let set = set();
        let draft = Draft::new("d", set.id.clone(), 0);
        let ko = set
            .knock_outs
            .iter()
            .find(|k| k.kind == KnockOutKind::Question)
            .expect("set 9 asks a knock-out question");
        let ko_dom = knock_out_dom_id(&ko.id);
        let got = commands(
            &set,
            &draft,
            &pre(
                &[("c-1-1", "2"), ("c-1-2", "none"), (&ko_dom, "no")],
                Some("Mật ong bạc hà"),
            ),
        );
        assert_eq!(
            got,
            vec![
                Command::SetAnswer {
                    code: "1.1".into(),
                    position: Some(2)
                },
                Command::SetNoneOfLevels { code: "1.2".into() },
                Command::SetKnockOut {
                    id: ko.id.clone(),
                    applies: Some(false)
                },
                Command::SetTitle("Mật ong bạc hà".into()),
            ]
        );
        // Applied, the same page asks for nothing more; a later tap only for itself.
        let mut after = draft.clone();
        for c in got {
            after = after.apply(c, 1);
        }
        let same = pre(
            &[("c-1-1", "2"), ("c-1-2", "none"), (&ko_dom, "no")],
            Some("Mật ong bạc hà"),
        );
        assert_eq!(commands(&set, &after, &same), vec![]);
        let more = pre(
            &[("c-1-1", "3"), ("c-1-2", "none"), (&ko_dom, "no")],
            Some("Mật ong bạc hà"),
        );
        assert_eq!(
            commands(&set, &after, &more),
            vec![Command::SetAnswer {
                code: "1.1".into(),
                position: Some(3)
            }]
        );
    }

    #[test]
    fn nothing_for_what_the_set_does_not_have() {
        let set = set();
        let draft = Draft::new("d", set.id.clone(), 0);
        let odd = pre(
            &[
                ("c-1-1", "9"),
                ("c-1-1", "x"),
                ("c-99-9", "1"),
                ("ko-nothing", "yes"),
            ],
            Some(""),
        );
        assert_eq!(commands(&set, &draft, &odd), vec![]);
        assert_eq!(commands(&set, &draft, &PreState::default()), vec![]);
    }
}
