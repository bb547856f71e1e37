//! When an OCOP certificate expires and when its re-evaluation dossier is filed (Điều 7 khoản
//! 6: the certificate is valid 36 months; the dossier is filed "không sớm hơn 180 ngày và không
//! muộn hơn 120 ngày tính đến ngày hết thời hạn của giấy chứng nhận"). Dates are passed in.

use crate::date::Date;

/// The months a certificate is valid.
pub const VALID_MONTHS: u32 = 36;

/// The re-evaluation calendar of a certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Renewal {
    /// The day the certificate's 36 months end.
    pub expires: Date,
    /// The first day the re-evaluation dossier may be filed (180 days before).
    pub file_from: Date,
    /// The last day it may be filed (120 days before).
    pub file_until: Date,
}

/// Where `today` stands in the filing window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    TooEarly,
    Open,
    Passed,
}

impl Renewal {
    /// The calendar of a certificate granted on `granted` (`None` out of the calendar's range).
    pub fn of(granted: Date) -> Option<Renewal> {
        let expires = granted.add_months(VALID_MONTHS)?;
        Some(Renewal {
            expires,
            file_from: expires.add_days(-180)?,
            file_until: expires.add_days(-120)?,
        })
    }

    pub fn window(&self, today: Date) -> Window {
        if today < self.file_from {
            Window::TooEarly
        } else if today <= self.file_until {
            Window::Open
        } else {
            Window::Passed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_is_180_to_120_days_before_36_months() {
        let d = |y, m, d| Date::new(y, m, d).expect("valid");
        let r = Renewal::of(d(2023, 6, 20)).expect("in range");
        assert_eq!(r.expires, d(2026, 6, 20));
        assert_eq!(r.file_from, d(2025, 12, 22));
        assert_eq!(r.file_until, d(2026, 2, 20));
        assert_eq!(r.window(d(2025, 12, 21)), Window::TooEarly);
        assert_eq!(r.window(d(2025, 12, 22)), Window::Open);
        assert_eq!(r.window(d(2026, 2, 20)), Window::Open);
        assert_eq!(r.window(d(2026, 2, 21)), Window::Passed);
        // A leap day: the 36 months end on 28 February.
        assert_eq!(
            Renewal::of(d(2024, 2, 29)).map(|r| r.expires),
            Some(d(2027, 2, 28))
        );
    }
}
