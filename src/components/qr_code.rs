use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode as Code};

/// An SVG QR code for `text`, drawn black on white with the quiet zone scanners need.
///
/// Error correction level M survives a crumpled printout or a phone camera at an angle while
/// keeping the code small enough to scan from an 80 mm ticket.
pub fn qr_svg(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = Code::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(256, 256)
        .quiet_zone(true)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build())
}

/// A QR code as an image with a spoken description (`label`).
#[component]
pub fn QrCode(#[prop(into)] text: String, #[prop(into)] label: Signal<String>) -> impl IntoView {
    // The SVG comes from the qrcode crate, not from user input, so it is safe as markup.
    let markup = qr_svg(&text).map(|svg| svg.trim_start_matches(|c| c != '<').to_owned()).unwrap_or_default();
    view! { <div class="qr-code" role="img" aria-label=label inner_html=markup></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_url_becomes_an_svg_image() {
        let svg = qr_svg("http://127.0.0.1:8080/t/q0fO8b6u3J3p1yQ2xW9aZg").unwrap();

        assert!(svg.contains("<svg"), "{svg}");
        assert!(svg.contains("#000"));
    }
}
