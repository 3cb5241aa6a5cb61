/* Where this page is: its guide and the site's addresses, read from the page when
 * first asked for (so opmaak.js and weergave.js import in Node). */

let gidsInfo = null;

/** The guide of this page (#ww-opslag): {id, versie, oud}, or {}. */
export function gids() {
  gidsInfo ||= (() => {
    try {
      return JSON.parse(document.getElementById("ww-opslag").textContent) || {};
    } catch (e) {
      return {};
    }
  })();
  return gidsInfo;
}

function config() {
  const el = document.getElementById("__config");
  return el ? JSON.parse(el.textContent) : { base: "." };
}

/** A URL inside the site, from a path relative to the site's root. */
export function siteUrl(pad) {
  return new URL(config().base.replace(/\/?$/, "/") + pad, location.href).href;
}
