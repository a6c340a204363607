//! The colours of every chart, chosen to stay apart for readers with a colour-vision
//! deficiency, and the WCAG contrast arithmetic that picks a readable text colour for each.
//!
//! - **Categories** (the options of a single choice, yes / no): the Okabe-Ito palette, in an
//!   order that puts strongly different colours side by side.
//! - **Ordered scales** (scale points, grid scales, the before / after movement): ColorBrewer's
//!   PuOr diverging scheme (orange for the first point, purple for the last, a near-white middle
//!   on odd scales), the class count matching the number of points.
//! - **No clear opinion**: always the neutral grey [`NO_CLEAR_OPINION`], drawn last and set
//!   apart from the scale by a white line.
//! - **Ranked bars and columns**: the Okabe-Ito blue [`BAR`] on a light grey track [`TRACK`].
//!
//! Text over a colour is black or white, whichever has the higher contrast ratio; any colour has
//! a ratio of at least 4.58 with one of the two. `docs/charts.md` lists the palette.

/// Okabe-Ito (2008), reordered so that neighbours differ strongly in lightness and hue.
pub const OKABE_ITO: [&str; 8] =
    ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#f0e442", "#000000"];

/// "No clear opinion": a neutral dark grey. Lighter greys are hard to tell from the greyish
/// light purples of PuOr for readers with tritanopia; this one stays at least 13 CIELAB units
/// from every colour of every palette here under simulated protan, deutan and tritan vision.
pub const NO_CLEAR_OPINION: &str = "#606060";
/// Ranked bars and columns (Okabe-Ito blue).
pub const BAR: &str = "#0072b2";
/// The empty part of a ranked bar.
pub const TRACK: &str = "#ebebeb";
/// Main text on white.
pub const INK: &str = "#1a1a1a";
/// Secondary text (subtitles, sub-labels) on white: contrast 8.5:1.
pub const MUTED: &str = "#4d4d4d";
/// Outlines of bars and legend swatches (3:1 against white, as WCAG asks of graphics).
pub const OUTLINE: &str = "#767676";
/// The chart background.
pub const BACKGROUND: &str = "#ffffff";

/// ColorBrewer PuOr with 11 classes, orange end first.
const PUOR_11: [&str; 11] = [
    "#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2", "#8073ac",
    "#542788", "#2d004b",
];

/// `k` category colours (Okabe-Ito, repeating after 8).
pub fn categorical(k: usize) -> Vec<String> {
    (0..k).map(|i| OKABE_ITO[i % OKABE_ITO.len()].to_string()).collect()
}

/// `k` colours for an ordered scale, first point first: ColorBrewer PuOr with `k` classes
/// (2 uses the ends of the 4-class scheme; more than 11 are interpolated along the 11).
pub fn diverging(k: usize) -> Vec<String> {
    let fixed: &[&str] = match k {
        0 => &[],
        1 => &["#e66101"],
        2 => &["#e66101", "#5e3c99"],
        3 => &["#f1a340", "#f7f7f7", "#998ec3"],
        4 => &["#e66101", "#fdb863", "#b2abd2", "#5e3c99"],
        5 => &["#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"],
        6 => &["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"],
        7 => &["#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"],
        8 => &["#b35806", "#e08214", "#fdb863", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac", "#542788"],
        9 => &[
            "#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2", "#8073ac", "#542788",
        ],
        10 => &[
            "#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac",
            "#542788", "#2d004b",
        ],
        11 => &PUOR_11,
        _ => return (0..k).map(|i| interpolate(&PUOR_11, i as f64 / (k - 1) as f64)).collect(),
    };
    fixed.iter().map(|c| c.to_string()).collect()
}

/// The colour at `t` (0..=1) along `stops`, linear in sRGB.
fn interpolate(stops: &[&str], t: f64) -> String {
    let pos = t.clamp(0.0, 1.0) * (stops.len() - 1) as f64;
    let i = (pos.floor() as usize).min(stops.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (rgb(stops[i]), rgb(stops[i + 1]));
    let mix = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * f).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(a[0], b[0]), mix(a[1], b[1]), mix(a[2], b[2]))
}

/// The red, green and blue bytes of `#rrggbb` (black for anything else).
pub fn rgb(hex: &str) -> [u8; 3] {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| h.get(i..i + 2).and_then(|s| u8::from_str_radix(s, 16).ok()).unwrap_or(0);
    if h.len() == 6 { [byte(0), byte(2), byte(4)] } else { [0, 0, 0] }
}

/// WCAG 2 relative luminance of `#rrggbb`.
pub fn luminance(hex: &str) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let [r, g, b] = rgb(hex);
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2 contrast ratio between two colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Black or white, whichever reads better on `background`.
pub fn text_on(background: &str) -> &'static str {
    if contrast("#000000", background) >= contrast("#ffffff", background) { "#000000" } else { "#ffffff" }
}
