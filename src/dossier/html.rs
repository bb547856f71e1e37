//! The dossier as one self-contained printable HTML page: A4 `@page`, serif 13 pt, a page break
//! before Mẫu 02 and before the annex, no scripts and a Content-Security-Policy that forbids
//! them. Every text is escaped (see [`escape_into`](super::text::escape_into)); the producer's
//! text is wrapped in `<bdi>` so that direction marks in it cannot reorder the form around it.

use super::text::escape_into;
use super::{Align, Block, Cell, Dossier, FieldLine, Para, ParaStyle, Span, SpanKind, Table};

const CSS: &str = r#"
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
html { background: #eee; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt;
  line-height: 1.3; color: #000; background: #fff; max-width: 210mm; margin: 0 auto; padding: 20mm 20mm 20mm 30mm;
  box-sizing: border-box; overflow-wrap: anywhere; word-break: break-word; }
h1 { font-size: 14pt; text-align: center; margin: 12pt 0 6pt; }
h2 { font-size: 13pt; margin: 10pt 0 4pt; }
h3 { font-size: 13pt; margin: 8pt 0 4pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 4pt; }
.c { text-align: center; } .r { text-align: right; } .j { text-align: justify; }
.g { font-style: italic; } .s { font-size: 11pt; }
.i1 { margin-left: 0.75cm; } .i2 { margin-left: 1.5cm; } .i3 { margin-left: 2.25cm; }
.miss { background: #ff0; font-style: italic; }
.box { font-family: "Segoe UI Symbol", "DejaVu Sans", sans-serif; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2pt 0 8pt; font-size: 12pt; }
td, th { vertical-align: top; padding: 2pt 4pt; }
table.grid td, table.grid th { border: 1px solid #000; }
th, td.sh { background: #e7e6e6; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.notice { border: 2px solid #000; padding: 4pt 8pt; margin: 6pt 0 10pt; }
.pb { break-before: page; page-break-before: always; }
@media print {
  html, body { background: #fff; }
  body { max-width: none; margin: 0; padding: 0; }
  .miss { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th, td.sh { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media screen and (max-width: 220mm) { body { padding: 6mm; } }
"#;

/// The dossier as a printable HTML page.
pub fn render_html(d: &Dossier) -> String {
    let mut o = String::with_capacity(256 * 1024);
    o.push_str("<!doctype html>\n<html lang=\"");
    o.push_str(d.lang.tag());
    o.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    escape_into(&mut o, &d.title);
    o.push_str("</title>\n<style>");
    o.push_str(CSS);
    o.push_str("</style>\n</head>\n<body>\n");
    let mut page_break = false;
    for b in &d.blocks {
        if let Block::PageBreak = b {
            page_break = true;
            continue;
        }
        block(&mut o, b, std::mem::take(&mut page_break));
        o.push('\n');
    }
    o.push_str("</body>\n</html>\n");
    o
}

fn classes(o: &mut String, list: &[&str]) {
    let list: Vec<&str> = list.iter().copied().filter(|c| !c.is_empty()).collect();
    if !list.is_empty() {
        o.push_str(" class=\"");
        o.push_str(&list.join(" "));
        o.push('"');
    }
}

fn align_class(a: Align) -> &'static str {
    match a {
        Align::Left => "",
        Align::Center => "c",
        Align::Right => "r",
        Align::Justify => "j",
    }
}

fn indent_class(n: u8) -> &'static str {
    match n {
        0 => "",
        1 => "i1",
        2 => "i2",
        _ => "i3",
    }
}

fn block(o: &mut String, b: &Block, page_break: bool) {
    let pb = if page_break { "pb" } else { "" };
    match b {
        Block::Heading(h) => {
            let tag = match h.level {
                0 | 1 => "h1",
                2 => "h2",
                _ => "h3",
            };
            o.push('<');
            o.push_str(tag);
            let a = if h.level <= 1 {
                ""
            } else {
                align_class(h.align)
            };
            classes(o, &[a, pb]);
            o.push('>');
            escape_into(o, &h.text);
            o.push_str("</");
            o.push_str(tag);
            o.push('>');
        }
        Block::Para(p) => para(o, p, pb),
        Block::Field(f) => field(o, f, pb),
        Block::Table(t) => table(o, t, pb),
        Block::Notice(ps) => {
            o.push_str("<div");
            classes(o, &["notice", pb]);
            o.push('>');
            for p in ps {
                para(o, p, "");
            }
            o.push_str("</div>");
        }
        Block::PageBreak => {}
    }
}

fn para(o: &mut String, p: &Para, extra: &str) {
    o.push_str("<p");
    let style = match p.style {
        ParaStyle::Normal => "",
        ParaStyle::Guidance => "g",
        ParaStyle::Small => "s",
    };
    classes(
        o,
        &[align_class(p.align), indent_class(p.indent), style, extra],
    );
    o.push('>');
    spans(o, &p.spans);
    o.push_str("</p>");
}

fn field(o: &mut String, f: &FieldLine, extra: &str) {
    o.push_str("<p");
    classes(o, &[indent_class(f.indent), extra]);
    o.push('>');
    if !f.number.is_empty() {
        escape_into(o, &f.number);
        o.push(' ');
    }
    let bold = !f.number.is_empty() && f.number != "-" && f.value.is_empty();
    if bold {
        o.push_str("<b>");
    }
    escape_into(o, &f.label);
    o.push(':');
    if bold {
        o.push_str("</b>");
    }
    if !f.value.is_empty() {
        o.push(' ');
        spans(o, &f.value);
    }
    o.push_str("</p>");
}

fn spans(o: &mut String, list: &[Span]) {
    for s in list {
        span(o, s);
    }
}

fn span(o: &mut String, s: &Span) {
    if s.text.is_empty() {
        return;
    }
    let (open, close) = match s.kind {
        SpanKind::Plain => ("", ""),
        SpanKind::User => ("<bdi>", "</bdi>"),
        SpanKind::Missing => ("<span class=\"miss\">", "</span>"),
        SpanKind::Check(true) => (
            "<span class=\"box\" role=\"img\" aria-label=\"☒\">",
            "</span>",
        ),
        SpanKind::Check(false) => (
            "<span class=\"box\" role=\"img\" aria-label=\"☐\">",
            "</span>",
        ),
    };
    o.push_str(open);
    if s.bold {
        o.push_str("<b>");
    }
    if s.italic {
        o.push_str("<i>");
    }
    let mut first = true;
    for line in s.text.split('\n') {
        if !first {
            o.push_str("<br>");
        }
        first = false;
        escape_into(o, line);
    }
    if s.italic {
        o.push_str("</i>");
    }
    if s.bold {
        o.push_str("</b>");
    }
    o.push_str(close);
}

fn table(o: &mut String, t: &Table, extra: &str) {
    o.push_str("<table");
    classes(o, &[if t.borders { "grid" } else { "" }, extra]);
    o.push_str("><colgroup>");
    let total: u32 = t.widths.iter().map(|w| u32::from(*w)).sum::<u32>().max(1);
    for w in &t.widths {
        let pct = u32::from(*w) * 1000 / total;
        o.push_str(&format!("<col style=\"width:{}.{}%\">", pct / 10, pct % 10));
    }
    o.push_str("</colgroup>");
    let head: Vec<_> = t.rows.iter().take_while(|r| r.header).collect();
    if !head.is_empty() {
        o.push_str("<thead>");
        for r in &head {
            o.push_str("<tr>");
            for c in &r.cells {
                cell(o, c, "th");
            }
            o.push_str("</tr>");
        }
        o.push_str("</thead>");
    }
    o.push_str("<tbody>");
    for r in t.rows.iter().skip(head.len()) {
        o.push_str("<tr>");
        for c in &r.cells {
            cell(o, c, if r.header { "th" } else { "td" });
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
}

fn cell(o: &mut String, c: &Cell, tag: &str) {
    o.push('<');
    o.push_str(tag);
    if c.span > 1 {
        o.push_str(&format!(" colspan=\"{}\"", c.span));
    }
    if c.shaded && tag == "td" {
        o.push_str(" class=\"sh\"");
    }
    o.push('>');
    for p in &c.paras {
        para(o, p, "");
    }
    o.push_str("</");
    o.push_str(tag);
    o.push('>');
}
