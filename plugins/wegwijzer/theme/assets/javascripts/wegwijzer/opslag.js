/* What a visitor types or ticks stays in their own browser (localStorage) and
 * never leaves the device. This module reads and writes it; nothing else here.
 *
 * Everything for one guide lives under one key, `wegwijzer:<id>`, with the
 * guide's stable id from catalogus.yml: never its title or version, so a new
 * version keeps the visitor's work. Inside, each part is stored by the ids of
 * statements, checklist questions, knelpunten and oplossingen:
 *
 *   { versie, versies, scan: {id, antwoorden, datum}, checklists: {lijst: [vraagIds]},
 *     plan: {knelpunten, scores, afspraken}, team: {datum, uitslagen} }
 *
 * `versie` is the guide version the stored data fits; `versies` every version it was
 * brought up to (nieuweversie.js).
 *
 * Each write reads the latest state first and changes only its own part, so two
 * open tabs do not undo each other's work. A write that fails is reported, with
 * why (opslagfout.js), so the tool can say so where the visitor works. What is
 * read is checked first (herstel.js).
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

/** A deep copy to keep (for "Zet terug"). */
export function kopie(x) {
  return JSON.parse(JSON.stringify(x), zonderPrototype);
}

export function schrijfAlles(alles) {
  try {
    localStorage.setItem(SLEUTEL, JSON.stringify(alles));
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
  alles.versie ||= gids().versie;
  return schrijfAlles(alles);
}

/** Call `f(reden)` whenever a write fails, and at once when this browser stores nothing at all. */
export function bijMislukken(f) {
  fout.bijMislukken(f, PROEF);
}
