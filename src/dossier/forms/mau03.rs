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

use super::Builder;
use crate::dossier::{Align, Block, Cell, Para, Row, Span, Table};
use crate::draft::address::{commune_of, province_of};
use crate::draft::{is_blank, Field};
use crate::lang::{fold_diacritics, Lang};

impl Builder<'_> {
    pub(super) fn form_03(&mut self) {
        self.form_label(
            "Mẫu số 03: Báo cáo đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP",
            "Form 03: Report on some contents of the registration dossier for the OCOP evaluation and rating",
        );
        let commune = commune_of(&self.draft.producer.address);
        let province = province_of(&self.draft.producer.address);
        let left = Cell::new(vec![
            Para::new(vec![Span::bold("ỦY BAN NHÂN DÂN")]).align(Align::Center),
            Para::new(vec![match &commune {
                Some(c) => Span {
                    bold: true,
                    ..Span::user(format!("{} {}", c.kind, c.name).to_uppercase())
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
        self.producer_lines();
        self.representative("4.", "……………");
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
            // Points 1 and 2 ask to show "mô tả của chủ thể và đánh giá"; points 3 and 4 the
            // commune's own comment only.
            if point.producer_side {
                self.producer_says(point);
                self.para(Para::new(vec![Span::italic(self.pick(
                    "Đánh giá của Ủy ban nhân dân cấp xã:",
                    "The commune's assessment:",
                ))]));
            }
            for _ in 0..3 {
                self.para(Para::text(LINE));
            }
        }

        // "Ủy ban nhân dân xã.... đề nghị Ủy ban nhân dân tỉnh.... đánh giá, phân hạng sản phẩm
        // OCOP cho sản phẩm.... của …….": each blank filled from the draft or left as printed;
        // a ward is "phường", a centrally-run city "thành phố".
        let mut spans = vec![Span::plain(format!(
            "Ủy ban nhân dân {}",
            commune.as_ref().map_or("xã", |c| c.kind.as_str())
        ))];
        spans.push(filled(commune.as_ref().map(|c| c.name.as_str()), "...."));
        spans.push(Span::plain(format!(
            " đề nghị Ủy ban nhân dân {}",
            province.as_ref().map_or("tỉnh", |p| p.kind.word())
        )));
        spans.push(filled(province.as_ref().map(|p| p.name.as_str()), "...."));
        spans.push(Span::plain(
            " đánh giá, phân hạng sản phẩm OCOP cho sản phẩm",
        ));
        spans.push(filled(Some(self.draft.product.name.trim()), "...."));
        spans.push(Span::plain(" của"));
        let producer = self.draft.producer.name.trim();
        if is_blank(producer) {
            spans.push(Span::plain(" ……."));
        } else {
            spans.push(Span::user(format!(" {producer}")));
            spans.push(Span::plain("."));
        }
        if self.lang == Lang::En {
            spans.push(Span::italic(
                " (The commune People's Committee proposes that the provincial People's Committee evaluate and rate the product.)",
            ));
        }
        self.para(Para::new(spans).align(Align::Justify));
        let (title, title_user) = match &commune {
            Some(c) => (
                "T.M ỦY BAN NHÂN DÂN ",
                Some(format!("{} {}", c.kind, c.name).to_uppercase()),
            ),
            None => ("T.M ỦY BAN NHÂN DÂN XÃ....", None),
        };
        self.signature_block(
            false,
            (title, title),
            title_user,
            ("(Ký tên và đóng dấu)", "(Signature and seal)"),
            None,
        );
    }

    /// What the producer's draft says on one point of Part II: the self-assessed level of the
    /// matching criterion (the app's sentence around the decision's words), its "mô tả, chứng
    /// minh" and the report passages (the producer's text, as typed).
    fn producer_says(&mut self, point: &Point) {
        let mut said: Vec<Para> = Vec::new();
        let mut typed: Vec<String> = Vec::new();
        if let Some(line) = self.set.criteria().find(|l| {
            let name = fold_diacritics(&l.criterion.text.vi);
            point.criteria.iter().any(|c| name.starts_with(c))
        }) {
            let c = line.criterion;
            let chosen = self
                .a
                .criteria
                .iter()
                .find(|s| s.code == c.code)
                .and_then(|s| s.position)
                .and_then(|p| c.level(p));
            if let Some(l) = chosen {
                let (before, after) = match self.lang {
                    Lang::Vi => (
                        format!("Tự đánh giá tiêu chí {} (Mẫu số 02): ", c.code),
                        format!(" ({}/{} điểm).", l.points, c.max),
                    ),
                    Lang::En => (
                        format!("Self-assessment, criterion {} (Form 02): ", c.code),
                        format!(" ({}/{} points).", l.points, c.max),
                    ),
                };
                said.push(
                    Para::new(vec![
                        Span::plain(before),
                        Span::plain(l.text.vi.trim()),
                        Span::plain(after),
                    ])
                    .indent(1)
                    .align(Align::Justify),
                );
            }
            if let Some(n) = self.draft.evidence.get(&c.code).filter(|n| !is_blank(n)) {
                typed.push(n.trim().to_string());
            }
        }
        for f in point.fields {
            let v = f.value(self.draft);
            if !is_blank(v) {
                typed.push(v.trim().to_string());
            }
        }
        for t in typed {
            for line in t.lines().map(str::trim).filter(|l| !is_blank(l)) {
                said.push(
                    Para::new(vec![Span::user(line)])
                        .indent(1)
                        .align(Align::Justify),
                );
            }
        }
        let head = Span::italic(self.pick("Mô tả của chủ thể:", "The producer's description:"));
        self.para(Para::new(vec![head]));
        if said.is_empty() {
            self.para(Para::text(LINE));
        }
        for p in said {
            self.para(p);
        }
    }
}

/// One point of Mẫu 03 Part II: its heading and the form's own note (as printed); whether the
/// form asks to show the producer's side; which criterion of the sheet holds that side (the
/// first whose name, without diacritics, starts with one of `criteria`: the sheets word the
/// same criterion differently, checked for all 26 sets by a test), and the report passages that
/// add to it.
struct Point {
    head: (&'static str, &'static str),
    ask: (&'static str, &'static str),
    producer_side: bool,
    criteria: &'static [&'static str],
    fields: &'static [Field],
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
        producer_side: true,
        // "Nguồn nguyên liệu" (most sets), "Nguồn gốc sản phẩm" (crops and livestock, sets
        // 1–4 and 23–25); none in the tourism set.
        criteria: &["nguon nguyen lieu", "nguon goc san pham"],
        fields: &[Field::Materials],
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
        producer_side: true,
        criteria: &["su dung lao dong dia phuong"],
        fields: &[Field::Organisation],
    },
    Point {
        head: ("3. Nguồn gốc ý tưởng sản phẩm: ", "3. Origin of the product idea: "),
        ask: (
            "(Nhận xét về nguồn gốc sản phẩm (truyền thống, sản phẩm mới) của chủ thể dựa trên thực tế của địa phương).",
            "(Comment on the origin of the product (traditional, new) from the facts of the locality.)",
        ),
        producer_side: false,
        criteria: &["nguon goc y tuong san pham"],
        fields: &[],
    },
    Point {
        head: ("4. Bản sắc/trí tuệ địa phương: ", "4. Local identity and know-how: "),
        ask: (
            "Đánh giá các giá trị văn hóa, tri thức bản địa (giống, nguyên liệu, điều kiện sản xuất), kinh nghiệm sản xuất của cộng đồng và phương thức sản xuất đặc trưng của địa phương, tạo nên sự khác biệt của sản phẩm).",
            "Assess the cultural values, indigenous knowledge (varieties, raw materials, production conditions), the community's experience and the local ways of production that make the product different.)",
        ),
        producer_side: false,
        criteria: &["tri tue/ban sac dia phuong"],
        fields: &[],
    },
];

/// A full line to write on.
const LINE: &str = "……………………………………………………………………………………";

/// The producer's text (after a space), or the form's leader.
fn filled(value: Option<&str>, leader: &str) -> Span {
    match value.map(str::trim).filter(|v| !is_blank(v)) {
        Some(v) => Span::user(format!(" {v}")),
        None => Span::plain(leader),
    }
}
