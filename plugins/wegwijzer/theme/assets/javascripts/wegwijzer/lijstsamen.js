/* Three-way merges of lists of ids, for two tabs that changed one list: no DOM,
 * so Node can test them. Linear in the length of the lists. */

/** What `mijn` added to or took from `basis`, done on `hun`. */
export function lijstSamen(basis, mijn, hun) {
  const b = new Set(basis);
  const m = new Set(mijn);
  const h = new Set(hun);
  const uit = hun.filter((x) => !(b.has(x) && !m.has(x)));
  for (const x of mijn) if (!b.has(x) && !h.has(x)) uit.push(x);
  return uit;
}

/** The checklists' ticks ({lijst: [vraagIds]}), each list merged as `lijstSamen` does. */
export function vinkjesSamen(basis, mijn, hun) {
  const [b, m, h] = [basis, mijn, hun].map((x) => x || Object.create(null));
  const samen = Object.create(null);
  for (const lijst of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(h)])) {
    const vinkjes = lijstSamen(b[lijst] || [], m[lijst] || [], h[lijst] || []);
    if (vinkjes.length) samen[lijst] = vinkjes;
  }
  return samen;
}
