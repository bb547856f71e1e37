//! The documents of Decision 26/2026/QĐ-TTg (Điều 6, 7, Phụ lục III) drafted from a draft
//! ([`Document`]): the **filing copy** (Mẫu 01, the registration form; Mẫu 02, the
//! self-assessment report, Parts I–IV; and the evidence annex Mẫu 02 asks for), the producer's
//! **working copy** (the estimate, what is still blank, advice; never filed), and **Mẫu 03**, the
//! commune's report, for the commune officer to complete.
//!
//! [`build`] turns a draft and its assessment into a [`Dossier`], a small renderer-independent
//! document model (headings, paragraphs, label/value fields, tick boxes, tables, page breaks).
//! The forms are the decision's text word for word; where the draft has nothing, the form's
//! dotted leader stays, as on a form filled by hand, and the blank is recorded
//! ([`Dossier::blanks`], equal to [`crate::draft::blanks`]). The forms are written in `forms/`,
//! one file per form. Renderers: [`render_docx`] (an editable Word file,
//! written by a small OOXML writer of our own, see [`docx`]) and [`render_html`] (a
//! self-contained printable page). Plain Rust: no browser import, no clock (today's date is
//! passed in).
//!
//! Every caller goes through one chain, "parse, check, find the catalogue entry, assess, build":
//! [`from_interchange`] at the string boundary (the on-demand wasm module), [`from_draft`] for a
//! draft already read and checked (the CLI, tests, benches).
//!
//! The wording is checked against `docs/forms-qd26-2026.md` by `tests/dossier_forms.rs`. Official
//! form titles stay Vietnamese in both languages; `Lang::En` glosses headings and labels in
//! English for reading, and opens the document with a framed line saying so (file the Vietnamese
//! version).

pub mod docx;
mod forms;
mod html;
pub mod summary;
mod text;
pub(crate) mod zip;

pub use docx::render_docx;
pub use forms::{build, build_with_files};
pub use html::{render_html, PRINT_SCRIPT};
pub use text::{sanitize, xml_escape};

use std::sync::Arc;

use crate::assess::assess;
use crate::date::{parse_date, Date};
use crate::draft::attachments::Kind;
use crate::draft::{self, Blank, Draft, Field, FieldProblem};
use crate::lang::Lang;
use crate::rubric::{Catalogue, ProductSet};

/// Which document to write from a draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Document {
    /// What the producer files (Điều 6.1, 7.1): Mẫu 01, Mẫu 02 and the evidence annex of Mẫu 02,
    /// as the decision prints them, the producer's text in the blanks and nothing else.
    #[default]
    Filing,
    /// The producer's own working copy, never filed: the estimate, the star minimums not met,
    /// the knock-out conditions, what the filing copy still leaves blank, advice, the evidence
    /// checklist.
    Working,
    /// Mẫu 03: the commune People's Committee's report on the dossier (Điều 6.2.b, 7.2), drafted
    /// from the producer's draft for the commune officer to complete.
    Mau03,
}

impl Document {
    pub const ALL: [Document; 3] = [Document::Filing, Document::Working, Document::Mau03];

    /// The tag the on-demand module and the command line use: "filing", "working", "mau03".
    pub fn tag(self) -> &'static str {
        match self {
            Document::Filing => "filing",
            Document::Working => "working",
            Document::Mau03 => "mau03",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Document> {
        Document::ALL.into_iter().find(|d| d.tag() == tag)
    }

    /// The file name of this document for `draft` in `lang`, drafted `today`, with extension
    /// `ext`: which document and which language, so that the copy to file and the English
    /// reading copy cannot be taken for each other: "ho-so-nop-nuoc-mam-co-ba-2026-12-01.docx",
    /// "ban-lam-viec-…", "mau-03-…"; in English "english-reading-copy-filing-…" and so on.
    pub fn file_name(self, draft: &Draft, lang: Lang, today: Date, ext: &str) -> String {
        let stem = draft::file_stem(draft).unwrap_or_else(|| crate::lang::slug(&draft.product_set));
        let what = match (lang, self) {
            (Lang::Vi, Document::Filing) => "ho-so-nop",
            (Lang::Vi, Document::Working) => "ban-lam-viec",
            (Lang::Vi, Document::Mau03) => "mau-03",
            (Lang::En, Document::Filing) => "english-reading-copy-filing",
            (Lang::En, Document::Working) => "english-reading-copy-working",
            (Lang::En, Document::Mau03) => "english-reading-copy-mau-03",
        };
        format!("{what}-{stem}-{}.{ext}", today.iso())
    }
}

/// The bytes of a draft's evidence files, by attachment id ([`crate::draft::attachments`]).
pub type Files = std::collections::BTreeMap<String, Vec<u8>>;

/// The dossier of a draft already read and checked against `set`: its classification from the
/// built-in catalogue (Phụ lục I), its answers assessed, then [`build`]. Without the files'
/// bytes: see [`from_draft_with_files`].
pub fn from_draft(
    set: &ProductSet,
    draft: &Draft,
    lang: Lang,
    today: Option<Date>,
    doc: Document,
) -> Dossier {
    from_draft_with_files(set, draft, lang, today, doc, &Files::new())
}

/// [`from_draft`] with the bytes of the draft's evidence files (by attachment id), for the
/// annex's pictures. A file described by the draft but absent from `files` is listed without
/// its picture, marked "(chưa có tệp)"; a PDF is listed, not embedded.
pub fn from_draft_with_files(
    set: &ProductSet,
    draft: &Draft,
    lang: Lang,
    today: Option<Date>,
    doc: Document,
    files: &Files,
) -> Dossier {
    let entry = Catalogue::shared().entry(&set.id);
    let assessment = assess(set, &draft.responses);
    build_with_files(set, entry, draft, &assessment, lang, today, doc, files)
}

/// The dossier from text, as the on-demand module receives it: `draft_json` a draft in the
/// interchange format v1, `rubric_json` its product set's rubric file, `lang_tag` "vi" or "en"
/// (anything else: Vietnamese), `today` dd/mm/yyyy or yyyy-mm-dd (anything else leaves the date
/// blank; the date is read here, once), `doc_tag` a [`Document::tag`]. The error says which
/// input is wrong.
pub fn from_interchange(
    draft_json: &str,
    rubric_json: &str,
    lang_tag: &str,
    today: &str,
    doc_tag: &str,
) -> Result<Dossier, String> {
    from_interchange_with_files(
        draft_json,
        rubric_json,
        lang_tag,
        today,
        doc_tag,
        &Files::new(),
    )
}

/// [`from_interchange`] with the bytes of the draft's evidence files (the on-demand module
/// receives them from the browser's store).
pub fn from_interchange_with_files(
    draft_json: &str,
    rubric_json: &str,
    lang_tag: &str,
    today: &str,
    doc_tag: &str,
    files: &Files,
) -> Result<Dossier, String> {
    let doc = Document::from_tag(doc_tag).ok_or_else(|| format!("document: {doc_tag}?"))?;
    let d = draft::from_json(draft_json).map_err(|e| format!("draft: {e}"))?;
    let set = ProductSet::from_json(rubric_json).map_err(|e| format!("rubric: {e}"))?;
    if d.product_set != set.id {
        return Err(format!(
            "rubric: the draft is for {} but the rubric is {}",
            d.product_set, set.id
        ));
    }
    let lang = Lang::from_tag(lang_tag).unwrap_or_default();
    Ok(from_draft_with_files(
        &set,
        &d,
        lang,
        parse_date(today).ok(),
        doc,
        files,
    ))
}

/// A built dossier, ready for any renderer.
#[derive(Clone, Debug, PartialEq)]
pub struct Dossier {
    pub lang: Lang,
    pub document: Document,
    /// Title for the file's metadata and the HTML `<title>`.
    pub title: String,
    /// The producer's name (file metadata), possibly empty.
    pub author: String,
    /// The date the dossier was drafted, if the given date could be read.
    pub date: Option<Date>,
    pub blocks: Vec<Block>,
    /// Details still empty, in form order (also listed in the annex).
    pub missing: Vec<Field>,
    /// Missing or doubtful details (missing, bad phone, e-mail or date), in form order.
    pub problems: Vec<FieldProblem>,
    /// Criteria not yet self-assessed, in printed order.
    pub unanswered: Vec<String>,
    /// The filing copy: each blank it left, in the order first left (the dotted leaders where
    /// the draft had nothing). The working copy: the blanks it lists. Mẫu 03: none.
    pub blanks: Vec<Blank>,
    /// The pictures of the annex, each once, in the order first placed ([`Block::Image`] points
    /// here by index). The bytes are shared, so cloning a dossier copies no picture.
    pub images: Vec<Picture>,
}

/// A picture of the evidence annex: a JPEG or PNG file as stored, with its pixel size.
#[derive(Clone, PartialEq, Eq)]
pub struct Picture {
    /// The attachment it is ([`crate::draft::Attachment::id`]).
    pub id: String,
    /// [`Kind::Jpeg`] or [`Kind::Png`], from the file's first bytes.
    pub kind: Kind,
    pub bytes: Arc<[u8]>,
    /// Pixel size as shown (a JPEG's EXIF orientation applied: a photo stored sideways with
    /// orientation 6 or 8 has its width and height swapped here).
    pub width: u32,
    pub height: u32,
    /// Quarter turns clockwise the stored pixels need to be shown upright (EXIF orientation 6:
    /// 1, 3: 2, 8: 3); 0 for an upright file. The printable page is turned by the browser; the
    /// .docx shows the file as stored (see [`docx`]).
    pub turns: u8,
}

impl std::fmt::Debug for Picture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Picture")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("bytes", &self.bytes.len())
            .field("width", &self.width)
            .field("height", &self.height)
            .field("turns", &self.turns)
            .finish()
    }
}

/// A picture placed on the page, centred, at a size that fits the text area and keeps the
/// picture's proportions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// Index into [`Dossier::images`].
    pub image: usize,
    /// What the picture shows (the attachment's caption): the .docx's description, the page's
    /// `alt`.
    pub caption: String,
    /// Printed size in EMU (English Metric Units: 914,400 an inch, 360,000 a centimetre).
    pub width_emu: u32,
    pub height_emu: u32,
}

/// A piece of the document, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading: level 1 is a form title, 2 a part (I, II …), 3 a section inside a part.
    Heading(Heading),
    Para(Para),
    /// "Label: value", the value possibly a "cần bổ sung" marker.
    Field(FieldLine),
    Table(Table),
    /// A framed note (the self-estimate warning of the annex).
    Notice(Vec<Para>),
    /// Start a new page (between Mẫu 01, Mẫu 02 and the annex).
    PageBreak,
    /// A picture of the evidence annex. The block before it stays on its page.
    Image(Figure),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    pub align: Align,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Justify,
}

/// How a paragraph looks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ParaStyle {
    #[default]
    Normal,
    /// Guidance to the producer (italic): what to write under a heading.
    Guidance,
    /// Smaller print (form references, footnotes).
    Small,
}

/// A paragraph of spans.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Para {
    pub spans: Vec<Span>,
    pub align: Align,
    pub style: ParaStyle,
    /// Indentation steps (≈ 1 cm each).
    pub indent: u8,
}

/// What a span holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SpanKind {
    /// Form wording.
    #[default]
    Plain,
    /// Text the producer typed (renderers isolate its direction).
    User,
    /// A "cần bổ sung" marker (highlighted).
    Missing,
    /// A tick box, ticked or not.
    Check(bool),
}

/// A run of text with one look.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub kind: SpanKind,
}

/// A label and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldLine {
    /// The draft field shown, if it is one.
    pub field: Option<Field>,
    /// Numbering before the label ("1.", "a)"), possibly empty.
    pub number: String,
    pub label: String,
    pub value: Vec<Span>,
    pub indent: u8,
}

/// A table. Column widths are relative (they are scaled to the text width).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub widths: Vec<u16>,
    pub rows: Vec<Row>,
    /// Ruled (a grid) or not (layout only: form header, signature block).
    pub borders: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A header row (bold, repeated on each page).
    pub header: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
    /// Number of grid columns covered (≥ 1).
    pub span: u16,
    /// Shaded background (section rows, totals).
    pub shaded: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            ..Span::default()
        }
    }
    pub fn bold(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: true,
            ..Span::default()
        }
    }
    pub fn italic(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            italic: true,
            ..Span::default()
        }
    }
    /// Text the producer typed.
    pub fn user(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            kind: SpanKind::User,
            ..Span::default()
        }
    }
    /// The "cần bổ sung" marker.
    pub fn missing(lang: Lang) -> Span {
        Span {
            text: missing_marker(lang).to_string(),
            italic: true,
            kind: SpanKind::Missing,
            ..Span::default()
        }
    }
    /// A tick box.
    pub fn check(ticked: bool) -> Span {
        Span {
            text: if ticked { "☒" } else { "☐" }.to_string(),
            kind: SpanKind::Check(ticked),
            ..Span::default()
        }
    }
}

/// "[cần bổ sung]" / "[cần bổ sung – to be completed]".
pub fn missing_marker(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "[cần bổ sung]",
        Lang::En => "[cần bổ sung – to be completed]",
    }
}

impl Para {
    pub fn new(spans: Vec<Span>) -> Para {
        Para {
            spans,
            ..Para::default()
        }
    }
    pub fn text(text: impl Into<String>) -> Para {
        Para::new(vec![Span::plain(text)])
    }
    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }
    pub fn style(mut self, style: ParaStyle) -> Para {
        self.style = style;
        self
    }
    pub fn indent(mut self, indent: u8) -> Para {
        self.indent = indent;
        self
    }
}

impl Cell {
    pub fn new(paras: Vec<Para>) -> Cell {
        Cell {
            paras,
            span: 1,
            shaded: false,
        }
    }
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::new(vec![Para::text(text)])
    }
    pub fn spans(spans: Vec<Span>) -> Cell {
        Cell::new(vec![Para::new(spans)])
    }
    pub fn span(mut self, span: u16) -> Cell {
        self.span = span.max(1);
        self
    }
    pub fn shaded(mut self) -> Cell {
        self.shaded = true;
        self
    }
}

impl Dossier {
    /// All the text of the document, one block per line (for search, tests and the UI preview).
    pub fn plain_text(&self) -> String {
        fn spans(out: &mut String, s: &[Span]) {
            for x in s {
                out.push_str(&x.text);
            }
        }
        fn para(out: &mut String, p: &Para) {
            spans(out, &p.spans);
            out.push('\n');
        }
        let mut out = String::new();
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    out.push_str(&h.text);
                    out.push('\n');
                }
                Block::Para(p) => para(&mut out, p),
                Block::Field(f) => {
                    if !f.number.is_empty() {
                        out.push_str(&f.number);
                        out.push(' ');
                    }
                    out.push_str(&f.label);
                    out.push_str(": ");
                    spans(&mut out, &f.value);
                    out.push('\n');
                }
                Block::Table(t) => {
                    for r in &t.rows {
                        for c in &r.cells {
                            for p in &c.paras {
                                para(&mut out, p);
                            }
                        }
                    }
                }
                Block::Notice(ps) => ps.iter().for_each(|p| para(&mut out, p)),
                Block::PageBreak => out.push('\u{c}'),
                Block::Image(_) => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rubric::embedded;

    #[test]
    fn from_interchange_reads_the_date_once_and_builds_what_from_draft_builds() {
        let Some(Ok(set)) = embedded::load("QD26-09") else {
            panic!("set")
        };
        let rubric = embedded::SETS
            .iter()
            .find(|(id, _)| *id == "QD26-09")
            .map(|(_, t)| *t)
            .unwrap_or_default();
        let mut d = Draft::new("x", "QD26-09", 1);
        d.producer.address = "Thôn Đông, xã Cát Hải, Hải Phòng".into();
        d.responses.answers.insert("1.1".into(), 1);
        let json = draft::to_json(&d);
        let date =
            |today: &str| from_interchange(&json, rubric, "vi", today, "filing").map(|x| x.date);
        let nov_29 = Date::new(2026, 11, 29);
        assert!(nov_29.is_some());
        assert_eq!(date("29/11/2026"), Ok(nov_29));
        assert_eq!(date("2026-11-29"), Ok(nov_29));
        for unreadable in ["", "not a date", "31/02/2026", "11/29"] {
            assert_eq!(date(unreadable), Ok(None), "{unreadable:?}");
        }
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(
                from_interchange(&json, rubric, lang.tag(), "29/11/2026", "filing"),
                Ok(from_draft(&set, &d, lang, nov_29, Document::Filing))
            );
        }
        // An unknown language tag reads as Vietnamese, the language the forms are filed in.
        let doc = from_interchange(&json, rubric, "fr", "29/11/2026", "filing");
        assert_eq!(doc.map(|x| x.lang), Ok(Lang::Vi));
    }
}
