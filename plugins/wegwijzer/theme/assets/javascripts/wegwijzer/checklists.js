/* Checklists that remember: every checklist on the site keeps its ticks in this
 * browser by checklist and question id, so a substep and its printable checklist
 * page share them, and a new version of the guide keeps every tick whose
 * question still exists. Overview pages count the ticks per step. Without
 * JavaScript the checklists are plain lists.
 *
 * Loaded on every page, so it also tells the visitor, once, what a new version
 * of the guide did to their work. */
import { bewaarVinkjes, leesVinkjes } from "./opslag.js";
import { biedOngedaanAan, meldNieuweVersie, waarschuwAlsNietBewaard } from "./meldingen.js";

function vakjes(lijst) {
  return Array.from(lijst.querySelectorAll("input[type=checkbox][data-vraag]"));
}

function herstel(lijst, aangevinkt) {
  vakjes(lijst).forEach((vakje) => (vakje.checked = aangevinkt.includes(vakje.dataset.vraag)));
}

function onthoud(lijst) {
  const aangevinkt = vakjes(lijst).filter((v) => v.checked).map((v) => v.dataset.vraag);
  const bewaard = bewaarVinkjes(lijst.dataset.checklist, aangevinkt);
  if (!bewaard) waarschuwAlsNietBewaard(lijst.parentElement, "Print de checklist als je je vinkjes wilt houden.");
  for (const knop of lijst.parentElement.querySelectorAll(".ww-wis-vinkjes")) knop.hidden = !aangevinkt.length;
}

async function start() {
  await meldNieuweVersie();
  for (const lijst of document.querySelectorAll("[data-checklist]")) {
    herstel(lijst, leesVinkjes(lijst.dataset.checklist));
    lijst.addEventListener("change", () => onthoud(lijst));
    const knop = document.createElement("button");
    knop.type = "button";
    knop.className = "md-button ww-knop--rustig ww-wis-vinkjes";
    knop.textContent = "Vinkjes wissen";
    knop.hidden = !leesVinkjes(lijst.dataset.checklist).length;
    knop.addEventListener("click", () => {
      const waren = leesVinkjes(lijst.dataset.checklist);
      herstel(lijst, []);
      onthoud(lijst);
      biedOngedaanAan(lijst.parentElement, `${waren.length === 1 ? "1 vinkje" : `${waren.length} vinkjes`} gewist.`, () => {
        herstel(lijst, waren);
        onthoud(lijst);
      });
    });
    lijst.after(knop);
  }

  // "3 van 27 afgevinkt" per step, on the overview pages.
  for (const teller of document.querySelectorAll("[data-telt-checklists]")) {
    const ids = teller.dataset.teltChecklists.split(" ");
    const afgevinkt = ids.reduce((som, id) => som + leesVinkjes(id).length, 0);
    teller.textContent = `${afgevinkt} van ${teller.dataset.totaal} afgevinkt`;
    teller.hidden = false;
  }
}

start();
