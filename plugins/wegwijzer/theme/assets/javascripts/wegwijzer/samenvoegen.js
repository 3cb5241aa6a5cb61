/* Two copies of one plan merged: what this tab changed, made on what another tab
 * stored meanwhile. No DOM, so Node can test it. Linear in the size of the plans. */
import { lijstSamen } from "./lijstsamen.js";
import { VELDEN, kaart, planVorm } from "./vorm.js";

/**
 * Two tabs on one plan: `basis` is what this tab last knew to be stored, `mijn`
 * what it has now, `hun` what another tab stored since. Every change of this tab
 * (a knelpunt, an oplossing or criterion ticked or not, a field typed) is made
 * on theirs; where both changed the same field, this tab's text wins.
 */
export function voegPlanSamen(basis, mijn, hun) {
  const leeg = { knelpunten: [] };
  const [b, m, h] = [planVorm(basis || leeg), planVorm(mijn), planVorm(hun || leeg)];
  const perId = (p) => new Map(p.knelpunten.map((k) => [k.id, k.oplossingen]));
  const [bk, mk, hk] = [perId(b), perId(m), perId(h)];
  const knelpunten = lijstSamen([...bk.keys()], [...mk.keys()], [...hk.keys()]).map((id) => ({
    id,
    oplossingen: lijstSamen(bk.get(id) || [], mk.get(id) || [], hk.get(id) || []),
  }));
  const sleutels = (deel) => new Set([...Object.keys(b[deel]), ...Object.keys(m[deel]), ...Object.keys(h[deel])]);
  const scores = kaart();
  for (const o of sleutels("scores")) {
    const lijst = lijstSamen(b.scores[o] || [], m.scores[o] || [], h.scores[o] || []);
    if (lijst.length) scores[o] = lijst;
  }
  const afspraken = kaart();
  for (const o of sleutels("afspraken")) {
    const [ba, ma, ha] = [b.afspraken[o] || {}, m.afspraken[o] || {}, h.afspraken[o] || {}];
    const afspraak = {};
    for (const veld of VELDEN) {
      const waarde = ma[veld] !== ba[veld] ? ma[veld] : ha[veld];
      if (waarde !== undefined) afspraak[veld] = waarde;
    }
    if (Object.keys(afspraak).length) afspraken[o] = afspraak;
  }
  return { knelpunten, scores, afspraken };
}
