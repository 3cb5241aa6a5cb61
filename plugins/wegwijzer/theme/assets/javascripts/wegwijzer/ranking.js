/* The werkdrukscan's rules, on the data of data/wegwijzer.json. No DOM, so the
 * tests run it in Node and the page shows the same rules in words
 * ("Zo komt de uitslag tot stand").
 *
 * answers: {stellingId: 1..5}, 1 = helemaal oneens, 5 = helemaal eens.
 */

export const HOOG = 50; // above this a score counts as high
export const TOP = 7;
export const TOP_MET_OPLOSSINGEN = 3;

/** Pressure 0..100 of one answer: agreeing with a demand is pressure, agreeing with a resource is not. */
export function druk(stelling, antwoord) {
  const eens = (antwoord - 1) / 4;
  return Math.round((stelling.soort === "eis" ? eens : 1 - eens) * 100);
}

function gemiddelde(getallen) {
  return getallen.length ? Math.round(getallen.reduce((a, b) => a + b, 0) / getallen.length) : null;
}

/** Scores per factor and per group (null where nothing was answered). */
export function scores(data, antwoorden) {
  const perFactor = {};
  for (const stelling of data.stellingen) {
    const antwoord = antwoorden[stelling.id];
    if (antwoord >= 1 && antwoord <= 5) (perFactor[stelling.factor] ||= []).push(druk(stelling, antwoord));
  }
  const factoren = {};
  const groepen = {};
  for (const groep of data.groepen) {
    const eigen = groep.factoren.map((f) => (factoren[f.id] = gemiddelde(perFactor[f.id] || [])));
    groepen[groep.id] = gemiddelde(eigen.filter((s) => s !== null));
  }
  return { factoren, groepen };
}

/** The knelpunten ranked by the score of their factor; ties: higher group score, then catalogus order. */
export function topKnelpunten(data, antwoorden, aantal = TOP) {
  const { factoren, groepen } = scores(data, antwoorden);
  const groepVan = {};
  data.groepen.forEach((g) => g.factoren.forEach((f) => (groepVan[f.id] = g.id)));
  return data.knelpunten
    .map((knelpunt, volgorde) => ({
      knelpunt,
      score: factoren[knelpunt.factor],
      groepScore: groepen[groepVan[knelpunt.factor]] ?? 0,
      volgorde,
    }))
    .filter((r) => r.score !== null && r.score > HOOG)
    .sort((a, b) => b.score - a.score || b.groepScore - a.groepScore || a.volgorde - b.volgorde)
    .slice(0, aantal);
}

/** Taakeisen against hulpbronnen: the two indexes and the quadrant they fall in. */
export function kwadrant(data, antwoorden) {
  const soortVan = {};
  data.groepen.forEach((g) => g.factoren.forEach((f) => (soortVan[f.id] = g.soort)));
  const eisen = [];
  const bronnen = [];
  for (const stelling of data.stellingen) {
    const antwoord = antwoorden[stelling.id];
    if (!(antwoord >= 1 && antwoord <= 5)) continue;
    const soort = soortVan[stelling.factor];
    if (soort === "eis") eisen.push(druk(stelling, antwoord));
    if (soort === "regelmogelijkheid" || soort === "buffer") bronnen.push(100 - druk(stelling, antwoord));
  }
  const eisenIndex = gemiddelde(eisen);
  const bronnenIndex = gemiddelde(bronnen);
  if (eisenIndex === null || bronnenIndex === null) return null;
  return {
    eisenIndex,
    bronnenIndex,
    eisen: eisenIndex > HOOG ? "hoog" : "laag",
    hulpbronnen: bronnenIndex > HOOG ? "hoog" : "laag",
  };
}

/** Everything the result page shows. */
export function uitslag(data, antwoorden) {
  const top = topKnelpunten(data, antwoorden);
  const oplossingen = Object.fromEntries(data.oplossingen.map((o) => [o.id, o]));
  return {
    ...scores(data, antwoorden),
    beantwoord: data.stellingen.filter((s) => antwoorden[s.id] >= 1 && antwoorden[s.id] <= 5).length,
    top,
    topMetOplossingen: top.slice(0, TOP_MET_OPLOSSINGEN).map((r) => ({
      ...r,
      oplossingen: r.knelpunt.oplossingen.map((id) => oplossingen[id]),
    })),
    kwadrant: kwadrant(data, antwoorden),
  };
}
