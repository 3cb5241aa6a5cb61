/* Search in a dialog from the header. Pagefind's scripts and index load on first
 * use only, so a page that nobody searches on downloads nothing for it.
 * Keyboard: the button, or "/" anywhere outside a text field; Esc closes,
 * and focus returns to the button. Screen readers hear the number of results. */
const knop = document.querySelector(".ww-zoekknop");
const dialoog = document.getElementById("ww-zoeken");

if (knop && dialoog) {
  // As a path from the server's root: the site may live in a subfolder, and Pagefind imports its
  // scripts from here ("pagefind/" as written on the start page would be a bare module name).
  const bundel = new URL(knop.dataset.pagefind, location.href).pathname;
  const status = document.getElementById("ww-zoekstatus");
  let geladen = null;

  const laadScript = (src) => new Promise((klaar, mislukt) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = klaar;
    script.onerror = mislukt;
    document.head.append(script);
  });

  function laad() {
    if (geladen) return geladen;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundel + "pagefind-ui.css";
    document.head.append(css);
    geladen = laadScript(bundel + "pagefind-ui.js").then(() => {
      // eslint-disable-next-line no-undef
      new PagefindUI({
        element: "#ww-zoekveld",
        bundlePath: bundel,
        baseUrl: new URL(bundel + "../", location.href).pathname,
        showSubResults: false,
        showImages: false,
        resetStyles: false,
        autofocus: true,
        translations: { placeholder: "Zoek een knelpunt, oplossing of onderwerp", filters_label: "Verfijnen", clear_search: "Wissen" },
      });
      const veld = document.getElementById("ww-zoekveld");
      new MutationObserver(() => {
        const bericht = veld.querySelector(".pagefind-ui__message");
        const tekst = bericht ? bericht.textContent.trim() : "";
        if (status.textContent !== tekst) status.textContent = tekst;
      }).observe(veld, { subtree: true, childList: true, characterData: true });
    });
    return geladen;
  }

  let opener = knop; // where focus goes back to when the dialog closes

  async function open(event) {
    opener = event?.currentTarget instanceof HTMLElement ? event.currentTarget : knop;
    dialoog.showModal();
    try {
      await laad();
      dialoog.querySelector(".pagefind-ui__search-input")?.focus();
    } catch {
      geladen = null;
      dialoog.querySelector(".ww-zoeken__fout").hidden = false;
    }
  }

  knop.addEventListener("click", open);
  knop.hidden = false;
  // another way in on a page (the 404 page): a button inside [data-ww-zoek-open], hidden until this runs
  for (const plek of document.querySelectorAll("[data-ww-zoek-open]")) {
    plek.querySelector("button")?.addEventListener("click", open);
    plek.hidden = false;
  }
  dialoog.querySelector("[data-sluit]").addEventListener("click", () => dialoog.close());
  dialoog.addEventListener("click", (event) => {
    if (event.target === dialoog) dialoog.close(); // a click on the backdrop
  });
  dialoog.addEventListener("close", () => setTimeout(() => opener.focus())); // after the browser's own focus handling
  document.addEventListener("keydown", (event) => {
    const veld = event.target.closest?.("input, textarea, select, [contenteditable]");
    if (event.key === "/" && !veld && !dialoog.open && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open(); // from the keyboard: focus goes back to the header's button
    }
  });
}
