/* The plan van aanpak as rows, CSV and Markdown. No DOM, so Node can test it. */

export const KOLOMMEN = ["Rang", "Knelpunt", "Oplossing", "Score", "Termijn", "Kosten", "Wie", "Start", "Klaar", "Hoe weten we dat het werkt?"];

/** The chosen oplossingen in the order they were chosen, each once with the knelpunten it answers
 * and its score (the number of criteria it meets). */
export function gekozen(plan) {
  const rijen = new Map();
  for (const k of plan.knelpunten) {
    for (const o of k.oplossingen) {
      if (!rijen.has(o)) rijen.set(o, { oplossing: o, knelpunten: [], volgorde: rijen.size, score: (plan.scores[o] || []).length });
      rijen.get(o).knelpunten.push(k.id);
    }
  }
  return [...rijen.values()];
}

/** The chosen oplossingen ranked by how many criteria they meet; ties keep the order of choosing. */
export function gerangschikt(plan) {
  return gekozen(plan).sort((a, b) => b.score - a.score || a.volgorde - b.volgorde);
}

export function rijen(data, plan) {
  const knelpunt = Object.fromEntries(data.knelpunten.map((k) => [k.id, k]));
  const oplossing = Object.fromEntries(data.oplossingen.map((o) => [o.id, o]));
  return gerangschikt(plan).map((rij, i) => {
    const o = oplossing[rij.oplossing];
    const afspraak = plan.afspraken[rij.oplossing] || {};
    return [
      String(i + 1), rij.knelpunten.map((id) => knelpunt[id].titel).join(", "), o.titel, `${rij.score} van ${data.criteria.length}`,
      data.labels.termijn[o.termijn], data.labels.kosten[o.kosten],
      afspraak.wie || "", afspraak.start || "", afspraak.klaar || "", afspraak.hoe || "",
    ];
  });
}

/** One CSV cell. A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return as a
 * formula; such a cell gets a leading single quote (OWASP, "CSV Injection"), and so does one that
 * already starts with quotes before such a character, as the Python side does (open_data.spreadsheet_cell). */
export function csvVeld(waarde) {
  const tekst = String(waarde ?? "");
  const veilig = /^'*[=+\-@\t\r]/.test(tekst) ? `'${tekst}` : tekst;
  return /[";\r\n]/.test(veilig) ? `"${veilig.replace(/"/g, '""')}"` : veilig;
}

/** CSV as Dutch Excel opens it: semicolons, CRLF, UTF-8 with a byte order mark. */
export function csv(data, plan) {
  return "\ufeff" + [KOLOMMEN, ...rijen(data, plan)].map((rij) => rij.map(csvVeld).join(";")).join("\r\n") + "\r\n";
}

function mdCel(waarde) {
  return waarde.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function markdown(data, plan, datum) {
  const regels = [`# Plan van aanpak werkdruk`, "", `${data.gids.titel}, versie ${data.gids.versie}. Gemaakt op ${datum}.`, ""];
  regels.push(`| ${KOLOMMEN.join(" | ")} |`, `|${KOLOMMEN.map(() => "---").join("|")}|`);
  for (const rij of rijen(data, plan)) regels.push(`| ${rij.map(mdCel).join(" | ")} |`);
  return regels.join("\n") + "\n";
}
