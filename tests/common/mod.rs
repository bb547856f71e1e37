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
use ocop_self_check::dossier::{self, Dossier};
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

/// The dossier of `d` drafted on [`TODAY`] (`dossier::from_draft`: the catalogue's
/// classification, the answers assessed), with the assessment it printed.
pub fn dossier_of(set: &ProductSet, d: &Draft, lang: Lang) -> (Dossier, Assessment) {
    (
        dossier::from_draft(set, d, lang, today()),
        assess(set, &d.responses),
    )
}
