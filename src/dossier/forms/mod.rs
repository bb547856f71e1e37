//! From a draft and its assessment to a [`Dossier`]: Mẫu 01, Mẫu 02 (Parts I–IV) and the annex.
//!
//! One file per form, each with its own wording (chosen with [`Lang::pick`]; for legal forms the
//! text is the structure): [`mau01`] the registration form, [`mau02`] the self-assessment report
//! (Parts I, II and IV), [`score_table`] its Part III score tables, [`annex`] the estimated score
//! sheet and evidence checklist, and [`ticks`] the rules that tick the boxes of Part I item 8 from
//! what the producer declared. Here: [`build`], the [`Builder`] the forms write through, and the
//! pieces several forms share (header, signature, place and date, field lines).

mod annex;
mod appendix;

pub(crate) use appendix::printed_size;
mod mau01;
mod mau02;
mod mau03;
mod score_table;
mod ticks;

use std::cell::RefCell;

use super::{
    Align, Block, Cell, Document, Dossier, FieldLine, Files, Heading, Para, ParaStyle, Picture,
    Row, Span, Table,
};
use crate::assess::Assessment;
use crate::date::Date;
use crate::draft::address::{province_of, Province};
use crate::draft::attachments::{self, Attachment};
use crate::draft::{
    blanks, check_fields_for, is_blank, Blank, Draft, Field, FieldProblem, Problem,
};
use crate::lang::Lang;
use crate::rubric::{CatalogueEntry, ProductSet};

/// The forms' dotted leader for a blank line.
const LEADER: &str = "……………………………………………";

/// The line at the top of an English dossier.
const EN_READING_COPY: &str =
    "English reading copy — file the Vietnamese version (Bản tiếng Anh chỉ để đọc – nộp bản tiếng Việt).";

/// Build document `doc` of `draft` (answers scored in `assessment`) for product set `set`,
/// drafted on `today` (`None`: the date is left blank on the forms). `entry` gives the
/// classification of Phụ lục I; without it the set's own header is used. Without the evidence
/// files' bytes: see [`build_with_files`].
pub fn build(
    set: &ProductSet,
    entry: Option<CatalogueEntry<'_>>,
    draft: &Draft,
    assessment: &Assessment,
    lang: Lang,
    today: Option<Date>,
    doc: Document,
) -> Dossier {
    build_with_files(
        set,
        entry,
        draft,
        assessment,
        lang,
        today,
        doc,
        &Files::new(),
    )
}

/// [`build`] with the bytes of the draft's evidence files, by attachment id: the filing copy's
/// annex shows the pictures (a file the draft describes but `files` lacks is listed as such).
#[allow(clippy::too_many_arguments)]
pub fn build_with_files(
    set: &ProductSet,
    entry: Option<CatalogueEntry<'_>>,
    draft: &Draft,
    assessment: &Assessment,
    lang: Lang,
    today: Option<Date>,
    doc: Document,
    files: &Files,
) -> Dossier {
    let tourism = set.is_tourism();
    let problems = check_fields_for(draft, today, tourism);
    let codes: Vec<&str> = set.criteria().map(|l| l.criterion.code.as_str()).collect();
    let evidence = attachments::annex_order(&draft.attachments, &codes);
    let mut b = Builder {
        lang,
        set,
        tourism,
        entry,
        draft,
        a: assessment,
        date: today,
        problems: &problems,
        blocks: Vec::with_capacity(256),
        left: RefCell::new(Vec::new()),
        evidence,
        files,
        images: Vec::new(),
    };
    if lang == Lang::En {
        // The forms are filed in Vietnamese (README); the English output is for reading.
        b.blocks.push(Block::Notice(vec![Para::new(vec![Span::bold(
            EN_READING_COPY,
        )])
        .align(Align::Center)]));
    }
    // The page's title: the product's name, else the draft's own name, else the set's.
    let product = draft.product.name.trim();
    let name = if !is_blank(product) {
        product
    } else if !is_blank(draft.title.trim()) {
        draft.title.trim()
    } else {
        set.name.vi.as_str()
    };
    let title = match doc {
        Document::Filing => {
            b.form_01();
            b.blocks.push(Block::PageBreak);
            b.form_02();
            b.blocks.push(Block::PageBreak);
            b.appendix();
            format!("Hồ sơ OCOP – {name}")
        }
        Document::Working => {
            b.annex();
            format!("Bản làm việc (không nộp) – {name}")
        }
        Document::Mau03 => {
            b.form_03();
            format!("Mẫu số 03 – {name}")
        }
    };
    let blanks = match doc {
        Document::Filing => {
            let mut seen = std::collections::HashSet::new();
            b.left
                .take()
                .into_iter()
                .filter(|x| seen.insert(x.clone()))
                .collect()
        }
        Document::Working => blanks(draft, set),
        Document::Mau03 => Vec::new(),
    };
    let images = std::mem::take(&mut b.images);
    Dossier {
        lang,
        document: doc,
        title,
        author: draft.producer.name.trim().to_string(),
        date: today,
        blocks: b.blocks,
        missing: problems
            .iter()
            .filter(|p| p.problem == Problem::Missing)
            .map(|p| p.field)
            .collect(),
        problems,
        unanswered: assessment.unanswered.clone(),
        blanks,
        images,
    }
}

/// The document being written, with what every form reads. The forms add their blocks through
/// the `impl Builder` blocks of their own files.
struct Builder<'a> {
    lang: Lang,
    set: &'a ProductSet,
    /// The tourism set (QD26-26): services, not goods (no samples, no raw materials).
    tourism: bool,
    entry: Option<CatalogueEntry<'a>>,
    draft: &'a Draft,
    a: &'a Assessment,
    date: Option<Date>,
    problems: &'a [FieldProblem],
    blocks: Vec<Block>,
    /// The blanks the filing copy left so far (see [`Builder::blank`]).
    left: RefCell<Vec<Blank>>,
    /// The draft's evidence files in the annex's order ([`attachments::annex_order`]): the
    /// file at index `i` is "Minh chứng số i + 1".
    evidence: Vec<&'a Attachment>,
    /// Their bytes, by attachment id.
    files: &'a Files,
    /// The pictures placed so far ([`Dossier::images`]).
    images: Vec<Picture>,
}

impl Builder<'_> {
    /// The words of a Vietnamese/English pair in the dossier's language.
    fn pick(&self, vi: &str, en: &str) -> String {
        self.lang.pick(vi, en).to_string()
    }

    fn heading(&mut self, level: u8, text: String) {
        let align = if level == 1 {
            Align::Center
        } else {
            Align::Left
        };
        self.blocks
            .push(Block::Heading(Heading { level, text, align }));
    }

    fn para(&mut self, p: Para) {
        self.blocks.push(Block::Para(p));
    }

    /// Guidance to the producer (the working copy only: the filing copy carries none).
    fn guidance(&mut self, vi: &str, en: &str) {
        let p = Para::new(vec![Span::italic(self.pick(vi, en))]).style(ParaStyle::Guidance);
        self.para(p);
    }

    /// An English reading aid under a Vietnamese form title (only in English).
    fn gloss(&mut self, en: &str) {
        if self.lang == Lang::En {
            let p = Para::new(vec![Span::italic(format!("({en})"))]).align(Align::Center);
            self.para(p);
        }
    }

    /// The form's label line of Phụ lục III ("Mẫu số 02: Báo cáo tự đánh giá về sản phẩm"),
    /// small, on the right.
    fn form_label(&mut self, vi: &str, en: &str) {
        let p = Para::new(vec![Span::italic(self.pick(vi, en))])
            .align(Align::Right)
            .style(ParaStyle::Small);
        self.para(p);
    }

    /// A centred line of the form, bold or not.
    fn centred(&mut self, text: &str, bold: bool) {
        let span = if bold {
            Span::bold(text)
        } else {
            Span::plain(text)
        };
        self.para(Para::new(vec![span]).align(Align::Center));
    }

    /// Whether an empty `f` is one of the blanks [`crate::draft::blanks`] lists for this draft.
    fn counts_as_blank(&self, f: Field) -> bool {
        f.fills_a_blank()
            && f.applies(self.draft.product.registration_type)
            && !(self.tourism && f == Field::Standard)
    }

    /// The producer's text for a blank of a form, or the form's dotted `leader`; an empty field
    /// that [`crate::draft::blanks`] lists is recorded (see [`Dossier::blanks`]).
    fn blank_with(&self, f: Field, leader: &str) -> Vec<Span> {
        let v = f.value(self.draft);
        if is_blank(v) {
            if self.counts_as_blank(f) {
                self.left_blank(Blank::Field(f));
            }
            vec![Span::plain(leader)]
        } else {
            vec![Span::user(v.trim())]
        }
    }

    fn blank(&self, f: Field) -> Vec<Span> {
        self.blank_with(f, LEADER)
    }

    /// The province or city the address names (Mẫu 01's title, the place of the signature
    /// line, Mẫu 03's proposal); an address naming none is a blank of the filing copy.
    fn province(&self) -> Option<Province> {
        let address = &self.draft.producer.address;
        let p = province_of(address);
        if p.is_none() && !is_blank(address) {
            self.left_blank(Blank::Province);
        }
        p
    }

    /// Record a blank the filing copy leaves.
    fn left_blank(&self, b: Blank) {
        self.left.borrow_mut().push(b);
    }

    /// One numbered line of a form: its label as printed (or glossed), then the value.
    fn item(&mut self, number: &str, vi: &str, en: &str, value: Vec<Span>) {
        let label = self.pick(vi, en);
        self.line(number, label, value, 0);
    }

    /// Items 1–3, the same in Mẫu 02 Part I and Mẫu 03 Part I: "1. Tên chủ thể", "2. Loại hình
    /// tổ chức", "3. Địa chỉ".
    fn producer_lines(&mut self) {
        let v = self.blank(Field::ProducerName);
        self.item("1.", "Tên chủ thể", "Name of the producer", v);
        let v = self.blank(Field::OrganisationType);
        self.item("2.", "Loại hình tổ chức", "Type of organisation", v);
        let v = self.blank(Field::Address);
        self.item("3.", "Địa chỉ", "Address", v);
    }

    /// The legal representative's lines, the same in Mẫu 02 (item 5) and Mẫu 03 (item 4):
    /// "N. Tên người đại diện pháp luật", "- Họ tên", "- Giới tính … (Nam/nữ); Dân tộc …",
    /// "- Địa chỉ thường trú"; `short` is the leader of the blanks that share a line.
    fn representative(&mut self, number: &str, short: &str) {
        let v = self.blank(Field::RepresentativeName);
        self.item(
            number,
            "Tên người đại diện pháp luật",
            "Legal representative",
            v,
        );
        let v = self.blank(Field::RepresentativeName);
        self.item("-", "Họ tên", "Full name", v);
        let mut v = self.blank_with(Field::RepresentativeGender, short);
        v.push(Span::plain(format!(
            " {}; {}: ",
            self.pick("(Nam/nữ)", "(male/female)"),
            self.pick("Dân tộc", "Ethnicity")
        )));
        v.extend(self.blank_with(Field::RepresentativeEthnicity, short));
        self.item("-", "Giới tính", "Gender", v);
        let v = self.blank(Field::RepresentativeAddress);
        self.item("-", "Địa chỉ thường trú", "Permanent address", v);
    }

    fn line(&mut self, number: &str, label: String, value: Vec<Span>, indent: u8) {
        self.blocks.push(Block::Field(FieldLine {
            field: None,
            number: number.to_string(),
            label,
            value,
            indent,
        }));
    }

    /// A passage the producer wrote (one paragraph per line of the text) under a heading of
    /// the form; empty, the form's `lines` dotted lines as printed (none where the decision
    /// prints none: then an empty line, room to write).
    fn passage(&mut self, f: Field, indent: u8, lines: usize) {
        let v = f.value(self.draft);
        if is_blank(v) {
            if self.counts_as_blank(f) {
                self.left_blank(Blank::Field(f));
            }
            for _ in 0..lines {
                self.para(Para::text(LEADER).indent(indent));
            }
            if lines == 0 {
                self.para(Para::default());
            }
            return;
        }
        for line in v.lines().map(str::trim).filter(|l| !is_blank(l)) {
            self.para(
                Para::new(vec![Span::user(line)])
                    .align(Align::Justify)
                    .indent(indent),
            );
        }
    }

    /// The signature block on the right, as printed: "…, ngày … tháng … năm …" (when `dated`),
    /// the signer's title (followed by `title_user`, the draft's words filling its blank), the
    /// note in brackets, room to sign, then `name` when known.
    fn signature_block(
        &mut self,
        dated: bool,
        title: (&str, &str),
        title_user: Option<String>,
        note: (&str, &str),
        name: Option<&str>,
    ) {
        let mut right = Vec::with_capacity(8);
        if dated {
            let place = self.province().map(|p| p.name);
            let place = match place {
                Some(p) => Span::user(p),
                None => Span::plain("........"),
            };
            // "ngày........tháng........năm......" with the date in its blanks, in the
            // administrative style (Nghị định 30/2020): "ngày 05 tháng 3", "tháng 01".
            let mut when = vec![place];
            match self.date {
                Some(d) => {
                    let month = if d.month <= 2 {
                        format!("{:02}", d.month)
                    } else {
                        d.month.to_string()
                    };
                    when.extend([
                        Span::plain(", ngày "),
                        Span::user(format!("{:02}", d.day)),
                        Span::plain(" tháng "),
                        Span::user(month),
                        Span::plain(" năm "),
                        Span::user(d.year.to_string()),
                    ]);
                }
                None => when.push(Span::plain(", ngày........tháng........năm......")),
            }
            let when: Vec<Span> = when
                .into_iter()
                .map(|s| Span { italic: true, ..s })
                .collect();
            right.push(Para::new(when).align(Align::Center));
        }
        let mut head = vec![Span::bold(self.pick(title.0, title.1))];
        if let Some(t) = title_user {
            head.push(Span {
                bold: true,
                ..Span::user(t)
            });
        }
        right.push(Para::new(head).align(Align::Center));
        right.push(Para::new(vec![Span::italic(self.pick(note.0, note.1))]).align(Align::Center));
        right.extend([Para::default(), Para::default(), Para::default()]);
        if let Some(name) = name.map(str::trim).filter(|n| !is_blank(n)) {
            right.push(
                Para::new(vec![Span {
                    bold: true,
                    ..Span::user(name)
                }])
                .align(Align::Center),
            );
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![40, 60],
            rows: vec![Row {
                cells: vec![Cell::new(vec![Para::default()]), Cell::new(right)],
                header: false,
            }],
            borders: false,
        }));
    }
}

/// What starts a note inside a criterion's printed name ("… Yêu cầu: Nội dung câu chuyện …").
const NAME_NOTES: [&str; 2] = ["Yêu cầu:", "Ghi chú:"];

/// A criterion's name and the notes printed inside it: split before every " Yêu cầu:" or
/// " Ghi chú:" (a marker after a space or line break, not at the very start), each note keeping
/// its marker. Without a marker: the whole text and no notes.
fn split_criterion_name(text: &str) -> (&str, Vec<&str>) {
    let mut cuts: Vec<usize> = NAME_NOTES
        .iter()
        .flat_map(|m| text.match_indices(m).map(|(i, _)| i))
        .filter(|&i| i > 0 && text[..i].ends_with(char::is_whitespace))
        .collect();
    cuts.sort_unstable();
    let Some(&first) = cuts.first() else {
        return (text.trim(), Vec::new());
    };
    let mut notes = Vec::with_capacity(cuts.len());
    for (n, &start) in cuts.iter().enumerate() {
        let end = cuts.get(n + 1).copied().unwrap_or(text.len());
        let note = text[start..end].trim();
        if !note.is_empty() {
            notes.push(note);
        }
    }
    (text[..first].trim(), notes)
}

/// The notes of a criterion's name as smaller paragraphs under it.
fn notes_paras(notes: &[&str]) -> Vec<Para> {
    notes
        .iter()
        .map(|n| Para::text(*n).style(ParaStyle::Small))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criterion_names_split_at_their_notes() {
        let (name, notes) = split_criterion_name(
            "Trí tuệ/bản sắc địa phương Yêu cầu: Nội dung câu chuyện. Ghi chú: Xem mục 5.1",
        );
        assert_eq!(name, "Trí tuệ/bản sắc địa phương");
        assert_eq!(
            notes,
            ["Yêu cầu: Nội dung câu chuyện.", "Ghi chú: Xem mục 5.1"]
        );
        let (name, notes) = split_criterion_name("Câu chuyện sản phẩm\nGhi chú: có ảnh");
        assert_eq!(
            (name, notes),
            ("Câu chuyện sản phẩm", vec!["Ghi chú: có ảnh"])
        );
        // No marker, a marker at the start, or one glued to a word: left alone.
        assert_eq!(split_criterion_name(" Vị trí "), ("Vị trí", vec![]));
        assert_eq!(
            split_criterion_name("Yêu cầu: cả câu"),
            ("Yêu cầu: cả câu", vec![])
        );
        assert_eq!(split_criterion_name("xYêu cầu: y"), ("xYêu cầu: y", vec![]));
        assert_eq!(split_criterion_name(""), ("", vec![]));
    }
}
