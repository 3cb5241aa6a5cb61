/* What this browser stored, brought up to a new version of the guide (the
 * rules: versies.js). */
import { gids } from "./site.js";
import { APART, laadHerstel, leesAlles, schrijfAlles } from "./opslag.js";

/**
 * Bring what this browser stored up to the guide's current version, once.
 *
 * Also adopts what the first releases stored under the title and version
 * (`wegwijzer:<titel>:<versie>:scan`, ...), so nothing of theirs is lost either.
 * Returns the sentence to tell the visitor, or null when nothing changed.
 */
export async function bijwerkenNaarVersie() {
  const { oud: oudPrefix, versie } = gids();
  let alles = leesAlles();
  const oud = !heeftIets(alles) && oudPrefix && heeftOudeSleutels(oudPrefix) ? (await laadHerstel()).oudeGegevens(oudPrefix, APART) : null;
  if (oud) alles = oud.alles;
  if (!heeftIets(alles) || (alles.versie === versie && !oud)) return null;
  // A page of a version this browser already moved past comes from a cache: it must not turn the clock back.
  if (!oud && (alles.versies || []).includes(versie)) return null;
  // Only now, once per new version: what a version does to stored work, and the ids it needs.
  const [{ bijwerken, melding }, data] = await Promise.all([import("./versies.js"), import("./laden.js").then((m) => m.laadData("versies"))]);
  if (data.gids.versie !== versie) return null; // page and data file of different versions: wait for both
  const { opgeslagen, weg } = bijwerken(data, alles);
  const versies = [...new Set([...(alles.versies || [alles.versie]), versie])].filter(Boolean);
  if (!schrijfAlles({ ...opgeslagen, versie, versies })) return null;
  if (oud) oud.sleutels.forEach((s) => localStorage.removeItem(s));
  return alles.versie === versie ? null : melding(alles.versie, versie, weg);
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
