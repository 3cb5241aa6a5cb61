/* Text as the tools write it: escaped HTML, links inside the site, dates. */
import { siteUrl } from "./site.js";

/** Escape text for HTML built in the browser. */
export function html(tekst) {
  return String(tekst).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** A link inside the site as a path (no host), so print never spells out an address after it. */
export function link(item) {
  const url = new URL(siteUrl(item.url));
  return `<a href="${html(url.pathname + url.hash)}">${html(item.titel)}</a>`;
}

/** A date as people write it: 24 november 2026. */
export function datumNl(iso) {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return "";
  const [j, m, d] = iso.split("-").map(Number);
  return new Date(j, m - 1, d).toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });
}

/** Today as YYYY-MM-DD on the visitor's own calendar (not UTC, which is yesterday just after midnight). */
export function vandaag() {
  const nu = new Date();
  return [nu.getFullYear(), nu.getMonth() + 1, nu.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
}
