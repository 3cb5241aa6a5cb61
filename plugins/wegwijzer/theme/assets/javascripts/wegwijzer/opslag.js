/* What a visitor types or ticks stays in their own browser (localStorage) and
 * never leaves the device. This module reads and writes it; nothing else here.
 *
 * Everything for one guide lives under one key, `wegwijzer:<id>`, with the
 * guide's stable id from catalogus.yml: never its title or version, so a new
 * version keeps the visitor's work. Inside, each part is stored by the ids of
 * statements, checklist questions, knelpunten and oplossingen:
 *
 *   { versie, versies, schrijvingen, scan: {id, antwoorden, datum}, checklists: {lijst: [vraagIds]},
 *     plan: {knelpunten, scores, afspraken}, team: {datum, uitslagen} }
 *
 * `versie` is the guide version the stored data fits; `versies` every version it was
 * brought up to (nieuweversie.js).
 *
 * Each write reads the latest state first and changes only its own part, so two
 * open tabs do not undo each other's work; each write adds its id to
 * `schrijvingen`, so a write lost to another tab's is found and made again
 * (verloren.js says why and how).
 *
 * A write that fails is reported, with why (opslagfout.js), so the tool can say
 * so where the visitor works. What is read is checked first (herstel.js).
 */
import { gids } from "./site.js";
import * as fout from "./opslagfout.js";

const SLEUTEL = `wegwijzer:${gids().id || "wegwijzer"}`;
export const APART = `wegwijzer-apart:${gids().id || "wegwijzer"}`;
const PROEF = `${SLEUTEL}:proef`;
let herstel = null;
let herstelBelofte = null;

export function laadHerstel() {
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

export function leesAlles() {
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

/** A written text read back as an object (verloren.js); {} when it is none. */
function alsAlles(tekst) {
  try {
    return JSON.parse(tekst, zonderPrototype) || {};
  } catch (e) {
    return {};
  }
}

/** A deep copy to keep (for "Zet terug"). */
export function kopie(x) {
  return JSON.parse(JSON.stringify(x), zonderPrototype);
}

export function schrijfAlles(alles, tekst = JSON.stringify(alles)) {
  try {
    localStorage.setItem(SLEUTEL, tekst);
    fout.gelukt();
    return true;
  } catch (e) {
    fout.mislukt(e, PROEF);
    return false;
  }
}

/** Read one part ("scan", "plan", "team", "checklists"); `standaard` when nothing is stored. */
export function lees(deel, standaard) {
  const alles = leesAlles();
  const waarde = Object.hasOwn(alles, deel) ? alles[deel] : undefined;
  return waarde === undefined || waarde === null ? standaard : waarde;
}

/** Write ids kept in what is stored, and this tab's own writes kept in memory (verloren.js). */
const SCHRIJVINGEN = 20;
const EIGEN = 8;
const TAB = Math.random().toString(36).slice(2, 10);
let teller = 0;
const schrijver = { geschreven: [], drager: null };
const samenvoegers = new Map();
const luisteraars = [];

/** How `deel` is merged when this tab's write was lost: `f(basis, mijn, hun)`; without, this tab's change wins. */
export function voegSamenMet(deel, f) {
  samenvoegers.set(deel, f);
}

/** Call `f` when another tab changed what is stored (after this tab's lost writes are made again). */
export function bijWijziging(f) {
  luisteraars.push(f);
}

// One change at a time: the next must see the write of the one before.
let rij = Promise.resolve();
window.addEventListener("storage", (e) => {
  if (e.key !== SLEUTEL && e.key !== null) return;
  rij = rij
    .then(async () => {
      await laadHerstel().catch(() => {});
      if (schrijver.geschreven.length) {
        const opnieuw = await (await import("./verloren.js")).maakOpnieuw(leesAlles(), schrijver, samenvoegers, alsAlles);
        if (opnieuw) schrijfMetId(opnieuw.alles, opnieuw.basis, opnieuw.delen);
      }
      for (const f of luisteraars) await f();
    })
    .catch((fout) => setTimeout(() => { throw fout; })); // reported, and the next change still comes
});

function schrijfMetId(alles, basis, delen) {
  const id = `${TAB}-${++teller}`;
  alles.schrijvingen = [...(Array.isArray(alles.schrijvingen) ? alles.schrijvingen : []), id].slice(-SCHRIJVINGEN);
  const tekst = JSON.stringify(alles);
  if (!schrijfAlles(alles, tekst)) return false;
  schrijver.geschreven.push({ id, basis, tekst, delen });
  if (schrijver.geschreven.length > EIGEN) schrijver.geschreven.shift();
  schrijver.drager = id;
  return true;
}

/** Store one part (null removes it). Returns false when the browser would not store it. */
export function bewaar(deel, waarde) {
  const basis = opgeslagenTekst();
  const alles = leesAlles();
  if (waarde === null) delete alles[deel];
  else alles[deel] = waarde;
  alles.versie ||= gids().versie;
  return schrijfMetId(alles, basis, [deel]);
}

/** Call `f(reden)` whenever a write fails, and at once when this browser stores nothing at all. */
export function bijMislukken(f) {
  fout.bijMislukken(f, PROEF);
}
