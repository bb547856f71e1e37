// Start-up of the web app, as a file rather than inline script so the Content-Security-Policy of
// index.html can say script-src 'self' without 'unsafe-inline'. Loaded from index.html as a module
// (deferred; it runs once the small document is parsed).
//
// Two wasm modules can start the app (see ARCHITECTURE.md, "Start module"):
//  - ocop-start: the first screen of a first visit (header, language, product-set chooser,
//    examples entry), a fraction of the full app's size;
//  - ocop-self-check: the full app. Loaded at once when there is something for it to show
//    (saved drafts, a store it must report as unreadable, a share link, a preselected set, demo
//    mode, the drafts list), otherwise when the start module asks for it (event "ocop:full";
//    what the user asked for is in <html data-ocop-intent>).
const STORE_KEY = "ocop-self-check/store";
const here = (path) => new URL(path, import.meta.url);
const params = new URLSearchParams(location.search);
const isShareLink = () => /^#d=/.test(location.hash);

// Fetch and compile a module: the .wasm request starts in parallel with the JS glue.
function load(name, attempt) {
  const suffix = attempt ? "?retry=" + attempt : "";
  const wasm = fetch(here("../" + name + "_bg.wasm" + suffix));
  wasm.catch(() => {}); // reported through the import below when both fail
  return import("../" + name + ".js" + suffix).then((glue) => glue.default({ module_or_path: wasm }));
}

// Start fetching a product set's scoring sheet while the app loads (the app's own fetch then
// reuses it).
function preloadRubric(set) {
  // Offline, a failed preload would be reused by the app's fetch: let the app fetch it itself.
  if (!/^QD26-\d\d$/.test(set || "") || navigator.onLine === false) return;
  const link = document.createElement("link");
  link.rel = "preload";
  link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = here("./rubric/" + set + ".json").href;
  link.onerror = () => link.remove();
  document.head.appendChild(link);
}

// 1. What is saved decides. Storage may be blocked (e.g. a third-party frame): then nothing is
//    saved and the start module says so.
let full = isShareLink() || params.has("set") || params.has("demo") || params.has("view");
let stored = null;
try {
  stored = localStorage.getItem(STORE_KEY);
} catch (e) {}
if (stored !== null) {
  try {
    const store = JSON.parse(stored);
    const empty = store && store.format === "ocop-self-check/store" && store.version === 1 &&
      Array.isArray(store.drafts) && store.drafts.length === 0 && (store.lang === "vi" || store.lang === "en");
    if (empty) {
      document.documentElement.lang = store.lang; // the start module starts in this language
    } else {
      full = true;
      const draft = store && Array.isArray(store.drafts) && store.drafts.find((d) => d && d.id === store.current);
      if (draft) preloadRubric(draft.product_set);
    }
  } catch (e) {
    full = true; // the full app reports the unreadable store and offers its text as a backup
  }
}
if (full) preloadRubric(params.get("set"));

function showFailure(e) {
  console.error(e);
  const boot = document.getElementById("boot");
  if (boot && !document.getElementById("fatal")) {
    boot.textContent =
      "Không tải được ứng dụng; hãy tải lại trang. / The app could not load; please reload the page.";
  }
}

// 2. The full app, at most once; after a failure (offline before it was cached) the start module
//    shows a "try again" button that asks again.
let fullApp = null;
let attempts = 0;
let precompiled = null;
function startFull() {
  if (fullApp) return;
  const intent = new URLSearchParams(document.documentElement.getAttribute("data-ocop-intent") || "");
  preloadRubric(intent.get("set"));
  const attempt = attempts++;
  const started = precompiled && attempt === 0
    ? Promise.all([import("../ocop-self-check.js"), precompiled]).then(([glue, module]) =>
      module ? glue.default({ module_or_path: module }) : load("ocop-self-check", 0))
    : load("ocop-self-check", attempt);
  fullApp = started.catch((e) => {
    fullApp = null;
    if (document.querySelector("#start *")) {
      console.warn("full app not loaded", e);
      window.dispatchEvent(new Event("ocop:full-failed"));
    } else {
      showFailure(e);
    }
  });
}

if (full) {
  startFull();
} else {
  window.addEventListener("ocop:full", startFull);
  window.addEventListener("hashchange", () => isShareLink() && startFull());
  load("ocop-start", 0)
    .then(() => {
      // Once the service worker has the app cached (it controls the page), compile the full app
      // in the background, so a chosen set opens without waiting; never a second download.
      const sw = navigator.serviceWorker;
      if (!sw || typeof WebAssembly.compileStreaming !== "function") return;
      const compile = () => {
        if (precompiled || fullApp || !sw.controller) return;
        const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
        idle(() => {
          if (precompiled || fullApp) return;
          precompiled = WebAssembly.compileStreaming(fetch(here("../ocop-self-check_bg.wasm"))).catch(() => null);
        });
      };
      compile();
      sw.addEventListener("controllerchange", compile);
    })
    .catch(showFailure);
}
