//! What the results page receives, read into memory: dropped or picked files (records, bundles,
//! chat transcripts, photos of QR codes) and pasted text. Sizes are checked before anything is
//! read, so a 1 GB file is refused at once instead of freezing the tab.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap};

use crate::core::dataset::MAX_IMPORT_BYTES;
use crate::core::qr;

/// One thing to import: its name (file name or `pasted text`) and its content.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub source: String,
    pub content: Content,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// The bytes of a file (the core checks they are UTF-8 text).
    Bytes(Vec<u8>),
    /// Text: pasted, or read from QR codes.
    Text(String),
    /// Could not be read at all: why.
    Unreadable(String),
}

/// Whether a file is a picture (read for QR codes rather than as text).
fn is_image(file: &File) -> bool {
    let name = file.name().to_lowercase();
    file.type_().starts_with("image/")
        || [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp"].iter().any(|e| name.ends_with(e))
}

/// Reads a picked or dropped file.
pub async fn read(file: File) -> Incoming {
    let source = file.name();
    let size = file.size() as usize;
    let content = if size > MAX_IMPORT_BYTES {
        Content::Unreadable(format!(
            "it is {} MB, more than the {} MB read at once: split it, or use the dialogue-kit program",
            size / 1_000_000,
            MAX_IMPORT_BYTES / 1_000_000
        ))
    } else if size == 0 {
        Content::Unreadable("the file is empty".into())
    } else if is_image(&file) {
        match read_qr(&file).await {
            Ok(codes) => Content::Text(codes.join("\n")),
            Err(e) => Content::Unreadable(e),
        }
    } else {
        match JsFuture::from(file.array_buffer()).await {
            Ok(buf) => Content::Bytes(js_sys::Uint8Array::new(&buf).to_vec()),
            Err(_) => Content::Unreadable("the browser could not read the file".into()),
        }
    };
    Incoming { source, content }
}

/// The texts of the QR codes in a picture.
async fn read_qr(file: &File) -> Result<Vec<String>, String> {
    let not_a_picture = || "not a picture this browser can open".to_string();
    let window = web_sys::window().ok_or_else(not_a_picture)?;
    let promise = window.create_image_bitmap_with_blob(file).map_err(|_| not_a_picture())?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| not_a_picture())?
        .dyn_into()
        .map_err(|_| not_a_picture())?;
    // Large photos are scaled down: QR codes stay readable and memory stays small.
    let (w, h) = (bitmap.width() as f64, bitmap.height() as f64);
    let scale = (1600.0 / w.max(h)).min(1.0);
    let (cw, ch) = ((w * scale).round().max(1.0) as u32, (h * scale).round().max(1.0) as u32);
    let canvas: HtmlCanvasElement = window
        .document()
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(not_a_picture)?;
    canvas.set_width(cw);
    canvas.set_height(ch);
    let ctx: CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or_else(not_a_picture)?;
    ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, cw as f64, ch as f64)
        .map_err(|_| not_a_picture())?;
    let data = ctx.get_image_data(0.0, 0.0, cw as f64, ch as f64).map_err(|_| not_a_picture())?;
    let luma = qr::luma_of_rgba(&data.data());
    qr::read(cw as usize, ch as usize, &luma)
}
