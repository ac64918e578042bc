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

  // Search boxes suggest the titles of pages while typing (an ARIA 1.2 combobox): arrow keys
  // move through the suggestions, Enter opens one, Escape closes the list. Without JavaScript
  // the form simply submits.
  document.querySelectorAll(".js-autocomplete").forEach(function (form, formIndex) {
    var input = form.querySelector("input[name=q]");
    var url = form.dataset.suggestionsUrl;
    if (!input || !url) { return; }
    var listId = "suggestions-" + formIndex;
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.listLabel || "");
    list.hidden = true;
    // How many suggestions there are, read out politely. A plain live region, not a second
    // role=status on the page: that role stays with the page's messages.
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    // The list hangs below the row of box and button (the form itself in the header).
    input.parentNode.appendChild(list);
    form.appendChild(status);
    // A combobox is a text box in HTML (a search box may not take the role): the phone's
    // keyboard still offers "search" on its Enter key.
    input.type = "text";
    input.setAttribute("enterkeyhint", "search");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    var items = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    function open() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, position) {
        option.setAttribute("aria-selected", String(position === index));
      });
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", list.children[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function show(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (suggestion, position) {
        var option = document.createElement("li");
        option.id = listId + "-" + position;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = suggestion.title;
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(suggestion.url);
        });
        list.appendChild(option);
      });
      active = -1;
      if (suggestions.length) {
        open();
      } else {
        close();
      }
      var label = suggestions.length === 1 ? form.dataset.one : form.dataset.many;
      status.textContent = suggestions.length ? (label || "").replace("%s", suggestions.length) : "";
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) { show([]); return; }
      timer = window.setTimeout(function () {
        var request = ++latest;
        fetch(url + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) { if (request === latest) { show(data.suggestions || []); } })
          .catch(function () { show([]); });
      }, 200);
    });

    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        // Arrow down opens the list again after Escape, on its first suggestion.
        if (event.key === "ArrowDown" && items.length && input.value.trim().length >= 2) {
          event.preventDefault();
          open();
          mark(0);
        }
        return;
      }
      if (event.key === "ArrowDown") {
        event.preventDefault();
        mark((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        mark(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].url);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  });
})();
