/* How a scan result looks, for one person, a team and the werksessie presentation alike:
 * the quadrant, the bars per group, the top 7 with what pointed at each knelpunt,
 * the top 3 with their oplossingen, and the table per factor. */
import { HOOG, TOP, TOP_MET_OPLOSSINGEN } from "./ranking.js";
import { html, link } from "./opslag.js";

/** How far apart the team is, in words, and how many people feel much pressure; no one person's score. */
function spreidingTekst(s) {
  if (!s) return "";
  const verschil = s.hoogste - s.laagste;
  const eens = verschil <= 25 ? "jullie ervaren dit ongeveer hetzelfde" : verschil <= 50 ? "enige verschillen" : "grote verschillen";
  return `${s.hoog} van ${s.aantal} boven de ${HOOG} · ${eens}`;
}

/** Bars per group: the score from 0 to 100, red above 50; for a team also the spread. */
export function balken(data, u) {
  const rijen = data.groepen.map((g) => {
    const score = u.groepen[g.id];
    const s = u.spreiding ? u.spreiding.groepen[g.id] : null;
    const extra = s ? `<span class="ww-balk__spreiding">${html(spreidingTekst(s))}</span>` : "";
    return `<li><span class="ww-balk__label">${html(g.titel)}${extra}</span><span class="ww-balk__spoor" aria-hidden="true"><span class="ww-balk__vulling${score > HOOG ? " is-hoog" : ""}" style="width:${score ?? 0}%"></span></span><span class="ww-balk__getal">${score ?? "–"}</span></li>`;
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

/** The top 7, each with its score and the statements that pointed at it. */
export function topLijst(data, u, team) {
  if (!u.top.length) {
    return `<p class="ww-top__leeg">Geen enkel knelpunt scoort boven de ${HOOG}. Er springen geen knelpunten uit${team ? "" : " bij jouw antwoorden"}.</p>`;
  }
  const items = u.top.map((r) => {
    return `<li>${link(r.knelpunt)} <span class="ww-top__score">score ${r.score}</span><span class="ww-top__waarom">${waarom(data, r, team)}</span></li>`;
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

/** The top 3 with the oplossingen that belong to each; a tie at place 3 is said out loud. */
export function top3(data, u) {
  const oplossing = Object.fromEntries(data.oplossingen.map((o) => [o.id, o]));
  const kaarten = u.topMetOplossingen.map(
    (r, i) => `<section class="ww-kaart"><h4 class="ww-kaart__titel">${i + 1}. ${link(r.knelpunt)}</h4><ul>${r.knelpunt.oplossingen
      .filter((id) => oplossing[id])
      .map((id) => `<li>${link(oplossing[id])}</li>`)
      .join("")}</ul></section>`,
  );
  let noot = "";
  if (u.gelijkMetDerde.length) {
    const namen = u.gelijkMetDerde.map((r) => link(r.knelpunt)).join(", ");
    noot = `<p class="ww-gelijk"><strong>Let op:</strong> ${namen} ${u.gelijkMetDerde.length === 1 ? "scoort" : "scoren"} even hoog als nummer ${TOP_MET_OPLOSSINGEN}. Kies zelf welke het meest speelt.</p>`;
  }
  return `<div class="ww-top3 ww-kaarten">${kaarten.join("")}</div>${noot}`;
}

/** Scores per factor under a row per group (the group's name once, not on every row). */
export function factorTabel(data, u) {
  const kop = u.spreiding ? '<th scope="col">Verschillen</th>' : "";
  const rijen = data.groepen.flatMap((g) => [
    `<tr class="ww-scoretabel__groep"><th scope="rowgroup" colspan="${u.spreiding ? 3 : 2}">${html(g.titel)}</th></tr>`,
    ...g.factoren.map((f) => {
      const s = u.spreiding ? `<td>${html(spreidingTekst(u.spreiding.factoren[f.id]))}</td>` : "";
      return `<tr><td>${link(f)}</td><td class="ww-scoretabel__score">${u.factoren[f.id] ?? "–"}</td>${s}</tr>`;
    }),
  ]);
  return `<table class="ww-scoretabel"><thead><tr><th scope="col">Factor</th><th scope="col">Druk</th>${kop}</tr></thead><tbody>${rijen.join("")}</tbody></table>`;
}

/** Put the dot in the quadrant chart, show the matching advice, and for a team the count per box. */
export function zetKwadrant(wortel, u) {
  for (const vak of wortel.querySelectorAll(".ww-kwadrant")) {
    vak.hidden = !(u.kwadrant && vak.dataset.eisen === u.kwadrant.eisen && vak.dataset.hulpbronnen === u.kwadrant.hulpbronnen);
  }
  const stip = wortel.querySelector(".ww-assen__stip");
  const indexen = wortel.querySelector(".ww-assen__indexen");
  stip.hidden = !u.kwadrant;
  if (u.kwadrant) {
    stip.style.left = `${u.kwadrant.bronnenIndex}%`;
    stip.style.bottom = `${u.kwadrant.eisenIndex}%`;
    indexen.textContent = `Taakeisen: ${u.kwadrant.eisenIndex} van 100 · Hulpbronnen: ${u.kwadrant.bronnenIndex} van 100`;
  } else {
    indexen.textContent = "Beantwoord stellingen over taakeisen én over steun en ruimte om dit te zien.";
  }
  for (const vak of wortel.querySelectorAll(".ww-assen__vak")) {
    const telling = vak.querySelector(".ww-assen__telling");
    if (telling) telling.remove();
    if (u.kwadrantTelling) {
      const n = u.kwadrantTelling[vak.dataset.vak] || 0;
      vak.insertAdjacentHTML("beforeend", `<span class="ww-assen__telling">${n} ${n === 1 ? "persoon" : "personen"}</span>`);
    }
  }
}

/** Fill every `[data-deel]` under `wortel` with its part of the result. */
export function toonUitslag(wortel, data, u, { team = false } = {}) {
  const delen = {
    groepen: () => balken(data, u),
    top: () => topLijst(data, u, team),
    top3: () => top3(data, u),
    factoren: () => factorTabel(data, u),
  };
  for (const el of wortel.querySelectorAll("[data-deel]")) el.innerHTML = delen[el.dataset.deel]();
  zetKwadrant(wortel, u);
}
