// One page view, counted by the site itself: a POST to /views/<page id>/ (never cached),
// with no cookie read or set and nothing about the reader sent. The page stays cacheable.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-url");
  if (!url || document.visibilityState === "prerender") return;
  if (navigator.sendBeacon) {
    navigator.sendBeacon(url);
  } else if (window.fetch) {
    fetch(url, { method: "POST", credentials: "omit", keepalive: true });
  }
})();
