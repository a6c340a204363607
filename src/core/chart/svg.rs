//! Drawing a [`Chart`] as SVG 1.1 markup.
//!
//! The drawing is 600 viewBox units wide with no pixel size: it scales to its container. Text
//! sizes are in those units; the smallest (19) is 11.4 px on a 360 px phone. Labels go above
//! their bars, never in a column to the left, so that long labels wrap instead of squeezing
//! the bars on a narrow screen. Lines of text are wrapped with an estimated width
//! ([`super::fmt::text_width`]); coordinates have at most one decimal.

use super::fmt::{coord, count, escape, round_percents, text_width, wrap};
use super::palette::{BACKGROUND, BAR, INK, MUTED, NO_CLEAR_OPINION, OUTLINE, TRACK, text_on};
use super::{Chart, ChartBody, Columns, RankBar, Ranked, StackBar, Stacked};

/// ViewBox width of the phone-first layout.
pub const WIDTH: f64 = 600.0;
/// ViewBox width of the landscape layout (shared screens, slides).
pub const WIDE: f64 = 960.0;
const PAD: f64 = 16.0;
const TITLE: f64 = 26.0;
const SUBTITLE: f64 = 20.0;
const LABEL: f64 = 20.0;
/// The smallest text: sub-labels, legend, values on bars.
pub const SMALL: f64 = 19.0;
const STACK_H: f64 = 34.0;
const RANK_H: f64 = 30.0;
const COLUMNS_H: f64 = 200.0;
const ROW_GAP: f64 = 14.0;
const FONT: &str = "system-ui, sans-serif";

/// `id` usable as an XML id: lower case `a-z 0-9 - _`, anything else `-`.
pub fn safe_id(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-' { c } else { '-' })
        .collect();
    if s.is_empty() { "chart".into() } else { s }
}

/// Markup being drawn from the top down.
struct Canvas {
    out: String,
    y: f64,
    /// Content width: the viewBox width less the margins.
    cw: f64,
}

/// How a run of text looks.
#[derive(Clone, Copy)]
struct Style {
    size: f64,
    weight: Option<&'static str>,
    fill: &'static str,
}

impl Canvas {
    fn text(&mut self, x: f64, baseline: f64, style: Style, anchor: &str, class: Option<&str>, s: &str) {
        let mut attrs = format!(
            "x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"{}\"",
            coord(x),
            coord(baseline),
            coord(style.size),
            style.fill
        );
        if let Some(w) = style.weight {
            attrs.push_str(&format!(" font-weight=\"{w}\""));
        }
        if anchor != "start" {
            attrs.push_str(&format!(" text-anchor=\"{anchor}\""));
        }
        if let Some(c) = class {
            attrs.push_str(&format!(" class=\"{c}\""));
        }
        self.out.push_str(&format!("<text {attrs}>{}</text>\n", escape(s)));
    }

    /// `s` wrapped to `width`, one line under the other from the current y.
    fn paragraph(&mut self, s: &str, style: Style, width: f64) {
        let lh = (style.size * 1.3).round();
        if s.trim().is_empty() {
            return;
        }
        for line in wrap(s, style.size, width, style.weight.is_some()) {
            self.text(PAD, baseline(self.y, lh, style.size), style, "start", None, &line);
            self.y += lh;
        }
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, class: &str) {
        self.out.push_str(&format!(
            "<rect class=\"{class}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>\n",
            coord(x),
            coord(y),
            coord(w),
            coord(h)
        ));
    }

    fn outline(&mut self, y: f64, h: f64) {
        self.out.push_str(&format!(
            "<rect x=\"{PAD}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"{OUTLINE}\" stroke-width=\"1\"/>\n",
            coord(y),
            coord(self.cw),
            coord(h)
        ));
    }
}

/// The baseline of a line of text of `size` in a line box of height `lh` starting at `top`.
fn baseline(top: f64, lh: f64, size: f64) -> f64 {
    top + lh / 2.0 + size * 0.35
}

const TITLE_STYLE: Style = Style { size: TITLE, weight: Some("700"), fill: INK };
const SUBTITLE_STYLE: Style = Style { size: SUBTITLE, weight: None, fill: MUTED };
const LABEL_STYLE: Style = Style { size: LABEL, weight: Some("600"), fill: INK };
const SUB_STYLE: Style = Style { size: SMALL, weight: None, fill: MUTED };
const SMALL_STYLE: Style = Style { size: SMALL, weight: None, fill: INK };

/// The whole SVG document, `width` viewBox units wide.
pub fn render(chart: &Chart, width: f64) -> String {
    let mut c = Canvas { out: String::new(), y: PAD, cw: width - 2.0 * PAD };
    c.paragraph(&chart.title, TITLE_STYLE, c.cw);
    if !chart.subtitle.is_empty() {
        c.y += 2.0;
        c.paragraph(&chart.subtitle, SUBTITLE_STYLE, c.cw);
    }
    c.y += 10.0;
    let summary = match &chart.body {
        ChartBody::Stacked(s) => stacked(&mut c, s),
        ChartBody::Ranked(r) => ranked(&mut c, r),
        ChartBody::Columns(cols) => columns(&mut c, cols),
    };
    let height = (c.y + PAD - ROW_GAP).max(2.0 * PAD).ceil();
    let id = format!("chart-{}", safe_id(&chart.id));
    let desc = if chart.subtitle.is_empty() { summary } else { format!("{}. {summary}", chart.subtitle) };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 {width} {height}\" width=\"100%\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT}\">\n\
         <title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n\
         <rect width=\"{width}\" height=\"{height}\" fill=\"{BACKGROUND}\"/>\n{}</svg>\n",
        escape(&chart.title),
        escape(&desc),
        c.out
    )
}

fn with_n(label: &str, n: u64) -> String {
    if label.is_empty() { format!("N = {}", count(n)) } else { format!("{label} (N = {})", count(n)) }
}

fn stacked(c: &mut Canvas, s: &Stacked) -> String {
    legend(c, s);
    let per_bar_n = s.each_n;
    let mut summary = Vec::new();
    for row in &s.rows {
        let single = row.bars.len() == 1 && row.bars[0].label.is_none();
        let label = if single && per_bar_n { with_n(&row.label, row.bars[0].n) } else { row.label.clone() };
        if !label.is_empty() {
            c.paragraph(&label, LABEL_STYLE, c.cw);
            c.y += 2.0;
        }
        for bar in &row.bars {
            if let Some(l) = &bar.label {
                let l = if per_bar_n { with_n(l, bar.n) } else { l.clone() };
                c.paragraph(&l, SUB_STYLE, c.cw);
            }
            summary.push(stack_bar(c, s, bar, &[row.label.as_str(), bar.label.as_deref().unwrap_or("")]));
            c.y += STACK_H + 6.0;
        }
        c.y += ROW_GAP - 6.0;
    }
    summary.join(" ")
}

/// The legend: a swatch and a label per category, flowing over as many lines as it needs.
fn legend(c: &mut Canvas, s: &Stacked) {
    let lh = (SMALL * 1.3).round();
    let (swatch, gap) = (18.0, 20.0);
    let mut x = PAD;
    let mut lines_here = 1.0f64;
    for cat in &s.categories {
        let lines = wrap(&cat.label, SMALL, c.cw - swatch - 8.0, false);
        let w = swatch + 8.0 + lines.iter().map(|l| text_width(l, SMALL, false)).fold(0.0, f64::max);
        if x > PAD && (x + w > PAD + c.cw || lines.len() > 1) {
            c.y += lh * lines_here;
            x = PAD;
            lines_here = 1.0;
        }
        let top = c.y + (lh - swatch) / 2.0;
        c.out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{swatch}\" height=\"{swatch}\" fill=\"{}\" stroke=\"{OUTLINE}\" stroke-width=\"1\"/>\n",
            coord(x),
            coord(top),
            cat.color
        ));
        for (i, line) in lines.iter().enumerate() {
            let b = baseline(c.y + i as f64 * lh, lh, SMALL);
            c.text(x + swatch + 8.0, b, SMALL_STYLE, "start", None, line);
        }
        lines_here = lines_here.max(lines.len() as f64);
        x += w + gap;
        if lines.len() > 1 {
            c.y += lh * lines_here;
            x = PAD;
            lines_here = 0.0;
        }
    }
    c.y += lh * lines_here + 12.0;
}

/// One 100% bar at the current y; returns its sentence for the description.
fn stack_bar(c: &mut Canvas, s: &Stacked, bar: &StackBar, names: &[&str]) -> String {
    let y = c.y;
    let name = names.iter().filter(|n| !n.is_empty()).copied().collect::<Vec<_>>().join(", ");
    let prefix = if name.is_empty() { String::new() } else { format!("{name}: ") };
    c.out.push_str("<g class=\"bar\">\n");
    if bar.n == 0 {
        c.rect(PAD, y, c.cw, STACK_H, TRACK, "empty");
        let fill = text_on(TRACK);
        let style = Style { size: SMALL, weight: None, fill };
        c.text(
            PAD + c.cw / 2.0,
            baseline(y, STACK_H, SMALL),
            style,
            "middle",
            Some("seg-label"),
            "No answers",
        );
        c.outline(y, STACK_H);
        c.out.push_str("</g>\n");
        return format!("{prefix}no answers.");
    }
    let shown = round_percents(&bar.counts, bar.n);
    // Boundaries in tenths of a unit, so that the segments add up to the bar exactly.
    let full = (c.cw * 10.0).round() as u64;
    let mut cumulative = 0u64;
    let mut left = 0u64;
    let mut parts = Vec::new();
    let mut nco_edge = None;
    for ((cat, &n), &p) in s.categories.iter().zip(&bar.counts).zip(&shown) {
        cumulative += n;
        let right = full * cumulative.min(bar.n) / bar.n;
        let (x, w) = (PAD + left as f64 / 10.0, (right - left) as f64 / 10.0);
        left = right;
        if n == 0 {
            continue;
        }
        parts.push(format!("{} {p}%", cat.label));
        if cat.color == NO_CLEAR_OPINION && x > PAD {
            nco_edge = Some(x);
        }
        c.rect(x, y, w, STACK_H, &cat.color, "seg");
        let text = format!("{p}%");
        if p >= 5 && text_width(&text, SMALL, false) + 8.0 <= w {
            let style = Style { size: SMALL, weight: None, fill: text_on(&cat.color) };
            c.text(x + w / 2.0, baseline(y, STACK_H, SMALL), style, "middle", Some("seg-label"), &text);
        }
    }
    if let Some(x) = nco_edge {
        c.out.push_str(&format!(
            "<path d=\"M{} {} v{STACK_H}\" stroke=\"{BACKGROUND}\" stroke-width=\"2\"/>\n",
            coord(x),
            coord(y)
        ));
    }
    c.outline(y, STACK_H);
    c.out.push_str("</g>\n");
    format!("{prefix}{} (N = {}).", parts.join(", "), count(bar.n))
}

fn ranked(c: &mut Canvas, r: &Ranked) -> String {
    let mut summary = Vec::new();
    for row in &r.rows {
        let single = row.bars.len() == 1 && row.bars[0].label.is_none();
        let label = match row.bars.first().and_then(|b| b.n) {
            Some(n) if single => with_n(&row.label, n),
            _ => row.label.clone(),
        };
        if !label.is_empty() {
            c.paragraph(&label, LABEL_STYLE, c.cw);
            c.y += 2.0;
        }
        for bar in &row.bars {
            if let Some(l) = &bar.label {
                c.paragraph(&bar.n.map_or_else(|| l.clone(), |n| with_n(l, n)), SUB_STYLE, c.cw);
            }
            rank_bar(c, r.max, bar);
            let name = [row.label.as_str(), bar.label.as_deref().unwrap_or("")]
                .iter()
                .filter(|n| !n.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            summary.push(format!("{name}: {}.", bar.display));
            c.y += RANK_H + 6.0;
        }
        c.y += ROW_GAP - 6.0;
    }
    summary.join(" ")
}

fn rank_bar(c: &mut Canvas, max: f64, bar: &RankBar) {
    let y = c.y;
    let share = if max > 0.0 && bar.value.is_finite() { (bar.value / max).clamp(0.0, 1.0) } else { 0.0 };
    let w = (c.cw * share * 10.0).round() / 10.0;
    let text_w = text_width(&bar.display, SMALL, true);
    let b = baseline(y, RANK_H, SMALL);
    c.out.push_str("<g class=\"bar\">\n");
    if PAD + w + 6.0 + text_w <= PAD + c.cw {
        // The value after the bar, on the track.
        if w > 0.0 {
            c.rect(PAD, y, w, RANK_H, BAR, "rank");
        }
        c.rect(PAD + w, y, c.cw - w, RANK_H, TRACK, "track");
        let style = Style { size: SMALL, weight: Some("600"), fill: text_on(TRACK) };
        c.text(PAD + w + 6.0, b, style, "start", Some("value"), &bar.display);
    } else {
        // The value inside the end of the bar.
        if w < c.cw {
            c.rect(PAD + w, y, c.cw - w, RANK_H, TRACK, "track");
        }
        c.rect(PAD, y, w, RANK_H, BAR, "rank");
        let style = Style { size: SMALL, weight: Some("600"), fill: text_on(BAR) };
        c.text(PAD + w - 6.0, b, style, "end", Some("value"), &bar.display);
    }
    c.out.push_str("</g>\n");
}

fn columns(c: &mut Canvas, cols: &Columns) -> String {
    let m = cols.columns.len().max(1);
    let slot = c.cw / m as f64;
    let lh = (SMALL * 1.3).round();
    let top = c.y + lh;
    let bottom = top + COLUMNS_H;
    for (i, col) in cols.columns.iter().enumerate() {
        let share = if cols.max > 0.0 { (col.value / cols.max).clamp(0.0, 1.0) } else { 0.0 };
        let h = (COLUMNS_H * share * 10.0).round() / 10.0;
        let x = PAD + i as f64 * slot + slot * 0.1;
        if h > 0.0 {
            c.rect(x, bottom - h, slot * 0.8, h, BAR, "column");
        }
        if text_width(&col.display, SMALL, false) <= slot - 2.0 {
            let style = Style { size: SMALL, weight: None, fill: INK };
            c.text(x + slot * 0.4, bottom - h - 6.0, style, "middle", Some("above"), &col.display);
        }
    }
    c.out.push_str(&format!(
        "<path d=\"M{PAD} {} H{}\" stroke=\"{OUTLINE}\" stroke-width=\"1\" fill=\"none\"/>\n",
        coord(bottom),
        coord(PAD + c.cw)
    ));
    // Value labels under the columns, every `step`-th one so that they do not overlap.
    let widest = cols.columns.iter().map(|col| text_width(&col.label, SMALL, false)).fold(0.0, f64::max);
    let step = ((widest + 6.0) / slot).ceil().max(1.0) as usize;
    let last = m - 1;
    for (i, col) in cols.columns.iter().enumerate() {
        let regular = i % step == 0 && (i == last || last - i >= step);
        if regular || i == last {
            let x = PAD + i as f64 * slot + slot / 2.0;
            c.text(x, baseline(bottom + 2.0, lh, SMALL), SMALL_STYLE, "middle", None, &col.label);
        }
    }
    c.y = bottom + 2.0 + lh + 4.0;
    let half = c.cw / 2.0 - 8.0;
    let (start, end) =
        (wrap(&cols.start_label, SMALL, half, false), wrap(&cols.end_label, SMALL, half, false));
    for (i, line) in start.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
        c.text(PAD, baseline(c.y + i as f64 * lh, lh, SMALL), SUB_STYLE, "start", None, line);
    }
    for (i, line) in end.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
        c.text(PAD + c.cw, baseline(c.y + i as f64 * lh, lh, SMALL), SUB_STYLE, "end", None, line);
    }
    c.y += lh * start.len().max(end.len()) as f64 + ROW_GAP;
    cols.columns.iter().map(|col| format!("{}: {}.", col.label, col.display)).collect::<Vec<_>>().join(" ")
}
