/* What a new version of the guide does to what a visitor stored. No DOM, so Node can test it.
 *
 * Everything is stored by ids: statements, checklist questions, knelpunten,
 * oplossingen and criteria. A new version keeps all of it that still exists and
 * drops only what was removed; `bijwerken` says what it dropped, so the visitor
 * can be told in one sentence.
 */

import { kaart } from "./vorm.js";

/** The ids of a list of ids (data/versies.json) or of entries with an id (data/wegwijzer.json). */
function ids(lijst) {
  return new Set(lijst.map((x) => (typeof x === "string" ? x : x.id)));
}

function alleenBekend(antwoorden, stellingen) {
  const uit = kaart();
  let weg = 0;
  for (const [id, waarde] of Object.entries(antwoorden || kaart())) {
    if (stellingen.has(id)) uit[id] = waarde;
    else weg += 1;
  }
  return [uit, weg];
}

/** The stored data made to fit `data` (the guide as it is now), and what was dropped. */
export function bijwerken(data, opgeslagen) {
  const stellingen = ids(data.stellingen);
  const knelpunten = ids(data.knelpunten);
  const oplossingen = ids(data.oplossingen);
  const criteria = ids(data.criteria);
  const weg = { antwoorden: 0, vinkjes: 0, knelpunten: 0, oplossingen: 0 };
  const uit = { ...opgeslagen };

  if (opgeslagen.scan) {
    const [antwoorden, n] = alleenBekend(opgeslagen.scan.antwoorden, stellingen);
    uit.scan = { ...opgeslagen.scan, antwoorden };
    weg.antwoorden += n;
  }
  // `team`, the colleagues' own results the team page once collected, is not carried into a new
  // version: one person's answers have no place on a facilitator's device (the stembus keeps totals).
  delete uit.team;
  if (opgeslagen.checklists) {
    uit.checklists = kaart();
    for (const [lijst, opgeslagenVinkjes] of Object.entries(opgeslagen.checklists)) {
      const vragen = data.checklists && Object.hasOwn(data.checklists, lijst) ? data.checklists[lijst] : [];
      const bestaat = new Set(vragen);
      // The first releases kept ticks by position: those of this very version become ids, others cannot be trusted.
      const vinkjes = Array.isArray(opgeslagenVinkjes) ? opgeslagenVinkjes
        : opgeslagenVinkjes.versie === data.gids.versie ? opgeslagenVinkjes.posities.map((p) => vragen[p - 1] ?? `positie-${p}`)
        : opgeslagenVinkjes.posities.map((p) => `positie-${p}`);
      const blijven = (vinkjes || []).filter((v) => bestaat.has(v));
      weg.vinkjes += (vinkjes || []).length - blijven.length;
      if (blijven.length) uit.checklists[lijst] = blijven;
    }
  }
  if (opgeslagen.plan) {
    const plan = opgeslagen.plan;
    const gekozen = new Set();
    const nieuweKnelpunten = [];
    for (const k of plan.knelpunten || []) {
      if (!knelpunten.has(k.id)) {
        weg.knelpunten += 1;
        continue;
      }
      const blijven = (k.oplossingen || []).filter((o) => oplossingen.has(o));
      weg.oplossingen += (k.oplossingen || []).length - blijven.length;
      blijven.forEach((o) => gekozen.add(o));
      nieuweKnelpunten.push({ ...k, oplossingen: blijven });
    }
    const scores = kaart();
    for (const [o, lijst] of Object.entries(plan.scores || kaart())) {
      if (oplossingen.has(o)) scores[o] = (lijst || []).filter((c) => criteria.has(c));
    }
    const afspraken = kaart();
    for (const [o, a] of Object.entries(plan.afspraken || kaart())) {
      if (oplossingen.has(o)) afspraken[o] = a;
    }
    uit.plan = { ...plan, knelpunten: nieuweKnelpunten, scores, afspraken };
  }
  return { opgeslagen: uit, weg };
}

function aantal(n, enkel, meer) {
  return `${n} ${n === 1 ? enkel : meer}`;
}

/** One Dutch sentence that tells the visitor what a new version did to their work. */
export function melding(vanVersie, naarVersie, weg) {
  const delen = [];
  if (weg.antwoorden) delen.push(`${aantal(weg.antwoorden, "antwoord", "antwoorden")} in de werkdrukscan`);
  if (weg.vinkjes) delen.push(`${aantal(weg.vinkjes, "vinkje", "vinkjes")} in de checklists`);
  if (weg.knelpunten) delen.push(`${aantal(weg.knelpunten, "knelpunt", "knelpunten")} in je plan`);
  if (weg.oplossingen) delen.push(`${aantal(weg.oplossingen, "gekozen oplossing", "gekozen oplossingen")} in je plan`);
  const versies = vanVersie ? `van versie ${vanVersie} naar versie ${naarVersie}` : `naar versie ${naarVersie}`;
  if (!delen.length) return `Deze Wegwijzer is bijgewerkt ${versies}; alles wat je had ingevuld en aangevinkt, is bewaard.`;
  const lijst = delen.length > 1 ? `${delen.slice(0, -1).join(", ")} en ${delen.at(-1)}` : delen[0];
  return `Deze Wegwijzer is bijgewerkt ${versies} en alles wat je had ingevuld, is bewaard, behalve ${lijst} bij onderdelen die er niet meer in staan.`;
}
