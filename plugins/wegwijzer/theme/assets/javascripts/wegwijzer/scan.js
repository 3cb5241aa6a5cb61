/* The werkdrukscan: answer the statements, see your result, keep or save it.
 * The form is plain HTML (keyboard and screen reader work as for any form);
 * this adds progress, the result and the memory. Nothing leaves the device.
 *
 * What the result needs (the rules, how it is shown, data/scan.json) loads the
 * first time a result is asked for or was stored, not with the page: someone
 * who only starts answering downloads none of it. */
import { datumNl, vandaag } from "./opmaak.js";
import { bewaar, lees } from "./opslag.js";
import { biedOngedaanAan, waarschuwAlsNietBewaard } from "./meldingen.js";

/** Loaded when first needed: what a result needs (laden.js), and download.js. */
const uitslagDelen = () => import("./laden.js").then((m) => m.laadUitslagDelen());
const downloadBestand = async (...delen) => (await import("./download.js")).downloadBestand(...delen);

const form = document.getElementById("ww-scan");
const resultaat = document.getElementById("ww-uitslag");
const knoppen = form.querySelector(".ww-scan__knoppen");
const melding = form.querySelector(".ww-scan__melding");
const aantalStellingen = Number(form.querySelector("progress").max);
melding.tabIndex = -1; // a message about a file takes focus: in view on a phone, and read out

/** Say `tekst` where the visitor looks: the message takes focus (and scrolls into view), so a screen
 * reader reads it and a phone shows it, with the result right under it. It stays until the next action. */
function meld(tekst) {
  melding.textContent = tekst;
  melding.focus();
}

/** A random id for a new scan, so a team page sees a file dropped in twice. */
function nieuwId() {
  return globalThis.crypto?.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function antwoorden() {
  const uit = {};
  for (const radio of form.querySelectorAll("input[type=radio]:checked")) uit[radio.name] = Number(radio.value);
  return uit;
}

function zet(antw) {
  for (const radio of form.querySelectorAll("input[type=radio]")) radio.checked = Number(radio.value) === antw[radio.name];
  voortgang();
}

function voortgang() {
  const aantal = Object.keys(antwoorden()).length;
  form.querySelector("progress").value = aantal;
  form.querySelector(".ww-scan__telling").textContent = `${aantal} van ${aantalStellingen}`;
}

/** The stored scan, with its own id (so a team page sees a file dropped in twice). */
function opgeslagen() {
  return lees("scan", null);
}

function onthoud(antw, datum) {
  const eerder = opgeslagen();
  const scan = Object.keys(antw).length ? { id: eerder?.id || nieuwId(), datum: datum || vandaag(), antwoorden: antw } : null;
  bewaar("scan", scan);
  return scan;
}

async function toon(antw, datum) {
  const { data, toonUitslag, uitslag } = await uitslagDelen();
  const u = uitslag(data, antw);
  if (!u.beantwoord) {
    resultaat.hidden = true;
    melding.textContent = "Beantwoord eerst een of meer stellingen. Dan zie je je uitslag.";
    return false;
  }
  melding.textContent = "";
  resultaat.querySelector(".ww-uitslag__datum").textContent =
    `${u.beantwoord} van ${data.stellingen.length} stellingen beantwoord` + (datum ? ` · ingevuld op ${datumNl(datum)}` : "");
  toonUitslag(resultaat, data, u);
  resultaat.hidden = false;
  return true;
}

form.addEventListener("change", (e) => {
  if (e.target.type !== "radio") return;
  melding.textContent = ""; // the next action: what was said about a file or an empty scan is past
  onthoud(antwoorden());
  voortgang();
});

form.addEventListener("submit", (e) => {
  e.preventDefault();
  toon(antwoorden(), opgeslagen()?.datum).then((getoond) => getoond && resultaat.focus());
});

form.querySelector("[data-actie=wissen]").addEventListener("click", () => {
  const waren = opgeslagen();
  if (!waren) return;
  bewaar("scan", null);
  zet({});
  resultaat.hidden = true;
  const n = Object.keys(waren.antwoorden || {}).length;
  biedOngedaanAan(knoppen, `${n === 1 ? "1 antwoord" : `${n} antwoorden`} gewist.`, () => {
    bewaar("scan", waren);
    zet(waren.antwoorden);
  });
});

form.querySelector("[data-actie=openen]").addEventListener("change", async (e) => {
  const bestand = e.target.files[0];
  e.target.value = "";
  if (!bestand) return;
  const { data, openUitslagbestand } = await uitslagDelen();
  const gelezen = await openUitslagbestand(data, bestand); // checked (size, kind, every value) before it replaces anything
  if (gelezen.fout) {
    meld(gelezen.fout);
    return;
  }
  const waren = opgeslagen();
  zet(gelezen.uitslag.antwoorden);
  bewaar("scan", { id: gelezen.uitslag.id, datum: gelezen.uitslag.datum, antwoorden: gelezen.uitslag.antwoorden });
  if (waren && Object.keys(waren.antwoorden || {}).length) {
    biedOngedaanAan(knoppen, `Je eerdere antwoorden zijn vervangen door die uit ‘${bestand.name}’.`, () => {
      bewaar("scan", waren);
      zet(waren.antwoorden);
      toon(waren.antwoorden, waren.datum);
    });
  }
  await toon(gelezen.uitslag.antwoorden, gelezen.uitslag.datum);
  // After toon(), which clears it. Not followed by moving focus to the result: that took the message
  // out of sight on a phone (the result starts below it) and cut it off for a screen reader.
  meld(`Uitslag van ${datumNl(gelezen.uitslag.datum) || "eerder"} geopend. ${gelezen.opmerking}`.trim());
});

resultaat.querySelector("[data-actie=printen]").addEventListener("click", () => window.print());
resultaat.querySelector("[data-actie=bewaren]").addEventListener("click", async () => {
  const scan = opgeslagen() || onthoud(antwoorden());
  if (!scan) return;
  const { data, uitslagbestand } = await uitslagDelen();
  const inhoud = uitslagbestand(data.gids, scan);
  downloadBestand(`werkdrukscan-${inhoud.datum}.json`, JSON.stringify(inhoud, null, 2), "application/json", resultaat.querySelector(".ww-uitslag__bewaard"));
});

waarschuwAlsNietBewaard(knoppen.parentElement.querySelector(".ww-scan__voortgang").parentElement, "Bewaar je uitslag als bestand voordat je de pagina sluit.");
const eerder = opgeslagen();
if (eerder) {
  zet(eerder.antwoorden || {});
  if (Object.keys(eerder.antwoorden || {}).length) toon(eerder.antwoorden, eerder.datum);
}
voortgang();
knoppen.hidden = false;
