/* The way back into the short route. A reader who leaves an MKB step for more
 * detail (a substep, the scan, the oplossingen) finds, on the page they land on,
 * one link back to that step, where GOV.UK puts its back link: above the title.
 * Without JavaScript the browser's own back button does the same. */
import { siteUrl } from "./opslag.js";

const PARAMETER = "van";

// On an MKB step: every link in the text that leaves the short route says where it came from.
const mkbStap = document.querySelector("[data-mkb-stap]")?.dataset.mkbStap;
if (mkbStap) {
  for (const a of document.querySelectorAll(".md-content a[href]")) {
    const doel = new URL(a.href, location.href);
    if (doel.origin !== location.origin || doel.pathname.includes("/mkb/")) continue;
    const [pad, anker] = a.getAttribute("href").split("#");
    a.setAttribute("href", `${pad}${pad.includes("?") ? "&" : "?"}${PARAMETER}=mkb-${mkbStap}${anker ? `#${anker}` : ""}`);
  }
}

// On the page they land on: one link back, replacing the page's own "back" link if it has one.
const van = /^mkb-([1-9])$/.exec(new URLSearchParams(location.search).get(PARAMETER) || "");
const inhoud = document.querySelector(".md-content__inner");
if (van && inhoud) {
  const terug = document.createElement("a");
  terug.className = "ww-terug ww-terug--mkb";
  terug.href = new URL(siteUrl(`mkb/stap-${van[1]}/`)).pathname;
  terug.textContent = `← Terug naar stap ${van[1]} van de korte route`;
  const eigen = inhoud.querySelector(".ww-terug");
  if (eigen) eigen.replaceWith(terug);
  else inhoud.prepend(terug);
}

/* The way back into a scan result, and from an oplossing straight into the plan. A reader who
 * opens a knelpunt or oplossing from their result (or the team's) finds "Terug naar je uitslag"
 * in the same place; an oplossing opened from a result card can go into the plan at once, under
 * the knelpunt of that card. The result is drawn after the page loads, so its links get the
 * parameter when they are followed (a click, also by keyboard), not when the page loads. */
const UITSLAGEN = { "ww-uitslag": "uitslag", "ww-teamuitslag": "teamuitslag" };
document.addEventListener("click", (e) => {
  const a = e.target.closest?.("a[href]");
  const uitslag = a?.closest("#ww-uitslag, #ww-teamuitslag");
  if (!uitslag || a.closest(".ww-uitslag__knoppen")) return;
  const doel = new URL(a.href, location.href);
  if (doel.origin !== location.origin) return;
  doel.searchParams.set(PARAMETER, UITSLAGEN[uitslag.id]);
  const kaart = a.closest(".ww-kaart")?.querySelector(".ww-kaart__titel a");
  const knelpunt = kaart && /\/knelpunten\/([^/]+)\/?$/.exec(new URL(kaart.href, location.href).pathname);
  if (knelpunt && kaart !== a) doel.searchParams.set("knelpunt", decodeURIComponent(knelpunt[1]));
  a.href = doel.href;
});

const vanUitslag = new URLSearchParams(location.search).get(PARAMETER);
if (inhoud && !van && (vanUitslag === "uitslag" || vanUitslag === "teamuitslag")) {
  const team = vanUitslag === "teamuitslag";
  const terug = document.createElement("a");
  terug.className = "ww-terug ww-terug--mkb";
  terug.href = `${new URL(siteUrl(team ? "scan/team/" : "scan/")).pathname}#${team ? "ww-teamuitslag" : "ww-uitslag"}`;
  terug.textContent = team ? "← Terug naar de teamuitslag" : "← Terug naar je uitslag";
  const eigen = inhoud.querySelector(".ww-terug");
  if (eigen) eigen.replaceWith(terug);
  else inhoud.prepend(terug);
  const knelpunt = new URLSearchParams(location.search).get("knelpunt");
  const oplossing = /\/oplossingen\/([^/]+)\/?$/.exec(location.pathname);
  if (knelpunt && oplossing) zetInPlanKnop(terug, knelpunt, decodeURIComponent(oplossing[1]));
}

/** "Zet in mijn plan": this oplossing, under the knelpunt it was shown for, into the planhulp's plan. */
async function zetInPlanKnop(na, knelpunt, oplossing) {
  const { bewaar, lees } = await import("./opslag.js");
  const vak = document.createElement("p");
  vak.className = "ww-inplan";
  const knop = document.createElement("button");
  knop.type = "button";
  knop.className = "md-button md-button--primary";
  knop.textContent = "Zet in mijn plan";
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  const naarPlan = `<a href="${new URL(siteUrl("plan/")).pathname}">naar de planhulp</a>`;
  const staatErin = () => {
    const plan = lees("plan", null);
    return Boolean(plan && Array.isArray(plan.knelpunten) && plan.knelpunten.some((k) => k && k.id === knelpunt && Array.isArray(k.oplossingen) && k.oplossingen.includes(oplossing)));
  };
  const toon = () => {
    const erin = staatErin();
    knop.hidden = erin;
    status.innerHTML = erin ? `Deze oplossing staat in je plan. Ga verder ${naarPlan}.` : "";
  };
  knop.addEventListener("click", () => {
    const bewaard = lees("plan", null);
    const plan = bewaard && Array.isArray(bewaard.knelpunten) ? bewaard : { knelpunten: [], scores: {}, afspraken: {} };
    let keuze = plan.knelpunten.find((k) => k && k.id === knelpunt);
    if (!keuze) plan.knelpunten.push((keuze = { id: knelpunt, oplossingen: [] }));
    if (!Array.isArray(keuze.oplossingen)) keuze.oplossingen = [];
    if (!keuze.oplossingen.includes(oplossing)) keuze.oplossingen.push(oplossing);
    if (!bewaar("plan", plan)) {
      status.textContent = "Dit apparaat kon het plan niet bewaren. Kies de oplossing in de planhulp.";
      return;
    }
    toon();
    status.querySelector("a")?.focus();
  });
  window.addEventListener("storage", toon);
  vak.append(knop, " ", status);
  na.after(vak);
  toon();
}
