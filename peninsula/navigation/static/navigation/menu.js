// The header menu: on a phone it folds behind the Menu button, and entries with links under
// them open as dropdowns. Progressive enhancement: without this script every link shows.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  var nav = document.querySelector("[data-nav]");
  var toggle = document.querySelector("[data-nav-toggle]");
  if (!nav) return;

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  if (toggle) {
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      setOpen(toggle, open);
      nav.classList.toggle("is-open", open);
    });
  }

  var subs = Array.prototype.slice.call(nav.querySelectorAll("[data-nav-sub]"));
  function closeAll(except) {
    subs.forEach(function (button) {
      if (button !== except) setOpen(button, false);
    });
  }
  subs.forEach(function (button) {
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      closeAll(button);
      setOpen(button, open);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = subs.filter(function (b) { return b.getAttribute("aria-expanded") === "true"; });
    if (open.length) {
      closeAll();
      open[0].focus();
    } else if (toggle && toggle.getAttribute("aria-expanded") === "true") {
      setOpen(toggle, false);
      nav.classList.remove("is-open");
      toggle.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) closeAll();
  });
  nav.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !nav.contains(event.relatedTarget)) closeAll();
  });
})();
