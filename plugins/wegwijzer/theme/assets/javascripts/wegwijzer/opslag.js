/* What a visitor types or ticks stays in their own browser (localStorage) and
 * never leaves the device.
 *
 * Everything for one guide lives under one key, `wegwijzer:<id>`, with the
 * guide's stable id from catalogus.yml: never its title or version, so a new
 * version keeps the visitor's work. Inside, each part is stored by the ids of
 * statements, checklist questions, knelpunten and oplossingen:
 *
 *   { versie, versies, scan: {id, antwoorden, datum}, checklists: {lijst: [vraagIds]},
 *     plan: {knelpunten, scores, afspraken}, team: {datum, uitslagen} }
 *
 * `versie` is the guide version the stored data fits; `versies` every version it was brought up to.
 *
 * Each write reads the latest state first and changes only its own part, so two
 * open tabs do not undo each other's work. A write that fails is reported (with
 * why), so the tool can say so where the visitor works. What is read is checked
 * first (herstel.js).
 */

const gids = (() => {
  try {
    return JSON.parse(document.getElementById("ww-opslag").textContent) || {};
  } catch (e) {
    return {};
  }
})();
const SLEUTEL = `wegwijzer:${gids.id || "wegwijzer"}`;
const APART = `wegwijzer-apart:${gids.id || "wegwijzer"}`;
const mislukt = new Set();
let laatsteMislukt = null; // why the last write failed
let herstel = null;
let herstelBelofte = null;

function laadHerstel() {
  herstelBelofte ||= import("./herstel.js").then((m) => (herstel = m));
  return herstelBelofte;
}

function opgeslagenTekst() {
  try {
    return localStorage.getItem(SLEUTEL);
  } catch (e) {
    return null;
  }
}

if (opgeslagenTekst()) await laadHerstel().catch(() => {});

function config() {
  const el = document.getElementById("__config");
  return el ? JSON.parse(el.textContent) : { base: "." };
}

/** A URL inside the site, from a path relative to the site's root. */
export function siteUrl(pad) {
  return new URL(config().base.replace(/\/?$/, "/") + pad, location.href).href;
}

/** A link inside the site as a path (no host), so print never spells out an address after it. */
export function link(item) {
  const url = new URL(siteUrl(item.url));
  return `<a href="${html(url.pathname + url.hash)}">${html(item.titel)}</a>`;
}

/** A date as people write it: 24 november 2026. */
export function datumNl(iso) {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "";
  const [j, m, d] = iso.split("-").map(Number);
  return new Date(j, m - 1, d).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

/** Today as YYYY-MM-DD on the visitor's own calendar (not UTC, which is yesterday just after midnight). */
export function vandaag() {
  const nu = new Date();
  return [nu.getFullYear(), nu.getMonth() + 1, nu.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}

const dataBeloftes = Object.create(null);
/**
 * One of the tools' data files (plugins/tools/data.py) by its name below data/:
 * "scan" (what the scan ranks), "plan", "plan/knelpunten/<id>" or "versies" (ids only).
 */
export function laadData(bestand) {
  // The version in the address: a browser never combines this page with a cached file of another version.
  dataBeloftes[bestand] ||= fetch(siteUrl(`data/${bestand.split("/").map(encodeURIComponent).join("/")}.json?versie=${encodeURIComponent(gids.versie || "")}`))
    .then((antwoord) => (antwoord.ok ? antwoord.json() : Promise.reject(new Error(`${bestand}: ${antwoord.status}`))))
    .catch((fout) => {
      delete dataBeloftes[bestand]; // offline or gone: a later call tries again
      throw fout;
    });
  return dataBeloftes[bestand];
}

let uitslagDelen = null;
/**
 * What a scan or team result needs: the rules (ranking.js), how it is shown
 * (weergave.js), result files (bestanden.js) and data/scan.json, in one object.
 * The scan and team pages load it when a result is first asked for or stored,
 * so their first view downloads none of it.
 */
export function laadUitslagDelen() {
  uitslagDelen ||= Promise.all([import("./ranking.js"), import("./weergave.js"), import("./bestanden.js"), laadData("scan")]).then(
    ([ranking, weergave, bestanden, data]) => ({ ...ranking, ...weergave, ...bestanden, data }),
  );
  return uitslagDelen;
}

function leesAlles() {
  const tekst = opgeslagenTekst();
  if (!tekst) return {};
  if (herstel) return herstel.controleer(tekst, APART, schrijfAlles);
  laadHerstel().catch(() => {}); // stored since this page opened: checked from the next read on
  try {
    const alles = JSON.parse(tekst, zonderPrototype);
    return alles && typeof alles === "object" && !Array.isArray(alles) ? alles : {};
  } catch (e) {
    return {};
  }
}

/** Objects without a prototype: an id such as `constructor` is an id like any other. */
function zonderPrototype(sleutel, waarde) {
  return waarde && typeof waarde === "object" && !Array.isArray(waarde) ? Object.assign(Object.create(null), waarde) : waarde;
}

/** A deep copy to keep (for "Zet terug"). */
export function kopie(x) {
  return JSON.parse(JSON.stringify(x), zonderPrototype);
}

function schrijfAlles(alles) {
  try {
    localStorage.setItem(SLEUTEL, JSON.stringify(alles));
    laatsteMislukt = null;
    return true;
  } catch (e) {
    laatsteMislukt = !/quota/i.test(e?.name) ? "geblokkeerd" : proef() || "te-groot";
    mislukt.forEach((f) => f(laatsteMislukt));
    return false;
  }
}

/** Read one part ("scan", "plan", "team", "checklists"); `standaard` when nothing is stored. */
export function lees(deel, standaard) {
  const alles = leesAlles();
  const waarde = Object.hasOwn(alles, deel) ? alles[deel] : undefined;
  return waarde === undefined || waarde === null ? standaard : waarde;
}

/** Call `f` when another tab changed what is stored. */
export function bijWijziging(f) {
  window.addEventListener("storage", async (e) => {
    if (e.key !== SLEUTEL && e.key !== null) return;
    await laadHerstel().catch(() => {});
    f();
  });
}

/** Store one part (null removes it). Returns false when the browser would not store it. */
export function bewaar(deel, waarde) {
  const alles = leesAlles();
  if (waarde === null) delete alles[deel];
  else alles[deel] = waarde;
  alles.versie ||= gids.versie;
  return schrijfAlles(alles);
}

export function leesVinkjes(lijst) {
  const lijsten = lees("checklists", null);
  const vinkjes = lijsten && Object.hasOwn(lijsten, lijst) ? lijsten[lijst] : null;
  return Array.isArray(vinkjes) ? vinkjes : [];
}

/** Tick and untick on what is stored now: a tick from another tab stays. */
export function wijzigVinkjes(lijst, aan, uit) {
  const lijsten = lees("checklists", null) || Object.create(null);
  const nu = new Set([...leesVinkjes(lijst), ...aan]);
  uit.forEach((v) => nu.delete(v));
  if (nu.size) lijsten[lijst] = [...nu];
  else delete lijsten[lijst];
  return bewaar("checklists", lijsten);
}

/** Call `f(reden)` whenever a write fails, and at once when this browser stores nothing at all. */
export function bijMislukken(f) {
  mislukt.add(f);
  const nu = laatsteMislukt || proef();
  if (nu) f(nu);
}

function proef() {
  try {
    const sleutel = `${SLEUTEL}:proef`;
    localStorage.setItem(sleutel, "1");
    localStorage.removeItem(sleutel);
    return null;
  } catch (e) {
    return /quota/i.test(e?.name) ? "vol" : "geblokkeerd";
  }
}

/**
 * Bring what this browser stored up to the guide's current version, once.
 *
 * Also adopts what the first releases stored under the title and version
 * (`wegwijzer:<titel>:<versie>:scan`, ...), so nothing of theirs is lost either.
 * Returns the sentence to tell the visitor, or null when nothing changed.
 */
export async function bijwerkenNaarVersie() {
  let alles = leesAlles();
  const oud = !heeftIets(alles) && gids.oud && heeftOudeSleutels(gids.oud) ? (await laadHerstel()).oudeGegevens(gids.oud, APART) : null;
  if (oud) alles = oud.alles;
  if (!heeftIets(alles) || (alles.versie === gids.versie && !oud)) return null;
  // A page of a version this browser already moved past comes from a cache: it must not turn the clock back.
  if (!oud && (alles.versies || []).includes(gids.versie)) return null;
  // Only now, once per new version: what a version does to stored work, and the ids it needs.
  const [{ bijwerken, melding }, data] = await Promise.all([import("./versies.js"), laadData("versies")]);
  if (data.gids.versie !== gids.versie) return null; // page and data file of different versions: wait for both
  const { opgeslagen, weg } = bijwerken(data, alles);
  const versies = [...new Set([...(alles.versies || [alles.versie]), gids.versie])].filter(Boolean);
  if (!schrijfAlles({ ...opgeslagen, versie: gids.versie, versies })) return null;
  if (oud) oud.sleutels.forEach((s) => localStorage.removeItem(s));
  return alles.versie === gids.versie ? null : melding(alles.versie, gids.versie, weg);
}

function heeftIets(alles) {
  return Boolean(alles.scan || alles.plan || alles.team || (alles.checklists && Object.keys(alles.checklists).length));
}

function heeftOudeSleutels(prefix) {
  try {
    return Object.keys(localStorage).some((s) => s.startsWith(prefix));
  } catch (e) {
    return false;
  }
}

/** Offer `inhoud` as a file download, made in the browser; `melding` (an element) says where it went. */
export function downloadBestand(naam, inhoud, type, melding) {
  if (melding) melding.textContent = `Bewaard als ‘${naam}’, meestal in de map Downloads.`;
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
