//! The dossier as one self-contained printable HTML page: A4 `@page`, serif 13 pt, a page break
//! before Mẫu 02 and before the annex. Every text is escaped (see
//! [`escape_into`](super::text::escape_into)); the producer's text is wrapped in `<bdi>` so that
//! direction marks in it cannot reorder the form around it.
//!
//! On screen the page reads on a 360 px phone: tables are laid out by their content (each column
//! at least as wide as its longest word, so a header is never broken letter by letter; below
//! 40 em the .docx's column proportions give way to the content) inside a wrapper that scrolls
//! sideways when a table is still too wide; only the producer's own text and the dotted leaders
//! may break inside a word. In print the tables keep the .docx's fixed column widths.
//!
//! A print button sits at the top on screen (hidden in print), wired by the page's one script,
//! a line allowed by its hash (`script-src 'sha256-…'`; no inline handler, no
//! `'unsafe-hashes'`, nothing else may run). The app opens the page as a `blob:` document, which
//! also inherits the app's own policy, so `index.html`'s `script-src` lists the same hash (a test
//! checks both). Should a browser still refuse it, the line beside the button says to use the
//! browser's Print.

use super::text::escape_into;
use super::{
    Align, Block, Cell, Dossier, FieldLine, Figure, Para, ParaStyle, Span, SpanKind, Table,
};

const CSS: &str = r#"
@page { size: A4; margin: 20mm 20mm 20mm 30mm; }
html { background: #eee; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt;
  line-height: 1.3; color: #000; background: #fff; max-width: 210mm; margin: 0 auto; padding: 20mm 20mm 20mm 30mm;
  box-sizing: border-box; overflow-wrap: break-word; }
bdi, .miss, .ld { overflow-wrap: anywhere; }
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
.tw { margin: 2pt 0 8pt; }
table { width: 100%; border-collapse: collapse; table-layout: auto; font-size: 12pt; }
td, th { vertical-align: top; padding: 2pt 4pt; overflow-wrap: normal; }
table.grid td, table.grid th { border: 1px solid #000; }
th, td.sh { background: #e7e6e6; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.notice { border: 2px solid #000; padding: 4pt 8pt; margin: 6pt 0 10pt; }
.pb { break-before: page; page-break-before: always; }
.kn { break-after: avoid; page-break-after: avoid; }
.fig { text-align: center; margin: 2pt 0 10pt; break-inside: avoid; page-break-inside: avoid; }
.fig img { max-width: 100%; height: auto; max-height: 220mm; object-fit: contain; }
#print-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; border-bottom: 1px solid #999;
  margin: 0 0 8pt; padding: 0 0 8px; font-family: system-ui, sans-serif; font-size: 13px; line-height: 1.3; }
#print-bar button { font: inherit; font-size: 16px; font-weight: bold; min-height: 44px; padding: 8px 20px; cursor: pointer; }
#print-bar span { flex: 1 1 12em; }
@media screen { .tw { overflow-x: auto; } }
@media screen and (max-width: 40em) {
  table { font-size: 11pt; }
  td, th { padding: 2pt 3pt; }
  col { width: auto !important; }
}
@media print {
  html, body { background: #fff; }
  body { max-width: none; margin: 0; padding: 0; }
  #print-bar { display: none; }
  table { table-layout: fixed; }
  .miss { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  th, td.sh { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media screen and (max-width: 220mm) { body { padding: 6mm; } }
"#;

/// The page's one script: the print button's wiring.
pub const PRINT_SCRIPT: &str =
    "document.getElementById(\"print\").addEventListener(\"click\",function(){window.print()})";
/// base64(SHA-256([`PRINT_SCRIPT`])), for the policies' `'sha256-…'` source (this page's and
/// `index.html`'s; a test checks both).
pub const PRINT_SCRIPT_SHA256: &str = "Gs3RPThqLfZRb0PB6aWVEFTkDd2OLQkOmBrP8NYUpo0=";

/// The dossier as a printable HTML page.
pub fn render_html(d: &Dossier) -> String {
    let mut o = String::with_capacity(256 * 1024);
    o.push_str("<!doctype html>\n<html lang=\"");
    o.push_str(d.lang.tag());
    o.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-{PRINT_SCRIPT_SHA256}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
    ));
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    escape_into(&mut o, &d.title);
    o.push_str("</title>\n<style>");
    o.push_str(CSS);
    o.push_str("</style>\n</head>\n<body>\n");
    o.push_str(&format!(
        "<div id=\"print-bar\"><button type=\"button\" id=\"print\">In / Print</button><span>{}</span></div>\n<script>{PRINT_SCRIPT}</script>\n",
        d.lang.pick(
            "Nếu nút không chạy, dùng lệnh In của trình duyệt (có thể lưu thành PDF).",
            "If the button does nothing, use the browser's Print command (it can save a PDF).",
        )
    ));
    let mut page_break = false;
    for (i, b) in d.blocks.iter().enumerate() {
        match b {
            Block::PageBreak => {
                page_break = true;
                continue;
            }
            Block::Image(f) => figure(&mut o, f, d, std::mem::take(&mut page_break)),
            // A picture's title line stays on the picture's page.
            Block::Para(p) if matches!(d.blocks.get(i + 1), Some(Block::Image(_))) => {
                let pb = if std::mem::take(&mut page_break) {
                    "pb kn"
                } else {
                    "kn"
                };
                para(&mut o, p, pb);
            }
            _ => block(&mut o, b, std::mem::take(&mut page_break)),
        }
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
        Block::PageBreak | Block::Image(_) => {}
    }
}

/// A picture of the annex: an `<img>` with the file as a `data:` URL, its printed size as
/// width and height (CSS pixels, 96 an inch), the caption as `alt`; on a narrow screen it
/// shrinks to the width, in print it keeps its size within the page and is never split.
fn figure(o: &mut String, f: &Figure, d: &Dossier, page_break: bool) {
    let Some(p) = d.images.get(f.image) else {
        return;
    };
    o.push_str("<p");
    classes(o, &["fig", if page_break { "pb" } else { "" }]);
    let px = |emu: u32| (emu + 4762) / 9525;
    o.push_str(&format!(
        "><img width=\"{}\" height=\"{}\" alt=\"",
        px(f.width_emu).max(1),
        px(f.height_emu).max(1)
    ));
    escape_into(o, &f.caption);
    o.push_str("\" src=\"data:");
    o.push_str(p.kind.mime());
    o.push_str(";base64,");
    base64_into(o, &p.bytes);
    o.push_str("\"></p>");
}

/// Standard base64 (RFC 4648 §4, with padding).
fn base64_into(o: &mut String, bytes: &[u8]) {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    o.reserve(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(c.get(1).copied().unwrap_or(0)) << 8)
            | u32::from(c.get(2).copied().unwrap_or(0));
        for i in 0..4 {
            if i <= c.len() {
                o.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                o.push('=');
            }
        }
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
        if s.kind == SpanKind::Plain {
            escape_form_text(o, line);
        } else {
            escape_into(o, line);
        }
    }
    if s.italic {
        o.push_str("</i>");
    }
    if s.bold {
        o.push_str("</b>");
    }
    o.push_str(close);
}

/// A dotted leader ("……………", "........"): where the form leaves room to write by hand.
fn is_leader(c: char) -> bool {
    c == '…' || c == '.'
}

/// The forms' own text, escaped, with two places where a phone may wrap that a browser would
/// not: each dotted leader of four dots or more goes in `<span class="ld">` (a leader is one
/// long unbreakable word to the browser; it may wrap anywhere), and a `<wbr>` follows a '/'
/// between letters ("VietGAP/GlobalGAP/hữu cơ"; not "3/5" nor a date).
fn escape_form_text(o: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        // The next run of at least four leader characters.
        let mut found = None;
        let mut start = None;
        let mut count = 0;
        for (i, c) in rest.char_indices() {
            if is_leader(c) {
                if start.is_none() {
                    start = Some(i);
                }
                count += 1;
            } else {
                if let (Some(st), true) = (start, count >= 4) {
                    found = Some((st, i));
                    break;
                }
                start = None;
                count = 0;
            }
        }
        if found.is_none() {
            if let (Some(st), true) = (start, count >= 4) {
                found = Some((st, rest.len()));
            }
        }
        let Some((a, b)) = found else {
            escape_slashes(o, rest);
            return;
        };
        escape_slashes(o, &rest[..a]);
        o.push_str("<span class=\"ld\">");
        escape_into(o, &rest[a..b]);
        o.push_str("</span>");
        rest = &rest[b..];
    }
}

fn escape_slashes(o: &mut String, text: &str) {
    let mut from = 0;
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '/'
            && prev.is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_alphabetic)
        {
            escape_into(o, &text[from..=i]);
            o.push_str("<wbr>");
            from = i + 1;
        }
        prev = Some(c);
    }
    escape_into(o, &text[from..]);
}

fn table(o: &mut String, t: &Table, extra: &str) {
    // The wrapper scrolls sideways on a screen too narrow for the table.
    o.push_str("<div");
    classes(o, &["tw", extra]);
    o.push_str("><table");
    classes(o, &[if t.borders { "grid" } else { "" }]);
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
    o.push_str("</tbody></table></div>");
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

#[cfg(test)]
mod tests {
    use super::*;

    /// SHA-256 (FIPS 180-4), small and slow: enough to check one constant.
    fn sha256(data: &[u8]) -> [u8; 32] {
        const K: [u32; 64] = [
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
            0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
            0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
            0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
            0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
            0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
            0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
            0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
            0xc67178f2,
        ];
        let mut h: [u32; 8] = [
            0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
            0x5be0cd19,
        ];
        let mut msg = data.to_vec();
        let bits = (data.len() as u64).wrapping_mul(8);
        msg.push(0x80);
        while msg.len() % 64 != 56 {
            msg.push(0);
        }
        msg.extend_from_slice(&bits.to_be_bytes());
        for block in msg.chunks(64) {
            let mut w = [0u32; 64];
            for (i, word) in block.chunks(4).enumerate() {
                w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
            }
            for i in 16..64 {
                let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
                let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16]
                    .wrapping_add(s0)
                    .wrapping_add(w[i - 7])
                    .wrapping_add(s1);
            }
            let mut v = h;
            for i in 0..64 {
                let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
                let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
                let t1 = v[7]
                    .wrapping_add(s1)
                    .wrapping_add(ch)
                    .wrapping_add(K[i])
                    .wrapping_add(w[i]);
                let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
                let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
                let t2 = s0.wrapping_add(maj);
                v = [
                    t1.wrapping_add(t2),
                    v[0],
                    v[1],
                    v[2],
                    v[3].wrapping_add(t1),
                    v[4],
                    v[5],
                    v[6],
                ];
            }
            for (x, y) in h.iter_mut().zip(v) {
                *x = x.wrapping_add(y);
            }
        }
        let mut out = [0u8; 32];
        for (i, x) in h.iter().enumerate() {
            out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
        }
        out
    }

    fn base64(bytes: &[u8]) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        for c in bytes.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for i in 0..4 {
                if i <= c.len() {
                    out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    #[test]
    fn the_policy_allows_the_print_script_by_its_hash_and_nothing_else() {
        assert_eq!(
            base64(&sha256(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            base64(&sha256(PRINT_SCRIPT.as_bytes())),
            PRINT_SCRIPT_SHA256
        );
        // The app opens the page as a blob: document, under its own policy too.
        let index = include_str!("../../index.html");
        let app_csp = index
            .split("Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default();
        assert!(
            app_csp.contains(&format!(
                "script-src 'self' 'wasm-unsafe-eval' 'sha256-{PRINT_SCRIPT_SHA256}';"
            )),
            "{app_csp}"
        );
        let d = Dossier {
            lang: crate::lang::Lang::Vi,
            document: super::super::Document::Filing,
            title: "t".into(),
            author: String::new(),
            date: None,
            blocks: Vec::new(),
            missing: Vec::new(),
            problems: Vec::new(),
            unanswered: Vec::new(),
            blanks: Vec::new(),
            images: Vec::new(),
        };
        let html = render_html(&d);
        let csp = html
            .split("Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default();
        assert!(csp.contains(&format!("script-src 'sha256-{PRINT_SCRIPT_SHA256}';")));
        let script_src = csp
            .split("script-src")
            .nth(1)
            .and_then(|s| s.split(';').next());
        assert!(!script_src.unwrap_or_default().contains("unsafe"));
        assert_eq!(html.matches("<script").count(), 1);
        assert!(html.contains(&format!("<script>{PRINT_SCRIPT}</script>")));
        assert!(!html.contains(" onclick="));
    }
}
