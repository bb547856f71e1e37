//! The draft dossier: structure, .docx validity (read back with the `zip` crate and parsed with
//! `quick-xml`), hostile text, missing details, diacritics, every product set. The CLI's own
//! tests (`ocop dossier`) are in tests/cli.rs.
//!
//! Samples for a look by eye are written to `target/tmp/dossier-sample*.{docx,html}`; to see
//! them as LibreOffice does (not part of `cargo test`):
//!
//! ```sh
//! cargo test --test dossier
//! cd target/tmp && soffice --headless --convert-to pdf dossier-sample.docx \
//!   && pdftoppm -png -r 60 dossier-sample.pdf dossier-sample-page
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;

use ocop_self_check::assess::{assess, Assessment};
use ocop_self_check::date::parse_date;
use ocop_self_check::dossier::{self, Block, Dossier};
use ocop_self_check::draft::Field;
use ocop_self_check::draft::{self, Draft, RegistrationType};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::{embedded, Catalogue, ProductSet};
use quick_xml::events::Event;

const TODAY: &str = "29/11/2026";

fn set(id: &str) -> ProductSet {
    match embedded::load(id) {
        Some(Ok(s)) => s,
        other => panic!("{id}: {other:?}"),
    }
}

fn catalogue() -> Catalogue {
    Catalogue::builtin()
}

/// A realistic, fully filled draft with some answers.
fn sample(set: &ProductSet) -> Draft {
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

fn build(set: &ProductSet, d: &Draft, lang: Lang) -> (Dossier, Assessment) {
    let a = assess(set, &d.responses);
    let cat = catalogue();
    let entry = cat.entry(&set.id);
    (
        dossier::build(set, entry, d, &a, lang, parse_date(TODAY).ok()),
        a,
    )
}

/// The entries of a .docx read with the `zip` crate (CRC-checked), as text.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        let mut s = String::new();
        f.read_to_string(&mut s).expect("UTF-8 entry, CRC ok");
        out.push((f.name().to_string(), s));
    }
    out
}

fn part<'a>(entries: &'a [(String, String)], name: &str) -> &'a str {
    entries
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("no {name} in the package"))
}

/// Parse XML with quick-xml (end names checked, entities resolved); returns the element names
/// seen and the text of every `w:t`, paragraphs separated by line feeds.
fn parse_xml(xml: &str) -> (Vec<String>, String) {
    for c in xml.chars() {
        assert!(
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}'),
            "character U+{:04X} is not allowed in XML 1.0",
            c as u32
        );
    }
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut names = Vec::new();
    let mut text = String::new();
    let mut stack: Vec<String> = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let n = String::from_utf8_lossy(e.name().as_ref()).to_string();
                stack.push(n.clone());
                names.push(n);
            }
            Ok(Event::Empty(e)) => {
                let n = String::from_utf8_lossy(e.name().as_ref()).to_string();
                names.push(n);
            }
            Ok(Event::End(e)) => {
                stack.pop();
                if e.name().as_ref() == b"w:p" {
                    text.push('\n');
                }
            }
            Ok(Event::Text(t)) => {
                let s = t.unescape().expect("entities resolve");
                match stack.last().map(String::as_str) {
                    Some("w:t") => text.push_str(&s),
                    Some("w:instrText") => {}
                    Some(n) if n.starts_with("w:") => {
                        assert!(s.trim().is_empty(), "stray text in <{n}>: {s:?}")
                    }
                    _ => {}
                }
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
    (names, text)
}

/// Render both ways and check the package: every part well-formed, document text returned.
fn docx_text(doc: &Dossier) -> (Vec<String>, String) {
    let bytes = dossier::render_docx(doc);
    let entries = unzip(&bytes);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/footer1.xml",
        "docProps/core.xml",
    ] {
        let _ = part(&entries, name);
    }
    for (name, xml) in &entries {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let _ = parse_xml(xml);
        }
    }
    parse_xml(part(&entries, "word/document.xml"))
}

/// The tags an HTML page of ours may contain; anything else means text leaked out as markup.
const HTML_TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "b", "i",
    "bdi", "span", "br", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "div",
];

/// Every `<` in the page opens one of our tags; the `<style>` holds only our CSS.
fn check_html_tags(html: &str) {
    let lower = html.to_lowercase();
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        assert!(
            HTML_TAGS.contains(&name.as_str()),
            "unexpected tag <{name}…> in {}",
            &rest[..rest.len().min(80)]
        );
    }
    assert_eq!(lower.matches("<style>").count(), 1);
    assert!(!lower.contains("<script"));
    assert!(!lower.contains("javascript:"));
}

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
    let d = sample(&s);
    let (doc, a) = build(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    for f in Field::ALL {
        let v = f.value(&d);
        assert!(text.contains(v), "{f:?} value {v:?} missing");
    }
    for needle in [
        "PHIẾU ĐĂNG KÝ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP",
        "BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "I.3. Thực phẩm chế biến",
        "I.3.c. Chế biến từ rau, củ, quả, hạt",
        "Lào Cai, ngày 29 tháng 11 năm 2026",
        "☒ Đánh giá nâng hạng",
        "☐ Đánh giá, phân hạng lần đầu",
        "Mẫu sản phẩm: 05 mẫu.",
        "II. KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT, KINH DOANH",
        "III. TỰ ĐÁNH GIÁ THEO BỘ TIÊU CHÍ",
        "IV. KẾ HOẠCH SẢN XUẤT, KINH DOANH TRONG THỜI GIAN TỚI",
        "KHÔNG PHẢI KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG CỦA HỘI ĐỒNG",
        "Danh mục minh chứng theo tiêu chí",
        "Danh sách lao động tham gia bảo hiểm",
    ] {
        assert!(text.contains(needle), "{needle:?} missing");
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
        let mut d = sample(&s);
        let with_controls = format!("{h}\u{0}\u{7}\u{1b}\u{FFFF}");
        d.producer.name = with_controls.clone();
        d.title = h.to_string();
        for f in Field::ALL {
            set_field(&mut d, f, &with_controls);
        }
        for v in d.evidence.values_mut() {
            *v = h.to_string();
        }
        let (doc, _) = build(&s, &d, Lang::Vi);

        // .docx: well-formed, no element other than WordprocessingML, text intact.
        let (names, text) = docx_text(&doc);
        for name in &names {
            assert!(name.starts_with("w:"), "case {n}: element <{name}> leaked");
        }
        assert!(text.contains(h), "case {n}: text not intact in the docx");
        assert!(!text.contains('\u{0}') && !text.contains('\u{1b}'));

        // HTML: only our tags; the text comes back intact once unescaped.
        let html = dossier::render_html(&doc);
        check_html_tags(&html);
        assert!(
            html_unescape(&html).contains(h),
            "case {n}: text not intact in the HTML"
        );
        assert!(!html.contains('\u{0}') && !html.contains('\u{1b}'));
        if h.contains('<') {
            assert!(html.contains("&lt;"), "case {n}: not escaped");
        }
    }
}

/// Set one detail (the draft layer's own mapping, `Field::set`).
fn set_field(d: &mut Draft, f: Field, v: &str) {
    f.set(d, v.to_string());
}

#[test]
fn missing_details_are_marked_to_be_completed() {
    let s = set("QD26-01");
    let d = Draft::new("empty", "QD26-01", 0);
    let (doc, a) = build(&s, &d, Lang::Vi);
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
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
    assert!(doc.missing.is_empty());
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

#[test]
fn doubtful_details_are_flagged_not_dropped() {
    let s = set("QD26-07");
    let mut d = sample(&s);
    d.producer.phone = "12345".into();
    d.producer.email = "htx at gmail".into();
    d.producer.registration_date = "31/02/2020".into();
    let (doc, _) = build(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    assert!(text.contains("12345 [cần kiểm tra: số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84]"));
    assert!(text.contains("htx at gmail [cần kiểm tra"));
    assert!(text.contains("31/02/2020 [cần kiểm tra: ngày không tồn tại]"));
    assert_eq!(doc.problems.len(), 3);
    assert!(doc.missing.is_empty());
}

#[test]
fn vietnamese_diacritics_survive_both_renderers() {
    let s = set("QD26-07");
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
    let (_, text) = docx_text(&doc);
    let html = dossier::render_html(&doc);
    for w in [
        "Hợp tác xã Nông nghiệp Tân Lập",
        "Nguyễn Thị Hoa",
        "Mứt mận Bắc Hà",
        "Độc lập - Tự do - Hạnh phúc",
        "Ủy ban nhân dân",
        "ĐẠI DIỆN CHỦ THỂ",
        "Nhãn hiệu “Mận Tân Lập” số 456789",
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
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
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
fn english_reading_keeps_the_form_titles_vietnamese() {
    let s = set("QD26-26");
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::En);
    let (_, text) = docx_text(&doc);
    assert!(text.contains("PHIẾU ĐĂNG KÝ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP"));
    assert!(text.contains("BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM"));
    assert!(text.contains("(Registration form for the evaluation and rating of an OCOP product)"));
    assert!(text.contains("I. GENERAL INFORMATION"));
    assert!(text.contains("THIS IS A SELF-ESTIMATE, NOT THE RESULT OF THE EVALUATION COUNCIL."));
    assert!(text.contains("Tourism service: no product samples."));
    assert!(!text.contains("Product samples: 5."));
    let html = dossier::render_html(&doc);
    assert!(html.contains("<html lang=\"en\">"));
}

#[test]
fn every_product_set_builds_and_renders() {
    let cat = catalogue();
    for (id, _) in embedded::SETS {
        let s = set(id);
        let d = sample(&s);
        let a = assess(&s, &d.responses);
        let doc = dossier::build(
            &s,
            cat.entry(id),
            &d,
            &a,
            Lang::Vi,
            parse_date("2026-11-29").ok(),
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
        assert!(
            text.contains(&format!("Bộ sản phẩm số {:02}", s.no)),
            "{id}"
        );
        check_html_tags(&dossier::render_html(&doc));
    }
}

#[test]
fn unknown_date_and_classification_leave_blanks() {
    let s = set("QD26-07");
    let d = sample(&s);
    let a = assess(&s, &d.responses);
    let doc = dossier::build(&s, None, &d, &a, Lang::Vi, parse_date("not a date").ok());
    assert_eq!(doc.date, None);
    let (_, text) = docx_text(&doc);
    assert!(text.contains("Lào Cai, ngày …… tháng …… năm ……"));
    assert!(text.contains(&s.header_vi));
}

#[test]
fn receiving_block_names_the_provincial_advisory_body() {
    // domain.md §6.1 step 3: "cơ quan tham mưu quản lý OCOP cấp tỉnh".
    let s = set("QD26-07");
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(text.contains("Cơ quan tham mưu quản lý OCOP cấp tỉnh"));
    assert!(!text.contains("giúp việc"));
    let (doc, _) = build(&s, &d, Lang::En);
    assert!(doc.plain_text().contains("Provincial OCOP advisory body"));
}

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
        let mut d = sample(&s);
        // Every criterion answered at its best level.
        for l in s.criteria() {
            let c = l.criterion;
            let last = u8::try_from(c.levels.len()).unwrap_or(1);
            d.responses.answers.insert(c.code.clone(), last);
        }
        for lang in [Lang::Vi, Lang::En] {
            let (doc, a) = build(&s, &d, lang);
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
fn the_annex_says_the_forms_are_rebuilt_not_verbatim() {
    let s = set("QD26-07");
    let d = sample(&s);
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
        let (doc, _) = build(&s, &d, lang);
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
fn a_section_that_is_one_criterion_prints_once_with_its_maximum() {
    for id in ["QD26-09", "QD26-26"] {
        let s = set(id);
        let d = sample(&s);
        let (doc, _) = build(&s, &d, Lang::Vi);
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

#[test]
fn notes_in_a_criterion_name_go_on_a_smaller_line_of_their_own() {
    let s = set("QD26-09");
    let c = s.criterion("5.3").expect("5.3");
    let (name, note) = c.text.vi.split_once(" Yêu cầu:").expect("5.3 has a note");
    let d = sample(&s);
    for lang in [Lang::Vi, Lang::En] {
        let (doc, _) = build(&s, &d, lang);
        let (_, text) = docx_text(&doc);
        assert!(
            !text.contains(&format!("{name} Yêu cầu:")),
            "{lang:?}: run together in the docx"
        );
        // Part III and the annex's evidence table.
        let split = format!("{name}\nYêu cầu:{note}");
        let expected = if lang == Lang::Vi { 2 } else { 1 };
        assert_eq!(text.matches(&split).count(), expected, "{lang:?} docx");
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
        let html = dossier::render_html(&doc);
        assert!(!html.contains(&format!("{name} Yêu cầu:")), "{lang:?} html");
        assert!(
            html.contains(&format!("{name}</p><p class=\"s\">Yêu cầu:")),
            "{lang:?}: html note not a small paragraph"
        );
    }
}

#[test]
fn part_1_tick_boxes_agree_with_the_declarations_under_them() {
    let s = set("QD26-07");
    let mut d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
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
    let (doc, _) = build(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(text.contains("☐ Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"));
    assert!(text.contains("☒ Khác (ghi rõ tại phần kê khai)"));
    assert!(text.contains("☐ Giấy chứng nhận đăng ký nhãn hiệu"));
    assert!(text.contains("☒ Khác\n"));
    d.product.certificates.clear();
    d.product.intellectual_property = "Chưa có".into();
    let (doc, _) = build(&s, &d, Lang::Vi);
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

#[test]
fn signature_dates_follow_the_administrative_style() {
    let s = set("QD26-07");
    let d = sample(&s);
    let a = assess(&s, &d.responses);
    let cat = catalogue();
    for (today, words) in [
        ("05/03/2026", "Lào Cai, ngày 05 tháng 3 năm 2026"),
        ("2026-01-15", "Lào Cai, ngày 15 tháng 01 năm 2026"),
        ("15/12/2026", "Lào Cai, ngày 15 tháng 12 năm 2026"),
    ] {
        let doc = dossier::build(
            &s,
            cat.entry(&s.id),
            &d,
            &a,
            Lang::Vi,
            parse_date(today).ok(),
        );
        let (_, text) = docx_text(&doc);
        assert!(text.contains(words), "{today}: {words:?}");
        assert!(!text.contains("tháng 03"), "{today}");
    }
}

#[test]
fn the_annex_names_the_tool_in_vietnamese_and_words_the_evidence_list_exactly() {
    let s = set("QD26-07");
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
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
    let (doc, _) = build(&s, &d, Lang::En);
    let (_, text) = docx_text(&doc);
    assert!(text.contains(
        "Documents from the list of Form 02; placing them under each criterion is the tool's suggestion."
    ));
    assert!(!text.contains("inferred from the criteria"));
    assert!(text.contains("Draft made with the OCOP self-check tool on 29 November 2026."));
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
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
    let headers = header_left_columns(&doc);
    assert_eq!(headers.len(), 2, "Mẫu 01 and Mẫu 02");
    for h in &headers {
        assert!(h.starts_with("HỢP TÁC XÃ NÔNG NGHIỆP TÂN LẬP\n"), "{h:?}");
        assert!(!h.contains("TÊN CHỦ THỂ"), "{h:?}");
    }
    // Missing: the label stays, with the marker.
    let e = Draft::new("empty", "QD26-07", 0);
    for (lang, label) in [(Lang::Vi, "TÊN CHỦ THỂ"), (Lang::En, "PRODUCER")] {
        let (doc, _) = build(&s, &e, lang);
        for h in header_left_columns(&doc) {
            assert!(h.starts_with(&format!("{label}\n[cần bổ sung")), "{h:?}");
        }
    }
}

#[test]
fn criterion_3_2_is_said_to_depend_on_gender_ethnicity_and_disability() {
    // domain.md §7.4 / §8: 3.2 scores a representative who is a woman, from an ethnic minority
    // or a person with a disability; the permanent address plays no part in it.
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
    let (doc, _) = build(&s, &sample(&s), Lang::Vi);
    assert!(doc
        .plain_text()
        .contains("tình trạng khuyết tật (nếu có) của người đại diện theo pháp luật là căn cứ chấm tiêu chí 3.2"));
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
        let (doc, a) = build(&s, d, Lang::Vi);
        let points = |code: &str| {
            a.criteria
                .iter()
                .find(|c| c.code == code)
                .map(|c| c.points)
                .expect("criterion")
        };
        // 3.1 follows the organisation type (domain.md §8; set 7 gives an LLC 1 point).
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
fn samples_for_a_look_by_eye() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let s = set("QD26-07");
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::Vi);
    std::fs::write(dir.join("dossier-sample.docx"), dossier::render_docx(&doc)).expect("write");
    std::fs::write(dir.join("dossier-sample.html"), dossier::render_html(&doc)).expect("write");
    let mut h = sample(&s);
    h.producer.name = format!(
        "<script>alert(1)</script> & \"'\u{202E}abc\u{200B} {}",
        "X".repeat(300)
    );
    h.evidence
        .insert("1.1".into(), "\"><img src=x onerror=alert(1)>".into());
    let (doc, _) = build(&s, &h, Lang::Vi);
    std::fs::write(dir.join("dossier-hostile.docx"), dossier::render_docx(&doc)).expect("write");
    std::fs::write(dir.join("dossier-hostile.html"), dossier::render_html(&doc)).expect("write");
    let e = Draft::new("empty", "QD26-26", 0);
    let (doc, _) = build(&set("QD26-26"), &e, Lang::En);
    std::fs::write(
        dir.join("dossier-empty-en.docx"),
        dossier::render_docx(&doc),
    )
    .expect("write");
}

/// The lines of Mẫu 01 item 5 (classification) in a plain-text dossier.
fn classification_lines(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| !l.starts_with("5. "))
        .skip(1)
        .take_while(|l| l.starts_with("- "))
        .collect()
}

#[test]
fn classification_uses_the_three_levels_of_appendix_i() {
    // domain.md §7.1: "product classification (ngành, nhóm, phân nhóm per Phụ lục I)".
    let cat = catalogue();
    let s = set("QD26-07");
    let d = sample(&s);
    let e = cat.entry(&s.id).expect("QD26-07 in the catalogue");
    let (doc, _) = build(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    let lines = classification_lines(&text);
    assert_eq!(
        &lines[..3],
        [
            format!("- Ngành: {}. {}", e.category.code, e.category.name.vi),
            format!("- Nhóm: {}. {}", e.group.code, e.group.name.vi),
            format!("- Phân nhóm: {}. {}", e.set.classification, e.set.name.vi),
        ]
    );
    assert!(!text.contains("Nhóm sản phẩm"));
    let (doc, _) = build(&s, &d, Lang::En);
    let text = doc.plain_text();
    let lines = classification_lines(&text);
    assert_eq!(
        &lines[..3],
        [
            format!("- Category: {}. {}", e.category.code, e.category.name.en),
            format!("- Group: {}. {}", e.group.code, e.group.name.en),
            format!("- Sub-group: {}. {}", e.set.classification, e.set.name.en),
        ]
    );
    assert!(!text.contains("Product category"));
    // A group without sub-groups says so; the names stay the catalogue's.
    let s = set("QD26-26");
    let e = cat.entry(&s.id).expect("QD26-26 in the catalogue");
    let (doc, _) = build(&s, &sample(&s), Lang::Vi);
    let text = doc.plain_text();
    let lines = classification_lines(&text);
    assert_eq!(
        lines[0],
        format!("- Ngành: {}. {}", e.category.code, e.category.name.vi)
    );
    assert_eq!(lines[2], "- Phân nhóm: (không có phân nhóm)");
    // Without the catalogue, the set's own header under one label.
    let s = set("QD26-07");
    let a = assess(&s, &d.responses);
    let doc = dossier::build(&s, None, &d, &a, Lang::Vi, parse_date(TODAY).ok());
    let text = doc.plain_text();
    assert_eq!(
        classification_lines(&text)[0],
        format!("- Ngành, nhóm: {}", s.header_vi)
    );
}

#[test]
fn the_tourism_dossier_speaks_of_services_not_food() {
    let s = set("QD26-26");
    let mut d = sample(&s);
    d.product.name = "Homestay bản Lác".into();
    d.product.standard = String::new();
    d.product.certificates = "Giấy phép kinh doanh dịch vụ du lịch số 12/2025".into();
    let (doc, _) = build(&s, &d, Lang::Vi);
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
    // No samples, anywhere (domain.md §7.1).
    assert!(text.contains("Sản phẩm dịch vụ du lịch: không nộp mẫu sản phẩm."));
    assert!(!text.contains("05 mẫu"));
    assert!(!text.contains("hồ sơ và mẫu sản phẩm"));
    assert!(!text.contains("bản sao minh chứng; mẫu sản phẩm"));
    // A standard the producer did give is printed as given.
    d.product.standard = "TCVN 7800:2017".into();
    let (doc, _) = build(&s, &d, Lang::Vi);
    assert!(doc
        .plain_text()
        .contains("Tiêu chuẩn áp dụng: TCVN 7800:2017"));
    // English reading.
    let (doc, _) = build(&s, &d, Lang::En);
    let text = doc.plain_text();
    assert!(text.contains("☒ Tourism business licence / decision recognising the tourist site"));
    assert!(text.contains("1. Service organisation, facilities, experience programmes"));
    assert!(text.contains("\nVisitors\n"));
    assert!(!text.contains("Output (unit"));
    assert!(!text.contains("Food-safety"));
    // An empty tourism draft: every field but the standard is to be completed.
    let e = Draft::new("empty", "QD26-26", 0);
    let (doc, _) = build(&s, &e, Lang::Vi);
    let expected: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| *f != Field::Standard)
        .collect();
    assert_eq!(doc.missing, expected);
}

#[test]
fn food_dossiers_keep_their_production_wording() {
    let s = set("QD26-07");
    let mut d = sample(&s);
    d.product.standard = String::new();
    let (doc, _) = build(&s, &d, Lang::Vi);
    let text = doc.plain_text();
    assert!(text.contains("☒ Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm"));
    assert!(!text.contains("Giấy phép kinh doanh dịch vụ du lịch"));
    assert!(text.contains("1. Tổ chức vùng nguyên liệu; công nghệ sản xuất, chế biến, đóng gói"));
    assert!(text.contains("Sản lượng (đơn vị tính: ……)"));
    assert!(!text.contains("Lượt khách"));
    assert!(text.contains("Mẫu sản phẩm: 05 mẫu."));
    assert_eq!(doc.missing, [Field::Standard]);
}

#[test]
fn score_tips_sit_in_the_annex_not_in_the_producers_plan() {
    let s = set("QD26-07");
    let d = sample(&s);
    for lang in [Lang::Vi, Lang::En] {
        let (doc, a) = build(&s, &d, lang);
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

#[test]
fn the_english_document_opens_with_a_reading_copy_line() {
    const LINE: &str = "English reading copy — file the Vietnamese version (Bản tiếng Anh chỉ để đọc – nộp bản tiếng Việt).";
    let s = set("QD26-07");
    let d = sample(&s);
    let (doc, _) = build(&s, &d, Lang::En);
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
    let (doc, _) = build(&s, &d, Lang::Vi);
    assert!(!doc.plain_text().contains("English reading copy"));
    assert!(!dossier::render_html(&doc).contains("English reading copy"));
}

/// Mẫu 02 Part I lists the legal representative's disability status beside gender and
/// ethnicity (the three grounds of criterion 3.2, domain.md §7.4), and it is asked for like them.
#[test]
fn part_one_shows_the_representatives_disability_status() {
    let s = set("QD26-09");
    let mut d = sample(&s);
    d.producer.representative_disability = "Có (khiếm thị)".into();
    let (doc, _) = build(&s, &d, Lang::Vi);
    let html = dossier::render_html(&doc);
    assert!(html.contains("Tình trạng khuyết tật"), "label");
    assert!(html.contains("Có (khiếm thị)"), "value");
    d.producer.representative_disability.clear();
    let (doc, _) = build(&s, &d, Lang::Vi);
    assert!(doc.missing.contains(&Field::RepresentativeDisability));
}
