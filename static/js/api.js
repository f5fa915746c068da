/* The API tokens page: copy a new token to the clipboard, and say so. No inline scripts (CSP). */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById(button.getAttribute("data-copy-target"));
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      function done(message) { if (status) status.textContent = message; }
      input.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(
          function () { done("Copied to the clipboard."); },
          function () { done("Could not copy: select the token and copy it yourself."); }
        );
      } else {
        done(document.execCommand && document.execCommand("copy") ? "Copied to the clipboard." : "Selected: press Ctrl+C (or ⌘C) to copy.");
      }
    });
  });
  var fresh = document.getElementById("new-token");
  if (fresh) fresh.focus();
})();
