//! Start-up and host integration: the embedding parameters applied to the first state (language,
//! preselected product set, demonstration mode), the theme colour, the messages to a host page
//! (content height; the result after every change of the assessment), and the "new version"
//! notice of the service worker, where the user chooses when to reload.

use std::rc::Rc;

use yew::prelude::*;

use crate::assess::Assessment;
use crate::i18n::{t, Key, Lang};
use crate::platform::embed::{self, EmbedConfig};
use crate::platform::{clock, fetch, page, start, sw};
use crate::rubric::Catalogue;

use super::state::{AppState, Screen};
use super::Shared;

/// The state the app starts with: what local storage holds, then the embedding parameters of
/// the address (`?lang=…&set=…&demo=1`).
pub fn boot() -> AppState {
    let cfg = embed::parse_query(&embed::query());
    let mut st = AppState::boot();
    let fresh_id = clock::new_id();
    apply_config(&mut st, &cfg, fresh_id.clone(), clock::now_ms());
    // What the user asked the start module for (a set, the drafts list, the examples; the
    // language they chose there, even if it could not be saved).
    if let Some(intent) = start::take_intent() {
        apply_config(
            &mut st,
            &embed::parse_query(&intent),
            fresh_id,
            clock::now_ms(),
        );
    }
    if let Some(d) = st.current_draft() {
        fetch::prefetch_rubric(&d.product_set);
    }
    st
}

/// Apply the embedding parameters to a freshly restored state. `set`: open the user's most
/// recently changed draft of that product set, or create one (with `fresh_id`); unknown sets
/// are ignored. `demo`: start in demonstration mode (the example of that set opened, if any).
/// `lang` replaces the stored choice (saved with the next change, like the header button).
pub fn apply_config(st: &mut AppState, cfg: &EmbedConfig, fresh_id: String, now_ms: u64) {
    if let Some(lang) = cfg.lang {
        st.lang = lang;
    }
    let set = cfg
        .set
        .as_deref()
        .filter(|id| Catalogue::shared().set(id).is_some());
    if cfg.show_drafts && !cfg.demo && cfg.set.is_none() {
        st.screen = Screen::Drafts;
        return;
    }
    if cfg.demo {
        st.enter_demo();
        if let Some(id) = set {
            if let Some(d) = st.drafts.iter().find(|d| d.product_set == id) {
                st.current = Some(d.id.clone());
                st.screen = Screen::Questionnaire;
            }
        }
        return;
    }
    let Some(id) = set else { return };
    if st.current_draft().is_some_and(|d| d.product_set == id) {
        st.screen = Screen::Questionnaire;
        return;
    }
    let existing = st
        .drafts
        .iter()
        .filter(|d| d.product_set == id)
        .max_by_key(|d| d.updated_ms)
        .map(|d| d.id.clone());
    match existing {
        Some(draft_id) => st.current = Some(draft_id),
        None => {
            st.drafts.push(Rc::new(crate::draft::Draft::new(
                fresh_id.clone(),
                id,
                now_ms,
            )));
            st.current = Some(fresh_id);
            st.revision += 1;
        }
    }
    st.screen = Screen::Questionnaire;
}

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
/// on every resize, and the result (scores and stars only) after every change of it.
#[hook]
pub fn use_host_messages(cfg: Rc<EmbedConfig>, assessment: Option<Shared<Assessment>>) {
    let origin = use_memo(cfg, |cfg| {
        cfg.parent_origin.clone().filter(|_| embed::in_frame())
    });
    {
        let origin = (*origin).clone();
        use_effect_with((), move |_| {
            if let Some(o) = origin {
                embed::watch_height(o);
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

#[derive(Properties, PartialEq)]
pub struct UpdateNoticeProps {
    pub lang: Lang,
    /// Show the notice whatever the service worker says (tests).
    #[prop_or_default]
    pub waiting: bool,
}

/// Registers the service worker (offline copy of the app and of all 26 sheets) and, when a new
/// version is installed and waiting, says so with a "Reload" button: the user chooses when.
#[function_component(UpdateNotice)]
pub fn update_notice(props: &UpdateNoticeProps) -> Html {
    let lang = props.lang;
    let waiting = use_state(|| props.waiting);
    let dismissed = use_state(|| false);
    {
        let waiting = waiting.clone();
        use_effect_with((), move |_| {
            sw::register(move || waiting.set(true));
        });
    }
    if !*waiting || *dismissed {
        return html! {};
    }
    let reload = Callback::from(|_: MouseEvent| sw::apply_update());
    let later = Callback::from(move |_: MouseEvent| dismissed.set(true));
    html! {
        <div class="update" id="update-notice" role="status">
            <p>{ t(lang, Key::UpdateReady) }</p>
            <div class="actions">
                <button type="button" class="btn primary" id="update-reload" onclick={reload}>{ t(lang, Key::UpdateReload) }</button>
                <button type="button" class="btn ghost" id="update-later" onclick={later}>{ t(lang, Key::UpdateLater) }</button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;

    fn with_drafts(drafts: &[(&str, &str, u64)]) -> AppState {
        AppState {
            drafts: drafts
                .iter()
                .map(|(id, set, t)| Rc::new(Draft::new(*id, *set, *t)))
                .collect(),
            screen: Screen::Drafts,
            ..AppState::default()
        }
    }

    #[test]
    fn a_preselected_set_opens_the_latest_draft_or_a_new_one() {
        let cfg = embed::parse_query("?lang=en&set=QD26-09");
        let mut s = with_drafts(&[
            ("a", "QD26-09", 1),
            ("b", "QD26-09", 5),
            ("c", "QD26-01", 9),
        ]);
        apply_config(&mut s, &cfg, "new".into(), 10);
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.current.as_deref(), Some("b"));
        assert_eq!(s.screen, Screen::Questionnaire);
        assert_eq!(s.drafts.len(), 3);
        assert_eq!(s.revision, 0, "nothing new to save");

        let mut s = with_drafts(&[("c", "QD26-01", 9)]);
        apply_config(&mut s, &cfg, "new".into(), 10);
        assert_eq!(s.current.as_deref(), Some("new"));
        assert_eq!(s.drafts.len(), 2);
        assert_eq!(s.drafts[1].product_set, "QD26-09");
        assert_eq!(s.revision, 1, "the new draft is saved");

        // Unknown sets and no parameters leave the state alone.
        for q in ["?set=QD26-99", ""] {
            let before = with_drafts(&[("c", "QD26-01", 9)]);
            let mut s = before.clone();
            apply_config(&mut s, &embed::parse_query(q), "new".into(), 10);
            assert_eq!(s, before, "{q}");
        }
    }

    #[test]
    fn demo_parameter_starts_demonstration_mode() {
        let own = with_drafts(&[("mine", "QD26-09", 1)]);
        let mut s = own.clone();
        apply_config(&mut s, &embed::parse_query("?demo=1"), "x".into(), 2);
        assert!(s.in_demo() && !s.persist);
        assert!(s.drafts.iter().all(|d| d.id != "mine"));
        s.leave_demo();
        assert_eq!(s.drafts, own.drafts);

        let mut s = own.clone();
        let first_set = super::super::demo::example_copies()[0].product_set.clone();
        apply_config(
            &mut s,
            &embed::parse_query(&format!("?demo=1&set={first_set}")),
            "x".into(),
            2,
        );
        assert_eq!(s.screen, Screen::Questionnaire);
        assert!(s
            .current_draft()
            .is_some_and(|d| d.product_set == first_set));
    }

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
