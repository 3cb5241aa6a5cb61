/* Filters for the knelpunten and oplossingen indexes.
 *
 * Without JavaScript the form stays hidden and the whole list shows. With it, a
 * card shows when, for every filter that has a choice, one of its values is
 * chosen (within one filter: or; between filters: and). The choice lives in the
 * URL (?termijn=quick-win&niveau=team), so a filtered view can be shared.
 */
(function () {
  "use strict";

  function setUp(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".ww-resultaten > .ww-kaart"));
    var fields = Array.prototype.slice.call(form.elements).filter(function (el) { return el.name; });
    var names = fields.map(function (el) { return el.name; }).filter(function (n, i, all) { return all.indexOf(n) === i; });
    var count = form.querySelector(".ww-filter__telling");
    var groep = form.querySelector("select[name=groep]");
    var factor = form.querySelector("select[name=factor]");

    function chosen() {
      var choice = {};
      names.forEach(function (name) { choice[name] = []; });
      fields.forEach(function (el) {
        if ((el.type === "checkbox" && el.checked) || (el.tagName === "SELECT" && el.value)) {
          choice[el.name].push(el.value);
        }
      });
      return choice;
    }

    function matches(card, choice) {
      return names.every(function (name) {
        if (!choice[name].length) return true;
        var values = (card.getAttribute("data-" + name) || "").split(" ");
        return choice[name].some(function (value) { return values.indexOf(value) >= 0; });
      });
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

    function apply(updateUrl) {
      narrowFactors();
      var choice = chosen();
      var shown = 0;
      cards.forEach(function (card) {
        var show = matches(card, choice);
        card.hidden = !show;
        if (show) shown += 1;
      });
      count.textContent = shown + " van " + cards.length + " " + count.getAttribute("data-eenheid");
      if (updateUrl) {
        var params = new URLSearchParams();
        names.forEach(function (name) { choice[name].forEach(function (v) { params.append(name, v); }); });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    var params = new URLSearchParams(location.search);
    fields.forEach(function (el) {
      var values = params.getAll(el.name);
      if (el.type === "checkbox") el.checked = values.indexOf(el.value) >= 0;
      else if (el.tagName === "SELECT" && values.length) el.value = values[0];
    });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.hidden = false;
    apply(false);
  }

  Array.prototype.forEach.call(document.querySelectorAll("form.ww-filter"), setUp);
})();
