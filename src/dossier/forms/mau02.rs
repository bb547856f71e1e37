//! Mẫu 02: the self-assessment report (Báo cáo tự đánh giá về sản phẩm), Parts I, II and IV; its
//! Part III (the score tables) is in [`super::score_table`], the tick-box rules of Part I item 8 in
//! [`super::ticks`].

use super::ticks::{declared_ticks, TickBox, CONDITION_BOXES, IP_BOXES, TOURISM_CONDITION_BOXES};
use super::Builder;
use crate::dossier::{Align, Block, Cell, FieldLine, Para, Row, Span, SpanKind, Table};
use crate::draft::{is_blank, Field, RegistrationType};
use crate::i18n::field_label;
use crate::rubric::Role;

impl Builder<'_> {
    pub(super) fn form_02(&mut self) {
        self.form_ref("02");
        self.form_header();
        self.heading(1, "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM".into());
        self.gloss("Self-assessment report on the product");
        let mut p = vec![Span::plain(self.pick("Sản phẩm: ", "Product: "))];
        p.extend(self.value(Field::ProductName).into_iter().map(|mut s| {
            s.bold = s.kind == SpanKind::User;
            s
        }));
        self.para(Para::new(p).align(Align::Center));
        self.addressee();
        self.part_1();
        self.part_2();
        self.part_3();
        self.part_4();
        self.signature();
    }

    fn part_1(&mut self) {
        self.heading(2, self.pick("I. THÔNG TIN CHUNG", "I. GENERAL INFORMATION"));
        self.field("1.", Field::ProducerName, 0);
        self.field("2.", Field::OrganisationType, 0);
        self.guidance(
            "(Hợp tác xã, tổ hợp tác, doanh nghiệp nhỏ và vừa, trang trại, hộ sản xuất/hộ kinh doanh có đăng ký kinh doanh…)",
            "(Cooperative, cooperative group, small or medium enterprise, farm, registered household business…)",
        );
        self.field("3.", Field::Address, 0);
        self.field("4.", Field::Phone, 0);
        self.field("", Field::Email, 1);
        let label = self.pick("Người đại diện theo pháp luật", "Legal representative");
        self.line("5.", label, Vec::new(), 0);
        let name_label = self.pick("Họ và tên", "Full name");
        let v = self.value(Field::RepresentativeName);
        self.line("-", name_label, v, 1);
        self.field("-", Field::RepresentativeTitle, 1);
        self.field("-", Field::RepresentativeGender, 1);
        self.field("-", Field::RepresentativeEthnicity, 1);
        self.field("-", Field::RepresentativeDisability, 1);
        self.field("-", Field::RepresentativeAddress, 1);
        if let Some(code) = self.set.criterion_for(Role::LegalRepresentative) {
            let (vi, en) = (
                format!("(Giới tính, dân tộc, tình trạng khuyết tật (nếu có) của người đại diện theo pháp luật là căn cứ chấm tiêu chí {code}.)"),
                format!("(The representative's gender, ethnicity and disability status (if any) are scored under criterion {code}.)"),
            );
            self.guidance(&vi, &en);
        }
        self.field("6.", Field::RegistrationDate, 0);
        self.field("", Field::RegistrationNumber, 1);
        let label = self.pick("Tên sản phẩm/dịch vụ", "Product or service");
        let v = self.value(Field::ProductName);
        self.line("7.", label, v, 0);
        self.field("-", Field::Specification, 1);
        if self.tourism && is_blank(Field::Standard.value(self.draft)) {
            let label = field_label(self.lang, Field::Standard).to_string();
            let v = vec![Span::italic(self.pick(
                "(không bắt buộc đối với sản phẩm dịch vụ du lịch)",
                "(not required for a tourism service)",
            ))];
            self.line("-", label, v, 1);
        } else {
            self.field("-", Field::Standard, 1);
        }

        let label = self.pick(
            "Giấy tờ pháp lý, chứng nhận (đánh dấu ☒ vào ô phù hợp)",
            "Legal papers and certificates (tick what applies)",
        );
        self.line("8.", label, Vec::new(), 0);
        let registered = !is_blank(&self.draft.producer.registration_number);
        let declared = self.declared_quality();
        self.check_line(
            "a)",
            registered,
            "Giấy chứng nhận đăng ký kinh doanh / đăng ký hợp tác xã",
            "Business / cooperative registration certificate",
        );
        self.check_line(
            "b)",
            declared,
            "Sản phẩm đã công bố chất lượng theo quy định",
            "Product quality declared as required",
        );
        let (label, boxes): (String, &[TickBox]) = if self.tourism {
            (
                self.pick(
                    "c) Điều kiện kinh doanh dịch vụ",
                    "c) Service business conditions",
                ),
                &TOURISM_CONDITION_BOXES,
            )
        } else {
            (
                self.pick("c) Điều kiện sản xuất", "c) Production conditions"),
                &CONDITION_BOXES,
            )
        };
        self.line("", label, Vec::new(), 1);
        self.tick_boxes(boxes, Field::Certificates);
        self.declared(Field::Certificates);
        let label = self.pick("d) Sở hữu trí tuệ", "d) Intellectual property");
        self.line("", label, Vec::new(), 1);
        self.tick_boxes(&IP_BOXES, Field::IntellectualProperty);
        self.declared(Field::IntellectualProperty);
        self.write_in(
            "9.",
            "Lịch sử hình thành, phát triển của chủ thể",
            "History of the producer",
            "(Năm thành lập, các mốc phát triển, quá trình hình thành sản phẩm.)",
            "(Year founded, milestones, how the product came about.)",
        );
        self.write_in(
            "10.",
            "Cơ cấu tổ chức",
            "Organisational structure",
            "(Sơ đồ tổ chức, bộ phận sản xuất, kinh doanh, kế toán; số lao động, số lao động tại địa phương.)",
            "(Organisation chart; production, sales and accounting units; number of workers and of local workers.)",
        );
    }

    /// A group of tick boxes, ticked from what the producer declared in `f` (see
    /// [`declared_ticks`]), so that the boxes agree with the "Kê khai" line under them.
    fn tick_boxes(&mut self, boxes: &[TickBox], f: Field) {
        let ticks = declared_ticks(f.value(self.draft), boxes);
        for (b, ticked) in boxes.iter().zip(ticks) {
            self.check_line("", ticked, b.vi, b.en);
        }
    }

    fn check_line(&mut self, number: &str, ticked: bool, vi: &str, en: &str) {
        let mut spans = Vec::new();
        if !number.is_empty() {
            spans.push(Span::plain(format!("{number} ")));
        }
        spans.push(Span::check(ticked));
        spans.push(Span::plain(format!(" {}", self.pick(vi, en))));
        let indent = if number.is_empty() { 2 } else { 1 };
        self.para(Para::new(spans).indent(indent));
    }

    /// "Kê khai của chủ thể: …" under a tick-box group.
    fn declared(&mut self, f: Field) {
        let label = self.pick("Kê khai của chủ thể", "Declared by the producer");
        let v = self.value(f);
        self.blocks.push(Block::Field(FieldLine {
            field: Some(f),
            number: String::new(),
            label,
            value: v,
            indent: 2,
        }));
    }

    /// Whether the producer's own answer on the quality-declaration criterion says the quality is
    /// declared (any printed level of that criterion means a declaration exists).
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
        self.heading(
            2,
            self.pick(
                "II. KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT, KINH DOANH",
                "II. RESULTS OF THE PRODUCTION AND BUSINESS PLAN",
            ),
        );
        if self.tourism {
            self.write_in(
                "1.",
                "Tổ chức dịch vụ, cơ sở vật chất, chương trình trải nghiệm",
                "Service organisation, facilities, experience programmes",
                "(Bộ phận điều phối, quy chế quản lý; cơ sở lưu trú, ăn uống, vệ sinh, tiện nghi; các chương trình, hoạt động trải nghiệm; liên kết với cộng đồng, doanh nghiệp lữ hành.)",
                "(Coordinating unit, management rules; accommodation, catering, sanitation, amenities; experience programmes and activities; links with the community and tour operators.)",
            );
        } else {
            self.write_in(
                "1.",
                "Tổ chức vùng nguyên liệu; công nghệ sản xuất, chế biến, đóng gói",
                "Raw-material area; production, processing and packing technology",
                "(Nguồn nguyên liệu và tỷ lệ trong tỉnh, diện tích vùng nguyên liệu, liên kết chuỗi; quy trình, thiết bị sản xuất, chế biến, đóng gói.)",
                "(Raw-material sources and share from the province, raw-material area, chain linkage; process and equipment.)",
            );
        }
        let (vi, en) = match self.draft.product.registration_type {
            RegistrationType::FirstTime => (
                "(Tiêu chuẩn công bố, bao bì, nhãn hiện dùng và những cải tiến đã thực hiện.)",
                "(Standard declared, current packaging and label, improvements made.)",
            ),
            _ => (
                "(Nêu rõ những thay đổi so với sản phẩm đã được công nhận, kèm minh chứng.)",
                "(State clearly what changed since the product was recognised, with evidence.)",
            ),
        };
        self.write_in(
            "2.",
            "Thay đổi về chất lượng, tiêu chuẩn, bao bì, nhãn mác sản phẩm",
            "Changes in quality, standards, packaging and labels",
            vi,
            en,
        );
        self.write_in(
            "3.",
            "Thị trường phân phối",
            "Distribution markets",
            "(Khu vực tiêu thụ, đại lý, điểm bán, siêu thị, sàn thương mại điện tử, xuất khẩu.)",
            "(Where it sells: agents, shops, supermarkets, e-commerce, export.)",
        );
        let label = self.pick(
            "Kết quả sản xuất, kinh doanh",
            "Production and business results",
        );
        self.line("4.", label, Vec::new(), 0);
        let years = match self.date {
            Some(d) => [
                format!("{}", d.year.saturating_sub(2)),
                format!("{}", d.year.saturating_sub(1)),
            ],
            None => ["……".to_string(), "……".to_string()],
        };
        let year = self.pick("Năm", "Year");
        let years = [
            format!("{year} {}", years[0]),
            format!("{year} {}", years[1]),
        ];
        self.figures_table(&years);
    }

    /// A small table of yearly figures with empty cells to fill in.
    fn figures_table(&mut self, years: &[String]) {
        let mut header = vec![Cell::text(self.pick("Chỉ tiêu", "Indicator"))];
        header.extend(years.iter().map(|y| Cell::text(y.clone())));
        let mut rows = vec![Row {
            cells: header,
            header: true,
        }];
        let output = if self.tourism {
            ("Lượt khách", "Visitors")
        } else {
            ("Sản lượng (đơn vị tính: ……)", "Output (unit: ……)")
        };
        for (vi, en) in [
            output,
            ("Doanh thu (triệu đồng)", "Revenue (million VND)"),
            ("Lợi nhuận (triệu đồng)", "Profit (million VND)"),
            ("Số lao động (người)", "Workers"),
        ] {
            let mut cells = vec![Cell::text(self.pick(vi, en))];
            cells.extend(years.iter().map(|_| Cell::new(vec![Para::default()])));
            rows.push(Row {
                cells,
                header: false,
            });
        }
        let mut widths = vec![40u16];
        widths.extend(years.iter().map(|_| 60 / years.len().max(1) as u16));
        self.blocks.push(Block::Table(Table {
            widths,
            rows,
            borders: true,
        }));
    }

    fn part_4(&mut self) {
        self.heading(
            2,
            self.pick(
                "IV. KẾ HOẠCH SẢN XUẤT, KINH DOANH TRONG THỜI GIAN TỚI",
                "IV. PRODUCTION AND BUSINESS PLAN GOING FORWARD",
            ),
        );
        if self.tourism {
            self.write_in(
                "1.",
                "Kế hoạch phát triển dịch vụ, cơ sở vật chất, chương trình trải nghiệm",
                "Services, facilities and experience programmes",
                "(Dịch vụ mới, đầu tư cơ sở vật chất, tiện nghi, chương trình trải nghiệm, liên kết.)",
                "(New services, investment in facilities and amenities, experience programmes, linkage.)",
            );
        } else {
            self.write_in(
                "1.",
                "Kế hoạch phát triển vùng nguyên liệu, sản xuất, chế biến",
                "Raw-material area, production and processing",
                "(Mở rộng vùng nguyên liệu, liên kết, đầu tư thiết bị, công nghệ.)",
                "(Raw-material area, linkage, equipment and technology investments.)",
            );
        }
        self.write_in(
            "2.",
            "Kế hoạch hoàn thiện, nâng cao chất lượng sản phẩm",
            "Improving the product and its quality",
            "(Tiêu chuẩn, chứng nhận, bao bì, nhãn, truy xuất nguồn gốc cần đạt.)",
            "(Standards, certificates, packaging, labels, traceability to reach.)",
        );
        self.write_in(
            "3.",
            "Kế hoạch phát triển thị trường, xúc tiến thương mại",
            "Markets and trade promotion",
            "(Thị trường mục tiêu, kênh phân phối, hội chợ, thương mại điện tử.)",
            "(Target markets, channels, fairs, e-commerce.)",
        );
        let label = if self.tourism {
            self.pick(
                "Dự kiến lượt khách, doanh thu, lợi nhuận",
                "Expected visitors, revenue and profit",
            )
        } else {
            self.pick(
                "Dự kiến sản lượng, doanh thu, lợi nhuận",
                "Expected output, revenue and profit",
            )
        };
        self.line("4.", label, Vec::new(), 0);
        let year = self.pick("Năm", "Year");
        let years: Vec<String> = match self.date {
            Some(d) => (0..3).map(|i| format!("{year} {}", d.year + i)).collect(),
            None => (0..3).map(|_| format!("{year} ……")).collect(),
        };
        self.figures_table(&years);
    }
}
