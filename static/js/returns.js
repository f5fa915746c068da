/* Quarterly return form: nothing typed is lost.
 *
 * htmx posts the form to the autosave URL a few seconds after typing stops and on every change.
 * Every keystroke is also copied to localStorage. A save the server confirms (header
 * "X-Autosave: saved") clears that copy; when a save does not get through (the session ended,
 * the network dropped) the copy stays, a warning offers to sign in again, and when the page is
 * next opened — after signing in — the copy is put back into the form and saved.
 * The copy is restored only onto the version of the return it was typed on.
 */
(function () {
  "use strict";

  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrfmiddlewaretoken" && el.type !== "submit" && el.type !== "file";
    });
  }

  function snapshot(form) {
    var values = {};
    fieldsOf(form).forEach(function (el) { values[el.name] = el.value; });
    return values;
  }

  function read(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function write(key, data) {
    try { window.localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* storage full or blocked */ }
  }

  function forget(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }

  function setup(form) {
    var key = form.getAttribute("data-storage-key");
    var version = form.getAttribute("data-version");
    var offline = document.getElementById("autosave-offline");
    var restored = document.getElementById("autosave-restored");
    var pending = false;

    function keep() {
      pending = true;
      write(key, { version: version, values: snapshot(form), at: Date.now() });
    }

    // Put back text typed on this version that never reached the server.
    var saved = read(key);
    if (saved && saved.version === version && saved.values) {
      var changed = false;
      fieldsOf(form).forEach(function (el) {
        if (Object.prototype.hasOwnProperty.call(saved.values, el.name) && saved.values[el.name] !== el.value) {
          el.value = saved.values[el.name];
          changed = true;
        }
      });
      if (changed) {
        restored.hidden = false;
        pending = true;
        window.setTimeout(function () { window.htmx.trigger(form, "change"); }, 50);
      } else {
        forget(key);
      }
    } else if (saved) {
      forget(key); // typed on an older version: the server's text is newer
    }

    form.addEventListener("input", keep);
    form.addEventListener("change", keep);

    form.addEventListener("htmx:beforeSwap", function (event) {
      var xhr = event.detail.xhr;
      var ok = xhr.status === 200 && xhr.getResponseHeader("X-Autosave");
      if (!ok) {
        event.detail.shouldSwap = false; // e.g. the sign-in page after a session ended
      }
    });

    form.addEventListener("htmx:afterRequest", function (event) {
      var xhr = event.detail.xhr;
      var state = xhr && xhr.status === 200 ? xhr.getResponseHeader("X-Autosave") : null;
      if (state === "saved") {
        var newVersion = xhr.getResponseHeader("X-Return-Version");
        if (newVersion) {
          version = newVersion;
          form.setAttribute("data-version", newVersion);
        }
        offline.hidden = true;
        pending = false;
        forget(key);
      } else if (state !== "refused") {
        offline.hidden = false;
        keep();
      }
    });

    // Buttons submit the whole form normally: keep the copy until the next page confirms.
    form.addEventListener("submit", function () { keep(); });

    window.addEventListener("beforeunload", function (event) {
      if (pending && !offline.hidden) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-return-form]").forEach(setup);
  });
})();
