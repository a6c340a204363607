//! Times in records: seconds since 1970 (UTC) and their RFC 3339 form (`2020-10-10T09:30:00Z`).
//!
//! Records need only whole seconds in UTC, which is a few lines of calendar arithmetic; a date
//! crate would cost participants bytes for nothing.

/// The last second [`format_rfc3339`] writes in the form [`parse_rfc3339`] reads:
/// 9999-12-31T23:59:59Z.
pub const MAX_SECONDS: u64 = 253_402_300_799;

/// Formats seconds since 1970-01-01T00:00:00Z as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem / 60 % 60, rem % 60)
}

/// Parses the form [`format_rfc3339`] writes (UTC, `Z`, whole seconds).
pub fn parse_rfc3339(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u64> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if y < 1970
        || !(1..=12).contains(&mo)
        || d < 1
        || d > days_in_month(y, mo)
        || h > 23
        || mi > 59
        || se > 59
    {
        return None;
    }
    let days = days_from_civil(y as i64, mo as i64, d as i64);
    Some(days as u64 * 86_400 + h * 3600 + mi * 60 + se)
}

fn days_in_month(y: u64, m: u64) -> u64 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Day counting in the proleptic Gregorian calendar with years starting in March, so that the
// leap day is the last day of the year.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_dates() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(1_602_322_200), "2020-10-10T09:30:00Z");
        assert_eq!(format_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(parse_rfc3339("2020-10-10T09:30:00Z"), Some(1_602_322_200));
        assert_eq!(parse_rfc3339("2021-02-29T00:00:00Z"), None);
        assert_eq!(parse_rfc3339("2020-10-10 09:30:00"), None);
        assert_eq!(parse_rfc3339("2020-1x-10T09:30:00Z"), None);
    }

    proptest! {
        #[test]
        fn round_trip(secs in 0u64..10_000_000_000) {
            prop_assert_eq!(parse_rfc3339(&format_rfc3339(secs)), Some(secs));
        }
    }

    #[test]
    fn the_last_time_there_is() {
        assert_eq!(format_rfc3339(MAX_SECONDS), "9999-12-31T23:59:59Z");
        assert_eq!(parse_rfc3339(&format_rfc3339(MAX_SECONDS)), Some(MAX_SECONDS));
        assert_eq!(parse_rfc3339(&format_rfc3339(MAX_SECONDS + 1)), None);
    }
}
