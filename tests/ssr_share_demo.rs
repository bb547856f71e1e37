//! Sharing, demonstration mode and the update notice rendered to HTML natively (Yew SSR): the
//! share panel (link, QR code as a data: image, too-long fallback), the prompt for an incoming
//! link (summary, confirm; errors in words), demonstration mode (banner, labelled examples), the
//! new-version notice.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ocop_self_check::draft::{self, Command, Draft};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::{embedded, Catalogue};
use ocop_self_check::share::{self, Content, MAX_QR_LINK};
use ocop_self_check::ui::app::{App, AppProps};
use ocop_self_check::ui::demo::{DemoBanner, DemoBannerProps};
use ocop_self_check::ui::share::{
    share_link, svg_data_url, IncomingShare, IncomingShareProps, SharePanel, SharePanelProps,
};
use ocop_self_check::ui::state::demo::example_copies;
use ocop_self_check::ui::state::{Action, AppState};
use ocop_self_check::ui::update_notice::{UpdateNotice, UpdateNoticeProps};
use ocop_self_check::ui::Shared;
use yew::{AttrValue, BaseComponent, Callback, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn answered(set_id: &str, code_positions: &[(&str, u8)]) -> Draft {
    let mut d = Draft::new("local", set_id, 1);
    for (code, p) in code_positions {
        d = d.apply(
            Command::SetAnswer {
                code: code.to_string(),
                position: Some(*p),
            },
            2,
        );
    }
    d
}

/// Typical address of a provincial deployment.
const BASE: &str = "https://ocop.example.gov.vn/tu-danh-gia/index.html";

#[test]
fn every_example_product_fits_a_qr_code() {
    for d in example_copies() {
        for content in [Content::Everything, Content::WithoutContactDetails] {
            let link = share_link(BASE, &d, content);
            assert!(
                link.len() <= MAX_QR_LINK,
                "{}: {} chars",
                d.product_set,
                link.len()
            );
            assert!(share::qr_svg(&link).is_ok());
            let back = share::decode(link.split_once('#').map(|x| x.1).unwrap_or("")).expect("ok");
            assert_eq!(back.responses, d.responses);
        }
        eprintln!(
            "{}: share link {} chars",
            d.product_set,
            share_link(BASE, &d, Content::WithoutContactDetails).len()
        );
    }
}

#[test]
fn qr_data_url_escapes_what_a_url_needs() {
    let url = svg_data_url("<svg a=\"#1\">%</svg>");
    assert_eq!(
        url,
        "data:image/svg+xml,%3Csvg a=%22%231%22%3E%25%3C/svg%3E"
    );
}

#[tokio::test]
async fn the_share_panel_shows_link_copy_option_and_qr_image() {
    let mut d = answered("QD26-09", &[("1.1", 3), ("1.2", 2)]);
    d.producer.phone = "0912345678".into();
    let html = render::<SharePanel>(SharePanelProps {
        lang: Lang::Vi,
        draft: Shared::new(d),
        on_close: Callback::noop(),
    })
    .await;
    assert!(html.contains("Chia sẻ bản nháp"));
    assert!(html.contains("id=\"share-leave-out\""));
    assert!(
        html.contains("#d=1"),
        "the link with the draft in its fragment"
    );
    assert!(html.contains("id=\"share-qr\""));
    assert!(html.contains("src=\"data:image/svg+xml,%3Csvg"));
    assert!(
        !html.contains("<svg"),
        "our SVG goes in an image, never in the DOM"
    );
    assert!(html.contains("Chép liên kết"));
    // Contact details are left out by default: the phone number is not in the link.
    let link_start = html.find("#d=1").expect("link");
    let link: String = html[link_start + 1..]
        .chars()
        .take_while(|c| *c != '"' && *c != '<')
        .collect();
    let back = share::decode(&link).expect("decodes");
    assert_eq!(back.producer.phone, "");
}

#[tokio::test]
async fn a_draft_too_long_for_a_qr_code_offers_the_file() {
    let mut d = answered("QD26-09", &[("1.1", 3)]);
    // Incompressible notes.
    let mut x: u32 = 12345;
    for code in ["1.1", "1.2", "1.3"] {
        let text: String = (0..900)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        d = d.apply(
            Command::SetEvidence {
                code: code.into(),
                text,
            },
            3,
        );
    }
    let html = render::<SharePanel>(SharePanelProps {
        lang: Lang::En,
        draft: Shared::new(d),
        on_close: Callback::noop(),
    })
    .await;
    assert!(html.contains("id=\"qr-too-long\""));
    assert!(html.contains("too long for a QR code"));
    assert!(html.contains("id=\"share-export\""));
    assert!(!html.contains("id=\"share-qr\""));
}

#[tokio::test]
async fn an_incoming_link_shows_what_it_contains_before_adding() {
    let mut d = answered("QD26-09", &[("1.1", 3), ("1.2", 2), ("2.1", 2)]);
    d.title = "Nước mắm <Cô Ba>".into();
    let fragment = format!("#{}", share::encode(&d, Content::Everything));
    let set = match embedded::load("QD26-09") {
        Some(Ok(s)) => s,
        other => panic!("{other:?}"),
    };
    let props = |lang, fragment: &str| IncomingShareProps {
        lang,
        catalogue: Shared::new(Catalogue::builtin()),
        on_action: Callback::noop(),
        in_demo: false,
        fragment: Some(AttrValue::from(fragment.to_string())),
        set: Some(Shared::new(set.clone())),
        here: Vec::new(),
    };
    let html = render::<IncomingShare>(props(Lang::Vi, &fragment)).await;
    assert!(html.contains("Bản nháp được chia sẻ với bạn"));
    assert!(html.contains("Nước mắm &lt;Cô Ba&gt;"), "escaped title");
    assert!(html.contains("data-set=\"QD26-09\""));
    assert!(html.contains("3/31 câu"));
    // Three answers are not enough for a star estimate: the preview says so, as the bar does.
    assert!(html.contains("Chưa đủ"), "{html}");
    assert!(!html.contains("1 sao"));
    assert!(html.contains("id=\"import-confirm\""));
    assert!(
        !html.contains("disabled"),
        "checked against the sheet: can be added"
    );

    let html = render::<IncomingShare>(props(Lang::En, "#d=1AAAA")).await;
    assert!(html.contains("The share link could not be opened"));
    assert!(html.contains("damaged"));
    assert!(!html.contains("import-confirm"));

    // Answers the sheet does not have are refused in words, before anything is added.
    let mut bad = d.clone();
    bad.responses.answers.insert("1.1".into(), 9);
    let frag = format!("#{}", share::encode(&bad, Content::Everything));
    let html = render::<IncomingShare>(props(Lang::En, &frag)).await;
    assert!(
        html.contains("not valid") || html.contains("damaged"),
        "{html}"
    );
    assert!(!html.contains("import-confirm"));

    // No fragment: nothing.
    let html = render::<IncomingShare>(props(Lang::Vi, "")).await;
    assert_eq!(html.trim(), "");
}

#[tokio::test]
async fn a_link_for_a_draft_already_here_offers_update_or_copy() {
    let mut sent = answered("QD26-09", &[("1.1", 3), ("1.2", 2), ("2.1", 2)]);
    sent.id = "k3x9".into();
    sent.title = "Nước mắm Cô Ba".into();
    sent.updated_ms = 2_000;
    let fragment = format!("#{}", share::encode(&sent, Content::WithoutContactDetails));
    let set = match embedded::load("QD26-09") {
        Some(Ok(s)) => s,
        other => panic!("{other:?}"),
    };
    let props = |here: Vec<Draft>| IncomingShareProps {
        lang: Lang::Vi,
        catalogue: Shared::new(Catalogue::builtin()),
        on_action: Callback::noop(),
        in_demo: false,
        fragment: Some(AttrValue::from(fragment.clone())),
        set: Some(Shared::new(set.clone())),
        here: here.into_iter().map(Shared::new).collect(),
    };
    // An older version here: update (named) or add a copy.
    let mut older = answered("QD26-09", &[("1.1", 1)]);
    older.id = "k3x9".into();
    older.title = "Nước mắm Cô Ba".into();
    older.updated_ms = 1_000;
    let html = render::<IncomingShare>(props(vec![older.clone()])).await;
    assert!(html.contains("id=\"incoming-known\""), "{html}");
    assert!(html.contains("Trên máy này đã có bản nháp này: “Nước mắm Cô Ba”"));
    assert!(html.contains("id=\"import-update\""));
    assert!(html.contains("Thêm thành bản sao"));
    assert!(!html.contains("incoming-local-newer"));
    // Changed here after the link was made: said before anything is replaced.
    let mut newer = older.clone();
    newer.updated_ms = 3_000;
    let html = render::<IncomingShare>(props(vec![newer])).await;
    assert!(html.contains("id=\"incoming-local-newer\""));
    // Already the same: nothing to update, open it instead.
    let mut same = sent.clone();
    same.producer.phone = "0912345678".into();
    let html = render::<IncomingShare>(props(vec![same])).await;
    assert!(html.contains("id=\"incoming-same\""), "{html}");
    assert!(html.contains("id=\"import-open\""));
    assert!(!html.contains("id=\"import-update\""));
    // The same id for another product set: only a new draft, in words.
    let mut other = Draft::new("k3x9", "QD26-01", 1);
    other.title = "Xoài cát".into();
    let html = render::<IncomingShare>(props(vec![other])).await;
    assert!(html.contains("thuộc bộ sản phẩm khác"));
    assert!(!html.contains("id=\"import-update\""));
    assert!(html.contains("Thêm thành bản nháp mới"));
    // Not here (never, or deleted): the plain offer.
    let html = render::<IncomingShare>(props(Vec::new())).await;
    assert!(!html.contains("incoming-known"));
    assert!(html.contains("Thêm thành bản nháp mới"));
}

#[tokio::test]
async fn demo_mode_shows_the_banner_and_labelled_examples() {
    let st = AppState {
        drafts: vec![Rc::new(Draft::new("mine", "QD26-09", 1))],
        ..AppState::default()
    };
    let st = yew::Reducible::reduce(Rc::new(st), Action::EnterDemo);
    let html = render::<App>(AppProps {
        initial: Some(Shared(st)),
    })
    .await;
    assert!(html.contains("id=\"demo-banner\""));
    assert!(html.contains("Sản phẩm ví dụ"));
    assert!(html.matches("class=\"badge example\"").count() >= 4);
    assert!(
        !html.contains("id=\"open-demo\""),
        "no way in while already in"
    );
    assert!(
        !html.contains("draft-mine"),
        "the user's draft is set aside"
    );

    let html = render::<DemoBanner>(DemoBannerProps {
        lang: Lang::En,
        on_action: Callback::noop(),
    })
    .await;
    assert!(html.contains("Reset examples") && html.contains("Leave demo"));
}

#[tokio::test]
async fn the_drafts_screen_has_the_way_into_demo_mode() {
    let st = AppState {
        drafts: vec![Rc::new(Draft::new("mine", "QD26-09", 1))],
        screen: ocop_self_check::ui::state::Screen::Drafts,
        ..AppState::default()
    };
    let html = render::<App>(AppProps {
        initial: Some(Shared::new(st)),
    })
    .await;
    assert!(html.contains("id=\"open-demo\""));
    assert!(html.contains("Chế độ trình diễn"));
}

#[tokio::test]
async fn the_new_version_notice_lets_the_user_choose() {
    let html = render::<UpdateNotice>(UpdateNoticeProps {
        lang: Lang::Vi,
        waiting: true,
    })
    .await;
    assert!(html.contains("Đã có phiên bản mới"));
    assert!(html.contains("id=\"update-reload\"") && html.contains("Tải lại"));
    let html = render::<UpdateNotice>(UpdateNoticeProps {
        lang: Lang::Vi,
        waiting: false,
    })
    .await;
    assert_eq!(html.trim(), "");
}

#[test]
fn samples_decode_through_the_interchange_format() {
    // A shared example is a normal draft for the receiver.
    for d in example_copies() {
        let text = draft::to_json(&d);
        assert_eq!(
            draft::from_json(&text).map(|x| x.responses),
            Ok(d.responses.clone())
        );
    }
}
