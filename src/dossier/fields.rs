//! The producer's and product's details that the two forms need: which are still empty
//! ("cần bổ sung"), and friendly checks of phone numbers, e-mail addresses and dates.
//!
//! Nothing here is required while the producer fills in the draft; the dossier lists whatever is
//! missing or doubtful, and the UI can show the same list beside the form.

use crate::draft::Draft;
use crate::i18n::Lang;

/// A detail asked by Mẫu 01 or Mẫu 02 Part I, in the order the forms ask for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    ProducerName,
    OrganisationType,
    Address,
    Phone,
    Email,
    RepresentativeName,
    RepresentativeTitle,
    RepresentativeGender,
    RepresentativeEthnicity,
    RepresentativeDisability,
    RepresentativeAddress,
    RegistrationNumber,
    RegistrationDate,
    ProductName,
    Specification,
    Standard,
    Certificates,
    IntellectualProperty,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 18] = [
        Field::ProducerName,
        Field::OrganisationType,
        Field::Address,
        Field::Phone,
        Field::Email,
        Field::RepresentativeName,
        Field::RepresentativeTitle,
        Field::RepresentativeGender,
        Field::RepresentativeEthnicity,
        Field::RepresentativeDisability,
        Field::RepresentativeAddress,
        Field::RegistrationNumber,
        Field::RegistrationDate,
        Field::ProductName,
        Field::Specification,
        Field::Standard,
        Field::Certificates,
        Field::IntellectualProperty,
    ];

    /// The field's path in the draft interchange format (`producer.phone`, `product.name`), for
    /// the UI to focus the right input.
    pub fn key(self) -> &'static str {
        match self {
            Field::ProducerName => "producer.name",
            Field::OrganisationType => "producer.organisation_type",
            Field::Address => "producer.address",
            Field::Phone => "producer.phone",
            Field::Email => "producer.email",
            Field::RepresentativeName => "producer.representative_name",
            Field::RepresentativeTitle => "producer.representative_title",
            Field::RepresentativeGender => "producer.representative_gender",
            Field::RepresentativeEthnicity => "producer.representative_ethnicity",
            Field::RepresentativeDisability => "producer.representative_disability",
            Field::RepresentativeAddress => "producer.representative_address",
            Field::RegistrationNumber => "producer.registration_number",
            Field::RegistrationDate => "producer.registration_date",
            Field::ProductName => "product.name",
            Field::Specification => "product.specification",
            Field::Standard => "product.standard",
            Field::Certificates => "product.certificates",
            Field::IntellectualProperty => "product.intellectual_property",
        }
    }

    /// The label as the forms word it (Vietnamese) or its English gloss.
    pub fn label(self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Field::ProducerName => ("Tên chủ thể", "Name of the producer"),
            Field::OrganisationType => ("Loại hình tổ chức", "Type of organisation"),
            Field::Address => ("Địa chỉ liên hệ", "Contact address"),
            Field::Phone => ("Điện thoại", "Phone"),
            Field::Email => ("Email", "E-mail"),
            Field::RepresentativeName => (
                "Họ và tên người đại diện theo pháp luật",
                "Legal representative",
            ),
            Field::RepresentativeTitle => ("Chức vụ", "Position"),
            Field::RepresentativeGender => ("Giới tính", "Gender"),
            Field::RepresentativeEthnicity => ("Dân tộc", "Ethnicity"),
            Field::RepresentativeDisability => ("Tình trạng khuyết tật", "Disability status"),
            Field::RepresentativeAddress => ("Địa chỉ thường trú", "Permanent address"),
            Field::RegistrationNumber => (
                "Số giấy chứng nhận đăng ký kinh doanh / mã số",
                "Business registration number",
            ),
            Field::RegistrationDate => (
                "Ngày thành lập / đăng ký kinh doanh",
                "Date of founding / registration",
            ),
            Field::ProductName => ("Tên sản phẩm", "Product name"),
            Field::Specification => ("Quy cách sản phẩm", "Product specification"),
            Field::Standard => ("Tiêu chuẩn áp dụng", "Standard applied"),
            Field::Certificates => (
                "Giấy chứng nhận, điều kiện sản xuất",
                "Certificates and production conditions",
            ),
            Field::IntellectualProperty => ("Sở hữu trí tuệ", "Intellectual property"),
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The draft's value of this field.
    pub fn value(self, d: &Draft) -> &str {
        let (p, q) = (&d.producer, &d.product);
        match self {
            Field::ProducerName => &p.name,
            Field::OrganisationType => &p.organisation_type,
            Field::Address => &p.address,
            Field::Phone => &p.phone,
            Field::Email => &p.email,
            Field::RepresentativeName => &p.representative_name,
            Field::RepresentativeTitle => &p.representative_title,
            Field::RepresentativeGender => &p.representative_gender,
            Field::RepresentativeEthnicity => &p.representative_ethnicity,
            Field::RepresentativeDisability => &p.representative_disability,
            Field::RepresentativeAddress => &p.representative_address,
            Field::RegistrationNumber => &p.registration_number,
            Field::RegistrationDate => &p.registration_date,
            Field::ProductName => &q.name,
            Field::Specification => &q.specification,
            Field::Standard => &q.standard,
            Field::Certificates => &q.certificates,
            Field::IntellectualProperty => &q.intellectual_property,
        }
    }
}

/// Whether a text says nothing: empty, or only whitespace and invisible characters.
pub fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// The fields of `d` that are still empty, in form order. This is the "cần bổ sung" list of the
/// dossier, and what the UI shows before download.
pub fn missing_fields(d: &Draft) -> Vec<Field> {
    Field::ALL
        .into_iter()
        .filter(|f| is_blank(f.value(d)))
        .collect()
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Empty: to be completed.
    Missing,
    Phone(PhoneError),
    Email(EmailError),
    Date(DateError),
}

/// A field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

/// Every missing field and every filled field that does not look right (phone, e-mail, date;
/// a registration date after `today`, when given), in form order.
/// [`check_fields`] for a draft of a product set: a tourism service (`tourism`, see
/// [`crate::dossier::is_tourism`]) declares no product standard, so an empty one is not missing
/// there (domain.md §7.1: the standard belongs to a product's quality declaration).
pub fn check_fields_for(d: &Draft, today: Option<Date>, tourism: bool) -> Vec<FieldProblem> {
    let mut problems = check_fields(d, today);
    if tourism {
        problems.retain(|p| !(p.field == Field::Standard && p.problem == Problem::Missing));
    }
    problems
}

pub fn check_fields(d: &Draft, today: Option<Date>) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    for field in Field::ALL {
        let v = field.value(d);
        let problem = if is_blank(v) {
            Some(Problem::Missing)
        } else {
            match field {
                Field::Phone => check_phone(v).err().map(Problem::Phone),
                Field::Email => check_email(v).err().map(Problem::Email),
                Field::RegistrationDate => match parse_date(v) {
                    Err(e) => Some(Problem::Date(e)),
                    Ok(date) if today.is_some_and(|t| date > t) => {
                        Some(Problem::Date(DateError::InFuture))
                    }
                    Ok(_) => None,
                },
                _ => None,
            }
        };
        if let Some(problem) = problem {
            out.push(FieldProblem { field, problem });
        }
    }
    out
}

impl Problem {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> &'static str {
        let (vi, en) = match self {
            Problem::Missing => ("cần bổ sung", "to be completed"),
            Problem::Phone(PhoneError::Empty) | Problem::Email(EmailError::Empty) => {
                ("cần bổ sung", "to be completed")
            }
            Problem::Phone(PhoneError::Characters) => (
                "số điện thoại chỉ gồm chữ số (có thể có +84, dấu cách, dấu chấm)",
                "a phone number has digits only (+84, spaces and dots allowed)",
            ),
            Problem::Phone(PhoneError::Length) => (
                "số điện thoại cần 10 chữ số bắt đầu bằng 0 (di động) hoặc 11 chữ số bắt đầu bằng 02 (cố định), hoặc +84…",
                "a phone number has 10 digits starting with 0 (mobile) or 11 starting with 02 (landline), or +84…",
            ),
            Problem::Phone(PhoneError::Prefix) => (
                "số điện thoại Việt Nam bắt đầu bằng 0 hoặc +84",
                "a Vietnamese phone number starts with 0 or +84",
            ),
            Problem::Email(EmailError::NoAt) => (
                "địa chỉ email cần có một dấu @",
                "an e-mail address needs one @",
            ),
            Problem::Email(EmailError::Spaces) => (
                "địa chỉ email không có dấu cách",
                "an e-mail address has no spaces",
            ),
            Problem::Email(EmailError::Domain) => (
                "phần sau dấu @ cần có dạng tenmien.vn",
                "the part after @ should look like domain.vn",
            ),
            Problem::Email(EmailError::TooLong) => ("địa chỉ email quá dài", "e-mail address too long"),
            Problem::Date(DateError::Empty) => ("cần bổ sung", "to be completed"),
            Problem::Date(DateError::Format) => (
                "ngày viết theo dạng ngày/tháng/năm, ví dụ 05/03/2021",
                "write the date as day/month/year, e.g. 05/03/2021",
            ),
            Problem::Date(DateError::OutOfRange) => ("ngày không tồn tại", "no such date"),
            Problem::Date(DateError::InFuture) => (
                "ngày đăng ký sau ngày hôm nay",
                "the registration date is after today",
            ),
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Phone

/// Why a phone number does not look Vietnamese.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    /// Letters or symbols other than `+ ( ) . - /` and spaces.
    Characters,
    /// Neither 0 nor +84 (or 0084) in front.
    Prefix,
    /// Wrong number of digits.
    Length,
}

/// A checked Vietnamese phone number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// National form, digits only: "0912345678", "02438251234".
    pub national: String,
}

impl Phone {
    /// International form: "+84912345678".
    pub fn international(&self) -> String {
        format!("+84{}", self.national.get(1..).unwrap_or(""))
    }

    /// Mobile numbers have 10 digits; landlines 11, starting with 02.
    pub fn is_mobile(&self) -> bool {
        self.national.len() == 10
    }
}

/// Check a Vietnamese phone number: 10 digits starting with 0 (mobile), 11 digits starting with
/// 02 (landline, area code 2xx), or the same after +84 / 0084 without the leading 0. Spaces, dots,
/// dashes, slashes and parentheses are ignored; "+84 (0) 912…" is accepted.
pub fn check_phone(s: &str) -> Result<Phone, PhoneError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(PhoneError::Empty);
    }
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in t.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '/' | '(' | ')' | '\u{a0}' => {}
            _ => return Err(PhoneError::Characters),
        }
    }
    let rest = if plus {
        digits.strip_prefix("84").ok_or(PhoneError::Prefix)?
    } else if let Some(r) = digits.strip_prefix("0084") {
        r
    } else if digits.starts_with('0') {
        &digits
    } else {
        return Err(PhoneError::Prefix);
    };
    // "+84 (0) 912…" or a 0 written after the country code.
    let national = if rest.starts_with('0') {
        rest.to_string()
    } else {
        format!("0{rest}")
    };
    let ok = match national.len() {
        10 => !national.starts_with("00"),
        11 => national.starts_with("02"),
        _ => false,
    };
    if ok {
        Ok(Phone { national })
    } else {
        Err(PhoneError::Length)
    }
}

// ---------------------------------------------------------------------------------------------
// E-mail

/// Why an e-mail address does not look right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    /// No `@`, more than one, or nothing before it.
    NoAt,
    Spaces,
    /// The part after `@` is not a domain name with a dot.
    Domain,
    TooLong,
}

/// Check that a text looks like an e-mail address (one `@`, something before it, a domain with a
/// dot after it, no spaces). Deliberately lenient: it catches typing mistakes, not RFC corners.
pub fn check_email(s: &str) -> Result<String, EmailError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(EmailError::Empty);
    }
    if t.chars().count() > 254 {
        return Err(EmailError::TooLong);
    }
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(EmailError::Spaces);
    }
    let mut parts = t.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(EmailError::NoAt);
    };
    if local.is_empty() {
        return Err(EmailError::NoAt);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) {
        return Err(EmailError::Domain);
    }
    Ok(t.to_string())
}

// ---------------------------------------------------------------------------------------------
// Dates

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    /// Neither dd/mm/yyyy nor yyyy-mm-dd.
    Format,
    /// No such day (31/02, month 13, year before 1900 or after 2100).
    OutOfRange,
    /// Later than today (only from [`check_fields`]).
    InFuture,
}

impl Date {
    /// A date, if it exists (years 1900–2100).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1900..=2100).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// "2026-11-29".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// "29/11/2026", as Vietnamese documents write dates.
    pub fn dmy(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// "ngày 29 tháng 11 năm 2026" / "29 November 2026", as a signature line words it. In
    /// Vietnamese administrative style (Nghị định 30/2020/NĐ-CP) a day below 10 and the months
    /// 1 and 2 take a leading zero: "ngày 05 tháng 3", "ngày 15 tháng 01", "ngày 15 tháng 12".
    pub fn long(self, lang: Lang) -> String {
        match lang {
            Lang::Vi => {
                let month = if self.month <= 2 {
                    format!("{:02}", self.month)
                } else {
                    self.month.to_string()
                };
                format!("ngày {:02} tháng {month} năm {}", self.day, self.year)
            }
            Lang::En => {
                const MONTHS: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                let m = MONTHS
                    .get(usize::from(self.month).saturating_sub(1))
                    .copied()
                    .unwrap_or("");
                format!("{} {m} {}", self.day, self.year)
            }
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.dmy())
    }
}

/// Read a date written as dd/mm/yyyy (also d/m/yyyy, with `-` or `.` between) or as ISO
/// yyyy-mm-dd (an ISO date-time is cut at the `T`).
pub fn parse_date(s: &str) -> Result<Date, DateError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DateError::Empty);
    }
    let t = t.split('T').next().unwrap_or(t);
    let parts: Vec<&str> = t.split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(DateError::Format);
    };
    let num = |x: &str, max_len: usize| -> Result<u16, DateError> {
        if x.is_empty() || x.len() > max_len || !x.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        x.parse().map_err(|_| DateError::Format)
    };
    let (y, m, d) = if a.len() == 4 {
        (num(a, 4)?, num(b, 2)?, num(c, 2)?)
    } else if c.len() == 4 {
        (num(c, 4)?, num(b, 2)?, num(a, 2)?)
    } else {
        return Err(DateError::Format);
    };
    let m = u8::try_from(m).map_err(|_| DateError::OutOfRange)?;
    let d = u8::try_from(d).map_err(|_| DateError::OutOfRange)?;
    Date::new(y, m, d).ok_or(DateError::OutOfRange)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        let ok = |s: &str| check_phone(s).map(|p| p.national);
        assert_eq!(ok("0912345678"), Ok("0912345678".into()));
        assert_eq!(ok("0912 345 678"), Ok("0912345678".into()));
        assert_eq!(ok("091.234.5678"), Ok("0912345678".into()));
        assert_eq!(ok("+84 912 345 678"), Ok("0912345678".into()));
        assert_eq!(ok("+84 (0) 912 345 678"), Ok("0912345678".into()));
        assert_eq!(ok("0084912345678"), Ok("0912345678".into()));
        assert_eq!(ok("024 3825 1234"), Ok("02438251234".into()));
        assert_eq!(ok("+84 24 3825 1234"), Ok("02438251234".into()));
        assert_eq!(
            check_phone("0912345678")
                .map(|p| p.international())
                .as_deref(),
            Ok("+84912345678")
        );
        assert_eq!(check_phone(""), Err(PhoneError::Empty));
        assert_eq!(check_phone("091234567"), Err(PhoneError::Length));
        assert_eq!(check_phone("09123456789"), Err(PhoneError::Length));
        assert_eq!(check_phone("912345678"), Err(PhoneError::Prefix));
        assert_eq!(check_phone("+1 202 555 0100"), Err(PhoneError::Prefix));
        assert_eq!(check_phone("09x2345678"), Err(PhoneError::Characters));
        assert_eq!(check_phone("09123+45678"), Err(PhoneError::Characters));
        assert_eq!(check_phone("0012345678"), Err(PhoneError::Length));
    }

    #[test]
    fn emails() {
        assert!(check_email("htx.tanlap@gmail.com").is_ok());
        assert!(check_email(" a@b.vn ").is_ok());
        assert!(check_email("ocop@sở-nn.gov.vn").is_ok());
        assert_eq!(check_email(""), Err(EmailError::Empty));
        assert_eq!(check_email("a.b.vn"), Err(EmailError::NoAt));
        assert_eq!(check_email("@b.vn"), Err(EmailError::NoAt));
        assert_eq!(check_email("a@b@c.vn"), Err(EmailError::NoAt));
        assert_eq!(check_email("a b@c.vn"), Err(EmailError::Spaces));
        assert_eq!(check_email("a@localhost"), Err(EmailError::Domain));
        assert_eq!(check_email("a@b..vn"), Err(EmailError::Domain));
        assert_eq!(check_email("a@<script>.vn"), Err(EmailError::Domain));
        assert_eq!(
            check_email(&format!("{}@b.vn", "a".repeat(260))),
            Err(EmailError::TooLong)
        );
    }

    #[test]
    fn dates() {
        let d = |y, m, d| Date::new(y, m, d).expect("valid");
        assert_eq!(parse_date("05/03/2021"), Ok(d(2021, 3, 5)));
        assert_eq!(parse_date("5/3/2021"), Ok(d(2021, 3, 5)));
        assert_eq!(parse_date("05-03-2021"), Ok(d(2021, 3, 5)));
        assert_eq!(parse_date("05.03.2021"), Ok(d(2021, 3, 5)));
        assert_eq!(parse_date("2021-03-05"), Ok(d(2021, 3, 5)));
        assert_eq!(parse_date("2021-03-05T10:00:00Z"), Ok(d(2021, 3, 5)));
        assert_eq!(parse_date("29/02/2024"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::OutOfRange));
        assert_eq!(parse_date("31/04/2023"), Err(DateError::OutOfRange));
        assert_eq!(parse_date("01/13/2023"), Err(DateError::OutOfRange));
        assert_eq!(parse_date("01/01/1800"), Err(DateError::OutOfRange));
        assert_eq!(parse_date("2021/3"), Err(DateError::Format));
        assert_eq!(parse_date("05/03/21"), Err(DateError::Format));
        assert_eq!(parse_date("năm 2021"), Err(DateError::Format));
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert_eq!(d(2026, 11, 9).dmy(), "09/11/2026");
        assert_eq!(d(2026, 11, 9).long(Lang::Vi), "ngày 09 tháng 11 năm 2026");
        // Nghị định 30/2020/NĐ-CP: days below 10 and months 1–2 padded, months 3–12 not.
        assert_eq!(d(2026, 3, 5).long(Lang::Vi), "ngày 05 tháng 3 năm 2026");
        assert_eq!(d(2026, 1, 15).long(Lang::Vi), "ngày 15 tháng 01 năm 2026");
        assert_eq!(d(2026, 2, 28).long(Lang::Vi), "ngày 28 tháng 02 năm 2026");
        assert_eq!(d(2026, 12, 15).long(Lang::Vi), "ngày 15 tháng 12 năm 2026");
        assert_eq!(d(2026, 9, 30).long(Lang::Vi), "ngày 30 tháng 9 năm 2026");
        assert_eq!(d(2026, 3, 5).long(Lang::En), "5 March 2026");
        assert_eq!(d(2026, 11, 9).long(Lang::En), "9 November 2026");
        assert!(d(2026, 1, 2) > d(2025, 12, 31));
    }

    #[test]
    fn missing_and_problems() {
        let mut draft = Draft::new("x", "QD26-07", 0);
        assert_eq!(missing_fields(&draft), Field::ALL.to_vec());
        draft.producer.name = "HTX Tân Lập".into();
        draft.producer.phone = "12345".into();
        draft.producer.email = "\u{200B} ".into();
        draft.producer.registration_date = "30/12/2030".into();
        let missing = missing_fields(&draft);
        assert!(!missing.contains(&Field::ProducerName));
        assert!(missing.contains(&Field::Email), "invisible text is blank");
        let today = Date::new(2026, 11, 29);
        let problems = check_fields(&draft, today);
        let of = |f: Field| problems.iter().find(|p| p.field == f).map(|p| &p.problem);
        assert_eq!(of(Field::Phone), Some(&Problem::Phone(PhoneError::Prefix)));
        assert_eq!(of(Field::Email), Some(&Problem::Missing));
        assert_eq!(
            of(Field::RegistrationDate),
            Some(&Problem::Date(DateError::InFuture))
        );
        assert_eq!(of(Field::ProducerName), None);
        for p in &problems {
            assert!(!p.problem.message(Lang::Vi).is_empty());
            assert!(!p.problem.message(Lang::En).is_empty());
        }
        let keys: std::collections::BTreeSet<_> = Field::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), Field::ALL.len());
    }
}
