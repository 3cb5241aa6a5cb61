/* The plan-van-aanpak builder: from knelpunten to oplossingen, weighed with the
 * lijst van criteria, with who, when and how you know it worked. Kept in this
 * browser; printed as a plan (not as the form), saved as a file to go on later,
 * or downloaded as CSV (for Excel) and Markdown.
 *
 * A plan holds a few of the catalogus's knelpunten and oplossingen, so each is
 * fetched when it comes into the plan (data/plan/...), not the whole catalogus.
 *
 * A plan from a file or from storage is checked first (vorm.js, loaded when
 * needed). Two tabs on the planhulp work on one plan: each change is made on
 * what is stored now (`voegPlanSamen`, samenvoegen.js), and a change in the
 * other tab shows here at once. */
import { csv, gekozen, gerangschikt, markdown } from "./export.js";
import { laadData, laadUitslagDelen } from "./laden.js";
import { datumNl, html, link, vandaag } from "./opmaak.js";
import { bewaar, bijWijziging, kopie, lees, voegSamenMet } from "./opslag.js";
import { biedOngedaanAan, waarschuwAlsNietBewaard } from "./meldingen.js";
import { paginaUrl } from "./site.js";

const SOORT = "plan-van-aanpak";
/** download.js, fetched at the first download: the first view needs none of it. */
const downloadBestand = async (...delen) => (await import("./download.js")).downloadBestand(...delen);

const wortel = document.getElementById("ww-plan");
const afdruk = document.querySelector(".ww-plan__afdruk");
const bestandMelding = wortel.querySelector(".ww-plan__bestandmelding");
const data = await laadData("plan"); // the guide, the criteria and the labels
const knelpuntVan = new Map(); // what is fetched so far, by id (null: not found)
const oplossingVan = new Map();
const leegPlan = () => ({ knelpunten: [], scores: Object.create(null), afspraken: Object.create(null) });
let vorm = null; // vorm.js (what a plan may hold) and samenvoegen.js (how two tabs' plans merge)
let vormBelofte = null;
const laadVorm = () => (vormBelofte ||= Promise.all([import("./vorm.js"), import("./samenvoegen.js")]).then(([v, s]) => (vorm = { ...v, ...s })));
const tekst = (p) => JSON.stringify(p);
// Only what this version of the guide still has: a plan made with an older version keeps the rest.
async function passend(p) {
  const [{ bijwerken }, ids] = await Promise.all([import("./versies.js"), laadData("versies")]);
  return bijwerken(ids, { plan: { ...leegPlan(), ...p } });
}

/** Fetch the knelpunten of plan `p` with their oplossingen, and any chosen oplossing they no longer list. */
async function laadOnderdelen(p) {
  const haal = (soort, id) => laadData(`plan/${soort}/${id}`).catch(() => null); // null: not found, or offline
  await Promise.all(p.knelpunten.filter((k) => !knelpuntVan.get(k.id)).map(async (k) => knelpuntVan.set(k.id, await haal("knelpunten", k.id))));
  const nodig = new Set(p.knelpunten.flatMap((k) => [...(knelpuntVan.get(k.id)?.oplossingen || []), ...k.oplossingen]));
  await Promise.all([...nodig].filter((id) => !oplossingVan.get(id)).map(async (id) => oplossingVan.set(id, await haal("oplossingen", id))));
}

/** The knelpunten and oplossingen fetched, as export.js takes them. */
function metOnderdelen() {
  return { ...data, knelpunten: [...knelpuntVan.values()].filter(Boolean), oplossingen: [...oplossingVan.values()].filter(Boolean) };
}

/** The plan as far as it could be fetched: a knelpunt or oplossing that did not load is left off the page, not out of the plan. */
function zichtbaar(p) {
  return {
    ...p,
    knelpunten: p.knelpunten.filter((k) => knelpuntVan.get(k.id)).map((k) => ({ ...k, oplossingen: k.oplossingen.filter((o) => oplossingVan.get(o)) })),
  };
}

let basis = lees("plan", null); // what this tab last knew to be stored (checked by opslag.js), or null
// A copy: the plan changes in place as the visitor types; `basis` stays what was stored.
let plan = basis ? kopie((await passend(basis)).opgeslagen.plan) : leegPlan();
await laadOnderdelen(plan);

/**
 * Store the plan. When another tab stored a change since this tab last looked,
 * this tab's changes are made on that one, and the page shows the result.
 */
function opslaan() {
  const hun = lees("plan", null);
  if (tekst(hun) !== tekst(basis)) {
    if (!vorm) {
      laadVorm().then(opslaan); // a moment later, merged: the change stays on the page meanwhile
      return;
    }
    const samen = vorm.voegPlanSamen(basis, plan, hun);
    const anders = tekst(vorm.planVorm(samen)) !== tekst(vorm.planVorm(plan));
    plan = samen;
    if (anders) laadOnderdelen(plan).then(tekenOpnieuw);
  }
  // A write that failed left `hun` in storage: the next write must not take that for the other tab's work.
  basis = bewaar("plan", plan.knelpunten.length ? plan : null) ? lees("plan", null) : hun;
}

// This tab's changes, made again on another tab's plan written at the same moment (opslag.js).
voegSamenMet("plan", async (basis, mijn, hun) => {
  await laadVorm();
  const samen = vorm.voegPlanSamen(basis, mijn || leegPlan(), hun);
  return samen.knelpunten.length ? samen : null;
});

// The other tab changed the plan: take its changes over, keeping this tab's own.
bijWijziging(async () => {
  if (tekst(lees("plan", null)) === tekst(basis)) return;
  await laadVorm();
  const hun = lees("plan", null);
  if (tekst(hun) === tekst(basis)) return; // merged meanwhile, by a change here
  const eigen = tekst(vorm.planVorm(plan)) !== tekst(vorm.planVorm(basis));
  plan = vorm.voegPlanSamen(basis, plan, hun);
  basis = hun;
  if (eigen) opslaan();
  await laadOnderdelen(plan);
  tekenOpnieuw();
});

let toevoegen = Promise.resolve(false);
/** Add knelpunt `id` (fetching it first); two quick adds still come in the order they were asked. */
function voegToe(id) {
  toevoegen = toevoegen.then(() => voegToeNu(id));
  return toevoegen;
}

async function voegToeNu(id) {
  if (!id || plan.knelpunten.some((k) => k.id === id)) return false;
  const keuze = { id, oplossingen: [] };
  await laadOnderdelen({ knelpunten: [keuze] });
  if (!knelpuntVan.get(id) || plan.knelpunten.some((k) => k.id === id)) return false;
  plan.knelpunten.push(keuze);
  return true;
}

function labels(o) {
  return `<span class="ww-label">${html(data.labels.termijn[o.termijn])}</span> <span class="ww-label">${html(data.labels.kosten[o.kosten])}</span>`;
}

function tekenKnelpunten() {
  const vak = wortel.querySelector(".ww-plan__knelpunten");
  vak.innerHTML = zichtbaar(plan).knelpunten
    .map((gekozen) => {
      const k = knelpuntVan.get(gekozen.id);
      const aangevinkt = new Set(gekozen.oplossingen);
      const keuzes = k.oplossingen
        .filter((oid) => oplossingVan.get(oid))
        .map((oid) => {
          const o = oplossingVan.get(oid);
          const aan = aangevinkt.has(oid) ? " checked" : "";
          return `<li><label><input type="checkbox" data-knelpunt="${k.id}" value="${oid}"${aan}> <span>${html(o.titel)}<br>${labels(o)}</span></label></li>`;
        })
        .join("");
      return `<section class="ww-kaart" data-knelpunt="${k.id}"><h3 class="ww-kaart__titel">${link(k)}</h3>
        <fieldset><legend>Welke oplossingen wil je proberen?</legend><ul class="ww-vinklijst">${keuzes}</ul></fieldset>
        <button type="button" class="md-button ww-knop--rustig" data-verwijder="${k.id}">Haal dit knelpunt uit het plan</button></section>`;
    })
    .join("");
}

/** One card per oplossing, each criterion a toggle. The questions decide only between two or
 * more oplossingen, and fold on a phone (a page of 9,000 px); an opened card stays open. */
function tekenScores() {
  const rijen = gekozen(zichtbaar(plan)); // stable order, so ticking does not move the card under the thumb
  const vak = wortel.querySelector(".ww-plan__scores");
  if (!rijen.length) {
    vak.innerHTML = "<p>Kies eerst bij stap 1 een of meer oplossingen.</p>";
    return;
  }
  const open = new Set([...vak.querySelectorAll("details[open][data-weging]")].map((d) => d.dataset.weging));
  const ruim = rijen.length > 1 && window.matchMedia("(min-width: 45em)").matches;
  const uitleg = rijen.length > 1
    ? ""
    : "<p>Je koos één oplossing: er valt niets af te wegen. Ga door naar stap 3.</p>";
  vak.innerHTML = uitleg + rijen
    .map((r) => {
      const o = oplossingVan.get(r.oplossing);
      const aangevinkt = new Set(plan.scores[r.oplossing] || []);
      const vinkjes = data.criteria
        .map((c) => {
          const aan = aangevinkt.has(c.id) ? " checked" : "";
          return `<li><label><input type="checkbox" data-oplossing="${o.id}" value="${c.id}"${aan}> <span><strong>${html(c.titel)}</strong><br><span class="ww-criterium__vraag">${html(c.vraag)}</span></span></label></li>`;
        })
        .join("");
      const openen = ruim || open.has(o.id) ? " open" : "";
      return `<fieldset class="ww-kaart ww-weging"><legend class="ww-weging__titel">${html(o.titel)}</legend>
        <p class="ww-weging__score" data-score-van="${o.id}">${r.score} van ${data.criteria.length} vragen met ja</p>
        <details class="ww-weging__vragen" data-weging="${html(o.id)}"${openen}><summary>De ${data.criteria.length} vragen voor deze oplossing</summary>
        <ul class="ww-vinklijst ww-criteria-keuze">${vinkjes}</ul></details></fieldset>`;
    })
    .join("");
}

function tekenAfspraken() {
  const vak = wortel.querySelector(".ww-plan__afspraken");
  vak.innerHTML = gerangschikt(zichtbaar(plan))
    .map((r, i) => {
      const o = oplossingVan.get(r.oplossing);
      const a = plan.afspraken[r.oplossing] || {};
      const tekst = (naam, label) =>
        `<p class="ww-veld"><label for="${naam}-${o.id}">${label}</label><textarea id="${naam}-${o.id}" rows="1" data-afspraak="${o.id}" name="${naam}">${html(a[naam] || "")}</textarea></p>`;
      const datum = (naam, label) =>
        `<p class="ww-veld"><label for="${naam}-${o.id}">${label}</label><input id="${naam}-${o.id}" type="date" data-afspraak="${o.id}" name="${naam}" value="${html(a[naam] || "")}"></p>`;
      return `<section class="ww-kaart ww-afspraak"><h3 class="ww-kaart__titel">${i + 1}. ${link(o)}</h3>
        <p class="ww-kaart__labels">Voor: ${html(r.knelpunten.map((id) => knelpuntVan.get(id).titel).join(", "))} · ${r.score} van ${data.criteria.length} vragen met ja</p>
        ${tekst("wie", "Wie zorgt ervoor?")}<div class="ww-datums">${datum("start", "Start")}${datum("klaar", "Klaar op")}</div><p class="ww-veld__fout" role="alert" data-datumfout="${o.id}">${datumFout(a)}</p>${tekst("hoe", "Hoe weten we dat het werkt?")}</section>`;
    })
    .join("") || "<p>Nog geen oplossingen gekozen.</p>";
  vak.querySelectorAll("textarea").forEach(groei);
}

function datumFout(a) {
  return a.start && a.klaar && a.klaar < a.start ? "‘Klaar op’ ligt vóór de start. Kijk de datums nog even na." : "";
}

/** Free text grows with what is typed, so nothing is ever cut off. */
function groei(veld) {
  veld.style.height = "auto";
  veld.style.height = `${veld.scrollHeight + 2}px`;
}

function tekenTelling() {
  const k = plan.knelpunten.length;
  const o = gekozen(plan).length;
  wortel.querySelector(".ww-plan__telling").textContent =
    `${k} ${k === 1 ? "knelpunt" : "knelpunten"}, ${o} ${o === 1 ? "oplossing" : "oplossingen"} gekozen`;
}

/** The plan as it goes on paper: per knelpunt its chosen oplossingen and agreements, and nothing of the form. */
function tekenAfdruk() {
  const gemaakt = datumNl(vandaag());
  const kop = `<h1>Plan van aanpak werkdruk</h1><p class="ww-afdruk__bron">${html(data.gids.titel)}, versie ${html(data.gids.versie)} · gemaakt op ${gemaakt}</p>`;
  const metOplossing = zichtbaar(plan).knelpunten.filter((k) => k.oplossingen.length);
  if (!metOplossing.length) {
    afdruk.innerHTML = `${kop}<p>Dit plan is nog leeg: er is nog geen oplossing gekozen.</p>`;
    return;
  }
  const rang = new Map(gerangschikt(zichtbaar(plan)).map((r, i) => [r.oplossing, i]));
  const nogAfspreken = "<em>nog afspreken</em>";
  const delen = metOplossing.map((k) => {
    const oplossingen = [...k.oplossingen].sort((a, b) => rang.get(a) - rang.get(b)).map((id) => {
      const o = oplossingVan.get(id);
      const a = plan.afspraken[id] || {};
      const veld = (label, waarde) => `<dt>${label}</dt><dd>${waarde ? html(waarde).replace(/\n/g, "<br>") : nogAfspreken}</dd>`;
      const periode = a.start && a.klaar ? `${datumNl(a.start)} tot ${datumNl(a.klaar)}`
        : a.start ? `vanaf ${datumNl(a.start)}` : a.klaar ? `klaar op ${datumNl(a.klaar)}` : "";
      return `<section class="ww-afdruk__oplossing"><h3>${html(o.titel)}</h3>
        <p class="ww-afdruk__labels">${html(data.labels.termijn[o.termijn])} · ${html(data.labels.kosten[o.kosten])} · ${(plan.scores[id] || []).length} van ${data.criteria.length} vragen met ja</p>
        <dl>${veld("Wie zorgt ervoor", a.wie)}${veld("Wanneer", periode)}${veld("Hoe weten we dat het werkt", a.hoe)}</dl></section>`;
    });
    return `<section class="ww-afdruk__knelpunt"><h2>${html(knelpuntVan.get(k.id).titel)}</h2>${oplossingen.join("")}</section>`;
  });
  const zonder = zichtbaar(plan).knelpunten.filter((k) => !k.oplossingen.length).map((k) => html(knelpuntVan.get(k.id).titel));
  const rest = zonder.length ? `<p class="ww-afdruk__rest">Nog zonder gekozen oplossing: ${zonder.join(", ")}.</p>` : "";
  afdruk.innerHTML = kop + delen.join("") + rest;
}

function teken() {
  tekenKnelpunten();
  tekenScores();
  tekenAfspraken();
  tekenTelling();
  tekenAfdruk();
}

/** Draw again after a change from elsewhere, keeping the field the visitor is typing in (and the caret). */
function tekenOpnieuw() {
  const actief = document.activeElement;
  const id = actief && actief !== document.body && wortel.contains(actief) ? actief.id : "";
  const selectie = id && typeof actief.selectionStart === "number" ? [actief.selectionStart, actief.selectionEnd] : null;
  teken();
  const terug = id ? document.getElementById(id) : null;
  if (!terug) return;
  terug.focus();
  if (selectie) terug.setSelectionRange(...selectie);
}

wortel.addEventListener("change", (e) => {
  const el = e.target;
  if (el.dataset.knelpunt) {
    const keuze = plan.knelpunten.find((k) => k.id === el.dataset.knelpunt);
    if (!keuze) return;
    const zonder = keuze.oplossingen.filter((o) => o !== el.value);
    keuze.oplossingen = el.checked ? [...zonder, el.value] : zonder;
    opslaan();
    tekenScores();
    tekenAfspraken();
  } else if (el.dataset.oplossing) {
    const zonder = (plan.scores[el.dataset.oplossing] || []).filter((c) => c !== el.value);
    plan.scores[el.dataset.oplossing] = el.checked ? [...zonder, el.value] : zonder;
    opslaan();
    tekenAfspraken();
    for (const r of gekozen(zichtbaar(plan))) {
      const score = wortel.querySelector(`[data-score-van="${CSS.escape(r.oplossing)}"]`);
      if (score) score.textContent = `${r.score} van ${data.criteria.length} vragen met ja`;
    }
  } else if (el.dataset.afspraak && el.type === "date") {
    const afspraak = (plan.afspraken[el.dataset.afspraak] ||= {});
    afspraak[el.name] = el.value;
    opslaan();
    const fout = wortel.querySelector(`[data-datumfout="${CSS.escape(el.dataset.afspraak)}"]`);
    if (fout) fout.textContent = datumFout(plan.afspraken[el.dataset.afspraak] || afspraak);
  } else {
    return;
  }
  tekenTelling();
  tekenAfdruk();
});

// Keep every keystroke of the agreements, so nothing typed is lost on a reload.
wortel.addEventListener("input", (e) => {
  const el = e.target;
  if (!el.dataset.afspraak) return;
  (plan.afspraken[el.dataset.afspraak] ||= {})[el.name] = el.value;
  if (el.tagName === "TEXTAREA") groei(el);
  opslaan();
  tekenAfdruk();
});

function vervang(nieuw, tekst) {
  const was = plan;
  plan = nieuw;
  opslaan();
  teken();
  if (was.knelpunten.length) {
    biedOngedaanAan(wortel.querySelector(".ww-plan__wisplek"), tekst, () => {
      plan = was;
      opslaan();
      teken();
    });
  }
}

wortel.addEventListener("click", async (e) => {
  const knop = e.target.closest("button");
  if (!knop) return;
  const actie = knop.dataset.actie;
  const melding = wortel.querySelector(".ww-plan__melding");
  if (knop.dataset.verwijder) {
    const was = kopie(plan);
    const titel = knelpuntVan.get(knop.dataset.verwijder)?.titel || knop.dataset.verwijder;
    plan.knelpunten = plan.knelpunten.filter((k) => k.id !== knop.dataset.verwijder);
    opslaan();
    teken();
    biedOngedaanAan(wortel.querySelector(".ww-plan__knelpunten").parentElement, `‘${titel}’ is uit het plan gehaald.`, () => {
      plan = was;
      opslaan();
      teken();
    });
    return;
  } else if (actie === "toevoegen") {
    await voegToe(wortel.querySelector("#plan-knelpunt").value);
  } else if (actie === "uit-scan") {
    const scan = lees("scan", null);
    const uitslag = scan ? await laadUitslagDelen() : null;
    const top = scan ? uitslag.topKnelpunten(uitslag.data, scan.antwoorden || {}, 3) : [];
    let nieuw = 0;
    for (const r of top) nieuw += (await voegToe(r.knelpunt.id)) ? 1 : 0;
    melding.textContent = !top.length
      ? "Er is nog geen uitslag met knelpunten op dit apparaat. Vul eerst de werkdrukscan in."
      : nieuw ? `${nieuw === 1 ? "1 knelpunt" : `${nieuw} knelpunten`} uit je scan toegevoegd.` : "De top 3 uit je scan staat al in het plan.";
    if (!top.length) melding.insertAdjacentHTML("beforeend", ` <a href="${new URL(paginaUrl("werkdrukscan")).pathname}">Naar de werkdrukscan</a>`);
  } else if (actie === "printen") {
    tekenAfdruk();
    window.print();
    return;
  } else if (actie === "csv") {
    downloadBestand("plan-van-aanpak.csv", csv(metOnderdelen(), zichtbaar(plan)), "text/csv;charset=utf-8", bestandMelding);
    return;
  } else if (actie === "markdown") {
    downloadBestand("plan-van-aanpak.md", markdown(metOnderdelen(), zichtbaar(plan), vandaag()), "text/markdown;charset=utf-8", bestandMelding);
    return;
  } else if (actie === "bewaren") {
    const inhoud = { soort: SOORT, gids: { id: data.gids.id, titel: data.gids.titel, versie: data.gids.versie }, datum: vandaag(), plan };
    downloadBestand(`plan-van-aanpak-${inhoud.datum}.json`, JSON.stringify(inhoud, null, 2), "application/json", bestandMelding);
    return;
  } else if (actie === "wissen") {
    vervang(leegPlan(), "Het plan is gewist.");
    return;
  } else {
    return;
  }
  opslaan();
  teken();
});

wortel.querySelector("[data-actie=openen]").addEventListener("change", async (e) => {
  const bestand = e.target.files[0];
  e.target.value = "";
  if (!bestand) return;
  const melding = bestandMelding;
  // Checked before it replaces anything: size, kind, guide and the type of every value.
  const { MAX_BESTAND, leesPlanbestand, teGroot } = await laadVorm();
  const gelezen = bestand.size > MAX_BESTAND ? { fout: teGroot(bestand) } : leesPlanbestand(data.gids, await bestand.text(), bestand.name);
  if (gelezen.fout) {
    melding.textContent = gelezen.fout;
    return;
  }
  const { opgeslagen, weg } = await passend(gelezen.plan);
  await laadOnderdelen(opgeslagen.plan);
  const kwijt = weg.knelpunten + weg.oplossingen;
  melding.textContent = `Het plan uit ‘${bestand.name}’ is geopend${gelezen.datum ? ` (bewaard op ${datumNl(gelezen.datum)})` : ""}.`
    + (kwijt ? ` ${kwijt === 1 ? "1 onderdeel staat" : `${kwijt} onderdelen staan`} niet in deze versie van de Wegwijzer en ${kwijt === 1 ? "is" : "zijn"} weggelaten.` : "")
    + (gelezen.dubbel ? ` ${gelezen.dubbel === 1 ? "1 onderdeel stond" : `${gelezen.dubbel} onderdelen stonden`} er dubbel in; ${gelezen.dubbel === 1 ? "dat telt" : "die tellen"} één keer.` : "");
  vervang(opgeslagen.plan, `Je vorige plan is vervangen door het plan uit ‘${bestand.name}’.`);
});

// In a long catalogus: first a factor, then its knelpunten, fetched for that factor.
const factorKeuze = wortel.querySelector("#plan-factor");
factorKeuze?.addEventListener("change", async () => {
  const lijst = wortel.querySelector("#plan-knelpunt");
  const factor = factorKeuze.value;
  lijst.disabled = true;
  const knelpunten = factor ? await laadData(`plan/factoren/${factor}`).catch(() => null) : null;
  if (factor !== factorKeuze.value) return; // another factor was chosen meanwhile
  const eerste = knelpunten ? "Kies een knelpunt" : factor ? "De knelpunten konden niet worden geladen; kies de factor opnieuw" : "Kies eerst een factor";
  lijst.replaceChildren(new Option(eerste, ""), ...(knelpunten || []).map((k) => new Option(k.titel, k.id)));
  lijst.disabled = !knelpunten;
});

window.addEventListener("beforeprint", tekenAfdruk);
waarschuwAlsNietBewaard(wortel, "Kies bij stap 4 ‘Bewaar als bestand’ voordat je de pagina sluit.");
teken();
