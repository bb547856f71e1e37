//! The dossier as files: the .docx package (read back with the `zip` crate and parsed with
//! `quick-xml`, see tests/common/docx.rs) and the printable HTML page, for every product set,
//! with Vietnamese text and with hostile text. What the forms say is tested in
//! tests/dossier_forms.rs; the `ocop dossier` command in tests/cli.rs.
//!
//! Samples for a look by eye are written to `target/tmp/dossier-sample*.{docx,html}`; to see
//! them as LibreOffice does (not part of `cargo test`):
//!
//! ```sh
//! cargo test --test dossier_docx
//! cd target/tmp && soffice --headless --convert-to pdf dossier-sample.docx \
//!   && pdftoppm -png -r 60 dossier-sample.pdf dossier-sample-page
//! ```
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::docx::{check_html_tags, docx_text, part, unzip};
use common::{dossier_of, filled_draft, set};
use ocop_self_check::date::parse_date;
use ocop_self_check::dossier::{self, Block, Document};
use ocop_self_check::draft::{Draft, Field, RegistrationType};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::embedded;

fn html_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn docx_is_a_valid_package_with_the_filled_fields_and_every_answered_criterion() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, a) = dossier_of(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    // Every detail the filing copy prints in a blank (an upgrade: not the re-evaluation's).
    for f in Field::ALL {
        if !f.fills_a_blank() || !f.applies(d.product.registration_type) {
            continue;
        }
        let v = f.value(&d);
        for line in v.lines() {
            assert!(text.contains(line), "{f:?} value {line:?} missing");
        }
    }
    for needle in [
        "PHIẾU ĐĂNG KÝ",
        "Tham gia đánh giá, phân hạng sản phẩm OCOP",
        "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "I.3. Thực phẩm chế biến",
        "I.3.c. Chế biến từ rau, củ, quả, hạt",
        "Lào Cai, ngày 29 tháng 11 năm 2026",
        "Lần đầu ☐ Nâng hạng: ☒ Đánh giá lại: ☐",
        "Sản phẩm mẫu (số lượng):",
        "KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH",
        "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP",
        "KẾ HOẠCH SẢN XUẤT, KINH DOANH",
        "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ",
        "TÀI LIỆU MINH CHỨNG KÈM THEO BÁO CÁO TỰ ĐÁNH GIÁ",
        "Danh sách lao động đóng bảo hiểm có xác nhận của chủ thể, bao gồm cả nơi thường trú.",
    ] {
        assert!(text.contains(needle), "{needle:?} missing");
    }
    // The estimate and the tool's checklist are in the working copy only.
    let (w, _) = common::working_of(&s, &d, Lang::Vi);
    let (_, wt) = docx_text(&w);
    for needle in [
        "KHÔNG PHẢI KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG CỦA HỘI ĐỒNG",
        "Danh mục minh chứng theo tiêu chí",
        "Danh sách lao động tham gia bảo hiểm",
    ] {
        assert!(
            wt.contains(needle),
            "{needle:?} missing from the working copy"
        );
        assert!(!text.contains(needle), "{needle:?} in the filing copy");
    }
    // Every answered criterion: its code, the chosen level's text, its points.
    let mut answered = 0;
    for score in a.criteria.iter().filter(|c| c.position.is_some()) {
        let c = s.criterion(&score.code).expect("criterion");
        let level = c.level(score.position.unwrap_or(0)).expect("level");
        assert!(text.contains(&level.text.vi), "{} level text", c.code);
        assert!(
            text.contains(&format!("{}/{}", score.points, c.max)),
            "{} points",
            c.code
        );
        answered += 1;
    }
    assert!(answered > 10);
    for note in d.evidence.values() {
        assert!(text.contains(note.as_str()));
    }
    assert!(text.contains(&format!("Tổng điểm tự đánh giá: {}/100 điểm", a.total)));
    // Three page breaks' worth of forms: Mẫu 01, Mẫu 02, annex.
    let xml = {
        let bytes = dossier::render_docx(&doc);
        part(&unzip(&bytes), "word/document.xml").to_string()
    };
    assert_eq!(xml.matches("<w:pageBreakBefore/>").count(), 2);
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
}

#[test]
fn hostile_text_is_inert_in_the_docx_and_the_html() {
    let s = set("QD26-09");
    let long: String = "Ư".repeat(9_990) + "<b>&end";
    let hostile = [
        "<script>alert(1)</script>",
        "Tom & Jerry",
        r#""double" 'single'"#,
        r#""><img src=x onerror=alert(1)>"#,
        "abc\u{202E}gnp.exe\u{200B}xyz",
        long.as_str(),
        "]]><!-- <?xml ?> <w:p>",
    ];
    for (n, h) in hostile.iter().enumerate() {
        let mut d = filled_draft(&s);
        let with_controls = format!("{h}\u{0}\u{7}\u{1b}\u{FFFF}");
        d.producer.name = with_controls.clone();
        d.title = h.to_string();
        for f in Field::ALL {
            set_detail(&mut d, f, &with_controls);
        }
        for v in d.evidence.values_mut() {
            *v = h.to_string();
        }
        // Every document: the filing copy, the working copy, Mẫu 03 (an upgrade and a
        // re-evaluation print their own passages).
        for (doc_kind, kind) in [
            (Document::Filing, RegistrationType::Upgrade),
            (Document::Filing, RegistrationType::ReEvaluation),
            (Document::Working, RegistrationType::ReEvaluation),
            (Document::Mau03, RegistrationType::FirstTime),
        ] {
            d.product.registration_type = kind;
            let (doc, _) = common::document_of(&s, &d, Lang::Vi, doc_kind);
            let case = format!("case {n} {doc_kind:?} {kind:?}");

            // .docx: well-formed, no element other than WordprocessingML, text intact.
            let (names, text) = docx_text(&doc);
            for name in &names {
                assert!(name.starts_with("w:"), "{case}: element <{name}> leaked");
            }
            assert!(text.contains(h), "{case}: text not intact in the docx");
            assert!(!text.contains('\u{0}') && !text.contains('\u{1b}'));

            // HTML: only our tags; the text comes back intact once unescaped.
            let html = dossier::render_html(&doc);
            check_html_tags(&html);
            assert!(
                html_unescape(&html).contains(h),
                "{case}: text not intact in the HTML"
            );
            assert!(!html.contains('\u{0}') && !html.contains('\u{1b}'));
            if h.contains('<') {
                assert!(html.contains("&lt;"), "{case}: not escaped");
            }
        }
    }
}

/// Set one detail (the draft layer's own mapping, `Field::set`).
fn set_detail(d: &mut Draft, f: Field, v: &str) {
    f.set(d, v.to_string());
}

#[test]
fn vietnamese_diacritics_survive_both_renderers() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    let html = dossier::render_html(&doc);
    for w in [
        "Hợp tác xã Nông nghiệp Tân Lập",
        "Nguyễn Thị Hoa",
        "Mứt mận Bắc Hà",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN CẤP XÃ",
        "ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ",
        "Năm 2015 tổ hợp tác làm mứt mận",
        "Đổi bao bì, đạt chứng nhận HACCP, tăng vùng nguyên liệu.",
    ] {
        assert!(text.contains(w), "docx: {w}");
        assert!(html.contains(w), "html: {w}");
    }
    assert!(html.starts_with("<!doctype html>\n<html lang=\"vi\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
}

#[test]
fn html_is_a_printable_a4_page_with_page_breaks() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    let html = dossier::render_html(&doc);
    check_html_tags(&html);
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("Content-Security-Policy"));
    // Mẫu 02 and the annex each start on a new page.
    assert_eq!(
        html.matches(" pb\"").count() + html.matches("\"pb\"").count(),
        2
    );
    assert_eq!(
        doc.blocks
            .iter()
            .filter(|b| matches!(b, Block::PageBreak))
            .count(),
        2
    );
}

#[test]
fn every_product_set_builds_and_renders() {
    for (id, _) in embedded::SETS {
        let s = set(id);
        let d = filled_draft(&s);
        let doc = dossier::from_draft(
            &s,
            &d,
            Lang::Vi,
            parse_date("2026-11-29").ok(),
            dossier::Document::Filing,
        );
        let (_, text) = docx_text(&doc);
        for l in s.criteria() {
            // Notes inside a name ("… Yêu cầu: …") start a paragraph of their own.
            let printed = l
                .criterion
                .text
                .vi
                .replace(" Yêu cầu:", "\nYêu cầu:")
                .replace(" Ghi chú:", "\nGhi chú:");
            assert!(text.contains(&printed), "{id} {}", l.criterion.code);
        }
        // Mẫu 01 item 3 names the set's place in Phụ lục I.
        assert!(text.contains(&s.name.vi), "{id}");
        check_html_tags(&dossier::render_html(&doc));
    }
}

#[test]
fn notes_in_a_criterion_name_go_on_a_smaller_line_of_their_own() {
    let s = set("QD26-09");
    let c = s.criterion("5.3").expect("5.3");
    let (name, note) = c.text.vi.split_once(" Yêu cầu:").expect("5.3 has a note");
    let d = filled_draft(&s);
    for lang in [Lang::Vi, Lang::En] {
        let (doc, _) = dossier_of(&s, &d, lang);
        let (_, text) = docx_text(&doc);
        assert!(
            !text.contains(&format!("{name} Yêu cầu:")),
            "{lang:?}: run together in the docx"
        );
        // Part III (the filing copy's annex names the criterion without its note).
        let split = format!("{name}\nYêu cầu:{note}");
        assert_eq!(text.matches(&split).count(), 1, "{lang:?} docx");
        let xml = {
            let bytes = dossier::render_docx(&doc);
            part(&unzip(&bytes), "word/document.xml").to_string()
        };
        let at = xml.find("<w:t xml:space=\"preserve\">Yêu cầu: Nội dung");
        let at = at
            .or_else(|| xml.find("<w:t>Yêu cầu: Nội dung"))
            .expect("note run");
        let run = &xml[xml[..at].rfind("<w:r>").expect("run start")..at];
        assert!(run.contains("<w:sz w:val=\"22\"/>"), "smaller print: {run}");
        // (A line-break opportunity may follow a '/'.)
        let html = dossier::render_html(&doc).replace("<wbr>", "");
        assert!(!html.contains(&format!("{name} Yêu cầu:")), "{lang:?} html");
        assert!(
            html.contains(&format!("{name}</p><p class=\"s\">Yêu cầu:")),
            "{lang:?}: html note not a small paragraph"
        );
    }
}

#[test]
fn samples_for_a_look_by_eye() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let s = set("QD26-07");
    let d = filled_draft(&s);
    let (doc, _) = dossier_of(&s, &d, Lang::Vi);
    std::fs::write(dir.join("dossier-sample.docx"), dossier::render_docx(&doc)).expect("write");
    std::fs::write(dir.join("dossier-sample.html"), dossier::render_html(&doc)).expect("write");
    let mut h = filled_draft(&s);
    h.producer.name = format!(
        "<script>alert(1)</script> & \"'\u{202E}abc\u{200B} {}",
        "X".repeat(300)
    );
    h.evidence
        .insert("1.1".into(), "\"><img src=x onerror=alert(1)>".into());
    let (doc, _) = dossier_of(&s, &h, Lang::Vi);
    std::fs::write(dir.join("dossier-hostile.docx"), dossier::render_docx(&doc)).expect("write");
    std::fs::write(dir.join("dossier-hostile.html"), dossier::render_html(&doc)).expect("write");
    let e = Draft::new("empty", "QD26-26", 0);
    let (doc, _) = dossier_of(&set("QD26-26"), &e, Lang::En);
    std::fs::write(
        dir.join("dossier-empty-en.docx"),
        dossier::render_docx(&doc),
    )
    .expect("write");
}

/// Every page of an English reading copy and of the working copy says so in its footer; the
/// Vietnamese filing copy and Mẫu 03 carry only the page number.
#[test]
fn the_footer_says_which_pages_are_not_for_filing() {
    let s = set("QD26-07");
    let d = filled_draft(&s);
    for (lang, doc, says) in [
        (Lang::Vi, Document::Filing, None),
        (Lang::Vi, Document::Mau03, None),
        (
            Lang::Vi,
            Document::Working,
            Some("Bản làm việc – không nộp kèm hồ sơ"),
        ),
        (
            Lang::En,
            Document::Filing,
            Some("English reading copy – not for filing (bản tiếng Anh chỉ để đọc)"),
        ),
        (
            Lang::En,
            Document::Working,
            Some("English reading copy – not for filing (bản tiếng Anh chỉ để đọc)"),
        ),
    ] {
        let (x, _) = common::document_of(&s, &d, lang, doc);
        let bytes = dossier::render_docx(&x);
        let files = unzip(&bytes);
        let footer = part(&files, "word/footer1.xml");
        assert!(footer.contains(" PAGE "), "{lang:?} {doc:?}");
        match says {
            Some(t) => assert!(footer.contains(t), "{lang:?} {doc:?}: {footer}"),
            None => assert!(!footer.contains("<w:t xml:space"), "{lang:?} {doc:?}"),
        }
    }
}
