//! The annex of the draft dossier (not one of the Decision's forms): the estimated score sheet,
//! required minimums not met, knock-out conditions, score tips, the evidence checklist by
//! criterion and what to complete before filing.

use super::{notes_paras, split_criterion_name, Builder};
use crate::dossier::{Align, Block, Cell, Para, ParaStyle, Row, Span, SpanKind, Table};
use crate::draft::is_blank;
use crate::i18n::{self, field_label};
use crate::lang::Lang;
use crate::rubric::{evidence, KnockOutKind};

/// How many advice steps the annex lists.
const ADVICE_IN_ANNEX: usize = 8;

impl Builder<'_> {
    pub(super) fn annex(&mut self) {
        let lang = self.lang;
        let a = self.a;
        self.para(
            Para::new(vec![Span::italic(self.pick(
                "Phụ lục của bản dự thảo hồ sơ – không thuộc mẫu biểu của Quyết định",
                "Annex to the draft dossier – not one of the Decision's forms",
            ))])
            .align(Align::Right)
            .style(ParaStyle::Small),
        );
        self.heading(
            1,
            "PHỤ LỤC: BẢNG ƯỚC TÍNH ĐIỂM VÀ DANH MỤC MINH CHỨNG".into(),
        );
        self.gloss("Annex: estimated score sheet and evidence checklist");
        self.blocks.push(Block::Notice(vec![
            Para::new(vec![Span::bold(self.pick(
                "ĐÂY LÀ KẾT QUẢ TỰ ƯỚC TÍNH, KHÔNG PHẢI KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG CỦA HỘI ĐỒNG.",
                "THIS IS A SELF-ESTIMATE, NOT THE RESULT OF THE EVALUATION COUNCIL.",
            ))])
            .align(Align::Center),
            Para::text(lang.pick(format!(
                    "Điểm và số sao dưới đây được công cụ Tự đánh giá OCOP tính từ câu trả lời của chủ thể theo Quyết định số {}. Hội đồng đánh giá, phân hạng chấm điểm độc lập trên {}. Phụ lục này để tham khảo khi chuẩn bị hồ sơ, không nộp kèm hồ sơ.",
                    self.set.decision.number,
                    if self.tourism { "hồ sơ" } else { "hồ sơ và mẫu sản phẩm" }
                ), format!(
                    "The points and stars below were computed by the OCOP self-check tool from the producer's own answers under Decision {}. The evaluation council scores independently, from {}. This annex helps preparing the dossier; it is not filed with it.",
                    self.set.decision.number,
                    if self.tourism { "the dossier" } else { "the dossier and the samples" }
                )))
            .align(Align::Justify),
            Para::new(vec![Span::bold(self.pick(
                "Nội dung Mẫu số 01, 02 được dựng lại theo cấu trúc Phụ lục III, không phải bản sao nguyên văn; đối chiếu với mẫu chính thức trước khi nộp.",
                "Forms 01 and 02 are rebuilt from the structure of Annex III, not verbatim copies; check them against the official forms before filing.",
            ))])
            .align(Align::Justify),
        ]));

        self.heading(2, self.pick("1. Điểm ước tính", "1. Estimated score"));
        let mut rows = vec![Row {
            cells: vec![
                Cell::text(self.pick("Phần", "Part")),
                Cell::text(self.pick("Nội dung", "Content")),
                Cell::text(self.pick("Điểm ước tính", "Estimated points")),
                Cell::text(self.pick("Tối đa", "Maximum")),
            ],
            header: true,
        }];
        for part in &self.set.parts {
            let pts = a.part(&part.code);
            rows.push(Row {
                cells: vec![
                    Cell::text(part.code.clone()),
                    Cell::text(part.name.get(lang).to_string()),
                    Cell::text(pts.to_string()),
                    Cell::text(part.max.to_string()),
                ],
                header: false,
            });
        }
        rows.push(Row {
            cells: vec![
                Cell::spans(vec![Span::bold(self.pick("Tổng cộng", "Total"))])
                    .span(2)
                    .shaded(),
                Cell::spans(vec![Span::bold(a.total.to_string())]).shaded(),
                Cell::spans(vec![Span::bold(a.max_total.to_string())]).shaded(),
            ],
            header: false,
        });
        self.blocks.push(Block::Table(Table {
            widths: vec![10, 56, 20, 14],
            rows,
            borders: true,
        }));

        let label = self.pick("Tổng điểm", "Total");
        let v = format!(
            "{} – {}",
            i18n::total(lang, a.total, a.max_total),
            i18n::band(lang, a.band)
        );
        self.line("-", label, vec![Span::plain(v)], 0);
        let label = self.pick("Số sao ước tính", "Estimated stars");
        let mut v = vec![Span::bold(format!(
            "{} ({})",
            "★".repeat(usize::from(a.stars)),
            i18n::stars(lang, a.stars)
        ))];
        if a.stars < a.band {
            v.push(Span::italic(self.pick(
                " – thấp hơn khung điểm vì còn yêu cầu tối thiểu chưa đạt",
                " – below the band because required minimums are not met",
            )));
        }
        if a.knocked_out {
            v.push(Span::bold(self.pick(
                " – hồ sơ bị loại (xem mục điều kiện loại)",
                " – dossier rejected (see the knock-out conditions)",
            )));
        }
        self.line("-", label, v, 0);
        let label = self.pick("Tiêu chí đã tự đánh giá", "Criteria assessed");
        self.line(
            "-",
            label,
            vec![Span::plain(format!("{}/{}", a.answered, a.criterion_count))],
            0,
        );
        if let Some(n) = &a.next {
            let label = self.pick("Hạng sao tiếp theo", "Next star");
            self.line("-", label, vec![Span::plain(i18n::next_star(lang, n))], 0);
        }

        self.heading(
            3,
            self.pick("Yêu cầu tối thiểu chưa đạt", "Required minimums not met"),
        );
        if a.unmet_minimums.is_empty() {
            self.para(Para::text(self.pick("Không có.", "None.")).indent(1));
        }
        for stars in 3..=5u8 {
            let items: Vec<String> = a
                .unmet_for(stars)
                .map(|u| i18n::unmet_minimum(lang, u))
                .collect();
            if items.is_empty() {
                continue;
            }
            let head = lang.pick(format!("Để đạt {stars}★:"), format!("For {stars}★:"));
            self.para(Para::new(vec![Span::bold(head)]).indent(1));
            for i in items {
                self.para(Para::text(format!("- {i}")).indent(2));
            }
        }

        self.heading(3, self.pick("Điều kiện loại hồ sơ", "Knock-out conditions"));
        let mut any = false;
        for k in &a.knock_outs {
            any = true;
            let text = self
                .set
                .knock_out(&k.id)
                .map(|x| x.text.get(lang).to_string())
                .unwrap_or_else(|| k.id.clone());
            self.para(
                Para::new(vec![Span::bold(format!(
                    "- {}",
                    i18n::knock_out(lang, k.effect, &text)
                ))])
                .indent(1),
            );
        }
        let open: Vec<&crate::rubric::KnockOut> = a
            .open_knock_outs
            .iter()
            .filter_map(|id| self.set.knock_out(id))
            .filter(|k| k.kind == KnockOutKind::Question)
            .collect();
        if !open.is_empty() {
            any = true;
            self.para(
                Para::new(vec![Span::italic(format!(
                    "{}:",
                    i18n::open_knock_outs(lang, open.len())
                ))])
                .indent(1),
            );
            for k in open {
                self.para(Para::text(format!("- {}", k.text.get(lang))).indent(2));
            }
        }
        if !any {
            self.para(
                Para::text(self.pick(
                    "Theo câu trả lời, không có điều kiện loại hồ sơ nào.",
                    "From the answers, no knock-out condition applies.",
                ))
                .indent(1),
            );
        }

        // The tool's score tips live here, not in the producer's plan (Mẫu 02 Part IV.2).
        if !a.advice.is_empty() {
            self.heading(
                3,
                self.pick(
                    "Gợi ý nâng điểm (tham khảo khi viết mục IV.2 của Mẫu số 02)",
                    "How to gain points (for writing item IV.2 of Form 02)",
                ),
            );
            for x in a.advice.iter().take(ADVICE_IN_ANNEX) {
                let text = i18n::advice(lang, x, self.set);
                self.para(Para::text(format!("- {text}")).indent(1));
            }
        }

        self.heading(
            2,
            self.pick(
                "2. Danh mục minh chứng theo tiêu chí",
                "2. Evidence checklist by criterion",
            ),
        );
        self.guidance(
            "(Tài liệu theo danh mục của Mẫu số 02; việc xếp vào từng tiêu chí là gợi ý của công cụ. Đánh dấu ☒ khi đã có bản sao minh chứng; sắp xếp minh chứng theo thứ tự tiêu chí.)",
            "(Documents from the list of Form 02; placing them under each criterion is the tool's suggestion. Tick ☒ once the copy is in hand; file evidence in criterion order.)",
        );
        let mut rows = vec![Row {
            cells: vec![
                Cell::text(self.pick("Tiêu chí", "Criterion")),
                Cell::text(self.pick("Minh chứng cần đính kèm", "Evidence to attach")),
            ],
            header: true,
        }];
        for l in self.set.criteria() {
            let c = l.criterion;
            let ev = evidence::for_criterion(self.set, &c.code);
            let paras: Vec<Para> = if ev.is_empty() {
                vec![Para::text("—")]
            } else {
                ev.iter()
                    .map(|e| {
                        Para::new(vec![
                            Span::check(false),
                            Span::plain(format!(" {}", e.get(lang))),
                        ])
                    })
                    .collect()
            };
            rows.push(Row {
                cells: vec![
                    Cell::new({
                        let (head, notes) = split_criterion_name(c.text.get(lang));
                        let mut p = vec![Para::new(vec![
                            Span::bold(format!("{} ", c.code)),
                            Span::plain(head),
                        ])];
                        p.extend(notes_paras(&notes));
                        p
                    }),
                    Cell::new(paras),
                ],
                header: false,
            });
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![36, 64],
            rows,
            borders: true,
        }));

        self.heading(
            2,
            self.pick(
                "3. Thông tin cần bổ sung trước khi nộp",
                "3. To complete before filing",
            ),
        );
        if self.problems.is_empty() && a.unanswered.is_empty() {
            self.para(Para::text(self.pick(
                "Các thông tin của chủ thể và sản phẩm đã đủ.",
                "The producer's and product's details are complete.",
            )));
        }
        for p in self.problems {
            let mut spans = vec![Span::plain(format!("- {}: ", field_label(lang, p.field)))];
            spans.push(Span {
                text: i18n::problem(lang, &p.problem).to_string(),
                italic: true,
                kind: SpanKind::Missing,
                ..Span::default()
            });
            self.para(Para::new(spans).indent(1));
        }
        if !a.unanswered.is_empty() {
            let text = lang.pick(
                format!("- Tiêu chí chưa tự đánh giá: {}", a.unanswered.join(", ")),
                format!("- Criteria not yet assessed: {}", a.unanswered.join(", ")),
            );
            self.para(Para::new(vec![Span::plain(text)]).indent(1));
        }
        let missing_notes: Vec<&str> = self
            .set
            .criteria()
            .map(|l| l.criterion.code.as_str())
            .filter(|code| self.draft.evidence.get(*code).is_none_or(|n| is_blank(n)))
            .collect();
        if !missing_notes.is_empty() {
            let text = lang.pick(
                format!(
                    "- Tiêu chí chưa có thuyết minh: {}",
                    missing_notes.join(", ")
                ),
                format!(
                    "- Criteria without a description: {}",
                    missing_notes.join(", ")
                ),
            );
            self.para(Para::text(text).indent(1));
        }
        let (vi, en) = if self.tourism {
            // No product samples for the tourism set (docs/domain.md §7.1).
            (
                "- Luôn tự hoàn thiện: tên Ủy ban nhân dân cấp xã nhận hồ sơ; mục I.9–I.10, phần II và phần IV của Mẫu số 02; chữ ký, con dấu (nếu có); bản sao minh chứng.",
                "- Always by hand: the commune that receives the dossier; items I.9–I.10, Parts II and IV of Form 02; signatures and seal (if any); copies of the evidence.",
            )
        } else {
            (
                "- Luôn tự hoàn thiện: tên Ủy ban nhân dân cấp xã nhận hồ sơ; mục I.9–I.10, phần II và phần IV của Mẫu số 02; chữ ký, con dấu (nếu có); bản sao minh chứng; mẫu sản phẩm.",
                "- Always by hand: the commune that receives the dossier; items I.9–I.10, Parts II and IV of Form 02; signatures and seal (if any); copies of the evidence; product samples.",
            )
        };
        self.para(Para::text(self.pick(vi, en)).indent(1));
        let made = match self.date {
            Some(d) => lang.pick(
                format!(
                    "Bản dự thảo lập bằng công cụ Tự đánh giá OCOP ngày {}.",
                    d.dmy()
                ),
                format!(
                    "Draft made with the OCOP self-check tool on {}.",
                    d.long(Lang::En)
                ),
            ),
            None => self.pick(
                "Bản dự thảo lập bằng công cụ Tự đánh giá OCOP.",
                "Draft made with the OCOP self-check tool.",
            ),
        };
        self.para(
            Para::new(vec![Span::italic(made)])
                .style(ParaStyle::Small)
                .align(Align::Right),
        );
    }
}
