//! QR codes of share codes: drawn as SVG on a participant's phone, and read back from a photo
//! or screenshot on the facilitator's side. The text inside is the same share code that would
//! be pasted in the chat.

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

/// Every QR code found in a greyscale image (`luma`: one byte per pixel, row by row, 0 black,
/// 255 white), as text. An image with no readable code is an error saying so.
pub fn read(width: usize, height: usize, luma: &[u8]) -> Result<Vec<String>, String> {
    if width == 0 || height == 0 || luma.len() < width * height {
        return Err("the image is empty or damaged".into());
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    let grids = img.detect_grids();
    if grids.is_empty() {
        return Err("no QR code found in the image: take the photo again, closer and sharper".into());
    }
    let mut found = Vec::new();
    let mut failed = 0;
    for g in grids {
        match g.decode() {
            Ok((_, text)) => found.push(text),
            Err(_) => failed += 1,
        }
    }
    if found.is_empty() {
        return Err(format!(
            "{failed} QR code{} found but not readable: take the photo again, closer and sharper",
            if failed == 1 { "" } else { "s" }
        ));
    }
    Ok(found)
}

/// Pixels of `rgba` (4 bytes a pixel, as a canvas gives them) as greyscale for [`read`].
pub fn luma_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let l = (u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000;
            // Transparent pixels are paper, not ink.
            let a = u32::from(p[3]);
            ((l * a + 255 * (255 - a)) / 255) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use qrcode::{Color, EcLevel, QrCode};

    /// `text` as a QR code image: `scale` pixels a module, a 4-module quiet zone.
    fn image(text: &str, scale: usize) -> (usize, Vec<u8>) {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
        let n = code.width();
        let side = (n + 8) * scale;
        let colors = code.to_colors();
        let mut px = vec![255u8; side * side];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = ((x / scale).wrapping_sub(4), (y / scale).wrapping_sub(4));
                if mx < n && my < n && colors[my * n + mx] == Color::Dark {
                    px[y * side + x] = 0;
                }
            }
        }
        (side, px)
    }

    #[test]
    fn reads_back_what_it_drew() {
        let text = "DK1-ANp_E18AJFz1pta7rt6gjIb8BdOwAQEJc2FtcGxlLTAxAmVuA0rcqbEZJCYzE4aYWxVzCYAAAAAAIkPa0c1HkIDTMyK0SNRyqOpunB7E6HDIyEWppNuR2hwA---atw";
        let (side, px) = image(text, 4);
        assert_eq!(super::read(side, side, &px), Ok(vec![text.to_string()]));
    }

    #[test]
    fn says_when_there_is_no_code() {
        let blank = vec![255u8; 100 * 100];
        assert!(super::read(100, 100, &blank).unwrap_err().contains("no QR code"));
        assert!(super::read(0, 0, &[]).is_err());
        assert!(super::read(10, 10, &[0; 5]).is_err());
    }

    #[test]
    fn rgba_to_grey() {
        assert_eq!(super::luma_of_rgba(&[0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0]), vec![0, 255, 255]);
    }

    #[test]
    fn renders_svg() {
        let s = super::svg("DK1-abcdefghijklmnopqrstuvwxyz0123456789_-").unwrap();
        assert!(s.starts_with("<?xml") || s.starts_with("<svg"), "{}", &s[..40]);
        assert!(s.contains("<path") || s.contains("<rect"));
    }
}
