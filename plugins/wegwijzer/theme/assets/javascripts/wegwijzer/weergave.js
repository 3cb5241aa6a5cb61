/* How a scan result looks, for one person, a team and the werksessie presentation alike:
 * the quadrant, the bars per group, the top 7 with what pointed at each knelpunt,
 * the top 3 with their oplossingen, and the table per factor. Only `zetKwadrant` and
 * `toonUitslag` touch the page (the element passed in); the rest builds HTML text. */
import { HOOG, TOP, TOP_MET_OPLOSSINGEN } from "./ranking.js";
import { html, link } from "./opmaak.js";

/** What a high score means for the groups where it is not simply "much is asked of you". */
const BETEKENIS = {
  regelmogelijkheid: "Hoog betekent: weinig ruimte om zelf te kiezen",
  buffer: "Hoog betekent: weinig steun, waardering of herstel",
  individueel: "Hoog betekent: dit maakt het werk voor jou zwaarder",
};

/** Bars per group: the score from 0 to 100, red above 50. A team's shows its averages only: no spread,
 * no count of people (a figure about fewer than the minimum group could point at one). */
export function balken(data, u) {
  const rijen = data.groepen.map((g) => {
    const score = u.groepen[g.id];
    const uitleg = BETEKENIS[g.soort] ? `<span class="ww-balk__uitleg">${BETEKENIS[g.soort]}</span>` : "";
    return `<li><span class="ww-balk__label">${html(g.titel)}${uitleg}</span><span class="ww-balk__spoor" aria-hidden="true"><span class="ww-balk__vulling${score > HOOG ? " is-hoog" : ""}" style="width:${score ?? 0}%"></span></span><span class="ww-balk__getal">${score ?? "–"}</span></li>`;
  });
  return `<ul class="ww-balken">${rijen.join("")}</ul>`;
}

function stellingTekst(data, id) {
  return data.stellingen.find((s) => s.id === id)?.tekst ?? id;
}

/** Why a knelpunt is in the list, in words: agreeing with a statement about pressure, or
 * disagreeing with one about support, are both signals. */
function waarom(data, rij, team) {
  const soort = Object.fromEntries(data.stellingen.map((s) => [s.id, s.soort]));
  const zinnen = [];
  for (const [soortNaam, woord] of [["eis", "eens"], ["bron", "oneens"]]) {
    const ids = rij.signalen.filter((id) => soort[id] === soortNaam);
    if (!ids.length) continue;
    const citaten = ids.map((id) => `‘${html(stellingTekst(data, id))}’`).join(" en ");
    zinnen.push(team ? `Het team was het gemiddeld ${woord} met ${citaten}` : `Je was het ${woord} met ${citaten}`);
  }
  return zinnen.join(" "); // each statement ends in its own full stop, inside the quotes
}

/** Knelpunten that rest on the same answers as the one on this place (one signal, one place). */
function samen(r) {
  return r.ook && r.ook.length ? `<span class="ww-top__samen">Hangt samen met: ${r.ook.map((k) => link(k)).join(", ")}</span>` : "";
}

/** The heading above the top: it counts what it shows. */
export function topKop(u, team) {
  const n = u.top.length;
  const wie = team ? "De" : "Je";
  if (!n) return `${wie} grootste knelpunten`;
  return n === 1 ? `${wie} grootste knelpunt` : `${wie} ${n} grootste knelpunten`;
}

/** The heading above the oplossingen: how many knelpunten they are for. */
export function top3Kop(u, team) {
  const n = u.topMetOplossingen.length;
  const wie = team ? "de" : "je";
  if (n <= 1) return `Oplossingen voor ${wie} grootste knelpunt`;
  return `Oplossingen voor ${wie} ${n} grootste knelpunten`;
}

/** The top 7, each with its score and the statements that pointed at it. */
export function topLijst(data, u, team) {
  if (!u.top.length) {
    return `<p class="ww-top__leeg">Geen enkel knelpunt scoort boven de ${HOOG}. Er springen geen knelpunten uit${team ? "" : " bij jouw antwoorden"}.</p>`;
  }
  const items = u.top.map((r) => {
    return `<li>${link(r.knelpunt)} <span class="ww-top__score">score ${r.score}</span><span class="ww-top__waarom">${waarom(data, r, team)}</span>${samen(r)}</li>`;
  });
  let noot = "";
  const gelijk = u.gelijkMetZevende;
  if (gelijk.length > 3) {
    noot = `<p class="ww-gelijk">Nog ${gelijk.length} knelpunten scoren even hoog als nummer ${TOP}. Ze staan niet in de lijst omdat die bij ${TOP} ophoudt.</p>`;
  } else if (gelijk.length) {
    noot = `<p class="ww-gelijk">Even hoog als nummer ${TOP}: ${gelijk.map((r) => link(r.knelpunt)).join(", ")}.</p>`;
  }
  return `<ol class="ww-top">${items.join("")}</ol>${noot}`;
}

/** How many oplossingen a card on a slide shows (wegwijzer.css hides the rest there), so it fits at projector size. */
const OP_DIA = 3;

/** The top 3 with the oplossingen that belong to each; a tie at place 3 is said out loud. */
export function top3(data, u) {
  const oplossing = new Map(data.oplossingen.map((o) => [o.id, o]));
  const kaarten = u.topMetOplossingen.map((r, i) => {
    const ids = [...new Set([r.knelpunt, ...(r.ook || [])].flatMap((k) => k.oplossingen || []))].filter((id) => oplossing.has(id));
    // A slide shows the first OP_DIA (CSS); it says how many more the knelpunt's page has.
    const meer = ids.length - OP_DIA;
    const nog = meer > 0 ? `<p class="ww-kaart__meer">En nog ${meer === 1 ? "1 oplossing" : `${meer} oplossingen`} bij dit knelpunt.</p>` : "";
    return `<section class="ww-kaart"><h4 class="ww-kaart__titel">${i + 1}. ${link(r.knelpunt)}</h4>${samen(r)}<ul>${ids
      .map((id) => `<li>${link(oplossing.get(id))}</li>`)
      .join("")}</ul>${nog}</section>`;
  });
  let noot = "";
  if (u.gelijkMetDerde.length) {
    const namen = u.gelijkMetDerde.map((r) => link(r.knelpunt)).join(", ");
    noot = `<p class="ww-gelijk"><strong>Let op:</strong> ${namen} ${u.gelijkMetDerde.length === 1 ? "scoort" : "scoren"} even hoog als nummer ${TOP_MET_OPLOSSINGEN}. Kies zelf welke het meest speelt.</p>`;
  }
  return `<div class="ww-top3 ww-kaarten">${kaarten.join("")}</div>${noot}`;
}

/** Scores per factor under a row per group (the group's name once, not on every row). */
export function factorTabel(data, u) {
  const rijen = data.groepen.flatMap((g) => [
    `<tr class="ww-scoretabel__groep"><th scope="rowgroup" colspan="2">${html(g.titel)}</th></tr>`,
    ...g.factoren.map((f) => {
      return `<tr><td>${link(f)}</td><td class="ww-scoretabel__score">${u.factoren[f.id] ?? "–"}</td></tr>`;
    }),
  ]);
  return `<table class="ww-scoretabel"><thead><tr><th scope="col">Factor</th><th scope="col">Druk</th></tr></thead><tbody>${rijen.join("")}</tbody></table>`;
}

/** Put the dot in the quadrant chart and show the matching advice (a team's too: never a count of people per box). */
export function zetKwadrant(wortel, u) {
  // Light work on average while some things score high: the box's words ("niet zo zwaar") would
  // contradict the headline, so a note about the averages takes its place.
  const tegenspraak = Boolean(u.kwadrant && u.kwadrant.eisen === "laag" && u.kop && u.kop.soort !== "rustig");
  for (const vak of wortel.querySelectorAll(".ww-kwadrant")) {
    vak.hidden = tegenspraak || !(u.kwadrant && vak.dataset.eisen === u.kwadrant.eisen && vak.dataset.hulpbronnen === u.kwadrant.hulpbronnen);
  }
  const noot = wortel.querySelector(".ww-kwadrant-noot");
  if (noot) noot.hidden = !tegenspraak;
  const stip = wortel.querySelector(".ww-assen__stip");
  const indexen = wortel.querySelector(".ww-assen__indexen");
  if (!stip) return; // shown without the chart (the presentation leads with the headline instead)
  stip.hidden = !u.kwadrant;
  if (u.kwadrant) {
    stip.style.left = `${u.kwadrant.bronnenIndex}%`;
    stip.style.bottom = `${u.kwadrant.eisenIndex}%`;
    indexen.textContent = `Taakeisen: ${u.kwadrant.eisenIndex} van 100 · Energiebronnen: ${u.kwadrant.bronnenIndex} van 100`;
  } else {
    indexen.textContent = "Beantwoord stellingen over taakeisen én over steun en ruimte om dit te zien.";
  }
}

/**
 * The first thing a result says: its strongest signals (see `kopUitDruk` in ranking.js),
 * with where to begin. Never the quadrant, which averages them away.
 */
export function kop(data, u, team) {
  const wie = team ? "het team" : "je";
  const namen = (rijen) => rijen.map((r) => `<strong>${link(r.knelpunt)}</strong>`);
  const groepen = u.kop.groepen.map((g) => `${html(g.groep.titel)} (${g.score})`);
  const lijst = (delen) => (delen.length > 1 ? `${delen.slice(0, -1).join(", ")} en ${delen.at(-1)}` : delen[0]);
  if (u.kop.soort === "knelpunten") {
    const groepZin = groepen.length ? ` Hoog scoort ook: ${lijst(groepen)}.` : "";
    return `<p class="ww-kop__zin">Wat het meest opvalt${team ? " bij het team" : ""}: ${lijst(namen(u.kop.knelpunten))}.${groepZin}</p>`
      + `<p class="ww-kop__advies"><strong>Begin hier:</strong> kijk bij ${u.kop.knelpunten.length === 1 ? "dit knelpunt" : "deze knelpunten"} naar de oplossingen hieronder, en bespreek ze${team ? "" : " met je team of leidinggevende"}.</p>`;
  }
  if (u.kop.soort === "groepen") {
    return `<p class="ww-kop__zin">Geen los knelpunt springt eruit, maar deze ${groepen.length === 1 ? "groep scoort" : "groepen scoren"} hoog: ${lijst(groepen)}.</p>`
      + `<p class="ww-kop__advies"><strong>Begin hier:</strong> kijk in de tabel per factor welke onderdelen de score omhoog trekken.</p>`;
  }
  return `<p class="ww-kop__zin">Niets scoort boven de ${HOOG}: er springt bij ${wie === "je" ? "jouw antwoorden" : wie} niets uit.</p>`
    + `<p class="ww-kop__advies"><strong>Begin hier:</strong> houd vast wat goed gaat, en bespreek werkdruk toch geregeld, zodat je het merkt als er iets verandert.</p>`;
}

/** Fill every `[data-deel]` under `wortel` with its part of the result. */
export function toonUitslag(wortel, data, u, { team = false } = {}) {
  const delen = {
    kop: () => kop(data, u, team),
    topkop: () => html(topKop(u, team)),
    top3kop: () => html(top3Kop(u, team)),
    groepen: () => balken(data, u),
    top: () => topLijst(data, u, team),
    top3: () => top3(data, u),
    factoren: () => factorTabel(data, u),
  };
  for (const el of wortel.querySelectorAll("[data-deel]")) el.innerHTML = delen[el.dataset.deel]();
  zetKwadrant(wortel, u);
}
