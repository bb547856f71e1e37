//! The evidence files in the dossier (issue 14, item 4): the filing copy's annex numbers them in
//! the order of the criteria and then of Mẫu 02's evidence table; Part III refers to the same
//! numbers; the .docx holds each picture once in `word/media/`, referenced from
//! `word/document.xml` through its relationships (read back with the `zip` crate and
//! `quick-xml`); a PDF is listed, not embedded; a file the draft describes but whose bytes are
//! missing is marked; the printable page carries the pictures as `data:` URLs; the working copy
//! names the criteria with no proof yet. Last, LibreOffice turns the filing copy into a PDF with
//! the three pictures on its pages (skipped with a loud note without `soffice`, unless
//! `OCOP_REQUIRE_LIBREOFFICE=1`; `OCOP_PAGES_KEEP=1` keeps the files and says where).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use common::docx::{check_html_tags, parse_xml};
use common::{filled_draft, set, today, TODAY};
use ocop_self_check::dossier::{self, Block, Document, Dossier, Files, Para, SpanKind};
use ocop_self_check::draft::attachments::{describe, Target};
use ocop_self_check::draft::{self, Draft};
use ocop_self_check::i18n::Lang;
use ocop_self_check::rubric::ProductSet;
use quick_xml::events::Event;

const CERTIFICATE: &[u8] = include_bytes!("fixtures/evidence/certificate.jpg");
const LABEL: &[u8] = include_bytes!("fixtures/evidence/label.png");
const CONTRACT: &[u8] = include_bytes!("fixtures/evidence/contract-rotated.jpg");
const SCAN: &[u8] = include_bytes!("fixtures/evidence/scan.pdf");

const SET: &str = "QD26-09";

/// The sheet's criterion codes in order.
fn codes(s: &ProductSet) -> Vec<String> {
    s.criteria().map(|l| l.criterion.code.clone()).collect()
}

fn attach(d: &mut Draft, files: &mut Files, id: &str, target: Target, caption: &str, bytes: &[u8]) {
    let a =
        describe(id.into(), target, caption, bytes, 1).unwrap_or_else(|e| panic!("{id}: {e:?}"));
    d.attachments.push(a);
    files.insert(id.into(), bytes.to_vec());
}

/// A filled draft with five evidence files, added out of order: a PDF for the evidence table's
/// first row, the sideways contract for the sixth criterion, the certificate for the third, the
/// label for the first, and a second file for the third criterion whose bytes are missing.
/// In the annex: label 1, certificate 2, missing 3, contract 4, PDF 5.
fn draft_with_files() -> (ProductSet, Draft, Files) {
    let s = set(SET);
    let c = codes(&s);
    let mut d = filled_draft(&s);
    let mut f = Files::new();
    attach(
        &mut d,
        &mut f,
        "pdf1",
        Target::Paper(1),
        "Giấy đăng ký kinh doanh (bản quét)",
        SCAN,
    );
    attach(
        &mut d,
        &mut f,
        "contract",
        Target::Criterion(c[5].clone()),
        "Hợp đồng liên kết",
        CONTRACT,
    );
    attach(
        &mut d,
        &mut f,
        "cert",
        Target::Criterion(c[2].clone()),
        "Giấy chứng nhận ATTP",
        CERTIFICATE,
    );
    attach(
        &mut d,
        &mut f,
        "label",
        Target::Criterion(c[0].clone()),
        "Nhãn sản phẩm <b>&</b>",
        LABEL,
    );
    attach(
        &mut d,
        &mut f,
        "gone",
        Target::Criterion(c[2].clone()),
        "Giấy chứng nhận trang 2",
        CERTIFICATE,
    );
    f.remove("gone");
    (s, d, f)
}

fn filing(s: &ProductSet, d: &Draft, f: &Files, lang: Lang) -> Dossier {
    dossier::from_draft_with_files(s, d, lang, today(), Document::Filing, f)
}

fn para_text(p: &Para) -> String {
    p.spans.iter().map(|s| s.text.as_str()).collect()
}

/// The rows of the annex's list of files (the table whose last header is "Loại tệp, dung
/// lượng" / "File, size"), as the text of each cell.
fn list_rows(doc: &Dossier) -> Vec<Vec<String>> {
    let t = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t)
                if t.rows.first().is_some_and(|r| {
                    r.cells.last().is_some_and(|c| {
                        c.paras.iter().any(|p| {
                            ["Loại tệp, dung lượng", "File, size"].contains(&para_text(p).as_str())
                        })
                    })
                }) =>
            {
                Some(t)
            }
            _ => None,
        })
        .expect("the list of files");
    t.rows
        .iter()
        .skip(1)
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.paras.iter().map(para_text).collect::<Vec<_>>().join("\n"))
                .collect()
        })
        .collect()
}

#[test]
fn the_annex_numbers_the_files_in_the_criteria_order_then_the_tables() {
    let (s, d, f) = draft_with_files();
    let c = codes(&s);
    let doc = filing(&s, &d, &f, Lang::Vi);
    let rows = list_rows(&doc);
    let numbers: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5"]);
    let captions: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        captions,
        [
            "Nhãn sản phẩm <b>&</b>",
            "Giấy chứng nhận ATTP",
            "Giấy chứng nhận trang 2",
            "Hợp đồng liên kết",
            "Giấy đăng ký kinh doanh (bản quét)"
        ]
    );
    // What each proves: the criterion's code and name, or the evidence table's row.
    for (row, code) in rows.iter().zip([&c[0], &c[2], &c[2], &c[5]]) {
        let name = s
            .criterion(code)
            .map(|x| x.text.vi.clone())
            .unwrap_or_default();
        let first_word = name.split_whitespace().next().unwrap_or_default();
        assert!(
            row[2].starts_with(&format!("tiêu chí {code} {first_word}")),
            "{row:?}"
        );
    }
    assert_eq!(
        rows[4][2],
        "bảng tài liệu minh chứng của Mẫu số 02: Giấy đăng ký kinh doanh"
    );
    // Kind and size; the PDF as a file of the electronic dossier; the missing one marked.
    assert!(
        rows[0][3].starts_with("Ảnh PNG, 800 × 600 px, 16 kB"),
        "{}",
        rows[0][3]
    );
    assert!(
        rows[1][3].starts_with("Ảnh JPEG, 1200 × 1600 px, 193 kB"),
        "{}",
        rows[1][3]
    );
    assert!(rows[2][3].ends_with("(chưa có tệp)"), "{}", rows[2][3]);
    // The sideways contract is listed as shown: portrait.
    assert!(
        rows[3][3].starts_with("Ảnh JPEG, 700 × 1000 px"),
        "{}",
        rows[3][3]
    );
    assert_eq!(rows[4][3], "Tệp PDF kèm theo trong bộ hồ sơ điện tử, 19 kB");

    // The items, in the same order, each under its title line.
    let text = doc.plain_text();
    let annex = &text[text.find("PHỤ LỤC").expect("the annex")..];
    let mut at = 0;
    for (n, caption) in captions.iter().enumerate() {
        let title = format!("Minh chứng số {}: {caption} (", n + 1);
        let i = annex[at..]
            .find(&title)
            .unwrap_or_else(|| panic!("{title}"));
        at += i + title.len();
    }
    assert!(annex.contains(&format!(
        "Minh chứng số 2: Giấy chứng nhận ATTP (tiêu chí {} ",
        c[2]
    )));
    // The per-criterion table lists the files of each criterion, and leaves the others empty.
    let table = doc
        .blocks
        .iter()
        .rev()
        .find_map(|b| match b {
            Block::Table(t) if t.widths == [7, 43, 38, 12] => Some(t),
            _ => None,
        })
        .expect("the per-criterion table");
    let cell = |i: usize| -> String {
        table.rows[i + 1].cells[2]
            .paras
            .iter()
            .map(para_text)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(cell(0), "Minh chứng số 1: Nhãn sản phẩm <b>&</b>");
    assert_eq!(cell(1), "");
    assert_eq!(
        cell(2),
        "Minh chứng số 2: Giấy chứng nhận ATTP\nMinh chứng số 3: Giấy chứng nhận trang 2"
    );
    assert_eq!(cell(5), "Minh chứng số 4: Hợp đồng liên kết");
    // Three pictures: the PDF and the missing file are not pictures.
    assert_eq!(doc.images.len(), 3);
    let figures: Vec<usize> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image(f) => Some(f.image),
            _ => None,
        })
        .collect();
    assert_eq!(figures, [0, 1, 2]);
    let ids: Vec<&str> = doc.images.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["label", "cert", "contract"]);
    // Each picture's block comes right after its title line.
    for (i, b) in doc.blocks.iter().enumerate() {
        if let Block::Image(_) = b {
            assert!(
                matches!(&doc.blocks[i - 1], Block::Para(p) if para_text(p).starts_with("Minh chứng số")),
                "{:?}",
                doc.blocks[i - 1]
            );
        }
    }
}

#[test]
fn part_3_refers_to_the_annex_numbers() {
    let (s, d, f) = draft_with_files();
    let c = codes(&s);
    for (lang, three, one) in [
        (
            Lang::Vi,
            "Minh chứng số 2, 3 trong phụ lục",
            "Minh chứng số 1 trong phụ lục",
        ),
        (
            Lang::En,
            "Evidence nos. 2, 3 in the annex",
            "Evidence no. 1 in the annex",
        ),
    ] {
        let doc = filing(&s, &d, &f, lang);
        // Part III's rows: the score tables, five columns; the last is "mô tả, chứng minh".
        let mut notes: HashMap<String, Vec<String>> = HashMap::new();
        for b in &doc.blocks {
            if let Block::Table(t) = b {
                if t.widths.len() == 5 {
                    for r in t.rows.iter().filter(|r| !r.header && r.cells.len() == 5) {
                        let code = para_text(&r.cells[0].paras[0]);
                        let cell = r.cells[4].paras.iter().map(para_text).collect();
                        notes.insert(code, cell);
                    }
                }
            }
        }
        assert_eq!(notes.len(), s.criterion_count(), "{lang:?}");
        let of = |code: &str| notes.get(code).cloned().unwrap_or_default();
        assert_eq!(of(&c[0]).last().map(String::as_str), Some(one), "{lang:?}");
        // The producer's note stays beside the reference (criterion 1 has one).
        assert!(of(&c[0]).len() >= 2 && of(&c[0])[0].contains("Thuyết minh tiêu chí"));
        assert_eq!(of(&c[2]).last().map(String::as_str), Some(three));
        let four = lang.pick(
            "Minh chứng số 4 trong phụ lục",
            "Evidence no. 4 in the annex",
        );
        assert_eq!(of(&c[5]).last().map(String::as_str), Some(four));
        // No reference where there is no file.
        let refs = notes
            .values()
            .filter(|v| {
                v.iter()
                    .any(|p| p.contains(lang.pick("trong phụ lục", "in the annex")))
            })
            .count();
        assert_eq!(refs, 3, "{lang:?}");
        // The numbers Part III gives are the annex's.
        let text = doc.plain_text();
        let annex = &text[text.find("PHỤ LỤC").expect("annex")..];
        let n = lang.pick(
            "Minh chứng số 4: Hợp đồng liên kết",
            "Evidence no. 4: Hợp đồng liên kết",
        );
        assert!(annex.contains(n), "{lang:?}");
    }
}

/// A .docx's entries as bytes, read with the `zip` crate (CRC-checked).
fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).expect("entry");
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("CRC ok");
            (f.name().to_string(), b)
        })
        .collect()
}

fn text_of<'a>(e: &'a [(String, Vec<u8>)], name: &str) -> &'a str {
    e.iter()
        .find(|(n, _)| n == name)
        .map(|(_, b)| std::str::from_utf8(b).expect("UTF-8"))
        .unwrap_or_else(|| panic!("no {name}"))
}

/// Every element of `xml` named `name`, as its attributes.
fn elements(xml: &str, name: &str) -> Vec<HashMap<String, String>> {
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.name().as_ref() == name.as_bytes() => {
                let mut m = HashMap::new();
                for a in e.attributes() {
                    let a = a.expect("attribute");
                    m.insert(
                        String::from_utf8_lossy(a.key.as_ref()).to_string(),
                        a.unescape_value().expect("value").to_string(),
                    );
                }
                out.push(m);
            }
            Ok(Event::Eof) => break,
            Err(e) => panic!("{e}"),
            _ => {}
        }
    }
    out
}

#[test]
fn the_docx_holds_each_picture_once_and_references_it() {
    let (s, d, f) = draft_with_files();
    let doc = filing(&s, &d, &f, Lang::Vi);
    let bytes = dossier::render_docx(&doc);
    let e = entries(&bytes);
    // Every XML part well-formed.
    for (name, b) in &e {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let _ = parse_xml(std::str::from_utf8(b).expect("UTF-8"));
        }
    }
    let media: Vec<(&str, &[u8])> = e
        .iter()
        .filter(|(n, _)| n.starts_with("word/media/"))
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    assert_eq!(
        media,
        [
            ("word/media/image1.png", LABEL),
            ("word/media/image2.jpeg", CERTIFICATE),
            ("word/media/image3.jpeg", CONTRACT),
        ],
        "each picture once, as stored; the PDF and the missing file not embedded"
    );
    let types = text_of(&e, "[Content_Types].xml");
    let defaults: HashMap<String, String> = elements(types, "Default")
        .into_iter()
        .map(|m| (m["Extension"].clone(), m["ContentType"].clone()))
        .collect();
    assert_eq!(defaults.get("jpeg").map(String::as_str), Some("image/jpeg"));
    assert_eq!(defaults.get("png").map(String::as_str), Some("image/png"));
    // Relationships: one image relationship per picture, to its part.
    let rels = elements(text_of(&e, "word/_rels/document.xml.rels"), "Relationship");
    let image_rels: HashMap<String, String> = rels
        .iter()
        .filter(|r| r["Type"].ends_with("/relationships/image"))
        .map(|r| (r["Id"].clone(), format!("word/{}", r["Target"])))
        .collect();
    assert_eq!(image_rels.len(), 3);
    for target in image_rels.values() {
        assert!(media.iter().any(|(n, _)| n == target), "{target}");
    }
    let all_ids: BTreeSet<&String> = rels.iter().map(|r| &r["Id"]).collect();
    assert_eq!(all_ids.len(), rels.len(), "relationship ids are unique");
    // The document draws each picture once, by a relationship that exists.
    let xml = text_of(&e, "word/document.xml");
    let blips: Vec<String> = elements(xml, "a:blip")
        .into_iter()
        .map(|m| m["r:embed"].clone())
        .collect();
    assert_eq!(blips.len(), 3);
    let used: BTreeSet<&String> = blips.iter().collect();
    assert_eq!(used, image_rels.keys().collect::<BTreeSet<_>>());
    // docPr: unique ids, the caption as the description.
    let doc_prs = elements(xml, "wp:docPr");
    assert_eq!(doc_prs.len(), 3);
    let ids: BTreeSet<&String> = doc_prs.iter().map(|m| &m["id"]).collect();
    assert_eq!(ids.len(), 3, "unique docPr ids");
    let descr: Vec<&str> = doc_prs.iter().map(|m| m["descr"].as_str()).collect();
    assert_eq!(
        descr,
        [
            "Nhãn sản phẩm <b>&</b>",
            "Giấy chứng nhận ATTP",
            "Hợp đồng liên kết"
        ]
    );
    // The sizes: within 16 × 22 cm, the pictures' proportions kept. The sideways contract
    // (EXIF orientation 6, which neither Word nor LibreOffice applies in a .docx) keeps its
    // stored proportions: sideways, never stretched.
    let extents = elements(xml, "wp:extent");
    let stored = [(800.0, 600.0), (1200.0, 1600.0), (1000.0, 700.0)];
    let frames = elements(xml, "a:ext");
    for ((x, fr), (w, h)) in extents.iter().zip(&frames).zip(stored) {
        let cx: f64 = x["cx"].parse().expect("cx");
        let cy: f64 = x["cy"].parse().expect("cy");
        assert!(cx <= 16.0 * 360_000.0 && cy <= 22.0 * 360_000.0, "{x:?}");
        assert!(cx > 5.0 * 360_000.0, "legible: {x:?}");
        assert!(((cx / cy) - (w / h)).abs() < 0.01, "{x:?} for {w}×{h}");
        assert_eq!((&x["cx"], &x["cy"]), (&fr["cx"], &fr["cy"]));
    }
    assert!(elements(xml, "a:xfrm")
        .iter()
        .all(|m| m.get("rot").is_none()));
    // Only the pictures are new: without files, the same draft's .docx has no media.
    let plain = dossier::render_docx(&dossier::from_draft(
        &s,
        &d,
        Lang::Vi,
        today(),
        Document::Filing,
    ));
    assert!(entries(&plain)
        .iter()
        .all(|(n, _)| !n.starts_with("word/media/")));
}

#[test]
fn a_missing_file_is_marked_and_a_pdf_listed_not_embedded() {
    let (s, d, f) = draft_with_files();
    for lang in [Lang::Vi, Lang::En] {
        let doc = filing(&s, &d, &f, lang);
        let text = doc.plain_text();
        let annex = &text[text.find("PHỤ LỤC").expect("annex")..];
        let (missing, pdf) = match lang {
            Lang::Vi => (
                "(chưa có tệp)",
                "Tệp PDF kèm theo trong bộ hồ sơ điện tử (19 kB).",
            ),
            Lang::En => (
                "(file missing – chưa có tệp)",
                "A PDF file, in the electronic dossier (19 kB).",
            ),
        };
        // In the list and under the item's title.
        assert_eq!(annex.matches(missing).count(), 2, "{lang:?}\n{annex}");
        assert!(annex.contains(pdf), "{lang:?}");
        // The marker is highlighted, as a marker.
        let marked = doc.blocks.iter().any(|b| {
            matches!(b, Block::Para(p) if p.spans.iter().any(|x| x.kind == SpanKind::Missing && x.text == missing))
        });
        assert!(marked, "{lang:?}");
    }
    // Everything missing: listed, marked, nothing embedded, nothing lost.
    let doc = filing(&s, &d, &Files::new(), Lang::Vi);
    assert!(doc.images.is_empty());
    let rows = list_rows(&doc);
    assert_eq!(rows.len(), 5);
    assert!(
        rows.iter().all(|r| r[3].ends_with("(chưa có tệp)")),
        "{rows:?}"
    );
    // Bytes that are not what the draft says: listed as unreadable, never embedded.
    let mut bad = f.clone();
    bad.insert("cert".into(), b"not a picture".to_vec());
    let doc = filing(&s, &d, &bad, Lang::Vi);
    assert_eq!(doc.images.len(), 2);
    assert!(doc.plain_text().contains("(tệp không đọc được)"));
    let _ = dossier::render_docx(&doc);
}

/// Standard base64, decoded (the test's own, to read the page's `data:` URLs back).
fn unbase64(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        }
    };
    let mut out = Vec::new();
    for q in s.as_bytes().chunks(4) {
        let pad = q.iter().filter(|c| **c == b'=').count();
        let n = q
            .iter()
            .fold(0u32, |n, c| (n << 6) | if *c == b'=' { 0 } else { val(*c) });
        let b = n.to_be_bytes();
        out.extend_from_slice(&b[1..4 - pad]);
    }
    out
}

#[test]
fn the_printable_page_shows_the_pictures() {
    let (s, d, f) = draft_with_files();
    let doc = filing(&s, &d, &f, Lang::Vi);
    let html = dossier::render_html(&doc);
    check_html_tags(&html);
    assert!(
        html.contains("img-src data:;"),
        "the page's policy allows data: pictures only"
    );
    assert_eq!(html.matches("<img ").count(), 3);
    let mut seen = Vec::new();
    for tag in html.split("<img ").skip(1) {
        let tag = &tag[..tag.find('>').expect("end of tag")];
        let attr = |n: &str| -> String {
            let start = tag
                .find(&format!("{n}=\""))
                .unwrap_or_else(|| panic!("{n} in {}", &tag[..80]))
                + n.len()
                + 2;
            tag[start..start + tag[start..].find('"').expect("quote")].to_string()
        };
        let (w, h): (u32, u32) = (
            attr("width").parse().expect("w"),
            attr("height").parse().expect("h"),
        );
        assert!(
            w > 0 && h > 0 && w <= 605 && h <= 832,
            "{w}×{h} px: within 16 × 22 cm"
        );
        let src = attr("src");
        let (mime, data) = src
            .strip_prefix("data:")
            .and_then(|x| x.split_once(";base64,"))
            .expect("a data: URL");
        seen.push((attr("alt"), mime.to_string(), unbase64(data), w, h));
    }
    assert_eq!(
        seen[0].0, "Nhãn sản phẩm &lt;b&gt;&amp;&lt;/b&gt;",
        "the caption, escaped"
    );
    assert_eq!(
        (seen[0].1.as_str(), seen[0].2.as_slice()),
        ("image/png", LABEL)
    );
    assert_eq!(
        (seen[1].1.as_str(), seen[1].2.as_slice()),
        ("image/jpeg", CERTIFICATE)
    );
    assert_eq!(seen[2].2.as_slice(), CONTRACT);
    // Proportions as shown (the browser applies the contract's EXIF orientation itself).
    assert!((f64::from(seen[1].3) / f64::from(seen[1].4) - 0.75).abs() < 0.01);
    assert!((f64::from(seen[2].3) / f64::from(seen[2].4) - 0.7).abs() < 0.01);
    // In print: within the page, never split, the title kept with its picture.
    assert!(html.contains(".fig { text-align: center;"));
    assert!(html.contains("break-inside: avoid"));
    assert_eq!(
        html.matches("class=\"kn\"").count() + html.matches(" kn\"").count(),
        3
    );
}

#[test]
fn the_working_copy_names_the_criteria_with_no_proof_yet() {
    let (s, d, f) = draft_with_files();
    let c = codes(&s);
    let w = dossier::from_draft_with_files(&s, &d, Lang::Vi, today(), Document::Working, &f);
    let text = w.plain_text();
    // filled_draft describes one criterion in three (0, 3, 6…); files prove 0, 2 and 5.
    let unproven: Vec<&String> = c
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 != 0 && ![2, 5].contains(i))
        .map(|(_, x)| x)
        .collect();
    let line = format!(
        "Tiêu chí chưa có minh chứng (không có mô tả, không có tệp) ({}): {}",
        unproven.len(),
        unproven
            .iter()
            .map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(text.contains(&line), "{line}\n{text}");
    // The checklist's column: what each criterion has.
    let table = w
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.widths == [30, 48, 22] => Some(t),
            _ => None,
        })
        .expect("the checklist");
    let have = |i: usize| -> Vec<String> {
        table.rows[i + 1].cells[2]
            .paras
            .iter()
            .map(para_text)
            .collect()
    };
    assert_eq!(have(0), ["Mô tả, chứng minh", "Tệp: minh chứng số 1"]);
    assert_eq!(have(1), ["Chưa có"]);
    assert_eq!(have(2), ["Tệp: minh chứng số 2, 3"]);
    assert_eq!(have(3), ["Mô tả, chứng minh"]);
    assert!(table.rows[2].cells[2].paras[0].spans[0].kind == SpanKind::Missing);
    // In English; and a draft with every criterion proved says so.
    let w = dossier::from_draft_with_files(&s, &d, Lang::En, today(), Document::Working, &f);
    assert!(w
        .plain_text()
        .contains("Criteria with no proof yet (no description, no file) ("));
    let mut all = d.clone();
    for code in &c {
        all.evidence.insert(code.clone(), "Có".into());
    }
    let w = dossier::from_draft(&s, &all, Lang::Vi, today(), Document::Working);
    assert!(w
        .plain_text()
        .contains("Mọi tiêu chí đã có mô tả hoặc tệp minh chứng."));
}

#[test]
fn english_reading_copy_words_the_annex_in_english() {
    let (s, d, f) = draft_with_files();
    let c = codes(&s);
    let doc = filing(&s, &d, &f, Lang::En);
    let text = doc.plain_text();
    for want in [
        "List of the evidence files attached",
        "Evidence no. 1: Nhãn sản phẩm <b>&</b> (criterion ",
        "PNG picture, 800 × 600 px, 16 kB",
        "PDF file, in the electronic dossier, 19 kB",
        "the table of documents of Form 02: Business registration",
    ] {
        assert!(text.contains(want), "{want}");
    }
    assert!(text.contains(&format!("(criterion {} ", c[2])));
    assert!(!text.contains("Minh chứng số"));
}

#[test]
fn without_files_the_forms_are_unchanged_and_the_module_path_agrees() {
    let s = set(SET);
    let d = filled_draft(&s);
    let mut stray = Files::new();
    stray.insert("nobody".into(), CERTIFICATE.to_vec());
    for doc in Document::ALL {
        let plain = dossier::from_draft(&s, &d, Lang::Vi, today(), doc);
        assert_eq!(
            dossier::from_draft_with_files(&s, &d, Lang::Vi, today(), doc, &stray),
            plain,
            "{doc:?}: a file no attachment names is ignored"
        );
        assert!(!plain.plain_text().contains("Danh mục tệp minh chứng"));
    }
    // What the on-demand module builds (from text) is what the CLI builds (from the draft).
    let (s, d, f) = draft_with_files();
    let rubric = ocop_self_check::rubric::embedded::SETS
        .iter()
        .find(|(id, _)| *id == SET)
        .map(|(_, t)| *t)
        .expect("rubric");
    let json = draft::to_json(&d);
    let from_text = dossier::from_interchange_with_files(&json, rubric, "vi", TODAY, "filing", &f)
        .expect("builds");
    assert_eq!(from_text, filing(&s, &d, &f, Lang::Vi));
    assert_eq!(
        dossier::render_docx(&from_text),
        dossier::render_docx(&filing(&s, &d, &f, Lang::Vi))
    );
    // Cloning a dossier shares its pictures' bytes.
    let copy = from_text.clone();
    assert!(std::sync::Arc::ptr_eq(
        &copy.images[0].bytes,
        &from_text.images[0].bytes
    ));
}

// ---------------------------------------------------------------------------------------------
// LibreOffice: the pictures are on the PDF's pages.

fn program(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The filing copy with the three pictures of the fixtures (certificate, label, sideways
/// contract: three criteria), printed by LibreOffice: `pdfimages -list` finds the three
/// pictures at their pixel sizes, and the page of the certificate, rasterised with `pdftoppm`,
/// is mostly the picture (not a blank page with a title).
#[test]
fn libreoffice_prints_the_pictures() {
    let required = std::env::var("OCOP_REQUIRE_LIBREOFFICE").is_ok_and(|v| v == "1");
    let tools = (
        program("OCOP_SOFFICE", &["soffice", "libreoffice"]),
        program("OCOP_PDFIMAGES", &["pdfimages"]),
        program("OCOP_PDFTOPPM", &["pdftoppm"]),
        program("OCOP_PDFTOTEXT", &["pdftotext"]),
    );
    let (Some(soffice), Some(pdfimages), Some(pdftoppm), Some(pdftotext)) = tools else {
        let why = "soffice, pdfimages, pdftoppm or pdftotext not found: the LibreOffice check of the annex's pictures did NOT run";
        assert!(
            !required,
            "{why}; OCOP_REQUIRE_LIBREOFFICE=1 makes this a failure"
        );
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** tests/dossier_images.rs: SKIPPED: {why} ***\n"
        );
        return;
    };
    let s = set(SET);
    let c = codes(&s);
    let mut d = filled_draft(&s);
    let mut f = Files::new();
    attach(
        &mut d,
        &mut f,
        "cert",
        Target::Criterion(c[0].clone()),
        "Giấy chứng nhận cơ sở đủ điều kiện ATTP",
        CERTIFICATE,
    );
    attach(
        &mut d,
        &mut f,
        "label",
        Target::Criterion(c[1].clone()),
        "Nhãn sản phẩm",
        LABEL,
    );
    attach(
        &mut d,
        &mut f,
        "contract",
        Target::Criterion(c[2].clone()),
        "Hợp đồng liên kết (ảnh chụp nghiêng)",
        CONTRACT,
    );
    let doc = filing(&s, &d, &f, Lang::Vi);
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |t| t.as_nanos());
    let dir = std::env::temp_dir().join(format!("ocop-images-{}-{stamp}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let docx = dir.join("ho-so-nop.docx");
    std::fs::write(&docx, dossier::render_docx(&doc)).expect("write");
    std::fs::write(dir.join("ho-so-nop.html"), dossier::render_html(&doc)).expect("write");
    run(Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("profile").display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&docx));
    let pdf = dir.join("ho-so-nop.pdf");
    assert!(pdf.is_file(), "LibreOffice wrote no PDF");
    // page num type width height … : the three pictures, at their pixel sizes.
    let list = run(Command::new(&pdfimages).arg("-list").arg(&pdf));
    let images: Vec<(usize, u32, u32)> = list
        .lines()
        .skip(2)
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.get(2) == Some(&"image")).then(|| {
                (
                    w[0].parse().unwrap_or(0),
                    w[3].parse().unwrap_or(0),
                    w[4].parse().unwrap_or(0),
                )
            })
        })
        .collect();
    assert_eq!(images.len(), 3, "{list}");
    let sizes: BTreeSet<(u32, u32)> = images.iter().map(|(_, w, h)| (*w, *h)).collect();
    assert!(
        sizes.contains(&(1200, 1600)) && sizes.contains(&(800, 600)),
        "{list}"
    );
    // Each picture on the page of its title.
    let text = run(Command::new(&pdftotext)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-"));
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for (n, caption) in [
        (1, "Giấy chứng nhận cơ sở"),
        (2, "Nhãn sản phẩm"),
        (3, "Hợp đồng liên kết"),
    ] {
        let title = format!("Minh chứng số {n}: {caption}");
        let page = pages
            .iter()
            .rposition(|p| p.contains(&title))
            .unwrap_or_else(|| panic!("{title} in the PDF"))
            + 1;
        assert!(
            images.iter().any(|(p, _, _)| *p == page),
            "no picture on page {page} of {title}: {list}"
        );
    }
    // The certificate's page, rasterised: most of it is the picture (its cream background and
    // red frame), not white.
    let cert_page = images
        .iter()
        .find(|(_, w, h)| (*w, *h) == (1200, 1600))
        .map(|(p, _, _)| *p)
        .unwrap_or(0);
    let out = dir.join("page");
    run(Command::new(&pdftoppm)
        .args([
            "-r",
            "30",
            "-gray",
            "-f",
            &cert_page.to_string(),
            "-l",
            &cert_page.to_string(),
            "-singlefile",
        ])
        .arg(&pdf)
        .arg(&out));
    let pgm = std::fs::read(dir.join("page.pgm")).expect("the page's picture");
    let (w, h, pixels) = read_pgm(&pgm);
    let inked = pixels.iter().filter(|p| **p < 250).count();
    assert!(
        inked * 100 / (w * h) > 40,
        "page {cert_page}: only {inked} of {} pixels not white",
        w * h
    );
    if std::env::var("OCOP_PAGES_KEEP").is_ok_and(|v| v == "1") {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "\n*** kept in {} ***\n", dir.display());
    } else {
        std::fs::remove_dir_all(&dir).ok();
    }
}

/// A binary PGM (P5, 8 bits): width, height, pixels.
fn read_pgm(b: &[u8]) -> (usize, usize, &[u8]) {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let start = i;
        while b.get(i).is_some_and(|c| !c.is_ascii_whitespace()) {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&b[start..i]).to_string());
    }
    assert_eq!(fields[0], "P5");
    let w: usize = fields[1].parse().expect("width");
    let h: usize = fields[2].parse().expect("height");
    (w, h, &b[i + 1..i + 1 + w * h])
}
