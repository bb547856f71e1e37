// Start-up of the web app, as a file rather than inline script so the Content-Security-Policy of
// index.html can say script-src 'self' without 'unsafe-inline'. Loaded from index.html as a module
// (deferred; it runs once the small document is parsed).

// 1. Start fetching the open draft's scoring sheet while the app loads (the app's own fetch then
//    reuses it). Reads only the product-set id of the current draft; errors are ignored (storage
//    may be blocked, e.g. in a third-party frame).
try {
  const store = JSON.parse(localStorage.getItem("ocop-self-check/store") || "null");
  const draft = store && Array.isArray(store.drafts) && store.drafts.find((d) => d && d.id === store.current);
  if (draft && /^QD26-\d\d$/.test(draft.product_set)) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = new URL("./rubric/" + draft.product_set + ".json", import.meta.url).href;
    document.head.appendChild(link);
  }
} catch (e) {}

// 2. Load and start the app (the glue is already fetched: index.html has a modulepreload for it).
function failed(e) {
  console.error(e);
  const boot = document.getElementById("boot");
  if (boot && !document.getElementById("fatal")) {
    boot.textContent =
      "Không tải được ứng dụng; hãy tải lại trang. / The app could not load; please reload the page.";
  }
}
import("../ocop-self-check.js")
  .then((app) => app.default({ module_or_path: new URL("../ocop-self-check_bg.wasm", import.meta.url) }))
  .catch(failed);
