//! An evidence file picked on the phone, made ready to store (issue 14): a photo is checked from
//! its header, decoded off the main thread, downscaled and re-encoded; a PDF is kept as it is.
//!
//! For an image, in this order:
//! 1. The first [`HEAD_BYTES`] are read (a slice: the rest of the file is not), its kind taken
//!    from its first bytes (never the name) and its pixel size from its header; more than
//!    `attachments::MAX_PIXELS` is refused BEFORE anything is decoded (a 50 MP photo takes 200 MB
//!    to decode on a cheap phone).
//! 2. `createImageBitmap(file, {imageOrientation: "from-image", resizeWidth, resizeHeight,
//!    resizeQuality: "high"})` decodes it (off the main thread in Chromium and Firefox), turned
//!    upright by its EXIF orientation and scaled so its longest side is at most
//!    `attachments::PHOTO_LONGEST_SIDE`. The resize sizes are those of the upright picture
//!    (checked in Chromium: a 1000×700 photo with orientation 6 asked for 700×1000 comes out
//!    700×1000), so the orientation is read from the header here ([`exif_orientation`]). A file
//!    the browser cannot decode (not an image, a JPEG cut short) is refused here: the promise
//!    rejects.
//! 3. It is drawn on an `OffscreenCanvas` (a `<canvas>` where there is none) over white (a
//!    transparent PNG would turn black) and encoded with `convertToBlob({type: "image/jpeg",
//!    quality: JPEG_QUALITY})` (`toBlob` on the canvas): a new file of pixels only, so the EXIF
//!    block, the GPS position included, is gone by construction.
//!
//! A PDF: refused from its size alone when its size or type says so, else its first bytes must
//! be `%PDF-` and its size at most `attachments::MAX_PDF_BYTES` before the whole is read.
//!
//! Main thread: the decode and the encode are the browser's asynchronous work, and the code here
//! only copies the 128 KB head and the result (hashing the ~150 KB result is a few ms). Measured
//! in Chromium at 4× CPU (tests/e2e/photos.spec.mjs, MEASURE=1): done here, a 12 MP photo was
//! stored in 0.9–1.7 s from the input's change, and the longest main-thread task was 195–280 ms:
//! Chromium does the high-quality resize of `createImageBitmap` on the calling thread once the
//! decode is done. So the same pipeline runs in a worker (`static/photo-worker.js`: createImageBitmap
//! and OffscreenCanvas exist there) wherever the browser has both; the main-thread path stays as
//! the fallback (a browser without OffscreenCanvas in workers, or a worker that cannot start).
//! In the worker: stored in under 0.9 s, longest main-thread task 58 ms or none over 50 ms.

use crate::draft::attachments::{self, FileProblem, Kind, MAX_PDF_BYTES, PHOTO_LONGEST_SIDE};

/// JPEG quality of a stored photo. Measured on tests/fixtures/evidence/certificate.jpg upscaled
/// to 12 MP (3000×4000, 714 KB at 0.92) and stored at 1200×1600 by this code in Chromium:
/// 0.6 → 108 KB, 0.7 → 123 KB, 0.8 → 145 KB, 0.85 → 162 KB. The 18 px fine print ("Chữ nhỏ:
/// số lô, ngày cấp, cơ quan cấp.") reads at every one, but 0.6 shows block noise around the
/// letters and their diacritics; 0.7 is clean to the eye, and 0.8 costs 18 % more for no
/// visible gain. A camera photo (noise, texture) comes out larger, a few hundred KB.
pub const JPEG_QUALITY: f64 = 0.7;

/// How much of a picked file is read to know its kind and pixel size.
pub const HEAD_BYTES: u64 = 128 * 1024;

/// Largest picture file read at all (bytes): a 50 MP JPEG is well under this.
pub const MAX_SOURCE_IMAGE_BYTES: u64 = 64_000_000;

/// Why a picked file cannot be attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// The checks of `draft::attachments` (kind, size, pixels).
    Problem(FileProblem),
    /// The browser could not decode the picture (damaged, cut short, not really an image).
    Undecodable,
    /// The file could not be read or the picture encoded (by the browser's words).
    Failed(String),
}

impl From<FileProblem> for PhotoError {
    fn from(p: FileProblem) -> Self {
        PhotoError::Problem(p)
    }
}

/// The EXIF orientation (1–8) in a JPEG's header, `None` when it has none.
pub fn exif_orientation(head: &[u8]) -> Option<u16> {
    if !head.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut i = 2;
    while i + 4 <= head.len() {
        if head[i] != 0xFF {
            return None;
        }
        let marker = head[i + 1];
        if marker == 0xDA || marker == 0xD9 {
            return None; // the picture data starts: no APP1 before it
        }
        let len = usize::from(u16::from_be_bytes([head[i + 2], head[i + 3]]));
        let body = head.get(i + 4..(i + 2 + len).min(head.len()))?;
        if marker == 0xE1 && body.starts_with(b"Exif\0\0") {
            return tiff_orientation(&body[6..]);
        }
        i += 2 + len;
    }
    None
}

fn tiff_orientation(t: &[u8]) -> Option<u16> {
    let le = match t.get(..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |o: usize| -> Option<u16> {
        let b = [*t.get(o)?, *t.get(o + 1)?];
        Some(if le {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |o: usize| -> Option<u32> {
        let b = [*t.get(o)?, *t.get(o + 1)?, *t.get(o + 2)?, *t.get(o + 3)?];
        Some(if le {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count.min(500))
        .map(|k| ifd + 2 + 12 * k)
        .find(|e| u16_at(*e) == Some(0x0112))
        .and_then(|e| u16_at(e + 8))
        .filter(|o| (1..=8).contains(o))
}

/// The size to decode a `width`×`height` picture (as its header gives it) at: upright (EXIF
/// orientations 5–8 turn it a quarter), with the longest side at most
/// [`PHOTO_LONGEST_SIDE`], never enlarged.
pub fn target_size(width: u32, height: u32, orientation: Option<u16>) -> (u32, u32) {
    let (w, h) = match orientation {
        Some(5..=8) => (height, width),
        _ => (width, height),
    };
    let longest = w.max(h).max(1);
    if longest <= PHOTO_LONGEST_SIDE {
        return (w.max(1), h.max(1));
    }
    let scale = |x: u32| -> u32 {
        let v = (u64::from(x) * u64::from(PHOTO_LONGEST_SIDE) + u64::from(longest) / 2)
            / u64::from(longest);
        u32::try_from(v).unwrap_or(PHOTO_LONGEST_SIDE).max(1)
    };
    (scale(w), scale(h))
}

/// What the first bytes and the size of a picked file decide before anything is decoded:
/// `Ok(Kind)` to go on, or why it is refused. `size` is the file's size in bytes.
pub fn precheck(head: &[u8], size: u64) -> Result<(Kind, Option<(u32, u32)>), FileProblem> {
    let kind = Kind::sniff(head).ok_or(FileProblem::NotSupported)?;
    match kind {
        Kind::Pdf => {
            if size > MAX_PDF_BYTES {
                return Err(FileProblem::TooLarge {
                    bytes: size,
                    limit: MAX_PDF_BYTES,
                });
            }
            Ok((kind, None))
        }
        Kind::Jpeg | Kind::Png => {
            if size > MAX_SOURCE_IMAGE_BYTES {
                return Err(FileProblem::TooLarge {
                    bytes: size,
                    limit: MAX_SOURCE_IMAGE_BYTES,
                });
            }
            let (w, h) = attachments::image_size(head).ok_or(FileProblem::Unreadable)?;
            attachments::check_pixels(w, h)?;
            Ok((kind, Some((w, h))))
        }
    }
}

/// What the name and the browser's type say, before reading a byte: a file said to be a PDF and
/// larger than [`MAX_PDF_BYTES`], or larger than anything kept, is refused from its size alone.
pub fn refuse_by_size(name: &str, mime: &str, size: u64) -> Option<FileProblem> {
    let says_pdf = mime == "application/pdf" || name.to_lowercase().ends_with(".pdf");
    let limit = if says_pdf {
        MAX_PDF_BYTES
    } else {
        MAX_SOURCE_IMAGE_BYTES
    };
    (size > limit).then_some(FileProblem::TooLarge { bytes: size, limit })
}

/// A file picked in an `<input type="file">`.
#[derive(Clone, Debug, PartialEq)]
pub struct PickedFile {
    pub name: String,
    pub size: u64,
    pub mime: String,
    #[cfg(target_arch = "wasm32")]
    file: web_sys::File,
}

/// The files picked in the input an event came from, in order (the input is then cleared, so
/// picking the same file again fires another change).
pub fn picked_files(e: &yew::Event) -> Vec<PickedFile> {
    imp::picked_files(e)
}

/// The bytes to store for a picked file (a re-encoded JPEG, or the PDF as it is), checked.
pub async fn process(f: &PickedFile) -> Result<Vec<u8>, PhotoError> {
    if let Some(p) = refuse_by_size(&f.name, &f.mime, f.size) {
        return Err(p.into());
    }
    imp::process(f).await
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Blob, ImageBitmap, ImageBitmapOptions, ImageOrientation, ResizeQuality};

    use super::*;

    pub fn picked_files(e: &yew::Event) -> Vec<PickedFile> {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Some(list) = input.files() {
            for i in 0..list.length() {
                if let Some(file) = list.get(i) {
                    let size = file.size();
                    out.push(PickedFile {
                        name: file.name(),
                        size: if size.is_finite() && size >= 0.0 {
                            size as u64
                        } else {
                            u64::MAX
                        },
                        mime: file.type_(),
                        file,
                    });
                }
            }
        }
        input.set_value("");
        out
    }

    fn failed(e: JsValue) -> PhotoError {
        let name = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.name()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "Error".into());
        PhotoError::Failed(name)
    }

    async fn bytes_of(blob: &Blob) -> Result<Vec<u8>, PhotoError> {
        let buf = JsFuture::from(blob.array_buffer()).await.map_err(failed)?;
        Ok(Uint8Array::new(&buf).to_vec())
    }

    pub async fn process(f: &PickedFile) -> Result<Vec<u8>, PhotoError> {
        let blob: &Blob = f.file.as_ref();
        let head_len = (f.size.min(HEAD_BYTES)) as f64;
        let head = bytes_of(&blob.slice_with_f64_and_f64(0.0, head_len).map_err(failed)?).await?;
        let (kind, size) = match precheck(&head, f.size) {
            // A header further in than the first slice (a long EXIF or colour profile): one more
            // try with a larger one.
            Err(FileProblem::Unreadable) if f.size > HEAD_BYTES => {
                let more = (f.size.min(HEAD_BYTES * 8)) as f64;
                let head =
                    bytes_of(&blob.slice_with_f64_and_f64(0.0, more).map_err(failed)?).await?;
                precheck(&head, f.size)?
            }
            other => other?,
        };
        if kind == Kind::Pdf {
            return bytes_of(blob).await;
        }
        let (w, h) = size.ok_or(PhotoError::Problem(FileProblem::Unreadable))?;
        let (tw, th) = target_size(w, h, exif_orientation(&head));
        match in_worker(blob, tw, th).await {
            Some(Ok(out)) => {
                let bytes = bytes_of(&out).await?;
                attachments::inspect(&bytes)?;
                return Ok(bytes);
            }
            Some(Err(e)) => return Err(e),
            None => {}
        }
        let bitmap = decode(blob, tw, th).await?;
        let out = encode(&bitmap).await;
        bitmap.close();
        let bytes = bytes_of(&out?).await?;
        attachments::inspect(&bytes)?;
        Ok(bytes)
    }

    thread_local! {
        /// The photo worker, started at the first photo (None inside: it could not start).
        static WORKER: std::cell::RefCell<Option<Option<web_sys::Worker>>> = const { std::cell::RefCell::new(None) };
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }

    fn worker() -> Option<web_sys::Worker> {
        WORKER.with(|w| {
            let mut w = w.borrow_mut();
            if w.is_none() {
                let global = js_sys::global();
                let can = Reflect::has(&global, &"Worker".into()).unwrap_or(false)
                    && Reflect::has(&global, &"OffscreenCanvas".into()).unwrap_or(false);
                *w = Some(
                    can.then(|| web_sys::Worker::new("static/photo-worker.js").ok())
                        .flatten(),
                );
            }
            w.clone().flatten()
        })
    }

    /// The pipeline in the worker: `None` when there is none (then the caller does it here).
    async fn in_worker(blob: &Blob, w: u32, h: u32) -> Option<Result<Blob, PhotoError>> {
        let worker = worker()?;
        let id = NEXT.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        });
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"id".into(), &id.into());
        let _ = Reflect::set(&message, &"blob".into(), blob);
        let _ = Reflect::set(&message, &"width".into(), &w.into());
        let _ = Reflect::set(&message, &"height".into(), &h.into());
        let _ = Reflect::set(&message, &"quality".into(), &JPEG_QUALITY.into());
        let target = worker.clone();
        let reply = Promise::new(&mut |resolve, _reject| {
            let target2 = target.clone();
            let listener = std::rc::Rc::new(std::cell::RefCell::new(
                None::<wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>>,
            ));
            let keep = listener.clone();
            let cb = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let same = Reflect::get(&data, &"id".into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        == Some(f64::from(id));
                    if !same {
                        return;
                    }
                    if let Some(cb) = keep.borrow_mut().take() {
                        let _ = target2.remove_event_listener_with_callback(
                            "message",
                            cb.as_ref().unchecked_ref(),
                        );
                    }
                    let _ = resolve.call1(&JsValue::NULL, &data);
                },
            );
            let _ = target.add_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
            *listener.borrow_mut() = Some(cb);
        });
        if worker.post_message(&message).is_err() {
            return None;
        }
        let data = JsFuture::from(reply).await.ok()?;
        let ok = Reflect::get(&data, &"ok".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if ok {
            return Some(
                Reflect::get(&data, &"blob".into())
                    .ok()
                    .and_then(|b| b.dyn_into::<Blob>().ok())
                    .ok_or_else(|| PhotoError::Failed("worker".into())),
            );
        }
        let stage = Reflect::get(&data, &"stage".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let name = Reflect::get(&data, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        Some(Err(if stage == "decode" {
            PhotoError::Undecodable
        } else {
            PhotoError::Failed(name)
        }))
    }

    async fn decode(blob: &Blob, w: u32, h: u32) -> Result<ImageBitmap, PhotoError> {
        let window = web_sys::window().ok_or_else(|| PhotoError::Failed("window".into()))?;
        let options = ImageBitmapOptions::new();
        options.set_image_orientation(ImageOrientation::FromImage);
        options.set_resize_width(w);
        options.set_resize_height(h);
        options.set_resize_quality(ResizeQuality::High);
        let promise = window
            .create_image_bitmap_with_blob_and_image_bitmap_options(blob, &options)
            .map_err(|_| PhotoError::Undecodable)?;
        JsFuture::from(promise)
            .await
            .map_err(|_| PhotoError::Undecodable)?
            .dyn_into::<ImageBitmap>()
            .map_err(|_| PhotoError::Undecodable)
    }

    /// Draw over white and encode as JPEG.
    async fn encode(bitmap: &ImageBitmap) -> Result<Blob, PhotoError> {
        let (w, h) = (bitmap.width(), bitmap.height());
        let has_offscreen =
            Reflect::has(&js_sys::global(), &"OffscreenCanvas".into()).unwrap_or(false);
        if has_offscreen {
            let canvas = web_sys::OffscreenCanvas::new(w, h).map_err(failed)?;
            let ctx = canvas
                .get_context("2d")
                .map_err(failed)?
                .and_then(|c| {
                    c.dyn_into::<web_sys::OffscreenCanvasRenderingContext2d>()
                        .ok()
                })
                .ok_or_else(|| PhotoError::Failed("2d".into()))?;
            ctx.set_fill_style_str("#fff");
            ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
            ctx.draw_image_with_image_bitmap(bitmap, 0.0, 0.0)
                .map_err(failed)?;
            let options = web_sys::ImageEncodeOptions::new();
            options.set_type(Kind::Jpeg.mime());
            options.set_quality(JPEG_QUALITY);
            let blob = JsFuture::from(
                canvas
                    .convert_to_blob_with_options(&options)
                    .map_err(failed)?,
            )
            .await
            .map_err(failed)?;
            return blob.dyn_into::<Blob>().map_err(failed);
        }
        // Safari before 16.4: a canvas element, never attached to the page.
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| PhotoError::Failed("document".into()))?;
        let canvas: web_sys::HtmlCanvasElement = document
            .create_element("canvas")
            .map_err(failed)?
            .dyn_into()
            .map_err(|_| PhotoError::Failed("canvas".into()))?;
        canvas.set_width(w);
        canvas.set_height(h);
        let ctx = canvas
            .get_context("2d")
            .map_err(failed)?
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            .ok_or_else(|| PhotoError::Failed("2d".into()))?;
        ctx.set_fill_style_str("#fff");
        ctx.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
        ctx.draw_image_with_image_bitmap(bitmap, 0.0, 0.0)
            .map_err(failed)?;
        let mut call = None;
        let promise = Promise::new(&mut |ok: js_sys::Function, _err: js_sys::Function| {
            call = Some(ok);
        });
        let ok = call.ok_or_else(|| PhotoError::Failed("toBlob".into()))?;
        canvas
            .to_blob_with_type_and_encoder_options(
                &ok,
                Kind::Jpeg.mime(),
                &JsValue::from_f64(JPEG_QUALITY),
            )
            .map_err(failed)?;
        JsFuture::from(promise)
            .await
            .map_err(failed)?
            .dyn_into::<Blob>()
            .map_err(|_| PhotoError::Failed("toBlob".into()))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn picked_files(_e: &yew::Event) -> Vec<PickedFile> {
        Vec::new()
    }

    pub async fn process(_f: &PickedFile) -> Result<Vec<u8>, PhotoError> {
        Err(PhotoError::Failed("no browser".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("tests/fixtures/evidence/{name}")).expect("fixture")
    }

    #[test]
    fn the_orientation_is_read_from_the_exif_block() {
        assert_eq!(exif_orientation(&fixture("contract-rotated.jpg")), Some(6));
        assert_eq!(exif_orientation(&fixture("certificate.jpg")), None);
        assert_eq!(exif_orientation(&fixture("label.png")), None);
        assert_eq!(exif_orientation(b"\xFF\xD8\xFF\xE1\x00"), None, "cut short");
        assert_eq!(exif_orientation(&[]), None);
    }

    #[test]
    fn photos_are_decoded_upright_and_at_most_1600_px() {
        assert_eq!(target_size(4000, 3000, None), (1600, 1200));
        assert_eq!(
            target_size(4000, 3000, Some(6)),
            (1200, 1600),
            "turned a quarter"
        );
        assert_eq!(
            target_size(1000, 700, Some(6)),
            (700, 1000),
            "never enlarged"
        );
        assert_eq!(target_size(1000, 700, Some(3)), (1000, 700));
        assert_eq!(target_size(30_000, 10, None), (1600, 1));
    }

    #[test]
    fn what_is_refused_before_decoding() {
        assert_eq!(
            precheck(&fixture("not-an-image.jpg"), 22),
            Err(FileProblem::NotSupported)
        );
        let cert = fixture("certificate.jpg");
        assert_eq!(
            precheck(&cert, cert.len() as u64),
            Ok((Kind::Jpeg, Some((1200, 1600))))
        );
        // A PNG header claiming 8000 × 7000 pixels (56 MP).
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&8000u32.to_be_bytes());
        png.extend_from_slice(&7000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
        assert!(matches!(
            precheck(&png, 1000),
            Err(FileProblem::TooManyPixels { .. })
        ));
        assert!(matches!(
            precheck(b"%PDF-1.7\n", MAX_PDF_BYTES + 1),
            Err(FileProblem::TooLarge { .. })
        ));
        assert_eq!(
            precheck(b"%PDF-1.7\n", MAX_PDF_BYTES),
            Ok((Kind::Pdf, None))
        );
        // A 200 MB PDF is refused from its size, before a byte is read.
        assert!(refuse_by_size("ho-so.PDF", "", 200_000_000).is_some());
        assert!(refuse_by_size("x", "application/pdf", 200_000_000).is_some());
        assert!(refuse_by_size("photo.jpg", "image/jpeg", 20_000_000).is_none());
        assert!(refuse_by_size("photo.jpg", "image/jpeg", 200_000_000).is_some());
    }
}
