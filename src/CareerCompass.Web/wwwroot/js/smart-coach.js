// The live SMART coach: as the person types, ask /api/goals/smart-check and update the verdict beside the form.
// Without this script the verdict is shown after saving.
(function () {
  "use strict";
  var form = document.querySelector("form[data-smart-coach]");
  var panel = document.querySelector("[data-coach]");
  if (!form || !panel || !window.fetch) {
    return;
  }

  var labels = { met: "Met", notYet: "Not yet", needsInput: "Needs input" };
  var timer = null;
  var latest = 0;

  function value(name) {
    var field = form.elements[name];
    if (!field) {
      return null;
    }
    if (field instanceof RadioNodeList) {
      return field.value || null;
    }
    return field.value === "" ? null : field.value;
  }

  function payload() {
    var horizon = { ShortTerm: "short", MediumTerm: "medium", LongTerm: "long" }[value("Input.Horizon")] || null;
    var confidence = value("Input.Confidence");
    var linked = form.querySelectorAll("input[name='Input.Links']:checked").length;
    // The saved check counts a confidence plan with any words in it; a short piece is enough to say the same.
    var plan = (value("Input.ConfidencePlan") || "").trim();
    return {
      statement: (value("Input.Statement") || "").slice(0, 1000),
      horizon: horizon,
      measure: value("Input.Measure"),
      target: value("Input.Target"),
      deadline: value("Input.Deadline"),
      confidence: confidence ? parseInt(confidence, 10) : null,
      linkedItems: linked,
      confidencePlan: plan ? plan.slice(0, 200) : null
    };
  }

  function show(verdict) {
    Object.keys(verdict).forEach(function (key) {
      var item = panel.querySelector("[data-criterion='" + key + "']");
      if (!item) {
        return;
      }
      var badge = item.querySelector("[data-status]");
      badge.textContent = labels[verdict[key].status] || verdict[key].status;
      badge.className = "badge coach-" + verdict[key].status;
      item.querySelector("[data-advice]").textContent = verdict[key].advice;
    });
  }

  function check() {
    var request = ++latest;
    fetch("/api/goals/smart-check", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(payload()),
      credentials: "same-origin"
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (verdict) {
        if (verdict && request === latest) {
          show(verdict);
        }
      })
      .catch(function () { /* the saved verdict stays; the next keystroke tries again */ });
  }

  function changed() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, 400);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
})();
