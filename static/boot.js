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

// Fetch and compile a wasm file. Compiling starts as soon as the bytes arrive, while the JS glue
// is still being fetched and parsed (handing the glue a bare response would compile only after).
function compile(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    const type = response.headers.get("Content-Type") || "";
    if (typeof WebAssembly.compileStreaming === "function" && type.startsWith("application/wasm")) {
      return WebAssembly.compileStreaming(response);
    }
    return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)); // a server without the wasm MIME type
  });
}

// Load and start a module: the .wasm is fetched and compiled in parallel with the JS glue.
function load(name, attempt, compiled) {
  const suffix = attempt ? "?retry=" + attempt : "";
  const wasm = compiled || compile(here("../" + name + "_bg.wasm" + suffix));
  wasm.catch(() => {}); // reported through Promise.all below
  return Promise.all([import("../" + name + ".js" + suffix), wasm]).then(([glue, module]) =>
    glue.default({ module_or_path: module }));
}

// The dossier writer (third module), loaded by the full app when a download is asked for
// (src/platform/dossier_lazy.rs calls this; kept here so the app's glue has no extra JS file to
// fetch before it can start).
let dossier = null;
window.__ocopLoadDossier = () => {
  if (dossier === null) {
    dossier = import("../ocop-dossier.js").then((m) =>
      m.default({ module_or_path: here("../ocop-dossier_bg.wasm") }).then(() => m));
    dossier.catch(() => { dossier = null; });
  }
  return dossier;
};

// Benchmark hook (scripts/bench.sh opens the app with ?bench=1): time the .docx of the open draft.
if (params.getAll("bench").includes("1")) {
  window.__ocopBenchDossier = async () => {
    const store = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
    const draft = store && Array.isArray(store.drafts) && store.drafts.find((d) => d && d.id === store.current);
    if (!draft || !/^QD26-\d\d$/.test(draft.product_set)) throw new Error("no current draft");
    const m = await window.__ocopLoadDossier();
    const res = await fetch(here("./rubric/" + draft.product_set + ".json"));
    const rubric = await res.text();
    const now = new Date();
    const today = now.getDate() + "/" + (now.getMonth() + 1) + "/" + now.getFullYear();
    const json = JSON.stringify(draft);
    const t0 = performance.now();
    const bytes = m.dossier_docx(json, rubric, "vi", today);
    const ms = performance.now() - t0;
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new Error("no .docx");
    return ms;
  };
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
  // The background compile, if any (a failed one is simply redone).
  const pre = attempt === 0 && precompiled
    ? precompiled.catch(() => compile(here("../ocop-self-check_bg.wasm")))
    : null;
  fullApp = load("ocop-self-check", attempt, pre).catch((e) => {
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
      if (!sw) return;
      const precompile = () => {
        if (precompiled || fullApp || !sw.controller) return;
        const idle = window.requestIdleCallback || ((f) => setTimeout(f, 200));
        idle(() => {
          if (precompiled || fullApp) return;
          precompiled = compile(here("../ocop-self-check_bg.wasm"));
          precompiled.catch(() => {});
        });
      };
      precompile();
      sw.addEventListener("controllerchange", precompile);
    })
    .catch(showFailure);
}
