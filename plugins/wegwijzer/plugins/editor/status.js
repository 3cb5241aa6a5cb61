// The preview's build status inside the editor (/admin/ of `wegwijzer bekijken` only).
// The editor page is never reloaded by the preview (that would lose typing), so it asks
// the preview every second and a half whether the last save built, and shows the Dutch
// problems at the bottom of the screen until they are solved.
(function () {
  "use strict";
  var panel = null;
  var last = null;

  function show(state) {
    if (!panel) {
      panel = document.createElement("div");
      panel.id = "wegwijzer-bouwstatus";
      panel.setAttribute("role", "status");
      panel.setAttribute("aria-live", "polite");
      panel.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:40vh;overflow:auto;" +
        "padding:12px 20px;font:16px/1.5 system-ui,sans-serif;background:#fff;color:#1a1a1a;" +
        "border-top:5px solid #b00020;box-shadow:0 -2px 8px rgba(0,0,0,.2)";
      document.body.appendChild(panel);
    }
    panel.textContent = "";
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 6px;font-weight:700";
    title.textContent = "Je laatste wijziging staat nog niet op de site (voorvertoning)";
    var help = document.createElement("p");
    help.style.cssText = "margin:0 0 6px";
    help.textContent = "De voorvertoning toont de laatste versie die wel klopte. Verbeter dit hier in de editor en publiceer opnieuw:";
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:20px;overflow-wrap:anywhere";
    panel.appendChild(title);
    panel.appendChild(help);
    state.problemen.slice(0, 40).forEach(function (problem) {
      if (!problem.bestand) {  // a line such as "De catalogus bevat 1 fout:" heads the list
        var head = document.createElement("p");
        head.style.cssText = "margin:0 0 4px";
        head.textContent = problem.tekst;
        panel.appendChild(head);
        return;
      }
      var item = document.createElement("li");
      var where = document.createElement("strong");
      where.textContent = problem.bestand + ", regel " + problem.regel;
      item.appendChild(where);
      item.appendChild(document.createTextNode(": " + problem.tekst));
      list.appendChild(item);
    });
    panel.appendChild(list);
    panel.hidden = false;
  }

  function check() {
    fetch("/_wegwijzer/status", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state || (last && state.versie === last.versie)) return;
        last = state;
        if (state.goed) {
          if (panel) panel.hidden = true;
        } else {
          show(state);
        }
      })
      .catch(function () { /* the preview is restarting: ask again at the next tick */ })
      .then(function () { setTimeout(check, 1500); });
  }

  check();
})();
