// Shows the interest explorer's result as the person rates, in the same plain words the server uses
// (Interests.ResultSentence). The result sits in an aria-live="polite" region, so screen readers hear it too.
// Without this script the result still appears after saving.
(function () {
  "use strict";
  var explorer = document.querySelector("[data-explorer]");
  var result = document.querySelector("[data-explorer-result]");
  if (!explorer || !result) {
    return;
  }

  var areas = Array.prototype.slice.call(explorer.querySelectorAll("fieldset[data-area]"));

  function words(top) {
    var parts = top.map(function (a) { return a.plain + " (" + a.name + ")"; });
    if (parts.length <= 1) {
      return parts.join("");
    }
    return parts.slice(0, -1).join(", ") + " and " + parts[parts.length - 1];
  }

  function sentence() {
    var scored = [];
    areas.forEach(function (fieldset, order) {
      var checked = fieldset.querySelectorAll("input[type=radio]:checked");
      if (checked.length === 0) {
        return;
      }
      var sum = 0;
      checked.forEach(function (input) { sum += Number(input.value); });
      scored.push({
        order: order,
        average: sum / checked.length,
        name: fieldset.getAttribute("data-area"),
        plain: fieldset.getAttribute("data-plain"),
        letter: fieldset.getAttribute("data-letter")
      });
    });
    scored.sort(function (x, y) { return y.average - x.average || x.order - y.order; });
    var top = scored.slice(0, 3);
    if (scored.length === areas.length) {
      return "You lean towards " + words(top) + ". That's " + top.map(function (a) { return a.letter; }).join("") + " for short.";
    }
    if (scored.length === 0) {
      return "Rate a few activities and you'll see here which areas you lean towards.";
    }
    return "So far you lean towards " + words(top) + ". Rate at least one activity in every area to see your top three.";
  }

  explorer.addEventListener("change", function () {
    var text = sentence();
    if (result.textContent !== text) {
      result.textContent = text;
    }
  });
})();
