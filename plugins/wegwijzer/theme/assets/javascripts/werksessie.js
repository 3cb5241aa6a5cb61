/* The draaiboek's clock: choose the start time and every time in the schedule follows.
 * Each <time data-minuut="N"> is N minutes after the start. Without JavaScript the
 * schedule shows the start time of the catalogus. */
(function () {
  "use strict";
  var input = document.getElementById("ww-begintijd");
  if (!input) return;

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function update() {
    var parts = (input.value || "09:00").split(":");
    var start = parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10);
    Array.prototype.forEach.call(document.querySelectorAll("time[data-minuut]"), function (el) {
      var t = (start + parseInt(el.getAttribute("data-minuut"), 10)) % (24 * 60);
      el.textContent = pad(Math.floor(t / 60)) + ":" + pad(t % 60);
    });
  }

  input.parentNode.hidden = false;
  input.addEventListener("input", update);
  input.addEventListener("change", update);
})();
