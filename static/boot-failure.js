// The start-up failure screen, imported by static/boot.js only when the app's files could not be
// loaded even after the service worker's repair (offline with a damaged or incomplete copy, or a
// server that answers with something else). Vietnamese first, then English. It offers, each with
// a sentence on what it does: the drafts' download, "repair" (deletes only the app's offline copy,
// never the drafts) and a reload. Built with DOM calls (no Yew: no module could start). The
// service worker has a built-in copy of this file, like boot.js and index.html.
const STORE_KEY = "ocop-self-check/store";
const here = (path) => new URL(path, import.meta.url);
const DB_NAME = "ocop-self-check"; // IndexedDB (src/draft/store.rs): stores "drafts", "meta", "backups"

// What the database holds: the drafts' records, the kept copies of unreadable data ("backups")
// and the open draft's id (meta "current"), without ever creating the database: if it does not
// exist, opening it would create it (an "upgradeneeded"), so that transaction is aborted.
// Resolves to { records, backups, current, error }.
export function readDatabase() {
  return new Promise((resolve) => {
    let done = false;
    const finish = (got, error) => {
      if (done) return;
      done = true;
      resolve({ records: [], backups: [], current: null, ...got, error });
    };
    setTimeout(() => finish({}, "timeout"), 3000);
    let req;
    try {
      req = indexedDB.open(DB_NAME);
    } catch (e) {
      return finish({}, String(e && e.name || e)); // blocked storage, or no IndexedDB
    }
    req.onupgradeneeded = () => {
      try { req.transaction.abort(); } catch (e) {}
      finish({}, null); // no database: nothing saved there
    };
    req.onerror = (event) => {
      if (event && event.preventDefault) event.preventDefault();
      finish({}, done ? null : String(req.error && req.error.name));
    };
    req.onsuccess = () => {
      const db = req.result;
      try {
        const names = ["drafts", "backups", "meta"].filter((n) => db.objectStoreNames.contains(n));
        if (!names.includes("drafts")) {
          db.close();
          return finish({}, null);
        }
        const tx = db.transaction(names, "readonly");
        const got = {};
        const all = tx.objectStore("drafts").getAll();
        all.onsuccess = () => { got.records = all.result || []; };
        if (names.includes("backups")) {
          const b = tx.objectStore("backups").getAll();
          b.onsuccess = () => { got.backups = b.result || []; };
        }
        if (names.includes("meta")) {
          const c = tx.objectStore("meta").get("current");
          c.onsuccess = () => { got.current = typeof c.result === "string" ? c.result : null; };
        }
        tx.oncomplete = () => { db.close(); finish(got, null); };
        tx.onerror = () => { db.close(); finish(got, String(tx.error && tx.error.name)); };
      } catch (e) {
        db.close();
        finish({}, String(e && e.name || e));
      }
    };
  });
}

// Every saved draft, as one file: {"format":"ocop-self-check/store","version":1,"drafts":[…]}
// (interchange v1 values) from local storage and IndexedDB, one per id (IndexedDB's copy wins).
// Text that is not a readable store, the old store's backups and the database's kept copies go in
// as they are, so nothing is left behind. Resolves to { text, drafts, extra (unreadable texts), problem }.
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
  const db = await readDatabase();
  for (const r of db.records) if (r && typeof r === "object") add(r.draft, r.id);
  if (db.current) out.current = db.current;
  out.drafts = Array.from(drafts.values());
  if (Object.keys(backups).length) out.backups = backups;
  // The database's kept copies of unreadable or newer data, as they were kept.
  if (db.backups.length) out.kept = db.backups;
  const extra = ("unreadable_store" in out ? 1 : 0) + Object.keys(backups).length + db.backups.length;
  return { text: JSON.stringify(out, null, 1), drafts: out.drafts.length, extra, problem: db.error };
}

function todayName() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, "0");
  return "ocop-ban-nhap-" + d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + ".json";
}

// The drafts' download on its own (the panic screen of src/platform/panic.rs calls it through
// window.__ocopDownloadDrafts of boot.js: after a panic the wasm module is dead, and the drafts
// are in the database, which only script can read). Resolves to the number of drafts saved.
// A DOM element with attributes and children.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

export async function downloadDrafts() {
  const { text, drafts, extra } = await collectDrafts();
  if (!drafts && !extra) return 0;
  const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: todayName() });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  return drafts;
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
    say("Cần có kết nối mạng để sửa. Chưa xóa gì. Hãy bật mạng (Wi-Fi hoặc dữ liệu di động) rồi bấm lại.",
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

export function show(e, lastRepair) {
  if (document.getElementById("fatal") || document.getElementById("boot-failure")) return;
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
  const kept = two("Lỗi này không xóa bản nháp nào đã lưu trên máy.", "This does not delete any draft saved on this device.");

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
    ...two("Xóa bản sao ngoại tuyến của ứng dụng rồi tải lại từ mạng (cần có mạng). Bản nháp của bạn được giữ nguyên.",
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


// The benchmark hook of static/boot.js (?bench=1, scripts/bench.sh): time the .docx of the open
// draft. Here rather than in boot.js, which every visit loads.
export async function benchDossier() {
  const saved = await readDatabase();
  const record = saved.records.find((r) => r && r.id === saved.current);
  const draft = record && record.draft;
  if (!draft || !/^QD26-\d\d$/.test(draft.product_set)) throw new Error("no current draft");
  const m = await window.__ocopLoadDossier();
  const res = await fetch(here("./rubric/" + draft.product_set + ".json"));
  const rubric = await res.text();
  const now = new Date();
  const today = now.getDate() + "/" + (now.getMonth() + 1) + "/" + now.getFullYear();
  const json = JSON.stringify(draft);
  const t0 = performance.now();
  const bytes = m.dossier_docx(json, rubric, "vi", today, "filing");
  const ms = performance.now() - t0;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new Error("no .docx");
  return ms;
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

// static/boot.js's repair of a module that did not load: the worker checks `urls` against the
// build's hash list and fetches again what does not match. 30 s: a phone on slow data may need
// that for the full app. Resolves to the worker's [{url, status}] or null (no worker).
export function askRepair(urls) {
  return askWorker({ type: "ocop-self-check:repair", urls }, 30000).then((answer) =>
    answer && Array.isArray(answer.files) ? answer.files : null);
}
