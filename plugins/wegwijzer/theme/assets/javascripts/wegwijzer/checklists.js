/* Checklists that remember: every checklist on the site keeps its ticks in this
 * browser, keyed by guide, version and checklist, so a substep and its printable
 * checklist page share them. Overview pages count the ticks per step. Without
 * JavaScript the checklists are plain lists. */
import { bewaar, lees } from "./opslag.js";

function sleutel(lijst) {
  return `${lijst.dataset.sleutel}:checklist:${lijst.dataset.checklist}`;
}

function vakjes(lijst) {
  return Array.from(lijst.querySelectorAll("input[type=checkbox]"));
}

function herstel(lijst) {
  const aangevinkt = lees(sleutel(lijst), []);
  vakjes(lijst).forEach((vakje, i) => (vakje.checked = aangevinkt.includes(i + 1)));
}

function onthoud(lijst) {
  const aangevinkt = vakjes(lijst).map((v, i) => (v.checked ? i + 1 : 0)).filter(Boolean);
  bewaar(sleutel(lijst), aangevinkt.length ? aangevinkt : null);
}

for (const lijst of document.querySelectorAll("[data-checklist][data-sleutel]")) {
  herstel(lijst);
  lijst.addEventListener("change", () => onthoud(lijst));
  const knop = document.createElement("button");
  knop.type = "button";
  knop.className = "md-button ww-wis-vinkjes";
  knop.textContent = "Vinkjes wissen";
  knop.addEventListener("click", () => {
    vakjes(lijst).forEach((v) => (v.checked = false));
    onthoud(lijst);
  });
  lijst.after(knop);
}

// "3 van 27 afgevinkt" per step, on the overview pages.
for (const teller of document.querySelectorAll("[data-telt-checklists]")) {
  const ids = teller.dataset.teltChecklists.split(" ");
  const prefix = teller.dataset.sleutel;
  const afgevinkt = ids.reduce((som, id) => som + lees(`${prefix}:checklist:${id}`, []).length, 0);
  teller.textContent = `${afgevinkt} van ${teller.dataset.totaal} afgevinkt`;
  teller.hidden = false;
}
