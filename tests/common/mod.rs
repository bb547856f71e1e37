//! Helpers shared by the integration tests: product sets, a filled draft, the dossier of a draft
//! (through `dossier::from_draft`, as the CLI builds it), and the reference transcription.
//! Readers of the .docx package and the HTML page are in [`docx`].
//!
//! Each file of `tests/` is its own crate and takes what it needs with `mod common;`, so any one
//! of them leaves some of this unused.
#![allow(dead_code)]

#[cfg(not(target_arch = "wasm32"))]
pub mod docx;

use std::sync::LazyLock;

use ocop_self_check::assess::{assess, Assessment};
use ocop_self_check::date::{parse_date, Date};
use ocop_self_check::dossier::{self, Document, Dossier};
use ocop_self_check::draft::{Draft, RegistrationType};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::{embedded, ProductSet};
use serde_json::Value;

/// The date the tests' dossiers are drafted on.
pub const TODAY: &str = "29/11/2026";

/// [`TODAY`] as a date.
pub fn today() -> Option<Date> {
    parse_date(TODAY).ok()
}

/// One of the embedded product sets (panics with the reason if it does not load).
pub fn set(id: &str) -> ProductSet {
    match embedded::load(id) {
        Some(Ok(s)) => s,
        other => panic!("{id}: {other:?}"),
    }
}

/// The 26 embedded product sets, loaded once per test binary.
pub fn all_sets() -> &'static [ProductSet] {
    static SETS: LazyLock<Vec<ProductSet>> =
        LazyLock::new(|| embedded::load_all().unwrap_or_else(|(id, e)| panic!("{id}: {e}")));
    &SETS
}

/// The team's transcription of the decision (`tests/reference/criteria-qd26-2026.json`), parsed
/// once per test binary.
pub fn reference() -> &'static Value {
    static REFERENCE: LazyLock<Value> = LazyLock::new(|| {
        serde_json::from_str(include_str!("../reference/criteria-qd26-2026.json"))
            .expect("reference parses")
    });
    &REFERENCE
}

/// A realistic, fully filled draft for `set`: every producer and product detail given, three
/// criteria in four answered (at the middle of their ladder), a description for one in three.
pub fn filled_draft(set: &ProductSet) -> Draft {
    let mut d = Draft::new("s1", set.id.clone(), 0);
    d.producer.name = "Hợp tác xã Nông nghiệp Tân Lập".into();
    d.producer.organisation_type = "Hợp tác xã".into();
    d.producer.address = "Thôn 3, xã Tân Lập, tỉnh Lào Cai".into();
    d.producer.phone = "0912 345 678".into();
    d.producer.email = "htxtanlap@gmail.com".into();
    d.producer.representative_name = "Nguyễn Thị Hoa".into();
    d.producer.representative_title = "Giám đốc".into();
    d.producer.representative_gender = "Nữ".into();
    d.producer.representative_ethnicity = "Tày".into();
    d.producer.representative_disability = "Không".into();
    d.producer.representative_address = "Thôn 3, xã Tân Lập, tỉnh Lào Cai".into();
    d.producer.registration_number = "5300123456".into();
    d.producer.registration_date = "15/03/2019".into();
    d.product.name = "Mứt mận Bắc Hà".into();
    d.product.registration_type = RegistrationType::Upgrade;
    d.product.specification = "Hộp 250 g, 500 g".into();
    d.product.standard = "TCCS 01:2024/HTXTL".into();
    d.product.certificates = "Giấy chứng nhận cơ sở đủ điều kiện ATTP số 12/2024".into();
    d.product.intellectual_property = "Nhãn hiệu “Mận Tân Lập” số 456789".into();
    let r = &mut d.report;
    r.history =
        "Năm 2015 tổ hợp tác làm mứt mận; năm 2019 thành lập hợp tác xã, 25 thành viên.".into();
    r.organisation = "Ban giám đốc, bộ phận sản xuất, bộ phận kinh doanh, kế toán; 18 lao động, 16 người địa phương.".into();
    r.materials = "Vùng mận tam hoa 30 ha của 40 hộ thành viên, hợp đồng bao tiêu; sấy, sên, đóng hộp tại xưởng.".into();
    r.quality_changes = "Công bố TCCS 01:2024; đổi sang hộp giấy in mã QR truy xuất.".into();
    r.markets = "Cửa hàng OCOP Lào Cai, 12 đại lý, sàn thương mại điện tử.".into();
    r.results = "Doanh thu tăng 20 %/năm.".into();
    r.revenue_prev = "1.250".into();
    r.revenue_last = "1.500".into();
    r.profit_prev = "180".into();
    r.profit_last = "225".into();
    r.plan = "Mở rộng vùng mận lên 40 ha; đạt chứng nhận ISO 22000 năm 2027; xuất khẩu thử.".into();
    r.recognition = "Quyết định số 123/QĐ-UBND, sản phẩm OCOP 3 sao".into();
    r.recognition_date = "20/06/2024".into();
    r.changes = "Đổi bao bì, đạt chứng nhận HACCP, tăng vùng nguyên liệu.".into();
    r.updates = "Phiếu kiểm nghiệm định kỳ 2025, 2026; bao bì mới.".into();
    r.expiring_papers = "Giấy chứng nhận ATTP số 12/2024, hết hạn 2027.".into();
    for (i, l) in set.criteria().enumerate() {
        let c = l.criterion;
        if i % 4 != 3 {
            let pos = u8::try_from(c.levels.len()).unwrap_or(1).div_ceil(2);
            d.responses.answers.insert(c.code.clone(), pos);
        }
        if i % 3 == 0 {
            d.evidence.insert(
                c.code.clone(),
                format!("Thuyết minh tiêu chí {}: hợp đồng, hóa đơn, ảnh.", c.code),
            );
        }
    }
    d
}

/// The filing copy of `d` drafted on [`TODAY`] (`dossier::from_draft`: the catalogue's
/// classification, the answers assessed), with the assessment it printed.
pub fn dossier_of(set: &ProductSet, d: &Draft, lang: Lang) -> (Dossier, Assessment) {
    document_of(set, d, lang, Document::Filing)
}

/// The working copy of `d` drafted on [`TODAY`], with the assessment it printed.
pub fn working_of(set: &ProductSet, d: &Draft, lang: Lang) -> (Dossier, Assessment) {
    document_of(set, d, lang, Document::Working)
}

/// Document `doc` of `d` drafted on [`TODAY`], with the assessment it printed.
pub fn document_of(
    set: &ProductSet,
    d: &Draft,
    lang: Lang,
    doc: Document,
) -> (Dossier, Assessment) {
    (
        dossier::from_draft(set, d, lang, today(), doc),
        assess(set, &d.responses),
    )
}

/// [`filled_draft`] with every criterion answered and described: nothing left blank.
pub fn complete_draft(set: &ProductSet) -> Draft {
    let mut d = filled_draft(set);
    for l in set.criteria() {
        let c = l.criterion;
        let pos = u8::try_from(c.levels.len()).unwrap_or(1);
        d.responses.answers.insert(c.code.clone(), pos);
        d.evidence.insert(
            c.code.clone(),
            format!(
                "Mô tả tiêu chí {}: hợp đồng, hóa đơn, ảnh (phụ lục).",
                c.code
            ),
        );
    }
    d
}
