/* The werkdrukscan's rules, on the data of data/wegwijzer.json. No DOM, so the
 * tests run it in Node, and the scan page states the same rules in words
 * ("Zo komt de uitslag tot stand").
 *
 * antwoorden: {stellingId: 1..5}, 1 = helemaal oneens, 5 = helemaal eens.
 *
 * One person and a team go through the same rules: every answered statement
 * becomes a pressure from 0 to 100 (for a team: the average over the people who
 * answered it), and everything else follows from those pressures.
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
  return getallen.length ? getallen.reduce((a, b) => a + b, 0) / getallen.length : null;
}

function afgerond(getal) {
  return getal === null ? null : Math.round(getal);
}

function geldig(antwoord) {
  return Number.isInteger(antwoord) && antwoord >= 1 && antwoord <= 5;
}

/** The pressure of each answered statement that still exists: {stellingId: 0..100}. */
export function drukPerStelling(data, antwoorden) {
  const uit = {};
  for (const stelling of data.stellingen) {
    const antwoord = antwoorden[stelling.id];
    if (geldig(antwoord)) uit[stelling.id] = druk(stelling, antwoord);
  }
  return uit;
}

/** Scores per factor and per group, unrounded (null where nothing was answered). */
function scoresUitDruk(data, drukken) {
  const perFactor = {};
  for (const stelling of data.stellingen) {
    if (stelling.id in drukken) (perFactor[stelling.factor] ||= []).push(drukken[stelling.id]);
  }
  const factoren = {};
  const groepen = {};
  for (const groep of data.groepen) {
    const eigen = groep.factoren.map((f) => (factoren[f.id] = gemiddelde(perFactor[f.id] || [])));
    groepen[groep.id] = gemiddelde(eigen.filter((s) => s !== null));
  }
  return { factoren, groepen };
}

const volgordeNl = new Intl.Collator("nl", { sensitivity: "base", numeric: true });

/** The key two knelpunten are compared on; equal keys are a tie that the page points out. */
function sleutel(rij) {
  return `${Math.round(rij.exact * 100)}|${rij.signalen.length}`;
}

/**
 * Every knelpunt that the answers point at, highest first.
 *
 * A knelpunt counts only through its own statements (`stellingen` in its YAML):
 * its score is the average pressure of those that were answered, and it ranks
 * only when that is above 50. A knelpunt none of whose statements was answered
 * never ranks. Ties: first the knelpunt more of whose statements point at it
 * (pressure above 50), then the alphabet of the titles; never the file order.
 */
export function rangschik(data, drukken) {
  const rijen = [];
  for (const knelpunt of data.knelpunten) {
    const beantwoord = (knelpunt.stellingen || []).filter((id) => id in drukken);
    if (!beantwoord.length) continue;
    const exact = gemiddelde(beantwoord.map((id) => drukken[id]));
    if (!(exact > HOOG)) continue;
    rijen.push({ knelpunt, exact, score: afgerond(exact), signalen: beantwoord.filter((id) => drukken[id] > HOOG) });
  }
  return rijen.sort(
    (a, b) => Math.round(b.exact * 100) - Math.round(a.exact * 100) || b.signalen.length - a.signalen.length || volgordeNl.compare(a.knelpunt.titel, b.knelpunt.titel),
  );
}

/** The knelpunten after place `plaats` that are tied with the one on it (the alphabet chose between them). */
function gelijkNa(gerangschikt, plaats) {
  if (gerangschikt.length <= plaats) return [];
  const grens = sleutel(gerangschikt[plaats - 1]);
  return gerangschikt.slice(plaats).filter((rij) => sleutel(rij) === grens);
}

/** Taakeisen and hulpbronnen as indexes 0..100 and where that puts you, or null without both. */
function kwadrantUitDruk(data, drukken) {
  const soortVan = {};
  data.groepen.forEach((g) => g.factoren.forEach((f) => (soortVan[f.id] = g.soort)));
  const eisen = [];
  const bronnen = [];
  for (const stelling of data.stellingen) {
    if (!(stelling.id in drukken)) continue;
    const soort = soortVan[stelling.factor];
    if (soort === "eis") eisen.push(drukken[stelling.id]);
    else if (soort === "regelmogelijkheid" || soort === "buffer") bronnen.push(100 - drukken[stelling.id]);
  }
  if (!eisen.length || !bronnen.length) return null;
  const eisenIndex = afgerond(gemiddelde(eisen));
  const bronnenIndex = afgerond(gemiddelde(bronnen));
  return {
    eisenIndex,
    bronnenIndex,
    eisen: eisenIndex > HOOG ? "hoog" : "laag",
    hulpbronnen: bronnenIndex > HOOG ? "hoog" : "laag",
  };
}

function uitslagUitDruk(data, drukken) {
  const { factoren, groepen } = scoresUitDruk(data, drukken);
  const rond = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, afgerond(v)]));
  const alles = rangschik(data, drukken);
  const top = alles.slice(0, TOP);
  return {
    factoren: rond(factoren),
    groepen: rond(groepen),
    top,
    topMetOplossingen: top.slice(0, TOP_MET_OPLOSSINGEN),
    gelijkMetDerde: top.length >= TOP_MET_OPLOSSINGEN ? gelijkNa(alles, TOP_MET_OPLOSSINGEN) : [],
    gelijkMetZevende: gelijkNa(alles, TOP),
    kwadrant: kwadrantUitDruk(data, drukken),
    beantwoord: Object.keys(drukken).length,
  };
}

/** The whole result of one person: scores, the top 7, the top 3 and the quadrant. */
export function uitslag(data, antwoorden) {
  return uitslagUitDruk(data, drukPerStelling(data, antwoorden));
}

/** The top knelpunten of one person's answers (the plan builder takes the top 3). */
export function topKnelpunten(data, antwoorden, aantal = TOP) {
  return rangschik(data, drukPerStelling(data, antwoorden)).slice(0, aantal);
}

/**
 * The team's result from several people's answers.
 *
 * The team's pressure on a statement is the average over the people who answered
 * it; from there the rules are those of one person. Beside the averages: the
 * spread per group and factor (lowest, highest, and how many people score above
 * 50) and how many people stand in each quadrant. No one person's answers are in it:
 * a statement answered by fewer than `minimum` people is left out altogether.
 */
export function teamUitslag(data, lijst, minimum = 1) {
  const perPersoon = lijst.map((antwoorden) => drukPerStelling(data, antwoorden));
  const drukken = {};
  const teWeinig = [];
  for (const stelling of data.stellingen) {
    const waarden = perPersoon.filter((d) => stelling.id in d).map((d) => d[stelling.id]);
    // A statement fewer than `minimum` people answered would show their own answers: it does not count.
    if (waarden.length >= minimum) drukken[stelling.id] = gemiddelde(waarden);
    else if (waarden.length) teWeinig.push(stelling.id);
  }
  for (const d of perPersoon) teWeinig.forEach((id) => delete d[id]);
  const uit = uitslagUitDruk(data, drukken);
  const persoonScores = perPersoon.map((d) => scoresUitDruk(data, d));
  const spreiding = (soort, id) => {
    const waarden = persoonScores.map((s) => s[soort][id]).filter((v) => v !== null).map(Math.round);
    if (!waarden.length) return null;
    return { laagste: Math.min(...waarden), hoogste: Math.max(...waarden), hoog: waarden.filter((v) => v > HOOG).length, aantal: waarden.length };
  };
  uit.spreiding = { factoren: {}, groepen: {} };
  for (const groep of data.groepen) {
    uit.spreiding.groepen[groep.id] = spreiding("groepen", groep.id);
    for (const f of groep.factoren) uit.spreiding.factoren[f.id] = spreiding("factoren", f.id);
  }
  uit.kwadrantTelling = {};
  for (const d of perPersoon) {
    const k = kwadrantUitDruk(data, d);
    if (k) uit.kwadrantTelling[`${k.eisen}-${k.hulpbronnen}`] = (uit.kwadrantTelling[`${k.eisen}-${k.hulpbronnen}`] || 0) + 1;
  }
  uit.aantal = lijst.length;
  uit.teWeinig = teWeinig;
  return uit;
}
