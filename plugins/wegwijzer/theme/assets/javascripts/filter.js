/* Filters for the knelpunten and oplossingen indexes.
 *
 * The form is in the HTML from the start, with the count of the whole list, so
 * nothing moves when this script runs. Without JavaScript the stylesheet
 * (scripting: none) hides it and the whole list shows.
 *
 * A card shows when, for every filter that has a choice, one of its values is
 * chosen (within one filter: or; between filters: and). The choice lives in the
 * URL (?termijn=quick-win&niveau=team), so a filtered view can be shared and
 * survives a reload.
 *
 * On a narrow screen CSS folds the fields away behind a "Filter (n)" button
 * (n: the number of choices made), so the first screen shows results; the
 * "Toon ..." button folds them again. When nothing fits, a sentence names the
 * filters to loosen, next to a button that clears them all.
 *
 * A long list shows its first cards only, and keeps all of them on its page
 * alle/ (data-alle on the list). The first time a filter is used, or a filtered
 * address is opened, that page is fetched and its cards take the place of the
 * first ones, so a filter always looks through the whole list. If it cannot be
 * fetched, the sentence under the filter says so and links to it.
 */
(function () {
  "use strict";

  // "Quick win" -> "quick win" inside a sentence; a word like "ICT" stays as it is.
  function inSentence(text) {
    text = text.trim();
    return /^.[a-zà-ÿ]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  }

  // ["a", "b", "c"] -> "a, b en c"
  function enumerate(parts, word) {
    if (parts.length < 2) return parts.join("");
    return parts.slice(0, -1).join(", ") + " " + word + " " + parts[parts.length - 1];
  }

  function setUp(form) {
    var list = document.querySelector(".ww-resultaten");
    var cards = Array.prototype.slice.call(document.querySelectorAll(".ww-resultaten > .ww-kaart"));
    var rest = list && list.getAttribute("data-alle"); // the page with every card, while only the first are here
    var total = rest ? Number(list.getAttribute("data-totaal")) : cards.length;
    var fetching = null;
    var fetchFailed = false;
    var fields = Array.prototype.slice.call(form.elements).filter(function (el) { return el.name; });
    var names = fields.map(function (el) { return el.name; }).filter(function (n, i, all) { return all.indexOf(n) === i; });
    var count = form.querySelector(".ww-filter__telling");
    var unit = count.getAttribute("data-eenheid");
    var toggle = form.querySelector(".ww-filter__knop");
    var chosenCount = form.querySelector(".ww-filter__aantal");
    var show = form.querySelector(".ww-filter__toon");
    var empty = document.getElementById(form.getAttribute("data-leeg"));
    var sentence = empty && empty.querySelector(".ww-filter__zin");
    var clear = empty && empty.querySelector(".ww-filter__wis");
    var groep = form.querySelector("select[name=groep]");
    var factor = form.querySelector("select[name=factor]");

    // What a filter is called on screen: its legend, or the label of its list.
    function titleOf(el) {
      var fieldset = el.closest("fieldset");
      var label = fieldset ? fieldset.querySelector("legend") : form.querySelector("label[for='" + el.id + "']");
      return label ? label.textContent.trim() : el.name;
    }

    // What a chosen value is called on screen.
    function valueOf(el) {
      return el.tagName === "SELECT" ? el.selectedOptions[0].textContent : el.closest("label").textContent;
    }

    function chosen() {
      var choice = {};
      names.forEach(function (name) { choice[name] = []; });
      fields.forEach(function (el) {
        if ((el.type === "checkbox" && el.checked) || (el.tagName === "SELECT" && el.value)) {
          choice[el.name].push(el);
        }
      });
      return choice;
    }

    function matches(card, choice) {
      return names.every(function (name) {
        if (!choice[name].length) return true;
        var values = (card.getAttribute("data-" + name) || "").split(" ");
        return choice[name].some(function (el) { return values.indexOf(el.value) >= 0; });
      });
    }

    // "Niveau: team of individu en Kosten: hoge kosten", and how many filters that is.
    function describe(choice) {
      var parts = names.filter(function (name) { return choice[name].length; }).map(function (name) {
        var values = choice[name].map(function (el) { return inSentence(valueOf(el)); });
        return titleOf(choice[name][0]) + ": " + enumerate(values, "of");
      });
      return { text: enumerate(parts, "en"), filters: parts.length };
    }

    // A factor list that only offers the factors of the chosen group.
    function narrowFactors() {
      if (!groep || !factor) return;
      Array.prototype.forEach.call(factor.options, function (option) {
        var fits = !option.value || !groep.value || option.getAttribute("data-groep") === groep.value;
        option.hidden = !fits;
        option.disabled = !fits;
      });
      if (factor.selectedOptions[0] && factor.selectedOptions[0].disabled) factor.value = "";
    }

    // Every card, from the page alle/; its links are made to work from this page.
    function fetchAll() {
      var address = new URL(rest, location.href);
      fetching = fetching || fetch(address.href).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      }).then(function (text) {
        var page = new DOMParser().parseFromString(text, "text/html");
        var all = Array.prototype.map.call(page.querySelectorAll(".ww-resultaten > .ww-kaart"), function (card) {
          Array.prototype.forEach.call(card.querySelectorAll("a[href]"), function (a) {
            var target = new URL(a.getAttribute("href"), address);
            a.setAttribute("href", target.pathname + target.hash);
          });
          return document.adoptNode(card);
        });
        list.replaceChildren.apply(list, all);
        cards = all;
        rest = null;
        var more = document.querySelector(".ww-lijst-meer");
        if (more) more.hidden = true;
      }).catch(function () {
        fetchFailed = true;
        fetching = null;
      });
      return fetching;
    }

    // Apply the choice; first fetch every card if a filter is chosen and only the first are here.
    function update(updateUrl) {
      var any = names.some(function (name) { return chosen()[name].length; });
      if (rest && any) fetchAll().then(function () { apply(updateUrl); });
      else apply(updateUrl);
    }

    function apply(updateUrl) {
      narrowFactors();
      var choice = chosen();
      var shown = 0;
      var made = 0;
      cards.forEach(function (card) {
        var fits = matches(card, choice);
        card.hidden = !fits;
        if (fits) shown += 1;
      });
      names.forEach(function (name) { made += choice[name].length; });
      if (rest && !made) shown = total; // nothing chosen: the whole list, of which the first cards are here
      count.textContent = shown + " van " + total + " " + unit;
      if (chosenCount) chosenCount.textContent = "(" + made + ")";
      if (show) show.textContent = "Toon " + shown + " " + (shown === 1 ? show.getAttribute("data-een") : unit);
      if (sentence) {
        var active = describe(choice);
        var none = shown === 0 && active.filters > 0;
        sentence.textContent = none
          ? "Geen " + unit + " met " + active.text + ". " +
            (active.filters > 1 ? "Laat een van deze filters los." : "Laat dit filter los.")
          : "";
        clear.hidden = !none;
        if (rest && made && fetchFailed) {
          sentence.textContent = "De filter zocht alleen in de eerste " + cards.length + " " + unit +
            ", want de hele lijst kon niet worden geladen. ";
          var link = document.createElement("a");
          link.href = rest;
          link.textContent = "Bekijk alle " + total + " " + unit;
          sentence.appendChild(link);
        }
      }
      if (updateUrl) {
        var params = new URLSearchParams();
        names.forEach(function (name) { choice[name].forEach(function (el) { params.append(name, el.value); }); });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // The Filter button only shows on a narrow screen; on a wide one the fields are always open.
    function folds() {
      return !!toggle && getComputedStyle(toggle).display !== "none";
    }

    function open(yes) {
      toggle.setAttribute("aria-expanded", yes ? "true" : "false");
      form.classList.toggle("ww-filter--open", yes);
    }

    // Fold the fields and bring the filter bar, with the results under it, back into view.
    function fold() {
      open(false);
      toggle.focus({ preventScroll: true });
      var top = form.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) form.scrollIntoView({ block: "start" });
    }

    var params = new URLSearchParams(location.search);
    fields.forEach(function (el) {
      var values = params.getAll(el.name);
      if (el.type === "checkbox") el.checked = values.indexOf(el.value) >= 0;
      else if (el.tagName === "SELECT" && values.length) el.value = values[0];
    });

    form.addEventListener("change", function () { update(true); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (folds()) fold();
    });
    form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
    if (toggle) {
      toggle.addEventListener("click", function () { open(toggle.getAttribute("aria-expanded") !== "true"); });
      form.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && folds() && toggle.getAttribute("aria-expanded") === "true") fold();
      });
    }
    if (clear) {
      clear.addEventListener("click", function () {
        form.reset();
        // the button goes away with the message: keep the focus in the form
        var next = folds() ? toggle : fields[0];
        if (next) next.focus();
      });
    }
    update(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.ww-filter"), setUp);
})();
