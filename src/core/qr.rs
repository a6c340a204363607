//! QR codes of share codes, as SVG: a facilitator's camera (or a phone held to a laptop) reads
//! the same text that would be pasted in the chat.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG image of `text` as a QR code (error correction M), with its quiet zone.
pub fn svg(text: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| format!("cannot make a QR code: {e}"))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(240, 240)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn renders_svg() {
        let s = super::svg("DK1-abcdefghijklmnopqrstuvwxyz0123456789_-").unwrap();
        assert!(s.starts_with("<?xml") || s.starts_with("<svg"), "{}", &s[..40]);
        assert!(s.contains("<path") || s.contains("<rect"));
    }
}
