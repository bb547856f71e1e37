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
// A module whose file fails to load or compile is repaired by the service worker (static/sw.js:
// fetched again from the network and checked against the build's hashes) and loaded once more;
// if that fails too, the start-up failure screen (showFailure) offers the drafts' download, a
// "repair" that deletes only the app's offline copy, and a reload.
// The keys of src/draft/store.rs: the version-1 store (read only until the full app has moved it
// into the database), the index the full app keeps beside the database, and the language.
const STORE_KEY = "ocop-self-check/store";
const INDEX_KEY = "ocop-self-check/index";
const LANG_KEY = "ocop-self-check/lang";
const here = (path) => new URL(path, import.meta.url);
const params = new URLSearchParams(location.search);
const isShareLink = () => /^#d=/.test(location.hash);

// A deep link's prerendered questionnaire ("4." below) is asked for before the saved state is
// read (a phone's first localStorage read can be slow); the request is cancelled if not wanted.
const preSet = params.get("set") || params.get("new");
const preLang = ["vi", "en"].includes(params.get("lang")) ? params.get("lang") : null;
let preEarly = null;
try {
  const other = ["demo", "view", "draft", "sheet", "theme", "header", "origin"].some((p) => params.has(p));
  if (/^QD26-\d\d$/.test(preSet || "") && !other && window.self === window.top && !location.hash && navigator.onLine !== false) {
    const abort = new AbortController();
    preEarly = { abort, lang: preLang || "vi", module: import("./prerender.js") };
    preEarly.response = fetch(here("./pre/" + preSet + "." + preEarly.lang + ".html"), { signal: abort.signal });
    preEarly.module.catch(() => {});
    preEarly.response.catch(() => {});
  }
} catch (e) {
  preEarly = null; // a frame whose top cannot be read, or no AbortController: the app as before
}

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

// Ask the worker to check a module's two files against the build's hash list and fetch again from
// the network whatever does not match (static/boot-failure.js, askRepair: loaded only then).
// Resolves to [{url, status}] ("good", "repaired", "failed", "unknown") or null (no worker).
let lastRepair = null;
function repair(name) {
  setBootText("Đang sửa bản sao của ứng dụng…", "Repairing the app's copy…");
  const urls = [here("../" + name + ".js").href, here("../" + name + "_bg.wasm").href];
  return import("./boot-failure.js")
    .then((m) => m.askRepair(urls))
    .catch(() => null)
    .then((files) => (lastRepair = files));
}

// Each load of a module uses a new address ("?retry=N"; the worker ignores the query): a browser
// remembers a failed import() by its URL, and without a worker this also bypasses a bad HTTP cache.
const tries = new Map();
function nextTry(name) {
  const n = tries.get(name) || 0;
  tries.set(name, n + 1);
  return n ? "?retry=" + n : "";
}

// Fetch and compile the .wasm in parallel with importing the JS glue (no Rust code runs yet).
function fetchModule(name, compiled) {
  const suffix = nextTry(name);
  const wasm = compiled || compile(here("../" + name + "_bg.wasm" + suffix));
  wasm.catch(() => {}); // reported through Promise.all below
  return Promise.all([import("../" + name + ".js" + suffix), wasm]);
}

// Load and start a module. When a file fails to load or compile (or the two do not fit together),
// the worker repairs it and the module is loaded once more; a second failure is reported.
async function load(name, compiled) {
  const start = ([glue, module]) => glue.default({ module_or_path: module });
  let parts;
  try {
    parts = await fetchModule(name, compiled);
    return await start(parts);
  } catch (e) {
    // A panic while starting is the panic screen's (src/platform/panic.rs), not a file's fault.
    if (parts && !(e instanceof WebAssembly.LinkError || e instanceof WebAssembly.CompileError)) throw e;
    console.warn(name + " did not load; repairing and trying once more", e);
    await repair(name);
    return start(await fetchModule(name, null));
  }
}

// The dossier writer (third module), loaded by the full app when a download is asked for
// (src/platform/dossier_lazy.rs calls this; kept here so the app's glue has no extra JS file to
// fetch before it can start).
let dossier = null;
function importDossier() {
  const suffix = nextTry("ocop-dossier");
  return import("../ocop-dossier.js" + suffix).then((m) =>
    m.default({ module_or_path: here("../ocop-dossier_bg.wasm" + suffix) }).then(() => m));
}
window.__ocopLoadDossier = () => {
  if (dossier === null) {
    // A bad file is repaired by the worker and loaded once more, like the app's own modules.
    dossier = importDossier().catch((e) => {
      console.warn("ocop-dossier did not load; repairing and trying once more", e);
      return repair("ocop-dossier").then(importDossier);
    });
    dossier.catch(() => { dossier = null; });
  }
  return dossier;
};

// The drafts' download of the failure screen, also for the panic screen (src/platform/panic.rs).
window.__ocopDownloadDrafts = () => import("./boot-failure.js").then((m) => m.downloadDrafts());

// Benchmark hook (scripts/bench.sh opens the app with ?bench=1): time the .docx of the open draft.
if (params.getAll("bench").includes("1")) {
  window.__ocopBenchDossier = () => import("./boot-failure.js").then((m) => m.benchDossier());
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
// An address that names a screen (src/ui/state/route.rs: view, draft, new, sheet) is the full app's.
let full = isShareLink() || ["set", "demo", "view", "draft", "new", "sheet"].some((p) => params.has(p));
let stored = null;
let index = null;
let savedLang = null;
try {
  stored = localStorage.getItem(STORE_KEY);
  index = localStorage.getItem(INDEX_KEY);
  savedLang = localStorage.getItem(LANG_KEY);
} catch (e) {}
if (savedLang === "vi" || savedLang === "en") document.documentElement.lang = savedLang;
if (index !== null) {
  // Drafts in the database: the full app shows them (the index says how many, and the set of the
  // one last opened, whose sheet can start loading now).
  try {
    const ix = JSON.parse(index);
    if (!(ix && ix.drafts === 0)) full = true;
    if (ix && typeof ix.set === "string") preloadRubric(ix.set);
  } catch (e) {
    full = true;
  }
}
if (stored !== null) {
  try {
    const store = JSON.parse(stored);
    const empty = store && store.format === "ocop-self-check/store" && store.version === 1 &&
      Array.isArray(store.drafts) && store.drafts.length === 0 && (store.lang === "vi" || store.lang === "en");
    if (empty) {
      if (savedLang === null) document.documentElement.lang = store.lang; // the start module starts in this language
    } else {
      full = true;
      const draft = store && Array.isArray(store.drafts) && store.drafts.find((d) => d && d.id === store.current);
      if (draft) preloadRubric(draft.product_set);
    }
  } catch (e) {
    full = true; // the full app keeps the unreadable store once and offers its text for download
  }
}
if (full) preloadRubric(params.get("set") || params.get("new"));

// The "Loading…" line, while it is there (the app removes it once it has rendered).
function setBootText(vi, en) {
  const boot = document.getElementById("boot");
  if (!boot || document.querySelector("#start *")) return;
  const slow = boot.querySelector(".boot-slow"); // index.html's hint after 30 s stays
  boot.textContent = vi + " ";
  const span = document.createElement("span");
  span.lang = "en";
  span.textContent = "/ " + en;
  boot.appendChild(span);
  if (slow) boot.appendChild(slow);
}

// 3. The start-up failure screen (static/boot-failure.js, loaded only when needed: the drafts'
//    download, "repair", reload). If even that file cannot be had, a plain line says what to do.
function showFailure(e) {
  console.error(e);
  const pre = document.getElementById("pre");
  if (pre) pre.remove();
  if (document.getElementById("fatal") || document.getElementById("boot-failure")) return;
  import("./boot-failure.js")
    .then((m) => m.show(e, lastRepair))
    .catch((e2) => {
      console.error(e2);
      setBootText("Không tải được ứng dụng; hãy kết nối mạng rồi tải lại trang. Bản nháp đã lưu vẫn còn trên máy.",
        "The app could not load; connect to the network and reload the page. Saved drafts are still on this device.");
    });
}

// 2. The full app, at most once; after a failure (offline before it was cached) the start module
//    shows a "try again" button that asks again.
let fullApp = null;
let precompiled = null;
function startFull() {
  if (fullApp) return;
  const intent = new URLSearchParams(document.documentElement.getAttribute("data-ocop-intent") || "");
  preloadRubric(intent.get("set") || intent.get("new"));
  // The background compile, if any (a failed one is simply redone).
  const pre = precompiled ? precompiled.catch(() => compile(here("../ocop-self-check_bg.wasm"))) : null;
  precompiled = null;
  fullApp = load("ocop-self-check", pre).catch((e) => {
    fullApp = null;
    if (document.querySelector("#start *")) {
      console.warn("full app not loaded", e);
      window.dispatchEvent(new Event("ocop:full-failed"));
    } else {
      showFailure(e);
    }
  });
}

// 4. A first visit's deep link (nothing saved): the set's questionnaire made at build time is
//    shown while the app loads (static/prerender.js; the app takes it over, src/ui/prerender.rs).
//    The app's module is fetched only once it is on screen (or after PRE_WAIT_MS), so its bytes
//    and main-thread work do not stand between the producer and the first criterion.
const PRE_WAIT_MS = 1500;
function showPrerendered() {
  let wanted = preEarly !== null && stored === null;
  try {
    if (wanted && index !== null) wanted = JSON.parse(index).drafts === 0;
  } catch (e) {
    wanted = false;
  }
  if (!wanted) {
    if (preEarly) preEarly.abort.abort();
    return Promise.resolve();
  }
  const lang = preLang || (savedLang === "en" ? "en" : "vi");
  let response = preEarly.response;
  if (lang !== preEarly.lang) {
    preEarly.abort.abort();
    response = fetch(here("./pre/" + preSet + "." + lang + ".html"));
  }
  const shown = Promise.all([preEarly.module, response])
    .then(([m, r]) => m.show(r, preSet, lang))
    .catch(() => {});
  return Promise.race([shown, new Promise((late) => setTimeout(late, PRE_WAIT_MS))]);
}

if (full) {
  showPrerendered().then(startFull);
} else {
  window.addEventListener("ocop:full", startFull);
  window.addEventListener("hashchange", () => isShareLink() && startFull());
  load("ocop-start")
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
