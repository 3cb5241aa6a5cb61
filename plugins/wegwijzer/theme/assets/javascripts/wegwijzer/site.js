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

let padenInfo = null;

/** The URL of one of the guide's pages the tools link to (#ww-paden: werkdrukscan, teamuitslag, planhulp). */
export function paginaUrl(naam) {
  return siteUrl(paden()[naam] || "");
}

/** The id of the knelpunt or oplossing (`soort`) whose page is at `url`, or null. */
export function idVan(soort, url) {
  return idUitPatroon(paden()[soort], new URL(url, location.href).pathname, paden().paginanamen);
}

/** `pathname` matched against a route's pattern (`knelpunten/{id}/`, from the site's root); a name
 * in `paginanamen` is one of the site's own pages there (the list, all of it), not an entry. */
export function idUitPatroon(patroon, pathname, paginanamen = []) {
  const id = idUitPad(patroon, pathname);
  return id !== null && Array.isArray(paginanamen) && paginanamen.includes(id) ? null : id;
}

function idUitPad(patroon, pathname) {
  if (!patroon || !patroon.includes("{id}")) return null;
  const [voor, na] = patroon.split("{id}").map((deel) => deel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const gevonden = new RegExp(`/${voor}([^/]+)${na}$`).exec(pathname) || (na.endsWith("/") && new RegExp(`/${voor}([^/]+)${na.slice(0, -1)}$`).exec(pathname));
  if (!gevonden) return null;
  try {
    return decodeURIComponent(gevonden[1]);
  } catch (e) {
    return null;
  }
}

function paden() {
  padenInfo ||= (() => {
    try {
      return JSON.parse(document.getElementById("ww-paden").textContent) || {};
    } catch (e) {
      return {};
    }
  })();
  return padenInfo;
}
