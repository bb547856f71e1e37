//! The dossier screen (producer and product details, missing list, downloads, import) rendered
//! natively with Yew's `ssr` feature, plus the pure pieces behind it: file names, field setters,
//! checks, the import path and the reducer actions it uses.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ocop_self_check::date::Date;
use ocop_self_check::dossier::Document;
use ocop_self_check::draft::{self, Command, Draft, RegistrationType, MAX_IMPORT_BYTES};
use ocop_self_check::draft::{check_field, export_file_name, Field};
use ocop_self_check::i18n::{self, Lang};
use ocop_self_check::lang::slug;
use ocop_self_check::platform::dossier_lazy::{self, Kind, Output};
use ocop_self_check::rubric::{embedded, ProductSet};
use ocop_self_check::ui::app::{App, AppProps};
use ocop_self_check::ui::details::form::{detail_label, field_dom_id, shown_fields};
use ocop_self_check::ui::details::import::{import_bytes, restore_bytes, too_large};
use ocop_self_check::ui::details::{blanks_of, DetailsProps, DetailsScreen};
use ocop_self_check::ui::state::open::restore;
use ocop_self_check::ui::state::{Action, AppState, Screen};
use ocop_self_check::ui::Shared;
use yew::{AttrValue, BaseComponent, Callback, LocalServerRenderer, Reducible};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn today() -> Date {
    Date::new(2026, 11, 29).expect("date")
}

fn props(lang: Lang, d: Draft) -> DetailsProps {
    DetailsProps {
        lang,
        draft: Shared::new(d),
        set: None,
        set_label: AttrValue::from("Bộ số 9 · I.4.a – Tương, nước mắm"),
        on_action: Callback::noop(),
        today: Some(today()),
        on_rubric: None,
        here: Vec::new(),
        saved: Some(true),
    }
}

#[tokio::test]
async fn the_intro_says_whether_changes_are_saved() {
    let base = props(Lang::Vi, Draft::new("d1", "QD26-09", 1));
    let saved = render::<DetailsScreen>(base).await;
    assert!(saved.contains("Mọi thay đổi được lưu ngay trên máy này."));
    let mut p = props(Lang::En, Draft::new("d1", "QD26-09", 1));
    p.saved = Some(false);
    let unsaved = render::<DetailsScreen>(p).await;
    assert!(unsaved.contains("download the draft before closing the page"));
    assert!(!unsaved.contains("saved at once"));
    let mut p = props(Lang::En, Draft::new("d1", "QD26-09", 1));
    p.saved = None;
    let demo = render::<DetailsScreen>(p).await;
    assert!(!demo.contains("saved at once") && !demo.contains("not letting"));
}

fn filled() -> Draft {
    let mut d = Draft::new("d1", "QD26-09", 1);
    let p = &mut d.producer;
    p.name = "Hợp tác xã Nước mắm Cô Ba".into();
    p.organisation_type = "Hợp tác xã".into();
    p.address = "Thôn Đông, xã Cát Hải, Hải Phòng".into();
    p.phone = "0912 345 678".into();
    p.email = "htx.coba@gmail.com".into();
    p.representative_name = "Nguyễn Thị Ba".into();
    p.representative_title = "Giám đốc".into();
    p.representative_gender = "Nữ".into();
    p.representative_ethnicity = "Kinh".into();
    p.representative_disability = "Không".into();
    p.representative_address = "Thôn Đông, xã Cát Hải".into();
    p.registration_number = "0201234567".into();
    p.registration_date = "05/03/2021".into();
    let q = &mut d.product;
    q.name = "Nước mắm Cô Ba".into();
    q.registration_type = RegistrationType::Upgrade;
    q.specification = "Chai thủy tinh 500 ml".into();
    q.standard = "TCCS 01:2024/HTX".into();
    q.certificates = "Giấy chứng nhận cơ sở đủ điều kiện ATTP".into();
    q.intellectual_property = "Nhãn hiệu số 123456".into();
    let r = &mut d.report;
    r.history = "Năm 2010 tổ hợp tác làm nước mắm; năm 2018 thành lập hợp tác xã.".into();
    r.organisation = "Ban giám đốc, tổ sản xuất, tổ bán hàng; 12 lao động.".into();
    r.materials = "Cá cơm của 12 tàu trong xã; ủ chượp 12 tháng trong thùng gỗ.".into();
    r.quality_changes = "Công bố TCCS 01:2024; nhãn mới có mã QR.".into();
    r.markets = "Hải Phòng, Hà Nội; 8 đại lý; sàn thương mại điện tử.".into();
    r.results = "Doanh thu tăng đều.".into();
    r.revenue_prev = "850".into();
    r.revenue_last = "1.020".into();
    r.profit_prev = "95".into();
    r.profit_last = "130".into();
    r.plan = "Đạt 4 sao năm 2027; mở thêm 5 đại lý.".into();
    r.recognition = "Quyết định số 45/QĐ-UBND, sản phẩm OCOP 3 sao".into();
    r.recognition_date = "12/08/2023".into();
    r.changes = "Đổi chai thủy tinh, đạt HACCP.".into();
    d
}

const HOSTILE: [&str; 6] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "Tom & Jerry's \"quoted\"",
    "\u{202E}gnp.exe",
    "zero\u{200B}width",
    "Nước mắm <b>Cô Ba</b>",
];

#[tokio::test]
async fn every_field_has_a_real_label_in_both_languages() {
    for lang in [Lang::Vi, Lang::En] {
        let empty = Draft::new("d1", "QD26-09", 1);
        let html = render::<DetailsScreen>(props(lang, empty.clone())).await;
        for f in shown_fields(RegistrationType::FirstTime) {
            let id = field_dom_id(f);
            assert!(
                html.contains(&format!(r#"<label for="{id}">"#)),
                "{lang:?}: no label for {id}"
            );
            assert!(html.contains(&format!(r#"id="{id}""#)), "{id}");
            assert!(
                html.contains(detail_label(lang, f, today()).as_ref()),
                "{lang:?} {:?}",
                f
            );
        }
        // A first evaluation asks nothing of an upgrade or a re-evaluation.
        for f in [
            Field::Recognition,
            Field::RecognitionDate,
            Field::Changes,
            Field::Updates,
            Field::ExpiringPapers,
        ] {
            assert!(
                !html.contains(&format!(r#"id="{}""#, field_dom_id(f))),
                "{f:?}"
            );
        }
        for id in ["reg-first", "reg-upgrade", "reg-reevaluation"] {
            assert!(
                html.contains(&format!(r#"<label for="{id}" class="opt"#)),
                "{id}"
            );
        }
        for id in [
            "dl-docx",
            "dl-print",
            "dl-working-docx",
            "dl-working-print",
            "dl-mau03-docx",
            "dl-mau03-print",
            "dl-json",
            "import-json",
            "import-file",
        ] {
            assert!(html.contains(&format!(r#"id="{id}""#)), "{id}");
        }
        // The note that the representative's details feed criterion 3.2.
        assert!(html.contains("3.2"));
        assert!(html.contains("Tương, nước mắm"), "classification shown");
        // Empty draft: nothing is flagged as an error, every blank detail is listed (before the
        // sheet is loaded, the details only).
        assert!(!html.contains("aria-invalid"));
        assert!(!html.contains("field-error"));
        let blanks = blanks_of(&empty, None);
        assert_eq!(blanks.len(), 26);
        assert_eq!(
            html.matches(r#"<li><button type="button" class="link""#)
                .count(),
            blanks.len()
        );
        assert!(html.contains(&format!(
            r#"id="missing-count" class="count-badge">{}<"#,
            blanks.len()
        )));
    }
    let vi = render::<DetailsScreen>(props(Lang::Vi, Draft::new("d1", "QD26-09", 1))).await;
    assert!(vi.contains("Hồ sơ đăng ký OCOP"));
    assert!(vi.contains("Cần bổ sung"));
    assert!(
        vi.contains("Đánh giá lần đầu") && vi.contains("Nâng hạng") && vi.contains("Đánh giá lại")
    );
    assert!(vi.contains("tiêu chí 3.2"));
    let en = render::<DetailsScreen>(props(Lang::En, Draft::new("d1", "QD26-09", 1))).await;
    assert!(en.contains("OCOP registration dossier"));
    assert!(en.contains("Re-evaluation"));
}

#[tokio::test]
async fn a_filled_draft_shows_its_values_and_nothing_missing() {
    let html = render::<DetailsScreen>(props(Lang::Vi, filled())).await;
    assert!(
        html.contains(r#"value="Hợp tác xã Nước mắm Cô Ba""#),
        "{html}"
    );
    assert!(
        html.contains("Đã điền đủ thông tin chủ thể và sản phẩm."),
        "{html}"
    );
    assert!(!html.contains("class=\"count-badge\""));
    assert!(
        !html.contains(r#"id="dl-blanks""#),
        "no blanks: nothing to say before a download"
    );
    assert!(html.contains(r#"<label for="reg-upgrade" class="opt chosen">"#));
    assert!(!html.contains("aria-invalid"));
}

#[tokio::test]
async fn doubtful_phone_email_and_date_are_explained_and_listed() {
    let mut d = filled();
    d.producer.phone = "12345".into();
    d.producer.email = "htx.coba@gmail".into();
    d.producer.registration_date = "31/02/2021".into();
    let html = render::<DetailsScreen>(props(Lang::Vi, d.clone())).await;
    assert_eq!(html.matches(r#"aria-invalid="true""#).count(), 3, "{html}");
    assert!(html.contains("số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84"));
    assert!(html.contains("phần sau dấu @ cần có dạng tenmien.vn"));
    assert!(html.contains("ngày không tồn tại"));
    assert!(html.contains(r#"aria-describedby="f-producer-phone-hint f-producer-phone-err""#));
    let en = render::<DetailsScreen>(props(Lang::En, d)).await;
    assert!(en.contains("a Vietnamese phone number starts with 0 or +84"));
    assert!(en.contains("no such date"));

    assert_eq!(
        check_field(Field::Phone, "  ", Some(today())),
        None,
        "empty is fine"
    );
    assert_eq!(
        check_field(Field::Phone, "+84 912 345 678", Some(today())),
        None
    );
    assert!(check_field(Field::RegistrationDate, "01/01/2030", Some(today())).is_some());
    // Year first is a real date, but the forms write day/month/year (the form rewrites it on
    // leaving the field; what arrives otherwise is flagged).
    assert_eq!(
        check_field(Field::RegistrationDate, "2021-03-05", Some(today())),
        Some(draft::Problem::DateYearFirst)
    );
    assert_eq!(
        check_field(Field::RegistrationDate, "05/03/2021", Some(today())),
        None
    );
    assert_eq!(
        check_field(Field::ProducerName, "<script>", Some(today())),
        None
    );
}

#[tokio::test]
async fn hostile_text_in_every_field_is_escaped() {
    for text in HOSTILE {
        let mut d = Draft::new("d1", "QD26-09", 1);
        for f in Field::ALL {
            d = apply(&d, Command::SetField(f, text.to_string()));
        }
        let html = render::<DetailsScreen>(props(Lang::Vi, d)).await;
        assert!(!html.contains("<script>alert"), "{text}");
        assert!(!html.contains("<img src=x"), "{text}");
        assert!(!html.contains("<b>Cô Ba</b>"), "{text}");
        assert!(!html.contains("\"><img"), "{text}");
    }
}

fn apply(d: &Draft, c: Command) -> Draft {
    d.apply(c, 2)
}

#[test]
fn set_field_changes_only_its_own_detail_and_cuts_at_10000_characters() {
    let d = Draft::new("d1", "QD26-09", 1);
    for (i, f) in Field::ALL.into_iter().enumerate() {
        let v = format!("giá trị {i}");
        let next = apply(&d, Command::SetField(f, v.clone()));
        assert_eq!(f.value(&next), v, "{f:?}");
        for g in Field::ALL.into_iter().filter(|g| *g != f) {
            assert_eq!(g.value(&next), "", "{f:?} touched {g:?}");
        }
    }
    let long = "ệ".repeat(12_000);
    let next = apply(&d, Command::SetField(Field::Certificates, long));
    assert_eq!(next.product.certificates.chars().count(), 10_000);
    let exact = "x".repeat(10_000);
    let next = apply(&d, Command::SetField(Field::ProducerName, exact.clone()));
    assert_eq!(next.producer.name, exact);
}

#[test]
fn file_names_are_ascii_slugs_of_the_product_and_the_date() {
    assert_eq!(slug("Nước mắm Cô Ba"), "nuoc-mam-co-ba");
    assert_eq!(slug("  ĐẶC SẢN  Đà Lạt!! "), "dac-san-da-lat");
    assert_eq!(slug("<script>alert(1)</script>"), "script-alert-1-script");
    assert_eq!(slug("\u{202E}\u{200B}"), "");
    assert!(slug(&"dài ".repeat(100)).len() <= 60);
    let mut d = filled();
    assert_eq!(
        export_file_name(&d, today()),
        "nuoc-mam-co-ba-2026-11-29.json"
    );
    assert_eq!(
        Kind::Docx.file_name(Document::Filing, &d, Lang::Vi, today()),
        "ho-so-nop-nuoc-mam-co-ba-2026-11-29.docx"
    );
    assert_eq!(
        Kind::Docx.file_name(Document::Working, &d, Lang::Vi, today()),
        "ban-lam-viec-nuoc-mam-co-ba-2026-11-29.docx"
    );
    assert_eq!(
        Kind::Docx.file_name(Document::Mau03, &d, Lang::Vi, today()),
        "mau-03-nuoc-mam-co-ba-2026-11-29.docx"
    );
    assert_eq!(
        Kind::Docx.file_name(Document::Filing, &d, Lang::En, today()),
        "english-reading-copy-filing-nuoc-mam-co-ba-2026-11-29.docx"
    );
    assert_eq!(
        Kind::Html.file_name(Document::Working, &d, Lang::En, today()),
        "english-reading-copy-working-nuoc-mam-co-ba-2026-11-29.html"
    );
    d.product.name.clear();
    d.title = "Mật ong bạc hà".into();
    assert_eq!(
        export_file_name(&d, today()),
        "mat-ong-bac-ha-2026-11-29.json"
    );
    d.title = "货物".into();
    assert_eq!(
        export_file_name(&d, today()),
        "ocop-qd26-09-2026-11-29.json"
    );
    assert_eq!(
        Kind::Html.file_name(Document::Filing, &d, Lang::Vi, today()),
        "ho-so-nop-qd26-09-2026-11-29.html"
    );
}

fn load(id: String) -> std::future::Ready<Result<ProductSet, String>> {
    std::future::ready(match embedded::load(&id) {
        Some(Ok(s)) => Ok(s),
        _ => Err(format!("no set {id}")),
    })
}

#[tokio::test]
async fn import_accepts_a_valid_export_and_words_every_refusal() {
    let mut d = filled();
    d.responses.answers.insert("1.1".into(), 2);
    let json = draft::to_json(&d);
    let (back, set) = import_bytes(Lang::Vi, json.as_bytes(), load)
        .await
        .expect("valid file");
    assert_eq!(back, d);
    assert_eq!(set.id, "QD26-09");

    let refused = |bytes: Vec<u8>| async move {
        import_bytes(Lang::Vi, &bytes, load)
            .await
            .expect_err("refused")
    };
    let corrupt = refused(b"{\"format\": \"ocop-self-check/draft\", ".to_vec()).await;
    assert!(
        corrupt.starts_with("Không nhập được tệp. Tệp không phải JSON"),
        "{corrupt}"
    );
    let not_utf8 = refused(vec![0xff, 0xfe, 0x00]).await;
    assert!(not_utf8.contains("không phải văn bản UTF-8"), "{not_utf8}");
    let edited = |path: &[&str], v: serde_json::Value| {
        let mut doc: serde_json::Value = serde_json::from_str(&json).expect("json");
        let mut at = &mut doc;
        for k in &path[..path.len() - 1] {
            at = &mut at[*k];
        }
        if let Some(o) = at.as_object_mut() {
            o.insert(path[path.len() - 1].to_string(), v);
        }
        doc.to_string().into_bytes()
    };
    let v2 = refused(edited(&["version"], 2.into())).await;
    assert!(v2.contains("Phiên bản 2 của tệp chưa được hỗ trợ"), "{v2}");
    let wrong_set = refused(edited(&["product_set"], "QD26-99".into())).await;
    assert!(wrong_set.contains("QD26-99"), "{wrong_set}");
    let wrong_code = refused(edited(&["answers", "9.9"], 2.into())).await;
    assert!(wrong_code.contains("9.9"), "{wrong_code}");
    let wrong_level = refused(edited(&["answers", "1.1"], 9.into())).await;
    assert!(wrong_level.contains("1.1"), "{wrong_level}");
    let wrong_format = refused(edited(&["format"], "other/thing".into())).await;
    assert!(
        wrong_format.contains("không phải bản nháp"),
        "{wrong_format}"
    );
    let big = format!("{json}{}", " ".repeat(MAX_IMPORT_BYTES));
    let too_big = refused(big.into_bytes()).await;
    assert!(too_big.contains("Tệp quá lớn"), "{too_big}");
    let e = too_large(1_500_000).expect("over the limit");
    assert!(i18n::import_error(Lang::En, &e).contains("too large"));
    assert!(too_large(MAX_IMPORT_BYTES as u64).is_none());
    let rubric_down = import_bytes(Lang::En, json.as_bytes(), |_| {
        std::future::ready(Err::<ProductSet, String>("offline".into()))
    })
    .await
    .expect_err("refused");
    assert!(
        rubric_down.starts_with("The file could not be imported."),
        "{rubric_down}"
    );
}

#[tokio::test]
async fn a_backup_file_restores_beside_the_drafts_here_and_overwrites_nothing() {
    use ocop_self_check::draft::store;
    let mut here = filled();
    here.responses.answers.insert("1.1".into(), 2);
    let mut changed = here.clone();
    changed.title = "Sửa trên máy khác".into();
    let mut other = filled();
    other.id = "khac".into();
    let mut bad = filled();
    bad.id = "sai".into();
    bad.responses.answers.insert("9.9".into(), 1); // no such criterion in QD26-09
    let file = store::encode(
        Lang::Vi,
        Some(&here.id),
        &[here.clone(), changed.clone(), other.clone(), bad]
            .into_iter()
            .map(Rc::new)
            .collect::<Vec<_>>(),
    );
    assert!(store::is_store_text(&file));
    let (drafts, skipped) = restore_bytes(Lang::Vi, file.as_bytes(), load)
        .await
        .expect("a store file");
    assert_eq!(
        (drafts.len(), skipped),
        (3, 1),
        "the draft that fits no sheet is left out"
    );
    assert!(restore_bytes(
        Lang::Vi,
        b"{\"format\":\"ocop-self-check/store\",\"version\":9,\"drafts\":[]}",
        load
    )
    .await
    .is_err());
    // A repeated key in a backup is named, as in a single draft.
    let twice = restore_bytes(
        Lang::Vi,
        b"{\"format\":\"ocop-self-check/store\",\"version\":1,\"drafts\":[],\"drafts\":[]}",
        load,
    )
    .await
    .expect_err("refused");
    assert!(
        twice.contains("Trường “drafts” xuất hiện hai lần"),
        "{twice}"
    );

    let s = AppState {
        drafts: vec![Rc::new(here.clone())],
        current: Some(here.id.clone()),
        ..AppState::default()
    };
    let after = run(
        s,
        vec![Action::Restore {
            drafts,
            fresh_ids: vec!["moi-1".into(), "moi-2".into(), "moi-3".into()],
            skipped,
        }],
    );
    assert_eq!(after.drafts.len(), 3);
    assert_eq!(*after.drafts[0], here, "the draft here is untouched");
    assert_eq!(
        after.drafts[1].id, "moi-1",
        "the changed copy is added beside it"
    );
    assert_eq!(after.drafts[1].title, "Sửa trên máy khác");
    assert_eq!(after.drafts[2].id, "khac");
    let r = after.restored.expect("a summary");
    assert_eq!((r.added, r.already, r.skipped), (2, 1, 1));
    assert_eq!(after.screen, Screen::Drafts);
    assert!(after.revision > 0, "saved");
    let html = render::<App>(AppProps {
        initial: Some(Shared::new((*after).clone())),
    })
    .await;
    assert!(
        html.contains("Đã khôi phục 2 bản nháp; 1 bản đã có sẵn trên máy; 1 bản"),
        "{html}"
    );
}

fn run(s: AppState, actions: Vec<Action>) -> Rc<AppState> {
    actions.into_iter().fold(Rc::new(s), |st, a| st.reduce(a))
}

#[test]
fn import_adds_a_new_draft_never_overwrites_and_opens_it() {
    let s = run(
        AppState::default(),
        vec![
            Action::NewDraft {
                id: "a".into(),
                product_set: "QD26-09".into(),
                now_ms: 1,
            },
            // A draft once something is answered.
            Action::Apply {
                id: "a".into(),
                command: Command::SetTitle("Mật ong".into()),
                now_ms: 2,
            },
        ],
    );
    let mut incoming = filled();
    incoming.id = "a".into();
    let s = run(
        (*s).clone(),
        vec![Action::Import {
            draft: incoming.clone(),
            fresh_id: "b".into(),
            clipped: vec!["title".into()],
        }],
    );
    assert_eq!(s.drafts.len(), 2);
    assert_eq!(
        s.drafts[0].producer.name, "",
        "the existing draft is untouched"
    );
    assert_eq!(s.drafts[1].id, "b");
    assert_eq!(s.drafts[1].producer.name, incoming.producer.name);
    assert_eq!(s.current.as_deref(), Some("b"));
    assert_eq!(s.screen, Screen::Questionnaire);
    assert_eq!(
        s.clipped,
        ["title"],
        "said while the imported draft is on screen"
    );
    let s = s.reduce(Action::Apply {
        id: "b".into(),
        command: ocop_self_check::draft::Command::SetTitle("x".into()),
        now_ms: 1,
    });
    assert_eq!(s.clipped, ["title"], "an edit keeps it");
    // A new id is used as is; an empty id takes the fresh one.
    incoming.id = "c".into();
    let s = s.reduce(Action::Import {
        draft: incoming.clone(),
        fresh_id: "unused".into(),
        clipped: Vec::new(),
    });
    assert!(s.clipped.is_empty());
    assert_eq!(s.drafts[2].id, "c");
    incoming.id.clear();
    let s = s.reduce(Action::Import {
        draft: incoming,
        fresh_id: "d".into(),
        clipped: Vec::new(),
    });
    assert_eq!(s.drafts[3].id, "d");
    assert_eq!(s.drafts.len(), 4);
}

#[test]
fn the_details_screen_needs_a_draft_and_closes_with_it() {
    let s = Rc::new(AppState::default()).reduce(Action::Show(Screen::Details));
    assert_eq!(s.screen, Screen::Choose, "no draft: choose a set first");
    let s = run(
        AppState::default(),
        vec![
            Action::NewDraft {
                id: "a".into(),
                product_set: "QD26-09".into(),
                now_ms: 1,
            },
            Action::Apply {
                id: "a".into(),
                command: Command::SetTitle("Mật ong".into()),
                now_ms: 2,
            },
            Action::Show(Screen::Drafts),
            Action::OpenDetails("a".into()),
        ],
    );
    assert_eq!(s.screen, Screen::Details);
    let rev = s.revision;
    let s = s.reduce(Action::OpenDetails("nope".into()));
    assert_eq!((s.screen, s.revision), (Screen::Details, rev));
    let s = s.reduce(Action::Delete("a".into()));
    assert_eq!(s.screen, Screen::Drafts);
}

#[tokio::test]
async fn the_app_shows_the_details_tab_and_screen() {
    let mut st = AppState::default();
    let mut d = filled();
    d.id = "a".into();
    restore(&mut st, None, Some("a".into()), vec![d]);
    st.screen = Screen::Details;
    let html = render::<App>(AppProps {
        initial: Some(Shared::new(st)),
    })
    .await;
    assert!(
        html.contains(r#"id="open-details" aria-current="page""#),
        "{html}"
    );
    assert!(html.contains("Hồ sơ đăng ký OCOP"));
    assert!(html.contains(r#"value="Nước mắm Cô Ba""#));
    assert!(
        html.contains("Bộ số 9"),
        "classification from the catalogue"
    );
}

#[tokio::test]
async fn the_drafts_screen_offers_import() {
    let mut st = AppState::default();
    restore(&mut st, None, None, vec![filled()]);
    assert_eq!(st.screen, Screen::Drafts);
    let html = render::<App>(AppProps {
        initial: Some(Shared::new(st)),
    })
    .await;
    assert!(html.contains(r#"id="import-json""#));
    assert!(html.contains("Nhập bản nháp từ tệp .json"));
}

#[tokio::test]
async fn the_dossier_pipeline_gives_a_docx_and_an_inert_print_page() {
    let mut d = filled();
    d.producer.name = "<script>alert(1)</script> & \"Cô Ba\"".into();
    d.responses.answers.insert("1.1".into(), 2);
    let docx = dossier_lazy::generate(
        Kind::Docx,
        Document::Filing,
        &d,
        Lang::Vi,
        today(),
        &dossier_lazy::Files::new(),
    )
    .await
    .expect("docx");
    let Output::Docx(bytes) = docx else {
        panic!("not a docx")
    };
    assert_eq!(bytes.get(..2), Some(&b"PK"[..]));
    let html = dossier_lazy::generate(
        Kind::Html,
        Document::Filing,
        &d,
        Lang::Vi,
        today(),
        &dossier_lazy::Files::new(),
    )
    .await
    .expect("html");
    let Output::Html(page) = html else {
        panic!("not html")
    };
    assert!(!page.contains("<script>alert"));
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Cô Ba&quot;")
            || page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Cô Ba\""),
        "escaped"
    );
    let text: String = page
        .split('<')
        .map(|part| part.split_once('>').map_or(part, |(_, t)| t))
        .collect();
    assert!(
        text.contains("ngày 29 tháng 11 năm 2026"),
        "the date in the page"
    );
}

/// The "to complete" list of the details screen follows the dossier: a tourism draft (set 26,
/// once its sheet is loaded) is not asked for a product standard; a food draft is.
#[test]
fn the_to_complete_list_does_not_ask_a_tourism_service_for_a_product_standard() {
    use ocop_self_check::draft::{Blank, Field};
    let asks_standard = |set_id: &str, loaded: bool| {
        let d = Draft::new("d1", set_id, 1);
        let set = embedded::load(set_id).and_then(Result::ok);
        let set = if loaded { set } else { None };
        blanks_of(&d, set.as_ref()).contains(&Blank::Field(Field::Standard))
    };
    assert!(!asks_standard("QD26-26", true));
    assert!(asks_standard("QD26-09", true));
    assert!(
        asks_standard("QD26-26", false),
        "until the sheet is loaded the list is the generic one"
    );
}
