// Asks before leaving a form[data-warn-unsaved] with edits not yet saved. Only once something was typed — or
// from the start when the server sent the form back with what was typed (data-warn-unsaved="returned": a save it
// refused) — and never on the way out by its own submit button.
(function () {
  "use strict";
  var form = document.querySelector("form[data-warn-unsaved]");
  if (!form) {
    return;
  }
  var dirty = form.getAttribute("data-warn-unsaved") === "returned";
  function changed() {
    dirty = true;
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    dirty = false;
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
