/* Checklists that remember: every checklist on the site keeps its ticks in this
 * browser by checklist and question id, so a substep and its printable checklist
 * page share them, and a new version of the guide keeps every tick whose
 * question still exists. Overview pages count the ticks per step. Without
 * JavaScript the checklists are plain lists.
 *
 * "Print je checklist" prints the ticks as they are on this device: on a step's
 * checklist page the whole page, on a substep only its checklist. Nothing leaves
 * the browser; the PDFs of the checklists are blank forms.
 *
 * Loaded on every page, so it also tells the visitor, once, what a new version
 * of the guide did to their work. */
import { bewaar, bijWijziging, lees, voegSamenMet } from "./opslag.js";
import { biedOngedaanAan, meldNieuweVersie, waarschuwAlsNietBewaard } from "./meldingen.js";

function leesVinkjes(lijst) {
  const lijsten = lees("checklists", null);
  const vinkjes = lijsten && Object.hasOwn(lijsten, lijst) ? lijsten[lijst] : null;
  return Array.isArray(vinkjes) ? vinkjes : [];
}

/** Tick and untick on what is stored now: a tick from another tab stays. */
function wijzigVinkjes(lijst, aan, uit) {
  const lijsten = lees("checklists", null) || Object.create(null);
  const nu = new Set([...leesVinkjes(lijst), ...aan]);
  uit.forEach((v) => nu.delete(v));
  if (nu.size) lijsten[lijst] = [...nu];
  else delete lijsten[lijst];
  return bewaar("checklists", lijsten);
}

// This tab's ticks, made again on another tab's written at the same moment (opslag.js).
voegSamenMet("checklists", async (...drie) => (await import("./lijstsamen.js")).vinkjesSamen(...drie));

function vakjes(lijst) {
  return Array.from(lijst.querySelectorAll("input[type=checkbox][data-vraag]"));
}

/** Show the ticks `aangevinkt`, and the wipe button when there are any. */
function herstel(lijst, aangevinkt) {
  const aan = new Set(aangevinkt);
  vakjes(lijst).forEach((vakje) => (vakje.checked = aan.has(vakje.dataset.vraag)));
  for (const knop of lijst.parentElement.querySelectorAll(".ww-wis-vinkjes")) knop.hidden = !aan.size;
}

/** Tick `aan` and untick `uit` on what is stored now, so a tick made in another tab meanwhile stays. */
function wijzig(lijst, aan, uit) {
  if (!wijzigVinkjes(lijst.dataset.checklist, aan, uit)) waarschuwAlsNietBewaard(lijst.parentElement, "Print de checklist als je je vinkjes wilt houden.");
  herstel(lijst, vakjes(lijst).filter((v) => v.checked).map((v) => v.dataset.vraag));
}

/** Print the page; with `lijst`, only that checklist and the page's title (the print styles read the classes). */
function print(lijst) {
  if (lijst) {
    lijst.classList.add("ww-print-doel");
    document.body.classList.add("ww-print-checklist");
    window.addEventListener("afterprint", () => {
      lijst.classList.remove("ww-print-doel");
      document.body.classList.remove("ww-print-checklist");
    }, { once: true });
  }
  window.print();
}

/** The print button the checklist pages carry (hidden until this script can make it work), and one per substep checklist. */
function printKnoppen(lijsten) {
  for (const knop of document.querySelectorAll(".ww-print-knop")) {
    knop.hidden = false;
    knop.addEventListener("click", () => print(null));
  }
  for (const lijst of lijsten) {
    if (lijst.closest(".ww-afdruk")) continue; // a checklist page: its own button prints it all
    const knop = document.createElement("button");
    knop.type = "button";
    knop.className = "md-button ww-print-knop";
    knop.textContent = "Print je checklist";
    knop.addEventListener("click", () => print(lijst));
    lijst.after(knop);
  }
}

/** "3 van 27 afgevinkt" per step, on the overview pages. */
function tel() {
  for (const teller of document.querySelectorAll("[data-telt-checklists]")) {
    const ids = teller.dataset.teltChecklists.split(" ");
    const afgevinkt = ids.reduce((som, id) => som + leesVinkjes(id).length, 0);
    teller.textContent = `${afgevinkt} van ${teller.dataset.totaal} afgevinkt`;
    teller.hidden = false;
  }
}

async function start() {
  await meldNieuweVersie();
  const lijsten = document.querySelectorAll("[data-checklist]");
  for (const lijst of lijsten) {
    lijst.addEventListener("change", ({ target: v }) => v.dataset.vraag && wijzig(lijst, v.checked ? [v.dataset.vraag] : [], v.checked ? [] : [v.dataset.vraag]));
    const knop = document.createElement("button");
    knop.type = "button";
    knop.className = "md-button ww-knop--rustig ww-wis-vinkjes";
    knop.textContent = "Vinkjes wissen";
    knop.addEventListener("click", () => {
      const waren = vakjes(lijst).filter((v) => v.checked).map((v) => v.dataset.vraag);
      herstel(lijst, []);
      wijzig(lijst, [], waren);
      biedOngedaanAan(lijst.parentElement, `${waren.length === 1 ? "1 vinkje" : `${waren.length} vinkjes`} gewist.`, () => {
        herstel(lijst, waren);
        wijzig(lijst, waren, []);
      });
    });
    lijst.after(knop);
    herstel(lijst, leesVinkjes(lijst.dataset.checklist));
  }
  printKnoppen(lijsten);
  tel();
  // Ticks made in another tab show here at once, so neither tab undoes the other's.
  bijWijziging(() => {
    lijsten.forEach((lijst) => herstel(lijst, leesVinkjes(lijst.dataset.checklist)));
    tel();
  });
}

start();
