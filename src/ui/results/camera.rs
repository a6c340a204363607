//! Scanning participants' QR codes with the device's camera, one after another: the facilitator
//! holds each phone up in turn; every new code read is imported at once, with a short beep and
//! a vibration, and counted on screen. Picking photos of codes (the file picker) stays the way
//! when there is no camera, or it is refused.
//!
//! Four times a second the picture in view is drawn, small, on a canvas and read for QR codes
//! ([`crate::core::qr`]). A code is imported once per scanning session, and only when its
//! checksum holds ([`crate::core::code::open`]): a half-seen or damaged code makes no sound.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AudioContext, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints,
};
use yew::prelude::*;

use super::files::{Content, Incoming};
use crate::core::{code, qr};

/// The widest picture read for codes: enough for a phone held 20-40 cm away.
const READ_WIDTH: f64 = 640.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub on_import: Callback<Vec<Incoming>>,
}

#[derive(Clone, Debug, PartialEq)]
enum Scan {
    Off,
    Starting,
    /// Codes read (and imported) since the camera was started.
    On(usize),
    Failed(String),
}

/// What a running scan holds: released by [`Session::stop`].
struct Session {
    stream: MediaStream,
    timer: i32,
    _tick: Closure<dyn FnMut()>,
    audio: Option<AudioContext>,
}

impl Session {
    fn stop(self) {
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.timer);
        }
        for track in self.stream.get_tracks().iter() {
            if let Ok(t) = track.dyn_into::<web_sys::MediaStreamTrack>() {
                t.stop();
            }
        }
        if let Some(a) = self.audio {
            let _ = a.close();
        }
    }
}

/// A short beep and a vibration: a code was read.
fn signal(audio: Option<&AudioContext>) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().vibrate_with_duration(120);
    }
    let Some(ctx) = audio else { return };
    let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else { return };
    osc.frequency().set_value(880.0);
    gain.gain().set_value(0.2);
    let now = ctx.current_time();
    if osc.connect_with_audio_node(&gain).is_ok() && gain.connect_with_audio_node(&ctx.destination()).is_ok()
    {
        let _ = osc.start();
        let _ = osc.stop_with_when(now + 0.12);
    }
}

/// The share codes in the picture `video` shows, if any.
fn read_frame(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Vec<String> {
    let (w, h) = (video.video_width() as f64, video.video_height() as f64);
    if video.ready_state() < 2 || w == 0.0 || h == 0.0 {
        return Vec::new();
    }
    let scale = (READ_WIDTH / w).min(1.0);
    let (cw, ch) = ((w * scale).round() as u32, (h * scale).round() as u32);
    canvas.set_width(cw);
    canvas.set_height(ch);
    let ctx: Option<CanvasRenderingContext2d> =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok());
    let Some(ctx) = ctx else { return Vec::new() };
    if ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, cw as f64, ch as f64).is_err() {
        return Vec::new();
    }
    let Ok(data) = ctx.get_image_data(0.0, 0.0, cw as f64, ch as f64) else { return Vec::new() };
    let luma = qr::luma_of_rgba(&data.data());
    qr::read(cw as usize, ch as usize, &luma).unwrap_or_default()
}

/// Opens the back camera (the front one when there is no other).
async fn open_camera() -> Result<MediaStream, String> {
    let refused = |e: wasm_bindgen::JsValue| {
        let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" => {
                "the camera was not allowed: allow it in the browser, or use Choose files".to_string()
            }
            "NotFoundError" => "this device has no camera: use Choose files".to_string(),
            _ => format!("the camera could not be opened ({name}): use Choose files"),
        }
    };
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or("this browser cannot use a camera here (it needs HTTPS): use Choose files")?;
    let video = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into());
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&video);
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(refused)?;
    JsFuture::from(promise)
        .await
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| "no picture from the camera".to_string())
}

#[component]
pub fn CameraScan(props: &Props) -> Html {
    let scan = use_state(|| Scan::Off);
    let video = use_node_ref();
    let session: Rc<RefCell<Option<Session>>> = use_mut_ref(|| None);
    {
        // Leaving the page stops the camera.
        let session = session.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(s) = session.borrow_mut().take() {
                    s.stop();
                }
            }
        });
    }
    let start = {
        let (scan, video, session, on_import) =
            (scan.clone(), video.clone(), session.clone(), props.on_import.clone());
        Callback::from(move |_: MouseEvent| {
            scan.set(Scan::Starting);
            // Made during the tap, so that the browser lets it play.
            let audio = AudioContext::new().ok();
            let (scan, video, session, on_import) =
                (scan.clone(), video.clone(), session.clone(), on_import.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let stream = match open_camera().await {
                    Ok(s) => s,
                    Err(e) => return scan.set(Scan::Failed(e)),
                };
                let Some(el) = video.cast::<HtmlVideoElement>() else { return };
                el.set_src_object(Some(&stream));
                let _ = el.play();
                let canvas: Option<HtmlCanvasElement> = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("canvas").ok())
                    .and_then(|c| c.dyn_into().ok());
                let Some(canvas) = canvas else { return };
                let seen: RefCell<BTreeSet<String>> = RefCell::new(BTreeSet::new());
                let audio_for_tick = audio.clone();
                let tick_scan = scan.clone();
                let tick = Closure::<dyn FnMut()>::new(move || {
                    let fresh: Vec<String> = read_frame(&el, &canvas)
                        .into_iter()
                        .filter(|c| code::open(c).is_ok())
                        .filter(|c| seen.borrow_mut().insert(c.clone()))
                        .collect();
                    if fresh.is_empty() {
                        return;
                    }
                    for _ in &fresh {
                        signal(audio_for_tick.as_ref());
                    }
                    on_import.emit(vec![Incoming {
                        source: "camera".into(),
                        content: Content::Text(fresh.join("\n")),
                    }]);
                    tick_scan.set(Scan::On(seen.borrow().len()));
                });
                let Some(timer) = web_sys::window().and_then(|w| {
                    w.set_interval_with_callback_and_timeout_and_arguments_0(
                        tick.as_ref().unchecked_ref(),
                        250,
                    )
                    .ok()
                }) else {
                    return;
                };
                if let Some(old) = session.borrow_mut().replace(Session { stream, timer, _tick: tick, audio })
                {
                    old.stop();
                }
                scan.set(Scan::On(0));
            });
        })
    };
    let stop = {
        let (scan, session) = (scan.clone(), session.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = session.borrow_mut().take() {
                s.stop();
            }
            scan.set(Scan::Off);
        })
    };
    let running = matches!(*scan, Scan::On(_) | Scan::Starting);
    let status = match &*scan {
        Scan::Off => String::new(),
        Scan::Starting => "Opening the camera…".to_string(),
        Scan::On(0) => "Hold a participant's QR code in front of the camera.".to_string(),
        Scan::On(1) => "1 code read. Hold up the next one.".to_string(),
        Scan::On(n) => format!("{n} codes read. Hold up the next one."),
        Scan::Failed(e) => format!("No camera: {e}."),
    };
    html! {
        <div class="camera" data-testid="camera">
            if running {
                <button type="button" class="button" onclick={stop}>{ "Stop the camera" }</button>
            } else {
                <button type="button" class="button" onclick={start}>{ "Scan QR codes with the camera" }</button>
            }
            <p role="status" data-testid="camera-status">{ status }</p>
            <video ref={video} class={classes!("camera-view", (!running).then_some("hidden"))}
                   aria-label="What the camera sees" muted=true autoplay=true playsinline=true />
        </div>
    }
}
