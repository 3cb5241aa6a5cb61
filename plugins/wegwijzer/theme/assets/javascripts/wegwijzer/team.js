/* The team result as a stembus (ballot box) on one shared device, private by design.
 *
 * Why a stembus: the team result used to be made from personal result files that
 * colleagues handed to the gespreksleider. Such a file opens as that person's whole
 * result (health and home statements too), and with five files a line such as
 * "1 van 5 boven de 50" pointed at one colleague. Dutch practice for werkdruk
 * measurement (results per team only, anonymity guaranteed, at least half the team
 * taking part) and the AVG on health data ask for more than a promise. So the
 * gespreksleider never receives one person's answers in any form:
 *
 * - Each colleague in turn answers the scan's statements on this device and votes.
 *   The answers are added at once to running totals per statement (the sum of the
 *   pressures and how many answered it, `telOp` in ranking.js) and the form is
 *   cleared. No per-person record exists, in memory, in the page or in storage.
 * - While the stembus is open the page shows only "n van m hebben meegedaan".
 * - The result appears only after closing, and only with at least `minimum_groep`
 *   votes and at least half of the team (`waaromGeenTeamUitslag`). Once a result was
 *   shown no vote can be added, or one added vote could be read off the difference.
 *   A stembus closed without a result may open again: nothing was shown yet.
 * - What is stored (localStorage part "stembus", so a reload loses no votes) is the
 *   totals, the number of votes, the team size, the day and whether it is closed.
 *   Nothing else. A part of its own, not "team": that held the first releases' list
 *   of personal results, which this page removes (and versies.js / vorm.js know that
 *   shape; a copy of the totals set aside between two votes would give one vote away).
 *
 * Weighed against: files per person (the old way: readable, as above); a survey
 * server (the guide has none, and nothing may leave the device); encrypting the
 * totals on the device (whoever holds the device holds the key, so that only looks
 * safer). The honest limits, said on the page: someone can look over your shoulder
 * while you answer, and someone with the browser's developer tools open between two
 * votes could see what the last vote added. Hence: answer alone, pass the device on.
 */
import { datumNl, vandaag } from "./opmaak.js";
import { bewaar, lees } from "./opslag.js";
import { biedOngedaanAan, waarschuwAlsNietBewaard } from "./meldingen.js";

/** What a result needs (laden.js): loaded once the stembus is open, not with the page. */
const laadUitslagDelen = () => import("./laden.js").then((m) => m.laadUitslagDelen());

const wortel = document.getElementById("ww-team");
const resultaat = document.getElementById("ww-teamuitslag");
const minimum = Number(wortel.dataset.minimum) || 5;
const start = wortel.querySelector("[data-stap=start]");
const open = wortel.querySelector("[data-stap=open]");
const dicht = wortel.querySelector("[data-stap=dicht]");
const stembus = document.getElementById("ww-stembus");
const bevestiging = open.querySelector(".ww-stembus__bevestiging");
const ongedaanPlek = document.createElement("div");
wortel.prepend(ongedaanPlek);

/** The stored stembus, checked; null when there is none (or it cannot be right). */
function uitOpslag(t) {
  if (!t || typeof t !== "object" || !t.totalen || typeof t.totalen !== "object" || Array.isArray(t.totalen)) return null;
  const { teamgrootte, stemmen } = t;
  if (!Number.isInteger(teamgrootte) || teamgrootte < 1 || !Number.isInteger(stemmen) || stemmen < 0 || stemmen > teamgrootte) return null;
  return { teamgrootte, stemmen, dicht: t.dicht === true, datum: typeof t.datum === "string" ? t.datum : vandaag(), totalen: t.totalen };
}

let team = uitOpslag(lees("stembus", null));
const oud = lees("team", null);
if (oud) bewaar("team", null); // the first releases kept colleagues' results there, one per person: they do not stay
if (oud && Array.isArray(oud.uitslagen) && oud.uitslagen.length) {
  const melding = document.createElement("p");
  melding.className = "ww-melding ww-melding--uitleg";
  melding.setAttribute("role", "status");
  melding.textContent = "Op dit apparaat stonden uitslagen van collega's, één per persoon. Die zijn nu van dit apparaat gehaald, omdat je daarin kon zien wat één collega antwoordde. Maak de teamuitslag voortaan met de stembus hieronder.";
  wortel.prepend(melding);
}

function onthoud() {
  bewaar("stembus", team);
}

function meervoud(n, een, meer) {
  return n === 1 ? een : meer;
}

/** Empty the result, so no figure of an earlier stembus stays in the page. */
function leegResultaat() {
  resultaat.hidden = true;
  resultaat.querySelector(".ww-uitslag__datum").textContent = "";
  for (const el of resultaat.querySelectorAll("[data-deel]")) el.innerHTML = "";
  for (const el of resultaat.querySelectorAll(".ww-kwadrant, .ww-kwadrant-noot, .ww-assen__stip")) el.hidden = true;
  const indexen = resultaat.querySelector(".ww-assen__indexen");
  if (indexen) indexen.textContent = "";
}

/** Why there is no result after closing, in words, with what can still be done. */
function waaromTekst(reden) {
  const { stemmen, teamgrootte } = team;
  const weer = " Willen er nog collega's stemmen? Open de stembus dan weer. Dat kan veilig, want er is nog niets van de uitslag getoond.";
  if (reden === "minimum") {
    return `Er is geen teamuitslag. Er ${meervoud(stemmen, "heeft 1 persoon", `hebben ${stemmen} mensen`)} gestemd. De uitslag komt pas vanaf ${minimum} stemmen: met minder is te raden wat één collega heeft geantwoord.${weer}`;
  }
  const nodig = Math.ceil(teamgrootte / 2);
  return `Er is geen teamuitslag. ${stemmen} van de ${teamgrootte} mensen hebben gestemd. Dat is minder dan de helft van het team, en dan zegt de uitslag te weinig over het hele team. Er zijn minstens ${nodig} stemmen nodig.${weer}`;
}

/** Show the step the stembus is in; the result only once it is closed with enough votes. */
async function teken() {
  start.hidden = Boolean(team);
  open.hidden = !team || team.dicht;
  dicht.hidden = !team || !team.dicht;
  if (!team) {
    leegResultaat();
    return;
  }
  const { stemmen, teamgrootte } = team;
  if (!team.dicht) {
    leegResultaat();
    const iedereen = stemmen >= teamgrootte;
    open.querySelector(".ww-team__telling").textContent = `${stemmen} van ${teamgrootte} ${stemmen === 1 ? "heeft" : "hebben"} meegedaan.${iedereen ? " Iedereen heeft gestemd: de gespreksleider kan de stembus nu sluiten." : ""}`;
    stembus.hidden = iedereen;
    laadUitslagDelen().catch(() => {}); // ready before the first vote, so the form clears at once
    return;
  }
  dicht.querySelector(".ww-team__deelname").textContent = `${stemmen} van ${teamgrootte} deden mee. De stembus is dicht.`;
  const waarom = dicht.querySelector(".ww-team__waarom");
  const { data, teamUitslagUitTotalen, toonUitslag, waaromGeenTeamUitslag } = await laadUitslagDelen();
  const reden = waaromGeenTeamUitslag(stemmen, teamgrootte, minimum);
  dicht.querySelector("[data-actie=heropenen]").hidden = !reden;
  waarom.hidden = !reden;
  if (reden) {
    waarom.innerHTML = '<p class="ww-melding ww-melding--uitleg"></p>';
    waarom.firstChild.textContent = waaromTekst(reden);
    leegResultaat();
    return;
  }
  waarom.innerHTML = "";
  const u = teamUitslagUitTotalen(data, team.totalen, stemmen, minimum);
  const n = u.teWeinig.length;
  const weg = n ? ` · ${meervoud(n, "1 stelling telt", `${n} stellingen tellen`)} niet mee, omdat minder dan ${minimum} mensen ${meervoud(n, "hem", "ze")} invulden` : "";
  resultaat.querySelector(".ww-uitslag__datum").textContent = `${stemmen} van ${teamgrootte} deden mee · gestemd op ${datumNl(team.datum)}${weg}`;
  toonUitslag(resultaat, data, u, { team: true });
  resultaat.hidden = false;
}

start.addEventListener("submit", async (e) => {
  e.preventDefault();
  const veld = start.querySelector("#ww-teamgrootte");
  const fout = start.querySelector(".ww-veld__fout");
  const getal = Number(veld.value);
  let tekst = "";
  if (!veld.value.trim() || !Number.isInteger(getal) || getal < 1) tekst = "Vul in hoeveel mensen er in het team zitten, als een heel getal.";
  else if (getal < minimum) tekst = `Een team van minder dan ${minimum} mensen kan geen teamuitslag krijgen: dan is te raden wie wat antwoordde. Bespreek de werkdruk dan samen in een werksessie, zonder scan.`;
  else if (getal > 999) tekst = "Dat zijn wel heel veel mensen. Maak een stembus per team.";
  fout.textContent = tekst;
  veld.setAttribute("aria-invalid", tekst ? "true" : "false");
  if (tekst) {
    veld.focus();
    return;
  }
  ongedaanPlek.querySelector(".ww-ongedaan")?.remove(); // an older stembus cannot come back over this one
  team = { teamgrootte: getal, stemmen: 0, dicht: false, datum: vandaag(), totalen: {} };
  onthoud();
  veld.value = "";
  bevestiging.innerHTML = "";
  await teken();
  stembus.querySelector("input[type=radio]")?.focus();
});

stembus.addEventListener("change", () => {
  // The next colleague starts: the previous confirmation goes, the page is theirs.
  bevestiging.innerHTML = "";
  stembus.querySelector(".ww-stembus__fout").textContent = "";
});

stembus.addEventListener("submit", async (e) => {
  e.preventDefault();
  const fout = stembus.querySelector(".ww-stembus__fout");
  team = uitOpslag(lees("stembus", null)) || team; // what another tab of this page stored counts too
  if (!team || team.dicht || team.stemmen >= team.teamgrootte) {
    stembus.reset();
    await teken();
    return;
  }
  const gekozen = [...stembus.querySelectorAll("input[type=radio]:checked")];
  if (!gekozen.length) {
    fout.textContent = "Je hebt nog geen stelling ingevuld. Kies bij minstens één stelling een antwoord, en kies dan Stem uitbrengen.";
    fout.scrollIntoView({ block: "nearest" }); // under the button, which may be at the bottom of a phone's screen
    return;
  }
  let delen;
  try {
    delen = await laadUitslagDelen();
  } catch (err) {
    fout.textContent = "Je stem kon niet worden opgeteld, omdat de pagina niet alles kon laden. Je antwoorden staan er nog. Probeer het zo nog eens.";
    return;
  }
  const antwoorden = Object.fromEntries(gekozen.map((input) => [input.name, Number(input.value)]));
  team = { ...team, stemmen: team.stemmen + 1, totalen: delen.telOp(delen.data, team.totalen, antwoorden) };
  stembus.reset(); // at once: the next person sees an empty form
  onthoud();
  fout.textContent = "";
  await teken();
  // Into the live region that is always there, so a screen reader reads it out.
  bevestiging.innerHTML = '<p class="ww-melding ww-melding--uitleg"></p>';
  bevestiging.firstChild.textContent = "Je antwoorden zijn opgeteld bij die van het team. Niemand kan ze apart terugzien. Geef het apparaat door.";
  bevestiging.focus();
});

const zeker = open.querySelector(".ww-stembus__zeker");
open.querySelector("[data-actie=sluiten]").addEventListener("click", () => {
  zeker.hidden = false;
  zeker.querySelector("[data-actie=echt-sluiten]").focus();
});
zeker.querySelector("[data-actie=niet-sluiten]").addEventListener("click", () => {
  zeker.hidden = true;
  open.querySelector("[data-actie=sluiten]").focus();
});
zeker.querySelector("[data-actie=echt-sluiten]").addEventListener("click", async () => {
  zeker.hidden = true;
  stembus.reset();
  bevestiging.innerHTML = "";
  team = { ...(uitOpslag(lees("stembus", null)) || team), dicht: true };
  onthoud();
  await teken();
  if (!resultaat.hidden) resultaat.focus();
  else dicht.querySelector(".ww-team__waarom").focus();
});

dicht.querySelector("[data-actie=heropenen]").addEventListener("click", async () => {
  const { waaromGeenTeamUitslag } = await laadUitslagDelen();
  if (!team || !waaromGeenTeamUitslag(team.stemmen, team.teamgrootte, minimum)) return; // a shown result is final
  team = { ...team, dicht: false };
  onthoud();
  await teken();
  stembus.querySelector("input[type=radio]")?.focus();
});

dicht.querySelector("[data-actie=nieuw]").addEventListener("click", async () => {
  const was = team;
  team = null;
  bewaar("stembus", null);
  await teken();
  const uitslag = !(await laadUitslagDelen()).waaromGeenTeamUitslag(was.stemmen, was.teamgrootte, minimum);
  biedOngedaanAan(ongedaanPlek, `De vorige stembus${uitslag ? " en zijn uitslag zijn" : " is"} van dit apparaat gehaald.`, () => {
    team = was;
    onthoud();
    teken();
  });
});

resultaat.querySelector("[data-actie=printen]").addEventListener("click", () => window.print());
waarschuwAlsNietBewaard(wortel, "Sluit deze pagina dan niet voordat de stembus dicht is en jullie de uitslag hebben besproken, want anders zijn de stemmen weg.");
teken();
