//! Text for charts and tables: XML / HTML escaping, fixed-format numbers, rounded percentages
//! that add up to 100, and a width estimate to wrap labels without a font at hand.
//!
//! Everything here is deterministic: the same input gives the same string on every device.

/// `s` safe inside XML or HTML text and double- or single-quoted attributes. Characters XML 1.0
/// does not allow (controls other than tab, newline and carriage return, U+FFFE, U+FFFF) are
/// dropped; tab, newline and carriage return become spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

/// A whole number with a comma every three digits: `4,503`.
pub fn count(n: u64) -> String {
    group_digits(&n.to_string())
}

fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `v` with exactly `decimals` decimals, never `-0`, never `NaN` (written `0`).
pub fn fixed(v: f64, decimals: usize) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let s = format!("{v:.decimals$}");
    if s.starts_with('-') && s.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
        s[1..].to_string()
    } else {
        s
    }
}

/// [`fixed`] with thousands separators in the whole part: `4,503.5`.
pub fn grouped(v: f64, decimals: usize) -> String {
    let s = fixed(v, decimals);
    let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (whole, frac) = rest.split_once('.').map_or((rest, None), |(w, f)| (w, Some(f)));
    let mut out = format!("{sign}{}", group_digits(whole));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A coordinate in viewBox units: one decimal, without a trailing `.0`.
pub fn coord(v: f64) -> String {
    let s = fixed(v, 1);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Whole-number percentages of `counts` out of `n` that add up to exactly 100 (largest
/// remainder; ties go to the earlier category). All zeros when `n` is 0.
pub fn round_percents(counts: &[u64], n: u64) -> Vec<u64> {
    if n == 0 {
        return vec![0; counts.len()];
    }
    let total: u64 = counts.iter().sum();
    let mut out: Vec<u64> = counts.iter().map(|&c| 100 * c / n).collect();
    // Only a full bar is topped up to 100; a bar whose counts fall short of n is not.
    let target: u64 = if total == n { 100 } else { out.iter().sum() };
    let mut order: Vec<usize> = (0..counts.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(100 * counts[i] % n), i));
    let mut missing = target.saturating_sub(out.iter().sum());
    for i in order {
        if missing == 0 {
            break;
        }
        if counts[i] > 0 {
            out[i] += 1;
            missing -= 1;
        }
    }
    out
}

/// The estimated width of `s` at font size `size` (bold: weights 600 and 700), erring wide:
/// system fonts differ, and a label that wraps a little early reads better than one that runs
/// off the chart.
pub fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let em: u32 = s.chars().map(char_em).sum();
    em as f64 / 100.0 * size * if bold { 1.16 } else { 1.03 }
}

/// Advance widths of ASCII 32..=126 in hundredths of an em, in DejaVu Sans (the wide font
/// Linux browsers fall back to for `system-ui`), so that the estimate holds for narrower fonts too.
const ASCII: [u8; 95] = [
    32, 40, 46, 84, 64, 95, 78, 28, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 57, 78, 75, 30, 30, 66, 56, 86, 75, 79, 60, 79, 70, 64,
    61, 73, 68, 99, 68, 61, 68, 39, 34, 39, 84, 50, 50, 61, 64, 53, 64, 57, 35, 64, 63, 28, 28, 58, 28, 97,
    63, 55, 64, 64, 38, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
];

/// The width of `c` in hundredths of an em.
fn char_em(c: char) -> u32 {
    match c as u32 {
        32..=126 => ASCII[c as usize - 32] as u32,
        _ if is_wide(c) => 105,
        _ => 66,
    }
}

/// East Asian wide characters (CJK, kana, hangul, full-width forms).
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// The words of `s`, split at whitespace but not at no-break spaces; an `=` stays with the
/// words on either side (`N = 4,503` is never broken).
fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut glue = false;
    for w in
        s.split(|c: char| c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}').filter(|w| !w.is_empty())
    {
        match out.last_mut() {
            Some(last) if glue || w == "=" => {
                last.push(' ');
                last.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
        glue = w == "=";
    }
    out
}

/// `s` broken into lines no wider than `max` at font size `size`: at spaces where possible,
/// inside a word (or between wide characters) where not. Never returns an empty list.
pub fn wrap(s: &str, size: f64, max: f64, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words(s) {
        let word = word.as_str();
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if text_width(&candidate, size, bold) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word alone: split it where it does not fit.
        for c in word.chars() {
            let mut next = line.clone();
            next.push(c);
            if !line.is_empty() && text_width(&next, size, bold) > max {
                lines.push(std::mem::take(&mut line));
                line.push(c);
            } else {
                line = next;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}
