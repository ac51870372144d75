// The portal's search boxes (the header's, the search page's) as WAI-ARIA 1.2 comboboxes:
// titles the reader may see, from /sok/forslag/, while they type. Arrow keys move through
// the suggestions, Enter opens one, Escape closes the list. Without JavaScript the box is
// a plain search form that goes to /sok/. Its words come from the box's data-suggest-*
// attributes (templates/search/includes/suggest_attributes.html), translated there.
(function () {
  "use strict";

  var DELAY = 150;
  var MIN_LENGTH = 2;

  function combobox(input, number) {
    var form = input.form;
    if (!form || input.dataset.suggestReady) {
      return;
    }
    input.dataset.suggestReady = "1";
    var listbox = document.createElement("ul");
    listbox.id = (input.id || "search-box-" + number) + "-suggestions";
    listbox.className = "suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", input.dataset.suggestLabel || "");
    listbox.hidden = true;
    // Announces how many suggestions there are; screen readers do not see the list appear.
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.classList.add("has-suggestions");
    form.appendChild(listbox);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var asked = 0;
    var active = -1;

    function options() {
      return listbox.querySelectorAll('[role="option"]');
    }

    function announce(count) {
      var text;
      if (count === 0) {
        text = input.dataset.suggestNone || "";
      } else if (count === 1) {
        text = input.dataset.suggestOne || "";
      } else {
        text = (input.dataset.suggestMany || "").replace("{count}", String(count));
      }
      status.textContent = text;
    }

    function choose(index) {
      var all = options();
      if (active >= 0 && all[active]) {
        all[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (index < 0 || !all[index]) {
        active = -1;
        input.removeAttribute("aria-activedescendant");
        return;
      }
      all[index].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    }

    function open() {
      if (options().length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      choose(-1);
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function show(suggestions) {
      close();
      listbox.textContent = "";
      suggestions.forEach(function (suggestion, index) {
        var option = document.createElement("li");
        option.id = listbox.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        var title = document.createElement("span");
        title.className = "suggestion-title";
        title.textContent = suggestion.title;
        var kind = document.createElement("span");
        kind.className = "suggestion-kind";
        kind.textContent = suggestion.kind;
        option.appendChild(title);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        listbox.appendChild(option);
      });
      announce(suggestions.length);
      open();
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      var number = ++asked;
      if (text.length < MIN_LENGTH) {
        show([]);
        status.textContent = "";
        return;
      }
      var url = input.dataset.suggestUrl + "?q=" + encodeURIComponent(text);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // Only the answer to the latest text counts.
          if (number === asked && document.activeElement === input) {
            show(data.suggestions || []);
          }
        })
        .catch(function () {
          // No suggestions then; the form still searches.
        });
    }

    function go(option) {
      var url = option ? option.dataset.url || "" : "";
      // Only the portal's own addresses (or web ones): never a javascript: URL.
      if (/^\/(?!\/)/.test(url) || /^https?:\/\//.test(url)) {
        window.location.assign(url);
      }
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var count = options().length;
      var expanded = !listbox.hidden;
      switch (event.key) {
        case "ArrowDown":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
            choose(0);
          } else {
            choose(active + 1 < count ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          if (!count) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
            choose(count - 1);
          } else {
            choose(active > 0 ? active - 1 : count - 1);
          }
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(options()[active]);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      close();
    });

    // Pressing on a suggestion keeps the focus in the box; the click then opens it.
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest('[role="option"]');
      if (option) {
        go(option);
      }
    });
  }

  function start() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    Array.prototype.forEach.call(inputs, combobox);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
