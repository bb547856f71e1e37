//! What the draft dossier says, form by form, as src/dossier/forms/ writes it: details to
//! complete, the classification and receiving block of Mẫu 01, the tick boxes and
//! representative of Mẫu 02 Part I, the score tables of Part III, the annex; tourism and food
//! wording; Vietnamese and English. The files themselves are tested in tests/dossier_docx.rs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::docx::{check_html_tags, docx_text};
use common::{complete_draft, document_of, dossier_of, filled_draft, set, today, working_of};
use ocop_self_check::assess::assess;
use ocop_self_check::date::parse_date;
use ocop_self_check::dossier::{self, Block, Document, Dossier};
use ocop_self_check::draft::{self, Draft, Field, RegistrationType};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::Catalogue;

// ---------------------------------------------------------------------------------------------
// The whole dossier: details to complete, languages, dates, the producer's header, tourism

#[test]
fn the_filing_copy_has_dotted_blanks_and_the_working_copy_says_what_to_complete() {
    let s = set("QD26-01");
    let d = Draft::new("empty", "QD26-01", 0);
    for lang in [Lang::Vi, Lang::En] {
        let (doc, a) = dossier_of(&s, &d, lang);
        assert_eq!(doc.unanswered.len(), s.criterion_count());
        assert_eq!(a.answered, 0);
        let (_, text) = docx_text(&doc);
        // A form filled by hand, not a to-do list: no marker, the form's dotted leaders.
        assert!(!text.contains("[cần bổ sung"), "{lang:?}");
        assert!(!dossier::render_html(&doc).contains("class=\"miss\""));
        assert!(text.matches("……………").count() > 2 * s.criterion_count());
        // The working copy lists every blank by the app's label.
        let (w, _) = working_of(&s, &d, lang);
        let wt = w.plain_text();
        for b in &w.blanks {
            if let ocop_self_check::draft::Blank::Field(f) = b {
                let label = ocop_self_check::i18n::field_label(lang, *f);
                assert!(wt.contains(&format!("- {label}\n")), "{lang:?} {f:?}");
            }
        }
    }
    // A filled draft has no missing detail.
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    assert!(doc.missing.is_empty(), "{:?}", doc.missing);
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

#[test]
fn doubtful_details_are_printed_as_typed_and_listed_in_the_working_copy() {
    let s = set("QD26-07");
    let mut d = filled_draft(&s);
    d.producer.phone = "12345".into();
    d.producer.email = "htx at gmail".into();
    d.producer.registration_date = "31/02/2020".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    assert!(text.contains("4. Điện thoại: 12345 Email: htx at gmail"));
    assert!(text.contains("31/02/2020 Số giấy đăng ký (nếu có): 5300123456"));
    assert!(!text.contains("cần kiểm tra"));
    assert_eq!(doc.problems.len(), 3);
    assert!(doc.missing.is_empty());
    let (w, _) = working_of(&s, &d, Lang::Vi);
    let wt = w.plain_text();
    let check = wt.split("Cần kiểm tra").nth(1).expect("a list to check");
    assert!(check.contains("- Điện thoại: 12345 (số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84)"));
    assert!(check.contains("- Email: htx at gmail ("));
    assert!(check.contains("31/02/2020 (ngày không tồn tại)"));
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
    assert!(text.contains("GENERAL INFORMATION"));
    assert!(text.contains("LEGAL REPRESENTATIVE OF THE FACILITY"));
    let (w, _) = working_of(&s, &d, Lang::En);
    let (_, wt) = docx_text(&w);
    assert!(wt.contains("THIS IS A SELF-ESTIMATE, NOT THE RESULT OF THE EVALUATION COUNCIL."));
    assert!(
        !text.contains("SELF-ESTIMATE"),
        "the estimate is not in the filing copy"
    );
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
    assert!(text.contains("Lào Cai, ngày........tháng........năm......"));
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

#[test]
fn demo_samples_use_current_provinces_and_agree_with_their_own_details() {
    let samples = draft::samples();
    assert_eq!(samples.len(), 4);
    for d in &samples {
        let s = set(&d.product_set);
        for address in [&d.producer.address, &d.producer.representative_address] {
            let province = ocop_self_check::draft::address::province_of(address);
            assert!(
                address.is_empty() || province.as_ref().is_some_and(|p| p.current),
                "{}: {address}: {province:?}",
                d.id
            );
            for old in ocop_self_check::draft::address::FORMER_PROVINCES {
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
fn the_tourism_dossier_is_the_same_form_with_its_own_blanks() {
    use ocop_self_check::draft::Blank;
    let s = set("QD26-26");
    let mut d = filled_draft(&s);
    d.product.name = "Homestay bản Lác".into();
    d.product.standard = String::new();
    d.product.certificates = "Giấy phép kinh doanh dịch vụ du lịch số 12/2025".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    // Part I item 7 (c) as printed; the licence is the condition the law makes compulsory.
    assert!(text.contains("(đối với các sản phẩm bắt buộc theo quy định) ☒"));
    assert!(text.contains("cho sản xuất sản phẩm: ☐"));
    // No standard is asked of a service: its place stays dotted, but it is not a blank to fill.
    assert!(!doc.blanks.contains(&Blank::Field(Field::Standard)));
    assert!(!doc.missing.contains(&Field::Standard));
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    assert!(text.contains("Homestay bản Lác; Hộp 250 g, 500 g; ………"));
    // No samples are asked (Điều 6 khoản 2 điểm d); Mẫu 01 keeps its printed blank.
    assert!(text.contains("- Sản phẩm mẫu (số lượng):"));
    let (w, _) = working_of(&s, &d, Lang::Vi);
    let wt = w.plain_text();
    assert!(!wt.contains("05 sản phẩm mẫu"));
    assert!(!wt.contains("hồ sơ và mẫu sản phẩm"));
    // A standard the producer did give is printed as given.
    d.product.standard = "TCVN 7800:2017".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    assert!(doc
        .plain_text()
        .contains("Homestay bản Lác; Hộp 250 g, 500 g; TCVN 7800:2017"));
}

#[test]
fn food_dossiers_ask_for_samples_and_a_standard() {
    use ocop_self_check::draft::Blank;
    let s = set("QD26-07");
    let mut d = filled_draft(&s);
    d.product.standard = String::new();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(text.contains("cho sản xuất sản phẩm: ☒"));
    assert!(
        text.contains("- Sản phẩm mẫu (số lượng): ……"),
        "Mẫu 01 item 5, as printed"
    );
    assert_eq!(doc.missing, [Field::Standard]);
    assert!(doc.blanks.contains(&Blank::Field(Field::Standard)));
    let (w, _) = working_of(&s, &d, Lang::Vi);
    assert!(w.plain_text().contains("05 sản phẩm mẫu"));
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
fn part_1_tick_boxes_follow_the_declarations() {
    let s = set("QD26-07");
    let mut d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    for line in [
        "a) Giấy đăng ký kinh doanh: ☒",
        "- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho sản xuất sản phẩm: ☒",
        "(đối với các sản phẩm bắt buộc theo quy định) ☐",
        "d) Đã có đăng ký sở hữu trí tuệ: ☒",
        "+ Giấy chứng nhận đăng ký nhãn hiệu: ☒",
        "+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận: ☐",
        "+ Khác (ghi rõ):☐",
    ] {
        assert!(text.contains(line), "{line:?}");
    }
    // The working copy shows the declarations behind the boxes.
    let (w, _) = working_of(&s, &d, Lang::Vi);
    assert!(w.plain_text().contains(
        "- Giấy chứng nhận, điều kiện sản xuất: Giấy chứng nhận cơ sở đủ điều kiện ATTP số 12/2024"
    ));
    // Something outside the named boxes ticks "Khác (ghi rõ)", and says what; nothing declared
    // ticks nothing.
    d.product.certificates = "VietGAP số 01/2025".into();
    d.product.intellectual_property = "Bằng độc quyền giải pháp hữu ích số 3".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(text.contains("cho sản xuất sản phẩm: ☐"));
    assert!(text.contains("+ Giấy chứng nhận đăng ký nhãn hiệu: ☐"));
    assert!(text.contains("+ Khác (ghi rõ):☒\nBằng độc quyền giải pháp hữu ích số 3\n"));
    assert!(text.contains("d) Đã có đăng ký sở hữu trí tuệ: ☒"));
    d.product.certificates.clear();
    d.product.intellectual_property = "Chưa có".into();
    d.producer.registration_number.clear();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    let part_1 = text
        .split("Đánh dấu (√) vào mục tương ứng:")
        .nth(1)
        .and_then(|t| t.split("8. Lịch sử").next())
        .expect("Part I 7 (a)–(d)");
    assert!(part_1.contains("a) Giấy đăng ký kinh doanh: ☐"));
    // (b) follows the answer on the quality-declaration criterion, not a declaration.
    let c_d = part_1.split("c) Đã có").nth(1).expect("7 (c)");
    assert!(!c_d.contains('☒'), "{c_d}");
}

/// The forms do not ask the representative's disability status (Mẫu 02 Part I lists gender and
/// ethnicity only); the app asks it because it grounds criterion 3.2, and says so.
#[test]
fn the_disability_status_grounds_3_2_but_is_not_on_the_forms() {
    use ocop_self_check::draft::Blank;
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
    let s = set("QD26-09");
    let mut d = filled_draft(&s);
    d.producer.representative_disability = "Có (khiếm thị)".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(!text.contains("khiếm thị"));
    // Part I asks gender and ethnicity only (criterion 3.2's own words, in Part III, name it).
    let part_1 = text.split("Phần II\n").next().unwrap_or_default();
    assert!(!part_1.contains("khuyết tật"));
    d.producer.representative_disability.clear();
    assert!(!draft::blanks(&d, &s).contains(&Blank::Field(Field::RepresentativeDisability)));
}

// ---------------------------------------------------------------------------------------------
// Mẫu 02 Part III, the score tables (src/dossier/forms/score_table.rs)

/// The text of Mẫu 02 Part III (the self-scoring tables) in a plain-text dossier.
fn part_3(text: &str) -> &str {
    let start = text
        .find("Phần III\n")
        .or_else(|| text.find("Part III\n"))
        .expect("Part III");
    let rest = &text[start..];
    let end = rest
        .find("Phần IV\n")
        .or_else(|| rest.find("Part IV\n"))
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
fn the_working_copy_says_it_is_not_filed_and_where_the_filing_copy_goes() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    for (lang, words) in [
        (
            Lang::Vi,
            "Hồ sơ nộp là tệp riêng (Mẫu số 01, Mẫu số 02 và phụ lục minh chứng, theo nguyên văn Phụ lục III); nộp cho Ủy ban nhân dân cấp xã 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử (Điều 7 khoản 1).",
        ),
        (
            Lang::En,
            "The filing copy is a separate file (Form 01, Form 02 and its evidence annex, word for word as Annex III prints them); file 01 paper set and 01 electronic set with the commune People's Committee (Article 7.1).",
        ),
    ] {
        let (doc, _) = working_of(&s, &d, lang);
        assert!(doc.plain_text().contains("BẢN LÀM VIỆC – KHÔNG NỘP KÈM HỒ SƠ"));
        let in_notice = doc.blocks.iter().any(|b| match b {
            Block::Notice(ps) => ps.iter().any(|p| p.spans.iter().any(|x| x.text == words)),
            _ => false,
        });
        assert!(in_notice, "{lang:?}");
        let (_, text) = docx_text(&doc);
        assert!(text.contains(words), "{lang:?} docx");
        assert!(dossier::render_html(&doc).contains(&words.replace('\'', "&#39;")));
        // The filing copy carries none of it.
        let (filing, _) = dossier_of(&s, &d, lang);
        let ft = filing.plain_text();
        assert!(!ft.contains("BẢN LÀM VIỆC"));
        assert!(!ft.contains("Điểm ước tính") && !ft.contains("Estimated score"));
        assert!(!ft.contains("dựng lại") && !ft.contains("rebuilt"));
    }
}

#[test]
fn the_working_copy_names_the_tool_in_vietnamese_and_words_the_evidence_list_exactly() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = working_of(&s, &d, Lang::Vi);
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
    let (doc, _) = working_of(&s, &d, Lang::En);
    let (_, text) = docx_text(&doc);
    assert!(text.contains(
        "Documents from the list of Form 02; placing them under each criterion is the tool's suggestion."
    ));
    assert!(!text.contains("inferred from the criteria"));
    assert!(text.contains("Draft made with the OCOP self-check tool on 29 November 2026."));
}

#[test]
fn score_tips_sit_in_the_working_copy_not_in_the_producers_plan() {
    let s = set("QD26-07");
    // The plan needs an estimate: every criterion and knock-out question answered.
    let mut d = filled_draft(&s);
    for l in s.criteria() {
        d.responses
            .answers
            .entry(l.criterion.code.clone())
            .or_insert(1);
    }
    for k in &s.knock_outs {
        d.responses.knock_outs.insert(k.id.clone(), false);
    }
    for lang in [Lang::Vi, Lang::En] {
        let (filing, a) = dossier_of(&s, &d, lang);
        assert!(!a.advice.is_empty(), "the sample leaves room for advice");
        let ft = filing.plain_text();
        // Part IV is the producer's to write: the producer's plan, no tool tips.
        assert!(ft.contains(&d.report.plan));
        for x in &a.advice {
            let tip = ocop_self_check::i18n::advice(lang, x, &s);
            assert!(!ft.contains(&tip), "{lang:?}: {tip}");
        }
        assert!(!ft.contains("Gợi ý") && !ft.contains("How to gain points"));
        // The working copy lists them (up to eight), under its own heading.
        let (working, _) = working_of(&s, &d, lang);
        let wt = working.plain_text();
        let heading = match lang {
            Lang::Vi => "Gợi ý nâng điểm (tham khảo khi viết Phần IV của Mẫu số 02)",
            Lang::En => "How to gain points (for writing Part IV of Form 02)",
        };
        let tips = wt.split(heading).nth(1).expect("tips in the working copy");
        for x in a.advice.iter().take(8) {
            let tip = ocop_self_check::i18n::advice(lang, x, &s);
            assert!(tips.contains(&format!("- {tip}\n")), "{lang:?}: {tip}");
        }
    }
}

/// The working copy of set 7 says that criterion 3.1's printed point may be a misprint; no other
/// set's does, and the filing copy never does.
#[test]
fn the_working_copy_flags_the_doubtful_cell_of_set_7() {
    for id in ["QD26-07", "QD26-09"] {
        let s = set(id);
        let d = filled_draft(&s);
        let (w, _) = working_of(&s, &d, Lang::Vi);
        let text = w.plain_text();
        let has = text.contains("- Tiêu chí 3.1, mức \"Công ty TNHH; hoặc doanh nghiệp tư nhân")
            && text.contains("Lưu ý: ở bộ tiêu chí này, mức này in 1 điểm, trong khi mọi bộ tiêu chí khác in 2 điểm");
        assert_eq!(has, id == "QD26-07", "{id}");
        let (f, _) = dossier_of(&s, &d, Lang::Vi);
        assert!(!f.plain_text().contains("lỗi in"));
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
    fixed_fragments_split(text, false)
}

/// [`fixed_fragments`], also split at each line of the published copy: the form leaves room for
/// the producer's (or the commune's) own text under points that have no dotted blank, so each
/// line must appear whole and in order, and what comes between lines is checked by
/// `nothing_but_the_decisions_words_and_the_producers_text`.
fn point_fragments(text: &str) -> Vec<String> {
    fixed_fragments_split(text, true)
}

fn fixed_fragments_split(text: &str, at_points: bool) -> Vec<String> {
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
    let mut line_start = true;
    while let Some(c) = chars.next() {
        let leader = |c: char| c == '…' || c == '.';
        let starts_point = line_start && at_points && !c.is_whitespace();
        line_start = c == '\n' || (line_start && c == ' ');
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
            if starts_point {
                flush(&mut cur, &mut out);
            }
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

/// Check that every fragment of `wanted` appears in `form`, in order; panics naming the first
/// one missing.
fn assert_in_order(what: &str, wanted: &[String], form: &str) {
    let mut at = 0;
    for w in wanted {
        match form[at..].find(w.as_str()) {
            Some(i) => at += i + w.len(),
            None => {
                let before: String = form[..at].chars().rev().take(120).collect();
                let before: String = before.chars().rev().collect();
                panic!("{what}: {w:?} missing or out of order after …{before}…\n\nform: {form}")
            }
        }
    }
}

/// The text of the filing copy from the line starting `from` to the one starting `to`.
fn form_text(doc: &Dossier, from: &str, to: Option<&str>) -> String {
    let text = doc.plain_text();
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("{from} in\n{text}"));
    let end = to
        .and_then(|t| text[start..].find(t))
        .map_or(text.len(), |i| start + i);
    fixed_fragments(&text[start..end]).join(" ")
}

/// Drafts to try the forms on: empty, half filled, complete, for each kind of registration,
/// in a food set and in the tourism set.
fn drafts_to_try() -> Vec<(String, ocop_self_check::rubric::ProductSet, Draft)> {
    let mut out = Vec::new();
    for id in ["QD26-09", "QD26-26"] {
        let s = set(id);
        for kind in [
            RegistrationType::FirstTime,
            RegistrationType::Upgrade,
            RegistrationType::ReEvaluation,
        ] {
            for (what, mut d) in [
                ("empty", Draft::new("e", id, 0)),
                ("half", filled_draft(&s)),
                ("complete", complete_draft(&s)),
            ] {
                d.product.registration_type = kind;
                out.push((format!("{id} {what} {kind:?}"), s.clone(), d));
            }
        }
    }
    out
}

/// Every fixed line of Mẫu số 02 as the decision prints it appears in the generated form, in
/// the same order, whatever the draft holds; nothing the form does not have (no letterhead, no
/// motto, no addressee, no marker, no hint).
#[test]
fn mau02_is_the_decision_text_word_for_word() {
    let wanted = point_fragments(&decision_text(
        "Mẫu số 02: Báo cáo tự đánh",
        "Mẫu\nsố 03: Báo cáo đánh giá",
    ));
    assert!(wanted.len() > 60, "{wanted:?}");
    if std::env::var("SHOW_FRAGMENTS").is_ok() {
        eprintln!("{wanted:#?}");
    }
    for (what, s, d) in drafts_to_try() {
        let (doc, _) = dossier_of(&s, &d, Lang::Vi);
        let form = form_text(&doc, "Mẫu số 02: Báo cáo tự đánh giá", Some("PHỤ LỤC"));
        assert_in_order(&what, &wanted, &form);
        for invented in [
            "[cần bổ sung]",
            "cần kiểm tra",
            "Kính gửi",
            "TÊN CHỦ THỂ",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "gợi ý",
            "Gợi ý",
            "Kê khai",
            "Tình trạng khuyết tật",
            "Minh chứng đính kèm",
        ] {
            assert!(!form.contains(invented), "{what}: {invented} in {form}");
        }
    }
}

/// Every fixed line of Mẫu số 03 as printed appears in order; an empty draft keeps the
/// form's own blanks, a filled one fills them (the commune and province from the address).
#[test]
fn mau03_is_the_decision_text_word_for_word_and_drafted_from_the_draft() {
    let text = decision_text("Mẫu\nsố 03: Báo cáo đánh giá", "```");
    let wanted = point_fragments(&text);
    assert!(wanted.len() > 15, "{wanted:?}");
    // Filled in: the commune's name replaces "XÃ/PHƯỜNG…" and "XÃ....".
    let filled_wanted: Vec<String> = wanted
        .iter()
        .filter(|w| *w != "XÃ/PHƯỜNG…")
        .cloned()
        .collect();
    assert_eq!(filled_wanted.len() + 1, wanted.len());
    for (what, s, d) in drafts_to_try() {
        let (doc, _) = document_of(&s, &d, Lang::Vi, Document::Mau03);
        assert_eq!(doc.document, Document::Mau03);
        let form = form_text(&doc, "Mẫu số 03", None);
        if d.producer.address.is_empty() {
            assert_in_order(&what, &wanted, &form);
        } else {
            assert_in_order(&what, &filled_wanted, &form);
            assert!(form.contains("ỦY BAN NHÂN DÂN XÃ TÂN LẬP"), "{what}");
            assert!(
                form.contains(
                    "Ủy ban nhân dân xã Tân Lập đề nghị Ủy ban nhân dân tỉnh Lào Cai đánh giá, phân hạng sản phẩm OCOP cho sản phẩm Mứt mận Bắc Hà của Hợp tác xã Nông nghiệp Tân Lập."
                ),
                "{what}: {form}"
            );
        }
        // The commune's assessment is never drafted: points 1 and 2 separate it from the
        // producer's side; every point ends with lines to write on.
        let text = doc.plain_text();
        assert_eq!(
            text.matches("Đánh giá của Ủy ban nhân dân cấp xã:").count(),
            2,
            "{what}"
        );
        assert!(
            text.matches("……………………………………………………………………………………\n").count() >= 12,
            "{what}"
        );
        assert!(!form.contains("[cần bổ sung]"), "{what}");
        assert!(doc.blanks.is_empty());
    }
}

/// Mẫu 03 carries the producer's side of points 1 and 2 (the form asks to show "mô tả của chủ
/// thể"), found in every set's own wording: the self-assessed level and description of the
/// matching criterion, and the report's raw-material and organisation passages; points 3 and 4
/// are the commune's comment alone.
#[test]
fn mau03_copies_the_producers_side_of_points_1_and_2_in_every_set() {
    for s in common::all_sets() {
        let d = complete_draft(s);
        let (doc, a) = document_of(s, &d, Lang::Vi, Document::Mau03);
        let text = doc.plain_text();
        let codes: &[&str] = if s.is_tourism() {
            &["3.3"]
        } else {
            &["1.1", "3.3"]
        };
        for code in codes {
            assert!(
                text.contains(&format!("Tự đánh giá tiêu chí {code} (Mẫu số 02): ")),
                "{} {code}",
                s.id
            );
            assert!(text.contains(&d.evidence[*code]), "{} {code}", s.id);
            let c = a.criteria.iter().find(|c| c.code == *code).expect("scored");
            assert!(text.contains(&format!("/{} điểm).", c.max)), "{code}");
        }
        assert_eq!(
            text.matches("Tự đánh giá tiêu chí").count(),
            codes.len(),
            "{}",
            s.id
        );
        assert_eq!(text.matches("Mô tả của chủ thể:").count(), 2, "{}", s.id);
        assert!(text.contains(&d.report.materials));
        assert!(text.contains(&d.report.organisation));
        // Nothing of the producer's after point 3's heading but dotted lines.
        let rest = text
            .split("3. Nguồn gốc ý tưởng sản phẩm:")
            .nth(1)
            .expect("point 3");
        let rest = rest.split("Ủy ban nhân dân xã").next().unwrap_or_default();
        assert!(!rest.contains("Tự đánh giá") && !rest.contains("Mô tả của chủ thể"));
    }
    // The tourism set has no raw-material criterion: a line to write on.
    let s = set("QD26-26");
    let d = Draft::new("t", "QD26-26", 0);
    let (doc, _) = document_of(&s, &d, Lang::Vi, Document::Mau03);
    assert!(doc.plain_text().contains("Mô tả của chủ thể:\n………"));
}

/// Mẫu 03 reads the commune and the province however the address is written; a ward, a
/// centrally-run city and a missing producer name keep the form's words and punctuation.
#[test]
fn mau03_reads_the_address_in_all_its_forms() {
    let s = set("QD26-09");
    let line = |address: &str, producer: &str| {
        let mut d = filled_draft(&s);
        d.producer.address = address.into();
        d.producer.name = producer.into();
        let (doc, _) = document_of(&s, &d, Lang::Vi, Document::Mau03);
        let text = doc.plain_text();
        let l = text
            .lines()
            .find(|l| l.starts_with("Ủy ban nhân dân "))
            .unwrap_or_default()
            .to_string();
        (l, text)
    };
    let (l, text) = line(
        "12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh",
        "Công ty A",
    );
    assert_eq!(
        l,
        "Ủy ban nhân dân phường Bến Thành đề nghị Ủy ban nhân dân thành phố Hồ Chí Minh đánh giá, phân hạng sản phẩm OCOP cho sản phẩm Mứt mận Bắc Hà của Công ty A."
    );
    assert!(text.contains("T.M ỦY BAN NHÂN DÂN PHƯỜNG BẾN THÀNH"));
    let (l, _) = line("Thôn 3 - XÃ TÂN LẬP - TỈNH LÀO CAI", "");
    assert_eq!(
        l,
        "Ủy ban nhân dân xã TÂN LẬP đề nghị Ủy ban nhân dân tỉnh Lào Cai đánh giá, phân hạng sản phẩm OCOP cho sản phẩm Mứt mận Bắc Hà của ……."
    );
    let (l, text) = line("", "");
    assert_eq!(
        l,
        "Ủy ban nhân dân xã.... đề nghị Ủy ban nhân dân tỉnh.... đánh giá, phân hạng sản phẩm OCOP cho sản phẩm Mứt mận Bắc Hà của ……."
    );
    assert!(text.contains("T.M ỦY BAN NHÂN DÂN XÃ...."));
    assert!(!text.contains("  "), "no double space");
}

/// Mẫu 01's "của tỉnh …" and the signature's place follow the address: a city is "thành phố",
/// an address naming no province leaves the blank (and lists it); a former province is printed
/// as written and flagged in the working copy.
#[test]
fn the_province_follows_the_address() {
    use ocop_self_check::draft::Blank;
    let s = set("QD26-09");
    let doc_for = |address: &str| {
        let mut d = filled_draft(&s);
        d.producer.address = address.into();
        let (doc, _) = dossier_of(&s, &d, Lang::Vi);
        let (w, _) = working_of(&s, &d, Lang::Vi);
        (doc, w.plain_text(), draft::blanks(&d, &s))
    };
    let (doc, _, blanks) = doc_for("12 Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh");
    let text = doc.plain_text();
    assert!(text.contains("của thành phố Hồ Chí Minh năm 2026"));
    assert!(text.contains("Hồ Chí Minh, ngày 29 tháng 11 năm 2026"));
    assert!(!blanks.contains(&Blank::Province));
    let (doc, wt, blanks) = doc_for("Thôn 3, xã Tân Lập, Việt Nam");
    let text = doc.plain_text();
    assert!(text.contains("của tỉnh ……………. năm 2026"));
    assert!(text.contains("........, ngày 29 tháng 11 năm 2026"));
    assert!(!text.contains("Việt Nam, ngày"));
    assert!(blanks.contains(&Blank::Province));
    assert!(doc.blanks.contains(&Blank::Province));
    assert!(wt.contains("- Tỉnh, thành phố trong địa chỉ"));
    let (doc, wt, blanks) = doc_for("Thôn 5, huyện Văn Chấn, tỉnh Yên Bái");
    assert!(doc.plain_text().contains("của tỉnh Yên Bái năm 2026"));
    assert!(!blanks.contains(&Blank::Province));
    assert!(wt.contains("Địa chỉ ghi \"tỉnh Yên Bái\": không phải tỉnh, thành phố hiện hành"));
}

/// Text without its dotted leaders and tick boxes; whitespace collapsed (digits are kept: a
/// changed number in the form's words must fail).
fn bare(s: &str) -> String {
    tokenised(s)
        .replace(['…', '□'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The form's own words of a document (Vietnamese): every span that is not the producer's text,
/// every label, every heading, outside the score tables of Part III (the words of Phụ lục II,
/// tested in tests/fidelity.rs) and the filing copy's annex.
fn form_words(doc: &Dossier) -> Vec<String> {
    use ocop_self_check::dossier::SpanKind;
    let mut out = Vec::new();
    let spans = |out: &mut Vec<String>, s: &[ocop_self_check::dossier::Span]| {
        for x in s.iter().filter(|x| x.kind != SpanKind::User) {
            out.push(x.text.clone());
        }
    };
    let mut breaks = 0;
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => out.push(h.text.clone()),
            Block::Para(p) => spans(&mut out, &p.spans),
            Block::Field(f) => {
                out.push(format!("{} {}:", f.number, f.label));
                spans(&mut out, &f.value);
            }
            Block::Table(t) if t.widths.len() == 5 => {}
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        for p in &c.paras {
                            spans(&mut out, &p.spans);
                        }
                    }
                }
            }
            Block::Notice(ps) => ps.iter().for_each(|p| spans(&mut out, &p.spans)),
            Block::Image(_) => {}
            Block::PageBreak => {
                // Mẫu 01, Mẫu 02, then the annex.
                breaks += 1;
                if breaks == 2 {
                    break;
                }
            }
        }
    }
    out
}

/// Nothing in Mẫu 01, Mẫu 02 and Mẫu 03 but the decision's words (of that form) and the
/// producer's text: each piece of fixed text is in the form's own text in Phụ lục III, or one of
/// the few lines the decision itself asks for (the figures of "doanh thu, lợi nhuận"; the
/// passages Điều 6 khoản 1 điểm b, c require of an upgrade or a re-evaluation; the frame of the
/// self-scoring; in Mẫu 03, the producer's side the form asks to show and the criterion's level
/// in the sheet's own words).
#[test]
fn nothing_but_the_decisions_words_and_the_producers_text() {
    let forms_01_02 = bare(&decision_text(
        "Mẫu số 01: Phiếu đăng ký\nđánh giá",
        "Mẫu\nsố 03: Báo cáo đánh giá",
    ));
    let form_03 = bare(&decision_text("Mẫu\nsố 03: Báo cáo đánh giá", "```"));
    let exact = [
        // The figures table (Part II, "doanh thu, lợi nhuận").
        "Chỉ tiêu",
        "Doanh thu (triệu đồng)",
        "Lợi nhuận (triệu đồng)",
        // Điều 6 khoản 1 điểm b, c.
        "- Sản phẩm OCOP đã được công nhận:",
        "; ngày:",
        "- Nội dung và tài liệu minh chứng về những thay đổi so với sản phẩm OCOP đã được công nhận:",
        "- Nội dung mới và kết quả sau thời gian sản phẩm OCOP được công nhận:",
        "- Minh chứng các giấy tờ pháp lý có thời hạn:",
        // Mẫu 03, points 1 and 2: "mô tả của chủ thể và đánh giá".
        "Mô tả của chủ thể:",
        "Đánh giá của Ủy ban nhân dân cấp xã:",
        // Separators between the producer's values on one line.
        ";",
        ",",
        "-",
        ":",
        ".",
    ];
    let pattern = |b: &str| -> bool {
        let digits_or_blank = |r: &str| r.chars().all(|c| c.is_ascii_digit() || c == ' ');
        b.strip_prefix("Năm ").is_some_and(digits_or_blank)
            || b.is_empty()
            || b.starts_with("Bộ tiêu chí: bộ sản phẩm số ")
                && b.ends_with("(Phụ lục II, Quyết định số 26/2026/QĐ-TTg).")
            || b.starts_with("PHẦN ") && b.ends_with(" điểm)")
            || b.starts_with("Tổng điểm tự đánh giá: ")
            || b.starts_with("Tự đánh giá tiêu chí ") && b.ends_with("(Mẫu số 02):")
            || b.starts_with('(') && b.ends_with(" điểm).")
    };
    // The check can fail: an addressee line, a changed number.
    assert!(!forms_01_02.contains(&bare("Kính gửi: Ủy ban nhân dân xã")));
    assert!(!forms_01_02.contains(&bare("sau 5 năm được công nhận OCOP")));
    let mut checked = 0;
    for (what, s, d) in drafts_to_try() {
        let levels: Vec<String> = s
            .criteria()
            .flat_map(|l| l.criterion.levels.iter().map(|x| bare(&x.text.vi)))
            .collect();
        for (kind, decision) in [
            (Document::Filing, &forms_01_02),
            (Document::Mau03, &form_03),
        ] {
            let (doc, _) = document_of(&s, &d, Lang::Vi, kind);
            for piece in form_words(&doc) {
                checked += 1;
                let b = bare(&piece);
                if decision.contains(&b) || exact.contains(&b.as_str()) || pattern(&b) {
                    continue;
                }
                assert!(
                    kind == Document::Mau03 && levels.contains(&b),
                    "{what} {kind:?}: {piece:?} is not the decision's text"
                );
            }
        }
    }
    assert!(checked > 18 * 200, "{checked} pieces");
}

/// The app's "cần bổ sung" list is what the filing copy leaves blank: for empty, half-filled
/// and complete drafts, of each registration, the blanks the filing copy recorded as it wrote
/// its dotted leaders are exactly `draft::blanks`; the working copy lists the same, named as
/// the app names them, with the same counts.
#[test]
fn the_blank_list_is_what_the_filing_copy_leaves_blank() {
    use ocop_self_check::draft::Blank;
    use std::collections::BTreeSet;
    for (what, s, d) in drafts_to_try() {
        let listed = draft::blanks(&d, &s);
        let (filing, a) = dossier_of(&s, &d, Lang::Vi);
        let left: BTreeSet<_> = filing.blanks.iter().cloned().collect();
        let want: BTreeSet<_> = listed.iter().cloned().collect();
        assert_eq!(left, want, "{what}");
        assert_eq!(filing.blanks.len(), listed.len(), "{what}: no duplicates");
        // Scores left blank are the criteria the assessment counts as unanswered.
        let scores: Vec<&str> = listed
            .iter()
            .filter_map(|b| match b {
                Blank::Score(c) => Some(c.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(scores, a.unanswered, "{what}");
        let (working, _) = working_of(&s, &d, Lang::Vi);
        assert_eq!(working.blanks, listed, "{what}");
        let text = working.plain_text();
        if listed.is_empty() {
            assert!(text.contains("Hồ sơ nộp không còn chỗ trống nào cần chủ thể điền."));
        } else {
            assert!(
                text.contains(&format!("Cần bổ sung {} mục", listed.len())),
                "{what}"
            );
        }
        for b in &listed {
            if let Blank::Field(f) = b {
                let label = ocop_self_check::i18n::field_label(Lang::Vi, *f);
                assert!(text.contains(&format!("- {label}\n")), "{what}: {label}");
            }
        }
        let descriptions = listed
            .iter()
            .filter(|b| matches!(b, Blank::Description(_)))
            .count();
        if descriptions > 0 {
            assert!(
                text.contains(&format!(
                    "Tiêu chí chưa có mô tả, chứng minh ({descriptions}):"
                )),
                "{what}"
            );
        }
        if !scores.is_empty() {
            assert!(
                text.contains(&format!("Tiêu chí chưa tự đánh giá ({}):", scores.len())),
                "{what}"
            );
        }
        // The answered count agrees everywhere.
        assert!(
            text.contains(&format!("{}/{}", a.answered, a.criterion_count)),
            "{what}"
        );
    }
}

/// Done when: a complete draft's filing copy has no blank the producer must fill, no marker,
/// no hint, and the working copy says nothing is left.
#[test]
fn a_complete_draft_leaves_nothing_blank() {
    for id in ["QD26-07", "QD26-26"] {
        let s = set(id);
        for kind in [
            RegistrationType::FirstTime,
            RegistrationType::Upgrade,
            RegistrationType::ReEvaluation,
        ] {
            let mut d = complete_draft(&s);
            d.product.registration_type = kind;
            let (filing, _) = dossier_of(&s, &d, Lang::Vi);
            assert!(
                filing.blanks.is_empty(),
                "{id} {kind:?}: {:?}",
                filing.blanks
            );
            assert!(draft::blanks(&d, &s).is_empty());
            let text = filing.plain_text();
            assert!(!text.contains("[cần bổ sung"), "{id} {kind:?}");
            assert!(!text.contains("cần kiểm tra"), "{id} {kind:?}");
            for passage in [
                &d.report.history,
                &d.report.plan,
                &d.report.materials,
                &d.report.results,
            ] {
                assert!(text.contains(passage.as_str()), "{id}: {passage}");
            }
            let with_kind = |f: &str| text.contains(f);
            assert_eq!(
                with_kind(&d.report.changes),
                kind == RegistrationType::Upgrade
            );
            assert_eq!(
                with_kind(&d.report.updates),
                kind == RegistrationType::ReEvaluation
            );
            assert_eq!(
                with_kind(&d.report.recognition),
                kind != RegistrationType::FirstTime
            );
            let (working, _) = working_of(&s, &d, Lang::Vi);
            assert!(working
                .plain_text()
                .contains("Hồ sơ nộp không còn chỗ trống nào cần chủ thể điền."));
        }
    }
}

/// Text with its blanks and boxes as tokens: a dotted leader "…", a tick box "□"; whitespace
/// collapsed, runs of blanks as one.
fn tokenised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let leader = |c: char| c == '…' || c == '.';
        if c == '…' || (c == '.' && chars.peek().is_some_and(|&n| leader(n))) {
            while chars.peek().is_some_and(|&n| leader(n)) {
                chars.next();
            }
            out.push_str(" … ");
        } else if c == '□' || c == '☐' || c == '☒' {
            out.push_str(" □ ");
        } else if c == '¹' {
            out.push('1');
        } else {
            out.push(c);
        }
    }
    let mut t = out.split_whitespace().collect::<Vec<_>>().join(" ");
    while t.contains("… …") {
        t = t.replace("… …", "…");
    }
    t
}

/// The decision's text of a form as tokenised fragments, one per line of the published copy
/// (cells split at " | ").
fn decision_tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in text
        .split(['|', '\n'])
        .map(tokenised)
        .filter(|t| !t.is_empty())
    {
        // A line of dots alone continues the blank of the line before it.
        match out.last_mut() {
            Some(last) if t.starts_with('…') && (t == "…" || t.starts_with("… ")) => {
                let joined = tokenised(&format!("{last} {t}"));
                *last = joined;
            }
            _ => out.push(t),
        }
    }
    out
}

/// A generated form as tokenised text: the producer's text (and what the app fills in a blank:
/// the date, the classification, the place) counts as a filled blank "…", so an empty and a
/// filled form read the same.
fn form_tokens(doc: &Dossier, from: &str, to: Option<&str>) -> String {
    use ocop_self_check::dossier::{Span, SpanKind};
    let mut text = String::new();
    let spans = |out: &mut String, s: &[Span]| {
        for x in s {
            if x.kind == SpanKind::User {
                out.push_str(" … ");
            } else {
                out.push_str(&x.text);
            }
        }
        out.push('\n');
    };
    for b in &doc.blocks {
        match b {
            Block::Heading(h) => {
                text.push_str(&h.text);
                text.push('\n');
            }
            Block::Para(p) => spans(&mut text, &p.spans),
            Block::Field(f) => {
                text.push_str(&format!("{} {}: ", f.number, f.label));
                spans(&mut text, &f.value);
            }
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        for p in &c.paras {
                            spans(&mut text, &p.spans);
                        }
                    }
                }
            }
            Block::Notice(ps) => ps.iter().for_each(|p| spans(&mut text, &p.spans)),
            Block::PageBreak => text.push('\n'),
            Block::Image(_) => {}
        }
    }
    let start = text.find(from).unwrap_or_else(|| panic!("{from}"));
    let end = to
        .and_then(|t| text[start..].find(t))
        .map_or(text.len(), |i| start + i);
    tokenised(&text[start..end])
}

/// The blanks and tick boxes too: every line of each form as printed, its dotted blanks and
/// boxes included, appears in order in the generated form, whether a blank is filled or not
/// (removing a box or a leader fails this test).
#[test]
fn every_blank_and_box_of_the_forms_is_where_the_decision_prints_it() {
    let forms = [
        (
            "Mẫu số 01: Phiếu đăng ký\nđánh giá",
            "Mẫu số 02: Báo cáo tự đánh",
            "Mẫu số 01: Phiếu đăng ký",
            Some("Mẫu số 02"),
            Document::Filing,
        ),
        (
            "Mẫu số 02: Báo cáo tự đánh",
            "Mẫu\nsố 03: Báo cáo đánh giá",
            "Mẫu số 02: Báo cáo tự đánh giá",
            Some("PHỤ LỤC"),
            Document::Filing,
        ),
        (
            "Mẫu\nsố 03: Báo cáo đánh giá",
            "```",
            "Mẫu số 03",
            None,
            Document::Mau03,
        ),
    ];
    for (from, to, gen_from, gen_to, kind) in forms {
        let wanted = decision_tokens(&decision_text(from, to));
        let boxes = wanted.iter().map(|w| w.matches('□').count()).sum::<usize>();
        let blanks = wanted.iter().map(|w| w.matches('…').count()).sum::<usize>();
        assert!(blanks >= 5, "{from}: {blanks} blanks");
        for (what, s, d) in drafts_to_try() {
            let (doc, _) = document_of(&s, &d, Lang::Vi, kind);
            let mut form = form_tokens(&doc, gen_from, gen_to);
            // Mẫu 03's first lines are a two-column header; the commune's name fills
            // "XÃ/PHƯỜNG…" (a word of the form and its leader).
            form = form.replace(
                "ỦY BAN NHÂN DÂN … -------",
                "ỦY BAN NHÂN DÂN XÃ/PHƯỜNG … -------",
            );
            form = form.replace("T.M ỦY BAN NHÂN DÂN …", "T.M ỦY BAN NHÂN DÂN XÃ …");
            assert_in_order(&format!("{what} {kind:?}"), &wanted, &form);
            let form_boxes = form.matches('□').count();
            assert!(form_boxes >= boxes, "{what}: {form_boxes} boxes of {boxes}");
        }
    }
}

/// The dotted leaders a filing copy prints (plain spans of dots only).
fn leaders(doc: &Dossier) -> usize {
    use ocop_self_check::dossier::{Span, SpanKind};
    let is_leader = |x: &Span| {
        x.kind != SpanKind::User
            && x.text.chars().filter(|c| *c == '…' || *c == '.').count() >= 2
            && x.text
                .chars()
                .all(|c| c == '…' || c == '.' || c == ',' || c.is_whitespace())
    };
    let mut n = 0;
    let mut count = |s: &[Span]| n += s.iter().filter(|x| is_leader(x)).count();
    for b in &doc.blocks {
        match b {
            Block::Para(p) => count(&p.spans),
            Block::Field(f) => count(&f.value),
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        for p in &c.paras {
                            count(&p.spans);
                        }
                    }
                }
            }
            Block::Notice(ps) => ps.iter().for_each(|p| count(&p.spans)),
            Block::Heading(_) | Block::PageBreak | Block::Image(_) => {}
        }
    }
    n
}

/// Fill exactly what `draft::blanks` lists, with plausible values.
fn fill_listed(d: &mut Draft, s: &ocop_self_check::rubric::ProductSet) {
    use ocop_self_check::draft::Blank;
    for b in draft::blanks(d, s) {
        match b {
            Blank::Field(f) => {
                let v = match f {
                    Field::Phone => "0912345678",
                    Field::Email => "a@b.vn",
                    Field::RegistrationDate | Field::RecognitionDate => "01/02/2020",
                    Field::Address => "Thôn 1, xã Tân Lập, tỉnh Lào Cai",
                    _ => "Đã điền",
                };
                f.set(d, v.to_string());
            }
            Blank::Score(c) => {
                d.responses.none_of_levels.insert(c);
            }
            Blank::Description(c) => {
                d.evidence.insert(c, "Mô tả".into());
            }
            Blank::Province => d.producer.address.push_str(", tỉnh Lào Cai"),
        }
    }
}

/// Every dotted leader of the filing copy is either one the form always keeps (the receiving
/// part, the samples, what the decision leaves to the hand) or a blank the app lists: filling
/// exactly what `draft::blanks` lists brings any draft, whatever its address, to the leaders of
/// a complete one, and leaves nothing listed.
#[test]
fn filling_what_the_list_names_leaves_only_the_forms_own_blanks() {
    let addresses = [
        "Thôn 3, xã Tân Lập, tỉnh Lào Cai",
        "12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh",
        "Thôn 3, xã Tân Lập, Việt Nam",
        "Thôn 3 - xã Tân Lập",
        "",
    ];
    let mut tried = 0;
    for s in common::all_sets() {
        for kind in [
            RegistrationType::FirstTime,
            RegistrationType::Upgrade,
            RegistrationType::ReEvaluation,
        ] {
            let mut complete = complete_draft(s);
            complete.product.registration_type = kind;
            if s.is_tourism() {
                // Not asked of a service: its place stays dotted in every draft.
                complete.product.standard.clear();
            }
            let (full, _) = dossier_of(s, &complete, Lang::Vi);
            assert!(full.blanks.is_empty(), "{} {kind:?}", s.id);
            let base = leaders(&full);
            for address in addresses {
                for mut d in [Draft::new("e", s.id.clone(), 0), filled_draft(s)] {
                    d.product.registration_type = kind;
                    d.producer.address = address.into();
                    if s.is_tourism() {
                        d.product.standard.clear();
                    }
                    let (before, _) = dossier_of(s, &d, Lang::Vi);
                    let listed = draft::blanks(&d, s);
                    assert!(
                        leaders(&before) >= base + usize::from(!listed.is_empty()),
                        "{} {address:?}: a listed blank shows no leader",
                        s.id
                    );
                    fill_listed(&mut d, s);
                    assert!(draft::blanks(&d, s).is_empty(), "{} {address:?}", s.id);
                    let (after, _) = dossier_of(s, &d, Lang::Vi);
                    assert!(after.blanks.is_empty(), "{} {address:?}", s.id);
                    assert_eq!(
                        leaders(&after),
                        base,
                        "{} {kind:?} {address:?}: a leader the list does not name",
                        s.id
                    );
                    tried += 1;
                }
            }
        }
    }
    assert_eq!(tried, 26 * 3 * 5 * 2);
}

/// The working copy of an upgrade or a re-evaluation says when the certificate expires and
/// when the re-evaluation dossier is filed; a re-evaluation outside that window is warned.
#[test]
fn the_working_copy_gives_the_certificates_calendar() {
    let s = set("QD26-07");
    let mut d = filled_draft(&s);
    d.report.recognition_date = "20/06/2024".into();
    for (kind, shown) in [
        (RegistrationType::FirstTime, false),
        (RegistrationType::Upgrade, true),
        (RegistrationType::ReEvaluation, true),
    ] {
        d.product.registration_type = kind;
        let (w, _) = working_of(&s, &d, Lang::Vi);
        let text = w.plain_text();
        assert_eq!(
            text.contains("- Hết hạn 36 tháng: ngày 20/06/2027; hồ sơ đánh giá lại nộp từ ngày 22/12/2026 đến ngày 20/02/2027"),
            shown,
            "{kind:?}"
        );
        // Drafted on 29/11/2026, before the window opens: said for a re-evaluation only.
        assert_eq!(
            text.contains("Hôm nay chưa đến thời gian nộp hồ sơ đánh giá lại."),
            kind == RegistrationType::ReEvaluation,
            "{kind:?}"
        );
    }
}

/// The printable page's title names the product; without a product name, the draft's own name
/// (review p2 step 7: it fell back to the set's name), and only without both, the set's.
#[test]
fn the_title_falls_back_to_the_drafts_name_before_the_sets() {
    let s = set("QD26-22");
    let mut d = Draft::new("a", "QD26-22", 1);
    d.title = "Thổ cẩm Mường Lò".into();
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    assert_eq!(doc.title, "Hồ sơ OCOP – Thổ cẩm Mường Lò");
    d.product.name = "Khăn thổ cẩm".into();
    assert_eq!(
        dossier_of(&s, &d, Lang::Vi).0.title,
        "Hồ sơ OCOP – Khăn thổ cẩm"
    );
    let blank = Draft::new("b", "QD26-22", 1);
    let (doc, _) = dossier_of(&s, &blank, Lang::Vi);
    assert!(doc.title.starts_with("Hồ sơ OCOP – ") && doc.title.len() > "Hồ sơ OCOP – ".len());
    assert!(!doc.title.contains("Thổ cẩm Mường Lò"));
}
