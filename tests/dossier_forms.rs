//! What the draft dossier says, form by form, as src/dossier/forms/ writes it: details to
//! complete, the classification and receiving block of Mẫu 01, the tick boxes and
//! representative of Mẫu 02 Part I, the score tables of Part III, the annex; tourism and food
//! wording; Vietnamese and English. The files themselves are tested in tests/dossier_docx.rs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::docx::{check_html_tags, docx_text};
use common::{dossier_of, filled_draft, set, today};
use ocop_self_check::assess::assess;
use ocop_self_check::date::parse_date;
use ocop_self_check::dossier::{self, Block, Document, Dossier};
use ocop_self_check::draft::{self, Draft, Field};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::Catalogue;

// ---------------------------------------------------------------------------------------------
// The whole dossier: details to complete, languages, dates, the producer's header, tourism

#[test]
fn missing_details_are_marked_to_be_completed() {
    let s = set("QD26-01");
    let d = Draft::new("empty", "QD26-01", 0);
    let (doc, a) = dossier_of(&s, &d, Lang::Vi);
    assert_eq!(doc.missing, Field::ALL.to_vec());
    assert_eq!(
        ocop_self_check::draft::missing_fields(&d),
        Field::ALL.to_vec()
    );
    assert_eq!(doc.unanswered.len(), s.criterion_count());
    assert_eq!(a.answered, 0);
    let (_, text) = docx_text(&doc);
    let markers = text.matches("[cần bổ sung]").count();
    // Each field at least once, plus one per criterion (level) and per note.
    assert!(
        markers >= Field::ALL.len() + 2 * s.criterion_count(),
        "{markers} markers"
    );
    // The annex lists every missing field by its label.
    let annex = text
        .split("Thông tin cần bổ sung trước khi nộp")
        .nth(1)
        .expect("annex list");
    for f in Field::ALL {
        assert!(
            annex.contains(&format!(
                "{}: cần bổ sung",
                ocop_self_check::i18n::field_label(Lang::Vi, f)
            )),
            "{f:?}"
        );
    }
    assert!(annex.contains("Tiêu chí chưa tự đánh giá: 1.1"));
    // The same in the HTML, highlighted.
    let html = dossier::render_html(&doc);
    assert!(html.matches("<span class=\"miss\">").count() >= markers);
    // A filled draft has none of the field markers.
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    assert!(doc.missing.is_empty());
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

#[test]
fn doubtful_details_are_flagged_not_dropped() {
    let s = set("QD26-07");
    let mut d = filled_draft(&s);
    d.producer.phone = "12345".into();
    d.producer.email = "htx at gmail".into();
    d.producer.registration_date = "31/02/2020".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    assert!(text.contains("12345 [cần kiểm tra: số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84]"));
    assert!(text.contains("htx at gmail [cần kiểm tra"));
    assert!(text.contains("31/02/2020 [cần kiểm tra: ngày không tồn tại]"));
    assert_eq!(doc.problems.len(), 3);
    assert!(doc.missing.is_empty());
}

#[test]
fn english_reading_keeps_the_form_titles_vietnamese() {
    let s = set("QD26-26");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::En);
    let (_, text) = docx_text(&doc);
    assert!(text.contains("PHIẾU ĐĂNG KÝ"));
    assert!(text.contains("BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM"));
    assert!(text.contains("(Registration for the evaluation and rating of OCOP products)"));
    assert!(text.contains("I. GENERAL INFORMATION"));
    assert!(text.contains("THIS IS A SELF-ESTIMATE, NOT THE RESULT OF THE EVALUATION COUNCIL."));
    assert!(text.contains("- Product samples (number):"));
    assert!(!text.contains("Product samples: 5."));
    let html = dossier::render_html(&doc);
    assert!(html.contains("<html lang=\"en\">"));
}

#[test]
fn the_english_document_opens_with_a_reading_copy_line() {
    const LINE: &str = "English reading copy — file the Vietnamese version (Bản tiếng Anh chỉ để đọc – nộp bản tiếng Việt).";
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::En);
    // First in the document model, so every renderer shows it first.
    match doc.blocks.first() {
        Some(Block::Notice(ps)) => {
            let t: String = ps
                .iter()
                .flat_map(|p| &p.spans)
                .map(|x| x.text.as_str())
                .collect();
            assert_eq!(t, LINE);
        }
        other => panic!("first block {other:?}"),
    }
    assert_eq!(doc.plain_text().matches(LINE).count(), 1);
    let (_, text) = docx_text(&doc);
    assert!(text.trim_start().starts_with(LINE), "{}", &text[..200]);
    let html = dossier::render_html(&doc);
    check_html_tags(&html);
    let body = html.split("<body").nth(1).expect("body");
    let at = body.find(LINE).expect("the line in the HTML");
    assert!(at < body.find("PHIẾU ĐĂNG KÝ").expect("Mẫu 01 title"));
    // The Vietnamese document, the one filed, has no such line.
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    assert!(!doc.plain_text().contains("English reading copy"));
    assert!(!dossier::render_html(&doc).contains("English reading copy"));
}

#[test]
fn unknown_date_and_classification_leave_blanks() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let a = assess(&s, &d.responses);
    let doc = dossier::build(
        &s,
        None,
        &d,
        &a,
        Lang::Vi,
        parse_date("not a date").ok(),
        Document::Filing,
    );
    assert_eq!(doc.date, None);
    let (_, text) = docx_text(&doc);
    assert!(text.contains("Lào Cai, ngày …… tháng …… năm ……"));
    assert!(text.contains(&s.header_vi));
}

#[test]
fn signature_dates_follow_the_administrative_style() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    for (today, words) in [
        ("05/03/2026", "Lào Cai, ngày 05 tháng 3 năm 2026"),
        ("2026-01-15", "Lào Cai, ngày 15 tháng 01 năm 2026"),
        ("15/12/2026", "Lào Cai, ngày 15 tháng 12 năm 2026"),
    ] {
        let doc = dossier::from_draft(&s, &d, Lang::Vi, parse_date(today).ok(), Document::Filing);
        let (_, text) = docx_text(&doc);
        assert!(text.contains(words), "{today}: {words:?}");
        assert!(!text.contains("tháng 03"), "{today}");
    }
}

/// The text of the left column of each form header (Mẫu 01, Mẫu 02).
fn header_left_columns(doc: &Dossier) -> Vec<String> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) if !t.borders && t.widths == [38, 62] => t.rows.first(),
            _ => None,
        })
        .filter_map(|r| r.cells.first())
        .map(|c| {
            c.paras
                .iter()
                .map(|p| p.spans.iter().map(|s| s.text.as_str()).collect::<String>())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[test]
fn form_headers_print_the_producers_name_alone_in_capitals() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let headers = header_left_columns(&doc);
    assert_eq!(
        headers.len(),
        1,
        "Mẫu 02 (Mẫu 01, as printed, has no letterhead)"
    );
    for h in &headers {
        assert!(h.starts_with("HỢP TÁC XÃ NÔNG NGHIỆP TÂN LẬP\n"), "{h:?}");
        assert!(!h.contains("TÊN CHỦ THỂ"), "{h:?}");
    }
    // Missing: the label stays, with the marker.
    let e = Draft::new("empty", "QD26-07", 0);
    for (lang, label) in [(Lang::Vi, "TÊN CHỦ THỂ"), (Lang::En, "PRODUCER")] {
        let (doc, _) = dossier_of(&s, &e, lang);
        for h in header_left_columns(&doc) {
            assert!(h.starts_with(&format!("{label}\n[cần bổ sung")), "{h:?}");
        }
    }
}

/// Provinces that no longer exist after the 2025 reorganisation (Nghị quyết 202/2025/QH15:
/// 63 provinces and cities became 34).
const FORMER_PROVINCES: [&str; 29] = [
    "Hà Giang",
    "Yên Bái",
    "Bắc Kạn",
    "Vĩnh Phúc",
    "Hòa Bình",
    "Bắc Giang",
    "Thái Bình",
    "Hải Dương",
    "Hà Nam",
    "Nam Định",
    "Quảng Bình",
    "Quảng Nam",
    "Kon Tum",
    "Bình Định",
    "Ninh Thuận",
    "Đắk Nông",
    "Bình Thuận",
    "Phú Yên",
    "Bình Dương",
    "Bà Rịa",
    "Bình Phước",
    "Long An",
    "Sóc Trăng",
    "Hậu Giang",
    "Bến Tre",
    "Trà Vinh",
    "Tiền Giang",
    "Bạc Liêu",
    "Kiên Giang",
];

#[test]
fn demo_samples_use_current_provinces_and_agree_with_their_own_details() {
    let samples = draft::samples();
    assert_eq!(samples.len(), 4);
    for d in &samples {
        let s = set(&d.product_set);
        for address in [&d.producer.address, &d.producer.representative_address] {
            for old in FORMER_PROVINCES {
                assert!(
                    !address.contains(&format!("tỉnh {old}")),
                    "{}: {address} (merged in 2025)",
                    d.id
                );
            }
        }
        let (doc, a) = dossier_of(&s, d, Lang::Vi);
        let points = |code: &str| {
            a.criteria
                .iter()
                .find(|c| c.code == code)
                .map(|c| c.points)
                .expect("criterion")
        };
        // 3.1 follows the organisation type (docs/domain.md §8; set 7 gives an LLC 1 point).
        let org = d.producer.organisation_type.to_lowercase();
        let expected = if org.starts_with("hợp tác xã") {
            3
        } else if org.starts_with("tổ hợp tác")
            || org.starts_with("hộ")
            || org.starts_with("trang trại")
        {
            1
        } else if org.starts_with("công ty tnhh") || org.starts_with("doanh nghiệp tư nhân") {
            if s.id == "QD26-07" {
                1
            } else {
                2
            }
        } else {
            panic!("{}: organisation type {org:?} not recognised", d.id)
        };
        assert_eq!(points("3.1"), expected, "{}: 3.1 vs {org:?}", d.id);
        // 3.2: a woman or an ethnic minority representative gets the point, and only then.
        let p = &d.producer;
        assert!(
            !p.representative_gender.is_empty() && !p.representative_ethnicity.is_empty(),
            "{}: 3.2 answered without the representative's details",
            d.id
        );
        let inclusive = p.representative_gender == "Nữ" || p.representative_ethnicity != "Kinh";
        assert_eq!(points("3.2"), u8::from(inclusive), "{}: 3.2", d.id);
        assert!(doc.plain_text().contains(&p.address), "{}", d.id);
    }
}

#[test]
fn the_tourism_dossier_speaks_of_services_not_food() {
    let s = set("QD26-26");
    let mut d = filled_draft(&s);
    d.product.name = "Homestay bản Lác".into();
    d.product.standard = String::new();
    d.product.certificates = "Giấy phép kinh doanh dịch vụ du lịch số 12/2025".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    // Part I item 8 (c): the licence box, ticked from the declaration; no food boxes.
    assert!(text.contains("c) Điều kiện kinh doanh dịch vụ"));
    assert!(
        text.contains("☒ Giấy phép kinh doanh dịch vụ du lịch / quyết định công nhận điểm du lịch")
    );
    assert!(!text.contains("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"));
    assert!(!text.contains("Giấy chứng nhận đủ điều kiện sản xuất"));
    // Part II.1 and the figures: services and visitors, not raw materials and output.
    assert!(text.contains("1. Tổ chức dịch vụ, cơ sở vật chất, chương trình trải nghiệm"));
    assert!(!text.contains("vùng nguyên liệu"));
    assert!(!text.contains("chế biến, đóng gói"));
    assert_eq!(
        text.matches("\nLượt khách\n").count(),
        2,
        "Part II.4 and IV.4"
    );
    assert!(!text.contains("Sản lượng"));
    assert!(!text.contains("sản lượng"));
    // No standard is asked of a service: not flagged, not listed in the annex.
    assert!(!doc.missing.contains(&Field::Standard));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert!(text.contains("Tiêu chuẩn áp dụng: (không bắt buộc đối với sản phẩm dịch vụ du lịch)"));
    assert!(!text.contains("Tiêu chuẩn áp dụng: cần bổ sung"));
    // No samples are asked anywhere (docs/domain.md §7.1); Mẫu 01 keeps its printed blank
    // "Sản phẩm mẫu (số lượng)" for the producer to fill by hand.
    assert!(text.contains("- Sản phẩm mẫu (số lượng):"));
    assert!(!text.contains("05 mẫu"));
    assert!(!text.contains("hồ sơ và mẫu sản phẩm"));
    assert!(!text.contains("bản sao minh chứng; mẫu sản phẩm"));
    // A standard the producer did give is printed as given.
    d.product.standard = "TCVN 7800:2017".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    assert!(doc
        .plain_text()
        .contains("Tiêu chuẩn áp dụng: TCVN 7800:2017"));
    // English reading.
    let (doc, _) = dossier_of(&s, &d, Lang::En);
    let text = doc.plain_text();
    assert!(text.contains("☒ Tourism business licence / decision recognising the tourist site"));
    assert!(text.contains("1. Service organisation, facilities, experience programmes"));
    assert!(text.contains("\nVisitors\n"));
    assert!(!text.contains("Output (unit"));
    assert!(!text.contains("Food-safety"));
    // An empty tourism draft: every field but the standard is to be completed.
    let e = Draft::new("empty", "QD26-26", 0);
    let (doc, _) = dossier_of(&s, &e, Lang::Vi);
    let expected: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| *f != Field::Standard)
        .collect();
    assert_eq!(doc.missing, expected);
}

#[test]
fn food_dossiers_keep_their_production_wording() {
    let s = set("QD26-07");
    let mut d = filled_draft(&s);
    d.product.standard = String::new();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(text.contains("☒ Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"));
    assert!(!text.contains("Giấy phép kinh doanh dịch vụ du lịch"));
    assert!(text.contains("1. Tổ chức vùng nguyên liệu; công nghệ sản xuất, chế biến, đóng gói"));
    assert!(text.contains("Sản lượng (đơn vị tính: ……)"));
    assert!(!text.contains("Lượt khách"));
    assert!(
        text.contains("- Sản phẩm mẫu (số lượng): ……"),
        "Mẫu 01 item 5, as printed"
    );
    assert_eq!(doc.missing, [Field::Standard]);
}

// ---------------------------------------------------------------------------------------------
// Mẫu 01 (src/dossier/forms/mau01.rs)

#[test]
fn classification_uses_the_three_levels_of_appendix_i() {
    // Mẫu 01 item 3, as printed: "Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm¹)", filled with
    // the three levels of Phụ lục I of the chosen set.
    let cat = Catalogue::shared();
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let e = cat.entry(&s.id).expect("QD26-07 in the catalogue");
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let line = format!(
        "3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm¹): {}. {}; {}. {}; {}. {}\n",
        e.category.code,
        e.category.name.vi,
        e.group.code,
        e.group.name.vi,
        e.set.classification,
        e.set.name.vi
    );
    assert!(doc.plain_text().contains(&line), "{line}");
    let (doc, _) = dossier_of(&s, &d, Lang::En);
    let line = format!(
        "3. Product group registered (category, group, sub-group¹): {}. {}; {}. {}; {}. {}\n",
        e.category.code,
        e.category.name.en,
        e.group.code,
        e.group.name.en,
        e.set.classification,
        e.set.name.en
    );
    assert!(doc.plain_text().contains(&line), "{line}");
    // A group without sub-groups: two levels.
    let s = set("QD26-26");
    let e = cat.entry(&s.id).expect("QD26-26 in the catalogue");
    let (doc, _) = dossier_of(&s, &filled_draft(&s), Lang::Vi);
    let line = format!(
        "(Ngành, Nhóm, Phân nhóm¹): {}. {}; {}. {}\n",
        e.category.code, e.category.name.vi, e.group.code, e.group.name.vi
    );
    assert!(doc.plain_text().contains(&line), "{line}");
    // Without the catalogue, the set's own header.
    let s = set("QD26-07");
    let a = assess(&s, &d.responses);
    let doc = dossier::build(&s, None, &d, &a, Lang::Vi, today(), Document::Filing);
    let line = format!("(Ngành, Nhóm, Phân nhóm¹): {}\n", s.header_vi);
    assert!(doc.plain_text().contains(&line), "{line}");
}

#[test]
fn receiving_block_names_the_provincial_advisory_body() {
    // docs/domain.md §6.1 step 3: "cơ quan tham mưu quản lý OCOP cấp tỉnh".
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    // As Mẫu 01 prints it.
    assert!(text.contains("DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ"));
    assert!(text.contains("DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH"));
    assert!(!text.contains("giúp việc"));
    let (doc, _) = dossier_of(&s, &d, Lang::En);
    assert!(doc.plain_text().contains("FOR THE PROVINCIAL OCOP OFFICE"));
}

// ---------------------------------------------------------------------------------------------
// Mẫu 02 Parts I, II and IV (src/dossier/forms/mau02.rs, ticks.rs)

#[test]
fn part_1_tick_boxes_agree_with_the_declarations_under_them() {
    let s = set("QD26-07");
    let mut d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    for line in [
        "☒ Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        "☐ Giấy chứng nhận đủ điều kiện sản xuất",
        "☐ Khác (ghi rõ tại phần kê khai)",
        "Kê khai của chủ thể: Giấy chứng nhận cơ sở đủ điều kiện ATTP số 12/2024",
        "☒ Giấy chứng nhận đăng ký nhãn hiệu",
        "☐ Quyền sử dụng chỉ dẫn địa lý",
        "Kê khai của chủ thể: Nhãn hiệu “Mận Tân Lập” số 456789",
    ] {
        assert!(text.contains(line), "{line:?}");
    }
    // Something outside the named boxes ticks "Khác"; nothing declared ticks nothing.
    d.product.certificates = "VietGAP số 01/2025".into();
    d.product.intellectual_property = "Mã số mã vạch GS1".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(text.contains("☐ Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"));
    assert!(text.contains("☒ Khác (ghi rõ tại phần kê khai)"));
    assert!(text.contains("☐ Giấy chứng nhận đăng ký nhãn hiệu"));
    assert!(text.contains("☒ Khác\n"));
    d.product.certificates.clear();
    d.product.intellectual_property = "Chưa có".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    let part_1 = text
        .split("c) Điều kiện sản xuất")
        .nth(1)
        .and_then(|t| t.split("9. Lịch sử").next())
        .expect("Part I 8(c)–(d)");
    assert!(!part_1.contains('☒'), "{part_1}");
    assert!(part_1.contains("Kê khai của chủ thể: [cần bổ sung]"));
    assert!(part_1.contains("Kê khai của chủ thể: Chưa có"));
}

/// Mẫu 02 Part I lists the legal representative's disability status beside gender and
/// ethnicity (the three grounds of criterion 3.2, docs/domain.md §7.4), and it is asked for like
/// them.
#[test]
fn part_one_shows_the_representatives_disability_status() {
    let s = set("QD26-09");
    let mut d = filled_draft(&s);
    d.producer.representative_disability = "Có (khiếm thị)".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let html = dossier::render_html(&doc);
    assert!(html.contains("Tình trạng khuyết tật"), "label");
    assert!(html.contains("Có (khiếm thị)"), "value");
    d.producer.representative_disability.clear();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    assert!(doc.missing.contains(&Field::RepresentativeDisability));
}

#[test]
fn criterion_3_2_is_said_to_depend_on_gender_ethnicity_and_disability() {
    // docs/domain.md §7.4 / §8: 3.2 scores a representative who is a woman, from an ethnic
    // minority or a person with a disability; the permanent address plays no part in it.
    use ocop_self_check::i18n::{t, Key};
    let vi = t(Lang::Vi, Key::RepresentativeNote);
    let en = t(Lang::En, Key::RepresentativeNote);
    for w in ["Giới tính", "dân tộc", "khuyết tật", "tiêu chí 3.2"] {
        assert!(vi.contains(w), "{w}: {vi}");
    }
    for w in ["gender", "ethnicity", "disability", "Criterion 3.2"] {
        assert!(en.contains(w), "{w}: {en}");
    }
    assert!(!vi.contains("thường trú") && !en.contains("address"));
    let s = set("QD26-07");
    let (doc, _) = dossier_of(&s, &filled_draft(&s), Lang::Vi);
    assert!(doc
        .plain_text()
        .contains("tình trạng khuyết tật (nếu có) của người đại diện theo pháp luật là căn cứ chấm tiêu chí 3.2"));
}

// ---------------------------------------------------------------------------------------------
// Mẫu 02 Part III, the score tables (src/dossier/forms/score_table.rs)

/// The text of Mẫu 02 Part III (the self-scoring tables) in a plain-text dossier.
fn part_3(text: &str) -> &str {
    let start = text
        .find("III. TỰ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ")
        .or_else(|| text.find("III. SELF-ASSESSMENT AGAINST THE CRITERIA"))
        .expect("Part III");
    let rest = &text[start..];
    let end = rest
        .find("IV. KẾ HOẠCH")
        .or_else(|| rest.find("IV. PRODUCTION AND BUSINESS PLAN"))
        .expect("Part IV");
    &rest[..end]
}

#[test]
fn the_forms_print_level_words_and_points_not_the_apps_level_numbers() {
    for id in ["QD26-07", "QD26-09", "QD26-26"] {
        let s = set(id);
        let mut d = filled_draft(&s);
        // Every criterion answered at its best level.
        for l in s.criteria() {
            let c = l.criterion;
            let last = u8::try_from(c.levels.len()).unwrap_or(1);
            d.responses.answers.insert(c.code.clone(), last);
        }
        for lang in [Lang::Vi, Lang::En] {
            let (doc, a) = dossier_of(&s, &d, lang);
            let text = doc.plain_text();
            let forms = part_3(&text);
            for n in 0..=9 {
                for word in ["Mức", "Level", "mức", "level"] {
                    assert!(
                        !forms.contains(&format!("{word} {n}:")),
                        "{id} {lang:?}: {word} {n}: in Part III"
                    );
                }
            }
            for score in a.criteria.iter().filter(|c| c.position.is_some()) {
                let c = s.criterion(&score.code).expect("criterion");
                let level = c.level(score.position.unwrap_or(0)).expect("level");
                assert!(forms.contains(&level.text.vi), "{id} {}", c.code);
                assert!(forms.contains(&format!("{}/{}", score.points, c.max)));
            }
        }
    }
}

#[test]
fn a_section_that_is_one_criterion_prints_once_with_its_maximum() {
    for id in ["QD26-09", "QD26-26"] {
        let s = set(id);
        let d = filled_draft(&s);
        let (doc, _) = dossier_of(&s, &d, Lang::Vi);
        let text = doc.plain_text();
        let forms = part_3(&text);
        let mut singles = 0;
        for part in &s.parts {
            for section in &part.sections {
                let [c] = section.criteria.as_slice() else {
                    continue;
                };
                if c.code != section.code {
                    continue;
                }
                singles += 1;
                assert!(
                    !forms.contains(&format!("{}. {}", section.code, section.name.vi)),
                    "{id} {}: a section row as well",
                    section.code
                );
                assert_eq!(
                    forms.matches(section.name.vi.as_str()).count(),
                    1,
                    "{id} {}: printed more than once",
                    section.code
                );
                assert!(
                    forms.contains(&format!("{} (tối đa {} điểm)", c.text.vi, c.max)),
                    "{id} {}: no maximum in the criterion row",
                    c.code
                );
            }
        }
        assert!(singles >= 5, "{id}: {singles}");
        // Sections of several criteria keep their shaded row.
        assert!(forms.contains("1. "), "{id}");
    }
}

// ---------------------------------------------------------------------------------------------
// The annex (src/dossier/forms/annex.rs)

#[test]
fn the_annex_says_the_forms_are_rebuilt_not_verbatim() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    for (lang, caveat) in [
        (
            Lang::Vi,
            "Nội dung Mẫu số 01, 02 được dựng lại theo cấu trúc Phụ lục III, không phải bản sao nguyên văn; đối chiếu với mẫu chính thức trước khi nộp.",
        ),
        (
            Lang::En,
            "Forms 01 and 02 are rebuilt from the structure of Annex III, not verbatim copies; check them against the official forms before filing.",
        ),
    ] {
        let (doc, _) = dossier_of(&s, &d, lang);
        // In the annex's framed notice (after the last page break), in both renderers.
        let last_break = doc
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::PageBreak))
            .expect("page breaks");
        let in_notice = doc.blocks[last_break..]
            .iter()
            .skip_while(|b| !matches!(b, Block::Notice(_)))
            .take(1)
            .any(|b| match b {
                Block::Notice(ps) => ps
                    .iter()
                    .any(|p| p.spans.iter().any(|x| x.text == caveat)),
                _ => false,
            });
        assert!(in_notice, "{lang:?}: caveat not in the annex notice");
        let annex = doc.plain_text();
        let annex = annex.rsplit('\u{c}').next().unwrap_or_default();
        assert!(annex.contains(caveat));
        let (_, text) = docx_text(&doc);
        assert!(text.contains(caveat), "{lang:?} docx");
        let html = dossier::render_html(&doc);
        let notice = html.split("<div class=\"notice").last().unwrap_or_default();
        assert!(notice.contains(caveat), "{lang:?} html annex notice");
    }
}

#[test]
fn the_annex_names_the_tool_in_vietnamese_and_words_the_evidence_list_exactly() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    assert!(
        !text.contains("OCOP self-check"),
        "English tool name in Vietnamese text"
    );
    assert!(text.contains("được công cụ Tự đánh giá OCOP tính từ câu trả lời"));
    assert!(text.contains("Bản dự thảo lập bằng công cụ Tự đánh giá OCOP ngày 29/11/2026."));
    assert!(text.contains(
        "Tài liệu theo danh mục của Mẫu số 02; việc xếp vào từng tiêu chí là gợi ý của công cụ."
    ));
    assert!(!text.contains("suy luận từ nội dung tiêu chí"));
    let (doc, _) = dossier_of(&s, &d, Lang::En);
    let (_, text) = docx_text(&doc);
    assert!(text.contains(
        "Documents from the list of Form 02; placing them under each criterion is the tool's suggestion."
    ));
    assert!(!text.contains("inferred from the criteria"));
    assert!(text.contains("Draft made with the OCOP self-check tool on 29 November 2026."));
}

#[test]
fn score_tips_sit_in_the_annex_not_in_the_producers_plan() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    for lang in [Lang::Vi, Lang::En] {
        let (doc, a) = dossier_of(&s, &d, lang);
        assert!(!a.advice.is_empty(), "the sample leaves room for advice");
        let text = doc.plain_text();
        let mut pages = text.split('\u{c}');
        let (_, form_02, annex) = (pages.next(), pages.next(), pages.next());
        let (form_02, annex) = (form_02.expect("Mẫu 02"), annex.expect("annex"));
        let part_4 = form_02
            .split(match lang {
                Lang::Vi => "IV. KẾ HOẠCH SẢN XUẤT",
                Lang::En => "IV. PRODUCTION AND BUSINESS PLAN",
            })
            .nth(1)
            .expect("Part IV");
        // Part IV.2 is the producer's to write: the usual marker, no tool tips.
        let iv_2 = match lang {
            Lang::Vi => "2. Kế hoạch hoàn thiện, nâng cao chất lượng sản phẩm: [cần bổ sung]",
            Lang::En => "2. Improving the product and its quality: [cần bổ sung – to be completed]",
        };
        assert!(part_4.contains(iv_2), "{lang:?}");
        for x in &a.advice {
            let tip = ocop_self_check::i18n::advice(lang, x, &s);
            assert!(!form_02.contains(&tip), "{lang:?}: {tip}");
        }
        assert!(!form_02.contains("Gợi ý"));
        assert!(!form_02.contains("Suggestions from the self-check"));
        // The annex lists them (up to eight), under its own heading.
        let heading = match lang {
            Lang::Vi => "Gợi ý nâng điểm (tham khảo khi viết mục IV.2 của Mẫu số 02)",
            Lang::En => "How to gain points (for writing item IV.2 of Form 02)",
        };
        let tips = annex.split(heading).nth(1).expect("tips in the annex");
        for x in a.advice.iter().take(8) {
            let tip = ocop_self_check::i18n::advice(lang, x, &s);
            assert!(tips.contains(&format!("- {tip}\n")), "{lang:?}: {tip}");
        }
    }
}

/// The decision's own text of a form (docs/forms-qd26-2026.md, copied from
/// shared/ocop/forms-qd26-2026.md), from the line starting `from` to the line starting `to`.
fn decision_text(from: &str, to: &str) -> String {
    let text = include_str!("../docs/forms-qd26-2026.md");
    let start = text.find(from).expect("the form's first line");
    let end = text[start..].find(to).map_or(text.len(), |i| start + i);
    text[start..end].to_string()
}

/// The fixed words of a form, in order: the text split at its blanks (dotted leaders, tick
/// boxes) and cell marks, whitespace and line breaks collapsed (the published copy breaks lines
/// anywhere), the footnote number written as a superscript or not.
fn fixed_fragments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let t = cur.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            out.push(t);
        }
        cur.clear();
    };
    while let Some(c) = chars.next() {
        let leader = |c: char| c == '…' || c == '.';
        if c == '|' || c == '□' || c == '☐' || c == '☒' {
            flush(&mut cur, &mut out);
        } else if leader(c) && chars.peek().is_some_and(|&n| leader(n)) {
            flush(&mut cur, &mut out);
            while chars.peek().is_some_and(|&n| leader(n)) {
                chars.next();
            }
        } else if c == '¹' {
            cur.push('1');
        } else {
            cur.push(c);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Every fixed line of Mẫu số 01 as the decision prints it appears in the generated form, in
/// the same order, for an empty draft and a filled one (the producer's text only fills blanks).
#[test]
fn mau01_is_the_decision_text_word_for_word() {
    let wanted = fixed_fragments(&decision_text(
        "Mẫu số 01: Phiếu đăng ký\nđánh giá",
        "Mẫu số 02: Báo cáo tự đánh",
    ));
    assert!(wanted.len() > 30, "{wanted:?}");
    let s = set("QD26-09");
    for (what, d) in [
        ("empty", Draft::new("e", "QD26-09", 0)),
        ("filled", filled_draft(&s)),
    ] {
        let (doc, _) = dossier_of(&s, &d, Lang::Vi);
        let text = doc.plain_text();
        let start = text.find("Mẫu số 01: Phiếu đăng ký").expect("Mẫu 01");
        let end = text[start..]
            .find("Mẫu số 02")
            .map_or(text.len(), |i| start + i);
        let form = fixed_fragments(&text[start..end]).join(" ");
        let mut at = 0;
        for w in &wanted {
            match form[at..].find(w.as_str()) {
                Some(i) => at += i + w.len(),
                None => panic!(
                    "{what}: {w:?} missing or out of order after …{}…\n\nform: {form}",
                    &form[at.saturating_sub(80)..at]
                ),
            }
        }
        // Nothing the form does not have: no letterhead, no motto, no marker.
        for invented in ["[cần bổ sung]", "Kính gửi", "TÊN CHỦ THỂ", "Cam kết"] {
            assert!(!form.contains(invented), "{what}: {invented} in {form}");
        }
    }
}
