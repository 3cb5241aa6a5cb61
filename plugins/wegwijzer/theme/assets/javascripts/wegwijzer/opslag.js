/* What the visitor types or ticks stays in their own browser (localStorage),
 * under a key per guide and version, and never leaves the device. */

function config() {
  const el = document.getElementById("__config");
  return el ? JSON.parse(el.textContent) : { base: "." };
}

/** A URL inside the site, from a path relative to the site's root. */
export function siteUrl(pad) {
  return new URL(config().base.replace(/\/?$/, "/") + pad, location.href).href;
}

export async function laadData() {
  const antwoord = await fetch(siteUrl("data/wegwijzer.json"));
  return antwoord.json();
}

export function bewaar(sleutel, waarde) {
  try {
    if (waarde === null) localStorage.removeItem(sleutel);
    else localStorage.setItem(sleutel, JSON.stringify(waarde));
  } catch (e) {
    /* private mode or storage full: the tool still works, it just forgets */
  }
}

export function lees(sleutel, standaard) {
  try {
    const tekst = localStorage.getItem(sleutel);
    return tekst === null ? standaard : JSON.parse(tekst);
  } catch (e) {
    return standaard;
  }
}

/** Offer `inhoud` as a file download, made in the browser. */
export function downloadBestand(naam, inhoud, type) {
  const url = URL.createObjectURL(new Blob([inhoud], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = naam;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Escape text for HTML built in the browser. */
export function html(tekst) {
  return String(tekst).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
