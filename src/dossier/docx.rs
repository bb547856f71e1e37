//! The dossier as an editable Word document (.docx, Office Open XML, ECMA-376 transitional):
//! A4, Times New Roman 13 pt (12 pt in tables), margins of Vietnamese administrative documents
//! (top and bottom 2 cm, left 3 cm, right 2 cm), page numbers in the footer, repeated table
//! headers.
//!
//! Page layout, in the properties both Word and LibreOffice honour (checked on LibreOffice's
//! pages by `tests/pages.rs`): a table row never breaks across pages (`w:cantSplit`) unless it
//! is taller than most of a page; a small table (a signature, a receiving block) stays on one
//! page; the text before a layout table (a signature block) keeps with it (`w:keepNext`), so a
//! signature never starts a page alone; widow and orphan control; a column is never narrower
//! than its longest short word (a criterion code such as "6.1.1").
//!
//! Written directly as XML over a small ZIP writer. Measured for wasm32 (opt-level "z", LTO,
//! wasm-bindgen 0.2.130, wasm-opt -Oz; bytes added to an empty module, raw / brotli):
//! `docx-rs` 0.4.22 +605 KB / +193 KB; XML + `zip` crate (deflate via flate2/miniz_oxide)
//! +98 KB / +48 KB; XML + `zip` stored only +72 KB / +38 KB; XML + this writer + `miniz_oxide`
//! +30 KB / +12 KB (chosen); XML + this writer stored only +7 KB / +3 KB. All text goes through
//! [`escape_into`](super::text::escape_into), so markup in a field stays text and characters
//! XML forbids are dropped.

use super::forms::printed_size;
use super::text::{bidi_closers, escape_into, has_bidi_controls};
use super::zip::{self, Entry};
use super::{
    Align, Block, Cell, Document, Dossier, FieldLine, Figure, Para, ParaStyle, Row, Span, SpanKind,
    Table,
};
use crate::draft::attachments::Kind;
use crate::lang::Lang;

/// MIME type of a .docx file.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A4 in twentieths of a point.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_TOP: u32 = 1134; // 2 cm
const MARGIN_BOTTOM: u32 = 1134;
const MARGIN_LEFT: u32 = 1701; // 3 cm
const MARGIN_RIGHT: u32 = 1134;
const TEXT_W: u32 = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT;
/// One indentation step (0.75 cm).
const INDENT: u32 = 425;

/// Tables 12 pt, small print 11 pt (half-points); body text is 13 pt (in `STYLES`).
const SIZE_TABLE: u32 = 24;
const SIZE_SMALL: u32 = 22;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// Where picture `i` of `d` is stored, relative to `word/`: "media/image1.jpeg".
fn media_name(d: &Dossier, i: usize) -> String {
    let ext = match d.images.get(i).map(|p| p.kind) {
        Some(Kind::Png) => "png",
        _ => "jpeg",
    };
    format!("media/image{}.{ext}", i + 1)
}

/// The dossier as a .docx file. Each picture of the annex is stored once, as
/// `word/media/imageN.jpeg` or `.png` (N its place in [`Dossier::images`], from 1), with the
/// relationship `rIdImgN` from `word/document.xml`.
pub fn render_docx(d: &Dossier) -> Vec<u8> {
    let document = document_xml(d);
    let core = core_xml(d);
    let footer = footer(d);
    let rels = document_rels(d);
    let media: Vec<String> = (0..d.images.len()).map(|i| media_name(d, i)).collect();
    let mut entries = vec![
        Entry {
            name: "[Content_Types].xml",
            data: CONTENT_TYPES.as_bytes(),
        },
        Entry {
            name: "_rels/.rels",
            data: ROOT_RELS.as_bytes(),
        },
        Entry {
            name: "docProps/core.xml",
            data: core.as_bytes(),
        },
        Entry {
            name: "docProps/app.xml",
            data: APP.as_bytes(),
        },
        Entry {
            name: "word/document.xml",
            data: document.as_bytes(),
        },
        Entry {
            name: "word/_rels/document.xml.rels",
            data: rels.as_bytes(),
        },
        Entry {
            name: "word/styles.xml",
            data: STYLES.as_bytes(),
        },
        Entry {
            name: "word/settings.xml",
            data: SETTINGS.as_bytes(),
        },
        Entry {
            name: "word/footer1.xml",
            data: footer.as_bytes(),
        },
    ];
    let names: Vec<String> = media.iter().map(|m| format!("word/{m}")).collect();
    for (name, p) in names.iter().zip(&d.images) {
        entries.push(Entry {
            name,
            data: &p.bytes,
        });
    }
    // Only ZIP64-sized input fails; a dossier is far below 4 GiB (fields are capped at 10,000
    // characters by the draft).
    zip::write(&entries, d.date).unwrap_or_default()
}

/// `word/document.xml` alone (for tests and inspection).
pub fn document_xml(d: &Dossier) -> String {
    let mut w = Writer {
        out: String::with_capacity(256 * 1024),
        page_break: false,
        keep_next: false,
        keep_with_next_block: false,
        drawings: 0,
    };
    w.out
        .push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#);
    w.out.push_str(&format!(
        r#"<w:document xmlns:w="{NS_W}" xmlns:r="{NS_R}" xmlns:wp="{NS_WP}" xmlns:a="{NS_A}" xmlns:pic="{NS_PIC}"><w:body>"#
    ));
    for (i, b) in d.blocks.iter().enumerate() {
        w.keep_with_next_block = keeps_with_next(b, d.blocks.get(i + 1));
        if let Block::Image(f) = b {
            w.image(f, d);
        } else {
            w.block(b);
        }
    }
    if w.page_break {
        w.out
            .push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    }
    w.out.push_str(&format!(
        concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>"#,
            r#"<w:pgSz w:w="{}" w:h="{}"/>"#,
            r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="567" w:footer="567" w:gutter="0"/>"#,
            r#"</w:sectPr></w:body></w:document>"#
        ),
        PAGE_W, PAGE_H, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT
    ));
    w.out
}

/// Whether block `b` stays on the page of the block after it: anything before a layout table
/// (no borders: a signature block, a form's header), so that a signature never starts a page
/// without the text it signs; and a line that introduces a table ("4. Kết quả sản xuất, kinh
/// doanh:", a label without a value, or a paragraph ending with a colon), so that it is never
/// left alone at the foot of a page.
fn keeps_with_next(b: &Block, next: Option<&Block>) -> bool {
    // A picture's title line stays with the picture.
    if let Some(Block::Image(_)) = next {
        return true;
    }
    let Some(Block::Table(t)) = next else {
        return false;
    };
    if !t.borders {
        return true;
    }
    match b {
        Block::Field(f) => f.value.iter().all(|s| s.text.trim().is_empty()),
        Block::Para(p) => p
            .spans
            .last()
            .is_some_and(|s| s.text.trim_end().ends_with(':')),
        _ => false,
    }
}

struct Writer {
    out: String,
    /// A page break waits for the next paragraph (`w:pageBreakBefore`).
    page_break: bool,
    /// The paragraphs being written keep with the next one (the rows of a small table: a
    /// signature or receiving block is never split across pages).
    keep_next: bool,
    /// The block being written keeps with the next block (a layout table follows).
    keep_with_next_block: bool,
    /// Pictures placed so far (each drawing's `wp:docPr` id is the next number).
    drawings: u32,
}

/// Where a paragraph sits: body text or a table cell.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Body,
    Cell,
}

impl Writer {
    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading(h) => {
                let style = match h.level {
                    0 | 1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                let para = Para::new(vec![Span::plain(h.text.clone())]).align(h.align);
                self.para(&para, Place::Body, Some(style));
            }
            Block::Para(p) => self.para(p, Place::Body, None),
            Block::Field(f) => self.field(f),
            Block::Table(t) => self.table(t),
            Block::Notice(ps) => {
                let t = Table {
                    widths: vec![1],
                    rows: vec![Row {
                        cells: vec![Cell::new(ps.clone())],
                        header: false,
                    }],
                    borders: true,
                };
                self.table_with(&t, 12);
            }
            Block::PageBreak => self.page_break = true,
            // Written by `image`, which needs the dossier's pictures.
            Block::Image(_) => {}
        }
    }

    /// A picture of the annex in a centred paragraph of its own: `wp:inline` (in line with
    /// the text, so it flows with the pages as Word and LibreOffice lay them out), its size in
    /// EMU, its caption as the description (read aloud by screen readers), the proportions
    /// locked. A JPEG stored sideways (EXIF orientation 6 or 8) is drawn as stored, at its
    /// stored proportions: neither Word nor LibreOffice applies the EXIF orientation of a
    /// picture in a .docx, and LibreOffice (7.4) drops or crops an inline picture turned a
    /// quarter with `a:xfrm rot` (tried), so turning it here would lose it.
    fn image(&mut self, f: &Figure, d: &Dossier) {
        let Some(p) = d.images.get(f.image) else {
            return;
        };
        self.drawings += 1;
        let id = self.drawings;
        let o = &mut self.out;
        o.push_str("<w:p><w:pPr>");
        if self.page_break {
            o.push_str("<w:pageBreakBefore/>");
            self.page_break = false;
        }
        if self.keep_with_next_block {
            o.push_str("<w:keepNext/>");
        }
        o.push_str(r#"<w:spacing w:before="60" w:after="160" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>"#);
        let (cx, cy) = if p.turns % 2 == 1 {
            printed_size(p.height, p.width)
        } else {
            (f.width_emu, f.height_emu)
        };
        o.push_str(&format!(
            r#"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>"#
        ));
        o.push_str(r#"<wp:effectExtent l="0" t="0" r="0" b="0"/>"#);
        o.push_str(&format!(
            r#"<wp:docPr id="{id}" name="Picture {id}" descr=""#
        ));
        escape_into(o, &f.caption);
        o.push_str(r#""/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#);
        o.push_str(r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#);
        o.push_str(&format!(
            r#"<pic:nvPicPr><pic:cNvPr id="{id}" name="{}" descr=""#,
            media_name(d, f.image).trim_start_matches("media/")
        ));
        escape_into(o, &f.caption);
        o.push_str(
            r#""/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>"#,
        );
        o.push_str(&format!(
            r#"<pic:blipFill><a:blip r:embed="rIdImg{}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
            f.image + 1
        ));
        o.push_str(&format!(
            r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>"#
        ));
        o.push_str("</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>");
    }

    fn field(&mut self, f: &FieldLine) {
        let mut spans = Vec::with_capacity(f.value.len() + 2);
        if !f.number.is_empty() {
            spans.push(Span::plain(format!("{} ", f.number)));
        }
        let bold = !f.number.is_empty() && f.number != "-" && f.value.is_empty();
        spans.push(Span {
            text: format!("{}:", f.label),
            bold,
            ..Span::default()
        });
        if !f.value.is_empty() {
            spans.push(Span::plain(" "));
        }
        spans.extend(f.value.iter().cloned());
        let p = Para::new(spans).indent(f.indent);
        self.para(&p, Place::Body, None);
    }

    fn para(&mut self, p: &Para, place: Place, style: Option<&str>) {
        let o = &mut self.out;
        o.push_str("<w:p><w:pPr>");
        if let Some(s) = style {
            o.push_str(&format!(r#"<w:pStyle w:val="{s}"/>"#));
        }
        if place == Place::Body && self.page_break {
            o.push_str("<w:pageBreakBefore/>");
            self.page_break = false;
        }
        let keep = match place {
            Place::Cell => self.keep_next,
            Place::Body => self.keep_with_next_block,
        };
        if keep {
            o.push_str("<w:keepNext/>");
        }
        if place == Place::Cell {
            o.push_str(r#"<w:spacing w:before="20" w:after="20"/>"#);
        }
        if p.indent > 0 {
            o.push_str(&format!(
                r#"<w:ind w:left="{}"/>"#,
                u32::from(p.indent) * INDENT
            ));
        }
        let jc = match p.align {
            Align::Left => None,
            Align::Center => Some("center"),
            Align::Right => Some("right"),
            Align::Justify => Some("both"),
        };
        if let Some(jc) = jc {
            o.push_str(&format!(r#"<w:jc w:val="{jc}"/>"#));
        }
        o.push_str("</w:pPr>");
        let size = match (p.style, place) {
            (ParaStyle::Small, _) => Some(SIZE_SMALL),
            (_, Place::Cell) => Some(SIZE_TABLE),
            _ => None,
        };
        let italic = p.style == ParaStyle::Guidance;
        for s in &p.spans {
            run(o, s, size, italic);
        }
        o.push_str("</w:p>");
    }

    fn table(&mut self, t: &Table) {
        self.table_with(t, 4);
    }

    fn table_with(&mut self, t: &Table, border: u32) {
        if self.page_break {
            // A table cannot carry the break itself.
            self.out
                .push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
            self.page_break = false;
        }
        let total: u32 = t.widths.iter().map(|w| u32::from(*w)).sum::<u32>().max(1);
        let mut cols: Vec<u32> = t
            .widths
            .iter()
            .map(|w| u32::from(*w) * TEXT_W / total)
            .collect();
        fit_short_words(t, &mut cols);
        let o = &mut self.out;
        o.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_W}" w:type="dxa"/>"#
        ));
        if t.borders {
            o.push_str("<w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                o.push_str(&format!(
                    r#"<w:{side} w:val="single" w:sz="{border}" w:space="0" w:color="000000"/>"#
                ));
            }
            o.push_str("</w:tblBorders>");
        }
        o.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
        o.push_str(r#"<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>"#);
        o.push_str(r#"<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#);
        o.push_str("</w:tblPr><w:tblGrid>");
        for c in &cols {
            o.push_str(&format!(r#"<w:gridCol w:w="{c}"/>"#));
        }
        o.push_str("</w:tblGrid>");
        // A small table (a signature, a receiving block: up to 4 rows) stays on one page: each
        // row keeps with the next. Long tables (the scores) may break between rows. The last
        // row keeps with what follows when a layout table (a signature) follows.
        let small = t.rows.len() <= 4;
        let keep_after = self.keep_with_next_block;
        for (i, row) in t.rows.iter().enumerate() {
            let last = i + 1 == t.rows.len();
            self.keep_next = (small && !last) || (last && keep_after);
            // Rows do not break across pages. A row taller than most of a page must: Word splits
            // it anyway, but LibreOffice (7.4) drops the end of a `cantSplit` row taller than a
            // page, so such a row is left free to break.
            self.out.push_str("<w:tr><w:trPr>");
            if row_lines(row, &cols) <= SPLIT_LINES {
                self.out.push_str("<w:cantSplit/>");
            }
            if row.header {
                self.out.push_str("<w:tblHeader/>");
            }
            self.out.push_str("</w:trPr>");
            let mut col = 0usize;
            for cell in &row.cells {
                let span = usize::from(cell.span.max(1));
                let width: u32 = cols.iter().skip(col).take(span).sum();
                col += span;
                self.cell(cell, width, row.header);
            }
            self.out.push_str("</w:tr>");
        }
        self.keep_next = false;
        self.keep_with_next_block = false;
        self.out.push_str("</w:tbl>");
        // Word merges two tables that touch; keep them apart with an empty paragraph (which
        // passes the keep on, or the chain to a signature would break here).
        let keep = if keep_after { "<w:keepNext/>" } else { "" };
        self.out.push_str(&format!(
            r#"<w:p><w:pPr>{keep}<w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="12"/></w:rPr></w:pPr></w:p>"#
        ));
    }

    fn cell(&mut self, c: &Cell, width: u32, header: bool) {
        self.out.push_str(&format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
        ));
        if c.span > 1 {
            self.out
                .push_str(&format!(r#"<w:gridSpan w:val="{}"/>"#, c.span));
        }
        if c.shaded || header {
            self.out
                .push_str(r#"<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>"#);
        }
        self.out.push_str("</w:tcPr>");
        if c.paras.is_empty() {
            self.out.push_str("<w:p/>");
        }
        for p in &c.paras {
            if header {
                let mut p = p.clone();
                for s in &mut p.spans {
                    s.bold = true;
                }
                if p.align == Align::Left {
                    p.align = Align::Center;
                }
                self.para(&p, Place::Cell, None);
            } else {
                self.para(p, Place::Cell, None);
            }
        }
        self.out.push_str("</w:tc>");
    }
}

/// Cell margins, left and right (`w:tblCellMar`), in twips.
const CELL_MARGINS: u32 = 2 * 85;
/// A row estimated taller than this (lines of 12 pt; a page holds about 46) may break across
/// pages.
const SPLIT_LINES: u32 = 40;
/// Words up to this long are never broken inside: their column is widened to hold them.
const SHORT_WORD: usize = 12;

/// The width of `text` in thousandths of an em, in Times New Roman (Liberation Serif has the
/// same advances), rounded up by letter class: digits 0.5 em, '.' 0.25 em and so on.
fn text_milli_em(text: &str) -> u32 {
    text.chars()
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'j' | 'l' | 'I' => 280,
            '/' | '(' | ')' | '[' | ']' | '-' | 'f' | 'r' | 't' => 340,
            '0'..='9' => 500,
            'm' | 'w' | 'M' | 'W' | '…' | '—' => 1000,
            c if c.is_uppercase() => 740,
            _ => 520,
        })
        .sum()
}

/// The size in half-points a paragraph of a cell is set in.
fn cell_size(p: &Para) -> u32 {
    if p.style == ParaStyle::Small {
        SIZE_SMALL
    } else {
        SIZE_TABLE
    }
}

/// Widen each column to its longest short word (a criterion code "6.1.1", a points "25/25"),
/// taking the room from the columns that have some to spare. A word wider than its cell is
/// broken anywhere by Word and LibreOffice alike, whatever else the file says: LibreOffice
/// ignores `w:noWrap` and breaks a word joined by U+2060 as well (tried on 7.4), and Word
/// applies `w:noWrap` only to tables without a fixed layout. A wide enough column is what both
/// honour, and it leaves the text as typed (a code still searches as "6.1.1").
fn fit_short_words(t: &Table, cols: &mut [u32]) {
    let mut need: Vec<u32> = vec![0; cols.len()];
    for row in &t.rows {
        let mut col = 0usize;
        for cell in &row.cells {
            let span = usize::from(cell.span.max(1));
            if span == 1 && col < need.len() {
                for p in &cell.paras {
                    // Bold (header) letters are about 5 % wider.
                    let size = cell_size(p) * if row.header { 105 } else { 100 } / 100;
                    for s in &p.spans {
                        for word in s.text.split_whitespace() {
                            if word.chars().count() <= SHORT_WORD {
                                let twips = text_milli_em(word) * size * 10 / 1000;
                                need[col] = need[col].max(twips + CELL_MARGINS + 30);
                            }
                        }
                    }
                }
            }
            col += span;
        }
    }
    let deficit: u32 = cols
        .iter()
        .zip(&need)
        .map(|(c, n)| n.saturating_sub(*c))
        .sum();
    let slack: u32 = cols
        .iter()
        .zip(&need)
        .map(|(c, n)| c.saturating_sub(*n))
        .sum();
    if deficit == 0 || slack < deficit {
        return;
    }
    let mut taken = 0;
    for (c, n) in cols.iter_mut().zip(&need) {
        if *c < *n {
            *c = *n;
        } else {
            let t = (*c - *n) * deficit / slack;
            *c -= t;
            taken += t;
        }
    }
    // What rounding left over comes from the column with the most to spare.
    if let Some((c, _)) = cols
        .iter_mut()
        .zip(&need)
        .max_by_key(|(c, n)| c.saturating_sub(**n))
    {
        *c = c.saturating_sub(deficit - taken);
    }
}

/// The estimated height of a row in lines: its tallest cell, each paragraph's text at about
/// 0.45 em a character (Vietnamese text in Times), at least one line a paragraph.
fn row_lines(row: &Row, cols: &[u32]) -> u32 {
    let mut col = 0usize;
    row.cells
        .iter()
        .map(|cell| {
            let span = usize::from(cell.span.max(1));
            let width: u32 = cols.iter().skip(col).take(span).sum();
            col += span;
            let room = width.saturating_sub(CELL_MARGINS).max(200);
            cell.paras
                .iter()
                .map(|p| {
                    let text: String = p.spans.iter().map(|s| s.text.as_str()).collect();
                    let breaks = u32::try_from(text.matches('\n').count()).unwrap_or(u32::MAX);
                    let chars = u32::try_from(text.chars().count()).unwrap_or(u32::MAX);
                    let twips = chars.saturating_mul(450 * cell_size(p) * 10 / 1000);
                    twips.div_ceil(room).max(1).saturating_add(breaks)
                })
                .fold(0u32, u32::saturating_add)
        })
        .max()
        .unwrap_or(1)
}

/// One `w:r` per line of the span; tabs become `w:tab`, line feeds `w:br`.
fn run(o: &mut String, s: &Span, size: Option<u32>, italic: bool) {
    if s.text.is_empty() {
        return;
    }
    let mut props = String::new();
    if let SpanKind::Check(_) = s.kind {
        props.push_str(
            r#"<w:rFonts w:ascii="Segoe UI Symbol" w:hAnsi="Segoe UI Symbol" w:cs="Segoe UI Symbol"/>"#,
        );
    }
    if s.bold {
        props.push_str("<w:b/>");
    }
    if s.italic || italic {
        props.push_str("<w:i/>");
    }
    if let Some(sz) = size {
        props.push_str(&format!(r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#));
    }
    if s.kind == SpanKind::Missing {
        props.push_str(r#"<w:highlight w:val="yellow"/>"#);
    }
    o.push_str("<w:r>");
    if !props.is_empty() {
        o.push_str("<w:rPr>");
        o.push_str(&props);
        o.push_str("</w:rPr>");
    }
    let closers = if s.kind == SpanKind::User && has_bidi_controls(&s.text) {
        bidi_closers(&s.text)
    } else {
        String::new()
    };
    let text = s.text.as_str();
    let mut first_line = true;
    for line in text.split('\n') {
        if !first_line {
            o.push_str("<w:br/>");
        }
        first_line = false;
        let mut first_cell = true;
        for piece in line.split('\t') {
            if !first_cell {
                o.push_str("<w:tab/>");
            }
            first_cell = false;
            if !piece.is_empty() {
                o.push_str(r#"<w:t xml:space="preserve">"#);
                escape_into(o, piece);
                o.push_str("</w:t>");
            }
        }
    }
    if !closers.is_empty() {
        o.push_str(r#"<w:t xml:space="preserve">"#);
        o.push_str(&closers);
        o.push_str("</w:t>");
    }
    o.push_str("</w:r>");
}

fn core_xml(d: &Dossier) -> String {
    let mut o = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
        "<dc:title>"
    ));
    escape_into(&mut o, &d.title);
    o.push_str("</dc:title><dc:creator>");
    escape_into(&mut o, &d.author.chars().take(200).collect::<String>());
    o.push_str("</dc:creator><dc:language>");
    o.push_str(match d.lang {
        crate::i18n::Lang::Vi => "vi-VN",
        crate::i18n::Lang::En => "en",
    });
    o.push_str("</dc:language>");
    if let Some(date) = d.date {
        o.push_str(&format!(
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{}T00:00:00Z</dcterms:created>"#,
            date.iso()
        ));
    }
    o.push_str("</cp:coreProperties>");
    o
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Default Extension="jpeg" ContentType="image/jpeg"/>"#,
    r#"<Default Extension="png" ContentType="image/png"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    r#"</Types>"#
);

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"</Relationships>"#
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
);

/// `word/_rels/document.xml.rels`: the styles, settings, footer and one relationship per
/// picture (`rIdImgN` → `media/imageN.jpeg|png`).
fn document_rels(d: &Dossier) -> String {
    let mut o = String::from(DOCUMENT_RELS);
    for i in 0..d.images.len() {
        o.push_str(&format!(
            r#"<Relationship Id="rIdImg{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="{}"/>"#,
            i + 1,
            media_name(d, i)
        ));
    }
    o.push_str("</Relationships>");
    o
}

const APP: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
    r#"<Application>OCOP self-check</Application></Properties>"#
);

const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>"#,
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    r#"</w:settings>"#
);

/// The footer of every page: the page number, after a line saying what the document is when it
/// is not filed as it stands (an English reading copy, the working copy), so that a single page
/// cannot be taken for the copy to file.
fn footer(d: &Dossier) -> String {
    let label = match (d.lang, d.document) {
        (Lang::En, _) => Some("English reading copy – not for filing (bản tiếng Anh chỉ để đọc)"),
        (Lang::Vi, Document::Working) => Some("Bản làm việc – không nộp kèm hồ sơ"),
        (Lang::Vi, _) => None,
    };
    let mut out = String::from(FOOTER_START);
    if let Some(l) = label {
        out.push_str(r#"<w:r><w:rPr><w:i/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve">"#);
        out.push_str(l);
        out.push_str(" · </w:t></w:r>");
    }
    out.push_str(FOOTER_PAGE);
    out
}

const FOOTER_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#,
);

const FOOTER_PAGE: &str = concat!(
    r#"<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>"#,
    r#"<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
    r#"<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>"#,
    r#"<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t>1</w:t></w:r>"#,
    r#"<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>"#,
    r#"</w:p></w:ftr>"#
);

const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:docDefaults><w:rPrDefault><w:rPr>"#,
    r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#,
    r#"<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>"#,
    r#"</w:rPr></w:rPrDefault>"#,
    r#"<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>"#,
    r#"</w:docDefaults>"#,
    r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>"#,
    r#"<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>"#,
    r#"<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="2"/></w:pPr>"#,
    r#"<w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>"#,
    r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>"#,
    r#"<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    r#"</w:styles>"#
);
