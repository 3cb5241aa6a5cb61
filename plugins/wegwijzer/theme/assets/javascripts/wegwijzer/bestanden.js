/* A saved scan result as a file: what a person keeps, and what a team page reads back.
 * No DOM, so Node can test every kind of file a facilitator may drop in. */

export const SOORT = "werkdrukscan";

/** A random id per filled-in scan, so the team page sees when one file is dropped in twice. */
export function uitslagbestand(gids, scan) {
  return { soort: SOORT, gids: { id: gids.id, titel: gids.titel, versie: gids.versie }, id: scan.id, datum: scan.datum, antwoorden: scan.antwoorden };
}

/**
 * Read a dropped file against the guide as it is now.
 *
 * Returns {uitslag: {id, datum, antwoorden}, opmerking} for a usable file, or
 * {fout} with a Dutch sentence naming the file. Answers to statements that no
 * longer exist are left out (and said so); a file of another guide, a file that
 * is not a scan, or a broken file is refused.
 */
export function leesUitslagbestand(data, tekst, naam) {
  let inhoud;
  try {
    inhoud = JSON.parse(tekst);
  } catch (e) {
    return { fout: `‘${naam}’ is niet te lezen. Het is geen bewaarde uitslag van de werkdrukscan, of het bestand is beschadigd.` };
  }
  if (!inhoud || typeof inhoud !== "object" || inhoud.soort !== SOORT || !inhoud.antwoorden || typeof inhoud.antwoorden !== "object") {
    return { fout: `‘${naam}’ is geen uitslag van de werkdrukscan. Kies de bestanden die de scan maakt met ‘Bewaar als bestand’.` };
  }
  const gids = inhoud.gids || {};
  // Files of the first releases carry no id; their title tells the guide.
  const zelfdeGids = gids.id ? gids.id === data.gids.id : gids.titel === data.gids.titel;
  if (!zelfdeGids) {
    return { fout: `‘${naam}’ is een uitslag van een andere Wegwijzer${gids.titel ? ` (${gids.titel})` : ""}. Gebruik alleen uitslagen van ${data.gids.titel}.` };
  }
  const bestaand = new Set(data.stellingen.map((s) => s.id));
  const antwoorden = {};
  let vervallen = 0;
  for (const [id, waarde] of Object.entries(inhoud.antwoorden)) {
    if (!bestaand.has(id)) vervallen += 1;
    else if (Number.isInteger(waarde) && waarde >= 1 && waarde <= 5) antwoorden[id] = waarde;
  }
  if (!Object.keys(antwoorden).length) {
    return { fout: `‘${naam}’ bevat geen antwoorden op de stellingen van deze scan.` };
  }
  let opmerking = "";
  if (gids.versie && gids.versie !== data.gids.versie) {
    opmerking = vervallen
      ? `‘${naam}’ is gemaakt met versie ${gids.versie}; ${vervallen === 1 ? "1 antwoord telt" : `${vervallen} antwoorden tellen`} niet mee, omdat die stellingen er niet meer in staan.`
      : `‘${naam}’ is gemaakt met versie ${gids.versie}; alle antwoorden tellen mee.`;
  }
  const id = typeof inhoud.id === "string" && inhoud.id ? inhoud.id : `inhoud:${inhoud.datum || ""}:${JSON.stringify(Object.entries(antwoorden).sort())}`;
  return { uitslag: { id, datum: inhoud.datum || null, antwoorden }, opmerking };
}
