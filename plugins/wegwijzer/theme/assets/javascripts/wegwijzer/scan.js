/* The werkdrukscan: answer the statements, see the result, keep or save it.
 * The form is plain HTML (keyboard and screen reader work as for any form);
 * this adds progress, the result and the memory. Nothing leaves the device. */
import { uitslag, HOOG } from "./ranking.js";
import { bewaar, downloadBestand, html, laadData, lees, siteUrl } from "./opslag.js";

const form = document.getElementById("ww-scan");
const resultaat = document.getElementById("ww-uitslag");
const sleutel = `${form.dataset.sleutel}:scan`;
const data = await laadData();

function antwoorden() {
  const uit = {};
  for (const s of data.stellingen) {
    const gekozen = form.querySelector(`input[name="${s.id}"]:checked`);
    if (gekozen) uit[s.id] = Number(gekozen.value);
  }
  return uit;
}

function zet(antw) {
  for (const s of data.stellingen) {
    for (const radio of form.querySelectorAll(`input[name="${s.id}"]`)) radio.checked = Number(radio.value) === antw[s.id];
  }
  voortgang();
}

function voortgang() {
  const aantal = Object.keys(antwoorden()).length;
  form.querySelector("progress").value = aantal;
  form.querySelector(".ww-scan__telling").textContent = `${aantal} van ${data.stellingen.length}`;
}

function balk(label, score) {
  const waarde = score === null ? "–" : score;
  const breedte = score === null ? 0 : score;
  return `<li><span class="ww-balk__label">${html(label)}</span><span class="ww-balk__spoor"><span class="ww-balk__vulling${score > HOOG ? " is-hoog" : ""}" style="width:${breedte}%"></span></span><span class="ww-balk__getal">${waarde}</span></li>`;
}

function link(item) {
  return `<a href="${html(siteUrl(item.url))}">${html(item.titel)}</a>`;
}

function toon(antw, datum) {
  const u = uitslag(data, antw);
  resultaat.querySelector(".ww-uitslag__datum").textContent =
    `${u.beantwoord} van ${data.stellingen.length} stellingen beantwoord` + (datum ? ` · ingevuld op ${datum}` : "");
  resultaat.querySelector("[data-grafiek=groepen]").innerHTML =
    `<ul class="ww-balken">${data.groepen.map((g) => balk(g.titel, u.groepen[g.id])).join("")}</ul>`;
  resultaat.querySelector(".ww-scoretabel tbody").innerHTML = data.groepen
    .flatMap((g) => g.factoren.map((f) => `<tr><td>${html(g.titel)}</td><td>${link(f)}</td><td>${u.factoren[f.id] ?? "–"}</td></tr>`))
    .join("");
  resultaat.querySelector(".ww-top").innerHTML = u.top.length
    ? u.top.map((r) => `<li>${link(r.knelpunt)} <span class="ww-label">score ${r.score}</span></li>`).join("")
    : "<li>Geen factor scoort boven de 50. Er springen geen knelpunten uit.</li>";
  resultaat.querySelector(".ww-top3").innerHTML = u.topMetOplossingen
    .map((r) => `<section class="ww-kaart"><h4 class="ww-kaart__titel">${link(r.knelpunt)}</h4><ul>${r.oplossingen.map((o) => `<li>${link(o)}</li>`).join("")}</ul></section>`)
    .join("");
  for (const vak of resultaat.querySelectorAll(".ww-kwadrant")) {
    vak.hidden = !(u.kwadrant && vak.dataset.eisen === u.kwadrant.eisen && vak.dataset.hulpbronnen === u.kwadrant.hulpbronnen);
  }
  const stip = resultaat.querySelector(".ww-assen__stip");
  const indexen = resultaat.querySelector(".ww-assen__indexen");
  if (u.kwadrant) {
    stip.style.left = `${u.kwadrant.bronnenIndex}%`;
    stip.style.bottom = `${u.kwadrant.eisenIndex}%`;
    indexen.textContent = `Taakeisen: ${u.kwadrant.eisenIndex} van 100 · Hulpbronnen: ${u.kwadrant.bronnenIndex} van 100`;
  }
  resultaat.hidden = false;
}

form.addEventListener("change", (e) => {
  if (e.target.type !== "radio") return;
  bewaar(sleutel, { antwoorden: antwoorden(), datum: new Date().toISOString().slice(0, 10) });
  voortgang();
});

form.addEventListener("submit", (e) => {
  e.preventDefault();
  toon(antwoorden(), lees(sleutel, {}).datum);
  resultaat.focus();
});

form.querySelector("[data-actie=wissen]").addEventListener("click", () => {
  bewaar(sleutel, null);
  zet({});
  resultaat.hidden = true;
});

form.querySelector("[data-actie=openen]").addEventListener("change", async (e) => {
  const bestand = e.target.files[0];
  if (!bestand) return;
  const melding = form.querySelector(".ww-scan__melding");
  try {
    const opgeslagen = JSON.parse(await bestand.text());
    if (!opgeslagen || typeof opgeslagen.antwoorden !== "object") throw new Error("geen scan");
    zet(opgeslagen.antwoorden);
    bewaar(sleutel, { antwoorden: antwoorden(), datum: opgeslagen.datum });
    melding.textContent = `Uitslag van ${opgeslagen.datum || "eerder"} geopend.`;
    toon(antwoorden(), opgeslagen.datum);
    resultaat.focus();
  } catch (fout) {
    melding.textContent = "Dit bestand is geen bewaarde uitslag van de werkdrukscan.";
  }
  e.target.value = "";
});

resultaat.querySelector("[data-actie=printen]").addEventListener("click", () => window.print());
resultaat.querySelector("[data-actie=bewaren]").addEventListener("click", () => {
  const inhoud = { gids: data.gids, soort: "werkdrukscan", ...lees(sleutel, { antwoorden: antwoorden() }) };
  downloadBestand(`werkdrukscan-${inhoud.datum || "uitslag"}.json`, JSON.stringify(inhoud, null, 2), "application/json");
});

const eerder = lees(sleutel, null);
if (eerder) {
  zet(eerder.antwoorden || {});
  if (Object.keys(eerder.antwoorden || {}).length) toon(eerder.antwoorden, eerder.datum);
}
voortgang();
form.querySelector(".ww-scan__knoppen").hidden = false;
