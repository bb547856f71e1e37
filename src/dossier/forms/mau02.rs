//! Mẫu 02: the self-assessment report (Báo cáo tự đánh giá về sản phẩm), word for word as
//! Phụ lục III of the decision prints it: Parts I, II and IV here, Part III's self-scoring in
//! [`super::score_table`], the tick-box rules of Part I item 7 in [`super::ticks`], the evidence
//! annex the report asks for in [`super::appendix`].
//!
//! Nothing is added inside the form but what the decision itself asks the report to carry: the
//! producer's text in its blanks, the figures of "doanh thu, lợi nhuận" as a small table, and,
//! for an upgrade or a re-evaluation, the passages Điều 6 khoản 1 điểm b and c require (worded
//! with that article's words).

use super::ticks::{declared_ticks, TickBox, CONDITION_BOXES, IP_BOXES};
use super::Builder;
use crate::dossier::{Align, Block, Cell, Para, Row, Span, Table};
use crate::draft::{is_blank, Field, RegistrationType};
use crate::rubric::{evidence, Role};

/// A shorter leader, for blanks that share a line.
const SHORT: &str = "………………………";

impl Builder<'_> {
    pub(super) fn form_02(&mut self) {
        self.form_label(
            "Mẫu số 02: Báo cáo tự đánh giá về sản phẩm",
            "Form 02: Self-assessment report on the product",
        );
        self.heading(1, "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM".into());
        let p = Para::new(vec![Span::italic(self.pick(
            "(Dành cho chủ thể có sản phẩm đăng ký)",
            "(For the producer whose product is registered)",
        ))])
        .align(Align::Center);
        self.para(p);
        self.gloss("Self-assessment report on the product");
        self.part_1();
        self.part_2();
        self.part_3();
        self.part_4();
        let name = self.draft.producer.representative_name.clone();
        self.signature_block(
            true,
            (
                "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ",
                "LEGAL REPRESENTATIVE OF THE FACILITY",
            ),
            None,
            ("(Ký, họ tên, đóng dấu)", "(Signature, full name, seal)"),
            Some(&name),
        );
    }

    /// "Phần I" over "THÔNG TIN CHUNG", as printed.
    fn part_title(&mut self, number: &str, en_number: &str, vi: &str, en: &str) {
        self.centred(&self.pick(number, en_number), true);
        self.heading(2, self.pick(vi, en));
        if let Some(Block::Heading(h)) = self.blocks.last_mut() {
            h.align = Align::Center;
        }
    }

    fn part_1(&mut self) {
        self.part_title("Phần I", "Part I", "THÔNG TIN CHUNG", "GENERAL INFORMATION");
        self.producer_lines();
        let mut v = self.blank_with(Field::Phone, SHORT);
        v.push(Span::plain(" Email: "));
        v.extend(self.blank_with(Field::Email, SHORT));
        self.item("4.", "Điện thoại", "Telephone", v);
        self.representative("5.", SHORT);
        let mut v = self.blank_with(Field::RegistrationDate, SHORT);
        v.push(Span::plain(format!(
            " {}: ",
            self.pick("Số giấy đăng ký (nếu có)", "Registration number (if any)")
        )));
        v.extend(self.blank_with(Field::RegistrationNumber, SHORT));
        self.item(
            "6.",
            "Ngày thành lập/đăng ký kinh doanh",
            "Date founded / registered",
            v,
        );
        let mut v = self.blank_with(Field::ProductName, SHORT);
        for f in [Field::Specification, Field::Standard] {
            v.push(Span::plain("; "));
            v.extend(self.blank_with(f, SHORT));
        }
        self.item(
            "7.",
            "Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn",
            "Product or service, its specification, standard",
            v,
        );
        self.para(Para::text(self.pick(
            "Đánh dấu (√) vào mục tương ứng:",
            "Tick (√) what applies:",
        )));
        let registered = !is_blank(&self.draft.producer.registration_number);
        self.tick_line(
            "a) Giấy đăng ký kinh doanh: ",
            "a) Business registration: ",
            registered,
        );
        let declared = self.declared_quality();
        self.tick_line(
            "b) Đã công bố chất lượng sản phẩm theo quy định: ",
            "b) Product quality declared as required: ",
            declared,
        );
        self.para(Para::text(self.pick(
            "c) Đã có các điều kiện sản xuất theo quy định:",
            "c) Production conditions as required:",
        )));
        let conditions = declared_ticks(&self.draft.product.certificates, &CONDITION_BOXES);
        self.tick_group(&CONDITION_BOXES, &conditions);
        let ip = declared_ticks(&self.draft.product.intellectual_property, &IP_BOXES);
        self.tick_line(
            "d) Đã có đăng ký sở hữu trí tuệ: ",
            "d) Intellectual property registered: ",
            ip.iter().any(|t| *t),
        );
        self.tick_group(&IP_BOXES, &ip);
        // "Khác (ghi rõ)": what the declaration says, when it names none of the boxes above.
        if ip.last().copied().unwrap_or(false) {
            let text = self.draft.product.intellectual_property.trim().to_string();
            self.para(Para::new(vec![Span::user(text)]).indent(1));
        }
        let v = Vec::new();
        self.item(
            "8.",
            "Lịch sử hình thành của chủ thể (nêu các giai đoạn hình thành và phát triển)",
            "History of the producer (its stages of formation and development)",
            v,
        );
        self.passage(Field::History, 0, 2);
        self.item(
            "9.",
            "Cơ cấu tổ chức của chủ thể",
            "Organisation of the producer",
            Vec::new(),
        );
        self.passage(Field::Organisation, 0, 1);
    }

    /// A line ending with its tick box, as printed ("a) Giấy đăng ký kinh doanh: □").
    fn tick_line(&mut self, vi: &str, en: &str, ticked: bool) {
        let p = Para::new(vec![Span::plain(self.pick(vi, en)), Span::check(ticked)]);
        self.para(p);
    }

    fn tick_group(&mut self, boxes: &[TickBox], ticks: &[bool]) {
        for (b, ticked) in boxes.iter().zip(ticks) {
            let p = Para::new(vec![
                Span::plain(self.pick(b.vi, b.en)),
                Span::check(*ticked),
            ])
            .indent(1);
            self.para(p);
        }
    }

    /// Whether the producer's own answer on the quality-declaration criterion says the quality is
    /// declared (any printed level of that criterion with points means a declaration exists).
    fn declared_quality(&self) -> bool {
        let Some(code) = self.set.criterion_for(Role::QualityDeclaration) else {
            return false;
        };
        self.a
            .criteria
            .iter()
            .any(|c| c.code == code && c.position.is_some() && c.points > 0)
    }

    fn part_2(&mut self) {
        self.part_title(
            "Phần II",
            "Part II",
            "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH",
            "RESULTS OF THE PRODUCTION AND BUSINESS PLAN",
        );
        self.para(Para::text(self.pick(
            "Nội dung yêu cầu: Đánh giá kết quả triển khai phương án sản xuất, kinh doanh của chủ thể theo Phương án sản xuất, kinh doanh khi tham gia OCOP.",
            "Required: an assessment of how the producer carried out the production and business plan it had on joining OCOP.",
        )).align(Align::Justify));
        self.para(Para::text(self.pick(
            "Lưu ý: trình bày rõ một số nội dung sau:",
            "Note: set out clearly the following:",
        )));
        for (vi, en, f) in [
            (
                "- Tổ chức vùng nguyên liệu, công nghệ sản xuất, sơ chế, chế biến, đóng gói sản phẩm của chủ thể.",
                "- Organisation of the raw-material area; the technology of production, preliminary processing, processing and packing.",
                Field::Materials,
            ),
            (
                "- Sự thay đổi về chất lượng sản phẩm: chất lượng, tiêu chuẩn chất lượng, bao bì, nhãn mác, hình thức đóng gói,...",
                "- Changes in the product's quality: quality, quality standards, packaging, labels, presentation…",
                Field::QualityChanges,
            ),
            (
                "- Thị trường phân phối sản phẩm.",
                "- Distribution markets.",
                Field::Markets,
            ),
            (
                "- Kết quả sản xuất, kinh doanh: doanh thu, lợi nhuận.",
                "- Production and business results: revenue, profit.",
                Field::Results,
            ),
        ] {
            self.para(Para::text(self.pick(vi, en)));
            self.passage(f, 1, 0);
        }
        self.figures_table();
        if self.draft.product.registration_type == RegistrationType::Upgrade {
            // Điều 6 khoản 1 điểm b: the report "phải thể hiện rõ nội dung và tài liệu minh chứng
            // về những thay đổi so với sản phẩm OCOP đã được công nhận".
            self.recognition_lines();
            self.para(Para::text(self.pick(
                "- Nội dung và tài liệu minh chứng về những thay đổi so với sản phẩm OCOP đã được công nhận:",
                "- What changed from the recognised OCOP product, and its evidence:",
            )));
            self.passage(Field::Changes, 1, 1);
        }
    }

    /// The recognition in force, for an upgrade or a re-evaluation.
    fn recognition_lines(&mut self) {
        let mut v = self.blank_with(Field::Recognition, SHORT);
        v.push(Span::plain(format!("; {}: ", self.pick("ngày", "dated"))));
        v.extend(self.blank_with(Field::RecognitionDate, SHORT));
        self.item(
            "-",
            "Sản phẩm OCOP đã được công nhận",
            "OCOP recognition in force",
            v,
        );
    }

    /// Revenue and profit of the two years before the filing year (million đồng).
    fn figures_table(&mut self) {
        let year = self.pick("Năm", "Year");
        let years = match self.date {
            Some(d) => [
                format!("{year} {}", d.year.saturating_sub(2)),
                format!("{year} {}", d.year.saturating_sub(1)),
            ],
            None => [format!("{year} ……"), format!("{year} ……")],
        };
        let header = vec![
            Cell::text(self.pick("Chỉ tiêu", "Indicator")),
            Cell::text(years[0].clone()),
            Cell::text(years[1].clone()),
        ];
        let mut rows = vec![Row {
            cells: header,
            header: true,
        }];
        for (vi, en, prev, last) in [
            (
                "Doanh thu (triệu đồng)",
                "Revenue (million VND)",
                Field::RevenuePrev,
                Field::RevenueLast,
            ),
            (
                "Lợi nhuận (triệu đồng)",
                "Profit (million VND)",
                Field::ProfitPrev,
                Field::ProfitLast,
            ),
        ] {
            let cells = vec![
                Cell::text(self.pick(vi, en)),
                Cell::spans(self.blank_with(prev, "……")),
                Cell::spans(self.blank_with(last, "……")),
            ];
            rows.push(Row {
                cells,
                header: false,
            });
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![40, 30, 30],
            rows,
            borders: true,
        }));
    }

    fn part_3(&mut self) {
        self.part_title(
            "Phần III",
            "Part III",
            "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP",
            "SELF-ASSESSMENT AGAINST THE OCOP CRITERIA",
        );
        for (vi, en) in [
            (
                "- Căn cứ vào Bộ tiêu chí đánh giá, phân hạng sản phẩm OCOP tương ứng với sản phẩm đăng ký, chủ thể tự đánh giá về kết quả (điểm số) có thể đạt theo thứ tự từng tiêu chí.",
                "- Against the OCOP criteria for the registered product, the producer assesses the result (points) it can reach, criterion by criterion.",
            ),
            (
                "- Mô tả, chứng minh về kết quả tương ứng (mô tả, tài liệu minh chứng cho nội dung mô tả, được sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí).",
                "- A description and proof of each result (the description and the documents proving it, in the order of the indicators of the criteria).",
            ),
            (
                "- Tài liệu minh chứng kèm theo vào phụ lục của Báo cáo, tham khảo hướng dẫn theo bảng dưới đây:",
                "- The documents of proof go in the annex of the report; see the table below:",
            ),
        ] {
            self.para(Para::text(self.pick(vi, en)).align(Align::Justify));
        }
        self.evidence_table();
        self.para(Para::text(self.pick(
            "Đối với sản phẩm đăng ký đánh giá, phân hạng lại: cần rà soát, cập nhật những nội dung mới và đánh giá về những thay đổi, kết quả đạt được sau 3 năm được công nhận OCOP: về nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, công bố chất lượng, thị trường tiêu thụ, sản lượng, doanh thu; bổ sung các giấy tờ minh chứng pháp lý có thời hạn;....",
            "For a product registered for re-evaluation: review and update what is new, and assess the changes and results of the 3 years since OCOP recognition: raw materials, technology, packaging, labels, quality declaration, markets, output, revenue; add the proofs of the time-limited legal papers;…",
        )).align(Align::Justify));
        if self.draft.product.registration_type == RegistrationType::ReEvaluation {
            self.recognition_lines();
            self.para(Para::text(self.pick(
                "- Nội dung mới và kết quả sau thời gian sản phẩm OCOP được công nhận:",
                "- What is new, and the results since the OCOP product was recognised:",
            )));
            self.passage(Field::Updates, 1, 1);
            self.para(Para::text(self.pick(
                "- Minh chứng các giấy tờ pháp lý có thời hạn:",
                "- The time-limited legal papers:",
            )));
            self.passage(Field::ExpiringPapers, 1, 1);
        }
        self.score_tables();
    }

    /// The table of what to attach, as printed (TT | Nội dung | Yêu cầu).
    fn evidence_table(&mut self) {
        let mut rows = vec![Row {
            cells: vec![
                Cell::text("TT"),
                Cell::text(self.pick("Nội dung", "Content")),
                Cell::text(self.pick("Yêu cầu", "Requirement")),
            ],
            header: true,
        }];
        for r in &evidence::TABLE {
            let require = r
                .require
                .iter()
                .map(|(vi, en)| Para::text(self.pick(vi, en)))
                .collect();
            rows.push(Row {
                cells: vec![
                    Cell::text("-"),
                    Cell::text(self.pick(r.content.0, r.content.1)),
                    Cell::new(require),
                ],
                header: false,
            });
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![7, 35, 58],
            rows,
            borders: true,
        }));
    }

    fn part_4(&mut self) {
        self.part_title(
            "Phần IV",
            "Part IV",
            "KẾ HOẠCH SẢN XUẤT, KINH DOANH",
            "PRODUCTION AND BUSINESS PLAN",
        );
        self.para(Para::text(self.pick(
            "Trình bày những định hướng, kế hoạch của chủ sở hữu trong thời gian tới về phát triển sản phẩm, tổ chức sản xuất, thị trường.",
            "The owner's directions and plans for the time ahead: product development, organisation of production, markets.",
        )).align(Align::Justify));
        self.passage(Field::Plan, 0, 0);
    }
}
