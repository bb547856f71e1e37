//! Passing a draft from phone to phone without a server: the draft (interchange v1) compressed
//! into the URL fragment (`#d=1…`, never sent to a server), and a QR code of that link as SVG.
//!
//! Payload: `1` (payload version) + base64url without padding of the raw-DEFLATE-compressed
//! compact interchange JSON. Decoding is bounded (the inflated text may not exceed the import
//! limit) and every failure is typed; nothing here panics on foreign input.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use qrcode::{EcLevel, QrCode};

use crate::draft::{self, Draft, ImportError, MAX_IMPORT_BYTES};

/// Prefix of the fragment that carries a draft.
pub const FRAGMENT_PREFIX: &str = "d=";
/// Version tag of the payload format.
pub const PAYLOAD_VERSION: char = '1';
/// Longest link drawn as a QR code. Version-40 codes hold ~2,900 bytes, but dense codes are hard
/// to scan from a cheap phone's screen; past this the app offers the file export instead.
pub const MAX_QR_LINK: usize = 1_800;
/// Past this many characters a link is said to be long for a chat message: messengers cut or
/// refuse long messages (Telegram at 4,096 characters, SMS far sooner), and a cut link cannot
/// be opened. The link is still shown; the app offers the file beside it. (A full Mẫu 02 in the
/// draft's long texts easily makes a link of 10,000 characters or more.)
pub const MAX_CHAT_LINK: usize = 4_000;

/// Why a shared link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment carries no draft.
    NotAShareLink,
    /// A payload version this build cannot read.
    UnsupportedVersion(String),
    /// Not base64url.
    BadEncoding,
    /// Not DEFLATE data, or truncated.
    BadCompression,
    /// The inflated draft would exceed the import limit.
    TooLarge,
    /// Decompressed, but not a valid draft.
    Draft(ImportError),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotAShareLink => write!(f, "the link carries no draft"),
            ShareError::UnsupportedVersion(v) => write!(f, "unsupported share-link version {v:?}"),
            ShareError::BadEncoding => write!(f, "the link is damaged (not base64url)"),
            ShareError::BadCompression => write!(f, "the link is damaged or cut short"),
            ShareError::TooLarge => write!(f, "the shared draft is too large"),
            ShareError::Draft(e) => write!(f, "the shared draft is invalid: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Why no QR code was drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The link is longer than [`MAX_QR_LINK`] (or than any QR code holds).
    TooLong { chars: usize, limit: usize },
}

/// What of the draft goes into the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// Everything, including the producer's contact details.
    Everything,
    /// Answers, knock-outs, notes, product and producer name, the report's texts; no address,
    /// phone, e-mail or representative details, and no revenue or profit figures (business
    /// figures a producer may not want to pass on, like the contact details).
    WithoutContactDetails,
}

/// How a share link fares on its way, by its length and whether it opens again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkFit {
    /// Short enough for a QR code.
    Qr,
    /// Too long for a QR code; fine in a chat message.
    NoQr,
    /// Longer than [`MAX_CHAT_LINK`]: many messengers cut it; send the file.
    LongForChat,
    /// The draft is larger than a link may carry (it would not open: over the import limit).
    TooLarge,
}

/// How the link `fragment` (from [`encode`]) fares, in a link `link_chars` characters long.
pub fn link_fit(fragment: &str, link_chars: usize) -> LinkFit {
    if matches!(decode(fragment), Err(ShareError::TooLarge)) {
        LinkFit::TooLarge
    } else if link_chars > MAX_CHAT_LINK {
        LinkFit::LongForChat
    } else if link_chars > MAX_QR_LINK {
        LinkFit::NoQr
    } else {
        LinkFit::Qr
    }
}

/// The fragment (without `#`) that carries `draft`.
pub fn encode(draft: &Draft, content: Content) -> String {
    let d = what_goes(draft, content);
    let json = draft::to_value(&d).to_string();
    let packed = compress_to_vec(json.as_bytes(), 9);
    let mut out = String::with_capacity(FRAGMENT_PREFIX.len() + 1 + packed.len() * 4 / 3 + 4);
    out.push_str(FRAGMENT_PREFIX);
    out.push(PAYLOAD_VERSION);
    base64url_encode(&packed, &mut out);
    out
}

/// What of `draft` a link (or the file offered instead of it) carries: `content`'s part. The id
/// travels (a random string, nothing personal) so that opening a corrected link again can offer
/// to update the draft it came from instead of adding a second one; the receiver takes a fresh
/// id when it adds the draft as a copy or the id is taken.
pub fn what_goes(draft: &Draft, content: Content) -> Draft {
    let mut d = draft.clone();
    if content == Content::WithoutContactDetails {
        let name = std::mem::take(&mut d.producer.name);
        d.producer = draft::Producer {
            name,
            ..draft::Producer::default()
        };
        let r = &mut d.report;
        for figure in [
            &mut r.revenue_prev,
            &mut r.revenue_last,
            &mut r.profit_prev,
            &mut r.profit_last,
        ] {
            figure.clear();
        }
    }
    d
}

/// Whether a fragment (with or without `#`) looks like a shared draft.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment
        .trim_start_matches('#')
        .starts_with(FRAGMENT_PREFIX)
}

/// Read the draft a fragment carries (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<Draft, ShareError> {
    let f = fragment.trim().trim_start_matches('#');
    let payload = f
        .strip_prefix(FRAGMENT_PREFIX)
        .ok_or(ShareError::NotAShareLink)?;
    // Anything after a further '&' is not ours (e.g. other fragment parameters).
    let payload = payload.split('&').next().unwrap_or_default();
    let mut chars = payload.chars();
    match chars.next() {
        Some(PAYLOAD_VERSION) => {}
        Some(c) => return Err(ShareError::UnsupportedVersion(c.to_string())),
        None => return Err(ShareError::NotAShareLink),
    }
    let body = chars.as_str();
    // Base64 of more than the limit cannot inflate to less than nothing; bound the input too.
    if body.len() > MAX_IMPORT_BYTES {
        return Err(ShareError::TooLarge);
    }
    let packed = base64url_decode(body).ok_or(ShareError::BadEncoding)?;
    let bytes = decompress_to_vec_with_limit(&packed, MAX_IMPORT_BYTES).map_err(|e| {
        if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
            ShareError::TooLarge
        } else {
            ShareError::BadCompression
        }
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::BadCompression)?;
    draft::from_json(&text).map_err(ShareError::Draft)
}

/// The link as a QR code, drawn as a self-contained SVG (dark modules on white, quiet zone).
pub fn qr_svg(link: &str) -> Result<String, QrError> {
    let too_long = QrError::TooLong {
        chars: link.chars().count(),
        limit: MAX_QR_LINK,
    };
    if link.len() > MAX_QR_LINK {
        return Err(too_long);
    }
    let code = byte_mode_code(link.as_bytes()).ok_or(too_long)?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::new();
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (x, y) = (i % width + quiet, i / width + quiet);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// The smallest QR code holding `data` in byte mode, at error-correction level L. A link is
/// lower-case text, so QR's numeric and alphanumeric modes would not shorten it much; skipping
/// the optimal segmentation makes the encoder 1.7 KB (brotli) smaller in the app's wasm.
fn byte_mode_code(data: &[u8]) -> Option<QrCode> {
    (1..=40).find_map(|v| {
        let mut bits = qrcode::bits::Bits::new(qrcode::Version::Normal(v));
        bits.push_byte_data(data).ok()?;
        bits.push_terminator(EcLevel::L).ok()?;
        QrCode::with_bits(bits, EcLevel::L).ok()
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let emit = chunk.len() + 1;
        for i in 0..emit {
            let idx = ((n >> (18 - 6 * i)) & 63) as usize;
            out.push(char::from(ALPHABET[idx]));
        }
    }
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A single leftover character (6 bits) cannot come from whole bytes.
    if bits >= 6 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Draft {
        let mut d = Draft::new("local-id", "QD26-09", 1_700_000_000_000);
        d.title = "Nước mắm <script>alert(1)</script> & \"quotes\"".into();
        d.product.name = "Nước mắm cá cơm 40 độ đạm".into();
        d.producer.name = "HTX Hải sản Phú Quốc".into();
        d.producer.phone = "0912345678".into();
        for (i, code) in ["1.1", "1.2", "1.3", "2.1", "4.1", "5.1", "6.1"]
            .iter()
            .enumerate()
        {
            d.responses
                .answers
                .insert(code.to_string(), (i % 3 + 1) as u8);
        }
        d.evidence
            .insert("1.1".into(), "Hợp đồng mua cá với 12 tàu".into());
        d
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..70u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(n)).collect();
            let mut s = String::new();
            base64url_encode(&bytes, &mut s);
            assert!(!s.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&s).as_deref(), Some(&bytes[..]), "{n}");
        }
        assert_eq!(base64url_decode("A"), None);
        assert_eq!(base64url_decode("ab$c"), None);
    }

    #[test]
    fn a_draft_survives_the_link() {
        let d = sample();
        let frag = encode(&d, Content::Everything);
        assert!(frag.starts_with("d=1"));
        assert!(is_share_fragment(&format!("#{frag}")));
        let back = decode(&format!("#{frag}")).expect("decodes");
        assert_eq!(back.responses, d.responses);
        assert_eq!(back.title, d.title);
        assert_eq!(back.producer.phone, "0912345678");
        assert_eq!(
            back.id, d.id,
            "the id travels: a second link can update the first"
        );
        let lean = decode(&encode(&d, Content::WithoutContactDetails)).expect("decodes");
        assert_eq!(lean.producer.name, d.producer.name);
        assert_eq!(lean.producer.phone, "");
        assert!(
            frag.len() < 800,
            "a typical draft makes a short link: {}",
            frag.len()
        );
    }

    #[test]
    fn a_link_says_how_it_fares_and_leaves_the_figures_out_without_contacts() {
        let mut d = sample();
        d.report.revenue_last = "1.500".into();
        d.report.history = "Năm 2015".into();
        let lean = what_goes(&d, Content::WithoutContactDetails);
        assert_eq!(lean.report.revenue_last.as_str(), "");
        assert_eq!(lean.report.history, "Năm 2015");
        assert_eq!(what_goes(&d, Content::Everything).report, d.report);
        let frag = encode(&d, Content::Everything);
        assert_eq!(link_fit(&frag, 100), LinkFit::Qr);
        assert_eq!(link_fit(&frag, MAX_QR_LINK + 1), LinkFit::NoQr);
        assert_eq!(link_fit(&frag, MAX_CHAT_LINK + 1), LinkFit::LongForChat);
        // Notes of incompressible text past the import limit once inflated: the link would not
        // open, and says so.
        let mut x: u32 = 7;
        for code in 0..45 {
            let text: String = (0..draft::MAX_FIELD_CHARS)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    char::from_u32(0x4E00 + x % 20_000).unwrap_or('字')
                })
                .collect();
            d.evidence
                .insert(format!("{}.{}", code / 9 + 1, code % 9 + 1), text);
        }
        let frag = encode(&d, Content::Everything);
        assert_eq!(decode(&frag), Err(ShareError::TooLarge));
        assert_eq!(link_fit(&frag, frag.len()), LinkFit::TooLarge);
    }

    #[test]
    fn damaged_links_give_typed_errors() {
        let frag = encode(&sample(), Content::Everything);
        assert_eq!(decode(""), Err(ShareError::NotAShareLink));
        assert_eq!(decode("#x=1abc"), Err(ShareError::NotAShareLink));
        assert_eq!(
            decode("#d=9abc"),
            Err(ShareError::UnsupportedVersion("9".into()))
        );
        assert_eq!(decode("#d=1ab$"), Err(ShareError::BadEncoding));
        assert_eq!(
            decode(&frag[..frag.len() / 2]),
            Err(ShareError::BadCompression)
        );
        // Valid DEFLATE of something that is not a draft.
        let mut s = String::from("d=1");
        base64url_encode(&compress_to_vec(b"{\"format\":\"nope\"}", 6), &mut s);
        assert!(matches!(decode(&s), Err(ShareError::Draft(_))));
        // A zip bomb: 5 MB of spaces compresses to a few KB, and is refused.
        let mut s = String::from("d=1");
        base64url_encode(&compress_to_vec(&vec![b' '; 5_000_000], 9), &mut s);
        assert_eq!(decode(&s), Err(ShareError::TooLarge));
    }

    #[test]
    fn qr_code_for_a_link_and_refusal_when_too_long() {
        let link = format!(
            "https://example.vn/ocop/#{}",
            encode(&sample(), Content::Everything)
        );
        let svg = qr_svg(&link).expect("fits");
        assert!(svg.starts_with("<svg") && svg.contains("<path"));
        let long = "x".repeat(MAX_QR_LINK + 1);
        assert!(matches!(qr_svg(&long), Err(QrError::TooLong { .. })));
    }
}
