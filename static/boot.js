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

// The service worker in charge of this page (or the registration's active one), or null.
async function worker() {
  try {
    const sw = navigator.serviceWorker; // throws in a sandboxed frame
    if (!sw) return null;
    if (sw.controller) return sw.controller;
    const reg = await Promise.race([sw.getRegistration(), new Promise((r) => setTimeout(r, 2000))]);
    return (reg && reg.active) || null;
  } catch (e) {
    return null;
  }
}

// Ask the worker something (static/sw.js, "messages"); resolves to its answer, or null when there
// is no worker or it does not answer within `ms`.
async function askWorker(message, ms) {
  const w = await worker();
  if (!w) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ms);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data);
    };
    try {
      w.postMessage(message, [channel.port2]);
    } catch (e) {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

// Ask the worker to check a module's two files against the build's hash list and fetch again from
// the network whatever does not match. Resolves to [{url, status}] ("good", "repaired", "failed",
// "unknown") or null (no worker). 30 s: a phone on slow data may need that for the full app.
let lastRepair = null;
function repair(name) {
  setBootText("Đang sửa bản sao của ứng dụng…", "Repairing the app's copy…");
  const urls = [here("../" + name + ".js").href, here("../" + name + "_bg.wasm").href];
  return askWorker({ type: "ocop-self-check:repair", urls }, 30000).then((answer) => {
    lastRepair = answer && Array.isArray(answer.files) ? answer.files : null;
    return lastRepair;
  });
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

// 3. The start-up failure screen: the app's files could not be loaded even after the worker's
//    repair (offline with a damaged or incomplete copy, or a server that answers with something
//    else). Vietnamese first, then English. It offers, each with a sentence on what it does:
//    the drafts' download, "repair" (deletes only the app's offline copy, never the drafts) and
//    a reload. Built with DOM calls (no Yew: no module could start).
const DB_NAME = "ocop-self-check"; // IndexedDB: version 1, store "drafts" (keyPath "id")

// The drafts' records in IndexedDB, without ever creating the database: if it does not exist,
// opening it would create it (an "upgradeneeded"), so that transaction is aborted.
function readDatabaseDrafts() {
  return new Promise((resolve) => {
    let done = false;
    const finish = (records, error) => {
      if (done) return;
      done = true;
      resolve({ records, error });
    };
    setTimeout(() => finish([], "timeout"), 3000);
    let req;
    try {
      req = indexedDB.open(DB_NAME);
    } catch (e) {
      return finish([], String(e && e.name || e)); // blocked storage, or no IndexedDB
    }
    req.onupgradeneeded = () => {
      try { req.transaction.abort(); } catch (e) {}
      finish([], null); // no database: nothing saved there
    };
    req.onerror = (event) => {
      if (event && event.preventDefault) event.preventDefault();
      finish([], done ? null : String(req.error && req.error.name));
    };
    req.onsuccess = () => {
      const db = req.result;
      try {
        if (!db.objectStoreNames.contains("drafts")) {
          db.close();
          return finish([], null);
        }
        const all = db.transaction("drafts", "readonly").objectStore("drafts").getAll();
        all.onsuccess = () => { db.close(); finish(all.result || [], null); };
        all.onerror = () => { db.close(); finish([], String(all.error && all.error.name)); };
      } catch (e) {
        db.close();
        finish([], String(e && e.name || e));
      }
    };
  });
}

// Every saved draft, as one file: {"format":"ocop-self-check/store","version":1,"drafts":[…]}
// (interchange v1 values) from local storage and IndexedDB, one per id (IndexedDB's copy wins).
// Text that is not a readable store, and the store's backups, go in as they are, so nothing is
// left behind. Resolves to { text, drafts, extra (unreadable texts), problem }.
async function collectDrafts() {
  const out = { format: "ocop-self-check/store", version: 1 };
  const drafts = new Map();
  let anon = 0;
  const add = (draft, id) => {
    if (!draft || typeof draft !== "object" || Array.isArray(draft)) return;
    const key = typeof id === "string" && id ? id : typeof draft.id === "string" && draft.id ? draft.id : "\0" + anon++;
    drafts.delete(key); // the later source wins, and takes its place at the end
    drafts.set(key, draft);
  };
  let raw = null;
  const backups = {};
  try {
    raw = localStorage.getItem(STORE_KEY);
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key && key.startsWith(STORE_KEY + ".backup")) backups[key] = localStorage.getItem(key);
    }
  } catch (e) {}
  if (raw !== null) {
    let store = null;
    try {
      store = JSON.parse(raw);
    } catch (e) {}
    if (store && typeof store === "object" && Array.isArray(store.drafts)) {
      if (store.lang === "vi" || store.lang === "en") out.lang = store.lang;
      if (typeof store.current === "string") out.current = store.current;
      for (const d of store.drafts) add(d);
    }
    if (!(store && store.format === "ocop-self-check/store" && store.version === 1 && Array.isArray(store.drafts))) {
      out.unreadable_store = raw; // exactly as it was stored
    }
  }
  const db = await readDatabaseDrafts();
  for (const r of db.records) if (r && typeof r === "object") add(r.draft, r.id);
  out.drafts = Array.from(drafts.values());
  if (Object.keys(backups).length) out.backups = backups;
  const extra = ("unreadable_store" in out ? 1 : 0) + Object.keys(backups).length;
  return { text: JSON.stringify(out, null, 1), drafts: out.drafts.length, extra, problem: db.error };
}

function todayName() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return "ocop-ban-nhap-" + d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + ".json";
}

// Online, for real: the browser says so AND index.html comes from the server (cache: "no-store",
// which the worker leaves to the network), and it is this app's page, not a captive portal's.
async function reachable() {
  if (navigator.onLine === false) return false;
  const abort = typeof AbortController === "function" ? new AbortController() : null;
  const timer = setTimeout(() => abort && abort.abort(), 10000);
  try {
    const r = await fetch(here("../index.html"), { cache: "no-store", signal: abort && abort.signal });
    if (!r.ok) return false;
    return (await r.text()).includes("static/boot.js");
  } catch (e) {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

// "Repair": delete only this app's caches ("ocop-self-check-…") and unregister its worker, then
// load everything again from the network. Local storage and IndexedDB (the drafts) are never
// touched. Offline, nothing is deleted.
async function repairApp(say) {
  say("Đang kiểm tra kết nối mạng…", "Checking the connection…");
  if (!(await reachable())) {
    say("Cần có kết nối mạng để sửa. Chưa xoá gì. Hãy bật mạng (Wi-Fi hoặc dữ liệu di động) rồi bấm lại.",
      "Repair needs the network. Nothing was deleted. Turn on Wi-Fi or mobile data, then tap again.");
    return false;
  }
  say("Đang sửa…", "Repairing…");
  try {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith("ocop-self-check-")).map((n) => caches.delete(n)));
  } catch (e) {}
  try {
    const scope = here("../").href;
    for (const reg of await navigator.serviceWorker.getRegistrations()) {
      if (reg.scope === scope) await reg.unregister();
    }
  } catch (e) {}
  // The page and its start-up files fresh in the HTTP cache too ("reload": the worker, still in
  // charge of this page until it unloads, leaves these to the network).
  await Promise.all(["../index.html", "./boot.js", "./app.css"].map((p) =>
    fetch(here(p), { cache: "reload" }).catch(() => {})));
  location.reload();
  return true;
}

function showFailure(e) {
  console.error(e);
  if (document.getElementById("fatal") || document.getElementById("boot-failure")) return;
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  };
  const en = (text) => el("span", { lang: "en", class: "muted" }, text);
  const two = (vi, english) => [vi + " ", en(english)];
  const offline = navigator.onLine === false;
  const unrepaired = Array.isArray(lastRepair) && lastRepair.some((f) => f.status === "failed");
  const why = offline
    ? two("Máy đang không có mạng, và bản sao của ứng dụng trên máy bị hỏng hoặc chưa đủ.",
      "This device is offline, and the app's copy on it is damaged or incomplete.")
    : unrepaired
      ? two("Một tệp của ứng dụng bị hỏng trên máy và không tải lại được từ mạng.",
        "A file of the app is damaged on this device and could not be downloaded again.")
      : two("Một tệp của ứng dụng không tải được, kể cả khi thử lại.",
        "A file of the app could not be loaded, even on a second try.");
  const title = el("h1", { tabindex: "-1", style: "outline: none" }, ...two("Không mở được ứng dụng", "/ The app could not open"));
  const kept = two("Lỗi này không xoá bản nháp nào đã lưu trên máy.", "This does not delete any draft saved on this device.");

  const choice = (button, ...sentence) =>
    el("div", { style: "margin: 1.25rem 0" }, el("p", { class: "actions" }, button), el("p", {}, ...sentence));
  const button = (id, cls, vi, english) => el("button", { id, type: "button", class: "btn " + cls }, vi + " / " + english);

  const download = button("boot-download", "primary", "Tải các bản nháp về máy", "Download the drafts");
  const downloadNote = el("p", { id: "boot-download-note", role: "status" });
  const downloadChoice = choice(download,
    ...two("Lưu mọi bản nháp trên máy này vào một tệp (" + todayName() + ") để giữ làm bản sao.",
      "Saves every draft on this device to one file, to keep as a backup."));
  downloadChoice.append(downloadNote);

  const repairBtn = button("boot-repair", "", "Sửa ứng dụng", "Repair the app");
  const repairNote = el("p", { id: "boot-repair-note", role: "status" });
  const repairChoice = choice(repairBtn,
    ...two("Xoá bản sao ngoại tuyến của ứng dụng rồi tải lại từ mạng (cần có mạng). Bản nháp của bạn được giữ nguyên.",
      "Deletes the app's offline copy and downloads it again (needs the network). Your drafts are kept."));
  repairChoice.append(repairNote);

  const reload = button("boot-reload", "", "Tải lại trang", "Reload the page");
  const reloadChoice = choice(reload, ...two("Thử mở ứng dụng thêm một lần.", "Tries to open the app once more."));

  const details = el("details", {}, el("summary", {}, "Chi tiết kỹ thuật / Technical details"),
    el("pre", {}, String((e && (e.stack || e.message)) || e)));
  const main = el("main", { id: "boot-failure", class: "fatal", role: "alert" },
    title, el("p", {}, ...why), el("p", {}, ...kept), downloadChoice, repairChoice, reloadChoice, details);

  const say = (note) => (vi, english) => {
    note.textContent = "";
    note.append(...two(vi, english));
  };
  download.addEventListener("click", async () => {
    download.disabled = true;
    try {
      const { text, drafts, extra, problem } = await collectDrafts();
      if (drafts + extra === 0) {
        say(downloadNote)(problem ? "Không đọc được bản nháp nào trên máy này." : "Không có bản nháp nào được lưu trên máy này.",
          problem ? "No drafts could be read on this device." : "No drafts are saved on this device.");
        return;
      }
      const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: todayName() });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 60000);
      say(downloadNote)(
        "Đã tải xuống " + drafts + " bản nháp" + (extra ? " cùng dữ liệu chưa đọc được (giữ nguyên như đã lưu)" : "") +
          " vào " + todayName() + ".",
        "Downloaded " + drafts + (drafts === 1 ? " draft" : " drafts") +
          (extra ? " with data that could not be read (kept as it was stored)" : "") + " to " + todayName() + ".");
      if (problem) {
        downloadNote.append(" ", ...two("Không đọc được cơ sở dữ liệu bản nháp của trình duyệt; tệp chỉ có các bản nháp trong bộ nhớ cục bộ.",
          "The browser's drafts database could not be read; the file holds the drafts from local storage only."));
      }
    } finally {
      download.disabled = false;
    }
  });
  repairBtn.addEventListener("click", async () => {
    repairBtn.disabled = true;
    if (!(await repairApp(say(repairNote)))) repairBtn.disabled = false;
  });
  reload.addEventListener("click", () => location.reload());

  const boot = document.getElementById("boot");
  if (boot) boot.remove();
  document.body.append(main);
  title.focus();
}

// 2. The full app, at most once; after a failure (offline before it was cached) the start module
//    shows a "try again" button that asks again.
let fullApp = null;
let precompiled = null;
function startFull() {
  if (fullApp) return;
  const intent = new URLSearchParams(document.documentElement.getAttribute("data-ocop-intent") || "");
  preloadRubric(intent.get("set"));
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

if (full) {
  startFull();
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
