/* What the tools fetch once they need it, once per page. */
import { gids, siteUrl } from "./site.js";

const dataBeloftes = Object.create(null);
/**
 * One of the tools' data files (pages/tooldata.py) by its name below data/:
 * "scan" (what the scan ranks), "plan", "plan/knelpunten/<id>" or "versies" (ids only).
 */
export function laadData(bestand) {
  // The version in the address: a browser never combines this page with a cached file of another version.
  dataBeloftes[bestand] ||= fetch(siteUrl(`data/${bestand.split("/").map(encodeURIComponent).join("/")}.json?versie=${encodeURIComponent(gids().versie || "")}`))
    .then((antwoord) => (antwoord.ok ? antwoord.json() : Promise.reject(new Error(`${bestand}: ${antwoord.status}`))))
    .catch((fout) => {
      delete dataBeloftes[bestand]; // offline or gone: a later call tries again
      throw fout;
    });
  return dataBeloftes[bestand];
}

let uitslagDelen = null;
/**
 * What a scan or team result needs: the rules (ranking.js), how it is shown
 * (weergave.js), result files (bestanden.js) and data/scan.json, in one object.
 * The scan and team pages load it when a result is first asked for or stored,
 * so their first view downloads none of it.
 */
export function laadUitslagDelen() {
  uitslagDelen ||= Promise.all([import("./ranking.js"), import("./weergave.js"), import("./bestanden.js"), laadData("scan")]).then(
    ([ranking, weergave, bestanden, data]) => ({ ...ranking, ...weergave, ...bestanden, data }),
  );
  return uitslagDelen;
}
