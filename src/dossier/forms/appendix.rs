//! The annex of Mẫu 02 that the filing copy ends with: "Tài liệu minh chứng kèm theo vào phụ lục
//! của Báo cáo … được sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí".
//!
//! 1. One numbered row per criterion, in the sheet's order, where the copies attached for it are
//!    listed: the evidence files of the draft by number and caption ("Minh chứng số 3: …"), the
//!    rest left empty for the papers added by hand.
//! 2. When the draft has evidence files: the numbered list of them, in the annex's order
//!    ([`attachments::annex_order`]: the criteria in the sheet's order, then the rows of Mẫu 02's
//!    evidence table), each with its caption, what it proves (criterion code and short name, or
//!    the table row's content), its kind and size. A PDF is listed as a file of the electronic
//!    dossier (a .docx cannot show it as a picture); a file the draft describes but whose bytes
//!    were not given is marked "(chưa có tệp)".
//! 3. The files themselves, each under a line "Minh chứng số N: caption (tiêu chí 1.1 …)", the
//!    picture scaled to the text area (at most 16 × 22 cm) with its proportions kept: a
//!    portrait page alone on a page, two landscape pictures to a page.
//!
//! Part III refers to the same numbers ([`Builder::evidence_reference`]), and the working copy
//! names the criteria with no proof yet ([`Builder::unproven`]).

use super::{split_criterion_name, Builder};
use crate::dossier::{Align, Block, Cell, Figure, Para, Picture, Row, Span, SpanKind, Table};
use crate::draft::attachments::{self, Attachment, Kind, Target};
use crate::draft::is_blank;
use crate::lang::Lang;
use crate::rubric::evidence;

/// EMU in a centimetre.
const EMU_CM: u32 = 360_000;
/// The text area's width (A4 less the 3 cm and 2 cm margins): 16 cm.
const MAX_W: u32 = 16 * EMU_CM;
/// The tallest picture: 22 cm (the text area is 25.7 cm; its title line stays above it).
const MAX_H: u32 = 22 * EMU_CM;
/// A picture at most this tall shares its page with another: 10.5 cm.
const HALF_H: u32 = 105 * EMU_CM / 10;
/// A picture made smaller to share a page is kept at least this wide: 12 cm.
const HALF_MIN_W: u32 = 12 * EMU_CM;
/// The room a page gives the items, title lines included: 25 cm.
const PAGE_ROOM: u32 = 25 * EMU_CM;
/// What an item takes besides its picture (its title line, spacing): 1.5 cm.
const ITEM_LINES: u32 = 15 * EMU_CM / 10;
/// A picture is never printed larger than at 96 pixels an inch (a small picture is not blown
/// up): EMU per pixel.
const EMU_PER_PX_MAX: f64 = 9525.0;
/// The longest criterion name printed beside a file (characters); longer names are cut at a
/// word.
const SHORT_NAME: usize = 70;

/// What the annex can show of one evidence file.
enum Shown {
    /// A picture (its index in [`crate::dossier::Dossier::images`]) at this size (EMU).
    Picture { image: usize, w: u32, h: u32 },
    /// A PDF of this size: a file of the electronic dossier.
    Pdf(u64),
    /// The draft describes it, its bytes were not given.
    Missing,
    /// Its bytes are neither a readable picture nor a PDF.
    Unreadable,
}

impl<'a> Builder<'a> {
    pub(super) fn appendix(&mut self) {
        self.centred("PHỤ LỤC", true);
        self.heading(1, "TÀI LIỆU MINH CHỨNG KÈM THEO BÁO CÁO TỰ ĐÁNH GIÁ".into());
        self.gloss("Annex: documents of proof attached to the self-assessment report");
        let product = self.blank_with(crate::draft::Field::ProductName, "……………………");
        let mut spans = vec![Span::italic(self.pick(
            "(Sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí; sản phẩm: ",
            "(In the order of the indicators of the criteria; product: ",
        ))];
        spans.extend(product);
        spans.push(Span::italic(")"));
        self.para(Para::new(spans).align(Align::Center));
        let mut rows = vec![Row {
            cells: vec![
                Cell::text("TT"),
                Cell::text(self.pick("Tiêu chí", "Criterion")),
                Cell::text(self.pick("Tài liệu minh chứng", "Documents of proof")),
                Cell::text(self.pick("Số trang", "Pages")),
            ],
            header: true,
        }];
        for (n, l) in self.set.criteria().enumerate() {
            let c = l.criterion;
            let (head, _) = split_criterion_name(&c.text.vi);
            let target = Target::Criterion(c.code.clone());
            let files: Vec<Para> = self
                .numbered()
                .filter(|(_, a)| a.target == target)
                .map(|(k, a)| {
                    Para::new(vec![
                        Span::plain(format!("{} ", self.number_label(k))),
                        Span::user(self.caption(a)),
                    ])
                })
                .collect();
            rows.push(Row {
                cells: vec![
                    Cell::text(format!("{}", n + 1)),
                    Cell::spans(vec![
                        Span::bold(format!("{} ", c.code)),
                        Span::plain(head.to_string()),
                    ]),
                    Cell::new(if files.is_empty() {
                        vec![Para::default()]
                    } else {
                        files
                    }),
                    Cell::new(vec![Para::default()]),
                ],
                header: false,
            });
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![7, 43, 38, 12],
            rows,
            borders: true,
        }));
        if !self.evidence.is_empty() {
            self.evidence_list();
            self.evidence_items();
        }
    }

    /// The draft's evidence files with their numbers (1, 2, 3… in the annex's order).
    fn numbered(&self) -> impl Iterator<Item = (usize, &'a Attachment)> + '_ {
        self.evidence.iter().enumerate().map(|(i, a)| (i + 1, *a))
    }

    /// "Minh chứng số 3:" / "Evidence no. 3:".
    fn number_label(&self, n: usize) -> String {
        self.lang
            .pick(format!("Minh chứng số {n}:"), format!("Evidence no. {n}:"))
    }

    /// The caption the producer gave, or the name of what it proves.
    fn caption(&self, a: &Attachment) -> String {
        let c = a.caption.trim();
        if !is_blank(c) {
            return c.to_string();
        }
        match &a.target {
            Target::Paper(r) => self.paper(*r),
            Target::Criterion(_) => self.pick("Tài liệu minh chứng", "Document of proof"),
        }
    }

    /// The content of row `r` (1-based) of Mẫu 02's evidence table.
    fn paper(&self, r: u8) -> String {
        evidence::TABLE
            .get(usize::from(r).wrapping_sub(1))
            .map(|row| self.pick(row.content.0, row.content.1))
            .unwrap_or_default()
    }

    /// What a file proves: "tiêu chí 1.1 Tổ chức sản xuất" (code, short name), or the evidence
    /// table's row.
    fn proves(&self, t: &Target) -> String {
        match t {
            Target::Criterion(code) => {
                let name = self
                    .set
                    .criterion(code)
                    .map(|c| {
                        let text = match self.lang {
                            Lang::En if !c.text.en.is_empty() => &c.text.en,
                            _ => &c.text.vi,
                        };
                        short(split_criterion_name(text).0)
                    })
                    .unwrap_or_default();
                let word = self.pick("tiêu chí", "criterion");
                if name.is_empty() {
                    format!("{word} {code}")
                } else {
                    format!("{word} {code} {name}")
                }
            }
            Target::Paper(r) => self.lang.pick(
                format!("bảng tài liệu minh chứng của Mẫu số 02: {}", self.paper(*r)),
                format!("the table of documents of Form 02: {}", self.paper(*r)),
            ),
        }
    }

    /// What the annex shows of `a`, its picture added to the dossier's images once.
    fn shown(&mut self, a: &Attachment) -> Shown {
        let Some(bytes) = self.files.get(&a.id) else {
            return Shown::Missing;
        };
        match inspect(bytes) {
            Some((Kind::Pdf, _, _)) => Shown::Pdf(bytes.len() as u64),
            Some((kind, (w, h), orientation)) => {
                let turns = quarter_turns(orientation);
                let (w, h) = if turns % 2 == 1 { (h, w) } else { (w, h) };
                let image = match self.images.iter().position(|p| p.id == a.id) {
                    Some(i) => i,
                    None => {
                        self.images.push(Picture {
                            id: a.id.clone(),
                            kind,
                            bytes: bytes.as_slice().into(),
                            width: w,
                            height: h,
                            turns,
                        });
                        self.images.len() - 1
                    }
                };
                let (w, h) = printed_size(w, h);
                Shown::Picture { image, w, h }
            }
            _ => Shown::Unreadable,
        }
    }

    /// Kind and size of a file as the list words it.
    fn kind_and_size(&self, a: &Attachment, shown: &Shown) -> Vec<Span> {
        let lang = self.lang;
        let kind = |k: Kind| match k {
            Kind::Jpeg => self.pick("Ảnh JPEG", "JPEG picture"),
            Kind::Png => self.pick("Ảnh PNG", "PNG picture"),
            Kind::Pdf => self.pick(
                "Tệp PDF kèm theo trong bộ hồ sơ điện tử",
                "PDF file, in the electronic dossier",
            ),
        };
        match shown {
            Shown::Picture { image, .. } => {
                let p = &self.images[*image];
                vec![Span::plain(format!(
                    "{}, {} × {} px, {}",
                    kind(p.kind),
                    p.width,
                    p.height,
                    file_size(lang, p.bytes.len() as u64)
                ))]
            }
            Shown::Pdf(n) => vec![Span::plain(format!(
                "{}, {}",
                kind(Kind::Pdf),
                file_size(lang, *n)
            ))],
            Shown::Missing => vec![
                Span::plain(format!("{}, {} ", kind(a.kind), file_size(lang, a.bytes))),
                self.marker(missing_file(lang)),
            ],
            Shown::Unreadable => vec![
                Span::plain(format!("{} ", kind(a.kind))),
                self.marker(unreadable_file(lang)),
            ],
        }
    }

    /// A highlighted marker ("(chưa có tệp)").
    fn marker(&self, text: &str) -> Span {
        Span {
            text: text.to_string(),
            italic: true,
            kind: SpanKind::Missing,
            ..Span::default()
        }
    }

    /// The numbered list of the evidence files.
    fn evidence_list(&mut self) {
        self.heading(
            3,
            self.pick(
                "Danh mục tệp minh chứng kèm theo",
                "List of the evidence files attached",
            ),
        );
        let mut rows = vec![Row {
            cells: vec![
                Cell::text(self.pick("Số", "No.")),
                Cell::text(self.pick("Tài liệu minh chứng", "Document of proof")),
                Cell::text(self.pick("Chứng minh cho", "Proves")),
                Cell::text(self.pick("Loại tệp, dung lượng", "File, size")),
            ],
            header: true,
        }];
        let list: Vec<(usize, &'a Attachment)> = self.numbered().collect();
        for (n, a) in list {
            let shown = self.shown(a);
            rows.push(Row {
                cells: vec![
                    Cell::text(n.to_string()),
                    Cell::spans(vec![Span::user(self.caption(a))]),
                    Cell::text(self.proves(&a.target)),
                    Cell::spans(self.kind_and_size(a, &shown)),
                ],
                header: false,
            });
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![7, 35, 33, 25],
            rows,
            borders: true,
        }));
    }

    /// Each file under its title line, pictures scaled to the page; a new page when the next
    /// one does not fit in what is left of the page.
    fn evidence_items(&mut self) {
        let mut room = 0u32;
        let list: Vec<(usize, &'a Attachment)> = self.numbered().collect();
        for (n, a) in list {
            let shown = self.shown(a);
            let need = ITEM_LINES
                + match shown {
                    Shown::Picture { h, .. } => h,
                    _ => ITEM_LINES,
                };
            if need > room {
                self.blocks.push(Block::PageBreak);
                room = PAGE_ROOM;
            }
            room = room.saturating_sub(need);
            let title = vec![
                Span::bold(format!("{} ", self.number_label(n))),
                Span {
                    bold: true,
                    ..Span::user(self.caption(a))
                },
                Span::bold(format!(" ({})", self.proves(&a.target))),
            ];
            self.para(Para::new(title));
            match shown {
                Shown::Picture { image, w, h } => self.blocks.push(Block::Image(Figure {
                    image,
                    caption: self.caption(a),
                    width_emu: w,
                    height_emu: h,
                })),
                Shown::Pdf(bytes) => {
                    let text = self.lang.pick(
                        format!(
                            "Tệp PDF kèm theo trong bộ hồ sơ điện tử ({}).",
                            file_size(self.lang, bytes)
                        ),
                        format!(
                            "A PDF file, in the electronic dossier ({}).",
                            file_size(self.lang, bytes)
                        ),
                    );
                    self.para(Para::new(vec![Span::italic(text)]).indent(1));
                }
                Shown::Missing => {
                    let m = self.marker(missing_file(self.lang));
                    self.para(Para::new(vec![m]).indent(1));
                }
                Shown::Unreadable => {
                    let m = self.marker(unreadable_file(self.lang));
                    self.para(Para::new(vec![m]).indent(1));
                }
            }
        }
    }

    /// The annex numbers of criterion `code`'s files, in order.
    pub(super) fn evidence_numbers(&self, code: &str) -> Vec<usize> {
        self.numbered()
            .filter(|(_, a)| matches!(&a.target, Target::Criterion(c) if c == code))
            .map(|(n, _)| n)
            .collect()
    }

    /// Part III's reference to criterion `code`'s files: "Minh chứng số 3, 4 trong phụ lục".
    pub(super) fn evidence_reference(&self, code: &str) -> Option<Para> {
        let numbers = self.evidence_numbers(code);
        if numbers.is_empty() {
            return None;
        }
        let list = numbers
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let text = self.lang.pick(
            format!("Minh chứng số {list} trong phụ lục"),
            if numbers.len() == 1 {
                format!("Evidence no. {list} in the annex")
            } else {
                format!("Evidence nos. {list} in the annex")
            },
        );
        Some(Para::new(vec![Span::italic(text)]))
    }

    /// The criteria with no proof yet: neither a note nor a file, in the sheet's order.
    pub(super) fn unproven(&self) -> Vec<String> {
        self.set
            .criteria()
            .map(|l| &l.criterion.code)
            .filter(|code| {
                self.draft.evidence.get(*code).is_none_or(|n| is_blank(n))
                    && self.evidence_numbers(code).is_empty()
            })
            .cloned()
            .collect()
    }
}

/// A file's size as [`crate::i18n::bytes`] words it ("16 kB", "1,2 MB"), in integers: the
/// on-demand module then carries no float formatting (about 17 KB of its brotli size).
fn file_size(lang: Lang, n: u64) -> String {
    let unit = match n {
        0..=999 => return lang.pick(format!("{n} byte"), format!("{n} bytes")),
        1_000..=999_999 => (1_000, "kB"),
        1_000_000..=999_999_999 => (1_000_000, "MB"),
        _ => (1_000_000_000, "GB"),
    };
    let (div, name) = unit;
    let tenths = (n.saturating_mul(10) + div / 2) / div;
    if tenths < 100 {
        let sep = lang.pick(",", ".");
        format!("{}{sep}{} {name}", tenths / 10, tenths % 10)
    } else {
        format!("{} {name}", (n + div / 2) / div)
    }
}

fn missing_file(lang: Lang) -> &'static str {
    lang.pick("(chưa có tệp)", "(file missing – chưa có tệp)")
}

fn unreadable_file(lang: Lang) -> &'static str {
    lang.pick(
        "(tệp không đọc được)",
        "(file unreadable – tệp không đọc được)",
    )
}

/// A criterion's name without its bracketed explanation ("Năng lực sản xuất … (Khả năng …)"),
/// cut at a word to at most [`SHORT_NAME`] characters ("…" added).
fn short(name: &str) -> String {
    let name = match name.find(" (") {
        Some(i) if name[..i].trim().chars().count() >= 8 => &name[..i],
        _ => name,
    };
    let name = name.trim();
    if name.chars().count() <= SHORT_NAME {
        return name.to_string();
    }
    let mut out = String::new();
    for word in name.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > SHORT_NAME - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let out = out.trim_end_matches([',', ';', ':', '.']).to_string();
    format!("{out}…")
}

/// The printed size (EMU) of a picture of `w` × `h` pixels (as shown): within 16 × 22 cm, its
/// proportions kept, never above 96 pixels an inch; a landscape picture that can keep 12 cm of
/// width is made at most 10.5 cm tall, so that two share a page.
pub(crate) fn printed_size(w: u32, h: u32) -> (u32, u32) {
    let (wf, hf) = (f64::from(w.max(1)), f64::from(h.max(1)));
    let fit = |max_w: u32, max_h: u32| -> (u32, u32) {
        let scale = (f64::from(max_w) / wf)
            .min(f64::from(max_h) / hf)
            .min(EMU_PER_PX_MAX);
        // Both at least 1 EMU; at most the limits (rounding).
        (
            ((wf * scale).round() as u32).clamp(1, max_w),
            ((hf * scale).round() as u32).clamp(1, max_h),
        )
    };
    let full = fit(MAX_W, MAX_H);
    if full.1 > HALF_H {
        let half = fit(MAX_W, HALF_H);
        if half.0 >= HALF_MIN_W {
            return half;
        }
    }
    full
}

/// What the bytes of a file are (by their first bytes, never the description), with the pixel
/// size of a picture and a JPEG's EXIF orientation; `None` when it is neither a readable JPEG,
/// PNG nor PDF, or beyond the limits a stored file keeps ([`attachments::inspect`]'s, read here
/// from the headers alone so that the on-demand module carries no image library).
fn inspect(bytes: &[u8]) -> Option<(Kind, (u32, u32), u8)> {
    let kind = Kind::sniff(bytes)?;
    if bytes.len() as u64 > kind.max_bytes() {
        return None;
    }
    let (size, orientation) = match kind {
        Kind::Pdf => return Some((kind, (0, 0), 1)),
        Kind::Png => {
            // The IHDR chunk comes first: length, "IHDR", width, height (big-endian).
            let be = |o: usize| -> Option<u32> {
                let s = bytes.get(o..o + 4)?;
                Some(u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
            };
            (bytes.get(12..16) == Some(b"IHDR".as_slice()))
                .then(|| Some((be(16)?, be(20)?)))
                .flatten()
                .map(|s| (s, 1))?
        }
        Kind::Jpeg => {
            let (size, orientation) = jpeg_header(bytes);
            (size?, orientation)
        }
    };
    let (w, h) = size;
    (w > 0 && h > 0 && attachments::check_pixels(w, h).is_ok()).then_some((
        kind,
        (w, h),
        orientation,
    ))
}

/// The EXIF orientation (1–8) of a JPEG, 1 when it has none or it cannot be read.
#[cfg(test)]
fn jpeg_orientation(b: &[u8]) -> u8 {
    jpeg_header(b).1
}

/// A JPEG's pixel size (from its frame header, SOF0–SOF15) and EXIF orientation (1–8; 1 when
/// it has none). Only the segments before the picture data are read, every offset checked.
fn jpeg_header(b: &[u8]) -> (Option<(u32, u32)>, u8) {
    let mut size = None;
    let mut orientation = 1;
    let mut i = 2usize;
    while let (Some(&0xFF), Some(&marker)) = (b.get(i), b.get(i + 1)) {
        if marker == 0xD8 || marker == 0x01 || (0xD0..=0xD7).contains(&marker) || marker == 0xFF {
            i += if marker == 0xFF { 1 } else { 2 };
            continue;
        }
        if marker == 0xDA || marker == 0xD9 {
            break;
        }
        let Some(len) = b
            .get(i + 2..i + 4)
            .map(|s| usize::from(u16::from_be_bytes([s[0], s[1]])))
        else {
            break;
        };
        let start = i + 4;
        let Some(seg) = b.get(start..(i + 2).saturating_add(len)) else {
            break;
        };
        if marker == 0xE1 && seg.starts_with(b"Exif\0\0") {
            orientation = tiff_orientation(&seg[6..]).unwrap_or(1);
        }
        // A frame header: precision, height, width.
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            if let Some(f) = seg.get(1..5) {
                let h = u32::from(u16::from_be_bytes([f[0], f[1]]));
                let w = u32::from(u16::from_be_bytes([f[2], f[3]]));
                size = Some((w, h));
            }
        }
        i = (i + 2).saturating_add(len.max(2));
    }
    (size, orientation)
}

fn tiff_orientation(t: &[u8]) -> Option<u8> {
    let big = match t.get(0..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |o: usize| -> Option<u16> {
        let s = t.get(o..o + 2)?;
        Some(if big {
            u16::from_be_bytes([s[0], s[1]])
        } else {
            u16::from_le_bytes([s[0], s[1]])
        })
    };
    let u32_at = |o: usize| -> Option<u32> {
        let s = t.get(o..o + 4)?;
        let a = [s[0], s[1], s[2], s[3]];
        Some(if big {
            u32::from_be_bytes(a)
        } else {
            u32::from_le_bytes(a)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    for k in 0..count.min(256) {
        let e = ifd + 2 + 12 * k;
        if u16_at(e)? == 0x0112 {
            let v = u16_at(e + 8)?;
            return u8::try_from(v).ok().filter(|v| (1..=8).contains(v));
        }
    }
    None
}

/// Quarter turns clockwise that show a picture of EXIF orientation `o` upright (the mirrored
/// orientations 2, 4, 5, 7 are turned like their unmirrored neighbours).
fn quarter_turns(o: u8) -> u8 {
    match o {
        3 | 4 => 2,
        5 | 6 => 1,
        7 | 8 => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictures_fit_the_page_and_keep_their_proportions() {
        // A portrait certificate photo (3:4): the full 16 cm wide, 21.3 cm tall, one to a page.
        assert_eq!(printed_size(1200, 1600), (MAX_W, 7_680_000));
        // A taller one is held at 22 cm.
        assert_eq!(printed_size(1000, 2000), (MAX_H / 2, MAX_H));
        // A landscape 4:3 photo: 10.5 cm tall, 14 cm wide, two to a page.
        let (w, h) = printed_size(1600, 1200);
        assert_eq!((w, h), (14 * EMU_CM, HALF_H));
        // A very wide banner keeps the full width.
        let (w, h) = printed_size(3200, 400);
        assert_eq!(w, MAX_W);
        assert_eq!(h, MAX_W / 8);
        // A small picture is not blown up past 96 pixels an inch.
        assert_eq!(printed_size(96, 48), (914_400, 457_200));
        // A square one is not made narrower than 12 cm to share a page.
        let (w, h) = printed_size(2000, 2000);
        assert_eq!((w, h), (MAX_W, MAX_W));
        assert_eq!(printed_size(0, 0), (9525, 9525));
    }

    #[test]
    fn the_exif_orientation_is_read_safely() {
        let sideways = include_bytes!("../../../tests/fixtures/evidence/contract-rotated.jpg");
        assert_eq!(jpeg_orientation(sideways), 6);
        let upright = include_bytes!("../../../tests/fixtures/evidence/certificate.jpg");
        assert_eq!(jpeg_orientation(upright), 1);
        // Cut anywhere, it never panics.
        for n in 0..sideways.len().min(400) {
            let _ = jpeg_orientation(&sideways[..n]);
        }
        assert_eq!(jpeg_orientation(b""), 1);
        // The sizes are the headers' (as the draft's own reader finds them).
        assert_eq!(inspect(sideways).map(|x| x.1), Some((1000, 700)));
        assert_eq!(inspect(upright).map(|x| x.1), Some((1200, 1600)));
        let label = include_bytes!("../../../tests/fixtures/evidence/label.png");
        assert_eq!(
            inspect(label).map(|x| (x.0, x.1)),
            Some((Kind::Png, (800, 600)))
        );
        for bytes in [&sideways[..], &upright[..], &label[..]] {
            let (w, h) = inspect(bytes).map(|x| x.1).unwrap_or_default();
            assert_eq!(attachments::image_size(bytes), Some((w, h)));
        }
        let corrupt = include_bytes!("../../../tests/fixtures/evidence/corrupt.jpg");
        assert_eq!(
            inspect(corrupt).map(|x| x.1),
            Some((1200, 1600)),
            "cut after its header"
        );
        assert!(inspect(b"not a picture").is_none());
        assert!(inspect(&upright[..100]).is_none(), "no frame header");
        assert_eq!(quarter_turns(6), 1);
        assert_eq!(quarter_turns(8), 3);
        assert_eq!(quarter_turns(1), 0);
    }

    #[test]
    fn sizes_are_worded_as_the_app_words_them() {
        for n in [
            0,
            999,
            1_000,
            1_049,
            1_050,
            16_035,
            19_288,
            193_054,
            2_600_000,
            297_400_000,
        ] {
            for lang in [Lang::Vi, Lang::En] {
                assert_eq!(file_size(lang, n), crate::i18n::bytes(lang, n), "{n}");
            }
        }
    }

    #[test]
    fn long_names_are_cut_at_a_word() {
        let long = "Sản phẩm được sản xuất từ nguyên liệu của địa phương, có vùng nguyên liệu ổn định, liên kết chuỗi";
        let s = short(long);
        assert!(s.chars().count() <= SHORT_NAME, "{s}");
        assert!(s.ends_with('…'));
        assert!(long.starts_with(s.trim_end_matches('…')));
        assert_eq!(short(" Tổ chức sản xuất "), "Tổ chức sản xuất");
        assert_eq!(
            short("Năng lực sản xuất để đáp ứng yêu cầu phân phối (Khả năng sản xuất đáp ứng)"),
            "Năng lực sản xuất để đáp ứng yêu cầu phân phối"
        );
        assert_eq!(short("Vị (ngọt)"), "Vị (ngọt)");
    }
}
