/* Why the browser did not store a write, for whoever asked: "vol", "te-groot"
 * or "geblokkeerd" (in words: herstel.js). */

const luisteraars = new Set();
let laatste = null; // why the last write failed, null after one that worked

/** null when a tiny write under `sleutel` works, else "vol" or "geblokkeerd". */
function proef(sleutel) {
  try {
    localStorage.setItem(sleutel, "1");
    localStorage.removeItem(sleutel);
    return null;
  } catch (e) {
    return /quota/i.test(e?.name) ? "vol" : "geblokkeerd";
  }
}

/** A write worked. */
export function gelukt() {
  laatste = null;
}

/** A write failed with `e`: find out why and tell every listener. */
export function mislukt(e, proefSleutel) {
  laatste = !/quota/i.test(e?.name) ? "geblokkeerd" : proef(proefSleutel) || "te-groot";
  luisteraars.forEach((f) => f(laatste));
}

/** Call `f(reden)` whenever a write fails, and at once when this browser stores nothing at all. */
export function bijMislukken(f, proefSleutel) {
  luisteraars.add(f);
  const nu = laatste || proef(proefSleutel);
  if (nu) f(nu);
}
