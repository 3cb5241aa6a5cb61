/* The team result: a facilitator drops in the result files of colleagues, and
 * this page combines them, on this device only. It shows nothing until at least
 * `minimum_groep` results are in, because fewer could point at a person. */
import { bewaar, datumNl, laadUitslagDelen, lees, vandaag } from "./opslag.js";
import { biedOngedaanAan, waarschuwAlsNietBewaard } from "./meldingen.js";

const wortel = document.getElementById("ww-team");
const resultaat = document.getElementById("ww-teamuitslag");
const minimum = Number(wortel.dataset.minimum);
const meldingen = wortel.querySelector(".ww-team__meldingen");
let team = lees("team", null) || { uitslagen: [] };

function meld(tekst, soort) {
  const li = document.createElement("li");
  li.className = `ww-team__melding ww-team__melding--${soort}`;
  li.textContent = tekst;
  meldingen.append(li);
}

/** Show the count, and the team result once enough results are in (loading what it needs then). */
async function teken() {
  const n = team.uitslagen.length;
  const telling = wortel.querySelector(".ww-team__telling");
  wortel.querySelector("[data-actie=opnieuw]").hidden = !n;
  if (n < minimum) {
    telling.textContent = n
      ? `${n === 1 ? "1 uitslag" : `${n} uitslagen`} samengebracht. De teamuitslag verschijnt vanaf ${minimum} uitslagen; er ${minimum - n === 1 ? "is nog 1 uitslag" : `zijn nog ${minimum - n} uitslagen`} nodig.`
      : `Nog geen uitslagen. De teamuitslag verschijnt vanaf ${minimum} uitslagen.`;
    resultaat.hidden = true;
    return;
  }
  const { data, teamUitslag, toonUitslag } = await laadUitslagDelen();
  telling.textContent = `${n} uitslagen samengebracht.`;
  const u = teamUitslag(data, team.uitslagen.map((x) => x.antwoorden), minimum);
  const datums = team.uitslagen.map((x) => x.datum).filter(Boolean).sort();
  const periode = datums.length ? ` · ingevuld ${datums[0] === datums.at(-1) ? `op ${datumNl(datums[0])}` : `van ${datumNl(datums[0])} tot ${datumNl(datums.at(-1))}`}` : "";
  const weg = u.teWeinig.length
    ? ` · ${u.teWeinig.length === 1 ? "1 stelling telt" : `${u.teWeinig.length} stellingen tellen`} niet mee, omdat minder dan ${minimum} mensen ${u.teWeinig.length === 1 ? "hem" : "ze"} invulden`
    : "";
  resultaat.querySelector(".ww-uitslag__datum").textContent = `${n} uitslagen${periode}${weg}`;
  toonUitslag(resultaat, data, u, { team: true });
  resultaat.hidden = false;
}

function onthoud() {
  team.datum = vandaag();
  bewaar("team", team.uitslagen.length ? team : null);
}

async function voegToe(bestanden) {
  meldingen.innerHTML = "";
  let erbij = 0;
  const { data, leesUitslagbestand } = await laadUitslagDelen();
  for (const bestand of bestanden) {
    const gelezen = leesUitslagbestand(data, await bestand.text(), bestand.name);
    if (gelezen.fout) {
      meld(gelezen.fout, "fout");
      continue;
    }
    if (team.uitslagen.some((x) => x.id === gelezen.uitslag.id)) {
      meld(`‘${bestand.name}’ is dezelfde uitslag als een bestand dat er al bij is. Hij telt maar één keer mee.`, "fout");
      continue;
    }
    team.uitslagen.push(gelezen.uitslag);
    erbij += 1;
    if (gelezen.opmerking) meld(gelezen.opmerking, "opmerking");
  }
  if (erbij) onthoud();
  await teken();
  if (erbij && team.uitslagen.length >= minimum) resultaat.focus();
}

wortel.querySelector("[data-actie=toevoegen]").addEventListener("change", async (e) => {
  const bestanden = [...e.target.files];
  e.target.value = "";
  await voegToe(bestanden);
});

const sleepvak = wortel.querySelector(".ww-sleepvak");
sleepvak.addEventListener("dragover", (e) => {
  e.preventDefault();
  sleepvak.classList.add("is-erboven");
});
sleepvak.addEventListener("dragleave", () => sleepvak.classList.remove("is-erboven"));
sleepvak.addEventListener("drop", async (e) => {
  e.preventDefault();
  sleepvak.classList.remove("is-erboven");
  await voegToe([...e.dataTransfer.files]);
});

wortel.querySelector("[data-actie=opnieuw]").addEventListener("click", () => {
  const was = team;
  team = { uitslagen: [] };
  bewaar("team", null);
  meldingen.innerHTML = "";
  teken();
  biedOngedaanAan(wortel.querySelector(".ww-team__knoppen"), `De ${was.uitslagen.length === 1 ? "uitslag is" : `${was.uitslagen.length} uitslagen zijn`} van deze pagina gehaald. De bestanden zelf staan nog op je apparaat.`, () => {
    team = was;
    onthoud();
    teken();
  });
});

resultaat.querySelector("[data-actie=printen]").addEventListener("click", () => window.print());
waarschuwAlsNietBewaard(wortel, "Dat geeft niet erg: de bestanden zelf blijven bewaard. Kies ze opnieuw als je de pagina weer opent.");
teken();
