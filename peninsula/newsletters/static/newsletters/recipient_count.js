// The compose form: as lists are ticked, ask the admin how many people they reach.
(function () {
  "use strict";
  function setUp(counter) {
    var field = counter.closest("[data-field-input]") || counter.parentElement;
    var number = counter.querySelector("[data-recipient-number]");
    var noun = counter.querySelector("[data-recipient-noun]");
    var asked = 0;
    function update() {
      var params = new URLSearchParams();
      field.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        params.append("lists", box.value);
      });
      var mine = ++asked;
      fetch(counter.dataset.countUrl + "?" + params.toString(), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (mine !== asked) return; // an older answer arriving late
          number.textContent = data.count_display;
          noun.textContent = data.count === 1 ? "recipient" : "recipients";
        });
    }
    field.addEventListener("change", function (event) {
      if (event.target.matches("input[type=checkbox]")) update();
    });
  }
  function start() {
    document.querySelectorAll("[data-recipient-count]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
