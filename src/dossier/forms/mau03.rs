//! Mẫu 03: the commune People's Committee's report on a dossier (Báo cáo đánh giá một số nội dung
//! của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP), word for word as Phụ lục III
//! prints it, drafted from the producer's draft for the commune officer to complete (Điều 7
//! khoản 2: within 15 working days of receiving the dossier).
//!
//! What the draft knows fills the blanks of Part I and the proposal line. Under each point of
//! Part II, which the form asks to show "mô tả của chủ thể và đánh giá" of the commune, the
//! producer's own description is copied (its self-assessed level and "mô tả, chứng minh" on the
//! matching criterion of Mẫu 02, and for raw materials Part II's first point), followed by dotted
//! lines for the commune's assessment: the assessment itself is the commune's, never drafted.

use super::{Builder, LEADER};
use crate::dossier::{Align, Block, Cell, Para, Row, Span, Table};
use crate::draft::{is_blank, Field};
use crate::lang::fold_diacritics;

impl Builder<'_> {
    pub(super) fn form_03(&mut self) {
        self.form_label(
            "Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
            "Form 03: Report on some contents of the registration dossier for the OCOP evaluation and rating",
        );
        let commune = commune_of(&self.draft.producer.address);
        let left = Cell::new(vec![
            Para::new(vec![Span::bold("ỦY BAN NHÂN DÂN")]).align(Align::Center),
            Para::new(vec![match &commune {
                Some((kind, name)) => Span {
                    bold: true,
                    ..Span::user(format!("{} {}", kind, name).to_uppercase())
                },
                None => Span::bold("XÃ/PHƯỜNG…"),
            }])
            .align(Align::Center),
            Para::text("-------").align(Align::Center),
        ]);
        let right = Cell::new(vec![
            Para::new(vec![Span::bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]).align(Align::Center),
            Para::new(vec![Span::bold("Độc lập - Tự do - Hạnh phúc")]).align(Align::Center),
            Para::text("---------------").align(Align::Center),
        ]);
        self.blocks.push(Block::Table(Table {
            widths: vec![38, 62],
            rows: vec![Row {
                cells: vec![left, right],
                header: false,
            }],
            borders: false,
        }));
        self.heading(1, "BÁO CÁO".into());
        self.centred(
            "Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
            true,
        );
        self.gloss("Report on some contents of the registration dossier for the OCOP rating");

        self.heading(
            2,
            self.pick(
                "I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM",
                "I. GENERAL INFORMATION ON THE PRODUCT DOSSIER",
            ),
        );
        let v = self.blank(Field::ProducerName);
        self.item("1.", "Tên chủ thể", "Name of the producer", v);
        let v = self.blank(Field::OrganisationType);
        self.item("2.", "Loại hình tổ chức", "Type of organisation", v);
        let v = self.blank(Field::Address);
        self.item("3.", "Địa chỉ", "Address", v);
        let v = self.blank(Field::RepresentativeName);
        self.item(
            "4.",
            "Tên người đại diện pháp luật",
            "Legal representative",
            v,
        );
        let v = self.blank(Field::RepresentativeName);
        self.item("-", "Họ tên", "Full name", v);
        let mut v = self.blank_with(Field::RepresentativeGender, "……………");
        v.push(Span::plain(format!(
            " {}; {}: ",
            self.pick("(Nam/nữ)", "(male/female)"),
            self.pick("Dân tộc", "Ethnicity")
        )));
        v.extend(self.blank_with(Field::RepresentativeEthnicity, "……………"));
        self.item("-", "Giới tính", "Gender", v);
        let v = self.blank(Field::RepresentativeAddress);
        self.item("-", "Địa chỉ thường trú", "Permanent address", v);
        let v = self.blank(Field::ProductName);
        self.item("5.", "Sản phẩm đăng ký đánh giá", "Product registered", v);

        self.heading(
            2,
            self.pick(
                "II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM",
                "II. ASSESSMENT OF SOME CONTENTS OF THE PRODUCT DOSSIER",
            ),
        );
        for point in &POINTS {
            self.para(
                Para::new(vec![
                    Span::bold(self.pick(point.head.0, point.head.1)),
                    Span::plain(self.pick(point.ask.0, point.ask.1)),
                ])
                .align(Align::Justify),
            );
            self.producer_says(point);
            self.para(Para::new(vec![Span::italic(self.pick(
                "Đánh giá của Ủy ban nhân dân cấp xã:",
                "The commune's assessment:",
            ))]));
            for _ in 0..2 {
                self.para(Para::text(LEADER));
            }
        }

        let (kind, name) = match &commune {
            Some((k, n)) => (k.to_lowercase(), n.clone()),
            None => ("xã".to_string(), String::new()),
        };
        let mut spans = vec![Span::plain(format!("Ủy ban nhân dân {kind}"))];
        spans.push(filled(&name, "...."));
        spans.push(Span::plain(" đề nghị Ủy ban nhân dân tỉnh"));
        let province = super::mau01::province_of(&self.draft.producer.address).unwrap_or_default();
        spans.push(filled(&province, "...."));
        spans.push(Span::plain(
            " đánh giá, phân hạng sản phẩm OCOP cho sản phẩm",
        ));
        let product = self.draft.product.name.trim().to_string();
        spans.push(filled(&product, "...."));
        spans.push(Span::plain(" của "));
        let producer = self.draft.producer.name.trim().to_string();
        spans.push(filled(&producer, "……."));
        spans.push(Span::plain("."));
        if self.lang == crate::lang::Lang::En {
            spans.push(Span::italic(
                " (The commune People's Committee proposes that the provincial People's Committee evaluate and rate the product.)",
            ));
        }
        self.para(Para::new(spans).align(Align::Justify));
        let title = match &commune {
            Some((k, n)) => format!("T.M ỦY BAN NHÂN DÂN {} {}", k, n).to_uppercase(),
            None => "T.M ỦY BAN NHÂN DÂN XÃ....".to_string(),
        };
        self.signature_block(
            false,
            (&title, &title),
            ("(Ký tên và đóng dấu)", "(Signature and seal)"),
            None,
        );
    }

    /// What the producer's draft says on one point of Part II: the self-assessed level and the
    /// "mô tả, chứng minh" of the matching criterion, and (raw materials) Part II's first point.
    fn producer_says(&mut self, point: &Point) {
        let mut said = Vec::new();
        if let Some(line) = self
            .set
            .criteria()
            .find(|l| (point.criterion)(&fold_diacritics(&l.criterion.text.vi)))
        {
            let c = line.criterion;
            let chosen = self
                .a
                .criteria
                .iter()
                .find(|s| s.code == c.code)
                .and_then(|s| s.position)
                .and_then(|p| c.level(p));
            if let Some(l) = chosen {
                said.push(self.lang.pick(
                    format!(
                        "Tự đánh giá tiêu chí {} (Mẫu số 02): {} ({}/{} điểm).",
                        c.code,
                        l.text.vi.trim(),
                        l.points,
                        c.max
                    ),
                    format!(
                        "Self-assessment, criterion {} (Form 02): {} ({}/{} points).",
                        c.code,
                        l.text.vi.trim(),
                        l.points,
                        c.max
                    ),
                ));
            }
            if let Some(n) = self.draft.evidence.get(&c.code).filter(|n| !is_blank(n)) {
                said.push(n.trim().to_string());
            }
        }
        if let Some(f) = point.field {
            let v = f.value(self.draft);
            if !is_blank(v) {
                said.push(v.trim().to_string());
            }
        }
        let head = Span::italic(self.pick("Mô tả của chủ thể:", "The producer's description:"));
        if said.is_empty() {
            self.para(Para::new(vec![head, Span::plain(format!(" {LEADER}"))]));
            return;
        }
        self.para(Para::new(vec![head]));
        for s in said {
            for line in s.lines().map(str::trim).filter(|l| !is_blank(l)) {
                self.para(
                    Para::new(vec![Span::user(line)])
                        .indent(1)
                        .align(Align::Justify),
                );
            }
        }
    }
}

/// One point of Mẫu 03 Part II: its heading and the form's own note (as printed), which criterion
/// of the sheet holds the producer's side (matched on the decision's wording, without
/// diacritics), and a report field that adds to it.
struct Point {
    head: (&'static str, &'static str),
    ask: (&'static str, &'static str),
    criterion: fn(&str) -> bool,
    field: Option<Field>,
}

const POINTS: [Point; 4] = [
    Point {
        head: (
            "1. Về sử dụng nguyên liệu địa phương: ",
            "1. Use of local raw materials: ",
        ),
        ask: (
            "(Nội dung thể hiện rõ mô tả của chủ thể và đánh giá về tình hình sử dụng nguyên liệu thực tế của chủ thể trên địa bàn xã).",
            "(Show the producer's description and an assessment of the raw materials it actually uses in the commune.)",
        ),
        criterion: |t| t.starts_with("nguon nguyen lieu"),
        field: Some(Field::Materials),
    },
    Point {
        head: (
            "2. Về sử dụng lao động địa phương: ",
            "2. Use of local labour: ",
        ),
        ask: (
            "(Nội dung thể hiện rõ mô tả của chủ thể và đánh giá về tình hình sử dụng thực tế về lao động địa phương của chủ thể trên địa bàn xã).",
            "(Show the producer's description and an assessment of the local labour it actually employs in the commune.)",
        ),
        criterion: |t| t.starts_with("su dung lao dong dia phuong"),
        field: None,
    },
    Point {
        head: ("3. Nguồn gốc ý tưởng sản phẩm: ", "3. Origin of the product idea: "),
        ask: (
            "(Nhận xét về nguồn gốc sản phẩm (truyền thống, sản phẩm mới) của chủ thể dựa trên thực tế của địa phương).",
            "(Comment on the origin of the product (traditional, new) from the facts of the locality.)",
        ),
        criterion: |t| t.starts_with("nguon goc y tuong san pham"),
        field: None,
    },
    Point {
        head: ("4. Bản sắc/trí tuệ địa phương: ", "4. Local identity and know-how: "),
        ask: (
            "Đánh giá các giá trị văn hóa, tri thức bản địa (giống, nguyên liệu, điều kiện sản xuất), kinh nghiệm sản xuất của cộng đồng và phương thức sản xuất đặc trưng của địa phương, tạo nên sự khác biệt của sản phẩm).",
            "Assess the cultural values, indigenous knowledge (varieties, raw materials, production conditions), the community's experience and the local ways of production that make the product different.)",
        ),
        criterion: |t| t.starts_with("tri tue/ban sac dia phuong"),
        field: None,
    },
];

/// The producer's text, or the form's leader.
fn filled(value: &str, leader: &str) -> Span {
    if is_blank(value) {
        Span::plain(leader)
    } else {
        Span::user(format!(" {}", value.trim()))
    }
}

/// The commune of an address: the part that starts with "xã", "phường" or "đặc khu" (the
/// commune-level units since 1 July 2025), as (kind, name): "Thôn 3, xã Tân Lập, tỉnh Lào Cai"
/// → ("xã", "Tân Lập"). `None` when no part says so.
fn commune_of(address: &str) -> Option<(String, String)> {
    for part in address.split([',', '\n']).map(str::trim) {
        let lower = part.to_lowercase();
        for kind in ["xã ", "phường ", "đặc khu "] {
            if lower.starts_with(kind) {
                let name: String = part
                    .get(kind.len()..)
                    .unwrap_or("")
                    .trim()
                    .chars()
                    .take(60)
                    .collect();
                if !is_blank(&name) {
                    return Some((kind.trim().to_string(), name));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commune_is_read_from_the_address() {
        assert_eq!(
            commune_of("Thôn 3, xã Tân Lập, tỉnh Lào Cai"),
            Some(("xã".into(), "Tân Lập".into()))
        );
        assert_eq!(
            commune_of("12 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh"),
            Some(("phường".into(), "Bến Thành".into()))
        );
        assert_eq!(
            commune_of("đặc khu Phú Quốc, An Giang"),
            Some(("đặc khu".into(), "Phú Quốc".into()))
        );
        assert_eq!(commune_of("Hà Nội"), None);
        assert_eq!(commune_of("xã "), None);
    }
}
