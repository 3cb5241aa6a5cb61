/* The shape of everything a visitor opens or stores, checked before it replaces
 * anything. No DOM, so Node can test every hostile file and every broken store.
 *
 * Each check returns the value in the shape the tools expect, with what did not
 * fit left out, and notes in a `toets` what it left out (`fouten`: Dutch phrases,
 * `aantal`) and what it merged (`dubbel`). A file with any fout is refused; stored
 * data keeps what is valid and the rest is set aside (herstel.js).
 *
 * Everything keyed by an id is an object without a prototype (`kaart`), so an id
 * such as `constructor`, `__proto__` or `toString` is an id like any other. Lists
 * are deduplicated with a Set or a Map: linear in the size of the file, however
 * often an entry repeats.
 */

/** The largest file the tools read: a real plan or result is a few kilobytes. */
export const MAX_BESTAND = 8 * 1024 * 1024;

/** The sentence for a file too large to be one of ours (`bestand`: a File). */
export function teGroot(bestand) {
  const mb = (bestand.size / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 });
  return `‘${bestand.name}’ is te groot (${mb} MB) om een bestand van deze Wegwijzer te zijn. Kies het bestand dat je met ‘Bewaar als bestand’ hebt gemaakt.`;
}

/** A lookup without inherited keys, optionally filled from [key, value] pairs. */
export function kaart(paren) {
  const uit = Object.create(null);
  if (paren) for (const [sleutel, waarde] of paren) uit[sleutel] = waarde;
  return uit;
}

export function isObject(x) {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** A calendar date written as YYYY-MM-DD (what a date field and `vandaag()` give). */
export function isDatum(x) {
  if (typeof x !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(x)) return false;
  const [j, m, d] = x.split("-").map(Number);
  const dag = new Date(Date.UTC(2000, m - 1, d));
  dag.setUTCFullYear(j);
  return j >= 1 && dag.getUTCFullYear() === j && dag.getUTCMonth() === m - 1 && dag.getUTCDate() === d;
}

export function isAntwoord(x) {
  return Number.isInteger(x) && x >= 1 && x <= 5;
}

export function isId(x) {
  return typeof x === "string" && x.length > 0 && x.length <= 200;
}

/** A fresh record of what a check left out and merged. */
export function toets() {
  return { fouten: [], aantal: 0, dubbel: 0 };
}

function fout(t, tekst) {
  t.aantal += 1;
  if (t.fouten.length < 3 && !t.fouten.includes(tekst)) t.fouten.push(tekst);
}

/** How an id or a value shows in a message: short, and never a whole file. */
function kort(x) {
  const tekst = typeof x === "string" ? x : JSON.stringify(x) ?? String(x);
  return tekst.length > 40 ? `${tekst.slice(0, 39)}…` : tekst;
}

/** A list of ids, each once (`wat` names it in a message). */
function ids(x, t, wat) {
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x)) {
    fout(t, `${wat} staan er niet in als lijst`);
    return [];
  }
  const gezien = new Set();
  for (const id of x) {
    if (!isId(id)) fout(t, `${wat} bevatten ${kort(id)}, en dat is geen naam van een onderdeel`);
    else if (gezien.has(id)) t.dubbel += 1;
    else gezien.add(id);
  }
  return [...gezien];
}

/** Answers to statements: {stellingId: 1..5}. */
export function antwoordenVorm(x, t = toets()) {
  const uit = kaart();
  if (!isObject(x)) {
    fout(t, "de antwoorden staan er niet in als stellingen met elk een antwoord");
    return uit;
  }
  for (const [id, waarde] of Object.entries(x)) {
    if (isAntwoord(waarde)) uit[id] = waarde;
    else fout(t, `het antwoord bij ‘${kort(id)}’ is ${kort(waarde)}, en dat is geen getal van 1 tot en met 5`);
  }
  return uit;
}

function datumVorm(x, t, wat) {
  if (x === undefined || x === null || x === "") return null;
  if (isDatum(x)) return x;
  fout(t, `${wat} is ${kort(x)}, en dat is geen datum zoals 2026-11-24`);
  return null;
}

/** The id a result without one gets: the same answers on the same day are the same result. */
export function inhoudId(datum, antwoorden) {
  return `inhoud:${datum || ""}:${JSON.stringify(Object.entries(antwoorden).sort())}`;
}

/** One person's scan as stored: {id, datum, antwoorden}. Null when it is not a scan at all. */
export function scanVorm(x, t = toets()) {
  if (!isObject(x)) {
    fout(t, "de scan is geen scan");
    return null;
  }
  const scan = {};
  if (x.id !== undefined && x.id !== null) {
    if (isId(x.id)) scan.id = x.id;
    else fout(t, "de scan heeft geen goede id");
  }
  scan.datum = datumVorm(x.datum, t, "de datum");
  scan.antwoorden = antwoordenVorm(x.antwoorden, t);
  return scan;
}

/** The team page's results: {datum, uitslagen: [{id, datum, antwoorden}]}, each result once. */
export function teamVorm(x, t = toets()) {
  if (!isObject(x)) {
    fout(t, "de teamuitslag is geen teamuitslag");
    return null;
  }
  const team = { uitslagen: [] };
  const datum = datumVorm(x.datum, t, "de datum");
  if (datum) team.datum = datum;
  if (!Array.isArray(x.uitslagen)) {
    fout(t, "de uitslagen staan er niet in als lijst");
    return team;
  }
  const gezien = new Set();
  for (const u of x.uitslagen) {
    const scan = scanVorm(u, t);
    if (!scan) continue;
    scan.id ||= inhoudId(scan.datum, scan.antwoorden);
    if (gezien.has(scan.id)) t.dubbel += 1;
    else {
      gezien.add(scan.id);
      team.uitslagen.push(scan);
    }
  }
  return team;
}

/** Ticks per checklist: {lijst: [vraagIds]}; the first releases kept {posities, versie}. */
export function checklistsVorm(x, t = toets()) {
  const uit = kaart();
  if (!isObject(x)) {
    fout(t, "de vinkjes staan er niet in per checklist");
    return uit;
  }
  for (const [lijst, vinkjes] of Object.entries(x)) {
    if (Array.isArray(vinkjes)) {
      const lijstIds = ids(vinkjes, t, `de vinkjes van ‘${kort(lijst)}’`);
      if (lijstIds.length) uit[lijst] = lijstIds;
    } else if (isObject(vinkjes) && Array.isArray(vinkjes.posities) && typeof vinkjes.versie === "string") {
      const posities = [...new Set(vinkjes.posities.filter((p) => Number.isInteger(p) && p >= 1))];
      if (posities.length !== vinkjes.posities.length) fout(t, `de vinkjes van ‘${kort(lijst)}’ zijn geen lijst van vragen`);
      uit[lijst] = { posities, versie: vinkjes.versie };
    } else {
      fout(t, `de vinkjes van ‘${kort(lijst)}’ zijn geen lijst van vragen`);
    }
  }
  return uit;
}

const TEKSTEN = ["wie", "hoe"];
const DATUMS = ["start", "klaar"];
/** The fields of an afspraak (samenvoegen.js merges them one by one). */
export const VELDEN = [...TEKSTEN, ...DATUMS];

/**
 * A plan van aanpak: {knelpunten: [{id, oplossingen}], scores: {oplossing: [criteria]},
 * afspraken: {oplossing: {wie, hoe, start, klaar}}}. A knelpunt that comes twice
 * comes once, with the oplossingen of both.
 */
export function planVorm(x, t = toets()) {
  const plan = { knelpunten: [], scores: kaart(), afspraken: kaart() };
  if (!isObject(x)) {
    fout(t, "er staat geen plan in");
    return plan;
  }
  if (!Array.isArray(x.knelpunten)) {
    fout(t, "de knelpunten staan er niet in als lijst");
  } else {
    const perId = new Map();
    for (const k of x.knelpunten) {
      if (!isObject(k) || !isId(k.id)) {
        fout(t, `de knelpunten bevatten ${kort(isObject(k) ? k.id : k)}, en dat is geen knelpunt`);
        continue;
      }
      const oplossingen = ids(k.oplossingen, t, `de oplossingen bij ‘${kort(k.id)}’`);
      const eerder = perId.get(k.id);
      if (eerder) {
        t.dubbel += 1;
        for (const o of oplossingen) eerder.add(o);
      } else perId.set(k.id, new Set(oplossingen));
    }
    plan.knelpunten = Array.from(perId, ([id, oplossingen]) => ({ id, oplossingen: [...oplossingen] }));
  }
  if (x.scores !== undefined && x.scores !== null) {
    if (!isObject(x.scores)) fout(t, "de weging van de oplossingen staat er niet in per oplossing");
    else {
      for (const [o, lijst] of Object.entries(x.scores)) {
        const criteria = ids(lijst, t, `de criteria bij ‘${kort(o)}’`);
        if (criteria.length) plan.scores[o] = criteria;
      }
    }
  }
  if (x.afspraken !== undefined && x.afspraken !== null) {
    if (!isObject(x.afspraken)) fout(t, "de afspraken staan er niet in per oplossing");
    else {
      for (const [o, a] of Object.entries(x.afspraken)) {
        if (!isObject(a)) {
          fout(t, `de afspraken bij ‘${kort(o)}’ zijn geen afspraken`);
          continue;
        }
        const afspraak = {};
        for (const veld of TEKSTEN) {
          if (a[veld] === undefined || a[veld] === null) continue;
          if (typeof a[veld] === "string") afspraak[veld] = a[veld];
          else fout(t, `‘${veld}’ bij ‘${kort(o)}’ is ${kort(a[veld])}, en dat is geen tekst`);
        }
        for (const veld of DATUMS) {
          if (a[veld] === "") afspraak[veld] = "";
          else {
            const datum = datumVorm(a[veld], t, `‘${veld}’ bij ‘${kort(o)}’`);
            if (datum) afspraak[veld] = datum;
          }
        }
        if (Object.keys(afspraak).length) plan.afspraken[o] = afspraak;
      }
    }
  }
  return plan;
}

export const PLAN_SOORT = "plan-van-aanpak";

/**
 * Read an opened plan file. Returns {plan, datum, dubbel} or {fout} with a Dutch
 * sentence that names the file. Ids this version of the guide no longer has are
 * left out later (versies.js), and said so.
 */
export function leesPlanbestand(gids, tekst, naam) {
  let inhoud;
  try {
    inhoud = JSON.parse(tekst);
  } catch (e) {
    return { fout: `‘${naam}’ is niet te lezen. Het is geen bewaard plan van aanpak, of het bestand is beschadigd.` };
  }
  if (!isObject(inhoud) || inhoud.soort !== PLAN_SOORT || !isObject(inhoud.plan)) {
    return { fout: `‘${naam}’ is geen bewaard plan van aanpak. Kies een bestand dat deze pagina maakte met ‘Bewaar als bestand’.` };
  }
  const bron = isObject(inhoud.gids) ? inhoud.gids : {};
  if (bron.id !== gids.id) {
    return { fout: `‘${naam}’ is een plan van een andere Wegwijzer${typeof bron.titel === "string" && bron.titel ? ` (${kort(bron.titel)})` : ""}.` };
  }
  const t = toets();
  const datum = datumVorm(inhoud.datum, t, "de datum");
  const plan = planVorm(inhoud.plan, t);
  if (t.aantal) return { fout: `‘${naam}’ is geen plan van deze Wegwijzer: ${t.fouten.join("; ")}.` };
  return { plan, datum, dubbel: t.dubbel };
}

/** The names of the parts of what a browser stores, as a visitor knows them. */
export const DELEN = { scan: "je antwoorden in de werkdrukscan", plan: "je plan van aanpak", team: "de teamuitslag", checklists: "je vinkjes in de checklists" };
const VORMEN = { scan: scanVorm, plan: planVorm, team: teamVorm, checklists: checklistsVorm };

/**
 * Everything stored for one guide, in shape. Returns {alles, apart, veranderd}:
 * `apart` the parts (as they were) of which something had to be left out, to be
 * set aside; `veranderd` whether `alles` differs from what was stored (also when
 * only something that came twice was merged), so it is worth writing back.
 * Parts this version does not know (such as team.js's "stembus") are kept as they
 * are, and never copied.
 */
export function opslagVorm(x) {
  if (!isObject(x)) return { alles: {}, apart: [{ deel: "alles", waarde: x, fouten: ["het is geen verzameling van onderdelen"] }], veranderd: true };
  const alles = { ...x };
  const apart = [];
  let veranderd = false;
  if ("versie" in alles && typeof alles.versie !== "string") {
    delete alles.versie;
    veranderd = true;
  }
  if ("versies" in alles) {
    const versies = Array.isArray(alles.versies) ? [...new Set(alles.versies.filter((v) => typeof v === "string"))] : [];
    if (!Array.isArray(alles.versies) || versies.length !== alles.versies.length) veranderd = true;
    if (versies.length) alles.versies = versies;
    else delete alles.versies;
  }
  if ("schrijvingen" in alles) {
    // The ids of the last writes (opslag.js): only strings are ids; anything else is left off.
    const ids = Array.isArray(alles.schrijvingen) ? alles.schrijvingen.filter((s) => typeof s === "string").slice(-100) : [];
    if (!Array.isArray(alles.schrijvingen) || ids.length !== alles.schrijvingen.length) veranderd = true;
    if (ids.length) alles.schrijvingen = ids;
    else delete alles.schrijvingen;
  }
  for (const [deel, vorm] of Object.entries(VORMEN)) {
    if (!Object.hasOwn(alles, deel)) continue;
    if (alles[deel] === null) {
      delete alles[deel];
      continue;
    }
    const t = toets();
    const waarde = vorm(alles[deel], t);
    // Colleagues' results (the first releases' team page) are no work of the visitor's: never copied aside.
    if (t.aantal && deel !== "team") apart.push({ deel, waarde: alles[deel], fouten: t.fouten });
    if (t.aantal || t.dubbel) veranderd = true;
    if (waarde === null) delete alles[deel];
    else alles[deel] = waarde;
  }
  return { alles, apart, veranderd };
}
