//! The one-page result summary: product, product set, stars (or "not enough answered"), the
//! score of each part and the total, the unmet minimums, the knock-outs and the plan, as a
//! standalone HTML page that fits one A4 sheet in print and reads on a 360 px phone.
//!
//! Same approach as the dossier's print page ([`super::html`]): everything escaped, a
//! `Content-Security-Policy` that allows only the print button's one script by its hash (the
//! very same script, [`PRINT_SCRIPT`], so `index.html`'s policy already lists it), no image, no
//! request. It lives in the lazily loaded dossier module: the main app only asks for it.

use super::html::{PRINT_SCRIPT, PRINT_SCRIPT_SHA256};
use super::text::escape_into;
use crate::assess::{assess, Advice, Assessment};
use crate::date::{parse_date, Date};
use crate::draft::{self, Draft};
use crate::i18n::{self, t, Key};
use crate::lang::Lang;
use crate::rubric::ProductSet;

const CSS: &str = r#"
@page { size: A4; margin: 14mm 16mm; }
html { background: #eee; }
body { font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.35;
  color: #111; background: #fff; max-width: 180mm; margin: 0 auto; padding: 10mm 12mm; box-sizing: border-box;
  overflow-wrap: break-word; }
h1 { font-size: 15pt; margin: 0 0 2pt; }
h2 { font-size: 11.5pt; margin: 8pt 0 3pt; border-bottom: 1px solid #999; }
p { margin: 0 0 3pt; }
.meta { color: #333; }
.stars { font-size: 14pt; font-weight: bold; margin: 6pt 0 2pt; }
.stars .g { letter-spacing: 1px; color: #b8860b; }
.rej { color: #a00; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0; }
td, th { border: 1px solid #999; padding: 2pt 5pt; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.t td { font-weight: bold; }
ul, ol { margin: 0 0 3pt; padding-left: 18pt; }
li { margin: 0 0 2pt; }
.e { font-size: 9pt; color: #333; border: 1px solid #aaa; border-radius: 3px; padding: 0 3px; white-space: nowrap; }
.end { font-weight: bold; margin-top: 3pt; }
.note { font-size: 9pt; color: #333; margin-top: 8pt; }
#print-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; border-bottom: 1px solid #999;
  margin: 0 0 8pt; padding: 0 0 8px; font-size: 13px; }
#print-bar button { font: inherit; font-size: 16px; font-weight: bold; min-height: 44px; padding: 8px 20px; cursor: pointer; }
#print-bar span { flex: 1 1 12em; }
@media screen and (max-width: 200mm) { body { padding: 12px; } }
@media print { html, body { background: #fff; } body { max-width: none; padding: 0; } #print-bar { display: none; } }
"#;

fn esc(o: &mut String, s: &str) {
    escape_into(o, s);
}

fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    lang.pick(vi, en)
}

/// An unmet minimum with the criterion's name.
fn unmet_line(set: &ProductSet, u: &crate::assess::UnmetMinimum, lang: Lang) -> String {
    let title = set
        .criterion(&u.criterion)
        .map(|c| i18n::criterion_title(lang, c))
        .unwrap_or_default();
    let pts = |n: u8| i18n::points(lang, n);
    match lang {
        Lang::Vi => format!(
            "Tiêu chí {} “{title}”: cần {} cho {}★ — hiện có {}",
            u.criterion,
            pts(u.required_points),
            u.stars,
            pts(u.points)
        ),
        Lang::En => format!(
            "Criterion {} “{title}”: needs {} for {}★ — now {}",
            u.criterion,
            pts(u.required_points),
            u.stars,
            pts(u.points)
        ),
    }
}

/// The minimums worth listing: those up to the band, or the next star when higher.
fn listed_minimums(a: &Assessment) -> impl Iterator<Item = &crate::assess::UnmetMinimum> {
    let cap = a.band.max(a.stars + 1).min(5);
    let mut seen = std::collections::BTreeSet::new();
    a.unmet_minimums
        .iter()
        .filter(move |u| u.stars <= cap && seen.insert(u.criterion.clone()))
}

/// The summary page of `draft`, assessed against `set`, made on `today`.
pub fn render(set: &ProductSet, draft: &Draft, lang: Lang, today: Option<Date>) -> String {
    let a = assess(set, &draft.responses);
    let mut o = String::with_capacity(16 * 1024);
    let name = i18n::summary_product(draft, lang);
    o.push_str("<!doctype html>\n<html lang=\"");
    o.push_str(lang.tag());
    o.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-{PRINT_SCRIPT_SHA256}'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n"
    ));
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    esc(&mut o, pick(lang, "Tóm tắt OCOP – ", "OCOP summary – "));
    esc(&mut o, &name);
    o.push_str("</title>\n<style>");
    o.push_str(CSS);
    o.push_str("</style>\n</head>\n<body>\n");
    o.push_str(
        "<div id=\"print-bar\"><button type=\"button\" id=\"print\">In / Print</button><span>",
    );
    esc(
        &mut o,
        pick(
            lang,
            "Nếu nút không chạy, dùng lệnh In của trình duyệt (có thể lưu thành PDF).",
            "If the button does nothing, use the browser's Print command (it can save a PDF).",
        ),
    );
    o.push_str(&format!("</span></div>\n<script>{PRINT_SCRIPT}</script>\n"));

    o.push_str("<h1>");
    esc(
        &mut o,
        pick(
            lang,
            "Tóm tắt kết quả tự đánh giá OCOP",
            "OCOP self-check: result summary",
        ),
    );
    o.push_str("</h1>\n<p id=\"s-product\"><strong><bdi>");
    esc(&mut o, &name);
    o.push_str("</bdi></strong>");
    if !draft.producer.name.trim().is_empty() {
        o.push_str(" · <bdi>");
        esc(&mut o, draft.producer.name.trim());
        o.push_str("</bdi>");
    }
    o.push_str("</p>\n<p class=\"meta\" id=\"s-set\">");
    esc(&mut o, &i18n::summary_set(set, lang));
    o.push_str("</p>\n");
    if let Some(d) = today {
        o.push_str("<p class=\"meta\">");
        esc(&mut o, pick(lang, "Lập ", "Made on "));
        esc(&mut o, &d.long(lang));
        o.push_str("</p>\n");
    }

    // Stars.
    o.push_str("<p class=\"stars\" id=\"s-stars\">");
    if a.knocked_out {
        o.push_str("<span class=\"rej\">");
        esc(&mut o, &i18n::summary_stars(lang, &a));
        o.push_str("</span>");
    } else if let Some(s) = a.estimate() {
        o.push_str("<span class=\"g\" aria-hidden=\"true\">");
        o.push_str(&"★".repeat(usize::from(s)));
        o.push_str(&"☆".repeat(usize::from(5 - s.min(5))));
        o.push_str("</span> ");
        esc(&mut o, &i18n::summary_stars(lang, &a));
    } else {
        esc(&mut o, &i18n::summary_stars(lang, &a));
    }
    o.push_str("</p>\n");

    // Scores.
    o.push_str("<table id=\"s-parts\"><tbody>\n");
    for p in &a.parts {
        let pname = set
            .parts
            .iter()
            .find(|x| x.code == p.code)
            .map(|x| x.name.get(lang).to_string())
            .unwrap_or_default();
        o.push_str("<tr><td>");
        esc(&mut o, &i18n::part_heading(lang, &p.code));
        o.push_str(": ");
        esc(&mut o, &pname);
        o.push_str(&format!(
            "</td><td class=\"n\">{}/{}</td></tr>\n",
            p.points, p.max
        ));
    }
    o.push_str("<tr class=\"t\"><td>");
    esc(&mut o, t(lang, Key::TotalLabel));
    o.push_str(&format!(
        "</td><td class=\"n\">{}/{}</td></tr>\n</tbody></table>\n",
        a.total, a.max_total
    ));

    // Knock-outs.
    if !a.knock_outs.is_empty() {
        o.push_str("<h2>");
        esc(&mut o, pick(lang, "Điều kiện loại hồ sơ", "Knock-outs"));
        o.push_str("</h2>\n<ul id=\"s-knock-outs\">\n");
        for k in &a.knock_outs {
            let text = set
                .knock_out(&k.id)
                .map(|x| x.text.get(lang).to_string())
                .unwrap_or_else(|| k.id.clone());
            o.push_str("<li class=\"rej\">");
            esc(&mut o, &i18n::knock_out(lang, k.effect, &text));
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }

    // Unmet minimums (not while the dossier is rejected: only the knock-out matters then).
    let minimums: Vec<_> = if a.knocked_out {
        Vec::new()
    } else {
        listed_minimums(&a).collect()
    };
    if !minimums.is_empty() {
        o.push_str("<h2>");
        esc(
            &mut o,
            pick(
                lang,
                "Yêu cầu tối thiểu chưa đạt",
                "Required minimums not met",
            ),
        );
        o.push_str("</h2>\n<ul id=\"s-minimums\">\n");
        for u in minimums {
            o.push_str("<li>");
            esc(&mut o, &unmet_line(set, u, lang));
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n");
    }

    // The plan.
    if !a.advice.is_empty() {
        o.push_str("<h2>");
        esc(
            &mut o,
            t(
                lang,
                if a.knocked_out {
                    Key::PlanKnockOutTitle
                } else {
                    Key::PlanTitle
                },
            ),
        );
        o.push_str("</h2>\n<ol id=\"s-plan\">\n");
        for x in &a.advice {
            o.push_str("<li>");
            esc(&mut o, &i18n::advice(lang, x, set));
            if let Some(e) = Advice::effort(x) {
                o.push_str(" <span class=\"e\">");
                esc(&mut o, i18n::effort(lang, e));
                o.push_str("</span>");
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ol>\n");
        if let Some(end) = &a.plan_end {
            o.push_str("<p class=\"end\" id=\"s-end\">");
            esc(&mut o, &i18n::plan_end(lang, end, a.knocked_out));
            o.push_str("</p>\n");
        }
        if !a.knocked_out {
            o.push_str("<p class=\"note\">");
            esc(&mut o, t(lang, Key::PlanNote));
            o.push_str("</p>\n");
        }
    } else if a.estimate() == Some(5) && !a.knocked_out {
        o.push_str("<p>");
        esc(&mut o, t(lang, Key::TopStars));
        o.push_str("</p>\n");
    }
    o.push_str("<p class=\"note\">");
    esc(&mut o, t(lang, Key::Notice));
    o.push_str("</p>\n</body>\n</html>\n");
    o
}

/// The summary page from text, as the on-demand module receives it (see
/// [`super::from_interchange`]): the draft in the interchange format, its rubric file, "vi" or
/// "en", the date as dd/mm/yyyy or yyyy-mm-dd (anything else leaves it out).
pub fn from_interchange(
    draft_json: &str,
    rubric_json: &str,
    lang_tag: &str,
    today: &str,
) -> Result<String, String> {
    let d = draft::from_json(draft_json).map_err(|e| format!("draft: {e}"))?;
    let set = ProductSet::from_json(rubric_json).map_err(|e| format!("rubric: {e}"))?;
    if d.product_set != set.id {
        return Err(format!(
            "rubric: the draft is for {} but the rubric is {}",
            d.product_set, set.id
        ));
    }
    let lang = Lang::from_tag(lang_tag).unwrap_or_default();
    Ok(render(&set, &d, lang, parse_date(today).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    fn set(id: &str) -> ProductSet {
        match embedded::load(id) {
            Some(Ok(s)) => s,
            other => panic!("{id}: {other:?}"),
        }
    }

    fn answered(s: &ProductSet) -> Draft {
        let mut d = Draft::new("x", &s.id, 1);
        d.product.name = "Nước mắm <Cô Ba> & con".into();
        d.producer.name = "HTX Cô Ba".into();
        for l in s.criteria() {
            d.responses.answers.insert(l.criterion.code.clone(), 2);
        }
        for k in &s.knock_outs {
            d.responses.knock_outs.insert(k.id.clone(), false);
        }
        d
    }

    #[test]
    fn the_page_has_the_result_the_plan_and_only_the_print_script() {
        let s = set("QD26-09");
        let d = answered(&s);
        let a = assess(&s, &d.responses);
        assert!(a.ready && !a.advice.is_empty());
        let today = parse_date("01/12/2026").ok();
        for lang in [Lang::Vi, Lang::En] {
            let html = render(&s, &d, lang, today);
            assert!(html.contains("Nước mắm &lt;Cô Ba&gt; &amp; con"), "escaped");
            assert!(!html.contains("<Cô Ba>"));
            assert!(html.contains(&format!("script-src 'sha256-{PRINT_SCRIPT_SHA256}';")));
            assert_eq!(html.matches("<script").count(), 1);
            assert!(!html.contains(" onclick="));
            let mut total = String::new();
            escape_into(&mut total, &format!("{}/{}", a.total, a.max_total));
            assert!(html.contains(&total));
            for p in &a.parts {
                assert!(html.contains(&format!("{}/{}", p.points, p.max)));
            }
            for x in &a.advice {
                let mut w = String::new();
                escape_into(&mut w, &i18n::advice(lang, x, &s));
                assert!(html.contains(&w), "{lang:?}: {w}");
            }
            let end = a.plan_end.expect("end");
            let mut w = String::new();
            escape_into(&mut w, &i18n::plan_end(lang, &end, false));
            assert!(html.contains(&w));
            assert!(html.contains(&i18n::stars(lang, a.stars)));
        }
        let text = i18n::summary_text(Lang::Vi, &s, &d, &a);
        assert!(text.starts_with("Tóm tắt tự đánh giá OCOP\nNước mắm <Cô Ba> & con\nBộ số 9"));
        assert!(text.contains("Làm đủ các việc trên →"));
    }

    #[test]
    fn a_fresh_draft_has_no_stars_and_a_rejected_one_only_its_knock_out() {
        let s = set("QD26-09");
        let d = Draft::new("x", "QD26-09", 1);
        let html = render(&s, &d, Lang::Vi, None);
        assert!(html.contains("Chưa đủ câu trả lời để ước tính hạng sao"));
        assert!(!html.contains("1 sao"));
        assert!(!html.contains("id=\"s-plan\""));
        let mut d = answered(&s);
        d.responses.knock_outs.insert("forged".into(), true);
        let html = render(&s, &d, Lang::Vi, None);
        assert!(html.contains("Hồ sơ bị loại"));
        assert_eq!(html.matches("<li>").count(), 1, "one step: {html}");
        assert!(!html.contains("id=\"s-minimums\""));
        assert!(html.contains("đổi câu trả lời thành “Không”"));
    }

    #[test]
    fn from_interchange_checks_the_set() {
        let rubric = |id: &str| {
            embedded::SETS
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, t)| *t)
                .unwrap_or_default()
        };
        let d = answered(&set("QD26-09"));
        let json = draft::to_json(&d);
        assert!(
            from_interchange(&json, rubric("QD26-09"), "en", "2026-12-01")
                .is_ok_and(|h| h.contains("1 December 2026"))
        );
        assert!(from_interchange(&json, rubric("QD26-07"), "vi", "").is_err());
        assert!(from_interchange("{", rubric("QD26-09"), "vi", "").is_err());
    }
}
