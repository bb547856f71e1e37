//! The tick boxes of Mẫu 02 Part I item 7 (c) and (d), worded as printed, and which of them a
//! producer's declaration (the details "Giấy chứng nhận, điều kiện sản xuất" and "Sở hữu trí
//! tuệ") ticks: the one place that decides "this declaration names a food-safety certificate".

use crate::draft::is_blank;
use crate::lang::fold_diacritics;

/// A tick box of Mẫu 02 Part I item 7 (c) or (d): its words as printed (the box follows them),
/// and the words of a declaration that tick it (lower case). A box with no words is "other": ticked when the declaration says
/// something that ticks none of the boxes before it.
pub(super) struct TickBox {
    pub(super) vi: &'static str,
    pub(super) en: &'static str,
    keys: &'static [&'static str],
    /// Phrases removed before looking for `keys` (a collective mark is not a trademark).
    except: &'static [&'static str],
    /// "Khác (ghi rõ)": ticked only by a clause that ticks no other box.
    fallback: bool,
}

/// Item 7 (c) of Mẫu 02 Part I as printed: the two certificates of production conditions. A
/// tourism service's licence or recognition as a tourist site is the condition the law makes
/// compulsory for it, so it ticks the second box.
pub(super) const CONDITION_BOXES: [TickBox; 2] = [
    TickBox {
        vi: "- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho sản xuất sản phẩm: ",
        en: "- Certificate of a facility meeting the food hygiene and safety conditions required by law for making the product: ",
        keys: &["an toàn thực phẩm", "attp", "food safety", "food-safety"],
        except: &[],
        fallback: false,
    },
    TickBox {
        vi: "- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản phẩm (đối với các sản phẩm bắt buộc theo quy định) ",
        en: "- Certificate of a facility meeting the production conditions compulsory for the product (for products where they are compulsory) ",
        keys: &[
            "điều kiện sản xuất",
            "production condition",
            "production-condition",
            "giấy phép kinh doanh",
            "kinh doanh dịch vụ du lịch",
            "kinh doanh dịch vụ lữ hành",
            "công nhận điểm du lịch",
            "điểm du lịch",
            "business licence",
            "business license",
            "tourism licence",
            "tourism license",
            "tourist site",
        ],
        except: &[],
        fallback: false,
    },
];

/// Item 7 (d) of Mẫu 02 Part I as printed; the last box ("Khác (ghi rõ)") is ticked by another
/// title of intellectual property that ticks none of the others.
pub(super) const IP_BOXES: [TickBox; 6] = [
    TickBox {
        vi: "+ Giấy chứng nhận đăng ký nhãn hiệu: ",
        en: "+ Trademark registration certificate: ",
        keys: &["nhãn hiệu", "thương hiệu", "trademark", "trade mark"],
        except: &[
            "nhãn hiệu tập thể",
            "nhãn hiệu chứng nhận",
            "collective mark",
            "certification mark",
        ],
        fallback: false,
    },
    TickBox {
        vi: "+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận: ",
        en: "+ Document granting the right to use a geographical indication, collective mark or certification mark: ",
        keys: &[
            "chỉ dẫn địa lý",
            "nhãn hiệu tập thể",
            "nhãn hiệu chứng nhận",
            "geographical indication",
            "collective mark",
            "certification mark",
        ],
        except: &[],
        fallback: false,
    },
    TickBox {
        vi: "+ Bằng sáng chế ",
        en: "+ Patent ",
        keys: &["sáng chế", "patent"],
        except: &[],
        fallback: false,
    },
    TickBox {
        vi: "+ Bằng độc quyền kiểu dáng công nghiệp: ",
        en: "+ Industrial design patent: ",
        keys: &["kiểu dáng", "industrial design"],
        except: &[],
        fallback: false,
    },
    TickBox {
        vi: "+ Giấy chứng nhận bản quyền tác giả ",
        en: "+ Copyright registration certificate ",
        keys: &["quyền tác giả", "bản quyền", "copyright"],
        except: &[],
        fallback: false,
    },
    TickBox {
        vi: "+ Khác (ghi rõ):",
        en: "+ Other (specify):",
        // Other titles of industrial property (Luật Sở hữu trí tuệ): not a barcode or a
        // traceability stamp, which are no intellectual property.
        keys: &[
            "giải pháp hữu ích",
            "utility solution",
            "giống cây trồng",
            "plant variety",
            "bí mật kinh doanh",
            "trade secret",
            "thiết kế bố trí",
            "văn bằng",
            "bằng độc quyền",
            "sở hữu trí tuệ",
            "intellectual property",
        ],
        except: &[],
        fallback: true,
    },
];

/// Words (with their diacritics, as whole words) that make a clause of a declaration say "not
/// (yet)", or name something that is not the certificate itself: "chưa có …", "đang làm thủ tục
/// …", "đơn đăng ký … đã nộp" (an application), "bản cam kết …" (an undertaking, not a
/// certificate). Such a clause ticks nothing: a box the producer signs as true must not be ticked
/// on a guess.
const NOT_YET_WORDS: [&str; 8] = [
    "chưa",
    "đang",
    "đơn đăng ký",
    "đơn xin",
    "nộp đơn",
    "cam kết",
    "không",
    "chờ",
];

/// The same, typed without diacritics (compared on the folded clause, as phrases: "dang" alone
/// is also "đăng" of "đăng ký").
const NOT_YET_FOLDED: [&str; 15] = [
    "chua ",
    "dang lam",
    "dang cho",
    "dang xin",
    "dang doi",
    "don dang ky",
    "cam ket",
    "khong co",
    "none",
    "no ",
    "not ",
    "pending",
    "applying",
    "application",
    "undertaking",
];

/// Whether `word` occurs in `text` as a whole word (or words).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Which of `boxes` the producer's declaration ticks. The text is read clause by clause (split at
/// commas, semicolons and line breaks); a clause that says "not (yet)" or names an application
/// or an undertaking ([`NOT_YET_WORDS`]) ticks nothing. A box with `fallback` ("Khác (ghi rõ)")
/// is ticked by a clause that names one of its keys and ticks no other box. Empty text ticks
/// nothing.
pub(super) fn declared_ticks(text: &str, boxes: &[TickBox]) -> Vec<bool> {
    // Compared without diacritics and case: producers often type without them on a phone.
    let fold = fold_diacritics;
    let lower = text.to_lowercase();
    let clauses: Vec<String> = lower
        .split([',', ';', '\n'])
        .map(|c| c.trim_matches(|ch: char| ch.is_whitespace() || ch == '-' || ch == '.'))
        .filter(|c| !is_blank(c))
        .filter(|c| {
            let folded = fold(c);
            !NOT_YET_WORDS.iter().any(|w| has_word(c, w))
                && !NOT_YET_FOLDED
                    .iter()
                    .any(|w| folded.starts_with(w) || folded.contains(&format!(" {w}")))
        })
        .map(&fold)
        .collect();
    let matches = |b: &TickBox, c: &str| {
        let mut c = c.to_string();
        for e in b.except {
            c = c.replace(&fold(e), " ");
        }
        b.keys.iter().any(|k| c.contains(&fold(k)))
    };
    let mut ticks = vec![false; boxes.len()];
    for c in &clauses {
        let mut named = false;
        for (b, t) in boxes.iter().zip(ticks.iter_mut()) {
            if !b.fallback && matches(b, c) {
                *t = true;
                named = true;
            }
        }
        if !named {
            for (b, t) in boxes.iter().zip(ticks.iter_mut()) {
                if b.fallback && matches(b, c) {
                    *t = true;
                }
            }
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_tick_the_boxes_they_name() {
        let c = |t: &str| declared_ticks(t, &CONDITION_BOXES);
        let ip = |t: &str| declared_ticks(t, &IP_BOXES);
        assert_eq!(c(""), [false, false]);
        assert_eq!(c(" \u{200B}"), [false, false]);
        assert_eq!(
            c("Giấy chứng nhận cơ sở đủ điều kiện ATTP số 12/2024"),
            [true, false]
        );
        assert_eq!(
            c("Giấy chứng nhận đủ điều kiện sản xuất rượu; Giấy ATTP"),
            [true, true]
        );
        assert_eq!(c("VietGAP, ISO 22000"), [false, false]);
        assert_eq!(c("ATTP số 5, ISO 22000"), [true, false]);
        assert_eq!(c("Chưa có"), [false, false]);
        // Typed without diacritics, as on many phones.
        assert_eq!(
            c("giay chung nhan co so du dieu kien an toan thuc pham"),
            [true, false]
        );
        assert_eq!(c("chua co giay ATTP"), [false, false]);
        assert_eq!(
            ip("nhan hieu tap the Che Tan Cuong"),
            [false, true, false, false, false, false]
        );
        assert_eq!(c("Đang làm thủ tục cấp giấy ATTP"), [false, false]);
        assert_eq!(c("VietGAP; chưa có giấy chứng nhận ATTP"), [false, false]);
        assert_eq!(
            ip("Nhãn hiệu “Mận Tân Lập” số 456789"),
            [true, false, false, false, false, false]
        );
        assert_eq!(
            ip("Được sử dụng nhãn hiệu tập thể “Chè Tân Cương”"),
            [false, true, false, false, false, false]
        );
        assert_eq!(
            ip("Nhãn hiệu số 1234, chỉ dẫn địa lý Phú Quốc, kiểu dáng công nghiệp số 9"),
            [true, true, false, true, false, false]
        );
        // A barcode is no intellectual property.
        assert_eq!(
            ip("Mã số mã vạch GS1"),
            [false, false, false, false, false, false]
        );
        // An application, an undertaking, a brand not yet protected: nothing ticked.
        assert_eq!(
            ip("Thương hiệu Mận Tân Lập (chưa đăng ký bảo hộ), đơn đăng ký nhãn hiệu số 4-2025-123 đã nộp"),
            [false; 6]
        );
        assert_eq!(ip("don dang ky nhan hieu da nop"), [false; 6]);
        assert_eq!(c("Bản cam kết bảo đảm an toàn thực phẩm"), [false, false]);
        assert_eq!(c("cam ket ATTP"), [false, false]);
        // Whole words and phrases only: "chuẩn" is not "chưa", "đơn vị" is not an application.
        assert_eq!(
            c("Chứng nhận cơ sở đạt chuẩn điều kiện sản xuất"),
            [false, true]
        );
        assert_eq!(c("giay ATTP dat chuan"), [true, false]);
        assert_eq!(c("Giấy chứng nhận ATTP do đơn vị X cấp"), [true, false]);
        // "đăng ký" is not "đang": a registered trademark ticks its box.
        assert_eq!(
            ip("Giấy chứng nhận đăng ký nhãn hiệu số 456789"),
            [true, false, false, false, false, false]
        );
        assert_eq!(
            ip("giay chung nhan dang ky nhan hieu so 456789"),
            [true, false, false, false, false, false]
        );
        assert_eq!(ip("Không có"), [false, false, false, false, false, false]);
        // A tourism service's licence is its compulsory condition (the second box).
        assert_eq!(
            c("Giấy phép kinh doanh dịch vụ du lịch số 12"),
            [false, true]
        );
        assert_eq!(
            c("Quyết định công nhận điểm du lịch số 5/QĐ-UBND"),
            [false, true]
        );
        assert_eq!(c("quyet dinh cong nhan diem du lich"), [false, true]);
        assert_eq!(c("Chưa có giấy phép kinh doanh"), [false, false]);
        assert_eq!(
            ip("Bằng độc quyền giải pháp hữu ích số 3"),
            [false, false, false, false, false, true]
        );
    }
}
