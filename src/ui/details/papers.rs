//! The rows of Mẫu 02's evidence table ("Tài liệu minh chứng kèm theo vào phụ lục của Báo cáo"),
//! each with its attach block (issue 14): the papers that are about the whole dossier rather than
//! one criterion (business registration, the facility's certificate, the accounts…).

use std::rc::Rc;

use yew::prelude::*;

use crate::draft::{attachments, Draft, Target};
use crate::i18n::{t, Key, Lang};
use crate::rubric::evidence;
use crate::ui::attachments::{AttachBlock, FileRoom};
use crate::ui::state::Action;
use crate::ui::Shared;

#[derive(Properties, PartialEq)]
pub struct PapersProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Papers(props: &PapersProps) -> Html {
    let lang = props.lang;
    let d = &props.draft;
    let draft_files = (
        d.attachments.len(),
        attachments::total_bytes(&d.attachments),
    );
    let room = FileRoom::default();
    room.update(&d.attachments);
    let rows = evidence::TABLE.iter().enumerate().map(|(i, row)| {
        let n = u8::try_from(i + 1).unwrap_or(u8::MAX);
        let target = Target::Paper(n);
        let files: Rc<Vec<_>> = Rc::new(attachments::of(&d.attachments, &target).cloned().collect());
        let dom = format!("paper-{n}");
        html! {
            <li class="paper-row" key={dom.clone()}>
                <h3 id={format!("{dom}-title")}>{ format!("{n}. ") }<crate::ui::help::LinkedText text={lang.pick(row.content.0, row.content.1)} /></h3>
                <AttachBlock lang={lang} draft_id={AttrValue::from(d.id.clone())} target={target}
                    files={files} draft_files={draft_files} room={room.clone()}
                    caption={AttrValue::from(row.content.0)}
                    dom={AttrValue::from(format!("{dom}-attach"))} on_action={props.on_action.clone()} />
            </li>
        }
    });
    html! {
        <section class="papers" aria-labelledby="papers-title" id="papers">
            <h2 id="papers-title">{ t(lang, Key::AttachTableTitle) }</h2>
            <p class="hint">{ t(lang, Key::AttachTableIntro) }</p>
            <ol class="paper-rows">{ for rows }</ol>
        </section>
    }
}
