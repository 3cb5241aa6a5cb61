/* Stored work checked before it is used (vorm.js), repaired where it has the
 * wrong shape, and what had to go set aside and shown: never silently lost.
 * Also why the browser did not store, in words.
 *
 * opslag.js loads this only when something is stored (or once it stores
 * something), so a first visit downloads none of it. It imports nothing of
 * opslag.js, which waits for it while it loads. The reasons' words are here;
 * telling the reasons apart is opslagfout.js.
 */
import { DELEN, opslagVorm } from "./vorm.js";

let kapot = null; // {tekst, alles}: a broken store that could not be set aside, repaired in memory only

/** A copy of a store in shape, for a caller to change. */
function kopie(alles) {
  return opslagVorm(JSON.parse(JSON.stringify(alles))).alles;
}

/**
 * The stored text `tekst` in shape. Wrong shapes are repaired once: what had to
 * go is set aside first (under the key `apartSleutel`), then the repaired store
 * written back with `schrijf` (also when only repeats were merged, so the next
 * visit is fast), and the visitor is told at the top of the page.
 */
export function controleer(tekst, apartSleutel, schrijf) {
  if (kapot && kapot.tekst === tekst) return kopie(kapot.alles);
  let vorm;
  try {
    vorm = opslagVorm(JSON.parse(tekst));
  } catch (e) {
    vorm = { alles: {}, apart: [{ deel: "alles", waarde: tekst, fouten: ["het is niet te lezen"] }], veranderd: true };
  }
  if (!vorm.veranderd) return vorm.alles;
  const { alles, apart } = vorm;
  const apartGezet = !apart.length || zetApart(apartSleutel, apart);
  // Only once what had to go is safe, the repaired store replaces it.
  kapot = apartGezet && schrijf(alles) ? null : { tekst, alles };
  if (apart.length) toonHerstel(apart, apartGezet, apartSleutel);
  return kapot ? kopie(alles) : alles;
}

/** Add parts to what is set aside (a list, oldest first); false when the browser would not store it. */
export function zetApart(sleutel, apart) {
  try {
    let lijst = [];
    const eerder = localStorage.getItem(sleutel);
    if (eerder) {
      try {
        const oud = JSON.parse(eerder);
        lijst = Array.isArray(oud) ? oud : [oud];
      } catch (e) {
        lijst = [{ waarde: eerder }];
      }
    }
    const gezet = new Date().toISOString();
    for (const { deel, waarde } of apart) lijst.push({ gezet, deel, waarde });
    localStorage.setItem(sleutel, JSON.stringify(lijst));
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * What the first releases stored, per guide title and version (keys starting
 * with `prefix`); the newest version wins. Returns {sleutels, versie, alles} in
 * shape, or null when there is none, or when what does not fit could not be set
 * aside (the old keys then stay).
 */
export function oudeGegevens(prefix, apartSleutel) {
  let sleutels;
  try {
    sleutels = Object.keys(localStorage).filter((s) => s.startsWith(prefix));
  } catch (e) {
    return null;
  }
  if (!sleutels.length) return null;
  const versies = [...new Set(sleutels.map((s) => s.slice(prefix.length).split(":")[0]))].sort((a, b) => a.localeCompare(b, "nl", { numeric: true }));
  const versie = versies.at(-1);
  const gegevens = { checklists: Object.create(null), versie };
  for (const s of sleutels) {
    const [v, soort, lijst] = s.slice(prefix.length).split(":");
    if (v !== versie) continue;
    let waarde;
    try {
      waarde = JSON.parse(localStorage.getItem(s));
    } catch (e) {
      continue;
    }
    if (soort === "scan" || soort === "plan") gegevens[soort] = waarde;
    // Ticks were kept by position, which is only safe to read with the questions of the same version.
    else if (soort === "checklist" && Array.isArray(waarde)) gegevens.checklists[lijst] = { posities: waarde, versie: v };
  }
  const { alles, apart } = opslagVorm(gegevens);
  if (apart.length && !zetApart(apartSleutel, apart)) return null;
  if (apart.length) toonHerstel(apart, true, apartSleutel);
  return { sleutels, versie, alles };
}

function opsomming(namen) {
  return namen.length > 1 ? `${namen.slice(0, -1).join(", ")} en ${namen.at(-1)}` : namen[0];
}

/**
 * The notice after a repair, at the top of the page: which part, that what was
 * valid stayed, where the rest is, and a button that downloads it.
 */
function toonHerstel(apart, apartGezet, apartSleutel) {
  const plek = document.querySelector(".md-content__inner");
  if (!plek) return;
  const fouten = apart.flatMap((a) => a.fouten);
  const namen = [...new Set(apart.map((a) => a.deel))].map((d) => DELEN[d] || "alles wat je browser voor deze Wegwijzer bewaarde");
  const vak = document.createElement("div");
  vak.className = "ww-melding ww-melding--opslag ww-melding--hersteld";
  vak.setAttribute("role", "alert");
  vak.innerHTML = '<p><strong></strong> <span></span> <span class="ww-melding__bewaard"></span></p><button type="button" class="md-button">Download wat apart staat</button><button type="button" class="md-button ww-knop--rustig">Sluiten</button>';
  vak.querySelector("strong").textContent = `Let op: een deel van wat je browser bewaarde, had een vorm die deze Wegwijzer niet kent: ${opsomming(namen)}.`;
  vak.querySelector("span").textContent =
    `(${fouten.slice(0, 2).join("; ")}.) Wat klopte, is gebleven. ` +
    (apartGezet
      ? "De rest staat apart in je browser, zodat er niets verloren gaat. Je kunt het als bestand bewaren."
      : "De rest kon je browser niet apart zetten: bewaar het nu als bestand, anders is het weg als je deze pagina sluit.");
  const [download, sluiten] = vak.querySelectorAll("button");
  download.addEventListener("click", () => {
    let inhoud = null;
    try {
      inhoud = apartGezet ? localStorage.getItem(apartSleutel) : null;
    } catch (e) {
      /* below: what this page still holds */
    }
    inhoud ||= JSON.stringify(apart.map(({ deel, waarde }) => ({ deel, waarde })), null, 2);
    const naam = "wegwijzer-apart-gezet.json";
    vak.querySelector(".ww-melding__bewaard").textContent = `Bewaard als ‘${naam}’, meestal in de map Downloads.`;
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([inhoud], { type: "application/json" }));
    a.download = naam;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  sluiten.addEventListener("click", () => vak.remove());
  plek.prepend(vak);
}

const WEG = "Wat je nu doet, is weg als je deze pagina sluit.";
/** Why the browser did not store, in words: [heading, explanation]. */
const REDENEN = {
  vol: ["", `De opslag die je browser websites geeft, is vol. ${WEG} Ruimte maak je door bij de instellingen van je browser de gegevens van andere websites te wissen.`],
  "te-groot": ["Let op: je laatste wijziging is niet bewaard.", `Wat je hier maakte, is groter dan de ruimte die je browser deze website geeft. Wat eerder bewaard was, blijft. ${WEG}`],
  geblokkeerd: ["", `Je browser staat niet toe dat websites iets bewaren. Dat gebeurt in sommige privévensters, en als websitegegevens zijn uitgezet. ${WEG}`],
};

/** The storage warning `vak` (meldingen.js) with the reason: "vol", "te-groot" or "geblokkeerd". */
export function waarom(vak, reden, advies) {
  const [kop, uitleg] = REDENEN[reden];
  if (kop) vak.querySelector("strong").textContent = kop;
  vak.querySelector("span").textContent = `${uitleg} ${advies}`;
}
