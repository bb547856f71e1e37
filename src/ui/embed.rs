//! Embedding in a host page, the app's side: the theme colour asked for by the address (a
//! palette with readable white text, applied to `:root` and the toolbar colour), the embedding
//! parameters read once (with a console warning in a frame whose `origin` is missing or
//! malformed), the messages to the host page (content height; the result after every change
//! of the assessment), and the live score kept in the part of the frame the user sees.
//! Parsing the parameters, posting and listening are [`crate::platform::embed`]'s.

use std::rc::Rc;

use yew::prelude::*;

use crate::assess::Assessment;
use crate::platform::embed::{self, EmbedConfig};
use crate::platform::page;

use super::Shared;

/// The palette for a theme colour: `--pri` (buttons, header; darkened until white text on it
/// has at least 4.5:1 contrast), `--pri-dark` and `--pri-soft`.
pub fn theme_palette(colour: &str) -> Option<Vec<(&'static str, String)>> {
    let hex = colour.trim().trim_start_matches('#');
    let hex = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect::<String>(),
        6 => hex.to_string(),
        _ => return None,
    };
    let mut rgb = [0f64; 3];
    for (i, v) in rgb.iter_mut().enumerate() {
        *v = f64::from(u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?);
    }
    let lum = |c: [f64; 3]| {
        let lin = |v: f64| {
            let s = v / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    };
    let contrast_with_white = |c: [f64; 3]| 1.05 / (lum(c) + 0.05);
    let mut pri = rgb;
    for _ in 0..40 {
        if contrast_with_white(pri) >= 4.6 {
            break;
        }
        pri = pri.map(|v| v * 0.92);
    }
    let css = |c: [f64; 3]| {
        format!(
            "#{:02x}{:02x}{:02x}",
            c[0].round().clamp(0.0, 255.0) as u8,
            c[1].round().clamp(0.0, 255.0) as u8,
            c[2].round().clamp(0.0, 255.0) as u8
        )
    };
    let dark = pri.map(|v| v * 0.7);
    let soft = pri.map(|v| v * 0.12 + 255.0 * 0.88);
    Some(vec![
        ("--pri", css(pri)),
        ("--pri-dark", css(dark)),
        ("--pri-soft", css(soft)),
    ])
}

/// The embedding parameters of this page (read once), with the theme colour applied.
#[hook]
pub fn use_embed_config() -> Rc<EmbedConfig> {
    let cfg = use_memo((), |_| embed::parse_query(&embed::query()));
    use_effect_with((), |_| embed::warn_about_origin());
    {
        let theme = cfg.theme.clone();
        use_effect_with(theme, |theme| {
            if let Some(palette) = theme.as_deref().and_then(theme_palette) {
                if let Some((_, pri)) = palette.first() {
                    page::set_theme_color_meta(pri);
                }
                page::set_root_properties(&palette);
            }
        });
    }
    cfg
}

/// When a host page gave its origin and the app is in a frame: post the content height now and
/// on every resize, and the result (scores and stars only) after every change of it. In any
/// frame: keep the live score where the user is reading (from the host page's viewport
/// messages when it sends them).
#[hook]
pub fn use_host_messages(cfg: Rc<EmbedConfig>, assessment: Option<Shared<Assessment>>) {
    let in_frame = use_memo((), |_| embed::in_frame());
    let origin = use_memo(cfg, |cfg| {
        cfg.parent_origin.clone().filter(|_| embed::in_frame())
    });
    {
        let origin = (*origin).clone();
        let in_frame = *in_frame;
        use_effect_with((), move |_| {
            if let Some(o) = origin.clone() {
                embed::watch_height(o);
            }
            if in_frame {
                embed::watch_viewport(origin);
            }
        });
    }
    let last = use_mut_ref(|| None::<serde_json::Value>);
    use_effect_with(assessment, move |a| {
        if let (Some(o), Some(a)) = ((*origin).clone(), a) {
            let message = embed::result_message(a);
            let mut last = last.borrow_mut();
            if last.as_ref() != Some(&message) {
                embed::post_to_parent(&message.to_string(), &o);
                *last = Some(message);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_colours_keep_white_text_readable() {
        let p = theme_palette("#7a1f1f").expect("valid");
        assert_eq!(
            p[0],
            ("--pri", "#7a1f1f".to_string()),
            "dark enough as given"
        );
        let p = theme_palette("#ffcc00").expect("valid");
        assert_ne!(p[0].1, "#ffcc00", "too light for white text: darkened");
        let p3 = theme_palette("#abc").expect("short form");
        assert_eq!(p3.len(), 3);
        assert_eq!(theme_palette("#12345"), None);
        assert_eq!(theme_palette("zzzzzz"), None);
    }
}
