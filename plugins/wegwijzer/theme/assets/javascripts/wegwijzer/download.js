/* A file made in the browser, offered as a download: nothing is sent anywhere. */

/** Offer `inhoud` as a file download; `melding` (an element) says where it went. */
export function downloadBestand(naam, inhoud, type, melding) {
  if (melding) melding.textContent = `Bewaard als ‘${naam}’, meestal in de map Downloads.`;
  const url = URL.createObjectURL(new Blob([inhoud], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = naam;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
