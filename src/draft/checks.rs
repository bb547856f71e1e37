//! Friendly checks of the details: which are still empty ("cần bổ sung"), and whether a phone
//! number, an e-mail address or a date looks right. One rule for the details form (as the user
//! leaves a field) and the dossier (its "cần bổ sung" list). The words for each [`Problem`] are
//! in `i18n::words::problem`.
//!
//! Nothing here is required while the producer fills in the draft.

use super::details::Field;
use super::Draft;
use crate::date::{parse_date, Date, DateError};
use crate::lang::fold_diacritics;
use crate::rubric::{ProductSet, Role};

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
    /// A real date written year first ("2019-03-05"): the forms are dated day/month/year, and
    /// the dossier prints the field as typed. The form rewrites it on leaving the field
    /// ([`day_month_year`]); this flags what arrives otherwise (an imported file).
    DateYearFirst,
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
            Ok(_) if day_month_year(value).is_some() => Some(Problem::DateYearFirst),
            Ok(_) => None,
        },
        _ => None,
    }
}

/// A date field's value as the form writes dates (day/month/year, "05/03/2019"), when it is
/// a real date written year first ("2019-03-05", "2019/3/5", "2019-03-05T00:00"); `None` for
/// anything else (already day first, not a date, empty), which stays as typed.
pub fn day_month_year(value: &str) -> Option<String> {
    let t = value.trim();
    let year_first = t.len() >= 4
        && t.bytes().take(4).all(|b| b.is_ascii_digit())
        && !t.as_bytes().get(4).is_some_and(u8::is_ascii_digit);
    if !year_first {
        return None;
    }
    let d = parse_date(t).ok()?;
    Some(format!("{:02}/{:02}/{:04}", d.day, d.month, d.year))
}

// ---------------------------------------------------------------------------------------------
// Criterion 3.2 against the representative's details

/// What the details say about the ground of criterion 3.2 (the legal representative is a
/// woman, from an ethnic minority, or a person with a disability).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ground {
    /// At least one of the three says so.
    Met,
    /// All three are filled in and none says so (a man, Kinh, no disability).
    NotMet,
    /// Not enough is filled in, or the words are not ones this check knows.
    Unknown,
}

/// Whether a typed value of one of the three fields says the ground is met (`Some(true)`),
/// not met (`Some(false)`), or cannot tell (`None`): gender "Nữ"/"Nam", ethnicity "Kinh" (the
/// majority; every other of the 54 groups is a minority), disability "Có"/"Không". Folded
/// (diacritics, case), so "nu", "NỮ", "dân tộc Tày", "không khuyết tật" are read too.
fn says(field: Field, value: &str) -> Option<bool> {
    let v = fold_diacritics(value.trim());
    let words: Vec<&str> = v
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    if words.is_empty() {
        return None;
    }
    match field {
        Field::RepresentativeGender => {
            if has("nu") || has("female") || has("woman") {
                Some(true)
            } else if has("nam") || has("male") || has("man") {
                Some(false)
            } else {
                None
            }
        }
        Field::RepresentativeEthnicity => {
            // "Kinh", "dân tộc Kinh", "người Kinh", "Việt (Kinh)": the majority.
            let majority = has("kinh") || (words.len() == 1 && (has("viet") || has("vietnamese")));
            let unsure = has("khong") || has("chua") || has("ro") || has("unknown");
            let named = words.iter().any(|w| w.chars().any(char::is_alphabetic));
            if majority {
                Some(false)
            } else if unsure || !named {
                None
            } else {
                // "dân tộc thiểu số", or any other group's name (Tày, Thái, Mông, Khmer, Hoa…).
                Some(true)
            }
        }
        Field::RepresentativeDisability => {
            if has("khong") || has("no") || has("none") || has("not") {
                Some(false)
            } else if has("co")
                || has("yes")
                || has("khuyet")
                || has("disabled")
                || has("disability")
            {
                Some(true)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The three fields criterion 3.2 is scored on.
pub const REPRESENTATIVE_GROUND: [Field; 3] = [
    Field::RepresentativeGender,
    Field::RepresentativeEthnicity,
    Field::RepresentativeDisability,
];

/// What the representative's details of `d` say about criterion 3.2's ground.
pub fn representative_ground(d: &Draft) -> Ground {
    let said: Vec<Option<bool>> = REPRESENTATIVE_GROUND
        .iter()
        .map(|f| says(*f, f.value(d)))
        .collect();
    if said.contains(&Some(true)) {
        Ground::Met
    } else if said.iter().all(|s| *s == Some(false)) {
        Ground::NotMet
    } else {
        Ground::Unknown
    }
}

/// The answer to criterion 3.2 contradicts the representative's details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroundMismatch {
    /// The criterion's code in this set ("3.2").
    pub criterion: String,
    /// The answer says the ground is met (a level with points) and the details say it is not;
    /// `false`: the answer says it is not met (0 points) and the details say it is.
    pub answer_met: bool,
    /// The fields behind the details' reading, as typed: every one of the three when they
    /// say "not met", those that say "met" otherwise.
    pub fields: Vec<(Field, String)>,
}

/// Whether the answer to the criterion scored on the legal representative (3.2 in every set,
/// found by [`Role::LegalRepresentative`]) contradicts the representative's gender, ethnicity
/// and disability in the details. `None` when the criterion is not answered, the details do
/// not tell, or both agree. The answer "meets" when its level has points; "none of the levels"
/// and a 0-point level say it does not.
pub fn check_representative(set: &ProductSet, d: &Draft) -> Option<GroundMismatch> {
    let code = set.criterion_for(Role::LegalRepresentative)?;
    let criterion = set.criterion(code)?;
    let answer_met = match d.responses.answers.get(code) {
        Some(p) => criterion.level(*p)?.points > 0,
        None if d.responses.none_of_levels.contains(code) => false,
        None => return None,
    };
    let ground = representative_ground(d);
    let contradicts = match ground {
        Ground::Met => !answer_met,
        Ground::NotMet => answer_met,
        Ground::Unknown => false,
    };
    if !contradicts {
        return None;
    }
    let fields = REPRESENTATIVE_GROUND
        .iter()
        .filter(|f| ground == Ground::NotMet || says(**f, f.value(d)) == Some(true))
        .map(|f| (*f, f.value(d).trim().to_string()))
        .collect();
    Some(GroundMismatch {
        criterion: code.to_string(),
        answer_met,
        fields,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fish_sauce() -> ProductSet {
        ProductSet::from_json(include_str!("../../static/rubric/QD26-09.json")).expect("rubric")
    }

    fn representative(gender: &str, ethnicity: &str, disability: &str) -> Draft {
        let mut d = Draft::new("x", "QD26-09", 0);
        d.producer.representative_gender = gender.into();
        d.producer.representative_ethnicity = ethnicity.into();
        d.producer.representative_disability = disability.into();
        d
    }

    #[test]
    fn the_details_say_whether_criterion_3_2_is_met() {
        use Ground::*;
        let g = |a, b, c| representative_ground(&representative(a, b, c));
        assert_eq!(g("Nam", "Kinh", "Không"), NotMet);
        assert_eq!(g(" nam ", "dân tộc Kinh", "không khuyết tật"), NotMet);
        assert_eq!(g("Male", "Kinh", "No"), NotMet);
        assert_eq!(g("Nữ", "Kinh", "Không"), Met);
        assert_eq!(g("NU", "", ""), Met, "one is enough");
        assert_eq!(g("Nam", "Tày", "Không"), Met);
        assert_eq!(
            g("Nam", "Hoa", ""),
            Met,
            "the Hoa are one of the 53 minorities"
        );
        assert_eq!(g("Nam", "dân tộc thiểu số", ""), Met);
        assert_eq!(g("Nam", "Kinh", "Có"), Met);
        assert_eq!(g("Nam", "Kinh", "khuyết tật vận động"), Met);
        assert_eq!(g("Nam", "Kinh", ""), Unknown, "disability not said");
        assert_eq!(g("", "", ""), Unknown);
        assert_eq!(g("Nam", "không rõ", "Không"), Unknown);
        assert_eq!(g("?", "Kinh", "Không"), Unknown);
    }

    #[test]
    fn an_answer_to_3_2_against_the_details_is_pointed_out() {
        let set = fish_sauce();
        // Level 2 of 3.2 is "là nữ; hoặc … dân tộc thiểu số; hoặc … khuyết tật" (1 point).
        let code = set.criterion_for(Role::LegalRepresentative).expect("3.2");
        assert_eq!(code, "3.2");
        let mut d = representative("Nam", "Kinh", "Không");
        assert_eq!(check_representative(&set, &d), None, "not answered yet");
        d.responses.answers.insert("3.2".into(), 2);
        let m = check_representative(&set, &d).expect("the review's case: Nam, Kinh, Không");
        assert_eq!(m.criterion, "3.2");
        assert!(m.answer_met);
        assert_eq!(
            m.fields,
            vec![
                (Field::RepresentativeGender, "Nam".to_string()),
                (Field::RepresentativeEthnicity, "Kinh".to_string()),
                (Field::RepresentativeDisability, "Không".to_string()),
            ]
        );
        // The answer says "not met" (level 1, 0 points) and the representative is a woman.
        d.responses.answers.insert("3.2".into(), 1);
        assert_eq!(check_representative(&set, &d), None, "both say not met");
        d.producer.representative_gender = "Nữ".into();
        let m = check_representative(&set, &d).expect("a woman, answered 0 points");
        assert!(!m.answer_met);
        assert_eq!(
            m.fields,
            vec![(Field::RepresentativeGender, "Nữ".to_string())]
        );
        // "None of the levels" is 0 points too.
        d.responses.answers.remove("3.2");
        d.responses.none_of_levels.insert("3.2".into());
        assert!(check_representative(&set, &d).is_some_and(|m| !m.answer_met));
        // Agreeing, or details that do not tell: nothing to say.
        d.responses.none_of_levels.clear();
        d.responses.answers.insert("3.2".into(), 2);
        assert_eq!(check_representative(&set, &d), None);
        let mut unsure = representative("Nam", "Kinh", "");
        unsure.responses.answers.insert("3.2".into(), 2);
        assert_eq!(check_representative(&set, &unsure), None);
    }

    #[test]
    fn dates_written_year_first_are_flagged_and_rewritten_day_first() {
        let today = Date::new(2026, 12, 1);
        assert_eq!(day_month_year("2019-03-05").as_deref(), Some("05/03/2019"));
        assert_eq!(day_month_year(" 2019/3/5 ").as_deref(), Some("05/03/2019"));
        assert_eq!(
            day_month_year("2019-03-05T08:00").as_deref(),
            Some("05/03/2019")
        );
        assert_eq!(day_month_year("05/03/2019"), None, "already day first");
        assert_eq!(day_month_year("5-3-2019"), None, "day first, as typed");
        assert_eq!(
            day_month_year("2019-02-31"),
            None,
            "no such day: the check says so"
        );
        assert_eq!(day_month_year("2019"), None);
        assert_eq!(day_month_year("20190305"), None);
        assert_eq!(day_month_year(""), None);
        let check = |v: &str| check_field(Field::RegistrationDate, v, today);
        assert_eq!(check("2019-03-05"), Some(Problem::DateYearFirst));
        assert_eq!(check("05/03/2019"), None);
        assert_eq!(check("2019"), Some(Problem::Date(DateError::Format)));
        assert_eq!(
            check("31/02/2019"),
            Some(Problem::Date(DateError::OutOfRange))
        );
        assert_eq!(
            check("2030-01-01"),
            Some(Problem::Date(DateError::InFuture)),
            "a later date says that first"
        );
        assert_eq!(
            check_field(Field::RecognitionDate, "2024-06-30", today),
            Some(Problem::DateYearFirst)
        );
    }

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
