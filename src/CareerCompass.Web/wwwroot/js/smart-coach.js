// The live SMART coach: as the person types, ask /api/goals/smart-check and update the verdict — the full coach
// beside the form and the compact one under the statement — then say once, in a live region, what changed.
// Without this script the verdict is shown after saving.
(function () {
  "use strict";

  var order = ["specific", "measurable", "achievable", "relevant", "timeBound"];
  var names = { specific: "specific", measurable: "measurable", achievable: "achievable", relevant: "relevant", timeBound: "time-bound" };

  function list(words) {
    if (words.length < 2) {
      return words.join("");
    }
    return words.slice(0, -1).join(", ") + " and " + words[words.length - 1];
  }

  // What to announce after a check: only the criteria whose "met" changed since the last one, then what's still
  // needed ("Now specific. Still needs a date."). Nothing changed: nothing to say (""). before/after map each
  // criterion to its status name; needs is the summary's phrase for the first criterion not met, or null.
  function describeChanges(before, after, needs) {
    var gained = [];
    var lost = [];
    order.forEach(function (key) {
      var was = before[key] === "met";
      var now = after[key] === "met";
      if (!was && now) {
        gained.push(names[key]);
      } else if (was && !now) {
        lost.push(names[key]);
      }
    });
    if (gained.length === 0 && lost.length === 0) {
      return "";
    }
    var parts = [];
    if (gained.length > 0) {
      parts.push("Now " + list(gained) + ".");
    }
    if (lost.length > 0) {
      parts.push("No longer " + list(lost) + ".");
    }
    var allMet = order.every(function (key) { return after[key] === "met"; });
    parts.push(allMet ? "All five met — your goal is SMART." : needs ? "Still needs " + needs + "." : "");
    return parts.join(" ").trim();
  }

  window.CareerCompassCoach = { describeChanges: describeChanges };

  var form = document.querySelector("form[data-smart-coach]");
  var panels = document.querySelectorAll("[data-coach]");
  if (!form || panels.length === 0 || !window.fetch) {
    return;
  }

  var announcer = document.querySelector("[data-coach-announce]");
  var labels = { met: "Met", notYet: "Not yet", needsInput: "Needs input" };
  var timer = null;
  var latest = 0;
  var shown = {};
  order.forEach(function (key) {
    var badge = panels[0].querySelector("[data-criterion='" + key + "'] [data-status]");
    shown[key] = badge ? badge.getAttribute("data-status") : null;
  });

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
    var now = {};
    order.forEach(function (key) {
      if (!verdict[key]) {
        return;
      }
      now[key] = verdict[key].status;
      Array.prototype.forEach.call(panels, function (panel) {
        var item = panel.querySelector("[data-criterion='" + key + "']");
        if (!item) {
          return;
        }
        var badge = item.querySelector("[data-status]");
        badge.textContent = labels[verdict[key].status] || verdict[key].status;
        badge.className = "badge coach-" + verdict[key].status;
        badge.setAttribute("data-status", verdict[key].status);
        item.querySelector("[data-advice]").textContent = verdict[key].advice;
      });
    });
    var summary = verdict.summary || {};
    Array.prototype.forEach.call(document.querySelectorAll("[data-coach-summary]"), function (line) {
      if (summary.text) {
        line.textContent = summary.text;
      }
    });
    var news = describeChanges(shown, now, summary.needs || null);
    shown = now;
    if (announcer && news) {
      announcer.textContent = news;
    }
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
