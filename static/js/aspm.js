/* ASPM's small scripts: sortable and filterable tables. No inline scripts (strict CSP). */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var raw = cell.getAttribute("data-sort-value");
    return raw !== null ? raw : cell.textContent.trim();
  }

  function compare(a, b) {
    var na = parseFloat(a), nb = parseFloat(b);
    if (!isNaN(na) && !isNaN(nb) && /^-?[\d.,]+%?$/.test(a) && /^-?[\d.,]+%?$/.test(b)) return na - nb;
    return a.localeCompare(b, "en-GB", { numeric: true, sensitivity: "base" });
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (th.hasAttribute("data-nosort") || !th.textContent.trim() || th.querySelector(".visually-hidden:only-child")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (r1, r2) {
            var result = compare(cellValue(r1, index), cellValue(r2, index));
            return ascending ? result : -result;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  function makeFilterable(input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    var status = document.getElementById(input.getAttribute("data-filter-status"));
    if (!table) return;
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var match = !needle || row.textContent.toLowerCase().indexOf(needle) !== -1;
          row.hidden = !match;
          if (match) shown += 1;
        });
      });
      if (status) status.textContent = shown + (shown === 1 ? " row" : " rows") + " shown";
    });
  }

  /* A region that scrolls sideways can be reached and scrolled by keyboard, and is named after its
     table's caption (axe: scrollable-region-focusable). */
  function makeScrollRegion(region) {
    if (region.scrollWidth <= region.clientWidth) return;  // fits: no tab stop that scrolls nothing
    region.setAttribute("data-region-ready", "");
    if (!region.hasAttribute("tabindex")) region.setAttribute("tabindex", "0");
    if (!region.hasAttribute("role")) region.setAttribute("role", "region");
    if (!region.hasAttribute("aria-label") && !region.hasAttribute("aria-labelledby")) {
      var caption = region.querySelector("caption");
      var given = region.getAttribute("data-region-label");
      var name = given || ((caption ? caption.textContent.trim() : "") || "Table") + " (scrolls sideways)";
      region.setAttribute("aria-label", name);
    }
    /* Say so in words: a cut-off column has no other sign that there is more to the right. */
    var previous = region.previousElementSibling;
    if (!previous || !previous.classList.contains("scroll-hint")) {
      var hint = document.createElement("p");
      hint.className = "scroll-hint small text-body-secondary mb-1";
      hint.textContent = "This " + (region.querySelector("table") ? "table" : "chart") +
        " is wider than the screen: scroll it sideways (or select it and use the arrow keys) to see all of it.";
      region.parentNode.insertBefore(hint, region);
    }
  }

  /* Below 576 px a table marked data-stack shows each row as a card: every cell gets the name of
     its column (aspm.css prints it before the value). */
  function makeStackable(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    var names = Array.prototype.map.call(head.cells, function (th) {
      return (th.getAttribute("data-stack-label") || th.textContent).replace(/\s+/g, " ").trim();
    });
    var bodies = Array.prototype.slice.call(table.tBodies);
    if (table.tFoot) bodies.push(table.tFoot);
    bodies.forEach(function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (!cell.hasAttribute("data-label") && names[index]) cell.setAttribute("data-label", names[index]);
        });
      });
    });
  }

  function init(root) {
    root.querySelectorAll("table[data-stack]").forEach(makeStackable);
    root.querySelectorAll(".table-responsive:not([data-region-ready]), .scroll-region:not([data-region-ready])").forEach(makeScrollRegion);
    root.querySelectorAll("table[data-sortable]:not([data-sortable-ready])").forEach(function (t) {
      t.setAttribute("data-sortable-ready", "");
      makeSortable(t);
    });
    root.querySelectorAll("input[data-filter-table]:not([data-filter-ready])").forEach(function (i) {
      i.setAttribute("data-filter-ready", "");
      makeFilterable(i);
    });
  }

  /* GOV.UK error summary: focus it when the page loads; a link to a box puts focus in the box,
   * with its label (or its group's legend) in view above it. */
  function setupErrorSummary(summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var box = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!box) return;
      event.preventDefault();
      var group = box.closest("fieldset");
      var label = document.querySelector("label[for='" + box.id + "']");
      var legend = group ? group.querySelector("legend") : null;
      (legend || label || box).scrollIntoView();
      box.focus({ preventScroll: true });
      if (window.history && window.history.replaceState) window.history.replaceState(null, "", "#" + box.id);
    });
  }

  /* A link from another page (Check your answers) to a box: focus the box. */
  function focusTarget() {
    if (!window.location.hash || document.querySelector("[data-error-summary]")) return;
    var box = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (box && /^(INPUT|SELECT|TEXTAREA)$/.test(box.tagName)) box.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    init(document);
    var summary = document.querySelector("[data-error-summary]");
    if (summary) setupErrorSummary(summary); else focusTarget();
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".table-responsive:not([data-region-ready]), .scroll-region:not([data-region-ready])").forEach(makeScrollRegion);
  });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
  // A form with data-confirm (a delete) asks first, on every page: the question is its attribute.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });
})();
