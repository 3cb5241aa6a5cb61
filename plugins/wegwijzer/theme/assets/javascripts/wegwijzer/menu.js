/* The menu drawer (phone, zoom) for keyboard users; why: tests/test_keyboard.py.
 * Closed it is inert (wegwijzer.css also hides it); its button is a button
 * (Enter/Space, aria-expanded); opening moves focus in, Escape closes and returns
 * focus. pageshow unticks the toggles (Material's autocomplete=off: material_markup.py).
 * Material opens the menu and its sections with labels; a label may not be a button
 * itself (ARIA in HTML), so the button is a span inside it that fills it. */
const lade = document.getElementById("__drawer");
const menuLabel = document.querySelector('.md-header__button[for="__drawer"]');
const menu = document.querySelector(".md-sidebar--primary");
const alsLade = matchMedia("(max-width: 76.234375em)"); // Material's breakpoint

function zet() {
  menu.inert = alsLade.matches && !lade.checked;
  knop.setAttribute("aria-expanded", String(lade.checked && alsLade.matches));
}

/** The button inside `label`: it takes the label's content, focus and keys; a click on it is the label's. */
function alsKnop(label) {
  const knop = document.createElement("span");
  knop.className = "ww-labelknop";
  knop.setAttribute("role", "button");
  knop.tabIndex = 0;
  knop.append(...label.childNodes);
  label.append(knop);
  // Material makes a section's label focusable; one stop, the button. It stays `label[tabindex]`: Material's own code finds it so
  if (label.hasAttribute("tabindex")) label.tabIndex = -1;
  // a section's button says whether it is open (not the back button in its title, which only closes it)
  const schakel = label.classList.contains("md-nav__link") && label.htmlFor !== "__drawer" && document.getElementById(label.htmlFor);
  if (schakel) {
    const bij = () => knop.setAttribute("aria-expanded", String(schakel.checked));
    bij();
    schakel.addEventListener("change", bij);
  }
  const sectie = !knop.textContent.trim() && label.closest(".md-nav__container")?.querySelector("a")?.textContent.trim();
  if (sectie) knop.setAttribute("aria-label", `Onderdelen van ${sectie}`);
  knop.addEventListener("keydown", (e) => {
    if ((e.key !== "Enter" && e.key !== " ") || e.target !== knop) return;
    e.preventDefault(); // no scrolling on Space
    e.stopPropagation(); // Material clicks a label on Enter too
    label.click();
  });
  return knop;
}

const knop = lade && menuLabel && menu ? alsKnop(menuLabel) : null;
if (knop) {
  menu.id ||= "ww-menu";
  knop.setAttribute("aria-controls", menu.id);
  knop.setAttribute("aria-label", "Menu");
  for (const label of menu.querySelectorAll("label.md-nav__title[for], label.md-nav__link[for]")) {
    if (label.htmlFor !== "__drawer") alsKnop(label);
  }
  lade.addEventListener("change", () => {
    zet();
    if (lade.checked && alsLade.matches && document.activeElement === knop) {
      requestAnimationFrame(() => [...menu.querySelectorAll("a[href], [role=button]")].find((el) => el.checkVisibility({ visibilityProperty: true }))?.focus());
    }
  });
  alsLade.addEventListener("change", zet);
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !lade.checked || !alsLade.matches || document.querySelector("dialog[open]")) return;
    lade.checked = false;
    zet();
    knop.focus();
  });
  // Tab past the drawer's last link closes it: the page is under its overlay
  menu.addEventListener("focusout", (e) => {
    if (lade.checked && alsLade.matches && e.relatedTarget && !menu.contains(e.relatedTarget) && e.relatedTarget !== knop) {
      lade.checked = false;
      zet();
    }
  });
  addEventListener("pageshow", () => {
    for (const toggle of document.querySelectorAll("[data-md-toggle]")) toggle.checked = false;
    zet();
  });
  zet();
}
