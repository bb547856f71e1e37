//! Mẫu 01: the registration form (Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP), word for
//! word as Phụ lục III of the decision prints it, with the part the managing offices fill in.

use super::{Builder, LEADER};
use crate::dossier::{Align, Block, Cell, Para, ParaStyle, Row, Span, Table};
use crate::draft::{Field, RegistrationType};

impl Builder<'_> {
    /// Mẫu số 01 as Phụ lục III prints it (`docs/forms-qd26-2026.md`): every heading, item,
    /// blank, tick box and note in its order and numbering, nothing added. Where the draft knows
    /// a blank, the producer's text replaces the dotted leader; elsewhere the leader stays, as on
    /// a form filled by hand. The English reading copy glosses each line in English.
    pub(super) fn form_01(&mut self) {
        self.para(
            Para::new(vec![Span::italic(self.pick(
                "Mẫu số 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP",
                "Form 01: Registration form for the evaluation and rating of an OCOP product",
            ))])
            .align(Align::Right)
            .style(ParaStyle::Small),
        );
        for (text, bold) in [
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true),
            ("Độc lập - Tự do - Hạnh phúc", true),
            ("---------------", false),
        ] {
            let span = if bold {
                Span::bold(text)
            } else {
                Span::plain(text)
            };
            self.para(Para::new(vec![span]).align(Align::Center));
        }
        self.heading(1, "PHIẾU ĐĂNG KÝ".into());
        self.para(
            Para::new(vec![Span::bold(
                "Tham gia đánh giá, phân hạng sản phẩm OCOP",
            )])
            .align(Align::Center),
        );
        // "của tỉnh … năm …": a centrally-run city is "của thành phố …" (the form's "tỉnh" is
        // the province level).
        let province = self.province();
        let (word, name) = match &province {
            Some(p) => (p.kind.word(), Some(p.name.clone())),
            None => ("tỉnh", None),
        };
        let year = self.date.map(|d| d.year.to_string());
        self.para(
            Para::new(vec![
                Span::bold(format!("của {word} ")),
                filled(name, "……………."),
                Span::bold(" năm "),
                filled(year, "………."),
            ])
            .align(Align::Center),
        );
        self.gloss("Registration for the evaluation and rating of OCOP products");

        self.item(
            "1.",
            "Thông tin về đơn vị đăng ký",
            "Registering unit",
            Vec::new(),
        );
        let v = self.blank(Field::ProducerName);
        self.item("-", "Tên đơn vị", "Name of the unit", v);
        let v = self.blank(Field::RepresentativeName);
        self.item(
            "-",
            "Họ tên người đại diện pháp lý",
            "Legal representative",
            v,
        );
        let v = self.blank(Field::RepresentativeTitle);
        self.item("-", "Chức vụ", "Position", v);
        let v = self.blank(Field::Address);
        self.item("-", "Địa chỉ liên hệ", "Contact address", v);
        let mut v = self.blank(Field::Phone);
        v.push(Span::plain(" Email: "));
        v.extend(self.blank(Field::Email));
        self.item("-", "Điện thoại", "Telephone", v);
        let v = self.blank(Field::ProductName);
        self.item("2.", "Tên sản phẩm", "Product name", v);
        let v = vec![Span::user(self.classification_text())];
        self.item(
            "3.",
            "Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm¹)",
            "Product group registered (category, group, sub-group¹)",
            v,
        );
        let kind = self.draft.product.registration_type;
        let v = vec![
            Span::plain(format!(" {} ", self.pick("Lần đầu", "First time"))),
            Span::check(kind == RegistrationType::FirstTime),
            Span::plain(format!(" {}: ", self.pick("Nâng hạng", "Upgrade"))),
            Span::check(kind == RegistrationType::Upgrade),
            Span::plain(format!(" {}: ", self.pick("Đánh giá lại", "Re-evaluation"))),
            Span::check(kind == RegistrationType::ReEvaluation),
        ];
        self.item("4.", "Lần đăng ký đánh giá", "Registration", v);
        self.item("5.", "Tài liệu kèm theo", "Attached documents", Vec::new());
        let p = Para::text(format!(
            "- {}",
            self.pick(
                "Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).",
                "Report on the product against the criteria (original and electronic copy).",
            )
        ));
        self.para(p);
        self.item(
            "-",
            "Sản phẩm mẫu (số lượng)",
            "Product samples (number)",
            vec![Span::plain(LEADER)],
        );
        let p = Para::text(self.pick(
            "Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam kết tuân thủ các quy định về đánh giá, phân hạng sản phẩm OCOP, chịu trách nhiệm trước Hội đồng và pháp luật về Hồ sơ đăng ký đánh giá, phân hạng sản phẩm.",
            "We declare that the information in this registration form is true, undertake to comply with the rules on the evaluation and rating of OCOP products, and are responsible before the Council and the law for the registration dossier.",
        ))
        .align(Align::Justify);
        self.para(p);
        let name = self.draft.producer.representative_name.clone();
        self.signature_block(
            true,
            ("ĐẠI DIỆN", "REPRESENTATIVE"),
            None,
            (
                "(Ký, đóng dấu, ghi rõ họ tên)",
                "(Signature, seal, full name)",
            ),
            Some(&name),
        );
        self.para(Para::text("_____________________").style(ParaStyle::Small));
        self.para(
            Para::text(self.pick(
                "1 Theo Phụ lục I về Danh mục phân loại sản phẩm tham gia đánh giá, phân hạng sản phẩm OCOP.",
                "1 Under Appendix I, the classification of products taking part in the OCOP evaluation and rating.",
            ))
            .style(ParaStyle::Small),
        );
        self.receiving_block();
    }

    /// Ngành, Nhóm, Phân nhóm of Phụ lục I, from the chosen product set.
    fn classification_text(&self) -> String {
        let lang = self.lang;
        match self.entry {
            Some(e) => {
                let mut parts = vec![
                    format!("{}. {}", e.category.code, e.category.name.get(lang)),
                    format!("{}. {}", e.group.code, e.group.name.get(lang)),
                ];
                if e.set.classification != e.group.code {
                    parts.push(format!(
                        "{}. {}",
                        e.set.classification,
                        e.set.name.get(lang)
                    ));
                }
                parts.join("; ")
            }
            None => self.set.header_vi.clone(),
        }
    }

    /// "PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ": the commune's and the province's receipt, each with the
    /// receiving office's seal on the right, as printed.
    fn receiving_block(&mut self) {
        let part = |b: &Self, vi: &str, en: &str| -> Row {
            let left = Cell::new(vec![
                Para::new(vec![Span::bold(b.pick(vi, en))]),
                Para::text("Phiếu số: ……-……. /PĐK- (Mã tỉnh) - (Mã xã) - (Năm)"),
                Para::text(format!("{}: {LEADER}", b.pick("Ngày nhận", "Received on"))),
                Para::text(format!(
                    "{}: …………………………………….. {}: …………………………",
                    b.pick("Người tiếp nhận", "Received by"),
                    b.pick("Chữ ký", "Signature")
                )),
            ]);
            let right = Cell::new(vec![
                Para::new(vec![Span::bold(
                    b.pick("Cơ quan tiếp nhận", "Receiving office"),
                )])
                .align(Align::Center),
                Para::new(vec![Span::italic(b.pick(
                    "(Ký, đóng dấu và ghi rõ họ tên)",
                    "(Signature, seal and full name)",
                ))])
                .align(Align::Center),
            ]);
            Row {
                cells: vec![left, right],
                header: false,
            }
        };
        let header = Cell::new(vec![Para::new(vec![Span::bold(
            self.pick("PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ", "FOR THE MANAGING OFFICES"),
        )])
        .align(Align::Center)])
        .span(2)
        .shaded();
        let commune = part(
            self,
            "DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ",
            "FOR THE COMMUNE PEOPLE'S COMMITTEE",
        );
        let province = part(
            self,
            "DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH",
            "FOR THE PROVINCIAL OCOP OFFICE",
        );
        self.blocks.push(Block::Table(Table {
            widths: vec![62, 38],
            rows: vec![
                Row {
                    cells: vec![header],
                    header: false,
                },
                commune,
                province,
            ],
            borders: true,
        }));
    }
}

/// The producer's text in a blank, or the leader.
fn filled(value: Option<String>, leader: &str) -> Span {
    match value {
        Some(v) => Span::user(v),
        None => Span::plain(leader),
    }
}
