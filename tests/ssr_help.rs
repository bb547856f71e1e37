//! Issue 17 rendered natively with Yew's `ssr` feature: every criterion's "Giải thích" shows
//! its plain help and the terms it uses with links into the glossary, in both languages; the
//! glossary screen lists every term; the symbols are explained.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::glossary::Glossary;
use ocop_self_check::rubric::help::{Help, EMBEDDED};
use ocop_self_check::rubric::{embedded, ProductSet};
use ocop_self_check::ui::help::{CriterionTools, GlossaryScreen, Symbols, Understanding};
use ocop_self_check::ui::Shared;
use yew::prelude::*;
use yew::LocalServerRenderer;

fn loaded() -> Understanding {
    Understanding {
        help: Some(Rc::new(Help::from_json(EMBEDDED).expect("help"))),
        glossary: Some(Rc::new(Glossary::builtin())),
        failed: false,
        ..Understanding::default()
    }
}

#[derive(Properties, PartialEq)]
struct ToolsHere {
    u: Understanding,
    lang: Lang,
    set: Shared<ProductSet>,
    code: AttrValue,
}

#[function_component]
fn Tools(p: &ToolsHere) -> Html {
    html! {
        <ContextProvider<Understanding> context={p.u.clone()}>
            <CriterionTools lang={p.lang} set={p.set.clone()} code={p.code.clone()} open=true />
        </ContextProvider<Understanding>>
    }
}

#[derive(Properties, PartialEq)]
struct GlossaryHere {
    u: Understanding,
    lang: Lang,
}

#[function_component]
fn GlossaryWith(p: &GlossaryHere) -> Html {
    html! {
        <ContextProvider<Understanding> context={p.u.clone()}>
            <GlossaryScreen lang={p.lang} />
            <Symbols lang={p.lang} />
        </ContextProvider<Understanding>>
    }
}

fn set(id: &str) -> ProductSet {
    match embedded::load(id) {
        Some(Ok(s)) => s,
        other => panic!("{id}: {other:?}"),
    }
}

#[tokio::test]
async fn every_criterion_of_every_set_shows_its_help_in_both_languages() {
    let u = loaded();
    let mut with_terms = 0;
    let mut total = 0;
    for n in 1..=26 {
        let s = set(&format!("QD26-{n:02}"));
        let shared = Shared::new(s.clone());
        for l in s.criteria() {
            let code = l.criterion.code.clone();
            for lang in [Lang::Vi, Lang::En] {
                let html = LocalServerRenderer::<Tools>::with_props(ToolsHere {
                    u: u.clone(),
                    lang,
                    set: shared.clone(),
                    code: AttrValue::from(code.clone()),
                })
                .hydratable(false)
                .render()
                .await;
                total += 1;
                assert!(
                    html.contains("class=\"help-asks\""),
                    "{} {code} {lang:?}: {html}",
                    s.id
                );
                assert!(
                    !html.contains("help-asks\"></p>"),
                    "{} {code}: empty help",
                    s.id
                );
                assert!(
                    html.contains("read-aloud-btn"),
                    "{} {code}: read-aloud",
                    s.id
                );
                assert!(
                    html.contains("class=\"note estimate help-source\""),
                    "marked as explanation"
                );
                if html.contains("term-link") {
                    with_terms += 1;
                }
            }
        }
    }
    assert_eq!(total, 787 * 2, "every criterion, both languages");
    assert!(with_terms > 200, "terms linked in {with_terms} of {total}");
}

#[tokio::test]
async fn the_reviews_terms_are_explained_where_they_occur() {
    let u = loaded();
    // Set 9 (fish sauce and the like): criterion texts using TCCS / HACCP / công bố chất lượng.
    let s = set("QD26-09");
    let shared = Shared::new(s.clone());
    let mut seen = String::new();
    for l in s.criteria() {
        let html = LocalServerRenderer::<Tools>::with_props(ToolsHere {
            u: u.clone(),
            lang: Lang::Vi,
            set: shared.clone(),
            code: AttrValue::from(l.criterion.code.clone()),
        })
        .hydratable(false)
        .render()
        .await;
        seen.push_str(&html);
    }
    // The review's words, each linked under some criterion of the sets that use them.
    for name in ["HACCP", "công bố chất lượng", "Rất phù hợp"] {
        assert!(
            seen.contains(&format!("term-link\">{name}</button>")),
            "{name} linked somewhere in set 9"
        );
    }
}

#[tokio::test]
async fn the_glossary_lists_every_term_and_the_symbols_are_explained() {
    let u = loaded();
    let n = Glossary::builtin().terms().len();
    assert!(n >= 80);
    for lang in [Lang::Vi, Lang::En] {
        let html =
            LocalServerRenderer::<GlossaryWith>::with_props(GlossaryHere { u: u.clone(), lang })
                .hydratable(false)
                .render()
                .await;
        assert_eq!(html.matches("<dt id=\"term-").count(), n, "{lang:?}");
        assert!(html.contains("id=\"glossary-search\""));
        assert!(html.contains("id=\"symbols\"") && html.contains("id=\"open-glossary\""));
    }
    let vi = LocalServerRenderer::<GlossaryWith>::with_props(GlossaryHere {
        u: u.clone(),
        lang: Lang::Vi,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(
        vi.contains("không phải văn bản của Quyết định"),
        "≈ explained"
    );
    assert!(vi.contains("Tối thiểu"), "the minimum markers explained");
}

#[tokio::test]
async fn before_the_files_arrive_the_button_says_so() {
    let s = set("QD26-01");
    let html = LocalServerRenderer::<Tools>::with_props(ToolsHere {
        u: Understanding::default(),
        lang: Lang::Vi,
        set: Shared::new(s.clone()),
        code: AttrValue::from("1.1"),
    })
    .hydratable(false)
    .render()
    .await;
    assert!(html.contains("Đang tải phần giải thích"), "{html}");
}

#[derive(Properties, PartialEq)]
struct QuestionnaireHere {
    u: Option<Understanding>,
    lang: Lang,
    set: Shared<ProductSet>,
}

/// The whole questionnaire of a set, fresh, under the help's context (or none).
#[function_component]
fn QuestionnaireWith(p: &QuestionnaireHere) -> Html {
    use ocop_self_check::draft::Draft;
    use ocop_self_check::ui::questionnaire::Questionnaire;
    let draft = Draft::new("d1", &p.set.id, 0);
    let a = ocop_self_check::assess::assess(&p.set, &draft.responses);
    let q = html! {
        <Questionnaire lang={p.lang} set={p.set.clone()} draft={Shared::new(draft)}
            assessment={Shared::new(a)} on_action={Callback::noop()} />
    };
    match &p.u {
        Some(u) => {
            html! { <ContextProvider<Understanding> context={u.clone()}>{ q }</ContextProvider<Understanding>> }
        }
        None => q,
    }
}

async fn questionnaire(u: Option<Understanding>, lang: Lang, id: &str) -> String {
    LocalServerRenderer::<QuestionnaireWith>::with_props(QuestionnaireHere {
        u,
        lang,
        set: Shared::new(set(id)),
    })
    .hydratable(false)
    .render()
    .await
}

/// The level labels (`<label class="opt lvl…">…</label>`) of a rendered questionnaire.
fn level_labels(html: &str) -> Vec<&str> {
    html.split("<label ")
        .skip(1)
        .filter(|rest| {
            rest.split('>')
                .next()
                .is_some_and(|tag| tag.contains("class=\"opt lvl"))
        })
        .filter_map(|rest| rest.split("</label>").next())
        .collect()
}

#[tokio::test]
async fn terms_are_linked_where_the_questionnaire_uses_them() {
    // Set 9 uses TCCS, HACCP and "công bố chất lượng" in its level texts (the review's words).
    let html = questionnaire(Some(loaded()), Lang::Vi, "QD26-09").await;
    let labels = level_labels(&html);
    assert!(labels.len() > 100, "{} level labels", labels.len());
    // A level's label is the answer's tap target: no link (or button) inside it.
    assert!(labels
        .iter()
        .all(|l| !l.contains("<a ") && !l.contains("<button")));
    let links = html.matches("class=\"term-in\"").count();
    assert!(links > 5, "{links} terms linked");
    // Set 9's notes (6.1, 8) use "an toàn thực phẩm".
    assert!(
        html.contains(
            "<a href=\"?view=glossary#term-attp\" class=\"term-in\">an toàn thực phẩm</a>"
        ),
        "an toàn thực phẩm linked where it is used"
    );
    // The criterion titles too, and every link points at a term the glossary has.
    assert!(html.contains("<span class=\"crit-text\"><a href=\"?view=glossary#term-"));
    let g = Glossary::builtin();
    for part in html.split("href=\"?view=glossary#term-").skip(1) {
        let id = part.split('"').next().unwrap_or_default();
        assert!(g.term(id).is_some(), "link to unknown term {id}");
    }
    // English: the English names are found in the English texts.
    let en = questionnaire(Some(loaded()), Lang::En, "QD26-09").await;
    assert!(en.contains("class=\"term-in\""), "terms linked in English");
    // Before the glossary has loaded (or without it): the plain text, no links.
    let plain = questionnaire(None, Lang::Vi, "QD26-09").await;
    assert!(!plain.contains("term-in"));
    let text = |h: &str| {
        let mut out = String::new();
        let mut tag = false;
        for ch in h.chars() {
            match ch {
                '<' => tag = true,
                '>' => tag = false,
                c if !tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    // Linking changes no word of the decision's text.
    assert_eq!(
        level_labels(&html)
            .iter()
            .map(|l| text(l))
            .collect::<Vec<_>>(),
        level_labels(&plain)
            .iter()
            .map(|l| text(l))
            .collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn a_legend_only_screen_readers_read_gets_no_links() {
    // Criteria titled as their section (7–11…) keep their legend for screen readers only.
    let html = questionnaire(Some(loaded()), Lang::Vi, "QD26-09").await;
    for legend in html.split("<legend class=\"sr-only\">").skip(1) {
        let legend = legend.split("</legend>").next().unwrap_or_default();
        assert!(
            !legend.contains("<a "),
            "focusable link out of sight: {legend}"
        );
    }
}
