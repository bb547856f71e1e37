//! The annex of Mẫu 02 that the filing copy ends with: "Tài liệu minh chứng kèm theo vào phụ lục
//! của Báo cáo … được sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí". One numbered row per
//! criterion, in the sheet's order, where the producer lists the copies attached for it (by
//! hand for now: the papers are physical; photos taken in the app will fill it).

use super::{split_criterion_name, Builder};
use crate::dossier::{Align, Block, Cell, Para, Row, Span, Table};

impl Builder<'_> {
    pub(super) fn appendix(&mut self) {
        self.centred("PHỤ LỤC", true);
        self.heading(1, "TÀI LIỆU MINH CHỨNG KÈM THEO BÁO CÁO TỰ ĐÁNH GIÁ".into());
        self.gloss("Annex: documents of proof attached to the self-assessment report");
        let product = self.blank_with(crate::draft::Field::ProductName, "……………………");
        let mut spans = vec![Span::italic(self.pick(
            "(Sắp xếp theo thứ tự các chỉ tiêu trong Bộ tiêu chí; sản phẩm: ",
            "(In the order of the indicators of the criteria; product: ",
        ))];
        spans.extend(product);
        spans.push(Span::italic(")"));
        self.para(Para::new(spans).align(Align::Center));
        let mut rows = vec![Row {
            cells: vec![
                Cell::text("TT"),
                Cell::text(self.pick("Tiêu chí", "Criterion")),
                Cell::text(self.pick("Tài liệu minh chứng", "Documents of proof")),
                Cell::text(self.pick("Số trang", "Pages")),
            ],
            header: true,
        }];
        for (n, l) in self.set.criteria().enumerate() {
            let c = l.criterion;
            let (head, _) = split_criterion_name(&c.text.vi);
            rows.push(Row {
                cells: vec![
                    Cell::text(format!("{}", n + 1)),
                    Cell::spans(vec![
                        Span::bold(format!("{} ", c.code)),
                        Span::plain(head.to_string()),
                    ]),
                    Cell::new(vec![Para::default()]),
                    Cell::new(vec![Para::default()]),
                ],
                header: false,
            });
        }
        self.blocks.push(Block::Table(Table {
            widths: vec![7, 43, 38, 12],
            rows,
            borders: true,
        }));
    }
}
