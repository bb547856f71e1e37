//! The producer's working copy (never filed, not one of the decision's forms): the estimated
//! score sheet, required minimums not met, knock-out conditions, what the filing copy still
//! leaves blank (the one list, [`crate::draft::blanks`], named as the app names it) and what to
//! check, score tips, doubtful cells of the sheet, the declarations behind the tick boxes, the
//! evidence checklist by criterion, and how to file.

use super::{notes_paras, split_criterion_name, Builder};
use crate::date::parse_date;
use crate::dossier::{Align, Block, Cell, Para, ParaStyle, Row, Span, SpanKind, Table};
use crate::draft::{blanks, is_blank, Blank, Field, Problem, RegistrationType};
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
                "Bản làm việc của chủ thể – không nộp, không thuộc mẫu biểu của Quyết định",
                "The producer's working copy – not filed, not one of the Decision's forms",
            ))])
            .align(Align::Right)
            .style(ParaStyle::Small),
        );
        self.heading(1, "BẢN LÀM VIỆC – KHÔNG NỘP KÈM HỒ SƠ".into());
        self.gloss("Working copy – not filed with the dossier");
        let product = self
            .draft
            .display_name(&self.set.name.vi)
            .trim()
            .to_string();
        let p = Para::new(vec![
            Span::plain(self.pick("Sản phẩm: ", "Product: ")),
            Span::user(product),
        ])
        .align(Align::Center);
        self.para(p);
        self.blocks.push(Block::Notice(vec![
            Para::new(vec![Span::bold(self.pick(
                "ĐÂY LÀ KẾT QUẢ TỰ ƯỚC TÍNH, KHÔNG PHẢI KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG CỦA HỘI ĐỒNG.",
                "THIS IS A SELF-ESTIMATE, NOT THE RESULT OF THE EVALUATION COUNCIL.",
            ))])
            .align(Align::Center),
            Para::text(lang.pick(format!(
                    "Điểm và số sao dưới đây được công cụ Tự đánh giá OCOP tính từ câu trả lời của chủ thể theo Quyết định số {}. Hội đồng đánh giá, phân hạng chấm điểm độc lập trên {}. Bản làm việc này để tham khảo khi chuẩn bị hồ sơ, không nộp kèm hồ sơ.",
                    self.set.decision.number,
                    if self.tourism { "hồ sơ" } else { "hồ sơ và mẫu sản phẩm" }
                ), format!(
                    "The points and stars below were computed by the OCOP self-check tool from the producer's own answers under Decision {}. The evaluation council scores independently, from {}. This working copy helps preparing the dossier; it is not filed with it.",
                    self.set.decision.number,
                    if self.tourism { "the dossier" } else { "the dossier and the samples" }
                )))
            .align(Align::Justify),
            Para::new(vec![Span::bold(self.pick(
                "Hồ sơ nộp là tệp riêng (Mẫu số 01, Mẫu số 02 và phụ lục minh chứng, theo nguyên văn Phụ lục III); nộp cho Ủy ban nhân dân cấp xã 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử (Điều 7 khoản 1).",
                "The filing copy is a separate file (Form 01, Form 02 and its evidence annex, word for word as Annex III prints them); file 01 paper set and 01 electronic set with the commune People's Committee (Article 7.1).",
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

        // The tool's score tips live here, not in the producer's plan (Mẫu 02 Part IV).
        if !a.advice.is_empty() {
            self.heading(
                3,
                self.pick(
                    "Gợi ý nâng điểm (tham khảo khi viết Phần IV của Mẫu số 02)",
                    "How to gain points (for writing Part IV of Form 02)",
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
        // The criteria with no proof yet: neither a note ("mô tả, chứng minh") nor a file.
        let unproven = self.unproven();
        let line = if unproven.is_empty() {
            Span::plain(self.pick(
                "Mọi tiêu chí đã có mô tả hoặc tệp minh chứng.",
                "Every criterion has a description or an evidence file.",
            ))
        } else {
            Span {
                text: lang.pick(
                    format!(
                        "Tiêu chí chưa có minh chứng (không có mô tả, không có tệp) ({}): {}",
                        unproven.len(),
                        unproven.join(", ")
                    ),
                    format!(
                        "Criteria with no proof yet (no description, no file) ({}): {}",
                        unproven.len(),
                        unproven.join(", ")
                    ),
                ),
                bold: true,
                kind: SpanKind::Missing,
                ..Span::default()
            }
        };
        self.para(Para::new(vec![line]));
        let mut rows = vec![Row {
            cells: vec![
                Cell::text(self.pick("Tiêu chí", "Criterion")),
                Cell::text(self.pick("Minh chứng cần đính kèm", "Evidence to attach")),
                Cell::text(self.pick("Đã có", "In hand")),
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
                    Cell::new(self.proof_in_hand(&c.code)),
                ],
                header: false,
            });
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![30, 48, 22],
            rows,
            borders: true,
        }));

        self.still_blank();
        self.renewal();
        self.misprints();
        self.declarations();
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

    /// What criterion `code` has so far: the producer's description, the evidence files by
    /// their numbers in the filing copy's annex; "Chưa có" (highlighted) when neither.
    fn proof_in_hand(&self, code: &str) -> Vec<Para> {
        let mut out = Vec::new();
        if self.draft.evidence.get(code).is_some_and(|n| !is_blank(n)) {
            out.push(Para::text(self.pick("Mô tả, chứng minh", "Description")));
        }
        let numbers = self.evidence_numbers(code);
        if !numbers.is_empty() {
            let list = numbers
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            out.push(Para::text(self.lang.pick(
                format!("Tệp: minh chứng số {list}"),
                format!("Files: evidence no. {list}"),
            )));
        }
        if out.is_empty() {
            out.push(Para::new(vec![Span {
                text: self.pick("Chưa có", "None yet"),
                italic: true,
                kind: SpanKind::Missing,
                ..Span::default()
            }]));
        }
        out
    }

    /// "Còn để trống trong hồ sơ nộp": every blank of [`crate::draft::blanks`], named as the app
    /// names it, then the values printed as typed that look wrong, then what is always done by
    /// hand.
    fn still_blank(&mut self) {
        let lang = self.lang;
        self.heading(
            2,
            self.pick(
                "3. Còn để trống trong hồ sơ nộp",
                "3. Still blank in the filing copy",
            ),
        );
        let blanks = blanks(self.draft, self.set);
        if blanks.is_empty() {
            self.para(Para::text(self.pick(
                "Hồ sơ nộp không còn chỗ trống nào cần chủ thể điền.",
                "The filing copy has no blank left for the producer to fill.",
            )));
        } else {
            let n = blanks.len();
            self.para(Para::text(lang.pick(
                format!("Cần bổ sung {n} mục (hồ sơ nộp để trống bằng dòng chấm):"),
                format!("{n} to complete (left as dotted lines in the filing copy):"),
            )));
        }
        let fields: Vec<Field> = blanks
            .iter()
            .filter_map(|b| match b {
                Blank::Field(f) => Some(*f),
                _ => None,
            })
            .collect();
        for f in fields {
            self.para(Para::text(format!("- {}", field_label(lang, f))).indent(1));
            if f == Field::Address && blanks.contains(&Blank::Province) {
                self.para(Para::text(blank_label(lang, &Blank::Province)).indent(1));
            }
        }
        if blanks.contains(&Blank::Province) && !blanks.contains(&Blank::Field(Field::Address)) {
            self.para(Para::text(blank_label(lang, &Blank::Province)).indent(1));
        }
        let codes = |want: fn(&Blank) -> Option<&str>| -> Vec<String> {
            blanks.iter().filter_map(want).map(str::to_string).collect()
        };
        let scores = codes(|b| match b {
            Blank::Score(c) => Some(c.as_str()),
            _ => None,
        });
        if !scores.is_empty() {
            let text = lang.pick(
                format!(
                    "- Tiêu chí chưa tự đánh giá ({}): {}",
                    scores.len(),
                    scores.join(", ")
                ),
                format!(
                    "- Criteria not yet assessed ({}): {}",
                    scores.len(),
                    scores.join(", ")
                ),
            );
            self.para(Para::text(text).indent(1));
        }
        let notes = codes(|b| match b {
            Blank::Description(c) => Some(c.as_str()),
            _ => None,
        });
        if !notes.is_empty() {
            let text = lang.pick(
                format!(
                    "- Tiêu chí chưa có mô tả, chứng minh ({}): {}",
                    notes.len(),
                    notes.join(", ")
                ),
                format!(
                    "- Criteria without a description and proof ({}): {}",
                    notes.len(),
                    notes.join(", ")
                ),
            );
            self.para(Para::text(text).indent(1));
        }
        let doubtful: Vec<_> = self
            .problems
            .iter()
            .filter(|p| p.problem != Problem::Missing)
            .collect();
        let former =
            crate::draft::address::province_of(&self.draft.producer.address).filter(|p| !p.current);
        if !doubtful.is_empty() || former.is_some() {
            self.heading(3, self.pick("Cần kiểm tra", "To check"));
        }
        if let Some(p) = former {
            let text = lang.pick(
                format!(
                    "- Địa chỉ ghi \"{}\": không phải tỉnh, thành phố hiện hành (từ ngày 01/7/2025 còn 34 tỉnh, thành phố); ghi theo đơn vị hành chính mới.",
                    p.full()
                ),
                format!(
                    "- The address says \"{}\": not a province or city in force (34 since 1 July 2025); write the new unit.",
                    p.full()
                ),
            );
            self.para(Para::text(text).indent(1));
        }
        if !doubtful.is_empty() {
            for p in &doubtful {
                let spans = vec![
                    Span::plain(format!("- {}: ", field_label(lang, p.field))),
                    Span::user(p.field.value(self.draft).trim()),
                    Span {
                        text: format!(" ({})", i18n::problem(lang, &p.problem)),
                        italic: true,
                        kind: SpanKind::Missing,
                        ..Span::default()
                    },
                ];
                self.para(Para::new(spans).indent(1));
            }
        }
        self.heading(3, self.pick("Luôn tự làm", "Always by hand"));
        let mut by_hand = vec![self.pick(
            "chữ ký, con dấu (nếu có) ở Mẫu số 01 và Mẫu số 02; ngày ký nếu khác ngày lập",
            "signatures and seal (if any) on Forms 01 and 02; the date if you sign on another day",
        )];
        by_hand.push(self.pick(
            "bản sao tài liệu minh chứng, xếp theo thứ tự tiêu chí trong phụ lục của Mẫu số 02",
            "copies of the evidence, in criterion order, in the annex of Form 02",
        ));
        if !self.tourism {
            // No product samples for the tourism set (Điều 6 khoản 2 điểm d).
            by_hand.push(self.pick(
                "05 sản phẩm mẫu, số lượng ghi ở mục 5 Mẫu số 01 (Điều 6 khoản 2 điểm d)",
                "05 product samples, their number written in item 5 of Form 01 (Article 6.2.d)",
            ));
        }
        for t in by_hand {
            self.para(Para::text(format!("- {t}")).indent(1));
        }
    }

    /// Cells of this set's sheet that may be misprints, with what the tool does.
    fn misprints(&mut self) {
        let lang = self.lang;
        let notes: Vec<String> = crate::rubric::MISPRINTS
            .iter()
            .filter(|m| m.set == self.set.id)
            .map(|m| {
                let level = self
                    .set
                    .criterion(m.code)
                    .and_then(|c| c.level(m.position))
                    .map(|l| l.text.vi.chars().take(60).collect::<String>())
                    .unwrap_or_default();
                lang.pick(
                    format!("- Tiêu chí {}, mức \"{level}…\": {}", m.code, m.note(lang)),
                    format!(
                        "- Criterion {}, level \"{level}…\": {}",
                        m.code,
                        m.note(lang)
                    ),
                )
            })
            .collect();
        if notes.is_empty() {
            return;
        }
        self.heading(
            3,
            self.pick(
                "Ô có thể in sai trong bộ tiêu chí",
                "Cells of the sheet that may be misprints",
            ),
        );
        for n in notes {
            self.para(Para::text(n).indent(1));
        }
    }

    /// The producer's declarations behind the tick boxes of Mẫu 02 I.7 (c) and (d), so that the
    /// ticks can be checked against them.
    fn declarations(&mut self) {
        self.heading(
            3,
            self.pick(
                "Kê khai dùng để đánh dấu mục 7 (c), (d) Phần I Mẫu số 02",
                "Declarations behind the ticks of item 7 (c), (d) of Form 02 Part I",
            ),
        );
        for f in [Field::Certificates, Field::IntellectualProperty] {
            let v = f.value(self.draft);
            let value = if is_blank(v) {
                Span::italic(self.pick(
                    "(chưa kê khai: các ô để trống)",
                    "(nothing declared: the boxes stay empty)",
                ))
            } else {
                Span::user(v.trim())
            };
            let spans = vec![
                Span::plain(format!("- {}: ", field_label(self.lang, f))),
                value,
            ];
            self.para(Para::new(spans).indent(1));
        }
    }

    /// For an upgrade or a re-evaluation: when the certificate in force expires (36 months) and
    /// the re-evaluation filing window (Điều 7 khoản 6 điểm a), from the recognition date.
    fn renewal(&mut self) {
        use crate::draft::renewal::{Renewal, Window};
        let kind = self.draft.product.registration_type;
        if kind == RegistrationType::FirstTime {
            return;
        }
        let Some(r) = parse_date(&self.draft.report.recognition_date)
            .ok()
            .and_then(Renewal::of)
        else {
            return;
        };
        let lang = self.lang;
        self.heading(
            3,
            self.pick(
                "Giấy chứng nhận OCOP đang có",
                "The OCOP certificate in force",
            ),
        );
        let line = lang.pick(
            format!(
                "- Hết hạn 36 tháng: ngày {}; hồ sơ đánh giá lại nộp từ ngày {} đến ngày {} (không sớm hơn 180 ngày, không muộn hơn 120 ngày trước ngày hết hạn; Điều 7 khoản 6).",
                r.expires.dmy(),
                r.file_from.dmy(),
                r.file_until.dmy()
            ),
            format!(
                "- The 36 months end on {}; a re-evaluation dossier is filed from {} to {} (no earlier than 180 days and no later than 120 days before expiry; Article 7.6).",
                r.expires.long(Lang::En),
                r.file_from.long(Lang::En),
                r.file_until.long(Lang::En)
            ),
        );
        self.para(Para::text(line).indent(1));
        if kind != RegistrationType::ReEvaluation {
            return;
        }
        let Some(today) = self.date else {
            return;
        };
        let note = match r.window(today) {
            Window::Open => return,
            Window::TooEarly => self.pick(
                "- Hôm nay chưa đến thời gian nộp hồ sơ đánh giá lại.",
                "- Today is before the filing window opens.",
            ),
            Window::Passed => self.pick(
                "- Đã quá thời hạn nộp hồ sơ đánh giá lại; hỏi Ủy ban nhân dân cấp xã cách làm.",
                "- The filing window has passed; ask the commune People's Committee what to do.",
            ),
        };
        self.para(Para::new(vec![Span::bold(note)]).indent(1));
    }
}

/// How the working copy names a blank that is not a detail field.
fn blank_label(lang: Lang, b: &Blank) -> String {
    match b {
        Blank::Province => lang
            .pick(
                "- Tỉnh, thành phố trong địa chỉ (ghi ở cuối địa chỉ, ví dụ \"…, tỉnh Lào Cai\")",
                "- The province or city in the address (at its end, e.g. \"…, tỉnh Lào Cai\")",
            )
            .to_string(),
        Blank::Field(f) => format!("- {}", field_label(lang, *f)),
        Blank::Score(c) | Blank::Description(c) => format!("- {c}"),
    }
}
