/* Meetings and partnership health: small helpers (no inline scripts under the CSP). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // "Mark everyone present" on the attendance form.
    document.querySelectorAll("[data-attendance-all]").forEach(function (button) {
      button.addEventListener("click", function () {
        var value = button.getAttribute("data-attendance-all");
        var form = button.closest("form");
        form.querySelectorAll('input[type="radio"][value="' + value + '"]').forEach(function (radio) {
          radio.checked = true;
        });
      });
    });
    // The sub-group choice matters only for a sub-group meeting.
    var kind = document.getElementById("id_kind");
    var subgroup = document.getElementById("div_id_subgroup");
    if (kind && subgroup) {
      var sync = function () { subgroup.hidden = kind.value !== "subgroup"; };
      kind.addEventListener("change", sync);
      sync();
    }
  });
})();
