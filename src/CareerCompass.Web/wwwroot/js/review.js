// The review's goals step: shows "Edit this goal with the coach" as soon as adjust or pivot is chosen. Without this
// script the link shows once the decision is saved.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (!radio || !radio.matches || !radio.matches("input[data-decision-for]")) {
      return;
    }
    var link = document.querySelector("[data-edit-link-for='" + radio.getAttribute("data-decision-for") + "']");
    if (link) {
      link.hidden = !(radio.value === "Adjust" || radio.value === "Pivot");
    }
  });
})();
