//! The static floor of the questionnaire benchmark (issue 16, `scripts/speed.sh`): the deep
//! link's questionnaire and result bar rendered to plain HTML with Yew's own server-side
//! rendering of the app's components (`ui::questionnaire::Questionnaire`,
//! `ui::result::ResultPanel`, the header of `ui::top::TopBar`), a fresh draft, all sections at
//! once, in the markup the app builds on `index.html?set=…` (`#app > .app.with-result > .work >
//! main`), on a page that links the same `static/app.css`. No script: what a browser needs to
//! show the questionnaire, and nothing more.
//!
//! With `--answer-js` the same page gets ~20 lines of plain JavaScript that sum the chosen
//! levels' points into the bar's total (`.bar-total .num`): the floor of "answer → total".
//!
//!   cargo run --example static_questionnaire -- OUT.html [QD26-07] [--answer-js]
//!
//! The page expects `static/app.css` beside it (`OUT.html`'s directory).

#[cfg(not(target_arch = "wasm32"))]
mod floor {
    use std::collections::BTreeMap;

    use ocop_self_check::assess::assess;
    use ocop_self_check::draft::Draft;
    use ocop_self_check::i18n::{self, Lang};
    use ocop_self_check::rubric::{embedded, Catalogue, ProductSet};
    use ocop_self_check::ui::questionnaire::Questionnaire;
    use ocop_self_check::ui::result::ResultPanel;
    use ocop_self_check::ui::state::Screen;
    use ocop_self_check::ui::top::TopBar;
    use ocop_self_check::ui::{criterion_dom_id, Shared};
    use yew::prelude::*;
    use yew::LocalServerRenderer;

    #[derive(Properties, PartialEq)]
    struct PageProps {
        set: Shared<ProductSet>,
        set_label: AttrValue,
        lang: Lang,
    }

    /// The app's questionnaire screen (src/ui/app.rs, `Screen::Questionnaire`), without the
    /// parts that need the browser (share entry, notices, the help provider).
    #[function_component]
    fn QuestionnaireScreen(p: &PageProps) -> Html {
        let lang = p.lang;
        let draft = Draft::new("floor", p.set.id.clone(), 0);
        let assessment = Shared::new(assess(&p.set, &draft.responses));
        let draft = Shared::new(draft);
        let header = TopBar {
            lang,
            screen: Screen::Questionnaire,
            has_current: true,
            draft_count: 0,
            hide_brand: false,
            on_nav: Callback::noop(),
            on_lang: Callback::noop(),
            status: Html::default(),
        }
        .view();
        html! {
            <div class="app with-result">
                <a class="skip" href="#main">{ i18n::t(lang, i18n::Key::SkipToContent) }</a>
                { header }
                <div class="work">
                    <main id="main" tabindex="-1">
                        <Questionnaire lang={lang} set={p.set.clone()} draft={draft.clone()}
                            assessment={assessment.clone()} set_label={p.set_label.clone()}
                            on_action={Callback::noop()} />
                    </main>
                    <ResultPanel lang={lang} set={p.set.clone()} {assessment} saved=true
                        draft={Some(draft)} />
                </div>
            </div>
        }
    }

    /// `{ "c-1-1": { "1": 2, "2": 4 }, … }`: each criterion's radios (name) and their points
    /// (value), for the hand-written total.
    fn points_table(set: &ProductSet) -> String {
        let mut out: BTreeMap<String, BTreeMap<String, u8>> = BTreeMap::new();
        for loc in set.criteria() {
            let c = loc.criterion;
            let levels = c
                .positions_in_case(None)
                .map(|(p, l)| (p.to_string(), l.points))
                .collect();
            out.insert(criterion_dom_id(&c.code), levels);
        }
        serde_json::to_string(&out).expect("points table")
    }

    /// The floor of "answer → total": sums the checked levels' points into the bar's total.
    const ANSWER_JS: &str = r#"<script>
(function () {
  var points = JSON.parse(document.getElementById("points").textContent);
  var num = document.querySelector(".bar-total .num");
  function total() {
    var sum = 0;
    var checked = document.querySelectorAll(".questionnaire input[type=radio]:checked");
    for (var i = 0; i < checked.length; i += 1) {
      var levels = points[checked[i].name];
      if (levels && levels[checked[i].value] !== undefined) sum += levels[checked[i].value];
    }
    return sum;
  }
  document.addEventListener("change", function (e) {
    if (!e.target.matches(".questionnaire input[type=radio]")) return;
    var label = e.target.closest("label");
    var group = e.target.closest(".levels");
    if (group) group.querySelectorAll("label.chosen").forEach(function (l) { l.classList.remove("chosen"); });
    if (label) label.classList.add("chosen");
    num.textContent = String(total());
  });
})();
</script>"#;

    /// The screen's markup for one set in one language (what goes inside `#app`).
    async fn render(id: &str, lang: Lang) -> Result<String, String> {
        let set = match embedded::load(id) {
            Some(Ok(s)) => s,
            Some(Err(e)) => return Err(format!("{id}: {e:?}")),
            None => return Err(format!("{id}: no such set")),
        };
        let catalogue = Catalogue::builtin();
        let set_label = catalogue
            .set(id)
            .map(|s| i18n::set_number(lang, s.no, &s.classification))
            .unwrap_or_default();
        Ok(
            LocalServerRenderer::<QuestionnaireScreen>::with_props(PageProps {
                set: Shared::new(set),
                set_label: AttrValue::from(set_label),
                lang,
            })
            .hydratable(false)
            .render()
            .await,
        )
    }

    /// Where static/prerender.js splits the page: what comes first (`…<!--ocop-pre-split-->`)
    /// is the whole screen with only the first part's first section, shown at once; the rest
    /// (the first part's other sections, `<!--ocop-pre-rest-->`, the other parts) is put in the
    /// place of `<template id="pre-rest-a">` and `<template id="pre-rest-b">` a task later.
    /// Parsed, styled and laid out in one piece, the page was one task of ~200 ms at 4× CPU.
    pub const SPLIT: &str = "<!--ocop-pre-split-->";
    pub const REST: &str = "<!--ocop-pre-rest-->";

    fn split(body: &str) -> Result<String, String> {
        const PART: &str = "<section aria-labelledby=\"part-";
        const SECTION: &str = "<section aria-labelledby=\"sec-";
        const CLOSE: &str = "</section>";
        let first = body.find(PART).ok_or("no part")?;
        let Some(second) = body[first + 1..].find(PART).map(|i| i + first + 1) else {
            return Ok(body.to_string()); // one part: shown whole
        };
        // The first part's second section, if it has one.
        let a_start = body[first..second]
            .match_indices(SECTION)
            .nth(1)
            .map(|(i, _)| i + first);
        let a_end = second - CLOSE.len();
        if &body[a_end..second] != CLOSE {
            return Err("the first part does not end right before the second".into());
        }
        let b_end = [
            "<section aria-labelledby=\"why-title\"",
            "<div class=\"q-foot\"",
        ]
        .iter()
        .filter_map(|m| body[second..].find(m).map(|i| i + second))
        .min()
        .ok_or("nothing after the parts")?;
        if !body[..b_end].ends_with(CLOSE) {
            return Err("the last part does not end right before what follows".into());
        }
        let (head, rest_a) = match a_start {
            Some(a) => (&body[..a], &body[a..a_end]),
            None => (&body[..a_end], ""),
        };
        Ok(format!(
            "{head}<template id=\"pre-rest-a\"></template>{}<template id=\"pre-rest-b\"></template>{}{SPLIT}{rest_a}{REST}{}",
            &body[a_end..second],
            &body[b_end..],
            &body[second..b_end],
        ))
    }

    /// `--fragments DIR`: every set's screen in both languages, `DIR/QD26-NN.vi.html` and
    /// `DIR/QD26-NN.en.html`, for static/boot.js to show on a first visit's deep link while
    /// the app loads (the app then takes over the answers: src/ui/prerender.rs). The
    /// questionnaire says it is not complete (`data-complete="false"`): it is not the app's.
    async fn fragments(dir: &str) -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
        let catalogue = Catalogue::builtin();
        let ids: Vec<String> = catalogue.sets().map(|(_, _, s)| s.id.clone()).collect();
        let mut bytes = 0;
        for id in &ids {
            for lang in [Lang::Vi, Lang::En] {
                let body = render(id, lang).await?;
                let marker = "data-complete=\"true\"";
                if body.matches(marker).count() != 1 {
                    return Err(format!(
                        "{id}: the questionnaire's data-complete not found once"
                    ));
                }
                let body = body.replacen(marker, "data-complete=\"false\"", 1);
                let body = split(&body).map_err(|e| format!("{id}: {e}"))?;
                let out = format!("{dir}/{id}.{}.html", lang.tag());
                bytes += body.len();
                std::fs::write(&out, body).map_err(|e| format!("{out}: {e}"))?;
            }
        }
        eprintln!(
            "[prerender] {} sets × 2 languages -> {dir} ({bytes} bytes)",
            ids.len()
        );
        Ok(())
    }

    pub async fn run() -> Result<(), String> {
        let mut args = std::env::args().skip(1);
        let mut out = None;
        let mut id = "QD26-07".to_string();
        let mut answer_js = false;
        while let Some(a) = args.next() {
            match a.as_str() {
                "--answer-js" => answer_js = true,
                "--fragments" => {
                    let dir = args.next().ok_or("--fragments needs a directory")?;
                    return fragments(&dir).await;
                }
                s if s.starts_with("QD26-") => id = s.to_string(),
                s if out.is_none() => out = Some(s.to_string()),
                s => return Err(format!("unexpected argument {s}")),
            }
        }
        let out = out.ok_or(
            "usage: static_questionnaire OUT.html [QD26-NN] [--answer-js] | --fragments DIR",
        )?;
        let set = match embedded::load(&id) {
            Some(Ok(s)) => s,
            Some(Err(e)) => return Err(format!("{id}: {e:?}")),
            None => return Err(format!("{id}: no such set")),
        };
        let script = if answer_js {
            format!(
                "<script type=\"application/json\" id=\"points\">{}</script>\n{ANSWER_JS}",
                points_table(&set)
            )
        } else {
            String::new()
        };
        let body = render(&id, Lang::Vi).await?;
        let page = format!(
            "<!doctype html>\n<html lang=\"vi\">\n  <head>\n    <meta charset=\"utf-8\" />\n    \
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    \
             <title>Tự đánh giá OCOP (static floor, {id})</title>\n    \
             <link rel=\"icon\" href=\"data:,\" />\n    \
             <link rel=\"stylesheet\" href=\"./static/app.css\" />\n  </head>\n  <body>\n    \
             <div id=\"start\"></div>\n    <div id=\"app\">{body}</div>\n{script}\n  </body>\n</html>\n"
        );
        std::fs::write(&out, page).map_err(|e| format!("{out}: {e}"))?;
        eprintln!(
            "[floor] {id} -> {out}{}",
            if answer_js {
                " (with the answer script)"
            } else {
                ""
            }
        );
        Ok(())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("tokio runtime");
    if let Err(e) = rt.block_on(floor::run()) {
        eprintln!("static_questionnaire: {e}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
