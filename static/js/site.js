// Progressive enhancements of the public site. Everything works without JavaScript.
(function () {
  "use strict";

  // E-mail addresses are rendered as "name(at)domain" so harvesters find no address;
  // readers with JavaScript get a normal mailto link.
  document.querySelectorAll("a.js-email").forEach(function (link) {
    var address = link.dataset.user + "@" + link.dataset.domain;
    link.href = "mailto:" + address;
    link.textContent = address;
  });

  // The main menu collapses behind a button on small screens.
  var toggle = document.querySelector(".main-nav__toggle");
  var list = document.getElementById("main-nav-list");
  if (toggle && list) {
    toggle.hidden = false;
    document.documentElement.classList.add("has-js");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", String(!open));
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  // Search forms leave out what says nothing (an empty search, "all", the default order), so
  // that the addresses people share stay short.
  document.querySelectorAll(".js-short-url-form").forEach(function (form) {
    var omittable = form.querySelectorAll("[data-omit-if]");
    form.addEventListener("submit", function () {
      omittable.forEach(function (field) {
        field.disabled = field.value === field.dataset.omitIf;
      });
    });
    // Coming back through the browser's history shows the form as it was left.
    window.addEventListener("pageshow", function () {
      omittable.forEach(function (field) { field.disabled = false; });
    });
  });

  // The library's filters take a whole screen on a phone: there they start folded, unless
  // some are chosen. Without JavaScript they are simply open.
  var facets = document.querySelector(".js-facets");
  if (facets && window.matchMedia("(max-width: 60rem)").matches && !facets.querySelector("input:checked")) {
    facets.open = false;
  }
})();
