//! Making any text safe for XML and HTML: characters XML 1.0 forbids are dropped, markup
//! characters are escaped, everything else (Vietnamese, RTL marks, zero-width spaces) is kept.

/// Whether XML 1.0 allows `c` in a document (`Char` production; C0 controls other than tab,
/// line feed and carriage return, and U+FFFE/U+FFFF are not allowed). C1 controls
/// (U+0080–U+009F) are allowed but are never meant as text, so they are dropped too.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || (c >= ' ' && !('\u{7f}'..='\u{9f}').contains(&c) && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `s` without the characters that XML 1.0 forbids (see [`is_xml_char`]); carriage returns
/// become line feeds.
pub fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else if c != '\r' && is_xml_char(c) {
            out.push(c);
        }
    }
    out
}

/// Append `s` to `out`, sanitized and escaped for XML or HTML text and attribute values:
/// `& < > " '` become entities.
pub fn escape_into(out: &mut String, s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' if chars.peek() != Some(&'\n') => out.push('\n'),
            '\r' => {}
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// `s` sanitized and escaped (see [`escape_into`]).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// Whether `s` holds characters that change the direction of the text after them (bidi
/// embeddings, overrides, isolates); renderers isolate such text so that it cannot reorder the
/// form around it.
pub fn has_bidi_controls(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'))
}

/// The characters that close the bidi embeddings, overrides and isolates that `s` leaves open
/// (PDF U+202C and PDI U+2069), to append after it so that it cannot reorder what follows.
pub fn bidi_closers(s: &str) -> String {
    let (mut embeds, mut isolates) = (0usize, 0usize);
    for c in s.chars() {
        match c {
            '\u{202A}' | '\u{202B}' | '\u{202D}' | '\u{202E}' => embeds += 1,
            '\u{202C}' => embeds = embeds.saturating_sub(1),
            '\u{2066}'..='\u{2068}' => isolates += 1,
            '\u{2069}' => isolates = isolates.saturating_sub(1),
            _ => {}
        }
    }
    let mut out = String::new();
    out.extend(std::iter::repeat_n('\u{202C}', embeds));
    out.extend(std::iter::repeat_n('\u{2069}', isolates));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            xml_escape("<script>alert(1)</script> & \"x\" 'y'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"
        );
        assert_eq!(
            xml_escape("a\u{0}b\u{1b}c\u{7f}d\u{85}e\u{FFFF}f"),
            "abcdef"
        );
        assert_eq!(xml_escape("a\r\nb\rc\td"), "a\nb\nc\td");
        assert_eq!(sanitize("a\r\nb\u{8}c"), "a\nbc");
        let kept = "Nước mắm \u{202E}gnp.exe \u{200B}Đặc sản";
        assert_eq!(xml_escape(kept), kept);
        assert!(has_bidi_controls(kept));
        assert!(!has_bidi_controls("Nước mắm\u{200B}"));
        assert_eq!(bidi_closers("a\u{202E}b"), "\u{202C}");
        assert_eq!(bidi_closers("a\u{202E}b\u{202C}"), "");
        assert_eq!(bidi_closers("\u{2067}x\u{202B}"), "\u{202C}\u{2069}");
    }
}
