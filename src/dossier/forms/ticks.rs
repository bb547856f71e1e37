//! The tick boxes of Mẫu 02 Part I item 8 (c) and (d), and which of them a producer's declaration
//! ticks: the one place that decides "this declaration names a food-safety certificate", so
//! that the boxes agree with the "Kê khai" line printed under them.

use crate::draft::is_blank;
use crate::lang::fold_diacritics;

/// A tick box of Mẫu 02 Part I item 8 (c) or (d): its words, and the words of a declaration that
/// tick it (lower case). A box with no words is "other": ticked when the declaration says
/// something that ticks none of the boxes before it.
pub(super) struct TickBox {
    pub(super) vi: &'static str,
    pub(super) en: &'static str,
    keys: &'static [&'static str],
    /// Phrases removed before looking for `keys` (a collective mark is not a trademark).
    except: &'static [&'static str],
}

/// The "other" box of item 8 (c): ticked when the declaration names none of the boxes before it.
const OTHER_CONDITION: TickBox = TickBox {
    vi: "Khác (ghi rõ tại phần kê khai)",
    en: "Other (see the declaration)",
    keys: &[],
    except: &[],
};

pub(super) const CONDITION_BOXES: [TickBox; 3] = [
    TickBox {
        vi: "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
        en: "Food-safety facility eligibility certificate",
        keys: &["an toàn thực phẩm", "attp", "food safety", "food-safety"],
        except: &[],
    },
    TickBox {
        vi: "Giấy chứng nhận đủ điều kiện sản xuất (đối với sản phẩm pháp luật yêu cầu)",
        en: "Production-condition certificate (where the law requires one)",
        keys: &[
            "điều kiện sản xuất",
            "production condition",
            "production-condition",
        ],
        except: &[],
    },
    OTHER_CONDITION,
];

/// Item 8 (c) for the tourism set: a service is licensed, not certified as a production facility.
pub(super) const TOURISM_CONDITION_BOXES: [TickBox; 2] = [
    TickBox {
        vi: "Giấy phép kinh doanh dịch vụ du lịch / quyết định công nhận điểm du lịch",
        en: "Tourism business licence / decision recognising the tourist site",
        keys: &[
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
    },
    OTHER_CONDITION,
];

pub(super) const IP_BOXES: [TickBox; 6] = [
    TickBox {
        vi: "Giấy chứng nhận đăng ký nhãn hiệu",
        en: "Trademark certificate",
        keys: &["nhãn hiệu", "thương hiệu", "trademark", "trade mark"],
        except: &[
            "nhãn hiệu tập thể",
            "nhãn hiệu chứng nhận",
            "collective mark",
            "certification mark",
        ],
    },
    TickBox {
        vi: "Quyền sử dụng chỉ dẫn địa lý / nhãn hiệu tập thể / nhãn hiệu chứng nhận",
        en: "Right to use a geographical indication / collective / certification mark",
        keys: &[
            "chỉ dẫn địa lý",
            "nhãn hiệu tập thể",
            "nhãn hiệu chứng nhận",
            "geographical indication",
            "collective mark",
            "certification mark",
        ],
        except: &[],
    },
    TickBox {
        vi: "Bằng độc quyền sáng chế / giải pháp hữu ích",
        en: "Patent / utility solution",
        keys: &[
            "sáng chế",
            "giải pháp hữu ích",
            "patent",
            "utility solution",
        ],
        except: &[],
    },
    TickBox {
        vi: "Kiểu dáng công nghiệp",
        en: "Industrial design",
        keys: &["kiểu dáng", "industrial design"],
        except: &[],
    },
    TickBox {
        vi: "Quyền tác giả",
        en: "Copyright",
        keys: &["quyền tác giả", "bản quyền", "copyright"],
        except: &[],
    },
    TickBox {
        vi: "Khác",
        en: "Other",
        keys: &[],
        except: &[],
    },
];

/// Words that make a clause of a declaration say "not (yet)": "chưa có …", "đang làm thủ tục …".
const NOT_YET: [&str; 11] = [
    "chưa",
    "không",
    "đang làm",
    "đang chờ",
    "đang xin",
    "đang đăng ký",
    "none",
    "no ",
    "not ",
    "pending",
    "applying",
];

/// Which of `boxes` the producer's declaration ticks. The text is read clause by clause (split at
/// commas, semicolons and line breaks); a clause that starts with, or contains "chưa có" / "đang
/// …", is a "not (yet)" and ticks nothing. A keyless "other" box is ticked when some clause says
/// something yet no other box is ticked. Empty text ticks nothing.
pub(super) fn declared_ticks(text: &str, boxes: &[TickBox]) -> Vec<bool> {
    // Compared without diacritics and case: producers often type without them on a phone.
    let fold = fold_diacritics;
    let lower = fold(text);
    let clauses: Vec<&str> = lower
        .split([',', ';', '\n'])
        .map(|c| c.trim_matches(|ch: char| ch.is_whitespace() || ch == '-' || ch == '.'))
        .filter(|c| !is_blank(c))
        .filter(|c| {
            !NOT_YET.iter().any(|w| c.starts_with(&fold(w)))
                && !["chưa có", "chưa được", "đang làm", "đang chờ"]
                    .iter()
                    .any(|w| c.contains(&fold(w)))
        })
        .collect();
    let mut ticks: Vec<bool> = boxes
        .iter()
        .map(|b| {
            !b.keys.is_empty()
                && clauses.iter().any(|c| {
                    let mut c = (*c).to_string();
                    for e in b.except {
                        c = c.replace(&fold(e), " ");
                    }
                    b.keys.iter().any(|k| c.contains(&fold(k)))
                })
        })
        .collect();
    let any = ticks.iter().any(|t| *t);
    for (b, t) in boxes.iter().zip(ticks.iter_mut()) {
        if b.keys.is_empty() {
            *t = !any && !clauses.is_empty();
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
        assert_eq!(c(""), [false, false, false]);
        assert_eq!(c(" \u{200B}"), [false, false, false]);
        assert_eq!(
            c("Giấy chứng nhận cơ sở đủ điều kiện ATTP số 12/2024"),
            [true, false, false]
        );
        assert_eq!(
            c("Giấy chứng nhận đủ điều kiện sản xuất rượu; Giấy ATTP"),
            [true, true, false]
        );
        assert_eq!(c("VietGAP, ISO 22000"), [false, false, true]);
        assert_eq!(c("ATTP số 5, ISO 22000"), [true, false, false]);
        assert_eq!(c("Chưa có"), [false, false, false]);
        // Typed without diacritics, as on many phones.
        assert_eq!(
            c("giay chung nhan co so du dieu kien an toan thuc pham"),
            [true, false, false]
        );
        assert_eq!(c("chua co giay ATTP"), [false, false, false]);
        assert_eq!(
            ip("nhan hieu tap the Che Tan Cuong"),
            [false, true, false, false, false, false]
        );
        assert_eq!(c("Đang làm thủ tục cấp giấy ATTP"), [false, false, false]);
        assert_eq!(
            c("VietGAP; chưa có giấy chứng nhận ATTP"),
            [false, false, true]
        );
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
        assert_eq!(
            ip("Mã số mã vạch GS1"),
            [false, false, false, false, false, true]
        );
        assert_eq!(ip("Không có"), [false, false, false, false, false, false]);
        let t = |s: &str| declared_ticks(s, &TOURISM_CONDITION_BOXES);
        assert_eq!(
            t("Giấy phép kinh doanh dịch vụ du lịch số 12"),
            [true, false]
        );
        assert_eq!(
            t("Quyết định công nhận điểm du lịch số 5/QĐ-UBND"),
            [true, false]
        );
        assert_eq!(t("quyet dinh cong nhan diem du lich"), [true, false]);
        assert_eq!(t("Chứng nhận cơ sở lưu trú đạt chuẩn"), [false, true]);
        assert_eq!(t("Chưa có giấy phép kinh doanh"), [false, false]);
    }
}
