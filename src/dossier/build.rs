//! From a draft and its assessment to a [`Dossier`]: Mẫu 01, Mẫu 02 (Parts I–IV) and the annex.

use super::{
    Align, Block, Cell, Dossier, FieldLine, Heading, Para, ParaStyle, Row, Span, SpanKind, Table,
};
use crate::assess::Assessment;
use crate::date::{parse_date, Date};
use crate::draft::{check_fields_for, is_blank, Draft, Field, Problem, RegistrationType};
use crate::i18n::{self, field_label, Lang};
use crate::lang::fold_diacritics;
use crate::rubric::evidence;
use crate::rubric::{CatalogueEntry, Criterion, KnockOutKind, ProductSet, Role};

fn tr(lang: Lang, vi: &str, en: &str) -> String {
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A dotted blank for something written by hand on paper.
const DOTS: &str = "…………………";

/// The line at the top of an English dossier.
const EN_READING_COPY: &str =
    "English reading copy — file the Vietnamese version (Bản tiếng Anh chỉ để đọc – nộp bản tiếng Việt).";

/// How many advice steps the annex lists.
const ADVICE_IN_ANNEX: usize = 8;

/// Build the dossier of `draft` (answers scored in `assessment`) for product set `set`, drafted on
/// `today` (dd/mm/yyyy or yyyy-mm-dd; anything else leaves the date blank). `entry` gives the
/// classification of Phụ lục I; without it the set's own header is used.
pub fn build(
    set: &ProductSet,
    entry: Option<CatalogueEntry<'_>>,
    draft: &Draft,
    assessment: &Assessment,
    lang: Lang,
    today: &str,
) -> Dossier {
    let date = parse_date(today).ok();
    let tourism = set.is_tourism();
    let problems = check_fields_for(draft, date, tourism);
    let mut b = Builder {
        lang,
        set,
        tourism,
        entry,
        draft,
        a: assessment,
        date,
        problems: &problems,
        blocks: Vec::with_capacity(256),
    };
    if lang == Lang::En {
        // The forms are filed in Vietnamese (README); the English output is for reading.
        b.blocks.push(Block::Notice(vec![Para::new(vec![Span::bold(
            EN_READING_COPY,
        )])
        .align(Align::Center)]));
    }
    b.form_01();
    b.blocks.push(Block::PageBreak);
    b.form_02();
    b.blocks.push(Block::PageBreak);
    b.annex();
    let product = draft.product.name.trim();
    let title = if is_blank(product) {
        format!("Hồ sơ OCOP – {}", set.name.vi)
    } else {
        format!("Hồ sơ OCOP – {product}")
    };
    Dossier {
        lang,
        title,
        author: draft.producer.name.trim().to_string(),
        date,
        blocks: b.blocks,
        missing: problems
            .iter()
            .filter(|p| p.problem == Problem::Missing)
            .map(|p| p.field)
            .collect(),
        problems,
        unanswered: assessment.unanswered.clone(),
    }
}

struct Builder<'a> {
    lang: Lang,
    set: &'a ProductSet,
    /// The tourism set (QD26-26): services, not goods (no samples, no raw materials).
    tourism: bool,
    entry: Option<CatalogueEntry<'a>>,
    draft: &'a Draft,
    a: &'a Assessment,
    date: Option<Date>,
    problems: &'a [super::FieldProblem],
    blocks: Vec<Block>,
}

impl Builder<'_> {
    fn tr(&self, vi: &str, en: &str) -> String {
        tr(self.lang, vi, en)
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

    fn guidance(&mut self, vi: &str, en: &str) {
        let p = Para::new(vec![Span::italic(self.tr(vi, en))]).style(ParaStyle::Guidance);
        self.para(p);
    }

    /// An English reading aid under a Vietnamese form title (only in English).
    fn gloss(&mut self, en: &str) {
        if self.lang == Lang::En {
            let p = Para::new(vec![Span::italic(format!("({en})"))]).align(Align::Center);
            self.para(p);
        }
    }

    /// The value of a draft field: the producer's text, or the missing marker; a doubtful value
    /// is followed by a note saying what to check.
    fn value(&self, f: Field) -> Vec<Span> {
        let v = f.value(self.draft);
        if is_blank(v) {
            return vec![Span::missing(self.lang)];
        }
        let mut spans = vec![Span::user(v.trim())];
        if let Some(p) = self
            .problems
            .iter()
            .find(|p| p.field == f && p.problem != Problem::Missing)
        {
            spans.push(Span {
                text: format!(
                    " [{}: {}]",
                    self.tr("cần kiểm tra", "please check"),
                    i18n::problem(self.lang, &p.problem)
                ),
                italic: true,
                kind: SpanKind::Missing,
                ..Span::default()
            });
        }
        spans
    }

    fn field(&mut self, number: &str, f: Field, indent: u8) {
        let value = self.value(f);
        self.blocks.push(Block::Field(FieldLine {
            field: Some(f),
            number: number.to_string(),
            label: field_label(self.lang, f).to_string(),
            value,
            indent,
        }));
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

    /// A passage the producer writes by hand: a numbered heading, guidance, and the marker.
    fn write_in(&mut self, number: &str, vi: &str, en: &str, guide_vi: &str, guide_en: &str) {
        let label = self.tr(vi, en);
        self.line(number, label, vec![Span::missing(self.lang)], 0);
        self.guidance(guide_vi, guide_en);
    }

    fn form_ref(&mut self, n: &str) {
        let text = format!(
            "Mẫu số {n} – Phụ lục III, Quyết định số {}",
            self.set.decision.number
        );
        self.para(
            Para::new(vec![Span::italic(text)])
                .align(Align::Right)
                .style(ParaStyle::Small),
        );
    }

    /// The two-column header of an administrative form: producer on the left, the national motto
    /// on the right.
    fn form_header(&mut self) {
        // The producer's name alone, in capitals, as a letterhead; the label only with the
        // "cần bổ sung" marker when the name is missing.
        let name = Field::ProducerName.value(self.draft);
        let mut left = Vec::with_capacity(3);
        if is_blank(name) {
            left.push(
                Para::new(vec![Span::plain(self.tr("TÊN CHỦ THỂ", "PRODUCER"))])
                    .align(Align::Center)
                    .style(ParaStyle::Small),
            );
            left.push(Para::new(vec![Span::missing(self.lang)]).align(Align::Center));
        } else {
            left.push(
                Para::new(vec![Span {
                    text: name.trim().to_uppercase(),
                    bold: true,
                    kind: SpanKind::User,
                    ..Span::default()
                }])
                .align(Align::Center),
            );
        }
        left.push(Para::text("―――――").align(Align::Center));
        let left = Cell::new(left);
        let right = Cell::new(vec![
            Para::new(vec![Span::bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]).align(Align::Center),
            Para::new(vec![Span::bold("Độc lập - Tự do - Hạnh phúc")]).align(Align::Center),
            Para::text("―――――――――――").align(Align::Center),
        ]);
        self.blocks.push(Block::Table(Table {
            widths: vec![38, 62],
            rows: vec![Row {
                cells: vec![left, right],
                header: false,
            }],
            borders: false,
        }));
    }

    fn addressee(&mut self) {
        let p = Para::new(vec![
            Span::plain(self.tr(
                "Kính gửi: Ủy ban nhân dân xã/phường/đặc khu ",
                "To: the People's Committee of the commune/ward ",
            )),
            Span::plain(DOTS),
        ])
        .align(Align::Center);
        self.para(p);
    }

    /// "Lào Cai, ngày 29 tháng 11 năm 2026": the place from the last part of the address (the
    /// province), the date from `today`; blanks where unknown.
    fn place_date(&self) -> Vec<Span> {
        let mut spans = Vec::new();
        match place_from_address(&self.draft.producer.address) {
            Some(place) => spans.push(Span {
                text: place,
                italic: true,
                kind: SpanKind::User,
                ..Span::default()
            }),
            None => spans.push(Span::italic(DOTS)),
        }
        let date = match self.date {
            Some(d) => d.long(self.lang),
            None => self.tr("ngày …… tháng …… năm ……", "date …………"),
        };
        spans.push(Span::italic(format!(", {date}")));
        spans
    }

    fn signature(&mut self) {
        let name = Field::RepresentativeName.value(self.draft).trim();
        let name_para = if is_blank(name) {
            Para::text(DOTS).align(Align::Center)
        } else {
            Para::new(vec![Span {
                text: name.to_string(),
                bold: true,
                kind: SpanKind::User,
                ..Span::default()
            }])
            .align(Align::Center)
        };
        let right = Cell::new(vec![
            Para::new(self.place_date()).align(Align::Center),
            Para::new(vec![Span::bold(
                self.tr("ĐẠI DIỆN CHỦ THỂ", "FOR THE PRODUCER"),
            )])
            .align(Align::Center),
            Para::new(vec![Span::italic(self.tr(
                "(Ký, ghi rõ họ tên, đóng dấu nếu có)",
                "(Signature, full name, seal if any)",
            ))])
            .align(Align::Center),
            Para::default(),
            Para::default(),
            Para::default(),
            name_para,
        ]);
        self.blocks.push(Block::Table(Table {
            widths: vec![40, 60],
            rows: vec![Row {
                cells: vec![Cell::new(vec![Para::default()]), right],
                header: false,
            }],
            borders: false,
        }));
    }

    // -----------------------------------------------------------------------------------------
    // Mẫu 01

    fn form_01(&mut self) {
        let lang = self.lang;
        self.form_ref("01");
        self.form_header();
        self.heading(1, "PHIẾU ĐĂNG KÝ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP".into());
        self.gloss("Registration form for the evaluation and rating of an OCOP product");
        self.addressee();

        self.field("1.", Field::ProducerName, 0);
        let label = self.tr("Người đại diện theo pháp luật", "Legal representative");
        let mut rep = self.value(Field::RepresentativeName);
        rep.push(Span::plain(format!(
            "; {}: ",
            field_label(lang, Field::RepresentativeTitle)
        )));
        rep.extend(self.value(Field::RepresentativeTitle));
        self.line("2.", label, rep, 0);
        self.field("3.", Field::Address, 0);
        self.field("", Field::Phone, 1);
        self.field("", Field::Email, 1);
        let label = self.tr(
            "Tên sản phẩm đăng ký đánh giá, phân hạng",
            "Product registered for evaluation and rating",
        );
        let v = self.value(Field::ProductName);
        self.line("4.", label, v, 0);

        let label = self.tr(
            "Phân loại sản phẩm (theo Phụ lục I)",
            "Product classification (Appendix I)",
        );
        self.line("5.", label, Vec::new(), 0);
        self.classification();

        let label = self.tr("Hình thức đăng ký", "Type of registration");
        self.line("6.", label, Vec::new(), 0);
        let kind = self.draft.product.registration_type;
        for (t, vi, en) in [
            (
                RegistrationType::FirstTime,
                "Đánh giá, phân hạng lần đầu",
                "First evaluation",
            ),
            (
                RegistrationType::Upgrade,
                "Đánh giá nâng hạng",
                "Upgrade (higher star rating)",
            ),
            (
                RegistrationType::ReEvaluation,
                "Đánh giá, phân hạng lại",
                "Re-evaluation",
            ),
        ] {
            let p = Para::new(vec![
                Span::check(kind == t),
                Span::plain(format!(" {}", self.tr(vi, en))),
            ])
            .indent(1);
            self.para(p);
        }

        let label = self.tr("Hồ sơ gửi kèm", "Attachments");
        self.line("7.", label, Vec::new(), 0);
        let mut items = vec![self.tr(
            "Báo cáo tự đánh giá về sản phẩm (Mẫu số 02): 01 bản chính và 01 bản điện tử;",
            "Self-assessment report on the product (Form 02): 1 signed original and 1 electronic copy;",
        )];
        if self.tourism {
            items.push(self.tr(
                "Sản phẩm dịch vụ du lịch: không nộp mẫu sản phẩm.",
                "Tourism service: no product samples.",
            ));
        } else {
            items.push(self.tr("Mẫu sản phẩm: 05 mẫu.", "Product samples: 5."));
        }
        match kind {
            RegistrationType::FirstTime => {}
            RegistrationType::Upgrade => items.push(self.tr(
                "Thuyết minh những thay đổi so với sản phẩm đã được công nhận, kèm minh chứng.",
                "Description of the changes since the product was recognised, with evidence.",
            )),
            RegistrationType::ReEvaluation => items.push(self.tr(
                "Tài liệu cập nhật từ khi được công nhận (nguyên liệu, công nghệ, bao bì, nhãn, công bố chất lượng, kết quả kiểm nghiệm định kỳ, thị trường, sản lượng, doanh thu) và giấy tờ pháp lý có thời hạn đã gia hạn.",
                "Updates since recognition (raw materials, technology, packaging, labels, quality declaration, periodic lab reports, market, volume, revenue) and renewed time-limited legal papers.",
            )),
        }
        for item in items {
            self.para(Para::text(format!("- {item}")).indent(1));
        }

        let label = self.tr("Cam kết", "Commitment");
        self.line("8.", label, Vec::new(), 0);
        let p = Para::text(self.tr(
            "Chúng tôi cam kết chấp hành đúng các quy định của Chương trình OCOP và chịu trách nhiệm trước pháp luật về tính chính xác, trung thực của hồ sơ đăng ký.",
            "We undertake to comply with the rules of the OCOP Programme and are responsible before the law for the accuracy and truthfulness of this registration dossier.",
        ))
        .align(Align::Justify)
        .indent(1);
        self.para(p);
        self.signature();
        self.receiving_block();
    }

    fn classification(&mut self) {
        let lang = self.lang;
        let set = self.set;
        let rows: Vec<(String, String)> = match self.entry {
            Some(e) => {
                // The three levels of Phụ lục I: ngành (I–VI), nhóm (1, 2 …), phân nhóm (a, b …).
                let mut rows = vec![
                    (
                        self.tr("Ngành", "Category"),
                        format!("{}. {}", e.category.code, e.category.name.get(lang)),
                    ),
                    (
                        self.tr("Nhóm", "Group"),
                        format!("{}. {}", e.group.code, e.group.name.get(lang)),
                    ),
                ];
                let sub = if e.set.classification != e.group.code {
                    format!("{}. {}", e.set.classification, e.set.name.get(lang))
                } else {
                    self.tr("(không có phân nhóm)", "(no sub-group)")
                };
                rows.push((self.tr("Phân nhóm", "Sub-group"), sub));
                rows
            }
            None => vec![(
                self.tr("Ngành, nhóm", "Category, group"),
                set.header_vi.clone(),
            )],
        };
        for (label, value) in rows {
            self.line("-", label, vec![Span::plain(value)], 1);
        }
        let label = self.tr("Bộ tiêu chí", "Scoring sheet");
        let value = match lang {
            Lang::Vi => format!("Bộ sản phẩm số {:02}: {} (Phụ lục II)", set.no, set.name.vi),
            Lang::En => format!(
                "Product set no. {:02}: {} (Appendix II)",
                set.no, set.name.en
            ),
        };
        self.line("-", label, vec![Span::plain(value)], 1);
    }

    fn receiving_block(&mut self) {
        let cell = |b: &Self, title_vi: &str, title_en: &str| {
            Cell::new(vec![
                Para::new(vec![Span::bold(b.tr(title_vi, title_en))]).align(Align::Center),
                Para::text(format!(
                    "{}: ……-……/PĐK-(…)-(…)-(……)",
                    b.tr("Số phiếu", "Form no.")
                )),
                Para::new(vec![Span::italic(b.tr(
                    "(mã tỉnh – mã xã – năm)",
                    "(province code – commune code – year)",
                ))])
                .style(ParaStyle::Small),
                Para::text(format!(
                    "{}: ……/……/………",
                    b.tr("Ngày tiếp nhận", "Received on")
                )),
                Para::text(format!(
                    "{}: ……………………",
                    b.tr(
                        "Người tiếp nhận (ký, ghi rõ họ tên)",
                        "Received by (signature, name)"
                    )
                )),
            ])
        };
        let header = Cell::new(vec![Para::new(vec![Span::bold(self.tr(
            "PHẦN DÀNH CHO CƠ QUAN TIẾP NHẬN",
            "FOR THE RECEIVING OFFICES",
        ))])
        .align(Align::Center)])
        .span(2)
        .shaded();
        let commune = cell(self, "Ủy ban nhân dân cấp xã", "Commune People's Committee");
        let province = cell(
            self,
            "Cơ quan tham mưu quản lý OCOP cấp tỉnh",
            "Provincial OCOP advisory body",
        );
        self.blocks.push(Block::Table(Table {
            widths: vec![50, 50],
            rows: vec![
                Row {
                    cells: vec![header],
                    header: false,
                },
                Row {
                    cells: vec![commune, province],
                    header: false,
                },
            ],
            borders: true,
        }));
    }

    // -----------------------------------------------------------------------------------------
    // Mẫu 02

    fn form_02(&mut self) {
        self.form_ref("02");
        self.form_header();
        self.heading(1, "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM".into());
        self.gloss("Self-assessment report on the product");
        let mut p = vec![Span::plain(self.tr("Sản phẩm: ", "Product: "))];
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
        self.heading(2, self.tr("I. THÔNG TIN CHUNG", "I. GENERAL INFORMATION"));
        self.field("1.", Field::ProducerName, 0);
        self.field("2.", Field::OrganisationType, 0);
        self.guidance(
            "(Hợp tác xã, tổ hợp tác, doanh nghiệp nhỏ và vừa, trang trại, hộ sản xuất/hộ kinh doanh có đăng ký kinh doanh…)",
            "(Cooperative, cooperative group, small or medium enterprise, farm, registered household business…)",
        );
        self.field("3.", Field::Address, 0);
        self.field("4.", Field::Phone, 0);
        self.field("", Field::Email, 1);
        let label = self.tr("Người đại diện theo pháp luật", "Legal representative");
        self.line("5.", label, Vec::new(), 0);
        let name_label = self.tr("Họ và tên", "Full name");
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
        let label = self.tr("Tên sản phẩm/dịch vụ", "Product or service");
        let v = self.value(Field::ProductName);
        self.line("7.", label, v, 0);
        self.field("-", Field::Specification, 1);
        if self.tourism && is_blank(Field::Standard.value(self.draft)) {
            let label = field_label(self.lang, Field::Standard).to_string();
            let v = vec![Span::italic(self.tr(
                "(không bắt buộc đối với sản phẩm dịch vụ du lịch)",
                "(not required for a tourism service)",
            ))];
            self.line("-", label, v, 1);
        } else {
            self.field("-", Field::Standard, 1);
        }

        let label = self.tr(
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
                self.tr(
                    "c) Điều kiện kinh doanh dịch vụ",
                    "c) Service business conditions",
                ),
                &TOURISM_CONDITION_BOXES,
            )
        } else {
            (
                self.tr("c) Điều kiện sản xuất", "c) Production conditions"),
                &CONDITION_BOXES,
            )
        };
        self.line("", label, Vec::new(), 1);
        self.tick_boxes(boxes, Field::Certificates);
        self.declared(Field::Certificates);
        let label = self.tr("d) Sở hữu trí tuệ", "d) Intellectual property");
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
        spans.push(Span::plain(format!(" {}", self.tr(vi, en))));
        let indent = if number.is_empty() { 2 } else { 1 };
        self.para(Para::new(spans).indent(indent));
    }

    /// "Kê khai của chủ thể: …" under a tick-box group.
    fn declared(&mut self, f: Field) {
        let label = self.tr("Kê khai của chủ thể", "Declared by the producer");
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
            self.tr(
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
        let label = self.tr(
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
        let year = self.tr("Năm", "Year");
        let years = [
            format!("{year} {}", years[0]),
            format!("{year} {}", years[1]),
        ];
        self.figures_table(&years);
    }

    /// A small table of yearly figures with empty cells to fill in.
    fn figures_table(&mut self, years: &[String]) {
        let mut header = vec![Cell::text(self.tr("Chỉ tiêu", "Indicator"))];
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
            let mut cells = vec![Cell::text(self.tr(vi, en))];
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

    fn part_3(&mut self) {
        let lang = self.lang;
        let set = self.set;
        self.heading(
            2,
            self.tr(
                "III. TỰ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ",
                "III. SELF-ASSESSMENT AGAINST THE CRITERIA",
            ),
        );
        let p = match lang {
            Lang::Vi => format!(
                "Bộ tiêu chí: bộ sản phẩm số {:02} – {} (Phụ lục II, Quyết định số {}).",
                set.no, set.name.vi, set.decision.number
            ),
            Lang::En => format!(
                "Scoring sheet: product set no. {:02} – {} (Appendix II, Decision {}).",
                set.no, set.name.en, set.decision.number
            ),
        };
        self.para(Para::text(p));
        self.guidance(
            "(Mỗi tiêu chí: mức tự đánh giá, điểm, thuyết minh; minh chứng đính kèm theo thứ tự tiêu chí.)",
            "(For each criterion: the level reached, the points, a description; evidence attached in criterion order.)",
        );
        for part in &set.parts {
            let points = self
                .a
                .parts
                .iter()
                .find(|p| p.code == part.code)
                .map(|p| p.points)
                .unwrap_or(0);
            let heading = match lang {
                Lang::Vi => format!(
                    "PHẦN {}. {} (tối đa {} điểm)",
                    part.code,
                    part.name.vi.to_uppercase(),
                    part.max
                ),
                Lang::En => format!(
                    "PART {}. {} (max {} points)",
                    part.code,
                    part.name.en.to_uppercase(),
                    part.max
                ),
            };
            self.heading(3, heading);
            let mut rows = vec![Row {
                cells: vec![
                    Cell::text(self.tr("Mã", "Code")),
                    Cell::text(self.tr("Tiêu chí", "Criterion")),
                    Cell::text(self.tr("Mức tự đánh giá", "Level reached")),
                    Cell::text(self.tr("Điểm", "Points")),
                    Cell::text(self.tr(
                        "Thuyết minh, minh chứng kèm theo",
                        "Description and evidence attached",
                    )),
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
                    Cell::spans(vec![Span::bold(match lang {
                        Lang::Vi => format!("Cộng phần {}", part.code),
                        Lang::En => format!("Total of part {}", part.code),
                    })])
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
        let total = match lang {
            Lang::Vi => format!(
                "Tổng điểm tự đánh giá: {}/{} điểm (A {}, B {}, C {}).",
                self.a.total,
                self.a.max_total,
                self.a.part("A"),
                self.a.part("B"),
                self.a.part("C")
            ),
            Lang::En => format!(
                "Self-assessed total: {}/{} points (A {}, B {}, C {}).",
                self.a.total,
                self.a.max_total,
                self.a.part("A"),
                self.a.part("B"),
                self.a.part("C")
            ),
        };
        self.para(Para::new(vec![Span::bold(total)]));
        if !self.a.unanswered.is_empty() {
            let mut spans = vec![Span::missing(lang)];
            spans.push(Span::italic(format!(
                " {}: {}",
                i18n::unanswered(lang, self.a.unanswered.len()),
                self.a.unanswered.join(", ")
            )));
            self.para(Para::new(spans));
        }
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
            Some(s) if s.answered => vec![Para::new(vec![Span::italic(self.tr(
                "Chưa đạt mức nào trong bộ tiêu chí (0 điểm)",
                "None of the printed levels reached (0 points)",
            ))])],
            _ => vec![Para::new(vec![
                Span::missing(lang),
                Span::italic(self.tr(" chưa tự đánh giá", " not yet assessed")),
            ])],
        };
        let points = match score {
            Some(s) if s.answered => format!("{}/{}", s.points, c.max),
            _ => format!("…/{}", c.max),
        };
        let mut note = Vec::new();
        match self.draft.evidence.get(&c.code).filter(|n| !is_blank(n)) {
            Some(n) => note.push(Para::new(vec![Span::user(n.trim())])),
            None => note.push(Para::new(vec![
                Span::missing(lang),
                Span::italic(self.tr(" thuyết minh", " description")),
            ])),
        }
        let ev = evidence::for_criterion(self.set, &c.code);
        if !ev.is_empty() {
            note.push(
                Para::new(vec![Span::italic(self.tr(
                    "Minh chứng đính kèm (gợi ý):",
                    "Evidence to attach (suggested):",
                ))])
                .style(ParaStyle::Small),
            );
            for e in ev {
                note.push(
                    Para::text(format!("- {}", evidence_name(e, lang))).style(ParaStyle::Small),
                );
            }
        }
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

    fn part_4(&mut self) {
        self.heading(
            2,
            self.tr(
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
            self.tr(
                "Dự kiến lượt khách, doanh thu, lợi nhuận",
                "Expected visitors, revenue and profit",
            )
        } else {
            self.tr(
                "Dự kiến sản lượng, doanh thu, lợi nhuận",
                "Expected output, revenue and profit",
            )
        };
        self.line("4.", label, Vec::new(), 0);
        let year = self.tr("Năm", "Year");
        let years: Vec<String> = match self.date {
            Some(d) => (0..3).map(|i| format!("{year} {}", d.year + i)).collect(),
            None => (0..3).map(|_| format!("{year} ……")).collect(),
        };
        self.figures_table(&years);
    }

    // -----------------------------------------------------------------------------------------
    // Annex

    fn annex(&mut self) {
        let lang = self.lang;
        let a = self.a;
        self.para(
            Para::new(vec![Span::italic(self.tr(
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
            Para::new(vec![Span::bold(self.tr(
                "ĐÂY LÀ KẾT QUẢ TỰ ƯỚC TÍNH, KHÔNG PHẢI KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG CỦA HỘI ĐỒNG.",
                "THIS IS A SELF-ESTIMATE, NOT THE RESULT OF THE EVALUATION COUNCIL.",
            ))])
            .align(Align::Center),
            Para::text(match lang {
                Lang::Vi => format!(
                    "Điểm và số sao dưới đây được công cụ Tự đánh giá OCOP tính từ câu trả lời của chủ thể theo Quyết định số {}. Hội đồng đánh giá, phân hạng chấm điểm độc lập trên {}. Phụ lục này để tham khảo khi chuẩn bị hồ sơ, không nộp kèm hồ sơ.",
                    self.set.decision.number,
                    if self.tourism { "hồ sơ" } else { "hồ sơ và mẫu sản phẩm" }
                ),
                Lang::En => format!(
                    "The points and stars below were computed by the OCOP self-check tool from the producer's own answers under Decision {}. The evaluation council scores independently, from {}. This annex helps preparing the dossier; it is not filed with it.",
                    self.set.decision.number,
                    if self.tourism { "the dossier" } else { "the dossier and the samples" }
                ),
            })
            .align(Align::Justify),
            Para::new(vec![Span::bold(self.tr(
                "Nội dung Mẫu số 01, 02 được dựng lại theo cấu trúc Phụ lục III, không phải bản sao nguyên văn; đối chiếu với mẫu chính thức trước khi nộp.",
                "Forms 01 and 02 are rebuilt from the structure of Annex III, not verbatim copies; check them against the official forms before filing.",
            ))])
            .align(Align::Justify),
        ]));

        self.heading(2, self.tr("1. Điểm ước tính", "1. Estimated score"));
        let mut rows = vec![Row {
            cells: vec![
                Cell::text(self.tr("Phần", "Part")),
                Cell::text(self.tr("Nội dung", "Content")),
                Cell::text(self.tr("Điểm ước tính", "Estimated points")),
                Cell::text(self.tr("Tối đa", "Maximum")),
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
                Cell::spans(vec![Span::bold(self.tr("Tổng cộng", "Total"))])
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

        let label = self.tr("Tổng điểm", "Total");
        let v = format!(
            "{} – {}",
            i18n::total(lang, a.total, a.max_total),
            i18n::band(lang, a.band)
        );
        self.line("-", label, vec![Span::plain(v)], 0);
        let label = self.tr("Số sao ước tính", "Estimated stars");
        let mut v = vec![Span::bold(format!(
            "{} ({})",
            "★".repeat(usize::from(a.stars)),
            i18n::stars(lang, a.stars)
        ))];
        if a.stars < a.band {
            v.push(Span::italic(self.tr(
                " – thấp hơn khung điểm vì còn yêu cầu tối thiểu chưa đạt",
                " – below the band because required minimums are not met",
            )));
        }
        if a.knocked_out {
            v.push(Span::bold(self.tr(
                " – hồ sơ bị loại (xem mục điều kiện loại)",
                " – dossier rejected (see the knock-out conditions)",
            )));
        }
        self.line("-", label, v, 0);
        let label = self.tr("Tiêu chí đã tự đánh giá", "Criteria assessed");
        self.line(
            "-",
            label,
            vec![Span::plain(format!("{}/{}", a.answered, a.criterion_count))],
            0,
        );
        if let Some(n) = &a.next {
            let label = self.tr("Hạng sao tiếp theo", "Next star");
            self.line("-", label, vec![Span::plain(i18n::next_star(lang, n))], 0);
        }

        self.heading(
            3,
            self.tr("Yêu cầu tối thiểu chưa đạt", "Required minimums not met"),
        );
        if a.unmet_minimums.is_empty() {
            self.para(Para::text(self.tr("Không có.", "None.")).indent(1));
        }
        for stars in 3..=5u8 {
            let items: Vec<String> = a
                .unmet_for(stars)
                .map(|u| i18n::unmet_minimum(lang, u))
                .collect();
            if items.is_empty() {
                continue;
            }
            let head = match lang {
                Lang::Vi => format!("Để đạt {stars}★:"),
                Lang::En => format!("For {stars}★:"),
            };
            self.para(Para::new(vec![Span::bold(head)]).indent(1));
            for i in items {
                self.para(Para::text(format!("- {i}")).indent(2));
            }
        }

        self.heading(3, self.tr("Điều kiện loại hồ sơ", "Knock-out conditions"));
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
                Para::text(self.tr(
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
                self.tr(
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
            self.tr(
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
                Cell::text(self.tr("Tiêu chí", "Criterion")),
                Cell::text(self.tr("Minh chứng cần đính kèm", "Evidence to attach")),
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
                            Span::plain(format!(" {}", evidence_name(e, lang))),
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
            self.tr(
                "3. Thông tin cần bổ sung trước khi nộp",
                "3. To complete before filing",
            ),
        );
        if self.problems.is_empty() && a.unanswered.is_empty() {
            self.para(Para::text(self.tr(
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
            let text = match lang {
                Lang::Vi => format!("- Tiêu chí chưa tự đánh giá: {}", a.unanswered.join(", ")),
                Lang::En => format!("- Criteria not yet assessed: {}", a.unanswered.join(", ")),
            };
            self.para(Para::new(vec![Span::plain(text)]).indent(1));
        }
        let missing_notes: Vec<&str> = self
            .set
            .criteria()
            .map(|l| l.criterion.code.as_str())
            .filter(|code| self.draft.evidence.get(*code).is_none_or(|n| is_blank(n)))
            .collect();
        if !missing_notes.is_empty() {
            let text = match lang {
                Lang::Vi => format!(
                    "- Tiêu chí chưa có thuyết minh: {}",
                    missing_notes.join(", ")
                ),
                Lang::En => format!(
                    "- Criteria without a description: {}",
                    missing_notes.join(", ")
                ),
            };
            self.para(Para::text(text).indent(1));
        }
        let (vi, en) = if self.tourism {
            // No product samples for the tourism set (domain.md §7.1).
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
        self.para(Para::text(self.tr(vi, en)).indent(1));
        let made = match (lang, self.date) {
            (Lang::Vi, Some(d)) => format!(
                "Bản dự thảo lập bằng công cụ Tự đánh giá OCOP ngày {}.",
                d.dmy()
            ),
            (Lang::En, Some(d)) => format!(
                "Draft made with the OCOP self-check tool on {}.",
                d.long(Lang::En)
            ),
            (Lang::Vi, None) => "Bản dự thảo lập bằng công cụ Tự đánh giá OCOP.".to_string(),
            (Lang::En, None) => "Draft made with the OCOP self-check tool.".to_string(),
        };
        self.para(
            Para::new(vec![Span::italic(made)])
                .style(ParaStyle::Small)
                .align(Align::Right),
        );
    }
}

fn shaded_row(text: String, span: u16) -> Row {
    Row {
        cells: vec![Cell::spans(vec![Span::bold(text)]).span(span).shaded()],
        header: false,
    }
}

/// A tick box of Mẫu 02 Part I item 8 (c) or (d): its words, and the words of a declaration that
/// tick it (lower case). A box with no words is "other": ticked when the declaration says
/// something that ticks none of the boxes before it.
struct TickBox {
    vi: &'static str,
    en: &'static str,
    keys: &'static [&'static str],
    /// Phrases removed before looking for `keys` (a collective mark is not a trademark).
    except: &'static [&'static str],
}

/// The "other" box of item 8 (c): ticked when the declaration names none of the boxes before it.
const OTHER_CONDITION: TickBox = TickBox {
    vi: "Khác (ghi rõ tại phần kê khai)",
    en: "Other (see the declaration)",
    keys: &[],
    except: &[],
};

const CONDITION_BOXES: [TickBox; 3] = [
    TickBox {
        vi: "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        en: "Food-safety facility eligibility certificate",
        keys: &["an toàn thực phẩm", "attp", "food safety", "food-safety"],
        except: &[],
    },
    TickBox {
        vi: "Giấy chứng nhận đủ điều kiện sản xuất (đối với sản phẩm pháp luật yêu cầu)",
        en: "Production-condition certificate (where the law requires one)",
        keys: &[
            "điều kiện sản xuất",
            "production condition",
            "production-condition",
        ],
        except: &[],
    },
    OTHER_CONDITION,
];

/// Item 8 (c) for the tourism set: a service is licensed, not certified as a production facility.
const TOURISM_CONDITION_BOXES: [TickBox; 2] = [
    TickBox {
        vi: "Giấy phép kinh doanh dịch vụ du lịch / quyết định công nhận điểm du lịch",
        en: "Tourism business licence / decision recognising the tourist site",
        keys: &[
            "giấy phép kinh doanh",
            "kinh doanh dịch vụ du lịch",
            "kinh doanh dịch vụ lữ hành",
            "công nhận điểm du lịch",
            "điểm du lịch",
            "business licence",
            "business license",
            "tourism licence",
            "tourism license",
            "tourist site",
        ],
        except: &[],
    },
    OTHER_CONDITION,
];

const IP_BOXES: [TickBox; 6] = [
    TickBox {
        vi: "Giấy chứng nhận đăng ký nhãn hiệu",
        en: "Trademark certificate",
        keys: &["nhãn hiệu", "thương hiệu", "trademark", "trade mark"],
        except: &[
            "nhãn hiệu tập thể",
            "nhãn hiệu chứng nhận",
            "collective mark",
            "certification mark",
        ],
    },
    TickBox {
        vi: "Quyền sử dụng chỉ dẫn địa lý / nhãn hiệu tập thể / nhãn hiệu chứng nhận",
        en: "Right to use a geographical indication / collective / certification mark",
        keys: &[
            "chỉ dẫn địa lý",
            "nhãn hiệu tập thể",
            "nhãn hiệu chứng nhận",
            "geographical indication",
            "collective mark",
            "certification mark",
        ],
        except: &[],
    },
    TickBox {
        vi: "Bằng độc quyền sáng chế / giải pháp hữu ích",
        en: "Patent / utility solution",
        keys: &[
            "sáng chế",
            "giải pháp hữu ích",
            "patent",
            "utility solution",
        ],
        except: &[],
    },
    TickBox {
        vi: "Kiểu dáng công nghiệp",
        en: "Industrial design",
        keys: &["kiểu dáng", "industrial design"],
        except: &[],
    },
    TickBox {
        vi: "Quyền tác giả",
        en: "Copyright",
        keys: &["quyền tác giả", "bản quyền", "copyright"],
        except: &[],
    },
    TickBox {
        vi: "Khác",
        en: "Other",
        keys: &[],
        except: &[],
    },
];

/// Words that make a clause of a declaration say "not (yet)": "chưa có …", "đang làm thủ tục …".
const NOT_YET: [&str; 11] = [
    "chưa",
    "không",
    "đang làm",
    "đang chờ",
    "đang xin",
    "đang đăng ký",
    "none",
    "no ",
    "not ",
    "pending",
    "applying",
];

/// Which of `boxes` the producer's declaration ticks. The text is read clause by clause (split at
/// commas, semicolons and line breaks); a clause that starts with, or contains "chưa có" / "đang
/// …", is a "not (yet)" and ticks nothing. A keyless "other" box is ticked when some clause says
/// something yet no other box is ticked. Empty text ticks nothing.
fn declared_ticks(text: &str, boxes: &[TickBox]) -> Vec<bool> {
    // Compared without diacritics and case: producers often type without them on a phone.
    let fold = fold_diacritics;
    let lower = fold(text);
    let clauses: Vec<&str> = lower
        .split([',', ';', '\n'])
        .map(|c| c.trim_matches(|ch: char| ch.is_whitespace() || ch == '-' || ch == '.'))
        .filter(|c| !is_blank(c))
        .filter(|c| {
            !NOT_YET.iter().any(|w| c.starts_with(&fold(w)))
                && !["chưa có", "chưa được", "đang làm", "đang chờ"]
                    .iter()
                    .any(|w| c.contains(&fold(w)))
        })
        .collect();
    let mut ticks: Vec<bool> = boxes
        .iter()
        .map(|b| {
            !b.keys.is_empty()
                && clauses.iter().any(|c| {
                    let mut c = (*c).to_string();
                    for e in b.except {
                        c = c.replace(&fold(e), " ");
                    }
                    b.keys.iter().any(|k| c.contains(&fold(k)))
                })
        })
        .collect();
    let any = ticks.iter().any(|t| *t);
    for (b, t) in boxes.iter().zip(ticks.iter_mut()) {
        if b.keys.is_empty() {
            *t = !any && !clauses.is_empty();
        }
    }
    ticks
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

fn evidence_name(e: &evidence::Evidence, lang: Lang) -> &'static str {
    e.get(lang)
}

/// The place for "…, ngày … tháng … năm …": the last part of the address (the province or
/// city) without its administrative prefix; `None` when the address is empty.
fn place_from_address(address: &str) -> Option<String> {
    if is_blank(address) {
        return None;
    }
    let last = address
        .rsplit([',', '\n'])
        .map(str::trim)
        .find(|s| !s.is_empty())?;
    let lower = last.to_lowercase();
    let mut place = last;
    for prefix in ["thành phố ", "tỉnh ", "tp. ", "tp.", "tp "] {
        if lower.starts_with(prefix) {
            place = last.get(prefix.len()..).unwrap_or(last).trim();
            break;
        }
    }
    let place: String = place.chars().take(60).collect();
    (!is_blank(&place)).then_some(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_tick_the_boxes_they_name() {
        let c = |t: &str| declared_ticks(t, &CONDITION_BOXES);
        let ip = |t: &str| declared_ticks(t, &IP_BOXES);
        assert_eq!(c(""), [false, false, false]);
        assert_eq!(c(" \u{200B}"), [false, false, false]);
        assert_eq!(
            c("Giấy chứng nhận cơ sở đủ điều kiện ATTP số 12/2024"),
            [true, false, false]
        );
        assert_eq!(
            c("Giấy chứng nhận đủ điều kiện sản xuất rượu; Giấy ATTP"),
            [true, true, false]
        );
        assert_eq!(c("VietGAP, ISO 22000"), [false, false, true]);
        assert_eq!(c("ATTP số 5, ISO 22000"), [true, false, false]);
        assert_eq!(c("Chưa có"), [false, false, false]);
        // Typed without diacritics, as on many phones.
        assert_eq!(
            c("giay chung nhan co so du dieu kien an toan thuc pham"),
            [true, false, false]
        );
        assert_eq!(c("chua co giay ATTP"), [false, false, false]);
        assert_eq!(
            ip("nhan hieu tap the Che Tan Cuong"),
            [false, true, false, false, false, false]
        );
        assert_eq!(c("Đang làm thủ tục cấp giấy ATTP"), [false, false, false]);
        assert_eq!(
            c("VietGAP; chưa có giấy chứng nhận ATTP"),
            [false, false, true]
        );
        assert_eq!(
            ip("Nhãn hiệu “Mận Tân Lập” số 456789"),
            [true, false, false, false, false, false]
        );
        assert_eq!(
            ip("Được sử dụng nhãn hiệu tập thể “Chè Tân Cương”"),
            [false, true, false, false, false, false]
        );
        assert_eq!(
            ip("Nhãn hiệu số 1234, chỉ dẫn địa lý Phú Quốc, kiểu dáng công nghiệp số 9"),
            [true, true, false, true, false, false]
        );
        assert_eq!(
            ip("Mã số mã vạch GS1"),
            [false, false, false, false, false, true]
        );
        assert_eq!(ip("Không có"), [false, false, false, false, false, false]);
        let t = |s: &str| declared_ticks(s, &TOURISM_CONDITION_BOXES);
        assert_eq!(
            t("Giấy phép kinh doanh dịch vụ du lịch số 12"),
            [true, false]
        );
        assert_eq!(
            t("Quyết định công nhận điểm du lịch số 5/QĐ-UBND"),
            [true, false]
        );
        assert_eq!(t("quyet dinh cong nhan diem du lich"), [true, false]);
        assert_eq!(t("Chứng nhận cơ sở lưu trú đạt chuẩn"), [false, true]);
        assert_eq!(t("Chưa có giấy phép kinh doanh"), [false, false]);
    }

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

    #[test]
    fn place_is_the_province() {
        let p = |s: &str| place_from_address(s);
        assert_eq!(
            p("Thôn 3, xã Tân Lập, tỉnh Lào Cai").as_deref(),
            Some("Lào Cai")
        );
        assert_eq!(
            p("12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh").as_deref(),
            Some("Hồ Chí Minh")
        );
        assert_eq!(p("Hà Nội").as_deref(), Some("Hà Nội"));
        assert_eq!(p("TP. Cần Thơ").as_deref(), Some("Cần Thơ"));
        assert_eq!(p("  "), None);
        assert_eq!(p(",,"), None);
    }
}
