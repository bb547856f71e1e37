//! The UI rendered to HTML natively with Yew's `ssr` feature: what each screen shows, in both
//! languages, and that user text is escaped.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ocop_self_check::assess::{assess, Advice, Responses};
use ocop_self_check::draft::{Command, Draft};
use ocop_self_check::i18n::{self, Lang};
use ocop_self_check::rubric::{embedded, Catalogue, ProductSet};
use ocop_self_check::ui::app::{App, AppProps};
use ocop_self_check::ui::chooser::{SetChooser, SetChooserProps};
use ocop_self_check::ui::drafts::{DraftsList, DraftsListProps};
use ocop_self_check::ui::questionnaire::{Questionnaire, QuestionnaireProps};
use ocop_self_check::ui::result::{ResultPanel, ResultPanelProps};
use ocop_self_check::ui::state::{Action, AppState, Screen};
use ocop_self_check::ui::{criterion_dom_id, knock_out_dom_id, Shared};
use yew::{AttrValue, BaseComponent, Callback, LocalServerRenderer};

async fn render<C: BaseComponent>(props: C::Properties) -> String {
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// HTML-escape like Yew does for text nodes, to look for worded results in the output.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn set(id: &str) -> ProductSet {
    match embedded::load(id) {
        Some(Ok(s)) => s,
        other => panic!("{id}: {other:?}"),
    }
}

fn catalogue() -> Shared<Catalogue> {
    Shared::new(Catalogue::builtin())
}

fn questionnaire_props(lang: Lang, set: ProductSet, draft: Draft) -> QuestionnaireProps {
    let a = assess(&set, &draft.responses);
    QuestionnaireProps {
        lang,
        set: Shared::new(set),
        draft: Shared::new(draft),
        assessment: Shared::new(a),
        set_label: AttrValue::default(),
        on_action: Callback::noop(),
        evidence_open: true,
        initial_sections: usize::MAX,
        focus: None,
    }
}

#[tokio::test]
async fn the_set_chooser_lists_26_sets_in_6_categories() {
    for lang in [Lang::Vi, Lang::En] {
        let html = render::<SetChooser>(SetChooserProps {
            lang,
            catalogue: catalogue(),
            on_choose: Callback::noop(),
            query: AttrValue::default(),
            expanded: true,
        })
        .await;
        assert_eq!(html.matches("data-set=\"QD26-").count(), 26, "{html}");
        for n in 1..=26 {
            assert!(html.contains(&format!("data-set=\"QD26-{n:02}\"")));
        }
        assert_eq!(html.matches("class=\"cat-btn\"").count(), 6);
        if lang == Lang::Vi {
            assert!(html.contains("Chọn bộ sản phẩm"));
            assert!(html.contains("Tương, nước mắm, gia vị dạng lỏng khác"));
            assert!(html.contains("Nước mắm Phú Quốc"), "examples are shown");
        } else {
            assert!(html.contains("Choose the product set"));
            assert!(html.contains("fish sauce"));
        }
    }
}

#[tokio::test]
async fn searching_without_diacritics_finds_fish_sauce_first() {
    let html = render::<SetChooser>(SetChooserProps {
        lang: Lang::Vi,
        catalogue: catalogue(),
        on_choose: Callback::noop(),
        query: "nuoc mam".into(),
        expanded: false,
    })
    .await;
    let results = html
        .split("<section class=\"browse\"")
        .next()
        .unwrap_or_default();
    let first = results
        .find("data-set=\"QD26-")
        .map(|i| &results[i + 10..i + 17]);
    assert_eq!(first, Some("QD26-09"), "{results}");
    assert!(results.contains("Tìm thấy 1 bộ sản phẩm"), "{results}");
}

#[tokio::test]
async fn the_questionnaire_renders_every_criterion_level_and_star_marker_of_every_set() {
    for (id, _) in embedded::SETS {
        let s = set(id);
        let draft = Draft::new("d1", *id, 0);
        let html = render::<Questionnaire>(questionnaire_props(Lang::Vi, s.clone(), draft)).await;
        let mut markers = 0;
        for loc in s.criteria() {
            let c = loc.criterion;
            let dom = criterion_dom_id(&c.code);
            assert!(html.contains(&format!("id=\"{dom}\"")), "{id} {}", c.code);
            for p in 1..=c.levels.len() {
                assert!(
                    html.contains(&format!("id=\"{dom}-l{p}\"")),
                    "{id} {} level {p}",
                    c.code
                );
            }
            assert!(html.contains(&format!("id=\"{dom}-none\"")));
            markers += c.levels.iter().filter(|l| l.min_star.is_some()).count();
        }
        assert_eq!(
            html.matches("class=\"need need-").count(),
            markers,
            "{id}: every star marker is shown"
        );
        for k in &s.knock_outs {
            if k.kind == ocop_self_check::rubric::KnockOutKind::Question {
                assert!(html.contains(&format!("id=\"{}-yes\"", knock_out_dom_id(&k.id))));
            }
        }
        // Knock-out questions come before the parts.
        if let (Some(ko), Some(a)) = (html.find("id=\"ko-title\""), html.find("id=\"part-A\"")) {
            assert!(ko < a, "{id}: knock-outs first");
        }
        assert!(html.contains("Minh chứng thường dùng (gợi ý"), "{id}");
    }
}

#[tokio::test]
async fn star_markers_are_worded_and_answers_are_checked() {
    let s = set("QD26-09");
    let mut d = Draft::new("d1", "QD26-09", 0);
    d = d.apply(
        Command::SetAnswer {
            code: "1.1".into(),
            position: Some(2),
        },
        1,
    );
    d = d.apply(Command::SetNoneOfLevels { code: "1.2".into() }, 2);
    d = d.apply(
        Command::SetEvidence {
            code: "1.1".into(),
            text: "Hợp đồng mua cá cơm".into(),
        },
        3,
    );
    let html = render::<Questionnaire>(questionnaire_props(Lang::Vi, s.clone(), d.clone())).await;
    assert!(html.contains("cần cho 3★") || html.contains("cần cho 4★"));
    // The whole `<input …>` tag that carries this id.
    let checked = |id: &str| {
        let Some(at) = html.find(&format!("id=\"{id}\"")) else {
            return false;
        };
        let start = html[..at].rfind("<input").unwrap_or(at);
        let end = html[at..].find('>').map_or(html.len(), |e| at + e);
        html[start..end].contains(" checked")
    };
    assert!(checked("c-1-1-l2"), "answer shown as checked");
    assert!(!checked("c-1-1-l1"));
    assert!(checked("c-1-2-none"), "none-of-levels shown as checked");
    assert!(html.contains("Hợp đồng mua cá cơm"), "evidence note kept");
    assert!(html.contains("Đã trả lời 2/"), "progress");
    let a = assess(&s, &d.responses);
    assert!(
        html.contains(&format!("Đã trả lời 2/{} tiêu chí", a.criterion_count)),
        "criteria counted as the assessment counts them"
    );

    let en = render::<Questionnaire>(questionnaire_props(Lang::En, s, d)).await;
    assert!(en.contains("needed for "));
    assert!(en.contains("None of these levels (0 points)"));
    assert!(en.contains("Answered 2/"));
}

#[tokio::test]
async fn tourism_levels_are_grouped_under_their_cases() {
    let s = set("QD26-26");
    let html = render::<Questionnaire>(questionnaire_props(
        Lang::Vi,
        s.clone(),
        Draft::new("t", "QD26-26", 0),
    ))
    .await;
    let with_cases = s.criteria().filter(|l| l.criterion.has_cases()).count();
    assert!(with_cases >= 3);
    assert_eq!(html.matches("class=\"case-title\"").count(), with_cases * 2);
    assert!(html.contains("Trường hợp 1: Dịch vụ du lịch do cộng đồng cung cấp"));
}

fn scenario() -> (ProductSet, Responses) {
    // Good enough for the 4★ band on points, but with a 3★/4★ minimum missed.
    let s = set("QD26-09");
    let mut r = Responses::default();
    for loc in s.criteria() {
        let c = loc.criterion;
        let best = c.levels.len() as u8;
        r.answers.insert(c.code.clone(), best);
    }
    let blocked = s
        .criteria()
        .map(|l| l.criterion)
        .find(|c| c.required_points(3).is_some_and(|p| p > 0))
        .expect("a 3★ minimum");
    r.answers.remove(&blocked.code);
    r.none_of_levels.insert(blocked.code.clone());
    for k in &s.knock_outs {
        r.knock_outs.insert(k.id.clone(), false);
    }
    (s, r)
}

#[tokio::test]
async fn the_result_panel_shows_total_stars_and_one_plan_in_both_languages() {
    let (s, r) = scenario();
    let a = assess(&s, &r);
    assert!(a.ready && !a.unmet_minimums.is_empty() && !a.advice.is_empty());
    let mut d = Draft::new("t", "QD26-09", 0);
    d.responses = r.clone();
    for lang in [Lang::Vi, Lang::En] {
        let html = render::<ResultPanel>(ResultPanelProps {
            lang,
            set: Shared::new(s.clone()),
            assessment: Shared::new(a.clone()),
            expanded: true,
            on_expand: Callback::noop(),
            saved: true,
            draft: Some(Shared::new(d.clone())),
        })
        .await;
        assert!(
            html.contains(&esc(&i18n::total(lang, a.total, 100))),
            "{html}"
        );
        assert!(html.contains(&esc(&i18n::stars(lang, a.stars))));
        assert!(html.contains(&esc(&i18n::band(lang, a.band))));
        // One list: each step once, in order, with the criterion's title and the level's
        // words; the codes-only lines of the old "why" list are gone.
        assert_eq!(html.matches("class=\"plan-steps\"").count(), 1);
        let mut at = 0;
        for x in &a.advice {
            let words = esc(&i18n::advice(lang, x, &s));
            assert_eq!(html.matches(&words).count(), 1, "{lang:?} {x:?}");
            let here = html.find(&words).unwrap_or(0);
            assert!(here > at, "in order: {x:?}");
            at = here;
            let code = x.criterion().unwrap_or_default();
            let c = s.criterion(code).expect("criterion");
            assert!(
                words.contains(&esc(&i18n::criterion_title(lang, c))),
                "{words}"
            );
            if let Advice::MeetMinimum { to, .. } = x {
                let level = c
                    .level(*to)
                    .map(|l| l.text.get(lang).trim().trim_end_matches('.').to_string())
                    .unwrap_or_default();
                assert!(words.contains(&esc(&level)), "{words}");
            }
            assert!(html.contains(&format!("data-target=\"{}\"", criterion_dom_id(code))));
        }
        for u in &a.unmet_minimums {
            assert!(
                !html.contains(&esc(&i18n::unmet_minimum(lang, u))),
                "{lang:?} {u:?}"
            );
        }
        let end = a.plan_end.expect("end");
        assert!(html.contains(&esc(&i18n::plan_end(lang, &end, false))));
        assert!(html.contains(r#"id="open-summary""#) && html.contains(r#"id="send-summary""#));
        match lang {
            Lang::Vi => {
                assert!(html.contains("Kết quả ước tính"));
                assert!(html.contains("Vì sao chưa cao hơn"));
                assert!(html.contains("Kế hoạch nâng hạng"));
                assert!(!html.contains("Nên cải thiện gì trước"));
                assert!(html.contains("ước tính của công cụ"));
                assert!(
                    html.contains("bắt buộc để đạt"),
                    "MeetMinimum worded: {html}"
                );
                assert!(html.contains("Làm đủ các việc trên →"));
                assert!(html.contains("Tóm tắt kết quả (1 trang)"));
                assert!(html.contains("không phải kết quả của Hội đồng"));
                assert!(html.contains("Quyết định 26/2026/QĐ-TTg"));
            }
            Lang::En => {
                assert!(html.contains("Estimated result"));
                assert!(html.contains("required for"));
                assert!(html.contains("not the result of an OCOP evaluation council"));
            }
        }
    }
}

#[tokio::test]
async fn a_fresh_draft_shows_no_stars_but_how_much_is_answered() {
    let s = set("QD26-09");
    let a = assess(&s, &Responses::default());
    for lang in [Lang::Vi, Lang::En] {
        let html = render::<ResultPanel>(ResultPanelProps {
            lang,
            set: Shared::new(s.clone()),
            assessment: Shared::new(a.clone()),
            expanded: true,
            on_expand: Callback::noop(),
            saved: true,
            draft: None,
        })
        .await;
        assert!(!html.contains(&esc(&i18n::stars(lang, 1))), "{html}");
        assert!(!html.contains("★☆☆☆☆"));
        assert!(html.contains(&esc(&i18n::not_ready_short(lang, 0, a.criterion_count))));
        assert!(html.contains(&esc(&i18n::not_ready(lang, &a))));
        assert!(!html.contains("plan-steps"), "no plan without an estimate");
        assert!(
            !html.contains(r#"id="open-summary""#),
            "no draft, no summary button"
        );
    }
    assert!(i18n::not_ready(Lang::Vi, &a).contains("từ 1★ lên đến 5★"));
}

#[tokio::test]
async fn a_triggered_knock_out_is_shown_instead_of_stars() {
    let s = set("QD26-09");
    let mut r = Responses::default();
    r.knock_outs.insert("forged".into(), true);
    let a = assess(&s, &r);
    let html = render::<ResultPanel>(ResultPanelProps {
        lang: Lang::Vi,
        set: Shared::new(s.clone()),
        assessment: Shared::new(a.clone()),
        expanded: true,
        on_expand: Callback::noop(),
        saved: false,
        draft: None,
    })
    .await;
    assert!(
        html.contains("Hồ sơ bị loại: Hồ sơ có tài liệu giả mạo"),
        "{html}"
    );
    // Only what removes the knock-out: one step, jumping to the question, no point advice.
    assert_eq!(a.advice.len(), 1);
    assert!(html.contains("Việc cần làm trước tiên"));
    assert_eq!(html.matches("class=\"link step\"").count(), 1, "{html}");
    assert!(html.contains(&esc(&i18n::advice(Lang::Vi, &a.advice[0], &s))));
    assert!(html.contains(&format!("data-target=\"{}\"", knock_out_dom_id("forged"))));
    assert!(
        !html.contains("Để đạt 2★"),
        "no next-star sentence while rejected"
    );
    assert!(!html.contains("+4 điểm"));
}

#[tokio::test]
async fn hostile_text_in_a_draft_title_is_escaped() {
    let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let mut d = Draft::new("d1", "QD26-09", 0);
    d.title = hostile.into();
    let html = render::<DraftsList>(DraftsListProps {
        lang: Lang::Vi,
        drafts: vec![Shared::new(d.clone())],
        current: Some("d1".into()),
        catalogue: catalogue(),
        on_action: Callback::noop(),
        saved: true,
        space: None,
        sets: Vec::new(),
    })
    .await;
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "{html}");
    assert!(html.contains("Nhân bản") && html.contains("Đổi tên") && html.contains("Xóa"));

    let q = render::<Questionnaire>(questionnaire_props(Lang::Vi, set("QD26-09"), d)).await;
    assert!(!q.contains("<script>") && !q.contains("<img"));
    assert!(q.contains("&lt;script&gt;"));
}

/// The drafts list and the dossier form say whether changes are kept, and do not claim they are
/// saved when the browser blocks storage.
#[tokio::test]
async fn the_drafts_intro_tells_the_truth_about_saving() {
    let d = Shared::new(Draft::new("d1", "QD26-09", 0));
    for (saved, yes, no) in [
        (true, "được lưu ngay", "không cho lưu"),
        (false, "không cho lưu", "được lưu ngay"),
    ] {
        let html = render::<DraftsList>(DraftsListProps {
            lang: Lang::Vi,
            drafts: vec![d.clone()],
            current: None,
            catalogue: catalogue(),
            on_action: Callback::noop(),
            saved,
            space: ocop_self_check::draft::store::Space::new(2.6e6, 1.2e9, Some(true)),
            sets: Vec::new(),
        })
        .await;
        assert!(html.contains(yes) && !html.contains(no), "{saved}: {html}");
        // The room line and the backup button; no room line when nothing is saved.
        assert!(html.contains(r#"id="backup-all""#), "{html}");
        assert_eq!(
            html.contains("đang dùng 2,6 MB; còn trống 1,2 GB"),
            saved,
            "{saved}: {html}"
        );
    }
}

#[tokio::test]
async fn the_app_starts_on_the_chooser_and_switches_language() {
    let html = render::<App>(AppProps::default()).await;
    assert!(html.contains("Chọn bộ sản phẩm"), "{html}");
    assert!(html.contains(">English<"));

    let state = Rc::new(AppState::default()).reduce_all(vec![
        Action::NewDraft {
            id: "a".into(),
            product_set: "QD26-09".into(),
            now_ms: 1,
        },
        // A set opened is a draft once something is answered.
        Action::Apply {
            id: "a".into(),
            command: ocop_self_check::draft::Command::SetAnswer {
                code: "1.1".into(),
                position: Some(1),
            },
            now_ms: 2,
        },
        Action::SetLang(Lang::En),
        Action::Show(Screen::Drafts),
    ]);
    let html = render::<App>(AppProps {
        initial: Some(Shared(state)),
    })
    .await;
    assert!(html.contains("Your drafts"), "{html}");
    assert!(html.contains("Soy sauce, fish sauce and other liquid condiments"));
    assert!(html.contains(">Tiếng Việt<"));
}

trait ReduceAll {
    fn reduce_all(self, actions: Vec<Action>) -> Rc<AppState>;
}

impl ReduceAll for Rc<AppState> {
    fn reduce_all(self, actions: Vec<Action>) -> Rc<AppState> {
        use yew::Reducible;
        actions.into_iter().fold(self, |s, a| s.reduce(a))
    }
}

/// The start module's app shows the same first screen as the full app's choose screen (header,
/// chooser, examples entry), in the language it is given, and renders without the full app's
/// state (no drafts, nothing loaded).
#[tokio::test]
async fn the_start_module_shows_the_same_first_screen_as_the_full_app() {
    use ocop_self_check::ui::start::{StartApp, StartAppProps};
    let start_vi = render::<StartApp>(StartAppProps { lang: None }).await;
    let full_vi = render::<App>(AppProps {
        initial: Some(Shared::new(AppState::default())),
    })
    .await;
    for html in [&start_vi, &full_vi] {
        assert!(html.contains("Chọn bộ sản phẩm"), "{html}");
        assert!(html.contains(r#"id="set-search""#));
        assert!(html.contains(r#"id="open-demo""#));
        assert!(html.contains("Bản nháp"));
        assert!(html.contains(r#"aria-current="page""#));
    }
    // The header is the same markup in both, but for the full app's offline status (empty while
    // online; the start module has none, to stay small).
    let header = |h: &str| {
        let a = h.find("<header").expect("header");
        let b = h.find("</header>").expect("end of header");
        h[a..b].replace(r#"<div role="status" class="net"></div>"#, "")
    };
    assert_eq!(header(&start_vi), header(&full_vi));

    let start_en = render::<StartApp>(StartAppProps {
        lang: Some(Lang::En),
    })
    .await;
    assert!(start_en.contains("Choose the product set"));
    assert!(!start_en.contains("Chọn bộ sản phẩm"));
}

/// What the start module hands over (`lang=…&set=…`, `view=drafts`, `demo=1`) opens that in the
/// full app: the set's new draft in the chosen language, the drafts list, the examples.
#[test]
fn the_full_app_takes_over_what_the_start_module_was_asked_for() {
    use ocop_self_check::platform::start::{open_full_app, take_intent};
    use ocop_self_check::platform::storage;
    use ocop_self_check::ui::boot::boot;

    storage::simulate_failure(None);
    storage::clear();
    // A set chosen on the start screen (`new=`), or asked for by an embedding page (`set=`):
    // its questionnaire, not yet a draft (one is made by the first answer).
    for request in ["lang=en&new=QD26-09", "lang=en&set=QD26-09"] {
        open_full_app(request);
        let st = boot();
        assert_eq!(st.lang, Lang::En);
        assert_eq!(st.screen, Screen::Questionnaire, "{request}");
        assert!(st.drafts.is_empty() && st.current_is_scratch(), "{request}");
        assert_eq!(
            st.current_draft().map(|d| d.product_set.as_str()),
            Some("QD26-09")
        );
        assert_eq!(st.revision, 0, "nothing saved by looking");
        assert_eq!(take_intent(), None, "taken once");
    }

    open_full_app("lang=vi&view=drafts");
    let st = boot();
    assert_eq!((st.lang, st.screen), (Lang::Vi, Screen::Drafts));
    assert!(st.drafts.is_empty());

    open_full_app("lang=vi&demo=1");
    let st = boot();
    assert!(st.in_demo());

    // Without a request the full app starts as before.
    let st = boot();
    assert_eq!(st.screen, AppState::default().screen);
}
