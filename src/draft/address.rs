//! What the forms read from the producer's address: the province or centrally-run city (Mẫu 01's
//! "của tỉnh …", the place of the signature line, Mẫu 03's "đề nghị Ủy ban nhân dân tỉnh …") and
//! the commune (Mẫu 03's header and proposal). One reader for every form, so they agree.
//!
//! The units are those in force since 1 July 2025 (Nghị quyết 202/2025/QH15: 34 provinces and
//! cities; communes, wards and special zones without districts). An address naming a province
//! merged away is printed as written but flagged in the working copy.

use super::is_blank;
use crate::lang::fold_diacritics;

/// A province (tỉnh) or a centrally-run city (thành phố trực thuộc trung ương).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProvinceKind {
    Province,
    City,
}

impl ProvinceKind {
    /// "tỉnh" or "thành phố", as written before the name.
    pub fn word(self) -> &'static str {
        match self {
            ProvinceKind::Province => "tỉnh",
            ProvinceKind::City => "thành phố",
        }
    }
}

/// The 6 centrally-run cities in force.
pub const CITIES: [&str; 6] = [
    "Hà Nội",
    "Huế",
    "Hải Phòng",
    "Đà Nẵng",
    "Hồ Chí Minh",
    "Cần Thơ",
];

/// The 28 provinces in force.
pub const PROVINCES: [&str; 28] = [
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
];

/// Provinces that no longer exist after the 2025 reorganisation (merged into others).
pub const FORMER_PROVINCES: [&str; 29] = [
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
    "Bà Rịa - Vũng Tàu",
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

/// The province part of an address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Province {
    pub kind: ProvinceKind,
    /// The name, spelled as in the lists above when it is one of them, else as written.
    pub name: String,
    /// Whether it is a unit in force (not merged away in 2025).
    pub current: bool,
}

impl Province {
    /// "tỉnh Lào Cai", "thành phố Hồ Chí Minh".
    pub fn full(&self) -> String {
        format!("{} {}", self.kind.word(), self.name)
    }
}

/// The commune part of an address: "xã", "phường" or "đặc khu", and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commune {
    pub kind: String,
    pub name: String,
}

/// The parts of an address, split at commas, semicolons, line breaks and " - ".
fn parts(address: &str) -> Vec<&str> {
    address
        .split([',', ';', '\n'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !is_blank(p))
        .collect()
}

/// `part` without its leading `prefix` (compared without case), by characters.
fn strip_word<'a>(part: &'a str, prefix: &str) -> Option<&'a str> {
    let lower = part.to_lowercase();
    if !lower.starts_with(prefix) {
        return None;
    }
    let n = prefix.chars().count();
    let at = part.char_indices().nth(n).map_or(part.len(), |(i, _)| i);
    let rest = part.get(at..)?.trim();
    (!is_blank(rest)).then_some(rest)
}

fn same(a: &str, b: &str) -> bool {
    let f = |s: &str| {
        fold_diacritics(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    f(a) == f(b)
}

/// The province or city an address names, read from its last parts ("…, tỉnh Lào Cai",
/// "…, TP. Hồ Chí Minh", "…, Hà Nội"; a trailing "Việt Nam" is skipped). `None` when no part
/// names one: a name without "tỉnh"/"thành phố" is taken only when it is a unit in force or a
/// former province.
pub fn province_of(address: &str) -> Option<Province> {
    let parts = parts(address);
    let last = parts
        .iter()
        .rev()
        .find(|p| !same(p, "Việt Nam") && !same(p, "Vietnam"))?;
    let known = |name: &str| -> Option<Province> {
        if let Some(c) = CITIES.iter().find(|c| same(c, name)) {
            return Some(Province {
                kind: ProvinceKind::City,
                name: (*c).to_string(),
                current: true,
            });
        }
        if let Some(p) = PROVINCES.iter().find(|p| same(p, name)) {
            return Some(Province {
                kind: ProvinceKind::Province,
                name: (*p).to_string(),
                current: true,
            });
        }
        FORMER_PROVINCES
            .iter()
            .find(|p| same(p, name))
            .map(|p| Province {
                kind: ProvinceKind::Province,
                name: (*p).to_string(),
                current: false,
            })
    };
    let clip = |s: &str| -> String { s.chars().take(60).collect() };
    for prefix in ["thành phố ", "tp. ", "tp.", "tp "] {
        if let Some(name) = strip_word(last, prefix) {
            return Some(known(name).unwrap_or(Province {
                kind: ProvinceKind::City,
                name: clip(name),
                current: false,
            }));
        }
    }
    if let Some(name) = strip_word(last, "tỉnh ") {
        return Some(known(name).unwrap_or(Province {
            kind: ProvinceKind::Province,
            name: clip(name),
            current: false,
        }));
    }
    known(last)
}

/// The commune an address names: the part that starts with "xã", "phường" or "đặc khu" (any
/// case): "Thôn 3, xã Tân Lập, tỉnh Lào Cai" → xã Tân Lập.
pub fn commune_of(address: &str) -> Option<Commune> {
    for part in parts(address) {
        for kind in ["xã ", "phường ", "đặc khu "] {
            if let Some(name) = strip_word(part, kind) {
                return Some(Commune {
                    kind: kind.trim().to_string(),
                    name: name.chars().take(60).collect(),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &str) -> Option<(ProvinceKind, String, bool)> {
        province_of(a).map(|p| (p.kind, p.name, p.current))
    }

    #[test]
    fn provinces_and_cities_are_read_whatever_the_writing() {
        use ProvinceKind::*;
        let lao_cai = Some((Province, "Lào Cai".to_string(), true));
        assert_eq!(p("Thôn 3, xã Tân Lập, tỉnh Lào Cai"), lao_cai);
        assert_eq!(p("Thôn 3 - xã Tân Lập - TỈNH LÀO CAI"), lao_cai);
        assert_eq!(p("Thôn 3, xã Tân Lập, Lào Cai, Việt Nam"), lao_cai);
        assert_eq!(
            p("xa Tan Lap, tinh Lao Cai"),
            None,
            "'tinh' without its mark"
        );
        assert_eq!(p("xa Tan Lap, Lao Cai"), lao_cai);
        let hcm = Some((City, "Hồ Chí Minh".to_string(), true));
        assert_eq!(p("12 Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh"), hcm);
        assert_eq!(p("12 Lê Lợi, P. Bến Thành, TP. Hồ Chí Minh"), hcm);
        assert_eq!(p("TP Hồ Chí Minh"), hcm);
        assert_eq!(
            p("Làng nghề Phú Vinh, xã Ví Dụ, Hà Nội"),
            Some((City, "Hà Nội".to_string(), true))
        );
        assert_eq!(
            p("thôn 5, huyện Văn Chấn, tỉnh Yên Bái"),
            Some((Province, "Yên Bái".to_string(), false))
        );
        assert_eq!(
            p("tỉnh Đâu Đó"),
            Some((Province, "Đâu Đó".to_string(), false))
        );
        assert_eq!(p("Thôn 3, xã Tân Lập"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("Việt Nam"), None);
        assert_eq!(CITIES.len() + PROVINCES.len(), 34);
    }

    #[test]
    fn the_commune_is_read_from_the_address() {
        let c = |a: &str| commune_of(a).map(|c| (c.kind, c.name));
        assert_eq!(
            c("Thôn 3, xã Tân Lập, tỉnh Lào Cai"),
            Some(("xã".into(), "Tân Lập".into()))
        );
        assert_eq!(
            c("12 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh"),
            Some(("phường".into(), "Bến Thành".into()))
        );
        assert_eq!(
            c("Thôn 3 - XÃ TÂN LẬP - tỉnh Lào Cai"),
            Some(("xã".into(), "TÂN LẬP".into()))
        );
        assert_eq!(
            c("đặc khu Phú Quốc, An Giang"),
            Some(("đặc khu".into(), "Phú Quốc".into()))
        );
        assert_eq!(c("Hà Nội"), None);
        assert_eq!(c("xã "), None);
    }
}
