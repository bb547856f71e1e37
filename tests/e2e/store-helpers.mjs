// Helpers for tests that look at where drafts live: the browser's database (IndexedDB
// "ocop-self-check", object stores "drafts", "meta", "backups"; see src/draft/store.rs). Not a
// spec file.

/** Every value of the database's object store `name` (getAll), or null when the database or the
 * store does not exist. Never creates the database (the upgrade is aborted). */
export function readAll(page, name) {
  return page.evaluate(
    (storeName) =>
      new Promise((resolve) => {
        const req = indexedDB.open('ocop-self-check');
        req.onupgradeneeded = () => req.transaction.abort(); // never create it from a test
        req.onerror = () => resolve(null);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains(storeName)) {
            db.close();
            return resolve(null);
          }
          const all = db.transaction(storeName).objectStore(storeName).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => {
            db.close();
            resolve(null);
          };
        };
      }),
    name,
  );
}

/** Every stored draft record (`{format, version, id, rev, updated_ms, draft}`), in id order. */
export async function storedRecords(page) {
  return (await readAll(page, 'drafts')) ?? [];
}

/** The stored drafts (interchange v1 values). */
export async function storedDrafts(page) {
  return (await storedRecords(page)).map((r) => r.draft);
}

/** The kept copies of unreadable data the database holds. */
export async function storedBackups(page) {
  return (await readAll(page, 'backups')) ?? [];
}

/** Wait until the stored drafts satisfy `predicate(drafts)` (polled; the writes are async). */
export async function waitForStored(page, predicate, { timeout = 10_000 } = {}) {
  const end = Date.now() + timeout;
  let last = [];
  while (Date.now() < end) {
    last = await storedDrafts(page);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`stored drafts never matched: ${JSON.stringify(last).slice(0, 2000)}`);
}

/** The answers of the stored draft `id` (or of the only one). */
export async function storedAnswers(page, id) {
  const drafts = await storedDrafts(page);
  const d = id ? drafts.find((x) => x.id === id) : drafts[0];
  return (d && d.answers) || {};
}

/** Delete the drafts database (nothing saved on this device any more); resolves to how it went. */
export function deleteDatabase(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.deleteDatabase('ocop-self-check');
        req.onsuccess = () => resolve('deleted');
        req.onerror = () => resolve('error');
        req.onblocked = () => resolve('blocked');
      }),
  );
}

/** Everything the app keeps on the device: local storage (the language, the small index and the
 * unsaved-changes journal) and the database's drafts, settings and kept copies. For "nothing
 * changed" checks. */
export async function deviceDump(page) {
  const local = await page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
  const read = (name) => readAll(page, name);
  return { local, drafts: await read('drafts'), meta: await read('meta'), backups: await read('backups') };
}

/** The open draft's id as the database keeps it (meta "current"), or null. */
export function storedCurrent(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('ocop-self-check');
        req.onupgradeneeded = () => req.transaction.abort();
        req.onerror = () => resolve(null);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('meta')) {
            db.close();
            return resolve(null);
          }
          const get = db.transaction('meta').objectStore('meta').get('current');
          get.onsuccess = () => {
            db.close();
            resolve(get.result ?? null);
          };
          get.onerror = () => {
            db.close();
            resolve(null);
          };
        };
      }),
  );
}

/** The stored drafts (oldest first, as the list shows them) and the open one, as JSON text: a
 * snapshot for "nothing changed" checks. */
export async function storeSnapshot(page) {
  const drafts = (await storedDrafts(page)).sort((a, b) => (a.created_ms ?? 0) - (b.created_ms ?? 0));
  return JSON.stringify({ current: await storedCurrent(page), drafts });
}

/** The number of records in the database's "files" store (the evidence files), or null when
 *  there is no such store. */
export function fileCount(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('ocop-self-check');
        req.onupgradeneeded = () => req.transaction.abort();
        req.onerror = () => resolve(null);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('files')) {
            db.close();
            return resolve(null);
          }
          const c = db.transaction('files').objectStore('files').count();
          c.onsuccess = () => {
            db.close();
            resolve(c.result);
          };
        };
      }),
  );
}
