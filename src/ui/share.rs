//! Sharing a draft without a server: the share panel (link with the draft in its fragment, copy,
//! leave out contact details and business figures, QR code or — when too long — the file export
//! instead; a link too long for a chat message, or a draft too large for any link, is said so
//! beside the link, with the file offered), and the
//! prompt shown when the app is opened with such a link (what it contains; added as a new draft
//! only after the user confirms; the fragment is cleared afterwards).

use std::rc::Rc;

use yew::prelude::*;

use crate::assess::assess;
use crate::draft::{self, check_against, Draft};
use crate::i18n::{self, t, Key, Lang};
use crate::platform::dom::{self, Focus};
use crate::platform::web_share::{self, Outcome};
use crate::platform::{self, clock, fetch, files, page};
use crate::rubric::{Catalogue, ProductSet};
use crate::share::{self, Content, LinkFit, QrError, ShareError};

use super::state::Action;
use super::Shared;

/// The full share link of a draft: the app's address (no query, no fragment) + `#` + payload.
pub fn share_link(base: &str, draft: &Draft, content: Content) -> String {
    format!("{base}#{}", share::encode(draft, content))
}

/// An SVG (our own, from [`share::qr_svg`]) as a `data:` URL for an `<img>`: the markup never
/// enters the page's DOM, and the CSP needs only `img-src data:`.
pub fn svg_data_url(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 32);
    out.push_str("data:image/svg+xml,");
    for c in svg.chars() {
        match c {
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '"' => out.push_str("%22"),
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii() => out.push(c),
            c => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct ShareEntryProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    /// Whether the panel is open (the app state's [`super::state::Sheet::Share`]).
    #[prop_or_default]
    pub open: bool,
    /// Asks to open (true) or close (false) the panel.
    #[prop_or_default]
    pub on_open: Callback<bool>,
}

/// The "Share" button (`#open-share`) above the questionnaire, and the panel it opens.
#[component]
pub fn ShareEntry(props: &ShareEntryProps) -> Html {
    let lang = props.lang;
    let open = super::Controlled::new(props.open, props.on_open.clone());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            let now = !*open;
            open.set(now);
            if now {
                platform::defer(|| dom::scroll_to_and_focus("share-panel", Focus::Itself));
            }
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: ()| {
            open.set(false);
            platform::defer(|| dom::scroll_to_and_focus("open-share", Focus::Itself));
        })
    };
    html! {
        <>
            <div class="draft-tools" id="open-share-row">
                <button type="button" class="btn" id="open-share" aria-expanded={if *open { "true" } else { "false" }}
                    aria-controls={open.then_some("share-panel")} onclick={toggle}>
                    <span aria-hidden="true">{ "⇪ " }</span>{ t(lang, Key::OpenShare) }
                </button>
            </div>
            if *open {
                <SharePanel lang={lang} draft={props.draft.clone()} on_close={close} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    pub lang: Lang,
    pub draft: Shared<Draft>,
    pub on_close: Callback<()>,
}

#[component]
pub fn SharePanel(props: &SharePanelProps) -> Html {
    let lang = props.lang;
    // Privacy first: contact details stay out unless the user asks for them.
    let leave_out = use_state(|| true);
    let copied = use_state(|| None::<bool>);
    let content = if *leave_out {
        Content::WithoutContactDetails
    } else {
        Content::Everything
    };
    let made = use_memo((props.draft.clone(), content), |(d, content)| {
        let link = share_link(&page::app_address(), d, *content);
        let qr = share::qr_svg(&link).map(|svg| svg_data_url(&svg));
        let fragment = link.split_once('#').map(|(_, f)| f).unwrap_or_default();
        let fit = share::link_fit(fragment, link.chars().count());
        (link, qr, fit)
    });
    let (link, qr, fit) = (&made.0, &made.1, made.2);

    let toggle_contact = {
        let leave_out = leave_out.clone();
        let copied = copied.clone();
        Callback::from(move |_: Event| {
            copied.set(None);
            leave_out.set(!*leave_out);
        })
    };
    let copy = {
        let copied = copied.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let link = link.clone();
            platform::spawn(async move {
                copied.set(Some(page::copy_text(&link, "share-link").await));
            });
        })
    };
    // The phone's share sheet (Zalo and the other apps) where there is one; else copy.
    let can_share = use_state(web_share::available);
    let share_failed = use_state(|| false);
    let send = {
        let copied = copied.clone();
        let share_failed = share_failed.clone();
        let link = link.clone();
        let name = props.draft.display_name(t(lang, Key::Untitled)).to_string();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let share_failed = share_failed.clone();
            let link = link.clone();
            let text = i18n::share_message(lang, &name);
            let name = name.clone();
            share_failed.set(false);
            copied.set(None);
            platform::spawn(async move {
                match web_share::share(&name, &text, Some(&link)).await {
                    Outcome::Shared | Outcome::Cancelled => {}
                    Outcome::Unavailable => {
                        copied.set(Some(page::copy_text(&link, "share-link").await));
                    }
                    Outcome::Failed => {
                        share_failed.set(true);
                        copied.set(Some(page::copy_text(&link, "share-link").await));
                    }
                }
            });
        })
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let export = {
        let draft = props.draft.clone();
        Callback::from(move |_: MouseEvent| {
            // The file carries what the link would (also when the link is too large to decode).
            let d = share::what_goes(&draft, content);
            files::download_text(
                &draft::export_file_name(&d, clock::today()),
                "application/json",
                &draft::to_json(&d),
            );
        })
    };
    let status = match (*share_failed, *copied) {
        (true, _) => t(lang, Key::ShareFailed),
        (false, Some(true)) => t(lang, Key::Copied),
        (false, Some(false)) => t(lang, Key::CopyFailed),
        (false, None) => "",
    };

    // Past a chat message's length (or past what a link may carry) the warning and the file
    // sit right under the link; a link merely too long for a QR code says so in the QR part.
    let chars = link.chars().count();
    let long = matches!(fit, LinkFit::LongForChat | LinkFit::TooLarge);
    let link_warning = long.then(|| {
        let text = if fit == LinkFit::TooLarge {
            i18n::link_too_large(lang)
        } else {
            i18n::link_long(lang, chars, share::MAX_CHAT_LINK)
        };
        html! {
            <div class="warning" id="link-long" role="status">
                <p>{ text }</p>
                <button type="button" class="btn" id="share-export" onclick={export.clone()}>{ t(lang, Key::ExportFile) }</button>
            </div>
        }
    });
    let qr_part = match qr {
        Ok(url) => html! {
            <>
                <img id="share-qr" class="qr" src={url.clone()} alt={t(lang, Key::QrAlt)} />
                <p class="hint">{ t(lang, Key::QrHint) }</p>
            </>
        },
        Err(e @ QrError::TooLong { .. }) => html! {
            <div class="warning" id="qr-too-long">
                <p>{ i18n::qr_error(lang, e) }</p>
                if !long {
                    <button type="button" class="btn" id="share-export" onclick={export}>{ t(lang, Key::ExportFile) }</button>
                }
            </div>
        },
    };

    html! {
        <section class="share" id="share-panel" tabindex="-1" aria-labelledby="share-title">
            <h2 id="share-title">{ t(lang, Key::ShareTitle) }</h2>
            <p class="hint">{ t(lang, Key::ShareIntro) }</p>
            <div class="check">
                <input type="checkbox" id="share-leave-out" checked={*leave_out} onchange={toggle_contact} />
                <label for="share-leave-out">{ t(lang, Key::LeaveOutContact) }</label>
            </div>
            <label for="share-link">{ t(lang, Key::ShareLinkLabel) }</label>
            <textarea id="share-link" class="share-link" readonly=true rows="3" value={link.clone()}
                data-chars={chars.to_string()} />
            { link_warning.unwrap_or_default() }
            <div class="actions">
                if *can_share {
                    <button type="button" class="btn primary" id="share-via" onclick={send}>{ t(lang, Key::ShareVia) }</button>
                }
                <button type="button" class={if *can_share { "btn" } else { "btn primary" }} id="copy-link" onclick={copy}>{ t(lang, Key::CopyLink) }</button>
                <button type="button" class="btn" id="share-close" onclick={close}>{ t(lang, Key::CloseShare) }</button>
            </div>
            <p class="copy-status" id="copy-status" role="status">{ status }</p>
            if !props.draft.attachments.is_empty() {
                <div class="warning" id="share-no-files">
                    <p>{ t(lang, Key::ShareNoFiles) }</p>
                    <super::package::PackageButton lang={lang} draft={props.draft.clone()} id="share-package" />
                </div>
            }
            <h3>{ t(lang, Key::QrTitle) }</h3>
            { qr_part }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct IncomingShareProps {
    pub lang: Lang,
    pub catalogue: Shared<Catalogue>,
    pub on_action: Callback<Action>,
    /// Whether demonstration mode is on (an import leaves it first, so it is kept).
    #[prop_or_default]
    pub in_demo: bool,
    /// The fragment to read instead of the address bar's (tests).
    #[prop_or_default]
    pub fragment: Option<AttrValue>,
    /// The product set, already loaded (tests; otherwise it is fetched).
    #[prop_or_default]
    pub set: Option<Shared<ProductSet>>,
    /// The user's own drafts on this device (also while demonstration mode sets them aside): a
    /// link for one of them offers to update it instead of adding a second one.
    #[prop_or_default]
    pub here: Vec<Shared<Draft>>,
}

/// Shown when the address carries a shared draft (`#d=…`), at start or when the fragment
/// changes: what the link contains, and "add as a new draft" / "don't add".
#[component]
pub fn IncomingShare(props: &IncomingShareProps) -> Html {
    let lang = props.lang;
    let fragment = {
        let given = props.fragment.clone();
        use_state(move || given.map(|f| f.to_string()).unwrap_or_else(page::fragment))
    };
    // A link opened while the app is already open only changes the fragment.
    {
        let fragment = fragment.clone();
        use_effect_with((), move |_| {
            page::watch_fragment(move |f| fragment.set(f));
        });
    }
    let decoded = use_memo((*fragment).clone(), |f| {
        share::is_share_fragment(f).then(|| share::decode(f).map(Rc::new))
    });
    // The product set, to check the answers against it and estimate the stars.
    let loaded = {
        let preset = props.set.clone();
        use_state(move || preset.map(|s| Ok::<_, ()>(Rc::clone(&s.0))))
    };
    // Bumped by "Try again" when the sheet could not be loaded.
    let attempt = use_state(|| 0u32);
    // Only the latest load may answer (an older, slower one is ignored).
    let generation = use_mut_ref(|| 0u32);
    {
        let loaded = loaded.clone();
        let generation = generation.clone();
        let preset = props.set.clone();
        let set_id = match &*decoded {
            Some(Ok(d)) => Some(d.product_set.clone()),
            _ => None,
        };
        use_effect_with((set_id, *attempt), move |(set_id, _)| {
            if let Some(s) = preset {
                loaded.set(Some(Ok(Rc::clone(&s.0))));
            } else if let Some(id) = set_id.clone() {
                loaded.set(None);
                let mine = {
                    let mut g = generation.borrow_mut();
                    *g = g.wrapping_add(1);
                    *g
                };
                platform::spawn(async move {
                    let r = fetch::load_rubric(id).await.map(Rc::new).map_err(|_| ());
                    if *generation.borrow() == mine {
                        loaded.set(Some(r));
                    }
                });
            }
        });
    }
    {
        let shown = decoded.is_some();
        use_effect_with(shown, |shown| {
            if *shown {
                platform::defer(|| dom::focus_top("incoming-share"));
            }
        });
    }

    let Some(result) = &*decoded else {
        return html! {};
    };
    let finish = {
        let fragment = fragment.clone();
        move || {
            page::clear_fragment();
            fragment.set(String::new());
        }
    };
    let ignore = {
        let finish = finish.clone();
        Callback::from(move |_: MouseEvent| finish())
    };

    let draft = match result {
        Ok(d) => Rc::clone(d),
        Err(e) => {
            return incoming_error(lang, share_error_text(lang, e), ignore);
        }
    };
    // Checked against the real sheet once loaded: answers for criteria that do not exist, or
    // out-of-range levels, are refused before anything is added.
    let set = match &*loaded {
        Some(Ok(set)) if set.id == draft.product_set => Some(Rc::clone(set)),
        _ => None,
    };
    if let Some(set) = &set {
        if let Err(e) = check_against(&draft, set) {
            return incoming_error(lang, share_error_text(lang, &ShareError::Draft(e)), ignore);
        }
    }
    let assessment = set.as_ref().map(|s| assess(s, &draft.responses));

    let entry = props.catalogue.set(&draft.product_set);
    let set_text = entry
        .map(|s| {
            format!(
                "{} ({})",
                s.name.get(lang),
                i18n::set_number(lang, s.no, &s.classification)
            )
        })
        .unwrap_or_else(|| draft.product_set.clone());
    let product = if draft.product.name.trim().is_empty() {
        draft.display_name(t(lang, Key::Untitled)).to_string()
    } else {
        draft.product.name.clone()
    };
    let title_differs = !draft.title.trim().is_empty() && draft.title != product;
    let answered = draft.responses.answers.len() + draft.responses.none_of_levels.len();
    let answered_text = match &assessment {
        Some(a) => i18n::answered_of(lang, a.answered, a.criterion_count),
        None => i18n::answer_count(lang, answered),
    };
    let stars_text = match (&assessment, &*loaded) {
        // The score so far in any case; stars only once enough is answered.
        (Some(a), _) if !a.knocked_out && a.estimate().is_none() => format!(
            "{} · {}",
            i18n::total(lang, a.total, a.max_total),
            t(lang, Key::CardNotEnough)
        ),
        (Some(a), _) => i18n::estimate_line(lang, a),
        (None, Some(Err(()))) => "—".to_string(),
        (None, _) => t(lang, Key::IncomingComputing).to_string(),
    };

    // The same draft already here (its id travels in the link): update it, or add a copy.
    let known = props
        .here
        .iter()
        .find(|d| !draft.id.is_empty() && d.id == draft.id)
        .cloned();
    let same_set = known
        .as_ref()
        .is_some_and(|k| k.product_set == draft.product_set);
    let add = {
        let cb = props.on_action.clone();
        let finish = finish.clone();
        let in_demo = props.in_demo;
        let mut draft = (*draft).clone();
        if known.is_some() {
            // A copy beside the one here: a fresh id (the reducer gives one) and a name that
            // tells the two apart.
            let name = if draft.title.trim().is_empty() {
                product.clone()
            } else {
                draft.title.clone()
            };
            draft.title = format!("{name} {}", t(lang, Key::CopySuffix));
        }
        Callback::from(move |_: MouseEvent| {
            if in_demo {
                cb.emit(Action::LeaveDemo);
            }
            cb.emit(Action::Import {
                draft: draft.clone(),
                fresh_id: clock::new_id(),
                // The app's own links never carry longer texts (it cuts them as they are typed).
                clipped: Vec::new(),
            });
            finish();
        })
    };
    let update = known.as_ref().filter(|_| same_set).map(|k| {
        let cb = props.on_action.clone();
        let finish = finish.clone();
        let in_demo = props.in_demo;
        let incoming = (*draft).clone();
        let id = k.id.clone();
        Callback::from(move |_: MouseEvent| {
            if in_demo {
                cb.emit(Action::LeaveDemo);
            }
            cb.emit(Action::UpdateFromLink {
                id: id.clone(),
                incoming: incoming.clone(),
                now_ms: clock::now_ms(),
            });
            finish();
        })
    });
    // Nothing would change: say so and offer to open it.
    let unchanged = known.as_ref().filter(|_| same_set).is_some_and(|k| {
        let mut merged = crate::draft::merge::update_from_link(k, &draft, k.updated_ms);
        merged.updated_ms = k.updated_ms;
        merged == *k.0
    });
    let local_newer = known
        .as_ref()
        .filter(|_| same_set)
        .is_some_and(|k| k.updated_ms > draft.updated_ms);
    let open_here = known.as_ref().map(|k| {
        let cb = props.on_action.clone();
        let finish = finish.clone();
        let in_demo = props.in_demo;
        let id = k.id.clone();
        Callback::from(move |_: MouseEvent| {
            if in_demo {
                cb.emit(Action::LeaveDemo);
            }
            cb.emit(Action::Open(id.clone()));
            finish();
        })
    });
    let known_text = known.as_ref().map(|k| {
        let name = k.display_name(t(lang, Key::Untitled)).to_string();
        if same_set {
            i18n::incoming_known(lang, &name, crate::date::from_unix_ms(k.updated_ms))
        } else {
            let other = props
                .catalogue
                .set(&k.product_set)
                .map(|s| i18n::set_number(lang, s.no, &s.classification))
                .unwrap_or_else(|| k.product_set.clone());
            i18n::incoming_other_set(lang, &name, &other)
        }
    });
    // Added only once checked against the sheet: a file, a link and the store are held to one
    // rule (adversarial review F8). Without the sheet (offline, never cached) the link waits.
    let can_add = set.is_some();
    let unchecked = matches!(&*loaded, Some(Err(())));
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };

    html! {
        <section class="incoming" id="incoming-share" tabindex="-1" aria-labelledby="incoming-title">
            <h2 id="incoming-title">{ t(lang, Key::IncomingTitle) }</h2>
            <p>{ t(lang, Key::IncomingIntro) }</p>
            <dl class="incoming-facts">
                <div><dt>{ t(lang, Key::IncomingProduct) }</dt><dd id="incoming-product">{ product }
                    if title_differs { { " — " }{ draft.title.clone() } }</dd></div>
                if !draft.producer.name.trim().is_empty() {
                    <div><dt>{ t(lang, Key::IncomingProducer) }</dt><dd>{ draft.producer.name.clone() }</dd></div>
                }
                <div><dt>{ t(lang, Key::IncomingSet) }</dt><dd id="incoming-set" data-set={draft.product_set.clone()}>{ set_text }</dd></div>
                <div><dt>{ t(lang, Key::IncomingAnswered) }</dt><dd id="incoming-answered">{ answered_text }</dd></div>
                <div><dt>{ t(lang, Key::IncomingStars) }</dt><dd id="incoming-stars">{ stars_text }</dd></div>
            </dl>
            if let Some(text) = known_text {
                <div class="notice" id="incoming-known" role="status" data-same-set={same_set.to_string()}>
                    <p>{ text }</p>
                    if unchanged { <p id="incoming-same">{ t(lang, Key::IncomingSame) }</p> }
                    else if update.is_some() {
                        <p class="hint">{ t(lang, Key::IncomingUpdateNote) }</p>
                        if local_newer { <p id="incoming-local-newer">{ t(lang, Key::IncomingLocalNewer) }</p> }
                    }
                </div>
            } else {
                <p class="hint">{ t(lang, Key::IncomingNote) }</p>
            }
            if unchecked {
                <div class="alert" role="alert" id="incoming-unchecked">
                    <p>{ t(lang, Key::IncomingUnchecked) }</p>
                    <button type="button" class="btn" id="incoming-retry" onclick={retry}>{ t(lang, Key::Retry) }</button>
                </div>
            }
            <div class="actions">
                if unchanged {
                    if let Some(open_here) = open_here {
                        <button type="button" class="btn primary" id="import-open" onclick={open_here}>
                            { t(lang, Key::IncomingOpenHere) }</button>
                    }
                } else if let Some(update) = update {
                    <button type="button" class="btn primary" id="import-update" onclick={update} disabled={!can_add}>
                        { t(lang, Key::IncomingUpdate) }</button>
                }
                <button type="button" class={if known.is_some() { "btn" } else { "btn primary" }} id="import-confirm"
                    onclick={add} disabled={!can_add}>
                    { t(lang, if known.is_some() && same_set { Key::IncomingAddCopy } else { Key::IncomingAdd }) }</button>
                <button type="button" class="btn" id="import-cancel" onclick={ignore}>{ t(lang, Key::IncomingIgnore) }</button>
            </div>
        </section>
    }
}

fn share_error_text(lang: Lang, e: &ShareError) -> String {
    i18n::share_error(lang, e)
}

fn incoming_error(lang: Lang, text: String, dismiss: Callback<MouseEvent>) -> Html {
    html! {
        <section class="incoming alert" id="incoming-share" tabindex="-1" role="alert" aria-labelledby="incoming-title">
            <h2 id="incoming-title">{ t(lang, Key::IncomingErrorTitle) }</h2>
            <p id="incoming-error">{ text }</p>
            <div class="actions">
                <button type="button" class="btn" id="import-cancel" onclick={dismiss}>{ t(lang, Key::Dismiss) }</button>
            </div>
        </section>
    }
}
