// Follows an import run in the admin: polls its status URL, updates the progress line and
// bar, and reloads the page (which then shows the report) when the run has finished.
// A static file rather than an inline script, so the page works under the site's CSP.
(function () {
  "use strict";
  var box = document.getElementById("import-run");
  if (!box || box.dataset.finished === "true") return;
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.finished) { window.location.reload(); return; }
        if (data.stage) {
          document.getElementById("import-progress").textContent =
            data.stage + ": " + data.done + " of " + data.total;
          var bar = document.getElementById("import-bar");
          bar.max = data.total; bar.value = data.done;
        }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
