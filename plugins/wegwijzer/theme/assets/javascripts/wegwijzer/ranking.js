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

/** A lookup without inherited keys: an id such as `constructor` is an id like any other. */
function kaart() {
  return Object.create(null);
}

/** The pressure of each answered statement that still exists: {stellingId: 0..100}. */
export function drukPerStelling(data, antwoorden) {
  const uit = kaart();
  for (const stelling of data.stellingen) {
    const antwoord = Object.hasOwn(antwoorden, stelling.id) ? antwoorden[stelling.id] : undefined;
    if (geldig(antwoord)) uit[stelling.id] = druk(stelling, antwoord);
  }
  return uit;
}

/** Scores per factor and per group, unrounded (null where nothing was answered). */
function scoresUitDruk(data, drukken) {
  const perFactor = kaart();
  for (const stelling of data.stellingen) {
    if (stelling.id in drukken) (perFactor[stelling.factor] ||= []).push(drukken[stelling.id]);
  }
  const factoren = kaart();
  const groepen = kaart();
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
  rijen.sort(
    (a, b) => Math.round(b.exact * 100) - Math.round(a.exact * 100) || b.signalen.length - a.signalen.length || volgordeNl.compare(a.knelpunt.titel, b.knelpunt.titel),
  );
  return eenPlaatsPerSignaal(rijen);
}

/**
 * One signal, one place: a knelpunt all of whose signals already explain a knelpunt
 * higher up (two knelpunten resting on the same single statement, say) takes no
 * place of its own, but joins that one (`ook`). So one answer never fills two places
 * of a top, and a knelpunt shown on its own is always explained by its own signals.
 */
function eenPlaatsPerSignaal(rijen) {
  const eerst = new Map(); // statement id -> the row that showed it first
  const uit = [];
  for (const rij of rijen) {
    if (rij.signalen.every((id) => eerst.has(id))) {
      eerst.get(rij.signalen[0]).ook.push(rij.knelpunt);
      continue;
    }
    rij.ook = [];
    for (const id of rij.signalen) if (!eerst.has(id)) eerst.set(id, rij);
    uit.push(rij);
  }
  return uit;
}

/** The knelpunten after place `plaats` that are tied with the one on it (the alphabet chose between them). */
function gelijkNa(gerangschikt, plaats) {
  if (gerangschikt.length <= plaats) return [];
  const grens = sleutel(gerangschikt[plaats - 1]);
  return gerangschikt.slice(plaats).filter((rij) => sleutel(rij) === grens);
}

/** Taakeisen and hulpbronnen as indexes 0..100 and where that puts you, or null without both. */
function kwadrantUitDruk(data, drukken) {
  const soortVan = kaart();
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

/**
 * What a result says first: its strongest signals, never an average. The top
 * knelpunten when there are any, else the groups above 50, else that nothing stands
 * out. The quadrant (an average over many statements, in which a few very high
 * answers vanish) is an indication below it and never the headline.
 */
function kopUitDruk(data, top, groepen) {
  const hoog = data.groepen
    .filter((g) => groepen[g.id] !== null && groepen[g.id] > HOOG)
    .map((g) => ({ groep: g, score: afgerond(groepen[g.id]) }))
    .sort((a, b) => b.score - a.score || volgordeNl.compare(a.groep.titel, b.groep.titel));
  const soort = top.length ? "knelpunten" : hoog.length ? "groepen" : "rustig";
  return { soort, knelpunten: top.slice(0, TOP_MET_OPLOSSINGEN), groepen: hoog };
}

function uitslagUitDruk(data, drukken) {
  const { factoren, groepen } = scoresUitDruk(data, drukken);
  const rond = (o) => Object.assign(kaart(), Object.fromEntries(Object.entries(o).map(([k, v]) => [k, afgerond(v)])));
  const alles = rangschik(data, drukken);
  const top = alles.slice(0, TOP);
  return {
    kop: kopUitDruk(data, top, groepen),
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
 * One vote added to a team's running totals: {stellingId: {som, aantal}}, the sum of
 * the pressures given on each statement and how many people answered it. Returns new
 * totals; the vote itself is not in them as a record of its own (see team.js).
 */
export function telOp(data, totalen, antwoorden) {
  const uit = kaart();
  for (const stelling of data.stellingen) {
    const t = totaal(totalen, stelling.id);
    if (t) uit[stelling.id] = { som: t.som, aantal: t.aantal };
  }
  for (const [id, d] of Object.entries(drukPerStelling(data, antwoorden))) {
    const t = uit[id] || { som: 0, aantal: 0 };
    uit[id] = { som: t.som + d, aantal: t.aantal + 1 };
  }
  return uit;
}

/** The total of one statement, or null when there is none or it cannot be right (a stored value is not trusted). */
function totaal(totalen, id) {
  const t = totalen && Object.hasOwn(totalen, id) ? totalen[id] : null;
  if (!t || !Number.isInteger(t.aantal) || t.aantal < 1 || !Number.isFinite(t.som) || t.som < 0 || t.som > 100 * t.aantal) return null;
  return t;
}

/**
 * May a team result be shown? Only with at least `minimum` votes and at least half of
 * the team: fewer could point at a person. Returns null when it may, else why not:
 * "minimum" or "helft".
 */
export function waaromGeenTeamUitslag(stemmen, teamgrootte, minimum) {
  if (!(stemmen >= minimum)) return "minimum";
  if (!(stemmen * 2 >= teamgrootte)) return "helft";
  return null;
}

/**
 * The team's result from its running totals (`telOp`) and the number of votes.
 *
 * The team's pressure on a statement is the sum over the people who answered it,
 * divided by how many they were; from there the rules are those of one person.
 * Nothing in it describes fewer than `minimum` people: a statement answered by
 * fewer is left out altogether (`teWeinig`), and there is no spread and no count
 * per person, because the totals hold no person.
 */
export function teamUitslagUitTotalen(data, totalen, stemmen, minimum = 1) {
  const drukken = kaart();
  const teWeinig = [];
  for (const stelling of data.stellingen) {
    const t = totaal(totalen, stelling.id);
    if (!t) continue;
    // A statement fewer than `minimum` people answered would show their own answers: it does not count.
    if (t.aantal >= minimum) drukken[stelling.id] = t.som / t.aantal;
    else teWeinig.push(stelling.id);
  }
  const uit = uitslagUitDruk(data, drukken);
  uit.aantal = stemmen;
  uit.teWeinig = teWeinig;
  return uit;
}

/** The team's result from a list of people's answers: the same as adding them up one by one. */
export function teamUitslag(data, lijst, minimum = 1) {
  const totalen = lijst.reduce((t, antwoorden) => telOp(data, t, antwoorden), kaart());
  return teamUitslagUitTotalen(data, totalen, lijst.length, minimum);
}
