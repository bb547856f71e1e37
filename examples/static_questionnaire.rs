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
    }

    /// The app's questionnaire screen (src/ui/app.rs, `Screen::Questionnaire`), without the
    /// parts that need the browser (share entry, notices, the help provider).
    #[function_component]
    fn QuestionnaireScreen(p: &PageProps) -> Html {
        let lang = Lang::Vi;
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

    pub async fn run() -> Result<(), String> {
        let mut args = std::env::args().skip(1);
        let mut out = None;
        let mut id = "QD26-07".to_string();
        let mut answer_js = false;
        for a in args.by_ref() {
            match a.as_str() {
                "--answer-js" => answer_js = true,
                s if s.starts_with("QD26-") => id = s.to_string(),
                s if out.is_none() => out = Some(s.to_string()),
                s => return Err(format!("unexpected argument {s}")),
            }
        }
        let out = out.ok_or("usage: static_questionnaire OUT.html [QD26-NN] [--answer-js]")?;
        let set = match embedded::load(&id) {
            Some(Ok(s)) => s,
            Some(Err(e)) => return Err(format!("{id}: {e:?}")),
            None => return Err(format!("{id}: no such set")),
        };
        let catalogue = Catalogue::builtin();
        let set_label = catalogue
            .set(&id)
            .map(|s| i18n::set_number(Lang::Vi, s.no, &s.classification))
            .unwrap_or_default();
        let script = if answer_js {
            format!(
                "<script type=\"application/json\" id=\"points\">{}</script>\n{ANSWER_JS}",
                points_table(&set)
            )
        } else {
            String::new()
        };
        let body = LocalServerRenderer::<QuestionnaireScreen>::with_props(PageProps {
            set: Shared::new(set),
            set_label: AttrValue::from(set_label),
        })
        .hydratable(false)
        .render()
        .await;
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
