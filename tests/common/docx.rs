//! Reading a dossier back as a user's software would: the .docx package with the `zip` crate
//! (CRC-checked) and its XML with `quick-xml`, and the HTML page's tags.

use std::io::Read;

use ocop_self_check::dossier::{self, Dossier};
use quick_xml::events::Event;

/// The entries of a .docx read with the `zip` crate (CRC-checked), as text; the pictures of
/// `word/media/` are read (their CRC checked) and kept as empty text.
pub fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid zip");
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).expect("entry");
        let mut s = String::new();
        if f.name().starts_with("word/media/") {
            let mut b = Vec::new();
            f.read_to_end(&mut b).expect("entry, CRC ok");
        } else {
            f.read_to_string(&mut s).expect("UTF-8 entry, CRC ok");
        }
        out.push((f.name().to_string(), s));
    }
    out
}

pub fn part<'a>(entries: &'a [(String, String)], name: &str) -> &'a str {
    entries
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, s)| s.as_str())
        .unwrap_or_else(|| panic!("no {name} in the package"))
}

/// Parse XML with quick-xml (end names checked, entities resolved); returns the element names
/// seen and the text of every `w:t`, paragraphs separated by line feeds.
pub fn parse_xml(xml: &str) -> (Vec<String>, String) {
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
pub fn docx_text(doc: &Dossier) -> (Vec<String>, String) {
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
pub const HTML_TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "b", "i",
    "bdi", "span", "br", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "div",
    // The print button (wired by the page's one script, removed before the check); a
    // line-break opportunity after '/' in the forms' text; the annex's pictures.
    "button", "wbr", "img",
];

/// Every `<` in the page opens one of our tags; the `<style>` holds only our CSS; the one script
/// is the print button's, once.
pub fn check_html_tags(html: &str) {
    let script = format!(
        "<script>{}</script>",
        ocop_self_check::dossier::PRINT_SCRIPT
    );
    assert_eq!(html.matches(&script).count(), 1, "the print script, once");
    let html = html.replacen(&script, "", 1);
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
