/* The action plan: in-place status changes (htmx) with focus kept in the right place,
   confirmations before deleting, and the print button of work plans. No inline scripts (CSP). */
(function () {
  "use strict";

  // After settle, not after swap: htmx wires the new row's hx-post by then, so a key pressed at
  // once on the focused field submits through htmx, not as a plain form (which leaves the page).
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.elt;
    var row = target && target.id && target.id.indexOf("action-") === 0 ? target : null;
    if (!row) {
      // outerHTML swaps replace the element: find the new one by the request's target id
      var id = event.detail.target && event.detail.target.id;
      row = id ? document.getElementById(id) : null;
    }
    if (!row) return;
    var field = row.querySelector("[aria-invalid='true']") || row.querySelector(".is-invalid") ||
      row.querySelector("[data-autofocus]");
    var button = row.querySelector("button[hx-get]");
    if (row.querySelector("form")) {
      (field || row.querySelector("select, textarea, input:not([type=hidden])")).focus();
    } else if (button) {
      button.focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var form = event.target.closest && event.target.closest(".status-form");
    if (!form) return;
    var cancel = form.querySelector("button[hx-get]");
    if (cancel) cancel.click();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });
})();
