/* The annual report on screen: its sections are the PDF's, whose tables are laid out for A4. On a
   narrow screen each table scrolls sideways inside its own box instead of widening the page; aspm.js
   (on DOMContentLoaded, after this file runs) makes the boxes that do scroll keyboard-reachable and
   names them after their tables' captions. */
(function () {
  "use strict";
  document.querySelectorAll("article.annual-report table").forEach(function (table) {
    if (table.parentElement.classList.contains("table-responsive")) return;
    var box = document.createElement("div");
    box.className = "table-responsive";
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  });
})();
