/* A saved scan result as a file: what a person keeps, and what a team page reads back.
 * No DOM, so Node can test every kind of file a facilitator may drop in. */

import { MAX_BESTAND, inhoudId, isObject, kaart, scanVorm, teGroot, toets } from "./vorm.js";

export const SOORT = "werkdrukscan";

/** A random id per filled-in scan, so the team page sees when one file is dropped in twice. */
export function uitslagbestand(gids, scan) {
  return { soort: SOORT, gids: { id: gids.id, titel: gids.titel, versie: gids.versie }, id: scan.id, datum: scan.datum, antwoorden: scan.antwoorden };
}

const stellingIds = new WeakMap(); // per data/scan.json: the ids of its statements, made once for many files

/**
 * Read a dropped file against the guide as it is now.
 *
 * Returns {uitslag: {id, datum, antwoorden}, opmerking} for a usable file, or
 * {fout} with a Dutch sentence naming the file. Answers to statements that no
 * longer exist are left out (and said so, with their number); a file of another
 * guide, a file that is not a scan, a file with a value of the wrong kind (an
 * answer that is not 1 to 5, a date that is not a date) or a broken file is refused.
 */
export function leesUitslagbestand(data, tekst, naam) {
  let inhoud;
  try {
    inhoud = JSON.parse(tekst);
  } catch (e) {
    return { fout: `‘${naam}’ is niet te lezen. Het is geen bewaarde uitslag van de werkdrukscan, of het bestand is beschadigd.` };
  }
  if (!isObject(inhoud) || inhoud.soort !== SOORT || inhoud.antwoorden === undefined || inhoud.antwoorden === null) {
    return { fout: `‘${naam}’ is geen uitslag van de werkdrukscan. Kies de bestanden die de scan maakt met ‘Bewaar als bestand’.` };
  }
  const gids = isObject(inhoud.gids) ? inhoud.gids : {};
  // Files of the first releases carry no id; their title tells the guide.
  const zelfdeGids = gids.id ? gids.id === data.gids.id : gids.titel === data.gids.titel;
  if (!zelfdeGids) {
    const titel = typeof gids.titel === "string" && gids.titel ? ` (${gids.titel.slice(0, 80)})` : "";
    return { fout: `‘${naam}’ is een uitslag van een andere Wegwijzer${titel}. Gebruik alleen uitslagen van ${data.gids.titel}.` };
  }
  if (!stellingIds.has(data)) stellingIds.set(data, new Set(data.stellingen.map((s) => s.id)));
  const bestaand = stellingIds.get(data);
  // Only the answers to statements of this version are checked: the others do not count anyway.
  const t = toets();
  let vervallen = 0;
  const eigen = isObject(inhoud.antwoorden) ? kaart() : inhoud.antwoorden;
  if (isObject(inhoud.antwoorden)) {
    for (const [id, waarde] of Object.entries(inhoud.antwoorden)) {
      if (bestaand.has(id)) eigen[id] = waarde;
      else vervallen += 1;
    }
  }
  const scan = scanVorm({ id: inhoud.id, datum: inhoud.datum, antwoorden: eigen }, t);
  if (t.aantal) {
    return { fout: `‘${naam}’ is geen bruikbare uitslag van de werkdrukscan: ${t.fouten.join("; ")}.` };
  }
  const antwoorden = scan.antwoorden;
  if (!Object.keys(antwoorden).length) {
    return { fout: `‘${naam}’ bevat geen antwoorden op de stellingen van deze scan.` };
  }
  const telt = vervallen === 1 ? "1 antwoord telt" : `${vervallen} antwoorden tellen`;
  let opmerking = "";
  if (typeof gids.versie === "string" && gids.versie && gids.versie !== data.gids.versie) {
    opmerking = vervallen
      ? `‘${naam}’ is gemaakt met versie ${gids.versie.slice(0, 40)}; ${telt} niet mee, omdat die stellingen er niet meer in staan.`
      : `‘${naam}’ is gemaakt met versie ${gids.versie.slice(0, 40)}; alle antwoorden tellen mee.`;
  } else if (vervallen) {
    opmerking = `In ‘${naam}’ ${vervallen === 1 ? "telt 1 antwoord" : `tellen ${vervallen} antwoorden`} niet mee, omdat die stellingen niet in deze scan staan.`;
  }
  const id = scan.id || inhoudId(scan.datum, antwoorden);
  return { uitslag: { id, datum: scan.datum, antwoorden }, opmerking };
}

/**
 * Read a file the visitor chose (a File): refused with a Dutch sentence when it is
 * larger than any result could be, before a byte of it is read.
 */
export async function openUitslagbestand(data, bestand) {
  if (bestand.size > MAX_BESTAND) return { fout: teGroot(bestand) };
  return leesUitslagbestand(data, await bestand.text(), bestand.name);
}
