//! One calendar: a civil [`Date`], how Vietnamese documents write it, reading it from what a
//! producer types, and the date of a day count (for "today" from a clock given in milliseconds).
//! Pure: the clock is read by `platform::clock` and passed in.

use crate::lang::Lang;

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
    /// Later than today (only from `draft::check_fields`).
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

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`; the inverse of [`from_days`]).
    pub fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `n` days later (earlier when negative), if in range.
    pub fn add_days(self, n: i64) -> Option<Date> {
        from_days(self.days() + n)
    }

    /// The same day `n` months later, the last day of that month when it is shorter
    /// (31/01 + 1 month = 28/02 or 29/02), if in range.
    pub fn add_months(self, n: u32) -> Option<Date> {
        let total = u32::from(self.year) * 12 + u32::from(self.month) - 1 + n;
        let year = u16::try_from(total / 12).ok()?;
        let month = u8::try_from(total % 12 + 1).ok()?;
        (1..=self.day)
            .rev()
            .find_map(|day| Date::new(year, month, day))
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

/// The civil date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`), if it
/// is in the range [`Date::new`] accepts.
pub fn from_days(days: i64) -> Option<Date> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// The civil (UTC) date of a time in milliseconds since 1970-01-01.
pub fn from_unix_ms(ms: u64) -> Option<Date> {
    from_days(i64::try_from(ms / 86_400_000).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_and_months() {
        let d = |y, m, d| Date::new(y, m, d).expect("valid");
        assert_eq!(d(1970, 1, 1).days(), 0);
        for days in [-25_567, -1, 0, 59, 60, 11_016, 20_513, 47_481] {
            let date = from_days(days).expect("in range");
            assert_eq!(date.days(), days, "{date}");
        }
        assert_eq!(d(2024, 2, 28).add_days(1), Some(d(2024, 2, 29)));
        assert_eq!(d(2024, 3, 1).add_days(-1), Some(d(2024, 2, 29)));
        assert_eq!(d(2026, 12, 31).add_days(1), Some(d(2027, 1, 1)));
        assert_eq!(d(2023, 6, 20).add_months(36), Some(d(2026, 6, 20)));
        assert_eq!(d(2024, 1, 31).add_months(1), Some(d(2024, 2, 29)));
        assert_eq!(d(2023, 1, 31).add_months(1), Some(d(2023, 2, 28)));
        assert_eq!(d(2021, 2, 29 - 1).add_months(36), Some(d(2024, 2, 28)));
        assert_eq!(d(2099, 6, 1).add_months(36), None);
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
    fn civil_dates() {
        let d = |y, m, d| Date::new(y, m, d);
        assert_eq!(from_days(0), d(1970, 1, 1));
        assert_eq!(from_days(20_454), d(2026, 1, 1));
        assert_eq!(from_days(19_782), d(2024, 2, 29));
        assert_eq!(from_days(-1), d(1969, 12, 31));
        assert_eq!(from_days(100_000), None, "year 2243 is out of range");
        assert_eq!(from_unix_ms(1_764_547_200_000), d(2025, 12, 1));
        // Moved from platform::files (its own calendar before there was one).
        assert_eq!(from_days(11_016), d(2000, 2, 29));
        assert_eq!(from_days(20_786), d(2026, 11, 29));
        assert_eq!(from_days(i64::MAX / 2), None);
    }
}
