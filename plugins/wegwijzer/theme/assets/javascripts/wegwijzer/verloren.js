/* A write of this tab lost to another tab's: each tab's browser process keeps its
 * own copy of the storage and hears of another tab's write a moment later, and the
 * last write wins. Two tabs that write at one moment each write on what they knew,
 * and one write is lost although both tabs showed it. opslag.js gives every write
 * an id, kept in `schrijvingen` (the last few) of what is stored; a tab that finds
 * its last write missing makes its changes again on what is stored now, merged per
 * part (`voegSamenMet`). Loaded at the first change from another tab; no DOM, so
 * Node can test it. */

const deelVan = (alles, deel) => (Object.hasOwn(alles, deel) ? alles[deel] : null);

/**
 * `alles` is what is stored now; `samenvoegers` the merge of each part that has one; `lees(tekst)`
 * reads a written text as opslag.js reads what is stored; `schrijver`
 * holds this tab's last writes, each {id, basis, tekst, delen} (what was stored before, what it
 * wrote, the parts it changed), and `drager`, the last stored value seen that was built on the
 * last of them. Returns what to write ({alles, basis, delen}), or null when nothing was lost.
 */
export async function maakOpnieuw(alles, schrijver, samenvoegers, lees) {
  const ids = Array.isArray(alles.schrijvingen) ? alles.schrijvingen : [];
  const laatste = schrijver.geschreven.at(-1).id;
  // Still this tab's own write on top: this process has not yet heard how the other write ended.
  if (ids.at(-1) === laatste) return null;
  // Everything cleared on purpose (or a release that keeps no ids wrote): nothing to make again.
  if (!ids.length) {
    [schrijver.geschreven, schrijver.drager] = [[], null];
    return null;
  }
  // Built on this tab's last write, or on a value that was: nothing lost.
  if (ids.includes(laatste) || ids.includes(schrijver.drager)) {
    schrijver.drager = ids.at(-1);
    return null;
  }
  // Theirs holds this tab's writes up to the last one it names: each change after that is made again, in order.
  const verloren = schrijver.geschreven.slice(schrijver.geschreven.findLastIndex((w) => ids.includes(w.id)) + 1);
  const basis = JSON.stringify(alles);
  const delen = new Set();
  for (const w of verloren) {
    const [voor, na] = [lees(w.basis), lees(w.tekst)];
    for (const deel of w.delen) {
      const [b, m, h] = [deelVan(voor, deel), deelVan(na, deel), deelVan(alles, deel)];
      const f = samenvoegers.get(deel);
      const waarde = f ? await f(b, m, h) : JSON.stringify(m) === JSON.stringify(b) ? h : m;
      if (waarde === null) delete alles[deel];
      else alles[deel] = waarde;
      delen.add(deel);
    }
  }
  // One write that holds them all: if this one is lost too, it is made again as a whole.
  schrijver.geschreven = [];
  return { alles, basis, delen: [...delen] };
}
