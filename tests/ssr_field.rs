//! Issue 13, items 6–8, rendered natively with Yew's `ssr` feature: the questionnaire's index
//! with answered counts, a section's title printed once, 5.3's requirement on its own line,
//! criterion 3.2 against the representative's details (on the criterion and on the form), the
//! one-row header's short "+ Mới" tab, the offline status, the field errors as sentences.
#![cfg(not(target_arch = "wasm32"))]

use ocop_self_check::assess::assess;
use ocop_self_check::date::Date;
use ocop_self_check::draft::Draft;
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::{embedded, ProductSet};
use ocop_self_check::ui::app::{App, AppProps};
use ocop_self_check::ui::details::{DetailsProps, DetailsScreen};
use ocop_self_check::ui::questionnaire::{Questionnaire, QuestionnaireProps};
use ocop_self_check::ui::state::AppState;
use ocop_self_check::ui::update_notice::{OfflineStatus, OfflineStatusProps};
use ocop_self_check::ui::Shared;
use yew::{AttrValue, BaseComponent, Callback, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn set(id: &str) -> ProductSet {
    match embedded::load(id) {
        Some(Ok(s)) => s,
        other => panic!("{id}: {other:?}"),
    }
}

async fn questionnaire(lang: Lang, set: &ProductSet, draft: Draft, initial: usize) -> String {
    let a = assess(set, &draft.responses);
    render::<Questionnaire>(QuestionnaireProps {
        lang,
        set: Shared::new(set.clone()),
        draft: Shared::new(draft),
        assessment: Shared::new(a),
        set_label: AttrValue::default(),
        on_action: Callback::noop(),
        evidence_open: false,
        initial_sections: initial,
        focus: None,
    })
    .await
}

/// The index's part of the page.
fn toc(html: &str) -> &str {
    let a = html.find("<details id=\"toc\"").expect("the index");
    let b = a + html[a..].find("</details>").expect("end of the index");
    &html[a..b]
}

#[tokio::test]
async fn the_index_lists_every_part_and_section_with_its_answered_count() {
    let s = set("QD26-09");
    let mut d = Draft::new("d1", "QD26-09", 0);
    d.responses.answers.insert("1.1".into(), 2);
    d.responses.none_of_levels.insert("1.2".into());
    let first = s.parts[0].sections[0].criteria.len();
    let ko = s
        .knock_outs
        .iter()
        .filter(|k| k.kind == ocop_self_check::rubric::KnockOutKind::Question)
        .collect::<Vec<_>>();
    d.responses.knock_outs.insert(ko[0].id.clone(), false);
    // Rendered before any section is (the app starts with none): the index is whole anyway.
    let html = questionnaire(Lang::Vi, &s, d, 0).await;
    let t = toc(&html);
    assert!(
        t.contains("<summary id=\"toc-summary\">Mục lục</summary>"),
        "{t}"
    );
    let sections: usize = s.parts.iter().map(|p| p.sections.len()).sum();
    assert_eq!(
        t.matches("class=\"toc-link\"").count(),
        sections + 1,
        "knock-outs + sections"
    );
    assert_eq!(
        t.matches("class=\"toc-link toc-part\"").count(),
        s.parts.len()
    );
    assert!(
        t.contains(&format!("1/{}", ko.len())),
        "knock-outs answered"
    );
    assert!(
        t.contains(&format!(">2/{first}<")),
        "section 1: 1.1 and 1.2 (none of the levels)"
    );
    let part_a: usize = s.parts[0].sections.iter().map(|x| x.criteria.len()).sum();
    assert!(t.contains(&format!(">2/{part_a}<")), "part A");
    assert!(t.contains("Phần A — "));
    assert!(t.contains("1. TỔ CHỨC SẢN XUẤT"));
    // Jump targets: every heading the index names exists once rendered, and is focusable.
    let all = questionnaire(Lang::Vi, &s, Draft::new("d1", "QD26-09", 0), usize::MAX).await;
    for part in &s.parts {
        assert!(all.contains(&format!("<h2 id=\"part-{}\" tabindex=\"-1\"", part.code)));
        for sec in &part.sections {
            assert!(
                all.contains(&format!("<h3 id=\"sec-{}\" tabindex=\"-1\"", sec.code)),
                "{}",
                sec.code
            );
        }
    }
    assert!(all.contains("<h2 id=\"ko-title\" tabindex=\"-1\""));
    assert_eq!(
        all.matches("↑ Về mục lục").count(),
        sections,
        "back to the index after each section"
    );
    // English.
    let en = questionnaire(Lang::En, &s, Draft::new("d1", "QD26-09", 0), 0).await;
    assert!(toc(&en).contains(">Contents</summary>"));
    assert!(toc(&en).contains("Part A — "));
}

#[tokio::test]
async fn a_section_of_one_criterion_prints_its_title_once() {
    for id in ["QD26-09", "QD26-01", "QD26-22"] {
        let s = set(id);
        let html = questionnaire(Lang::Vi, &s, Draft::new("d1", id, 0), usize::MAX).await;
        let body = &html[html.find("</details>").expect("after the index")..];
        for part in &s.parts {
            for sec in &part.sections {
                let [c] = sec.criteria.as_slice() else {
                    continue;
                };
                if c.text.vi != sec.name.vi {
                    continue;
                }
                let text = c.text.vi.replace('&', "&amp;");
                // The heading, and the legend kept for screen readers only.
                assert_eq!(
                    body.matches(&format!(">{text}<")).count(),
                    1,
                    "{id} {}: printed once",
                    c.code
                );
                let legend = format!("id=\"c-{}\"", c.code.replace('.', "-"));
                let at = body.find(&legend).expect("the criterion");
                let next_legend = &body[at..][body[at..].find("<legend").expect("legend")..];
                assert!(
                    next_legend.starts_with("<legend class=\"sr-only\">"),
                    "{id} {}",
                    c.code
                );
            }
        }
        // A criterion with a title of its own keeps a visible legend.
        let at = body.find("id=\"c-1-1\"").expect("1.1");
        let l = &body[at..][body[at..].find("<legend").expect("legend")..];
        assert!(l.starts_with("<legend>"), "{id}: {}", &l[..40]);
    }
}

#[tokio::test]
async fn criterion_5_3_s_requirement_is_on_its_own_line() {
    let s = set("QD26-09");
    let html = questionnaire(Lang::Vi, &s, Draft::new("d1", "QD26-09", 0), usize::MAX).await;
    assert!(
        html.contains("<span class=\"crit-text\">Trí tuệ/bản sắc địa phương</span>"),
        "title alone"
    );
    assert!(html.contains("<span class=\"crit-req\">Yêu cầu: Nội dung câu chuyện sản phẩm OCOP"));
    assert!(!html.contains("địa phương Yêu cầu:"));
}

fn representative(gender: &str, ethnicity: &str, disability: &str) -> Draft {
    let mut d = Draft::new("d1", "QD26-09", 0);
    d.producer.representative_gender = gender.into();
    d.producer.representative_ethnicity = ethnicity.into();
    d.producer.representative_disability = disability.into();
    d
}

fn details(lang: Lang, d: Draft, set: Option<ProductSet>) -> DetailsProps {
    DetailsProps {
        lang,
        draft: Shared::new(d),
        set: set.map(Shared::new),
        set_label: AttrValue::default(),
        on_action: Callback::noop(),
        today: Date::new(2026, 12, 1),
        on_rubric: None,
        here: Vec::new(),
        saved: Some(true),
    }
}

#[tokio::test]
async fn an_answer_to_3_2_against_the_details_is_pointed_out_on_both_screens() {
    let s = set("QD26-09");
    let mut d = representative("Nam", "Kinh", "Không");
    d.responses.answers.insert("3.2".into(), 2);
    let q = questionnaire(Lang::Vi, &s, d.clone(), usize::MAX).await;
    assert_eq!(
        q.matches("class=\"crit-warning\"").count(),
        1,
        "on 3.2 only"
    );
    assert!(q.contains("aria-describedby=\"c-3-2-warning\""));
    assert!(q.contains("id=\"c-3-2-warning\" class=\"crit-warning\">⚠ Tiêu chí 3.2: bạn chọn"));
    assert!(q.contains("giới tính “Nam”, dân tộc “Kinh”, tình trạng khuyết tật “Không”"));
    let form = render::<DetailsScreen>(details(Lang::Vi, d.clone(), Some(s.clone()))).await;
    assert!(
        form.contains("id=\"rep-ground-warning\" class=\"crit-warning\">⚠ Tiêu chí 3.2: bạn chọn"),
        "{form}"
    );
    // The three fields point at it; it sits after the disability field.
    assert_eq!(form.matches("rep-ground-warning").count(), 4);
    let warn = form.find("id=\"rep-ground-warning\"").expect("warning");
    assert!(
        form.find("id=\"f-producer-representative-disability\"")
            .expect("field")
            < warn
    );
    assert!(
        warn < form
            .find("id=\"f-producer-representative-address\"")
            .expect("field")
    );
    let en = render::<DetailsScreen>(details(Lang::En, d.clone(), Some(s.clone()))).await;
    assert!(en.contains("Criterion 3.2: you chose"));
    let q_en = questionnaire(Lang::En, &s, d.clone(), usize::MAX).await;
    assert!(q_en.contains("Criterion 3.2: you chose"));
    // Without the sheet (not loaded yet) the form cannot tell; agreeing answers say nothing.
    let none = render::<DetailsScreen>(details(Lang::Vi, d.clone(), None)).await;
    assert!(!none.contains("rep-ground-warning"));
    d.responses.answers.insert("3.2".into(), 1);
    assert!(!questionnaire(Lang::Vi, &s, d.clone(), usize::MAX)
        .await
        .contains("crit-warning"));
    // A woman answered "not met".
    d.producer.representative_gender = "Nữ".into();
    let q = questionnaire(Lang::Vi, &s, d, usize::MAX).await;
    assert!(q.contains("có thể đạt 1 điểm"), "the other way round");
}

#[tokio::test]
async fn the_form_speaks_in_sentences_and_says_where_the_product_name_came_from() {
    let mut d = Draft::new("d1", "QD26-09", 0);
    d.title = "Nước mắm cá cơm Cô Ba".into();
    d.product.name = "Nước mắm cá cơm Cô Ba".into();
    d.producer.phone = "12345".into();
    d.producer.registration_date = "2019-03-05".into();
    let html = render::<DetailsScreen>(details(Lang::Vi, d.clone(), None)).await;
    assert!(
        html.contains(">Số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84.</p>"),
        "capital, full stop"
    );
    assert!(!html.contains("field-error\" id=\"f-producer-phone-err\">số"));
    assert!(
        html.contains("Ngày đang viết năm trước"),
        "the ISO date is flagged"
    );
    assert!(html.contains("Lấy từ tên bản nháp; bạn sửa được."));
    assert!(html.contains("Không có mục nào bắt buộc"));
    assert!(!html.contains("Chưa mục nào bắt buộc"));
    assert!(html.contains("Tải bản nháp về (.json)"));
    d.product.name = "Nước mắm Cô Ba 35 độ đạm".into();
    let html = render::<DetailsScreen>(details(Lang::Vi, d, None)).await;
    assert!(!html.contains("Lấy từ tên bản nháp"), "changed by the user");
    assert!(!html.contains("use-draft-name"));
    // A draft named before the name carried over: offered in one tap.
    let mut old = Draft::new("d1", "QD26-09", 0);
    old.title = "Mắm tôm Cô Ba".into();
    let html = render::<DetailsScreen>(details(Lang::Vi, old, None)).await;
    assert!(html.contains("id=\"use-draft-name\""));
    assert!(
        html.contains("Dùng tên bản nháp: “Mắm tôm Cô Ba”"),
        "{html}"
    );
}

#[tokio::test]
async fn the_header_has_short_tabs_and_the_full_app_an_offline_status() {
    let html = render::<App>(AppProps {
        initial: Some(Shared::new(AppState::default())),
    })
    .await;
    let header = &html[html.find("<header").expect("header")..html.find("</header>").expect("end")];
    assert!(header.contains("id=\"nav-new\""));
    assert!(
        header.contains("aria-label=\"Tạo bản nháp mới\""),
        "{header}"
    );
    assert!(header.contains(">+ Mới</button>"));
    assert!(!header.contains("Sản phẩm mới"));
    assert!(
        header.contains("<div role=\"status\" class=\"net\"></div>"),
        "online: empty"
    );

    let offline = render::<OfflineStatus>(OfflineStatusProps {
        lang: Lang::Vi,
        remember: true,
        offline: true,
        ready: true,
        screen: "Questionnaire/d1".into(),
    })
    .await;
    assert!(offline.contains("id=\"offline-indicator\""));
    assert!(offline.contains("Không có mạng"));
    assert!(
        offline.contains("Ứng dụng vẫn dùng được"),
        "said to screen readers"
    );
    assert!(offline.contains("id=\"offline-ready\""));
    assert!(offline.contains("Đã sẵn sàng dùng khi không có mạng"));
    let en = render::<OfflineStatus>(OfflineStatusProps {
        lang: Lang::En,
        remember: true,
        offline: true,
        ready: false,
        screen: AttrValue::default(),
    })
    .await;
    assert!(
        en.contains(">Offline<") || en.contains("Offline<span"),
        "{en}"
    );
    assert!(!en.contains("offline-ready"));
}
