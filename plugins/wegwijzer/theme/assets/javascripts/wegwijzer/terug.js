/* The reading routes (pages/leesroutes.py). A page on a route shows that
 * route from the build. A link from a route page to a page off the route (a "Lees meer",
 * the scan, an oplossing) carries ?van=<route>-<n>: the page it lands on hides its own
 * route and offers the way back to halte n, above the title (where GOV.UK puts its back
 * link) and below the text, and its own links keep that way back. A shared page on the
 * route (the scan on the werknemer route) shows that route when `van` names it.
 * Without JavaScript every page shows its own route, and the browser's back button
 * does the rest. */
import { idVan, paginaUrl, siteUrl } from "./site.js";

const PARAMETER = "van";
const routes = JSON.parse(document.getElementById("ww-leesroutes")?.textContent || "{}");
const inhoud = document.querySelector(".md-content__inner");
const routeDelen = [...document.querySelectorAll("[data-leesroute]")];
const pad = (url) => new URL(siteUrl(url)).pathname;
/** The page's own back link, not one inside a route it does not show. */
const eigenTerug = () => [...(inhoud?.querySelectorAll(".ww-terug") || [])].find((a) => !a.closest("[hidden]")) || null;
const van = /^(mkb|hr|werknemer)-([0-9]{1,3})$/.exec(new URLSearchParams(location.search).get(PARAMETER) || "");
const route = van && Object.hasOwn(routes, van[1]) ? routes[van[1]] : null;
const halte = route ? route.haltes[Number(van[2])] : null;

/** The position links from this page carry: the route it shows, or the detour's way back. */
let hier = document.querySelector(".ww-leesroute:not([hidden])")?.dataset.van || "";
if (halte && routeDelen.some((e) => e.dataset.leesroute === van[1])) {
  for (const e of routeDelen) e.hidden = e.dataset.leesroute !== van[1];
  hier = routeDelen.find((e) => e.dataset.leesroute === van[1] && e.dataset.van).dataset.van;
} else if (halte && inhoud) {
  for (const e of routeDelen) e.hidden = true;
  hier = van[0];
  const stap = /^Stap ([1-9])/.exec(halte.titel);
  const tekst = `← Terug naar ${stap ? `stap ${stap[1]} van ${route.naam}` : `‘${halte.titel}’`}`;
  const terug = (klasse) => Object.assign(document.createElement("a"), { className: klasse, href: pad(halte.url), textContent: tekst });
  const eigen = eigenTerug();
  if (eigen) eigen.replaceWith(terug("ww-terug ww-terug--route"));
  else inhoud.prepend(terug("ww-terug ww-terug--route"));
  const onder = document.createElement("nav");
  onder.className = "ww-bladeren ww-bladeren--terug";
  onder.setAttribute("aria-label", "Terug naar je route");
  onder.append(terug("ww-terug--onder"));
  inhoud.append(onder);
}

// Links that leave the route say where they came from; on the short route a step of the
// long route is the same step of the short one.
if (hier) {
  const [routeId] = hier.split("-");
  const eigenRoute = routes[routeId];
  const opRoute = new Map((eigenRoute?.haltes || []).map((h) => [pad(h.url), h]));
  const korteStap = new Map((routes.mkb?.haltes || []).filter((h) => h.stap).map((h) => [h.stap, h]));
  const langeStap = new Map((routes.hr?.haltes || []).filter((h) => h.stap).map((h) => [pad(h.url), h.stap]));
  for (const a of document.querySelectorAll(".md-content a[href]")) {
    if (a.closest("[data-leesroute], .ww-bladeren--terug, .ww-terug")) continue;
    const doel = new URL(a.href, location.href);
    if (doel.origin !== location.origin || doel.searchParams.has(PARAMETER) || /\.[a-z0-9]+$/i.test(doel.pathname)) continue;
    if (doel.pathname === location.pathname) continue; // a place on this page
    if (routeId === "mkb" && langeStap.has(doel.pathname) && korteStap.has(langeStap.get(doel.pathname))) {
      a.setAttribute("href", pad(korteStap.get(langeStap.get(doel.pathname)).url) + doel.hash);
      continue;
    }
    const opDeRoute = opRoute.get(doel.pathname);
    if (opDeRoute && !opDeRoute.gedeeld) continue; // that page shows this route itself
    doel.searchParams.set(PARAMETER, hier);
    a.setAttribute("href", doel.pathname + doel.search + doel.hash);
  }
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
  const knelpunt = kaart && idVan("knelpunt", kaart.href);
  if (knelpunt && kaart !== a) doel.searchParams.set("knelpunt", knelpunt);
  a.href = doel.href;
});

const vanUitslag = new URLSearchParams(location.search).get(PARAMETER);
if (inhoud && !van && (vanUitslag === "uitslag" || vanUitslag === "teamuitslag")) {
  const team = vanUitslag === "teamuitslag";
  const terug = document.createElement("a");
  terug.className = "ww-terug ww-terug--mkb";
  terug.href = `${new URL(paginaUrl(team ? "teamuitslag" : "werkdrukscan")).pathname}#${team ? "ww-teamuitslag" : "ww-uitslag"}`;
  terug.textContent = team ? "← Terug naar de teamuitslag" : "← Terug naar je uitslag";
  const eigen = eigenTerug();
  if (eigen) eigen.replaceWith(terug);
  else inhoud.prepend(terug);
  const knelpunt = new URLSearchParams(location.search).get("knelpunt");
  const oplossing = idVan("oplossing", location.href);
  if (knelpunt && oplossing) zetInPlanKnop(terug, knelpunt, oplossing);
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
  const naarPlan = `<a href="${new URL(paginaUrl("planhulp")).pathname}">naar de planhulp</a>`;
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
