//! The clock and fresh ids: the wall clock in milliseconds, today's local date, and a new draft
//! id. The pure layers never read the clock; the UI reads it here and hands the time in.
//!
//! Natively (SSR tests) the clock is a counter that starts in 2026 and ids come from a fixed
//! seed, so runs are repeatable.

use crate::date::Date;

/// Milliseconds since the Unix epoch (wall clock).
pub fn now_ms() -> u64 {
    imp::now_ms()
}

/// Today's date on this device (local time).
pub fn today() -> Date {
    imp::today().unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

/// A fresh local id for a draft: time plus randomness, base 36.
pub fn new_id() -> String {
    fn base36(mut n: u64) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[(n % 36) as usize]);
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }
    format!(
        "d{}{}",
        base36(now_ms()),
        base36(u64::from(imp::random_u32()))
    )
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use crate::date::{self, Date};

    pub fn now_ms() -> u64 {
        let t = js_sys::Date::now();
        if t.is_finite() && t > 0.0 {
            t as u64
        } else {
            0
        }
    }

    pub fn today() -> Option<Date> {
        let d = js_sys::Date::new_0();
        let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
        u16::try_from(y)
            .ok()
            .zip(u8::try_from(m).ok())
            .zip(u8::try_from(day).ok())
            .and_then(|((y, m), day)| Date::new(y, m, day))
            .or_else(|| date::from_unix_ms(now_ms()))
    }

    pub fn random_u32() -> u32 {
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use crate::date::{self, Date};
    use std::cell::Cell;

    thread_local! {
        static CLOCK: Cell<u64> = const { Cell::new(1_780_000_000_000) };
        static SEED: Cell<u32> = const { Cell::new(0x9e37_79b9) };
    }

    pub fn now_ms() -> u64 {
        CLOCK.with(|c| {
            let t = c.get() + 1;
            c.set(t);
            t
        })
    }

    pub fn today() -> Option<Date> {
        date::from_unix_ms(now_ms())
    }

    pub fn random_u32() -> u32 {
        SEED.with(|s| {
            // xorshift32: deterministic ids for native tests.
            let mut x = s.get();
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            s.set(x);
            x
        })
    }
}
