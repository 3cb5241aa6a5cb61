/* The scan result as slides for the werksessie: one subject per slide, on a
 * projector (full screen, arrow keys) or printed as landscape pages. Shows the
 * team result (?bron=team) or the visitor's own, from this browser only. */
import { teamUitslagUitTotalen, uitslag, waaromGeenTeamUitslag } from "./ranking.js";
import { laadData } from "./laden.js";
import { datumNl } from "./opmaak.js";
import { lees } from "./opslag.js";
import { toonUitslag } from "./weergave.js";

const wortel = document.getElementById("ww-presentatie");
const leeg = document.querySelector(".ww-presentatie__leeg");
const dias = [...wortel.querySelectorAll(".ww-dia")];
const bediening = wortel.querySelector(".ww-dias__bediening");
const data = await laadData("scan");
const vanTeam = new URLSearchParams(location.search).get("bron") === "team";

function toonLeeg(tekst, link, linkTekst) {
  leeg.innerHTML = `${tekst} <a href="${link}">${linkTekst}</a>`;
  leeg.hidden = false;
}

function vul() {
  if (vanTeam) {
    // Only a closed stembus with enough votes (team.js): an open one shows nothing, here too.
    const team = lees("stembus", null);
    const klaar = team && team.dicht === true && team.totalen && typeof team.totalen === "object"
      && Number.isInteger(team.stemmen) && Number.isInteger(team.teamgrootte) && team.stemmen <= team.teamgrootte
      && !waaromGeenTeamUitslag(team.stemmen, team.teamgrootte, data.minimumGroep);
    if (!klaar) {
      toonLeeg(`Er is nog geen teamuitslag op dit apparaat. Die is er pas als de stembus dicht is, met minstens ${data.minimumGroep} stemmen en minstens de helft van het team.`, "../team/", "Naar de teamuitslag");
      return false;
    }
    toonUitslag(wortel, data, teamUitslagUitTotalen(data, team.totalen, team.stemmen, data.minimumGroep), { team: true });
    wortel.querySelector("[data-veld=titel]").textContent = "Werkdruk in ons team";
    wortel.querySelector("[data-veld=ondertitel]").textContent = `Uitslag van de werkdrukscan · ${team.stemmen} van ${team.teamgrootte} collega's deden mee`;
  } else {
    const scan = lees("scan", null);
    if (!scan || !Object.keys(scan.antwoorden || {}).length) {
      toonLeeg("Er is nog geen uitslag van de werkdrukscan op dit apparaat.", "../", "Vul de werkdrukscan in");
      return false;
    }
    toonUitslag(wortel, data, uitslag(data, scan.antwoorden));
    wortel.querySelector("[data-veld=titel]").textContent = "Mijn werkdruk";
    wortel.querySelector("[data-veld=ondertitel]").textContent = scan.datum ? `Uitslag van de werkdrukscan · ingevuld op ${datumNl(scan.datum)}` : "Uitslag van de werkdrukscan";
  }
  wortel.querySelector(".ww-terug-knop").href = vanTeam ? "../team/" : "../";
  wortel.querySelector(".ww-terug-knop").textContent = vanTeam ? "Terug naar de teamuitslag" : "Terug naar de scan";
  return true;
}

let huidige = 0;
function toonDia(i) {
  huidige = Math.max(0, Math.min(dias.length - 1, i));
  dias.forEach((d, j) => {
    d.classList.toggle("is-huidig", j === huidige);
    // A slide taller than the screen scrolls; it can then take focus, so the keyboard scrolls it too.
    if (j === huidige) d.setAttribute("tabindex", "0");
    else d.removeAttribute("tabindex");
  });
  bediening.querySelector(".ww-dias__nummer").textContent = `Dia ${huidige + 1} van ${dias.length}`;
}

function presenteer() {
  wortel.classList.add("is-presenterend");
  bediening.hidden = false;
  toonDia(0);
  wortel.requestFullscreen?.().catch(() => {});
  bediening.querySelector("[data-actie=volgende]").focus();
}

function stop() {
  wortel.classList.remove("is-presenterend");
  dias.forEach((d) => d.removeAttribute("tabindex"));
  bediening.hidden = true;
  if (document.fullscreenElement) document.exitFullscreen();
}

wortel.addEventListener("click", (e) => {
  const actie = e.target.closest("button")?.dataset.actie;
  if (actie === "volledig") presenteer();
  else if (actie === "printen") window.print();
  else if (actie === "volgende") toonDia(huidige + 1);
  else if (actie === "vorige") toonDia(huidige - 1);
  else if (actie === "stop") stop();
});

document.addEventListener("keydown", (e) => {
  if (!wortel.classList.contains("is-presenterend")) return;
  if (["ArrowRight", "PageDown", " "].includes(e.key)) {
    e.preventDefault();
    toonDia(huidige + 1);
  } else if (["ArrowLeft", "PageUp"].includes(e.key)) {
    e.preventDefault();
    toonDia(huidige - 1);
  } else if (e.key === "Home" || e.key === "End") {
    e.preventDefault();
    toonDia(e.key === "Home" ? 0 : dias.length - 1);
  } else if (e.key === "Escape") stop();
});

document.addEventListener("fullscreenchange", () => {
  if (!document.fullscreenElement && wortel.classList.contains("is-presenterend")) stop();
});

// Slides print on landscape pages. Only this page: the theme's stylesheet serves every page.
const liggend = document.createElement("style");
liggend.textContent = "@media print { @page { size: A4 landscape; margin: 1.2cm 1.5cm 1.5cm; } }";
document.head.append(liggend);

if (vul()) wortel.hidden = false;
