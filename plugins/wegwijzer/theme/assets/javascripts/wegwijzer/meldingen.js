/* What the tools tell a visitor about their own work: a new version of the
 * guide, a wipe they can undo, and a browser that does not store (and why).
 * Each message appears where the visitor works and is read out by screen
 * readers. (Stored work of the wrong shape: herstel.js.) */
import { bijwerkenNaarVersie } from "./nieuweversie.js";
import { bijMislukken } from "./opslag.js";

function bericht(klasse, rol) {
  const p = document.createElement("div");
  p.className = `ww-melding ${klasse}`;
  p.setAttribute("role", rol);
  return p;
}

/** Once, on the first page after a new version: what happened to the visitor's work. */
export async function meldNieuweVersie() {
  let zin = null;
  try {
    zin = await bijwerkenNaarVersie();
  } catch (e) {
    return; // offline or no data file: try again on the next page, nothing is lost meanwhile
  }
  const plek = document.querySelector(".md-content__inner");
  if (!zin || !plek) return;
  const vak = bericht("ww-melding--versie", "status");
  vak.innerHTML = '<p></p><button type="button" class="md-button">Sluiten</button>';
  vak.querySelector("p").textContent = zin;
  vak.querySelector("button").addEventListener("click", () => vak.remove());
  plek.prepend(vak);
}

/**
 * After a wipe: say what was wiped, with a button that puts it back.
 * The offer stands until the visitor wipes again or leaves the page.
 */
export function biedOngedaanAan(plek, tekst, terugzetten) {
  plek.querySelector(".ww-ongedaan")?.remove();
  const vak = bericht("ww-ongedaan", "status");
  vak.innerHTML = '<p></p><button type="button" class="md-button">Zet terug</button>';
  vak.querySelector("p").textContent = tekst;
  vak.querySelector("button").addEventListener("click", () => {
    terugzetten();
    vak.querySelector("p").textContent = "Teruggezet.";
    vak.querySelector("button").remove();
  });
  plek.append(vak);
  vak.querySelector("button").focus();
}

/** Say at `plek` that this browser keeps nothing (or not the last change), why (herstel.js), and what to do instead. */
export function waarschuwAlsNietBewaard(plek, advies) {
  bijMislukken(async (reden) => {
    const vak = plek.querySelector(".ww-melding--opslag:not(.ww-melding--hersteld)") || plek.insertAdjacentElement("afterbegin", bericht("ww-melding--opslag", "alert"));
    vak.innerHTML = "<p><strong>Let op: je browser bewaart niets op dit apparaat.</strong> <span></span></p>";
    vak.querySelector("span").textContent = `Wat je nu doet, is weg als je deze pagina sluit. ${advies}`;
    (await import("./herstel.js").catch(() => null))?.waarom(vak, reden, advies);
  });
}
