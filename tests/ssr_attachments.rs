//! The attach block (issue 14) rendered natively: one row of two buttons under every criterion
//! until it has files; a criterion's files with caption, size, the draft's total and their
//! buttons; the details screen's fifteen rows of Mẫu 02's evidence table.
#![cfg(not(target_arch = "wasm32"))]

use ocop_self_check::assess::assess;
use ocop_self_check::date::Date;
use ocop_self_check::draft::attachments::Kind;
use ocop_self_check::draft::{Attachment, Draft, Target};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::{embedded, evidence};
use ocop_self_check::ui::details::{DetailsProps, DetailsScreen};
use ocop_self_check::ui::questionnaire::{Questionnaire, QuestionnaireProps};
use ocop_self_check::ui::Shared;
use yew::{AttrValue, BaseComponent, Callback, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn file(id: &str, target: Target, caption: &str, kind: Kind, bytes: u64) -> Attachment {
    Attachment {
        id: id.into(),
        target,
        caption: caption.into(),
        kind,
        bytes,
        sha256: "0".repeat(64),
        width: kind.is_image().then_some(1200),
        height: kind.is_image().then_some(1600),
        added_ms: 1,
    }
}

#[tokio::test]
async fn under_each_criterion_a_button_row_until_it_has_files() {
    let set = match embedded::load("QD26-09") {
        Some(Ok(s)) => s,
        other => panic!("{other:?}"),
    };
    let criteria: usize = set
        .parts
        .iter()
        .flat_map(|p| &p.sections)
        .map(|s| s.criteria.len())
        .sum();
    let mut d = Draft::new("d1", "QD26-09", 1);
    d.attachments = vec![
        file(
            "fa",
            Target::Criterion("1.1".into()),
            "Giấy <chứng nhận>",
            Kind::Jpeg,
            183_000,
        ),
        file(
            "fb",
            Target::Criterion("1.1".into()),
            "",
            Kind::Pdf,
            1_200_000,
        ),
        file("fc", Target::Paper(2), "Giấy phép", Kind::Png, 20_000),
    ];
    let a = assess(&set, &d.responses);
    let html = render::<Questionnaire>(QuestionnaireProps {
        lang: Lang::Vi,
        set: Shared::new(set),
        draft: Shared::new(d),
        assessment: Shared::new(a),
        set_label: AttrValue::default(),
        on_action: Callback::noop(),
        evidence_open: false,
        initial_sections: usize::MAX,
        focus: None,
    })
    .await;
    // Every criterion has its block with the camera and the chooser.
    assert_eq!(html.matches(r#"capture="environment""#).count(), criteria);
    assert_eq!(
        html.matches(r#"accept="image/*,application/pdf" multiple"#)
            .count(),
        criteria
    );
    assert!(html.contains("Chụp ảnh") && html.contains("Chọn ảnh hoặc PDF"));
    // Only 1.1 has files: one list, the others are a button row and nothing more.
    assert_eq!(html.matches(r#"class="attach-list""#).count(), 1);
    assert_eq!(html.matches(r#"class="attach""#).count(), criteria - 1);
    let block = &html[html.find(r#"id="c-1-1-attach""#).expect("1.1's block")..];
    let block = &block[..block.find(r#"id="c-1-2""#).unwrap_or(block.len())];
    assert!(
        block.contains("Giấy &lt;chứng nhận&gt;"),
        "the caption, escaped"
    );
    assert!(block.contains("Ảnh 1200 × 1600 · 183 kB"), "{block}");
    assert!(block.contains("PDF · 1,2 MB"));
    assert!(block.contains(r#"class="attach-thumb pdf""#));
    assert!(
        block.contains("2 tệp · 1,4 MB; cả bản nháp: 3 tệp, 1,4 MB"),
        "{block}"
    );
    for name in ["Lên: Giấy <chứng nhận>", "Xuống: Tệp PDF", "Xóa: Tệp PDF"] {
        let name = name.replace('<', "&lt;").replace('>', "&gt;");
        assert!(block.contains(&format!(r#"aria-label="{name}""#)), "{name}");
    }
}

#[tokio::test]
async fn the_details_screen_has_the_fifteen_rows_of_the_evidence_table() {
    let mut d = Draft::new("d1", "QD26-09", 1);
    d.attachments = vec![file(
        "fc",
        Target::Paper(2),
        "Giấy phép",
        Kind::Jpeg,
        20_000,
    )];
    for lang in [Lang::Vi, Lang::En] {
        let html = render::<DetailsScreen>(DetailsProps {
            lang,
            draft: Shared::new(d.clone()),
            set: None,
            set_label: AttrValue::default(),
            on_action: Callback::noop(),
            today: Date::new(2026, 12, 1),
            on_rubric: None,
            here: Vec::new(),
            saved: Some(true),
        })
        .await;
        assert_eq!(html.matches(r#"class="paper-row""#).count(), 15);
        for (i, row) in evidence::TABLE.iter().enumerate() {
            assert!(html.contains(&format!(r#"id="paper-{}-attach-pick""#, i + 1)));
            assert!(html.contains(lang.pick(row.content.0, row.content.1)));
        }
        // The Vietnamese name is the caption a new file gets (the annex is Vietnamese).
        assert_eq!(html.matches(r#"class="attach-list""#).count(), 1);
        assert!(html.contains(r#"value="Giấy phép""#));
    }
}
