//! Issue 12 on the app side, rendered natively with Yew's `ssr` feature: the rest of Mẫu 02 on
//! the details screen (I.8, I.9, Part II with its figures, Part IV; the upgrade and re-evaluation
//! fields only for their type), the "cần bổ sung" list and its count equal to `draft::blanks`
//! (empty, half and complete drafts), doubtful values apart, the way from a blank criterion to
//! the questionnaire, the criterion's "mô tả, chứng minh" and the misprint note of set 7, the
//! three downloads and their languages, counts that agree across screens, share links carrying
//! the report, and hostile text kept inert and whole. (The documents' inner text is tested
//! beside the forms; here only their kinds and file names.)
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use ocop_self_check::assess::assess;
use ocop_self_check::date::Date;
use ocop_self_check::dossier::Document;
use ocop_self_check::draft::{self, Blank, Command, Draft, Field, RegistrationType};
use ocop_self_check::i18n::{self, Lang};
use ocop_self_check::platform::dossier_lazy::{self, Kind, Output};
use ocop_self_check::rubric::{Catalogue, Misprint, ProductSet};
use ocop_self_check::share::{self, Content, LinkFit};
use ocop_self_check::ui::details::downloads::document_lang;
use ocop_self_check::ui::details::form::{detail_label, field_dom_id, rows_for, shown_fields};
use ocop_self_check::ui::details::{blanks_of, DetailsProps, DetailsScreen};
use ocop_self_check::ui::drafts::{answered_count, DraftsList, DraftsListProps};
use ocop_self_check::ui::questionnaire::{Questionnaire, QuestionnaireProps};
use ocop_self_check::ui::share::{SharePanel, SharePanelProps};
use ocop_self_check::ui::state::{Action, AppState, Screen, Target};
use ocop_self_check::ui::Shared;
use yew::{AttrValue, BaseComponent, Callback, LocalServerRenderer, Reducible};

use common::{complete_draft, filled_draft, set};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn today() -> Date {
    Date::new(2026, 11, 29).expect("date")
}

fn details(lang: Lang, d: Draft, set: Option<&ProductSet>) -> DetailsProps {
    DetailsProps {
        lang,
        draft: Shared::new(d),
        set: set.map(|s| Shared::new(s.clone())),
        set_label: AttrValue::default(),
        on_action: Callback::noop(),
        today: Some(today()),
        saved: Some(true),
        on_rubric: None,
        here: Vec::new(),
    }
}

fn questionnaire(lang: Lang, set: &ProductSet, d: Draft) -> QuestionnaireProps {
    let a = assess(set, &d.responses);
    QuestionnaireProps {
        lang,
        set: Shared::new(set.clone()),
        draft: Shared::new(d),
        assessment: Shared::new(a),
        set_label: AttrValue::default(),
        on_action: Callback::noop(),
        evidence_open: true,
        initial_sections: usize::MAX,
        focus: None,
    }
}

/// The element of `html` with id `id`, from its start tag to its matching end tag.
fn inside<'a>(html: &'a str, id: &str) -> &'a str {
    let Some(at) = html.find(&format!(r#"id="{id}""#)) else {
        return "";
    };
    let start = html[..at].rfind('<').unwrap_or(at);
    let tag: String = html[start + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut depth = 0usize;
    let mut i = start;
    while i < html.len() {
        let rest = &html[i..];
        if rest.starts_with(&close) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return &html[start..i + close.len()];
            }
            i += close.len();
        } else if rest.starts_with(&open) && rest[open.len()..].starts_with([' ', '>']) {
            depth += 1;
            i += open.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    &html[start..]
}

/// The ids of the form's fields, in the order the page shows them.
fn field_order(html: &str) -> Vec<Field> {
    let mut at: Vec<(usize, Field)> = Field::ALL
        .into_iter()
        .filter_map(|f| {
            html.find(&format!(r#"<label for="{}">"#, field_dom_id(f)))
                .map(|i| (i, f))
        })
        .collect();
    at.sort();
    at.into_iter().map(|(_, f)| f).collect()
}

#[tokio::test]
async fn mau_02_is_fillable_in_form_order_with_the_forms_words() {
    let s = set("QD26-09");
    for lang in [Lang::Vi, Lang::En] {
        let html =
            render::<DetailsScreen>(details(lang, Draft::new("d", "QD26-09", 1), Some(&s))).await;
        assert_eq!(
            field_order(&html),
            shown_fields(RegistrationType::FirstTime)
        );
        for f in [
            Field::History,
            Field::Organisation,
            Field::Materials,
            Field::QualityChanges,
            Field::Markets,
            Field::Results,
            Field::Plan,
        ] {
            assert!(html.contains(i18n::field_label(lang, f)), "{lang:?} {f:?}");
            // A long text is a growing text area.
            let id = field_dom_id(f);
            let area = inside(&html, &id);
            assert!(
                area.starts_with(&format!(r#"<textarea id="{id}" rows="3""#))
                    && area.contains(r#"class="grow""#),
                "{area}"
            );
        }
        // The figures: the two years before the filing year, the number pad.
        let figures = inside(&html, "report-part-2");
        assert_eq!(figures.matches(r#"inputmode="decimal""#).count(), 4);
        for f in [
            Field::RevenuePrev,
            Field::RevenueLast,
            Field::ProfitPrev,
            Field::ProfitLast,
        ] {
            assert!(
                figures.contains(detail_label(lang, f, today()).as_ref()),
                "{f:?}"
            );
        }
    }
    let vi = render::<DetailsScreen>(details(Lang::Vi, Draft::new("d", "QD26-09", 1), None)).await;
    for words in [
        "Doanh thu năm 2024 (triệu đồng)",
        "Doanh thu năm 2025 (triệu đồng)",
        "Lợi nhuận năm 2024 (triệu đồng)",
        "Lợi nhuận năm 2025 (triệu đồng)",
        "Phần II. Kết quả thực hiện phương án sản xuất kinh doanh",
        "Phần IV. Kế hoạch sản xuất, kinh doanh",
        "Lịch sử hình thành của chủ thể",
        "Nêu các giai đoạn hình thành và phát triển.",
        "Phần III (điểm tự đánh giá theo Bộ tiêu chí",
    ] {
        assert!(vi.contains(words), "{words}");
    }
    let en = render::<DetailsScreen>(details(Lang::En, Draft::new("d", "QD26-09", 1), None)).await;
    assert!(en.contains("Revenue 2024 (million VND)") && en.contains("Profit 2025 (million VND)"));
    // A text area grows with its text, up to a bound (then it scrolls).
    assert_eq!(rows_for(""), 3);
    assert_eq!(rows_for(&"x".repeat(34 * 6)), 7);
    assert_eq!(rows_for("a\nb\nc\nd\ne"), 6);
    assert_eq!(rows_for(&"x".repeat(10_000)), 14);
}

#[tokio::test]
async fn upgrade_and_re_evaluation_ask_what_article_6_requires_and_keep_it_when_switched_back() {
    let id = |f: Field| format!(r#"id="{}""#, field_dom_id(f));
    let mut d = Draft::new("d", "QD26-09", 1);
    for (kind, shown, hidden, why) in [
        (
            RegistrationType::Upgrade,
            vec![Field::Recognition, Field::RecognitionDate, Field::Changes],
            vec![Field::Updates, Field::ExpiringPapers],
            "Điều 6 khoản 1 điểm b",
        ),
        (
            RegistrationType::ReEvaluation,
            vec![
                Field::Recognition,
                Field::RecognitionDate,
                Field::Updates,
                Field::ExpiringPapers,
            ],
            vec![Field::Changes],
            "Điều 6 khoản 1 điểm c",
        ),
    ] {
        d.product.registration_type = kind;
        let html = render::<DetailsScreen>(details(Lang::Vi, d.clone(), None)).await;
        let extra = inside(&html, "reg-extra");
        assert!(extra.contains(why), "{kind:?}");
        for f in &shown {
            assert!(extra.contains(&id(*f)), "{kind:?} shows {f:?}");
        }
        for f in &hidden {
            assert!(!html.contains(&id(*f)), "{kind:?} hides {f:?}");
        }
        assert_eq!(field_order(&html), shown_fields(kind));
        // The blanks follow the type too.
        let blanks = blanks_of(&d, None);
        for f in &shown {
            assert!(blanks.contains(&Blank::Field(*f)), "{kind:?} {f:?}");
        }
        for f in &hidden {
            assert!(!blanks.contains(&Blank::Field(*f)), "{kind:?} {f:?}");
        }
    }
    let en = render::<DetailsScreen>(details(Lang::En, d.clone(), None)).await;
    assert!(en.contains("Article 6, clause 1, point c"));
    // Written for an upgrade, then switched back: the text stays in the draft (and is said to),
    // out of the form and the blanks.
    d = d.apply(Command::SetField(Field::Changes, "Đổi bao bì".into()), 2);
    d.product.registration_type = RegistrationType::FirstTime;
    let html = render::<DetailsScreen>(details(Lang::Vi, d.clone(), None)).await;
    assert!(!html.contains(r#"id="reg-extra""#));
    assert!(!html.contains(&id(Field::Changes)));
    assert!(html.contains(r#"id="reg-extra-kept""#));
    assert_eq!(d.report.changes, "Đổi bao bì");
    d.product.registration_type = RegistrationType::Upgrade;
    let html = render::<DetailsScreen>(details(Lang::Vi, d, None)).await;
    assert!(
        inside(&html, "reg-extra").contains("Đổi bao bì"),
        "shown again, whole"
    );
    assert!(!html.contains(r#"id="reg-extra-kept""#));
}

/// What the screen lists as "cần bổ sung": the count, each detail, each criterion not yet
/// self-assessed and each without its description, all from `draft::blanks`.
async fn check_the_list_is_the_blanks(lang: Lang, s: &ProductSet, d: &Draft) -> usize {
    let blanks = draft::blanks(d, s);
    let html = render::<DetailsScreen>(details(lang, d.clone(), Some(s))).await;
    let section = inside(&html, "to-complete");
    if blanks.is_empty() {
        assert!(!section.contains("count-badge"), "{}", d.id);
        assert!(!html.contains(r#"id="dl-blanks""#));
        return 0;
    }
    assert!(
        section.contains(&format!(
            r#"id="missing-count" class="count-badge">{}<"#,
            blanks.len()
        )),
        "{} {}",
        d.id,
        blanks.len()
    );
    let fields: Vec<Field> = blanks
        .iter()
        .filter_map(|b| match b {
            Blank::Field(f) => Some(*f),
            _ => None,
        })
        .collect();
    let list = inside(&html, "missing-details");
    assert_eq!(list.matches("<li>").count(), fields.len(), "{}", d.id);
    for f in &fields {
        assert!(
            list.contains(detail_label(lang, *f, today()).as_ref()),
            "{f:?}"
        );
    }
    for (id, note) in [("missing-scores", false), ("missing-descriptions", true)] {
        let codes: Vec<&String> = blanks
            .iter()
            .filter_map(|b| match (b, note) {
                (Blank::Score(c), false) | (Blank::Description(c), true) => Some(c),
                _ => None,
            })
            .collect();
        let list = inside(&html, id);
        assert_eq!(
            list.matches("crit-link\"").count(),
            codes.len(),
            "{} {id}",
            d.id
        );
        for c in codes {
            assert!(list.contains(&format!(">{c}</button>")), "{id} {c}");
        }
    }
    // Said before the filing copy's download too, with the same number.
    assert!(inside(&html, "dl-blanks").contains(&format!(" {} ", blanks.len())));
    blanks.len()
}

#[tokio::test]
async fn the_to_complete_list_and_its_count_are_the_blanks_of_the_filing_copy() {
    for id in ["QD26-09", "QD26-26", "QD26-07"] {
        let s = set(id);
        let empty = Draft::new("empty", id, 0);
        let half = filled_draft(&s);
        let full = complete_draft(&s);
        let n_empty = check_the_list_is_the_blanks(Lang::Vi, &s, &empty).await;
        let n_half = check_the_list_is_the_blanks(Lang::En, &s, &half).await;
        let n_full = check_the_list_is_the_blanks(Lang::Vi, &s, &full).await;
        assert!(
            n_empty > n_half && n_half > n_full,
            "{id}: {n_empty} {n_half} {n_full}"
        );
        assert_eq!(n_full, 0, "{id}");
        let html = render::<DetailsScreen>(details(Lang::Vi, full, Some(&s))).await;
        assert!(html.contains("Hồ sơ nộp không còn chỗ trống."));
    }
    // Before the sheet is loaded: the details only, and the screen says the criteria come later.
    let s = set("QD26-09");
    let html = render::<DetailsScreen>(details(Lang::Vi, filled_draft(&s), None)).await;
    assert!(html.contains("Các tiêu chí được đếm khi phiếu chấm điểm đã tải xong."));
    assert!(!html.contains("missing-scores"));
}

#[tokio::test]
async fn doubtful_values_are_shown_apart_and_not_counted_as_blanks() {
    let s = set("QD26-09");
    let mut d = complete_draft(&s);
    d.producer.phone = "12345".into();
    d.report.recognition_date = "31/02/2024".into();
    assert!(
        draft::blanks(&d, &s).is_empty(),
        "printed as typed: no blank"
    );
    let html = render::<DetailsScreen>(details(Lang::Vi, d, Some(&s))).await;
    let check = inside(&html, "to-check");
    assert!(check.contains("Cần kiểm tra"));
    assert!(check.contains("Điện thoại — số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84"));
    assert!(check.contains("Ngày quyết định công nhận — "));
    assert!(!html.contains(r#"id="missing-count""#));
    assert!(html.contains("Hồ sơ nộp không còn chỗ trống."));
}

#[test]
fn a_blank_criterion_opens_the_questionnaire_there_and_nowhere_else() {
    let s0 = AppState::default();
    let s = Rc::new(s0).reduce(Action::NewDraft {
        id: "a".into(),
        product_set: "QD26-09".into(),
        now_ms: 1,
    });
    let s = s.reduce(Action::Show(Screen::Details));
    let rev = s.revision;
    let target = Target {
        code: "2.1".into(),
        note: true,
    };
    let s = s.reduce(Action::ShowCriterion(target.clone()));
    assert_eq!(s.screen, Screen::Questionnaire);
    assert_eq!(s.focus.as_ref(), Some(&target));
    assert_eq!(s.revision, rev, "nothing to save");
    let done = s.clone().reduce(Action::FocusDone);
    assert_eq!(done.focus, None);
    let away = s.reduce(Action::Show(Screen::Drafts));
    assert_eq!(away.focus, None, "another screen drops it");
    let none = Rc::new(AppState::default()).reduce(Action::ShowCriterion(target));
    assert_eq!((none.screen, none.focus.clone()), (Screen::Choose, None));
}

#[tokio::test]
async fn a_criterion_asked_for_opens_its_description() {
    let s = set("QD26-09");
    let d = Draft::new("d", "QD26-09", 0);
    let mut p = questionnaire(Lang::Vi, &s, d);
    p.evidence_open = false;
    let html = render::<Questionnaire>(QuestionnaireProps {
        focus: Some(Target {
            code: "2.1".into(),
            note: true,
        }),
        ..p
    })
    .await;
    assert!(
        html.contains(r#"id="c-2-1-note""#),
        "the asked criterion's description is open"
    );
    assert_eq!(
        html.matches("<textarea id=\"c-").count(),
        1,
        "and only that one"
    );
}

#[tokio::test]
async fn the_note_is_mau_02s_description_and_proof() {
    let s = set("QD26-09");
    let vi =
        render::<Questionnaire>(questionnaire(Lang::Vi, &s, Draft::new("d", "QD26-09", 0))).await;
    assert!(vi.contains(">Mô tả, chứng minh<"));
    assert!(vi.contains("In vào Phần III của Mẫu 02, dưới tiêu chí này."));
    assert!(vi.contains("theo thứ tự các tiêu chí"));
    assert!(!vi.contains("Ghi chú minh chứng"));
    let en =
        render::<Questionnaire>(questionnaire(Lang::En, &s, Draft::new("d", "QD26-09", 0))).await;
    assert!(en.contains(">Description and proof<"));
    assert!(en.contains("Part III of Mẫu 02"));
}

#[tokio::test]
async fn the_misprint_note_shows_beside_its_level_in_set_7_only() {
    let Some(m) = Misprint::find("QD26-07", "3.1") else {
        panic!("the known misprint")
    };
    for lang in [Lang::Vi, Lang::En] {
        let s7 = set("QD26-07");
        let html =
            render::<Questionnaire>(questionnaire(lang, &s7, Draft::new("d", "QD26-07", 0))).await;
        let note = m.note(lang);
        assert_eq!(html.matches(note.as_str()).count(), 1, "{lang:?}");
        let id = format!("c-3-1-l{}-misprint", m.position);
        assert!(html.contains(&format!(r#"aria-describedby="{id}""#)));
        // Right after its level, before the next one.
        let level = html
            .find(&format!(r#"id="c-3-1-l{}""#, m.position))
            .unwrap_or(0);
        let at = html.find(&format!(r#"id="{id}""#)).unwrap_or(0);
        let next = html
            .find(&format!(r#"id="c-3-1-l{}""#, m.position + 1))
            .unwrap_or(usize::MAX);
        assert!(level < at && at < next, "{level} {at} {next}");
        for other in ["QD26-09", "QD26-01", "QD26-26"] {
            let s = set(other);
            let html =
                render::<Questionnaire>(questionnaire(lang, &s, Draft::new("d", other, 0))).await;
            assert!(!html.contains("misprint"), "{other}");
        }
    }
}

#[tokio::test]
async fn three_documents_to_download_filed_in_vietnamese_with_an_english_reading_copy() {
    let s = set("QD26-09");
    let d = filled_draft(&s);
    let vi = render::<DetailsScreen>(details(Lang::Vi, d.clone(), Some(&s))).await;
    for words in [
        "Hồ sơ nộp (Mẫu 01 + Mẫu 02 + phụ lục minh chứng)",
        "Bản làm việc (không nộp): điểm ước tính, còn thiếu gì, gợi ý",
        "Mẫu 03 (cho UBND xã)",
        "để cán bộ xã hoàn thiện",
    ] {
        assert!(vi.contains(words), "{words}");
    }
    assert!(
        !vi.contains("dl-en-docx"),
        "no English copy offered in Vietnamese"
    );
    let en = render::<DetailsScreen>(details(Lang::En, d.clone(), Some(&s))).await;
    assert!(en.contains("Download the filing copy in Vietnamese (.docx)"));
    assert!(en.contains(r#"id="dl-en-docx""#) && en.contains(r#"id="dl-en-print""#));
    assert!(en.contains("English reading copy (.docx)"));
    assert!(en.contains("Download Mẫu 03 in Vietnamese (.docx)"));
    assert!(en.contains("Download the working copy in English (.docx)"));
    // The forms to file are Vietnamese whatever the app's language; the working copy follows it.
    for ui in [Lang::Vi, Lang::En] {
        assert_eq!(document_lang(Document::Filing, ui), Lang::Vi);
        assert_eq!(document_lang(Document::Mau03, ui), Lang::Vi);
        assert_eq!(document_lang(Document::Working, ui), ui);
    }
    // Each document of each kind is made, with its own name.
    let mut names = std::collections::BTreeSet::new();
    for doc in Document::ALL {
        for (kind, lang) in [
            (Kind::Docx, Lang::Vi),
            (Kind::Html, Lang::Vi),
            (Kind::Docx, Lang::En),
        ] {
            let out =
                dossier_lazy::generate(kind, doc, &d, lang, today(), &dossier_lazy::Files::new())
                    .await;
            match (kind, out) {
                (Kind::Docx, Ok(Output::Docx(b))) => assert_eq!(b.get(..2), Some(&b"PK"[..])),
                (Kind::Html, Ok(Output::Html(p))) => assert!(p.contains("<html")),
                (k, other) => panic!("{doc:?} {k:?}: {other:?}"),
            }
            names.insert(kind.file_name(doc, &d, lang, today()));
        }
    }
    assert_eq!(names.len(), 9, "{names:?}");
    assert!(names.contains("ho-so-nop-mut-man-bac-ha-2026-11-29.docx"));
    assert!(names.contains("ban-lam-viec-mut-man-bac-ha-2026-11-29.html"));
    assert!(names.contains("mau-03-mut-man-bac-ha-2026-11-29.docx"));
    assert!(names.contains("english-reading-copy-filing-mut-man-bac-ha-2026-11-29.docx"));
}

#[tokio::test]
async fn answered_counts_agree_across_screens() {
    let s = set("QD26-09");
    let mut d = filled_draft(&s);
    // An answer the sheet does not have counts for nothing anywhere.
    d.responses.answers.insert("9.9".into(), 1);
    let a = assess(&s, &d.responses);
    let sets = vec![Shared::new(s.clone())];
    assert_eq!(answered_count(&d, &sets), a.answered);
    let list = render::<DraftsList>(DraftsListProps {
        lang: Lang::Vi,
        drafts: vec![Shared::new(d.clone())],
        current: None,
        catalogue: Shared::new(Catalogue::builtin()),
        on_action: Callback::noop(),
        saved: true,
        space: None,
        sets,
    })
    .await;
    // The card says what the questionnaire says: answered of all, stars, score, and when.
    assert!(
        list.contains(&i18n::answered_of(Lang::Vi, a.answered, a.criterion_count)),
        "{list}"
    );
    assert!(
        list.contains(&i18n::total(Lang::Vi, a.total, a.max_total)),
        "{list}"
    );
    match a.estimate() {
        Some(stars) => assert!(list.contains(&i18n::stars(Lang::Vi, stars)), "{list}"),
        // Not enough answered for stars (e.g. a knock-out question open): said, no stars.
        None => assert!(
            list.contains("Chưa đủ câu trả lời để ước tính") && !list.contains(" sao ·"),
            "{list}"
        ),
    }
    assert!(list.contains("class=\"card-date\""), "{list}");
    let q = render::<Questionnaire>(questionnaire(Lang::Vi, &s, d.clone())).await;
    assert!(q.contains(&i18n::progress(Lang::Vi, a.answered, a.criterion_count)));
    // The criteria not yet self-assessed on the details screen are the assessment's.
    let scores = draft::blanks(&d, &s)
        .into_iter()
        .filter(|b| matches!(b, Blank::Score(_)))
        .count();
    assert_eq!(scores, a.unanswered.len());
}

#[tokio::test]
async fn share_links_carry_the_report_and_leave_the_figures_out_with_the_contacts() {
    let s = set("QD26-09");
    let d = filled_draft(&s);
    let all = share::decode(&share::encode(&d, Content::Everything)).expect("decodes");
    assert_eq!(all.report, d.report);
    let lean = share::decode(&share::encode(&d, Content::WithoutContactDetails)).expect("decodes");
    assert_eq!(lean.report.history, d.report.history);
    assert_eq!(lean.report.plan, d.report.plan);
    assert_eq!(lean.report.changes, d.report.changes);
    for f in [
        Field::RevenuePrev,
        Field::RevenueLast,
        Field::ProfitPrev,
        Field::ProfitLast,
    ] {
        assert_eq!(f.value(&lean), "", "{f:?} left out");
    }
    let html = render::<SharePanel>(SharePanelProps {
        lang: Lang::Vi,
        draft: Shared::new(d),
        on_close: Callback::noop(),
    })
    .await;
    assert!(
        html.contains("doanh thu, lợi nhuận)"),
        "the checkbox says so"
    );
}

/// Sixteen long texts of the report, each at the 10,000-character limit: the link says it is too
/// long for a chat message (or too large to open at all) instead of failing silently.
#[tokio::test]
async fn a_link_too_long_for_a_chat_says_so_and_offers_the_file() {
    let s = set("QD26-09");
    let report_fields: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| f.part() == ocop_self_check::draft::Part::Report)
        .collect();
    assert_eq!(report_fields.len(), 16);
    // Realistic text (compressible) and random text (incompressible).
    let mut x: u32 = 0x1234_5678;
    // Prose: Vietnamese words in a random order (compresses about as well as real text).
    const WORDS: [&str; 24] = [
        "hợp tác xã",
        "cá cơm",
        "ủ chượp",
        "tháng",
        "thùng gỗ",
        "muối",
        "đạm",
        "chai",
        "nhãn",
        "đại lý",
        "Hải Phòng",
        "doanh thu",
        "tăng",
        "năm",
        "lao động",
        "thành viên",
        "vùng nguyên liệu",
        "hợp đồng",
        "kiểm nghiệm",
        "tiêu chuẩn",
        "bao bì",
        "thị trường",
        "xuất khẩu",
        "chứng nhận",
    ];
    let mut prose = String::new();
    while prose.chars().count() < 10_000 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        prose.push_str(WORDS[(x % 24) as usize]);
        prose.push_str(if x % 7 == 0 { ". " } else { " " });
    }
    let prose: String = prose.chars().take(10_000).collect();
    let mut random = |n: usize| -> String {
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from_u32(0x1EA0 + x % 90).unwrap_or('ệ')
            })
            .collect()
    };
    for (label, text_of) in [("prose", 0), ("random", 1)] {
        let mut d = filled_draft(&s);
        for f in &report_fields {
            let text = if text_of == 0 {
                prose.clone()
            } else {
                random(10_000)
            };
            d = d.apply(Command::SetField(*f, text), 2);
            assert_eq!(f.value(&d).chars().count(), 10_000, "{label} {f:?}");
        }
        let fragment = share::encode(&d, Content::Everything);
        let link = format!("https://example.vn/ocop/#{fragment}");
        let fit = share::link_fit(&fragment, link.chars().count());
        let back = share::decode(&fragment);
        match fit {
            LinkFit::TooLarge => assert!(back.is_err(), "{label}"),
            LinkFit::LongForChat => {
                assert_eq!(
                    back.map(|b| b.report),
                    Ok(d.report.clone()),
                    "{label}: intact"
                )
            }
            other => panic!("{label}: {other:?} for {} characters", link.len()),
        }
        let html = render::<SharePanel>(SharePanelProps {
            lang: Lang::Vi,
            draft: Shared::new(d),
            on_close: Callback::noop(),
        })
        .await;
        let warning = inside(&html, "link-long");
        assert!(warning.contains(r#"id="share-export""#), "{label}");
        assert!(
            warning.contains("ứng dụng nhắn tin cắt bớt")
                || warning.contains("quá lớn để gửi bằng liên kết"),
            "{label}: {warning}"
        );
        assert_eq!(
            html.matches(r#"id="share-export""#).count(),
            1,
            "one file button"
        );
        println!("{label}: {} characters, {fit:?}", link.chars().count());
    }
}

const HOSTILE: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "\u{202E}gnp.exe Giám đốc",
    "Nước mắm <b>Cô Ba</b> & “ngoặc”",
];

#[tokio::test]
async fn hostile_and_long_text_in_the_new_fields_stays_inert_and_whole() {
    let s = set("QD26-09");
    let long: String = "Lịch sử <script>x</script> \u{202E} "
        .repeat(400)
        .chars()
        .take(10_000)
        .collect();
    for text in HOSTILE.iter().map(|t| t.to_string()).chain([long.clone()]) {
        let mut d = filled_draft(&s);
        for f in Field::ALL
            .into_iter()
            .filter(|f| f.part() == ocop_self_check::draft::Part::Report)
        {
            d = d.apply(Command::SetField(f, text.clone()), 2);
        }
        for code in ["1.1", "2.1"] {
            d = d.apply(
                Command::SetEvidence {
                    code: code.into(),
                    text: text.clone(),
                },
                3,
            );
        }
        for doc in [true, false] {
            let html = if doc {
                render::<DetailsScreen>(details(Lang::Vi, d.clone(), Some(&s))).await
            } else {
                render::<Questionnaire>(questionnaire(Lang::Vi, &s, d.clone())).await
            };
            assert!(!html.contains("<script>"), "{text:.30}");
            assert!(!html.contains("<img src=x"), "{text:.30}");
            assert!(!html.contains("<b>Cô Ba</b>"), "{text:.30}");
        }
        // Whole in the draft, the share link and every document (made, inert).
        assert_eq!(Field::History.value(&d), text);
        let back = share::decode(&share::encode(&d, Content::WithoutContactDetails)).expect("link");
        assert_eq!(back.report.history, text);
        assert_eq!(back.evidence.get("2.1"), Some(&text));
        for doc in Document::ALL {
            let Ok(Output::Html(page)) = dossier_lazy::generate(
                Kind::Html,
                doc,
                &d,
                Lang::Vi,
                today(),
                &dossier_lazy::Files::new(),
            )
            .await
            else {
                panic!("{doc:?}")
            };
            // The one script is the print button's (src/dossier/html.rs).
            assert_eq!(page.matches("<script").count(), 1, "{doc:?}");
            assert!(!page.contains("<img src=x"), "{doc:?}");
            assert!(!page.contains("<b>Cô Ba</b>"), "{doc:?}");
            let Ok(Output::Docx(bytes)) = dossier_lazy::generate(
                Kind::Docx,
                doc,
                &d,
                Lang::Vi,
                today(),
                &dossier_lazy::Files::new(),
            )
            .await
            else {
                panic!("{doc:?}")
            };
            assert_eq!(bytes.get(..2), Some(&b"PK"[..]));
        }
    }
    // At the limit, the count of characters left shows under the text area.
    let mut d = Draft::new("d", "QD26-09", 0);
    d = d.apply(Command::SetField(Field::History, long), 2);
    let html = render::<DetailsScreen>(details(Lang::Vi, d, None)).await;
    assert!(html.contains("Còn 0 ký tự (tối đa 10.000)"));
    assert!(html.contains(r#"aria-describedby="f-report-history-hint f-report-history-count""#));
}
