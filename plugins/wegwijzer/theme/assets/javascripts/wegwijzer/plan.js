/* The plan-van-aanpak builder: from knelpunten to oplossingen, ranked with the
 * lijst van criteria, with who, when and how you know it worked. Kept in this
 * browser; printed or downloaded as CSV (for Excel) and Markdown. */
import { csv, gekozen, gerangschikt, markdown } from "./export.js";
import { topKnelpunten } from "./ranking.js";
import { bewaar, downloadBestand, html, laadData, lees, siteUrl } from "./opslag.js";

const wortel = document.getElementById("ww-plan");
const sleutel = `${wortel.dataset.sleutel}:plan`;
const data = await laadData();
const knelpuntVan = Object.fromEntries(data.knelpunten.map((k) => [k.id, k]));
const oplossingVan = Object.fromEntries(data.oplossingen.map((o) => [o.id, o]));
let plan = lees(sleutel, null) || { knelpunten: [], scores: {}, afspraken: {} };

function opslaan() {
  bewaar(sleutel, plan.knelpunten.length ? plan : null);
}

function link(item) {
  return `<a href="${html(siteUrl(item.url))}">${html(item.titel)}</a>`;
}

function voegToe(id) {
  if (!knelpuntVan[id] || plan.knelpunten.some((k) => k.id === id)) return;
  plan.knelpunten.push({ id, oplossingen: [] });
}

function tekenKnelpunten() {
  const vak = wortel.querySelector(".ww-plan__knelpunten");
  vak.innerHTML = plan.knelpunten
    .map((gekozen) => {
      const k = knelpuntVan[gekozen.id];
      const keuzes = k.oplossingen
        .map((oid) => {
          const o = oplossingVan[oid];
          const aan = gekozen.oplossingen.includes(oid) ? " checked" : "";
          return `<li><label><input type="checkbox" data-knelpunt="${k.id}" value="${oid}"${aan}> ${html(o.titel)}</label> <span class="ww-label">${html(data.labels.termijn[o.termijn])}</span> <span class="ww-label">${html(data.labels.kosten[o.kosten])}</span></li>`;
        })
        .join("");
      return `<section class="ww-kaart" data-knelpunt="${k.id}"><h3 class="ww-kaart__titel">${link(k)}</h3>
        <fieldset><legend>Welke oplossingen wil je proberen?</legend><ul class="ww-vinklijst">${keuzes}</ul></fieldset>
        <button type="button" class="md-button ww-klein" data-verwijder="${k.id}">Verwijder dit knelpunt</button></section>`;
    })
    .join("");
}

function tekenScores() {
  const rijen = gekozen(plan); // stable rows, so ticking does not move the row under the cursor
  const vak = wortel.querySelector(".ww-plan__scores");
  if (!rijen.length) {
    vak.innerHTML = "<p>Kies eerst bij stap 1 een of meer oplossingen.</p>";
    return;
  }
  const kop = data.criteria.map((c, i) => `<th scope="col"><abbr title="${html(c.titel)}">${i + 1}</abbr></th>`).join("");
  const body = rijen
    .map((r) => {
      const cellen = data.criteria
        .map((c, i) => {
          const aan = (plan.scores[r.oplossing] || []).includes(c.id) ? " checked" : "";
          return `<td><input type="checkbox" data-oplossing="${r.oplossing}" value="${c.id}" aria-label="${html(oplossingVan[r.oplossing].titel)}: ${html(c.titel)}"${aan}></td>`;
        })
        .join("");
      return `<tr><th scope="row">${html(oplossingVan[r.oplossing].titel)}</th>${cellen}<td class="ww-plan__score" data-score-van="${r.oplossing}">${r.score}</td></tr>`;
    })
    .join("");
  const uitleg = data.criteria.map((c) => `<li><strong>${html(c.titel)}.</strong> ${html(c.vraag)}</li>`).join("");
  vak.innerHTML = `<div class="ww-tabelrol"><table class="ww-plan__tabel"><caption>Vink aan waar de oplossing aan voldoet</caption><thead><tr><th scope="col">Oplossing</th>${kop}<th scope="col">Score</th></tr></thead><tbody>${body}</tbody></table></div><ol class="ww-criteria">${uitleg}</ol>`;
}

function tekenAfspraken() {
  const vak = wortel.querySelector(".ww-plan__afspraken");
  const rijen = gerangschikt(plan);
  vak.innerHTML = rijen
    .map((r, i) => {
      const o = oplossingVan[r.oplossing];
      const a = plan.afspraken[r.oplossing] || {};
      const veld = (naam, label, type = "text") =>
        `<p class="ww-veld"><label for="${naam}-${o.id}">${label}</label><input id="${naam}-${o.id}" type="${type}" data-afspraak="${o.id}" name="${naam}" value="${html(a[naam] || "")}"></p>`;
      return `<section class="ww-kaart ww-afspraak"><h3 class="ww-kaart__titel">${i + 1}. ${link(o)}</h3>
        <p class="ww-kaart__labels">Voor: ${html(r.knelpunten.map((id) => knelpuntVan[id].titel).join(", "))} · score ${r.score} van ${data.criteria.length}</p>
        ${veld("wie", "Wie zorgt ervoor?")}${veld("start", "Start", "date")}${veld("klaar", "Klaar op", "date")}${veld("hoe", "Hoe weten we dat het werkt?")}</section>`;
    })
    .join("") || "<p>Nog geen oplossingen gekozen.</p>";
}

function tekenTelling() {
  wortel.querySelector(".ww-plan__telling").textContent =
    `${plan.knelpunten.length} knelpunten, ${gekozen(plan).length} oplossingen gekozen`;
}

function teken() {
  tekenKnelpunten();
  tekenScores();
  tekenAfspraken();
  tekenTelling();
}

wortel.addEventListener("change", (e) => {
  const el = e.target;
  if (el.dataset.knelpunt) {
    const gekozen = plan.knelpunten.find((k) => k.id === el.dataset.knelpunt);
    gekozen.oplossingen = el.checked ? [...gekozen.oplossingen, el.value] : gekozen.oplossingen.filter((o) => o !== el.value);
  } else if (el.dataset.oplossing) {
    const lijst = plan.scores[el.dataset.oplossing] || [];
    plan.scores[el.dataset.oplossing] = el.checked ? [...lijst, el.value] : lijst.filter((c) => c !== el.value);
  } else {
    return; // agreements are kept as they are typed (below); redrawing would move the cursor
  }
  opslaan();
  if (el.dataset.knelpunt) {
    tekenScores();
    tekenAfspraken();
  } else {
    tekenAfspraken();
    for (const r of gekozen(plan)) wortel.querySelector(`[data-score-van="${r.oplossing}"]`).textContent = r.score;
  }
  tekenTelling();
});

// Keep every keystroke of the agreements, so nothing typed is lost on a reload.
wortel.addEventListener("input", (e) => {
  const el = e.target;
  if (!el.dataset.afspraak) return;
  (plan.afspraken[el.dataset.afspraak] ||= {})[el.name] = el.value;
  opslaan();
});

wortel.addEventListener("click", (e) => {
  const knop = e.target.closest("button");
  if (!knop) return;
  const actie = knop.dataset.actie;
  if (knop.dataset.verwijder) {
    plan.knelpunten = plan.knelpunten.filter((k) => k.id !== knop.dataset.verwijder);
  } else if (actie === "toevoegen") {
    voegToe(wortel.querySelector("#plan-knelpunt").value);
  } else if (actie === "uit-scan") {
    const scan = lees(`${wortel.dataset.sleutel}:scan`, null);
    const top = scan ? topKnelpunten(data, scan.antwoorden, 3) : [];
    top.forEach((r) => voegToe(r.knelpunt.id));
    wortel.querySelector(".ww-plan__melding").textContent = top.length
      ? `${top.length} knelpunten uit je scan toegevoegd.`
      : "Er is nog geen scan met knelpunten op dit apparaat. Vul eerst de werkdrukscan in.";
  } else if (actie === "printen") {
    window.print();
    return;
  } else if (actie === "csv") {
    downloadBestand("plan-van-aanpak.csv", csv(data, plan), "text/csv;charset=utf-8");
    return;
  } else if (actie === "markdown") {
    downloadBestand("plan-van-aanpak.md", markdown(data, plan, new Date().toISOString().slice(0, 10)), "text/markdown;charset=utf-8");
    return;
  } else if (actie === "wissen") {
    plan = { knelpunten: [], scores: {}, afspraken: {} };
  } else {
    return;
  }
  opslaan();
  teken();
});

teken();
wortel.hidden = false;
