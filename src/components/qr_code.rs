use std::fmt::Write;

use leptos::prelude::*;
use qrcode::{Color, EcLevel, QrCode as Code};

/// The light margin around the code that scanners need, in modules (the standard's four).
const QUIET_ZONE: usize = 4;

/// An SVG QR code for `text`, drawn black on white with the quiet zone scanners need. The
/// display size comes from CSS; the SVG only says where the dark modules are, one path
/// segment per run of dark modules in a row. (Drawn here rather than with the crate's
/// generic renderer, which costs every kiosk about 2 KB more download.)
///
/// Error correction level M survives a crumpled printout or a phone camera at an angle while
/// keeping the code small enough to scan from an 80 mm ticket.
pub fn qr_svg(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = Code::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let width = code.width();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in code.to_colors().chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            let run = row[x..].iter().take_while(|&&color| color == Color::Dark).count();
            if run > 0 {
                let _ = write!(path, "M{} {}h{run}v1h-{run}z", x + QUIET_ZONE, y + QUIET_ZONE);
            }
            x += run.max(1);
        }
    }
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="256" height="256" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>"##
    ))
}

/// A QR code as an image with a spoken description (`label`).
#[component]
pub fn QrCode(#[prop(into)] text: String, #[prop(into)] label: Signal<String>) -> impl IntoView {
    // The SVG comes from the qrcode crate, not from user input, so it is safe as markup.
    let markup = qr_svg(&text).unwrap_or_default();
    view! { <div class="qr-code" role="img" aria-label=label inner_html=markup></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "http://127.0.0.1:8080/t/q0fO8b6u3J3p1yQ2xW9aZg";

    /// The dark modules the SVG's path draws, read back from its `M x y h run` segments.
    fn drawn_modules(svg: &str) -> Vec<(usize, usize)> {
        let path = svg.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
        let mut modules = Vec::new();
        for segment in path.split('M').filter(|s| !s.is_empty()) {
            let (x, rest) = segment.split_once(' ').unwrap();
            let (y, rest) = rest.split_once('h').unwrap();
            let run: usize = rest.split('v').next().unwrap().parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            modules.extend((x..x + run).map(|x| (x, y)));
        }
        modules
    }

    #[test]
    fn the_svg_draws_exactly_the_dark_modules_inside_a_quiet_zone() {
        let svg = qr_svg(URL).unwrap();

        let code = Code::with_error_correction_level(URL.as_bytes(), EcLevel::M).unwrap();
        let width = code.width();
        let dark: Vec<(usize, usize)> = code
            .to_colors()
            .iter()
            .enumerate()
            .filter(|(_, color)| **color == Color::Dark)
            .map(|(i, _)| (i % width + QUIET_ZONE, i / width + QUIET_ZONE))
            .collect();
        assert_eq!(drawn_modules(&svg), dark);
        let size = width + 2 * QUIET_ZONE;
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains(&format!("viewBox=\"0 0 {size} {size}\"")), "{svg}");
    }
}
