//! Mẫu 01: the registration form (Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP), with the
//! classification of Phụ lục I and the block the receiving offices fill in.

use super::Builder;
use crate::dossier::{Align, Block, Cell, Para, ParaStyle, Row, Span, Table};
use crate::draft::{Field, RegistrationType};
use crate::i18n::field_label;

impl Builder<'_> {
    pub(super) fn form_01(&mut self) {
        let lang = self.lang;
        self.form_ref("01");
        self.form_header();
        self.heading(1, "PHIẾU ĐĂNG KÝ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP".into());
        self.gloss("Registration form for the evaluation and rating of an OCOP product");
        self.addressee();

        self.field("1.", Field::ProducerName, 0);
        let label = self.pick("Người đại diện theo pháp luật", "Legal representative");
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
        let label = self.pick(
            "Tên sản phẩm đăng ký đánh giá, phân hạng",
            "Product registered for evaluation and rating",
        );
        let v = self.value(Field::ProductName);
        self.line("4.", label, v, 0);

        let label = self.pick(
            "Phân loại sản phẩm (theo Phụ lục I)",
            "Product classification (Appendix I)",
        );
        self.line("5.", label, Vec::new(), 0);
        self.classification();

        let label = self.pick("Hình thức đăng ký", "Type of registration");
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
                Span::plain(format!(" {}", self.pick(vi, en))),
            ])
            .indent(1);
            self.para(p);
        }

        let label = self.pick("Hồ sơ gửi kèm", "Attachments");
        self.line("7.", label, Vec::new(), 0);
        let mut items = vec![self.pick(
            "Báo cáo tự đánh giá về sản phẩm (Mẫu số 02): 01 bản chính và 01 bản điện tử;",
            "Self-assessment report on the product (Form 02): 1 signed original and 1 electronic copy;",
        )];
        if self.tourism {
            items.push(self.pick(
                "Sản phẩm dịch vụ du lịch: không nộp mẫu sản phẩm.",
                "Tourism service: no product samples.",
            ));
        } else {
            items.push(self.pick("Mẫu sản phẩm: 05 mẫu.", "Product samples: 5."));
        }
        match kind {
            RegistrationType::FirstTime => {}
            RegistrationType::Upgrade => items.push(self.pick(
                "Thuyết minh những thay đổi so với sản phẩm đã được công nhận, kèm minh chứng.",
                "Description of the changes since the product was recognised, with evidence.",
            )),
            RegistrationType::ReEvaluation => items.push(self.pick(
                "Tài liệu cập nhật từ khi được công nhận (nguyên liệu, công nghệ, bao bì, nhãn, công bố chất lượng, kết quả kiểm nghiệm định kỳ, thị trường, sản lượng, doanh thu) và giấy tờ pháp lý có thời hạn đã gia hạn.",
                "Updates since recognition (raw materials, technology, packaging, labels, quality declaration, periodic lab reports, market, volume, revenue) and renewed time-limited legal papers.",
            )),
        }
        for item in items {
            self.para(Para::text(format!("- {item}")).indent(1));
        }

        let label = self.pick("Cam kết", "Commitment");
        self.line("8.", label, Vec::new(), 0);
        let p = Para::text(self.pick(
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
                        self.pick("Ngành", "Category"),
                        format!("{}. {}", e.category.code, e.category.name.get(lang)),
                    ),
                    (
                        self.pick("Nhóm", "Group"),
                        format!("{}. {}", e.group.code, e.group.name.get(lang)),
                    ),
                ];
                let sub = if e.set.classification != e.group.code {
                    format!("{}. {}", e.set.classification, e.set.name.get(lang))
                } else {
                    self.pick("(không có phân nhóm)", "(no sub-group)")
                };
                rows.push((self.pick("Phân nhóm", "Sub-group"), sub));
                rows
            }
            None => vec![(
                self.pick("Ngành, nhóm", "Category, group"),
                set.header_vi.clone(),
            )],
        };
        for (label, value) in rows {
            self.line("-", label, vec![Span::plain(value)], 1);
        }
        let label = self.pick("Bộ tiêu chí", "Scoring sheet");
        let value = lang.pick(
            format!("Bộ sản phẩm số {:02}: {} (Phụ lục II)", set.no, set.name.vi),
            format!(
                "Product set no. {:02}: {} (Appendix II)",
                set.no, set.name.en
            ),
        );
        self.line("-", label, vec![Span::plain(value)], 1);
    }

    fn receiving_block(&mut self) {
        let cell = |b: &Self, title_vi: &str, title_en: &str| {
            Cell::new(vec![
                Para::new(vec![Span::bold(b.pick(title_vi, title_en))]).align(Align::Center),
                Para::text(format!(
                    "{}: ……-……/PĐK-(…)-(…)-(……)",
                    b.pick("Số phiếu", "Form no.")
                )),
                Para::new(vec![Span::italic(b.pick(
                    "(mã tỉnh – mã xã – năm)",
                    "(province code – commune code – year)",
                ))])
                .style(ParaStyle::Small),
                Para::text(format!(
                    "{}: ……/……/………",
                    b.pick("Ngày tiếp nhận", "Received on")
                )),
                Para::text(format!(
                    "{}: ……………………",
                    b.pick(
                        "Người tiếp nhận (ký, ghi rõ họ tên)",
                        "Received by (signature, name)"
                    )
                )),
            ])
        };
        let header = Cell::new(vec![Para::new(vec![Span::bold(self.pick(
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
}
