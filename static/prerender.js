// The prerendered questionnaire of a first visit's deep link (issue 16), loaded by static/boot.js
// only for an address like ?set=QD26-NN with nothing saved, not in a frame (an embed's page
// differs and reports its height), no share link or other screen, and online (static/pre/ is not
// in the offline copy: offline the app is on the device and renders the questionnaire itself).
//
// static/pre/QD26-NN.vi.html and .en.html are made at build time from the app's own components
// (examples/static_questionnaire.rs, Yew's server-side rendering). Shown in #pre while the app
// loads, they can be read and answered at once: the radios and the name field are plain HTML.
// The app renders its own copy in #app, behind it; once that is complete it takes over what was
// chosen, typed and opened there and the last button pressed, and swaps the two at the same place
// on the page (src/ui/prerender.rs, src/platform/prerender.rs). <div id="app" data-pre> says the
// app has decided already (taken over, or shows something else): a copy that comes later is
// not shown.

// Show the page of `response` (a fetch of static/pre/…) for `set` in `lang`. Resolves once a
// frame with it has been painted, or at once when it is not shown.
export function show(response, set, lang) {
  if (!response.ok) return null;
  return response.text().then((html) => {
    const app = document.getElementById("app");
    if (!html || !app || app.hasAttribute("data-pre") || app.querySelector(".questionnaire") ||
      document.getElementById("fatal") || document.getElementById("boot-failure")) return null;
    const pre = document.createElement("div");
    pre.id = "pre";
    pre.setAttribute("data-set", set);
    pre.setAttribute("data-lang", lang);
    // The screen with the first section first (examples/static_questionnaire.rs, `split`); the
    // rest in the next task, after a frame: in one piece it was one long task.
    const [first, rest] = html.split("<!--ocop-pre-split-->");
    pre.innerHTML = first;
    // A button pressed before the app is there: marked busy, and pressed again on the app's copy.
    // Found there by the nearest element with an id around it (the criterion's fieldset, the
    // result bar…) and its place among that element's buttons: "ID N" ("pre N": the whole page).
    pre.addEventListener("click", (event) => {
      const button = event.target.closest && event.target.closest("button");
      if (!button) return;
      const scope = button.parentElement.closest("[id]") || pre;
      const n = Array.prototype.indexOf.call(scope.querySelectorAll("button"), button);
      pre.setAttribute("data-click", scope.id + " " + n);
      button.setAttribute("aria-busy", "true");
    });
    // The app's copy is built behind, invisible and out of the flow but laid out as it comes (a
    // hidden copy would be styled and laid out all at once at the swap, one long task), and
    // never tapped, focused or read out (visibility: hidden).
    app.setAttribute("data-behind", "");
    app.style.cssText = "position:absolute;top:0;left:0;right:0;visibility:hidden;overflow-anchor:none;pointer-events:none";
    app.before(pre);
    const boot = document.getElementById("boot");
    if (boot) boot.hidden = true;
    return new Promise((painted) => requestAnimationFrame(() => setTimeout(() => {
      const parts = (rest || "").split("<!--ocop-pre-rest-->");
      ["pre-rest-a", "pre-rest-b"].forEach((id, i) => {
        const place = pre.querySelector("#" + id);
        if (place && parts[i]) place.outerHTML = parts[i];
        else if (place) place.remove();
      });
      painted();
    }, 0)));
  });
}
