//! The root component: owns the state, saves every change (the one persistence effect), keeps
//! `<html lang>` in step, loads rubric files on demand, and lays out the screens.

use std::rc::Rc;

use yew::prelude::*;

use crate::assess::assess;
use std::collections::BTreeMap;

use crate::draft::store::LANG_KEY;
use crate::i18n::{self, t, Key};
use crate::platform::drafts_store::DraftStore;
use crate::platform::{
    self, clock, dom, embed as embed_io, fetch, files, page, panic, start, storage,
};
use crate::rubric::{Catalogue, ProductSet};

use super::boot::boot;
use super::chooser::SetChooser;
use super::demo::{DemoBanner, DemoEntry, DemoList};
use super::details::import::ImportDraft;
use super::details::DetailsScreen;
use super::drafts::DraftsList;
use super::embed::{use_embed_config, use_host_messages};
use super::help::{GlossaryScreen, UnderstandingProvider};
use super::questionnaire::Questionnaire;
use super::result::ResultPanel;
use super::share::{IncomingShare, ShareEntry};
use super::state::rubrics::{RubricAction, Rubrics};
use super::state::{route, Action, AppState, Route, Screen, Sheet, StorageStatus};
use super::update_notice::UpdateNotice;
use super::Shared;
use crate::draft::store::Room;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start from this state instead of local storage (tests).
    #[prop_or_default]
    pub initial: Option<Shared<AppState>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || match initial {
        Some(s) => (*s.0).clone(),
        None => boot(),
    });
    let rubrics = use_reducer(Rubrics::default);
    let catalogue = use_memo((), |_| Shared::new(Catalogue::builtin()));
    let lang = state.lang;

    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |a: Action, _| dispatcher.dispatch(a))
    };
    // The same two callbacks from render to render: every criterion reads them through the
    // help's context, and a new callback would re-render every criterion on every answer.
    let on_term = {
        let dispatcher = state.dispatcher();
        use_callback((), move |term: Option<String>, _| {
            dispatcher.dispatch(Action::ShowGlossary(term))
        })
    };
    let on_term_from = {
        let dispatcher = state.dispatcher();
        use_callback((), move |(term, criterion): (String, String), _| {
            dispatcher.dispatch(Action::ShowTermFrom { term, criterion })
        })
    };

    // The drafts' home on the device (tests that start from a given state store nothing).
    let from_device = props.initial.is_none();
    let drafts_store = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            if from_device {
                DraftStore::start(Callback::from(move |e| {
                    dispatcher.dispatch(Action::Store(Box::new(e)))
                }))
            } else {
                DraftStore::in_memory()
            }
        })
    };
    // Persistence: every change to save bumps `revision`; each draft that changed (or is new)
    // goes to the store, each one gone is deleted there. One draft is written at a time, never
    // the whole set, so another tab's drafts are never written over.
    {
        let state = state.clone();
        let store = (*drafts_store).clone();
        let known = use_mut_ref(BTreeMap::<String, Rc<crate::draft::Draft>>::new);
        let current = use_mut_ref(|| None::<String>);
        // Also run once the drafts are loaded: that writes the open draft and the index boot.js
        // reads (a draft equal to the stored one is not written again).
        use_effect_with((state.revision, state.loaded), move |_| {
            if state.loaded && state.persist && !state.in_demo() {
                let mut known = known.borrow_mut();
                for d in &state.drafts {
                    if known.get(&d.id).is_none_or(|k| !Rc::ptr_eq(k, d)) {
                        store.save(Rc::clone(d));
                    }
                }
                let ids: Vec<String> = known
                    .keys()
                    .filter(|id| state.draft(id).is_none())
                    .cloned()
                    .collect();
                for id in ids {
                    store.delete(&id);
                }
                *known = state
                    .drafts
                    .iter()
                    .map(|d| (d.id.clone(), Rc::clone(d)))
                    .collect();
                // A set only looked at is not remembered as the current draft.
                let saved_current = state.saved_current();
                if *current.borrow() != saved_current {
                    *current.borrow_mut() = saved_current.clone();
                    store.set_current(saved_current);
                }
            }
        });
    }
    // The language is kept on its own key (also before any draft exists).
    // Not in demo mode (which leaves the device as it was), and only once the saved language has
    // been read (the first render's is the default).
    let (loaded, in_demo) = (state.loaded, state.in_demo());
    use_effect_with((lang, loaded, in_demo), move |(lang, loaded, in_demo)| {
        if from_device && *loaded && !*in_demo {
            // Best effort: where storage is blocked the notice already says nothing is kept.
            if storage::get(LANG_KEY).ok().flatten().as_deref() != Some(lang.tag()) {
                let _ = storage::set(LANG_KEY, lang.tag());
            }
        }
    });
    // <html lang> and the title follow the language.
    use_effect_with(lang, |lang| {
        dom::set_document_lang(*lang, t(*lang, Key::AppTitle));
    });
    // After a change of screen, start at its top with the focus on the main region (the
    // button that was pressed may be gone), so keyboard and screen-reader users follow.
    {
        let first = use_mut_ref(|| true);
        // The questionnaire's <main> replaces the loading one once the sheet arrives.
        let loaded = state
            .current_draft()
            .is_some_and(|d| rubrics.get(&d.product_set).is_some());
        let key = (state.screen, state.current.clone(), loaded);
        // Not when the questionnaire is opened at a criterion: it scrolls there itself.
        // Nor when the glossary opens at a term: it brings the term into view itself.
        let to_criterion = state.focus.is_some()
            || (state.screen == Screen::Glossary && state.glossary_term.is_some());
        use_effect_with(key, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) || to_criterion {
                return;
            }
            // Not under the prerendered questionnaire being read (src/ui/prerender.rs): the
            // page stays where the producer is; the swap keeps the focus.
            if platform::prerender::waiting().is_some() {
                return;
            }
            dom::focus_top("main");
        });
    }
    // The prerendered questionnaire waits only for this questionnaire: another screen, or its
    // sheet failing to load, shows the app at once.
    {
        let failed = state
            .current_draft()
            .is_some_and(|d| rubrics.failed.iter().any(|(id, _)| *id == d.product_set));
        let decline = state.loaded && (state.screen != Screen::Questionnaire || failed);
        use_effect_with(decline, |decline| {
            if *decline {
                platform::prerender::decline();
            }
        });
    }
    use_effect_with((), |_| {
        dom::mark_first_render();
        // Started by the start module: its screen goes, and the focus moves to the screen
        // the user asked for (as after any change of screen).
        start::remove_start_screen();
        if start::handed_over() {
            dom::focus_top("main");
        }
        if panic::test_panic_requested() {
            platform::spawn(async { panic!("test panic requested by #test-panic") });
        }
    });

    // The address follows the screen, and Back and Forward move between screens (see
    // `state::route`): a change of screen is a new history entry, an open sheet too (outside a
    // frame), and closing a sheet goes back over its entry.
    {
        let route = Route::of(&state);
        let sheet_entry = use_mut_ref(|| false);
        let first = use_mut_ref(|| true);
        use_effect_with((route, state.loaded), move |(route, loaded)| {
            if !*loaded || !from_device {
                return;
            }
            let query = embed_io::query();
            let target = route.to_query(&query);
            let at = Route::parse(&query);
            let mut sheet_entry = sheet_entry.borrow_mut();
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                // Start: the address names what is shown. Handed over by the start module (its
                // chooser was on screen, the address named nothing), that chooser keeps its
                // entry and the screen asked for gets the next one, so Back returns to it.
                let from_start = start::handed_over()
                    && at.screen.is_none()
                    && route.screen != Some(Screen::Choose);
                if from_start {
                    let chooser = Route {
                        screen: Some(Screen::Choose),
                        demo: false,
                        ..Route::default()
                    };
                    page::replace_query(&chooser.to_query(&query));
                    page::push_query(&target);
                } else if target != query {
                    page::replace_query(&target);
                }
                return;
            }
            match route::step(&at, route, embed_io::in_frame(), *sheet_entry) {
                route::Step::Nothing => {}
                route::Step::Push => {
                    page::push_query(&target);
                    *sheet_entry = route.sheet.is_some();
                }
                route::Step::Replace => {
                    page::replace_query(&target);
                    *sheet_entry = *sheet_entry && route.sheet.is_some();
                }
                route::Step::Back => {
                    *sheet_entry = false;
                    page::go_back();
                }
            }
        });
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if from_device {
                page::watch_history(move |query| {
                    dispatcher.dispatch(Action::Navigate {
                        route: Route::parse(&query),
                        fresh_id: clock::new_id(),
                        now_ms: clock::now_ms(),
                    })
                });
            }
        });
    }

    // Load the rubric files needed: the current draft's, and on the drafts list every listed
    // draft's (their cards show stars and score).
    let mut needed: Vec<String> = state
        .current_draft()
        .map(|d| d.product_set.clone())
        .into_iter()
        .collect();
    if state.screen == Screen::Drafts {
        for d in &state.drafts {
            if !needed.contains(&d.product_set) {
                needed.push(d.product_set.clone());
            }
        }
    }
    // Started from the render itself (a memo keyed on the set ids and the retry count) rather
    // than an effect: effects run only after the browser has painted, which at start-up costs
    // a frame or more before the fetch result can be used.
    {
        let rubrics = rubrics.clone();
        let key = (needed, rubrics.retries);
        use_memo(key, move |(needed, _)| {
            for id in needed.iter().filter(|id| rubrics.wants(id)) {
                let rubrics = rubrics.clone();
                let id = id.clone();
                platform::spawn(async move {
                    rubrics.dispatch(RubricAction::Loading(id.clone()));
                    let result = fetch::load_rubric(id.clone()).await.map(Rc::new);
                    rubrics.dispatch(RubricAction::Loaded(id, result));
                });
            }
        });
    }

    // The live result of the current draft, recomputed only when the draft or the set changes.
    let current_set = state
        .current_draft()
        .and_then(|d| rubrics.get(&d.product_set))
        .map(|s| Shared::from(Rc::clone(s)));
    let current_draft = state.current_draft().map(|d| Shared::from(Rc::clone(d)));
    let assessment = use_memo(
        (current_set.clone(), current_draft.clone()),
        |(set, draft)| match (set, draft) {
            (Some(set), Some(draft)) => Some(Shared::new(assess(set, &draft.responses))),
            _ => None,
        },
    );

    // Embedding: theme colour, hidden header, messages to the host page.
    let embed = use_embed_config();
    use_host_messages(embed.clone(), (*assessment).clone());

    // A product set loaded elsewhere (to check an imported file) joins the loaded ones.
    let on_rubric = {
        let rubrics = rubrics.clone();
        Callback::from(move |set: Rc<ProductSet>| {
            rubrics.dispatch(RubricAction::Loaded(set.id.clone(), Ok(set)))
        })
    };

    let catalogue = (*catalogue).clone();

    let header = super::top::TopBar {
        lang,
        screen: state.screen,
        has_current: state.current_draft().is_some(),
        // The examples of demonstration mode are not the user's drafts: no count.
        draft_count: if state.in_demo() {
            0
        } else {
            state.drafts.len()
        },
        hide_brand: embed.hide_header,
        on_nav: on_action.reform(Action::Show),
        on_lang: on_action.reform(Action::SetLang),
        status: html! { <super::update_notice::OfflineStatus lang={lang} remember={!state.in_demo()}
            screen={AttrValue::from(format!("{:?}/{}", state.screen, state.current.as_deref().unwrap_or("")))} /> },
    }
    .view();

    let notices = notices(&state, &on_action);
    let on_sheet = |sheet: Sheet| {
        on_action.reform(move |open: bool| {
            if open {
                Action::OpenSheet(sheet)
            } else {
                Action::CloseSheet
            }
        })
    };
    let on_open_demo = on_action.reform(|()| Action::EnterDemo);

    let body = match state.screen {
        _ if !state.loaded => html! {
            <main id="main" tabindex="-1">
                <p class="loading" role="status">{ t(lang, Key::LoadingDrafts) }</p>
            </main>
        },
        Screen::Choose => {
            let on_choose = {
                let cb = on_action.clone();
                Callback::from(move |set: String| {
                    cb.emit(Action::NewDraft {
                        id: clock::new_id(),
                        product_set: set,
                        now_ms: clock::now_ms(),
                    })
                })
            };
            html! {
                <main id="main" tabindex="-1">
                    <SetChooser lang={lang} catalogue={catalogue.clone()} {on_choose} />
                    if !state.in_demo() { <DemoEntry lang={lang} on_open={on_open_demo.clone()} /> }
                </main>
            }
        }
        Screen::Drafts => {
            let drafts = state
                .drafts
                .iter()
                .cloned()
                .map(Shared::from)
                .collect::<Vec<_>>();
            let sets: Vec<Shared<ProductSet>> = rubrics
                .loaded
                .iter()
                .map(|s| Shared::from(Rc::clone(s)))
                .collect();
            html! {
                <main id="main" tabindex="-1">
                    if state.in_demo() {
                        <DemoList lang={lang} {drafts} catalogue={catalogue.clone()} on_action={on_action.clone()} sets={sets.clone()} />
                    } else {
                        { kept_notice(&state, &drafts_store, &on_action) }
                        if let Some(r) = state.restored {
                            <div class="notice" role="status" id="restore-result">
                                <p>{ i18n::restored(lang, r.added, r.already, r.skipped) }</p>
                            </div>
                        }
                        <DraftsList lang={lang} {drafts} current={state.current.clone().map(AttrValue::from)}
                            catalogue={catalogue.clone()} on_action={on_action.clone()}
                            saved={state.storage == StorageStatus::Saved} space={state.space} {sets} />
                        <ImportDraft lang={lang} on_action={on_action.clone()} on_rubric={on_rubric.clone()}
                            here={state.drafts.iter().cloned().map(Shared::from).collect::<Vec<_>>()} />
                        <DemoEntry lang={lang} on_open={on_open_demo.clone()} />
                    }
                </main>
            }
        }
        Screen::Questionnaire => match (current_draft, current_set, (*assessment).clone()) {
            (Some(draft), Some(set), Some(assessment)) => {
                let set_label = catalogue
                    .set(&draft.product_set)
                    .map(|s| i18n::set_number(lang, s.no, &s.classification))
                    .unwrap_or_default();
                html! {
                    <div class="work">
                        <main id="main" tabindex="-1">
                            { misfits_notice(lang, &draft, &set, &on_action) }
                            if !state.clipped.is_empty() {
                                <div class="notice" role="status" id="import-clipped">
                                    <p>{ i18n::clipped_on_import(lang, &state.clipped) }</p>
                                </div>
                            }
                            <ShareEntry lang={lang} draft={draft.clone()} open={state.sheet == Some(Sheet::Share)}
                                on_open={on_sheet(Sheet::Share)} />
                            <Questionnaire lang={lang} set={set.clone()} draft={draft.clone()}
                                assessment={assessment.clone()} set_label={AttrValue::from(set_label)}
                                on_action={on_action.clone()} initial_sections={0}
                                focus={state.focus.clone()} />
                        </main>
                        <ResultPanel lang={lang} {set} {assessment} saved={state.storage == StorageStatus::Saved}
                            expanded={state.sheet == Some(Sheet::Result)} on_expand={on_sheet(Sheet::Result)}
                            draft={Some(draft)} />
                    </div>
                }
            }
            (Some(draft), _, _) => {
                let set_id = draft.product_set.clone();
                let failed = rubrics.failed.iter().any(|(id, _)| *id == set_id);
                let retry = {
                    let rubrics = rubrics.clone();
                    Callback::from(move |_: MouseEvent| {
                        rubrics.dispatch(RubricAction::Retry(set_id.clone()))
                    })
                };
                html! {
                    <main id="main" tabindex="-1">
                        if failed {
                            <div class="alert" role="alert">
                                <p>{ t(lang, Key::RubricFailed) }</p>
                                <button type="button" class="btn primary" onclick={retry}>{ t(lang, Key::Retry) }</button>
                            </div>
                        } else {
                            <p class="loading" role="status">{ t(lang, Key::RubricLoading) }</p>
                        }
                    </main>
                }
            }
            _ => html! { <main id="main" tabindex="-1"></main> },
        },
        Screen::Glossary => html! {
            <main id="main" tabindex="-1">
                <GlossaryScreen lang={lang} term={state.glossary_term.clone()} />
            </main>
        },
        Screen::Details => match state.current_draft() {
            Some(draft) => {
                let entry = catalogue.set(&draft.product_set);
                let set_label = entry
                    .map(|s| {
                        format!(
                            "{} – {}",
                            i18n::set_number(lang, s.no, &s.classification),
                            s.name.get(lang)
                        )
                    })
                    .unwrap_or_default();
                let set = rubrics
                    .get(&draft.product_set)
                    .map(|s| Shared::from(Rc::clone(s)));
                html! {
                    <main id="main" tabindex="-1">
                        <DetailsScreen lang={lang} draft={Shared::from(Rc::clone(draft))} {set}
                            set_label={AttrValue::from(set_label)} on_action={on_action.clone()}
                            on_rubric={on_rubric.clone()}
                            here={state.drafts.iter().cloned().map(Shared::from).collect::<Vec<_>>()}
                            saved={(!state.in_demo()).then_some(state.storage == StorageStatus::Saved)} />
                    </main>
                }
            }
            None => html! { <main id="main" tabindex="-1"></main> },
        },
    };

    html! {
        <div class={if state.screen == Screen::Questionnaire { "app with-result" } else { "app" }}>
            <a class="skip" href="#main">{ t(lang, Key::SkipToContent) }</a>
            { header }
            <UpdateNotice lang={lang} />
            // From the first render when the address asks for the examples (?demo=1), not only
            // once the drafts are read: inserted later it pushed the painted page down (CLS).
            if state.in_demo() || (!state.loaded && embed.demo) { <DemoBanner lang={lang} on_action={on_action.clone()} /> }
            { notices }
            <IncomingShare lang={lang} catalogue={catalogue.clone()} on_action={on_action.clone()}
                in_demo={state.in_demo()} here={own_drafts(&state)} />
            <UnderstandingProvider active={matches!(state.screen, Screen::Questionnaire | Screen::Glossary | Screen::Details)}
                on_term={on_term} on_term_from={on_term_from}
                wait_for_questionnaire={state.screen == Screen::Questionnaire}>
                { body }
            </UnderstandingProvider>
        </div>
    }
}

/// The user's own drafts (those demonstration mode set aside while it is on).
fn own_drafts(state: &AppState) -> Vec<Shared<crate::draft::Draft>> {
    let drafts = match &state.demo {
        Some(stash) => &stash.drafts,
        None => &state.drafts,
    };
    drafts.iter().cloned().map(Shared::from).collect()
}

/// The notice of data kept because it could not be read, with its download (drafts list).
fn kept_notice(state: &AppState, store: &DraftStore, on_action: &Callback<Action>) -> Html {
    let lang = state.lang;
    if state.kept.copies == 0 && state.kept.unreadable == 0 {
        return html! {};
    }
    let download = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("ocop-du-lieu-giu-lai-{}.json", clock::today().iso());
            store.download_kept(name);
        })
    };
    let dismiss = on_action.reform(|_: MouseEvent| Action::DismissKept);
    html! {
        <div class="warning" role="status" id="kept-data">
            <p>{ t(lang, Key::KeptData) }</p>
            <div class="actions">
                <button type="button" class="btn" onclick={download}>{ t(lang, Key::DownloadKept) }</button>
                <button type="button" class="btn ghost" onclick={dismiss}>{ t(lang, Key::Dismiss) }</button>
            </div>
        </div>
    }
}

/// A stored draft with items its product set does not have (an old or damaged record): they
/// count for nothing, are listed, and one tap sets them aside. Never kept or dropped silently
/// (adversarial review F8; a file or a link with such items is refused outright).
fn misfits_notice(
    lang: crate::lang::Lang,
    draft: &crate::ui::Shared<crate::draft::Draft>,
    set: &crate::ui::Shared<crate::rubric::ProductSet>,
    on_action: &Callback<Action>,
) -> Html {
    let misfits = crate::draft::misfits(&draft.0, &set.0);
    if misfits.is_empty() {
        return html! {};
    }
    let items = misfits
        .iter()
        .map(|m| html! { <li>{ i18n::import_error(lang, &m.error) }</li> });
    let remove = {
        let on_action = on_action.clone();
        let id = draft.0.id.clone();
        let commands: Vec<_> = misfits.iter().map(|m| m.remove.clone()).collect();
        Callback::from(move |_: MouseEvent| {
            for command in &commands {
                on_action.emit(Action::Apply {
                    id: id.clone(),
                    command: command.clone(),
                    now_ms: clock::now_ms(),
                });
            }
        })
    };
    html! {
        <div class="warning" role="alert" id="draft-misfits">
            <p>{ i18n::misfits_intro(lang, misfits.len()) }</p>
            <ul>{ for items }</ul>
            <button type="button" class="btn" id="drop-misfits" onclick={remove}>{ t(lang, Key::SetMisfitsAside) }</button>
        </div>
    }
}

fn notices(state: &AppState, on_action: &Callback<Action>) -> Html {
    let lang = state.lang;
    let storage = match state.storage {
        StorageStatus::Saved => None,
        StorageStatus::Unavailable => Some(t(lang, Key::StorageUnavailable)),
        StorageStatus::Full => Some(t(lang, Key::StorageFull)),
        StorageStatus::Blocked => Some(t(lang, Key::StorageBlocked)),
        StorageStatus::Failed => Some(t(lang, Key::StorageFailed)),
    }
    .or(
        match state.space.map(|s| s.room()).unwrap_or(Room::Plenty) {
            Room::Plenty => None,
            Room::Low { .. } => Some(t(lang, Key::RoomLow)),
            Room::Full { .. } => Some(t(lang, Key::RoomFull)),
        },
    );
    let conflict = state.conflict.as_ref().map(|c| {
        let items = c.conflicts.iter().enumerate().map(|(i, k)| {
            let take = on_action.reform(move |_: MouseEvent| Action::TakeTheirs(i));
            html! {
                <li>{ i18n::conflict_item(lang, &k.item) }{ " " }
                    <button type="button" class="btn ghost take-theirs" onclick={take}>{ t(lang, Key::TakeTheirs) }</button>
                </li>
            }
        });
        let dismiss = on_action.reform(|_: MouseEvent| Action::DismissConflict);
        html! {
            <div class="warning" role="alert" id="sync-conflict">
                <p>{ t(lang, Key::SyncConflict) }</p>
                <ul>{ for items }</ul>
                <div class="actions">
                    <button type="button" class="btn ghost" onclick={dismiss}>{ t(lang, Key::Dismiss) }</button>
                </div>
            </div>
        }
    });
    let problem = state.load_problem.as_ref().map(|p| {
        let text = if p.unreadable {
            t(lang, Key::StoreUnreadable).to_string()
        } else {
            i18n::drafts_skipped(lang, p.skipped)
        };
        let raw = Rc::clone(&p.raw);
        let download = Callback::from(move |_: MouseEvent| {
            files::download_text(
                "ocop-self-check-backup.json",
                "application/json",
                &raw,
            );
        });
        let dismiss = {
            let cb = on_action.clone();
            Callback::from(move |_: MouseEvent| cb.emit(Action::DismissLoadProblem))
        };
        html! {
            <div class="warning" role="alert">
                <p>{ text }</p>
                <div class="actions">
                    <button type="button" class="btn" onclick={download}>{ t(lang, Key::DownloadBackup) }</button>
                    <button type="button" class="btn ghost" onclick={dismiss}>{ t(lang, Key::Dismiss) }</button>
                </div>
            </div>
        }
    });
    html! {
        <>
            if let Some(text) = storage {
                <div class="warning" role="alert" id="storage-warning"><p>{ text }</p></div>
            }
            { problem.unwrap_or_default() }
            { conflict.unwrap_or_default() }
        </>
    }
}
