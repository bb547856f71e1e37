//! What happens next (issue 17): the steps after the result, and the next filing day counted
//! from the date passed in.

use ocop_self_check::date::Date;
use ocop_self_check::draft::RegistrationType;
use ocop_self_check::i18n::{next_steps, Lang};

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).expect("valid")
}

fn text(
    lang: Lang,
    today: Date,
    stars: Option<u8>,
    r: RegistrationType,
    rec: Option<Date>,
) -> String {
    next_steps(lang, today, stars, r, rec, false)
        .into_iter()
        .map(|s| format!("{}\n{}\n", s.title, s.body))
        .collect()
}

#[test]
fn a_first_registration_today_gets_the_commune_the_province_and_the_next_round() {
    let t = text(
        Lang::Vi,
        d(2026, 12, 1),
        Some(3),
        RegistrationType::FirstTime,
        None,
    );
    for needle in [
        "Mẫu 01",
        "Mẫu 02",
        "01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử",
        "15 ngày làm việc",
        "Mẫu 03",
        "05 sản phẩm mẫu",
        "3 sao, 4 sao",
        "trước 30/06/2027",
        "trước 30/04/2027",
        "khoảng ngày 09/04/2027",
        "chưa trừ ngày lễ",
        "36 tháng",
        "180 ngày",
    ] {
        assert!(t.contains(needle), "{needle:?} missing from:\n{t}");
    }
    assert!(!t.contains("Bộ Nông nghiệp"), "no Ministry step below 5★");
    let en = text(
        Lang::En,
        d(2026, 12, 1),
        Some(3),
        RegistrationType::FirstTime,
        None,
    );
    assert!(
        en.contains("9 April 2027") && en.contains("30 June 2027"),
        "{en}"
    );
}

#[test]
fn the_round_changes_around_30_april_and_30_october() {
    let late_april = text(
        Lang::Vi,
        d(2027, 4, 20),
        None,
        RegistrationType::FirstTime,
        None,
    );
    assert!(
        late_april.contains("đợt 2") && late_april.contains("30/10/2027"),
        "{late_april}"
    );
    assert!(
        late_april.contains("Đợt 1 vẫn còn nếu xã xử lý kịp trước 30/04/2027"),
        "{late_april}"
    );
    let late_october = text(
        Lang::Vi,
        d(2026, 10, 29),
        None,
        RegistrationType::FirstTime,
        None,
    );
    assert!(
        late_october.contains("30/04/2027") && late_october.contains("Đợt 2 vẫn còn"),
        "{late_october}"
    );
    let new_year = text(
        Lang::Vi,
        d(2026, 12, 31),
        None,
        RegistrationType::FirstTime,
        None,
    );
    assert!(
        new_year.contains("09/04/2027") && !new_year.contains("vẫn còn"),
        "{new_year}"
    );
}

#[test]
fn five_stars_add_the_ministry_and_tourism_has_no_samples() {
    let t = text(
        Lang::Vi,
        d(2026, 12, 1),
        Some(5),
        RegistrationType::FirstTime,
        None,
    );
    assert!(
        t.contains("Bộ Nông nghiệp và Môi trường") && t.contains("30/7"),
        "{t}"
    );
    let tourism: String = next_steps(
        Lang::Vi,
        d(2026, 12, 1),
        Some(3),
        RegistrationType::FirstTime,
        None,
        true,
    )
    .into_iter()
    .map(|s| s.body)
    .collect();
    assert!(!tourism.contains("sản phẩm mẫu"), "{tourism}");
}

#[test]
fn a_recognised_product_sees_its_expiry_and_the_re_evaluation_window() {
    let t = text(
        Lang::Vi,
        d(2026, 12, 1),
        None,
        RegistrationType::ReEvaluation,
        Some(d(2024, 2, 15)),
    );
    assert!(t.contains("hết hạn ngày 15/02/2027"), "{t}");
    assert!(t.contains("từ ngày 19/08/2026 đến ngày 18/10/2026"), "{t}");
    assert!(t.contains("Đã quá thời gian nộp"), "{t}");
    assert!(
        t.contains("45 ngày") && !t.contains("Hạn nộp gần nhất"),
        "the window, not the rounds: {t}"
    );
    assert!(
        t.contains("phiếu kiểm nghiệm định kỳ"),
        "what a re-evaluation adds: {t}"
    );
    let open = text(
        Lang::Vi,
        d(2026, 12, 1),
        None,
        RegistrationType::ReEvaluation,
        Some(d(2024, 5, 1)),
    );
    assert!(open.contains("Đang trong thời gian nộp"), "{open}");
    let up = text(
        Lang::Vi,
        d(2026, 12, 1),
        None,
        RegistrationType::Upgrade,
        None,
    );
    assert!(
        up.contains("thay đổi so với sản phẩm đã được công nhận"),
        "{up}"
    );
}
