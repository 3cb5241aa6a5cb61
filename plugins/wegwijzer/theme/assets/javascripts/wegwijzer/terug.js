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
