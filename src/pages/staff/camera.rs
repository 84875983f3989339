//! Scanning a ticket with the desk's webcam: the picture is read a few times a second and the
//! QR code decoded in wasm (quircs, a port of quirc), as Chromium on Linux has no
//! BarcodeDetector.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::I18n;

const LOOK_EVERY: Duration = Duration::from_millis(300);

/// The text of the first QR code in a picture given as RGBA pixels.
pub fn decode_qr(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .take(width * height)
        .map(|pixel| {
            let [red, green, blue] = [pixel[0], pixel[1], pixel[2]].map(u32::from);
            ((red * 299 + green * 587 + blue * 114) / 1000) as u8
        })
        .collect();
    if luma.len() != width * height {
        return None;
    }
    let mut decoder = quircs::Quirc::default();
    decoder
        .identify(width, height, &luma)
        .filter_map(Result::ok)
        .find_map(|code| String::from_utf8(code.decode().ok()?.payload).ok())
}

/// The camera view; calls `on_code` with the first code it reads, then switches the camera off.
#[component]
pub fn CameraScan(on_code: impl Fn(String) + Copy + 'static, on_close: impl Fn() + Copy + 'static) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let video = NodeRef::<leptos::html::Video>::new();
    let failed = RwSignal::new(false);
    let stream = StoredValue::new_local(None::<web_sys::MediaStream>);
    let stop = move || {
        stream.with_value(|stream| {
            if let Some(stream) = stream {
                for track in stream.get_tracks().iter() {
                    track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
                }
            }
        });
    };
    on_cleanup(stop);
    leptos::task::spawn_local(async move {
        match open_camera().await {
            Some(opened) => {
                if let Some(video) = video.get_untracked() {
                    video.set_src_object(Some(&opened));
                    let _ = video.play();
                }
                stream.set_value(Some(opened));
            }
            None => failed.set(true),
        }
    });
    let canvas = document().create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
    let canvas = StoredValue::new_local(canvas);
    let look = move || {
        let Some(video) = video.get_untracked() else { return };
        let (width, height) = (video.video_width(), video.video_height());
        if width == 0 || height == 0 {
            return;
        }
        let code = canvas.with_value(|canvas| {
            let canvas = canvas.as_ref()?;
            canvas.set_width(width);
            canvas.set_height(height);
            let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
            context.draw_image_with_html_video_element(&video, 0.0, 0.0).ok()?;
            let pixels = context.get_image_data(0.0, 0.0, f64::from(width), f64::from(height)).ok()?.data();
            decode_qr(&pixels, width as usize, height as usize)
        });
        if let Some(code) = code {
            stop();
            on_code(code);
        }
    };
    if let Ok(timer) = set_interval_with_handle(look, LOOK_EVERY) {
        on_cleanup(move || timer.clear());
    }
    view! {
        <section class="staff-camera" aria-labelledby="camera-heading">
            <h2 id="camera-heading">{move || i18n.t("staff-camera-scan")}</h2>
            {move || if failed.get() {
                view! { <p class="failure" role="alert">{move || i18n.t("staff-camera-unavailable")}</p> }.into_any()
            } else {
                view! { <p>{move || i18n.t("staff-camera-hint")}</p> }.into_any()
            }}
            <video node_ref=video class="camera-view" autoplay muted playsinline aria-hidden="true"></video>
            <button type="button" on:click=move |_| { stop(); on_close(); }>{move || i18n.t("staff-close")}</button>
        </section>
    }
}

async fn open_camera() -> Option<web_sys::MediaStream> {
    let devices = window().navigator().media_devices().ok()?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&true.into());
    let promise = devices.get_user_media_with_constraints(&constraints).ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_ticket_qr_code_is_read_back() {
        let url = "http://127.0.0.1:8080/t/q0fO8b6u3J3p1yQ2xW9aZg";
        let code = qrcode::QrCode::new(url.as_bytes()).unwrap();
        let size = code.width();
        let (scale, margin) = (6, 24);
        let side = size * scale + 2 * margin;
        let mut rgba = vec![255u8; side * side * 4];
        for y in 0..size {
            for x in 0..size {
                if code[(x, y)] == qrcode::Color::Dark {
                    for dy in 0..scale {
                        for dx in 0..scale {
                            let at = ((margin + y * scale + dy) * side + margin + x * scale + dx) * 4;
                            rgba[at..at + 3].copy_from_slice(&[0, 0, 0]);
                        }
                    }
                }
            }
        }

        assert_eq!(decode_qr(&rgba, side, side).as_deref(), Some(url));
        assert_eq!(decode_qr(&vec![255; 64 * 64 * 4], 64, 64), None);
    }
}
