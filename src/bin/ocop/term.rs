//! What the command line writes to a terminal. Every text that comes from a draft file or its
//! name goes through [`safe`] (or [`name`]) first: a title holding a newline could otherwise forge
//! a second, better-looking summary, and an escape sequence could hide lines, retitle the terminal
//! or write its clipboard (adversarial review F4). `--json` output is JSON-escaped instead and
//! stays exact. Writing goes through [`out`]/[`err`], so a closed pipe or a full disk gives a
//! message and an exit status, never a panic (F6, N8).

use std::ffi::OsStr;
use std::io::Write;

/// `s` with every character a terminal would act on shown escaped: C0 controls and DEL (`\n`,
/// `\t`, `\r` by name, the rest as `\u{1b}`), C1 controls (U+0080–U+009F, which some terminals
/// read as escape sequences) and the bidirectional controls (U+061C, U+200E–U+200F,
/// U+202A–U+202E, U+2066–U+2069) that can reorder what is shown. A backslash is doubled only
/// where it starts something that looks like one of these escapes, so ordinary text, Vietnamese
/// included, is shown as it is.
///
/// Written here rather than with `char::escape_debug` (which also escapes quotes and every
/// backslash, and would garble ordinary titles such as `Nước mắm "nhãn"`) or a crate such as
/// `strip-ansi-escapes` (which removes what it finds, so a reader could not see that the file
/// holds it).
pub fn safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            // Doubled where it could read as the start of an escape (also before a character
            // that is itself escaped), so two different texts never look the same.
            '\\' if chars.peek().is_some_and(|&n| {
                matches!(n, 'n' | 't' | 'r' | 'u' | 'x' | '\\') || needs_escape(n)
            }) =>
            {
                out.push_str("\\\\")
            }
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn needs_escape(c: char) -> bool {
    c.is_control() // C0, DEL and C1
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
                // line and paragraph separators (some consoles and log viewers break lines on
                // them), interlinear annotation marks
                | '\u{2028}' | '\u{2029}' | '\u{fff9}'..='\u{fffb}'
        )
}

/// A file name for a message: [`safe`], with bytes that are not UTF-8 shown as `\xNN` (so a
/// name the system allows but UTF-8 does not is still named, exactly).
pub fn name(path: &OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_bytes().utf8_chunks() {
            out.push_str(&safe(chunk.valid()));
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        safe(&path.to_string_lossy())
    }
}

/// Write `text` and a newline to standard output. On failure (a closed pipe, a full disk) say
/// so on standard error once and return `Err`: the caller stops with exit status 1.
pub fn out(text: &str) -> Result<(), ()> {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A reader that stopped (`ocop assess … | head -1`) wants nothing more: stop quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(()),
        Err(e) => {
            err(&format!("ocop: cannot write the output: {e}"));
            Err(())
        }
    }
}

/// Write `text` and a newline to standard error; if even that fails there is no one left to tell.
pub fn err(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_cannot_forge_lines_or_drive_the_terminal() {
        let forged = "Nước mắm\n  Tổng điểm 100/100 (A 40/40, B 25/25, C 35/35); 5★";
        assert_eq!(
            safe(forged),
            "Nước mắm\\n  Tổng điểm 100/100 (A 40/40, B 25/25, C 35/35); 5★"
        );
        assert!(!safe(forged).contains('\n'));
        // Hide a line, retitle the terminal, write the clipboard (OSC 0 / OSC 52), C1 CSI.
        for (hostile, shown) in [
            ("a\u{1b}[2K\u{1b}[1Ab", "a\\u{1b}[2K\\u{1b}[1Ab"),
            ("\u{1b}]0;pwned\u{7}", "\\u{1b}]0;pwned\\u{7}"),
            ("\u{1b}]52;c;aGk=\u{1b}\\", "\\u{1b}]52;c;aGk=\\u{1b}\\"),
            ("x\u{9b}31m", "x\\u{9b}31m"),
            ("abc\u{202e}fdp.exe", "abc\\u{202e}fdp.exe"),
            ("tab\there\r", "tab\\there\\r"),
            ("\u{7f}", "\\u{7f}"),
        ] {
            assert_eq!(safe(hostile), shown, "{hostile:?}");
            assert!(!safe(hostile).chars().any(needs_escape), "{hostile:?}");
        }
    }

    #[test]
    fn ordinary_text_is_shown_as_it_is() {
        for s in [
            "Nước mắm <Cô Ba> & \"nhãn\" — lô 2",
            "C:\\Users\\ba\\ho-so.json",
            "Mật ong 'bạc hà' 100%",
        ] {
            assert_eq!(safe(s), s);
        }
        // A backslash that would read as one of our escapes is doubled, so the two differ.
        assert_eq!(safe("a\\nb"), "a\\\\nb");
        assert_ne!(safe("a\\nb"), safe("a\nb"));
        assert_ne!(
            safe("a\\\nb"),
            safe("a\\nb"),
            "a backslash before a real newline"
        );
        assert_ne!(safe("\\\u{1b}"), safe("\\u{1b}"));
        for c in ['\u{2028}', '\u{2029}', '\u{fff9}', '\u{2066}'] {
            assert!(!safe(&format!("a{c}b")).contains(c), "{c:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_named_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let n = OsStr::from_bytes(b"h\xf4-s\xc6.json");
        assert_eq!(name(n), "h\\xf4-s\\xc6.json");
        assert_eq!(name(OsStr::new("hồ sơ\n.json")), "hồ sơ\\n.json");
    }
}
