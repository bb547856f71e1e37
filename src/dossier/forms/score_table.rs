//! Mẫu 02 Part III: the producer's self-assessment against the criteria, "theo thứ tự từng tiêu
//! chí", one table per part (A, B, C) with a row per criterion: the level reached in the
//! decision's own words, the points, and the producer's "mô tả, chứng minh" followed by the
//! numbers of the criterion's evidence files in the annex ("Minh chứng số 3, 4 trong phụ lục").
//! What is not yet answered or described is a dotted blank (recorded, see `Dossier::blanks`);
//! no hint, no suggestion: those are in the working copy.

use super::{notes_paras, split_criterion_name, Builder};
use crate::dossier::{Block, Cell, Para, ParaStyle, Row, Span, Table};
use crate::draft::{is_blank, Blank};
use crate::i18n;
use crate::lang::Lang;
use crate::rubric::Criterion;

/// The blank of a cell.
const DOTS: &str = "……………";

impl Builder<'_> {
    pub(super) fn score_tables(&mut self) {
        let lang = self.lang;
        let set = self.set;
        let p = lang.pick(
            format!(
                "Bộ tiêu chí: bộ sản phẩm số {:02} – {} (Phụ lục II, Quyết định số {}).",
                set.no, set.name.vi, set.decision.number
            ),
            format!(
                "Scoring sheet: product set no. {:02} – {} (Appendix II, Decision {}).",
                set.no, set.name.en, set.decision.number
            ),
        );
        self.para(Para::text(p));
        for part in &set.parts {
            let points = self
                .a
                .parts
                .iter()
                .find(|p| p.code == part.code)
                .map(|p| p.points)
                .unwrap_or(0);
            let heading = lang.pick(
                format!(
                    "PHẦN {}. {} (tối đa {} điểm)",
                    part.code,
                    part.name.vi.to_uppercase(),
                    part.max
                ),
                format!(
                    "PART {}. {} (max {} points)",
                    part.code,
                    part.name.en.to_uppercase(),
                    part.max
                ),
            );
            self.heading(3, heading);
            let mut rows = vec![Row {
                cells: vec![
                    Cell::text(self.pick("Mã", "Code")),
                    Cell::text(self.pick("Tiêu chí", "Criterion")),
                    Cell::text(self.pick("Kết quả tự đánh giá", "Result")),
                    Cell::text(self.pick("Điểm", "Points")),
                    Cell::text(self.pick("Mô tả, chứng minh", "Description and proof")),
                ],
                header: true,
            }];
            for section in &part.sections {
                // A section that is one criterion of the same code ("7. TÍNH ĐỘC ĐÁO") is
                // printed once, as the criterion row with the maximum in it.
                if let [c] = section.criteria.as_slice() {
                    if c.code == section.code {
                        rows.push(self.criterion_row(c, true));
                        continue;
                    }
                }
                let text = format!(
                    "{}. {} ({})",
                    section.code,
                    section.name.get(lang),
                    i18n::max_points(lang, section.max)
                );
                rows.push(shaded_row(text, 5));
                let mut group: Option<&str> = None;
                for c in &section.criteria {
                    if let Some(g) = c.group.as_deref() {
                        if group != Some(g) {
                            group = Some(g);
                            if let Some(gr) = section.groups.iter().find(|x| x.code == g) {
                                rows.push(shaded_row(
                                    format!(
                                        "{} {} ({})",
                                        gr.code,
                                        gr.name.get(lang),
                                        i18n::max_points(lang, gr.max)
                                    ),
                                    5,
                                ));
                            }
                        }
                    }
                    rows.push(self.criterion_row(c, false));
                }
            }
            rows.push(Row {
                cells: vec![
                    Cell::spans(vec![Span::bold(lang.pick(
                        format!("Cộng phần {}", part.code),
                        format!("Total of part {}", part.code),
                    ))])
                    .span(3)
                    .shaded(),
                    Cell::spans(vec![Span::bold(format!("{points}/{}", part.max))]).shaded(),
                    Cell::new(vec![Para::default()]).shaded(),
                ],
                header: false,
            });
            self.blocks.push(Block::Table(Table {
                widths: vec![7, 22, 31, 9, 31],
                rows,
                borders: true,
            }));
        }
        let total = lang.pick(
            format!(
                "Tổng điểm tự đánh giá: {}/{} điểm (A {}, B {}, C {}).",
                self.a.total,
                self.a.max_total,
                self.a.part("A"),
                self.a.part("B"),
                self.a.part("C")
            ),
            format!(
                "Self-assessed total: {}/{} points (A {}, B {}, C {}).",
                self.a.total,
                self.a.max_total,
                self.a.part("A"),
                self.a.part("B"),
                self.a.part("C")
            ),
        );
        self.para(Para::new(vec![Span::bold(total)]));
    }

    /// A criterion's row of Part III; `with_max` adds "(tối đa N điểm)" after its name (when
    /// no section row above says it).
    fn criterion_row(&self, c: &Criterion, with_max: bool) -> Row {
        let lang = self.lang;
        let score = self.a.criteria.iter().find(|s| s.code == c.code);
        let (head, notes) = split_criterion_name(&c.text.vi);
        let mut name = vec![Span::plain(head)];
        if with_max {
            name.push(Span::plain(format!(" ({})", i18n::max_points(lang, c.max))));
        }
        let mut text = vec![Para::new(name)];
        text.extend(notes_paras(&notes));
        if lang == Lang::En && !c.text.en.is_empty() {
            text.push(Para::new(vec![Span::italic(c.text.en.clone())]).style(ParaStyle::Small));
        }
        let level: Vec<Para> = match score {
            Some(s) if s.position.is_some() => {
                let pos = s.position.unwrap_or(0);
                let mut paras = Vec::new();
                if let Some(l) = c.level(pos) {
                    // The level's own words only: the decision numbers no levels, and the app's
                    // position index would disagree with the points ("Mức 3 … 2/3").
                    let mut head = Vec::new();
                    if let Some(case) = l.case.and_then(|k| c.cases.get(usize::from(k) - 1)) {
                        head.push(Span::italic(format!("[{}] ", case.get(lang))));
                    }
                    head.push(Span::plain(l.text.vi.clone()));
                    paras.push(Para::new(head));
                    if lang == Lang::En && !l.text.en.is_empty() {
                        paras.push(
                            Para::new(vec![Span::italic(l.text.en.clone())])
                                .style(ParaStyle::Small),
                        );
                    }
                }
                paras
            }
            Some(s) if s.answered => vec![Para::new(vec![Span::italic(self.pick(
                "Chưa đạt mức nào trong bộ tiêu chí (0 điểm)",
                "None of the printed levels reached (0 points)",
            ))])],
            _ => {
                self.left_blank(Blank::Score(c.code.clone()));
                vec![Para::text(DOTS)]
            }
        };
        let points = match score {
            Some(s) if s.answered => format!("{}/{}", s.points, c.max),
            _ => format!("…/{}", c.max),
        };
        let mut note: Vec<Para> = match self.draft.evidence.get(&c.code).filter(|n| !is_blank(n)) {
            Some(n) => n
                .lines()
                .map(str::trim)
                .filter(|l| !is_blank(l))
                .map(|l| Para::new(vec![Span::user(l)]))
                .collect(),
            None => {
                self.left_blank(Blank::Description(c.code.clone()));
                vec![Para::text(DOTS)]
            }
        };
        // The evidence files of the criterion, by their numbers in the annex.
        note.extend(self.evidence_reference(&c.code));
        Row {
            cells: vec![
                Cell::spans(vec![Span::bold(c.code.clone())]),
                Cell::new(text),
                Cell::new(level),
                Cell::text(points),
                Cell::new(note),
            ],
            header: false,
        }
    }
}

fn shaded_row(text: String, span: u16) -> Row {
    Row {
        cells: vec![Cell::spans(vec![Span::bold(text)]).span(span).shaded()],
        header: false,
    }
}
