//! Friendly checks of the details: which are still empty ("cần bổ sung"), and whether a phone
//! number, an e-mail address or a date looks right. One rule for the details form (as the user
//! leaves a field) and the dossier (its "cần bổ sung" list). The words for each [`Problem`] are
//! in `i18n::words::problem`.
//!
//! Nothing here is required while the producer fills in the draft.

use super::details::Field;
use super::Draft;
use crate::date::{parse_date, Date, DateError};

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

/// The fields of `d` that are still empty, in form order (only those its registration asks
/// for, see [`Field::applies`]).
pub fn missing_fields(d: &Draft) -> Vec<Field> {
    let kind = d.product.registration_type;
    Field::ALL
        .into_iter()
        .filter(|f| f.applies(kind) && is_blank(f.value(d)))
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

/// [`check_fields`] for a draft of a product set: a tourism service (`tourism`, see
/// [`crate::rubric::ProductSet::is_tourism`]) declares no product standard, so an empty one is
/// not missing there (`docs/domain.md` §7.1: the standard belongs to a product's quality
/// declaration).
pub fn check_fields_for(d: &Draft, today: Option<Date>, tourism: bool) -> Vec<FieldProblem> {
    let mut problems = check_fields(d, today);
    if tourism {
        problems.retain(|p| !(p.field == Field::Standard && p.problem == Problem::Missing));
    }
    problems
}

/// Every missing field and every filled field that does not look right (phone, e-mail, date;
/// a registration or recognition date after `today`, when given), in form order, the fields
/// its registration asks for: the "cần bổ sung" list of the
/// dossier and of the details screen.
pub fn check_fields(d: &Draft, today: Option<Date>) -> Vec<FieldProblem> {
    let kind = d.product.registration_type;
    Field::ALL
        .into_iter()
        .filter(|f| f.applies(kind))
        .filter_map(|field| {
            let v = field.value(d);
            let problem = if is_blank(v) {
                Some(Problem::Missing)
            } else {
                check_field(field, v, today)
            };
            problem.map(|problem| FieldProblem { field, problem })
        })
        .collect()
}

/// What is wrong with a filled value of `field` (phone, e-mail, registration date after
/// `today`); `None` when it looks right or is empty: while filling in, nothing is required, so
/// the form shows this as the user leaves a field and the dossier adds [`Problem::Missing`].
pub fn check_field(field: Field, value: &str, today: Option<Date>) -> Option<Problem> {
    if is_blank(value) {
        return None;
    }
    match field {
        Field::Phone => check_phone(value).err().map(Problem::Phone),
        Field::Email => check_email(value).err().map(Problem::Email),
        Field::RegistrationDate | Field::RecognitionDate => match parse_date(value) {
            Err(e) => Some(Problem::Date(e)),
            Ok(date) if today.is_some_and(|t| date > t) => Some(Problem::Date(DateError::InFuture)),
            Ok(_) => None,
        },
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Phone
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
    fn missing_and_problems() {
        let mut draft = Draft::new("x", "QD26-07", 0);
        let first_time: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| {
                !matches!(
                    f,
                    Field::Recognition
                        | Field::RecognitionDate
                        | Field::Changes
                        | Field::Updates
                        | Field::ExpiringPapers
                )
            })
            .collect();
        assert_eq!(missing_fields(&draft), first_time);
        // An upgrade asks for the recognition and the changes; a re-evaluation for the
        // recognition, the updates and the renewed papers.
        draft.product.registration_type = super::super::RegistrationType::Upgrade;
        let extra = |d: &Draft| -> Vec<Field> {
            missing_fields(d)
                .into_iter()
                .filter(|f| !first_time.contains(f))
                .collect()
        };
        assert_eq!(
            extra(&draft),
            [Field::Recognition, Field::RecognitionDate, Field::Changes]
        );
        draft.product.registration_type = super::super::RegistrationType::ReEvaluation;
        assert_eq!(
            extra(&draft),
            [
                Field::Recognition,
                Field::RecognitionDate,
                Field::Updates,
                Field::ExpiringPapers
            ]
        );
        draft.report.recognition_date = "1/1/2031".into();
        assert_eq!(
            check_field(Field::RecognitionDate, "1/1/2031", Date::new(2026, 11, 29)),
            Some(Problem::Date(DateError::InFuture))
        );
        draft.product.registration_type = super::super::RegistrationType::FirstTime;
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
        assert_eq!(
            check_field(Field::Phone, "12345", today),
            Some(Problem::Phone(PhoneError::Prefix))
        );
        assert_eq!(
            check_field(Field::Phone, " ", today),
            None,
            "empty is never an error here"
        );
        assert_eq!(check_field(Field::ProducerName, "x", today), None);
    }
}
