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

  function init(root) {
    root.querySelectorAll("table[data-sortable]:not([data-sortable-ready])").forEach(function (t) {
      t.setAttribute("data-sortable-ready", "");
      makeSortable(t);
    });
    root.querySelectorAll("input[data-filter-table]:not([data-filter-ready])").forEach(function (i) {
      i.setAttribute("data-filter-ready", "");
      makeFilterable(i);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:afterSettle", function (event) { init(event.target); });
})();
