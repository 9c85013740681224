// Saves a reflection step in the background while the person types, so closing the tab loses at most a few
// seconds. The form still works without this script ("Save and continue" posts it normally).
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) {
    return;
  }

  var status = document.querySelector("[data-autosave-status]");
  var versionInput = form.querySelector("input[name='Version']");
  var timer = null;
  var retryDelay = 2000;
  var dirty = false;
  var saving = false;
  var stopped = false;
  var inFlight = null; // the save on its way, if any: a submit waits for it, so it carries the version it brings back

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, delay);
  }

  function save() {
    if (stopped || saving || !dirty) {
      return;
    }
    saving = true;
    dirty = false;
    say("Saving…");
    var url = new URL(form.getAttribute("action") || window.location.pathname, window.location.href);
    url.searchParams.set("handler", "Autosave");
    inFlight = fetch(url.toString(), { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return { status: response.status, body: body };
        });
      })
      .then(function (result) {
        saving = false;
        if (result.status === 200 && result.body.saved) {
          versionInput.value = result.body.version;
          retryDelay = 2000;
          var time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
          say("Saved at " + time + ".");
          if (dirty) {
            schedule(1500);
          }
        } else if (result.status === 409) {
          stopped = true;
          say(result.body.message || "This step was changed somewhere else. Reload to see the latest version.");
        } else if (result.status === 400 && result.body.errors) {
          say("Not saved yet: " + result.body.errors.map(function (e) { return e.message; }).join(" "));
        } else {
          throw new Error("status " + result.status);
        }
      })
      .catch(function () {
        saving = false;
        dirty = true;
        say("Couldn't save — retrying in " + Math.round(retryDelay / 1000) + " seconds. Your text is still here.");
        schedule(retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      });
    inFlight.then(function () {
      inFlight = null;
    });
  }

  function changed() {
    dirty = true;
    schedule(1500);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) {
    // A button that saves in place (in-place.js) leaves the person on the step: keep autosaving after it.
    var inPlace = !!(event.submitter && event.submitter.hasAttribute("data-in-place"));
    if (!inPlace) {
      stopped = true;
      window.clearTimeout(timer);
    }
    if (inFlight && !form.hasAttribute("data-autosave-submitting")) {
      // A background save is still on its way: sent now, this form would carry the version from before it and be
      // refused as stale. Wait for it, then send the form as the person asked (the same button).
      event.preventDefault();
      var submitter = event.submitter || null;
      inFlight.then(function () {
        form.setAttribute("data-autosave-submitting", "");
        if (form.requestSubmit) {
          form.requestSubmit(submitter);
        } else {
          form.submit();
        }
        if (inPlace) {
          form.removeAttribute("data-autosave-submitting");
        }
      });
    }
  });
  window.addEventListener("pagehide", function () {
    if (dirty && !stopped && navigator.sendBeacon) {
      var url = new URL(form.getAttribute("action") || window.location.pathname, window.location.href);
      url.searchParams.set("handler", "Autosave");
      navigator.sendBeacon(url.toString(), new FormData(form));
    }
  });
})();
